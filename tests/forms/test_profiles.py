"""Profiles: CRUD in a folder, strict validation, NFC, atomic private files."""

from __future__ import annotations

import json
import os
import unicodedata

import pytest

from common.errors import InputError, ValidationError
from forms.profiles import Profile, ProfileStore, load_profile


def test_create_read_update_delete(tmp_path) -> None:
    store = ProfileStore(tmp_path / "profiles")
    assert store.list() == []
    an = store.add(
        full_name="Nguyễn Văn An", date_of_birth="01/01/1990", personal_id="001090123456"
    )
    binh = store.add(full_name="Trần Thị Bình", phone="0912 345 678")
    assert [p.full_name for p in store.list()] == ["Nguyễn Văn An", "Trần Thị Bình"]
    assert store.get(an.id) == an
    from dataclasses import replace

    store.save(replace(an, phone="0987654321"))
    assert store.get(an.id).phone == "0987654321"
    store.delete(binh.id)
    assert [p.id for p in store.list()] == [an.id]
    with pytest.raises(InputError):
        store.delete(binh.id)
    path = tmp_path / "profiles" / f"{an.id}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["full_name"] == "Nguyễn Văn An"
    if os.name == "posix":
        assert path.stat().st_mode & 0o077 == 0
    assert not list((tmp_path / "profiles").glob(".*.tmp"))


def test_values_are_stored_nfc(tmp_path) -> None:
    store = ProfileStore(tmp_path)
    decomposed = unicodedata.normalize("NFD", "Lê Thị Ánh")
    profile = store.add(full_name=decomposed)
    assert store.get(profile.id).full_name == unicodedata.normalize("NFC", "Lê Thị Ánh")


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"id": "a", "full_name": "A", "colour": "red"}, "colour"),
        ({"id": "a", "full_name": 5}, "full_name"),
        ({"id": "a", "full_name": "A", "personal_id": "12345"}, "personal_id"),
        ({"id": "a", "full_name": "A", "date_of_birth": "31/02/1990"}, "date_of_birth"),
        ({"id": "a", "full_name": "A", "phone": "12"}, "phone"),
        ({"id": "a", "full_name": ""}, "full_name"),
    ],
)
def test_invalid_profiles_are_refused_with_the_field_named(tmp_path, data, field) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        load_profile(path)
    assert field in info.value.message
    assert info.value.path == path


def test_broken_files_are_skipped_by_list_and_reported_by_scan(tmp_path) -> None:
    store = ProfileStore(tmp_path)
    store.add(full_name="Phạm Văn Cường")
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    profiles, problems = store.scan()
    assert len(profiles) == 1 and len(problems) == 1


def test_ids_cannot_escape_the_folder(tmp_path) -> None:
    store = ProfileStore(tmp_path)
    with pytest.raises(InputError):
        store.get("../etc/passwd")
    with pytest.raises(ValidationError):
        store.save(Profile(id="../x", full_name="X"))


def test_current_residence_falls_back_to_permanent() -> None:
    p = Profile(id="a", full_name="A", permanent_residence="Hà Nội")
    assert p.get("current_residence") == "Hà Nội"
