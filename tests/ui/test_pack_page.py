"""Step 6 "Đóng gói & nộp": checklist, export with progress, results, guide, print."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from tests.dossier import factory
from ui.qt import QtCore, QtGui, print_support

Qt = QtCore.Qt
DOCS_IMAGES = Path(__file__).resolve().parents[2] / "docs" / "images"


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pack-page-inputs")
    signer = factory.throwaway_signer(folder)
    return {
        "to-khai": [factory.form_pdf(folder / "to_khai.pdf", "Tờ khai đăng ký khai sinh")],
        "giay-chung-sinh": [factory.scan_jpeg(folder / "gcs.jpg", "Giấy chứng sinh")],
        "giay-to-tuy-than": [factory.scan_jpeg(folder / "cccd.jpg", "Căn cước", dpi=300)],
        "van-ban-uy-quyen": [factory.signed_pdf(folder / "uq.pdf", signer)],
    }


@pytest.fixture
def page_with(qtbot, app_context, tmp_path, inputs):
    """The page showing a dossier of the test catalog (imported like a user's catalog)."""
    from dossier.catalog import import_catalog
    from ui.context import DossierSession
    from ui.pages.pack_page import PackPage

    import_catalog(factory.CATALOG, app_context.catalog_dir)
    app_context.settings.set("default_portal", "national")
    sessions = []

    def make(files: dict | None = None) -> PackPage:
        workspace = factory.make_workspace(
            tmp_path / f"hoso{len(sessions)}",
            factory.procedure(),
            inputs if files is None else files,
        )
        session = DossierSession(workspace)
        sessions.append(session)
        page = PackPage(app_context)
        qtbot.addWidget(page)
        page.resize(1000, 720)
        page.show()
        page.set_session(session)
        qtbot.waitUntil(lambda: page.checklist is not None, timeout=10000)
        return page

    yield make
    for session in sessions:
        session.close()


def test_checklist_then_export_for_upload(page_with, qtbot):
    page = page_with()
    assert page.portal.id == "national"
    assert page.check_table.rowCount() == 4
    assert page.check_table.item(1, 1).text() == "Giấy chứng sinh"
    assert page.check_table.item(3, 5).text() == "có"  # signed
    assert "sẵn sàng" in page.summary.text()
    assert "01_To_khai_dang_ky_khai_sinh.pdf" in page.guide_view.toPlainText()
    assert page.export_button.isEnabled()

    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    assert not page.export_button.isEnabled()  # busy while the job runs
    qtbot.waitUntil(lambda: page.export is not None, timeout=30000)
    assert page.result_table.rowCount() == 4
    assert page.result_table.item(0, 0).text() == "01_To_khai_dang_ky_khai_sinh.pdf"
    assert page.result_table.item(3, 4).text() == "đã ký số, giữ nguyên"
    folder = page.session.root / "export" / "national"
    assert (folder / "manifest.json").is_file()
    assert page.step_status().state == "done"
    assert "Tải tệp lên" in page.guide_view.toPlainText()
    assert page.session.dossier.submission.portal == "national"
    assert page.guide_button.isEnabled() and page.export.guide_path.is_file()


def test_blocking_problems_disable_export(page_with, inputs):
    page = page_with({"to-khai": inputs["to-khai"]})
    assert not page.export_button.isEnabled()
    assert page.problem_list.count() >= 2
    assert page.problem_list.item(0).text().startswith("Cần sửa")
    assert page.step_status().state == "attention"


def test_draft_of_an_incomplete_dossier_after_confirmation(page_with, inputs, qtbot):
    """The refused export can still be made as a draft: confirmed, it says it is incomplete."""
    import json

    page = page_with({"to-khai": inputs["to-khai"]})
    assert not page.export_button.isEnabled()
    assert page.draft_button.isVisible() and page.draft_button.isEnabled()
    assert page.draft_button.text() == "Vẫn x&uất bản nháp (chưa đầy đủ)…"
    blocking = [p.message for p in page.checklist.blocking]
    page.context.dialogs.answers["confirm"] = True

    qtbot.mouseClick(page.draft_button, Qt.MouseButton.LeftButton)
    question = page.context.dialogs.questions[-1]
    assert all(message in question for message in blocking)
    assert "CHƯA ĐẦY ĐỦ" in question
    qtbot.waitUntil(lambda: page.export is not None and page.job is None, timeout=30000)
    folder = page.session.root / "export" / "national"
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["complete"] is False
    assert manifest["blocking_problems"] == blocking
    assert [f["component_id"] for f in manifest["files"]] == ["to-khai"]
    assert page.result_table.rowCount() == 1
    assert page.incomplete_label.isVisible()
    assert "chưa đầy đủ" in page.incomplete_label.text().lower()
    assert page.result_label.text().splitlines()[1].startswith("Bản xuất CHƯA ĐẦY ĐỦ")
    assert "Hồ sơ chưa đầy đủ" in page.guide_view.toPlainText()
    assert page.step_status().state == "attention"
    assert page.session.dossier.last_export.complete is False
    assert not page.export_button.isEnabled()  # still refused for the real export


def test_draft_cancelled_writes_nothing(page_with, inputs, qtbot):
    page = page_with({"to-khai": inputs["to-khai"]})
    page.context.dialogs.answers["confirm"] = False
    qtbot.mouseClick(page.draft_button, Qt.MouseButton.LeftButton)
    assert page.context.dialogs.asked == [("confirm", "Xuất bản nháp (chưa đầy đủ)")]
    qtbot.wait(200)
    assert page.job is None and page.export is None
    assert not (page.session.root / "export" / "national").exists()
    assert page.session.dossier.last_export is None


def test_no_draft_button_when_the_dossier_is_ready(page_with):
    page = page_with()
    assert page.export_button.isEnabled()
    assert not page.draft_button.isVisible()


def test_fee_choice_is_saved_in_the_dossier(page_with):
    page = page_with()
    page.fee_combo.setCurrentIndex(page.fee_combo.findData("online"))
    assert page.session.dossier.submission.fee_payment == "online"
    page.session.flush()
    saved = (page.session.root / "dossier.json").read_text(encoding="utf-8")
    assert '"fee_payment": "online"' in saved


def test_print_through_a_printer(page_with, qtbot, tmp_path, monkeypatch):
    """The print path with a real QPrinter writing a PDF file instead of paper."""
    page = page_with()
    printed = tmp_path / "may_in.pdf"
    qt_print = print_support()

    def printer_to_file():
        printer = qt_print.QPrinter(qt_print.QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(qt_print.QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        printer.setPageSize(QtGui.QPageSize(QtGui.QPageSize.PageSizeId.A4))
        printer.setFullPage(True)
        printer.setResolution(100)
        return printer

    monkeypatch.setattr(page, "ask_printer", printer_to_file)
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.print_path is not None and page.job is None, timeout=30000)
    assert (page.session.root / "export" / "in_ho_so.pdf").is_file()
    with pymupdf.open(printed) as doc:
        assert doc.page_count == 1 + 5  # cover sheet and the five pages of the components
        assert abs(doc[0].rect.width - 595) < 3
        pixmap = doc[0].get_pixmap(dpi=30)
        assert min(pixmap.samples) < 100  # something was painted


def test_open_portal_and_folder(page_with):
    page = page_with()
    page.open_portal()
    page.open_folder()
    opened = page.context.dialogs.asked
    assert opened[0] == ("open_url", "https://dichvucong.gov.vn/")
    assert opened[1][0] == "open_path" and opened[1][1].endswith("export")
    assert not page.guide_button.isEnabled()  # nothing exported yet


def test_screenshot_for_the_docs(page_with, qtbot, tmp_path):
    """Screenshots of the three tabs; HOSO_DOCS_SCREENSHOTS=1 refreshes docs/images."""
    import os

    folder = DOCS_IMAGES if os.environ.get("HOSO_DOCS_SCREENSHOTS") == "1" else tmp_path
    page = page_with()
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.export is not None, timeout=30000)
    for tab in (0, 1, 2):
        page.tabs.setCurrentIndex(tab)
        image = page.grab().toImage()
        colours = {
            image.pixel(x, y) for x in range(0, image.width(), 29) for y in range(0, 500, 11)
        }
        assert len(colours) > 3
        folder.mkdir(parents=True, exist_ok=True)
        assert image.save(str(folder / f"pack_page_{tab + 1}.png"))


def test_screenshot_of_a_blocked_dossier_for_the_docs(page_with, inputs, tmp_path):
    """The refused export with its draft button; HOSO_DOCS_SCREENSHOTS=1 refreshes docs/images."""
    import os

    folder = DOCS_IMAGES if os.environ.get("HOSO_DOCS_SCREENSHOTS") == "1" else tmp_path
    page = page_with({"to-khai": inputs["to-khai"]})
    page.resize(1000, 560)
    image = page.grab().toImage()
    corner = page.draft_button.mapTo(page, QtCore.QPoint(0, 0))
    button = QtCore.QRect(corner, page.draft_button.size())
    assert page.draft_button.isVisible() and image.rect().contains(button)
    folder.mkdir(parents=True, exist_ok=True)
    assert image.save(str(folder / "pack_page_draft.png"))


def test_the_main_window_shows_the_page_for_an_opened_dossier(main_window, qtbot, tmp_path, inputs):
    from dossier.catalog import import_catalog
    from ui.pages.pack_page import PackPage

    import_catalog(factory.CATALOG, main_window.context.catalog_dir)
    workspace = factory.make_workspace(tmp_path / "hs", factory.procedure(), inputs)
    assert main_window.open_dossier(workspace.root)
    main_window.go_to("pack")
    page = main_window.pages["pack"]
    assert isinstance(page, PackPage)
    qtbot.waitUntil(lambda: page.checklist is not None and page.checklist.ready, timeout=10000)
    assert page.title.text() == "Đóng gói & nộp: Đăng ký khai sinh (1.001193)"
    # the tables may shrink: the page scrolls only below its minimum, not below its preferred
    # height (it scrolled its title out of sight after an export on a 1180 x 780 window)
    qtbot.wait(300)  # the layout settles
    minimum = main_window.stack.minimumSizeHint().height()
    assert minimum < page.sizeHint().height() - 150, (minimum, page.sizeHint())


def test_hoso_pack_then_the_app_shows_the_dossier_exported(
    main_window, app_context, tmp_path, inputs, qtbot
):
    """Issue 17: `hoso pack` records the export as the app does; opening the dossier in the
    app afterwards shows "Package & submit" done, and the page agrees."""
    import os
    import subprocess
    import sys

    from dossier.catalog import import_catalog

    import_catalog(factory.CATALOG, app_context.catalog_dir)  # the catalog the clerk imported
    workspace = factory.make_workspace(tmp_path / "hoso", factory.procedure(), inputs)
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, "-m", "desktop.cli", "pack", str(workspace.root), "--catalog",
         str(factory.CATALOG), "--portal", "national", "-o", str(tmp_path / "nop")],
        capture_output=True, text=True, timeout=120, cwd=root,
        env={**os.environ, "PYTHONPATH": str(root)},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    main_window.open_dossier(workspace.root)
    pack_row = main_window.step_ids().index("pack")
    tip = main_window.sidebar.item(pack_row).toolTip()
    assert tip.startswith("Đã xong") and "Đã xuất để tải lên" in tip, tip
    main_window.create_all_pages()
    page = main_window.pages["pack"]
    qtbot.waitUntil(lambda: page.checklist is not None, timeout=10000)
    assert page.step_status().state == "done"
    assert page.portal is not None and page.portal.id == "national"  # the portal packed for
