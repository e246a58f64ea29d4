"""Find the four corners of a page or a card in a photo.

Candidates come from several cheap detectors on a reduced image (edges of several colour
channels, a brightness/saturation segmentation); each convex quadrilateral is scored by how much
of its outline lies on a real edge and how much of the frame it covers. The winner's sides are
then refined on the full-resolution image: edge points are found along the normal of each side
with sub-pixel precision, a robust line is fitted per side and the corners are the intersections
of neighbouring lines (so rounded card corners and fingers on an edge do not pull a corner).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import cv2
import numpy as np

WORK_SIZE = 640  # long side of the image candidates are searched on
REFINE_SIZE = 1600  # long side of the intermediate level of the refinement
MIN_AREA_FRACTION = 0.06  # a document smaller than this is not what the user photographed
FOUND_THRESHOLD = 0.5
MAX_ASPECT = 2.3  # longer than this is a strip (ruled line, table edge), not a page or card


@dataclass(frozen=True)
class Detection:
    """A document outline: corners TL, TR, BR, BL in pixels of the upright image."""

    quad: tuple[tuple[float, float], ...]
    confidence: float
    found: bool
    width: int
    height: int

    def as_array(self) -> np.ndarray:
        return np.array(self.quad, dtype=np.float64)


def full_frame(width: int, height: int) -> np.ndarray:
    return np.array([[0, 0], [width, 0], [width, height], [0, height]], dtype=np.float64)


def order_corners(points: np.ndarray) -> np.ndarray:
    """Sort four points into TL, TR, BR, BL (clockwise starting top-left) in image coordinates."""
    pts = np.asarray(points, dtype=np.float64).reshape(4, 2)
    center = pts.mean(axis=0)
    angles = np.arctan2(pts[:, 1] - center[1], pts[:, 0] - center[0])
    pts = pts[np.argsort(angles)]  # clockwise on screen (y down), starting anywhere
    start = int(np.argmin(pts.sum(axis=1)))  # the top-left has the smallest x + y
    return np.roll(pts, -start, axis=0)


def quad_iou(a: np.ndarray, b: np.ndarray) -> float:
    """Intersection over union of two convex quadrilaterals."""
    pa = np.asarray(a, dtype=np.float32).reshape(-1, 2)
    pb = np.asarray(b, dtype=np.float32).reshape(-1, 2)
    inter, _ = cv2.intersectConvexConvex(pa, pb)
    union = cv2.contourArea(pa) + cv2.contourArea(pb) - inter
    return float(inter / union) if union > 0 else 0.0


def detect_quad(image: np.ndarray, refine: bool = True) -> Detection:
    """The document outline in an RGB image; the full frame with found=False when none."""
    height, width = image.shape[:2]
    level, level_scale = shrink(image, REFINE_SIZE)
    small, scale = _shrink_from(image, level, level_scale)
    if small.ndim == 2:
        small = cv2.cvtColor(small, cv2.COLOR_GRAY2RGB)
    channels = _channels(small)
    edges = _edge_strength(small, channels)
    lab = cv2.merge([channels[0], channels[2], channels[3]])  # _channels converted it once
    lab = cv2.GaussianBlur(lab, (5, 5), 0).astype(np.float32)
    candidates = _candidates(small, channels) + _line_candidates(edges)
    best, best_score = None, 0.0
    if candidates:
        quads = _order_many(np.array(candidates, dtype=np.float64))
        # several channels often find the same outline: score each one once
        _, first = np.unique(np.round(quads).astype(np.int32).reshape(len(quads), 8), axis=0,
                             return_index=True)  # fmt: skip
        quads = quads[np.sort(first)]
        scores = _scores(quads, edges, lab, channels[0])
        winner = int(np.argmax(scores))
        if scores[winner] > 0:
            best, best_score = quads[winner], float(scores[winner])
    if best is None or best_score < FOUND_THRESHOLD:
        return Detection(_as_tuple(full_frame(width, height)), best_score, False, width, height)
    quad = order_corners(best / scale)
    if refine:
        quad = refine_quad(image, quad, (level, level_scale))
    quad[:, 0] = np.clip(quad[:, 0], 0, width)
    quad[:, 1] = np.clip(quad[:, 1], 0, height)
    return Detection(_as_tuple(quad), min(1.0, best_score), True, width, height)


def shrink(image: np.ndarray, size: int) -> tuple[np.ndarray, float]:
    """A copy whose long side is about `size` (never below), reduced by an integer factor:
    OpenCV's area resampling is several times faster for whole factors."""
    factor = max(1, int(max(image.shape[:2]) / size))
    if factor == 1:
        return image, 1.0
    small = cv2.resize(image, None, fx=1 / factor, fy=1 / factor, interpolation=cv2.INTER_AREA)
    return small, small.shape[1] / image.shape[1]


