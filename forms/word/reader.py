"""Find the blanks of a .docx with the flat-PDF engine, and remember where each one is in the XML.

The paragraphs of the document are laid out on synthetic pages, one paragraph per text line
with characters of equal width, and the empty rectangle shapes (digit boxes) drawn as boxes
after the paragraph's text. The flat-form reader (`forms.blanks`) then reads these pages as it
reads a flat PDF (dotted leaders, "ngày … tháng … năm …", rows of boxes, labels), and
`forms.meaning.annotate` gives every blank its profile key and person: a Word form and its PDF
export get the same blanks with the same meanings. Each blank found is mapped back from its
synthetic position to the characters (and so the runs) it came from.

Added here, as Word has them and a flat PDF does not: tick-box characters (☐, Wingdings) and
empty table cells beside a cell holding a label.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from forms import blanks as flat_blanks
from forms.blanks import CHECK_MARK, clean_label
from forms.meaning import annotate
from forms.model import FormInfo, FormItem, Rect
from forms.word.ooxml import BOX_CHARS, Cell, Paragraph, Shape, WordDocument, read_document

CHAR_WIDTH = 6.0  # synthetic advance of every character, points
LEFT = 40.0
TOP = 40.0
ROW_HEIGHT = 30.0
BOX_WIDTH = 18.0
NO_RECT: Rect = (0.0, 0.0, 0.0, 0.0)

SlotKind = Literal["text", "shape", "cell", "tick"]


@dataclass(frozen=True)
class Slot:
    """Where one part of a value goes: characters [start, end) of a paragraph, a shape, a cell."""

    kind: SlotKind
    paragraph: Paragraph
    start: int = 0
    end: int = 0
    shape: Shape | None = None


@dataclass(frozen=True)
class WordBlank:
    item: FormItem  # as listed to the user (no page position: rect is zero)
    slots: tuple[Slot, ...]  # date: day, month, year; boxes: one shape per box


@dataclass
class _Line:
    paragraph: Paragraph
    baseline: float


class _Rect:
    """What `find_blanks` reads of a drawn rectangle (PyMuPDF's Rect has the same fields)."""

    def __init__(self, x0: float, y0: float, x1: float, y1: float) -> None:
        self.x0, self.y0, self.x1, self.y1 = x0, y0, x1, y1
        self.width, self.height = x1 - x0, y1 - y0


class SyntheticPage:
    """A page-like object with the interface `forms.blanks.find_blanks` uses of a PyMuPDF page."""

    def __init__(self, number: int, lines: list[_Line]) -> None:
        self.number = number  # from 0, like PyMuPDF
        self.lines = lines
        self.boxes: dict[tuple[float, float], Shape] = {}
        self._drawings: list[dict] = []
        for line in lines:
            para = line.paragraph
            x = LEFT + (len(para.pieces) + 3) * CHAR_WIDTH
            for shape in para.shapes:
                rect = (x, line.baseline - 13.0, x + BOX_WIDTH, line.baseline + 3.0)
                self.boxes[(round(rect[0], 1), round(rect[1], 1))] = shape
                self._drawings.append({"type": "s", "items": [("re", _Rect(*rect))]})
                x += BOX_WIDTH
        height = TOP + ROW_HEIGHT * (len(lines) + 1)
        self.rect = _Rect(0.0, 0.0, 595.0, height)

    def get_text(self, kind: str = "rawdict", flags: int = 0) -> dict:
        blocks = []
        for line in self.lines:
            size = line.paragraph.size
            top, bottom = line.baseline - 0.8 * size, line.baseline + 0.2 * size
            chars = []
            for i, piece in enumerate(line.paragraph.pieces):
                x = LEFT + i * CHAR_WIDTH
                chars.append(
                    {"c": piece.char, "bbox": (x, top, x + CHAR_WIDTH, bottom),
                     "origin": (x, line.baseline)}
                )  # fmt: skip
            if chars:
                span = {"size": size, "chars": chars}
                blocks.append({"lines": [{"dir": (1.0, 0.0), "spans": [span]}]})
        return {"blocks": blocks}

    def get_drawings(self) -> list[dict]:
        return self._drawings

    def line_at(self, rect: Rect) -> _Line | None:
        return next((ln for ln in self.lines if rect[1] - 1 <= ln.baseline <= rect[3] + 1), None)

    def char_rect(self, line: _Line, start: int, end: int) -> Rect:
        size = line.paragraph.size
        return (LEFT + start * CHAR_WIDTH, line.baseline - 0.95 * size,
                LEFT + end * CHAR_WIDTH, line.baseline + 0.25 * size)  # fmt: skip


def _pages(doc: WordDocument) -> list[SyntheticPage]:
    by_page: dict[int, list[_Line]] = {}
    for para in doc.paragraphs:
        lines = by_page.setdefault(para.page, [])
        lines.append(_Line(para, TOP + ROW_HEIGHT * (len(lines) + 1)))
    return [SyntheticPage(n - 1, by_page.get(n, [])) for n in range(1, doc.page_count + 1)]


def _text_slot(page: SyntheticPage, rect: Rect) -> Slot | None:
    line = page.line_at(rect)
    if line is None:
        return None
    start = max(0, round((rect[0] - LEFT) / CHAR_WIDTH))
    end = min(len(line.paragraph.pieces), round((rect[2] - LEFT) / CHAR_WIDTH))
    if end <= start:
        return None
    return Slot("text", line.paragraph, start, end)


def _slots(page: SyntheticPage, item: FormItem) -> tuple[Slot, ...]:
    if item.type in ("boxes", "checkbox") and (item.parts or item.rect):
        cells = item.parts or (item.rect,)
        shapes = [page.boxes.get((round(c[0], 1), round(c[1], 1))) for c in cells]
        lines = [page.line_at(c) for c in cells]
        return tuple(
            Slot("shape", line.paragraph, shape=shape)
            for shape, line in zip(shapes, lines)
            if shape is not None and line is not None
        )
    rects = item.parts or (item.rect,)
    slots = [_text_slot(page, r) for r in rects]
    return tuple(s for s in slots if s is not None)


def _tick_boxes(page: SyntheticPage) -> list[tuple[FormItem, tuple[Slot, ...]]]:
    """☐ characters: a tick box labelled by the text after it (else before it)."""
    found = []
    for line in page.lines:
        pieces = line.paragraph.pieces
        marks = [i for i, p in enumerate(pieces) if p.char in BOX_CHARS]
        for n, i in enumerate(marks):
            stop = marks[n + 1] if n + 1 < len(marks) else len(pieces)
            after = "".join(p.char for p in pieces[i + 1 : stop])
            after = re.split(r"[.…_]{3,}|\t", after)[0]
            before = "".join(p.char for p in pieces[marks[n - 1] + 1 if n else 0 : i])
            label = clean_label(after) or clean_label(_LEADERS.split(before)[-1])
            item = FormItem(
                kind="blank", id="", type="checkbox", page=page.number + 1,
                rect=page.char_rect(line, i, i + 1), label=label, options=(CHECK_MARK,),
                baseline=line.baseline, font_size=line.paragraph.size,
            )  # fmt: skip
            found.append((item, (Slot("tick", line.paragraph, i, i + 1),)))
    return found


_LEADERS = re.compile(r"[.…_‥·]{3,}|…")


def _is_empty(cell: Cell) -> bool:
    return not cell.text.strip() and not any(p.shapes for p in cell.paragraphs)


def _cell_label(cell: Cell | None) -> str:
    """The label a cell holds: one short paragraph of text without blanks of its own."""
    if cell is None:
        return ""
    filled = [p for p in cell.paragraphs if p.text.strip()]
    if (
        len(filled) != 1
        or _LEADERS.search(filled[0].text)
        or any(piece.leader_tab for piece in filled[0].pieces)
    ):
        return ""
    text = filled[0].text.strip()
    return text if len(text) <= 80 else ""


def _empty_cells(doc: WordDocument, page: SyntheticPage) -> list[tuple[FormItem, tuple[Slot, ...]]]:
    """An empty cell beside a cell with text (its label; a mark column has it on the right).
    Rows of empty cells (a table body listing people) are left alone, as in a flat PDF."""
    on_page = {id(line.paragraph): line for line in page.lines}
    found = []
    for row in doc.rows:
        in_boxes: set[int] = set()
        for start, stop in _digit_box_runs(row):
            line = on_page.get(id(row[start].paragraphs[0]))
            label = clean_label(_cell_label(row[start - 1])) if start > 0 else ""
            if line is None or not label:
                continue
            in_boxes.update(range(start, stop))
            item = FormItem(
                kind="blank", id="", type="boxes", page=page.number + 1,
                rect=page.char_rect(line, 0, 10), label=label, max_len=stop - start,
                parts=tuple(page.char_rect(line, k, k + 1) for k in range(start, stop)),
                baseline=line.baseline, font_size=line.paragraph.size,
            )  # fmt: skip
            slots = tuple(Slot("cell", c.paragraphs[0]) for c in row[start:stop])
            found.append((item, slots))
        for k, cell in enumerate(row):
            if k in in_boxes or not cell.paragraphs or not _is_empty(cell):
                continue
            line = on_page.get(id(cell.paragraphs[0]))
            if line is None:
                continue
            left = _cell_label(row[k - 1]) if k > 0 else ""
            right = _cell_label(row[k + 1]) if k + 1 < len(row) else ""
            label = clean_label(left or right)
            if not label:
                continue
            rect = page.char_rect(line, 0, 10)
            item = FormItem(
                kind="blank", id="", type="line", page=page.number + 1, rect=rect, label=label,
                baseline=line.baseline, font_size=line.paragraph.size,
            )  # fmt: skip
            found.append((item, (Slot("cell", line.paragraph),)))
    return found


MAX_BOX_WIDTH = 40.0  # points: a cell for one digit


def _digit_box_runs(row: list[Cell]) -> list[tuple[int, int]]:
    """[start, stop) of the runs of 3 or more narrow empty cells in a row (an ID number)."""
    runs, start = [], None
    for k, cell in enumerate([*row, None]):
        box = cell is not None and _is_empty(cell) and cell.paragraphs and (
            0 < cell.width <= MAX_BOX_WIDTH
        )  # fmt: skip
        if box and start is None:
            start = k
        elif not box and start is not None:
            if k - start >= 3:
                runs.append((start, k))
            start = None
    return runs


def find_word_blanks(doc: WordDocument) -> list[WordBlank]:
    """Every blank of the document with its meaning, ids p{page}b{n} as for a PDF."""
    pairs: list[tuple[FormItem, tuple[Slot, ...]]] = []
    lines: dict[int, list] = {}
    for page in _pages(doc):
        blanks, lines[page.number + 1] = _read_page(page)
        found = [(item, _slots(page, item)) for item in blanks]
        found += _tick_boxes(page) + _empty_cells(doc, page)
        found = [(item, slots) for item, slots in found if slots]
        found.sort(key=lambda pair: (pair[0].rect[1], pair[0].rect[0]))
        for n, (item, slots) in enumerate(found, start=1):
            pairs.append((replace(item, id=f"p{page.number + 1}b{n}"), slots))
    items = _annotate([replace(item, label=_no_marks(item.label)) for item, _slots in pairs], lines)
    return [
        WordBlank(_public(item), slots) for item, (_old, slots) in zip(items, pairs, strict=True)
    ]


def _read_page(page: SyntheticPage) -> tuple[list[FormItem], list]:
    """The flat-form reader's blanks of a page and, where it gives them, its printed lines
    (the context that tells whom each blank is about)."""
    read_page = getattr(flat_blanks, "read_page", None)
    if read_page is not None:
        found, lines = read_page(page)
        return list(found), list(lines)
    return flat_blanks.find_blanks(page), []


def _annotate(items: list[FormItem], lines: dict[int, list]) -> list[FormItem]:
    """`forms.meaning.annotate`, given the pages' lines when it reads them."""
    import inspect

    if len(inspect.signature(annotate).parameters) > 1 and any(lines.values()):
        return annotate(items, lines)  # type: ignore[call-arg]
    return annotate(items)


def _no_marks(label: str) -> str:
    return clean_label("".join(" " if ch in BOX_CHARS else ch for ch in label))


def _public(item: FormItem) -> FormItem:
    """A Word blank has no place on a page: its synthetic position is not shown."""
    parts = tuple(NO_RECT for _p in item.parts)
    return replace(item, rect=NO_RECT, parts=parts, baseline=None)


def inspect_word(path: Path) -> FormInfo:
    """What `forms.inspect` returns for a .docx."""
    doc = read_document(path)
    blanks = find_word_blanks(doc)
    return FormInfo(
        path=str(path),
        page_count=doc.page_count,
        items=tuple(b.item for b in blanks),
    )


def read_blanks(path: Path) -> tuple[WordDocument, list[WordBlank]]:
    doc = read_document(path)
    return doc, find_word_blanks(doc)
