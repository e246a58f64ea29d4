from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

import pytest

from common.errors import ValidationError
from common.schema import load_dataclass, read_json, to_jsonable


@dataclass(frozen=True)
class Part:
    id: str
    required: bool = True


@dataclass(frozen=True)
class Thing:
    code: str
    parts: tuple[Part, ...] = ()
    level: Literal["commune", "province"] = "commune"
    fee: int | None = None
    tags: dict[str, str] = field(default_factory=dict)


def test_round_trip():
    data = {"code": "1", "parts": [{"id": "a", "required": False}], "fee": 5, "tags": {"x": "y"}}
    thing = load_dataclass(Thing, data)
    assert thing.parts[0].required is False
    assert to_jsonable(thing) == {**data, "level": "commune"}


@pytest.mark.parametrize(
    ("data", "where"),
    [
        ({"code": "1", "colour": "red"}, "colour"),
        ({"code": 1}, "code"),
        ({}, "code"),
        ({"code": "1", "parts": [{"id": "a", "required": "yes"}]}, "parts[0].required"),
        ({"code": "1", "level": "galaxy"}, "level"),
        ({"code": "1", "fee": True}, "fee"),
        ({"code": "1", "parts": {"id": "a"}}, "parts"),
    ],
)
def test_errors_name_the_file_and_field(data, where, tmp_path):
    source = tmp_path / "catalog.json"
    with pytest.raises(ValidationError) as info:
        load_dataclass(Thing, data, source=source)
    assert info.value.path == source
    assert where in info.value.message


def test_read_json_errors(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{nope", encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        read_json(bad)
    assert info.value.path == bad
    with pytest.raises(ValidationError):
        read_json(tmp_path / "missing.json")
