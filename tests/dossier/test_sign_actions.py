"""Signing through dossier.actions without Qt: files as they will be uploaded, the stamp
position kept with the component, files export would merge or re-encode refused."""

from __future__ import annotations

import json
from pathlib import Path

import pymupdf
import pytest

from dossier import actions
from dossier.checklist import check
from dossier.model import StampPosition
from dossier.packaging import PackOptions
from dossier.workspace import DOSSIER_FILE, Workspace, load_dossier_file
from tests.signing import conftest as signing_fixtures
from tests.signing.conftest import signature_widget_rects
from tests.signing.pki import P12_PASSWORD

pki = signing_fixtures.pki  # the generated PKI of the signing tests (session scope)


def _pdf(path: Path, text: str = "Tờ khai", pages: int = 1) -> Path:
    font = str(Path(__file__).resolve().parents[2] / "resources" / "fonts" / "NotoSans-Regular.ttf")
    with pymupdf.open() as doc:
        for number in range(pages):
            page = doc.new_page(width=595, height=842)
            page.insert_text((72, 72), f"{text} {number + 1}", fontfile=font, fontname="noto")
        doc.save(path)
    return path


def _signer(pki):
    from signing import open_p12

    return open_p12(pki.p12("signer"), P12_PASSWORD)


@pytest.fixture
def ws(tmp_path) -> Workspace:
    return Workspace.create(tmp_path / "hs", "1.001193", component_ids=["to-khai", "cccd"])


# ---- the stamp position ------------------------------------------------------------------------
def test_the_stamp_position_is_stored_with_the_component_and_reused(ws, pki, tmp_path):
    from signing import SignOptions

    as_file = actions.ImportOptions(as_pages=False)  # as a saved form joins its component
    actions.import_files(ws, "to-khai", [_pdf(tmp_path / "tờ khai.pdf", pages=2)], as_file,
                         save=False)  # fmt: skip
    place = StampPosition(page=1, rect=(300.0, 500.0, 520.0, 570.0))
    assert actions.set_stamp_position(ws, "to-khai", place)
    assert not actions.set_stamp_position(ws, "to-khai", place)  # unchanged
    ws.save()
    reopened = Workspace.open(ws.root)
    assert reopened.dossier.component("to-khai").stamp == place
    (result,) = actions.sign_files(reopened, None, SignOptions(), _signer(pki))
    assert result.error is None
    [(page, rect)] = signature_widget_rects(result.output)
    assert page == 0 and rect == pytest.approx(place.rect, abs=0.5)
    # the form is saved again (a new file replaces the old one): signing again, same place
    old = reopened.dossier.component("to-khai").files[0]
    reopened.remove_file(old.id, save=False)
    actions.import_files(reopened, "to-khai", [_pdf(tmp_path / "mới.pdf", "Bản mới", 2)],
                         as_file)  # fmt: skip
    (again,) = actions.sign_files(reopened, None, SignOptions(), _signer(pki))
    [(page, rect)] = signature_widget_rects(again.output)
    assert page == 0 and rect == pytest.approx(place.rect, abs=0.5)


def test_a_box_given_now_wins_over_the_stored_one_and_none_restores_auto(ws):
    from signing import SignOptions, StampOptions

    actions.set_stamp_position(ws, "to-khai", StampPosition(2, (10.0, 10.0, 200.0, 80.0)))
    stored = actions.options_for(ws, "to-khai", SignOptions())
    assert stored.stamp.page == 2 and stored.stamp.rect == (10.0, 10.0, 200.0, 80.0)
    given = SignOptions(stamp=StampOptions(page=1, rect=(1.0, 2.0, 300.0, 90.0)))
    assert actions.options_for(ws, "to-khai", given) == given
    invisible = SignOptions(stamp=StampOptions(visible=False))
    assert actions.options_for(ws, "to-khai", invisible) == invisible
    in_field = SignOptions(field_name="NguoiYeuCau")  # an existing field has its own place
    assert actions.options_for(ws, "to-khai", in_field) == in_field
    assert actions.options_for(ws, "cccd", SignOptions()) == SignOptions()
    assert actions.set_stamp_position(ws, "to-khai", None)
    assert actions.options_for(ws, "to-khai", SignOptions()) == SignOptions()


def test_a_dossier_written_without_stamp_positions_opens(ws):
    ws.save()
    path = ws.root / DOSSIER_FILE
    data = json.loads(path.read_text(encoding="utf-8"))
    for entry in data["components"]:
        entry.pop("stamp", None)  # as the version before stamp positions wrote it
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    reopened = Workspace.open(ws.root)
    assert all(entry.stamp is None for entry in reopened.dossier.components)


