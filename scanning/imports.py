"""Read photos, scanner pages and PDF pages into upright 8-bit RGB arrays.

Everything is decoded from bytes (no `cv2.imread(path)`: it fails on Unicode paths on Windows),
the format is recognised by content, EXIF orientation is applied, and a pixel limit refuses
decompression bombs before any large allocation. Bad input raises InputError naming the file.
"""

from __future__ import annotations

import io
import logging
import threading
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from PIL import Image, ImageFile, ImageOps, UnidentifiedImageError

from common.errors import InputError
from common.i18n import _

log = logging.getLogger(__name__)

DEFAULT_MAX_PIXELS = 120_000_000
DEFAULT_PDF_DPI = 200
MAX_FRAMES = 500  # a TIFF with more pages than this is not a scan we can use
MAX_FILE_BYTES = 500 * 1024 * 1024

_heif_lock = threading.Lock()
_heif_registered = False
_truncated_lock = threading.Lock()


@dataclass(frozen=True)
class ImportOptions:
    max_pixels: int = DEFAULT_MAX_PIXELS
    pdf_dpi: int = DEFAULT_PDF_DPI


@dataclass
class LoadedPage:
    """One upright page image (H x W x 3, uint8 RGB) and where it came from."""

    image: np.ndarray
    source: Path
    index: int = 0  # page or frame number inside the source file
    format: str = ""
    dpi: float | None = None  # resolution stated by the file (scanner pages, rendered PDF)
    warnings: list[str] = field(default_factory=list)

    @property
    def size(self) -> tuple[int, int]:
        return int(self.image.shape[1]), int(self.image.shape[0])


def _register_heif() -> None:
    global _heif_registered
    with _heif_lock:
        if not _heif_registered:
            import pillow_heif

            pillow_heif.register_heif_opener()
            _heif_registered = True


def sniff_format(data: bytes) -> str:
    """The container format from the first bytes ('pdf', 'image' or '')."""
    head = data[:1024]
    if head.lstrip(b"\x00\t\r\n ").startswith(b"%PDF") or b"%PDF-" in head:
        return "pdf"
    return "image" if data else ""


def iter_pages(
    path: str | Path,
    options: ImportOptions | None = None,
    data: bytes | None = None,
    only: int | None = None,
) -> Iterator[LoadedPage]:
    """The pages of an image or PDF file one at a time (a 300-page TIFF never sits in memory
    at once), upright, as RGB arrays; `only` decodes just that page."""
    options = options or ImportOptions()
    path = Path(path)
    if data is None:
        data = _read_bytes(path)
    kind = sniff_format(data)
    if kind == "pdf":
        return _load_pdf(path, data, options, only)
    if kind == "":
        raise InputError(_("The file is empty."), path=path)
    return _load_image(path, data, options, only)


def load_pages(
    path: str | Path, options: ImportOptions | None = None, data: bytes | None = None
) -> list[LoadedPage]:
    """Every page of an image or PDF file, upright, as RGB arrays."""
    return list(iter_pages(path, options, data))


def load_page(path: str | Path, options: ImportOptions | None = None, index: int = 0) -> LoadedPage:
    """One page (the first by default) of an image or PDF file; only that page is decoded."""
    for page in iter_pages(path, options, only=index):
        return page
    raise InputError(_("The file has no page {number}.").format(number=index + 1), path=path)


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputError(_("The file is too large to be a scan or a photo."), path=path)
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(_("The file does not exist."), path=path) from None
    except IsADirectoryError:
        raise InputError(_("This is a folder, not a file."), path=path) from None
    except PermissionError:
        raise InputError(_("No permission to read the file."), path=path) from None
    except OSError as exc:
        raise InputError(_("The file cannot be read."), path=path, details=str(exc)) from None


