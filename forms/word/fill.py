"""Fill a .docx in place: each value goes into the run that holds its blank.

- dotted leader ("……", "....", "___"): the value replaces the first leader characters, in the
  same run (so with the run's font, size and style); the remaining dots keep the line as long as
  it was, so nothing after the blank moves;
- a tab that draws a dot leader up to its stop: the value is written just before the tab, in
  the same run; the tab still reaches its stop, so the layout does not change;
- a date "ngày … tháng … năm …": day, month and year in their three blanks;
- digit boxes drawn as rectangles: one digit written inside each rectangle (it becomes a text
  box, in the document's font);
- a tick box ☐ (or Wingdings ❏): replaced by ☒; an empty table cell: a run added to its
  paragraph with the paragraph mark's formatting.
Every other byte of the package is copied unchanged; the original file is never modified.
"""

from __future__ import annotations

import copy
import re
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from common.errors import OutputError
from common.fsutil import atomic_output
from common.i18n import _
from common.progress import ProgressFn, check_cancel
from forms.fill import FillOptions, FillResult, _plan, begin_fill
from forms.model import FormItem
from forms.validate import parse_date
from forms.word.ooxml import (
    CHECKED_BOX,
    MC,
    WINGDINGS_CHECKED,
    WPS,
    XML_SPACE,
    Paragraph,
    Piece,
    V,
    W,
    read_document,
    text_width,
    write_document,
)
from forms.word.reader import Slot, WordBlank, find_word_blanks

LEADER_CHARS = set(".…_‥·-")
#: a value is never set smaller than this to fit its blank: a longer one is left out, reported
MIN_WORD_FONT_SIZE = 9.0
#: our width estimate against Word's and LibreOffice's layout (kerning, bold, justification)
_SLACK = 1.06
_MARK = "\ue000"  # where a value set in its own run goes (private use: never in a form)


class _Edits:
    """Changes to w:t texts, collected first and applied together (offsets stay valid)."""

    def __init__(self) -> None:
        self.chars: dict[Any, dict[int, str]] = {}  # w:t -> offset -> replacement
        self.before_tab: list[tuple[Any, Any, str]] = []  # (run, w:tab, text)
        self.new_runs: list[tuple[Any, Any, str]] = []  # (before this run, format of, text)
        self.sized: list[tuple[Any, Any, str, float]] = []  # (w:t with _MARK, format, text, pt)

    def replace(self, piece: Piece, text: str) -> None:
        self.chars.setdefault(piece.node, {})[piece.offset] = text

    def apply(self) -> None:
        for node, changes in self.chars.items():
            old = node.text or ""
            node.text = "".join(changes.get(i, ch) for i, ch in enumerate(old))
            _preserve_space(node)
        for run, model, text in self.new_runs:
            new = run.makeelement(W + "r", {})
            rpr = model.find(W + "rPr")
            if rpr is not None:
                new.append(copy.deepcopy(rpr))
            t = new.makeelement(W + "t", {})
            t.text = text
            _preserve_space(t)
            new.append(t)
            run.addprevious(new)
        for run, tab, text in self.before_tab:
            t = run.makeelement(W + "t", {})
            t.text = text
            _preserve_space(t)
            tab.addprevious(t)
        for node, model, text, size in reversed(self.sized):  # the last of a node first
            _insert_sized_run(node, model, text, size)