def test_a_stamp_position_with_a_page_zero_is_refused_naming_the_field(ws):
    from common.errors import ValidationError

    ws.dossier.component("cccd").stamp = StampPosition(0, (1.0, 2.0, 3.0, 4.0))
    ws.save()
    with pytest.raises(ValidationError) as caught:
        load_dossier_file(ws.root / DOSSIER_FILE)
    assert "stamp" in caught.value.message


# ---- files as they will be uploaded ------------------------------------------------------------
@pytest.fixture
def scanned(make_dossier, pack_inputs):
    """The birth registration with the birth certificate as two scanned pages."""
    return make_dossier(
        {
            "to-khai": [pack_inputs["form"]],
            "giay-chung-sinh": [pack_inputs["scan"], pack_inputs["scan3"]],
        }
    )


def test_scanned_pages_are_listed_as_their_components_one_pdf(scanned, procedure, portal):
    pdfs = actions.signable_pdfs(scanned, procedure, portal)
    assert [p.name for p in pdfs] == ["to_khai.pdf", "Giấy chứng sinh.pdf"]
    pages = pdfs[1]
    entry = scanned.dossier.component("giay-chung-sinh")
    assert pages.to_make and pages.file_ids == tuple(f.id for f in entry.files)
    assert pages.path == scanned.component_file("giay-chung-sinh")
    assert not any(p.name.lower().endswith((".jpg", ".tif")) for p in pdfs)
    # the pages have no PDF yet: the scan step makes it (the sign step renders no images)
    assert "Tạo PDF" in pages.refusal and "Giấy chứng sinh.pdf" in pages.refusal
    actions.make_component_file(scanned, "giay-chung-sinh")
    pdfs = actions.signable_pdfs(scanned, procedure, portal)
    assert all(p.refusal is None for p in pdfs) and len(pdfs[1].page_pdfs) == 2


def test_a_form_shown_in_the_scan_step_stays_a_pdf_of_its_own(ws, tmp_path):
    """Showing a PDF in the scan step gives it detection's steps: it is still signed as the
    PDF it is (never rendered into a component PDF of page images)."""
    actions.import_files(ws, "to-khai", [_pdf(tmp_path / "tờ khai.pdf")], save=False)
    item = ws.dossier.component("to-khai").files[0]
    detected = [{"op": "page", "index": 0, "detected": True},
                {"op": "mode", "mode": "color", "detected": True}]  # fmt: skip
    actions.record_detected_steps(ws, item.id, detected)
    [pdf] = actions.signable_pdfs(ws)
    assert not pdf.to_make and pdf.path == ws.original_path(item) and pdf.name == "tờ khai.pdf"


def test_pages_of_one_multi_page_original_are_one_pdf(ws, tmp_path):
    actions.import_files(ws, "to-khai", [_pdf(tmp_path / "bản quét.pdf", pages=3)], save=False)
    [pdf] = actions.signable_pdfs(ws)
    assert pdf.to_make and len(pdf.file_ids) == 3 and pdf.name == "to-khai.pdf"


def test_signing_scanned_pages_makes_and_signs_the_components_pdf(
    scanned, procedure, portal, pki, tmp_path
):
    from signing import SignOptions
    from signing.verify import verify

    entry = scanned.dossier.component("giay-chung-sinh")
    actions.make_component_file(scanned, "giay-chung-sinh")  # the scan step's "Tạo PDF"
    place = StampPosition(page=2, rect=(300.0, 40.0, 520.0, 110.0))  # scans have no blank space
    actions.set_stamp_position(scanned, "giay-chung-sinh", place)
    (result,) = actions.sign_files(scanned, [entry.files[1].id], SignOptions(), _signer(pki),
                                   procedure=procedure, portal=portal)  # fmt: skip
    assert result.error is None
    reopened = Workspace.open(scanned.root)
    first, second = reopened.dossier.component("giay-chung-sinh").files
    assert first.signed and second.signed and first.derived == second.derived
    signed = reopened.path(first.derived)
    with pymupdf.open(signed) as doc:
        assert doc.page_count == 2  # both pages in the one signed PDF
    [(page, rect)] = signature_widget_rects(signed)
    assert page == 1 and rect == pytest.approx(place.rect, abs=0.5)
    assert verify(signed).signatures[0].intact
    # listed once, signed; the checklist has nothing against it; export keeps it byte for byte
    units = [p for p in actions.signable_pdfs(reopened, procedure, portal)
             if p.component_id == "giay-chung-sinh"]  # fmt: skip
    assert len(units) == 1 and units[0].signed and not units[0].to_make
    checklist = check(reopened, procedure, portal)
    assert not checklist.problems_of("giay-chung-sinh")
    export = actions.export_upload(reopened, procedure, portal, PackOptions(allow_incomplete=True),
                                   out_dir=tmp_path / "out")  # fmt: skip
    [exported] = [f for f in export.files if f.component_id == "giay-chung-sinh"]
    assert exported.signed and (tmp_path / "out" / exported.name).read_bytes() == (
        signed.read_bytes()
    )


