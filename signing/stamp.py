"""The visible signature stamp: Vietnamese text in the bundled Noto Sans, optional image.

pyHanko writes glyph widths in font units, so the font must have 1000 units per em (STACK.md):
Noto Sans does; DejaVu (2048) would be spaced twice too wide.
"""

from __future__ import annotations

from pathlib import Path

from common.errors import InputError
from common.i18n import _
from common.resources import resource_path
from signing.options import SignOptions, StampOptions

FONT_FILE = ("fonts", "NotoSans-Regular.ttf")
DEFAULT_SIZE = (220.0, 64.0)  # points
MARGIN = 28.0  # points from the page edges
TIME_FORMAT = "%d/%m/%Y %H:%M:%S %z"


def font_path() -> Path:
    return resource_path(*FONT_FILE)


def stamp_lines(options: SignOptions) -> list[str]:
    """The template of the stamp text; values are filled by pyHanko's text parameters."""
    lines = [_("Signed by: {name}"), _("Signing time: {time}")]
    if options.reason:
        lines.append(_("Reason: {reason}"))
    if options.location:
        lines.append(_("Location: {location}"))
    # {x} placeholders become pyHanko's %(x)s; a literal % in a translation must be doubled
    return [
        line.replace("%", "%%").format(
            name="%(signer)s", time="%(ts)s", reason="%(reason)s", location="%(location)s"
        )
        for line in lines
    ]


def text_params(options: SignOptions, signer_name: str) -> dict[str, str]:
    return {"signer": signer_name, "reason": options.reason, "location": options.location}


def stamp_style(options: SignOptions):
    from pyhanko.pdf_utils.font.opentype import GlyphAccumulatorFactory
    from pyhanko.pdf_utils.text import TextBoxStyle
    from pyhanko.stamp import TextStampStyle

    size = int(options.stamp.font_size)
    background = _load_image(options.stamp.image) if options.stamp.image else None
    return TextStampStyle(
        stamp_text="\n".join(stamp_lines(options)),
        # pyHanko #733: the factory's size and the text box's size must be the same
        text_box_style=TextBoxStyle(
            font=GlyphAccumulatorFactory(str(font_path()), font_size=size), font_size=size
        ),
        timestamp_format=TIME_FORMAT,
        border_width=1,
        background=background,
        background_opacity=0.8,
    )


def _load_image(path: Path):
    from PIL import Image, UnidentifiedImageError
    from pyhanko.pdf_utils.images import PdfImage

    try:
        with Image.open(path) as img:
            img.load()
            if img.width * img.height > 25_000_000:
                raise InputError(_("the stamp image is too large"), path=path)
            image = img.convert("RGBA")
    except (OSError, UnidentifiedImageError, Image.DecompressionBombError) as exc:
        raise InputError(_("cannot read the stamp image (PNG expected)"), path=path) from exc
    return PdfImage(image)


def page_count(writer) -> int:
    return int(writer.root["/Pages"]["/Count"])


def page_box(writer, page_index: int) -> tuple[float, float, float, float]:
    """The page's crop box (or media box), following inherited attributes."""
    page_ref, _res = writer.find_page_for_modification(page_index)
    node = page_ref.get_object()
    for key in ("/CropBox", "/MediaBox"):
        current = node
        for _depth in range(32):
            if key in current:
                box = [float(v) for v in current[key]]
                return (
                    min(box[0], box[2]),
                    min(box[1], box[3]),
                    max(box[0], box[2]),
                    max(box[1], box[3]),
                )
            if "/Parent" not in current:
                break
            current = current["/Parent"]
    return 0.0, 0.0, 595.0, 842.0  # A4 when the file says nothing


def placement(
    writer,
    stamp: StampOptions,
    path: Path,
    earlier_signatures: int = 0,
    password: str | None = None,
) -> tuple[int, tuple[float, ...]]:
    """0-based page index and box (PDF user space) of the stamp. With no box given: where a
    person signs (signing.placement): under the form's signature caption, else the blank space
    nearest the bottom right of the last page; never over text, values or drawings."""
    count = page_count(writer)
    if count < 1:
        raise InputError(_("the PDF has no pages"), path=path)
    page = stamp.page if stamp.page is not None else count
    if not 1 <= page <= count:
        raise InputError(
            _("page {page} does not exist (the PDF has {count} pages)").format(
                page=page, count=count
            ),
            path=path,
        )
    if stamp.rect is None:
        only = page - 1 if stamp.page is not None else None
        return _automatic(path, password, earlier_signatures, only)
    rx1, ry1, rx2, ry2 = stamp.rect
    box = (min(rx1, rx2), min(ry1, ry2), max(rx1, rx2), max(ry1, ry2))
    if box[2] - box[0] < 10 or box[3] - box[1] < 10:
        raise InputError(_("the stamp box is too small"), path=path)
    return page - 1, box


def _automatic(
    path: Path, password: str | None, earlier: int, only_page: int | None
) -> tuple[int, tuple[float, ...]]:
    from signing.placement import auto_place

    try:
        found = auto_place(path, password, earlier, only_page)
    except Exception as exc:  # MuPDF cannot read what pyHanko could: ask for a position
        found = None
        reason = exc
    else:
        reason = None
    if found is None:
        raise InputError(
            _(
                "no blank space is large enough for the signature stamp; choose its place "
                "(drag a box on the page, or --visible PAGE/x1,y1,x2,y2) or sign invisibly"
            ),
            path=path,
            details=repr(reason) if reason else None,
        )
    return found.page, found.pdf_rect
