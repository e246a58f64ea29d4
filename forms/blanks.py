"""Find the blanks of a flat form: dotted leaders, "ngày … tháng … năm …", rows of empty boxes.

A Word export draws a blank as a run of "…" (U+2026), "." or "_" characters; the label is the
text before it on the same visual line (after the previous blank). Lines that hold only a
leader continue the blank above (long addresses wrap into them). Rows of adjacent empty
rectangles are digit boxes (e.g. the 12 boxes of a personal ID number).
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field
from typing import Any

from common.fsutil import fold
from forms.model import FormItem, Rect

LEADER_WEIGHT = {".": 1, "_": 1, "…": 3, "‥": 2, "·": 1}
MIN_LEADER_WEIGHT = 3
#: what a ticked box of a flat form gets written in it
CHECK_MARK = "X"
MIN_LEADER_WIDTH = 5.0  # points: ignore a few tiny dots (abbreviations, numbering)
MAX_GAP_IN_RUN = 1.2  # in font sizes: "…… ……" is still one blank
MAX_SPACE_GAP = 5.0  # justified lines stretch the spaces inside a leader

_NUMBERING = re.compile(
    r"^\s*(?:[-+•*]|\[\d+\]\.?|\d+(?:\.\d+)*[.)]?|[a-zđ][.)])\s+", re.IGNORECASE
)
_NOTE_MARKS = re.compile(r"\((?:\d+|\*)\)|\(\*+\)|\*+")
_DATE_WORDS = ("ngay", "thang", "nam")


@dataclass
class _Char:
    c: str
    x0: float
    y0: float
    x1: float
    y1: float
    baseline: float
    size: float


@dataclass
class _Row:
    baseline: float
    size: float
    chars: list[_Char] = field(default_factory=list)


@dataclass
class _Run:
    row: _Row
    start: int  # index of the first leader char in row.chars
    end: int  # index after the last leader char

    @property
    def chars(self) -> list[_Char]:
        return self.row.chars[self.start : self.end]

    @property
    def x0(self) -> float:
        return self.chars[0].x0

    @property
    def x1(self) -> float:
        return self.chars[-1].x1


def _page_chars(page: Any) -> list[_Char]:
    chars: list[_Char] = []
    raw = page.get_text("rawdict", flags=0)
    for block in raw.get("blocks", ()):
        for line in block.get("lines", ()):
            if abs(line.get("dir", (1, 0))[1]) > 0.1:  # vertical text is no form line
                continue
            for span in line.get("spans", ()):
                size = float(span.get("size", 0)) or 10.0
                for ch in span.get("chars", ()):
                    x0, y0, x1, y1 = ch["bbox"]
                    chars.append(_Char(ch["c"], x0, y0, x1, y1, ch["origin"][1], size))
    return chars


def _rows(chars: list[_Char]) -> list[_Row]:
    """Group characters by baseline into visual lines, each sorted left to right."""
    rows: list[_Row] = []
    for ch in sorted(chars, key=lambda c: c.baseline):
        if rows and abs(ch.baseline - rows[-1].baseline) <= max(1.5, 0.2 * ch.size):
            rows[-1].chars.append(ch)
            continue
        rows.append(_Row(ch.baseline, ch.size, [ch]))
    for row in rows:
        row.chars.sort(key=lambda c: c.x0)
        sizes = [c.size for c in row.chars if not c.c.isspace() and c.c not in LEADER_WEIGHT]
        row.size = max(sizes) if sizes else max(c.size for c in row.chars)
    return rows


def _leader_runs(row: _Row) -> list[_Run]:
    runs: list[_Run] = []
    i, chars = 0, row.chars
    while i < len(chars):
        if chars[i].c not in LEADER_WEIGHT:
            i += 1
            continue
        j, last = i + 1, i
        while j < len(chars):
            c = chars[j]
            gap = c.x0 - chars[last].x1
            spaced = j > last + 1  # only spaces since the last leader char
            limit = (MAX_SPACE_GAP if spaced else MAX_GAP_IN_RUN) * row.size
            if c.c in LEADER_WEIGHT and gap <= limit:
                last = j
                j += 1
            elif c.c.isspace():
                j += 1
            else:
                break
        run = _Run(row, i, last + 1)
        weight = sum(LEADER_WEIGHT[c.c] for c in run.chars if c.c in LEADER_WEIGHT)
        if weight >= MIN_LEADER_WEIGHT and run.x1 - run.x0 >= MIN_LEADER_WIDTH:
            runs.append(run)
        i = last + 1
    return runs


def clean_label(text: str) -> str:
    """'; 7. Tôn giáo:' -> 'Tôn giáo'; '1. Họ, chữ đệm và tên(1):' -> 'Họ, chữ đệm và tên'."""
    text = _NOTE_MARKS.sub(" ", text)
    text = re.sub(r"(?<=[^\W\d_])\d{1,2}(?=[\s;:,.]*$)", "", text)  # "tùy thân2": a footnote mark
    text = text.strip(" \t;:,.-–/")
    text = _NUMBERING.sub("", text)
    text = re.sub(r"\s+", " ", text)
    return text.strip(" \t;:,.-–")


def _text(chars: list[_Char]) -> str:
    out, prev = [], None
    for ch in chars:
        if prev is not None and ch.x0 - prev.x1 > 0.25 * ch.size and not ch.c.isspace():
            out.append(" ")
        out.append(ch.c)
        prev = ch
    return "".join(out)


def _blank_rect(run: _Run) -> Rect:
    size = run.row.size
    base = run.row.baseline
    return (round(run.x0, 2), round(base - 0.95 * size, 2), round(run.x1, 2),
            round(base + 0.25 * size, 2))  # fmt: skip


@dataclass
class _Found:
    run: _Run
    label: str
    before: str  # raw text between the previous blank and this one


def _row_blanks(row: _Row) -> list[_Found]:
    found: list[_Found] = []
    prev_end = 0
    for run in _leader_runs(row):
        before = _text(row.chars[prev_end : run.start])
        found.append(_Found(run, clean_label(before), before))
        prev_end = run.end
    return found


def _is_date_word(text: str, word: str) -> bool:
    """'ngày', 'tháng', 'năm' (also 'năm 20' before a blank for the last two digits)."""
    return re.sub(r"[\s:,]*\d{0,2}$", "", fold(text)).endswith(word)


def _group_dates(found: list[_Found]) -> list[list[_Found]]:
    """Split a row's blanks into groups: a date is three blanks after ngày/tháng/năm or '/'."""
    groups: list[list[_Found]] = []
    i = 0
    while i < len(found):
        trio = found[i : i + 3]
        if len(trio) == 3:
            words = all(_is_date_word(f.before, w) for f, w in zip(trio, _DATE_WORDS))
            slashes = trio[1].before.strip() == "/" and trio[2].before.strip() == "/"
            if words or slashes:
                groups.append(trio)
                i += 3
                continue
        groups.append([found[i]])
        i += 1
    return groups


