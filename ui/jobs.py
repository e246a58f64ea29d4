"""The one background-job helper (ARCHITECTURE.md rule 6).

`run_in_background(fn, on_done, on_error, progress=...)` runs `fn(progress, cancel)` on a worker
thread of the global QThreadPool; its result, error and progress reports come back on the GUI
thread through queued signals, so no widget is touched from a worker. The returned Job can be
cancelled (it sets the threading.Event the core functions check).
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import traceback
from collections.abc import Callable
from typing import Any

from ui.qt import QtCore, Signal

log = logging.getLogger("hoso.ui.jobs")

ProgressFn = Callable[[int, int, str], None]
JobFn = Callable[[ProgressFn, threading.Event], Any]


class _Signals(QtCore.QObject):
    done = Signal(object)
    failed = Signal(object, str)  # exception, formatted traceback
    progress = Signal(int, int, str)


class Job(QtCore.QRunnable):
    """A unit of background work with its own cancel event and Qt signals."""

    def __init__(self, fn: JobFn, name: str = "") -> None:
        super().__init__()
        self.setAutoDelete(False)  # kept alive by `_running` until it reports
        self.fn = fn
        self.name = name or getattr(fn, "__name__", "job")
        self.cancel_event = threading.Event()
        self.signals = _Signals()
        self.finished = threading.Event()

    def cancel(self) -> None:
        self.cancel_event.set()

    def _report_progress(self, done: int, total: int, message: str) -> None:
        self.signals.progress.emit(done, total, message)

    def run(self) -> None:  # worker thread
        _yield_to_gui_thread()
        try:
            result = self.fn(self._report_progress, self.cancel_event)
        except BaseException as exc:  # every failure must reach the GUI thread
            self.finished.set()  # before the signal: receivers may look at it
            self.signals.failed.emit(exc, traceback.format_exc())
        else:
            self.finished.set()
            self.signals.done.emit(result)


_running: set[Job] = set()
_lowered: set[int] = set()
WORKER_NICENESS = 5


def _yield_to_gui_thread() -> None:
    """Run background work at a lower priority than the GUI thread, once per worker thread.

    On a 2-core machine two busy workers otherwise share the cores with the GUI thread as
    equals and the window stalls for 100 ms and more at a time (bench/ui measures it)."""
    ident = threading.get_native_id()
    if ident in _lowered:
        return
    _lowered.add(ident)
    QtCore.QThread.currentThread().setPriority(QtCore.QThread.Priority.LowPriority)
    if hasattr(os, "setpriority") and sys.platform.startswith("linux"):
        try:  # Linux ignores thread priorities of normal threads; a thread's nice value counts
            os.setpriority(os.PRIO_PROCESS, ident, os.getpriority(os.PRIO_PROCESS, ident)
                           + WORKER_NICENESS)  # fmt: skip
        except OSError:
            pass


def run_in_background(
    fn: JobFn,
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException, str], None] | None = None,
    *,
    progress: Callable[[int, int, str], None] | None = None,
    name: str = "",
    pool: QtCore.QThreadPool | None = None,
) -> Job:
    """Run `fn(progress, cancel)` off the GUI thread; callbacks run on the GUI thread.

    When `on_error` is None the error goes to the app's error boundary (ui.error_dialog).
    """
    job = Job(fn, name)
    receiver = QtCore.QCoreApplication.instance()
    connection = QtCore.Qt.ConnectionType.QueuedConnection

    def finish() -> None:
        _running.discard(job)

    def handle_done(result: Any) -> None:
        finish()
        if on_done is not None:
            on_done(result)

    def handle_error(exc: BaseException, details: str) -> None:
        finish()
        log.info("job %s failed: %s", job.name, exc.__class__.__name__)
        if on_error is not None:
            on_error(exc, details)
        else:
            from ui.error_dialog import show_error

            show_error(None, exc, details)

    job.signals.moveToThread(receiver.thread()) if receiver is not None else None
    job.signals.done.connect(handle_done, connection)
    job.signals.failed.connect(handle_error, connection)
    if progress is not None:
        job.signals.progress.connect(progress, connection)
    _running.add(job)
    (pool or QtCore.QThreadPool.globalInstance()).start(job)
    return job


def running_jobs() -> list[Job]:
    return list(_running)
