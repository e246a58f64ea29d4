"""`hoso check`, `hoso pack` and `hoso submission` from the command line (a real subprocess)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from dossier.status import pack_status
from dossier.workspace import Workspace
from tests.dossier.conftest import folder_digest
from tests.dossier.factory import CATALOG

ROOT = Path(__file__).resolve().parents[2]


def hoso(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "desktop.cli", *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def test_check_with_the_builtin_catalog_reports_the_missing_signature(make_dossier):
    workspace = make_dossier()  # the built-in catalog asks for a signed declaration form
    result = hoso("check", str(workspace.root), "--portal", "national")
    assert result.returncode == 1, result.stderr
    assert "Đăng ký khai sinh" in result.stdout
    assert "CẦN SỬA" in result.stdout and "ký số" in result.stdout
    assert "Chưa sẵn sàng" in result.stderr


def test_check_ready_with_a_given_catalog(make_dossier):
    workspace = make_dossier()
    result = hoso("--lang", "en", "check", str(workspace.root), "--catalog", str(CATALOG))
    assert result.returncode == 0, result.stderr
    assert "Ready to export." in result.stdout
    assert " 4. " in result.stdout and "signed" in result.stdout


def test_pack_for_upload_and_print(make_dossier, tmp_path):
    workspace = make_dossier()
    before = folder_digest(workspace.root)
    out, printed = tmp_path / "nop", tmp_path / "in.pdf"
    args = ["pack", str(workspace.root), "--catalog", str(CATALOG), "--portal", "national"]
    result = hoso(*args, "-o", str(out), "--zip", "--print", str(printed))
    assert result.returncode == 0, result.stderr
    assert "01_To_khai_dang_ky_khai_sinh.pdf" in result.stdout
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["portal"]["id"] == "national" and len(manifest["files"]) == 4
    assert (out / "ho_so_1_001193.zip").is_file()
    assert printed.read_bytes().startswith(b"%PDF-")
    # the files are only read; dossier.json records the export (the GUI shows it exported)
    after = folder_digest(workspace.root)
    assert {k: v for k, v in after.items() if not k.startswith("dossier.json")} == {
        k: v for k, v in before.items() if not k.startswith("dossier.json")
    }
    reopened = Workspace.open(workspace.root).dossier
    assert reopened.last_export is not None and reopened.last_export.portal == "national"
    assert reopened.last_export.folder == str(out) and reopened.last_export.files == 4
    assert reopened.submission.portal == "national"
    assert pack_status(reopened).state == "done"
    # a second run refuses to overwrite without --force, with one line naming the folder
    again = hoso(*args, "-o", str(out))
    assert again.returncode == 1 and str(out) in again.stderr
    assert len(again.stderr.strip().splitlines()) == 1
    assert hoso(*args, "-o", str(out), "--force").returncode == 0


def test_pack_refuses_an_incomplete_dossier(make_dossier, tmp_path, pack_inputs):
    workspace = make_dossier({"to-khai": [pack_inputs["form"]]})
    result = hoso("pack", str(workspace.root), "--catalog", str(CATALOG), "-o", str(tmp_path / "o"))
    assert result.returncode == 1
    assert "thiếu thành phần bắt buộc" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "o").exists()


def test_pack_allow_incomplete_exports_and_says_so(make_dossier, tmp_path, pack_inputs):
    workspace = make_dossier({"to-khai": [pack_inputs["form"]]})
    before = folder_digest(workspace.root)
    out = tmp_path / "nhap"
    args = ["pack", str(workspace.root), "--catalog", str(CATALOG), "-o", str(out)]
    result = hoso(*args, "--allow-incomplete")
    assert result.returncode == 0, result.stderr
    assert "01_To_khai_dang_ky_khai_sinh.pdf" in result.stdout
    assert "CHƯA ĐẦY ĐỦ" in result.stderr and "Traceback" not in result.stderr
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["complete"] is False
    assert [f["component_id"] for f in manifest["files"]] == ["to-khai"]
    problems = manifest["blocking_problems"]
    assert problems and all("thiếu thành phần bắt buộc" in p for p in problems)
    guide = (out / "huong_dan_nop_ho_so.html").read_text(encoding="utf-8")
    assert "Hồ sơ chưa đầy đủ" in guide
    after = folder_digest(workspace.root)
    assert {k: v for k, v in after.items() if not k.startswith("dossier.json")} == {
        k: v for k, v in before.items() if not k.startswith("dossier.json")
    }
    recorded = Workspace.open(workspace.root).dossier
    assert recorded.last_export is not None and recorded.last_export.complete is False
    assert pack_status(recorded).state == "attention"  # a draft is not an export


def test_pack_of_a_complete_dossier_says_it_is_complete(make_dossier, tmp_path):
    workspace = make_dossier()
    out = tmp_path / "du"
    args = ["pack", str(workspace.root), "--catalog", str(CATALOG), "-o", str(out)]
    result = hoso(*args, "--allow-incomplete")
    assert result.returncode == 0, result.stderr
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["complete"] is True and manifest["blocking_problems"] == []
    guide = (out / "huong_dan_nop_ho_so.html").read_text(encoding="utf-8")
    assert "chưa đầy đủ" not in guide.lower()


def test_unknown_portal_and_missing_dossier(make_dossier, tmp_path):
    workspace = make_dossier()
    result = hoso("check", str(workspace.root), "--portal", "khong-co")
    assert result.returncode == 1 and "khong-co" in result.stderr
    assert hoso("check", str(tmp_path / "không-có")).returncode == 1


def test_submission_choices(make_dossier):
    workspace = make_dossier()
    refused = hoso("submission", str(workspace.root), "--delivery", "post")
    assert refused.returncode == 1 and "địa chỉ" in refused.stderr
    done = hoso(
        "submission",
        str(workspace.root),
        "--delivery",
        "post",
        "--fee",
        "online",
        "--address",
        "Số 5, xã Xuân Bắc",
    )
    assert done.returncode == 0
    saved = json.loads((workspace.root / "dossier.json").read_text(encoding="utf-8"))
    assert saved["submission"]["result_delivery"] == "post"
    assert saved["submission"]["fee_payment"] == "online"


def test_pack_without_portal_uses_the_national_portal(make_dossier, tmp_path):
    """Issue 18: the national portal until a province's portal is chosen."""
    workspace = make_dossier()
    out = tmp_path / "nop"
    result = hoso("pack", str(workspace.root), "--catalog", str(CATALOG), "-o", str(out))
    assert result.returncode == 0, result.stderr
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["portal"]["id"] == "national"
    assert "(trước khi nén: " in result.stdout and "đầu vào" not in result.stdout
    # a dossier whose portal was chosen (a pack for it records it) keeps it
    args = ["pack", str(workspace.root), "--catalog", str(CATALOG), "--force"]
    assert hoso(*args, "--portal", "dongnai", "-o", str(tmp_path / "dn")).returncode == 0
    again = hoso(*args, "-o", str(out))
    assert again.returncode == 0, again.stderr
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["portal"]["id"] == "dongnai"
