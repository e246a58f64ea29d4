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


@pytest.fixture
def tick_form(tmp_path):
    """A label cell merged over two rows, a column of tick boxes, the options on the right;
    below it a day written in two adjacent boxes (not tick boxes)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas

    pdfmetrics.registerFont(TTFont("FlatSerif", str(font_path())))
    path = tmp_path / "ticks.pdf"
    c = Canvas(str(path), pagesize=(595, 842), invariant=1)
    c.setFont("FlatSerif", 12)
    top, row, left, label_end, box_end, right = 760, 24, 60, 220, 244, 540
    c.line(left, top, right, top)
    c.line(left, top - 2 * row, right, top - 2 * row)
    c.line(label_end, top - row, right, top - row)  # the middle rule stops at the merged cell
    for x in (left, label_end, box_end, right):
        c.line(x, top, x, top - 2 * row)
    c.drawString(left + 4, top - row - 4, "Giới tính")
    c.drawString(box_end + 4, top - row + 8, "Nam")
    c.drawString(box_end + 4, top - 2 * row + 8, "Nữ")
    y = 660
    c.drawString(left, y + 5, "Ngày cấp")
    c.line(140, y, 176, y)
    c.line(140, y + 18, 176, y + 18)
    for x in (140, 158, 176):
        c.line(x, y, x, y + 18)
    c.save()
    return path


def test_tick_boxes_beside_a_merged_cell_are_found_and_ticked(tick_form, tmp_path) -> None:
    info = forms.inspect(tick_form)
    ticks = [item for item in info.items if item.type == "checkbox"]
    assert [(t.kind, t.label) for t in ticks] == [("blank", "Nam"), ("blank", "Nữ")]
    assert all(abs(t.rect[2] - t.rect[0] - 24) < 1 for t in ticks)
    male, female = ticks
    out = tmp_path / "out.pdf"
    result = forms.fill(tick_form, out, {male.id: "X", female.id: "không"},
                        forms.FillOptions(flatten=True))  # fmt: skip
    assert male.id in result.filled and not result.skipped
    import pymupdf

    with pymupdf.open(out) as doc:
        marks = [w for w in doc[0].get_text("words") if w[4] == "X"]
    assert len(marks) == 1  # only the ticked box
    x0, y0, x1, y1 = marks[0][:4]
    assert male.rect[0] <= (x0 + x1) / 2 <= male.rect[2]
    assert male.rect[1] <= (y0 + y1) / 2 <= male.rect[3]
    refused = forms.fill(tick_form, tmp_path / "other.pdf", {male.id: "có lẽ"})
    assert [item_id for item_id, _reason in refused.skipped] == [male.id]
