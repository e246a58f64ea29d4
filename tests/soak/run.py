"""The soak test's runner: `make soak` (SOAK_MINUTES, default 10) and, short, in `make test`.

python -m tests.soak.run [--minutes M | --seconds S] [--seed N] [--lang vi|en]

Starts the real app offscreen in a child process (soak_child.py), with a fresh data folder and
the built-in sample dossier, and lets a random user work in it. The run fails on:
- a crash or abort (the child's exit status, no DONE line), with the child's stderr shown;
- a drop of `sys.getrefcount(None)` below its value at the start (after a garbage collection)
  by more than NONE_TOLERANCE: a leaking Qt binding loses one per painter call, tens of
  thousands a minute; the app's own objects holding None move it by a few hundred;
- an error record in the log or an exception reaching the error boundary;
- resident memory growing more than 150 MB after the first minute (or the first third of a
  shorter run);
- an event-loop stall over 250 ms.
It prints the figures: actions, minutes, actions per minute, peak RSS, longest stall, drift.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHILD = Path(__file__).with_name("soak_child.py")
NONE_TOLERANCE = 2000
RSS_GROWTH_LIMIT_MB = 150
STALL_LIMIT_MS = 250
BASELINE_S = 60


def prepare_inputs(folder: Path) -> tuple[Path, Path]:
    """A phone photo of a page and a .p12 with its certificate chain, made here."""
    sys.path.insert(0, str(ROOT))
    from tests.e2e.photos import page_photo
    from tests.signing.pki import build_pki

    photo = page_photo(folder / "ảnh giấy tờ.jpg", seed=3)
    p12 = build_pki(folder / "pki").p12("signer")
    return photo, p12


class RssSampler(threading.Thread):
    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        import psutil

        self.process = psutil.Process(pid)
        self.samples: list[tuple[float, float]] = []  # (seconds, MB)
        self.stop = threading.Event()
        self.started = time.monotonic()

    def run(self) -> None:
        while not self.stop.wait(0.5):
            try:
                rss = self.process.memory_info().rss / 1e6
            except Exception:
                return
            self.samples.append((time.monotonic() - self.started, rss))

    def peak(self) -> float:
        return max((mb for _t, mb in self.samples), default=0.0)

    def growth_after(self, seconds: float) -> float:
        """The highest RSS after `seconds` above the highest before: what the app needed in
        the first part is not growth. (Against the last sample before, a heap trim just then
        read as 65 MB of growth: the app trims every 20 s, ui/memory.py.)"""
        base = [mb for t, mb in self.samples if t <= seconds]
        later = [mb for t, mb in self.samples if t > seconds]
        if not base or not later:
            return 0.0
        return max(later) - max(base)


def run_soak(seconds: float, seed: int = 1, lang: str = "vi", echo: bool = True) -> dict:
    """Run the soak; return the figures and the list of failures (empty when it passed)."""
    with tempfile.TemporaryDirectory(prefix="hoso-soak-") as temporary:
        folder = Path(temporary)
        photo, p12 = prepare_inputs(folder)
        env = dict(
            os.environ,
            QT_QPA_PLATFORM=os.environ.get("SOAK_QPA", "offscreen"),
            HOSO_DATA_DIR=str(folder / "data"),
            HOSO_DOSSIER_ROOT=str(folder / "hồ sơ"),
            PYTHONPATH=str(ROOT),
            PYTHONFAULTHANDLER="1",
        )
        command = [sys.executable, str(CHILD), str(seconds), str(seed), str(photo), str(p12),
                   "--sample", "--lang", lang]  # fmt: skip
        child = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=ROOT,
            text=True, encoding="utf-8",
        )  # fmt: skip
        sampler = RssSampler(child.pid)
        sampler.start()
        stderr: list[str] = []
        reader = threading.Thread(target=lambda: stderr.extend(child.stderr), daemon=True)
        reader.start()
        last: dict = {}
        done: dict | None = None
        warmed_s = 0.0
        for line in child.stdout:
            kind, _space, payload = line.partition(" ")
            if kind == "WARM":  # every page and action done once: first use is behind
                warmed_s = float(payload)
            if kind in ("STAT", "DONE"):
                last = json.loads(payload)
                if echo:
                    print(progress_line(last, sampler), flush=True)
                if kind == "DONE":
                    done = last
        code = child.wait(timeout=seconds + 300)
        sampler.stop.set()
        reader.join(timeout=10)
        # the first minute (a third of a shorter run), and never before the warm-up's end
        baseline = max(min(BASELINE_S, seconds / 3), warmed_s)
        figures = {
            "seconds": seconds,
            "warm_up_s": warmed_s,
            "exit_code": code,
            "actions": last.get("actions", 0),
            "actions_per_minute": round(last.get("actions", 0) / max(seconds / 60, 1e-9)),
            "peak_rss_mb": round(sampler.peak(), 1),
            "rss_growth_mb": round(sampler.growth_after(baseline), 1),
            "longest_stall_ms": last.get("longest_stall_ms"),
            "stall_during": last.get("stall_during"),
            "stalls_over_100ms": last.get("stalls_over_100ms", {}),
            "gui_cpu_over_100ms": last.get("gui_cpu_over_100ms", {}),
            "none_drift": last.get("none_drift"),
            "none_drift_min": last.get("none_drift_min"),
            "by_action": last.get("by_action", {}),
            "user_messages": last.get("user_messages"),
            "dialogs_answered": last.get("dialogs_answered", {}),
        }
        figures["failures"] = judge(done, last, code, figures, "".join(stderr))
        return figures


def progress_line(stats: dict, sampler: RssSampler) -> str:
    return (
        f"soak {stats['elapsed_s']:>6.1f} s  actions {stats['actions']:>6}  "
        f"RSS {sampler.samples[-1][1] if sampler.samples else 0:6.1f} MB  "
        f"stall {stats['longest_stall_ms']:6.1f} ms  None drift {stats['none_drift']:+d}  "
        f"errors {stats['log_error_count'] + len(stats['exceptions'])}"
    )


def judge(done: dict | None, last: dict, code: int, figures: dict, stderr: str) -> list[str]:
    failures = []
    if done is None or code != 0:
        failures.append(f"the app died (exit {code}); its stderr ends:\n{stderr[-4000:]}")
    if (figures["none_drift_min"] or 0) < -NONE_TOLERANCE:
        failures.append(f"references to None were lost: drift {figures['none_drift_min']}")
    if last.get("log_error_count"):
        failures.append(f"errors reached the log: {last['log_errors']}")
    if last.get("exceptions"):
        failures.append(f"exceptions reached the error boundary: {last['exceptions']}")
    if figures["rss_growth_mb"] > RSS_GROWTH_LIMIT_MB:
        failures.append(f"memory grew {figures['rss_growth_mb']} MB after the first minute")
    if (figures["longest_stall_ms"] or 0) > STALL_LIMIT_MS:
        failures.append(
            f"the event loop stalled {figures['longest_stall_ms']} ms "
            f"(during '{figures['stall_during']}')"
        )
    return failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.soak.run", description=__doc__)
    parser.add_argument("--minutes", type=float, default=None)
    parser.add_argument("--seconds", type=float, default=None)
    parser.add_argument("--seed", type=int, default=int(time.time()) % 100_000)
    parser.add_argument("--lang", choices=("vi", "en"), default="vi")
    args = parser.parse_args(argv)
    seconds = args.seconds or 60 * (args.minutes or float(os.environ.get("SOAK_MINUTES", 10)))
    print(f"soak: {seconds / 60:.1f} min, seed {args.seed}, language {args.lang}", flush=True)
    figures = run_soak(seconds, args.seed, args.lang)
    failures = figures.pop("failures")
    print(json.dumps(figures, ensure_ascii=False, indent=1))
    print(
        f"soak: {figures['actions']} actions in {seconds / 60:.1f} min "
        f"({figures['actions_per_minute']}/min), peak RSS {figures['peak_rss_mb']} MB, "
        f"RSS growth after the first minute (warm-up {figures['warm_up_s']} s) "
        f"{figures['rss_growth_mb']} MB, longest stall "
        f"{figures['longest_stall_ms']} ms, None refcount drift {figures['none_drift']} "
        f"(lowest {figures['none_drift_min']})"
    )
    for failure in failures:
        print(f"FAILED: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
