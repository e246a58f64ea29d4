"""The notice shown at start-up when the app closed unexpectedly last time (desktop/crash.py).

Not modal: the window is usable at once, the notice waits for the user. It says that the dossier
was saved (the dossier autosaves every change) and offers to open the log folder, where the
native traceback is, so the user can send it to whoever supports them.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from common.i18n import _
from ui.qt import QtWidgets


def crash_message(started: float, dossier: str) -> str:
    when = time.strftime("%H:%M %d/%m/%Y", time.localtime(started)) if started else ""
    lines = [_("The app closed unexpectedly last time (started {when}).").format(when=when)]
    if dossier:
        lines.append(
            _("The dossier “{name}” was saved automatically: nothing you entered is lost.").format(
                name=Path(dossier).name
            )
        )
    else:
        lines.append(_("Your dossiers are saved automatically: nothing you entered is lost."))
    lines.append(_("What happened is written in the log folder; you can send it to support."))
    return "\n\n".join(lines)


def show_crash_notice(
    parent: QtWidgets.QWidget | None,
    started: float,
    dossier: str,
    logs_dir: Path,
    open_folder: Callable[[Path], None],
) -> QtWidgets.QMessageBox:
    box = QtWidgets.QMessageBox(parent)
    box.setObjectName("crash-notice")
    box.setIcon(QtWidgets.QMessageBox.Icon.Warning)
    box.setWindowTitle(_("The app closed unexpectedly"))
    box.setText(crash_message(started, dossier))
    open_button = box.addButton(_("Open log folder"), QtWidgets.QMessageBox.ButtonRole.ActionRole)
    box.addButton(_("Close"), QtWidgets.QMessageBox.ButtonRole.RejectRole)

    def clicked(button: QtWidgets.QAbstractButton) -> None:
        if button is open_button:
            open_folder(logs_dir)

    box.buttonClicked.connect(clicked)
    box.setModal(False)
    box.show()
    return box
