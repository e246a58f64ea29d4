"""PDF building blocks of packaging (PyMuPDF): images to pages at physical size, signature
detection, re-encoding page images to a byte budget, and the hygiene of every exported file.

Callers are dossier.packaging and dossier.checklist; nothing here knows about components.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass, field
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
#: JPEG qualities tried from best to worst, at each resolution step (quality first)
QUALITIES = (85, 75, 65, 55, 45, 35)
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


def open_image(path: Path) -> Image.Image:
    """Open a photo or scan (HEIC included), upright per its EXIF orientation."""
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
        image.load()
    except FileNotFoundError as exc:
        raise InputError(_("file not found"), path=path) from exc
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, ValueError) as exc:
        raise InputError(
            _("cannot read the image: {reason}").format(reason=str(exc) or type(exc).__name__),
            path=path,
        ) from exc
    upright = ImageOps.exif_transpose(image)
    return upright if upright is not None else image


def pdf_is_signed(path: Path, data: bytes | None = None) -> bool:
    """True when the PDF carries a signature value (a /ByteRange or a filled /Sig field).

    An empty signature field (a form waiting for a signature) is not a signature.
    """
    data = path.read_bytes() if data is None else data
    if b"/ByteRange" in data:
        return True
    try:
        doc = pymupdf.open(stream=data, filetype="pdf")
    except (RuntimeError, ValueError):
        return False
    with doc:
        for page in doc:
            for widget in page.widgets() or ():
                if widget.field_type == pymupdf.PDF_WIDGET_TYPE_SIGNATURE:
                    kind, _value = doc.xref_get_key(widget.xref, "V")
                    if kind not in ("null", "none"):
                        return True
    return False


def page_count(path: Path, kind: str) -> int:
    if kind == "pdf":
        with open_pdf(path) as doc:
            return doc.page_count
    open_image(path).close()
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


def encode_image(image: Image.Image, quality: int = FIRST_JPEG_QUALITY) -> bytes:
    """JPEG for photos and colour/grey scans, PNG for bilevel scans (JPEG smears them)."""
    buffer = io.BytesIO()
    if image.mode == "1":
        image.save(buffer, format="PNG", optimize=True)
        return buffer.getvalue()
    if image.mode not in ("RGB", "L"):
        image = image.convert("RGBA").convert("RGB") if "A" in image.mode else image.convert("RGB")
    image.save(buffer, format="JPEG", quality=quality, optimize=True)
    return buffer.getvalue()


def add_image_page(doc: pymupdf.Document, path: Path) -> None:
    """Append the image as one page at its physical size (A4 when its DPI is unknown)."""
    image = open_image(path)
    size = _physical_size(image)
    page_size = size or _a4_for(image)
    raw = path.read_bytes()
    # a plain upright JPEG goes in as it is: no generation loss, no time spent
    if (
        image.format == "JPEG"
        and image.mode in ("RGB", "L")
        and image.getexif().get(0x0112, 1) == 1
    ):
        data = raw
    else:
        data = encode_image(image)
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
    image: Image.Image
    dpi: float  # effective resolution where it is drawn (largest placement)
    raw_size: int


@dataclass
class FitOutcome:
    data: bytes
    fits: bool
    quality: int | None = None  # None: images kept as they were
    dpi_cap: int | None = None
    reencoded: bool = False
    smallest: int = 0  # smallest size reached (when it does not fit)
    notes: list[str] = field(default_factory=list)


def _collect_images(doc: pymupdf.Document) -> list[_PageImage]:
    dpi_by_xref: dict[int, float] = {}
    for page in doc:
        for info in page.get_image_info(xrefs=True):
            xref = info.get("xref", 0)
            bbox = pymupdf.Rect(info["bbox"])
            if not xref or bbox.is_empty:
                continue
            dpi = max(info["width"], info["height"]) / (max(bbox.width, bbox.height) / 72.0)
            dpi_by_xref[xref] = max(dpi, dpi_by_xref.get(xref, 0.0))
    images = []
    for xref, dpi in dpi_by_xref.items():
        if doc.xref_get_key(xref, "SMask")[0] != "null":
            continue  # transparency: JPEG cannot carry it
        if doc.xref_get_key(xref, "ImageMask")[1] == "true":
            continue
        if doc.xref_get_key(xref, "BitsPerComponent")[1] == "1":
            continue  # bilevel (CCITT/JBIG2/flate): already small, JPEG would blur it
        pixmap = pymupdf.Pixmap(doc, xref)
        if pixmap.width * pixmap.height < _SMALL_IMAGE_PIXELS:
            continue
        if pixmap.alpha:
            pixmap = pymupdf.Pixmap(pixmap, 0)
        if pixmap.n not in (1, 3):
            pixmap = pymupdf.Pixmap(pymupdf.csRGB, pixmap)
        mode = "L" if pixmap.n == 1 else "RGB"
        image = Image.frombytes(mode, (pixmap.width, pixmap.height), pixmap.samples)
        images.append(_PageImage(xref, image, dpi, len(doc.xref_stream_raw(xref))))
    return images


def _ladder() -> list[tuple[int, int | None]]:
    """(quality, dpi cap) from best to smallest: every quality at full resolution first."""
    steps: list[tuple[int, int | None]] = [(q, None) for q in QUALITIES]
    steps += [(q, dpi) for dpi in DPI_STEPS for q in QUALITIES]
    return steps


def _encode_at(item: _PageImage, quality: int, dpi_cap: int | None) -> tuple[bytes, int, int]:
    image = item.image
    if dpi_cap is not None and item.dpi > max(dpi_cap, MIN_DPI):
        scale = max(dpi_cap, MIN_DPI) / item.dpi
        size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
        image = image.resize(size, Image.Resampling.LANCZOS)
    return encode_image(image, quality), image.width, image.height


def _replace_image(
    doc: pymupdf.Document, xref: int, jpeg: bytes, width: int, height: int, gray: bool
):
    doc.update_stream(xref, jpeg, compress=0)
    doc.xref_set_key(xref, "Filter", "/DCTDecode")
    doc.xref_set_key(xref, "DecodeParms", "null")
    doc.xref_set_key(xref, "Decode", "null")
    doc.xref_set_key(xref, "Width", str(width))
    doc.xref_set_key(xref, "Height", str(height))
    doc.xref_set_key(xref, "BitsPerComponent", "8")
    doc.xref_set_key(xref, "ColorSpace", "/DeviceGray" if gray else "/DeviceRGB")
    doc.xref_set_key(xref, "Length", str(len(jpeg)))


def fit_to_budget(pdf_bytes: bytes, limit: int) -> FitOutcome:
    """Make the PDF at most `limit` bytes by re-encoding its page images.

    Quality is lowered first at full resolution, then the resolution in steps, never below
    MIN_DPI; the best (largest) setting that fits wins. Sizes are estimated from the encoded
    images, then checked on the saved file.
    """
    if len(pdf_bytes) <= limit:
        return FitOutcome(pdf_bytes, fits=True, smallest=len(pdf_bytes))
    doc = pymupdf.open(stream=pdf_bytes, filetype="pdf")
    images = _collect_images(doc)
    if not images:
        return FitOutcome(pdf_bytes, fits=False, smallest=len(pdf_bytes))
    fixed = len(pdf_bytes) - sum(item.raw_size for item in images)
    ladder = _ladder()
    cache: dict[int, list[tuple[bytes, int, int]]] = {}

    def encoded(step: int) -> list[tuple[bytes, int, int]]:
        if step not in cache:
            quality, dpi_cap = ladder[step]
            cache[step] = [_encode_at(item, quality, dpi_cap) for item in images]
        return cache[step]

    def estimate(step: int) -> int:
        return fixed + sum(
            min(len(data), item.raw_size) for item, (data, _w, _h) in zip(images, encoded(step))
        )

    # binary search for the first (best) step whose estimate fits; sizes fall along the ladder
    low, high = 0, len(ladder) - 1
    if estimate(high) > limit:
        start = high
    else:
        while low < high:
            middle = (low + high) // 2
            if estimate(middle) <= limit:
                high = middle
            else:
                low = middle + 1
        start = low
    result = b""
    for step in range(start, len(ladder)):
        trial = pymupdf.open(stream=pdf_bytes, filetype="pdf")
        for item, (data, width, height) in zip(images, encoded(step)):
            if len(data) < item.raw_size:
                _replace_image(trial, item.xref, data, width, height, item.image.mode == "L")
        result = trial.tobytes(garbage=3, deflate=True, use_objstms=1)
        trial.close()
        if len(result) <= limit:
            quality, dpi_cap = ladder[step]
            return FitOutcome(result, True, quality, dpi_cap, reencoded=True, smallest=len(result))
        cache.pop(step - 1, None)  # keep memory bounded
    return FitOutcome(result, fits=False, reencoded=True, smallest=len(result))
