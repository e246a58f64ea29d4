"""Write values into a form: AcroForm appearances and flat-form overlays in the bundled serif.

AcroForm text, combo and list values get an appearance stream drawn with a fontTools subset of
Liberation Serif (STACK.md recipe: text drawn with insert_text on a scratch page, turned into a
form XObject with show_pdf_page, set as /AP /N with /V, and a /DA naming the same font, which
is also put in /AcroForm /DR). Checkboxes and radios get /V and /AS set to an existing on-state.
Flat blanks get text on their baseline; the dots under the text are removed so the value reads
cleanly (and extracts exactly). The source file is never modified; a signed PDF is only updated
incrementally (and never flattened).
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import threading
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from common.errors import InputError, OutputError
from common.fsutil import atomic_output, fold
from common.i18n import _
from common.progress import ProgressFn, check_cancel, no_progress
from forms import fonts
from forms.acroform import has_xfa, is_signed, list_fields
from forms.blanks import find_blanks
from forms.model import FormItem, Rect
from forms.pdfio import open_pdf
from forms.validate import format_date, parse_date

FONT = fonts.FORM_FONT_NAME
ASCENT, DESCENT = 0.891, -0.216  # Liberation Serif, in em
MIN_FONT_SIZE = 5.0  # AcroForm fields
#: a value written on a flat form's blank is never smaller: a longer one is left out and reported
MIN_BLANK_FONT_SIZE = 8.0
TRUE_WORDS = {"yes", "x", "on", "true", "1", "co", "có", "dung", "đúng", "checked"}


@dataclass(frozen=True)
class FillOptions:
    flatten: bool = False  # True: no fields left (for upload and printing)
    password: str | None = None
    today: str = ""  # dd/mm/yyyy written in "ngày … tháng … năm …"; '' = today
    font_size: float = 0.0  # 0: the field's own size, or automatic
    remove_leaders: bool = True  # remove the dots under a value written on a flat blank


@dataclass(frozen=True)
class FillResult:
    output: Path
    filled: tuple[str, ...]
    skipped: tuple[tuple[str, str], ...] = ()  # (item id, reason)
    warnings: tuple[str, ...] = ()
    incremental: bool = False
    font_bytes: int = 0


@dataclass
class _Plan:
    text_fields: list[tuple[FormItem, str]] = field(default_factory=list)
    buttons: list[tuple[FormItem, str]] = field(default_factory=list)
    blanks: list[tuple[FormItem, str]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)


def _blank_ticked(item: FormItem, value: str) -> bool | None:
    """A tick box of a flat form: ticked by yes-words, its mark or its own label; left empty by
    no-words; None for anything else."""
    folded = fold(value)
    if folded in {fold(w) for w in TRUE_WORDS} or folded in {fold(o) for o in item.options}:
        return True
    if item.label and folded == fold(item.label):
        return True
    if folded in ("no", "off", "false", "0", "khong"):
        return False
    return None


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip()


def _plan(items: list[FormItem], values: Mapping[str, str]) -> _Plan:
    by_id = {item.id: item for item in items}
    plan = _Plan()
    for item_id, raw in values.items():
        value = _nfc(str(raw))
        item = by_id.get(item_id)
        if item is None:
            plan.skipped.append((item_id, _("no such field or blank in this form")))
            continue
        if not value:
            continue
        if not item.fillable:
            plan.skipped.append((item_id, _("this field cannot be filled (signature or button)")))
        elif item.kind == "blank" and item.type == "checkbox":
            ticked = _blank_ticked(item, value)
            if ticked is None:
                plan.skipped.append(
                    (
                        item_id,
                        _("the value matches none of the choices: {value}").format(value=value),
                    )
                )
            elif ticked:
                plan.blanks.append((item, value))
        elif item.kind == "blank":
            plan.blanks.append((item, value))
        elif item.type in ("checkbox", "radio"):
            plan.buttons.append((item, value))
        else:
            plan.text_fields.append((item, value))
    return plan


# ---------------------------------------------------------------- text layout helpers


def fit_size(text: str, width: float, size: float, minimum: float = MIN_FONT_SIZE) -> float:
    """The largest size <= `size` at which `text` fits `width` (not below `minimum`)."""
    needed = fonts.text_width(text, size)
    if needed <= width or needed == 0:
        return size
    return max(minimum, size * width / needed * 0.98)


def wrap(text: str, widths: list[float], size: float) -> list[str] | None:
    """Greedy word wrap into lines of the given widths; None when it does not fit."""
    words = text.split()
    lines: list[str] = []
    current = ""
    for word in words:
        candidate = f"{current} {word}".strip()
        limit = widths[min(len(lines), len(widths) - 1)]
        if fonts.text_width(candidate, size) <= limit or not current:
            current = candidate
            continue
        lines.append(current)
        current = word
    if current:
        lines.append(current)
    if len(lines) > len(widths):
        return None
    if any(fonts.text_width(line, size) > widths[i] for i, line in enumerate(lines)):
        return None
    return lines


def _wrap_shrinking(
    text: str, widths: list[float], size: float, minimum: float = MIN_BLANK_FONT_SIZE
) -> tuple[list[str], float] | None:
    """The value wrapped into the blank's lines at the largest size down to `minimum`; None
    when it does not fit even then (it is never drawn past its blank)."""
    while size >= minimum:
        lines = wrap(text, widths, size)
        if lines is not None:
            return lines, size
        size -= 0.5
    return None


def _pdf_name(name: str) -> str:
    out = []
    for byte in name.encode("utf-8"):
        ch = chr(byte)
        if 33 <= byte <= 126 and ch not in "#()<>[]{}/%":
            out.append(ch)
        else:
            out.append(f"#{byte:02X}")
    return "/" + "".join(out)


# ---------------------------------------------------------------- AcroForm text fields


def _field_xref(doc: Any, widget_xref: int) -> int:
    """The xref holding /T and /V: the widget itself, or its parent for kids without /T."""
    if doc.xref_get_key(widget_xref, "T")[0] != "null":
        return widget_xref
    kind, parent = doc.xref_get_key(widget_xref, "Parent")
    if kind == "xref":
        return int(parent.split()[0])
    return widget_xref


def _inherited(doc: Any, xref: int, key: str) -> str | None:
    seen: set[int] = set()
    while xref and xref not in seen:
        seen.add(xref)
        kind, value = doc.xref_get_key(xref, key)
        if kind != "null":
            return value
        kind, parent = doc.xref_get_key(xref, "Parent")
        xref = int(parent.split()[0]) if kind == "xref" else 0
    return None


def _da_size(doc: Any, xref: int) -> float:
    da = _inherited(doc, xref, "DA") or ""
    match = re.search(r"([\d.]+)\s+Tf", da)
    try:
        return float(match.group(1)) if match else 0.0
    except ValueError:
        return 0.0


TextBox = tuple[float, float, float, float]  # x0, baseline, x1, size (widget coordinates)


def _draw_field(page: Any, item: FormItem, value: str, width: float, height: float,
                base_size: float, quadding: int,
                color: tuple[float, ...] = (0, 0, 0)) -> tuple[float, list[TextBox]]:  # fmt: skip
    """Draw `value` on a scratch page the size of the widget: the font size and text boxes."""
    pad = 2.0
    if item.type == "comb" and item.max_len > 0:
        cell = width / item.max_len
        size = base_size or min(12.0, height * 0.7, cell * 1.2)
        baseline = height / 2 + size * (ASCENT + DESCENT) / 2
        for i, ch in enumerate(value[: item.max_len]):
            w = fonts.text_width(ch, size)
            page.insert_text((cell * i + (cell - w) / 2, baseline), ch, fontname=FONT,
                             fontsize=size, color=color)  # fmt: skip
        return size, []
    if item.type == "multiline":
        size = base_size or min(12.0, max(MIN_FONT_SIZE, height - 2 * pad))
        while True:
            rows = int(max(1, (height - 2 * pad) // (size * 1.15)))
            lines = wrap(value, [width - 2 * pad] * rows, size)
            if lines is not None or size <= MIN_FONT_SIZE:
                break
            size -= 0.5
        lines = lines or [value]
        # spread the lines over the field (dotted lines of a printed form are ~1.5 em apart)
        spacing = max(size * 1.15, min(size * 1.6, (height - 2 * pad) / max(len(lines), 1)))
        boxes: list[TextBox] = []
        y = pad + size * ASCENT
        for line in lines:
            page.insert_text((pad, y), line, fontname=FONT, fontsize=size, color=color)
            boxes.append((pad, y, pad + fonts.text_width(line, size), size))
            y += spacing
        return size, boxes
    size = base_size or min(12.0, max(MIN_FONT_SIZE, (height - 2) * 0.75))
    size = fit_size(value, width - 2 * pad, size)
    text_w = fonts.text_width(value, size)
    x = pad
    if quadding == 1:
        x = (width - text_w) / 2
    elif quadding == 2:
        x = width - pad - text_w
    baseline = height / 2 + size * (ASCENT + DESCENT) / 2
    page.insert_text((x, baseline), value, fontname=FONT, fontsize=size, color=color)
    return size, [(x, baseline, x + text_w, size)]


def _leader_only_areas(page: Any, areas: list[Rect]) -> list[Rect]:
    """The areas under which the page shows nothing but dotted-leader characters."""
    from forms.blanks import LEADER_WEIGHT

    chars = [
        (ch["c"], ch["bbox"])
        for block in page.get_text("rawdict", flags=0).get("blocks", ())
        for line in block.get("lines", ())
        for span in line.get("spans", ())
        for ch in span.get("chars", ())
    ]
    keep = []
    for x0, y0, x1, y1 in areas:
        under = [c for c, (a, b, c2, d) in chars if a < x1 and c2 > x0 and b < y1 and d > y0]
        if under and all(c in LEADER_WEIGHT or c.isspace() for c in under):
            keep.append((x0, y0, x1, y1))
    return keep


def _clear_leaders(page: Any, areas: list[Rect]) -> None:
    """Remove the dots a value is written over, so it reads (and extracts) cleanly."""
    import pymupdf

    areas = _leader_only_areas(page, areas)
    if not areas:
        return
    for rect in areas:
        page.add_redact_annot(pymupdf.Rect(rect), fill=False)
    page.apply_redactions(
        images=pymupdf.PDF_REDACT_IMAGE_NONE,
        graphics=pymupdf.PDF_REDACT_LINE_ART_NONE,
        text=pymupdf.PDF_REDACT_TEXT_REMOVE,
    )


@dataclass(frozen=True)
class _Look:
    """How a widget wants to look: /MK rotation, background, border; the /DA text colour."""

    rotation: int = 0
    background: tuple[float, ...] | None = None
    border: tuple[float, ...] | None = None
    border_width: float = 1.0
    text_color: tuple[float, ...] = (0.0, 0.0, 0.0)
    color_ops: str = "0 g"


def _rgb(components: list[float]) -> tuple[float, ...] | None:
    if len(components) == 1:
        return (components[0],) * 3
    if len(components) == 3:
        return tuple(components)
    if len(components) == 4:
        c, m, y, k = components
        return ((1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k))
    return None  # [] means transparent


def _numbers(text: str | None) -> list[float]:
    try:
        return [float(v) for v in re.findall(r"-?[\d.]+", text or "")]
    except ValueError:
        return []


def _widget_look(doc: Any, xref: int) -> _Look:
    rotation = int(_numbers(doc.xref_get_key(xref, "MK/R")[1])[:1][0]) % 360 if _numbers(
        doc.xref_get_key(xref, "MK/R")[1]) else 0  # fmt: skip
    kind, bg = doc.xref_get_key(xref, "MK/BG")
    kind_bc, bc = doc.xref_get_key(xref, "MK/BC")
    width = _numbers(doc.xref_get_key(xref, "BS/W")[1])
    da = _inherited(doc, xref, "DA") or ""
    text_color, ops = (0.0, 0.0, 0.0), "0 g"
    match = re.search(r"([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+rg\b", da) or re.search(
        r"([\d.]+)\s+g\b", da)  # fmt: skip
    if match:
        values = [float(v) for v in match.groups()]
        text_color = _rgb(values) or text_color
        ops = " ".join(f"{v:g}" for v in values) + (" rg" if len(values) == 3 else " g")
    return _Look(
        rotation=rotation if rotation in (90, 180, 270) else 0,
        background=_rgb(_numbers(bg)) if kind == "array" else None,
        border=_rgb(_numbers(bc)) if kind_bc == "array" else None,
        border_width=width[0] if width else 1.0,
        text_color=text_color,
        color_ops=ops,
    )


ROTATION_MATRIX = {90: "[0 1 -1 0 0 0]", 180: "[-1 0 0 -1 0 0]", 270: "[0 -1 1 0 0 0]"}


def _draw_frame(page: Any, look: _Look) -> None:
    """The widget's own background and border, which a new appearance must keep."""
    import pymupdf

    if look.background is not None:
        page.draw_rect(page.rect, color=None, fill=look.background, width=0)
    if look.border is not None and look.border_width > 0:
        inset = look.border_width / 2
        rect = pymupdf.Rect(page.rect.x0 + inset, page.rect.y0 + inset,
                            page.rect.x1 - inset, page.rect.y1 - inset)  # fmt: skip
        page.draw_rect(rect, color=look.border, width=look.border_width)


