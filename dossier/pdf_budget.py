"""Page images of a PDF re-encoded to a byte budget: quality first, then resolution, never below
MIN_DPI; sizes predicted on quarter-size proxies, checked on the saved file."""

from __future__ import annotations

import io
from dataclasses import dataclass

import pymupdf
from PIL import Image
from pymupdf import mupdf

from dossier.pdf_pages import MIN_DPI, POINTS_PER_INCH, _object, encode_image

#: JPEG qualities tried from best to worst at each resolution step (quality first); below 55
#: text gets blocky, so lower ones are a last resort at the resolution floor only
QUALITIES = (85, 75, 65, 55)
LAST_RESORT_QUALITIES = (45, 35)
#: resolution caps tried after the qualities at full resolution; the last is MIN_DPI
DPI_STEPS = (300, 250, 200, MIN_DPI)
_SMALL_IMAGE_PIXELS = 128 * 128  # icons and logos: not worth re-encoding


@dataclass
class _PageImage:
    xref: int
    dpi: float  # pixels over the page size: never more than the real resolution (safe floor)
    raw_size: int
    image: Image.Image  # decoded once
    proxy: Image.Image  # a quarter-size copy: cheap size predictions
    gray: bool
    drop_smask: bool = False  # its soft mask is opaque everywhere: it goes with the re-encoding


@dataclass
class FitOutcome:
    data: bytes
    fits: bool
    quality: int | None = None  # None: images kept as they were
    dpi_cap: int | None = None
    reencoded: bool = False
    smallest: int = 0  # smallest size reached (when it does not fit)
    kept_bytes: int = 0  # image data left as it is: bilevel, colour-keyed, tiny images


def _decode_image(doc: pymupdf.Document, xref: int) -> Image.Image:
    """The pixels of an image object, as RGB or L (JPEG streams decoded by Pillow, fast)."""
    if doc.xref_get_key(xref, "Filter")[1] == "/DCTDecode":
        image = Image.open(io.BytesIO(doc.xref_stream_raw(xref)))
        image.load()
    else:
        pixmap = pymupdf.Pixmap(doc, xref)
        if pixmap.alpha:
            pixmap = pymupdf.Pixmap(pixmap, 0)
        if pixmap.n not in (1, 3):
            pixmap = pymupdf.Pixmap(pymupdf.csRGB, pixmap)
        mode = "L" if pixmap.n == 1 else "RGB"
        image = Image.frombytes(mode, (pixmap.width, pixmap.height), pixmap.samples)
    if image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    return image


OPAQUE, KEEP_MASK, NO_MASK = "opaque", "keep", "none"


def _mask_handling(doc: pymupdf.Document, xref: int) -> str | None:
    """How the transparency of an image allows re-encoding its colours as JPEG.

    NO_MASK: none. OPAQUE: a soft mask that hides nothing (PNGs with an unused alpha channel
    are common) is removed. KEEP_MASK: a soft mask with real transparency stays as it is
    beside the new JPEG: the PDF applies it whatever the colours' encoding, and what lies
    under the image still shows (compositing on white would hide it). None: left alone: a
    colour-key /Mask (lossy colours would no longer match it) or a stencil /Mask image.
    """
    if doc.xref_get_key(xref, "Mask")[0] != "null":
        return None
    smask_kind, smask = doc.xref_get_key(xref, "SMask")
    if smask_kind == "null":
        return NO_MASK
    if smask_kind != "xref":
        return None
    return OPAQUE if _opaque_everywhere(doc, int(smask.split()[0])) else KEEP_MASK


def _opaque_everywhere(doc: pymupdf.Document, smask_xref: int) -> bool:
    if doc.xref_get_key(smask_xref, "Decode")[0] != "null":
        return False  # an inverted mask: not worth the special case
    try:
        alpha = pymupdf.Pixmap(doc, smask_xref)
    except (RuntimeError, ValueError):
        return False
    if alpha.n != 1 or alpha.alpha:
        return False
    return Image.frombytes("L", (alpha.width, alpha.height), alpha.samples).getextrema()[0] == 255


