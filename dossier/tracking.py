"""Following a dossier after submission, as the portal lets citizens do.

The expected result date counts working days (Monday to Friday, minus the public holidays of
resources/calendar/vn-holidays.json) from the submission date. "Immediately" procedures
(0 days) are due the same working day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Literal

from common.errors import ValidationError
from common.i18n import _
from common.resources import resource_path
from common.schema import load_dataclass, read_json
from dossier.model import Dossier

TrackingState = Literal["draft", "ready", "submitted", "result_received", "overdue"]


@dataclass(frozen=True)
class HolidayCalendar:
    description: str
    holidays: dict[str, tuple[str, ...]]
    weekend: tuple[int, ...] = (5, 6)  # Monday is 0
    unverified: tuple[str, ...] = ()

    def days(self) -> frozenset[date]:
        return frozenset(date.fromisoformat(d) for year in self.holidays.values() for d in year)


@dataclass(frozen=True)
class WorkCalendar:
    holidays: frozenset[date]
    weekend: frozenset[int]

    def is_working_day(self, day: date) -> bool:
        return day.weekday() not in self.weekend and day not in self.holidays

    def next_working_day(self, day: date) -> date:
        while not self.is_working_day(day):
            day += timedelta(days=1)
        return day

    def add_working_days(self, start: date, days: int) -> date:
        """The date `days` working days after `start` (a non-working start moves forward)."""
        current = self.next_working_day(start)
        remaining = days
        while remaining > 0:
            current = self.next_working_day(current + timedelta(days=1))
            remaining -= 1
        return current


def load_calendar(path: Path | None = None) -> WorkCalendar:
    path = path or resource_path("calendar", "vn-holidays.json")
    data = load_dataclass(HolidayCalendar, read_json(path), source=path)
    try:
        holidays = data.days()
    except ValueError as exc:
        raise ValidationError(_("invalid date: {reason}").format(reason=exc), path=path) from exc
    return WorkCalendar(holidays=holidays, weekend=frozenset(data.weekend))


@cache
def default_calendar() -> WorkCalendar:
    return load_calendar()


def expected_result_date(
    submitted: date, processing_days: int, calendar: WorkCalendar | None = None
) -> date:
    return (calendar or default_calendar()).add_working_days(submitted, max(0, processing_days))


def tracking_state(
    dossier: Dossier,
    processing_days: int | None,
    today: date | None = None,
    calendar: WorkCalendar | None = None,
) -> tuple[TrackingState, date | None]:
    """The dossier's state for lists (overdue when the result is late) and its due date."""
    submission = dossier.submission
    if dossier.state != "submitted" or not submission.submitted_on:
        return dossier.state, None
    try:
        submitted = date.fromisoformat(submission.submitted_on[:10])
    except ValueError:
        return dossier.state, None
    if processing_days is None:
        return "submitted", None
    due = expected_result_date(submitted, processing_days, calendar)
    if (today or date.today()) > due:
        return "overdue", due
    return "submitted", due


def record_submission(dossier: Dossier, portal_code: str, submitted_on: date) -> None:
    """The user submitted on the portal: keep its dossier code and the date."""
    code = portal_code.strip()
    if not code:
        raise ValidationError(_("the portal's dossier code is empty"))
    dossier.submission.portal_code = code
    dossier.submission.submitted_on = submitted_on.isoformat()
    dossier.state = "submitted"


def record_result(dossier: Dossier, received_on: date) -> None:
    dossier.submission.result_received_on = received_on.isoformat()
    dossier.state = "result_received"
