"""List the AcroForm fields of a PDF (one FormItem per field, widgets merged by name)."""

from __future__ import annotations

from typing import Any

from forms.model import FormItem, ItemType, Rect

# PDF field flags (PDF 32000-1, 12.7.3 and 12.7.4)
FF_READ_ONLY = 1 << 0
FF_REQUIRED = 1 << 1
FF_MULTILINE = 1 << 12
FF_COMB = 1 << 24

_WIDGET_TYPES = {
    1: "button",  # push button
    2: "checkbox",
    3: "combo",
    4: "list",
    5: "radio",
    6: "signature",
    7: "text",
}


def _rect(widget: Any) -> Rect:
    r = widget.rect
    return (round(r.x0, 2), round(r.y0, 2), round(r.x1, 2), round(r.y1, 2))


def _union(a: Rect, b: Rect) -> Rect:
    return (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))


def item_type(widget: Any) -> ItemType:
    kind = _WIDGET_TYPES.get(widget.field_type, "text")
    if kind == "text":
        flags = widget.field_flags or 0
        if flags & FF_COMB and (widget.text_maxlen or 0) > 0:
            return "comb"
        if flags & FF_MULTILINE:
            return "multiline"
    return kind  # type: ignore[return-value]


def _on_states(widget: Any) -> list[str]:
    try:
        states = widget.button_states() or {}
    except Exception:
        return []
    normal = states.get("normal") or []
    return [s for s in normal if s != "Off"]


def _value(widget: Any, kind: str) -> str:
    value = widget.field_value
    if value is None or value is False:
        return ""
    if value is True:
        return "Yes"
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    text = str(value)
    return "" if kind in ("checkbox", "radio") and text == "Off" else text


def _label(widget: Any) -> str:
    label = (widget.field_label or "").strip()  # /TU, the tooltip meant for people
    return label or (widget.field_name or "").strip()


def list_fields(doc: Any) -> list[FormItem]:
    """Every field of the document, in page order; radio groups and shared names merged."""
    merged: dict[str, FormItem] = {}
    order: list[str] = []
    for page in doc:
        for widget in page.widgets() or ():
            name = widget.field_name or f"xref{widget.xref}"
            kind = item_type(widget)
            options: list[str] = []
            if kind in ("combo", "list"):
                options = [
                    c[1] if isinstance(c, list | tuple) else str(c)
                    for c in (widget.choice_values or [])
                ]
            elif kind in ("checkbox", "radio"):
                options = _on_states(widget)
            flags = widget.field_flags or 0
            if name in merged:
                old = merged[name]
                new_options = tuple(dict.fromkeys((*old.options, *options)))
                value = old.value or _value(widget, kind)
                merged[name] = _replace(
                    old, rect=_union(old.rect, _rect(widget)), options=new_options, value=value
                )
                continue
            order.append(name)
            merged[name] = FormItem(
                kind="field",
                id=name,
                type=kind,
                page=page.number + 1,
                rect=_rect(widget),
                label=_label(widget),
                flags=flags,
                value=_value(widget, kind),
                options=tuple(options),
                max_len=int(widget.text_maxlen or 0),
                required=bool(flags & FF_REQUIRED),
                read_only=bool(flags & FF_READ_ONLY),
            )
    return [merged[n] for n in order]


def _replace(item: FormItem, **changes: Any) -> FormItem:
    from dataclasses import replace

    return replace(item, **changes)


def has_xfa(doc: Any) -> bool:
    try:
        kind, _value = doc.xref_get_key(doc.pdf_catalog(), "AcroForm/XFA")
    except Exception:
        return False
    return kind not in ("null", None)


def is_signed(doc: Any) -> bool:
    """True when the PDF holds a signature (then only incremental saves keep it valid)."""
    for xref in range(1, doc.xref_length()):
        try:
            if doc.xref_get_key(xref, "ByteRange")[0] != "array":
                continue
            # Reader "usage rights" (UR3) are no signature of a person: filling drops them
            if "/UR3" not in doc.xref_object(xref, compressed=True):
                return True
        except Exception:  # a free or broken object: not a signature
            continue
    return False
