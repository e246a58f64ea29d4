"""A real window, a real mouse wheel: `hoso-desktop --sample` on Xvfb (1366x768), every page
visited with its keyboard shortcut (Ctrl+0 ... Ctrl+6) and scrolled with N wheel steps through
the X server (xdotool), a screenshot per page in OUT. Fails when the app dies.

python -m tests.soak.xwheel [--steps 2000] [--out build/xwheel]   (needs Xvfb and xdotool)
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PAGES = ["ctrl+0", "ctrl+1", "ctrl+2", "ctrl+3", "ctrl+4", "ctrl+5", "ctrl+6"]
DISPLAY = ":97"


def xdotool(*args: str) -> str:
    done = subprocess.run(["xdotool", *args], capture_output=True, text=True, check=False,
                          env=dict(os.environ, DISPLAY=DISPLAY))  # fmt: skip
    return done.stdout.strip()


def wait_for_window(timeout: float = 60) -> str:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        found = xdotool("search", "--onlyvisible", "--name", "Hồ sơ số")
        if found:
            return found.splitlines()[0]
        time.sleep(0.5)
    raise SystemExit("the window never showed")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--steps", type=int, default=2000)
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "xwheel")
    args = parser.parse_args(argv)
    for tool in ("Xvfb", "xdotool", "import"):
        if shutil.which(tool) is None:
            raise SystemExit(f"{tool} is needed (apt-get install xvfb xdotool imagemagick)")
    args.out.mkdir(parents=True, exist_ok=True)
    server = subprocess.Popen(["Xvfb", DISPLAY, "-screen", "0", "1366x768x24", "-nolisten", "tcp"])
    work = Path(tempfile.mkdtemp(prefix="hoso-xwheel-"))
    env = dict(os.environ, DISPLAY=DISPLAY, QT_QPA_PLATFORM="xcb", HOSO_DATA_DIR=str(work / "d"),
               HOSO_DOSSIER_ROOT=str(work / "hồ sơ"), PYTHONFAULTHANDLER="1")  # fmt: skip
    env.pop("WAYLAND_DISPLAY", None)
    app = subprocess.Popen([sys.executable, "-m", "desktop", "--sample"], cwd=ROOT, env=env,
                           stderr=open(args.out / "stderr.txt", "w"))  # noqa: SIM115  # fmt: skip
    started = time.monotonic()
    try:
        window = wait_for_window()
        xdotool("windowsize", window, "1366", "740")
        xdotool("windowmove", window, "0", "0")
        time.sleep(2)
        for page in PAGES:
            # no window manager on Xvfb: focus the window itself; keys sent to a window
            # (--window) are synthetic events that Qt ignores
            xdotool("windowfocus", "--sync", window)
            xdotool("key", page)
            time.sleep(2.5)  # the page builds and renders (forms: a background job)
            xdotool("mousemove", "760", "420")
            for block in range(args.steps // 100):
                button = "5" if (block // 5) % 2 == 0 else "4"  # 500 down, 500 up, ...
                xdotool("click", "--repeat", "100", "--delay", "4", button)
                if app.poll() is not None:
                    raise SystemExit(f"the app died on {page} after {block * 100} wheel steps")
            subprocess.run(["import", "-window", "root", str(args.out / f"{page}.png")],
                           env=dict(os.environ, DISPLAY=DISPLAY), check=False)  # fmt: skip
            print(f"{page}: {args.steps} wheel steps, app alive", flush=True)
        minutes = (time.monotonic() - started) / 60
        print(f"xwheel: {args.steps * len(PAGES)} wheel steps on {len(PAGES)} pages in "
              f"{minutes:.1f} min; screenshots in {args.out}")  # fmt: skip
        return 0
    finally:
        if app.poll() is None:
            app.terminate()
            try:
                app.wait(timeout=20)
            except subprocess.TimeoutExpired:
                app.kill()
        server.terminate()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
