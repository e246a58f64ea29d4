"""Collect the `_("...")` strings of the code into the Vietnamese .ts files.

Run `make translations`. Each top-level package has its own file
resources/translations/vi/<package>.ts (Qt Linguist format). New strings are added as
unfinished (empty) entries for a translator; strings no longer in the code are marked
vanished. Translations already there are kept.
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
    found = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in MARKERS
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            found.append(node.args[0].value)
    return found


def strings_in_package(package: str) -> list[str]:
    seen: dict[str, None] = {}
    for path in sorted((ROOT / package).rglob("*.py")):
        for text in strings_in_file(path):
            seen.setdefault(text, None)
    return list(seen)


def ts_path(language: str, package: str) -> Path:
    return ROOT / "resources" / "translations" / language / f"{package}.ts"


def update_ts(path: Path, language: str, package: str, strings: list[str]) -> int:
    existing: dict[str, tuple[str, str | None]] = {}
    if path.exists():
        for message in ET.parse(path).getroot().iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            text = translation.text if translation is not None else ""
            kind = translation.get("type") if translation is not None else None
            existing[source] = (text or "", kind)
    root = ET.Element("TS", version="2.1", language=language)
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = package
    missing = 0
    ordered = strings + sorted(set(existing) - set(strings))
    for source in ordered:
        text, kind = existing.get(source, ("", None))
        message = ET.SubElement(context, "message")
        ET.SubElement(message, "source").text = source
        translation = ET.SubElement(message, "translation")
        translation.text = text
        if source not in strings:
            translation.set("type", "vanished")
        elif not text:
            translation.set("type", "unfinished")
            missing += 1
    ET.indent(root)
    path.parent.mkdir(parents=True, exist_ok=True)
    body = ET.tostring(root, encoding="unicode")
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )
    return missing


def main() -> int:
    total_missing = 0
    for package in PACKAGES:
        if not (ROOT / package).is_dir():
            continue
        strings = strings_in_package(package)
        for language in LANGUAGES:
            missing = update_ts(ts_path(language, package), language, package, strings)
            if missing:
                print(f"{package} ({language}): {missing} string(s) to translate")
            total_missing += missing
    return 1 if total_missing else 0


if __name__ == "__main__":
    sys.exit(main())
