"""The `hoso` command line: help, exit codes, one-line errors without tracebacks."""

from __future__ import annotations

import subprocess
import sys


def hoso(*args: str, env_lang: str = "vi") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "desktop.cli", "--lang", env_lang, *args],
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_help_lists_commands():
    result = hoso("--help")
    assert result.returncode == 0
    assert "dossier" in result.stdout
    assert "hồ sơ" in result.stdout.lower()


def test_wrong_usage_exits_2():
    assert hoso("no-such-command").returncode == 2
    assert hoso("dossier").returncode == 2


def test_refused_input_exits_1_with_one_line(tmp_path):
    result = hoso("dossier", "show", str(tmp_path / "không-có"))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "không-có" in lines[0]
    assert "Traceback" not in result.stderr


def test_dossier_new_add_show(tmp_path):
    folder = tmp_path / "hồ sơ 1"
    assert hoso("dossier", "new", str(folder), "--procedure", "1.001193").returncode == 0
    photo = tmp_path / "giấy chứng sinh.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    assert hoso("dossier", "add", str(folder), "giay-chung-sinh", str(photo)).returncode == 0
    shown = hoso("dossier", "show", str(folder))
    assert shown.returncode == 0
    assert "giấy chứng sinh.jpg" in shown.stdout
    assert photo.read_bytes().startswith(b"\xff\xd8")  # the user's file is untouched