def _choice_value(item: FormItem, value: str) -> str:
    if item.type not in ("combo", "list") or not item.options:
        return value
    for option in item.options:
        if fold(option) == fold(value):
            return option
    return value  # editable combos accept any text


def _fill_text_fields(doc: Any, all_widgets: list[_Widget],
                      jobs: list[tuple[FormItem, str]], font_buffer: bytes,
                      options: FillOptions) -> list[str]:  # fmt: skip
    import pymupdf

    if not jobs:
        return []
    wanted = {item.id: (item, _choice_value(item, value)) for item, value in jobs}
    widgets: list[tuple[Any, FormItem, str]] = []
    pages: list[int] = []
    for widget in all_widgets:
        if widget.name in wanted:
            item, value = wanted[widget.name]
            widgets.append((widget, item, value))
            pages.append(widget.page)
    scratch = pymupdf.open()
    sizes: list[float] = []
    under: dict[int, list[Rect]] = {}
    looks: list[_Look] = []
    for (widget, item, value), page_no in zip(widgets, pages):
        rect = widget.rect
        look = _widget_look(doc, widget.xref)
        looks.append(look)
        # a rotated widget (/MK /R) is laid out in its own upright box, turned by /Matrix
        width, height = (
            (rect.height, rect.width) if look.rotation in (90, 270) else (rect.width, rect.height)
        )
        page = scratch.new_page(width=max(width, 1), height=max(height, 1))
        page.insert_font(fontname=FONT, fontbuffer=font_buffer)
        _draw_frame(page, look)
        q = _inherited(doc, widget.xref, "Q")
        quadding = int(q) if q and q.isdigit() else 0
        base = options.font_size or _da_size(doc, widget.xref)
        size, boxes = _draw_field(page, item, value, width, height, base, quadding, look.text_color)
        sizes.append(size)
        if look.rotation:
            continue
        for x0, baseline, x1, s in boxes:
            top, bottom = rect.y0 + baseline - 0.6 * s, min(rect.y1, rect.y0 + baseline + 0.5 * s)
            under.setdefault(page_no, []).append((rect.x0 + x0, top, rect.x0 + x1 + 1, bottom))
    xobjects = _as_xobjects(doc, scratch)
    scratch.close()
    if options.remove_leaders:
        for page_no, areas in under.items():
            _clear_leaders(doc[page_no], areas)
    font_xref = _register_font(doc, xobjects[0]) if xobjects else 0
    done: list[str] = []
    for (widget, item, value), xobject, size, look in zip(widgets, xobjects, sizes, looks):
        if look.rotation:
            doc.xref_set_key(xobject, "Matrix", ROTATION_MATRIX[look.rotation])
        doc.xref_set_key(widget.xref, "AP", f"<</N {xobject} 0 R>>")
        doc.xref_set_key(widget.xref, "DA", f"({'/' + FONT} {size:.2f} Tf {look.color_ops})")
        doc.xref_set_key(_field_xref(doc, widget.xref), "V", pymupdf.get_pdf_str(value))
        if item.type in ("combo", "list"):
            doc.xref_set_key(_field_xref(doc, widget.xref), "I", "null")
        if item.id not in done:
            done.append(item.id)
    if font_xref:
        _set_dr_font(doc, font_xref)
    return done


