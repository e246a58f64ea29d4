"""Filling: values come back exactly from pdftotext, render in MuPDF and poppler.

The source is never modified; a signed form is only updated incrementally.
"""

from __future__ import annotations

import hashlib
import unicodedata
from pathlib import Path

import numpy as np
import pytest

import forms
from common.errors import InputError
from forms.fonts import FORM_FONT_NAME
from tests.forms.helpers import crop, ink, pdftotext, render_mupdf, render_poppler, squash

NAME = "Nguyễn Thị Ngọc Ánh"
ADDRESS = "Số 12 đường Nguyễn Trãi, Phường Bến Thành, Quận 1, Thành phố Hồ Chí Minh"
LONG_ADDRESS = (
    "Thôn Đông Hưng, xã Xuân Bắc, huyện Xuân Lộc, tỉnh Đồng Nai, gần trường tiểu học "
    "Xuân Bắc và chợ Xuân Bắc, khu phố 3, tổ dân phố số 7"
)


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _text_values(info, samples: list[str]) -> dict[str, str]:
    values, n = {}, 0
    for item in info.items:
        if item.kind == "field" and item.type in ("text", "multiline") and not item.read_only:
            values[item.id] = samples[n % len(samples)]
            n += 1
    return values


@pytest.mark.parametrize("flatten", [False, True])
def test_acroform_text_values_round_trip(testdata, tmp_path, flatten) -> None:
    source = testdata("forms", "acroform", "pdf-lib_sample_form.pdf")
    before = _sha(source)
    info = forms.inspect(source)
    values = _text_values(info, [NAME, ADDRESS, "Đặng Ưng Ộ ỹ"])
    out = tmp_path / "out.pdf"
    result = forms.fill(source, out, values, forms.FillOptions(flatten=flatten))
    assert set(result.filled) == set(values)
    assert _sha(source) == before
    text = squash(pdftotext(out))
    for value in (NAME, "Đặng Ưng Ộ ỹ"):
        assert squash(value) in text
    import pymupdf

    with pymupdf.open(out) as doc:
        widgets = [w for page in doc for w in page.widgets() or ()]
        if flatten:
            assert widgets == [] and not doc.is_form_pdf
        else:
            filled = [w for w in widgets if w.field_name in values]
            assert len(filled) >= len(values)
            for w in filled:
                assert unicodedata.normalize("NFC", w.field_value) == values[w.field_name]
                assert f"/{FORM_FONT_NAME}" in doc.xref_get_key(w.xref, "DA")[1]
            cat = doc.pdf_catalog()
            acro = doc.xref_get_key(cat, "AcroForm")
            acro_xref = int(acro[1].split()[0]) if acro[0] == "xref" else None
            dr = doc.xref_object(acro_xref) if acro_xref else acro[1]
            assert "DR" in dr


def test_renders_agree_between_mupdf_and_poppler(testdata, tmp_path) -> None:
    source = testdata("forms", "acroform", "pdf-lib_sample_form.pdf")
    info = forms.inspect(source)
    target = next(i for i in info.items if i.type == "text" and (i.rect[2] - i.rect[0]) > 150)
    out = tmp_path / "out.pdf"
    forms.fill(source, out, {target.id: NAME})
    dpi = 100
    mu, pp = render_mupdf(out, target.page, dpi), render_poppler(out, target.page, dpi, tmp_path)
    assert mu.shape == pp.shape
    x0, y0, x1, y1 = target.rect
    inside = (x0 + 2, y0 + 2, x1 - 2, y1 - 2)  # the value, not the border lines
    area_mu, area_pp = crop(mu, inside, dpi), crop(pp, inside, dpi)
    empty = crop(render_mupdf(source, target.page, dpi), inside, dpi)
    assert ink(area_mu) > ink(empty) + 0.02  # the value shows in MuPDF...
    assert ink(area_pp) > ink(empty) + 0.02  # ...and in poppler
    assert abs(ink(area_mu) - ink(area_pp)) < 0.03
    assert float(np.abs(area_mu - area_pp).mean()) < 20


def test_checkboxes_radios_and_choices_by_value(testdata, tmp_path) -> None:
    source = testdata("forms", "acroform", "pdf-lib_form_to_flatten.pdf")
    info = forms.inspect(source)
    values = {}
    for item in info.items:
        if item.read_only:
            continue
        if item.type == "checkbox":
            values[item.id] = "có"
        elif item.type == "radio" and item.options:
            values[item.id] = item.options[-1]
        elif item.type in ("combo", "list") and item.options:
            values[item.id] = item.options[-1].upper()  # case-insensitive choice
    out = tmp_path / "out.pdf"
    result = forms.fill(source, out, values)
    assert set(result.filled) == set(values)
    after = {i.id: i for i in forms.inspect(out).items}
    for item_id, value in values.items():
        item = after[item_id]
        if item.type == "checkbox":
            assert item.value and item.value != "Off"
        elif item.type == "radio":
            assert item.value == value
        else:
            assert item.value.casefold() == value.casefold()