def _collect_images(doc: pymupdf.Document) -> tuple[list[_PageImage], int]:
    """Page images worth re-encoding, with a resolution estimate that errs on the safe side,
    and the bytes of the images left as they are.

    An image drawn on a page is at most page-sized, so pixels / page size is a lower bound of
    its resolution: downscaling to a cap computed from it never goes under that cap.
    """
    dpi_by_xref: dict[int, float] = {}
    for page in doc:
        page_inches = max(page.rect.width, page.rect.height) / POINTS_PER_INCH
        for xref, _smask, width, height, *_rest in page.get_images(full=True):
            dpi = max(width, height) / page_inches
            dpi_by_xref[xref] = min(dpi, dpi_by_xref.get(xref, dpi))
    images = []
    kept = 0
    for xref, dpi in dpi_by_xref.items():
        raw_size = len(doc.xref_stream_raw(xref))
        width = int(doc.xref_get_key(xref, "Width")[1] or 0)
        height = int(doc.xref_get_key(xref, "Height")[1] or 0)
        masks = (
            None
            if doc.xref_get_key(xref, "ImageMask")[1] == "true"
            # bilevel (CCITT/JBIG2/flate): already small, and JPEG would blur it
            or doc.xref_get_key(xref, "BitsPerComponent")[1] == "1"
            or width * height < _SMALL_IMAGE_PIXELS
            else _mask_handling(doc, xref)  # decodes a soft mask: only for candidates
        )
        if masks is None:
            kept += raw_size  # left exactly as it is, and counted as such
            continue
        image = _decode_image(doc, xref)  # the colours only: a kept soft mask stays apart
        proxy = image.reduce(4) if min(image.size) >= 400 else image
        images.append(
            _PageImage(xref, dpi, raw_size, image, proxy, image.mode == "L", masks == OPAQUE)
        )
    return images, kept


def _ladder(images: list[_PageImage]) -> list[tuple[int, int | None]]:
    """(quality, dpi cap) from best to smallest: every quality at full resolution first.

    A resolution step that would shrink no image is left out (it would repeat a step).
    """
    steps: list[tuple[int, int | None]] = [(q, None) for q in QUALITIES]
    for dpi in DPI_STEPS:
        if any(_scale_factor(item.dpi, dpi) < 1.0 for item in images):
            steps += [(q, dpi) for q in QUALITIES]
    floor = MIN_DPI if any(_scale_factor(item.dpi, MIN_DPI) < 1.0 for item in images) else None
    steps += [(q, floor) for q in LAST_RESORT_QUALITIES]
    return steps


def _scale_factor(dpi: float, dpi_cap: int | None) -> float:
    """How much to shrink an image of `dpi` for a cap (1.0: keep), never under MIN_DPI."""
    if dpi_cap is None or dpi <= max(dpi_cap, MIN_DPI):
        return 1.0
    return max(dpi_cap, MIN_DPI) / dpi


def _scaled(image: Image.Image, dpi: float, dpi_cap: int | None) -> Image.Image:
    scale = _scale_factor(dpi, dpi_cap)
    if scale >= 1.0:
        return image
    size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
    return image.resize(size, Image.Resampling.LANCZOS, reducing_gap=2.0)


def _replace_image(
    doc: pymupdf.Document,
    xref: int,
    jpeg: bytes,
    width: int,
    height: int,
    gray: bool,
    drop_smask: bool = False,
) -> None:
    doc.update_stream(xref, jpeg, compress=0)
    doc.xref_set_key(xref, "Filter", "/DCTDecode")
    image_object = _object(doc, xref)
    dropped = ("DecodeParms", "Decode", "SMaskInData", "Intent")
    for key in (*dropped, "SMask") if drop_smask else dropped:  # the mask object: garbage
        mupdf.pdf_dict_dels(image_object, key)
    doc.xref_set_key(xref, "Width", str(width))
    doc.xref_set_key(xref, "Height", str(height))
    doc.xref_set_key(xref, "BitsPerComponent", "8")
    doc.xref_set_key(xref, "ColorSpace", "/DeviceGray" if gray else "/DeviceRGB")
    doc.xref_set_key(xref, "Length", str(len(jpeg)))


