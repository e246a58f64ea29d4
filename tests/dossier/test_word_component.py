"""A filled Word form as a component's file: uploaded as it is where the portal takes .docx,
with the checklist, the upload guide and the print export saying what a Word file means."""

from __future__ import annotations

import dataclasses

import pytest

from common.errors import InputError
from dossier.checklist import check
from dossier.packaging import export_for_print, export_for_upload
from forms.docx import find_soffice


@pytest.fixture
def word_form(testdata):
    return testdata("forms", "vietnamese", "cccd_to_khai_can_cuoc_CC01.docx")


def _accepting_word(procedure, portal):
    components = tuple(
        dataclasses.replace(c, formats=(*c.formats, "docx")) if c.id == "to-khai" else c
        for c in procedure.components
    )
    return (
        dataclasses.replace(procedure, components=components),
        dataclasses.replace(portal, formats=(*portal.formats, "docx")),
    )


def _files(word_form, pack_inputs):
    return {
        "to-khai": [word_form],
        "giay-chung-sinh": [pack_inputs["scan"]],
        "giay-to-tuy-than": [pack_inputs["scan2"]],
        "van-ban-uy-quyen": [pack_inputs["signed"]],
    }


def test_a_word_file_goes_to_the_portal_as_it_is(make_dossier, procedure, portal, word_form,
                                                 pack_inputs, tmp_path) -> None:  # fmt: skip
    procedure, portal = _accepting_word(procedure, portal)
    workspace = make_dossier(_files(word_form, pack_inputs))
    checklist = check(workspace, procedure, portal)
    assert checklist.ready
    warning = checklist.problems_of("to-khai")
    assert len(warning) == 1 and warning[0].severity == "warning"
    assert "Word" in warning[0].message and "PDF" in warning[0].message  # what to do
    export = export_for_upload(workspace, procedure, portal, tmp_path / "out")
    exported = next(f for f in export.files if f.component_id == "to-khai")
    assert exported.name.endswith(".docx") and exported.format == "docx"
    assert (export.folder / exported.name).read_bytes() == word_form.read_bytes()
    assert any("Word" in step for step in export.guide.steps)


def test_a_portal_without_word_blocks_and_says_how_to_make_a_pdf(make_dossier, procedure,
                                                                 portal, word_form,
                                                                 pack_inputs) -> None:  # fmt: skip
    workspace = make_dossier(_files(word_form, pack_inputs))
    problems = check(workspace, procedure, portal).problems_of("to-khai")
    assert [p.severity for p in problems] == ["blocking"]
    assert "Word" in problems[0].message and "PDF" in problems[0].message


def test_print_export_of_a_word_file(make_dossier, procedure, portal, word_form, pack_inputs,
                                     tmp_path, monkeypatch) -> None:  # fmt: skip
    procedure, portal = _accepting_word(procedure, portal)
    workspace = make_dossier(_files(word_form, pack_inputs))
    if find_soffice() is not None:
        result = export_for_print(workspace, procedure, portal, tmp_path / "print.pdf")
        assert result.pages >= 4
    monkeypatch.setattr("forms.docx.find_converter", lambda: None)
    with pytest.raises(InputError) as info:
        export_for_print(workspace, procedure, portal, tmp_path / "print2.pdf")
    assert "LibreOffice" in info.value.message and "PDF" in info.value.message
