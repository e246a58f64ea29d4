"""A dossier survives SIGKILL at any moment of a save: it opens with the old or the new state."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dossier.model import Dossier
from dossier.workspace import BACKUP_FILE, DOSSIER_FILE, Workspace, load_dossier_file
from tests.conftest import ROOT

CHILD = Path(__file__).with_name("crash_child.py")
KILLS = 200

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")


def assert_consistent(dossier: Dossier) -> None:
    """The state written at revision R is exactly the one crash_child.fill_state makes for R."""
    revision = dossier.revision
    crash = dossier.extra["crash"]
    assert crash["revision"] == revision
    assert all(item.startswith(f"{revision}-") for item in crash["items"])
    numbered = [c for c in dossier.components if c.component_id.startswith("c-")]
    assert [c.component_id for c in numbered] == [f"c-{i}" for i in range(1 + revision % 7)]
    assert all(c.note == str(revision) for c in numbered)


def run_child_and_kill(folder: Path, seed: int, delay: float) -> list[int]:
    """Start a saving child, SIGKILL it after `delay` s of saving; the revisions it reported."""
    child = subprocess.Popen(
        [sys.executable, "-S", str(CHILD), str(ROOT), str(folder), str(seed)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        first = child.stdout.readline()  # the child opened the dossier and starts saving
        assert first.endswith(b"\n"), child.stderr.read().decode()
        time.sleep(delay)
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
        rest = child.stdout.read()
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        child.stdout.close()
        child.stderr.close()
    assert child.returncode == -signal.SIGKILL
    lines = (first + rest).split(b"\n")[:-1]  # a last line without newline was cut by the kill
    return [int(line) for line in lines]


def test_sigkill_during_saves_leaves_old_or_new_state(tmp_path):
    from tests.dossier.crash_child import fill_state

    folder = tmp_path / "ho-so"
    workspace = Workspace.create(folder, "1.001193")
    fill_state(workspace.dossier, workspace.dossier.revision + 1, random.Random(0))
    workspace.save()

    rng = random.Random(20261127)
    started = time.monotonic()
    saves = ahead = 0
    for kill in range(KILLS):
        reported = run_child_and_kill(folder, seed=kill, delay=rng.uniform(0.0, 0.03))
        last_reported = reported[-1]
        opened = Workspace.open(folder)
        assert opened.recovered_from is None, f"kill {kill}: {opened.recovered_from}"
        revision = opened.dossier.revision
        # the child reports a revision after its save returned: the disk holds that one, or
        # the next when the kill came between the rename and the report
        assert revision in (last_reported, last_reported + 1), (kill, reported[-3:], revision)
        assert_consistent(opened.dossier)
        backup = load_dossier_file(folder / BACKUP_FILE)
        assert backup.revision <= revision  # equal when killed between link and rename
        if "crash" in backup.extra:
            assert_consistent(backup)
        saves += len(reported) - 1
        ahead += revision == last_reported + 1
    elapsed = time.monotonic() - started
    leftovers = sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))
    print(
        f"\ncrash test: {KILLS} kills in {elapsed:.1f} s, {saves} saves reported, "
        f"{ahead} kills between rename and report, {len(leftovers)} temp files left"
    )
    assert (folder / DOSSIER_FILE).is_file()
