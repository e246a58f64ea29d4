"""Dialogs are deleted after use: a cancelled dialog used to stay a child of the window for
ever (the soak, issue 12, counted 26 more top-level widgets a minute)."""

from __future__ import annotations

from ui.dialogs import DialogService
from ui.qt import QtCore, QtWidgets


def _cancel_when_shown() -> None:
    def cancel() -> None:
        for widget in QtWidgets.QApplication.topLevelWidgets():
            if isinstance(widget, QtWidgets.QDialog) and widget.isVisible():
                widget.reject()
                return
        QtCore.QTimer.singleShot(20, cancel)

    QtCore.QTimer.singleShot(20, cancel)


def test_cancelled_dialogs_do_not_stay(main_window, qtbot) -> None:
    service = DialogService(main_window)
    qtbot.wait(50)
    before = len(main_window.findChildren(QtWidgets.QDialog))
    for open_dialog in (
        lambda: service.confirm("Xác nhận", "Xóa?"),
        lambda: service.ask_text("Tên", "Tên:"),
        lambda: service.ask_secret("Mã PIN", "PIN:"),
        lambda: service.inform("Thông báo", "Xong."),
        lambda: service.show_text("Phím tắt", "Ctrl+S"),
        main_window.show_settings,
        main_window.show_about,
    ):
        _cancel_when_shown()
        open_dialog()
    qtbot.wait(100)  # deferred deletions run in the event loop
    QtWidgets.QApplication.sendPostedEvents(None, QtCore.QEvent.Type.DeferredDelete)
    assert len(main_window.findChildren(QtWidgets.QDialog)) == before
