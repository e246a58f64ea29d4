"""`hoso dossier ...` through a real subprocess: exit codes 0/1/2, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT

HOSO = ROOT / ".venv" / "bin" / "hoso"


def hoso(*args: str | Path, lang: str = "en") -> subprocess.CompletedProcess[str]:
    command = [str(HOSO)] if HOSO.exists() else [sys.executable, "-m", "desktop.cli"]
    return subprocess.run(
        [*command, "--lang", lang, *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        cwd=ROOT,
    )


def assert_refused(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert result.returncode == 1, result
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("hoso: ")
    assert "Traceback" not in result.stderr
    for word in words:
        assert word in lines[0], (word, lines[0])


@pytest.fixture
def files(tmp_path) -> dict[str, Path]:
    photo = tmp_path / "giấy chứng sinh.jpg"
    photo.write_bytes(b"\xff\xd8\xff" + b"x" * 1000)
    pdf = tmp_path / "tờ khai.pdf"
    pdf.write_bytes(b"%PDF-1.4 test")
    profile = tmp_path / "nguoi-yeu-cau.json"
    # a profile as forms.profiles writes it
    data = {"id": "pham-thi-dung", "full_name": "Phạm Thị Dung", "phone": "0900", "version": 1}
    profile.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return {"photo": photo, "pdf": pdf, "profile": profile}


def test_new_add_show_export_import_list(tmp_path, files):
    folder = tmp_path / "root" / "Khai sinh bé Na"
    profile = files["profile"]
    result = hoso("dossier", "new", folder, "--procedure", "1.001193", "--applicant", profile)
    assert result.returncode == 0, result.stderr
    assert (folder / "dossier.json").is_file()

    result = hoso("dossier", "add", folder, "giay-chung-sinh", files["photo"])
    assert result.returncode == 0, result.stderr
    result = hoso("dossier", "add", folder, "to-khai", files["pdf"])
    assert result.returncode == 0, result.stderr
    # by number: the catalog's first component (to-khai), or without the catalog the first
    # component already in the dossier (giay-chung-sinh)
    result = hoso("dossier", "add", folder, "1", files["photo"])
    assert result.returncode == 0, result.stderr
    first_component = result.stdout.split("\t")[1]
    assert first_component in ("to-khai", "giay-chung-sinh")

    result = hoso("dossier", "show", folder, "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["applicant"] == {
        "profile_id": "pham-thi-dung",
        "full_name": "Phạm Thị Dung",
        "phone": "0900",
    }
    names = {c["component_id"]: [f["name"] for f in c["files"]] for c in data["components"]}
    assert names["giay-chung-sinh"][0] == "giấy chứng sinh.jpg"
    assert names["to-khai"][0] == "tờ khai.pdf"
    assert names[first_component][-1] == "giấy chứng sinh.jpg"

    result = hoso("dossier", "show", folder)
    assert result.returncode == 0 and "Phạm Thị Dung" in result.stdout

    archive = tmp_path / "ho-so.hoso"
    assert hoso("dossier", "export", folder, archive).returncode == 0
    assert zipfile.is_zipfile(archive)
    assert_refused(hoso("dossier", "export", folder, archive), str(archive), "exists")
    assert hoso("dossier", "export", folder, archive, "--force").returncode == 0

    copy = tmp_path / "root" / "copy"
    result = hoso("dossier", "import", archive, copy)
    assert result.returncode == 0, result.stderr
    assert json.loads(hoso("dossier", "show", copy, "--json").stdout)["id"] == data["id"]
    assert_refused(hoso("dossier", "import", archive, copy), str(copy), "not empty")

    (tmp_path / "root" / "broken").mkdir()
    result = hoso("dossier", "list", tmp_path / "root")
    assert result.returncode == 0, result.stderr
    rows = [line.split("\t") for line in result.stdout.strip().splitlines()]
    assert sorted(Path(row[0]).name for row in rows) == ["Khai sinh bé Na", "copy"]
    assert all(row[1:4] == ["1.001193", "Phạm Thị Dung", "draft"] for row in rows)
    assert "broken" in result.stderr


def test_list_defaults_to_the_dossier_root(tmp_path, monkeypatch):
    root = tmp_path / "dossiers"
    monkeypatch.setenv("HOSO_DOSSIER_ROOT", str(root))
    assert hoso("dossier", "new", root / "x", "--procedure", "1.001193").returncode == 0
    result = hoso("dossier", "list", "--json")
    assert result.returncode == 0, result.stderr
    listing = json.loads(result.stdout)
    assert [Path(d["folder"]).name for d in listing["dossiers"]] == ["x"]


def test_refused_inputs_exit_1_with_one_line(tmp_path, files):
    folder = tmp_path / "d"
    assert hoso("dossier", "new", folder, "--procedure", "1.001193").returncode == 0
    assert_refused(hoso("dossier", "new", folder, "--procedure", "1.001193"), str(folder))
    missing = tmp_path / "không có.jpg"
    assert_refused(hoso("dossier", "add", folder, "to-khai", files["pdf"], missing), str(missing))
    # nothing was added when one of the files is refused
    components = json.loads(hoso("dossier", "show", folder, "--json").stdout)["components"]
    assert all(component["files"] == [] for component in components)
    assert_refused(hoso("dossier", "add", folder, "7", files["pdf"]), "7")
    assert_refused(hoso("dossier", "add", folder, "../x", files["pdf"]), "../x")
    assert_refused(hoso("dossier", "show", tmp_path / "nowhere"), "nowhere")
    bad_profile = tmp_path / "bad.json"
    bad_profile.write_text("[1, 2", encoding="utf-8")
    assert_refused(
        hoso("dossier", "new", tmp_path / "e", "--procedure", "1", "--applicant", bad_profile),
        str(bad_profile),
    )
    not_zip = tmp_path / "x.hoso"
    not_zip.write_text("hello", encoding="utf-8")
    assert_refused(hoso("dossier", "import", not_zip, tmp_path / "f"), str(not_zip), "zip")


def test_errors_are_in_vietnamese_by_default(tmp_path):
    result = hoso("dossier", "show", tmp_path / "nowhere", lang="vi")
    assert result.returncode == 1
    assert "không" in result.stderr.lower() or "thư mục" in result.stderr.lower()


def test_wrong_usage_exits_2(tmp_path):
    assert hoso("dossier").returncode == 2
    assert hoso("dossier", "add", tmp_path).returncode == 2
    assert hoso("dossier", "new", tmp_path / "x").returncode == 2  # --procedure missing
    assert hoso("dossier", "export", tmp_path).returncode == 2
