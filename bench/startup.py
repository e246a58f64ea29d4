"""Start-up time: process start to a shown main window (offscreen), beside a bare PySide6 window.

Target (issue 2): the app's median at most 1.5x the bare window and under 1 s.
The PyInstaller bundle (issue 8) is measured in the same run when it exists: `--bundle DIR`
(or `--bundle=DIR`; default dist/hoso, built by `make bundle`), with its size table. Without a
bundle its row is skipped with a note.

`--windows` (issue 13) measures the installed Windows app under Wine instead, on Qt's `windows`
platform (a display is needed: `make windows-test` runs it on its Xvfb, with its WINEPREFIX):
`hoso-desktop.exe --startup-probe` of the installed app beside a bare PySide6 window frozen the
same way (PyInstaller, one folder, windowed, the same Windows Python), both started by `wine`.
`--app DIR` is the installed app's folder (default: Program Files/HoSoSo in the prefix),
`--bare DIR` the bare window's (default: the one `make windows-test` keeps in its cache,
$HOSO_WINDOWS_CACHE/bare/*/dist/bare-window, HOSO_WINDOWS_CACHE defaulting to
~/.cache/hoso-windows).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = 11
BARE_WINDOW = (
    "import sys\n"
    "from PySide6.QtWidgets import QApplication, QMainWindow\n"
    "from PySide6.QtCore import QTimer\n"
    "app = QApplication(sys.argv)\n"
    "w = QMainWindow(); w.resize(1180, 780); w.show()\n"
    "QTimer.singleShot(0, lambda: (print('shown', flush=True), app.quit()))\n"
    "app.exec()\n"
)


#: starts that showed no window, per program (printed; under Wine one in a few dozen does not)
FAILED_STARTS: dict[str, int] = {}
ATTEMPTS = 3


def time_until_shown(command: list[str], env: dict[str, str]) -> float:
    """Seconds from start to the shown window; a start that shows none is counted and tried
    again (CI saw one Wine start in 24 never show the bare window), three in a row fail."""
    for _attempt in range(ATTEMPTS):
        elapsed = _one_start(command, env)
        if elapsed is not None:
            return elapsed
        name = Path(command[1] if command[0] == "wine" else command[0]).name
        FAILED_STARTS[name] = FAILED_STARTS.get(name, 0) + 1
    raise RuntimeError(f"{' '.join(command)} never reported a shown window ({ATTEMPTS} starts)")


def _one_start(command: list[str], env: dict[str, str]) -> float | None:
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
    assert process.stdout is not None
    elapsed = None
    for line in process.stdout:
        if line.strip() == b"shown":
            elapsed = time.perf_counter() - start
            break
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    return elapsed


def measure(
    commands: list[tuple[str, list[str]]], env: dict[str, str]
) -> list[tuple[str, float, float, float]]:
    """(name, median, min, first) per command. The first run of each reads files not yet in the
    page cache (as cold as this machine allows without dropping caches); the others are warm.
    Runs alternate between the commands, so a change of machine load hits all of them alike."""
    firsts = [time_until_shown(command, env) for _, command in commands]
    samples: list[list[float]] = [[] for _ in commands]
    for _ in range(RUNS):
        for index, (_, command) in enumerate(commands):
            samples[index].append(time_until_shown(command, env))
    return [
        (name, statistics.median(runs), min(runs), first)
        for (name, _), runs, first in zip(commands, samples, firsts, strict=True)
    ]


DEFAULT_BUNDLE = Path("dist/hoso")


def source_app_command() -> list[str]:
    """The `hoso-desktop` launcher pip installed (what a user starts); `python -m desktop`
    when there is none (it also imports runpy: 3 ms more)."""
    launcher = Path(sys.executable).parent / (
        "hoso-desktop.exe" if os.name == "nt" else "hoso-desktop"
    )
    return [str(launcher)] if launcher.exists() else [sys.executable, "-m", "desktop"]


def bundle_option(argv: list[str]) -> Path:
    """The bundle folder from `--bundle DIR`, `--bundle=DIR` or the default dist/hoso."""
    for index, arg in enumerate(argv):
        if arg.startswith("--bundle="):
            return Path(arg.split("=", 1)[1])
        if arg == "--bundle" and index + 1 < len(argv) and not argv[index + 1].startswith("-"):
            return Path(argv[index + 1])
    return DEFAULT_BUNDLE


def bundle_executable(bundle: Path) -> Path:
    return bundle / ("hoso-desktop.exe" if os.name == "nt" else "hoso-desktop")


WINDOWS_BUNDLE = Path("build/windows/src/dist/hoso")  # built under Wine by `make windows-test`


def print_bundle_sizes(bundle: Path) -> None:
    """The measured size table of this platform's bundle; beside it the Windows bundle's when
    `make windows-test` built one (build/windows/src/dist/hoso)."""
    from scripts.bundle_support import size_by_package

    table = size_by_package(bundle)
    total = sum(size for _, size in table)
    windows = dict(size_by_package(WINDOWS_BUNDLE)) if WINDOWS_BUNDLE.is_dir() else {}
    header = "  Windows MB" if windows else ""
    print(f"\n{'bundle size (' + str(bundle) + ')':<34} {'MB':>7} {'share':>6}{header}")
    for group in [*(g for g, _ in table), *(g for g in windows if g not in dict(table))]:
        size = dict(table).get(group, 0)
        other = f"  {windows.get(group, 0) / 1e6:>10.1f}" if windows else ""
        print(f"{group:<34} {size / 1e6:>7.1f} {size / total:>6.0%}{other}")
    other = f"  {sum(windows.values()) / 1e6:>10.1f}" if windows else ""
    print(f"{'total':<34} {total / 1e6:>7.1f} {'':>6}{other}   (target <= 250 MB)")
    if not windows:
        print(f"Windows bundle: not built ({WINDOWS_BUNDLE}; make windows-test builds it)")


def option_value(argv: list[str], name: str) -> str | None:
    for index, arg in enumerate(argv):
        if arg.startswith(f"{name}="):
            return arg.split("=", 1)[1]
        if arg == name and index + 1 < len(argv):
            return argv[index + 1]
    return None


WINDOWS_RUNS = 7  # a Wine start takes seconds: fewer runs than the native rows


def cached_bare_window() -> Path:
    """The bare window `make windows-test` built (its cache keeps one per PySide6 version)."""
    caches = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    cache = Path(os.environ.get("HOSO_WINDOWS_CACHE") or caches / "hoso-windows")
    found = sorted(cache.glob("bare/*/dist/bare-window"), key=lambda p: p.stat().st_mtime)
    return found[-1] if found else cache / "bare" / "dist" / "bare-window"


def windows_main(argv: list[str]) -> int:
    """The installed Windows app beside a bare frozen PySide6 window, both under Wine."""
    prefix = Path(os.environ.get("WINEPREFIX", Path.home() / ".wine"))
    app = Path(option_value(argv, "--app") or prefix / "drive_c" / "Program Files" / "HoSoSo")
    bare = Path(option_value(argv, "--bare") or cached_bare_window())
    commands = [
        ("bare PySide6 window (exe)", ["wine", str(bare / "bare-window.exe")]),
        ("Hồ sơ số (installed exe)", ["wine", str(app / "hoso-desktop.exe"), "--startup-probe"]),
    ]
    for _, command in commands:
        if not Path(command[1]).exists():
            print(f"not found: {command[1]} (make windows-test builds and installs both)")
            return 1
    env = dict(os.environ)
    # the app's data in a temporary folder (Wine passes the variable on; QT_* it does not)
    env["HOSO_DATA_DIR"] = "Z:" + tempfile.mkdtemp(prefix="hoso-bench-").replace("/", "\\")
    global RUNS
    RUNS = WINDOWS_RUNS
    rows = measure(commands, env)
    base = rows[0][1]
    print(f"{'what (Wine, windows platform)':<30} {'median s':>9} {'min s':>7} {'first s':>8} "
          f"{'x bare':>7}")  # fmt: skip
    for name, median, best, first in rows:
        print(f"{name:<30} {median:>9.3f} {best:>7.3f} {first:>8.3f} {median / base:>7.2f}")
    ratio = rows[1][1] / base
    print(f"ratio {ratio:.2f} (target <= 1.5x) -> {'met' if ratio <= 1.5 else 'NOT met'} "
          f"({WINDOWS_RUNS} runs each)")  # fmt: skip
    if FAILED_STARTS:
        print(
            "starts that showed no window (tried again): "
            + ", ".join(f"{name} {count}" for name, count in FAILED_STARTS.items())
        )
    return 0


def main(argv: list[str]) -> int:
    if "--windows" in argv:
        return windows_main(argv)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env["HOSO_DATA_DIR"] = tempfile.mkdtemp(prefix="hoso-bench-")
    # As on a user's machine, compiled bytecode is cached (the warm-up run writes it); with
    # PYTHONDONTWRITEBYTECODE set, every run would compile every module from source.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    bundle = bundle_option(argv)
    commands = [
        ("bare PySide6 window", [sys.executable, "-c", BARE_WINDOW]),
        ("Hồ sơ số (source)", [*source_app_command(), "--startup-probe"]),
    ]
    note = ""
    if bundle_executable(bundle).exists():
        commands.append(("Hồ sơ số (bundle)", [str(bundle_executable(bundle)), "--startup-probe"]))
    else:
        note = f"bundle row skipped: {bundle_executable(bundle)} not found (build it: make bundle)"
    rows = measure(commands, env)
    base = rows[0][1]
    print(f"{'what':<24} {'median s':>9} {'min s':>7} {'first s':>8} {'x bare':>7}")
    for name, median, best, first in rows:
        print(f"{name:<24} {median:>9.3f} {best:>7.3f} {first:>8.3f} {median / base:>7.2f}")
    if note:
        print(note)
    app = rows[1][1]
    ok = app <= 1.5 * base and app < 1.0
    print(f"target: <= 1.5x bare and < 1 s -> {'met' if ok else 'NOT met'} ({RUNS} runs each)")
    if not note:
        print_bundle_sizes(bundle)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
