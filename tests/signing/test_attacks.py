"""Attack files built here: a signed form changed afterwards in ways a viewer would not show.

Each gets the right level and a precise message (Vietnamese, no library text); `hoso verify`
exits 0 only for a file unchanged since signing, or whose changes a later signature covers.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from io import BytesIO
from pathlib import Path

import pytest

from desktop.cli import main
from signing import SignOptions, StampOptions, VerifyOptions, open_p12, sign, verify
from signing.verify import LEVEL_CHANGED, LEVEL_INVALID, LEVEL_UNCHANGED, signed_version
from tests.signing.conftest import make_pdf
from tests.signing.pki import P12_PASSWORD

ORIGINAL, FORGED = "Nguyễn Văn An", "Trần Thị Bình"
STAMP = StampOptions(page=1, rect=(300, 40, 520, 104))


def _form(path: Path) -> Path:
    """A one-page form with a filled text field 'nguoi_nhan' (PyMuPDF)."""
    import pymupdf

    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 100), "Kinh gui: UBND xa Xuan Bac", fontsize=12)
    page.insert_text((72, 140), "Nguoi nhan:", fontsize=12)
    widget = pymupdf.Widget()
    widget.field_name = "nguoi_nhan"
    widget.field_type = pymupdf.PDF_WIDGET_TYPE_TEXT
    widget.rect = pymupdf.Rect(160, 125, 400, 145)
    widget.field_value = "Nguyen Van An"
    page.add_widget(widget)
    doc.save(path)
    return path


@pytest.fixture(scope="module")
def signed_form(pki, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("attacks")
    with open_p12(pki.p12("signer"), P12_PASSWORD) as signer:
        sign(_form(folder / "form.pdf"), folder / "signed.pdf", SignOptions(stamp=STAMP), signer)
    return folder / "signed.pdf"


def _copy(signed: Path, tmp_path: Path, name: str) -> Path:
    target = tmp_path / name
    shutil.copy(signed, target)
    return target


def _shadow(signed: Path, target: Path) -> Path:
    """Replace the field's value and appearance in an incremental update (pyHanko's writer):
    the difference analysis calls this form filling."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    buffer = BytesIO(signed.read_bytes())
    writer = IncrementalPdfFileWriter(buffer)
    name = generic.NameObject
    for ref in writer.root["/AcroForm"]["/Fields"]:
        fld = ref.get_object()
        if fld.get("/T") != "nguoi_nhan":
            continue
        x0, y0, x1, y1 = (float(v) for v in fld["/Rect"])
        font = generic.DictionaryObject(
            {name("/Type"): name("/Font"), name("/Subtype"): name("/Type1"),
             name("/BaseFont"): name("/Helvetica")}
        )  # fmt: skip
        stream = generic.StreamObject(
            {
                name("/Type"): name("/XObject"),
                name("/Subtype"): name("/Form"),
                name("/BBox"): generic.ArrayObject(
                    [generic.FloatObject(v) for v in (0, 0, x1 - x0, y1 - y0)]
                ),
                name("/Resources"): generic.DictionaryObject(
                    {
                        name("/Font"): generic.DictionaryObject(
                            {name("/Helv"): writer.add_object(font)}
                        )
                    }
                ),
            },
            stream_data=b"/Tx BMC q BT /Helv 11 Tf 2 5 Td (Tran Thi Binh) Tj ET Q EMC",
        )
        fld["/V"] = generic.TextStringObject("Tran Thi Binh")
        fld["/AP"] = generic.DictionaryObject({name("/N"): writer.add_object(stream)})
        writer.update_container(fld)
    writer.write_in_place()
    target.write_bytes(buffer.getvalue())
    return target


def _mupdf_incremental(signed: Path, target: Path, change) -> Path:
    import pymupdf

    shutil.copy(signed, target)
    doc = pymupdf.open(target)
    change(doc)
    doc.saveIncr()
    doc.close()
    return target