def _date_label(group: list[_Found]) -> str:
    first = group[0]
    if first.before.strip() == "" or _is_date_word(first.before, "ngay"):
        label = first.label
        label = re.sub(r"(?i)\bng[aà]y\s*$", "", label).strip(" ,")
        return label or "ngày tháng năm"
    return first.label


def _segments(drawings: list[dict]) -> tuple[list[Rect], list[Rect], list[Rect]]:
    """Horizontal lines, vertical lines and outlined rectangles of a page's drawings."""
    horizontal: list[Rect] = []
    vertical: list[Rect] = []
    boxes: list[Rect] = []
    for drawing in drawings:
        stroked = drawing.get("type") in ("s", "fs")
        for item in drawing.get("items", ()):
            if item[0] == "l":
                a, b = item[1], item[2]
                x0, x1, y0, y1 = min(a.x, b.x), max(a.x, b.x), min(a.y, b.y), max(a.y, b.y)
                if y1 - y0 < 1 and x1 - x0 > 5:
                    horizontal.append((x0, y0, x1, y1))
                elif x1 - x0 < 1 and y1 - y0 > 5:
                    vertical.append((x0, y0, x1, y1))
            elif item[0] == "re":
                r = item[1]
                w, h = r.x1 - r.x0, r.y1 - r.y0
                if h < 2 and w > 5:  # a table border drawn as a thin filled rectangle
                    horizontal.append((r.x0, (r.y0 + r.y1) / 2, r.x1, (r.y0 + r.y1) / 2))
                elif w < 2 and h > 5:
                    vertical.append(((r.x0 + r.x1) / 2, r.y0, (r.x0 + r.x1) / 2, r.y1))
                elif stroked and w >= 6 and 8 <= h <= 60:
                    boxes.append((r.x0, r.y0, r.x1, r.y1))
    return horizontal, vertical, boxes


