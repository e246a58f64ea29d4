"""Defaults a first-time user meets (issue 18): the national portal, no fee question for a free
procedure, a clear message when the system cannot open a folder."""

from __future__ import annotations

from dossier import Workspace
from tests.ui.test_qt_dialogs_vietnamese import ModalReader
from ui.qt import QtWidgets


def _pack_page(main_window, qtbot, folder):
    from ui.jobs import running_jobs

    assert main_window.open_dossier(folder)
    main_window.go_to("pack")
    qtbot.waitUntil(lambda: not running_jobs(), timeout=30_000)
    return main_window.pages["pack"]


def test_the_national_portal_until_a_province_is_chosen(main_window, app_context, qtbot):
    assert app_context.settings.get("default_portal") == "national"
    folder = app_context.dossier_root / "khai sinh"
    Workspace.create(folder, "1.001193", title="Đăng ký khai sinh")
    page = _pack_page(main_window, qtbot, folder)
    assert page.portal.id == "national"


def test_a_free_procedure_does_not_ask_how_to_pay(main_window, app_context, qtbot):
    free = app_context.dossier_root / "khai sinh"
    Workspace.create(free, "1.001193", title="Đăng ký khai sinh")  # free when on time
    page = _pack_page(main_window, qtbot, free)
    assert not page.fee_combo.isVisible() and page.free_label.isVisible()
    assert page.free_label.text() == "Miễn phí: không phải nộp tiền"
    assert "miễn phí, không phải nộp" in page.guide_view.toPlainText()
    assert "nộp tại cơ quan tiếp nhận" not in page.guide_view.toPlainText()

    paid = app_context.dossier_root / "chung thuc"
    Workspace.create(paid, "2.000815", title="Chứng thực bản sao")  # 2.000 đ a page
    page = _pack_page(main_window, qtbot, paid)
    assert page.fee_combo.isVisible() and not page.free_label.isVisible()


def test_open_folder_without_a_file_opener_says_where_it_is(main_window, app_context, tmp_path):
    """Offscreen, Qt has no way to open a folder, like a system without xdg-open."""
    from ui.dialogs import DialogService

    dialogs = DialogService(main_window)
    reader = ModalReader()
    assert reader.run(lambda: dialogs.open_path(tmp_path)) is False
    [(kind, texts)] = reader.read
    assert kind == "QMessageBox"
    labels = [text for where, text in texts if where == "QLabel"]
    assert any(str(tmp_path) in text and "Không có chương trình" in text for text in labels)
    assert ("QPushButton", "Đồng ý") in texts
    assert reader.run(lambda: dialogs.open_url("https://dichvucong.gov.vn/")) is False
    assert any("https://dichvucong.gov.vn/" in t for _w, t in reader.read[-1][1])
    assert not QtWidgets.QApplication.activeModalWidget()
