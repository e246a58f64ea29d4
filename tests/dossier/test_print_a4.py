"""The print PDF is all A4 (issue 18): each page at true size, centred, an ID card's two sides on
one sheet; a page larger than A4 scaled into the margins."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest
from PIL import Image

from desktop.sample import create_sample_dossier
from dossier import Workspace, actions, load_catalog, load_portal
from dossier.packaging import PrintOptions
from dossier.print_layout import MARGIN_PT, lay_out_on_a4, placement

A4 = (595.28, 841.89)
CARD_MM = (85.6, 53.98)


def pt(mm: float) -> float:
    return mm * 72 / 25.4


def card_photo(path: Path, colour: tuple[int, int, int], dpi: int = 300) -> Path:
    """A card-size image whose DPI gives its true size (as the scan step writes it)."""
    size = (round(CARD_MM[0] / 25.4 * dpi), round(CARD_MM[1] / 25.4 * dpi))
    Image.new("RGB", size, colour).save(path, dpi=(dpi, dpi), quality=90)
    return path


def assert_all_a4(doc: pymupdf.Document) -> None:
    for page in doc:
        assert page.rect.width == pytest.approx(A4[0], abs=1), page.number
        assert page.rect.height == pytest.approx(A4[1], abs=1), page.number


def test_sample_dossier_with_an_id_card_prints_on_a4_only(tmp_path):
    folder = create_sample_dossier(tmp_path / "dossiers")
    workspace = Workspace.open(folder)
    front = card_photo(tmp_path / "mat-truoc.jpg", (200, 40, 40))
    back = card_photo(tmp_path / "mat-sau.jpg", (40, 40, 200))
    actions.import_files(workspace, "giay-to-tuy-than", [front, back])
    procedure = load_catalog().get(workspace.dossier.procedure_code)
    printed = actions.export_for_print(
        workspace,
        procedure,
        load_portal("national"),
        PrintOptions(allow_incomplete=True),
        out_pdf=tmp_path / "in.pdf",
    )
    with pymupdf.open(printed.path) as doc:
        assert_all_a4(doc)
        # cover, form, birth certificate, then both card sides on one sheet
        assert doc.page_count == printed.pages == 4
        card_sheet = doc[-1]
        images = card_sheet.get_image_info()
        assert len(images) == 2
        for info in images:
            box = pymupdf.Rect(info["bbox"])
            assert box.width == pytest.approx(pt(CARD_MM[0]), abs=1)  # true size
            assert box.height == pytest.approx(pt(CARD_MM[1]), abs=1)
            centre = (box.x0 + box.x1) / 2
            assert centre == pytest.approx(A4[0] / 2, abs=1)  # centred across the sheet
            assert box.y0 > MARGIN_PT and box.y1 < A4[1] - MARGIN_PT
        top, bottom = sorted(pymupdf.Rect(i["bbox"]).y0 for i in images)
        assert bottom - top > pt(CARD_MM[1])  # one above the other, not overlapping


def _page(doc: pymupdf.Document, width: float, height: float) -> None:
    page = doc.new_page(width=width, height=height)
    page.draw_rect(page.rect, color=(0, 0, 0), fill=(0.8, 0.8, 0.8))


def test_landscape_letter_and_oversize_pages_go_onto_a4():
    with pymupdf.open() as source:
        _page(source, *A4)  # as it is
        _page(source, A4[1], A4[0])  # A4 landscape: turned, true size
        _page(source, 612, 792)  # Letter: wider than A4, scaled into the margins
        _page(source, 842, 1191)  # A3: scaled into the margins
        _page(source, pt(CARD_MM[0]), pt(CARD_MM[1]))  # a lone small page: centred, true size
        with lay_out_on_a4(source, [[0], [1], [2], [3], [4]]) as out:
            assert out.page_count == 5
            assert_all_a4(out)
            drawn = [out[n].get_drawings()[0]["rect"] for n in range(1, 5)]
    turned, letter, a3, card = drawn
    assert (turned.width, turned.height) == pytest.approx((A4[0], A4[1]), abs=1)
    for box in (letter, a3):
        assert box.x0 >= MARGIN_PT - 0.5 and box.x1 <= A4[0] - MARGIN_PT + 0.5
        assert box.y0 >= MARGIN_PT - 0.5 and box.y1 <= A4[1] - MARGIN_PT + 0.5
    assert card.width == pytest.approx(pt(CARD_MM[0]), abs=0.5)
    assert (card.x0 + card.x1) / 2 == pytest.approx(A4[0] / 2, abs=0.5)
    assert (card.y0 + card.y1) / 2 == pytest.approx(A4[1] / 2, abs=0.5)


def test_small_pages_of_different_components_do_not_share_a_sheet():
    with pymupdf.open() as source:
        for _ in range(3):
            _page(source, pt(CARD_MM[0]), pt(CARD_MM[1]))
        with lay_out_on_a4(source, [[0], [1, 2]]) as out:
            assert out.page_count == 2
            assert [len(page.get_drawings()) for page in out] == [1, 2]


def test_placement():
    assert placement(*A4) == (1.0, False)
    assert placement(A4[1], A4[0]) == (1.0, True)
    scale, turned = placement(1191, 842)  # A3 landscape: turned gives the larger scale
    assert turned and scale == pytest.approx((A4[0] - 2 * MARGIN_PT) / 842, abs=0.01)
