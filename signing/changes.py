"""What changed between two versions of a PDF, in words, from the files' own content.

This is the project's own comparison, beside pyHanko's difference analysis: every page of both
versions is rendered without annotations and compared pixel by pixel (what is printed on the
page), the words of every page are compared, and form fields (value and appearance) and
annotations are compared one by one. A shadow attack (a field's value and appearance replaced in
an incremental update) shows as a field whose value changed; an overlay as an added annotation.

Rectangles are in PyMuPDF page coordinates: points, origin at the top left of the page.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Any

from common.i18n import _

# kinds of change
PAGE_ADDED, PAGE_REMOVED, PAGE_CONTENT = "page_added", "page_removed", "page_content"
FIELD_VALUE, FIELD_APPEARANCE, FIELD_ADDED, FIELD_REMOVED = (
    "field_value",
    "field_appearance",
    "field_added",
    "field_removed",
)
SIGNATURE_ADDED = "signature_added"
ANNOTATION_ADDED, ANNOTATION_REMOVED, ANNOTATION_CHANGED = (
    "annotation_added",
    "annotation_removed",
    "annotation_changed",
)
SECURITY_DATA = "security_data"  # DSS (certificates, OCSP, CRL) or a document timestamp

# changes a form-filling signature allows (pyHanko FORM_FILLING), and the archival ones
FORM_KINDS = frozenset({FIELD_VALUE, FIELD_APPEARANCE, SIGNATURE_ADDED})
ARCHIVAL_KINDS = frozenset({SECURITY_DATA})

RENDER_DPI = 30  # enough to see a changed word; an A4 page is 248 x 351 pixels
MAX_PAGES_RENDERED = 200
_EXCERPT = 60


@dataclass(frozen=True)
class Change:
    kind: str
    text: str  # the change in the user's words
    page: int | None = None  # 1-based
    rect: tuple[float, float, float, float] | None = None  # top-left origin, points
    field: str | None = None
    before: str | None = None
    after: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "text": self.text,
            "page": self.page,
            "rect": list(self.rect) if self.rect else None,
            "field": self.field,
            "before": self.before,
            "after": self.after,
        }


@dataclass(frozen=True)
class _Widget:
    name: str
    kind: str
    value: str
    appearance: str  # hash of the normal appearance stream
    page: int
    rect: tuple[float, float, float, float]
    signed: bool


@dataclass(frozen=True)
class _Annot:
    kind: str
    content: str
    page: int
    rect: tuple[float, float, float, float]
    appearance: str


@dataclass
class _Snapshot:
    pages: int
    widgets: dict[str, _Widget] = field(default_factory=dict)
    annots: dict[int, list[_Annot]] = field(default_factory=dict)
    dss: str = ""


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _EXCERPT else text[: _EXCERPT - 1] + "…"


def _rect(r) -> tuple[float, float, float, float]:
    return (round(r.x0, 1), round(r.y0, 1), round(r.x1, 1), round(r.y1, 1))


def _appearance_hash(doc, xref: int) -> str:
    """A hash of the normal appearance stream(s) of an annotation or widget."""
    kind, value = doc.xref_get_key(xref, "AP/N")
    digest = hashlib.sha256()
    refs = [int(x) for x in re.findall(r"(\d+) 0 R", value)] if kind in ("xref", "dict") else []
    for ref in refs[:8]:
        try:
            digest.update(doc.xref_stream_raw(ref) or b"")
            digest.update(doc.xref_object(ref, compressed=True).encode("latin-1", "replace"))
        except Exception:  # a broken reference: still a difference if it changes
            digest.update(str(ref).encode())
    return digest.hexdigest()[:16]


def _field_value(widget) -> str:
    value = widget.field_value
    if isinstance(value, bool):
        return _("ticked") if value else _("not ticked")
    if value in (None, "Off"):
        return ""
    return str(value)


def _snapshot(doc) -> _Snapshot:
    snap = _Snapshot(pages=doc.page_count)
    for number in range(min(doc.page_count, MAX_PAGES_RENDERED)):
        page = doc[number]
        for widget in page.widgets() or ():
            name = widget.field_name or f"#{widget.xref}"
            signed = widget.field_type == 6 and doc.xref_get_key(widget.xref, "V")[0] != "null"
            snap.widgets[name] = _Widget(
                name=name,
                kind=widget.field_type_string,
                value="" if widget.field_type == 6 else _field_value(widget),
                appearance=_appearance_hash(doc, widget.xref),
                page=number + 1,
                rect=_rect(widget.rect),
                signed=signed,
            )
        annots = []
        for annot in page.annots() or ():
            annots.append(
                _Annot(
                    kind=annot.type[1],
                    content=(annot.info or {}).get("content", ""),
                    page=number + 1,
                    rect=_rect(annot.rect),
                    appearance=_appearance_hash(doc, annot.xref),
                )
            )
        snap.annots[number + 1] = annots
    kind, value = doc.xref_get_key(doc.pdf_catalog(), "DSS")
    if kind != "null":
        snap.dss = value
    return snap


def _open(data: bytes, password: str | None):
    import pymupdf

    pymupdf.TOOLS.mupdf_display_errors(False)
    doc = pymupdf.open(stream=data, filetype="pdf")
    if doc.needs_pass and not doc.authenticate(password or ""):
        doc.close()
        raise ValueError("encrypted version")  # the caller says "could not be read"
    return doc


def compare(before: bytes, after: bytes, password: str | None = None) -> list[Change]:
    """The changes from the PDF `before` to the PDF `after` (two versions of one file)."""
    old, new = _open(before, password), _open(after, password)
    try:
        changes = _page_changes(old, new)
        a, b = _snapshot(old), _snapshot(new)
        changes += _widget_changes(a, b)
        changes += _annotation_changes(a, b)
        if a.dss != b.dss:
            changes.append(
                Change(
                    SECURITY_DATA,
                    _("certificates and revocation data (OCSP/CRL) were added for long-term "
                      "validation"),
                )
            )  # fmt: skip
        return changes
    finally:
        old.close()
        new.close()


def _page_changes(old, new) -> list[Change]:
    changes: list[Change] = []
    for number in range(old.page_count, new.page_count):
        words = _short(new[number].get_text()) if number < MAX_PAGES_RENDERED else ""
        text = _("page {page} was added").format(page=number + 1)
        if words:
            text += _(" (it reads: “{words}”)").format(words=words)
        changes.append(Change(PAGE_ADDED, text, page=number + 1))
    for number in range(new.page_count, old.page_count):
        changes.append(Change(PAGE_REMOVED, _("page {page} was removed").format(page=number + 1)))
    for number in range(min(old.page_count, new.page_count, MAX_PAGES_RENDERED)):
        change = _page_content_change(old[number], new[number], number + 1)
        if change is not None:
            changes.append(change)
    return changes


def _page_content_change(old_page, new_page, number: int) -> Change | None:
    """What is printed on the page (annotations and fields aside), by rendering and words."""
    from collections import Counter

    if _fingerprint(old_page) == _fingerprint(new_page):
        return None  # every object the page is drawn from is byte for byte the same
    box = _pixel_difference(old_page, new_page)
    covered = _annotation_rects(old_page) + _annotation_rects(new_page)
    old_words = Counter(_printed_words(old_page, covered))
    new_words = Counter(_printed_words(new_page, covered))
    if box is None and old_words == new_words:
        return None
    added = list((new_words - old_words).elements())
    removed = list((old_words - new_words).elements())
    text = _("the printed content of page {page} changed").format(page=number)
    details = []
    if removed:
        details.append(_("removed: “{words}”").format(words=_short(" ".join(removed))))
    if added:
        details.append(_("added: “{words}”").format(words=_short(" ".join(added))))
    if details:
        text += " (" + "; ".join(details) + ")"
    return Change(PAGE_CONTENT, text, page=number, rect=box or _rect(new_page.rect))


_INHERITED = ("Resources", "MediaBox", "CropBox", "Rotate")
_REF = re.compile(r"(\d+) 0 R")
MAX_OBJECTS = 5000


def _fingerprint(page) -> str | None:
    """A hash of every object the page's printed content is drawn from: the page dictionary
    (less its annotations), the attributes it inherits, and all objects reachable from them
    (content streams, resources, fonts, images: raw bytes, nothing decoded). Equal fingerprints
    of two versions mean the same printed page without rendering it (a rendering holds the GIL
    and decodes every image). None when the walk is too large: then render."""
    doc = page.parent
    digest = hashlib.sha256()
    queue = [_page_source(doc, page.xref)]
    node = page.xref
    for _depth in range(32):  # inherited attributes from the page tree
        kind, parent = doc.xref_get_key(node, "Parent")
        if kind != "xref":
            break
        node = int(parent.split()[0])
        queue += [f"{key}:{doc.xref_get_key(node, key)}" for key in _INHERITED]
    seen: set[int] = set()
    while queue:
        text = queue.pop()
        digest.update(text.encode("utf-8", "replace"))
        for ref in map(int, _REF.findall(text)):
            if ref in seen:
                continue
            if len(seen) >= MAX_OBJECTS:
                return None
            seen.add(ref)
            queue.append(f"{ref}:{doc.xref_object(ref, compressed=True)}")
            if doc.xref_is_stream(ref):
                digest.update(doc.xref_stream_raw(ref) or b"")
    return digest.hexdigest()


def _page_source(doc, xref: int) -> str:
    keys = [k for k in doc.xref_get_keys(xref) if k not in ("Annots", "Parent")]
    return "|".join(f"{k}:{doc.xref_get_key(xref, k)}" for k in sorted(keys))


def _annotation_rects(page) -> list:
    rects = [w.rect for w in page.widgets() or ()]
    rects += [a.rect for a in page.annots() or ()]
    return rects


def _printed_words(page, covered: list) -> list[str]:
    """The page's words, less those MuPDF extracts from annotation and field appearances."""
    import pymupdf

    words = []
    for x0, y0, x1, y1, word, *_rest in page.get_text("words"):
        centre = pymupdf.Point((x0 + x1) / 2, (y0 + y1) / 2)
        if not any(centre in rect for rect in covered):
            words.append(word)
    return words


