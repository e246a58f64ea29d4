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
4. Compact pages against plain JPEG, the way a reader sees them, for every photo of testdata
   (breta01 phone photos, the scanner-like noteshrink samples, the ID card): each page is
   cleaned once (colour document mode, the warped original), then stored three ways: compact
   (MRC, rendered from its PDF by MuPDF at the page's DPI), plain JPEG (the colour mode's own
   encoder and soft size) and libjpeg q75. Per way: bytes, SSIM around the ink against the
   warped original, edge width (10-90 % rise of the strokes, pixels at 200 DPI; the original's
   own beside it) and the hue shift of red and blue ink (degrees, where the page has some).
   `--renders=DIR` also writes side-by-side crops (original | compact | plain JPEG) to look at.
Usage: `python -m bench scan [--runs=N] [--renders=DIR] [--quality-only]`.
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
    from bench.detect import classic_scanner
    from scanning import ScanOptions, process
    from scanning.detection import detect_quad
    from scanning.encode import encode_jpeg
    from scanning.imports import load_page

    print(f"Per 12 MP photo, median of {runs} runs (ms)")
    print(f"{'photo':22} {'decode':>7} {'detect':>7} {'classic':>8} {'pipeline':>9} {'floor':>7} "
          f"{'ratio':>6}")  # fmt: skip
    ratios, detect_ratios = [], []
    options = ScanOptions(paper="a4", mode="color", dpi=200)
    for name in TWELVE_MP:
        path = PHOTOS / name
        page = load_page(path)
        warped = process(page, options, encode=False).image
        decode = _median_ms(lambda p=path: load_page(p), runs)
        detect = _median_ms(lambda image=page.image: detect_quad(image), runs)
        classic = _median_ms(lambda image=page.image: classic_scanner(image), runs)
        pipeline = _median_ms(lambda p=path: process(load_page(p), options), runs)
        floor = _median_ms(lambda p=path, w=warped: encode_jpeg(w, 75, 200) and load_page(p), runs)
        ratios.append(pipeline / floor)
        detect_ratios.append(detect / classic)
        print(f"{name:22} {decode:7.0f} {detect:7.0f} {classic:8.0f} {pipeline:9.0f} {floor:7.0f} "
              f"{pipeline / floor:6.2f}")  # fmt: skip
    print(f"{'median ratio pipeline/floor':53} {statistics.median(ratios):6.2f}   (target <= 2.5)")
    print(f"{'median ratio detection/classic contour scanner':53} "
          f"{statistics.median(detect_ratios):6.2f}   (target <= 2)")  # fmt: skip


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


def _decoded(data: bytes):
    import io

    import numpy as np
    from PIL import Image

    return np.asarray(Image.open(io.BytesIO(data)).convert("RGB"))


def _ink_ssim(reference, jpeg) -> float:
    """Mean SSIM of the luminance around the ink (text strokes dilated by 4 px): a legibility
    proxy that the white paper, 90 % of a page, cannot inflate. `jpeg`: bytes or pixels."""
    import cv2
    import numpy as np

    pixels = _decoded(jpeg) if isinstance(jpeg, bytes) else jpeg
    decoded = cv2.cvtColor(pixels, cv2.COLOR_RGB2GRAY).astype(np.float64)
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
    from scanning.encode import encode_jpeg, encode_lossless_png, encode_page
    from scanning.imports import load_page

    print("\nBytes per A4 page at 200 DPI (1654x2339); SSIM: luminance around the ink")
    print(f"{'photo':22} {'colour doc':>10} {'q':>3} {'SSIM':>6} {'libjpeg q75':>11} {'SSIM':>6} "
          f"{'gray':>6} {'bw png':>7} {'plain q85':>10} {'png':>7}")  # fmt: skip
    totals, baselines = [], []
    for name in TWELVE_MP:
        page = load_page(PHOTOS / name)
        result = process(page, ScanOptions(mode="color"), encode=False)
        # the JPEG path of colour mode (section 4 compares the compact pages)
        color = encode_page(result.image, "color", result.dpi, result.size_mm, auto_compact=False)
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


def edge_width(reference, image) -> float:
    """Mean 10-90 % rise of the strokes, in pixels: at the reference's strong edges (Canny),
    the local contrast (7x7 max - min) over the steepest gradient of `image` there, times 0.8.
    A sharp step is about 1 px; JPEG blur and soft photos make it wider."""
    import cv2
    import numpy as np

    def gray(pixels):
        return pixels if pixels.ndim == 2 else cv2.cvtColor(pixels, cv2.COLOR_RGB2GRAY)

    ref, img = gray(reference), gray(image).astype(np.float32)
    edges = cv2.Canny(ref, 60, 150) > 0
    if edges.sum() < 50:
        return float("nan")
    kernel = np.ones((7, 7), np.uint8)
    contrast = cv2.dilate(img, kernel) - cv2.erode(img, kernel)
    gx = cv2.Sobel(img, cv2.CV_32F, 1, 0, ksize=3) / 8
    gy = cv2.Sobel(img, cv2.CV_32F, 0, 1, ksize=3) / 8
    steepest = cv2.dilate(cv2.magnitude(gx, gy), np.ones((3, 3), np.uint8))
    strong = edges & (contrast > 60) & (steepest > 1)
    if strong.sum() < 50:
        return float("nan")
    return float(np.median(0.8 * contrast[strong] / steepest[strong]))