def _overlay(doc) -> None:
    import pymupdf

    doc[0].add_freetext_annot(
        pymupdf.Rect(155, 120, 420, 150), "Tran Thi Binh", fontsize=12, fill_color=(1, 1, 1)
    )


def _add_page(doc) -> None:
    doc.new_page().insert_text((72, 72), "Trang them sau khi ky")


def _refill(doc) -> None:
    for widget in doc[0].widgets():
        if widget.field_name == "nguoi_nhan":
            widget.field_value = "Tran Thi Binh"
            widget.update()


def _no_library_text(sig) -> None:
    for text in [sig.verdict, *(p.text for p in sig.problems)]:
        assert not any(w in text for w in ("Error", "pyhanko", "Exception", "object")), text


def test_untouched_form_is_valid_and_unchanged(signed_form):
    [sig] = verify(signed_form).signatures
    assert sig.level == LEVEL_UNCHANGED and sig.ok and sig.later == ()
    assert sig.trusted is None and "không kiểm tra được" in sig.verdict


def test_shadow_attack_is_valid_but_changed_and_says_what(signed_form, tmp_path):
    path = _shadow(signed_form, tmp_path / "shadow.pdf")
    [sig] = verify(path).signatures
    assert sig.change_detail == "FORM_FILLING"  # pyHanko alone calls it form filling
    assert sig.level == LEVEL_CHANGED and not sig.ok
    assert "nguoi_nhan" in sig.verdict
    assert "lúc ký là “Nguyen Van An”, nay là “Tran Thi Binh”" in sig.verdict
    [version] = sig.later
    [change] = version.changes
    assert change.kind == "field_value" and change.page == 1 and change.rect
    assert version.covered_by is None
    _no_library_text(sig)


def test_shadow_attack_through_mupdf_is_invalid(signed_form, tmp_path):
    path = _mupdf_incremental(signed_form, tmp_path / "refill.pdf", _refill)
    [sig] = verify(path).signatures
    assert sig.level == LEVEL_INVALID
    assert sig.problems[0].kind == "changes"
    assert "thay đổi không được phép" in sig.verdict and "Tran Thi Binh" in sig.verdict


def test_overlay_annotation_is_invalid_and_named(signed_form, tmp_path):
    path = _mupdf_incremental(signed_form, tmp_path / "overlay.pdf", _overlay)
    [sig] = verify(path).signatures
    assert sig.level == LEVEL_INVALID
    assert "chú thích (FreeText) được thêm lên trang 1, ghi “Tran Thi Binh”" in sig.verdict
    _no_library_text(sig)


def test_added_page_is_invalid_and_named(signed_form, tmp_path):
    path = _mupdf_incremental(signed_form, tmp_path / "page.pdf", _add_page)
    [sig] = verify(path).signatures
    assert sig.level == LEVEL_INVALID
    assert "trang 2 được thêm vào" in sig.verdict and "Trang them" in sig.verdict


def _print_over(doc) -> None:
    doc[0].insert_text((72, 180), "Da duoc duyet", fontsize=12)


def test_printed_content_changed_is_invalid_and_named(signed_form, tmp_path):
    path = _mupdf_incremental(signed_form, tmp_path / "printed.pdf", _print_over)
    [sig] = verify(path).signatures
    assert sig.level == LEVEL_INVALID
    assert "nội dung in trên trang 1 đã thay đổi (thêm vào: “Da duoc duyet”)" in sig.verdict
    [change] = [c for v in sig.later for c in v.changes if c.kind == "page_content"]
    x0, y0, _x1, y1 = change.rect
    assert x0 < 80 and y1 > 160 and y0 < 185  # the place that changed, for highlighting