def _insert_sized_run(node: Any, model: Any, text: str, size: float) -> None:
    """Split the run of `node` where _MARK is and put `text` between, in `model`'s format at
    `size` points (a value shrunk to fit its blank)."""
    run = node.getparent()
    head, _mark, tail = (node.text or "").rpartition(_MARK)
    after = copy.deepcopy(run)
    content = [c for c in run if c.tag != W + "rPr"]
    moved = [c for c in after if c.tag != W + "rPr"]
    at = content.index(node)
    for child in moved[:at]:
        after.remove(child)
    moved[at].text = tail
    _preserve_space(moved[at])
    for child in content[at + 1 :]:
        run.remove(child)
    node.text = head
    _preserve_space(node)
    new = run.makeelement(W + "r", {})
    rpr = model.find(W + "rPr") if model is not None else None
    rpr = copy.deepcopy(rpr) if rpr is not None else new.makeelement(W + "rPr", {})
    for tag in ("sz", "szCs"):
        for old in rpr.findall(W + tag):
            rpr.remove(old)
        half_points = str(round(size * 2))
        rpr.append(rpr.makeelement(W + tag, {W + "val": half_points}))
    _order_rpr(rpr)
    new.append(rpr)
    t = new.makeelement(W + "t", {})
    t.text = text
    _preserve_space(t)
    new.append(t)
    run.addnext(new)
    if tail or len(moved) > at + 1:
        new.addnext(after)
    if not head and not [c for c in run if c.tag != W + "rPr" and c is not node]:
        run.getparent().remove(run)


#: the order of w:rPr's children in the schema (CT_RPr): Word refuses a file out of order
_RPR_ORDER = (
    "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike",
    "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden",
    "color", "spacing", "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr",
    "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish",
    "oMath",
)  # fmt: skip


def _order_rpr(rpr: Any) -> None:
    rank = {W + name: n for n, name in enumerate(_RPR_ORDER)}
    children = list(rpr)
    children.sort(key=lambda c: rank.get(c.tag, len(rank)))
    for child in children:
        rpr.append(child)


def _preserve_space(node: Any) -> None:
    text = node.text or ""
    if text != text.strip() or "  " in text:
        node.set(XML_SPACE, "preserve")


def _run_size(run: Any, paragraph: Paragraph) -> float:
    sz = run.find(f"{W}rPr/{W}sz")
    try:
        return float(sz.get(W + "val")) / 2 if sz is not None else paragraph.size
    except (TypeError, ValueError):
        return paragraph.size


def _label_run(pieces: list[Piece]) -> Any | None:
    """The run of the text just before a blank (its label), not a superscript note mark."""
    for piece in reversed(pieces):
        if piece.leader_tab or piece.char.isspace() or piece.char in LEADER_CHARS:
            continue
        if piece.node.tag != W + "t":
            continue
        if piece.run.find(f"{W}rPr/{W}vertAlign") is not None:
            continue
        return piece.run
    return None


def _rpr_bytes(run: Any) -> bytes:
    from lxml import etree

    rpr = run.find(W + "rPr")
    return etree.tostring(rpr) if rpr is not None else b""


def _same_format(a: Any, b: Any) -> bool:
    return _rpr_bytes(a) == _rpr_bytes(b)


def _starts_with(run: Any, node: Any) -> bool:
    """`node` is the first content of `run` (nothing of the run is drawn before it)."""
    content = [c for c in run if c.tag != W + "rPr"]
    return bool(content) and content[0] is node


