"""Every printed page on A4, as a print shop does it (issue 18).

The print PDF used to mix page sizes (an ID card printed jammed in a corner of the sheet with no
margin). Here each page of the assembled document goes onto an A4 portrait sheet: an A4 page as
it is; a page that fits on the sheet at true size, centred (turned a quarter when it only fits
that way); a larger page scaled down to the sheet inside a margin. Two small pages in a row of
the same component (the two sides of an ID card, a receipt and its back) share one sheet, one
above the other, at true size.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import pymupdf

A4_WIDTH, A4_HEIGHT = 595.28, 841.89
TOLERANCE_PT = 1.0
MARGIN_PT = 10 * 72 / 25.4  # 10 mm: inside what most printers can print
GAP_PT = 8 * 72 / 25.4  # between two pages sharing a sheet


def is_a4_portrait(rect: pymupdf.Rect) -> bool:
    return (
        abs(rect.width - A4_WIDTH) <= TOLERANCE_PT and abs(rect.height - A4_HEIGHT) <= TOLERANCE_PT
    )


def _fits(width: float, height: float, room_width: float, room_height: float) -> bool:
    return width <= room_width + TOLERANCE_PT and height <= room_height + TOLERANCE_PT


def is_small(rect: pymupdf.Rect) -> bool:
    """Small enough for two to share a sheet at true size, one above the other."""
    room_height = (A4_HEIGHT - 2 * MARGIN_PT - GAP_PT) / 2
    return _fits(rect.width, rect.height, A4_WIDTH - 2 * MARGIN_PT, room_height)


def sheets(source: pymupdf.Document, groups: Sequence[Sequence[int]]) -> Iterator[list[int]]:
    """Page numbers of `source` per A4 sheet: pairs of small pages within a group."""
    for group in groups:
        pending: list[int] = []
        for number in group:
            if is_small(source[number].rect):
                pending.append(number)
                if len(pending) == 2:
                    yield pending
                    pending = []
                continue
            if pending:
                yield pending
                pending = []
            yield [number]
        if pending:
            yield pending


def placement(width: float, height: float) -> tuple[float, bool]:
    """(scale, turned) of a page of `width` x `height` points on an A4 portrait sheet."""
    if _fits(width, height, A4_WIDTH, A4_HEIGHT):
        return 1.0, False
    if _fits(height, width, A4_WIDTH, A4_HEIGHT):
        return 1.0, True
    room_width, room_height = A4_WIDTH - 2 * MARGIN_PT, A4_HEIGHT - 2 * MARGIN_PT
    upright = min(room_width / width, room_height / height)
    turned = min(room_width / height, room_height / width)
    return (turned, True) if turned > upright * 1.01 else (upright, False)


def _show(sheet: pymupdf.Page, source: pymupdf.Document, number: int, top: float) -> float:
    """Draw page `number` of `source` centred across the sheet from `top`; its height drawn."""
    rect = source[number].rect
    turned = placement(rect.width, rect.height)[1]
    width, height = _size_on_sheet(rect)
    left = (A4_WIDTH - width) / 2
    target = pymupdf.Rect(left, top, left + width, top + height)
    sheet.show_pdf_page(target, source, number, keep_proportion=True, rotate=90 if turned else 0)
    return height


def lay_out_on_a4(source: pymupdf.Document, groups: Sequence[Sequence[int]]) -> pymupdf.Document:
    """A new document of A4 portrait sheets holding every page of `source` (see the module).

    `groups`: the page numbers of `source` by component, in order; small pages pair up only
    within a group. Pages of `source` already A4 portrait are copied as they are.
    """
    out = pymupdf.open()
    for numbers in sheets(source, groups):
        if len(numbers) == 1 and is_a4_portrait(source[numbers[0]].rect):
            out.insert_pdf(source, from_page=numbers[0], to_page=numbers[0], links=False)
            continue
        sheet = out.new_page(width=A4_WIDTH, height=A4_HEIGHT)
        heights = [_size_on_sheet(source[n].rect)[1] for n in numbers]
        block = sum(heights) + GAP_PT * (len(numbers) - 1)
        top = (A4_HEIGHT - block) / 2
        for number in numbers:
            top += _show(sheet, source, number, top) + GAP_PT
    return out


def _size_on_sheet(rect: pymupdf.Rect) -> tuple[float, float]:
    scale, turned = placement(rect.width, rect.height)
    width, height = (rect.height, rect.width) if turned else (rect.width, rect.height)
    return width * scale, height * scale
