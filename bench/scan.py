"""Scanning speed, batch throughput, memory and bytes per page.

1. Per 12 MP photo (the breta01 phone photos, 3024x4032): detection time, the full pipeline
   (decode, detect, warp to A4 at 200 DPI, colour document mode, JPEG encode) and the floor
   (decode the photo + encode one output page), medians of N runs in the same process.
2. A batch of 20 photos into one PDF with 2 worker processes: pages/s and peak memory (sum of
   the resident memory of the parent and its workers, sampled every 20 ms).
3. Bytes per A4 page at 200 DPI: colour document mode (its JPEG quality and the SSIM around
   the ink, a legibility proxy) beside the same page with libjpeg's tables at quality 75 (the
   encoder before the soft page size), gray, black and white, a plain quality-85 JPEG and a
   lossless PNG of the same warped page (no enhancement).
Usage: `python -m bench scan [--runs=N]`.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TESTDATA = Path(os.environ.get("HOSO_TESTDATA", ROOT.parent / "shared" / "testdata"))
PHOTOS = TESTDATA / "photos"
TWELVE_MP = ("breta01_test1.jpg", "breta01_test4.jpg", "breta01_text1.jpg", "breta01_text3.jpg")


def _runs(argv: list[str]) -> int:
    for arg in argv:
        if arg.startswith("--runs="):
            return max(1, int(arg.split("=", 1)[1]))
    return 5


def _median_ms(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


class PeakMemory:
    """Peak of the summed RSS of this process and its children, sampled in a thread."""

    def __init__(self) -> None:
        import psutil

        self.process = psutil.Process()
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.is_set():
            total = 0
            try:
                total = self.process.memory_info().rss
                for child in self.process.children(recursive=True):
                    try:
                        total += child.memory_info().rss
                    except Exception:
                        pass
            except Exception:
                pass
            self.peak = max(self.peak, total)
            time.sleep(0.02)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def per_photo(runs: int) -> None:
    from scanning import ScanOptions, process
    from scanning.detection import detect_quad
    from scanning.encode import encode_jpeg
    from scanning.imports import load_page

    print(f"Per 12 MP photo, median of {runs} runs (ms)")
    print(f"{'photo':22} {'decode':>7} {'detect':>7} {'pipeline':>9} {'floor':>7} {'ratio':>6}")
    ratios = []
    options = ScanOptions(paper="a4", mode="color", dpi=200)
    for name in TWELVE_MP:
        path = PHOTOS / name
        page = load_page(path)
        warped = process(page, options, encode=False).image
        decode = _median_ms(lambda p=path: load_page(p), runs)
        detect = _median_ms(lambda image=page.image: detect_quad(image), runs)
        pipeline = _median_ms(lambda p=path: process(load_page(p), options), runs)
        floor = _median_ms(lambda p=path, w=warped: encode_jpeg(w, 75, 200) and load_page(p), runs)
        ratios.append(pipeline / floor)
        print(f"{name:22} {decode:7.0f} {detect:7.0f} {pipeline:9.0f} {floor:7.0f} "
              f"{pipeline / floor:6.2f}")  # fmt: skip
    print(f"{'median ratio pipeline/floor':44} {statistics.median(ratios):6.2f}   (target <= 3)")


def _cpu_seconds() -> float:
    """User + system CPU time of this process and its finished children (the pool's workers)."""
    import resource

    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def batch(count: int = 20, workers: int = 2) -> None:
    from scanning import ScanOptions, scan_to_pdf

    sources = [PHOTOS / TWELVE_MP[i % len(TWELVE_MP)] for i in range(count)]
    with tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / "batch.pdf"
        with PeakMemory() as memory:
            started, cpu = time.perf_counter(), _cpu_seconds()
            report = scan_to_pdf(sources, output, ScanOptions(), workers=workers)
            elapsed, cpu = time.perf_counter() - started, _cpu_seconds() - cpu
        print(f"\nBatch of {count} photos, {workers} workers: {report.pages / elapsed:.2f} pages/s "
              f"({elapsed:.1f} s), peak memory {memory.peak / 2**20:.0f} MB (target <= 600), "
              f"PDF {report.bytes / 2**20:.1f} MB")  # fmt: skip
        print(f"  CPU {cpu:.1f} s over {elapsed:.1f} s: {cpu / elapsed:.2f} cores busy "
              f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")  # fmt: skip
        single_count = 8
        started, cpu = time.perf_counter(), _cpu_seconds()
        scan_to_pdf(sources[:single_count], output, ScanOptions(), workers=1)
        single, cpu = time.perf_counter() - started, _cpu_seconds() - cpu
        print(f"  baseline, 1 process ({single_count} photos): "
              f"{single_count / single:.2f} pages/s, "
              f"{cpu / single:.2f} cores busy")  # fmt: skip


def _ink_ssim(reference, jpeg: bytes) -> float:
    """Mean SSIM of the luminance around the ink (text strokes dilated by 4 px): a legibility
    proxy that the white paper, 90 % of a page, cannot inflate."""
    import io

    import cv2
    import numpy as np
    from PIL import Image

    decoded = np.asarray(Image.open(io.BytesIO(jpeg)).convert("L"), dtype=np.float64)
    original = reference if reference.ndim == 2 else cv2.cvtColor(reference, cv2.COLOR_RGB2GRAY)
    ink = cv2.dilate((original < 200).astype(np.uint8), np.ones((9, 9), np.uint8)) > 0
    if not ink.any():
        return 1.0
    a, b = original.astype(np.float64), decoded
    blur = lambda x: cv2.GaussianBlur(x, (11, 11), 1.5)  # noqa: E731
    ma, mb = blur(a), blur(b)
    va, vb, cov = blur(a * a) - ma * ma, blur(b * b) - mb * mb, blur(a * b) - ma * mb
    c1, c2 = (0.01 * 255) ** 2, (0.03 * 255) ** 2
    ssim = ((2 * ma * mb + c1) * (2 * cov + c2)) / ((ma * ma + mb * mb + c1) * (va + vb + c2))
    return float(ssim[ink].mean())


def _libjpeg_q75(image) -> bytes:
    """The previous encoder (libjpeg's own tables at quality 75): the size baseline."""
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.fromarray(image).save(buffer, "JPEG", quality=75, subsampling=2, optimize=True,
                                progressive=True)  # fmt: skip
    return buffer.getvalue()


def bytes_per_page() -> None:
    from scanning import ScanOptions, process
    from scanning.encode import encode_jpeg, encode_lossless_png
    from scanning.imports import load_page

    print("\nBytes per A4 page at 200 DPI (1654x2339); SSIM: luminance around the ink")
    print(f"{'photo':22} {'colour doc':>10} {'q':>3} {'SSIM':>6} {'libjpeg q75':>11} {'SSIM':>6} "
          f"{'gray':>6} {'bw png':>7} {'plain q85':>10} {'png':>7}")  # fmt: skip
    totals, baselines = [], []
    for name in TWELVE_MP:
        page = load_page(PHOTOS / name)
        result = process(page, ScanOptions(mode="color"))
        color = result.encoded
        baseline = _libjpeg_q75(result.image)
        gray = process(page, ScanOptions(mode="gray")).encoded
        bw = process(page, ScanOptions(mode="bw")).encoded
        raw = process(page, ScanOptions(mode="original"), encode=False).image
        plain = len(encode_jpeg(raw, 85, 200))
        lossless = len(encode_lossless_png(raw, 200))
        totals.append(color.size)
        baselines.append(len(baseline))
        kb = [f"{size / 1000:.0f}KB" for size in (color.size, len(baseline), gray.size, bw.size,
                                                   plain, lossless)]  # fmt: skip
        print(f"{name:22} {kb[0]:>10} {color.quality:3d} {_ink_ssim(result.image, color.data):6.3f}"
              f" {kb[1]:>11} {_ink_ssim(result.image, baseline):6.3f} {kb[2]:>6} {kb[3]:>7} "
              f"{kb[4]:>10} {kb[5]:>7}")  # fmt: skip
    print(
        f"{'median colour document':22} {statistics.median(totals) / 1000:8.0f}KB "
        f"(target <= 250 KB); libjpeg q75 baseline {statistics.median(baselines) / 1000:.0f}KB"
    )


def main(argv: list[str]) -> int:
    if not PHOTOS.is_dir():
        print(f"test data not found: {PHOTOS}")
        return 1
    runs = _runs(argv)
    per_photo(runs)
    batch()
    bytes_per_page()
    return 0
