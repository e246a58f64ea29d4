"""Dossier folders: layout, atomic saves with backup, strict loading, migrations, originals."""

from __future__ import annotations

import json
import os
import stat
import unicodedata
from datetime import date
from pathlib import Path

import pytest

from common.errors import InputError, ValidationError
from dossier import workspace as workspace_module
from dossier.workspace import (
    BACKUP_FILE,
    DAMAGED_FILE,
    DOSSIER_FILE,
    FOLDER_NAME_LENGTH,
    NewerFormatError,
    Workspace,
    default_folder_name,
    sha256_file,
)

pytestmark = pytest.mark.usefixtures("english_messages")


@pytest.fixture
def ws(tmp_path) -> Workspace:
    return Workspace.create(
        tmp_path / "Hồ sơ khai sinh", "1.001193", applicant={"full_name": "Nguyễn Văn An"}
    )


def read_json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def test_create_makes_the_layout_and_reopens(ws):
    assert sorted(p.name for p in ws.root.iterdir()) == [
        DOSSIER_FILE,
        "export",
        "originals",
        "work",
    ]
    again = Workspace.open(ws.root)
    assert again.dossier == ws.dossier
    assert again.dossier.applicant["full_name"] == "Nguyễn Văn An"
    assert again.dossier.schema_version == workspace_module.SCHEMA_VERSION


def test_create_refuses_a_folder_with_content(tmp_path):
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "note.txt").write_text("hi")
    with pytest.raises(InputError, match="not empty"):
        Workspace.create(tmp_path / "x", "1.001193")
    (tmp_path / "file").write_text("hi")
    with pytest.raises(InputError):
        Workspace.create(tmp_path / "file", "1.001193")


def test_each_save_keeps_the_previous_revision_as_backup(ws):
    ws.dossier.title = "first"
    ws.save()
    ws.dossier.title = "second"
    ws.save()
    main, backup = read_json(ws.root / DOSSIER_FILE), read_json(ws.root / BACKUP_FILE)
    assert (main["title"], backup["title"]) == ("second", "first")
    assert backup["revision"] == main["revision"] - 1
    # the backup is a separate file: replacing dossier.json does not touch it
    assert os.stat(ws.root / DOSSIER_FILE).st_ino != os.stat(ws.root / BACKUP_FILE).st_ino


def test_an_older_snapshot_never_overwrites_a_newer_one(ws):
    older = ws.snapshot()
    newer = ws.snapshot()
    ws.write_snapshot(newer)
    ws.write_snapshot(older)
    assert read_json(ws.root / DOSSIER_FILE)["revision"] == newer.revision


def test_open_falls_back_to_the_backup_when_the_main_file_is_damaged(ws):
    ws.dossier.title = "good"
    ws.save()
    good_revision = ws.dossier.revision
    ws.save()
    main = ws.root / DOSSIER_FILE
    main.write_bytes(main.read_bytes()[:50])  # as a disk failure would leave it
    opened = Workspace.open(ws.root)
    assert opened.recovered_from is not None
    assert DOSSIER_FILE in str(opened.recovered_from.path)
    assert opened.dossier.revision == good_revision
    assert opened.dossier.title == "good"
    # the next save keeps the damaged file aside instead of making it the backup
    opened.save()
    assert read_json(ws.root / BACKUP_FILE)["revision"] == good_revision
    assert len((ws.root / DAMAGED_FILE).read_bytes()) == 50
    assert Workspace.open(ws.root).recovered_from is None


