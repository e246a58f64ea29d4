"""Separator sheets for clerks: split one stack of scanned pages into dossier components.

The clerk prints one separator sheet per component (a QR code naming it), puts each before
the component's pages and scans the whole stack at once. `split_stack` then assigns every
page to its component. Without sheets, blank pages can separate the components, in the
procedure's order.
"""

from __future__ import annotations

import io
import threading
from dataclasses import dataclass, field
from pathlib import Path

from common.errors import InputError
from common.fsutil import atomic_output
from common.i18n import _
from common.progress import ProgressFn, check_cancel, no_progress
from common.resources import resource_path
from dossier.catalog_model import Procedure

QR_PREFIX = "HOSO-SEP"
BLANK_STD_LIMIT = 6.0  # grey-level spread of a blank page (paper noise is ~2-4)
BLANK_INK_FRACTION = 0.002  # at most 0.2 % dark pixels


def separator_payload(procedure_code: str, component_id: str) -> str:
    return f"{QR_PREFIX}|{procedure_code}|{component_id}"


def parse_payload(text: str) -> tuple[str, str] | None:
    parts = text.strip().split("|")
    if len(parts) == 3 and parts[0] == QR_PREFIX and parts[2]:
        return parts[1], parts[2]
    return None


def make_separator_sheets(procedure: Procedure, target: Path) -> Path:
    """One A4 page per component: its number, its name and a QR code naming it."""
    import segno
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    regular, bold = "NotoSans", "NotoSans-Bold"
    for name, file in ((regular, "NotoSans-Regular.ttf"), (bold, "NotoSans-Bold.ttf")):
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", file))))
    width, height = A4
    with atomic_output(target) as tmp:
        pdf = canvas.Canvas(str(tmp), pagesize=A4, invariant=1)
        pdf.setTitle(_("Separator sheets"))
        pdf.setProducer("Hồ sơ số")
        for number, component in enumerate(procedure.components, start=1):
            pdf.setFont(bold, 20)
            pdf.drawCentredString(width / 2, height - 40 * mm, _("SEPARATOR SHEET"))
            pdf.setFont(regular, 13)
            pdf.drawCentredString(
                width / 2, height - 50 * mm, f"{procedure.name} ({procedure.code})"
            )
            pdf.setFont(bold, 28)
            pdf.drawCentredString(width / 2, height - 75 * mm, str(number))
            pdf.setFont(regular, 15)
            _draw_wrapped(pdf, component.name, width / 2, height - 90 * mm, width - 50 * mm)
            qr = segno.make(separator_payload(procedure.code, component.id), error="m")
            buffer = io.BytesIO()
            qr.save(buffer, kind="png", scale=8, border=2)
            buffer.seek(0)
            size = 70 * mm
            pdf.drawImage(ImageReader(buffer), (width - size) / 2, 70 * mm, size, size)
            pdf.setFont(regular, 11)
            pdf.drawCentredString(
                width / 2, 55 * mm, _("Put this sheet before the pages of this component.")
            )
            pdf.showPage()
        pdf.save()
    return target


def _draw_wrapped(pdf, text: str, x: float, y: float, max_width: float) -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    font, size = pdf._fontname, pdf._fontsize
    line: list[str] = []
    for word in text.split():
        trial = " ".join([*line, word])
        if line and stringWidth(trial, font, size) > max_width:
            pdf.drawCentredString(x, y, " ".join(line))
            y -= size * 1.4
            line = [word]
        else:
            line.append(word)
    if line:
        pdf.drawCentredString(x, y, " ".join(line))


@dataclass
class StackSplit:
    """Page indexes of the stack per component id; separators and blanks are not included."""

    pages: dict[str, list[int]] = field(default_factory=dict)
    separators: list[int] = field(default_factory=list)
    blanks: list[int] = field(default_factory=list)
    unassigned: list[int] = field(default_factory=list)  # pages before any separator


def read_separator(image) -> tuple[str, str] | None:
    import zxingcpp

    for result in zxingcpp.read_barcodes(image.convert("L")):
        parsed = parse_payload(result.text)
        if parsed:
            return parsed
    return None


def is_blank(image) -> bool:
    import numpy as np

    small = np.asarray(image.convert("L").resize((200, 283)), dtype=np.float32)
    margin = small[10:-10, 10:-10]
    dark = float((margin < margin.mean() - 60).mean())
    return float(margin.std()) < BLANK_STD_LIMIT or dark < BLANK_INK_FRACTION


