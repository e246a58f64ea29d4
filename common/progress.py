"""Progress reporting and cancellation without Qt (ARCHITECTURE.md rule 4)."""

from __future__ import annotations

import threading
from collections.abc import Callable

from common.errors import CancelledError
from common.i18n import _

#: progress(done, total, message): done and total count steps; message is shown to the user.
ProgressFn = Callable[[int, int, str], None]


def no_progress(done: int, total: int, message: str) -> None:
    """A progress callback that ignores every report."""


def check_cancel(cancel: threading.Event | None) -> None:
    """Raise CancelledError when the user asked to stop."""
    if cancel is not None and cancel.is_set():
        raise CancelledError(_("Cancelled by the user."))
