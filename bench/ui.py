"""The GUI under load (offscreen): event-loop stalls, memory, export time.

1. Stalls: a 10 ms QTimer ticks while 20 phone photos (testdata/photos, repeated) are imported
   on the scan page until every preview is ready; the largest gap between ticks is the
   longest time the window would not answer (target <= 100 ms). Baseline: the same timer on
   an idle event loop for the same time.
2. Memory: resident memory (psutil) with a 30-page dossier open on the scan page and all its
   previews made (target <= 500 MB), beside the bare window.
3. Export: time from "Export for upload" on the pack page to the finished files for the
   birth-registration sample dossier (desktop/sample.py, plus an ID-card photo so nothing
   blocks), beside the same export called directly (no GUI).
Usage: `python -m bench ui [--runs=N]` (medians of N runs, 5 by default).
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TESTDATA = Path(os.environ.get("HOSO_TESTDATA", ROOT.parent / "shared" / "testdata"))
PHOTOS = TESTDATA / "photos"
BIRTH = "1.001193"
STALL_TARGET_MS = 100
MEMORY_TARGET_MB = 500
TIMEOUT_S = 600


def _runs(argv: list[str]) -> int:
    for arg in argv:
        if arg.startswith("--runs="):
            return max(1, int(arg.split("=", 1)[1]))
    return 5


def photo_paths(count: int) -> list[Path]:
    photos = sorted(PHOTOS.glob("*.jpg"))
    if not photos:
        raise SystemExit(f"no photos in {PHOTOS}")
    return [photos[i % len(photos)] for i in range(count)]


class TickGaps:
    """The gaps between the ticks of a 10 ms timer: how long the event loop was busy."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.gaps: list[float] = []
        self._last = time.perf_counter()
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append((now - self._last) * 1000)
        self._last = now

    def start(self) -> None:
        self._last = time.perf_counter()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    @property
    def largest(self) -> float:
        return max(self.gaps, default=0.0)

    def percentile(self, fraction: float) -> float:
        ordered = sorted(self.gaps)
        return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] if ordered else 0.0


def wait_until(app, condition, timeout: float = TIMEOUT_S) -> None:
    """Run the event loop until `condition()` holds. A QEventLoop, not a processEvents() loop:
    PySide6 6.12 on Python 3.11 loses a reference to None on every processEvents() call and
    aborts ("deallocating None") after some thousand calls."""
    from PySide6.QtCore import QEventLoop, QTimer

    deadline = time.perf_counter() + timeout
    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(5)

    def check() -> None:
        if condition() or time.perf_counter() > deadline:
            loop.quit()

    timer.timeout.connect(check)
    timer.start()
    if not condition():
        loop.exec()
    timer.stop()
    if not condition():
        raise TimeoutError("the GUI did not finish in time")


def make_context(folder: Path):
    from desktop.settings import Settings
    from ui.context import AppContext
    from ui.dialogs import StubDialogService

    context = AppContext(
        settings=Settings(folder / "settings.json"),
        data_dir=folder / "data",
        dossier_root=folder / "dossiers",
        profiles_dir=folder / "profiles",
        catalog_dir=folder / "data" / "catalog",
    )
    context.dialogs = StubDialogService(confirm=True)
    return context


def new_window(context):
    from ui.main_window import MainWindow

    window = MainWindow(context)
    window.resize(1280, 800)
    window.show()
    return window


def close_window(app, window) -> None:
    from ui.jobs import running_jobs

    wait_until(app, lambda: not running_jobs())
    window.close()


def birth_dossier(root: Path, name: str):
    from dossier.catalog import load_catalog
    from dossier.workspace import Workspace

    procedure = load_catalog(None).get(BIRTH)
    return Workspace.create(root / name, BIRTH, title=procedure.name,
                            component_ids=[c.id for c in procedure.components])  # fmt: skip