def _pixel_difference(old_page, new_page) -> tuple[float, float, float, float] | None:
    """Bounding box (points) of the pixels that differ between the two renderings."""
    import pymupdf

    if old_page.rect != new_page.rect or old_page.rotation != new_page.rotation:
        return _rect(new_page.rect)
    a = old_page.get_pixmap(dpi=RENDER_DPI, annots=False, colorspace=pymupdf.csGRAY)
    b = new_page.get_pixmap(dpi=RENDER_DPI, annots=False, colorspace=pymupdf.csGRAY)
    if (a.width, a.height) != (b.width, b.height):
        return _rect(new_page.rect)
    sa, sb = a.samples, b.samples
    if sa == sb:
        return None
    stride = a.stride
    rows = [
        y
        for y in range(a.height)
        if sa[y * stride : (y + 1) * stride] != sb[y * stride : (y + 1) * stride]
    ]
    cols = [
        x for x in range(a.width) if any(sa[y * stride + x] != sb[y * stride + x] for y in rows)
    ]
    scale = 72.0 / RENDER_DPI
    return (
        round(cols[0] * scale, 1),
        round(rows[0] * scale, 1),
        round((cols[-1] + 1) * scale, 1),
        round((rows[-1] + 1) * scale, 1),
    )


def _widget_changes(a: _Snapshot, b: _Snapshot) -> list[Change]:
    changes: list[Change] = []
    for name, new in b.widgets.items():
        old = a.widgets.get(name)
        if new.kind == "Signature":
            if new.signed and (old is None or not old.signed):
                changes.append(
                    Change(
                        SIGNATURE_ADDED,
                        _("a signature was added (field {field})").format(field=name),
                        page=new.page, rect=new.rect, field=name,
                    )
                )  # fmt: skip
            elif old is None:
                changes.append(_added_field(new))
            continue
        if old is None:
            changes.append(_added_field(new))
        elif old.value != new.value:
            changes.append(
                Change(
                    FIELD_VALUE,
                    _("field “{field}” on page {page}: “{before}” at signing, now “{after}”"
                      ).format(field=name, page=new.page, before=_short(old.value) or "—",
                               after=_short(new.value) or "—"),
                    page=new.page, rect=new.rect, field=name,
                    before=old.value, after=new.value,
                )
            )  # fmt: skip
        elif old.appearance != new.appearance or old.rect != new.rect:
            changes.append(
                Change(
                    FIELD_APPEARANCE,
                    _("field “{field}” on page {page} looks different although its value "
                      "“{value}” did not change").format(field=name, page=new.page,
                                                       value=_short(new.value) or "—"),
                    page=new.page, rect=new.rect, field=name,
                )
            )  # fmt: skip
    for name, old in a.widgets.items():
        if name not in b.widgets:
            changes.append(
                Change(
                    FIELD_REMOVED,
                    _("field “{field}” was removed").format(field=name),
                    page=old.page, rect=old.rect, field=name,
                )
            )  # fmt: skip
    return changes


