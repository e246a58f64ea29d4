"""Flat-form layouts made here with ReportLab: tables ruled with lines, "năm 20……" dates."""

from __future__ import annotations

import pytest

import forms
from forms.fonts import font_path
from tests.forms.helpers import pdftotext, squash


@pytest.fixture
def flat_form(tmp_path):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas

    pdfmetrics.registerFont(TTFont("FlatSerif", str(font_path())))
    path = tmp_path / "flat.pdf"
    c = Canvas(str(path), pagesize=(595, 842), invariant=1)
    c.setFont("FlatSerif", 12)
    # a two-column table ruled with single lines, as Word exports it
    top, left, mid, right, row = 760, 60, 220, 540, 24
    for i in range(3):
        c.line(left, top - i * row, right, top - i * row)
    for x in (left, mid, right):
        c.line(x, top, x, top - 2 * row)
    c.drawString(left + 4, top - row + 8, "Họ và tên")
    c.drawString(left + 4, top - 2 * row + 8, "Số điện thoại")
    # a row of 12 digit boxes drawn with lines
    y = 680
    c.drawString(left, y + 5, "Số định danh cá nhân:")
    x0 = 200
    c.line(x0, y, x0 + 12 * 18, y)
    c.line(x0, y + 18, x0 + 12 * 18, y + 18)
    for i in range(13):
        c.line(x0 + i * 18, y, x0 + i * 18, y + 18)
    c.drawString(300, 620, "Ngày ……… tháng ……… năm 20……")
    c.save()
    return path


def test_table_cells_and_line_boxes_are_blanks(flat_form, tmp_path) -> None:
    info = forms.inspect(flat_form)
    by_key = {i.key: i for i in info.items}
    assert by_key["full_name"].type == "line" and by_key["phone"].type == "line"
    boxes = by_key["personal_id"]
    assert boxes.type == "boxes" and boxes.max_len == 12
    date = by_key["today"]
    assert date.type == "date" and date.max_len == 2
    profile = forms.Profile(id="a", full_name="Đỗ Thị Ộ", phone="0912345678",
                            personal_id="001190000123")  # fmt: skip
    values = forms.autofill(info.items, {"requester": profile}, today="27/11/2026")
    out = tmp_path / "out.pdf"
    forms.fill(flat_form, out, values, forms.FillOptions(flatten=True))
    text = pdftotext(out)
    assert "Đỗ Thị Ộ" in text and "0912345678" in text
    assert "001190000123" in squash(text)
    assert "năm 2026" not in text and "26" in text  # only the two digits after the printed "20"
