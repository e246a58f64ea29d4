"""The dossier list of the start page: summaries, and broken folders skipped with a reason."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dossier.listing import list_dossiers
from dossier.workspace import BACKUP_FILE, DOSSIER_FILE, Workspace

pytestmark = pytest.mark.usefixtures("english_messages")


def set_modified(folder: Path, when: str) -> None:
    path = folder / DOSSIER_FILE
    data = json.loads(path.read_text(encoding="utf-8"))
    data["modified"] = when
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def test_list_dossiers_summarises_and_skips_broken_folders(tmp_path):
    root = tmp_path / "Hồ sơ số"
    first = Workspace.create(root / "a", "1.001193", applicant={"full_name": "Nguyễn Văn An"})
    first.dossier.current_step = "scan"
    first.save()
    set_modified(first.root, "2026-11-27T08:00:00+07:00")
    second = Workspace.create(root / "b", "2.000986", title="Khai tử", applicant={"ho_ten": "Lê C"})
    set_modified(second.root, "2026-11-27T02:00:00+00:00")  # 09:00 in Hà Nội: the newer one

    (root / "garbage").mkdir()
    (root / "garbage" / DOSSIER_FILE).write_text("{not json", encoding="utf-8")
    (root / "unknown-key").mkdir()
    (root / "unknown-key" / DOSSIER_FILE).write_text('{"id": 1}', encoding="utf-8")
    (root / "photos").mkdir()
    (root / "notes.txt").write_text("not a folder", encoding="utf-8")
    (root / ".hoso-import-x1").mkdir()  # an import in progress: not listed at all

    listing = list_dossiers(root)
    assert [s.folder.name for s in listing.dossiers] == ["b", "a"]
    b, a = listing.dossiers
    assert (a.procedure_code, a.applicant_name, a.state, a.current_step) == (
        "1.001193",
        "Nguyễn Văn An",
        "draft",
        "scan",
    )
    assert (b.title, b.applicant_name, b.file_count, b.recovered) == ("Khai tử", "Lê C", 0, False)
    reasons = {s.folder.name: s.reason for s in listing.skipped}
    assert set(reasons) == {"garbage", "unknown-key", "photos"}
    assert "damaged" in reasons["garbage"]
    assert "id" in reasons["unknown-key"]
    assert "dossier.json" in reasons["photos"]


def test_a_dossier_readable_only_through_its_backup_is_listed_as_recovered(tmp_path):
    ws = Workspace.create(tmp_path / "root" / "x", "1.001193")
    ws.save()
    (ws.root / DOSSIER_FILE).write_bytes(b"\0\0\0")
    assert (ws.root / BACKUP_FILE).exists()
    (summary,) = list_dossiers(tmp_path / "root").dossiers
    assert summary.recovered


def test_a_missing_root_is_an_empty_list(tmp_path):
    listing = list_dossiers(tmp_path / "absent")
    assert listing.dossiers == () and listing.skipped == ()


def test_clerk_search_by_name_id_procedure_and_date(tmp_path):
    from datetime import date

    from dossier.listing import list_dossiers
    from dossier.tracking import record_submission
    from dossier.workspace import Workspace

    first = Workspace.create(tmp_path / "a", "1.001193", title="Đăng ký khai sinh")
    first.dossier.applicant.update({"full_name": "Nguyễn Văn An", "personal_id": "001090123456"})
    record_submission(first.dossier, "H19.12-261127-0001", date(2026, 11, 27))
    first.save()
    second = Workspace.create(tmp_path / "b", "1.000656", title="Đăng ký khai tử")
    second.dossier.applicant.update({"full_name": "Trần Thị Bình"})
    second.save()
    summaries = {s.folder.name: s for s in list_dossiers(tmp_path).dossiers}
    assert summaries["a"].matches("nguyen van an")
    assert summaries["a"].matches("001090123456")
    assert summaries["a"].matches("KHAI SINH 27/11/2026")
    assert summaries["a"].matches("H19.12")
    assert not summaries["b"].matches("khai sinh")
    assert summaries["b"].matches("binh khai tu")
    assert dict(summaries["a"].applicant)["personal_id"] == "001090123456"