def _added_field(new: _Widget) -> Change:
    return Change(
        FIELD_ADDED,
        _("field “{field}” was added on page {page}").format(field=new.name, page=new.page),
        page=new.page,
        rect=new.rect,
        field=new.name,
    )


def _annotation_changes(a: _Snapshot, b: _Snapshot) -> list[Change]:
    changes: list[Change] = []
    for page, annots in b.annots.items():
        before = list(a.annots.get(page, []))
        for annot in annots:
            if annot in before:
                before.remove(annot)
                continue
            same_place = next((x for x in before if x.rect == annot.rect), None)
            if same_place is not None:
                before.remove(same_place)
                kind = ANNOTATION_CHANGED
                text = _("an annotation ({type}) on page {page} was changed")
            else:
                kind = ANNOTATION_ADDED
                text = _("an annotation ({type}) was added on page {page}")
            text = text.format(type=annot.kind, page=page)
            if annot.content:
                text += _(", reading “{text}”").format(text=_short(annot.content))
            changes.append(Change(kind, text, page=page, rect=annot.rect, after=annot.content))
        for annot in before:
            changes.append(
                Change(
                    ANNOTATION_REMOVED,
                    _("an annotation ({type}) was removed from page {page}").format(
                        type=annot.kind, page=page),
                    page=page, rect=annot.rect, before=annot.content,
                )
            )  # fmt: skip
    return changes
