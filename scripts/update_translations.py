"""Collect the `_("...")` strings of the code into the Vietnamese .ts files.

Run `make translations`. Each Python module with strings of its own has its own Qt Linguist
file resources/translations/vi/<dotted.module.name>.ts, so people working on different modules
rarely edit the same file; a string used by several modules is translated once, in shared.ts.
A new string already translated elsewhere gets that translation; otherwise it is added as
unfinished (empty) for a translator to fill. Strings no longer in the code are dropped. The
exit status is 1 while anything is left to translate.
"""

from __future__ import annotations

import ast
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("common", "desktop", "ui", "dossier", "forms", "scanning", "signing")
LANGUAGES = ("vi",)
MARKERS = {"_", "N_"}


def strings_in_file(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    seen: dict[str, None] = {}
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in MARKERS
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            seen.setdefault(node.args[0].value, None)
    return list(seen)


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def code_strings() -> dict[str, list[str]]:
    """module name -> its marked strings, for every module that has some."""
    found: dict[str, list[str]] = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            strings = strings_in_file(path)
            if strings:
                found[module_name(path)] = strings
    return found


def read_ts(path: Path) -> dict[str, str]:
    table: dict[str, str] = {}
    for message in ET.parse(path).getroot().iter("message"):
        translation = message.find("translation")
        table[message.findtext("source") or ""] = (
            translation.text or "" if translation is not None else ""
        )
    return table


def write_ts(path: Path, language: str, context_name: str, entries: dict[str, str]) -> None:
    root = ET.Element("TS", version="2.1", language=language)
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = context_name
    for source, text in entries.items():
        message = ET.SubElement(context, "message")
        ET.SubElement(message, "source").text = source
        translation = ET.SubElement(message, "translation")
        translation.text = text
        if not text:
            translation.set("type", "unfinished")
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )


SHARED = "shared"  # strings used by several modules: translated once, in shared.ts


def split_shared(modules: dict[str, list[str]]) -> dict[str, list[str]]:
    """Module -> strings used by it alone; strings used by 2+ modules go under SHARED."""
    users: dict[str, int] = {}
    for strings in modules.values():
        for text in strings:
            users[text] = users.get(text, 0) + 1
    files = {m: [t for t in strings if users[t] == 1] for m, strings in modules.items()}
    files = {m: strings for m, strings in files.items() if strings}
    shared = sorted(t for t, count in users.items() if count > 1)
    if shared:
        files[SHARED] = shared
    return files


def update_language(language: str, modules: dict[str, list[str]]) -> dict[str, int]:
    folder = ROOT / "resources" / "translations" / language
    folder.mkdir(parents=True, exist_ok=True)
    existing = {p.stem: read_ts(p) for p in sorted(folder.glob("*.ts"))}
    known: dict[str, str] = {}  # what the app shows today: later files win, as at run time
    for table in existing.values():
        known.update({s: t for s, t in table.items() if t})
    missing: dict[str, int] = {}
    files = split_shared(modules)
    for name, strings in files.items():
        old = existing.get(name, {})
        entries = {s: old.get(s) or known.get(s, "") for s in strings}
        if entries != old or not (folder / f"{name}.ts").exists():
            write_ts(folder / f"{name}.ts", language, name, entries)
        count = sum(1 for text in entries.values() if not text)
        if count:
            missing[name] = count
    for stale in set(existing) - set(files):
        (folder / f"{stale}.ts").unlink()
    return missing


def main() -> int:
    modules = code_strings()
    status = 0
    for language in LANGUAGES:
        for module, count in sorted(update_language(language, modules).items()):
            print(f"{language}/{module}.ts: {count} string(s) to translate")
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
