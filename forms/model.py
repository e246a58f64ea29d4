"""The plain data types of the forms package (no PyMuPDF objects leak out of it)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Rect = tuple[float, float, float, float]  # x0, y0, x1, y1 in PDF points from the top-left

ItemKind = Literal["field", "blank"]
#: AcroForm: text, multiline, comb, checkbox, radio, combo, list, signature, button
#: flat blanks: line (dotted leader), date (ngày … tháng … năm …), boxes (a row of empty cells)
ItemType = Literal[
    "text", "multiline", "comb", "checkbox", "radio", "combo", "list", "signature", "button",
    "line", "date", "boxes",
]  # fmt: skip


@dataclass(frozen=True)
class FormItem:
    """One place to write: an AcroForm field (all its widgets) or a blank of a flat form."""

    kind: ItemKind
    id: str  # field name, or "p{page}b{n}" for a blank
    type: ItemType
    page: int  # from 1
    rect: Rect
    label: str = ""
    flags: int = 0
    value: str = ""
    options: tuple[str, ...] = ()  # choices of combo/list, on-states of checkbox/radio
    max_len: int = 0  # comb: characters; boxes: cells; date: digits of the year to write (0: all)
    baseline: float | None = None  # blanks: y of the text baseline (from the top)
    font_size: float = 0.0  # blanks: size of the text around the blank
    parts: tuple[Rect, ...] = ()  # date parts, box cells, continuation lines of a blank
    key: str | None = None  # profile key (see resources/forms/synonyms.json)
    role: str | None = None  # the same as `person` (kept for callers that say role)
    confidence: float = 0.0  # of the meaning (key)
    #: who the item is about: requester, child, mother, father, deceased, spouse, grantor,
    #: grantee, insured, employer, guardian, ward, witness, other:N; "official" for the office's
    #: part; None for the form itself (receiver, place and date of signing) or when unknown
    person: str | None = None
    person_confidence: float = 0.0
    block: str = ""  # the heading of the part of the form the item is in
    capitals: bool = False  # the label asks for capital letters
    in_words: bool = False  # "ghi bằng chữ": the date of `key` written in words
    row: int = 0  # a cell of a table of people (household members): its body row, from 1
    required: bool = False
    read_only: bool = False

    @property
    def fillable(self) -> bool:
        return self.type not in ("signature", "button") and not self.read_only


@dataclass(frozen=True)
class FormInfo:
    """What `forms.inspect` found in a form."""

    path: str
    page_count: int
    items: tuple[FormItem, ...]
    warnings: tuple[str, ...] = ()
    has_acroform: bool = False
    has_xfa: bool = False
    signed: bool = False
    page_sizes: tuple[tuple[float, float], ...] = field(default=())

    def item(self, item_id: str) -> FormItem | None:
        return next((i for i in self.items if i.id == item_id), None)