HOST_CHUNK = 16  # show_pdf_page rescans its host page: keep hosts small (measured by bench/forms)


def _as_xobjects(doc: Any, scratch: Any) -> list[int]:
    """Each scratch page as a form XObject of `doc` (via temporary host pages)."""
    xobjects: list[int] = []
    for first in range(0, scratch.page_count, HOST_CHUNK):
        host = doc.new_page(-1, width=200, height=200)
        try:
            for i in range(first, min(first + HOST_CHUNK, scratch.page_count)):
                xobjects.append(host.show_pdf_page(host.rect, scratch, i, keep_proportion=False))
        finally:
            doc.delete_page(host.number)
    return xobjects


def _register_font(doc: Any, xobject: int) -> int:
    """The xref of the Type0 font used by an appearance XObject we created."""
    kind, resources = doc.xref_get_key(xobject, "Resources")
    if kind == "xref":
        res_xref = int(resources.split()[0])
        kind, font = doc.xref_get_key(res_xref, f"Font/{FONT}")
    else:
        kind, font = doc.xref_get_key(xobject, f"Resources/Font/{FONT}")
    return int(font.split()[0]) if kind == "xref" else 0


def set_key_path(doc: Any, xref: int, path: str, value: str) -> None:
    """xref_set_key through indirect dictionaries ('AcroForm/DR/Font/X' when DR is a reference)."""
    *parents, last = path.split("/")
    target, prefix = xref, ""
    for name in parents:
        kind, found = doc.xref_get_key(target, prefix + name)
        if kind == "xref":
            target, prefix = int(found.split()[0]), ""
        else:
            prefix += name + "/"
    doc.xref_set_key(target, prefix + last, value)