#: hue ranges (degrees, HSV) of red and blue ink
INK_HUES = {"red": (330.0, 25.0), "blue": (195.0, 260.0)}


def ink_pixels(reference) -> dict:
    """Boolean masks of clearly red and clearly blue ink in the reference (saturated, dark
    enough to be ink, not pale tints); a colour with under 300 pixels is left out."""
    import cv2
    import numpy as np

    hsv = cv2.cvtColor(reference, cv2.COLOR_RGB2HSV_FULL).astype(np.float32)
    hue, saturation, value = hsv[..., 0] * 360 / 256, hsv[..., 1] / 255, hsv[..., 2] / 255
    inky = (saturation > 0.35) & (value < 0.92) & (value > 0.15)
    masks = {}
    for name, (low, high) in INK_HUES.items():
        inside = (hue >= low) | (hue <= high) if low > high else (hue >= low) & (hue <= high)
        mask = inky & inside
        mask = cv2.erode(mask.astype(np.uint8), np.ones((3, 3), np.uint8)) > 0  # stroke cores
        if mask.sum() >= 300:
            masks[name] = mask
    return masks


def _mean_hue(image, mask) -> float:
    """Circular mean hue (degrees) of the pixels, weighted by their saturation."""
    import cv2
    import numpy as np

    hsv = cv2.cvtColor(image[mask].reshape(-1, 1, 3), cv2.COLOR_RGB2HSV_FULL).astype(np.float64)
    angle = hsv[:, 0, 0] * 2 * np.pi / 256
    weight = hsv[:, 0, 1]
    return float(np.degrees(np.arctan2((weight * np.sin(angle)).sum(),
                                       (weight * np.cos(angle)).sum())) % 360)  # fmt: skip


def hue_shift(reference, image, mask) -> float:
    shift = _mean_hue(image, mask) - _mean_hue(reference, mask)
    return abs((shift + 180) % 360 - 180)


def render_compact(encoded) -> tuple:
    """The compact page as MuPDF paints it at its own DPI (pixels, PDF bytes)."""
    import numpy as np
    import pymupdf

    from scanning.encode import write_pdf

    with tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / "page.pdf"
        write_pdf([encoded], output)
        size = output.stat().st_size
        with pymupdf.open(output) as doc:
            pix = doc[0].get_pixmap(dpi=round(encoded.dpi))
            pixels = np.frombuffer(pix.samples, np.uint8).reshape(pix.h, pix.w, pix.n)[..., :3]
    import cv2

    if pixels.shape[:2] != (encoded.height_px, encoded.width_px):
        pixels = cv2.resize(pixels, (encoded.width_px, encoded.height_px),
                            interpolation=cv2.INTER_AREA)  # fmt: skip
    return pixels, size


def _all_photos() -> list[Path]:
    return sorted(PHOTOS.glob("*.jpg")) + sorted(PHOTOS.glob("*.tif"))


def _fmt(value: float, digits: int = 2) -> str:
    return "-" if value != value else f"{value:.{digits}f}"  # NaN: nothing to measure


def compact_quality(renders: Path | None = None) -> int:
    """Section 4: compact against plain JPEG and libjpeg q75 on every photo (see docstring)."""
    from scanning import ScanOptions, process
    from scanning.encode import encode_page
    from scanning.imports import load_page

    print("\nCompact (MRC) against plain JPEG, every photo; SSIM around the ink and edge width "
          "(px) against the warped original, hue shift of red/blue ink (degrees)")  # fmt: skip
    print(f"{'photo':30} {'auto':>4} | {'compact':>8} {'SSIM':>6} {'edge':>5} {'red':>5} "
          f"{'blue':>5} | {'JPEG':>7} {'SSIM':>6} {'edge':>5} {'red':>5} {'blue':>5} | "
          f"{'q75':>7} {'SSIM':>6} {'edge':>5} | {'orig':>5}")  # fmt: skip
    rows = []
    for path in _all_photos():
        page = process(load_page(path), ScanOptions(mode="color"), encode=False)
        reference = page.image
        size_mm, dpi, card = page.size_mm, page.dpi, page.paper == "card"
        auto = encode_page(reference, "color", dpi, size_mm, auto_compact=not card)
        compact = encode_page(reference, "compact", dpi, size_mm)
        plain = encode_page(reference, "color", dpi, size_mm, auto_compact=False)
        q75 = _libjpeg_q75(reference)
        painted, _pdf_bytes = render_compact(compact)
        plain_pixels, q75_pixels = _decoded(plain.data), _decoded(q75)
        inks = ink_pixels(reference)

        def hues(image, inks=inks, reference=reference):
            return [hue_shift(reference, image, inks[c]) if c in inks else float("nan")
                    for c in ("red", "blue")]  # fmt: skip

        row = {
            "name": path.name, "card": card, "auto": auto.kind,
            "compact": (compact.size, _ink_ssim(reference, painted),
                        edge_width(reference, painted), *hues(painted)),
            "jpeg": (plain.size, _ink_ssim(reference, plain_pixels),
                     edge_width(reference, plain_pixels), *hues(plain_pixels)),
            "q75": (len(q75), _ink_ssim(reference, q75_pixels), edge_width(reference, q75_pixels)),
            "orig": edge_width(reference, reference),
        }  # fmt: skip
        rows.append(row)
        c, j, q = row["compact"], row["jpeg"], row["q75"]
        print(f"{path.name[:30]:30} {auto.kind[:4]:>4} | {c[0] / 1000:6.0f}KB {c[1]:6.3f} "
              f"{_fmt(c[2]):>5} {_fmt(c[3], 1):>5} {_fmt(c[4], 1):>5} | {j[0] / 1000:5.0f}KB "
              f"{j[1]:6.3f} {_fmt(j[2]):>5} {_fmt(j[3], 1):>5} {_fmt(j[4], 1):>5} | "
              f"{q[0] / 1000:5.0f}KB {q[1]:6.3f} {_fmt(q[2]):>5} | "
              f"{_fmt(row['orig']):>5}")  # fmt: skip
        if renders is not None:
            _save_render(renders, path.stem, reference, painted, plain_pixels)
    return _summary(rows)


