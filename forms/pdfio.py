"""Open user PDFs safely: sniff the content, repair what MuPDF can, refuse the rest clearly.

Every failure becomes an InputError naming the file. MuPDF repairs broken cross-reference
tables, detects page-tree cycles and limits nesting itself (checked on every file of
testdata/hostile/pdf: each opens or fails in milliseconds); we add the checks it leaves to us:
no pages, a password, certificate encryption, a file too large, a Word file given as a PDF.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from common.errors import InputError
from common.i18n import _

MAX_PDF_BYTES = 200 * 1024 * 1024
MAX_PAGES = 2000

FileKind = Literal["pdf", "docx", "doc", "unknown"]


class PasswordRequired(InputError):
    """The PDF is encrypted; ask the user for its password and open it again."""


class WrongPassword(PasswordRequired):
    """A password was given but it does not open the PDF."""


@dataclass
class OpenedPdf:
    """A MuPDF document and what the user should know about how it was opened."""

    doc: Any  # pymupdf.Document (imported lazily)
    path: Path
    warnings: list[str] = field(default_factory=list)
    encrypted: bool = False

    def close(self) -> None:
        self.doc.close()

    def __enter__(self) -> OpenedPdf:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def sniff_kind(path: Path) -> FileKind:
    """What a file is by its content (the extension is only a hint)."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(1024)
    except OSError:
        return "unknown"
    if b"%PDF-" in head:
        return "pdf"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "doc"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(path) as archive:
                if any(n.startswith("word/") for n in archive.namelist()):
                    return "docx"
        except (zipfile.BadZipFile, OSError):
            return "unknown"
    return "unknown"


def _check_file(path: Path) -> None:
    if not path.exists():
        raise InputError(_("file not found"), path=path)
    if not path.is_file():
        raise InputError(_("not a file"), path=path)
    size = path.stat().st_size
    if size == 0:
        raise InputError(_("the file is empty"), path=path)
    if size > MAX_PDF_BYTES:
        raise InputError(
            _("the file is too large ({size} MB, at most {limit} MB)").format(
                size=size // (1024 * 1024), limit=MAX_PDF_BYTES // (1024 * 1024)
            ),
            path=path,
        )
    kind = sniff_kind(path)
    if kind in ("docx", "doc"):
        raise InputError(
            _(
                "this is a Word document, not a PDF; convert it first (hoso fill converts it "
                "when LibreOffice is installed)"
            ),
            path=path,
        )


def _mupdf_messages(pymupdf: Any) -> list[str]:
    text = pymupdf.TOOLS.mupdf_warnings(reset=True) or ""
    return [line for line in text.splitlines() if line.strip()]


def open_pdf(path: Path, password: str | None = None) -> OpenedPdf:
    """Open a PDF for reading or filling; raises InputError / PasswordRequired."""
    import pymupdf

    path = Path(path)
    _check_file(path)
    pymupdf.TOOLS.mupdf_display_errors(False)
    pymupdf.TOOLS.mupdf_warnings(reset=True)
    try:
        doc = pymupdf.open(path, filetype="pdf")
    except Exception as exc:  # MuPDF raises FileDataError, RuntimeError, ValueError...
        raise _open_failure(path, exc) from exc
    opened = OpenedPdf(doc=doc, path=path)
    try:
        _unlock(opened, password)
        _check_pages(opened)
    except BaseException:
        doc.close()
        raise
    details = _mupdf_messages(pymupdf)
    if doc.is_repaired:
        opened.warnings.append(_("the file was damaged; it has been repaired, check the pages"))
    elif any("cycle" in m or "loop" in m or "recursion" in m for m in details):
        opened.warnings.append(_("the file has structural errors; they were worked around"))
    return opened


def _open_failure(path: Path, exc: Exception) -> InputError:
    try:
        data = path.read_bytes()[:200_000]
    except OSError:
        data = b""
    if b"/Filter /Adobe.PubSec" in data or b"/Adobe.PubSec" in data:
        return InputError(
            _("the PDF is encrypted for a certificate holder; it cannot be opened here"),
            path=path,
        )
    return InputError(
        _("the file is not a readable PDF ({reason})").format(reason=str(exc)[:120]), path=path
    )


def _unlock(opened: OpenedPdf, password: str | None) -> None:
    doc = opened.doc
    if not doc.needs_pass:
        return
    opened.encrypted = True
    if password is None:
        raise PasswordRequired(_("the PDF is protected by a password"), path=opened.path)
    if not doc.authenticate(password):
        raise WrongPassword(_("the password does not open this PDF"), path=opened.path)


def _check_pages(opened: OpenedPdf) -> None:
    doc = opened.doc
    try:
        count = doc.page_count
    except Exception as exc:
        raise InputError(_("the PDF has no readable pages"), path=opened.path) from exc
    if count <= 0:
        raise InputError(_("the PDF has no readable pages"), path=opened.path)
    if count > MAX_PAGES:
        raise InputError(
            _("the PDF has too many pages ({count})").format(count=count), path=opened.path
        )
    try:
        for page in doc:
            page.rect  # noqa: B018 - loads the page object
    except Exception as exc:
        raise InputError(
            _("a page of the PDF cannot be read ({reason})").format(reason=str(exc)[:120]),
            path=opened.path,
        ) from exc
