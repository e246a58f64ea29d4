"""Every button of every dialog the app opens speaks Vietnamese in Vietnamese mode (issue 18).

Qt's own texts (standard buttons, the file dialog with its overwrite question, the print
dialog, the input dialog) come from resources/translations/vi/qt/qtbase.ts through
ui/qt_translations.py: PySide6 ships no qtbase_vi.qm. Each dialog is opened the way the app
opens it (its modal loop running), read, and closed by a timer.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np
import pytest

from common import i18n
from ui.keys import plain
from ui.qt import QtCore, QtWidgets
from ui.qt_translations import CONTEXTS, install_qt_translations, qt_catalog_path

ENGLISH_WORD = re.compile(r"[A-Za-z]{2,}")
NOT_ENGLISH = {"PDF", "Email", "In"}  # the same word in both languages ("In": print)


def english(text: str) -> bool:
    text = plain(text).strip()
    return (
        bool(text)
        and text.isascii()
        and bool(ENGLISH_WORD.search(text))
        and (text not in NOT_ENGLISH)
    )


def button_texts(dialog: QtWidgets.QWidget) -> list[tuple[str, str]]:
    """(class, text) of every button and label the person sees in a dialog."""
    found = []
    for widget in dialog.findChildren(QtWidgets.QAbstractButton):
        if widget.isVisibleTo(dialog) and widget.text():
            found.append((type(widget).__name__, widget.text()))
    for label in dialog.findChildren(QtWidgets.QLabel):
        if label.isVisibleTo(dialog) and label.text() and "<" not in label.text():
            found.append(("QLabel", label.text()))
    return found


class ModalReader:
    """Reads and closes each modal dialog that opens while `run` is inside its loop."""

    def __init__(self, overwrite: bool = False) -> None:
        self.overwrite = overwrite  # a save dialog first presses Save on an existing file
        self.read: list[tuple[str, list[tuple[str, str]]]] = []
        self.timer = QtCore.QTimer()
        self.timer.setInterval(30)
        self.timer.timeout.connect(self._poll)

    def run(self, action: Callable[[], object]) -> object:
        self.timer.start()
        try:
            return action()
        finally:
            self.timer.stop()

    def _poll(self) -> None:
        dialog = QtWidgets.QApplication.activeModalWidget()
        if dialog is None or not dialog.isVisible():
            return
        visits = int(dialog.property("test_visits") or 0)  # a new wrapper each time: no id()
        dialog.setProperty("test_visits", visits + 1)
        if visits == 0:
            self.read.append((type(dialog).__name__, button_texts(dialog)))
        saving = (
            isinstance(dialog, QtWidgets.QFileDialog)
            and dialog.acceptMode() == QtWidgets.QFileDialog.AcceptMode.AcceptSave
        )
        if saving and self.overwrite and visits == 0:
            QtCore.QTimer.singleShot(0, dialog.accept)  # asks "replace it?" (answered No)
        else:
            QtCore.QTimer.singleShot(0, dialog.reject)


@pytest.fixture
def vi_window(app_context, qtbot):
    from desktop.sample import create_sample_dossier
    from ui.dialogs import DialogService
    from ui.main_window import MainWindow

    i18n.set_language("vi")
    window = MainWindow(app_context)
    qtbot.addWidget(window)
    window.show()
    app_context.dialogs = DialogService(window)
    window.open_dossier(create_sample_dossier(app_context.dossier_root))
    assert window.session is not None
    yield window
    from ui.jobs import running_jobs

    qtbot.waitUntil(lambda: not running_jobs(), timeout=60_000)
    if window.session is not None:
        window.session.flush()


def _openers(window, tmp_path) -> dict[str, Callable[[], object]]:
    """Every dialog of the app, opened as the app opens it."""
    from common.errors import HosoError
    from ui.corner_editor import CornerEditor
    from ui.error_dialog import ErrorDialog
    from ui.profile_dialog import ProfileDialog
    from ui.settings_dialog import SettingsDialog
    from ui.start_page import SubmissionDialog

    dialogs = window.context.dialogs
    existing = tmp_path / "to-ho-so.pdf"
    existing.write_bytes(b"%PDF-1.4\n")
    photo = np.full((60, 80, 3), 200, np.uint8)
    quad = [[0, 0], [79, 0], [79, 59], [0, 59]]
    return {
        "confirm": lambda: dialogs.confirm("t", "?"),
        "inform": lambda: dialogs.inform("t", "i"),
        "ask_text": lambda: dialogs.ask_text("t", "p"),
        "ask_secret": lambda: dialogs.ask_secret("t", "p"),
        "show_text": lambda: dialogs.show_text("t", "text"),
        "open_file": lambda: dialogs.open_file("t", "PDF (*.pdf)", tmp_path),
        "open_files": lambda: dialogs.open_files("t", "PDF (*.pdf)", tmp_path),
        "choose_folder": lambda: dialogs.choose_folder("t", tmp_path),
        "settings": lambda: SettingsDialog(window.context, window).exec(),
        "submission": lambda: SubmissionDialog(window).exec(),
        "profile": lambda: ProfileDialog(None, window).exec(),
        "corners": lambda: CornerEditor(photo, quad, 1.0, window).exec(),
        "error": lambda: ErrorDialog(window, HosoError("x"), "details").exec(),
        "unexpected error": lambda: ErrorDialog(window, ValueError("x"), "trace").exec(),
        "about": window.show_about,
        "settings from the menu": window.show_settings,
        "print": lambda: window.page("pack").ask_printer(),
    }


def test_every_button_of_every_dialog_is_vietnamese(vi_window, qtbot, tmp_path):
    problems = []
    opened = []
    for name, opener in _openers(vi_window, tmp_path).items():
        reader = ModalReader()
        reader.run(opener)
        assert reader.read, f"{name}: no dialog opened"
        for kind, texts in reader.read:
            opened.append(kind)
            problems += [f"{name} ({kind}) {where}: {text!r}" for where, text in texts
                         if english(text)]  # fmt: skip
    assert "QFileDialog" in opened and "QPrintDialog" in opened
    assert not problems, "English in Vietnamese mode:\n" + "\n".join(problems)
    assert vi_window.session is not None


def test_the_overwrite_question_is_vietnamese(vi_window, tmp_path):
    existing = tmp_path / "to-khai.pdf"
    existing.write_bytes(b"%PDF-1.4\n")
    reader = ModalReader(overwrite=True)
    answer = reader.run(lambda: vi_window.context.dialogs.save_file("Lưu", "PDF (*.pdf)", existing))
    kinds = [kind for kind, _texts in reader.read]
    assert kinds == ["QFileDialog", "QMessageBox"], kinds
    question = dict(reader.read)["QMessageBox"]
    assert ("QLabel", f"{existing.name} đã có.\nBạn có muốn thay thế tệp này không?") in question
    assert {text for kind, text in question if kind == "QPushButton"} == {"&Có", "&Không"}
    assert answer is None  # "No", then the dialog was closed: nothing chosen


def test_english_mode_keeps_qts_english(app_context, qtbot):
    from ui.main_window import MainWindow

    i18n.set_language("en")
    window = MainWindow(app_context)
    qtbot.addWidget(window)
    box = QtWidgets.QDialogButtonBox(
        QtWidgets.QDialogButtonBox.StandardButton.Ok
        | QtWidgets.QDialogButtonBox.StandardButton.Cancel
    )
    assert sorted(b.text() for b in box.buttons()) == ["Cancel", "OK"]
    i18n.set_language("vi")
    box = QtWidgets.QDialogButtonBox(
        QtWidgets.QDialogButtonBox.StandardButton.Ok
        | QtWidgets.QDialogButtonBox.StandardButton.Cancel
    )
    assert sorted(b.text() for b in box.buttons()) == ["Hủy", "Đồng ý"]
    # a text Qt has no translation for keeps its English (never blank)
    line = QtWidgets.QLineEdit()
    menu = line.createStandardContextMenu()
    assert all(action.text() or action.isSeparator() for action in menu.actions())
    menu.deleteLater()


def test_the_context_list_matches_the_catalog():
    found = set(re.findall(r"<name>(.*?)</name>", qt_catalog_path("vi").read_text("utf-8")))
    assert found == CONTEXTS


def test_installed_once(qapp):
    assert install_qt_translations(qapp) is install_qt_translations(qapp)
