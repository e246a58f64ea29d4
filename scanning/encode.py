"""Encode page images to fit a byte budget, and assemble them into a PDF without re-encoding.

Colour and grey pages become JPEG; black-and-white pages become 1-bit PNG (lossless, stored
as Flate in the PDF). Compact pages (mode "compact", and colour text pages where it wins) are
mixed raster content, scanning.compact: a 1-bit CCITT G4 ink mask at 300 DPI, the ink colours
and the paper as two small JPEGs; a colour text page is compact unless it holds a picture
(over 2 % of the page) or the compact layers exceed the budget (or half the soft size).
To meet a budget the JPEG quality is lowered first (down to 60), then the
resolution (down to 150 DPI); a page that still does not fit is kept at the floor and flagged.
Without a budget, a cleaned document page still aims at a soft size (250 KB for an A4 page at
200 DPI) by lowering the quality only, never below 60 and never the resolution: sparse pages
keep the full quality, dense handwriting gives up a little (text stays legible, bench/scan).

JPEG tables: mozjpeg's default luminance table (N. Robidoux's, tuned on perceived quality) with
the standard chrominance table, both scaled by quality as libjpeg does: about 9 % smaller than
libjpeg's tables at the same quality setting on document pages, at the same text SSIM per byte.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
from PIL import Image

from common.errors import OutputError
from common.fsutil import atomic_output
from common.i18n import _
from scanning.compact import FOREGROUND_QUALITY, MrcLayers, encode_mrc

MIN_QUALITY = 60
MAX_QUALITY = 85
#: starting JPEG quality per mode: cleaned documents (white paper) look the same at 75
DEFAULT_QUALITY = {"color": 75, "gray": 75, "original": 85}
MIN_DPI = 150
POINTS_PER_MM = 72.0 / 25.4
#: soft size of a cleaned colour/grey page without a budget, per million pixels
#: (250 KB for an A4 page at 200 DPI, 1654 x 2339 pixels)
SOFT_BYTES_PER_MEGAPIXEL = 250_000 / (1654 * 2339 / 1e6)
SOFT_TARGET_MODES = ("color", "gray")

# natural (row-major) order, as Pillow takes them
_LUMA_TABLE = (
    16, 16, 16, 18, 25, 37, 56, 85,
    16, 17, 20, 27, 34, 40, 53, 75,
    16, 20, 24, 31, 43, 62, 91, 135,
    18, 27, 31, 40, 53, 74, 106, 156,
    25, 34, 43, 53, 69, 94, 131, 189,
    37, 40, 62, 74, 94, 124, 169, 238,
    56, 53, 91, 106, 131, 169, 226, 311,
    85, 75, 135, 156, 189, 238, 311, 418,
)  # fmt: skip
_CHROMA_TABLE = (
    17, 18, 24, 47, 99, 99, 99, 99,
    18, 21, 26, 66, 99, 99, 99, 99,
    24, 26, 56, 99, 99, 99, 99, 99,
    47, 66, 99, 99, 99, 99, 99, 99,
) + (99,) * 32  # fmt: skip


def _scaled_table(table: tuple[int, ...], quality: int) -> list[int]:
    """libjpeg's quality scaling (jpeg_quality_scaling), clamped to baseline's 1..255."""
    quality = min(100, max(1, int(quality)))
    percent = 5000 // quality if quality < 50 else 200 - 2 * quality
    return [min(255, max(1, (value * percent + 50) // 100)) for value in table]


def quantization_tables(quality: int, gray: bool = False) -> list[list[int]]:
    luma = _scaled_table(_LUMA_TABLE, quality)
    return [luma] if gray else [luma, _scaled_table(_CHROMA_TABLE, quality)]


#: a colour page is compact only if its pictures (photos, filled areas) stay under this share
COMPACT_PICTURE_LIMIT = 0.02
#: ... and its layers under this share of the soft size when no budget is given
COMPACT_SOFT_SHARE = 0.5


@dataclass(frozen=True)
class EncodedPage:
    data: bytes  # the JPEG or PNG; empty for "mrc" (see layers)
    kind: str  # "jpeg", "png" or "mrc"
    width_px: int
    height_px: int
    dpi: float
    quality: int  # JPEG quality; 0 for lossless
    size_mm: tuple[float, float]
    over_budget: bool = False
    layers: MrcLayers | None = None  # kind "mrc": mask, foreground and background

    @property
    def size(self) -> int:
        return self.layers.size if self.layers is not None else len(self.data)


def encode_jpeg(image: np.ndarray, quality: int, dpi: float, subsampling: int = 2) -> bytes:
    picture = Image.fromarray(image, "L" if image.ndim == 2 else "RGB")
    buffer = io.BytesIO()
    # 4:2:0 chroma is invisible on documents; optimised progressive Huffman coding saves
    # another 10-15 % on text pages at no cost in quality
    tables = quantization_tables(quality, gray=image.ndim == 2)
    picture.save(buffer, "JPEG", qtables=tables, dpi=(dpi, dpi), subsampling=subsampling,
                 optimize=True, progressive=True)  # fmt: skip
    return buffer.getvalue()


def encode_bilevel_png(image: np.ndarray, dpi: float) -> bytes:
    picture = Image.fromarray(image, "L").point(lambda v: 255 if v >= 128 else 0).convert("1")
    buffer = io.BytesIO()
    picture.save(buffer, "PNG", optimize=True, dpi=(dpi, dpi))
    return buffer.getvalue()


def _resample(image: np.ndarray, factor: float) -> np.ndarray:
    if abs(factor - 1.0) < 1e-6:
        return image
    height, width = image.shape[:2]
    size = (max(1, round(width * factor)), max(1, round(height * factor)))
    return cv2.resize(image, size, interpolation=cv2.INTER_AREA)


def encode_page(
    image: np.ndarray,
    mode: str,
    dpi: float,
    size_mm: tuple[float, float],
    budget: int | None = None,
    quality: int | None = None,
    *,
    min_quality: int = MIN_QUALITY,
    floor_quality: int | None = None,
    auto_compact: bool = True,
) -> EncodedPage:
    """Encode one page, searching quality then resolution when a byte budget is given.

    At each resolution the quality goes down to `min_quality`; at the resolution floor it may
    go further, to `floor_quality` (a last resort: packaging allows it, scans do not).
    Mode "compact" is MRC unless only JPEG fits the budget; mode "color" is MRC when
    `auto_compact` and the page is text (see compact_wins).
    """
    if mode == "compact" or (mode == "color" and auto_compact):
        compact = encode_compact(image, dpi, size_mm)
        if mode == "compact" and (budget is None or compact.size <= budget):
            return compact
        if mode == "color" and compact_wins(compact, budget):
            return compact
        jpeg = encode_page(image, "color", dpi, size_mm, budget, quality,
                           min_quality=min_quality, floor_quality=floor_quality,
                           auto_compact=False)  # fmt: skip
        if jpeg.over_budget and compact.size < jpeg.size:  # the smaller wins at the limit
            fits = budget is not None and compact.size <= budget
            return compact if fits else EncodedPage(**{**compact.__dict__, "over_budget": True})
        return jpeg
    lossless = mode == "bw"
    quality = quality or DEFAULT_QUALITY.get(mode, MAX_QUALITY)
    if budget is None and mode in SOFT_TARGET_MODES and not lossless:
        soft = int(SOFT_BYTES_PER_MEGAPIXEL * image.shape[0] * image.shape[1] / 1e6)
        return _best_quality(image, dpi, size_mm, soft, quality, min_quality)
    resolutions = [dpi]
    if budget:
        step = dpi
        while step * 0.85 > MIN_DPI:
            step *= 0.85
            resolutions.append(step)
        if resolutions[-1] > MIN_DPI and dpi > MIN_DPI:
            resolutions.append(float(MIN_DPI))
    best: EncodedPage | None = None
    for target_dpi in resolutions:
        scaled = _resample(image, target_dpi / dpi)
        if lossless:
            candidate = _page(encode_bilevel_png(scaled, target_dpi), "png", scaled,
                              target_dpi, 0, size_mm)  # fmt: skip
        else:
            lowest = min_quality
            if target_dpi == resolutions[-1] and floor_quality is not None:
                lowest = min(min_quality, floor_quality)
            candidate = _best_quality(scaled, target_dpi, size_mm, budget, quality, lowest)
        if budget is None or candidate.size <= budget:
            return candidate
        if best is None or candidate.size < best.size:
            best = candidate
    assert best is not None
    return EncodedPage(**{**best.__dict__, "over_budget": True})


def encode_compact(image: np.ndarray, dpi: float, size_mm: tuple[float, float]) -> EncodedPage:
    """A page as mixed raster content (scanning.compact): mask, ink colours, paper."""
    layers = encode_mrc(image, dpi, encode_jpeg)
    height, width = image.shape[:2]
    return EncodedPage(b"", "mrc", width, height, float(dpi), FOREGROUND_QUALITY, size_mm,
                       layers=layers)  # fmt: skip


def compact_wins(compact: EncodedPage, budget: int | None) -> bool:
    """A colour page stays compact when it is text: pictures under COMPACT_PICTURE_LIMIT of
    the page, and the layers within the budget (or half the soft size without one; plain JPEG
    of a text page measured 2.7-4x the compact layers, bench/scan).

    The soft size is that of the page at 200 DPI or more (the mask is 300 DPI at any page
    resolution, so a preview decides as the full-size page does)."""
    assert compact.layers is not None
    if compact.layers.picture_share > COMPACT_PICTURE_LIMIT:
        return False
    if budget is not None:
        return compact.size <= budget
    scale = max(1.0, 200.0 / compact.dpi) ** 2
    soft = SOFT_BYTES_PER_MEGAPIXEL * compact.width_px * compact.height_px * scale / 1e6
    return compact.size <= COMPACT_SOFT_SHARE * soft


def _page(data, kind, image, dpi, quality, size_mm) -> EncodedPage:
    height, width = image.shape[:2]
    return EncodedPage(data, kind, width, height, float(dpi), quality, size_mm)


#: JPEG bytes lost per quality step below the starting one, as a share of its size (measured
#: on dense document pages: 0.93 at -5, 0.87 at -10, 0.82 at -15; sparse pages lose less)
_SHARE_PER_QUALITY_STEP = 0.012


def _best_quality(image, dpi, size_mm, budget, quality, lowest=MIN_QUALITY) -> EncodedPage:
    """The highest quality (lowest..quality) that fits the budget, or `lowest`.

    Size falls almost linearly with quality, so the quality is predicted from the size at the
    starting one, encoded, and stepped down while it does not fit (2 encodes for most document
    pages); a result far under the budget is interpolated back up once.
    """

    def encoded(q: int) -> EncodedPage:
        return _page(encode_jpeg(image, q, dpi), "jpeg", image, dpi, q, size_mm)

    top = encoded(quality)
    if budget is None or top.size <= budget or quality <= lowest:
        return top
    steps_needed = (1 - budget / top.size) / _SHARE_PER_QUALITY_STEP
    guess = max(lowest, min(quality - 1, quality - math.ceil(steps_needed)))
    attempt = encoded(guess)
    while attempt.size > budget and guess > lowest:
        guess = max(lowest, guess - 2)
        attempt = encoded(guess)
    if attempt.size < 0.9 * budget and guess < quality - 1:
        # far under: photos lose bytes faster than documents; interpolate back up once
        share = (budget - attempt.size) / max(1, top.size - attempt.size)
        better = guess + int(share * (quality - guess))
        if better > guess:
            second = encoded(better)
            if second.size <= budget:
                return second
    return attempt


def write_pdf(pages: list[EncodedPage], output: Path, title: str = "") -> None:
    """One PDF page per encoded image, page size = physical size; bytes embedded unchanged."""
    import pymupdf

    doc = pymupdf.open()
    for page in pages:
        width_pt, height_pt = (page.size_mm[0] * POINTS_PER_MM, page.size_mm[1] * POINTS_PER_MM)
        pdf_page = doc.new_page(width=width_pt, height=height_pt)
        place(doc, pdf_page, pdf_page.rect, page)
    save_pdf(doc, output, title)


def place(doc, pdf_page, rect, page: EncodedPage) -> None:
    """Draw an encoded page into `rect`: one image, or the background then the ink colours
    through the 1-bit mask (PDF explicit masking, /Mask: every viewer since PDF 1.3)."""
    if page.layers is None:
        pdf_page.insert_image(rect, stream=page.data)
        return
    layers = page.layers
    pdf_page.insert_image(rect, stream=layers.background, keep_proportion=False)
    width, height = layers.mask_size
    black = "true" if layers.black_is_1 else "false"
    mask = _image_xobject(doc, layers.mask, {
        "Width": str(width), "Height": str(height), "ImageMask": "true",
        "BitsPerComponent": "1", "Filter": "/CCITTFaxDecode",
        "DecodeParms": f"<< /K -1 /Columns {width} /Rows {height} /BlackIs1 {black} >>",
    })  # fmt: skip
    fg_width, fg_height = layers.foreground_size
    colour = _image_xobject(doc, layers.foreground, {
        "Width": str(fg_width), "Height": str(fg_height), "ColorSpace": "/DeviceRGB",
        "BitsPerComponent": "8", "Filter": "/DCTDecode", "Mask": f"{mask} 0 R",
    })  # fmt: skip
    pdf_page.insert_image(rect, xref=colour, keep_proportion=False)


def _image_xobject(doc, data: bytes, keys: dict[str, str]) -> int:
    """A new image XObject holding `data` as it is (already encoded: no re-compression)."""
    xref = doc.get_new_xref()
    doc.update_object(xref, "<< /Type /XObject /Subtype /Image >>")
    doc.update_stream(xref, data, compress=0)  # this drops /Filter: set it afterwards
    for key, value in keys.items():
        doc.xref_set_key(xref, key, value)
    return xref


def write_card_sheet(front: EncodedPage, back: EncodedPage, output: Path, title: str = "") -> None:
    """Front and back of an ID card at true size on one A4 page, as a photocopy would."""
    import pymupdf

    doc = pymupdf.open()
    page = doc.new_page(width=210 * POINTS_PER_MM, height=297 * POINTS_PER_MM)
    for index, card in enumerate((front, back)):
        width_pt = card.size_mm[0] * POINTS_PER_MM
        height_pt = card.size_mm[1] * POINTS_PER_MM
        left = (page.rect.width - width_pt) / 2
        top = page.rect.height * (0.16 + 0.36 * index)
        rect = pymupdf.Rect(left, top, left + width_pt, top + height_pt)
        place(doc, page, rect, card)
    save_pdf(doc, output, title)


def save_pdf(doc, output: Path, title: str = "") -> None:
    doc.set_metadata({"title": title, "producer": "Hồ sơ số", "creator": "Hồ sơ số"})
    try:
        with atomic_output(Path(output), private=False) as tmp:
            doc.save(tmp, garbage=3, deflate=True)
    except OSError as exc:
        raise OutputError(
            _("Could not write the file: {reason}").format(reason=exc.strerror or exc),
            path=output,
        ) from exc
    finally:
        doc.close()


def encode_lossless_png(image: np.ndarray, dpi: float) -> bytes:
    """A lossless copy (scanner originals kept in the dossier)."""
    picture = Image.fromarray(image, "L" if image.ndim == 2 else "RGB")
    buffer = io.BytesIO()
    picture.save(buffer, "PNG", dpi=(dpi, dpi), compress_level=6)
    return buffer.getvalue()