def _merge(values: list[float], tolerance: float = 1.0) -> list[float]:
    merged: list[float] = []
    for value in sorted(values):
        if not merged or value - merged[-1] > tolerance:
            merged.append(value)
    return merged


def _join(lines: list[Rect], axis: int) -> list[Rect]:
    """Collinear segments that touch, joined (a box side is often drawn in two halves).

    axis 0: horizontal lines (same y, joined along x); axis 1: vertical lines.
    """
    along, across = (0, 1) if axis == 0 else (1, 0)
    joined: list[list[float]] = []
    for line in sorted(lines, key=lambda r: (round(r[across] * 2), r[along])):
        last = joined[-1] if joined else None
        if last and abs(last[across] - line[across]) <= 0.5 and line[along] <= last[along + 2] + 1:
            last[along + 2] = max(last[along + 2], line[along + 2])
        else:
            joined.append(list(line))
    return [(a, b, c, d) for a, b, c, d in joined]


def _grid_cells(horizontal: list[Rect], vertical: list[Rect]) -> list[Rect]:
    """Table cells enclosed by ruling lines (Word tables exported as single line segments)."""
    horizontal, vertical = _join(horizontal, 0), _join(vertical, 1)

    def covered(y: float, xa: float, xb: float) -> bool:
        return any(abs(h[1] - y) <= 1.5 and h[0] <= xa + 2 and h[2] >= xb - 2 for h in horizontal)

    cells: list[Rect] = []
    ys = _merge([h[1] for h in horizontal])
    for ya, yb in itertools.pairwise(ys):
        if not 8 <= yb - ya <= 60:
            continue
        xs = _merge([v[0] for v in vertical if v[1] <= ya + 2 and v[3] >= yb - 2])
        for xa, xb in itertools.pairwise(xs):
            if xb - xa >= 6 and covered(ya, xa, xb) and covered(yb, xa, xb):
                cells.append((xa, ya, xb, yb))
    return cells


def _cell_rows(page: Any) -> list[list[Rect]]:
    """Cells (outlined boxes and table cells) grouped in rows of adjacent cells, left to right."""
    horizontal, vertical, boxes = _segments(page.get_drawings())
    cells: list[Rect] = []
    for cell in boxes + _grid_cells(horizontal, vertical):
        if not any(all(abs(a - b) < 1.0 for a, b in zip(cell, known)) for known in cells):
            cells.append(cell)
    cells.sort(key=lambda r: (round(r[1]), r[0]))
    rows: list[list[Rect]] = []
    for cell in cells:
        if rows:
            last = rows[-1][-1]
            if (
                abs(cell[1] - last[1]) < 1.5
                and abs(cell[3] - last[3]) < 1.5
                and abs(cell[0] - last[2]) < 2.0
            ):
                rows[-1].append(cell)
                continue
        rows.append([cell])
    return rows


class _CharIndex:
    """Characters sorted by the y of their centre, to find those inside a cell quickly."""

    def __init__(self, chars: list[_Char]) -> None:
        self.chars = sorted(chars, key=lambda c: (c.y0 + c.y1) / 2)
        self.ys = [(c.y0 + c.y1) / 2 for c in self.chars]

    def text_in(self, cell: Rect) -> str:
        lo, hi = bisect.bisect_left(self.ys, cell[1]), bisect.bisect_right(self.ys, cell[3])
        inside = [c for c in self.chars[lo:hi] if cell[0] <= (c.x0 + c.x1) / 2 <= cell[2]]
        inside.sort(key=lambda c: (round(c.baseline), c.x0))
        return _text(inside).strip()


def _is_digit_box(cell: Rect) -> bool:
    return cell[2] - cell[0] <= 40 and cell[3] - cell[1] <= 40


