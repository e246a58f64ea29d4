"""Autosave: a change reaches the disk within 2 seconds, without blocking the editor.

The GUI calls `changed()` after every edit. Saves are debounced (a burst of edits gives one
write) but never postponed past `max_delay` after the first unsaved change. Writes run on one
worker thread per dossier, so two writes of the same dossier never interleave, and the
snapshot is taken through `dispatch` (the GUI passes a function that runs it on the GUI
thread, where the model is edited). Write errors go to `on_error`; they are never dropped.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor

from common.errors import HosoError, OutputError
from common.i18n import _
from dossier.workspace import Workspace

log = logging.getLogger("hoso.dossier.autosave")

ErrorCallback = Callable[[HosoError], None]
Dispatch = Callable[[Callable[[], None]], None]


def _run_here(fn: Callable[[], None]) -> None:
    fn()


class Autosaver:
    """Debounced, serialised saving of one open dossier.

    quiet_delay: wait this long after the last change before saving.
    max_delay: but save at most this long after the first unsaved change.
    on_error: called (on the writer thread) with the error of a failed background save; the
        dossier stays marked as changed, so the next change, `flush()` or `close()` retries.
    on_saved: called (on the writer thread) with the revision written.
    dispatch: runs the snapshot where the model is edited (default: on the timer thread,
        under `workspace.lock`).
    """

    def __init__(
        self,
        workspace: Workspace,
        *,
        quiet_delay: float = 0.5,
        max_delay: float = 1.5,
        on_error: ErrorCallback | None = None,
        on_saved: Callable[[int], None] | None = None,
        dispatch: Dispatch | None = None,
    ) -> None:
        if quiet_delay < 0 or max_delay < quiet_delay:
            raise ValueError("need 0 <= quiet_delay <= max_delay")
        self.workspace = workspace
        self.quiet_delay = quiet_delay
        self.max_delay = max_delay
        self._on_error = on_error
        self._on_saved = on_saved
        self._dispatch = dispatch or _run_here
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="hoso-autosave")
        self._lock = threading.Lock()
        self._wake = threading.Condition(self._lock)
        self._dirty = False
        self._dispatched = False  # a snapshot was handed to `dispatch` and has not run yet
        self._first_change = 0.0
        self._last_change = 0.0
        self._closed = False
        self._pending: Future[None] | None = None
        self.last_error: HosoError | None = None
        self.writes = 0
        self._timer = threading.Thread(target=self._timer_loop, name="hoso-autosave-timer")
        self._timer.daemon = True
        self._timer.start()

    # ---- called by the editor -----------------------------------------------------------------
    def changed(self) -> None:
        """Note an edit of the dossier: it will be on disk within `max_delay` plus a write."""
        with self._lock:
            if self._closed:
                raise RuntimeError("Autosaver is closed")
            now = time.monotonic()
            if not self._dirty:
                self._dirty = True
                self._first_change = now
            self._last_change = now
            self._wake.notify()

    @property
    def dirty(self) -> bool:
        with self._lock:
            return self._dirty

    def flush(self) -> None:
        """Save now if anything changed and wait until every write is on disk.

        Call it on the thread that edits the model. Raises the write's HosoError.
        """
        with self._lock:
            if self._closed:
                return
        self._snapshot_and_submit()
        self._wait_for_writes(raise_errors=True)

    def submit(self, fn: Callable[[], None]) -> Future[None]:
        """Run another write of this dossier (e.g. a file under work/) on the writer thread."""
        return self._executor.submit(fn)

    def close(self) -> None:
        """Flush, then stop the threads. Raises the last write's error, if any."""
        with self._lock:
            if self._closed:
                return
        try:
            self.flush()
        finally:
            with self._lock:
                self._closed = True
                self._wake.notify()
            self._executor.shutdown(wait=True)
            self._timer.join(timeout=5)

    # ---- internals ----------------------------------------------------------------------------
    def _due_time(self) -> float:
        return min(self._last_change + self.quiet_delay, self._first_change + self.max_delay)

    def _timer_loop(self) -> None:
        while True:
            with self._lock:
                while not self._closed and (
                    not self._dirty or self._dispatched or time.monotonic() < self._due_time()
                ):
                    waiting = not self._dirty or self._dispatched
                    self._wake.wait(None if waiting else self._due_time() - time.monotonic())
                if self._closed:
                    return
                self._dispatched = True
            try:
                self._dispatch(self._snapshot_and_submit)
            except Exception as exc:  # a broken dispatcher must not kill autosave silently
                with self._lock:
                    self._dispatched = False
                self._report(OutputError(_("autosave failed: {reason}").format(reason=exc)))
                time.sleep(self.quiet_delay or 0.1)

    def _snapshot_and_submit(self) -> None:
        with self._lock:
            self._dispatched = False
            self._wake.notify()
            if not self._dirty or self._closed:
                return
            self._dirty = False
            # snapshot and submit under one lock: writes are queued in revision order
            payload = self.workspace.snapshot()
            self._pending = self._executor.submit(self._write, payload)

    def _write(self, payload: bytes) -> None:
        try:
            self.workspace.write_snapshot(payload)
        except HosoError as exc:
            self._mark_unsaved()
            self._report(exc)
            raise
        except Exception as exc:
            self._mark_unsaved()
            log.exception("unexpected error while saving %s", self.workspace.root)
            error = OutputError(
                _("autosave failed: {reason}").format(reason=exc), path=self.workspace.root
            )
            self._report(error)
            raise error from exc
        self.writes += 1
        if self._on_saved is not None:
            try:
                self._on_saved(getattr(payload, "revision", -1))
            except Exception:
                log.exception("autosave callback failed")

    def _mark_unsaved(self) -> None:
        with self._lock:
            if not self._dirty:
                self._dirty = True
                # retry later, not in a tight loop
                self._first_change = self._last_change = time.monotonic() + self.max_delay

    def _report(self, error: HosoError) -> None:
        self.last_error = error
        if self._on_error is None:
            log.error("autosave of %s failed: %s", self.workspace.root, error.user_message())
            return
        try:
            self._on_error(error)
        except Exception:
            log.exception("autosave error callback failed")

    def _wait_for_writes(self, *, raise_errors: bool) -> None:
        # a no-op task queued after every pending write: when it runs, they are done
        self._executor.submit(lambda: None).result()
        pending = self._pending
        if raise_errors and pending is not None and pending.done():
            error = pending.exception()
            if error is not None:
                raise error
