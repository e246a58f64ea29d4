"""forms.value_layout: the preview's layout of a blank's value is where `fill` writes it."""

from __future__ import annotations

import dataclasses

import pymupdf

import forms
from common.resources import resource_path

TEMPLATE = resource_path("forms", "tk-khai-sinh.pdf")


def _item(item_id: str) -> forms.FormItem:
    info = forms.inspect(TEMPLATE, forms.InspectOptions())
    return next(i for i in info.items if i.id == item_id)


def _words(path, page: int = 0) -> list[tuple[float, float, str]]:
    with pymupdf.open(path) as doc:
        return [(w[0], w[3], w[4]) for w in doc[page].get_text("words")]


def test_the_signing_date_goes_into_its_three_places_as_in_the_saved_form(tmp_path):
    item = _item("p1b28")  # "…, ngày … tháng … năm …" of the birth registration
    pieces = forms.value_layout(item, "02/12/2026")
    assert [text for _x, _y, text, _s in pieces] == ["02", "12", "2026"]
    for (x, _y, _text, _s), part in zip(pieces, item.parts):
        assert part[0] <= x < part[2]  # the day in the day's blank, not over "tháng"
    out = tmp_path / "filled.pdf"
    forms.fill(TEMPLATE, out, {"p1b28": "02/12/2026"}, forms.FillOptions())
    written = _words(out)
    for x, baseline, text, _size in pieces:
        assert any(w == text and abs(wx - x) < 1.5 and abs(wy - baseline) < 4
                   for wx, wy, w in written), (text, x, baseline)  # fmt: skip


def test_a_value_too_long_for_its_blank_has_no_layout():
    short = dataclasses.replace(_item("p1b28"), type="line", parts=(), rect=(100, 100, 160, 115))
    assert forms.value_layout(short, "Tân Mai") is not None
    assert forms.value_layout(short, "Ủy ban nhân dân " * 20) is None