def _write_text(
    edits: _Edits,
    slot: Slot,
    value: str,
    whole: bool = False,
    model: Any | None = None,
    size: float | None = None,
    natural: float | None = None,
) -> None:
    """`value` in place of the first leader characters of the slot (all of them: `whole`);
    `size`: the points the value is set in when smaller than its label's (it was shrunk to
    fit), `natural` the label's own size when the label is on another line."""
    pieces = slot.paragraph.pieces
    chosen = pieces[slot.start : slot.end]
    if not chosen:
        return
    before = next((p.char for p in reversed(pieces[: slot.start]) if not p.leader_tab), "")
    if before and not before.isspace() and before not in "([/":
        value = " " + value
    first = chosen[0]
    label = _label_run(pieces[: slot.start])
    label = model if label is None else label
    own_run = label is None or label is first.run or _same_format(label, first.run)
    if first.leader_tab:
        if own_run or not _starts_with(first.run, first.node):
            edits.before_tab.append((first.run, first.node, value))
        else:
            edits.new_runs.append((first.run, label, value))
        return
    if natural is None:
        natural = _run_size(label if not own_run else first.run, slot.paragraph)
    shrunk = size is not None and size < natural - 0.01 and first.node.tag == W + "t"
    size = size if shrunk and size is not None else natural
    gone = _leaders_to_remove(slot, text_width(value + "  ", size) * _SLACK, whole)
    for piece in gone:
        edits.replace(piece, "")
    if len(gone) + 1 < len(chosen) and not whole:
        value += " "  # the dots left after the value wrap apart from it, as in the form
    if shrunk:
        edits.replace(first, _MARK)
        edits.sized.append((first.node, label if label is not None else first.run, value, size))
        return
    if own_run:
        edits.replace(first, value)
        return
    # the dots are set smaller than the text: the value takes the label's format
    edits.replace(first, "")
    head = pieces[slot.start - first.offset : slot.start] if first.offset else []
    if _starts_with(first.run, first.node) and all(
        p.node is first.node and p.char.isspace() for p in head
    ):
        for piece in head:  # " ……": the space goes before the value
            edits.replace(piece, "")
        if head and not value.startswith(" "):
            value = " " + value
        edits.new_runs.append((first.run, label, value))
    else:
        edits.replace(first, value)


def _leaders_to_remove(slot: Slot, needed: float, whole: bool) -> list[Piece]:
    """The leader characters after the first one that make room for a value `needed` wide."""
    chosen = slot.paragraph.pieces[slot.start : slot.end]
    removed = text_width(chosen[0].char, _run_size(chosen[0].run, slot.paragraph))
    gone = []
    for piece in chosen[1:]:
        if (removed >= needed and not whole) or piece.leader_tab or piece.node.tag != W + "t":
            break
        if piece.char not in LEADER_CHARS and not piece.char.isspace():
            break
        gone.append(piece)
        removed += text_width(piece.char, _run_size(piece.run, slot.paragraph))
    return gone


def _date_parts(item: FormItem, value: str, today: str) -> tuple[str, ...] | None:
    date = parse_date(today if value == "today" else value)
    if date is None:
        return None
    year = f"{date.year}"[-item.max_len :] if item.max_len else f"{date.year}"
    return (f"{date.day:02d}", f"{date.month:02d}", year)


def _box_content(run: Any, text: str, size: float) -> Any:
    """<w:txbxContent> with one centred paragraph holding `text`."""
    content = run.makeelement(W + "txbxContent", {})
    p = content.makeelement(W + "p", {})
    ppr = p.makeelement(W + "pPr", {})
    spacing = {W + "before": "0", W + "after": "0", W + "line": "240", W + "lineRule": "auto"}
    ppr.append(ppr.makeelement(W + "spacing", spacing))
    ppr.append(ppr.makeelement(W + "jc", {W + "val": "center"}))
    p.append(ppr)
    r = p.makeelement(W + "r", {})
    rpr = run.find(W + "rPr")
    rpr = copy.deepcopy(rpr) if rpr is not None else r.makeelement(W + "rPr", {})
    for old in rpr.findall(W + "sz") + rpr.findall(W + "noProof"):
        rpr.remove(old)
    rpr.append(rpr.makeelement(W + "sz", {W + "val": str(round(size * 2))}))
    r.append(rpr)
    t = r.makeelement(W + "t", {})
    t.text = text
    r.append(t)
    p.append(r)
    content.append(p)
    return content


def _write_in_shape(slot: Slot, text: str) -> None:
    """Turn an empty rectangle into a text box holding `text` (DrawingML and its VML copy)."""
    run = slot.shape.run if slot.shape is not None else None
    if run is None:
        return
    size = min(slot.paragraph.size, 0.75 * slot.shape.height) if slot.shape else 12.0
    for wsp in run.iter(WPS + "wsp"):
        body = wsp.find(WPS + "bodyPr")
        if body is None or wsp.find(WPS + "txbx") is not None:
            continue
        txbx = wsp.makeelement(WPS + "txbx", {})
        txbx.append(_box_content(run, text, size))
        body.addprevious(txbx)
        for side in ("lIns", "tIns", "rIns", "bIns"):
            body.set(side, "0")
        body.set("anchor", "ctr")
    for fallback in run.iter(MC + "Fallback"):
        for shape in fallback.iter(V + "rect"):
            if shape.find(V + "textbox") is not None:
                continue
            box = shape.makeelement(V + "textbox", {"inset": "0,0,0,0"})
            box.append(_box_content(run, text, size))
            shape.append(box)


