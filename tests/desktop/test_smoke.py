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


def test_smoke_saves_a_screenshot_of_every_step(tmp_path, app_env):
    """--screenshots DIR (the Windows build's check under Wine): one PNG per step, the window's
    size, not blank."""
    from PIL import Image

    folder = tmp_path / "ảnh màn hình"
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "--smoke", "--screenshots", str(folder)],
        capture_output=True,
        text=True,
        env=app_env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    shots = sorted(folder.glob("*.png"))
    assert [p.name for p in shots[:2]] == ["01-start.png", "02-procedure.png"]
    assert len(shots) >= 6
    for shot in shots:
        with Image.open(shot) as image:
            assert image.width >= 400 and image.height >= 300
            low, high = image.convert("L").getextrema()
            assert high - low > 100, shot.name  # text on a background, not one flat colour
