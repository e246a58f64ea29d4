"""Word forms: detected; converted with LibreOffice when installed, else a clear message."""

from __future__ import annotations

import pytest

import forms
from common.errors import InputError
from forms.docx import find_soffice


def test_without_libreoffice_the_message_says_how_to_save_as_pdf(testdata, tmp_path,
                                                                 monkeypatch) -> None:  # fmt: skip
    monkeypatch.setattr("forms.docx.find_soffice", lambda: None)
    docx = testdata("forms", "vietnamese", "cccd_to_khai_can_cuoc_CC01.docx")
    with pytest.raises(InputError) as info:
        forms.prepare_pdf(docx, tmp_path)
    assert info.value.path == docx
    assert "PDF" in info.value.message


def test_pdf_passes_through(testdata, tmp_path) -> None:
    pdf = testdata("forms", "vietnamese", "cccd_to_khai_can_cuoc_CC01.pdf")
    assert forms.prepare_pdf(pdf, tmp_path) == pdf


@pytest.mark.slow
@pytest.mark.timeout(300)
@pytest.mark.parametrize(
    "name",
    ["cccd_to_khai_can_cuoc_CC01.docx", "Mau_CT01_to_khai_thay_doi_thong_tin_cu_tru_TT66.doc"],
)
def test_word_form_is_converted_and_has_blanks(testdata, tmp_path, name) -> None:
    if find_soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed; Word forms need it to convert")
    pdf = forms.prepare_pdf(testdata("forms", "vietnamese", name), tmp_path)
    info = forms.inspect(pdf)
    assert len([i for i in info.items if i.kind == "blank"]) >= 5
    keys = {i.key for i in info.items}
    assert {"full_name", "date_of_birth", "personal_id"} <= keys
    boxes = [i for i in info.items if i.type == "boxes" and i.key == "personal_id"]
    assert boxes and boxes[0].max_len == 12  # ID boxes: drawn rectangles or table rules
