"""Step states (dossier.status): not started, done, needs attention with the reason; no Qt."""

from __future__ import annotations

import pytest

from dossier import status as step_status
from dossier.catalog import load_catalog
from dossier.model import Dossier, DossierFile, FormState
from dossier.workspace import Workspace

LIMIT = 5 * 1024 * 1024


@pytest.fixture
def birth():
    return load_catalog(None).get("1.001193")


def birth_dossier() -> Dossier:
    dossier = Dossier(id="x", procedure_code="1.001193", title="Đăng ký khai sinh")
    for component_id in ("to-khai", "giay-chung-sinh", "giay-to-tuy-than", "van-ban-uy-quyen"):
        dossier.component(component_id)
    return dossier


def add(dossier: Dossier, component_id: str, name: str, kind="pdf", size=1000, signed=False):
    item = DossierFile(
        id=name, name=name, original=f"originals/{name}", kind=kind, sha256=name * 2,
        size=size, signed=signed,
    )  # fmt: skip
    dossier.component(component_id).files.append(item)
    return item


def test_forms_not_started_then_attention_with_the_problem_count_then_done(birth):
    dossier = birth_dossier()
    assert step_status.forms_status(dossier, birth).state == "not_started"
    dossier.forms = {"tk-khai-sinh": FormState(values={"a": "b"}, problems=3)}
    status = step_status.forms_status(dossier, birth)
    assert status.state == "attention" and "3" in status.reason
    dossier.forms["tk-khai-sinh"] = FormState(
        values={"a": "b"}, problems=0, saved=False, output="export/tk.pdf"
    )
    status = step_status.forms_status(dossier, birth)
    assert status.state == "attention" and "Tờ khai" in status.reason  # edited after saving
    dossier.forms["tk-khai-sinh"].saved = True
    assert step_status.forms_status(dossier, birth).state == "done"


def test_a_form_given_as_a_file_counts_as_done(birth):
    dossier = birth_dossier()
    add(dossier, "to-khai", "to-khai.pdf")
    assert step_status.forms_status(dossier, birth).state == "done"


def test_scan_needs_attention_for_missing_required_documents_and_large_files(birth):
    dossier = birth_dossier()
    assert step_status.scan_status(dossier, birth, LIMIT).state == "not_started"
    photo = add(dossier, "giay-chung-sinh", "gcs.jpg", kind="image", size=9 * LIMIT)
    # the ID paper is only shown at the office ("xuất trình"): never missing from the scans;
    # a photo without an estimate yet is not judged by its size
    assert step_status.scan_status(dossier, birth, LIMIT).state == "done"
    add(dossier, "giay-to-tuy-than", "cccd.pdf", size=2 * LIMIT)
    status = step_status.scan_status(dossier, birth, LIMIT, {photo.id: 100_000})
    assert status.state == "attention" and "cccd.pdf" in status.reason
    assert "gcs.jpg" not in status.reason  # a photo is judged by its estimated scanned size
    dossier.component("giay-to-tuy-than").files[0].size = LIMIT // 2
    assert step_status.scan_status(dossier, birth, LIMIT, {photo.id: 100_000}).state == "done"
    status = step_status.scan_status(dossier, birth, LIMIT, {photo.id: 2 * LIMIT})
    assert status.state == "attention" and "gcs.jpg" in status.reason


def test_sign_needs_attention_while_a_must_be_signed_document_is_unsigned(birth):
    dossier = birth_dossier()
    form = add(dossier, "to-khai", "to-khai.pdf")
    status = step_status.sign_status(dossier, birth)
    assert status.state == "attention" and "Tờ khai" in status.reason
    assert step_status.sign_status(dossier, birth, {form.id: 1}).state == "done"
    form.signed = True
    assert step_status.sign_status(dossier, birth).state == "done"


def test_pack_done_after_export_until_the_dossier_changes(birth):
    dossier = birth_dossier()
    add(dossier, "to-khai", "to-khai.pdf")
    assert step_status.pack_status(dossier).state == "not_started"
    step_status.record_export(dossier, "dongnai", "/tmp/x", 1)
    assert step_status.pack_status(dossier).state == "done"
    add(dossier, "giay-chung-sinh", "gcs.jpg", kind="image")
    status = step_status.pack_status(dossier)
    assert status.state == "attention"


def test_pack_an_incomplete_draft_is_not_done(birth):
    dossier = birth_dossier()
    add(dossier, "to-khai", "to-khai.pdf")
    step_status.record_export(dossier, "dongnai", "/tmp/x", 1, complete=False)
    status = step_status.pack_status(dossier)
    assert status.state == "attention"
    assert "nháp" in status.reason


def test_pack_attention_lists_the_blocking_problems(birth, tmp_path):
    from dossier.catalog import load_portal
    from dossier.checklist import check

    workspace = Workspace.create(tmp_path / "d", "1.001193", component_ids=["to-khai"])
    checklist = check(workspace, birth, load_portal("dongnai"))
    assert not checklist.ready
    status = step_status.pack_status(workspace.dossier, checklist)
    assert status.state == "attention"
    assert str(len(checklist.blocking)) in status.reason


def test_a_paper_shown_at_the_office_is_not_missing_from_the_scan_step(birth):
    """'Xuất trình bản chính (không nộp)' needs no scan (the walk-through's sidebar kept ⚠)."""
    assert [c.id for c in birth.components if c.copy_kind == "present"] == ["giay-to-tuy-than"]
    dossier = birth_dossier()
    dossier.component("giay-chung-sinh").files.append(
        DossierFile(
            id="g", name="a.jpg", original="originals/a.jpg", kind="image", sha256="0", size=10
        )
    )
    assert step_status.scan_status(dossier, birth, LIMIT).state == "done"