def _shrink_from(image: np.ndarray, level: np.ndarray, level_scale: float):
    """shrink(image, WORK_SIZE), from the refinement level when its factor divides ours: box
    averages compose, so the result is the same and the 12 MP photo is read once."""
    factor = max(1, int(max(image.shape[:2]) / WORK_SIZE))
    level_factor = round(1 / level_scale) if level_scale < 1 else 1
    if level_factor > 1 and factor % level_factor == 0:
        rest = factor // level_factor
        if rest == 1:
            return level, level_scale
        small = cv2.resize(level, None, fx=1 / rest, fy=1 / rest, interpolation=cv2.INTER_AREA)
        return small, small.shape[1] / image.shape[1]
    return shrink(image, WORK_SIZE)


def _as_tuple(quad: np.ndarray) -> tuple[tuple[float, float], ...]:
    return tuple((round(float(x), 2), round(float(y), 2)) for x, y in quad)


# --- candidates --------------------------------------------------------------------------


def _channels(small: np.ndarray) -> list[np.ndarray]:
    lab = cv2.cvtColor(small, cv2.COLOR_RGB2LAB)
    hsv = cv2.cvtColor(small, cv2.COLOR_RGB2HSV)
    return [lab[:, :, 0], hsv[:, :, 1], lab[:, :, 1], lab[:, :, 2]]


def _edge_strength(small: np.ndarray, channels: list[np.ndarray] | None = None) -> np.ndarray:
    """Gradient magnitude over the colour channels, normalised to [0, 1]."""
    channels = channels or _channels(small)
    total = np.zeros(small.shape[:2], np.float32)
    for channel in [*channels[:2], small[:, :, 0], small[:, :, 2]]:
        blurred = cv2.GaussianBlur(channel, (5, 5), 0).astype(np.float32)
        gx = cv2.Sobel(blurred, cv2.CV_32F, 1, 0, ksize=3)
        gy = cv2.Sobel(blurred, cv2.CV_32F, 0, 1, ksize=3)
        total = np.maximum(total, cv2.magnitude(gx, gy))
    top = _high_percentile(total, 0.995) or 1.0
    # a quad found on another channel may sit a pixel or two off this ridge: tolerate it
    return cv2.dilate(np.clip(total / top, 0, 1), np.ones((5, 5), np.uint8))


def _high_percentile(values: np.ndarray, fraction: float) -> float:
    """values' element at rank `fraction` (as np.partition would pick it), found among the few
    values above a guess from every 16th pixel instead of partitioning the whole image."""
    flat = values.ravel()
    rank = int(fraction * (flat.size - 1))
    sample = flat[::16]
    guess_rank = int(0.98 * (sample.size - 1))
    guess = float(np.partition(sample, guess_rank)[guess_rank])
    above = flat[flat >= guess]
    below = flat.size - above.size  # these all sort before the values above the guess
    if rank < below:  # the guess was too high: partition everything
        return float(np.partition(flat, rank)[rank])
    return float(np.partition(above, rank - below)[rank - below])