def _set_dr_font(doc: Any, font_xref: int) -> None:
    """Name our font in /AcroForm /DR so viewers that rebuild appearances keep diacritics."""
    catalog = doc.pdf_catalog()
    set_key_path(doc, catalog, f"AcroForm/DR/Font/{FONT}", f"{font_xref} 0 R")
    set_key_path(doc, catalog, "AcroForm/NeedAppearances", "false")


# ---------------------------------------------------------------- checkboxes and radios


def _button_state(item: FormItem, value: str, widget_states: list[str]) -> str | None:
    """The on-state of this widget the value selects, 'Off' to clear, None: not this widget."""
    folded = fold(value)
    for state in widget_states:
        if fold(state) == folded:
            return state
    if item.type == "checkbox":
        if folded in {fold(w) for w in TRUE_WORDS}:
            return widget_states[0] if widget_states else None
        if folded in ("no", "off", "false", "0", "khong"):
            return "Off"
    return None


def _fill_buttons(
    doc: Any, all_widgets: list[_Widget], jobs: list[tuple[FormItem, str]]
) -> tuple[list[str], list[tuple[str, str]]]:
    wanted = {item.id: (item, value) for item, value in jobs}
    chosen: dict[str, str] = {}
    widgets: list[tuple[Any, FormItem, list[str]]] = []
    for widget in all_widgets:
        if widget.field_type in (2, 5) and widget.name in wanted:
            item, value = wanted[widget.name]
            states = list(widget.states)
            widgets.append((widget, item, states))
            state = _button_state(item, value, states)
            if state is not None and (state != "Off" or item.id not in chosen):
                chosen[item.id] = state
    # radio labels given as the option text: "Ada Lovelace" -> state of the same index
    for item, value in jobs:
        if item.id not in chosen and item.type == "radio":
            folded = [fold(o) for o in item.options]
            if fold(value) in folded:
                chosen[item.id] = item.options[folded.index(fold(value))]
    for widget, item, states in widgets:
        if item.id not in chosen:
            continue
        state = chosen[item.id]
        mine = state if state in states else "Off"
        doc.xref_set_key(widget.xref, "AS", _pdf_name(mine))
        doc.xref_set_key(_field_xref(doc, widget.xref), "V", _pdf_name(state))
    skipped = [(item.id, _("the value matches none of the choices: {value}").format(value=value))
               for item, value in jobs if item.id not in chosen]  # fmt: skip
    return [i for i in chosen], skipped


