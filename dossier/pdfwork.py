"""PDF building blocks of packaging (PyMuPDF): images to pages at physical size, signature
detection, re-encoding page images to a byte budget, and the hygiene of every exported file.

Callers are dossier.packaging and dossier.checklist; nothing here knows about components.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pymupdf
from PIL import Image, ImageOps, UnidentifiedImageError
from pymupdf import mupdf

from common.errors import InputError
from common.i18n import _

PRODUCER = "Hồ sơ số"
POINTS_PER_INCH = 72.0
A4_PORTRAIT = (595.28, 841.89)
#: a page larger than A2 or smaller than 30 mm is not a physical size (e.g. a photo at 72 DPI)
MAX_PAGE_SIDE_PT = 1684.0
MIN_PAGE_SIDE_PT = 85.0
#: never store page images below this resolution: text must stay legible (issue 6)
MIN_DPI = 150
#: JPEG qualities tried from best to worst at each resolution step (quality first); below 55
#: text gets blocky, so lower ones are a last resort at the resolution floor only
QUALITIES = (85, 75, 65, 55)
LAST_RESORT_QUALITIES = (45, 35)
#: resolution caps tried after the qualities at full resolution; the last is MIN_DPI
DPI_STEPS = (300, 250, 200, MIN_DPI)
FIRST_JPEG_QUALITY = 85
MAX_IMAGE_PIXELS = 80_000_000  # decompression-bomb guard (a 600 DPI A3 scan is ~70 MP)
_SMALL_IMAGE_PIXELS = 128 * 128  # icons and logos: not worth re-encoding

_heif_registered = False


def _register_heif() -> None:
    global _heif_registered
    if not _heif_registered:
        import pillow_heif

        pillow_heif.register_heif_opener()
        _heif_registered = True


# ---- opening inputs ----------------------------------------------------------------------
def open_pdf(path: Path) -> pymupdf.Document:
    """Open a PDF for reading, refusing damaged, encrypted or empty files with a clear message."""
    try:
        doc = pymupdf.open(path, filetype="pdf")
    except FileNotFoundError as exc:
        raise InputError(_("file not found"), path=path) from exc
    except (RuntimeError, ValueError, OSError) as exc:  # pymupdf raises FileDataError etc.
        raise InputError(
            _("cannot read the PDF: {reason}").format(reason=str(exc) or type(exc).__name__),
            path=path,
        ) from exc
    if doc.needs_pass:
        doc.close()
        raise InputError(_("the PDF is protected by a password"), path=path)
    if doc.page_count == 0:
        doc.close()
        raise InputError(_("the PDF has no pages"), path=path)
    return doc


def open_image(path: Path, *, load: bool = True) -> Image.Image:
    """Open a photo or scan (HEIC included); loaded and upright per EXIF unless `load` is False.

    With `load=False` only the header is read (size, mode, DPI, orientation): fast.
    """
    _register_heif()
    try:
        image = Image.open(path)
        if image.width * image.height > MAX_IMAGE_PIXELS:
            raise InputError(
                _("the image is too large ({pixels} million pixels)").format(
                    pixels=image.width * image.height // 1_000_000
                ),
                path=path,
            )
    except FileNotFoundError as exc:
        raise InputError(_("file not found"), path=path) from exc
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, ValueError) as exc:
        raise _unreadable_image(path, exc) from exc
    return load_upright(image, path) if load else image


def load_upright(image: Image.Image, path: Path) -> Image.Image:
    """Decode the pixels and apply the EXIF orientation; a damaged file is an InputError."""
    try:
        image.load()
        upright = ImageOps.exif_transpose(image)
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as exc:
        raise _unreadable_image(path, exc) from exc
    return upright if upright is not None else image


def _unreadable_image(path: Path, exc: BaseException) -> InputError:
    return InputError(
        _("cannot read the image: {reason}").format(reason=str(exc) or type(exc).__name__),
        path=path,
    )


def _complete_jpeg(data: bytes) -> bool:
    """A JPEG that ends with its end-of-image marker (a truncated download does not)."""
    return b"\xff\xd9" in data[-4096:]


def pdf_is_signed(path: Path, data: bytes | None = None) -> bool:
    """True when the PDF carries a signature value in a signature field.

    Counted by the signing package (pyHanko), so an empty signature field (a form waiting to
    be signed) and Adobe's usage-rights signature (/Perms /UR3, stale once a form is filled)
    are not signatures. A file pyHanko cannot read counts as signed when it holds a
    /ByteRange: in doubt, the file is never rewritten.
    """
    from signing import quick_info

    info = quick_info(path)
    if info.readable and not info.encrypted:
        return info.signatures > 0
    data = path.read_bytes() if data is None else data
    return b"/ByteRange" in data


def page_count(path: Path, kind: str) -> int:
    """Pages of a PDF, or 1 for an image; a damaged file raises InputError (checked cheaply:
    a complete JPEG is trusted from its header, other images are decoded)."""
    if kind == "pdf":
        with open_pdf(path) as doc:
            return doc.page_count
    image = open_image(path, load=False)
    if image.format != "JPEG" or not _complete_jpeg(path.read_bytes()):
        load_upright(image, path)
    image.close()
    return 1


# ---- images to pages -----------------------------------------------------------------------
def _physical_size(image: Image.Image) -> tuple[float, float] | None:
    """Page size in points from the image's DPI, or None when the DPI is absent or implausible."""
    dpi = image.info.get("dpi")
    if not dpi:
        return None
    try:
        x_dpi, y_dpi = float(dpi[0]), float(dpi[1])
    except (TypeError, ValueError, IndexError):
        return None
    if x_dpi < 50 or y_dpi < 50:
        return None
    width = image.width / x_dpi * POINTS_PER_INCH
    height = image.height / y_dpi * POINTS_PER_INCH
    if max(width, height) > MAX_PAGE_SIDE_PT or min(width, height) < MIN_PAGE_SIDE_PT:
        return None
    return width, height


