"""End to end, through the main window: a certified copy (2.000815) of an ID card.

The original document and both sides of the card are phone photos; the card's two sides go on
one A4 page ("ID card" mode of the scan step), which becomes the component's file: the dossier
is exported for upload (one one-page file for the card) and for printing (the cover sheet lists
every component of the procedure; the card is one page).
"""

from __future__ import annotations

import pymupdf
import pytest

from common.i18n import _
from tests.e2e.gui import choose_data, click, screenshot, type_text, wait_for, wait_jobs_idle
from tests.e2e.photos import card_photo, page_photo
from tests.forms.helpers import pdftotext, squash
from ui.qt import QtCore

pytestmark = pytest.mark.e2e
Qt = QtCore.Qt


def test_certified_copy_of_an_id_card(window, qtbot, lang, tmp_path, shown_errors) -> None:
    context = window.context
    click(qtbot, window.start_page.new_button)
    procedure_page = window.pages["procedure"]
    type_text(procedure_page.search_box, "chứng thực bản sao")
    assert procedure_page.result_codes()[0] == "2.000815"
    qtbot.keyClick(procedure_page.search_box, Qt.Key.Key_Return)
    assert window.session is not None and window.current_step_id() == "details"
    root = window.session.root
    window.go_to("scan")
    scan = window.pages["scan"]

    # the original paper, then the two sides of the card on one A4 page
    original = page_photo(tmp_path / "ban-chinh.jpg", seed=3)
    sides = [card_photo(tmp_path / "mat-truoc.jpg", 1, "dark"),
             card_photo(tmp_path / "mat-sau.jpg", 2, "green")]  # fmt: skip
    for component, photos in (("ban-chinh", [original]), ("ban-sao", sides)):
        choose_data(scan.component_box, lambda d, c=component: d == c)
        context.dialogs.answers["open_files"] = photos
        click(qtbot, scan.import_button)
        wait_for(
            qtbot,
            lambda count=len(photos): (  # noqa: B008
                len([f for f in scan.files() if f.id in scan.previews]) == count and not scan.busy()
            ),
            shown_errors,
        )
    assert scan.current_component() == "ban-sao" and len(scan.files()) == 2
    scan.card_box.setChecked(True)
    scan.page_list.setCurrentRow(0)
    click(qtbot, scan.export_button)
    wait_for(
        qtbot,
        lambda: not scan.busy() and getattr(scan, "last_report", None) is not None,
        shown_errors,
    )
    front, back = scan.files()
    sheet = root / "work" / "ban-sao" / f"card-{front.id}-{back.id}.pdf"
    assert front.derived == back.derived == sheet.relative_to(root).as_posix()  # one result
    assert_card_sheet(sheet)
    screenshot(window, lang, "12-id-card")

    # package: the card is one file of one page for upload
    window.go_to("pack")
    pack = window.pages["pack"]
    wait_for(qtbot, lambda: pack.checklist is not None, shown_errors)
    assert pack.checklist.ready, [p.message for p in pack.checklist.problems]
    context.dialogs.answers["confirm"] = True
    click(qtbot, pack.export_button)
    wait_for(qtbot, lambda: pack.export is not None, shown_errors)
    wait_jobs_idle(qtbot)
    card_files = [f for f in pack.export.files if f.component_id == "ban-sao"]
    assert [f.pages for f in card_files] == [1]
    assert_card_sheet(pack.export.folder / card_files[0].name)

    # then for printing, with the cover sheet
    click(qtbot, pack.print_export_button)
    wait_for(qtbot, lambda: pack.print_path is not None, shown_errors)
    wait_jobs_idle(qtbot)
    screenshot(window, lang, "13-print")
    printed = pack.print_path
    assert printed == root / "export" / "in_ho_so.pdf"
    with pymupdf.open(printed) as pdf:  # the card sheet is one page, not the two photos
        images = [len(page.get_image_info()) for page in pdf]
        assert card_sizes(pdf[-1]) == [pytest.approx(85.6, abs=0.3)] * 2
    assert images[-2:] == [1, 2] and not any(images[:-2])  # cover(s), original, card sheet
    cover = squash(pdftotext(printed, page=1))
    for component in pack.procedure.components:  # required and optional alike
        assert squash(component.name)[:40] in cover, component.name
    assert squash("2.000815") in cover
    assert not shown_errors, [d.windowTitle() for d in shown_errors]
    assert _("Package & submit") in window.sidebar.item(6).text()


def card_sizes(page: pymupdf.Page) -> list[float]:
    """Widths in millimetres of the images of the page."""
    return [(i["bbox"][2] - i["bbox"][0]) * 25.4 / 72 for i in page.get_image_info()]


def assert_card_sheet(path) -> None:
    """One A4 page with both sides of the card at true size."""
    with pymupdf.open(path) as pdf:
        assert pdf.page_count == 1
        assert pdf[0].rect.width * 25.4 / 72 == pytest.approx(210, abs=0.5)
        assert pdf[0].rect.height * 25.4 / 72 == pytest.approx(297, abs=0.5)
        assert card_sizes(pdf[0]) == [pytest.approx(85.6, abs=0.3)] * 2
