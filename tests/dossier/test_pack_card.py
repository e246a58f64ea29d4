"""An ID card's two sides on one A4 sheet: both files share the sheet, exported once."""

from __future__ import annotations

from pathlib import Path

import pymupdf

from dossier.checklist import check
from dossier.packaging import PrintOptions, export_for_print, export_for_upload
from dossier.workspace import Workspace

A4_MM = (210, 297)
CARD_MM = (85.6, 53.98)
COMPONENT = "giay-to-tuy-than"


def _mm(points: float) -> float:
    return points * 25.4 / 72


def _card_sheet(target: Path, front: Path, back: Path) -> Path:
    """Both sides at true size on one A4 page, as the scan step's ID card mode lays them out."""
    width, height = (v * 72 / 25.4 for v in CARD_MM)
    with pymupdf.open() as doc:
        page = doc.new_page(width=595.28, height=841.89)
        for top, image in ((72, front), (72 + height + 36, back)):
            page.insert_image(
                pymupdf.Rect(72, top, 72 + width, top + height),
                filename=image,
                keep_proportion=False,
            )
        target.parent.mkdir(parents=True, exist_ok=True)
        doc.save(target)
    return target


def _card_dossier(make_dossier, pack_inputs) -> Workspace:
    workspace = make_dossier(
        {
            "to-khai": [pack_inputs["form"]],
            "giay-chung-sinh": [pack_inputs["scan"]],
            COMPONENT: [pack_inputs["scan2"], pack_inputs["scan3"]],
        }
    )
    entry = workspace.dossier.component(COMPONENT)
    front, back = entry.files
    sheet = _card_sheet(
        workspace.root / "work" / COMPONENT / f"card-{front.id}-{back.id}.pdf",
        workspace.path(front.original),
        workspace.path(back.original),
    )
    for item in entry.files:
        item.derived = sheet.relative_to(workspace.root).as_posix()
    workspace.save()
    return Workspace.open(workspace.root)  # the shared result survives dossier.json


def test_two_sides_sharing_one_sheet_are_one_source(make_dossier, pack_inputs, procedure, portal):
    workspace = _card_dossier(make_dossier, pack_inputs)
    entry = workspace.dossier.component(COMPONENT)
    front, back = entry.files
    assert front.derived == back.derived is not None
    assert entry.result_files() == [front]
    assert entry.sharing_result(back) == [front, back]
    item = next(
        c for c in check(workspace, procedure, portal).components if c.component.id == COMPONENT
    )
    assert len(item.files) == 1 and item.pages == 1


def test_upload_exports_the_card_sheet_as_one_a4_page(
    make_dossier, pack_inputs, procedure, portal, tmp_path
):
    workspace = _card_dossier(make_dossier, pack_inputs)
    result = export_for_upload(workspace, procedure, portal, tmp_path / "out")
    mine = [f for f in result.files if f.component_id == COMPONENT]
    assert len(mine) == 1 and mine[0].pages == 1
    with pymupdf.open(result.folder / mine[0].name) as doc:
        assert doc.page_count == 1
        width, height = _mm(doc[0].rect.width), _mm(doc[0].rect.height)
        assert abs(width - A4_MM[0]) < 1 and abs(height - A4_MM[1]) < 1
        sizes = [_mm(i["bbox"][2] - i["bbox"][0]) for i in doc[0].get_image_info()]
        assert len(sizes) == 2 and all(abs(s - CARD_MM[0]) < 0.5 for s in sizes)


def test_print_has_the_card_sheet_once(make_dossier, pack_inputs, procedure, portal, tmp_path):
    workspace = _card_dossier(make_dossier, pack_inputs)
    printed = export_for_print(
        workspace, procedure, portal, tmp_path / "in.pdf", PrintOptions(cover_sheet=False)
    )
    assert printed.pages == 1 + 1 + 1  # the form, the birth certificate, the card sheet


def test_files_with_their_own_results_are_all_kept(make_dossier, pack_inputs):
    """Files with their own results are all kept (only identical results are merged)."""
    workspace = make_dossier({COMPONENT: [pack_inputs["scan2"], pack_inputs["scan3"]]})
    entry = workspace.dossier.component(COMPONENT)
    entry.files[0].derived = "work/a.pdf"
    entry.files[1].derived = "work/b.pdf"
    assert entry.result_files() == entry.files
    assert entry.sharing_result(entry.files[0]) == [entry.files[0]]
