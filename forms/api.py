"""The forms façade's functions: inspect, autofill, validate, fill, prepare_pdf (moved out of
forms/__init__.py unchanged; `forms` re-exports them)."""

from __future__ import annotations

import datetime as dt
import re
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from common.progress import ProgressFn, check_cancel, no_progress
from forms.fill import FillOptions, FillResult, fill_form
from forms.model import FormInfo, FormItem, Rect
from forms.profiles import Profile
from forms.validate import Problem, format_date, validate_values


@dataclass(frozen=True)
class InspectOptions:
    password: str | None = None
    find_blanks: bool = True  # look for dotted blanks and empty boxes outside the fields


def _overlap(a: Rect, b: Rect) -> float:
    """Share of `a` covered by `b`."""
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    area = (a[2] - a[0]) * (a[3] - a[1])
    return max(0.0, w) * max(0.0, h) / area if area > 0 else 0.0


def inspect(
    path: Path,
    options: InspectOptions | None = None,
    progress: ProgressFn | None = None,
    cancel: threading.Event | None = None,
) -> FormInfo:
    """The fields and blanks of a PDF form, each with its likely profile key and role."""
    from forms.acroform import has_xfa, is_signed, list_fields
    from forms.blanks import PageLine, read_page
    from forms.meaning import annotate
    from forms.pdfio import open_pdf

    progress = progress or no_progress
    options = options or InspectOptions()
    if _is_docx(path):
        from forms.word.reader import inspect_word

        info = inspect_word(Path(path))
        progress(1, 1, "")
        return info
    with open_pdf(Path(path), options.password) as opened:
        doc = opened.doc
        fields = list_fields(doc)
        items: list[FormItem] = list(fields)
        lines: dict[int, list[PageLine]] = {}
        warnings = list(opened.warnings)
        xfa = has_xfa(doc)
        if xfa:
            from common.i18n import _

            warnings.append(
                _("the form also has an XFA part; it is ignored, the normal fields are used")
            )
        if options.find_blanks:
            for page in doc:
                check_cancel(cancel)
                progress(page.number, doc.page_count, "")
                field_rects = [f.rect for f in fields if f.page == page.number + 1]
                count = sum(1 for i in items if i.kind == "blank" and i.page == page.number + 1)
                blanks, lines[page.number + 1] = read_page(page, start_index=count)
                for blank in blanks:
                    if not any(_overlap(blank.rect, r) > 0.3 for r in field_rects):
                        items.append(blank)
        info = FormInfo(
            path=str(path),
            page_count=doc.page_count,
            items=tuple(annotate(items, lines)),
            warnings=tuple(warnings),
            has_acroform=bool(fields),
            has_xfa=xfa,
            signed=is_signed(doc),
            page_sizes=tuple((p.rect.width, p.rect.height) for p in doc),
        )
    progress(1, 1, "")
    return info


def autofill(
    items: tuple[FormItem, ...] | list[FormItem],
    profiles: Mapping[str, Profile],
    overrides: Mapping[str, str] | None = None,
    today: str = "",
) -> dict[str, str]:
    """Values for every item whose meaning and person are known and whose person has a profile.

    `profiles` maps a person ("requester", "father", "other:1", ...) to a profile. An item whose
    person is unknown is never filled from the requester: it is left for the person (see
    `left_for_person`). "today" goes only into the form's own place-and-date line (the first).
    `overrides` keys are item ids, profile keys ("phone": the requester's) or "person.key".
    """
    from forms.persons import FORM_KEYS, MIN_PERSON_CONFIDENCE, OFFICIAL

    today = today or format_date(dt.date.today())
    values: dict[str, str] = {}
    dated = False
    for item in items:
        if not item.fillable or item.key is None or item.person == OFFICIAL:
            continue
        if item.key == "today":
            # the form's own place-and-date line is the first one; a later one is the office's
            # (a receipt, "kết quả xác minh" on CC01), dated by the office
            if not dated:
                values[item.id] = today
                dated = True
            continue
        if item.key in FORM_KEYS or item.person is None:
            continue
        if item.person_confidence < MIN_PERSON_CONFIDENCE:
            continue
        profile = profiles.get(item.person)
        if profile is None:
            continue
        value = _written(item, profile.get(item.key))
        if value:
            values[item.id] = value
    for key, value in (overrides or {}).items():
        for item in items:
            person = item.person or ""
            by_key = key == item.key and person == "requester"
            if key == item.id:
                values[item.id] = value  # this very blank: as given
            elif key == f"{person}.{item.key}" or by_key:
                # as a profile's value would be: the date's "ghi bằng chữ" line in words
                values[item.id] = _written(item, value)
    return values