def test_open_reports_file_and_field_of_an_invalid_dossier(ws, tmp_path):
    data = read_json(ws.root / DOSSIER_FILE)
    data["components"] = [{"component_id": "to-khai", "files": [{"id": "x"}]}]
    (ws.root / DOSSIER_FILE).write_text(json.dumps(data), encoding="utf-8")
    (ws.root / BACKUP_FILE).unlink(missing_ok=True)
    with pytest.raises(ValidationError) as caught:
        Workspace.open(ws.root)
    message = caught.value.user_message()
    assert DOSSIER_FILE in message
    assert "components[0].files[0]" in message

    data["components"] = []
    data["colour"] = "blue"
    (ws.root / DOSSIER_FILE).write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValidationError, match="colour"):
        Workspace.open(ws.root)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("original", "../../etc/passwd"),
        ("original", "/etc/passwd"),
        ("original", "work/a.jpg"),
        ("original", "originals\\..\\..\\x"),
        ("derived", "../x.pdf"),
    ],
)
def test_open_refuses_file_paths_outside_their_folder(ws, tmp_path, field, value):
    source = tmp_path / "a.jpg"
    source.write_bytes(b"\xff\xd8 data")
    ws.add_file("to-khai", source)
    data = read_json(ws.root / DOSSIER_FILE)
    data["components"][0]["files"][0][field] = value
    (ws.root / DOSSIER_FILE).write_text(json.dumps(data), encoding="utf-8")
    (ws.root / BACKUP_FILE).unlink()
    with pytest.raises(ValidationError, match=rf"components\[0\]\.files\[0\]\.{field}"):
        Workspace.open(ws.root)


def test_a_newer_format_is_refused_without_falling_back(ws):
    ws.save()
    data = read_json(ws.root / DOSSIER_FILE)
    data["schema_version"] = workspace_module.SCHEMA_VERSION + 1
    (ws.root / DOSSIER_FILE).write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(NewerFormatError, match="newer version"):
        Workspace.open(ws.root)


def test_a_version_0_dossier_is_migrated(ws, monkeypatch):
    """A fake v0 format named the procedure `procedure`; MIGRATIONS[0] renames it."""

    def v0_to_v1(data: dict) -> dict:
        data["procedure_code"] = data.pop("procedure")
        return data

    monkeypatch.setitem(workspace_module.MIGRATIONS, 0, v0_to_v1)
    data = read_json(ws.root / DOSSIER_FILE)
    data["procedure"] = data.pop("procedure_code")
    data["schema_version"] = 0
    (ws.root / DOSSIER_FILE).write_text(json.dumps(data), encoding="utf-8")
    opened = Workspace.open(ws.root)
    assert opened.dossier.procedure_code == "1.001193"
    assert opened.dossier.schema_version == workspace_module.SCHEMA_VERSION  # v0 -> v1 -> v2 -> v3
    opened.save()
    assert read_json(ws.root / DOSSIER_FILE)["schema_version"] == workspace_module.SCHEMA_VERSION


def test_a_future_migration_runs_when_the_schema_version_is_raised(ws, monkeypatch):
    calls = []

    def v3_to_v4(data: dict) -> dict:
        calls.append(data["schema_version"])
        data["extra"] = {**data["extra"], "migrated": True}
        return data

    monkeypatch.setattr(workspace_module, "SCHEMA_VERSION", 4)
    monkeypatch.setitem(workspace_module.MIGRATIONS, 3, v3_to_v4)
    opened = Workspace.open(ws.root)
    assert calls == [3]
    assert opened.dossier.schema_version == 4
    assert opened.dossier.extra["migrated"] is True


def test_a_missing_migration_is_an_input_error(ws, monkeypatch):
    monkeypatch.setattr(workspace_module, "SCHEMA_VERSION", 5)
    with pytest.raises(InputError, match="format 3"):
        Workspace.open(ws.root)


def test_add_file_copies_into_read_only_originals(ws, tmp_path):
    source = tmp_path / "giấy chứng sinh.JPG"
    source.write_bytes(b"\xff\xd8\xff" + os.urandom(5000))
    before = (source.read_bytes(), source.stat().st_mtime_ns)
    item = ws.add_file("giay-chung-sinh", source)
    copy = ws.path(item.original)
    assert copy.parent == ws.root / "originals"
    assert copy.suffix == ".jpg"
    assert copy.read_bytes() == before[0]
    assert item.sha256 == sha256_file(source)
    assert item.size == 5003
    assert item.kind == "image"
    assert (source.read_bytes(), source.stat().st_mtime_ns) == before  # the user's file untouched
    if os.name == "posix":
        assert stat.S_IMODE(copy.stat().st_mode) == 0o400
    reopened = Workspace.open(ws.root)
    assert reopened.dossier.component("giay-chung-sinh").files == [item]