# ---------------------------------------------------------------- flat blanks (overlay)


@dataclass
class _Overlay:
    page: int
    texts: list[tuple[tuple[float, float], str, float]] = field(default_factory=list)
    redact: list[Rect] = field(default_factory=list)


def _line_rects(item: FormItem) -> list[Rect]:
    return list(item.parts) if item.type == "line" and item.parts else [item.rect]


def _baseline_of(rect: Rect, item: FormItem) -> float:
    size = item.font_size or 12.0
    return rect[3] - 0.25 * size  # blanks are rect = baseline - 0.95 size .. baseline + 0.25 size


Span = tuple[float, float]  # x0, x1: free room around a short blank on its line


def _free_span(printed: list[Rect], rect: Rect) -> Span:
    """From the printed character before `rect` to the one after it on the same line (the dots
    under a value are removed, so the space between the words is the room to write in)."""
    left, right = rect[0], rect[2]
    mid = (rect[1] + rect[3]) / 2
    before = [r[2] for r in printed if r[1] < mid < r[3] and r[2] <= rect[0] + 1]
    after = [r[0] for r in printed if r[1] < mid < r[3] and r[0] >= rect[2] - 1]
    return (max(before, default=left - 6) + 1.0, min(after, default=right + 6) - 1.0)


def _printed_chars(page: Any) -> list[Rect]:
    """Boxes of the printed characters of a page that are not dotted leaders or spaces."""
    from forms.blanks import LEADER_WEIGHT

    return [
        tuple(ch["bbox"])
        for block in page.get_text("rawdict", flags=0).get("blocks", ())
        for line in block.get("lines", ())
        for span in line.get("spans", ())
        for ch in span.get("chars", ())
        if ch["c"] not in LEADER_WEIGHT and not ch["c"].isspace()
    ]