def follow_date_in_words(
    items: tuple[FormItem, ...] | list[FormItem],
    values: Mapping[str, str],
    changed_id: str,
    previous: str = "",
) -> dict[str, str]:
    """The values after a date typed by hand (`changed_id`, which held `previous`): the same
    person's "ghi bằng chữ" line of that date written in words, when it is empty or still says
    the previous date in words; a line the user wrote differently is kept. Nothing is guessed:
    a date that cannot be read empties a line that followed the previous one."""
    from forms.persons import date_in_words

    changed = next((item for item in items if item.id == changed_id), None)
    result = dict(values)
    if changed is None or changed.in_words or not changed.key or not changed.person:
        return result
    followed_before = date_in_words(previous) if previous else None
    words = date_in_words(values.get(changed_id, ""))
    for item in items:
        if not (item.in_words and item.key == changed.key and item.person == changed.person):
            continue
        current = result.get(item.id, "")
        if current and current != followed_before:
            continue  # written by the user: theirs
        if words:
            result[item.id] = words
        else:
            result.pop(item.id, None)
    return result


def _written(item: FormItem, value: str) -> str:
    """The profile value as this item wants it: in words, in capitals."""
    from forms.persons import date_in_words

    if value and item.in_words:
        value = date_in_words(value) or ""
    if value and item.capitals:
        value = value.upper()
    return value


def left_for_person(
    items: tuple[FormItem, ...] | list[FormItem], values: Mapping[str, str]
) -> list[FormItem]:
    """The blanks and fields the person must fill in by hand ("cần điền tay"): every fillable
    item without a value, except the office's part and tick boxes."""
    from forms.persons import OFFICIAL

    return [
        item for item in items
        if item.fillable and item.id not in values and item.person != OFFICIAL
        and item.type not in ("checkbox", "radio", "button", "signature")
    ]  # fmt: skip


def validate(
    items: tuple[FormItem, ...] | list[FormItem], values: Mapping[str, str]
) -> list[Problem]:
    return validate_values(items, values)


def fill(
    source: Path,
    output: Path,
    values: Mapping[str, str],
    options: FillOptions | None = None,
    progress: ProgressFn | None = None,
    cancel: threading.Event | None = None,
) -> FillResult:
    """Write the values into a copy of the form (editable, or flattened with options.flatten)."""
    if _is_docx(source):  # a Word form is filled in place of its blanks, saved as .docx
        from forms.word.fill import fill_word

        return fill_word(source, output, values, options or FillOptions(), progress, cancel)
    return fill_form(source, output, values, options or FillOptions(), progress, cancel)


def _is_docx(path: Path) -> bool:
    from forms.pdfio import sniff_kind

    return sniff_kind(Path(path)) == "docx"


def prepare_form(path: Path, work_dir: Path) -> Path:
    """The form to work on: a PDF or a .docx as it is; a .doc converted to .docx in `work_dir`
    by Word or LibreOffice when one is installed (else InputError saying how to save it)."""
    from forms.docx import convert_doc_to_docx
    from forms.pdfio import sniff_kind

    path = Path(path)
    if sniff_kind(path) == "doc":
        return convert_doc_to_docx(path, work_dir)
    return path


def prepare_pdf(path: Path, work_dir: Path) -> Path:
    """The PDF to work on: the file itself, or its conversion when it is a Word document."""
    from forms.docx import convert_to_pdf, is_word_file

    path = Path(path)
    if is_word_file(path):
        return convert_to_pdf(path, work_dir)
    return path


def is_blank_id(item_id: str) -> bool:
    return re.fullmatch(r"p\d+b\d+", item_id) is not None
