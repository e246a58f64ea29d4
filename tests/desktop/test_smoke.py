"""`hoso-desktop --smoke`: the real app opens its window on the sample dossier and exits 0."""

from __future__ import annotations

import os
import subprocess
import sys


def test_smoke_run_opens_the_sample_and_exits_cleanly(tmp_path):
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        HOSO_DATA_DIR=str(tmp_path / "data"),
        HOSO_DOSSIER_ROOT=str(tmp_path / "dossiers"),
    )
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "--smoke"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "smoke: ok" in result.stdout
    dossiers = [p for p in (tmp_path / "dossiers").iterdir() if (p / "dossier.json").exists()]
    assert len(dossiers) == 1
    assert (tmp_path / "data" / "logs" / "hoso.log").exists()
