"""The idle memory release (ui/memory.py): MuPDF's store emptied, glibc's heap trimmed."""

from __future__ import annotations

import sys

import psutil
import pymupdf
import pytest

from common.resources import resource_path
from ui.memory import MemoryKeeper, release_memory


def test_release_empties_the_mupdf_store(monkeypatch) -> None:
    asked = []
    real = pymupdf.TOOLS.store_shrink
    monkeypatch.setattr(pymupdf.TOOLS, "store_shrink", lambda pct: asked.append(pct) or real(pct))
    release_memory()
    assert asked == [100]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="malloc_trim is glibc's")
def test_release_gives_freed_heap_back_to_the_system() -> None:
    process = psutil.Process()
    small = [bytes(2000) for _ in range(150_000)]  # ~300 MB in heap-sized pieces
    with pymupdf.open(resource_path("forms", "tk-khai-sinh.pdf")) as doc:
        for _ in range(3):
            doc[0].get_pixmap(dpi=300)
    del small[::2]  # half freed, scattered: glibc keeps such holes unless trimmed
    before = process.memory_info().rss
    release_memory()
    after = process.memory_info().rss
    assert after < before, (before, after)
    del small


def test_the_keeper_runs_on_a_timer(qapp) -> None:
    keeper = MemoryKeeper()
    assert keeper.timer.isActive() and keeper.timer.interval() >= 5000
    keeper.release_if_idle()  # no job runs in this test: releases without error
