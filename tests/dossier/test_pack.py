"""Export for upload: names, limits, re-encoding, signed files, manifest, guide, ZIP, hygiene."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pymupdf
import pytest

from common.errors import InputError
from dossier import pdfwork, upload_guide
from dossier.packaging import (
    GUIDE_NAME,
    MANIFEST_NAME,
    PackOptions,
    export_for_upload,
    portal_file_name,
)
from tests.dossier import factory
from tests.dossier.conftest import folder_digest

needs_qpdf = pytest.mark.skipif(shutil.which("qpdf") is None, reason="qpdf not installed")
needs_pdfsig = pytest.mark.skipif(shutil.which("pdfsig") is None, reason="pdfsig not installed")


#: PDF names that run code, act on opening or carry files (a name ends at a delimiter)
FORBIDDEN_KEYS = re.compile(
    r"/(JavaScript|JS|OpenAction|AA|Launch|EmbeddedFiles?)(?![A-Za-z0-9+#])"
)


def qpdf_check(path: Path) -> None:
    result = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, f"{path.name}: {result.stdout}{result.stderr}"


def assert_clean_pdf(path: Path, title: str) -> None:
    """PDF hygiene of an exported (unsigned) file."""
    with pymupdf.open(path) as doc:
        assert doc.metadata["title"] == title
        assert doc.metadata["producer"] == "Hồ sơ số"
        assert doc.metadata["author"] == ""
        assert doc.embfile_count() == 0
        assert not doc.get_xml_metadata()
        for xref in range(1, doc.xref_length()):
            text = doc.xref_object(xref, compressed=True)
            assert not FORBIDDEN_KEYS.search(text), (xref, text)
        for page in doc:
            width_mm, height_mm = page.rect.width / 72 * 25.4, page.rect.height / 72 * 25.4
            assert min(width_mm, height_mm) >= 30 and max(width_mm, height_mm) <= 600
            for font in page.get_fonts(full=True):
                assert font[1] != "n/a", f"font not embedded: {font[3]}"
                assert re.match(r"^[A-Z]{6}\+", font[3]), f"font not subset: {font[3]}"


def test_export_for_upload(make_dossier, procedure, portal, tmp_path):
    workspace = make_dossier()
    before = folder_digest(workspace.root)
    out = tmp_path / "nop"
    steps = []
    result = export_for_upload(
        workspace,
        procedure,
        portal,
        out,
        PackOptions(make_zip=True),
        progress=lambda done, total, message: steps.append((done, total)),
    )
    names = [f.name for f in result.files]
    assert names == [
        "01_To_khai_dang_ky_khai_sinh.pdf",
        "02_Giay_chung_sinh.pdf",
        "03_Giay_to_tuy_than_cua_nguoi_di_dang_ky_khai_sinh.pdf",
        "04_Van_ban_uy_quyen_neu_co_co_chung_thuc_hoac_ky_so.pdf",
    ]
    for name in names:
        assert len(name) <= 60 and re.fullmatch(r"[A-Za-z0-9_]+\.pdf", name)
    assert steps[-1][0] == steps[-1][1]
    assert folder_digest(workspace.root) == before  # the dossier is only read
    listing = sorted(p.name for p in out.iterdir())
    assert listing == sorted([*names, MANIFEST_NAME, GUIDE_NAME, "ho_so_1_001193.zip"])
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".nop.")]  # no staging left

    manifest = json.loads((out / MANIFEST_NAME).read_text(encoding="utf-8"))
    assert manifest["procedure"]["code"] == "1.001193"
    assert manifest["applicant"]["name"] == "Nguyễn Văn An"
    assert manifest["app"]["version"]
    assert hashlib.sha256((out / MANIFEST_NAME).read_bytes()).hexdigest() == result.manifest_sha256
    for entry, exported in zip(manifest["files"], result.files):
        data = (out / entry["file"]).read_bytes()
        assert entry["bytes"] == len(data) <= 5 * 1024 * 1024
        assert entry["sha256"] == hashlib.sha256(data).hexdigest()
        with pymupdf.open(out / entry["file"]) as doc:
            assert entry["pages"] == doc.page_count
        assert entry["signed"] == exported.signed == (entry["component_id"] == "van-ban-uy-quyen")
    assert manifest["totals"]["pages"] == 1 + 1 + 1 + 2

    with zipfile.ZipFile(out / "ho_so_1_001193.zip") as archive:
        assert sorted(archive.namelist()) == sorted([*names, MANIFEST_NAME])
        assert archive.read(names[0]) == (out / names[0]).read_bytes()

    guide = (out / GUIDE_NAME).read_text(encoding="utf-8")
    assert "Đăng ký khai sinh" in guide and "1.001193" in guide and "Tải tệp lên" in guide
    for name in names:
        assert name in guide


@needs_qpdf
def test_every_output_is_clean(make_dossier, procedure, portal, tmp_path, pack_inputs):
    workspace = make_dossier()
    result = export_for_upload(workspace, procedure, portal, tmp_path / "out")
    for exported in result.files:
        qpdf_check(result.folder / exported.name)
        if not exported.signed:
            assert_clean_pdf(result.folder / exported.name, exported.component_name)


@needs_qpdf
def test_scripts_actions_and_attachments_are_not_carried_over(
    make_dossier, procedure, portal, tmp_path, pack_inputs
):
    source = pack_inputs["form_with_extras"]
    with pymupdf.open(source) as doc:  # the input really has them
        assert doc.embfile_count() == 1
        assert "OpenAction" in doc.xref_object(doc.pdf_catalog())
        found = [FORBIDDEN_KEYS.search(doc.xref_object(x)) for x in range(1, doc.xref_length())]
        assert any(found)  # the check below can fail
    workspace = make_dossier(
        {
            "to-khai": [source],
            "giay-chung-sinh": [pack_inputs["scan"]],
            "giay-to-tuy-than": [pack_inputs["scan2"]],
        }
    )
    result = export_for_upload(workspace, procedure, portal, tmp_path / "out")
    path = result.folder / result.files[0].name
    qpdf_check(path)
    with pymupdf.open(path) as doc:
        assert doc.embfile_count() == 0
        assert not list(doc[0].widgets())  # the filled field is baked into the page
        for xref in range(1, doc.xref_length()):
            assert not FORBIDDEN_KEYS.search(doc.xref_object(xref, compressed=True))
        assert "Nguyen Van An" in doc[0].get_text()  # the field's value is still visible
        assert doc.metadata["title"] == "Tờ khai đăng ký khai sinh"
    # the baked widget uses Helvetica without embedding it: that is reported, not hidden
    assert any("Helvetica" in note for note in result.notes)


@needs_pdfsig
def test_signed_file_is_copied_byte_for_byte(
    make_dossier, procedure, portal, tmp_path, pack_inputs
):
    result = export_for_upload(make_dossier(), procedure, portal, tmp_path / "out")
    signed = [f for f in result.files if f.signed]
    assert len(signed) == 1 and not signed[0].reencoded
    exported = result.folder / signed[0].name
    assert exported.read_bytes() == pack_inputs["signed"].read_bytes()
    report = subprocess.run(["pdfsig", str(exported)], capture_output=True, text=True).stdout
    assert "Total document signed" in report
    assert any("ký số" in note for note in result.notes)


def test_images_become_pages_at_physical_size(
    make_dossier, procedure, portal, tmp_path, pack_inputs
):
    result = export_for_upload(make_dossier(), procedure, portal, tmp_path / "out")
    with pymupdf.open(result.folder / result.files[1].name) as doc:  # a 200 DPI A4 scan
        page = doc[0]
        assert abs(page.rect.width / 72 * 25.4 - 210) < 1.5
        assert abs(page.rect.height / 72 * 25.4 - 297) < 1.5


def _image_dpi(path: Path) -> list[float]:
    with pymupdf.open(path) as doc:
        return [
            info["width"] / (info["bbox"][2] - info["bbox"][0]) * 72
            for page in doc
            for info in page.get_image_info()
        ]


@needs_qpdf
def test_over_the_limit_images_are_reencoded_never_below_150_dpi(make_dossier, procedure, tmp_path):
    small = dataclasses.replace(factory.portal(), max_file_mb=0.35)
    workspace = make_dossier()
    result = export_for_upload(workspace, procedure, small, tmp_path / "out")
    scans = [f for f in result.files if f.component_id in ("giay-chung-sinh", "giay-to-tuy-than")]
    for exported in scans:
        path = result.folder / exported.name
        assert exported.reencoded and exported.bytes <= 0.35 * 1024 * 1024
        assert min(_image_dpi(path)) >= 150 - 1
        qpdf_check(path)
        # legible: the rendered page still looks like the original scan
        with pymupdf.open(path) as doc:
            pixmap = doc[0].get_pixmap(dpi=50)
            assert 150 < sum(pixmap.samples) / len(pixmap.samples) < 250
    assert any("nén" in note for note in result.notes)


def test_quality_goes_first_then_resolution(pack_inputs):
    with pymupdf.open() as doc:
        pdfwork.add_image_page(doc, pack_inputs["scan2"])  # 300 DPI
        data = pdfwork.save_pdf(doc)
    mild = pdfwork.fit_to_budget(data, int(len(data) * 0.8))
    assert mild.fits and mild.dpi_cap is None and mild.quality < 85
    harsh = pdfwork.fit_to_budget(data, int(len(data) * 0.12))
    assert harsh.fits and harsh.dpi_cap is not None and harsh.dpi_cap >= 150


@needs_qpdf
def test_split_into_numbered_parts_when_the_portal_allows(
    make_dossier, procedure, tmp_path, pack_inputs
):
    splitting = factory.portal("small")  # 0.2 MB, allow_split: one page per part here
    scans = [pack_inputs["scan"], pack_inputs["scan2"], pack_inputs["scan3"]]
    workspace = make_dossier(
        {
            "to-khai": [pack_inputs["form"]],
            "giay-chung-sinh": scans,
            "giay-to-tuy-than": [pack_inputs["scan"]],
        }
    )
    result = export_for_upload(workspace, procedure, splitting, tmp_path / "out")
    parts = [f for f in result.files if f.component_id == "giay-chung-sinh"]
    assert len(parts) > 1
    assert [p.name for p in parts][:2] == [
        "02_Giay_chung_sinh_phan1.pdf",
        "02_Giay_chung_sinh_phan2.pdf",
    ]
    assert sum(p.pages for p in parts) == 3
    for part in parts:
        qpdf_check(result.folder / part.name)
        assert_clean_pdf(result.folder / part.name, "Giấy chứng sinh")
    assert all(p.bytes <= 0.2 * 1024 * 1024 and p.part_count == len(parts) for p in parts)


def test_component_that_cannot_fit_is_refused_with_the_smallest_size(
    make_dossier, procedure, tmp_path
):
    tiny = dataclasses.replace(factory.portal(), max_file_mb=0.05)
    workspace = make_dossier()
    before = folder_digest(workspace.root)
    with pytest.raises(InputError) as refused:
        export_for_upload(workspace, procedure, tiny, tmp_path / "out")
    message = refused.value.message
    assert "Giấy chứng sinh" in message and "150 DPI" in message
    assert re.search(r"\d+,\d\d MB", message)
    assert not (tmp_path / "out").exists()
    assert not list(tmp_path.glob(".out.*"))
    assert folder_digest(workspace.root) == before


def test_jpg_only_component(make_dossier, tmp_path, pack_inputs):
    proc = factory.procedure()
    photo = dataclasses.replace(proc.components[2], formats=("jpg",))
    proc = dataclasses.replace(proc, components=(*proc.components[:2], photo, proc.components[3]))
    small = dataclasses.replace(factory.portal(), max_file_mb=0.3)
    workspace = make_dossier()
    result = export_for_upload(workspace, proc, small, tmp_path / "out")
    jpg = [f for f in result.files if f.format == "jpg"]
    assert [f.name for f in jpg] == ["03_Giay_to_tuy_than_cua_nguoi_di_dang_ky_khai_sinh.jpg"]
    data = (result.folder / jpg[0].name).read_bytes()
    assert data[:3] == b"\xff\xd8\xff" and len(data) <= 0.3 * 1024 * 1024


def test_names_stay_within_the_limit_and_ascii(procedure, portal):
    long_component = dataclasses.replace(
        procedure.components[0],
        name="Bản sao giấy tờ chứng minh nơi cư trú hợp pháp của người yêu cầu đăng ký thường trú",
    )
    name = portal_file_name(portal, 12, long_component, "pdf", part=3)
    assert len(name) <= 60 and name.startswith("12_Ban_sao_giay_to") and name.endswith("_phan3.pdf")
    assert name.isascii()


def test_existing_export_folder_is_refused_unless_overwrite(
    make_dossier, procedure, portal, tmp_path
):
    out = tmp_path / "out"
    out.mkdir()
    (out / "old.txt").write_text("old")
    workspace = make_dossier()
    with pytest.raises(Exception, match="không trống"):
        export_for_upload(workspace, procedure, portal, out)
    export_for_upload(workspace, procedure, portal, out, PackOptions(overwrite=True))
    assert not (out / "old.txt").exists() and (out / MANIFEST_NAME).exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_incomplete_dossier_is_refused(make_dossier, procedure, portal, tmp_path, pack_inputs):
    workspace = make_dossier({"to-khai": [pack_inputs["form"]]})
    with pytest.raises(InputError, match="chưa sẵn sàng"):
        export_for_upload(workspace, procedure, portal, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_guide_before_export_lists_planned_names(make_dossier, procedure, portal):
    guide = upload_guide(make_dossier(), procedure, portal, None)
    assert guide.slots[0].files == ("01_To_khai_dang_ky_khai_sinh.pdf",)
    assert len(guide.steps) == 5 and "Nộp hồ sơ" in guide.steps[-1]
    assert portal.url in guide.steps[0]


def test_signed_files_of_the_testdata_are_detected(testdata):
    folder = testdata("signed", "pyhanko")
    signed = sorted(folder.glob("*.pdf"))
    assert len(signed) >= 10
    assert all(pdfwork.pdf_is_signed(path) for path in signed)


@needs_qpdf
def test_empty_signature_field_and_usage_rights_are_not_a_signature(
    testdata, make_dossier, procedure, portal, pack_inputs, tmp_path
):
    form = testdata("forms", "acroform", "pdf-lib_sample_form.pdf")  # empty /Sig field + /UR3
    assert b"/ByteRange" in form.read_bytes()
    assert not pdfwork.pdf_is_signed(form)
    workspace = make_dossier(
        {
            "to-khai": [form],
            "giay-chung-sinh": [pack_inputs["scan"]],
            "giay-to-tuy-than": [pack_inputs["scan2"]],
        }
    )
    result = export_for_upload(workspace, procedure, portal, tmp_path / "out")
    exported = result.folder / result.files[0].name
    assert not result.files[0].signed
    qpdf_check(exported)
    data = exported.read_bytes()
    assert b"/UR3" not in data and b"/ByteRange" not in data  # stale usage rights dropped