def _a4_for(image: Image.Image) -> tuple[float, float]:
    short, long = A4_PORTRAIT
    return (long, short) if image.width > image.height else (short, long)


def on_white_paper(image: Image.Image) -> Image.Image:
    """RGB or L pixels; transparent parts composited on white, as on the paper the image
    becomes (a plain conversion shows the hidden colour of transparent pixels, often black)."""
    if image.mode in ("RGB", "L"):
        return image
    transparent = image.mode in ("RGBA", "LA", "PA", "RGBa", "La") or (
        image.mode == "P" and "transparency" in image.info
    )
    if not transparent:
        return image.convert("RGB")
    gray = image.mode in ("LA", "La")
    paper = Image.new("RGBA", image.size, (255, 255, 255, 255))
    paper.alpha_composite(image.convert("RGBA"))
    return paper.convert("L" if gray else "RGB")


def encode_image(image: Image.Image, quality: int = FIRST_JPEG_QUALITY) -> bytes:
    """JPEG for photos and colour/grey scans, PNG for bilevel scans (JPEG smears them)."""
    buffer = io.BytesIO()
    if image.mode == "1":
        image.save(buffer, format="PNG", optimize=True)
        return buffer.getvalue()
    on_white_paper(image).save(buffer, format="JPEG", quality=quality)
    return buffer.getvalue()


def add_image_page(doc: pymupdf.Document, path: Path) -> None:
    """Append the image as one page at its physical size (A4 when its DPI is unknown)."""
    image = open_image(path, load=False)
    raw = path.read_bytes()
    # a complete, upright RGB/grey JPEG goes in as it is: no generation loss, no decoding
    if (
        image.format == "JPEG"
        and image.mode in ("RGB", "L")
        and image.getexif().get(0x0112, 1) == 1
        and _complete_jpeg(raw)
    ):
        data = raw
    else:
        image = load_upright(image, path)
        data = encode_image(image)
    size = _physical_size(image)
    page_size = size or _a4_for(image)
    page = doc.new_page(width=page_size[0], height=page_size[1])
    page.insert_image(page.rect, stream=data, keep_proportion=True)