def _is_mark_box(row: list[Rect], texts: list[str], k: int) -> bool:
    """A lone, squarish, small empty cell: a tick box ("Nam [ ]"), not one of a pair of digit
    boxes (a day or a month) nor of a longer run (those are "boxes")."""
    cell = row[k]
    width, height = cell[2] - cell[0], cell[3] - cell[1]
    if texts[k] or not _is_digit_box(cell) or not 0.6 <= width / height <= 1.6:
        return False
    neighbours = [j for j in (k - 1, k + 1) if 0 <= j < len(row)]
    return not any(not texts[j] and _is_digit_box(row[j]) for j in neighbours)


def _cell_blanks(
    chars: list[_Char], rows: list[_Row], page: Any
) -> list[tuple[str, list[Rect], str]]:
    """("boxes" | "line" | "check", cells, label): digit boxes (3+ small empty cells side by
    side), tick boxes (a lone small square cell beside a label, its label on the right first:
    a mark column) and empty table cells beside a cell holding a label. Rows of empty cells
    (lists of people in a table body) are left alone: nothing says whom they are about."""
    found: list[tuple[str, list[Rect], str]] = []
    index = _CharIndex(chars)
    header: tuple[list[Rect], list[str]] | None = None
    body_row = 0
    for row in _cell_rows(page):
        texts = [index.text_in(cell) for cell in row]
        if header is not None and _below(header[0], row) and not any(texts):
            body_row += 1  # a body row of a table of people: one blank per labelled column
            for cell, label in zip(row, header[1]):
                if label and not _is_number_column(label):
                    found.append(("row", [cell], label, body_row))  # type: ignore[arg-type]
            header = (row, header[1])
            continue
        header, body_row = None, 0
        if len(row) >= 3 and sum(1 for t in texts if t) >= 3 and all(texts[1:]):
            header = (row, [clean_label(t) for t in texts])
        i = 0
        while i < len(row):
            if texts[i] or not _is_digit_box(row[i]):
                i += 1
                continue
            j = i
            while j < len(row) and not texts[j] and _is_digit_box(row[j]):
                j += 1
            if j - i >= 3:
                left = clean_label(texts[i - 1]) if i > 0 and texts[i - 1] else ""
                found.append(("boxes", row[i:j], left or _box_label(rows, row[i:j])))
            i = max(j, i + 1)
        for k, cell in enumerate(row):
            if _is_mark_box(row, texts, k):
                right = texts[k + 1] if k + 1 < len(row) else ""
                left = texts[k - 1] if k > 0 else ""
                if right or left:
                    found.append(("check", [cell], clean_label(right or left)))
                continue
            if texts[k] or _is_digit_box(cell):
                continue
            left = texts[k - 1] if k > 0 else ""
            right = texts[k + 1] if k + 1 < len(row) else ""
            if left or right:  # a mark column ("Đánh dấu X") has its label on the right
                found.append(("line", [cell], clean_label(left or right)))
    return found


def _below(above: list[Rect], row: list[Rect]) -> bool:
    """`row` is the next row of the same table: same columns, right under `above`."""
    return (
        len(above) == len(row)
        and all(abs(a[0] - b[0]) < 2 and abs(a[2] - b[2]) < 2 for a, b in zip(above, row))
        and abs(row[0][1] - above[0][3]) < 2
    )


def _is_number_column(label: str) -> bool:
    """'TT', 'STT', 'Số TT': the row number column (printed or left to the person)."""
    return fold(label).replace(" ", "").replace(".", "") in ("tt", "stt", "sott", "so")


def _box_label(rows: list[_Row], cells: list[Rect]) -> str:
    """The text left of the first box on the boxes' line (superscript rows are ignored)."""
    x0, y0, _x1, y1 = cells[0]
    best = ""
    for row in rows:
        if y0 - 2 <= row.baseline <= y1 + 4:
            left = [c for c in row.chars if c.x1 <= x0 + 1]
            label = clean_label(_text(left))
            if len(label) > len(best):
                best = label
    return best


def find_blanks(page: Any, *, start_index: int = 0) -> list[FormItem]:
    """The blanks of one page, top to bottom; ids are p{page}b{n}."""
    return read_page(page, start_index=start_index)[0]


