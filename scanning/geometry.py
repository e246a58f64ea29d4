"""Paper formats, perspective warp to true size, deskew and right-angle rotation of pages."""

from __future__ import annotations

import math
from dataclasses import dataclass

import cv2
import numpy as np

MM_PER_INCH = 25.4


@dataclass(frozen=True)
class Paper:
    name: str
    width_mm: float  # portrait: width <= height
    height_mm: float
    default_dpi: int

    @property
    def aspect(self) -> float:
        return self.height_mm / self.width_mm


PAPERS: dict[str, Paper] = {
    "a4": Paper("a4", 210.0, 297.0, 200),
    "a5": Paper("a5", 148.0, 210.0, 200),
    "letter": Paper("letter", 215.9, 279.4, 200),
    "card": Paper("card", 53.98, 85.60, 300),  # ID-1: the CCCD, bank cards
}
PAPER_CHOICES = ("auto", *PAPERS, "free")
ASPECT_TOLERANCE = 0.06  # relative difference still taken as that paper's aspect


def measured_aspect(quad: np.ndarray, width: int, height: int) -> float:
    """Height / width of the real rectangle behind a perspective quad (TL, TR, BR, BL).

    Uses the camera-geometry estimate of Zhang and He ("Whiteboard scanning and image
    enhancement", 2007) with the principal point at the image centre; falls back to the mean
    side lengths when the view is nearly frontal (focal length not observable).
    """
    quad = np.asarray(quad, dtype=np.float64)
    tl, tr, br, bl = quad
    across = (np.linalg.norm(tr - tl) + np.linalg.norm(br - bl)) / 2
    down = (np.linalg.norm(bl - tl) + np.linalg.norm(br - tr)) / 2
    simple = down / max(across, 1e-9)
    centre = np.array([width / 2.0, height / 2.0])
    m1, m2, m3, m4 = (np.append(p - centre, 1.0) for p in (tl, tr, bl, br))
    try:
        k2 = np.dot(np.cross(m1, m4), m3) / np.dot(np.cross(m2, m4), m3)
        k3 = np.dot(np.cross(m1, m4), m2) / np.dot(np.cross(m3, m4), m2)
        n2, n3 = k2 * m2 - m1, k3 * m3 - m1
        if abs(n2[2]) < 1e-9 or abs(n3[2]) < 1e-9:
            return simple
        focal2 = -(n2[0] * n3[0] + n2[1] * n3[1]) / (n2[2] * n3[2])
        if not (focal2 > 0 and math.isfinite(focal2)):
            return simple
        # a plausible phone camera: focal length between 0.5x and 3x the image diagonal
        diagonal = math.hypot(width, height)
        if not (0.25 * diagonal**2 < focal2 < 9 * diagonal**2):
            return simple
        wide = n2[0] ** 2 + n2[1] ** 2 + focal2 * n2[2] ** 2
        tall = n3[0] ** 2 + n3[1] ** 2 + focal2 * n3[2] ** 2
        estimate = math.sqrt(tall / wide)
    except (FloatingPointError, ZeroDivisionError, ValueError):
        return simple
    if not 0.2 < estimate < 5 or abs(estimate - simple) > 0.2 * simple:
        return simple  # the camera model does not fit (cropped frame, strong lens distortion)
    return estimate


def guess_paper(aspect: float) -> str:
    """The paper whose aspect ratio matches (orientation-free); 'free' when none does."""
    ratio = max(aspect, 1 / aspect)
    best, best_error = "free", ASPECT_TOLERANCE
    for name in ("a4", "card", "letter"):  # A5 has A4's aspect: A4 is the likelier page
        error = abs(ratio - PAPERS[name].aspect) / PAPERS[name].aspect
        if error < best_error:
            best, best_error = name, error
    if best == "free" and 1.5 < ratio < 1.75:
        return "card"  # nothing else is that elongated; cards are often seen at steep angles
    return best