def _layout_blank(
    item: FormItem, value: str, today: str, printed: list[Rect] | None = None
) -> list[tuple[tuple[float, float], str, float, Rect]] | None:
    """(origin, text, size, area covered) for every piece of the value; None when the value
    does not fit in its blank (with its continuation lines) at MIN_BLANK_FONT_SIZE."""
    size = item.font_size or 12.0
    pieces = []
    if item.type in ("boxes", "checkbox"):
        if item.type == "checkbox":
            chars, cells = (item.options or ("X",))[0], [item.rect]
        else:
            chars, cells = re.sub(r"\s", "", value)[: len(item.parts)], list(item.parts)
        for ch, cell in zip(chars, cells):
            height = cell[3] - cell[1]
            s = min(size, height * 0.75)
            w = fonts.text_width(ch, s)
            x = (cell[0] + cell[2]) / 2 - w / 2
            y = (cell[1] + cell[3]) / 2 + s * (ASCENT + DESCENT) / 2
            pieces.append(((x, y), ch, s, cell))
        return pieces
    if item.type == "date" and len(item.parts) == 3:
        date = parse_date(value if value != "today" else today)
        year = (
            f"{date.year}"[-item.max_len :]
            if date and item.max_len
            else f"{date.year}"
            if date
            else ""
        )
        parts = (f"{date.day:02d}", f"{date.month:02d}", year) if date else None
        if parts:
            for text, rect in zip(parts, item.parts):
                lo, hi = _free_span(printed, rect) if printed is not None else (rect[0], rect[2])
                lo, hi = min(lo, rect[0]), max(hi, rect[2])
                room = hi - lo - 1
                s = fit_size(text, room, size, minimum=min(size, MIN_BLANK_FONT_SIZE))
                w = fonts.text_width(text, s)
                if w > room + 0.5:
                    return None
                x = rect[0] + max(0.5, (rect[2] - rect[0] - w) / 2)
                x = max(lo + 0.5, min(x, hi - w))
                pieces.append(
                    ((x, _baseline_of(rect, item)), text, s, (x - 1, rect[1], x + w + 1, rect[3]))
                )
            return pieces
    rects = _line_rects(item)
    widths = [r[2] - r[0] - 2 for r in rects]
    fitted = _wrap_shrinking(value, widths, size * 0.95, min(size * 0.95, MIN_BLANK_FONT_SIZE))
    if fitted is None:
        return None
    lines, s = fitted
    for line, rect in zip(lines, rects):
        x = rect[0] + 1
        w = fonts.text_width(line, s)
        pieces.append(
            ((x, _baseline_of(rect, item)), line, s, (rect[0], rect[1], x + w + 1, rect[3]))
        )
    return pieces