def _tick(edits: _Edits, slot: Slot) -> None:
    piece = slot.paragraph.pieces[slot.start]
    if piece.node.tag == W + "sym":
        piece.node.set(W + "char", WINGDINGS_CHECKED)
    elif piece.node.tag == W + "t":
        edits.replace(piece, CHECKED_BOX)


def _write_in_cell(slot: Slot, value: str, center: bool = False) -> None:
    p = slot.paragraph.element
    if center and p.find(f"{W}pPr/{W}jc") is None:
        ppr = p.find(W + "pPr")
        if ppr is None:
            ppr = p.makeelement(W + "pPr", {})
            p.insert(0, ppr)
        jc = ppr.makeelement(W + "jc", {W + "val": "center"})
        mark = ppr.find(W + "rPr")
        if mark is not None:  # w:jc comes before the paragraph mark's w:rPr
            mark.addprevious(jc)
        else:
            ppr.append(jc)
    r = p.makeelement(W + "r", {})
    mark = p.find(f"{W}pPr/{W}rPr")
    if mark is not None:
        rpr = copy.deepcopy(mark)
        for tag in ("ins", "del", "moveFrom", "moveTo", "rPrChange"):
            for old in rpr.findall(W + tag):
                rpr.remove(old)
        rpr.tag = W + "rPr"
        r.append(rpr)
    t = r.makeelement(W + "t", {})
    t.text = value
    _preserve_space(t)
    r.append(t)
    p.append(r)


class _Room:
    """Free width at the end of one-line paragraphs (a signature's "…, ngày … tháng … năm …"
    in a wide cell): a value a little longer than its dots may use it without wrapping."""

    #: our estimate of the line's text against the real layout (measured on CC01 through
    #: LibreOffice: 143.4 pt estimated, 142.8 pt drawn): use only part of the room
    SHARE = 0.9
    TEXT_SLACK = 1.02
    #: Word's default left + right cell margins (0.08 inch each)
    CELL_MARGINS = 11.5

    def __init__(self, root: Any) -> None:
        self.page_width = _page_text_width(root)
        self.left: dict[int, float] = {}

    def of(self, paragraph: Paragraph) -> float:
        key = id(paragraph.element)
        if key not in self.left:
            self.left[key] = self._measure(paragraph) * self.SHARE
        return self.left[key]

    def use(self, paragraph: Paragraph, width: float) -> None:
        self.left[id(paragraph.element)] = max(0.0, self.of(paragraph) - width)

    def _measure(self, paragraph: Paragraph) -> float:
        if any(p.node.tag in (W + "tab", W + "br") for p in paragraph.pieces):
            return 0.0  # tab stops and line breaks: the line's end is not known here
        cell = next(paragraph.element.iterancestors(W + "tc"), None)
        width = _cell_width(cell) - self.CELL_MARGINS if cell is not None else self.page_width
        ind = paragraph.element.find(f"{W}pPr/{W}ind")
        if ind is not None:
            width -= sum(_twips(ind, n) for n in ("left", "start", "right", "end", "firstLine"))
        used = sum(text_width(p.char, _run_size(p.run, paragraph)) for p in paragraph.pieces)
        used *= self.TEXT_SLACK
        return max(0.0, width - used) if 0 < used <= width else 0.0


def _twips(element: Any, name: str) -> float:
    try:
        return float(element.get(W + name, "0")) / 20.0
    except ValueError:
        return 0.0


