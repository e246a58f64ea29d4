"""Settings, declared once with type and default (ARCHITECTURE.md rule 7).

Stored as JSON in `settings.json` of the user's data folder (lists and booleans come back with
their type on every platform). A change is kept in memory at once and written by a background
thread, atomically (a crash leaves the old or the new file): QSettings.sync() held the GIL
through its fsync, and a zoom step froze the window for up to 3 s while the disk was busy.
`settings.ini` of earlier versions (QSettings, values JSON-encoded) is read once and migrated.
"""

from __future__ import annotations

import atexit
import json
import logging
import threading
import weakref
from pathlib import Path
from typing import Any, NamedTuple

from common.i18n import N_


class Option(NamedTuple):  # not a dataclass: ~0.8 ms less start-up
    name: str
    type: type
    default: Any
    description: str


OPTIONS: tuple[Option, ...] = (
    Option("language", str, "vi", N_("Language of the app (vi or en)")),
    Option("dossier_root", str, "", N_("Folder where new dossiers are created")),
    # the national portal serves every province; a user picks a province's portal in the settings
    Option("default_portal", str, "national", N_("Portal profile used for export")),
    Option(
        "commune_agency",
        str,
        "",
        N_("Your commune's People's Committee, receiving commune-level dossiers"),
    ),
    Option("recent_dossiers", list, [], N_("Recently opened dossiers")),
    Option("tsa_urls", list, [], N_("Timestamp servers (RFC 3161)")),
    Option("pkcs11_modules", list, [], N_("Extra PKCS#11 modules for USB tokens")),
    Option(
        "trusted_certificates", list, [], N_("Trusted root certificates for checking signatures")
    ),
    Option("clerk_mode", bool, False, N_("Clerk mode (many citizens a day)")),
    Option("scanner_device", str, "", N_("Scanner device (SANE name; empty: the first one)")),
    Option("window_maximized", bool, False, N_("Main window maximised")),
    Option("forms_zoom_percent", int, 0, N_("Zoom of the forms page, in percent (0: fit width)")),
)
_BY_NAME = {option.name: option for option in OPTIONS}
MAX_RECENT = 10


class _Writer:
    """Writes a settings file in a background thread; changes in a burst coalesce."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Condition()
        self._pending: dict[str, Any] | None = None
        self._writing = False
        self._thread: threading.Thread | None = None

    def submit(self, values: dict[str, Any]) -> None:
        with self._lock:
            self._pending = dict(values)
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(
                    target=self._run, name="settings-writer", daemon=True
                )
                self._thread.start()
            self._lock.notify_all()

    def flush(self, timeout: float = 10.0) -> None:
        """Wait until every submitted change is on disk."""
        with self._lock:
            self._lock.wait_for(lambda: self._pending is None and not self._writing, timeout)

    def _run(self) -> None:
        while True:
            with self._lock:
                if self._pending is None:
                    return  # a later submit starts a new thread
                values, self._pending, self._writing = self._pending, None, True
            try:
                _write(self.path, values)
            except Exception:  # a settings write must never end the app
                logging.getLogger("hoso").exception("could not write the settings to %s", self.path)
            finally:
                with self._lock:
                    self._writing = False
                    self._lock.notify_all()


def _write(path: Path, values: dict[str, Any]) -> None:
    from common.fsutil import atomic_write_json

    atomic_write_json(path, values)


_WRITERS: weakref.WeakValueDictionary[Path, _Writer] = weakref.WeakValueDictionary()
_WRITERS_LOCK = threading.Lock()


@atexit.register
def _flush_all() -> None:
    for writer in list(_WRITERS.values()):
        writer.flush()


def _writer_for(path: Path) -> _Writer:
    """One writer per file in the process: a new Settings on the same file sees every change."""
    with _WRITERS_LOCK:
        writer = _WRITERS.get(path)
        if writer is None:
            writer = _WRITERS[path] = _Writer(path)
        return writer


def _read_json(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        logging.getLogger("hoso").warning("settings file %s unreadable: defaults used", path)
        return {}
    return data if isinstance(data, dict) else {}


def _read_legacy_ini(path: Path) -> dict[str, Any]:
    """Values of an earlier version's QSettings INI file (each one JSON-encoded)."""
    if not path.is_file():
        return {}
    from PySide6.QtCore import QSettings

    store = QSettings(str(path), QSettings.Format.IniFormat)
    values: dict[str, Any] = {}
    for name in _BY_NAME:
        raw = store.value(name)
        if raw is None:
            continue
        try:
            values[name] = json.loads(str(raw))
        except ValueError:
            continue
    return values


class Settings:
    def __init__(self, path: Path, legacy_ini: Path | None = None) -> None:
        self.path = Path(path)
        self._writer = _writer_for(self.path)
        self._writer.flush()  # another Settings of this process may still be writing the file
        stored = _read_json(self.path)
        if stored is None:
            stored = _read_legacy_ini(legacy_ini) if legacy_ini else {}
            if stored:
                self._writer.submit(stored)
        self._values: dict[str, Any] = stored

    def get(self, name: str) -> Any:
        option = _BY_NAME[name]
        value = self._values.get(name, option.default)
        return value if isinstance(value, option.type) else option.default

    def set(self, name: str, value: Any) -> None:
        option = _BY_NAME[name]
        if not isinstance(value, option.type):
            raise TypeError(f"setting {name} expects {option.type.__name__}")
        if self._values.get(name) == value and name in self._values:
            return
        self._values[name] = json.loads(json.dumps(value, ensure_ascii=False))  # a copy
        self._writer.submit(self._values)

    def flush(self) -> None:
        """Wait until the changes are on disk (tests; the app's exit waits by itself)."""
        self._writer.flush()

    def add_recent(self, folder: Path) -> None:
        recent = [p for p in self.get("recent_dossiers") if p != str(folder)]
        self.set("recent_dossiers", [str(folder), *recent][:MAX_RECENT])


def load_settings() -> Settings:
    from desktop.paths import data_dir

    folder = data_dir()
    return Settings(folder / "settings.json", legacy_ini=folder / "settings.ini")
