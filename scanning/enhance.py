"""Make a warped page look like a scan: even white background, crisp text, inks keep their hue.

Modes: "color" (colour document), "compact" (the same page, stored as mixed raster content by
scanning.encode), "gray", "bw" (adaptive Sauvola binarization), "original".
The paper's illumination is estimated per colour channel as a smooth "background" image (the
page with the ink removed by a max filter); dividing by it removes shadows, gradients and the
colour cast of the light while a red seal or blue ink keeps its hue. Where the illumination
is too dark for that (a deep shadow, a strip of table) the division multiplies noise by ten or
more, unevenly per channel: there the page keeps its lightness but loses its colour.
"""

from __future__ import annotations

import cv2
import numpy as np

MODES = ("color", "compact", "gray", "bw", "original")
BACKGROUND_SIZE = 400  # long side of the image the illumination is estimated on


# the weakest channel of the illumination, against the page's well-lit paper: at or below
# DARK_LIGHT the colour of what lies there cannot be recovered (grey), from LIT_LIGHT up it is
DARK_LIGHT = 0.15
LIT_LIGHT = 0.3


def estimate_background(image: np.ndarray, object_fraction: float = 0.0) -> np.ndarray:
    """Smooth per-channel illumination of the paper, same shape and type as image (uint8).

    A max filter replaces ink with the paper around it: 9 pixels of the reduced image cover
    text strokes; `object_fraction` widens it to that share of the long side, so a large dark
    object (the portrait on an ID card) is taken as print, not as shadow.
    """
    return _to_page_size(_small_background(image, object_fraction), image)


def _to_page_size(small: np.ndarray, image: np.ndarray) -> np.ndarray:
    """The reduced illumination brought to the page's size (bilinear: stays >= 1)."""
    height, width = image.shape[:2]
    return cv2.resize(small, (width, height), interpolation=cv2.INTER_LINEAR)


def _small_background(image: np.ndarray, object_fraction: float) -> np.ndarray:
    """The illumination at about BACKGROUND_SIZE (long side), values >= 1."""
    height, width = image.shape[:2]
    scale = min(1.0, BACKGROUND_SIZE / max(height, width))
    small = cv2.resize(image, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    size = max(9, int(object_fraction * max(small.shape[:2])) | 1)
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (size, size))
    paper = cv2.dilate(small, kernel)
    paper = cv2.medianBlur(paper, 9)
    # never 0: it divides; interpolating values >= 1 gives values >= 1 (no full-size pass)
    return np.maximum(cv2.GaussianBlur(paper, (0, 0), 3), 1)


def colour_weight(background: np.ndarray) -> np.ndarray:
    """How much of its colour each place of the page keeps (0..1, float32, background's size).

    The gain of the division is 255 over the illumination; its weakest channel sets how much
    noise (and JPEG chroma blocks) the division multiplies. Measured against the well-lit
    paper of the same page (90th percentile), so a dim but even photo keeps its colours.
    """
    weakest = background.min(axis=2).astype(np.float32)
    lit = max(float(np.percentile(weakest[::2, ::2], 90)), 1.0)
    weight = np.clip((weakest / lit - DARK_LIGHT) / (LIT_LIGHT - DARK_LIGHT), 0.0, 1.0)
    # the max filter carries the lit paper's light a few cells into a shadow's edge: the
    # weight of the darkest cell near each place covers that rim too
    return cv2.erode(weight, cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (9, 9)))


def _fade_colour(page: np.ndarray, weight: np.ndarray) -> None:
    """Blend each pixel of page (RGB uint8, in place) toward its own grey by 1 - weight (given
    on a reduced grid); only the part of the page where some colour goes is touched."""
    rows, columns = np.nonzero(weight < 1.0)
    if len(rows) == 0:
        return
    # the cells that fade and one more around them (where the weight climbs back to 1)
    r0, r1 = max(0, rows.min() - 1), min(weight.shape[0], rows.max() + 2)
    c0, c1 = max(0, columns.min() - 1), min(weight.shape[1], columns.max() + 2)
    height, width = page.shape[:2]
    top, bottom = round(r0 * height / weight.shape[0]), round(r1 * height / weight.shape[0])
    left, right = round(c0 * width / weight.shape[1]), round(c1 * width / weight.shape[1])
    region = page[top:bottom, left:right]
    keep = cv2.resize(weight[r0:r1, c0:c1], (right - left, bottom - top),
                      interpolation=cv2.INTER_LINEAR)[:, :, None]  # fmt: skip
    grey = cv2.cvtColor(region, cv2.COLOR_RGB2GRAY).astype(np.float32)[:, :, None]
    region[...] = np.clip(grey + keep * (region.astype(np.float32) - grey) + 0.5, 0, 255)