def test_add_file_keeps_unicode_names_in_nfc(ws, tmp_path):
    decomposed = unicodedata.normalize("NFD", "Tờ khai đăng ký khai sinh.pdf")
    source = tmp_path / decomposed
    source.write_bytes(b"%PDF-1.4 test")
    item = ws.add_file("to-khai", source)
    assert item.name == unicodedata.normalize("NFC", decomposed)
    assert item.original.endswith(".pdf")
    assert item.kind == "pdf"


@pytest.mark.parametrize("case", ["missing", "folder", "empty"])
def test_add_file_refuses_what_is_not_a_usable_file(ws, tmp_path, case):
    source = tmp_path / f"{case}.jpg"
    if case == "folder":
        source.mkdir()
    elif case == "empty":
        source.write_bytes(b"")
    with pytest.raises(InputError) as caught:
        ws.add_file("to-khai", source)
    assert caught.value.path == source
    assert list((ws.root / "originals").iterdir()) == []
    assert ws.dossier.components == []


def test_remove_file_detaches_it(ws, tmp_path):
    source = tmp_path / "a.png"
    source.write_bytes(b"\x89PNG data")
    item = ws.add_file("giay-to-tuy-than", source)
    ws.remove_file(item.id)
    assert Workspace.open(ws.root).dossier.find_file(item.id) is None
    with pytest.raises(InputError):
        ws.remove_file(item.id)


def test_path_refuses_escapes(ws):
    assert ws.path("work/a.png") == (ws.root / "work" / "a.png").resolve()
    with pytest.raises(InputError):
        ws.path("../outside.txt")


def test_open_refuses_a_folder_without_dossier(tmp_path):
    with pytest.raises(InputError, match=r"dossier\.json"):
        Workspace.open(tmp_path)
    with pytest.raises(InputError):
        Workspace.open(tmp_path / "absent")


def test_saving_when_backup_and_main_are_one_file_leaves_no_temp(ws):
    """After a crash between the backup link and the rename, both names share one inode."""
    (ws.root / BACKUP_FILE).unlink(missing_ok=True)
    os.link(ws.root / DOSSIER_FILE, ws.root / BACKUP_FILE)
    ws.save()
    assert [p.name for p in ws.root.iterdir() if p.name.endswith(".tmp")] == []
    assert read_json(ws.root / BACKUP_FILE)["revision"] == ws.dossier.revision - 1


def test_a_dossier_opened_from_its_backup_alone_saves_normally(ws):
    ws.save()
    (ws.root / DOSSIER_FILE).unlink()  # only dossier.json.bak is left
    opened = Workspace.open(ws.root)
    assert opened.recovered_from is not None
    opened.save()
    opened.dossier.title = "after"
    opened.save()
    assert not (ws.root / DAMAGED_FILE).exists()
    assert read_json(ws.root / BACKUP_FILE)["revision"] == opened.dossier.revision - 1


# --- default folder names ---------------------------------------------------------------------


def test_a_short_folder_name_holds_date_procedure_and_applicant() -> None:
    name = default_folder_name("Đăng ký khai sinh", "Nguyễn Văn An", date(2026, 11, 27))
    assert name == "2026-11-27 Đăng ký khai sinh Nguyễn Văn An"


def test_a_long_procedure_name_is_cut_at_a_word_and_keeps_the_applicant() -> None:
    procedure = (
        "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan tổ chức có thẩm quyền "
        "của Việt Nam cấp hoặc chứng nhận"
    )
    name = default_folder_name(procedure, "Trần Thị Hương", date(2026, 11, 27))
    assert len(name) <= FOLDER_NAME_LENGTH
    assert name.startswith("2026-11-27 Chứng thực bản sao")
    assert name.endswith("… Trần Thị Hương")
    head = name.removeprefix("2026-11-27 ").removesuffix("… Trần Thị Hương")
    assert procedure.startswith(head) and procedure[len(head)] in " ,"  # a whole word