@dataclass(frozen=True)
class PageLine:
    """A printed line of a page: its baseline (from the top) and its text."""

    baseline: float
    text: str


def read_page(page: Any, *, start_index: int = 0) -> tuple[list[FormItem], list[PageLine]]:
    """The blanks of one page (top to bottom; ids p{page}b{n}) and its printed lines."""
    chars = _page_chars(page)
    rows = _rows(chars)
    lines = [PageLine(round(row.baseline, 2), _text(row.chars).strip()) for row in rows]
    page_no = page.number + 1
    items: list[FormItem] = []
    previous_line: FormItem | None = None

    def next_id() -> str:
        return f"p{page_no}b{start_index + len(items) + 1}"

    for row in rows:
        found = _row_blanks(row)
        only_leaders = len(found) == 1 and not _text(row.chars[: found[0].run.start]).strip()
        if only_leaders and previous_line is not None and not found[0].label:
            # a line of dots under a blank: room for the rest of its value
            idx = items.index(previous_line)
            previous_line = _extend(previous_line, _blank_rect(found[0].run))
            items[idx] = previous_line
            continue
        previous_line = None
        for group in _group_dates(found):
            if len(group) == 3:
                rects = tuple(_blank_rect(f.run) for f in group)
                # "năm 20……": the century is printed, only two digits of the year are written
                year_digits = 2 if re.search(r"\d{2}\s*$", group[2].before) else 0
                items.append(FormItem(
                    kind="blank", id=next_id(), type="date", page=page_no,
                    rect=_union(rects), label=_date_label(group), baseline=round(row.baseline, 2),
                    font_size=round(row.size, 2), parts=rects, max_len=year_digits,
                ))  # fmt: skip
                continue
            f = group[0]
            item = FormItem(
                kind="blank", id=next_id(), type="line", page=page_no, rect=_blank_rect(f.run),
                label=f.label, baseline=round(row.baseline, 2), font_size=round(row.size, 2),
            )  # fmt: skip
            items.append(item)
            previous_line = item
    for kind, cells, label, *rest in _cell_blanks(chars, rows, page):
        rects = tuple((round(a, 2), round(b, 2), round(c, 2), round(d, 2)) for a, b, c, d in cells)
        height = cells[0][3] - cells[0][1]
        table_row = rest[0] if rest else 0
        if kind == "boxes":
            items.append(FormItem(
                kind="blank", id=next_id(), type="boxes", page=page_no, rect=_union(rects),
                label=label, max_len=len(cells), parts=rects,
                baseline=round(cells[0][3] - 0.25 * height, 2),
                font_size=round(min(13.0, 0.7 * height), 2),
            ))  # fmt: skip
            continue
        if kind == "check":
            items.append(FormItem(
                kind="blank", id=next_id(), type="checkbox", page=page_no, rect=rects[0],
                label=label, options=(CHECK_MARK,), font_size=round(min(12.0, 0.7 * height), 2),
            ))  # fmt: skip
            continue
        size = min(12.0, 0.6 * height)
        x0, y0, x1, y1 = rects[0]
        inner = (x0 + 2, y0 + 1, x1 - 2, y1 - 1)
        items.append(FormItem(
            kind="blank", id=next_id(), type="line", page=page_no, rect=inner, label=label,
            baseline=round(y0 + min(height, 2.0 * size) / 2 + 0.35 * size, 2),
            font_size=round(size, 2), row=table_row,
        ))  # fmt: skip
    items.sort(key=lambda i: (i.rect[1], i.rect[0]))
    items = [_renumber(item, page_no, start_index + n + 1) for n, item in enumerate(items)]
    return items, lines


def _renumber(item: FormItem, page_no: int, n: int) -> FormItem:
    from dataclasses import replace

    return replace(item, id=f"p{page_no}b{n}")


def _extend(item: FormItem, line: Rect) -> FormItem:
    from dataclasses import replace

    first = item.parts or (item.rect,)
    return replace(item, parts=(*first, line))


def _union(rects: tuple[Rect, ...] | list[Rect]) -> Rect:
    return (
        min(r[0] for r in rects), min(r[1] for r in rects),
        max(r[2] for r in rects), max(r[3] for r in rects),
    )  # fmt: skip
