"""PDF pages for packaging (PyMuPDF): opening inputs, images to pages at physical size,
signature detection, and the hygiene of every exported file (scripts, metadata, fonts).

Callers are dossier.packaging and dossier.checklist; nothing here knows about components. The
byte budget of page images is dossier.pdf_budget (this module was dossier.pdfwork).
"""

from __future__ import annotations

import io
from collections.abc import Iterator
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
FIRST_JPEG_QUALITY = 85
MAX_IMAGE_PIXELS = 80_000_000  # decompression-bomb guard (a 600 DPI A3 scan is ~70 MP)

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
