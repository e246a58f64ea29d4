"""Document detection accuracy: IoU of the found quad against the ground truth of testdata.

Ground truth: photos/corners.json (breta01 photos, MIDV-500 frame) and the MIDV-500 .gt.json.
Prints, per photo, the IoU of the coarse quad (reduced image only) and of the refined quad
(full resolution), the largest corner error and the detection time, beside the classic OpenCV
contour scanner (resize to 500 px high, Gaussian blur, Canny 75/200, the largest contour with
4 corners: the recipe most document-scanner tutorials and apps start from) timed in the same
run; then the means, the time ratio (target <= 2x the classic scanner), and checks that
the pages filling the frame (breta01_page03, four notebook pages) get the full frame. Usage:
`python -m bench detect [--runs N]`.
"""

from __future__ import annotations

import json
import os
import statistics
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
TESTDATA = Path(os.environ.get("HOSO_TESTDATA", ROOT.parent / "shared" / "testdata"))
PHOTOS = TESTDATA / "photos"
# pages filling the frame, no page edge in sight: the full frame, not a crop (notesA1: a side
# through the writing; notesB1/B2: the red margin line taken as an edge; graph-paper: its
# printed border, before issue 18)
FULL_FRAME_PHOTOS = (
    "breta01_page03.jpg",
    "noteshrink_notesA1.jpg",
    "noteshrink_notesB1.jpg",
    "noteshrink_notesB2.jpg",
    "noteshrink_graph-paper-front.jpg",
)


def ground_truth() -> dict[str, np.ndarray]:
    data = json.loads((PHOTOS / "corners.json").read_text(encoding="utf-8"))
    truth = {name: np.array(entry["quad"], dtype=float) for name, entry in data.items()}
    midv = json.loads((PHOTOS / "43_tur_id_CA43_01.gt.json").read_text(encoding="utf-8"))
    truth["43_tur_id_CA43_01.tif"] = np.array(midv["quad"], dtype=float)
    return truth


def _runs(argv: list[str]) -> int:
    for arg in argv:
        if arg.startswith("--runs="):
            return max(1, int(arg.split("=", 1)[1]))
    return 5


def classic_scanner(image: np.ndarray) -> np.ndarray:
    """The classic contour document scanner (e.g. pyimagesearch's "4 point OpenCV getPerspective
    Transform" tutorial): the largest contour of the Canny edges that approximates to 4 points,
    else the full frame. Corners TL, TR, BR, BL in pixels of `image`."""
    import cv2

    from scanning.detection import full_frame, order_corners

    ratio = image.shape[0] / 500.0
    small = cv2.resize(
        image, (max(1, int(image.shape[1] / ratio)), 500), interpolation=cv2.INTER_AREA
    )
    gray = cv2.GaussianBlur(cv2.cvtColor(small, cv2.COLOR_RGB2GRAY), (5, 5), 0)
    edged = cv2.Canny(gray, 75, 200)
    contours, _ = cv2.findContours(edged, cv2.RETR_LIST, cv2.CHAIN_APPROX_SIMPLE)
    for contour in sorted(contours, key=cv2.contourArea, reverse=True)[:5]:
        approx = cv2.approxPolyDP(contour, 0.02 * cv2.arcLength(contour, True), True)
        if len(approx) == 4:
            return order_corners(approx.reshape(4, 2).astype(np.float64) * ratio)
    return full_frame(image.shape[1], image.shape[0])


def _median_time(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main(argv: list[str]) -> int:
    from scanning.detection import detect_quad, quad_iou
    from scanning.imports import load_page

    if not PHOTOS.is_dir():
        print(f"test data not found: {PHOTOS}")
        return 1
    runs = _runs(argv)
    rows = []
    print(f"{'photo':34} {'coarse':>7} {'IoU':>7} {'max err px':>10} {'conf':>5} {'ms':>6} "
          f"{'classic':>7} {'ms':>5}")  # fmt: skip
    for name, truth in ground_truth().items():
        image = load_page(PHOTOS / name).image
        coarse = detect_quad(image, refine=False)
        found = detect_quad(image)
        classic = classic_scanner(image)
        # interleaved, so both see the same load on a shared machine
        ours, theirs = [], []
        for _ in range(runs):
            ours.append(_median_time(lambda i=image: detect_quad(i), 1))
            theirs.append(_median_time(lambda i=image: classic_scanner(i), 1))
        quad = found.as_array()
        iou = quad_iou(quad, truth)
        error = float(np.linalg.norm(quad - truth, axis=1).max())
        ms, classic_ms = statistics.median(ours) * 1000, statistics.median(theirs) * 1000
        rows.append((name, quad_iou(coarse.as_array(), truth), iou, quad_iou(classic, truth),
                     ms, classic_ms))  # fmt: skip
        print(
            f"{name:34} {rows[-1][1]:7.4f} {iou:7.4f} {error:10.1f} {found.confidence:5.2f} "
            f"{ms:6.0f} {rows[-1][3]:7.4f} {classic_ms:5.0f}"
        )
    ious = [r[2] for r in rows]
    print(
        f"{'mean (coarse / refined)':34} {statistics.mean(r[1] for r in rows):7.4f} "
        f"{statistics.mean(ious):7.4f}   min {min(ious):.4f}   target mean>=0.99, each>=0.97"
    )
    ours_ms = statistics.mean(r[4] for r in rows)
    classic_ms = statistics.mean(r[5] for r in rows)
    print(
        f"{'classic contour scanner':34} mean IoU {statistics.mean(r[3] for r in rows):.4f}, "
        f"min {min(r[3] for r in rows):.4f}"
    )
    ratio = ours_ms / max(classic_ms, 1e-9)
    print(f"time per photo: {ours_ms:.0f} ms against the classic scanner's {classic_ms:.0f} ms "
          f"in the same run: {ratio:.2f}x (target <= 2)")  # fmt: skip
    status = 0 if statistics.mean(ious) >= 0.99 and min(ious) >= 0.97 else 1
    for name in FULL_FRAME_PHOTOS:
        image = load_page(PHOTOS / name).image
        found = detect_quad(image)
        full = not found.found
        print(
            f"{name}: {'full frame (no boundary)' if full else 'FOUND a quad'} "
            f"confidence {found.confidence:.2f}"
        )
        status |= 0 if full else 1
    rotation_accuracy()
    return status


def rotation_accuracy() -> None:
    """Automatic 0/90/180/270 guess on every text photo of testdata, in the 4 rotations."""
    from scanning import ScanOptions, process
    from scanning.geometry import guess_rotation, rotate_right_angle
    from scanning.imports import load_page

    print("\nRotation guess (each photo processed, then turned 0/90/180/270)")
    correct = total = 0
    for path in sorted(PHOTOS.glob("*.jpg")):
        page = process(load_page(path), ScanOptions(dpi=100, mode="original"), encode=False)
        marks = []
        for turn in (0, 90, 180, 270):
            guess = guess_rotation(rotate_right_angle(page.image, turn))
            ok = guess == (360 - turn) % 360
            correct += ok
            total += 1
            marks.append("ok" if ok else f"{guess}")
        print(f"{path.name:36} {' '.join(f'{m:>4}' for m in marks)}")
    print(f"rotation guess accuracy: {correct}/{total} ({100 * correct / total:.0f} %)")
