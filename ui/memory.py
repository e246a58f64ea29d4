"""Give memory back while the app is idle, so hours of work do not grow the process.

Measured by the soak (tests/soak): over 10 minutes of random work the resident size grew
388 MB after the first minute. Two caches explain most of it: MuPDF keeps decoded fonts,
images and pages in its store (up to 256 MB by default) and glibc keeps freed image buffers
in its arenas instead of returning them. Every IDLE_SECONDS glibc trims its heap, and when no
background job runs the MuPDF store is emptied too (if PyMuPDF was ever imported).
"""

from __future__ import annotations

import logging
import sys

from ui.qt import QtCore

IDLE_SECONDS = 20
log = logging.getLogger("hoso.ui.memory")


def release_memory(*, mupdf: bool = True) -> None:
    """Empty MuPDF's store (`mupdf`: only when no thread uses MuPDF) and return free heap
    pages to the system (Linux glibc; safe while other threads run)."""
    pymupdf = sys.modules.get("pymupdf") if mupdf else None
    if pymupdf is not None:
        try:
            pymupdf.TOOLS.store_shrink(100)
        except Exception as exc:  # a cache: never fail the app for it
            log.debug("MuPDF store not shrunk: %s", exc)
    libc = _glibc()
    if libc is not None:
        libc.malloc_trim(0)


M_MMAP_THRESHOLD = -3  # glibc mallopt parameter
LARGE_BUFFER_BYTES = 1 << 20


def return_large_buffers_to_the_system() -> None:
    """Linux glibc, at start-up: every buffer of 1 MiB or more (rendered pages, photos,
    previews) gets its own mapping, given back to the system when freed. By default glibc
    raises this threshold after the first large free (up to 32 MiB), and freed page images then
    stay in its heap: the short soak's peak was 520 MB, 363 MB with this (docs/stability.md)."""
    libc = _glibc()
    if libc is not None:
        libc.mallopt(M_MMAP_THRESHOLD, LARGE_BUFFER_BYTES)


def _glibc():
    """The C library when it is glibc (Linux), else None (musl, Windows: their own policy)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes

        libc = ctypes.CDLL("libc.so.6")
        libc.malloc_trim, libc.mallopt  # noqa: B018 - glibc has both; musl lacks malloc_trim
    except (OSError, AttributeError) as exc:
        log.debug("glibc allocator controls unavailable: %s", exc)
        return None
    return libc


class MemoryKeeper(QtCore.QObject):
    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QtCore.QTimer(self)
        self.timer.setInterval(IDLE_SECONDS * 1000)
        self.timer.timeout.connect(self.release_if_idle)
        self.timer.start()

    def release_if_idle(self) -> None:
        from ui.jobs import running_jobs

        # a worker may be using MuPDF right now: its store is emptied only when none runs
        release_memory(mupdf=not running_jobs())