def _cell_width(cell: Any) -> float:
    """Points: the cell's w:tcW in twips, else its columns of the table grid (0: unknown)."""
    tcw = cell.find(f"{W}tcPr/{W}tcW")
    if tcw is not None and tcw.get(W + "type", "dxa") == "dxa" and _twips(tcw, "w") > 0:
        return _twips(tcw, "w")
    row = cell.getparent()
    table = row.getparent() if row is not None else None
    grid = table.find(W + "tblGrid") if table is not None else None
    if grid is None:
        return 0.0
    columns = [_twips(c, "w") for c in grid.findall(W + "gridCol")]
    start = 0
    for tc in row.findall(W + "tc"):
        span_node = tc.find(f"{W}tcPr/{W}gridSpan")
        span = int(span_node.get(W + "val", "1")) if span_node is not None else 1
        if tc is cell:
            return sum(columns[start : start + span])
        start += span
    return 0.0


def _page_text_width(root: Any) -> float:
    sect = root.find(f"{W}body/{W}sectPr")
    size = sect.find(W + "pgSz") if sect is not None else None
    margins = sect.find(W + "pgMar") if sect is not None else None
    if size is None or margins is None:
        return 0.0
    return _twips(size, "w") - _twips(margins, "left") - _twips(margins, "right")


def _write_blank(
    edits: _Edits, blank: WordBlank, value: str, today: str, room: _Room | None = None
) -> bool:
    """Write `value` into the blank's slots; False when it does not fit even at
    MIN_WORD_FONT_SIZE (nothing written then: the line would grow and push the form down)."""
    item, slots = blank.item, blank.slots
    if item.type == "checkbox":
        for slot in slots:
            if slot.kind == "tick":
                _tick(edits, slot)
            elif slot.kind == "shape":
                _write_in_shape(slot, "X")
        return True
    if item.type == "boxes":
        chars = re.sub(r"\s", "", value)
        for ch, slot in zip(chars, slots):
            if slot.kind == "cell":
                _write_in_cell(slot, ch, center=True)
            else:
                _write_in_shape(slot, ch)
        return True
    if item.type == "date" and len(slots) == 3:
        parts = _date_parts(item, value, today)
        if parts is not None:
            sizes = _fit_parts(list(parts), list(slots), room)
            if sizes is None:
                return False
            for text, slot, size in zip(parts, slots, sizes):
                _write_text(edits, slot, text, whole=True, size=size)
            return True
    slot = slots[0]
    if slot.kind == "cell":
        _write_in_cell(slot, value)
        return True
    text_slots = [s for s in slots if s.kind == "text"]
    fitted = _fit_lines(value, text_slots, room)
    if fitted is None:
        return False
    lines, size = fitted
    model = _label_run(slot.paragraph.pieces[: slot.start])
    natural = _natural_size(slot)
    for text, line_slot in zip(lines, text_slots):
        if text:  # continuation lines take the format and size of the first line's label
            _write_text(edits, line_slot, text, model=model, size=size, natural=natural)
    return True


def _natural_size(slot: Slot) -> float:
    """The size a value of this slot is set in: its label's, else its dots'."""
    pieces = slot.paragraph.pieces
    label = _label_run(pieces[: slot.start])
    run = label if label is not None else pieces[slot.start].run
    return _run_size(run, slot.paragraph)


def _fits(text: str, width: float, size: float) -> bool:
    return text_width(f" {text} ", size) * _SLACK <= width


def _overflow(text: str, width: float, size: float, pad: str = " ") -> float:
    return max(0.0, text_width(f"{pad}{text}{pad}", size) * _SLACK - width)