def value_layout(
    item: FormItem, value: str, today: str = ""
) -> list[tuple[float, float, str, float]] | None:
    """How `fill` writes `value` into a blank of a flat form: (x, baseline y, text, font size)
    for every piece, in points from the page's top left; None when it does not fit (`fill`
    then leaves the blank to be written by hand). The forms page draws its preview with it, so
    what the user sees is what the saved form holds (the date in its three places, a long value
    wrapped on the continuation lines). The room beside a date's parts is not measured here."""
    import datetime as dt

    pieces = _layout_blank(item, value, today or format_date(dt.date.today()))
    if pieces is None:
        return None
    return [(origin[0], origin[1], text, size) for origin, text, size, _area in pieces]


def _fill_blanks(
    doc: Any, jobs: list[tuple[FormItem, str]], font_buffer: bytes, options: FillOptions,
    today: str, skipped: list[tuple[str, str]],
) -> list[str]:  # fmt: skip
    import pymupdf

    overlays: dict[int, _Overlay] = {}
    done: list[str] = []
    printed: dict[int, list[Rect]] = {}
    for item, value in jobs:
        if item.type == "date" and item.page not in printed:
            printed[item.page] = _printed_chars(doc[item.page - 1])
        pieces = _layout_blank(item, value, today, printed.get(item.page))
        if pieces is None:
            skipped.append((item.id, _("the value does not fit in its blank: write it by hand")))
            continue
        overlay = overlays.setdefault(item.page, _Overlay(item.page))
        for origin, text, size, area in pieces:
            overlay.texts.append((origin, text, size))
            if item.type not in ("boxes", "checkbox"):
                size_ref = item.font_size or 12.0
                base = origin[1]
                overlay.redact.append(
                    (area[0] + 0.3, base - 0.45 * size_ref, area[2], base - 0.05 * size_ref)
                )
        done.append(item.id)
    for overlay in overlays.values():
        page = doc[overlay.page - 1]
        if options.remove_leaders and overlay.redact:
            for rect in overlay.redact:
                page.add_redact_annot(pymupdf.Rect(rect), fill=False)
            page.apply_redactions(
                images=pymupdf.PDF_REDACT_IMAGE_NONE,
                graphics=pymupdf.PDF_REDACT_LINE_ART_NONE,
                text=pymupdf.PDF_REDACT_TEXT_REMOVE,
            )
        page.insert_font(fontname=FONT, fontbuffer=font_buffer)
        for origin, text, size in overlay.texts:
            page.insert_text(origin, text, fontname=FONT, fontsize=size, color=(0, 0, 0.45))
    return done


# ---------------------------------------------------------------- the façade function


def _flatten(doc: Any) -> None:
    doc.bake(annots=True, widgets=True)
    catalog = doc.pdf_catalog()
    doc.xref_set_key(catalog, "AcroForm", "null")


def _items_for(doc: Any, values: Mapping[str, str]) -> list[FormItem]:
    items = list_fields(doc)
    if any(re.fullmatch(r"p\d+b\d+", k) for k in values):
        for page in doc:
            items.extend(find_blanks(page))
    return items


@dataclass(frozen=True)
class _Widget:
    """What filling needs of a widget, read once (PyMuPDF widget objects die with their page)."""

    page: int  # index
    xref: int
    name: str
    field_type: int
    rect: Any  # pymupdf.Rect
    states: tuple[str, ...]  # on-states of checkboxes and radios


def _collect_widgets(doc: Any) -> list[_Widget]:
    collected: list[_Widget] = []
    for page in doc:
        for w in page.widgets() or ():
            states: tuple[str, ...] = ()
            if w.field_type in (2, 5):
                normal = (w.button_states() or {}).get("normal") or []
                states = tuple(s for s in normal if s != "Off")
            collected.append(_Widget(page.number, w.xref, w.field_name or "", w.field_type,
                                     w.rect, states))  # fmt: skip
    return collected


def _refuse_signed(source: Path, options: FillOptions, encrypted: bool) -> None:
    if options.flatten:
        raise InputError(
            _("the form is signed: it can only be filled as an editable copy (flattening "
              "would break the signature)"),
            path=source,
        )  # fmt: skip
    if encrypted:
        raise InputError(_("a signed and encrypted form cannot be filled here"), path=source)