# ---- 1. stalls --------------------------------------------------------------------------------
def measure_import(app, folder: Path, paths: list[Path]) -> dict:
    context = make_context(folder)
    window = new_window(context)
    workspace = birth_dossier(context.dossier_root, "import")
    window.open_dossier(workspace.root)
    window.go_to("scan")
    page = window.pages["scan"]
    index = page.component_box.findData("giay-chung-sinh")
    page.component_box.setCurrentIndex(index)
    wait_until(app, lambda: not page.busy())
    ticks = TickGaps()
    ticks.start()
    started = time.perf_counter()
    page.import_files(paths)
    wait_until(app, lambda: not page.busy() and len(page.previews) >= len(paths))
    elapsed = time.perf_counter() - started
    ticks.stop()
    close_window(app, window)
    return {"largest": ticks.largest, "p99": ticks.percentile(0.99), "seconds": elapsed}


def measure_idle(app, seconds: float) -> float:
    ticks = TickGaps()
    ticks.start()
    end = time.perf_counter() + seconds
    wait_until(app, lambda: time.perf_counter() >= end)
    ticks.stop()
    return ticks.largest


# ---- 2. memory --------------------------------------------------------------------------------
def rss_mb() -> float:
    import psutil

    return psutil.Process().memory_info().rss / (1024 * 1024)


def measure_memory(app, folder: Path) -> tuple[float, float]:
    """(RSS of the bare window, RSS with a 30-page dossier open and previewed) in MB."""
    context = make_context(folder)
    window = new_window(context)
    window.create_all_pages()
    wait_until(app, lambda: True)
    bare = rss_mb()
    workspace = birth_dossier(context.dossier_root, "thirty")
    for path in photo_paths(30):
        workspace.add_file("giay-chung-sinh", path, save=False)
    workspace.save()
    window.open_dossier(workspace.root)
    window.go_to("scan")
    page = window.pages["scan"]
    page.component_box.setCurrentIndex(page.component_box.findData("giay-chung-sinh"))
    wait_until(app, lambda: not page.busy() and len(page.previews) >= 30)
    for step_id in window.step_ids():  # every page shown once with the dossier open
        window.go_to(step_id)
        pause = time.perf_counter() + 0.2
        wait_until(app, lambda until=pause: time.perf_counter() >= until)
    loaded = rss_mb()
    close_window(app, window)
    return bare, loaded


def memory_in_fresh_process(folder: Path) -> tuple[float, float]:
    """The memory measure in its own process: this one holds what the other measures left."""
    import json
    import subprocess
    import sys

    code = (
        "import json, sys; from pathlib import Path; from PySide6.QtWidgets import QApplication;"
        "app = QApplication(['m']); import bench.ui as b;"
        f"print(json.dumps(b.measure_memory(app, Path({str(folder)!r}))))"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True,
                         text=True, timeout=TIMEOUT_S, check=True)  # fmt: skip
    bare, loaded = json.loads(run.stdout.strip().splitlines()[-1])
    return bare, loaded


# ---- 3. export --------------------------------------------------------------------------------
def sample_with_id(folder: Path) -> Path:
    from desktop.sample import create_sample_dossier
    from dossier.workspace import Workspace

    root = create_sample_dossier(folder)
    workspace = Workspace.open(root)
    if not workspace.dossier.component("giay-to-tuy-than").files:
        workspace.add_file("giay-to-tuy-than", PHOTOS / "43_tur_id_CA43_01.tif")
    sign_declaration(workspace, folder / "pki")
    return root


def sign_declaration(workspace, pki_folder: Path) -> None:
    """The declaration must be signed: sign it with a generated test certificate (.p12)."""
    from signing import SignOptions, open_p12, sign
    from tests.signing.pki import P12_PASSWORD, build_pki

    [item] = workspace.dossier.component("to-khai").files
    if item.signed:
        return
    output = workspace.root / "work" / item.id / "to-khai (da ky).pdf"
    output.parent.mkdir(parents=True, exist_ok=True)
    signer = open_p12(build_pki(pki_folder).p12("signer"), P12_PASSWORD)
    try:
        sign(workspace.root / item.original, output, SignOptions(), signer)
    finally:
        signer.close()
    item.derived = output.relative_to(workspace.root).as_posix()
    item.signed = True
    workspace.save()


