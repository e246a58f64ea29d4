"""Signing with a generated .p12: levels, refusals, fields, certification, stamp, pdfsig."""

from __future__ import annotations

import shutil
import subprocess
from io import BytesIO
from pathlib import Path

import pytest

from common.errors import HosoError, InputError
from signing import SignOptions, StampOptions, default_output_path, open_p12, sign, sign_many
from signing.options import VerifyOptions
from signing.verify import verify
from tests.signing.pki import P12_PASSWORD


def _trust(pki) -> VerifyOptions:
    return VerifyOptions(trust_roots=(pki.cert_pem("root"),))


def _no_leftovers(folder: Path) -> bool:
    return not [p for p in folder.iterdir() if p.name.startswith(".") and p.suffix == ".tmp"]


def test_sign_p12_pades_bb(pki, p12_signer, pdf_one_page, tmp_path):
    original = pdf_one_page.read_bytes()
    out = tmp_path / "signed.pdf"
    result = sign(pdf_one_page, out, SignOptions(reason="Nộp hồ sơ"), p12_signer)
    assert pdf_one_page.read_bytes() == original  # input untouched
    assert out.read_bytes().startswith(original)  # incremental update
    assert result.bytes_added <= 25_000
    report = verify(out, _trust(pki))
    [sig] = report.signatures
    assert sig.ok and sig.trusted and sig.intact and sig.valid
    assert sig.pades_level == "B-B" and sig.coverage == "whole_file"
    assert sig.signer == "Nguyễn Văn An"
    assert "hợp lệ" in sig.verdict.lower()


def test_wrong_p12_password(pki):
    with pytest.raises(InputError) as err:
        open_p12(pki.p12("signer"), "sai mật khẩu")
    assert "mật khẩu" in err.value.message


def test_not_a_p12(tmp_path):
    bogus = tmp_path / "x.p12"
    bogus.write_bytes(b"not a pfx")
    with pytest.raises(InputError):
        open_p12(bogus, "x")


@pytest.mark.parametrize("label", ["signer-expired", "signer-future"])
def test_refuses_cert_outside_validity_unless_confirmed(pki, pdf_one_page, tmp_path, label):
    out = tmp_path / "signed.pdf"
    with open_p12(pki.p12(label), P12_PASSWORD) as signer:
        with pytest.raises(InputError):
            sign(pdf_one_page, out, SignOptions(), signer)
        assert not out.exists()
        sign(pdf_one_page, out, SignOptions(allow_invalid_cert=True), signer)
    assert out.exists()
    assert not verify(out, _trust(pki)).signatures[0].trusted


def test_refuses_cert_without_digital_signature(pki, pdf_one_page, tmp_path):
    out = tmp_path / "signed.pdf"
    signer = open_p12(pki.p12("signer-nodigsig"), P12_PASSWORD)
    with pytest.raises(InputError) as err:
        sign(pdf_one_page, out, SignOptions(allow_invalid_cert=True), signer)
    assert "ký số" in err.value.message or "digital" in err.value.message
    assert not out.exists()


def test_second_signature_keeps_first_valid(pki, p12_signer, pdf_one_page, tmp_path):
    first, second = tmp_path / "1.pdf", tmp_path / "2.pdf"
    sign(pdf_one_page, first, SignOptions(), p12_signer)
    with open_p12(pki.p12("other"), P12_PASSWORD) as other:
        sign(first, second, SignOptions(reason="Xác nhận"), other)
    report = verify(second, _trust(pki))
    assert [s.signer for s in report.signatures] == ["Nguyễn Văn An", "Trần Thị Bình"]
    assert report.all_ok
    assert report.signatures[0].coverage == "earlier_revision"
    assert report.signatures[0].changes == "allowed"


