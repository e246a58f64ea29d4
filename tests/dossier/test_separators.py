"""Separator sheets: printed, scanned back (rendered), and used to split a stack of pages."""

from __future__ import annotations

import pytest
from PIL import Image, ImageDraw

from common.errors import InputError
from dossier.catalog import load_catalog
from dossier.separators import make_separator_sheets, read_separator, split_stack


@pytest.fixture
def birth():
    return load_catalog(None).get("1.001193")


def rendered_pages(pdf_path, dpi=100):
    import pymupdf

    pages = []
    with pymupdf.open(pdf_path) as doc:
        for page in doc:
            pix = page.get_pixmap(dpi=dpi)
            pages.append(Image.frombytes("RGB", (pix.width, pix.height), pix.samples))
    return pages


def text_page(label: str) -> Image.Image:
    page = Image.new("RGB", (827, 1169), "white")
    draw = ImageDraw.Draw(page)
    for row in range(30):
        draw.text((80, 80 + row * 34), f"{label} dòng {row} ............", fill="black")
    return page


def test_sheets_carry_a_readable_qr_per_component(birth, tmp_path):
    pdf = make_separator_sheets(birth, tmp_path / "tờ phân cách.pdf")
    sheets = rendered_pages(pdf)
    assert len(sheets) == len(birth.components)
    found = [read_separator(sheet) for sheet in sheets]
    assert found == [(birth.code, c.id) for c in birth.components]


def test_stack_is_split_by_separator_sheets(birth, tmp_path):
    sheets = rendered_pages(make_separator_sheets(birth, tmp_path / "s.pdf"))
    first, second = birth.components[0].id, birth.components[1].id
    stack = [sheets[0], text_page("a"), text_page("b"), sheets[1], text_page("c")]
    split = split_stack(stack, birth)
    assert split.pages == {first: [1, 2], second: [4]}
    assert split.separators == [0, 3]


def test_stack_split_by_blank_pages_in_procedure_order(birth):
    blank = Image.new("RGB", (827, 1169), (250, 250, 248))
    stack = [text_page("a"), blank, text_page("b"), text_page("c"), blank, text_page("d")]
    split = split_stack(stack, birth, use_blank_pages=True)
    ids = [c.id for c in birth.components]
    assert split.pages == {ids[0]: [0], ids[1]: [2, 3], ids[2]: [5]}
    assert split.blanks == [1, 4]


def test_a_sheet_of_another_procedure_is_refused(birth, tmp_path):
    death = load_catalog(None).get("1.000656")
    sheets = rendered_pages(make_separator_sheets(death, tmp_path / "s.pdf"))
    with pytest.raises(InputError):
        split_stack([sheets[0]], birth)
