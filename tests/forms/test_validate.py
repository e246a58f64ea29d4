"""Checks before output, with messages per field."""

from __future__ import annotations

import pytest

from forms.model import FormItem
from forms.validate import check_value, parse_date, validate_values


@pytest.mark.parametrize(
    ("key", "value", "ok"),
    [
        ("personal_id", "001090123456", True),
        ("personal_id", "00109012345", False),
        ("personal_id", "00109012345a", False),
        ("date_of_birth", "29/02/2024", True),
        ("date_of_birth", "29/02/2023", False),
        ("date_of_birth", "1/2/1990", True),
        ("date_of_birth", "01/01/2999", False),
        ("id_issue_date", "32/01/2020", False),
        ("phone", "0912345678", True),
        ("phone", "+84 912 345 678", True),
        ("phone", "091234", False),
        ("email", "an@example.vn", True),
        ("email", "an@", False),
        ("full_name", "anything", True),
    ],
)
def test_check_value(key, value, ok) -> None:
    assert (check_value(key, value) is None) is ok


def test_parse_date_variants() -> None:
    assert parse_date("05.09.1991").isoformat() == "1991-09-05"
    assert parse_date("05091991").isoformat() == "1991-09-05"
    assert parse_date("1991-09-05") is None


def test_problems_name_the_field_in_vietnamese() -> None:
    items = [
        FormItem(kind="field", id="id", type="text", page=1, rect=(0, 0, 1, 1),
                 label="Số định danh cá nhân", key="personal_id"),
        FormItem(kind="field", id="name", type="text", page=1, rect=(0, 0, 1, 1),
                 label="Họ tên", required=True),
    ]  # fmt: skip
    problems = validate_values(items, {"id": "123"})
    assert [p.item_id for p in problems] == ["id", "name"]
    comb = FormItem(kind="field", id="ssn", type="comb", page=1, rect=(0, 0, 1, 1), max_len=9)
    assert validate_values([comb], {"ssn": "0912345678"})[0].message.count("9") == 1
    assert str(problems[0]).startswith("Số định danh cá nhân: ")
    assert "12" in problems[0].message