def _write(
    doc: Any, plan: _Plan, font_buffer: bytes, options: FillOptions, today: str,
    cancel: threading.Event | None, signed: bool,
) -> tuple[list[str], list[tuple[str, str]]]:  # fmt: skip
    catalog = doc.pdf_catalog()
    if has_xfa(doc):
        set_key_path(doc, catalog, "AcroForm/XFA", "null")
    if not signed and doc.xref_get_key(catalog, "Perms")[0] != "null":
        # Reader usage rights (UR3) become invalid once the form changes: drop them
        # (a signed form keeps its catalog untouched: only form filling is appended)
        set_key_path(doc, catalog, "Perms/UR3", "null")
    widgets = _collect_widgets(doc)
    filled = _fill_text_fields(doc, widgets, plan.text_fields, font_buffer, options)
    done_buttons, skipped = _fill_buttons(doc, widgets, plan.buttons)
    filled += done_buttons
    check_cancel(cancel)
    filled += _fill_blanks(doc, plan.blanks, font_buffer, options, today, skipped)
    if options.flatten:
        _flatten(doc)
    return filled, skipped


class FillStart(NamedTuple):
    source: Path
    output: Path
    options: FillOptions
    progress: ProgressFn
    today: str  # dd/mm/yyyy for the place-and-date line


def begin_fill(
    source: Path, output: Path, options: FillOptions | None, progress: ProgressFn | None
) -> FillStart:
    """What every filler does first (PDF and Word): defaults, the original never overwritten,
    today's date, the first progress report."""
    progress = progress or no_progress
    options = options or FillOptions()
    source, output = Path(source), Path(output)
    if source.resolve() == output.resolve():
        raise OutputError(_("the output must not replace the original form"), path=output)
    progress(0, 3, _("Opening the form"))
    return FillStart(
        source, output, options, progress, options.today or format_date(dt.date.today())
    )


def fill_form(
    source: Path,
    output: Path,
    values: Mapping[str, str],
    options: FillOptions | None = None,
    progress: ProgressFn | None = None,
    cancel: threading.Event | None = None,
) -> FillResult:
    """Write `values` (item id -> text) into a copy of `source` saved as `output`."""
    import pymupdf

    source, output, options, progress, today = begin_fill(source, output, options, progress)
    opened = open_pdf(source, options.password)
    try:
        doc = opened.doc
        warnings = list(opened.warnings)
        signed = is_signed(doc)
        if signed:
            _refuse_signed(source, options, opened.encrypted)
        if has_xfa(doc):
            warnings.append(
                _("the form also has an XFA part; it is dropped, the normal fields are filled")
            )
        plan = _plan(_items_for(doc, values), values)
        text = " ".join(v for _i, v in plan.text_fields + plan.blanks) + today
        if not options.flatten and plan.text_fields:
            text += fonts.typing_repertoire()  # the fields stay editable in other viewers
        font_buffer = fonts.subset_font(text)
        check_cancel(cancel)
        progress(1, 3, _("Writing the values"))
        with atomic_output(output, private=False) as tmp:
            if signed:  # only an incremental update keeps the signature valid
                doc.close()
                shutil.copyfile(source, tmp)
                doc = opened.doc = pymupdf.open(tmp)
            filled, skipped_buttons = _write(doc, plan, font_buffer, options, today, cancel, signed)
            progress(2, 3, _("Saving"))
            if signed:
                doc.saveIncr()
            else:
                if opened.encrypted:
                    warnings.append(_("the copy is saved without the password protection"))
                doc.save(tmp, garbage=3, deflate=True)
            doc.close()
            check_cancel(cancel)
    except OSError as exc:
        raise OutputError(
            _("Could not write the file: {reason}").format(reason=exc), path=output
        ) from exc
    finally:
        if not opened.doc.is_closed:
            opened.doc.close()
    progress(3, 3, _("Done"))
    return FillResult(
        output=output,
        filled=tuple(filled),
        skipped=tuple(plan.skipped + skipped_buttons),
        warnings=tuple(warnings),
        incremental=signed,
        font_bytes=len(font_buffer),
    )
