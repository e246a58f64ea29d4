"""Make a warped page look like a scan: even white background, crisp text, inks keep their hue.

Modes: "color" (colour document), "compact" (the same page, stored as mixed raster content by
scanning.encode), "gray", "bw" (adaptive Sauvola binarization), "original".
The paper's illumination is estimated per colour channel as a smooth "background" image (the
page with the ink removed by a max filter); dividing by it removes shadows, gradients and the
colour cast of the light while a red seal or blue ink keeps its hue.
"""

from __future__ import annotations

import cv2
import numpy as np

MODES = ("color", "compact", "gray", "bw", "original")
BACKGROUND_SIZE = 400  # long side of the image the illumination is estimated on


def estimate_background(image: np.ndarray, object_fraction: float = 0.0) -> np.ndarray:
    """Smooth per-channel illumination of the paper, same shape and type as image (uint8).

    A max filter replaces ink with the paper around it: 9 pixels of the reduced image cover
    text strokes; `object_fraction` widens it to that share of the long side, so a large dark
    object (the portrait on an ID card) is taken as print, not as shadow.
    """
    height, width = image.shape[:2]
    scale = min(1.0, BACKGROUND_SIZE / max(height, width))
    small = cv2.resize(image, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    size = max(9, int(object_fraction * max(small.shape[:2])) | 1)
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (size, size))
    paper = cv2.dilate(small, kernel)
    paper = cv2.medianBlur(paper, 9)
    paper = np.maximum(cv2.GaussianBlur(paper, (0, 0), 3), 1)  # never 0: it divides
    # interpolating values >= 1 gives values >= 1: no pass over the full-size page for it
    return cv2.resize(paper, (width, height), interpolation=cv2.INTER_LINEAR)


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
    """image / background (per channel) mapped through the levels curve, all in uint8."""
    ratio = cv2.divide(image, estimate_background(image, object_fraction), scale=255)
    return cv2.LUT(ratio, table)


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