def _pixel_limit_error(path: Path, width: int, height: int, limit: int) -> InputError:
    return InputError(
        _(
            "The image is too large ({megapixels} megapixels; the limit is {limit}): "
            "it may be damaged or made to exhaust memory."
        ).format(megapixels=round(width * height / 1e6), limit=round(limit / 1e6)),
        path=path,
    )


def _open_image(path: Path, data: bytes, options: ImportOptions) -> Image.Image:
    _register_heif()
    # Pillow's own bomb check fires at 2x MAX_IMAGE_PIXELS; ours (below) is the real limit.
    Image.MAX_IMAGE_PIXELS = max(Image.MAX_IMAGE_PIXELS or 0, options.max_pixels)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
    except Image.DecompressionBombError:
        raise InputError(
            _("The image declares an enormous size: it may be made to exhaust memory."), path=path
        ) from None
    except UnidentifiedImageError:
        raise InputError(
            _("This is not an image or PDF that can be read (unknown or damaged format)."),
            path=path,
        ) from None
    except Exception as exc:  # OSError, SyntaxError... and anything a fuzzed header raises
        raise InputError(
            _("The image is damaged and cannot be read."), path=path, details=str(exc)
        ) from None
    width, height = image.size
    if width * height > options.max_pixels:
        raise _pixel_limit_error(path, width, height, options.max_pixels)
    if width <= 0 or height <= 0:
        raise InputError(_("The image is empty."), path=path)
    return image


def _load_image(
    path: Path, data: bytes, options: ImportOptions, only: int | None = None
) -> Iterator[LoadedPage]:
    image = _open_image(path, data, options)  # errors here, before the first page is asked
    return _image_frames(path, data, image, options, only)


def _image_frames(path, data, image, options, only) -> Iterator[LoadedPage]:
    fmt = (image.format or "").upper()
    fast = _fast_jpeg(image, data) if not only else None
    if fast is not None:
        yield LoadedPage(image=fast, source=path, format=fmt, dpi=_stated_dpi(image))
        return
    frame_count = _frame_count(path, image) if fmt == "TIFF" else 1
    for index in range(frame_count) if only is None else [only]:
        try:
            if index:
                image.seek(index)
        except Exception as exc:  # a damaged later frame: keep the frames that were read
            log.info("%s: stopping at frame %d: %s", path, index, exc)
            return
        width, height = image.size
        if width * height > options.max_pixels:
            raise _pixel_limit_error(path, width, height, options.max_pixels)
        yield _decode_frame(path, image, fmt, index)


def _frame_count(path: Path, image: Image.Image) -> int:
    """Frames of a multi-page TIFF. A damaged directory makes Pillow raise anything
    (TypeError "Missing dimensions", SyntaxError...): that is a damaged file, said once."""
    try:
        return max(1, min(int(getattr(image, "n_frames", 1) or 1), MAX_FRAMES))
    except Exception as exc:
        raise InputError(
            _("The image is damaged and cannot be read."), path=path, details=str(exc)
        ) from None


_EXIF_ORIENTATION = 0x0112


def _fast_jpeg(image: Image.Image, data: bytes) -> np.ndarray | None:
    """Decode a complete baseline RGB/grey JPEG with OpenCV (libjpeg-turbo straight into an
    array: about twice as fast as Pillow plus the copy). None: use the general path."""
    complete = data.rstrip(b"\0")[-2:] == b"\xff\xd9"  # a cut-off file goes the slow way
    if image.format != "JPEG" or image.mode not in ("RGB", "L") or not complete:
        return None
    import cv2

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # a corrupt EXIF block only loses the orientation
            orientation = int(image.getexif().get(_EXIF_ORIENTATION, 1))
    except Exception:
        return None
    flags = cv2.IMREAD_COLOR | cv2.IMREAD_IGNORE_ORIENTATION
    array = cv2.imdecode(np.frombuffer(data, np.uint8), flags)
    if array is None or array.shape[:2] != (image.size[1], image.size[0]):
        return None
    array = cv2.cvtColor(array, cv2.COLOR_BGR2RGB)
    return _orient(array, orientation)


