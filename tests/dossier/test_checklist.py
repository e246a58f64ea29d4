"""Checklist: components against the procedure, problems that block export and warnings."""

from __future__ import annotations

import dataclasses
import os

import pytest

from common import i18n
from dossier.actions import record_submission
from dossier.checklist import check, export_format
from tests.dossier import factory
from tests.dossier.conftest import folder_digest


def test_complete_dossier_is_ready(make_dossier, procedure, portal):
    workspace = make_dossier()
    before = folder_digest(workspace.root)
    checklist = check(workspace, procedure, portal)
    assert checklist.ready, checklist.problems
    by_id = {item.component.id: item for item in checklist.components}
    assert [item.index for item in checklist.components] == [1, 2, 3, 4]
    assert by_id["to-khai"].pages == 1 and not by_id["to-khai"].signed
    assert by_id["van-ban-uy-quyen"].signed and by_id["van-ban-uy-quyen"].pages == 2
    assert by_id["giay-chung-sinh"].bytes == os.path.getsize(by_id["giay-chung-sinh"].files[0].path)
    assert all(item.limit_bytes == 5 * 1024 * 1024 for item in checklist.components)
    assert folder_digest(workspace.root) == before  # checking only reads


def test_missing_required_component_blocks_and_optional_does_not(
    make_dossier, procedure, portal, pack_inputs
):
    workspace = make_dossier(
        {"to-khai": [pack_inputs["form"]], "giay-chung-sinh": [pack_inputs["scan"]]}
    )
    checklist = check(workspace, procedure, portal)
    assert not checklist.ready
    blocked = {p.component_id for p in checklist.blocking}
    assert blocked == {"giay-to-tuy-than"}
    message = checklist.blocking[0].message
    assert "Giấy tờ tùy thân" in message and "thiếu" in message.lower()  # Vietnamese by default


def test_english_messages(make_dossier, procedure, portal, pack_inputs):
    workspace = make_dossier({"to-khai": [pack_inputs["form"]]})
    i18n.set_language("en")
    messages = [p.message for p in check(workspace, procedure, portal).blocking]
    assert any(m.startswith("required component missing") for m in messages)


def test_component_that_must_be_signed(make_dossier, procedure, portal, pack_inputs):
    workspace = make_dossier(
        {
            "to-khai": [pack_inputs["form"]],
            "giay-chung-sinh": [pack_inputs["scan"]],
            "giay-to-tuy-than": [pack_inputs["scan2"]],
            "van-ban-uy-quyen": [pack_inputs["form"]],  # unsigned where a signature is needed
        }
    )
    checklist = check(workspace, procedure, portal)
    assert [p.component_id for p in checklist.blocking] == ["van-ban-uy-quyen"]


def test_signed_file_over_the_limit_blocks(make_dossier, procedure, pack_inputs):
    tiny = dataclasses.replace(factory.portal(), max_file_mb=0.01)
    workspace = make_dossier()
    checklist = check(workspace, procedure, tiny)
    signed_problems = checklist.problems_of("van-ban-uy-quyen")
    assert signed_problems and signed_problems[0].severity == "blocking"
    # scans over the limit are only a warning: export compresses them
    assert all(p.severity == "warning" for p in checklist.problems_of("giay-chung-sinh"))


def test_missing_and_unreadable_files_are_blocking(make_dossier, procedure, portal, tmp_path):
    broken = tmp_path / "hong.pdf"
    broken.write_bytes(b"%PDF-1.7\nthis is not a pdf at all")
    workspace = make_dossier()
    workspace.add_file("giay-to-tuy-than", broken)
    entry = workspace.dossier.component("giay-chung-sinh")
    workspace.path(entry.files[0].original).unlink()
    checklist = check(workspace, procedure, portal)
    blocked = {p.component_id for p in checklist.blocking}
    assert blocked == {"giay-chung-sinh", "giay-to-tuy-than"}


def test_word_document_cannot_be_exported(make_dossier, procedure, portal, tmp_path, pack_inputs):
    docx = tmp_path / "to_khai.docx"
    docx.write_bytes(b"PK\x03\x04 not really")
    workspace = make_dossier(
        {
            "to-khai": [docx],
            "giay-chung-sinh": [pack_inputs["scan"]],
            "giay-to-tuy-than": [pack_inputs["scan2"]],
        }
    )
    problems = check(workspace, procedure, portal).problems_of("to-khai")
    assert problems and "PDF" in problems[0].message


def test_submission_by_post_needs_an_address(make_dossier, procedure, portal):
    workspace = make_dossier()
    workspace.dossier.submission.result_delivery = "post"
    assert not check(workspace, procedure, portal).ready
    with pytest.raises(Exception) as refused:
        record_submission(workspace, "post", "post", "  ")
    assert "địa chỉ" in str(refused.value)
    record_submission(workspace, "post", "post", "Số 5, ấp 3, xã Xuân Bắc, Đồng Nai")
    reopened = type(workspace).open(workspace.root)
    assert reopened.dossier.submission.delivery_address.startswith("Số 5")
    assert check(reopened, procedure, portal).ready


def test_files_for_unknown_components_are_a_warning(make_dossier, procedure, portal, pack_inputs):
    workspace = make_dossier()
    workspace.add_file("khong-co", pack_inputs["form"])
    checklist = check(workspace, procedure, portal)
    assert checklist.ready
    assert [p.component_id for p in checklist.warnings] == ["khong-co"]


def test_export_format_prefers_pdf_then_jpg_for_images(procedure, portal):
    component = procedure.components[1]
    assert export_format(component, portal, {"image"}) == "pdf"
    photo_only = dataclasses.replace(component, formats=("jpg",))
    assert export_format(photo_only, portal, {"image"}) == "jpg"
    assert export_format(photo_only, portal, {"pdf"}) is None


def test_a_paper_shown_at_the_office_is_not_missing(make_dossier, procedure, portal, pack_inputs):
    """'Xuất trình bản chính (không nộp)': nothing to upload, so no blocking problem when absent
    (the walk-through could not export a birth registration without scanning an ID card)."""
    shown = [
        dataclasses.replace(c, copy_kind="present") if c.id == "giay-to-tuy-than" else c
        for c in procedure.components
    ]
    present_procedure = dataclasses.replace(procedure, components=tuple(shown))
    workspace = make_dossier(
        {"to-khai": [pack_inputs["form"]], "giay-chung-sinh": [pack_inputs["scan"]]}
    )
    assert "giay-to-tuy-than" in {
        p.component_id for p in check(workspace, procedure, portal).blocking
    }
    checklist = check(workspace, present_procedure, portal)
    assert "giay-to-tuy-than" not in {p.component_id for p in checklist.blocking}