def test_a_file_export_would_merge_is_refused_at_signing(make_dossier, pack_inputs, procedure,
                                                         portal, pki):  # fmt: skip
    from signing import SignOptions

    workspace = make_dossier({"to-khai": [pack_inputs["form"], pack_inputs["form_with_extras"]]})
    pdfs = [p for p in actions.signable_pdfs(workspace, procedure, portal)]
    assert len(pdfs) == 2 and all(p.refusal for p in pdfs)
    assert "gộp" in pdfs[0].refusal and "to_khai.pdf" in pdfs[0].refusal  # Vietnamese first
    results = actions.sign_files(workspace, None, SignOptions(), _signer(pki),
                                 procedure=procedure, portal=portal)  # fmt: skip
    assert [r.output for r in results] == [None, None] and all(r.error for r in results)
    assert not any(f.signed for f in workspace.dossier.component("to-khai").files)
    assert not list(workspace.work_dir.rglob("*.pdf"))  # nothing was signed


def test_a_file_over_the_limit_is_refused_at_signing(make_dossier, pack_inputs, procedure,
                                                     portal):  # fmt: skip
    from dataclasses import replace

    workspace = make_dossier({"to-khai": [pack_inputs["form"]]})
    size = pack_inputs["form"].stat().st_size
    tiny = replace(portal, max_file_mb=round(size / 2 / 1024 / 1024, 4))
    [pdf] = [p for p in actions.signable_pdfs(workspace, procedure, tiny)
             if p.component_id == "to-khai"]  # fmt: skip
    assert pdf.refusal and f"{tiny.max_file_mb:g} MB" in pdf.refusal and "nén" in pdf.refusal
    [fits] = [p for p in actions.signable_pdfs(workspace, procedure, portal)
              if p.component_id == "to-khai"]  # fmt: skip
    assert fits.refusal is None


def test_the_checklist_says_how_to_fix_a_signed_page(
    make_dossier, pack_inputs, procedure, portal, pki
):
    """A dossier of the earlier version: one scanned page signed on its own blocks export;
    the checklist says to sign the component's PDF again, and doing so clears it."""
    import shutil

    from signing import SignOptions, StampOptions

    workspace = make_dossier({"giay-chung-sinh": [pack_inputs["scan"], pack_inputs["scan3"]]})
    page = workspace.dossier.component("giay-chung-sinh").files[1]
    target = workspace.signed_output(page.id, "trang (đã ký).pdf")
    target.parent.mkdir(parents=True)
    shutil.copyfile(pack_inputs["signed"], target)
    page.derived, page.signed = workspace.relative(target), True
    checklist = check(workspace, procedure, portal)
    [problem] = [p for p in checklist.problems_of("giay-chung-sinh") if p.severity == "blocking"]
    assert "tạo lại pdf của thành phần" in problem.message.lower()
    assert "không thể gộp tệp đã ký số" not in problem.message
    [unit] = [p for p in actions.signable_pdfs(workspace, procedure, portal)
              if p.component_id == "giay-chung-sinh"]  # fmt: skip
    assert unit.to_make and "Tạo PDF" in unit.refusal  # a page signed alone is no page PDF
    actions.make_component_file(workspace, "giay-chung-sinh")  # as the checklist says
    [unit] = [p for p in actions.signable_pdfs(workspace, procedure, portal)
              if p.component_id == "giay-chung-sinh"]  # fmt: skip
    assert unit.refusal is None
    options = SignOptions(stamp=StampOptions(visible=False))
    (result,) = actions.sign_files(workspace, [unit.file_id], options, _signer(pki),
                                   procedure=procedure, portal=portal)  # fmt: skip
    assert result.error is None
    assert not check(workspace, procedure, portal).problems_of("giay-chung-sinh")


def test_the_checklist_says_how_to_fix_a_signed_file_among_others(
    make_dossier, pack_inputs, procedure, portal
):
    workspace = make_dossier({"van-ban-uy-quyen": [pack_inputs["signed"], pack_inputs["form"]]})
    checklist = check(workspace, procedure, portal)
    [problem] = [p for p in checklist.problems_of("van-ban-uy-quyen") if p.severity == "blocking"]
    assert "xoá" in problem.message.lower() or "xóa" in problem.message.lower()