def _levels_table(black: float = 0.30, white: float = 0.88, gamma: float = 1.4) -> np.ndarray:
    """Paper (ratio near 1) to white, ink to dark, a gentle curve in between: a lookup table."""
    ratio = np.arange(256, dtype=np.float64) / 255.0
    stretched = np.clip((ratio - black) / (white - black), 0.0, 1.0)
    return (np.power(stretched, gamma) * 255.0 + 0.5).astype(np.uint8)


_LEVELS = _levels_table()
# cards (CCCD) have pale printed backgrounds, guilloches and a photo: light shading only
_GENTLE_LEVELS = _levels_table(black=0.08, white=0.97, gamma=1.15)


def _flatten(
    image: np.ndarray, table: np.ndarray = _LEVELS, object_fraction: float = 0.0
) -> np.ndarray:
    """image / background (per channel) mapped through the levels curve, all in uint8; in
    colour, grey where the illumination is too dark to tell colours (colour_weight)."""
    small = _small_background(image, object_fraction)
    page = cv2.LUT(cv2.divide(image, _to_page_size(small, image), scale=255), table)
    if page.ndim == 3:
        _fade_colour(page, colour_weight(small))
    return page


def color_document(image: np.ndarray, gentle: bool = False) -> np.ndarray:
    if gentle:  # a card: small, evenly lit, with a portrait a third of its width
        return _flatten(image, _GENTLE_LEVELS, object_fraction=0.45)
    return _flatten(image, _LEVELS)


def grayscale(image: np.ndarray) -> np.ndarray:
    return _flatten(cv2.cvtColor(image, cv2.COLOR_RGB2GRAY))


def sauvola(gray: np.ndarray, window: int, k: float = 0.2, dynamic: float = 128.0) -> np.ndarray:
    """Sauvola's threshold T = m * (1 + k * (s / R - 1)) over a window; True where ink."""
    values = gray.astype(np.float32)
    size = (window | 1, window | 1)
    mean = cv2.boxFilter(values, -1, size, borderType=cv2.BORDER_REFLECT)
    mean_sq = cv2.sqrBoxFilter(values, -1, size, borderType=cv2.BORDER_REFLECT)
    std = np.sqrt(np.maximum(mean_sq - mean * mean, 0.0))
    threshold = mean * (1.0 + k * (std / dynamic - 1.0))
    return values < threshold


def black_and_white(image: np.ndarray) -> np.ndarray:
    """1 bit per pixel as uint8 0/255 (white paper, black ink)."""
    flattened = grayscale(image)
    window = max(15, int(max(flattened.shape) / 60))
    ink = sauvola(flattened, window)
    ink &= flattened < 200  # flat paper never becomes ink, whatever its local noise
    ink = cv2.morphologyEx(ink.astype(np.uint8), cv2.MORPH_OPEN, np.ones((2, 2), np.uint8)) > 0
    return np.where(ink, 0, 255).astype(np.uint8)


def enhance(image: np.ndarray, mode: str, gentle: bool = False) -> np.ndarray:
    """The page in a mode: RGB for color/original, single channel for gray/bw.

    `gentle` keeps pale printed colours (ID cards) instead of whitening them."""
    if mode in ("color", "compact"):
        return color_document(image, gentle)
    if mode == "gray":
        return grayscale(image)
    if mode == "bw":
        return black_and_white(image)
    if mode == "original":
        return image
    raise ValueError(f"unknown mode {mode!r}")