def test_comb_field_spreads_digits(testdata, tmp_path) -> None:
    source = testdata("forms", "acroform", "taxforms_fd_F1040EZ.pdf")
    comb = next(i for i in forms.inspect(source).items if i.type == "comb")
    digits = "123456789"[: comb.max_len]
    out = tmp_path / "out.pdf"
    forms.fill(source, out, {comb.id: digits}, forms.FillOptions(flatten=True))
    assert digits in squash(pdftotext(out, comb.page, layout=True))


def test_flat_form_overlay_round_trips(testdata, tmp_path) -> None:
    source = testdata("forms", "vietnamese", "cccd_to_khai_can_cuoc_CC01.pdf")
    before = _sha(source)
    info = forms.inspect(source)
    profile = forms.Profile(
        id="anh", full_name=NAME.upper(), date_of_birth="05/09/1991", sex="Nữ",
        personal_id="001191012345", ethnicity="Kinh", permanent_residence=LONG_ADDRESS,
        current_residence=ADDRESS, phone="0912345678", occupation="Giáo viên",
    )  # fmt: skip
    father = forms.Profile(id="bo", full_name="NGUYỄN VĂN BÌNH", personal_id="001060000001")
    values = forms.autofill(
        info.items, {"requester": profile, "father": father}, today="27/11/2026"
    )
    assert forms.validate(info.items, values) == []
    out = tmp_path / "out.pdf"
    result = forms.fill(source, out, values, forms.FillOptions(flatten=True))
    assert _sha(source) == before
    # the month blank of CC01's signing date is one "…" (6 pt): two digits do not fit at 8 pt,
    # so the date is left for the person and reported instead of covering the printed "năm";
    # so is the long address in the short "Địa chỉ nhận" blank
    date = next(i for i in info.items if i.key == "today")
    skipped = dict(result.skipped)
    assert date.id in skipped and len(skipped) <= 2
    assert set(result.filled) | set(skipped) == set(values)
    assert len(result.filled) >= 12
    text = squash(pdftotext(out), leaders=True)
    for value in (NAME.upper(), "NGUYỄN VĂN BÌNH", "001191012345", "001060000001", "0912345678",
                  "Giáo viên", ADDRESS, LONG_ADDRESS):  # fmt: skip
        assert squash(value, leaders=True) in text, value
    page1 = pdftotext(out, 1)
    assert "05" in page1 and "1991" in page1
    # the long address wrapped onto the dotted line below its label
    by_id = {i.id: i for i in info.items}
    address = next(i for i in info.items if i.key == "permanent_residence")
    assert len(address.parts) >= 2 and by_id[address.id]
    dpi = 80
    mu, pp = render_mupdf(out, 1, dpi), render_poppler(out, 1, dpi, tmp_path)
    second_line = address.parts[1]
    assert ink(crop(mu, second_line, dpi)) > 0.03
    assert ink(crop(pp, second_line, dpi)) > 0.03


def test_subset_font_is_small(testdata, tmp_path) -> None:
    source = testdata("forms", "acroform", "taxforms_fd_F1040.pdf")
    info = forms.inspect(source)
    values = _text_values(info, [NAME, ADDRESS, "0912345678"])
    empty, full = tmp_path / "empty.pdf", tmp_path / "full.pdf"
    forms.fill(source, empty, {}, forms.FillOptions(flatten=True))
    result = forms.fill(source, full, values, forms.FillOptions(flatten=True))
    assert result.font_bytes <= 60_000
    assert full.stat().st_size - empty.stat().st_size <= 60_000 + 200 * len(values)


def test_output_cannot_replace_the_source(testdata, tmp_path) -> None:
    source = tmp_path / "form.pdf"
    source.write_bytes(testdata("forms", "acroform", "pdf-lib_sample_form.pdf").read_bytes())
    from common.errors import OutputError

    with pytest.raises(OutputError):
        forms.fill(source, source, {})


def test_encrypted_form_fills_with_password(testdata, tmp_path) -> None:
    source = testdata("hostile", "pdf", "pyhanko_minimal-aes256.pdf")
    with pytest.raises(forms.PasswordRequired):
        forms.fill(source, tmp_path / "x.pdf", {})
    result = forms.fill(source, tmp_path / "x.pdf", {}, forms.FillOptions(password="usersecret"))
    assert result.warnings
    assert not (tmp_path / "y.pdf").exists()


def _signed_copy(source: Path, tmp_path: Path) -> Path:
    """Sign a copy of a form with a throwaway self-signed key (pyHanko)."""
    import datetime as dt

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import NameOID
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Kiểm thử")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(1).not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30)).sign(key, hashes.SHA256())
    )  # fmt: skip
    p12 = tmp_path / "k.p12"
    p12.write_bytes(pkcs12.serialize_key_and_certificates(
        b"k", key, cert, None, serialization.BestAvailableEncryption(b"pw")))  # fmt: skip
    signer = signers.SimpleSigner.load_pkcs12(str(p12), passphrase=b"pw")
    out = tmp_path / "signed.pdf"
    with open(source, "rb") as inf, open(out, "wb") as outf:
        writer = IncrementalPdfFileWriter(inf)
        signers.sign_pdf(writer, signers.PdfSignatureMetadata(field_name="HosoSig"),
                         signer=signer, output=outf)  # fmt: skip
    return out


