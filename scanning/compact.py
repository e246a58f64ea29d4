"""Compact colour pages: mixed raster content (MRC), as in DjVu and scanners' "compact PDF".

A cleaned document page is split into three layers, each stored with a filter every PDF viewer
reads:
- the mask: which pixels are ink (text, lines, strokes, seals, signatures), 1 bit per pixel at
  300 DPI (finer than the page), CCITT Group 4 (Pillow writes it through libtiff);
- the foreground: the colour of the ink, a small JPEG (a quarter of the page's resolution),
  painted through the mask (explicit /Mask): black text stays black, a red seal red, a blue
  signature blue, with edges as sharp as the mask;
- the background: everything that is not ink (paper, pale pencil, ruled lines too faint to be
  ink, photos and large colour areas) at half the page's resolution (100 DPI), a JPEG.

Nothing on the page is dropped: a pixel the mask does not take stays in the background, only
blurred to 100 DPI. Large dark areas (a portrait on an ID card, a filled box) are kept out of the
mask, so they stay in the background like a photo, never posterised into ink colour.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import cv2
import numpy as np
from PIL import Image

MASK_DPI = 300.0  # the mask is never coarser than the page: max(page DPI, MASK_DPI)
FOREGROUND_FACTOR = 4  # ink colour at a quarter of the page resolution (50 DPI at 200)
BACKGROUND_FACTOR = 2  # paper and pictures at half (100 DPI at 200)
FOREGROUND_QUALITY = 40
BACKGROUND_QUALITY = 40
INK_FLOOR = 28  # darkness (255 - min(R, G, B)) below which a pixel is paper, never ink
CORE_SHARE = 0.8  # a stroke's core (this share of the darkest near it) gives the ink colour
INK_SHARE = 0.5  # a pixel is ink when it reaches this share of the darkest ink near it
PICTURE_DENSITY = 0.55  # share of ink in a 2.5 mm cell above which the cell is a picture
FILL_LEVELS = 6  # pyramid levels of the hole filling (64 x the layer's pixel)
PICTURE_MIN_MM = 8.0  # pictures smaller than this (in both directions) are ink, not photos


@dataclass(frozen=True)
class MrcLayers:
    """The three layers of a compact page (bytes as they go into the PDF)."""

    mask: bytes  # CCITT Group 4, K=-1, one strip
    mask_size: tuple[int, int]  # (width, height) in pixels
    black_is_1: bool  # CCITT /BlackIs1 for this mask (how libtiff wrote it)
    foreground: bytes  # JPEG (DCTDecode)
    foreground_size: tuple[int, int]
    background: bytes  # JPEG (DCTDecode)
    background_size: tuple[int, int]
    picture_share: float  # share of the page that is pictures (not ink, not at its edges)

    @property
    def size(self) -> int:
        return len(self.mask) + len(self.foreground) + len(self.background)


def darkness(image: np.ndarray) -> np.ndarray:
    """255 - min(R, G, B): 0 on white paper, high on any ink (black, blue, red, green)."""
    if image.ndim == 2:
        return cv2.bitwise_not(image)
    lowest = cv2.min(cv2.min(image[:, :, 0], image[:, :, 1]), image[:, :, 2])
    return cv2.bitwise_not(lowest)  # 255 - x for uint8


def picture_mask(dark: np.ndarray, dpi: float) -> tuple[np.ndarray, float]:
    """Cells (2.5 mm) of large, dense dark areas: photos and filled areas, not strokes; and
    the share of the page they cover away from its edges.

    Returned at the page's size (bool). Handwriting and print never fill half of a cell over
    a whole 8 mm area; a portrait, a coloured box or a large filled seal does. Dense areas
    touching the page's edge (the table beside a flat scan, a dark margin) are kept out of the
    mask too, but are not pictures on the page: they do not count in the share.
    """
    height, width = dark.shape
    cell = max(4, round(dpi * 2.5 / 25.4))
    cells = (max(1, width // cell), max(1, height // cell))
    inked = cv2.compare(dark, INK_FLOOR, cv2.CMP_GT)  # 0 / 255
    density = cv2.resize(inked, cells, interpolation=cv2.INTER_AREA)
    dense = (density > PICTURE_DENSITY * 255).astype(np.uint8)
    size = max(1, round(PICTURE_MIN_MM / 2.5))
    kernel = np.ones((size, size), np.uint8)
    dense = cv2.dilate(cv2.erode(dense, kernel), kernel)  # only areas at least size x size
    if not dense.any():
        return np.zeros(dark.shape, bool), 0.0
    _count, _labels, stats, _centres = cv2.connectedComponentsWithStats(dense, connectivity=8)
    x, y, w, h = (stats[1:, i] for i in range(4))
    at_edge = (x == 0) | (y == 0) | (x + w == cells[0]) | (y + h == cells[1])
    inner = float(stats[1:, cv2.CC_STAT_AREA][~at_edge].sum()) / (cells[0] * cells[1])
    dense = cv2.dilate(dense, np.ones((3, 3), np.uint8))  # and their anti-aliased rim
    return cv2.resize(dense, (width, height), interpolation=cv2.INTER_NEAREST) > 0, inner


def paper_darkness(dark: np.ndarray) -> np.ndarray:
    """The darkness of the paper under the ink: the lightest value within about 3 mm (larger
    than any stroke), smoothed; 0 on white paper, the tint on coloured paper."""
    small = _halve(_halve(dark))
    paper = cv2.erode(small, cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (7, 7)))
    paper = cv2.blur(cv2.dilate(paper, np.ones((5, 5), np.uint8)), (5, 5))
    paper = cv2.resize(paper, (dark.shape[1], dark.shape[0]), interpolation=cv2.INTER_LINEAR)
    return cv2.min(paper, dark)


def ink_mask(dark: np.ndarray, scale: float) -> np.ndarray:
    """1-bit ink at `scale` times the page's resolution (uint8, 255 = ink).

    A pixel is ink when it is darker than INK_FLOOR and reaches INK_SHARE of the darkest ink
    around it (5x5): each stroke is cut at its own half-contrast, a pale pencil line as well as
    black print, so strokes keep their width. The threshold is interpolated to the finer grid
    with the darkness, so edges fall between the page's pixels.
    """
    local = cv2.dilate(dark, np.ones((5, 5), np.uint8))
    threshold = cv2.max(_share(local, INK_SHARE), INK_FLOOR)
    if abs(scale - 1.0) > 1e-6:
        height, width = dark.shape
        size = (max(1, round(width * scale)), max(1, round(height * scale)))
        dark = cv2.resize(dark, size, interpolation=cv2.INTER_LINEAR)
        threshold = cv2.resize(threshold, size, interpolation=cv2.INTER_LINEAR)
    return cv2.compare(dark, threshold, cv2.CMP_GT)


def _share(image: np.ndarray, share: float, rounding=np.floor) -> np.ndarray:
    """rounding(image * share) in uint8, in one pass: floor is the float product cast to
    uint8 (x > floor(p) as x > p), ceil what x >= p compares integers with."""
    table = rounding(np.arange(256) * share).astype(np.uint8)
    return cv2.LUT(image, table)


def _halve(image: np.ndarray) -> np.ndarray:
    """Average of 2x2 cells (OpenCV's fast path for an exact factor); odd sizes padded with
    zeros, which carry no weight."""
    height, width = image.shape[:2]
    if height % 2 or width % 2:
        image = cv2.copyMakeBorder(image, 0, height % 2, 0, width % 2, cv2.BORDER_CONSTANT, 0)
    size = (image.shape[1] // 2, image.shape[0] // 2)
    return cv2.resize(image, size, interpolation=cv2.INTER_AREA)


def fill_holes(values: np.ndarray, weights: np.ndarray, levels: int = FILL_LEVELS) -> np.ndarray:
    """values/weights where weights > 0, elsewhere the average of the nearest known values
    (pull-push over an image pyramid): smooth layers compress to almost nothing in JPEG.
    `values` are premultiplied by `weights`: float32 (H x W x 3, and H x W in 0..1), or uint8
    (weights 0..255): then the finest level, the largest, stays uint8 and so does the result
    (rounded as the float path rounds it at the end)."""
    height, width = weights.shape
    step = 2**levels
    pad = ((-height) % step, (-width) % step)
    v, w = values, weights
    if pad != (0, 0):
        v = cv2.copyMakeBorder(values, 0, pad[0], 0, pad[1], cv2.BORDER_CONSTANT, value=0)
        w = cv2.copyMakeBorder(weights, 0, pad[0], 0, pad[1], cv2.BORDER_CONSTANT, value=0)
    if v.dtype == np.uint8:
        below = fill_holes(_halve(v).astype(np.float32),
                           _halve(w).astype(np.float32) * (1 / 255.0), levels - 1)  # fmt: skip
        coarse = cv2.resize(below, (w.shape[1], w.shape[0]), interpolation=cv2.INTER_LINEAR)
        quotient = cv2.divide(v, cv2.merge([w, w, w]), scale=255)  # rounded; 0 where w is 0
        filled = cv2.copyTo(quotient, cv2.compare(w, 0, cv2.CMP_GT), cv2.convertScaleAbs(coarse))
        return filled[:height, :width]
    pyramid = []
    for _ in range(levels):
        pyramid.append((v, w))
        v, w = _halve(v), _halve(w)
    total = float(w.sum())
    mean = v.reshape(-1, 3).sum(axis=0) / total if total > 0 else np.full(3, 255.0)
    filled = np.empty_like(v)
    filled[:] = mean.astype(np.float32)
    filled = _known(v, w, filled)
    for v, w in reversed(pyramid):
        coarse = cv2.resize(filled, (w.shape[1], w.shape[0]), interpolation=cv2.INTER_LINEAR)
        filled = _known(v, w, coarse)
    return filled[:height, :width]


def _known(values: np.ndarray, weights: np.ndarray, fill: np.ndarray) -> np.ndarray:
    """`fill` with values/weights copied in where weights > 0 (OpenCV: no temporaries of the
    size of the layer beyond the quotient)."""
    known = cv2.compare(weights, 1e-6, cv2.CMP_GT)
    quotient = cv2.divide(values, cv2.merge([weights, weights, weights]))
    return cv2.copyTo(quotient, known, fill)


def _reduce(image: np.ndarray, keep: np.ndarray, factor: int) -> np.ndarray:
    """Average colour of the `keep` pixels (uint8, non-zero = keep) over factor x factor cells
    (factor a power of two), cells without any filled from their neighbours (uint8 RGB).

    The first halving runs on uint8 (premultiplied colour and 0/255 weight, exact to half a
    level), the rest on float32 at a quarter of the size; a layer at half the page's
    resolution (the paper) is filled in uint8 at its own level. The page is written once into
    zeroed buffers already padded for every level of the pyramid (padding with zeros, which
    carry no weight, costs no copy).
    """
    height, width = keep.shape
    step = factor * 2**FILL_LEVELS
    padded = (height + (-height) % step, width + (-width) % step)
    weighted = np.zeros((*padded, 3), np.uint8)
    total = np.zeros(padded, np.uint8)
    cv2.compare(keep, 0, cv2.CMP_GT, dst=total[:height, :width])
    cv2.bitwise_and(image, image, dst=weighted[:height, :width], mask=total[:height, :width])
    weighted, total = _halve(weighted), _halve(total)
    if factor > 2:  # further halvings in float: a sparse cell would lose its colour in uint8
        weighted, total = weighted.astype(np.float32), total.astype(np.float32) * (1 / 255.0)
        for _ in range(factor.bit_length() - 2):
            weighted, total = _halve(weighted), _halve(total)
    filled = fill_holes(weighted, total)[: -(-height // factor), : -(-width // factor)]
    if filled.dtype != np.uint8:
        filled = cv2.convertScaleAbs(filled)  # rounded, saturated to uint8
    return np.ascontiguousarray(filled)


def encode_g4(ink: np.ndarray) -> tuple[bytes, bool]:
    """CCITT Group 4 data of a 1-bit image (non-zero = ink, painted) and its /BlackIs1 value."""
    height, width = ink.shape
    paper = cv2.compare(ink, 0, cv2.CMP_EQ) if ink.dtype == np.uint8 else ~ink
    picture = Image.frombytes("1", (width, height), np.packbits(paper, axis=1).tobytes())
    buffer = io.BytesIO()
    picture.save(buffer, "TIFF", compression="group4", strip_size=2**31 - 1)
    buffer.seek(0)
    with Image.open(buffer) as tiff:
        offsets, counts = tiff.tag_v2[273], tiff.tag_v2[279]
        photometric = tiff.tag_v2.get(262, 0)
    if len(offsets) != 1:
        raise ValueError("libtiff wrote the mask in several strips")
    data = buffer.getvalue()[offsets[0] : offsets[0] + counts[0]]
    # TIFF min-is-black (1): libtiff coded our black (0) pixels as CCITT "white" runs
    return data, photometric == 1


def encode_mrc(image: np.ndarray, dpi: float, jpeg) -> MrcLayers:
    """The three layers of a cleaned page (RGB or gray uint8); `jpeg(image, q, dpi)` encodes."""
    if image.ndim == 2:
        image = cv2.cvtColor(image, cv2.COLOR_GRAY2RGB)
    dark = darkness(image)
    pictures, picture_share = picture_mask(dark, dpi)
    # ink is darker than the paper around it: on tinted paper or a card's printed background
    # the tint stays in the background layer and only the print goes to the mask
    dark = cv2.subtract(dark, paper_darkness(dark))
    if pictures.any():
        dark[pictures] = 0
    scale = max(1.0, MASK_DPI / dpi)
    ink = ink_mask(dark, scale)
    mask, black_is_1 = encode_g4(ink)

    # ink colour from the core of each stroke (its edges mix with the paper)
    local = cv2.dilate(dark, np.ones((5, 5), np.uint8))
    strong = cv2.compare(dark, _share(local, CORE_SHARE, np.ceil), cv2.CMP_GE)
    core = cv2.bitwise_and(cv2.compare(dark, INK_FLOOR, cv2.CMP_GT), strong)
    foreground = _reduce(image, core, FOREGROUND_FACTOR)
    # paper: everything but ink and its anti-aliased rim
    inked = cv2.compare(dark, INK_FLOOR // 2, cv2.CMP_GT)
    paper = cv2.bitwise_not(cv2.dilate(inked, np.ones((7, 7), np.uint8)))
    if pictures.any():
        paper[pictures] = 255
    background = _reduce(image, paper, BACKGROUND_FACTOR)
    # full chroma (4:4:4): at 50 DPI, halving the colour again would mix a red word with the
    # blue ruled line under it
    fg_data = jpeg(foreground, FOREGROUND_QUALITY, dpi / FOREGROUND_FACTOR, 0)
    bg_data = jpeg(background, BACKGROUND_QUALITY, dpi / BACKGROUND_FACTOR)
    return MrcLayers(
        mask=mask,
        mask_size=(ink.shape[1], ink.shape[0]),
        black_is_1=black_is_1,
        foreground=fg_data,
        foreground_size=(foreground.shape[1], foreground.shape[0]),
        background=bg_data,
        background_size=(background.shape[1], background.shape[0]),
        picture_share=picture_share,
    )


def decode_g4(layers: MrcLayers) -> np.ndarray:
    """The mask back as a bool array (True = ink), through libtiff: for tests and benchmarks."""
    import struct

    width, height = layers.mask_size
    entries = [
        (256, 4, 1, width), (257, 4, 1, height), (258, 3, 1, 1), (259, 3, 1, 4),
        (262, 3, 1, 1 if layers.black_is_1 else 0), (273, 4, 1, 0), (277, 3, 1, 1),
        (278, 4, 1, height), (279, 4, 1, len(layers.mask)),
    ]  # fmt: skip
    header_size = 8 + 2 + 12 * len(entries) + 4
    ifd = struct.pack("<H", len(entries))
    for tag, kind, count, value in entries:
        if tag == 273:
            value = header_size
        packed = struct.pack("<HHI", tag, kind, count)
        packed += struct.pack("<HH", value, 0) if kind == 3 else struct.pack("<I", value)
        ifd += packed
    tiff = b"II*\x00" + struct.pack("<I", 8) + ifd + b"\x00\x00\x00\x00" + layers.mask
    with Image.open(io.BytesIO(tiff)) as picture:
        pixels = np.asarray(picture.convert("L"))
    return pixels < 128


def composite(layers: MrcLayers, size: tuple[int, int]) -> np.ndarray:
    """The page as a viewer paints it, at `size` (width, height): background, then the
    foreground through the mask, area-averaged to the output grid (for tests and benchmarks)."""

    def decoded(data: bytes) -> np.ndarray:
        with Image.open(io.BytesIO(data)) as picture:
            return np.asarray(picture.convert("RGB"))

    ink = decode_g4(layers)
    grid = (ink.shape[1], ink.shape[0])
    background = cv2.resize(decoded(layers.background), grid, interpolation=cv2.INTER_LINEAR)
    foreground = cv2.resize(decoded(layers.foreground), grid, interpolation=cv2.INTER_LINEAR)
    painted = np.where(ink[..., None], foreground, background)
    return cv2.resize(painted, size, interpolation=cv2.INTER_AREA)
