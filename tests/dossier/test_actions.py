"""dossier.actions without Qt: what the GUI's pages and the `hoso` commands both call."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np
import pymupdf
import pytest
from PIL import Image

from common.errors import InputError
from dossier import actions
from dossier.model import FormState
from dossier.status import pack_status
from dossier.workspace import Workspace, is_dossier_folder
from tests.scanning.synthetic import default_quad, make_page, photograph


@pytest.fixture
def photos(tmp_path) -> list[Path]:
    width, height = 1200, 1600
    paths = []
    for seed in (1, 2):
        image = photograph(make_page(seed=seed).image, default_quad(width, height),
                           (width, height))  # fmt: skip
        path = tmp_path / f"ảnh {seed}.jpg"
        Image.fromarray(image).save(path, quality=90)
        paths.append(path)
    return paths


@pytest.fixture
def ws(tmp_path) -> Workspace:
    return Workspace.create(tmp_path / "hs", "1.001193", title="Thử", component_ids=["cccd"])


def _pdf(path: Path, pages: int = 1) -> Path:
    with pymupdf.open() as doc:
        for number in range(pages):
            doc.new_page(width=595, height=842).insert_text((72, 72), f"page {number + 1}")
        doc.save(path)
    return path


# ---- paths ----------------------------------------------------------------------------------
def test_the_workspace_names_every_path(ws):
    root = ws.root
    assert is_dossier_folder(root) and not is_dossier_folder(root / "work")
    assert ws.component_file("cccd") == root / "work" / "cccd.pdf"
    assert ws.page_file("cccd", "ab") == root / "work" / "cccd" / "ab.pdf"
    assert ws.card_file("cccd", ["a", "b"]) == root / "work" / "cccd" / "card-a-b.pdf"
    assert ws.export_dir("dongnai") == root / "export" / "dongnai"
    assert ws.print_file() == root / "export" / "in_ho_so.pdf"
    assert ws.signed_output("ab", "x.pdf") == root / "work" / "ab" / "x.pdf"
    assert ws.relative(root / "work" / "cccd.pdf") == "work/cccd.pdf"


# ---- import ---------------------------------------------------------------------------------
def test_import_splits_a_multi_page_pdf_and_reports_refused_files(ws, tmp_path, photos):
    empty = tmp_path / "empty.jpg"
    empty.write_bytes(b"")
    source = _pdf(tmp_path / "hai trang.pdf", pages=2)
    before = source.read_bytes()
    result = actions.import_files(ws, "cccd", [photos[0], source, empty])
    assert [f.pages for f in result.files] == [1, 2, 1]
    assert [f.name for f in result.added] == ["ảnh 1.jpg", "hai trang.pdf", "hai trang.pdf (2)"]
    assert [f.kind for f in result.added] == ["image", "pdf", "pdf"]
    assert len(result.refused) == 1 and result.refused[0].path == Path("empty.jpg")
    assert source.read_bytes() == before  # the user's file is only read
    reopened = Workspace.open(ws.root).dossier  # saved
    assert [f.name for f in reopened.component("cccd").files] == [f.name for f in result.added]


def test_copy_in_leaves_the_model_alone_until_attached(ws, photos):
    result = actions.copy_in(ws, "cccd", photos)
    assert ws.dossier.component("cccd").files == []
    assert all(ws.original_path(f.item).is_file() for f in result.files)
    attached = actions.attach_imported(ws, result)
    assert [f.id for f in ws.dossier.component("cccd").files] == [f.id for f in attached.added]


def test_import_as_files_keeps_any_file_whole(ws, tmp_path):
    note = tmp_path / "ghi chú.txt"
    note.write_text("xin chào", encoding="utf-8")
    result = actions.import_files(ws, "cccd", [note], actions.ImportOptions(as_pages=False))
    assert [f.kind for f in result.added] == ["other"]


# ---- page edits -----------------------------------------------------------------------------
def test_page_edits_are_steps_and_forget_stale_results(ws, photos):
    first, second = actions.import_files(ws, "cccd", photos).added
    first.steps = [{"op": "page", "index": 0, "detected": True},
                   {"op": "mode", "mode": "color", "detected": True}]  # fmt: skip
    first.derived = second.derived = "work/cccd/card-x.pdf"  # an ID card sheet of both
    changed = actions.edit_pages(ws, "cccd", [first.id], actions.Rotate(1))
    assert changed == [first] and first.steps[-1] == {"op": "rotate", "degrees": 90}
    assert first.derived is None and second.derived is None  # the sheet is gone for both
    actions.edit_pages(ws, "cccd", [first.id], actions.SetMode("gray"))
    assert first.steps[-1] == {"op": "mode", "mode": "gray"}
    actions.edit_pages(ws, "cccd", [first.id], actions.SetQuad(((1, 2), (3, 4), (5, 6), (7, 8))))
    assert first.steps[-1]["points"][3] == [7.0, 8.0]
    for _ in range(3):
        assert actions.edit_pages(ws, "cccd", [first.id], actions.Undo()) == [first]
    assert actions.edit_pages(ws, "cccd", [first.id], actions.Undo()) == []  # detection stays
    assert len(first.steps) == 2
    actions.edit_pages(ws, "cccd", [], actions.Reorder((second.id, first.id)))
    assert [f.id for f in ws.dossier.component("cccd").files] == [second.id, first.id]
    actions.edit_pages(ws, "cccd", [second.id], actions.Remove())
    assert [f.id for f in ws.dossier.component("cccd").files] == [first.id]


def test_a_signed_result_survives_an_edit(ws, photos):
    (page,) = actions.import_files(ws, "cccd", photos[:1]).added
    page.derived, page.signed = "work/x/signed.pdf", True
    actions.edit_pages(ws, "cccd", [page.id], actions.Rotate(-1))
    assert page.derived == "work/x/signed.pdf"


# ---- a component's file (the scan page's "Make PDF", without Qt) ----------------------------
def test_make_component_file_writes_a_true_size_pdf_in_work(ws, photos):
    actions.import_files(ws, "cccd", photos)
    result = actions.make_component_file(ws, "cccd")
    assert result.report.output == ws.root / "work" / "cccd.pdf"
    with pymupdf.open(result.report.output) as doc:
        assert doc.page_count == 2
        assert doc[0].rect.width * 25.4 / 72 == pytest.approx(210, abs=0.2)
    files = Workspace.open(ws.root).dossier.component("cccd").files  # recorded and saved
    assert [f.derived for f in files] == [f"work/cccd/{f.id}.pdf" for f in files]
    for item in files:
        with pymupdf.open(ws.path(item.derived)) as single:
            assert single.page_count == 1


def test_an_id_card_is_one_sheet_for_both_sides(ws, photos):
    actions.import_files(ws, "cccd", photos)
    options = actions.ComponentFileOptions(as_card=True)
    result = actions.make_component_file(ws, "cccd", options)
    first, second = ws.dossier.component("cccd").files
    assert first.derived == second.derived == f"work/cccd/card-{first.id}-{second.id}.pdf"
    assert ws.dossier.component("cccd").result_files() == [first]
    assert result.report.pages == 1


def test_a_component_without_pages_is_refused(ws):
    with pytest.raises(InputError):
        actions.make_component_file(ws, "cccd")


def test_preview_detects_once_and_the_detected_steps_are_recorded(ws, photos):
    (page,) = actions.import_files(ws, "cccd", photos[:1]).added
    shown = actions.preview_page(ws.original_path(page), page.steps, 400)
    assert [s["op"] for s in shown.steps][:2] == ["page", "quad"]
    assert max(shown.result.image.shape[:2]) < 1600 and shown.estimated_bytes > 0
    assert actions.record_detected_steps(ws, page.id, shown.steps)
    assert not actions.record_detected_steps(ws, page.id, shown.steps)  # nothing new


# ---- forms ----------------------------------------------------------------------------------
def test_a_saved_form_becomes_its_components_file(ws, tmp_path):
    form = _pdf(tmp_path / "tờ khai.pdf")
    target = ws.form_output("to-khai")
    options = actions.FormSaveOptions(target)
    saved = actions.save_form(ws, "tk", form, {"x": "1"}, options, component_id="cccd")
    assert saved.editable == target and saved.flattened == target.with_name("to-khai-nop.pdf")
    assert saved.flattened.is_file()
    state = Workspace.open(ws.root).dossier.forms["tk"]
    assert state == FormState(
        values={"x": "1"}, problems=0, saved=True, output=str(saved.flattened),
        file_id=ws.dossier.component("cccd").files[0].id,
    )  # fmt: skip
    again = actions.save_form(ws, "tk", form, {"x": "2"}, options, component_id="cccd")
    files = ws.dossier.component("cccd").files
    assert len(files) == 1 and files[0].id == ws.dossier.forms["tk"].file_id  # replaced
    assert again.flattened is not None


def test_typed_values_mark_the_form_edited(ws):
    state = actions.store_form_values(ws, "tk", {"a": "b"}, problems=2)
    assert ws.dossier.forms["tk"] is state and not state.saved and state.problems == 2


# ---- signing --------------------------------------------------------------------------------
def test_sign_files_records_the_signed_copy(ws, tmp_path):
    from signing import SignOptions, open_p12
    from tests.signing.pki import P12_PASSWORD, build_pki

    pki = build_pki(tmp_path / "pki")
    actions.import_files(ws, "cccd", [_pdf(tmp_path / "đơn.pdf")], save=False)
    (pdf,) = actions.signable_pdfs(ws)
    assert pdf.path == ws.original_path(ws.dossier.component("cccd").files[0])
    signer = open_p12(pki.p12("signer"), P12_PASSWORD)
    (result,) = actions.sign_files(ws, None, SignOptions(), signer)
    assert result.error is None and result.output.is_file()
    assert result.output.parent == ws.work_dir / pdf.file_id
    item = Workspace.open(ws.root).dossier.component("cccd").files[0]
    assert item.signed and item.derived == ws.relative(result.output)


# ---- export and submission ------------------------------------------------------------------
def test_export_for_upload_records_the_export(make_dossier, procedure, portal):
    workspace = make_dossier()
    export = actions.export_for_upload(workspace, procedure, portal)
    assert export.folder == workspace.export_dir(portal.id)
    reopened = Workspace.open(workspace.root).dossier
    assert reopened.last_export is not None and reopened.last_export.files == len(export.files)
    assert reopened.submission.portal == portal.id
    assert pack_status(reopened).state == "done"
    printed = actions.export_for_print(workspace, procedure, portal)
    assert printed.path == workspace.print_file() and printed.pages > 0


def test_submission_choices_are_checked_for_every_front(ws):
    with pytest.raises(InputError):
        actions.set_submission_choices(ws, actions.SubmissionChoices(fee_payment="cash"))
    with pytest.raises(InputError):
        actions.set_submission_choices(ws, actions.SubmissionChoices(result_delivery="drone"))
    with pytest.raises(InputError):
        actions.set_submission_choices(ws, actions.SubmissionChoices(portal=" "))
    assert ws.dossier.submission.fee_payment == "office"  # nothing changed
    actions.set_submission_choices(ws, actions.SubmissionChoices(fee_payment="online"))
    assert ws.dossier.submission.fee_payment == "online"
    with pytest.raises(InputError):
        actions.record_submission(ws, "post", "office", "  ")
    actions.record_submission(ws, "post", "post", " Số 5, xã Xuân Bắc ")
    saved = Workspace.open(ws.root).dossier.submission
    assert (saved.result_delivery, saved.delivery_address) == ("post", "Số 5, xã Xuân Bắc")


def test_submitted_then_result_received(ws):
    actions.record_submitted(ws, "H19.12-0001", date(2026, 11, 27), save=True)
    assert Workspace.open(ws.root).dossier.state == "submitted"
    actions.record_result(ws, date(2026, 11, 30), save=True)
    assert Workspace.open(ws.root).dossier.state == "result_received"


def test_an_image_is_never_changed_by_the_actions(ws, photos):
    before = [np.asarray(Image.open(p)).copy() for p in photos]
    actions.import_files(ws, "cccd", photos)
    actions.make_component_file(ws, "cccd")
    assert all(np.array_equal(b, np.asarray(Image.open(p))) for b, p in zip(before, photos))


def test_create_dossier_picks_a_free_folder_and_the_first_step(tmp_path):
    library = tmp_path / "Hồ sơ số"
    person = {"full_name": "Nguyễn Văn An"}
    first = actions.create_dossier(
        library, "1.001193", "Đăng ký khai sinh", person, ["to-khai"], "details"
    )
    second = actions.create_dossier(library, "1.001193", "Đăng ký khai sinh", person)
    assert first.root.name.endswith("Đăng ký khai sinh Nguyễn Văn An")
    assert second.root.name == first.root.name + " (2)"
    assert Workspace.open(first.root).dossier.current_step == "details"
    assert [c.component_id for c in first.dossier.components] == ["to-khai"]


def test_applicant_and_current_step_say_when_they_change(ws):
    assert actions.set_applicant(ws, {"full_name": "Trần Thị Bình", "phone": ""})
    assert ws.dossier.applicant == {"full_name": "Trần Thị Bình"}
    assert not actions.set_applicant(ws, {"full_name": "Trần Thị Bình"})
    assert actions.set_current_step(ws, "scan") and not actions.set_current_step(ws, "scan")
