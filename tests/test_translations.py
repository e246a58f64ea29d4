"""Every string the app shows has a Vietnamese translation with the same placeholders."""

from __future__ import annotations

import re
import string

from common import i18n
from scripts.update_translations import code_strings

FORMATTER = string.Formatter()


def placeholders(text: str) -> set[str]:
    try:
        return {name for _lit, name, _spec, _conv in FORMATTER.parse(text) if name is not None}
    except ValueError:
        return set()


def test_every_marked_string_has_a_vietnamese_translation():
    catalog = i18n.load_catalog("vi")
    missing = sorted(
        f"{module}: {text!r}"
        for module, texts in code_strings().items()
        for text in texts
        if not catalog.get(text)
    )
    assert missing == [], "run `make translations` and translate:\n" + "\n".join(missing)


def test_translations_keep_placeholders():
    catalog = i18n.load_catalog("vi")
    wrong = [
        (source, target)
        for source, target in catalog.items()
        if placeholders(source) != placeholders(target)
    ]
    assert wrong == []


def test_vietnamese_is_the_default_and_english_passes_through():
    assert i18n.DEFAULT_LANGUAGE == "vi"
    i18n.set_language("vi")
    assert i18n._("Cancel") == "Hủy"
    i18n.set_language("en")
    assert i18n._("Cancel") == "Cancel"
    i18n.set_language("xx")  # unknown falls back to the default
    assert i18n.current_language() == "vi"


def test_translations_use_vietnamese_letters():
    catalog = i18n.load_catalog("vi")
    vietnamese = re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.I)
    with_marks = sum(1 for target in catalog.values() if vietnamese.search(target))
    assert with_marks > 0.6 * len(catalog)


def test_dates_and_numbers_follow_the_language():
    from datetime import date

    i18n.set_language("vi")
    assert i18n.format_date(date(2026, 11, 27)) == "27/11/2026"
    assert i18n.format_date("2026-02-03T10:00:00+07:00") == "03/02/2026"
    assert i18n.format_number(1234567.5, 1) == "1.234.567,5"
    i18n.set_language("en")
    assert i18n.format_date(date(2026, 11, 27)) == "2026-11-27"
    assert i18n.format_number(1234567.5, 1) == "1,234,567.5"


def test_fast_reader_agrees_with_the_xml_parser(tmp_path):
    files = sorted(i18n.translations_dir("vi").glob("*.ts"))
    assert files
    for path in files:
        assert i18n.read_ts_fast(path) == i18n.parse_ts(path), path.name
    tricky = tmp_path / "x.ts"
    tricky.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<TS version="2.1" language="vi"><context>'
        "<name>x</name>"
        "<message><source>A &amp; &lt;b&gt;</source><translation>Á &amp; &lt;b&gt;</translation>"
        "</message>"
        '<message><source>Empty</source><translation type="unfinished" /></message>'
        '<message><source>Old</source><translation type="vanished">Cũ</translation></message>'
        "</context></TS>",
        encoding="utf-8",
    )
    assert i18n.read_ts_fast(tricky) == i18n.parse_ts(tricky) == {"A & <b>": "Á & <b>"}


def test_compiled_catalog_is_reused_and_refreshed_when_a_file_changes(tmp_path, monkeypatch):
    import shutil

    folder = tmp_path / "translations" / "vi"
    folder.mkdir(parents=True)
    source = i18n.translations_dir("vi") / "ui.main_window.ts"
    shutil.copy(source, folder / "ui.main_window.ts")
    monkeypatch.setattr(
        i18n, "translations_dir", lambda language: tmp_path / "translations" / language
    )
    monkeypatch.setattr(i18n, "_catalogs", {})
    i18n.set_cache_dir(tmp_path / "cache")
    try:
        first = i18n.load_catalog("vi")
        assert first["Next"] == "Tiếp theo"
        cache = tmp_path / "cache" / "translations-vi.json"
        assert cache.exists()
        # a changed .ts file invalidates the compiled copy
        text = (folder / "ui.main_window.ts").read_text(encoding="utf-8")
        (folder / "ui.main_window.ts").write_text(
            text.replace("Tiếp theo", "Tiếp tục"), encoding="utf-8"
        )
        monkeypatch.setattr(i18n, "_catalogs", {})
        assert i18n.load_catalog("vi")["Next"] == "Tiếp tục"
        # a damaged cache is compiled again, never trusted
        cache.write_text("{broken", encoding="utf-8")
        monkeypatch.setattr(i18n, "_catalogs", {})
        assert i18n.load_catalog("vi")["Next"] == "Tiếp tục"
    finally:
        i18n.set_cache_dir(None)