def output_size_mm(paper: str, aspect: float) -> tuple[float, float]:
    """(width, height) in mm of the output page; landscape when the document is wider."""
    if paper == "free":
        # fit the measured shape inside an A4 sheet in its orientation
        a4 = PAPERS["a4"]
        long_mm, short_mm = a4.height_mm, a4.width_mm
        ratio = max(aspect, 1 / aspect)
        if ratio >= long_mm / short_mm:
            size = (long_mm / ratio, long_mm)
        else:
            size = (short_mm, short_mm * ratio)
    else:
        spec = PAPERS[paper]
        size = (spec.width_mm, spec.height_mm)
    return size if aspect >= 1 else (size[1], size[0])


def pixels_for(size_mm: tuple[float, float], dpi: float) -> tuple[int, int]:
    return (
        max(1, round(size_mm[0] / MM_PER_INCH * dpi)),
        max(1, round(size_mm[1] / MM_PER_INCH * dpi)),
    )


def warp(image: np.ndarray, quad: np.ndarray, size_px: tuple[int, int]) -> np.ndarray:
    """The quad's content mapped onto a size_px (width, height) rectangle."""
    width, height = size_px
    target = np.array([[0, 0], [width, 0], [width, height], [0, height]], dtype=np.float32)
    source = np.asarray(quad, dtype=np.float32)
    # shrinking more than 2x with bilinear sampling aliases fine text: first reduce the photo
    # by a whole factor (area averaging, fast), keeping at least the output's resolution
    span = max(np.linalg.norm(source[1] - source[0]), np.linalg.norm(source[3] - source[0]))
    factor = int(span / max(width, height))
    if factor >= 2:
        image = cv2.resize(image, None, fx=1 / factor, fy=1 / factor, interpolation=cv2.INTER_AREA)
        source = np.asarray(quad, dtype=np.float32) / factor
    matrix = cv2.getPerspectiveTransform(source, target)
    return cv2.warpPerspective(
        image, matrix, (width, height), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE
    )


