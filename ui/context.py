"""What every page is handed: the app context and the open dossier's session."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from common.errors import HosoError
from ui.jobs import Job, run_in_background
from ui.qt import QtCore, Signal

if TYPE_CHECKING:
    from dossier import Workspace

log = logging.getLogger("hoso.ui")


class SettingsStore(Protocol):
    """Settings declared in desktop.settings; pages read and write them by name."""

    def get(self, name: str) -> Any: ...

    def set(self, name: str, value: Any) -> None: ...


class AppEvents(QtCore.QObject):
    """Requests pages send to the main window (pages never reach into each other)."""

    open_dossier_requested = Signal(object)  # Path
    new_dossier_requested = Signal()
    new_dossier_for_applicant = Signal(dict)  # the applicant's profile values
    procedure_chosen = Signal(str)  # procedure code: create a dossier for it
    navigate_requested = Signal(str)  # step id
    status_message = Signal(str)
    job_started = Signal(object, str)  # Job, title


class AppContext:
    """What every page shares: settings, folders, app-wide events, the dialog service.
    (A plain class, not a dataclass: that costs ~0.8 ms of the window's start-up.)"""

    def __init__(
        self,
        *,
        settings: SettingsStore,
        data_dir: Path,
        dossier_root: Path,
        profiles_dir: Path,
        log_file: Path | None = None,
        events: AppEvents | None = None,
        dialogs: Any = None,  # ui.dialogs.DialogService
        catalog_dir: Path | None = None,  # user folder of an imported catalog
    ) -> None:
        self.settings = settings
        self.data_dir = data_dir
        self.dossier_root = dossier_root
        self.profiles_dir = profiles_dir
        self.log_file = log_file
        self.events = events if events is not None else AppEvents()
        self.dialogs = dialogs
        self.catalog_dir = catalog_dir
        self._catalog_source: Any = None

    def catalog(self):
        """The procedure catalog, read once per app and again only when the user imports or
        resets a catalog (dossier.catalog.CatalogSource; any thread)."""
        return self._source().catalog()

    def procedure(self, code: str):
        """The procedure of that code in the app's catalog, None when it is not there; a
        procedure every commune handles names the user's commune when the settings give it."""
        procedure = self._source().procedure(code)
        commune = self.settings.get("commune_agency")
        if procedure is None or not commune:
            return procedure
        from dossier import with_local_agency

        return with_local_agency(procedure, commune)

    def _source(self):
        if self._catalog_source is None:
            from dossier import CatalogSource

            self._catalog_source = CatalogSource(self.catalog_dir)
        return self._catalog_source

    def shown_path(self, path: Path) -> str:
        """A path as people read it: inside the dossier folder from that folder's own name
        ("Hồ sơ số/2026-11-27 Đăng ký khai sinh/export/dongnai", the rest of the way is in the
        settings), anywhere else in full. Tooltips and "Open folder" give the full path."""
        for inner, library in (
            (path, self.dossier_root),
            (path.resolve(), self.dossier_root.resolve()),
        ):
            try:
                return str(Path(library.name) / inner.relative_to(library))
            except ValueError:
                continue
        return str(path)

    def run_job(
        self,
        fn: Callable[..., Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException, str], None] | None = None,
        *,
        title: str = "",
        owner: QtCore.QObject | None = None,
        pool: QtCore.QThreadPool | None = None,
    ) -> Job:
        """Run `fn(progress, cancel)` in the background, with progress in the status bar.

        Results reach `on_done` only while `owner` (default: the object of a bound-method
        callback) still exists. `pool`: a thread pool of its own (default: the global one).
        """
        job = run_in_background(fn, on_done, on_error, name=title, owner=owner, pool=pool)
        self.events.job_started.emit(job, title)
        return job


class DossierSession(QtCore.QObject):
    """An open dossier: edits mark it changed; it is saved within 2 s, writes never interleave.

    Saving is dossier.autosave.Autosaver's job; the snapshot of the model is taken on the GUI
    thread (where pages edit it) and written on the dossier's own writer thread.
    """

    changed = Signal()
    saved = Signal()
    save_failed = Signal(object)  # HosoError
    _run_on_gui = Signal(object)
    _error = Signal(object)
    _saved_revision = Signal(int)

    def __init__(self, workspace: Workspace, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        from dossier import Autosaver

        queued = QtCore.Qt.ConnectionType.QueuedConnection
        self._run_on_gui.connect(lambda fn: fn(), queued)
        self._error.connect(self._report_error, queued)
        self._saved_revision.connect(lambda _revision: self.saved.emit(), queued)
        self.workspace = workspace
        self._closed = False
        self._autosaver = Autosaver(
            workspace,
            on_error=self._error.emit,
            on_saved=self._saved_revision.emit,
            dispatch=self._run_on_gui.emit,
        )

    @property
    def dossier(self):
        return self.workspace.dossier

    @property
    def root(self) -> Path:
        return self.workspace.root

    def mark_changed(self) -> None:
        """Call after editing `dossier`; schedules an autosave and tells the pages."""
        if self._closed:
            # a background job finished after the dossier was closed: it was saved at close
            log.warning("change to a closed dossier ignored: %s", self.root)
            return
        self._autosaver.changed()
        self.changed.emit()

    def submit_write(self, fn: Callable[[], Any]) -> Any:
        """Run another write of this dossier (a file under work/) on its writer thread."""
        return self._autosaver.submit(fn)

    def _report_error(self, error: HosoError) -> None:
        log.error("autosave failed: %s", error)
        self.save_failed.emit(error)

    def flush(self) -> None:
        """Save now and wait: used before closing, exporting or quitting."""
        if not self._closed:
            self._autosaver.flush()

    def close(self) -> None:
        self._closed = True
        self._autosaver.close()
