"""Crash safety through the GUI: the real app is killed (SIGKILL) in the middle of the flow and
restarted; it reopens the dossier at the same step with everything that was autosaved.

The app runs as `desktop.app.main` in a child process (gui_child.py plays the user through the
real widgets, offscreen); nothing is saved explicitly: the dossier's autosave must do it.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from dossier.workspace import Workspace
from tests.conftest import ROOT
from tests.e2e.gui_child import ADDRESS, FORM_VALUES
from tests.e2e.photos import page_photo

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX"),
]
CHILD = Path(__file__).with_name("gui_child.py")
TIMEOUT_S = 120


def run_child(mode: str, args: list[str], env: dict[str, str], until: str) -> tuple[dict, int]:
    """Start the app; read its output until a line starting with `until`; then SIGKILL it
    (`edit`) or let it quit (`check`). Returns that line's JSON and the exit code."""
    child = subprocess.Popen(
        [sys.executable, str(CHILD), mode, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        cwd=ROOT,
        text=True,
        encoding="utf-8",
    )
    try:
        found = None
        for line in child.stdout:
            if line.startswith(until):
                found = json.loads(line[len(until) :])
                break
        if found is None:
            child.wait(timeout=TIMEOUT_S)
            pytest.fail(f"the app ended without {until!r}: {child.stderr.read()[-3000:]}")
        if mode == "edit":
            child.send_signal(signal.SIGKILL)
        code = child.wait(timeout=TIMEOUT_S)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        child.stdout.close()
        child.stderr.close()
    return found, code


def test_app_killed_mid_flow_reopens_with_nothing_lost(tmp_path) -> None:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        HOSO_DATA_DIR=str(tmp_path / "data"),
        HOSO_DOSSIER_ROOT=str(tmp_path / "dossiers"),
        PYTHONPATH=str(ROOT),
    )
    folder = tmp_path / "dossiers" / "khai sinh"
    workspace = Workspace.create(
        folder, "1.001193", title="Đăng ký khai sinh",
        component_ids=["to-khai", "giay-chung-sinh", "giay-to-tuy-than"],
    )  # fmt: skip
    workspace.dossier.current_step = "details"
    workspace.save()
    photo = page_photo(tmp_path / "giấy chứng sinh.jpg", seed=5)

    saved, code = run_child("edit", [str(photo), "--dossier", str(folder)], env, "SAVED ")
    assert code == -signal.SIGKILL  # killed while it was making the PDF
    assert saved["current_step"] == "scan"

    # the restarted app opens the last dossier by itself, where the user left it
    state, code = run_child("check", [], env, "STATE ")
    assert code == 0
    assert Path(state["root"]) == folder
    assert state["step"] == "scan"
    assert state["form_values"] == FORM_VALUES
    assert state["delivery"] == "post" and state["address"] == ADDRESS
    assert state["scan_files"] == [photo.name]
    reopened = Workspace.open(folder).dossier
    assert reopened.revision >= saved["revision"]
    item = reopened.component("giay-chung-sinh").files[0]
    assert item.steps == saved["components"][1]["files"][0]["steps"]
    assert (folder / item.original).read_bytes() == photo.read_bytes()