def rotate_right_angle(image: np.ndarray, degrees: int) -> np.ndarray:
    """Rotate clockwise by 0, 90, 180 or 270 degrees."""
    turns = (degrees // 90) % 4
    codes = {1: cv2.ROTATE_90_CLOCKWISE, 2: cv2.ROTATE_180, 3: cv2.ROTATE_90_COUNTERCLOCKWISE}
    return image if turns == 0 else cv2.rotate(image, codes[turns])


def _ink_points(
    image: np.ndarray, size: int = 1000, limit: int = 60000, drop_rules: bool = False
) -> np.ndarray:
    """Coordinates (x, y) of dark ink pixels on a reduced copy of the page.

    `drop_rules` removes long straight lines (ruled paper, table borders): they are not text
    and would bias the ascender/descender balance."""
    gray = image if image.ndim == 2 else cv2.cvtColor(image, cv2.COLOR_RGB2GRAY)
    scale = min(1.0, size / max(gray.shape))
    small = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    background = cv2.medianBlur(small, 31)
    ink = (background.astype(np.int16) - small.astype(np.int16)) > 25
    if drop_rules:
        mask = ink.astype(np.uint8)
        length = max(15, small.shape[1] // 10)
        rules = cv2.morphologyEx(mask, cv2.MORPH_OPEN, np.ones((1, length), np.uint8))
        rules |= cv2.morphologyEx(mask, cv2.MORPH_OPEN, np.ones((length, 1), np.uint8))
        ink &= cv2.dilate(rules, np.ones((3, 3), np.uint8)) == 0
    ys, xs = np.nonzero(ink)
    if len(xs) > limit:
        pick = np.random.default_rng(0).choice(len(xs), limit, replace=False)
        xs, ys = xs[pick], ys[pick]
    return np.stack([xs, ys], axis=1).astype(np.float64)


def _profile_sharpness(points: np.ndarray, angle_deg: float, bins: int = 400) -> float:
    angle = math.radians(angle_deg)
    projected = points[:, 1] * math.cos(angle) - points[:, 0] * math.sin(angle)
    histogram, _ = np.histogram(projected, bins=bins)
    return float(np.sum(np.diff(histogram.astype(np.float64)) ** 2))


def estimate_skew(image: np.ndarray, max_degrees: float = 15.0) -> float:
    """Angle (degrees, counter-clockwise positive) of the text lines; 0 when there is no text.

    Projection profiles: the histogram of ink along y is sharpest when lines are level.
    """
    points = _ink_points(image)
    if len(points) < 200:
        return 0.0
    points -= points.mean(axis=0)
    coarse = np.arange(-max_degrees, max_degrees + 0.01, 0.5)
    scores = [_profile_sharpness(points, a) for a in coarse]
    best = float(coarse[int(np.argmax(scores))])
    if max(scores) < 1.1 * _profile_sharpness(points, 0.0):
        return 0.0  # no clearly better angle: not text lines (a photo, a drawing) or level
    fine = np.arange(best - 0.5, best + 0.51, 0.1)
    scores = [_profile_sharpness(points, a) for a in fine]
    # y grows downwards: a profile level at +a degrees means lines turned clockwise on screen
    return -float(fine[int(np.argmax(scores))])


def deskew(image: np.ndarray, angle_deg: float) -> np.ndarray:
    """Rotate by -angle (undo the skew) around the centre, keeping the size; edges replicated."""
    if abs(angle_deg) < 0.05:
        return image
    height, width = image.shape[:2]
    matrix = cv2.getRotationMatrix2D((width / 2, height / 2), -angle_deg, 1.0)
    return cv2.warpAffine(
        image, matrix, (width, height), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE
    )


def guess_rotation(image: np.ndarray) -> int:
    """Clockwise rotation (0, 90, 180, 270) that makes a text page upright.

    Lines of text are level when the horizontal projection is sharper than the vertical one;
    upright Latin (and Vietnamese) script carries more ink above the x-height band (ascenders,
    capitals, diacritics) than below it (descenders), which tells 0 from 180.
    """
    points = _ink_points(image, drop_rules=True)
    if len(points) < 500:
        return 0
    level = _line_contrast(points[:, 1])
    sideways = _line_contrast(points[:, 0])
    turn = 0 if level >= sideways else 90
    if turn:
        points = np.stack([-points[:, 1], points[:, 0]], axis=1)  # as if turned clockwise
    return (turn + (180 if _upside_down(points) else 0)) % 360


def _line_contrast(coordinates: np.ndarray, bin_pixels: float = 4.0) -> float:
    """How banded the ink is along one axis: spread of a coarse profile over its mean.

    Bins of a few pixels average out letters and spaces but not the gaps between lines,
    so across lines the profile swings, along them it stays flat. A fixed bin count (as in
    the skew search) made both directions score within 1 % of each other on a plain page."""
    extent = float(coordinates.max() - coordinates.min())
    histogram, _ = np.histogram(coordinates, bins=max(8, int(extent / bin_pixels)))
    return float(histogram.std() / max(histogram.mean(), 1e-9))


def _upside_down(points: np.ndarray) -> bool:
    ys = points[:, 1].astype(int)
    profile = np.bincount(ys - ys.min()).astype(np.float64)
    profile = np.convolve(profile, np.ones(3) / 3, mode="same")
    threshold = 0.15 * profile.max()
    above = below = 0.0
    row = 0
    while row < len(profile):
        if profile[row] <= threshold:
            row += 1
            continue
        end = row
        while end < len(profile) and profile[end] > threshold:
            end += 1
        line = profile[row:end]
        core = np.nonzero(line > 0.5 * line.max())[0]
        if len(core) >= 2 and end - row >= 4:
            top, bottom = row + core[0], row + core[-1]
            margin = max(2, (end - row) // 2)
            above += profile[max(0, top - margin) : top].sum()
            below += profile[bottom + 1 : bottom + 1 + margin].sum()
        row = end
    return below > above * 1.05
