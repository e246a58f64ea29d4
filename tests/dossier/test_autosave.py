"""Autosave: on disk within 2 s, bursts coalesced, flush immediate, errors reported."""

from __future__ import annotations

import json
import queue
import threading
import time

import pytest

from common.errors import HosoError, OutputError
from dossier.autosave import Autosaver
from dossier.workspace import DOSSIER_FILE, Workspace

pytestmark = pytest.mark.usefixtures("english_messages")


@pytest.fixture
def ws(tmp_path) -> Workspace:
    return Workspace.create(tmp_path / "ho-so", "1.001193")


def revision_on_disk(ws: Workspace) -> int:
    return json.loads((ws.root / DOSSIER_FILE).read_text(encoding="utf-8"))["revision"]


def wait_for(condition, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.01)
    return condition()


def test_a_change_is_on_disk_within_two_seconds(ws):
    saver = Autosaver(ws)
    try:
        start = revision_on_disk(ws)
        ws.dossier.title = "Đăng ký khai sinh"
        saver.changed()
        assert wait_for(lambda: revision_on_disk(ws) > start, timeout=2.0)
        on_disk = json.loads((ws.root / DOSSIER_FILE).read_text(encoding="utf-8"))
        assert on_disk["title"] == "Đăng ký khai sinh"
        assert not saver.dirty
    finally:
        saver.close()


def test_continuous_edits_are_still_saved_within_two_seconds(ws):
    """Debouncing must not postpone the save forever while the user keeps typing."""
    saver = Autosaver(ws)
    try:
        start = revision_on_disk(ws)
        began = time.monotonic()
        while time.monotonic() - began < 2.0 and revision_on_disk(ws) == start:
            ws.dossier.title += "a"
            saver.changed()
            time.sleep(0.02)
        assert revision_on_disk(ws) > start
    finally:
        saver.close()


def test_many_rapid_changes_give_few_writes(ws):
    saver = Autosaver(ws)
    start = revision_on_disk(ws)
    for i in range(200):
        ws.dossier.title = f"title {i}"
        saver.changed()
        time.sleep(0.002)
    saver.close()
    writes = revision_on_disk(ws) - start  # every save bumps the revision once
    assert 1 <= writes <= 3
    assert saver.writes == writes
    assert Workspace.open(ws.root).dossier.title == "title 199"


def test_flush_writes_immediately(ws):
    saver = Autosaver(ws, quiet_delay=60, max_delay=60)
    try:
        start = revision_on_disk(ws)
        ws.dossier.current_step = "scan"
        saver.changed()
        saver.flush()
        assert revision_on_disk(ws) == start + 1
        assert Workspace.open(ws.root).dossier.current_step == "scan"
        saver.flush()  # nothing changed: no write
        assert revision_on_disk(ws) == start + 1
    finally:
        saver.close()


def test_close_saves_pending_changes_and_refuses_more(ws):
    saver = Autosaver(ws, quiet_delay=60, max_delay=60)
    ws.dossier.title = "last words"
    saver.changed()
    saver.close()
    assert Workspace.open(ws.root).dossier.title == "last words"
    with pytest.raises(RuntimeError):
        saver.changed()


def test_write_errors_reach_the_callback_and_are_retried(ws):
    errors: queue.Queue[HosoError] = queue.Queue()
    saver = Autosaver(ws, quiet_delay=0.05, max_delay=0.1, on_error=errors.put)
    main = ws.root / DOSSIER_FILE
    main.unlink()
    main.mkdir()  # a folder where the file should be: every write fails (even as root)
    ws.dossier.title = "must not be lost"
    saver.changed()
    error = errors.get(timeout=5)
    assert isinstance(error, OutputError)
    assert DOSSIER_FILE in error.user_message()
    assert saver.dirty  # still to be saved
    with pytest.raises(OutputError):
        saver.flush()
    main.rmdir()
    saver.flush()  # the retry succeeds once the cause is gone
    assert Workspace.open(ws.root).dossier.title == "must not be lost"
    saver.close()


def test_writes_are_serialised_and_in_revision_order(ws):
    saved: list[int] = []
    saver = Autosaver(ws, quiet_delay=0.001, max_delay=0.005, on_saved=saved.append)

    def editor(n: int) -> None:
        for i in range(100):
            with ws.lock:
                ws.dossier.extra[f"editor{n}"] = i
            saver.changed()
            if i % 10 == 0:
                saver.flush()

    threads = [threading.Thread(target=editor, args=(n,)) for n in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    saver.close()
    assert saved == sorted(saved) and len(set(saved)) == len(saved)
    reopened = Workspace.open(ws.root).dossier
    assert reopened.revision == ws.dossier.revision
    assert [reopened.extra[f"editor{n}"] for n in range(3)] == [99, 99, 99]


def test_snapshots_are_taken_through_dispatch(ws):
    """The GUI passes a dispatcher that runs the snapshot on the thread editing the model."""
    tasks: queue.Queue = queue.Queue()
    owner_threads: list[str] = []

    def gui_thread() -> None:
        while (task := tasks.get()) is not None:
            owner_threads.append(threading.current_thread().name)
            task()

    gui = threading.Thread(target=gui_thread, name="gui")
    gui.start()
    saver = Autosaver(ws, quiet_delay=0.05, max_delay=0.2, dispatch=tasks.put)
    start = revision_on_disk(ws)
    saver.changed()
    assert wait_for(lambda: revision_on_disk(ws) > start, timeout=2.0)
    tasks.put(None)
    gui.join()
    saver.close()
    assert owner_threads == ["gui"]
