"""Word forms (.doc/.docx): convert to PDF with LibreOffice when it is installed.

Without LibreOffice the user gets a clear message saying how to save the file as PDF.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from common.errors import InputError
from common.i18n import _
from forms.pdfio import sniff_kind

CONVERT_TIMEOUT_S = 180


def find_soffice() -> str | None:
    """The LibreOffice binary, if installed (PATH, then the usual Windows place)."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for candidate in (
        Path(os.environ.get("PROGRAMFILES", r"C:\Program Files"))
        / "LibreOffice/program/soffice.exe",
        Path("/Applications/LibreOffice.app/Contents/MacOS/soffice"),
    ):
        if candidate.exists():
            return str(candidate)
    return None


def is_word_file(path: Path) -> bool:
    return sniff_kind(Path(path)) in ("doc", "docx")


def how_to_save_as_pdf() -> str:
    return _(
        "open it in Word or LibreOffice Writer, choose File > Save As (or Export) > PDF, "
        "then open the PDF here"
    )


def convert_to_pdf(path: Path, out_dir: Path) -> Path:
    """Convert a .doc/.docx to PDF in `out_dir`; InputError when LibreOffice is missing or fails."""
    path = Path(path)
    soffice = find_soffice()
    if soffice is None:
        raise InputError(
            _(
                "this is a Word document and LibreOffice is not installed to convert it: {how}"
            ).format(how=how_to_save_as_pdf()),
            path=path,
        )
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="hoso-lo-") as profile:
        command = [
            soffice, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless",
            "--convert-to", "pdf", "--outdir", str(out_dir), str(path),
        ]  # fmt: skip
        try:
            subprocess.run(command, capture_output=True, timeout=CONVERT_TIMEOUT_S, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise InputError(
                _("LibreOffice could not convert the document: {how}").format(
                    how=how_to_save_as_pdf()
                ),
                path=path,
            ) from exc
    result = out_dir / (path.stem + ".pdf")
    if not result.exists() or result.stat().st_size == 0:
        raise InputError(
            _("LibreOffice could not convert the document: {how}").format(how=how_to_save_as_pdf()),
            path=path,
        )
    return result
