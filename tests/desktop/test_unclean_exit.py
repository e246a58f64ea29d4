"""After a hard crash the native traceback is in the log folder and the next start says so,
in Vietnamese, that the dossier was saved, with a button that opens the log folder (issue 12)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.crash import (
    CRASH_LOG_NAME,
    clear_running,
    mark_running,
    native_traceback,
    take_unclean_exits,
)
from tests.conftest import ROOT

CHILD = Path(__file__).with_name("unclean_exit_child.py")


def run_child(mode: str, args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(CHILD), mode, *args],
        capture_output=True, text=True, encoding="utf-8", env=env, cwd=ROOT, timeout=120,
        check=False,
    )  # fmt: skip


def notice_of(done: subprocess.CompletedProcess) -> dict | None:
    lines = [line for line in done.stdout.splitlines() if line.startswith("NOTICE ")]
    assert lines, f"no NOTICE line (exit {done.returncode}): {done.stderr[-2000:]}"
    return json.loads(lines[0][len("NOTICE ") :])


@pytest.mark.skipif(os.name != "posix", reason="the child dies by SIGSEGV")
def test_a_native_crash_is_logged_and_reported_at_the_next_start(tmp_path, app_env) -> None:
    env = dict(app_env, PYTHONPATH=str(ROOT))
    crashed = run_child("crash", ["--sample", "--lang", "vi"], env)
    assert crashed.returncode != 0, "the child should have died"
    crash_log = tmp_path / "data" / "logs" / CRASH_LOG_NAME
    text = crash_log.read_text(encoding="utf-8")
    assert "Segmentation fault" in text and "unclean_exit_child.py" in text, text[-2000:]

    notice = notice_of(run_child("notice", ["--lang", "vi"], env))
    assert notice is not None, "no notice after the crash"
    assert notice["title"] == "Ứng dụng đã đóng bất thường"
    assert "đã được lưu tự động" in notice["text"]
    assert "Mẫu" in notice["text"] or "mẫu" in notice["text"], "the notice names the dossier"
    assert "Mở thư mục nhật ký" in notice["buttons"]
    log = (tmp_path / "data" / "logs" / "hoso.log").read_text(encoding="utf-8")
    assert "ended unexpectedly" in log and "Segmentation fault" in log

    # shown once: a normal start after that says nothing
    assert notice_of(run_child("notice", ["--lang", "vi"], env)) is None


def test_a_normal_exit_leaves_nothing_to_report(tmp_path, app_env) -> None:
    env = dict(app_env, PYTHONPATH=str(ROOT))
    assert notice_of(run_child("notice", ["--sample"], env)) is None
    assert notice_of(run_child("notice", ["--sample"], env)) is None
    assert not list((tmp_path / "data").glob("running-*.json"))


def test_markers_of_running_processes_are_not_crashes(tmp_path) -> None:
    data, logs = tmp_path / "data", tmp_path / "logs"
    mine = mark_running(data, "/tmp/x")
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        alive = data / f"running-{child.pid}.json"
        alive.write_text(json.dumps({"pid": child.pid, "started": 1.0, "dossier": ""}))
        assert take_unclean_exits(data, logs) == []
    finally:
        child.kill()
        child.wait()
    gone = take_unclean_exits(data, logs)
    assert [exit.pid for exit in gone] == [child.pid]
    assert not alive.exists(), "a reported marker is removed"
    (data / "running-x.json").write_text("not json")
    assert take_unclean_exits(data, logs) == []
    assert not (data / "running-x.json").exists()
    clear_running(mine)
    assert not mine.exists()


def test_native_traceback_is_the_section_of_that_process(tmp_path) -> None:
    log = tmp_path / CRASH_LOG_NAME
    log.write_text(
        "--- 2026-12-01 10:00:00 hoso started, process 11\n"
        "--- 2026-12-01 10:05:00 hoso started, process 12\n"
        'Fatal Python error: Segmentation fault\n  File "x.py", line 3 in paint\n'
        "--- 2026-12-01 10:09:00 hoso started, process 13\n",
        encoding="utf-8",
    )
    from desktop.crash import UncleanExit

    trace = native_traceback(UncleanExit(12, 0.0, "", log))
    assert "Segmentation fault" in trace and "process 13" not in trace
    assert native_traceback(UncleanExit(11, 0.0, "", log)) == ""