def test_sign_into_existing_empty_field(p12_signer, pdf_one_page, tmp_path):
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields

    with_field = tmp_path / "field.pdf"
    writer = IncrementalPdfFileWriter(BytesIO(pdf_one_page.read_bytes()))
    fields.append_signature_field(
        writer, fields.SigFieldSpec("NguoiKy", on_page=0, box=(300, 100, 520, 170))
    )
    buf = BytesIO()
    writer.write(buf)
    with_field.write_bytes(buf.getvalue())
    out = tmp_path / "signed.pdf"
    result = sign(with_field, out, SignOptions(field_name="NguoiKy"), p12_signer)
    assert result.field_name == "NguoiKy"
    assert [s.field_name for s in verify(out).signatures] == ["NguoiKy"]
    with pytest.raises(InputError):  # now filled
        sign(out, tmp_path / "again.pdf", SignOptions(field_name="NguoiKy"), p12_signer)


def test_certification_allows_a_later_signature(pki, p12_signer, pdf_one_page, tmp_path):
    certified, second = tmp_path / "c.pdf", tmp_path / "c2.pdf"
    sign(pdf_one_page, certified, SignOptions(certify=True), p12_signer)
    with open_p12(pki.p12("other"), P12_PASSWORD) as other:
        with pytest.raises(InputError):  # a new visible field would break the certification
            sign(certified, second, SignOptions(), other)
        sign(certified, second, SignOptions(stamp=StampOptions(visible=False)), other)
    report = verify(second, _trust(pki))
    assert report.signatures[0].certification
    assert report.all_ok


def test_refuses_pdf_certified_no_changes(p12_signer, pdf_one_page, tmp_path):
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    locked = tmp_path / "locked.pdf"
    meta = signers.PdfSignatureMetadata(
        field_name="Cert", certify=True, docmdp_permissions=fields.MDPPerm.NO_CHANGES
    )
    writer = IncrementalPdfFileWriter(BytesIO(pdf_one_page.read_bytes()))
    buf = signers.sign_pdf(writer, meta, signer=p12_signer.signer)
    locked.write_bytes(buf.getvalue())
    out = tmp_path / "out.pdf"
    with pytest.raises(InputError) as err:
        sign(locked, out, SignOptions(), p12_signer)
    assert "certified" in err.value.message or "chứng nhận" in err.value.message
    assert not out.exists()


def test_encrypted_input_needs_password(testdata, p12_signer, tmp_path):
    encrypted = testdata("hostile", "pdf", "pyhanko_minimal-aes256.pdf")
    out = tmp_path / "out.pdf"
    with pytest.raises(InputError):
        sign(encrypted, out, SignOptions(), p12_signer)
    with pytest.raises(InputError):
        sign(encrypted, out, SignOptions(pdf_password="wrong"), p12_signer)
    assert not out.exists()
    sign(encrypted, out, SignOptions(pdf_password="ownersecret"), p12_signer)
    report = verify(out, VerifyOptions(pdf_password="usersecret"))
    assert report.all_ok


def test_unreachable_tsa_leaves_no_output(p12_signer, pdf_one_page, tmp_path):
    from tests.signing.pki import free_port

    out = tmp_path / "out.pdf"
    options = SignOptions(
        level="B-T", tsa_urls=(f"http://127.0.0.1:{free_port()}/tsa",), tsa_timeout=3
    )
    with pytest.raises(HosoError) as err:
        sign(pdf_one_page, out, options, p12_signer)
    assert "TSA" in err.value.message or "dấu thời gian" in err.value.message
    assert not out.exists()
    assert _no_leftovers(tmp_path)


def test_refuses_output_equal_to_input(p12_signer, pdf_one_page):
    with pytest.raises(InputError):
        sign(pdf_one_page, pdf_one_page, SignOptions(), p12_signer)


def test_garbage_input_is_refused(p12_signer, tmp_path):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4\nnot really")
    with pytest.raises(InputError):
        sign(bad, tmp_path / "out.pdf", SignOptions(), p12_signer)
    assert not (tmp_path / "out.pdf").exists()


def test_default_output_name(tmp_path):
    assert default_output_path(tmp_path / "Tờ khai.pdf").name == "Tờ khai (đã ký).pdf"