def _candidates(small: np.ndarray, channels: list[np.ndarray] | None = None) -> list[np.ndarray]:
    height, width = small.shape[:2]
    min_area = MIN_AREA_FRACTION * width * height
    masks = []
    channels = channels or _channels(small)
    for channel in channels:
        # edge-preserving, several times faster than bilateral; the 5x5 median is vectorised,
        # 7x7 takes OpenCV's histogram path (9 ms a channel here, against 0.5 ms)
        blurred = cv2.medianBlur(channel, 5)
        # both Cannys from one pair of derivatives (as Canny computes them: identical edges)
        dx = cv2.Sobel(blurred, cv2.CV_16S, 1, 0, ksize=3, borderType=cv2.BORDER_REPLICATE)
        dy = cv2.Sobel(blurred, cv2.CV_16S, 0, 1, ksize=3, borderType=cv2.BORDER_REPLICATE)
        for low, high in ((20, 60), (40, 120)):
            edges = cv2.Canny(dx, dy, low, high)
            masks.append(cv2.dilate(edges, np.ones((3, 3), np.uint8)))
    gray = cv2.GaussianBlur(cv2.cvtColor(small, cv2.COLOR_RGB2GRAY), (7, 7), 0)
    saturation = channels[1]
    paperness = cv2.subtract(gray, cv2.GaussianBlur(saturation, (7, 7), 0))
    for source in (gray, paperness):
        _, binary = cv2.threshold(source, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
        binary = cv2.morphologyEx(binary, cv2.MORPH_OPEN, np.ones((7, 7), np.uint8))
        masks.append(binary)
    quads = []
    for mask in masks:
        contours, _ = cv2.findContours(mask, cv2.RETR_LIST, cv2.CHAIN_APPROX_SIMPLE)
        contours = sorted(contours, key=cv2.contourArea, reverse=True)[:6]
        for contour in contours:
            hull = cv2.convexHull(contour)
            if cv2.contourArea(hull) < min_area:
                break
            quad = _hull_to_quad(hull)
            if quad is not None and cv2.contourArea(quad.astype(np.float32)) >= min_area:
                quads.append(quad)
    return quads


def _hull_to_quad(hull: np.ndarray) -> np.ndarray | None:
    perimeter = cv2.arcLength(hull, True)
    for fraction in (0.01, 0.02, 0.03, 0.05, 0.08):
        approx = cv2.approxPolyDP(hull, fraction * perimeter, True)
        if len(approx) == 4 and cv2.isContourConvex(approx):
            return approx.reshape(4, 2).astype(np.float64)
        if len(approx) < 4:
            return None
    return None


def _scores(
    quads: np.ndarray, edges: np.ndarray, lab: np.ndarray, lightness: np.ndarray
) -> np.ndarray:
    """Edge support and colour contrast of each outline (0..1), favouring large, square quads.

    A side counts when it lies on an edge along most of its length and the colours just
    inside and just outside differ (a ruled line or a text line inside the page does not).
    `lightness` is the unblurred L channel, for telling a printed line from a step.
    Quads are N x 4 x 2, corners ordered; all of them are scored at once: the cheap geometric
    rejections first, then every side of every remaining quad sampled in one gather per image.
    """
    height, width = edges.shape
    scores = np.zeros(len(quads))
    ends = np.roll(quads, -1, axis=1)
    margin = 3
    borders = (
        ((quads[..., 0] < margin) & (ends[..., 0] < margin))
        | ((quads[..., 0] > width - 1 - margin) & (ends[..., 0] > width - 1 - margin))
        | ((quads[..., 1] < margin) & (ends[..., 1] < margin))
        | ((quads[..., 1] > height - 1 - margin) & (ends[..., 1] > height - 1 - margin))
    )  # N x 4: the side lies along the frame
    on_frame = borders.sum(axis=1)
    vectors = ends - quads
    lengths = np.hypot(vectors[..., 0], vectors[..., 1])
    x, y = quads[..., 0], quads[..., 1]
    area = 0.5 * np.abs(np.sum(x * np.roll(y, -1, axis=1) - np.roll(x, -1, axis=1) * y, axis=1))
    area /= width * height
    across, down = (lengths[:, 0] + lengths[:, 2]) / 2, (lengths[:, 1] + lengths[:, 3]) / 2
    aspect = np.maximum(across, down) / np.maximum(1e-9, np.minimum(across, down))
    before = np.roll(vectors, 1, axis=1)  # from each corner to the previous one, negated
    cosine = -np.sum(before * vectors, axis=2) / (np.roll(lengths, 1, axis=1) * lengths + 1e-9)
    angles = np.degrees(np.arccos(np.clip(cosine, -1, 1)))
    skew_penalty = np.maximum(0.0, np.abs(angles - 90).max(axis=1) - 20) / 30
    # more than two sides on the frame, a strip, a small piece cut by the frame, or so skewed
    # that the rest (at most 1) cannot make it win: not a whole document
    alive = (on_frame <= 2) & (aspect <= MAX_ASPECT) & ~((on_frame > 0) & (area < 0.5))
    alive &= skew_penalty < 1.0
    quad_of, side_of = np.nonzero(alive[:, None] & ~borders)
    if len(quad_of) == 0:
        return scores
    counts = np.maximum(8, (lengths[quad_of, side_of] / 3).astype(int))
    starts = np.concatenate([[0], np.cumsum(counts)[:-1]])
    segment = np.repeat(np.arange(len(counts)), counts)
    step = np.arange(len(segment)) - starts[segment]
    t = step * (0.9 / (counts - 1))[segment] + 0.05
    t[starts + counts - 1] = 0.95
    origin = quads[quad_of[segment], side_of[segment]]
    vector = vectors[quad_of[segment], side_of[segment]]
    along = origin + vector * t[:, None]
    normal = np.stack([-vector[:, 1], vector[:, 0]], axis=1)  # points inwards
    normal /= lengths[quad_of[segment], side_of[segment]][:, None] + 1e-9
    on_edge = np.clip(_sample(edges, along) / 0.25, 0, 1) ** 2
    colours = _sample(lab, np.concatenate([along + 5 * normal, along - 5 * normal]))
    edge = np.add.reduceat(on_edge.astype(np.float64), starts) / counts
    contrast = _side_contrast(colours[: len(along)] - colours[len(along) :], segment, starts,
                              counts)  # fmt: skip
    # a quad the frame cuts competes with the page filling the frame (the full frame): each
    # side it does show must part two different surfaces, not run along a printed line
    cut = on_frame[quad_of] > 0
    floor = np.where(cut, 0.0, 0.35)
    line = _printed_line(lightness, along, normal, cut[segment], segment, starts, counts)
    contrast = np.where(line, 0.0, contrast)
    support = edge * np.minimum(1.0, floor + contrast / 30.0)  # per side off the frame
    lowest = np.ones(len(quads))
    np.minimum.at(lowest, quad_of, support)
    total = np.bincount(quad_of, weights=support, minlength=len(quads)) + 0.5 * on_frame
    alive &= (lowest >= 0.2) & (on_frame < 4)
    mean = total / 4
    scores[alive] = (mean * (0.7 + 0.3 * np.sqrt(area)) - skew_penalty)[alive]
    return scores


def _printed_line(lightness, along, normal, which, segment, starts, counts) -> np.ndarray:
    """For each side (only the samples in `which` are looked at): does it run along a
    printed line (a margin rule, a printed border) rather than part two surfaces?

    Across a line the lightness dips and comes back: the darkest point within 3 px of the side
    is darker than the paper on both sides (median of 4-8 px in and out) by more than those two
    differ. Across an edge it steps from one level to the other and no darker point lies
    between (a step of 89-186 levels against a dip of 1-2 on synthetic photos of a page on a
    table; the printed border of noteshrink_graph-paper-front: a dip of 67-74 against 2).
    """
    chosen = np.flatnonzero(which)
    dip = np.zeros(len(along))
    step = np.zeros(len(along))
    if len(chosen):
        points, across = along[chosen], normal[chosen]

        def band(offsets) -> np.ndarray:
            return np.stack([_sample(lightness, points + k * across) for k in offsets]).astype(
                np.float64
            )

        darkest = band(range(-3, 4)).min(axis=0)
        inner, outer = np.median(band(range(4, 9)), axis=0), np.median(band(range(-8, -3)), axis=0)
        dip[chosen] = np.minimum(inner, outer) - darkest
        step[chosen] = inner - outer
    dips = _segment_medians(dip, segment, starts, counts)
    steps = np.abs(_segment_medians(step, segment, starts, counts))
    return dips > steps


def _side_contrast(inside_minus_outside, segment, starts, counts) -> np.ndarray:
    """How far the colour just inside each side is from the colour just outside: the length
    of the per-channel median of the signed differences. Along a page edge the difference
    keeps its sign (paper brighter than the table); a line through page content meets ink on
    either side at random, so the signed medians cancel where the unsigned ones do not."""
    medians = [
        _segment_medians(inside_minus_outside[:, channel], segment, starts, counts)
        for channel in range(inside_minus_outside.shape[1])
    ]
    return np.linalg.norm(np.stack(medians, axis=1), axis=1)


def _segment_medians(values, segment, starts, counts) -> np.ndarray:
    """np.median of each run values[start : start + count] (runs are contiguous)."""
    ordered = values[np.lexsort((values, segment))].astype(np.float64)
    lower = ordered[starts + (counts - 1) // 2]
    upper = ordered[starts + counts // 2]
    return (lower + upper) / 2


def _order_many(quads: np.ndarray) -> np.ndarray:
    """order_corners for N x 4 x 2 quads at once."""
    centre = quads.mean(axis=1, keepdims=True)
    angles = np.arctan2(quads[..., 1] - centre[..., 1], quads[..., 0] - centre[..., 0])
    quads = np.take_along_axis(quads, np.argsort(angles, axis=1)[..., None], axis=1)
    start = np.argmin(quads.sum(axis=2), axis=1)
    index = (start[:, None] + np.arange(4)[None, :]) % 4
    return np.take_along_axis(quads, index[..., None], axis=1)


def _sample(image: np.ndarray, points: np.ndarray) -> np.ndarray:
    height, width = image.shape[:2]
    xs = np.clip(np.round(points[:, 0]).astype(int), 0, width - 1)
    ys = np.clip(np.round(points[:, 1]).astype(int), 0, height - 1)
    return image[ys, xs]


def _line_candidates(edges: np.ndarray, per_group: int = 8, keep: int = 12) -> list[np.ndarray]:
    """Quads made of two near-horizontal and two near-vertical Hough lines (or frame sides).

    All combinations are pre-scored at once by edge support (vectorised); only the best few
    go on to the full score.
    """
    height, width = edges.shape
    binary = (edges > 0.35).astype(np.uint8) * 255
    # halved (as fx=fy=0.5 rounds it, never empty): 4x fewer points to vote, same lines
    halved = (max(1, round(width / 2)), max(1, round(height / 2)))
    half = cv2.resize(binary, halved, interpolation=cv2.INTER_AREA)
    half = (half > 0).astype(np.uint8)
    lines = cv2.HoughLines(half, 1, np.pi / 180, int(0.09 * min(width, height)))
    if lines is not None:
        lines[:, 0, 0] *= 2
    horizontal: list[tuple[float, float]] = [(0.0, math.pi / 2), (float(height - 1), math.pi / 2)]
    vertical: list[tuple[float, float]] = [(0.0, 0.0), (float(width - 1), 0.0)]
    for rho, theta in lines[:, 0] if lines is not None else []:
        group = horizontal if abs(theta - math.pi / 2) < math.pi / 4 else vertical
        if len(group) < per_group + 2 and not _near_line(group, rho, theta):
            group.append((float(rho), float(theta)))
        elif len(horizontal) == len(vertical) == per_group + 2:
            break  # both groups full: the thousands of weaker lines cannot enter
    cross = _hough_crossings(np.array(horizontal), np.array(vertical))
    top, bottom = np.triu_indices(len(horizontal), 1)  # every pair of a top and a bottom
    first, second = np.triu_indices(len(vertical), 1)  # line, with every pair of sides
    t, b = np.repeat(top, len(first)), np.repeat(bottom, len(first))
    left, right = np.tile(first, len(top)), np.tile(second, len(top))
    quads = np.stack([cross[t, left], cross[t, right], cross[b, right], cross[b, left]], axis=1)
    inside = np.all(
        (quads[..., 0] > -2) & (quads[..., 0] < width + 1)
        & (quads[..., 1] > -2) & (quads[..., 1] < height + 1), axis=1
    )  # fmt: skip
    quads = quads[inside & np.isfinite(quads).all(axis=(1, 2))]
    if len(quads) == 0:
        return []
    x, y = quads[..., 0], quads[..., 1]
    area = 0.5 * np.abs(np.sum(x * np.roll(y, -1, axis=1) - np.roll(x, -1, axis=1) * y, axis=1))
    quads = quads[area >= MIN_AREA_FRACTION * width * height]
    if len(quads) == 0:
        return []
    fractions = np.linspace(0.05, 0.95, 24)
    starts, ends = quads, np.roll(quads, -1, axis=1)
    points = starts[:, :, None, :] + (ends - starts)[:, :, None, :] * fractions[None, None, :, None]
    xs = np.clip(np.round(points[..., 0]).astype(int), 0, width - 1)
    ys = np.clip(np.round(points[..., 1]).astype(int), 0, height - 1)
    support = (edges[ys, xs] > 0.25).mean(axis=2)  # per quad and side
    rough = support.min(axis=1) + support.mean(axis=1)
    best = np.argsort(-rough)[:keep]
    return [
        order_corners(quads[i]) for i in best if cv2.isContourConvex(quads[i].astype(np.float32))
    ]


def _near_line(group: list[tuple[float, float]], rho: float, theta: float) -> bool:
    for r, t in group:
        if abs(t - theta) < math.radians(4) and abs(r - rho) < 8:
            return True
        if abs(abs(t - theta) - math.pi) < math.radians(4) and abs(r + rho) < 8:
            return True
    return False


def _hough_crossings(first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """Where each (rho, theta) line of `first` crosses each of `second` (NaN when parallel)."""
    r1, t1 = first[:, 0, None], first[:, 1, None]
    r2, t2 = second[None, :, 0], second[None, :, 1]
    c1, s1, c2, s2 = np.cos(t1), np.sin(t1), np.cos(t2), np.sin(t2)
    det = c1 * s2 - s1 * c2
    parallel = np.abs(det) < 1e-6
    det = np.where(parallel, 1.0, det)
    x = np.where(parallel, np.nan, (r1 * s2 - s1 * r2) / det)
    y = np.where(parallel, np.nan, (c1 * r2 - r1 * c2) / det)
    return np.stack([x, y], axis=-1)


def _on_image_border(p: np.ndarray, q: np.ndarray, width: int, height: int) -> bool:
    margin = 3
    both = np.array([p, q])
    return bool(
        (both[:, 0] < margin).all()
        or (both[:, 0] > width - 1 - margin).all()
        or (both[:, 1] < margin).all()
        or (both[:, 1] > height - 1 - margin).all()
    )


# --- refinement at full resolution ---------------------------------------------------------


def refine_quad(
    image: np.ndarray, quad: np.ndarray, level: tuple[np.ndarray, float] | None = None
) -> np.ndarray:
    """Move each side onto its edge, coarse to fine, ending on the full-resolution image.

    Each pass searches a narrow band around the current side (a few pixels of the previous
    level), so a shadow or a table edge further away cannot capture the side. `level` is the
    image already reduced to about REFINE_SIZE (and its scale), when the caller has it. The
    passes sample the colour images along the sides only: neither the 12 MP photo nor its
    reduced copy is converted to grey as a whole.
    """
    height, width = image.shape[:2]
    long_side = max(height, width)
    quad = np.asarray(quad, dtype=np.float64)
    previous_pixel = long_side / WORK_SIZE  # size of one pixel of the detection image
    reduced, scale = level if level is not None else shrink(image, REFINE_SIZE)
    if scale < 1.0:
        radius = max(3.0, 2.5 * previous_pixel * scale)
        quad = _refine_level(reduced, quad * scale, radius, local=False) / scale
        previous_pixel = 1.0 / scale
    radius = max(3.0, 2.5 * previous_pixel)
    quad = _refine_level(image, quad, radius, local=True)
    return quad


def _refine_level(gray: np.ndarray, quad: np.ndarray, radius: float, local: bool) -> np.ndarray:
    """One pass: a robust line per side; with `local`, each corner uses the part of its two
    sides nearest to it (a curled or bent sheet has no single straight side)."""
    height, width = gray.shape[:2]
    whole: list = []
    near_start: list = []
    near_end: list = []
    for i in range(4):
        p, q = quad[i], quad[(i + 1) % 4]
        fallback = _line_through(p, q)
        if _on_image_border(p, q, width, height):
            whole.append(fallback)
            near_start.append(fallback)
            near_end.append(fallback)
            continue
        points, fraction = _edge_points(gray, p, q, radius)
        line = _robust_line(points) if len(points) >= 8 else None
        whole.append(line or fallback)
        for store, part in ((near_start, fraction < 0.45), (near_end, fraction > 0.55)):
            part_line = _robust_line(points[part]) if local and part.sum() >= 12 else None
            store.append(part_line or whole[-1])
    if local:
        refined = np.array([_intersect(near_end[i - 1], near_start[i]) for i in range(4)])
    else:
        refined = np.array([_intersect(whole[i - 1], whole[i]) for i in range(4)])
    if not np.isfinite(refined).all():
        return quad
    moved = np.linalg.norm(refined - quad, axis=1).max()
    if moved > 4 * radius or not cv2.isContourConvex(refined.astype(np.float32)):
        return quad
    return refined


def _line_through(p: np.ndarray, q: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    direction = (q - p) / (np.linalg.norm(q - p) + 1e-12)
    return np.asarray(p, dtype=np.float64), direction


def _intersect(a, b) -> np.ndarray:
    (p, d), (q, e) = a, b
    matrix = np.array([[d[0], -e[0]], [d[1], -e[1]]])
    if abs(np.linalg.det(matrix)) < 1e-9:
        return np.array([np.nan, np.nan])
    t, _ = np.linalg.solve(matrix, q - p)
    return p + t * d


def _edge_points(
    gray: np.ndarray, p: np.ndarray, q: np.ndarray, radius: float
) -> tuple[np.ndarray, np.ndarray]:
    """Sub-pixel edge positions along the side p->q, and where along it (0..1) each lies."""
    radius = float(radius)
    direction = (q - p) / (np.linalg.norm(q - p) + 1e-12)
    normal = np.array([-direction[1], direction[0]])
    length = float(np.linalg.norm(q - p))
    samples = int(np.clip(length / 8, 20, 200))
    fraction = np.linspace(0.04, 0.96, samples)
    t = fraction * length
    offsets = np.arange(-2 * radius, 2 * radius + 0.5, 1.0)
    base = p[None, :] + t[:, None] * direction[None, :]
    coords = base[:, None, :] + offsets[None, :, None] * normal[None, None, :]
    map_x = coords[:, :, 0].astype(np.float32)
    map_y = coords[:, :, 1].astype(np.float32)
    profiles = cv2.remap(gray, map_x, map_y, cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
    if profiles.ndim == 3:  # sampled from the colour image: grey only what was sampled
        profiles = cv2.cvtColor(profiles, cv2.COLOR_RGB2GRAY)
    profiles = cv2.GaussianBlur(profiles.astype(np.float32), (1, 0), sigmaX=1.5, sigmaY=0.1)
    # prefer the edge nearest the current side: weight by distance from it
    derivative = np.gradient(profiles, axis=1) * np.exp(-0.5 * (offsets / radius) ** 2)[None, :]
    # the page is on one side of the edge: keep the polarity most samples agree on
    sign = 1.0 if np.sum(np.max(derivative, axis=1)) >= np.sum(-np.min(derivative, axis=1)) else -1
    signed = derivative * sign
    peak = np.argmax(signed, axis=1)
    strength = signed[np.arange(samples), peak]
    keep = (peak > 0) & (peak < len(offsets) - 1) & (strength > 0.25 * np.median(strength) + 1)
    rows = np.arange(samples)[keep]
    centre = peak[keep]
    left, mid, right = (signed[rows, centre - 1], signed[rows, centre], signed[rows, centre + 1])
    denominator = left - 2 * mid + right
    shift = np.where(np.abs(denominator) > 1e-6, 0.5 * (left - right) / denominator, 0.0)
    found = offsets[centre] + np.clip(shift, -0.5, 0.5)
    return base[rows] + found[:, None] * normal[None, :], fraction[rows]


def _robust_line(points: np.ndarray):
    """A line (origin, unit direction) through the points, ignoring outliers.

    Total least squares (cv2.fitLine, DIST_L2); points beyond 2.5 median distances are
    dropped and the line fitted again, at most three times.
    """
    pts = np.asarray(points, dtype=np.float64)
    for _ in range(3):
        vx, vy, x0, y0 = cv2.fitLine(pts.astype(np.float32), cv2.DIST_L2, 0, 0.01, 0.01).ravel()
        d, origin = np.array([vx, vy], dtype=np.float64), np.array([x0, y0], dtype=np.float64)
        distance = np.abs((pts - origin) @ np.array([-d[1], d[0]]))
        limit = max(1.0, 2.5 * float(np.median(distance)))
        inliers = distance <= limit
        if inliers.all() or inliers.sum() < 8:
            break
        pts = pts[inliers]
    return origin, d