def test_signed_form_is_filled_incrementally_or_refused(testdata, tmp_path) -> None:
    from tests.forms.helpers import need_tool

    pdfsig = need_tool("pdfsig")
    signed = _signed_copy(testdata("forms", "acroform", "pdf-lib_sample_form.pdf"), tmp_path)
    info = forms.inspect(signed)
    assert info.signed
    with pytest.raises(InputError):
        forms.fill(signed, tmp_path / "flat.pdf", {}, forms.FillOptions(flatten=True))
    field = next(i for i in info.items if i.type == "text")
    out = tmp_path / "filled.pdf"
    result = forms.fill(signed, out, {field.id: NAME})
    assert result.incremental
    assert out.read_bytes().startswith(signed.read_bytes())
    import subprocess

    report = subprocess.run([pdfsig, str(out)], capture_output=True, text=True, timeout=60).stdout
    assert "Signature is Valid" in report
    assert squash(NAME) in squash(pdftotext(out))


def test_xfa_is_dropped_and_acroform_part_filled(testdata, tmp_path) -> None:
    source = testdata("forms", "acroform", "pdf-lib_with_xfa_fields.pdf")
    info = forms.inspect(source)
    field = next(i for i in info.items if i.type == "text")
    out = tmp_path / "out.pdf"
    result = forms.fill(source, out, {field.id: NAME})
    assert any("XFA" in w for w in result.warnings)
    after = forms.inspect(out)
    assert not after.has_xfa
    assert unicodedata.normalize("NFC", after.item(field.id).value) == NAME


def test_rotated_coloured_widgets_keep_their_look(testdata, tmp_path) -> None:
    """pdf-lib's fancy fields: /MK /R 90 and 180, coloured backgrounds and borders, blue text."""
    import pymupdf

    source = testdata("forms", "acroform", "pdf-lib_fancy_fields.pdf")
    info = forms.inspect(source)
    values = {i.id: "Nguyễn Ánh" for i in info.items if i.type == "text"}
    out = tmp_path / "out.pdf"
    forms.fill(source, out, values)
    with pymupdf.open(out) as doc:
        rotated = 0
        for widget in doc[0].widgets():
            if widget.field_name in values and doc.xref_get_key(widget.xref, "MK/R")[0] != "null":
                xobject = int(doc.xref_get_key(widget.xref, "AP/N")[1].split()[0])
                rotated += doc.xref_get_key(xobject, "Matrix")[1] != "[1 0 0 1 0 0]"
        assert rotated >= 2
    dpi = 72
    before = render_mupdf(source, 1, dpi)
    for render in (render_mupdf(out, 1, dpi), render_poppler(out, 1, dpi, tmp_path)):
        for item in (i for i in info.items if i.id in values):
            area, old = crop(render, item.rect, dpi), crop(before, item.rect, dpi)
            # the widget keeps its background: the area is about as dark as before
            assert abs(float(area.mean()) - float(old.mean())) < 40, item.id
    text = squash(pdftotext(out))
    assert text.count(squash("Nguyễn Ánh")) >= 3


def test_editable_copy_embeds_every_vietnamese_letter_for_later_edits(testdata, tmp_path) -> None:
    import io

    import pymupdf
    from fontTools.ttLib import TTFont

    from forms.fonts import vietnamese_letters

    source = testdata("forms", "acroform", "pdf-lib_sample_form.pdf")
    field = next(i for i in forms.inspect(source).items if i.type == "text")
    out = tmp_path / "out.pdf"
    result = forms.fill(source, out, {field.id: "An"})
    assert result.font_bytes <= 30_000
    with pymupdf.open(out) as doc:
        catalog = doc.pdf_catalog()
        kind, acro = doc.xref_get_key(catalog, "AcroForm")
        acro_xref = int(acro.split()[0]) if kind == "xref" else catalog
        prefix = "" if kind == "xref" else "AcroForm/"
        font = int(doc.xref_get_key(acro_xref, f"{prefix}DR/Font/{FORM_FONT_NAME}")[1].split()[0])
        descendant = doc.xref_get_key(font, "DescendantFonts")[1]
        cid_font = int(descendant.strip("[] ").split()[0])
        descriptor = int(doc.xref_get_key(cid_font, "FontDescriptor")[1].split()[0])
        file_xref = int(doc.xref_get_key(descriptor, "FontFile2")[1].split()[0])
        cmap = TTFont(io.BytesIO(doc.xref_stream(file_xref))).getBestCmap()
    assert all(ord(letter) in cmap for letter in vietnamese_letters())