def _orient(array: np.ndarray, orientation: int) -> np.ndarray:
    """Apply an EXIF orientation (1-8) to an array, as ImageOps.exif_transpose does."""
    operations = {
        2: lambda a: a[:, ::-1],
        3: lambda a: a[::-1, ::-1],
        4: lambda a: a[::-1],
        5: lambda a: a.transpose(1, 0, 2),
        6: lambda a: np.rot90(a, -1),
        7: lambda a: a[::-1, ::-1].transpose(1, 0, 2),
        8: lambda a: np.rot90(a, 1),
    }
    operation = operations.get(orientation)
    return np.ascontiguousarray(operation(array)) if operation else array


def _decode_frame(path: Path, image: Image.Image, fmt: str, index: int) -> LoadedPage:
    notes: list[str] = []
    try:
        image.load()
    except (OSError, ValueError, SyntaxError) as exc:
        if "truncated" not in str(exc).lower() and "broken" not in str(exc).lower():
            raise InputError(
                _("The image is damaged and cannot be read."), path=path, details=str(exc)
            ) from None
        image = _load_truncated(path, image, exc)
        notes.append(_("The image is truncated: only the part that could be decoded is shown."))
    except Image.DecompressionBombError:
        raise InputError(
            _("The image declares an enormous size: it may be made to exhaust memory."), path=path
        ) from None
    except MemoryError:
        raise InputError(_("Not enough memory to open the image."), path=path) from None
    except Exception as exc:  # fuzzed files make Pillow raise TypeError, KeyError, struct.error
        raise InputError(
            _("The image is damaged and cannot be read."), path=path, details=str(exc)
        ) from None
    dpi = _stated_dpi(image)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            image = ImageOps.exif_transpose(image) or image
    except Exception as exc:
        log.info("%s: EXIF orientation ignored: %s", path, exc)
    try:
        pixels = to_rgb_array(image)
    except MemoryError:
        raise InputError(_("Not enough memory to open the image."), path=path) from None
    except Exception as exc:  # an unknown pixel mode of a damaged file
        raise InputError(
            _("The image is damaged and cannot be read."), path=path, details=str(exc)
        ) from None
    return LoadedPage(image=pixels, source=path, index=index, format=fmt, dpi=dpi, warnings=notes)


def _load_truncated(path: Path, image: Image.Image, error: Exception) -> Image.Image:
    """Decode what a cut-off file holds; the rest stays grey (Pillow's behaviour)."""
    with _truncated_lock:
        previous = ImageFile.LOAD_TRUNCATED_IMAGES
        ImageFile.LOAD_TRUNCATED_IMAGES = True
        try:
            image.load()
        except Exception as exc:
            raise InputError(
                _("The image is damaged and cannot be read."), path=path, details=str(error)
            ) from exc
        finally:
            ImageFile.LOAD_TRUNCATED_IMAGES = previous
    log.info("%s: truncated image decoded partially: %s", path, error)
    return image


def _stated_dpi(image: Image.Image) -> float | None:
    dpi = image.info.get("dpi")
    try:
        value = float(dpi[0]) if dpi else 0.0
    except (TypeError, ValueError, IndexError):
        return None
    return value if 50 <= value <= 2400 else None


