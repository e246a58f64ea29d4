"""The one error dialog: a readable message, details to copy, where the log is."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from common.errors import HosoError
from common.i18n import _
from ui.qt import QtGui, QtWidgets

log = logging.getLogger("hoso.ui")

_log_file: Path | None = None


def set_log_file(path: Path | None) -> None:
    global _log_file
    _log_file = path


def describe(exc: BaseException) -> tuple[str, bool]:
    """The message to show and whether the error was expected (a HosoError)."""
    if isinstance(exc, HosoError):
        return exc.user_message(), True
    return _("An unexpected error occurred: {name}").format(name=exc.__class__.__name__), False


class ErrorDialog(QtWidgets.QDialog):
    def __init__(
        self, parent: QtWidgets.QWidget | None, exc: BaseException, details: str = ""
    ) -> None:
        super().__init__(parent)
        message, expected = describe(exc)
        self.setWindowTitle(_("Error") if not expected else _("Cannot continue"))
        self.setMinimumWidth(480)
        layout = QtWidgets.QVBoxLayout(self)

        self.message_label = QtWidgets.QLabel(message)
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(
            self.message_label.textInteractionFlags()
            | QtGui.Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.message_label.setAccessibleName(_("Error message"))
        layout.addWidget(self.message_label)

        if isinstance(exc, HosoError) and exc.details:
            details = f"{exc.details}\n\n{details}".strip()
        if _log_file is not None:
            log_line = _("Log file: {path}").format(path=_log_file)
            details = f"{details}\n\n{log_line}".strip()
        self.details_text = details
        self.details = QtWidgets.QPlainTextEdit(details)
        self.details.setReadOnly(True)
        self.details.setAccessibleName(_("Error details"))
        self.details.setVisible(not expected and bool(details))
        layout.addWidget(self.details)

        buttons = QtWidgets.QHBoxLayout()
        self.toggle_button = QtWidgets.QPushButton(_("Details"))
        self.toggle_button.setCheckable(True)
        self.toggle_button.setChecked(self.details.isVisible())
        self.toggle_button.toggled.connect(self.details.setVisible)
        self.toggle_button.setEnabled(bool(details))
        self.copy_button = QtWidgets.QPushButton(_("Copy details"))
        self.copy_button.clicked.connect(self.copy_details)
        close = QtWidgets.QPushButton(_("Close"))
        close.setDefault(True)
        close.clicked.connect(self.accept)
        buttons.addWidget(self.toggle_button)
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout.addLayout(buttons)

    def copy_details(self) -> None:
        text = f"{self.message_label.text()}\n\n{self.details_text}".strip()
        QtWidgets.QApplication.clipboard().setText(text)


def _exec_modal(dialog: ErrorDialog) -> None:
    dialog.exec()
    dialog.deleteLater()  # a child of the window: kept for ever otherwise (soak, issue 12)


_presenter: Callable[[ErrorDialog], None] = _exec_modal


def set_presenter(presenter: Callable[[ErrorDialog], None] | None) -> None:
    """Replace how dialogs are shown (tests show them without a modal loop); None restores."""
    global _presenter
    _presenter = presenter or _exec_modal


def show_error(parent: QtWidgets.QWidget | None, exc: BaseException, details: str = "") -> None:
    """Show an error; unexpected ones are logged with their traceback first."""
    if not isinstance(exc, HosoError):
        log.error("unexpected error: %r\n%s", exc, details)
    if QtWidgets.QApplication.instance() is None:
        return
    dialog = ErrorDialog(parent or QtWidgets.QApplication.activeWindow(), exc, details)
    _shown.append(dialog.message_label.text())
    _presenter(dialog)


_shown: list[str] = []


def shown_dialogs() -> list[str]:
    """Messages of the error dialogs shown so far (for --smoke and tests)."""
    return list(_shown)
