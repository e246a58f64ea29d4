"""`hoso-desktop --smoke`: the real app opens its window on the sample dossier and exits 0."""

from __future__ import annotations

import subprocess
import sys


def test_smoke_run_opens_the_sample_and_exits_cleanly(tmp_path, app_env):
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "--smoke"],
        capture_output=True,
        text=True,
        env=app_env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "smoke: ok" in result.stdout
    dossiers = [p for p in (tmp_path / "dossiers").iterdir() if (p / "dossier.json").exists()]
    assert len(dossiers) == 1
    assert (tmp_path / "data" / "logs" / "hoso.log").exists()
