"""`hoso fields`, `hoso fill`, `hoso profile ...` end to end (in process, real files)."""

from __future__ import annotations

import json

import pytest

from desktop.cli import main
from tests.conftest import TESTDATA
from tests.forms.helpers import pdftotext, squash

HOSTILE = sorted((TESTDATA / "hostile" / "pdf").glob("*.pdf")) if TESTDATA.is_dir() else []


def test_fields_json_schema(testdata, capsys) -> None:
    form = testdata("forms", "vietnamese", "cccd_to_khai_can_cuoc_CC01.pdf")
    assert main(["fields", str(form), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows and {"kind", "page", "rect", "label", "key", "role", "confidence"} <= set(rows[0])
    assert {r["kind"] for r in rows} == {"blank"}
    first = rows[0]
    assert first["page"] == 1 and len(first["rect"]) == 4 and first["key"] == "full_name"
    x0, y0, x1, y1 = first["rect"]
    assert x0 < x1 and y0 < y1 < 842 / 2  # from the top-left: the name is in the upper half


def test_fields_lists_acroform_fields(testdata, capsys) -> None:
    form = testdata("forms", "acroform", "pdf-lib_fancy_fields.pdf")
    assert main(["fields", str(form), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {r["kind"] for r in rows} == {"field"}
    assert {"text", "checkbox", "radio", "combo", "list"} <= {r["type"] for r in rows}


@pytest.mark.timeout(30)
@pytest.mark.parametrize("path", HOSTILE, ids=lambda p: p.name)
def test_hostile_pdfs_exit_cleanly(path, capsys) -> None:
    code = main(["fields", str(path)])
    err = capsys.readouterr().err
    assert code in (0, 1)
    assert "Traceback" not in err
    if code == 1:
        assert err.startswith("hoso: ") and path.name in err


def test_encrypted_pdf_with_password(testdata, capsys) -> None:
    form = testdata("hostile", "pdf", "pyhanko_minimal-aes256.pdf")
    assert main(["fields", str(form)]) == 1
    assert main(["fields", str(form), "--password", "usersecret"]) == 0


def test_profile_commands_and_fill(testdata, tmp_path, capsys) -> None:
    requester = tmp_path / "an.json"
    requester.write_text(json.dumps({
        "full_name": "Nguyễn Văn An", "date_of_birth": "01/01/1990", "personal_id": "001090123456",
        "permanent_residence": "Xã Xuân Bắc, Huyện Xuân Lộc, Đồng Nai", "phone": "0912345678",
    }, ensure_ascii=False), encoding="utf-8")  # fmt: skip
    assert main(["profile", "add", "--from-json", str(requester)]) == 0
    profile_id = capsys.readouterr().out.strip()
    assert main(["profile", "list"]) == 0
    assert "Nguyễn Văn An" in capsys.readouterr().out
    assert main(["profile", "show", profile_id]) == 0
    assert json.loads(capsys.readouterr().out)["personal_id"] == "001090123456"
    assert main(["profile", "add", "--set", "full_name=Lê B", "--set", "personal_id=12"]) == 1
    assert "12" in capsys.readouterr().err

    father = tmp_path / "binh.json"
    father.write_text(json.dumps({"full_name": "Nguyễn Văn Bình"}, ensure_ascii=False), "utf-8")
    form = testdata("forms", "vietnamese", "cccd_to_khai_can_cuoc_CC01.pdf")
    out = tmp_path / "out.pdf"
    code = main(["fill", str(form), "--profile", profile_id, "--role", f"father={father}",
                 "--set", "occupation=Nông dân", "-o", str(out), "--flatten",
                 "--today", "27/11/2026"])  # fmt: skip
    assert code == 0, capsys.readouterr().err
    text = squash(pdftotext(out), leaders=True)
    for value in ("Nguyễn Văn An", "Nguyễn Văn Bình", "Nông dân", "001090123456"):
        assert squash(value) in text
    bad = main(["fill", str(form), "--profile", str(requester), "--set", "phone=12",
                "-o", str(tmp_path / "bad.pdf")])  # fmt: skip
    assert bad == 1 and not (tmp_path / "bad.pdf").exists()
    assert main(["profile", "delete", profile_id]) == 0


def test_profile_from_qr(tmp_path, capsys) -> None:
    import segno

    payload = "001090123456|012345678|Nguyễn Văn An|01011990|Nam|Xã Xuân Bắc, Đồng Nai|15062021"
    image = tmp_path / "qr.png"
    segno.make(payload).save(image, scale=6)
    assert main(["profile", "from-qr", str(image)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["full_name"] == "Nguyễn Văn An" and data["date_of_birth"] == "01/01/1990"
    assert main(["profile", "from-qr", str(image), "--save"]) == 0
    assert main(["profile", "from-qr", str(tmp_path / "missing.png")]) == 1