def measure_export_gui(app, folder: Path, root: Path) -> float:
    context = make_context(folder)
    window = new_window(context)
    window.open_dossier(root)
    window.go_to("pack")
    page = window.pages["pack"]
    wait_until(app, lambda: page.checklist is not None and page.job is None)
    if not page.checklist.ready:
        raise SystemExit("sample dossier not ready: " + page.checklist.blocking[0].message)
    done = []
    original = page.show_export

    def finished(result) -> None:
        original(result)
        done.append(time.perf_counter())

    page.show_export = finished
    started = time.perf_counter()
    page.export_for_upload()
    wait_until(app, lambda: bool(done))
    seconds = done[0] - started
    close_window(app, window)
    return seconds


def measure_export_direct(root: Path, target: Path) -> float:
    from dossier.catalog import load_catalog, load_portal
    from dossier.packaging import PackOptions, export_for_upload
    from dossier.workspace import Workspace

    workspace = Workspace.open(root)
    procedure = load_catalog(None).get(BIRTH)
    started = time.perf_counter()
    export_for_upload(workspace, procedure, load_portal("dongnai"), target,
                      PackOptions(overwrite=True))  # fmt: skip
    return time.perf_counter() - started


def main(argv: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from ui.error_dialog import set_presenter

    app = QApplication.instance() or QApplication(["bench-ui"])
    set_presenter(lambda dialog: print("error dialog:", dialog.windowTitle()))
    runs = _runs(argv)
    with tempfile.TemporaryDirectory(prefix="hoso-bench-ui-") as scratch:
        scratch = Path(scratch)
        imports = [measure_import(app, scratch / f"i{run}", photo_paths(20)) for run in range(runs)]
        seconds = statistics.median(r["seconds"] for r in imports)
        idle = [measure_idle(app, min(seconds, 5.0)) for _ in range(runs)]
        bare, loaded = memory_in_fresh_process(scratch / "memory")
        root = sample_with_id(scratch / "sample")
        gui = [measure_export_gui(app, scratch / f"e{run}", root) for run in range(runs)]
        direct = [measure_export_direct(root, scratch / f"direct{run}") for run in range(runs)]

    largest = statistics.median(r["largest"] for r in imports)
    p99 = statistics.median(r["p99"] for r in imports)
    worst = max(r["largest"] for r in imports)
    rows = [
        ("20-photo import: largest event-loop gap (median)", f"{largest:.0f} ms",
         f"idle loop {statistics.median(idle):.0f} ms", f"<= {STALL_TARGET_MS} ms"),
        ("20-photo import: largest gap (worst run)", f"{worst:.0f} ms", "", ""),
        ("20-photo import: 99th percentile gap", f"{p99:.0f} ms", "", ""),
        ("20-photo import: until every preview is ready", f"{seconds:.1f} s", "", ""),
        ("memory, 30-page dossier open", f"{loaded:.0f} MB", f"bare window {bare:.0f} MB",
         f"<= {MEMORY_TARGET_MB} MB"),
        ("export for upload, birth sample (GUI)", f"{statistics.median(gui):.2f} s",
         f"direct call {statistics.median(direct):.2f} s",
         f"x{statistics.median(gui) / max(1e-9, statistics.median(direct)):.2f}"),
    ]  # fmt: skip
    width = max(len(r[0]) for r in rows)
    print(f"runs: {runs}")
    print(f"{'measure':<{width}}  {'value':>10}  {'baseline':<22}  target / ratio")
    for name, value, baseline, target in rows:
        print(f"{name:<{width}}  {value:>10}  {baseline:<22}  {target}")
    return 0
