from __future__ import annotations

from datetime import date

import pytest

from common.errors import ValidationError
from dossier.model import Dossier
from dossier.tracking import (
    WorkCalendar,
    expected_result_date,
    load_calendar,
    record_result,
    record_submission,
    tracking_state,
)

PLAIN = WorkCalendar(holidays=frozenset(), weekend=frozenset({5, 6}))


def test_working_days_skip_weekends():
    friday = date(2026, 11, 27)
    assert expected_result_date(friday, 0, PLAIN) == friday
    assert expected_result_date(friday, 1, PLAIN) == date(2026, 11, 30)  # Monday
    assert expected_result_date(friday, 3, PLAIN) == date(2026, 12, 2)
    saturday = date(2026, 11, 28)
    assert expected_result_date(saturday, 0, PLAIN) == date(2026, 11, 30)


def test_public_holidays_from_the_data_file():
    calendar = load_calendar()
    # Tết 2026 (14-22 Feb): 3 working days from Friday 13 Feb end on Wednesday 25 Feb
    assert expected_result_date(date(2026, 2, 13), 3, calendar) == date(2026, 2, 25)
    # 30/4 and 1/5 2026 are Thursday and Friday
    assert expected_result_date(date(2026, 4, 29), 1, calendar) == date(2026, 5, 4)
    assert not calendar.is_working_day(date(2026, 9, 2))


def test_a_broken_calendar_names_the_file(tmp_path):
    bad = tmp_path / "cal.json"
    bad.write_text('{"description": "x", "holidays": {"2026": ["2026-13-01"]}}', encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        load_calendar(bad)
    assert info.value.path == bad


def test_states_submitted_overdue_and_received():
    dossier = Dossier(id="x", procedure_code="1.004873", title="")
    assert tracking_state(dossier, 3) == ("draft", None)
    record_submission(dossier, " 000.00.20.H19-261127-0001 ", date(2026, 11, 23))
    assert dossier.submission.portal_code == "000.00.20.H19-261127-0001"
    state, due = tracking_state(dossier, 3, today=date(2026, 11, 25), calendar=PLAIN)
    assert (state, due) == ("submitted", date(2026, 11, 26))
    state, _due = tracking_state(dossier, 3, today=date(2026, 11, 27), calendar=PLAIN)
    assert state == "overdue"
    record_result(dossier, date(2026, 11, 27))
    assert tracking_state(dossier, 3, today=date(2026, 12, 30))[0] == "result_received"
    with pytest.raises(ValidationError):
        record_submission(dossier, "  ", date(2026, 11, 23))
