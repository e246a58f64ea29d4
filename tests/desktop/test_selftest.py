"""`hoso-desktop --selftest` passes from the source checkout (the bundle runs the same code)."""

from __future__ import annotations

import os
import subprocess
import sys


def test_selftest_passes_and_writes_its_report(tmp_path):
    report = tmp_path / "report.txt"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOSO_DATA_DIR=str(tmp_path / "data"))
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "--selftest", "--report", str(report)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    text = report.read_text(encoding="utf-8")
    for check in (
        "imports", "fonts", "catalog", "translations", "pdf render", "scan", "sign", "printing",
    ):  # fmt: skip
        assert f"[ok] {check}" in text
    assert "all checks passed" in text


def test_a_failing_check_makes_the_selftest_fail(tmp_path, monkeypatch):
    from desktop import selftest

    def broken(work):
        raise RuntimeError("thiếu phông chữ")

    monkeypatch.setattr(selftest, "CHECKS", (("fonts", broken),))
    assert selftest.run_selftest(tmp_path / "r.txt") == 1
    assert "[FAILED] fonts" in (tmp_path / "r.txt").read_text(encoding="utf-8")
