"""The interface every workflow step page follows.

A page gets the AppContext at construction and the open DossierSession (or None) through
`set_session`. It edits `session.dossier` and then calls `session.mark_changed()` (autosave).
Long work goes through `context.run_job(fn, on_done)`; never block the GUI thread.
It reports its state for the sidebar through `step_status()` and emits `status_changed`.
"""

from __future__ import annotations

from typing import ClassVar

from dossier import StepState, StepStatus
from ui.context import AppContext, DossierSession
from ui.keys import bind_key, widget_shortcuts
from ui.qt import QtGui, QtWidgets, Signal

__all__ = ["StepPage", "StepState", "StepStatus"]


class StepPage(QtWidgets.QWidget):
    step_id: ClassVar[str] = ""
    status_changed = Signal()

    def __init__(self, context: AppContext, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.session: DossierSession | None = None
        self._key_help: list[tuple[QtGui.QShortcut, str]] = []

    def set_session(self, session: DossierSession | None) -> None:
        """A dossier was opened or closed; refresh the page from it."""
        if self.session is not None:
            try:
                self.session.changed.disconnect(self.status_changed)
            except (RuntimeError, TypeError):
                pass
        self.session = session
        if session is not None:
            session.changed.connect(self.status_changed)
        self.on_session_changed()
        self.status_changed.emit()

    def on_session_changed(self) -> None:
        """Override: refresh widgets from `self.session` (may be None)."""

    def on_enter(self) -> None:
        """Override: the page became visible."""

    def step_status(self) -> StepStatus:
        """Override: the state of this step for the sidebar."""
        return StepStatus()

    # ---- keyboard ----------------------------------------------------------------------------
    def bind_key(self, button: QtWidgets.QAbstractButton, key: str) -> None:
        """Give a button a fixed shortcut (active while this page is shown), named in its tip."""
        bind_key(button, key)

    def add_key(self, key: str, description: str, slot) -> QtGui.QShortcut:
        """A shortcut without a button (e.g. focus a list); listed in Help > Keyboard shortcuts."""
        shortcut = QtGui.QShortcut(QtGui.QKeySequence(key), self)
        shortcut.activated.connect(slot)
        self._key_help.append((shortcut, description))
        return shortcut

    def shortcuts(self) -> list[tuple[str, str]]:
        """(key, what it does) of every shortcut of this page, for the Help listing."""
        return widget_shortcuts(self, self._key_help)
