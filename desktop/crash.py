"""After an abnormal exit: the native traceback is in the log folder and the next start says so.

A hard crash (a fault in Qt or a C library, `Fatal Python error`, a kill) skips every Python
handler. `faulthandler` writes the native traceback of every thread to `crash.log` beside the
app's log file. A marker file names each running app by process id; a marker left behind by a
process that no longer runs means that process ended without closing: the next start shows
a notice (ui/crash_notice.py) and forgets the marker. The dossier itself is autosaved, so the
notice can say that nothing was lost.
"""

from __future__ import annotations

import faulthandler
import json
import os
import time
from pathlib import Path
from typing import IO, NamedTuple

CRASH_LOG_NAME = "crash.log"
MARKER_PREFIX = "running-"
MAX_CRASH_LOG_BYTES = 2_000_000

_fault_file: IO[str] | None = None  # kept open for faulthandler until the process ends


class UncleanExit(NamedTuple):
    """A previous run that did not close normally."""

    pid: int
    started: float  # seconds since the epoch
    dossier: str  # the dossier that was open, or ""
    crash_log: Path  # native tracebacks, if any were written


def enable_fault_log(logs_dir: Path) -> Path:
    """Send native tracebacks (segfaults, aborts, fatal Python errors) to crash.log."""
    global _fault_file
    logs_dir.mkdir(parents=True, exist_ok=True)
    path = logs_dir / CRASH_LOG_NAME
    if path.exists() and path.stat().st_size > MAX_CRASH_LOG_BYTES:
        path.replace(path.with_suffix(".log.1"))
    _fault_file = open(path, "a", encoding="utf-8")  # noqa: SIM115 - must outlive this call
    stamp = time.strftime("%Y-%m-%d %H:%M:%S")
    _fault_file.write(f"--- {stamp} hoso started, process {os.getpid()}\n")
    _fault_file.flush()
    faulthandler.enable(file=_fault_file, all_threads=True)
    return path


def _marker(data_dir: Path, pid: int) -> Path:
    return data_dir / f"{MARKER_PREFIX}{pid}.json"


def mark_running(data_dir: Path, dossier: str = "") -> Path:
    """Say that this process runs (and which dossier it has open)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    marker = _marker(data_dir, os.getpid())
    _write_marker(marker, {"pid": os.getpid(), "started": time.time(), "dossier": dossier})
    return marker


def _write_marker(marker: Path, payload: dict) -> None:
    """Replace the marker whole (no fsync: it is on the start-up path, and a marker lost to a
    power cut only means one notice less)."""
    temporary = marker.with_suffix(".tmp")
    temporary.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
    os.replace(temporary, marker)


def update_running(marker: Path, dossier: str) -> None:
    """Record the dossier now open (the notice names it after a crash)."""
    try:
        payload = json.loads(marker.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    payload["dossier"] = dossier
    try:
        _write_marker(marker, payload)
    except OSError:
        pass  # a marker is a courtesy: never fail the app for it


def clear_running(marker: Path) -> None:
    """A normal exit: nothing to report next time."""
    try:
        marker.unlink()
    except FileNotFoundError:
        pass


def process_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name == "nt":
        return _windows_process_alive(pid)
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _windows_process_alive(pid: int) -> bool:
    import ctypes

    still_active, query_limited = 259, 0x1000
    kernel32 = ctypes.windll.kernel32
    handle = kernel32.OpenProcess(query_limited, False, pid)
    if not handle:
        return False
    try:
        code = ctypes.c_ulong()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return False
        return code.value == still_active
    finally:
        kernel32.CloseHandle(handle)


def take_unclean_exits(data_dir: Path, logs_dir: Path) -> list[UncleanExit]:
    """Markers of processes that are gone: each one is a run that did not close. They are
    removed, so a notice is shown once."""
    found = []
    for marker in sorted(data_dir.glob(f"{MARKER_PREFIX}*.json")):
        try:
            payload = json.loads(marker.read_text(encoding="utf-8"))
            pid = int(payload["pid"])
        except (OSError, ValueError, KeyError, TypeError):
            marker.unlink(missing_ok=True)
            continue
        if process_alive(pid):
            continue
        found.append(
            UncleanExit(
                pid=pid,
                started=float(payload.get("started") or 0.0),
                dossier=str(payload.get("dossier") or ""),
                crash_log=logs_dir / CRASH_LOG_NAME,
            )
        )
        marker.unlink(missing_ok=True)
    return found


def native_traceback(exit: UncleanExit, limit: int = 6000) -> str:
    """What faulthandler wrote for that process, if anything (the end of it)."""
    try:
        text = exit.crash_log.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
    start = text.rfind(f"process {exit.pid}\n")
    if start < 0:
        return ""
    section = text[start:].split("\n--- ", 1)[0]
    lines = section.splitlines()[1:]
    return "\n".join(lines)[-limit:]