class _Predictor:
    """Predicts the size of every image at a ladder step from its quarter-size proxy.

    One full-size encode per image (at the best step) calibrates proxy -> full size.
    """

    def __init__(self, images: list[_PageImage], ladder: list[tuple[int, int | None]]) -> None:
        self.images = images
        self.ladder = ladder
        self.ratio = []
        for item in images:
            quality, _cap = ladder[0]
            full = len(encode_image(item.image, quality))
            self.ratio.append(full / max(1, len(self._proxy_bytes(item, 0))))

    def _proxy_bytes(self, item: _PageImage, step: int) -> bytes:
        quality, dpi_cap = self.ladder[step]
        scale = _scale_factor(item.dpi, dpi_cap)
        image = item.proxy
        if scale < 1.0:
            size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
            image = image.resize(size, Image.Resampling.BILINEAR)
        return encode_image(image, quality)

    def size(self, step: int, fixed: int) -> int:
        return fixed + sum(
            min(item.raw_size, round(len(self._proxy_bytes(item, step)) * ratio))
            for item, ratio in zip(self.images, self.ratio)
        )


def _first_fitting(predict, ladder: list[tuple[int, int | None]], limit: int) -> int:
    """The first ladder step predicted to fit (the last step when none is).

    Within a block of one resolution, sizes fall with quality: binary search there. Across
    blocks they need not (85 at 250 DPI can be larger than 55 at full size), so blocks are
    tried in order, each first by its smallest step.
    """
    blocks: list[list[int]] = []
    for index, (_quality, cap) in enumerate(ladder):
        if blocks and ladder[blocks[-1][0]][1] == cap:
            blocks[-1].append(index)
        else:
            blocks.append([index])
    for block in blocks:
        if predict(block[-1]) > limit:
            continue
        low, high = 0, len(block) - 1
        while low < high:
            middle = (low + high) // 2
            if predict(block[middle]) <= limit:
                high = middle
            else:
                low = middle + 1
        return block[low]
    return len(ladder) - 1


def _encode_step(pdf_bytes: bytes, images: list[_PageImage], step: tuple[int, int | None]) -> bytes:
    quality, dpi_cap = step
    with pymupdf.open(stream=pdf_bytes, filetype="pdf") as trial:
        for item in images:
            scaled = _scaled(item.image, item.dpi, dpi_cap)
            data = encode_image(scaled, quality)
            if len(data) < item.raw_size:
                _replace_image(
                    trial, item.xref, data, scaled.width, scaled.height, item.gray,
                    item.drop_smask,
                )  # fmt: skip
        return trial.tobytes(garbage=3, deflate=True, use_objstms=1)


def fit_to_budget(pdf_bytes: bytes, limit: int) -> FitOutcome:
    """Make the PDF at most `limit` bytes by re-encoding its page images.

    Quality is lowered first at full resolution, then the resolution in steps, never below
    MIN_DPI; the best setting predicted to fit is encoded for real and checked on the saved
    file, stepping down the ladder while it is still too large.
    """
    if len(pdf_bytes) <= limit:
        return FitOutcome(pdf_bytes, fits=True, smallest=len(pdf_bytes))
    with pymupdf.open(stream=pdf_bytes, filetype="pdf") as doc:
        images, kept = _collect_images(doc)
    if not images:
        return FitOutcome(pdf_bytes, fits=False, smallest=len(pdf_bytes), kept_bytes=kept)
    ladder = _ladder(images)
    fixed = len(pdf_bytes) - sum(item.raw_size for item in images)
    predictor = _Predictor(images, ladder)
    # aim a little under the limit: predictions are estimates
    start = _first_fitting(lambda step: predictor.size(step, fixed), ladder, int(limit * 0.97))
    result = pdf_bytes
    for step in range(start, len(ladder)):
        result = _encode_step(pdf_bytes, images, ladder[step])
        if len(result) <= limit:
            quality, dpi_cap = ladder[step]
            return FitOutcome(result, True, quality, dpi_cap, reencoded=True, smallest=len(result))
    return FitOutcome(result, False, reencoded=True, smallest=len(result), kept_bytes=kept)