def test_a_later_signature_covers_the_change(signed_form, tmp_path, pki):
    shadow = _shadow(signed_form, tmp_path / "shadow.pdf")
    second = tmp_path / "countersigned.pdf"
    with open_p12(pki.p12("other"), P12_PASSWORD) as signer:
        stamp = StampOptions(page=1, rect=(300, 120, 520, 184))
        sign(shadow, second, SignOptions(stamp=stamp), signer)
    first, last = verify(second).signatures
    assert first.level == LEVEL_UNCHANGED and first.ok, first.verdict
    assert "các thay đổi sau đó đã được Trần Thị Bình ký" in first.verdict
    assert {v.covered_by for v in first.later} == {"Trần Thị Bình"}
    assert last.level == LEVEL_UNCHANGED and last.later == ()
    trusted = verify(second, VerifyOptions(trust_roots=(pki.cert_pem("root"),))).signatures
    assert [s.level for s in trusted] == [LEVEL_UNCHANGED, LEVEL_UNCHANGED]
    assert all(s.trusted for s in trusted)


def test_an_untrusted_later_signature_covers_nothing(signed_form, tmp_path, pki):
    """With a trust list, a change 'covered' by a signer outside it stays uncovered."""
    from tests.signing.pki import build_pki

    stranger = build_pki(tmp_path / "other-pki")
    shadow = _shadow(signed_form, tmp_path / "shadow.pdf")
    second = tmp_path / "countersigned.pdf"
    with open_p12(stranger.p12("other"), P12_PASSWORD) as signer:
        stamp = StampOptions(page=1, rect=(300, 120, 520, 184))
        sign(shadow, second, SignOptions(stamp=stamp), signer)
    trust = VerifyOptions(trust_roots=(pki.cert_pem("root"),))
    first, last = verify(second, trust).signatures
    assert first.trusted and first.level == LEVEL_CHANGED
    assert {v.covered_by for v in first.later} == {None}
    assert "nay là “Tran Thi Binh”" in first.verdict
    assert last.level == LEVEL_INVALID and "tin cậy" in last.verdict


def test_expired_certificate_at_claimed_signing_time(pki, tmp_path):
    with open_p12(pki.p12("signer-expired"), P12_PASSWORD) as signer:
        options = SignOptions(stamp=STAMP, allow_invalid_cert=True)
        sign(_form(tmp_path / "form.pdf"), tmp_path / "expired.pdf", options, signer)
    [sig] = verify(tmp_path / "expired.pdf").signatures
    assert sig.level == LEVEL_INVALID
    assert "đã hết hạn vào thời điểm ký mà người ký khai" in sig.verdict
    assert sig.cert_valid_to is not None and sig.cert_valid_to < sig.claimed_time


def test_signed_version_is_the_file_as_signed(signed_form, tmp_path):
    shadow = _shadow(signed_form, tmp_path / "shadow.pdf")
    assert signed_version(shadow, 1) == signed_form.read_bytes()


def _cli(argv, monkeypatch, capsys) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", BytesIO(b""))
    code = main(argv)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_cli_exit_codes_and_signed_version(signed_form, tmp_path, monkeypatch, capsys):
    shadow = _shadow(signed_form, tmp_path / "shadow.pdf")
    assert _cli(["verify", str(signed_form)], monkeypatch, capsys)[0] == 0
    code, out, _err = _cli(["verify", str(shadow)], monkeypatch, capsys)
    assert code == 1
    assert "Phiên bản 3 (không có chữ ký nào sau đó bao phủ)" in out
    assert "nay là “Tran Thi Binh”" in out
    out_pdf = tmp_path / "v1.pdf"
    args = ["verify", str(shadow), "--signed-version", "1", "-o", str(out_pdf)]
    assert _cli(args, monkeypatch, capsys)[0] == 0
    assert out_pdf.read_bytes() == signed_form.read_bytes()
    assert _cli([*args[:3], "3", "-o", str(out_pdf)], monkeypatch, capsys)[0] == 1


def test_cli_json_always_prints_json(testdata, monkeypatch, capsys):
    bad = testdata("hostile", "pdf", "qpdf_bad1.pdf")
    code, out, _err = _cli(["verify", "--json", str(bad)], monkeypatch, capsys)
    data = json.loads(out)
    assert code == 1 and data["ok"] is False and data["error"]["message"]
    assert data["error"]["file"] == str(bad)


