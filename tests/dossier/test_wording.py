"""Words of the printed and uploaded papers (issue 18): "how the result is received" is not the
state "result received"."""

from __future__ import annotations

import pymupdf

from dossier.packaging import GUIDE_NAME, export_for_print, export_for_upload


def test_cover_sheet_and_guide_say_how_the_result_is_received(
    make_dossier, procedure, portal, tmp_path
):
    workspace = make_dossier()
    export_for_upload(workspace, procedure, portal, tmp_path / "out")
    guide = (tmp_path / "out" / GUIDE_NAME).read_text(encoding="utf-8")
    printed = export_for_print(workspace, procedure, portal, tmp_path / "p.pdf")
    with pymupdf.open(printed.path) as doc:
        cover = " ".join(doc[0].get_text().split())
    for text in (guide, cover):
        assert "Cách nhận kết quả:" in text
        assert "Đã có kết quả" not in text  # the state of a dossier, not a way of receiving