def split_stack(
    images: list,
    procedure: Procedure,
    *,
    use_blank_pages: bool = False,
    progress: ProgressFn = no_progress,
    cancel: threading.Event | None = None,
) -> StackSplit:
    """Assign each page image (PIL) to a component by separator sheets or blank pages."""
    known = {c.id for c in procedure.components}
    order = [c.id for c in procedure.components]
    split = StackSplit()
    current: str | None = order[0] if use_blank_pages and order else None
    for index, image in enumerate(images):
        check_cancel(cancel)
        progress(index, len(images), _("Reading page {number}").format(number=index + 1))
        separator = read_separator(image)
        if separator is not None:
            code, component_id = separator
            if code != procedure.code or component_id not in known:
                raise InputError(
                    _("page {number} is a separator sheet of another procedure ({code})").format(
                        number=index + 1, code=code
                    )
                )
            split.separators.append(index)
            current = component_id
            continue
        if use_blank_pages and is_blank(image):
            split.blanks.append(index)
            if current is not None and current in order:
                position = order.index(current) + 1
                current = order[position] if position < len(order) else None
            continue
        if current is None:
            split.unassigned.append(index)
        else:
            split.pages.setdefault(current, []).append(index)
    progress(len(images), len(images), _("Done"))
    return split


DETECT_SIDE = 1400  # pixels of the longer side used to read QR codes and find blank pages
STACK_JPEG_QUALITY = 92


@dataclass
class StackImport:
    """The PDF written for each component of a split stack, and what was left out."""

    files: dict[str, Path] = field(default_factory=dict)
    split: StackSplit = field(default_factory=StackSplit)
    by_blank_pages: bool = False


def import_stack(
    paths: list[Path],
    procedure: Procedure,
    out_dir: Path,
    *,
    progress: ProgressFn = no_progress,
    cancel: threading.Event | None = None,
) -> StackImport:
    """Split scanned stack files (multi-page PDF or TIFF, or several images) into components.

    Separator sheets decide when the stack has any; blank pages (a duplex scan's empty back
    sides) are then left out. Without sheets, blank pages separate the components in the
    procedure's order. Each component's pages go into one PDF in `out_dir` (PDF pages are
    copied unchanged, photos embedded as JPEG), ready to be added to the dossier.
    """
    from scanning import count_pages

    sources: list[tuple[Path, int]] = []
    for path in map(Path, paths):
        sources += [(path, index) for index in range(count_pages(path, strict=True))]
    if not sources:
        raise InputError(_("The stack has no page."), path=Path(paths[0]) if paths else None)
    pages = _LazyPages(sources, progress)
    split = split_stack(pages, procedure, use_blank_pages=False, cancel=cancel)
    by_blank = not split.separators
    if by_blank:
        split = split_stack(pages, procedure, use_blank_pages=True, cancel=cancel)
    else:
        for component_id, indexes in split.pages.items():
            kept = [i for i in indexes if not is_blank(pages[i])]
            split.blanks += [i for i in indexes if i not in kept]
            split.pages[component_id] = kept
    result = StackImport(split=split, by_blank_pages=by_blank)
    for component_id, indexes in split.pages.items():
        if indexes:
            check_cancel(cancel)
            target = Path(out_dir) / f"{component_id}.pdf"
            _write_pages([sources[i] for i in indexes], target)
            result.files[component_id] = target
    return result


class _LazyPages:
    """The stack's pages as small PIL images, decoded on demand (the last few are kept)."""

    def __init__(self, sources: list[tuple[Path, int]], progress: ProgressFn) -> None:
        self.sources = sources
        self.progress = progress
        self._cache: dict[int, object] = {}

    def __len__(self) -> int:
        return len(self.sources)

    def __iter__(self):
        return (self[i] for i in range(len(self)))

    def __getitem__(self, index: int):
        if index not in self._cache:
            from PIL import Image

            from scanning import load_page

            path, page = self.sources[index]
            self.progress(index, len(self), _("Reading page {number}").format(number=index + 1))
            image = Image.fromarray(load_page(path, index=page).image)
            image.thumbnail((DETECT_SIDE, DETECT_SIDE))
            if len(self._cache) > 4:
                self._cache.pop(next(iter(self._cache)))
            self._cache[index] = image
        return self._cache[index]


def _write_pages(pages: list[tuple[Path, int]], target: Path) -> None:
    import pymupdf

    from scanning import load_page, sniff_format

    out = pymupdf.open()
    try:
        for path, index in pages:
            with open(path, "rb") as handle:
                is_pdf = sniff_format(handle.read(1024)) == "pdf"
            if is_pdf:
                with pymupdf.open(path) as source:
                    out.insert_pdf(source, from_page=index, to_page=index)
                continue
            loaded = load_page(path, index=index)
            height, width = loaded.image.shape[:2]
            dpi = loaded.dpi or 200.0
            page = out.new_page(width=width * 72 / dpi, height=height * 72 / dpi)
            page.insert_image(page.rect, stream=_jpeg(loaded.image))
        with atomic_output(target) as tmp:
            out.save(tmp, garbage=3, deflate=True)
    finally:
        out.close()


def _jpeg(pixels) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.fromarray(pixels).save(buffer, "JPEG", quality=STACK_JPEG_QUALITY)
    return buffer.getvalue()