def to_rgb_array(image: Image.Image) -> np.ndarray:
    """8-bit RGB from any Pillow mode: CMYK, 16/32-bit, palette, alpha over white."""
    mode = image.mode
    if mode in ("I;16", "I;16B", "I;16L", "I;16N", "I", "F"):
        values = np.asarray(image, dtype=np.float64)
        top = 65535.0 if mode.startswith("I;16") or values.max() > 255 else 255.0
        if mode == "I" and values.max() > 65535:
            top = float(values.max())
        gray = np.clip(values * (255.0 / top), 0, 255).astype(np.uint8)
        return np.ascontiguousarray(np.repeat(gray[:, :, None], 3, axis=2))
    if mode == "P" and "transparency" in image.info:
        image = image.convert("RGBA")
    elif mode in ("P", "PA"):
        image = image.convert("RGBA" if mode == "PA" else "RGB")
    if image.mode in ("RGBA", "LA", "RGBa", "La"):
        rgba = image.convert("RGBA")
        background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        image = Image.alpha_composite(background, rgba)
    if image.mode != "RGB":
        image = image.convert("RGB")
    return np.ascontiguousarray(np.asarray(image, dtype=np.uint8))


def _load_pdf(
    path: Path, data: bytes, options: ImportOptions, only: int | None = None
) -> Iterator[LoadedPage]:
    import pymupdf

    try:
        doc = pymupdf.open(stream=data, filetype="pdf")
    except Exception as exc:
        message = _("The PDF is damaged and cannot be read.")
        raise InputError(message, path=path, details=str(exc)) from None
    if doc.needs_pass:
        doc.close()
        raise InputError(_("The PDF is protected by a password."), path=path)
    if doc.page_count == 0:
        doc.close()
        raise InputError(_("The PDF has no pages."), path=path)
    if doc.page_count > MAX_FRAMES:
        doc.close()
        raise InputError(_("The PDF has too many pages to scan."), path=path)
    return _pdf_pages(path, doc, options, only)


def _pdf_pages(path, doc, options, only) -> Iterator[LoadedPage]:
    with doc:
        indexes = range(doc.page_count) if only is None else [only]
        for index in indexes:
            if 0 <= index < doc.page_count:
                yield _render_pdf_page(path, doc, index, options)


def _render_pdf_page(path: Path, doc, index: int, options: ImportOptions) -> LoadedPage:
    dpi = options.pdf_dpi
    try:
        page = doc.load_page(index)
        rect = page.rect
        width, height = rect.width * dpi / 72.0, rect.height * dpi / 72.0
        if width * height > options.max_pixels:
            raise _pixel_limit_error(path, int(width), int(height), options.max_pixels)
        pixmap = page.get_pixmap(dpi=dpi, alpha=False, colorspace="rgb")
    except InputError:
        raise
    except Exception as exc:
        raise InputError(
            _("Page {number} of the PDF cannot be rendered.").format(number=index + 1),
            path=path,
            details=str(exc),
        ) from None
    array = np.frombuffer(pixmap.samples, dtype=np.uint8).reshape(
        pixmap.height, pixmap.width, pixmap.n
    )
    return LoadedPage(
        image=np.ascontiguousarray(array[:, :, :3]), source=path, index=index, format="PDF", dpi=dpi
    )


def count_pages(
    path: str | Path, options: ImportOptions | None = None, strict: bool = False
) -> int:
    """How many pages load_pages would return, reading only headers.

    With `strict`, a file that cannot be imported raises InputError (checked on import)."""
    options = options or ImportOptions()
    path = Path(path)
    data = _read_bytes(path)
    if sniff_format(data) == "pdf":
        import pymupdf

        try:
            with pymupdf.open(stream=data, filetype="pdf") as doc:
                if strict and doc.needs_pass:
                    raise InputError(_("The PDF is protected by a password."), path=path)
                if strict and doc.page_count == 0:
                    raise InputError(_("The PDF has no pages."), path=path)
                return max(1, min(doc.page_count, MAX_FRAMES))
        except InputError:
            raise
        except Exception as exc:
            if strict:
                message = _("The PDF is damaged and cannot be read.")
                raise InputError(message, path=path, details=str(exc)) from None
            return 1
    try:
        image = _open_image(path, data, options)
    except InputError:
        if strict:
            raise
        return 1
    if (image.format or "").upper() == "TIFF":
        try:
            return _frame_count(path, image)
        except InputError:
            if strict:
                raise
            return 1
    return 1