def test_batch_with_one_signer(p12_signer, tmp_path):
    from tests.signing.conftest import make_pdf

    pairs = []
    for name in ("a", "b", "c"):
        src = make_pdf(tmp_path / f"{name}.pdf")
        pairs.append((src, tmp_path / "out" / f"{name} (đã ký).pdf"))
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"garbage")
    pairs.append((broken, tmp_path / "out" / "broken.pdf"))
    results = sign_many(pairs, SignOptions(), p12_signer)
    assert [r.error is None for r in results] == [True, True, True, False]
    assert all(verify(r.output).all_ok for r in results[:3])


# --- timestamps and long-term validation against the local TSA / OCSP / CRL server ---


def test_pades_bt_with_local_tsa(pki_server, p12_signer, pdf_one_page, tmp_path):
    out = tmp_path / "bt.pdf"
    sign(pdf_one_page, out, SignOptions(level="B-T", tsa_urls=(pki_server.tsa_url,)), p12_signer)
    [sig] = verify(out, _trust(pki_server)).signatures
    assert sig.ok and sig.pades_level == "B-T"
    assert sig.timestamp_time is not None
    assert sig.revocation == "not_checked"  # no embedded data, no fetching
    fetched = verify(out, VerifyOptions(trust_roots=_trust(pki_server).trust_roots,
                                        allow_fetching=True)).signatures[0]  # fmt: skip
    assert fetched.ok and fetched.revocation == "online"


def test_tsa_fallback_to_second_url(pki_server, p12_signer, pdf_one_page, tmp_path):
    from tests.signing.pki import free_port

    out = tmp_path / "bt.pdf"
    urls = (f"http://127.0.0.1:{free_port()}/down", pki_server.tsa_url)
    sign(pdf_one_page, out, SignOptions(level="B-T", tsa_urls=urls, tsa_timeout=3), p12_signer)
    assert verify(out).signatures[0].pades_level == "B-T"


def test_pades_blt_embeds_revocation_data(pki_server, p12_signer, pdf_one_page, tmp_path):
    from pyhanko.pdf_utils.reader import PdfFileReader

    out = tmp_path / "lt.pdf"
    options = SignOptions(level="B-LT", tsa_urls=(pki_server.tsa_url,))
    sign(pdf_one_page, out, options, p12_signer)
    reader = PdfFileReader(BytesIO(out.read_bytes()))
    dss = reader.root["/DSS"]
    assert len(dss["/Certs"]) >= 3
    assert len(dss.get("/OCSPs", [])) + len(dss.get("/CRLs", [])) >= 1
    [sig] = verify(out, _trust(pki_server)).signatures
    assert sig.ok and sig.pades_level == "B-LT"


# --- visible stamp ---


def test_stamp_text_extracts_exactly(p12_signer, pdf_one_page, tmp_path):
    if not shutil.which("pdftotext"):
        pytest.skip("poppler-utils not installed")
    out = tmp_path / "stamped.pdf"
    options = SignOptions(
        reason="Nộp hồ sơ trực tuyến", location="Phường Bến Nghé, TP. Hồ Chí Minh"
    )
    sign(pdf_one_page, out, options, p12_signer)
    text = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    assert "Ký bởi: Nguyễn Văn An" in lines
    assert "Lý do: Nộp hồ sơ trực tuyến" in lines
    assert "Nơi ký: Phường Bến Nghé, TP. Hồ Chí Minh" in lines
    assert any(line.startswith("Thời gian ký: ") for line in lines)


def test_stamp_render_has_ink_in_the_box(p12_signer, pdf_one_page, tmp_path):
    """Rendered at 72 dpi, the stamp's box (bottom right) has dark pixels, the rest is white."""
    if not shutil.which("pdftoppm"):
        pytest.skip("poppler-utils not installed")
    from PIL import Image

    out = tmp_path / "stamped.pdf"
    png = tmp_path / "stamp.png"
    image = tmp_path / "seal.png"
    Image.new("RGBA", (120, 120), (200, 0, 0, 128)).save(image)
    rect = (350.0, 40.0, 570.0, 110.0)
    sign(pdf_one_page, out, SignOptions(stamp=StampOptions(rect=rect, image=image)), p12_signer)
    subprocess.run(
        ["pdftoppm", "-r", "72", "-png", "-singlefile", str(out), str(png.with_suffix(""))],
        check=True,
    )
    img = Image.open(png).convert("L")
    height = img.height
    box = img.crop((352, height - 108, 568, height - 42))
    outside = img.crop((100, height - 300, 300, height - 200))
    assert box.getextrema()[0] < 128
    assert outside.getextrema() == (255, 255)