def add_pdf_pages(doc: pymupdf.Document, source: pymupdf.Document) -> None:
    """Append every page of `source`; a page of no physical size is fitted onto A4."""
    for number, page in enumerate(source):
        rect = page.rect
        if (
            max(rect.width, rect.height) <= MAX_PAGE_SIDE_PT
            and min(rect.width, rect.height) >= MIN_PAGE_SIDE_PT
        ):
            doc.insert_pdf(source, from_page=number, to_page=number, links=False)
            continue
        width, height = A4_PORTRAIT if rect.height >= rect.width else A4_PORTRAIT[::-1]
        target = doc.new_page(width=width, height=height)
        target.show_pdf_page(target.rect, source, number, keep_proportion=True)


# ---- hygiene -----------------------------------------------------------------------------
def _object(doc: pymupdf.Document, xref: int) -> mupdf.PdfObj:
    """The low-level object, to delete keys (xref_set_key can only set them to null)."""
    return mupdf.pdf_load_object(pymupdf._as_pdf_document(doc), xref)


def clean_document(doc: pymupdf.Document, title: str, *, flatten_forms: bool = True) -> None:
    """Strip scripts, actions, attachments and foreign metadata; set title and producer.

    Filled form fields are baked into the page (a viewer that regenerates appearances would
    otherwise lose the Vietnamese diacritics, STACK.md).
    """
    doc.scrub(
        attached_files=True,
        clean_pages=False,
        embedded_files=True,
        hidden_text=False,
        javascript=True,
        metadata=True,
        redactions=False,
        remove_links=True,
        reset_fields=False,
        reset_responses=False,
        thumbnails=True,
        xml_metadata=True,
    )
    if flatten_forms:
        doc.bake(annots=False, widgets=True)
    catalog = _object(doc, doc.pdf_catalog())
    for key in ("OpenAction", "AA", "Info", "PageMode", "Metadata"):
        mupdf.pdf_dict_dels(catalog, key)
    names = mupdf.pdf_dict_gets(catalog, "Names")
    if names.m_internal:
        mupdf.pdf_dict_dels(names, "JavaScript")
        mupdf.pdf_dict_dels(names, "EmbeddedFiles")
    acroform = mupdf.pdf_dict_gets(catalog, "AcroForm")
    if acroform.m_internal:
        mupdf.pdf_dict_dels(acroform, "XFA")
        fields = mupdf.pdf_dict_gets(acroform, "Fields")
        if not fields.m_internal or mupdf.pdf_array_len(fields) == 0:
            mupdf.pdf_dict_dels(catalog, "AcroForm")
    for page in doc:
        mupdf.pdf_dict_dels(_object(doc, page.xref), "AA")
        for annot_xref in _annotation_xrefs(doc, page):
            annotation = _object(doc, annot_xref)
            mupdf.pdf_dict_dels(annotation, "A")
            mupdf.pdf_dict_dels(annotation, "AA")
    doc.set_metadata(
        {
            "title": title,
            "producer": PRODUCER,
            "creator": PRODUCER,
            "author": "",
            "subject": "",
            "keywords": "",
        }
    )
    doc.del_xml_metadata()


def _annotation_xrefs(doc: pymupdf.Document, page: pymupdf.Page) -> Iterator[int]:
    kind, value = doc.xref_get_key(page.xref, "Annots")
    if kind == "array":
        for token in value.strip("[]").split("R"):
            parts = token.split()
            if len(parts) == 2 and parts[0].isdigit():
                yield int(parts[0])


def save_pdf(doc: pymupdf.Document) -> bytes:
    """Serialise with fonts subset, unused objects removed and streams compressed."""
    doc.subset_fonts()
    return doc.tobytes(garbage=3, deflate=True, deflate_fonts=True, use_objstms=1)


def unembedded_fonts(doc: pymupdf.Document) -> list[str]:
    """Names of the fonts the pages use without embedding them (viewers will substitute)."""
    missing: set[str] = set()
    for page in doc:
        for _xref, ext, _type, basefont, _name, _enc in page.get_fonts(full=False):
            if ext == "n/a":
                missing.add(basefont)
    return sorted(missing)


# ---- page images to a byte budget ---------------------------------------------------------
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
