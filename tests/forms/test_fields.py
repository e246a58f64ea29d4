"""AcroForm fields of every real form in testdata, and blanks of the flat CC01 form."""

from __future__ import annotations

from collections import Counter

import pytest

import forms
from tests.conftest import TESTDATA

ACROFORMS = sorted((TESTDATA / "forms" / "acroform").glob("*.pdf")) if TESTDATA.is_dir() else []


@pytest.mark.parametrize("path", ACROFORMS, ids=lambda p: p.name)
def test_every_acroform_lists_its_fields(path) -> None:
    info = forms.inspect(path, forms.InspectOptions(find_blanks=False))
    assert info.has_acroform
    fields = [i for i in info.items if i.kind == "field"]
    assert fields
    for item in fields:
        assert 1 <= item.page <= info.page_count
        x0, y0, x1, y1 = item.rect
        assert x1 >= x0 and y1 >= y0
        assert item.id


def test_all_field_kinds_are_recognised(testdata) -> None:
    kinds: Counter[str] = Counter()
    for path in sorted(testdata("forms", "acroform").glob("*.pdf")):  # skips without testdata
        info = forms.inspect(path, forms.InspectOptions(find_blanks=False))
        kinds.update(i.type for i in info.items)
    for kind in ("text", "multiline", "comb", "checkbox", "radio", "combo", "list", "signature"):
        assert kinds[kind] > 0, kind


def test_known_values_flags_and_options(testdata) -> None:
    info = forms.inspect(testdata("forms", "acroform", "pdf-lib_fancy_fields.pdf"))
    by_type = {i.type: i for i in info.items}
    assert by_type["combo"].options == ("Exia", "Kyrios", "Virtue", "Dynames")
    assert by_type["combo"].value == "Dynames"
    assert by_type["radio"].options  # on-states
    sample = forms.inspect(testdata("forms", "acroform", "pdf-lib_sample_form.pdf"))
    assert any(i.type == "signature" and not i.fillable for i in sample.items)
    combed = forms.inspect(testdata("forms", "acroform", "taxforms_fd_F1040EZ.pdf"))
    comb = next(i for i in combed.items if i.type == "comb")
    assert comb.max_len > 0 and comb.flags & (1 << 24)


def test_xfa_hybrid_is_reported(testdata) -> None:
    info = forms.inspect(testdata("forms", "acroform", "pdf-lib_with_xfa_fields.pdf"))
    assert info.has_xfa
    assert any("XFA" in w for w in info.warnings)
    assert len([i for i in info.items if i.kind == "field"]) > 50


def test_circular_field_tree_terminates(testdata) -> None:
    info = forms.inspect(testdata("hostile", "pdf", "pyhanko_form-tree-circular-ref-input.pdf"))
    assert info.page_count == 1


def _cc01():
    return forms.inspect(TESTDATA / "forms" / "vietnamese" / "cccd_to_khai_can_cuoc_CC01.pdf")


def test_cc01_blanks_have_labels_and_meanings(testdata) -> None:
    testdata("forms", "vietnamese", "cccd_to_khai_can_cuoc_CC01.pdf")
    info = _cc01()
    assert not info.has_acroform
    page1 = [i for i in info.items if i.page == 1]
    assert len(page1) >= 30
    by_label = {i.label: i for i in page1}
    name = by_label["Họ, chữ đệm và tên"]
    assert (name.key, name.person, name.type) == ("full_name", "requester", "line")
    assert name.baseline and name.rect[1] < name.baseline < name.rect[3]
    assert by_label["Ngày, tháng, năm sinh"].type == "date"
    assert len(by_label["Ngày, tháng, năm sinh"].parts) == 3
    assert by_label["Họ, chữ đệm và tên của cha"].role == "father"
    assert by_label["Họ, chữ đệm và tên của mẹ"].role == "mother"
    assert by_label["Nơi thường trú"].key == "permanent_residence"
    assert len(by_label["Nơi thường trú"].parts) >= 2  # continuation lines for long addresses
    assert by_label["Số điện thoại"].key == "phone"
    boxes = [i for i in page1 if i.type == "boxes"]
    assert len(boxes) == 6 and all(b.max_len == 12 for b in boxes)
    assert boxes[0].key == "personal_id" and boxes[0].person == "requester"
    assert boxes[1].role == "father"


def test_cc01_signing_date_is_one_date_blank(testdata) -> None:
    testdata("forms", "vietnamese", "cccd_to_khai_can_cuoc_CC01.pdf")
    items = _cc01().items
    dates = [i for i in items if i.type == "date" and i.key == "today"]
    assert [d.page for d in dates] == [1]  # the signature line of the person (người khai)
    assert all(len(d.parts) == 3 for d in dates)
    # the officer's date on page 2 (cán bộ tra cứu) is no signature line of the person: no guess
    officer = [i for i in items if i.type == "date" and i.page == 2]
    assert officer and all(i.key is None for i in officer)
