"""One translation layer for the core and the GUI.

Source strings are English; Vietnamese (the default language) comes from Qt Linguist `.ts`
files in resources/translations/<lang>/. They are parsed at start-up (no binary .qm files are
committed), so the Qt-free core and the Qt widgets share the same catalog. Mark a string with
`_("...")`; placeholders use str.format names, e.g. `_("Cannot open {file}")`.
"""

from __future__ import annotations

import json
import os
import re
import threading
from datetime import date, datetime
from pathlib import Path

from common.resources import resource_path

DEFAULT_LANGUAGE = "vi"
SUPPORTED_LANGUAGES = ("vi", "en")

_lock = threading.Lock()
_language = DEFAULT_LANGUAGE
_catalogs: dict[str, dict[str, str]] = {}


def translations_dir(language: str) -> Path:
    return resource_path("translations", language)


_MESSAGE = re.compile(
    r"<source>(.*?)</source>\s*(?:<comment>.*?</comment>\s*)?"
    r"<translation([^>]*?)(?:/>|>(.*?)</translation>)",
    re.S,
)


def unescape(text: str) -> str:
    """XML character references of a .ts file (html is imported only when one is there)."""
    if "&" not in text:
        return text
    import html

    return html.unescape(text)


def read_ts_fast(path: Path) -> dict[str, str]:
    """Read one .ts file at start-up: a regular expression is 5x faster than an XML parser.

    Only finished, non-obsolete translations are returned; `parse_ts` is the reference.
    """
    return read_ts_text(path.read_text(encoding="utf-8"))


def read_ts_text(text: str) -> dict[str, str]:
    """The finished messages of the text of a .ts file (or of one of its contexts)."""
    table: dict[str, str] = {}
    for match in _MESSAGE.finditer(text):
        source, attributes, translated = match.groups()
        if translated and "obsolete" not in attributes and "vanished" not in attributes:
            table[unescape(source)] = unescape(translated)
    return table


def parse_ts(path: Path) -> dict[str, str]:
    """Read one Qt Linguist file with an XML parser: source text -> translation."""
    import xml.etree.ElementTree as ET

    table: dict[str, str] = {}
    root = ET.parse(path).getroot()
    for message in root.iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        if source is None or translation is None:
            continue
        if translation.get("type") in {"obsolete", "vanished"}:
            continue
        text = translation.text or ""
        if text:
            table[source] = text
    return table


_cache_dir: Path | None = None


def set_cache_dir(folder: Path | None) -> None:
    """Where compiled catalogs are kept between runs (the app passes its data folder)."""
    global _cache_dir
    _cache_dir = folder


def _ts_files(folder: Path) -> list[tuple[Path, os.stat_result]]:
    """The .ts files of a folder with their status (one directory scan: start-up reads it)."""
    if not folder.is_dir():
        return []
    with os.scandir(folder) as entries:
        found = [(Path(e.path), e.stat()) for e in entries if e.name.endswith(".ts")]
    return sorted(found)


def _fingerprint(files: list[tuple[Path, os.stat_result]]) -> list[list[object]]:
    return [[f.name, s.st_size, s.st_mtime_ns] for f, s in files]


def _compile(language: str) -> dict[str, str]:
    """Merge every .ts file of the language; reuse the compiled copy while none changed."""
    files = _ts_files(translations_dir(language))
    fingerprint = _fingerprint(files)
    cache = _cache_dir / f"translations-{language}.json" if _cache_dir else None
    if cache is not None:
        try:
            data = json.loads(cache.read_text(encoding="utf-8"))
            if data.get("fingerprint") == fingerprint:
                return dict(data["table"])
        except (OSError, ValueError, KeyError, AttributeError):
            pass  # no cache yet, or a stale or damaged one: compile again
    table: dict[str, str] = {}
    for ts_file, _status in files:
        table.update(read_ts_fast(ts_file))
    if cache is not None:
        try:
            cache.parent.mkdir(parents=True, exist_ok=True)
            payload = json.dumps({"fingerprint": fingerprint, "table": table}, ensure_ascii=False)
            temporary = cache.with_suffix(f".{threading.get_ident()}.tmp")
            temporary.write_text(payload, encoding="utf-8")
            temporary.replace(cache)
        except OSError:
            pass  # a read-only data folder only costs the compile time
    return table


def load_catalog(language: str) -> dict[str, str]:
    """All translations of a language, merged from every .ts file of its folder."""
    with _lock:
        if language not in _catalogs:
            _catalogs[language] = _compile(language)
        return _catalogs[language]


def set_language(language: str) -> None:
    """Choose the language of every later `_()` call ('vi' or 'en')."""
    global _language
    if language not in SUPPORTED_LANGUAGES:
        language = DEFAULT_LANGUAGE
    _language = language


def current_language() -> str:
    return _language


def _(text: str) -> str:
    """Translate `text` into the current language (English source strings pass through)."""
    if _language == "en":
        return text
    return load_catalog(_language).get(text, text)


def N_(text: str) -> str:
    """Mark a string for translation without translating it now (for module constants)."""
    return text


def format_date(value: date | str) -> str:
    """A date the way the reader writes it: dd/mm/yyyy in Vietnamese, yyyy-mm-dd in English."""
    if isinstance(value, str):
        if len(value) < 10:
            return value
        try:
            value = date.fromisoformat(value[:10])
        except ValueError:
            return value
    return value.isoformat() if _language == "en" else value.strftime("%d/%m/%Y")


def format_datetime(value: datetime) -> str:
    """Date and time: '27/11/2026 14:05' in Vietnamese, '2026-11-27 14:05' in English."""
    return f"{format_date(value.date())} {value.strftime('%H:%M')}"


def format_number(value: float, decimals: int = 0) -> str:
    """1234567.5 -> '1.234.567,5' in Vietnamese, '1,234,567.5' in English."""
    text = f"{value:,.{decimals}f}"
    if _language == "en":
        return text
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
