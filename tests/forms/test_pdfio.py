"""Every hostile PDF opens (repaired, with a warning) or is refused with an InputError naming it."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from common.errors import InputError
from forms.pdfio import PasswordRequired, WrongPassword, open_pdf, sniff_kind
from tests.conftest import TESTDATA

HOSTILE = sorted((TESTDATA / "hostile" / "pdf").glob("*.pdf")) if TESTDATA.is_dir() else []


@pytest.mark.timeout(10)
@pytest.mark.parametrize("path", HOSTILE, ids=lambda p: p.name)
def test_hostile_pdf_opens_or_is_refused_quickly(path: Path) -> None:
    started = time.monotonic()
    try:
        with open_pdf(path) as opened:
            assert opened.doc.page_count >= 1
            for page in opened.doc:
                page.get_text("rawdict")
                list(page.widgets() or ())
    except PasswordRequired as exc:
        assert exc.path == path
    except InputError as exc:
        assert exc.path == path
        assert exc.message
    assert time.monotonic() - started < 10


def test_hostile_set_is_present(testdata) -> None:
    testdata("hostile", "pdf")
    assert len(HOSTILE) >= 20


def test_encrypted_pdf_asks_for_password_and_opens_with_it(testdata) -> None:
    path = testdata("hostile", "pdf", "pyhanko_minimal-aes256.pdf")
    with pytest.raises(PasswordRequired) as info:
        open_pdf(path)
    assert not isinstance(info.value, WrongPassword)
    with pytest.raises(WrongPassword):
        open_pdf(path, password="wrong")
    with open_pdf(path, password="usersecret") as opened:
        assert opened.encrypted and opened.doc.page_count >= 1


def test_unknown_password_is_never_treated_as_empty(testdata) -> None:
    with pytest.raises(PasswordRequired):
        open_pdf(testdata("hostile", "pdf", "pdf-lib_encrypted_old.pdf"))
    with pytest.raises(WrongPassword):
        open_pdf(testdata("hostile", "pdf", "pdf-lib_encrypted_old.pdf"), password="")


def test_repaired_file_carries_a_warning(testdata) -> None:
    with open_pdf(testdata("hostile", "pdf", "qpdf_issue-117.pdf")) as opened:
        assert opened.warnings


def test_no_pages_is_refused(testdata) -> None:
    path = testdata("hostile", "pdf", "qpdf_empty-zero-pages.pdf")
    with pytest.raises(InputError, match=r"trang|pages") as info:
        open_pdf(path)
    assert info.value.path == path


def test_word_files_are_recognised_by_content(testdata, tmp_path) -> None:
    docx = testdata("forms", "vietnamese", "cccd_to_khai_can_cuoc_CC01.docx")
    doc = testdata("forms", "vietnamese", "Mau_CT01_to_khai_thay_doi_thong_tin_cu_tru_TT66.doc")
    assert sniff_kind(docx) == "docx"
    assert sniff_kind(doc) == "doc"
    disguised = tmp_path / "form.pdf"
    disguised.write_bytes(docx.read_bytes())
    with pytest.raises(InputError, match="Word"):
        open_pdf(disguised)


def test_missing_and_empty_files(tmp_path) -> None:
    with pytest.raises(InputError):
        open_pdf(tmp_path / "absent.pdf")
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    with pytest.raises(InputError):
        open_pdf(empty)


@pytest.mark.timeout(10)
@pytest.mark.parametrize("path", HOSTILE, ids=lambda p: p.name)
def test_hostile_pdf_through_fill_writes_a_copy_or_refuses(path: Path, tmp_path) -> None:
    import forms

    out = tmp_path / "out.pdf"
    try:
        forms.fill(path, out, {"p1b1": "Nguyễn Văn An"})
    except InputError as exc:
        assert exc.path == path
        assert not out.exists()
    else:
        with open_pdf(out) as opened:
            assert opened.doc.page_count >= 1
