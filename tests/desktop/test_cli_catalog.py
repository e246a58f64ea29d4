"""`hoso catalog ...` through a real subprocess: output, JSON, import, exit codes 0/1/2."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUILTIN = ROOT / "resources" / "catalog" / "tu-phap.json"


@pytest.fixture
def hoso(tmp_path):
    env = {**os.environ, "HOSO_DATA_DIR": str(tmp_path / "data")}

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "desktop.cli", *args],
            capture_output=True,
            text=True,
            timeout=60,
            cwd=ROOT,
            env=env,
        )

    return run


def test_search_finds_birth_first_without_diacritics(hoso):
    result = hoso("catalog", "search", "dang", "ky", "khai", "sinh")
    assert result.returncode == 0, result.stderr
    first = result.stdout.splitlines()[0]
    assert first.startswith("1.001193") and "Đăng ký khai sinh" in first


def test_search_json_with_filters(hoso):
    result = hoso(
        "catalog", "search", "khai tu", "--agency", "UBND xã Xuân Bắc", "--level", "xã", "--json"
    )
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert rows[0]["code"] == "1.000656" and rows[0]["name"] == "Đăng ký khai tử"
    result = hoso("catalog", "search", "--field", "Chứng thực", "--json")
    assert [r["code"] for r in json.loads(result.stdout)] == ["2.000815"]


def test_search_by_code(hoso):
    result = hoso("catalog", "search", "1.001193")
    assert result.stdout.splitlines() == ["1.001193  Đăng ký khai sinh  [Hộ tịch · Cấp xã]"]


def test_show_prints_details_and_checklist(hoso):
    result = hoso("catalog", "show", "1.001193")
    assert result.returncode == 0, result.stderr
    text = result.stdout
    assert text.startswith("Đăng ký khai sinh\n")
    assert "Mã thủ tục: 1.001193" in text
    assert "Luật Hộ tịch số 60/2014/QH13, Điều 16" in text
    assert "1. [bắt buộc] Tờ khai đăng ký khai sinh" in text
    assert "[không bắt buộc] Văn bản ủy quyền" in text
    assert "mẫu tk-khai-sinh" in text


def test_show_json(hoso):
    result = hoso("catalog", "show", "2.000815", "--json")
    data = json.loads(result.stdout)
    assert data["code"] == "2.000815"
    assert [c["id"] for c in data["components"]] == ["ban-chinh", "ban-sao", "phieu-yeu-cau"]


def test_unknown_code_exits_1_with_one_line(hoso):
    result = hoso("catalog", "show", "9.999999")
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "hoso: mã thủ tục không có trong danh mục: 9.999999"
    ]


def test_usage_errors_exit_2(hoso):
    assert hoso("catalog").returncode == 2
    assert hoso("catalog", "show").returncode == 2
    assert hoso("catalog", "search", "--service-level", "7").returncode == 2
    assert hoso("catalog", "search", "--level", "làng").returncode == 2


def test_import_good_then_bad_keeps_the_good_one(hoso, tmp_path):
    data = json.loads(BUILTIN.read_text(encoding="utf-8"))
    data["version"] = "2027.01"
    good = tmp_path / "good.json"
    good.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = hoso("catalog", "import", str(good))
    assert result.returncode == 0, result.stderr
    assert "2027.01" in result.stdout

    data["version"] = "2027.02"
    data["procedures"][3]["fee"]["amount_vnd"] = "miễn phí"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = hoso("catalog", "import", str(bad))
    assert result.returncode == 1
    line = result.stderr.strip()
    assert "\n" not in line and str(bad) in line
    assert "procedures[3].fee.amount_vnd" in line
    assert "Traceback" not in result.stderr
    imported = tmp_path / "data" / "catalog" / "catalog.json"
    assert json.loads(imported.read_text(encoding="utf-8"))["version"] == "2027.01"

    assert hoso("catalog", "reset").returncode == 0
    assert not imported.exists()


def test_portals(hoso):
    result = hoso("catalog", "portals")
    assert result.returncode == 0
    assert "https://dichvucong.dongnai.gov.vn/" in result.stdout
    profiles = json.loads(hoso("catalog", "portals", "--json").stdout)
    assert {p["id"] for p in profiles} == {"national", "dongnai", "opencps"}