def _fit_parts(parts: list[str], slots: list[Slot], room: _Room | None) -> list[float] | None:
    """The size of each part of a date (day, month, year in their dots): the label's when the
    parts fit their dots and the free end of their lines, else smaller, down to
    MIN_WORD_FONT_SIZE; None when they do not fit even then."""
    size = min(_natural_size(s) for s in slots)
    widths = [_leader_width(s) for s in slots]
    while size >= MIN_WORD_FONT_SIZE - 0.01:
        needs: dict[int, float] = {}
        for text, slot, width in zip(parts, slots, widths):
            key = id(slot.paragraph.element)
            needs[key] = needs.get(key, 0.0) + _overflow(text, width, size, pad="")
        paragraphs = {id(s.paragraph.element): s.paragraph for s in slots}
        free = {k: room.of(p) if room else 0.0 for k, p in paragraphs.items()}
        if all(need <= free[k] for k, need in needs.items()):
            for k, need in needs.items():
                if room is not None and need:
                    room.use(paragraphs[k], need)
            return [size] * len(parts)
        size -= 0.5
    return None


def _fit_lines(
    value: str, slots: list[Slot], room: _Room | None = None
) -> tuple[list[str], float] | None:
    """`value` spread over the blank's line and its dotted continuation lines, at the largest
    size down to MIN_WORD_FONT_SIZE where every line fits its dots (and the free end of its
    line); None when it never does."""
    if not slots:
        return None
    size = _natural_size(slots[0])
    free = [room.of(s.paragraph) if room else 0.0 for s in slots]
    widths = [_leader_width(s) + f for s, f in zip(slots, free)]
    while size >= MIN_WORD_FONT_SIZE - 0.01:
        lines = _wrap(value, widths, size)
        if lines is not None:
            if room is not None:
                for text, slot in zip(lines, slots):
                    room.use(slot.paragraph, _overflow(text, _leader_width(slot), size))
            return lines, size
        size -= 0.5
    return None


def _wrap(value: str, widths: list[float], size: float) -> list[str] | None:
    """Greedy word wrap into lines of the given widths; None when it does not fit."""
    lines: list[str] = []
    current = ""
    for word in value.split():
        candidate = f"{current} {word}".strip()
        if _fits(candidate, widths[len(lines)], size):
            current = candidate
            continue
        if not current or len(lines) + 1 >= len(widths):
            return None
        lines.append(current)
        current = word
        if not _fits(current, widths[len(lines)], size):
            return None
    lines.append(current)
    return lines


def _leader_width(slot: Slot) -> float:
    width = 0.0
    for piece in slot.paragraph.pieces[slot.start : slot.end]:
        if piece.leader_tab:
            return 10_000.0  # a tab stretches: a value before it always fits
        width += text_width(piece.char, _run_size(piece.run, slot.paragraph))
    return width


def fill_word(
    source: Path,
    output: Path,
    values: Mapping[str, str],
    options: FillOptions | None = None,
    progress: ProgressFn | None = None,
    cancel: threading.Event | None = None,
) -> FillResult:
    """Write `values` (blank id -> text) into a copy of the .docx `source` saved as `output`."""
    source, output, options, progress, today = begin_fill(source, output, options, progress)
    doc = read_document(source)
    blanks = find_word_blanks(doc)
    by_id = {b.item.id: b for b in blanks}
    plan = _plan([b.item for b in blanks], values)
    check_cancel(cancel)
    progress(1, 3, _("Writing the values"))
    edits = _Edits()
    filled: list[str] = []
    skipped = list(plan.skipped)
    room = _Room(doc.root)
    for item, value in plan.blanks:
        if _write_blank(edits, by_id[item.id], value, today, room):
            filled.append(item.id)
        else:
            skipped.append((item.id, _("the value does not fit in its blank: write it by hand")))
    edits.apply()
    progress(2, 3, _("Saving"))
    try:
        with atomic_output(output, private=False) as tmp:
            write_document(source, tmp, doc.root)
            check_cancel(cancel)
    except OSError as exc:
        raise OutputError(
            _("Could not write the file: {reason}").format(reason=exc), path=output
        ) from exc
    progress(3, 3, _("Done"))
    return FillResult(output=output, filled=tuple(filled), skipped=tuple(skipped))
