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
import time
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
        self.finished_at = 0.0

    def cancel(self) -> None:
        self.cancel_event.set()

    def _report_progress(self, done: int, total: int, message: str) -> None:
        self.signals.progress.emit(done, total, message)

    def run(self) -> None:  # worker thread
        _yield_to_gui_thread()
        try:
            result = self.fn(self._report_progress, self.cancel_event)
        except BaseException as exc:  # every failure must reach the GUI thread
            self.finished_at = time.monotonic()
            self.finished.set()  # before the signal: receivers may look at it
            self.signals.failed.emit(exc, traceback.format_exc())
        else:
            self.finished_at = time.monotonic()
            self.finished.set()
            self.signals.done.emit(result)


_running: set[Job] = set()  # jobs whose result someone still waits for
_alive: dict[Job, float] = {}  # every job until well after it finished: the pool runs it
_pools: set[QtCore.QThreadPool] = set()
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


class _Relay(QtCore.QObject):
    """Delivers a job's results to its callbacks while its owner widget is alive.

    It is a child of the owner: when the page or dialog that started the job is deleted, the
    relay goes with it and Qt drops the connections, so a late result never reaches a deleted
    widget.
    """

    def __init__(self, job: Job, owner: QtCore.QObject | None, on_done, on_error, progress):
        super().__init__(owner)
        self.job = job
        self.on_done = on_done
        self.on_error = on_error
        self.progress_callback = progress

    def done(self, result: Any) -> None:
        _running.discard(self.job)
        if self.on_done is not None:
            self.on_done(result)
        self._release()

    def failed(self, exc: BaseException, details: str) -> None:
        _running.discard(self.job)
        log.info("job %s failed: %s", self.job.name, exc.__class__.__name__)
        if self.on_error is not None:
            self.on_error(exc, details)
        else:
            from ui.error_dialog import show_error

            show_error(None, exc, details)
        self._release()

    def progress(self, done: int, total: int, message: str) -> None:
        if self.progress_callback is not None:
            self.progress_callback(done, total, message)

    def _release(self) -> None:
        _relays.discard(self)
        self.deleteLater()


_relays: set[_Relay] = set()  # relays without an owner are kept alive here until they report


def _owner_of(callback: Callable[..., Any] | None) -> QtCore.QObject | None:
    """The QObject a bound-method callback belongs to (a page's `self._on_done`)."""
    owner = getattr(callback, "__self__", None)
    return owner if isinstance(owner, QtCore.QObject) else None


def run_in_background(
    fn: JobFn,
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException, str], None] | None = None,
    *,
    progress: Callable[[int, int, str], None] | None = None,
    name: str = "",
    pool: QtCore.QThreadPool | None = None,
    owner: QtCore.QObject | None = None,
) -> Job:
    """Run `fn(progress, cancel)` off the GUI thread; callbacks run on the GUI thread.

    `owner` (by default the object of a bound-method `on_done`) limits the callbacks to its
    lifetime. When `on_error` is None the error goes to the app's error boundary.
    """
    job = Job(fn, name)
    owner = owner or _owner_of(on_done) or _owner_of(on_error)
    relay = _Relay(job, owner, on_done, on_error, progress)
    if owner is None:
        _relays.add(relay)
    else:  # the owner went away before the job reported: nobody waits for it any more
        relay.destroyed.connect(lambda *_args, j=job: _running.discard(j))
    app = QtCore.QCoreApplication.instance()
    if app is not None and owner is None:
        relay.moveToThread(app.thread())
    job.signals.moveToThread(relay.thread())
    connection = QtCore.Qt.ConnectionType.QueuedConnection
    job.signals.done.connect(relay.done, connection)
    job.signals.failed.connect(relay.failed, connection)
    job.signals.progress.connect(relay.progress, connection)
    _running.add(job)
    _keep_alive(job)
    pool = pool or QtCore.QThreadPool.globalInstance()
    _pools.add(pool)
    pool.start(job)
    return job


def _keep_alive(job: Job) -> None:
    """Hold a reference to every job until a while after its run() returned.

    The thread pool holds only the C++ side; freeing the Python object while run() is still
    on a worker thread crashes the process (seen when a page closed during a job).
    """
    now = time.monotonic()
    for old in [j for j, _ in _alive.items() if j.finished.is_set() and now - j.finished_at > 5]:
        del _alive[old]
    _alive[job] = now


def running_jobs() -> list[Job]:
    """Jobs started and not yet reported to their owner (or whose owner is gone)."""
    return list(_running)


def finish_jobs(timeout_ms: int = 10_000) -> bool:
    """Cancel the running jobs and wait for their threads: call before the app exits, so no
    worker still runs Python while the interpreter shuts down (that crashed at exit)."""
    for job in list(_running):
        job.cancel()
    return all(pool.waitForDone(timeout_ms) for pool in list(_pools))