def test_invisible_signature(p12_signer, pdf_one_page, tmp_path):
    out = tmp_path / "invisible.pdf"
    sign(pdf_one_page, out, SignOptions(stamp=StampOptions(visible=False)), p12_signer)
    assert verify(out).all_ok
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert "Ký bởi" not in text


def test_stamp_on_missing_page_refused(p12_signer, pdf_one_page, tmp_path):
    with pytest.raises(InputError):
        sign(pdf_one_page, tmp_path / "o.pdf", SignOptions(stamp=StampOptions(page=5)), p12_signer)


# --- poppler agrees ---


def _nss_db(pki, folder: Path) -> str:
    folder.mkdir()
    subprocess.run(["certutil", "-N", "-d", f"sql:{folder}", "--empty-password"], check=True)
    subprocess.run(
        ["certutil", "-A", "-d", f"sql:{folder}", "-n", "root", "-t", "CT,C,C",
         "-i", str(pki.cert_pem("root"))],
        check=True,
    )  # fmt: skip
    return f"sql:{folder}"


def test_pdfsig_agrees(pki, pdf_one_page, tmp_path):
    if not (shutil.which("pdfsig") and shutil.which("certutil")):
        pytest.skip("poppler-utils / libnss3-tools not installed")
    first, second = tmp_path / "1.pdf", tmp_path / "2.pdf"
    with open_p12(pki.p12("signer-plain"), P12_PASSWORD) as signer:
        sign(pdf_one_page, first, SignOptions(), signer)
    with open_p12(pki.p12("other-plain"), P12_PASSWORD) as other:
        sign(first, second, SignOptions(), other)
    nss = _nss_db(pki, tmp_path / "nss")
    result = subprocess.run(
        ["pdfsig", "-nssdir", nss, str(second)], capture_output=True, text=True, timeout=60
    )
    assert result.stdout.count("Signature is Valid") == 2, result.stdout
    assert result.stdout.count("Certificate is Trusted") == 2, result.stdout
    # one flipped byte inside the signed range: both tools say no
    data = bytearray(first.read_bytes())
    data[200] ^= 0x01
    tampered = tmp_path / "tampered.pdf"
    tampered.write_bytes(bytes(data))
    poppler = subprocess.run(
        ["pdfsig", "-nssdir", nss, str(tampered)], capture_output=True, text=True, timeout=60
    )
    assert "Signature is Valid" not in poppler.stdout
    assert not verify(tampered, _trust(pki)).all_ok


def test_revoked_certificate_detected_online(pki_server, pdf_one_page, tmp_path):
    """Signed with a certificate the CA has revoked: OCSP/CRL fetched from the local server."""
    out = tmp_path / "revoked.pdf"
    with open_p12(pki_server.p12("signer-revoked"), P12_PASSWORD) as signer:
        sign(pdf_one_page, out, SignOptions(), signer)
    offline = verify(out, _trust(pki_server)).signatures[0]
    assert not offline.revoked  # nothing to know it from without fetching
    online = verify(
        out, VerifyOptions(trust_roots=(pki_server.cert_pem("root"),), allow_fetching=True)
    ).signatures[0]
    assert online.revoked and not online.trusted and not online.ok
    assert "thu hồi" in online.verdict
    assert offline.revocation == "not_checked" and online.revocation == "online"


def test_ltv_refuses_revoked_certificate(pki_server, pdf_one_page, tmp_path):
    out = tmp_path / "revoked-lt.pdf"
    options = SignOptions(level="B-LT", tsa_urls=(pki_server.tsa_url,))
    signer = open_p12(pki_server.p12("signer-revoked"), P12_PASSWORD)
    with pytest.raises(HosoError) as err:
        sign(pdf_one_page, out, options, signer)
    assert "thu hồi" in err.value.message
    assert not out.exists()