def _summary(rows: list[dict]) -> int:
    import math

    text = [r for r in rows if not r["card"]]

    def median(key: str, index: int, subset=text) -> float:
        values = [r[key][index] for r in subset if not math.isnan(r[key][index])]
        return statistics.median(values) if values else float("nan")

    def worst_hue(key: str) -> float:
        values = [v for r in rows for v in r[key][3:5] if not math.isnan(v)]
        return max(values) if values else float("nan")

    print(f"{'median of text pages':30}      | {median('compact', 0) / 1000:6.0f}KB "
          f"{median('compact', 1):6.3f} {median('compact', 2):5.2f}             | "
          f"{median('jpeg', 0) / 1000:5.0f}KB {median('jpeg', 1):6.3f} {median('jpeg', 2):5.2f}"
          f"             | {median('q75', 0) / 1000:5.0f}KB {median('q75', 1):6.3f} "
          f"{median('q75', 2):5.2f}")  # fmt: skip
    print(f"compact: {median('q75', 0) / median('compact', 0):.1f}x smaller than libjpeg q75, "
          f"{median('jpeg', 0) / median('compact', 0):.1f}x than plain JPEG (median, text pages); "
          f"largest hue shift {worst_hue('compact'):.1f} degrees (plain JPEG "
          f"{worst_hue('jpeg'):.1f}); auto mode chose compact for "
          f"{sum(r['auto'] == 'mrc' for r in rows)} of {len(rows)} pages")  # fmt: skip
    print(
        "targets: compact text pages <= 64 KB median, SSIM around the ink >= 0.98, "
        "hue shift <= 5 degrees"
    )
    ok = median("compact", 0) <= 64_000 and worst_hue("compact") <= 5
    return 0 if ok else 1


def _save_render(folder: Path, stem: str, reference, painted, plain) -> None:
    """original | compact | plain JPEG, a 600 x 450 crop of the page's inkiest area, x2."""
    import cv2
    import numpy as np

    folder.mkdir(parents=True, exist_ok=True)
    gray = cv2.cvtColor(reference, cv2.COLOR_RGB2GRAY)
    ink = cv2.boxFilter((gray < 160).astype(np.float32), -1, (301, 301))
    y, x = np.unravel_index(int(np.argmax(ink)), ink.shape)
    top = int(np.clip(y - 225, 0, max(0, gray.shape[0] - 450)))
    left = int(np.clip(x - 300, 0, max(0, gray.shape[1] - 600)))
    crops = [image[top : top + 450, left : left + 600] for image in (reference, painted, plain)]
    gap = np.zeros((crops[0].shape[0], 6, 3), np.uint8)
    sheet = np.hstack([crops[0], gap, crops[1], gap, crops[2]])
    sheet = cv2.resize(sheet, None, fx=2, fy=2, interpolation=cv2.INTER_NEAREST)
    cv2.imwrite(str(folder / f"{stem}.png"), cv2.cvtColor(sheet, cv2.COLOR_RGB2BGR))


def _option(argv: list[str], name: str) -> str | None:
    for arg in argv:
        if arg.startswith(f"--{name}="):
            return arg.split("=", 1)[1]
    return None


def main(argv: list[str]) -> int:
    if not PHOTOS.is_dir():
        print(f"test data not found: {PHOTOS}")
        return 1
    runs = _runs(argv)
    renders = _option(argv, "renders")
    if "--quality-only" not in argv:
        per_photo(runs)
        batch()
        bytes_per_page()
    return compact_quality(Path(renders) if renders else None)
