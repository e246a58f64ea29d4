"""Guard against Qt bindings that lose references to `None` (issue 12).

PySide6-Essentials 6.12.0 on CPython 3.11 drops one reference to `None` per QPainter call and
per `processEvents()`: after a few minutes of scrolling the forms page the process died with
`Fatal Python error: none_dealloc`. none_probe.py calls every Qt call the app makes on its
paint and event paths 2,000 times in a fresh process (6.12.0 also loses references to True on
signal emission); a drop of more than one reference per
twenty calls fails here (a leaking call drops one per call; noise is 0 here).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

PROBE = Path(__file__).with_name("none_probe.py")
CALLS = 2000
TOLERATED_LOSS = CALLS // 20


@pytest.fixture(scope="module")
def probe_results() -> tuple[dict, list[dict]]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    done = subprocess.run(
        [sys.executable, str(PROBE), str(CALLS)],
        capture_output=True, text=True, encoding="utf-8", env=env, timeout=240, check=False,
    )  # fmt: skip
    assert done.returncode == 0, f"the probe died ({done.returncode}): {done.stderr[-2000:]}"
    lines = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    return lines[0], lines[1:]


def test_probe_measured_every_kind_of_call(probe_results) -> None:
    versions, results = probe_results
    names = {r["call"] for r in results}
    assert "pyside6" in versions
    for kind in ("QPainter.fillRect", "QPainter.drawImage", "processEvents", "emit", "repaint",
                 "QPixmap.fromImage", "QWheelEvent"):  # fmt: skip
        assert any(kind in name for name in names), f"no measurement of {kind}"
    assert all(r["calls"] == CALLS for r in results)


def test_no_qt_call_the_app_makes_loses_references_to_singletons(probe_results) -> None:
    versions, results = probe_results
    losing = {
        f"{r['call']} ({name})": drift
        for r in results
        for name, drift in r["singletons"].items()
        if drift < -TOLERATED_LOSS
    }
    assert not losing, (
        f"PySide6 {versions['pyside6']} on Python {versions['python']} loses references to "
        f"None/True/False over {CALLS} calls: {losing}. The process dies when a count reaches "
        "zero; exclude this binding version in pyproject.toml (see docs/stability.md)."
    )
