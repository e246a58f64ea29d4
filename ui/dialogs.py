"""Dialogs behind a small service, so controllers are testable without clicking (rule 8)."""

from __future__ import annotations

from pathlib import Path

from common.i18n import _
from ui.qt import QtGui, QtWidgets


def _answer_and_delete(dialog: QtWidgets.QInputDialog) -> str | None:
    """The text entered (None: cancelled); the dialog is deleted after use."""
    answer = dialog.textValue() if dialog.exec() else None
    dialog.deleteLater()
    return answer


class DialogService:
    """The real dialogs. Tests use StubDialogService with prepared answers."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        self.parent = parent

    def open_file(self, title: str, filters: str = "", start: Path | None = None) -> Path | None:
        name, _filter = QtWidgets.QFileDialog.getOpenFileName(
            self.parent, title, str(start or ""), filters
        )
        return Path(name) if name else None

    def open_files(self, title: str, filters: str = "", start: Path | None = None) -> list[Path]:
        names, _filter = QtWidgets.QFileDialog.getOpenFileNames(
            self.parent, title, str(start or ""), filters
        )
        return [Path(n) for n in names]

    def save_file(self, title: str, filters: str = "", start: Path | None = None) -> Path | None:
        name, _filter = QtWidgets.QFileDialog.getSaveFileName(
            self.parent, title, str(start or ""), filters
        )
        return Path(name) if name else None

    def choose_folder(self, title: str, start: Path | None = None) -> Path | None:
        name = QtWidgets.QFileDialog.getExistingDirectory(self.parent, title, str(start or ""))
        return Path(name) if name else None

    def confirm(self, title: str, question: str) -> bool:
        box = QtWidgets.QMessageBox(self.parent)
        box.setWindowTitle(title)
        box.setText(question)
        yes = box.addButton(_("Yes"), QtWidgets.QMessageBox.ButtonRole.YesRole)
        box.addButton(_("No"), QtWidgets.QMessageBox.ButtonRole.NoRole)
        box.exec()
        answer = box.clickedButton() is yes
        box.deleteLater()  # a child of the window: kept for ever otherwise (soak, issue 12)
        return answer

    def ask_secret(self, title: str, prompt: str) -> str | None:
        """A password or PIN; the caller must not store or log it."""
        dialog = QtWidgets.QInputDialog(self.parent)
        dialog.setWindowTitle(title)
        dialog.setLabelText(prompt)
        dialog.setTextEchoMode(QtWidgets.QLineEdit.EchoMode.Password)
        dialog.setOkButtonText(_("OK"))
        dialog.setCancelButtonText(_("Cancel"))
        return _answer_and_delete(dialog)

    def ask_text(self, title: str, prompt: str, default: str = "") -> str | None:
        dialog = QtWidgets.QInputDialog(self.parent)
        dialog.setWindowTitle(title)
        dialog.setLabelText(prompt)
        dialog.setTextValue(default)
        dialog.setOkButtonText(_("OK"))
        dialog.setCancelButtonText(_("Cancel"))
        return _answer_and_delete(dialog)

    def inform(self, title: str, message: str) -> None:
        box = QtWidgets.QMessageBox(self.parent)
        box.setWindowTitle(title)
        box.setText(message)
        # a path or an address in it can be copied
        box.setTextInteractionFlags(QtGui.Qt.TextInteractionFlag.TextSelectableByMouse)
        box.addButton(_("OK"), QtWidgets.QMessageBox.ButtonRole.AcceptRole)
        box.exec()
        box.deleteLater()

    def show_text(self, title: str, text: str) -> None:
        """A long read-only text (scrollable, tab-aligned), closed with Esc or Close."""
        dialog = QtWidgets.QDialog(self.parent)
        dialog.setWindowTitle(title)
        layout = QtWidgets.QVBoxLayout(dialog)
        view = QtWidgets.QPlainTextEdit(text)
        view.setReadOnly(True)
        view.setAccessibleName(title)
        view.setTabStopDistance(view.fontMetrics().horizontalAdvance(" ") * 24)
        layout.addWidget(view)
        close = QtWidgets.QPushButton(_("Close"))
        close.clicked.connect(dialog.accept)
        layout.addWidget(close)
        dialog.resize(640, 560)
        dialog.exec()
        dialog.deleteLater()

    def open_path(self, path: Path) -> bool:
        """Open a file or folder with the system's program (a PDF viewer, the file manager);
        when the system has none (a bare Linux without xdg-open), say where it is instead."""
        from ui.qt import QtCore, QtGui

        if QtGui.QDesktopServices.openUrl(QtCore.QUrl.fromLocalFile(str(path))):
            return True
        message = _("No program on this computer could open it. It is here:\n{path}")
        self.inform(_("Cannot open"), message.format(path=path))
        return False

    def open_url(self, url: str) -> bool:
        """Open a web address in the browser; when none starts, give the address to copy."""
        from ui.qt import QtCore, QtGui

        if QtGui.QDesktopServices.openUrl(QtCore.QUrl(url)):
            return True
        message = _("No web browser could be started. Open this address in your browser:\n{url}")
        self.inform(_("Cannot open"), message.format(url=url))
        return False


class StubDialogService(DialogService):
    """Answers prepared in advance; records what was asked."""

    def __init__(self, **answers: object) -> None:
        super().__init__(None)
        self.answers = dict(answers)
        self.asked: list[tuple[str, str]] = []
        self.questions: list[str] = []  # the text of every confirm(), to check what was asked

    def _answer(self, kind: str, title: str) -> object:
        self.asked.append((kind, title))
        value = self.answers.get(kind)
        if isinstance(value, list) and kind != "open_files":
            return value.pop(0) if value else None
        return value

    def open_file(self, title: str, filters: str = "", start: Path | None = None) -> Path | None:
        return self._answer("open_file", title)  # type: ignore[return-value]

    def open_files(self, title: str, filters: str = "", start: Path | None = None) -> list[Path]:
        return list(self._answer("open_files", title) or [])  # type: ignore[arg-type]

    def save_file(self, title: str, filters: str = "", start: Path | None = None) -> Path | None:
        return self._answer("save_file", title)  # type: ignore[return-value]

    def choose_folder(self, title: str, start: Path | None = None) -> Path | None:
        return self._answer("choose_folder", title)  # type: ignore[return-value]

    def confirm(self, title: str, question: str) -> bool:
        self.questions.append(question)
        return bool(self._answer("confirm", title))

    def ask_secret(self, title: str, prompt: str) -> str | None:
        return self._answer("ask_secret", title)  # type: ignore[return-value]

    def ask_text(self, title: str, prompt: str, default: str = "") -> str | None:
        return self._answer("ask_text", title)  # type: ignore[return-value]

    def inform(self, title: str, message: str) -> None:
        self.asked.append(("inform", message))

    def show_text(self, title: str, text: str) -> None:
        self.asked.append(("show_text", text))

    def open_path(self, path: Path) -> bool:
        self.asked.append(("open_path", str(path)))
        return True

    def open_url(self, url: str) -> bool:
        self.asked.append(("open_url", url))
        return True
