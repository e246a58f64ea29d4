"""Enhancement quality: background uniformity, ink hue kept, text contrast, per mode.

Synthetic pages (printed text, a red seal, blue handwriting; masks give the truth) are
photographed with uneven light, a shadow and noise, warped back, then enhanced. Printed per
mode: std of background luminance (lower = more even), mean luminance of the background,
hue shift of the red and blue strokes in degrees, their saturation, and text contrast
(background minus text luminance). The same background measures on the real noteshrink
photos (background = pixels the noteshrink reference leaves white are not aligned, so the
brightest 60 % of pixels stand in for paper). Usage: `python -m bench enhance`.
"""

from __future__ import annotations

import os
import statistics
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
TESTDATA = Path(os.environ.get("HOSO_TESTDATA", ROOT.parent / "shared" / "testdata"))


def _hue_degrees(rgb: np.ndarray) -> np.ndarray:
    import cv2

    pixels = rgb.reshape(-1, 1, 3).astype(np.uint8)
    return cv2.cvtColor(pixels, cv2.COLOR_RGB2HSV_FULL)[:, 0, 0].astype(float) * 360 / 256


def _circular_mean(hues: np.ndarray) -> float:
    angles = np.radians(hues)
    return float(np.degrees(np.arctan2(np.sin(angles).mean(), np.cos(angles).mean())) % 360)


def _hue_shift(a: float, b: float) -> float:
    d = abs(a - b) % 360
    return min(d, 360 - d)


def _luminance(image: np.ndarray) -> np.ndarray:
    import cv2

    return image if image.ndim == 2 else cv2.cvtColor(image, cv2.COLOR_RGB2GRAY)


def synthetic(seeds=(0, 1, 2)) -> None:
    import cv2

    from scanning import enhance, geometry
    from tests.scanning.synthetic import (
        BLUE_INK,
        RED_INK,
        default_quad,
        make_page,
        photograph,
    )

    rows: dict[str, list[tuple[float, ...]]] = {mode: [] for mode in ("photo", *enhance.MODES)}
    red_hue = _hue_degrees(np.array([RED_INK]))[0]
    blue_hue = _hue_degrees(np.array([BLUE_INK]))[0]
    for seed in seeds:
        page = make_page(1654, 2339, seed=seed)  # A4 at 200 DPI
        width, height = 3024, 4032
        quad = default_quad(width, height)
        photo = photograph(page.image, quad, (width, height), "wood", shading=0.45, seed=seed)
        warped = geometry.warp(photo, quad, (1654, 2339))
        background = page.background
        red = cv2.erode(page.red.astype(np.uint8), np.ones((3, 3), np.uint8)).astype(bool)
        blue = cv2.erode(page.blue.astype(np.uint8), np.ones((3, 3), np.uint8)).astype(bool)
        for mode in rows:
            started = time.perf_counter()
            out = warped if mode == "photo" else enhance.enhance(warped, mode)
            elapsed = (time.perf_counter() - started) * 1000
            lum = _luminance(out).astype(float)
            contrast = lum[background].mean() - lum[page.text].mean()
            if out.ndim == 3:
                red_shift = _hue_shift(_circular_mean(_hue_degrees(out[red])), red_hue)
                blue_shift = _hue_shift(_circular_mean(_hue_degrees(out[blue])), blue_hue)
                hsv = cv2.cvtColor(out, cv2.COLOR_RGB2HSV)
                saturation = (hsv[red][:, 1].mean() + hsv[blue][:, 1].mean()) / 2
            else:
                red_shift = blue_shift = saturation = float("nan")
            rows[mode].append((lum[background].std(), lum[background].mean(), red_shift,
                               blue_shift, saturation, contrast, elapsed))  # fmt: skip
    print("Synthetic A4 pages at 200 DPI (red seal, blue handwriting), photographed with uneven")
    print(f"light and a shadow; mean of {len(seeds)} pages")
    print(f"{'mode':9} {'bg std':>7} {'bg mean':>8} {'red dH':>7} {'blue dH':>8} {'ink sat':>8} "
          f"{'contrast':>9} {'ms':>5}")  # fmt: skip
    for mode, values in rows.items():
        means = [statistics.mean(column) for column in zip(*values, strict=True)]
        print(f"{mode:9} {means[0]:7.1f} {means[1]:8.1f} {means[2]:7.1f} {means[3]:8.1f} "
              f"{means[4]:8.0f} {means[5]:9.1f} {means[6]:5.0f}")  # fmt: skip
    print("(photo = warped, not enhanced; dH = hue shift in degrees; sat = HSV saturation 0-255)")


def real_photos() -> None:
    from scanning import enhance
    from scanning.imports import load_page

    folder = TESTDATA / "photos"
    names = sorted(p.name for p in folder.glob("noteshrink_*.jpg"))
    if not names:
        return
    print("\nReal close-ups (noteshrink): std of the brightest 60 % of luminance (paper)")
    print(f"{'photo':36} {'original':>9} {'color':>7} {'gray':>7}")
    for name in names:
        image = load_page(folder / name).image
        values = []
        for mode in ("original", "color", "gray"):
            lum = _luminance(enhance.enhance(image, mode)).astype(float).ravel()
            paper = lum[lum >= np.percentile(lum, 40)]
            values.append(paper.std())
        print(f"{name:36} {values[0]:9.1f} {values[1]:7.1f} {values[2]:7.1f}")


def main(argv: list[str]) -> int:
    synthetic()
    if (TESTDATA / "photos").is_dir():
        real_photos()
    return 0
