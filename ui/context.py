"""What every page is handed: the app context and the open dossier's session."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from common.errors import HosoError
from common.i18n import _
from ui.jobs import Job, SerialWriter, run_in_background
from ui.qt import QtCore, Signal

if TYPE_CHECKING:
    from dossier.workspace import Workspace

log = logging.getLogger("hoso.ui")

AUTOSAVE_DELAY_MS = 1000  # a change is on disk within 2 s


class SettingsStore(Protocol):
    """Settings declared in desktop.settings; pages read and write them by name."""

    def get(self, name: str) -> Any: ...

    def set(self, name: str, value: Any) -> None: ...


class AppEvents(QtCore.QObject):
    """Requests pages send to the main window (pages never reach into each other)."""

    open_dossier_requested = Signal(object)  # Path
    new_dossier_requested = Signal()
    procedure_chosen = Signal(str)  # procedure code: create a dossier for it
    navigate_requested = Signal(str)  # step id
    status_message = Signal(str)
    job_started = Signal(object, str)  # Job, title


@dataclass
class AppContext:
    settings: SettingsStore
    data_dir: Path
    dossier_root: Path
    profiles_dir: Path
    log_file: Path | None = None
    events: AppEvents = field(default_factory=AppEvents)
    dialogs: Any = None  # ui.dialogs.DialogService
    catalog_dir: Path | None = None  # user folder of an imported catalog

    def run_job(
        self,
        fn: Callable[..., Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException, str], None] | None = None,
        *,
        title: str = "",
    ) -> Job:
        """Run `fn(progress, cancel)` in the background, with progress in the status bar."""
        job = run_in_background(fn, on_done, on_error, name=title)
        self.events.job_started.emit(job, title)
        return job


class DossierSession(QtCore.QObject):
    """An open dossier: edits mark it changed; it is saved within 2 s, writes never interleave."""

    changed = Signal()
    saved = Signal()
    save_failed = Signal(object)  # HosoError

    def __init__(self, workspace: Workspace, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self._writer = SerialWriter()
        self._pending: list[Any] = []
        self._timer = QtCore.QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_DELAY_MS)
        self._timer.timeout.connect(self.save_soon)

    @property
    def dossier(self):
        return self.workspace.dossier

    @property
    def root(self) -> Path:
        return self.workspace.root

    def mark_changed(self) -> None:
        """Call after editing `dossier`; schedules an autosave and tells the pages."""
        self._timer.start()
        self.changed.emit()

    def save_soon(self) -> None:
        """Snapshot on the GUI thread (no torn reads), write on the dossier's writer thread."""
        self._timer.stop()
        payload = self.workspace.snapshot()
        future = self._writer.submit(self.workspace.write_snapshot, payload)
        self._pending.append(future)
        future.add_done_callback(lambda f: QtCore.QTimer.singleShot(0, self, self._check_saved))

    def _check_saved(self) -> None:
        for future in [f for f in self._pending if f.done()]:
            self._pending.remove(future)
            error = future.exception()
            if error is None:
                self.saved.emit()
            else:
                log.error("autosave failed: %s", error)
                if not isinstance(error, HosoError):
                    error = HosoError(
                        _("The dossier could not be saved: {reason}").format(reason=error)
                    )
                self.save_failed.emit(error)

    def flush(self) -> None:
        """Save now and wait: used before closing, exporting or quitting."""
        if self._timer.isActive() or not self._pending:
            self.save_soon()
        for future in list(self._pending):
            future.result()
        self._check_saved()

    def close(self) -> None:
        try:
            self.flush()
        finally:
            self._writer.shutdown()
