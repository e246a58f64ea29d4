"""Export for printing: a Vietnamese cover sheet with a QR code, then every component."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pymupdf
import pytest
from PIL import Image

from dossier.packaging import PrintOptions, export_for_print, export_for_upload
from tests.dossier.test_pack import assert_clean_pdf, qpdf_check

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils missing"
)


def decode_qr(image: Image.Image) -> list[str]:
    import zxingcpp

    return [result.text for result in zxingcpp.read_barcodes(image)]


@needs_poppler
def test_print_pdf_with_cover_sheet(make_dossier, procedure, portal, tmp_path):
    workspace = make_dossier()
    upload = export_for_upload(workspace, procedure, portal, tmp_path / "out")
    printed = export_for_print(
        workspace,
        procedure,
        portal,
        tmp_path / "in_ho_so.pdf",
        PrintOptions(manifest_sha256=upload.manifest_sha256),
    )
    assert printed.cover_pages == 1
    assert printed.pages == 1 + 1 + 1 + 1 + 2
    qpdf_check(printed.path)
    assert_clean_pdf(printed.path, "1.001193 Đăng ký khai sinh")

    text = subprocess.run(
        ["pdftotext", "-l", "1", "-layout", str(printed.path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    for expected in (
        "PHIẾU KÈM THEO HỒ SƠ",
        "Đăng ký khai sinh",
        "1.001193",
        "UBND xã Xuân Bắc",
        "Nguyễn Văn An",
        "Giấy chứng sinh",
        "Cán bộ tiếp nhận",
        "Bộ phận một cửa",
        upload.manifest_sha256[:16],
    ):
        assert expected in text, expected

    with pymupdf.open(printed.path) as doc:
        pixmap = doc[0].get_pixmap(dpi=150)
        assert doc.get_sigflags() == -1 and not doc.is_form_pdf  # no broken signatures on paper
    image = Image.frombytes("RGB", (pixmap.width, pixmap.height), pixmap.samples)
    assert decode_qr(image) == [f"HOSOSO|1.001193|{upload.manifest_sha256}"]


def test_cover_sheet_is_vietnamese_whatever_the_interface_language(
    make_dossier, procedure, portal, tmp_path
):
    from common import i18n

    i18n.set_language("en")
    printed = export_for_print(make_dossier(), procedure, portal, tmp_path / "p.pdf")
    with pymupdf.open(printed.path) as doc:
        text = doc[0].get_text()
    assert "Thành phần hồ sơ" in text and "Dossier component" not in text


def test_print_without_cover_and_replacing_a_file(make_dossier, procedure, portal, tmp_path):
    target = tmp_path / "p.pdf"
    target.write_bytes(b"old")
    printed = export_for_print(
        make_dossier(), procedure, portal, target, PrintOptions(cover_sheet=False)
    )
    assert printed.cover_pages == 0 and printed.pages == 5
    assert target.read_bytes()[:5] == b"%PDF-"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_many_components_make_a_longer_cover(
    make_dossier, procedure, portal, tmp_path, pack_inputs
):
    import dataclasses

    extra = tuple(
        dataclasses.replace(
            procedure.components[1], id=f"phu-luc-{i}", name=f"Phụ lục số {i}", required=False
        )
        for i in range(1, 30)
    )
    long_procedure = dataclasses.replace(procedure, components=procedure.components + extra)
    printed = export_for_print(make_dossier(), long_procedure, portal, Path(tmp_path / "long.pdf"))
    assert printed.cover_pages == 2
