"""Checks before output: required values, personal ID, dates, phone numbers, e-mail.

Each problem names the field (its label) and says in the user's language what is wrong.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from common.i18n import _
from forms.model import FormItem

_PHONE = re.compile(r"^(?:\+?84|0)(?:\d{9}|\d{10})$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(frozen=True)
class Problem:
    item_id: str
    label: str
    message: str

    def __str__(self) -> str:
        return f"{self.label or self.item_id}: {self.message}"


def parse_date(text: str) -> dt.date | None:
    """dd/mm/yyyy (also dd-mm-yyyy, dd.mm.yyyy, ddmmyyyy) to a date, None when not a real date."""
    text = text.strip()
    match = re.fullmatch(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})", text) or re.fullmatch(
        r"(\d{2})(\d{2})(\d{4})", text
    )
    if not match:
        return None
    day, month, year = (int(g) for g in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def format_date(value: dt.date) -> str:
    return value.strftime("%d/%m/%Y")


def check_value(key: str | None, value: str) -> str | None:
    """The problem with one value for a profile key, or None when it looks right."""
    value = value.strip()
    if not value or key is None:
        return None
    if key == "personal_id":
        if not re.fullmatch(r"\d{12}", value):
            return _("a personal ID number has exactly 12 digits")
    elif key == "old_id":
        if not re.fullmatch(r"\d{9}|\d{12}", value):
            return _("an old ID number has 9 or 12 digits")
    elif key in ("date_of_birth", "id_issue_date", "today"):
        date = parse_date(value)
        if date is None:
            return _("not a real date (write dd/mm/yyyy)")
        if key == "date_of_birth" and date > dt.date.today():
            return _("the date of birth is in the future")
    elif key == "year_of_birth":
        if not re.fullmatch(r"(19|20)\d{2}", value):
            return _("not a year (write 4 digits)")
    elif key == "phone":
        digits = re.sub(r"[\s.\-()]", "", value)
        if not _PHONE.fullmatch(digits):
            return _("not a Vietnamese phone number (10 digits starting with 0)")
    elif key == "email" and not _EMAIL.fullmatch(value):
        return _("not an e-mail address")
    return None


def validate_values(items: Iterable[FormItem], values: Mapping[str, str]) -> list[Problem]:
    """Problems of the values about to be written, one per field at most."""
    problems: list[Problem] = []
    for item in items:
        value = values.get(item.id, "")
        if item.required and not value.strip():
            problems.append(Problem(item.id, item.label, _("this field is required")))
            continue
        # a date written in words ("ghi bằng chữ") or in capitals is checked as words, not digits
        message = None if item.in_words else check_value(item.key, value)
        if not message and item.kind == "field" and item.max_len and len(value) > item.max_len:
            message = _("too long: at most {count} characters").format(count=item.max_len)
        if message:
            problems.append(Problem(item.id, item.label, message))
    return problems
