"""Start-up time: process start to a shown main window (offscreen), beside a bare PySide6 window.

Target (issue 2): the app's median at most 1.5x the bare window and under 1 s.
`--bundle DIR` also measures a PyInstaller bundle's executable (issue 8).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = 7
BARE_WINDOW = (
    "import sys\n"
    "from PySide6.QtWidgets import QApplication, QMainWindow\n"
    "from PySide6.QtCore import QTimer\n"
    "app = QApplication(sys.argv)\n"
    "w = QMainWindow(); w.resize(1180, 780); w.show()\n"
    "QTimer.singleShot(0, lambda: (print('shown', flush=True), app.quit()))\n"
    "app.exec()\n"
)


def time_until_shown(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
    assert process.stdout is not None
    for line in process.stdout:
        if line.strip() == b"shown":
            elapsed = time.perf_counter() - start
            break
    else:
        raise RuntimeError(f"{command[0]} never reported a shown window")
    process.wait(timeout=30)
    return elapsed


def measure(name: str, command: list[str], env: dict[str, str]) -> tuple[str, float, float]:
    time_until_shown(command, env)  # warm the file cache
    samples = [time_until_shown(command, env) for _ in range(RUNS)]
    return name, statistics.median(samples), min(samples)


def main(argv: list[str]) -> int:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env["HOSO_DATA_DIR"] = tempfile.mkdtemp(prefix="hoso-bench-")
    rows = [
        measure("bare PySide6 window", [sys.executable, "-c", BARE_WINDOW], env),
        measure("Hồ sơ số (source)", [sys.executable, "-m", "desktop", "--startup-probe"], env),
    ]
    if "--bundle" in argv:
        bundle = (
            Path(argv[argv.index("--bundle") + 1])
            if len(argv) > argv.index("--bundle") + 1
            else Path("dist/hoso")
        )
        exe = bundle / ("hoso-desktop.exe" if os.name == "nt" else "hoso-desktop")
        rows.append(measure("Hồ sơ số (bundle)", [str(exe), "--startup-probe"], env))
    base = rows[0][1]
    print(f"{'what':<24} {'median s':>9} {'min s':>7} {'x bare':>7}")
    for name, median, best in rows:
        print(f"{name:<24} {median:>9.3f} {best:>7.3f} {median / base:>7.2f}")
    app = rows[1][1]
    ok = app <= 1.5 * base and app < 1.0
    print(f"target: <= 1.5x bare and < 1 s -> {'met' if ok else 'NOT met'} ({RUNS} runs each)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
