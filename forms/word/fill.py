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
import datetime as dt
import re
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from common.errors import OutputError
from common.fsutil import atomic_output
from common.i18n import _
from common.progress import ProgressFn, check_cancel, no_progress
from forms.fill import FillOptions, FillResult, _plan
from forms.model import FormItem
from forms.validate import format_date, parse_date
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


class _Edits:
    """Changes to w:t texts, collected first and applied together (offsets stay valid)."""

    def __init__(self) -> None:
        self.chars: dict[Any, dict[int, str]] = {}  # w:t -> offset -> replacement
        self.before_tab: list[tuple[Any, Any, str]] = []  # (run, w:tab, text)
        self.new_runs: list[tuple[Any, Any, str]] = []  # (before this run, format of, text)

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
    edits: _Edits, slot: Slot, value: str, whole: bool = False, model: Any | None = None
) -> None:
    """`value` in place of the first leader characters of the slot (all of them: `whole`)."""
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
    size = _run_size(label if not own_run else first.run, slot.paragraph)
    gone = _leaders_to_remove(slot, text_width(value + "  ", size), whole)
    for piece in gone:
        edits.replace(piece, "")
    if len(gone) + 1 < len(chosen) and not whole:
        value += " "  # the dots left after the value wrap apart from it, as in the form
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


def _write_blank(edits: _Edits, blank: WordBlank, value: str, today: str) -> bool:
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
            for text, slot in zip(parts, slots):
                _write_text(edits, slot, text, whole=True)
            return True
    slot = slots[0]
    if slot.kind == "cell":
        _write_in_cell(slot, value)
        return True
    lines = _split_lines(value, [s for s in slots if s.kind == "text"])
    model = _label_run(slot.paragraph.pieces[: slot.start])
    for text, line_slot in zip(lines, slots):
        if text:  # continuation lines take the format of the first line's label
            _write_text(edits, line_slot, text, model=model)
    return True


def _leader_width(slot: Slot) -> float:
    width = 0.0
    for piece in slot.paragraph.pieces[slot.start : slot.end]:
        if piece.leader_tab:
            return 10_000.0  # a tab stretches: a value before it always fits
        width += text_width(piece.char, _run_size(piece.run, slot.paragraph))
    return width


def _split_lines(value: str, slots: list[Slot]) -> list[str]:
    """A long value spread over the blank's continuation lines (a wrapped address)."""
    if len(slots) < 2:
        return [value]
    size = slots[0].paragraph.size
    widths = [_leader_width(s) for s in slots]
    lines: list[str] = []
    words = value.split()
    current = ""
    for word in words:
        candidate = f"{current} {word}".strip()
        limit = widths[min(len(lines), len(widths) - 1)]
        if not current or text_width(candidate, size) <= limit or len(lines) == len(slots) - 1:
            current = candidate
            continue
        lines.append(current)
        current = word
    lines.append(current)
    return lines


def fill_word(
    source: Path,
    output: Path,
    values: Mapping[str, str],
    options: FillOptions | None = None,
    progress: ProgressFn | None = None,
    cancel: threading.Event | None = None,
) -> FillResult:
    """Write `values` (blank id -> text) into a copy of the .docx `source` saved as `output`."""
    progress = progress or no_progress
    options = options or FillOptions()
    source, output = Path(source), Path(output)
    if source.resolve() == output.resolve():
        raise OutputError(_("the output must not replace the original form"), path=output)
    today = options.today or format_date(dt.date.today())
    progress(0, 3, _("Opening the form"))
    doc = read_document(source)
    blanks = find_word_blanks(doc)
    by_id = {b.item.id: b for b in blanks}
    plan = _plan([b.item for b in blanks], values)
    check_cancel(cancel)
    progress(1, 3, _("Writing the values"))
    edits = _Edits()
    filled = [
        item.id for item, value in plan.blanks if _write_blank(edits, by_id[item.id], value, today)
    ]
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
    return FillResult(output=output, filled=tuple(filled), skipped=tuple(plan.skipped))