def test_repairable_file_opens_and_says_it_was_repaired(testdata):
    report = verify(testdata("hostile", "pdf", "qpdf_issue-202.pdf"))
    assert report.repaired and report.signatures == ()
    assert "đã được sửa" in report.notes[0]


def test_pdfsig_agrees_the_shadowed_file_still_verifies(signed_form, tmp_path):
    """Why the own comparison is needed: poppler accepts the shadowed file's signature."""
    if shutil.which("pdfsig") is None:
        pytest.skip("poppler-utils not installed")
    shadow = _shadow(signed_form, tmp_path / "shadow.pdf")
    result = subprocess.run(["pdfsig", str(shadow)], capture_output=True, text=True, timeout=60)
    assert "Signature is Valid" in result.stdout
    assert verify(shadow).signatures[0].level == LEVEL_CHANGED


# --- causes named: key size, a digest OID that is no digest, a structure that cannot be read ---


@pytest.fixture(scope="module")
def plain_signed(pki, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("plain")
    with open_p12(pki.p12("signer"), P12_PASSWORD) as signer:
        sign(make_pdf(folder / "a.pdf"), folder / "signed.pdf", SignOptions(), signer)
    return folder / "signed.pdf"


def test_short_rsa_key_is_named(pki, tmp_path):
    with open_p12(pki.p12("signer-weak"), P12_PASSWORD) as signer:
        sign(make_pdf(tmp_path / "a.pdf"), tmp_path / "weak.pdf", SignOptions(), signer)
    [sig] = verify(
        tmp_path / "weak.pdf", VerifyOptions(trust_roots=(pki.cert_pem("root"),))
    ).signatures
    assert sig.level == LEVEL_INVALID and sig.intact and sig.valid
    assert "khóa RSA của người ký chỉ dài 1024 bit; cần ít nhất 2048 bit" in sig.verdict
    assert sig.algorithm == "RSA 1024 bit, SHA-256"


def _contents_span(data: bytes) -> tuple[int, int]:
    match = re.search(rb"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)", data)
    assert match
    return int(match.group(2)), int(match.group(3))


def test_digest_oid_that_is_not_a_digest(plain_signed, tmp_path):
    """The CMS names sha256WithRSAEncryption as its digest (pyHanko used to print a Python
    AttributeError); the OIDs have the same length, so only /Contents changes."""
    data = plain_signed.read_bytes()
    start, end = _contents_span(data)
    sha256, sha256_rsa = b"0609608648016503040201", b"06092a864886f70d01010b"
    assert sha256 in data[start:end]
    path = tmp_path / "oid.pdf"
    path.write_bytes(data[:start] + data[start:end].replace(sha256, sha256_rsa) + data[end:])
    [sig] = verify(path).signatures
    assert sig.level == LEVEL_INVALID and sig.intact is None and sig.valid is None
    assert "1.2.840.113549.1.1.11 (SHA-256 + RSA)" in sig.verdict
    assert "không phải thuật toán băm" in sig.verdict
    assert sig.coverage == "not_checked"


def _redirect_signature_object(data: bytes) -> bytes:
    """An incremental update whose cross-reference points the signature's object number at
    another object ("Expected object ID (1 0) does not match actual (21 0)")."""
    marker = data.index(b"/ByteRange")
    objects = [(m.start(), int(m.group(1))) for m in re.finditer(rb"(\d+) 0 obj", data)]
    sig_number = [n for offset, n in objects if offset < marker][-1]
    other = next(offset for offset, n in objects if n != sig_number)
    trailer = re.findall(rb"trailer\s*<<(.*?)>>\s*startxref", data, re.S)[-1]
    size = re.search(rb"/Size (\d+)", trailer).group(1).decode()
    root = re.search(rb"/Root (\d+ \d+ R)", trailer).group(1).decode()
    previous = re.findall(rb"startxref\s+(\d+)", data)[-1].decode()
    body = data if data.endswith(b"\n") else data + b"\n"
    update = (
        f"xref\n0 1\n0000000000 65535 f \n{sig_number} 1\n{other:010d} 00000 n \n"
        f"trailer\n<< /Size {size} /Root {root} /Prev {previous} >>\n"
        f"startxref\n{len(body)}\n%%EOF\n"
    )
    return body + update.encode("ascii")


def test_unreadable_signature_structure_claims_nothing(plain_signed, tmp_path, monkeypatch, capsys):
    path = tmp_path / "broken.pdf"
    path.write_bytes(_redirect_signature_object(plain_signed.read_bytes()))
    [sig] = verify(path).signatures
    assert sig.level == LEVEL_INVALID
    assert "cấu trúc tệp quanh chữ ký bị hỏng" in sig.verdict
    assert sig.intact is None and sig.valid is None and sig.coverage == "not_checked"
    code, out, _err = _cli(["verify", str(path)], monkeypatch, capsys)
    assert code == 1
    assert "Nguyên vẹn: không kiểm tra được" in out and "không chuẩn" not in out
    assert "Expected" not in out and "object ID" not in out


# --- certificate validity against the timestamp ---


def test_timestamp_proves_signing_within_validity(pki_server, tmp_path):
    pki = pki_server
    options = SignOptions(level="B-T", tsa_urls=(pki.tsa_url,))
    with open_p12(pki.p12("signer"), P12_PASSWORD) as signer:
        sign(make_pdf(tmp_path / "a.pdf"), tmp_path / "bt.pdf", options, signer)
    [sig] = verify(tmp_path / "bt.pdf").signatures
    assert sig.ok and sig.timestamp_time is not None
    assert any("dấu thời gian" in n and "còn hiệu lực" in n for n in sig.notes)


def test_timestamp_after_expiry_is_named(pki_server, tmp_path):
    pki = pki_server
    options = SignOptions(level="B-T", tsa_urls=(pki.tsa_url,), allow_invalid_cert=True)
    with open_p12(pki.p12("signer-expired"), P12_PASSWORD) as signer:
        sign(make_pdf(tmp_path / "a.pdf"), tmp_path / "late.pdf", options, signer)
    [sig] = verify(tmp_path / "late.pdf").signatures
    assert sig.level == LEVEL_INVALID
    assert "đã hết hạn vào thời điểm dấu thời gian chứng nhận" in sig.verdict


def test_encrypted_file_signed_twice_compares_its_versions(testdata, pki, tmp_path):
    encrypted = testdata("hostile", "pdf", "pyhanko_minimal-aes256.pdf")
    once, twice = tmp_path / "once.pdf", tmp_path / "twice.pdf"
    with open_p12(pki.p12("signer"), P12_PASSWORD) as signer:
        sign(encrypted, once, SignOptions(pdf_password="ownersecret", stamp=STAMP), signer)
    with open_p12(pki.p12("other"), P12_PASSWORD) as signer:
        stamp = StampOptions(page=1, rect=(300, 120, 520, 184))
        sign(once, twice, SignOptions(pdf_password="ownersecret", stamp=stamp), signer)
    first, _second = verify(twice, VerifyOptions(pdf_password="usersecret")).signatures
    assert first.level == LEVEL_UNCHANGED, first.verdict
    [later] = first.later
    assert [c.kind for c in later.changes] == ["signature_added"]


def test_signed_file_with_a_broken_cross_reference_is_repaired_and_claims_nothing(
    plain_signed, tmp_path
):
    data = plain_signed.read_bytes()
    path = tmp_path / "badxref.pdf"
    path.write_bytes(data[: data.rindex(b"startxref")] + b"startxref\n999999\n%%EOF\n")
    report = verify(path)
    assert report.repaired and "đã được sửa" in report.notes[0]
    [sig] = report.signatures
    assert sig.level == LEVEL_INVALID and sig.intact is None and sig.valid is None
    assert "tệp phải được sửa mới đọc được" in sig.verdict
