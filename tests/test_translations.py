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
