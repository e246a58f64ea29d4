"""Word forms (.doc/.docx): conversions through Microsoft Word or LibreOffice, when installed.

A .docx is read and filled natively (forms.word); an office suite is only needed to make a PDF
of it, or to turn an old .doc into a .docx. Microsoft Word is driven on Windows through COM
automation from PowerShell (no Python package needed); LibreOffice through
`soffice --headless --convert-to`. Without either, the user gets one clear message saying how
to save the file as .docx or PDF themselves.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from common.errors import InputError
from common.i18n import _
from forms.pdfio import sniff_kind

CONVERT_TIMEOUT_S = 180
Target = Literal["pdf", "docx"]
#: Word's WdSaveFormat values
WORD_FORMATS = {"pdf": 17, "docx": 16}
#: LibreOffice filters for --convert-to
SOFFICE_FILTERS = {"pdf": "pdf:writer_pdf_Export", "docx": "docx:MS Word 2007 XML"}

#: PowerShell run with the paths in environment variables (nothing to quote in the command)
WORD_SCRIPT = """
$ErrorActionPreference = 'Stop'
$word = New-Object -ComObject Word.Application
try {
  $word.Visible = $false
  $word.DisplayAlerts = 0
  $doc = $word.Documents.Open($env:HOSO_WORD_IN, $false, $true, $false)
  try { $doc.SaveAs2($env:HOSO_WORD_OUT, [int]$env:HOSO_WORD_FORMAT) }
  finally { $doc.Close($false) }
} finally { $word.Quit() }
""".strip()


@dataclass(frozen=True)
class Converter:
    """How a Word file can be converted on this machine."""

    kind: Literal["word", "libreoffice"]
    program: str


def find_soffice() -> str | None:
    """The LibreOffice binary, if installed (PATH, then the usual Windows and macOS places)."""
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


def word_installed() -> bool:
    """Microsoft Word registered for COM automation (Windows only)."""
    if sys.platform != "win32":
        return False
    try:
        import winreg

        with winreg.OpenKey(winreg.HKEY_CLASSES_ROOT, r"Word.Application\CLSID"):
            return True
    except OSError:
        return False


def find_powershell() -> str | None:
    return shutil.which("powershell") or shutil.which("pwsh")


def find_converter() -> Converter | None:
    """Word (on Windows, preferred: it renders its own files exactly), else LibreOffice."""
    if word_installed():
        shell = find_powershell()
        if shell:
            return Converter("word", shell)
    soffice = find_soffice()
    return Converter("libreoffice", soffice) if soffice else None


def is_word_file(path: Path) -> bool:
    return sniff_kind(Path(path)) in ("doc", "docx")


def how_to_save_as_pdf() -> str:
    return _(
        "open it in Word or LibreOffice Writer, choose File > Save As (or Export) > PDF, "
        "then open the PDF here"
    )


def how_to_save_as_docx() -> str:
    return _(
        "open it in Word, LibreOffice Writer or WPS Office, choose File > Save As, pick "
        "the type Word Document (.docx) or PDF, then open the new file here"
    )


def why_no_pdf_signature() -> str:
    """What to tell a user whose component file is a Word document (sign step, guide)."""
    return _(
        "a Word file cannot carry a PDF digital signature: open it in Word and save it as PDF "
        "(File > Save As > PDF), then sign the PDF; or print it, sign by hand and scan it"
    )


def word_command(shell: str) -> list[str]:
    return [shell, "-NoProfile", "-NonInteractive", "-ExecutionPolicy", "Bypass",
            "-Command", WORD_SCRIPT]  # fmt: skip


def word_environment(source: Path, result: Path, target: Target) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        HOSO_WORD_IN=str(Path(source).resolve()),
        HOSO_WORD_OUT=str(Path(result).resolve()),
        HOSO_WORD_FORMAT=str(WORD_FORMATS[target]),
    )
    return env


def soffice_command(soffice: str, profile: Path, source: Path, out_dir: Path,
                    target: Target) -> list[str]:  # fmt: skip
    return [
        soffice, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless",
        "--convert-to", SOFFICE_FILTERS[target], "--outdir", str(out_dir), str(source),
    ]  # fmt: skip


def _failed(converter: Converter, source: Path, target: Target, detail: str = "") -> InputError:
    name = "Microsoft Word" if converter.kind == "word" else "LibreOffice"
    how = how_to_save_as_pdf() if target == "pdf" else how_to_save_as_docx()
    return InputError(
        _("{program} could not convert the document: {how}").format(program=name, how=how),
        path=source,
        details=detail or None,
    )


def _run(command: list[str], env: dict[str, str] | None, converter: Converter, source: Path,
         target: Target, timeout: float) -> None:  # fmt: skip
    posix = os.name == "posix"
    try:
        # its own process group: soffice starts soffice.bin, which a timeout must end too
        process = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
            env=env, start_new_session=posix,
        )  # fmt: skip
    except OSError as exc:
        raise _failed(converter, source, target, str(exc)) from exc
    try:
        stdout, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        _kill(process, posix)
        raise _failed(converter, source, target, str(exc)) from exc
    if process.returncode != 0:
        detail = (stderr or stdout or b"").decode("utf-8", "replace")[-2000:]
        raise _failed(converter, source, target, detail)


def _kill(process: subprocess.Popen, group: bool) -> None:
    import signal

    try:
        if group:
            os.killpg(process.pid, signal.SIGKILL)
        else:
            process.kill()
    except OSError:
        pass
    process.communicate()


def convert(
    source: Path,
    out_dir: Path,
    target: Target,
    converter: Converter | None = None,
    timeout: float = CONVERT_TIMEOUT_S,
) -> Path:
    """`source` (.doc/.docx) converted to `target` in `out_dir` by Word or LibreOffice.

    InputError when neither is installed or the conversion fails; the message says what to do.
    """
    source, out_dir = Path(source), Path(out_dir)
    converter = converter or find_converter()
    if converter is None:
        raise missing_converter_error(source, target)
    out_dir.mkdir(parents=True, exist_ok=True)
    result = out_dir / f"{source.stem}.{target}"
    if result.resolve() == source.resolve():
        raise InputError(_("the output must not replace the original form"), path=source)
    if converter.kind == "word":
        command = word_command(converter.program)
        _run(command, word_environment(source, result, target), converter, source, target,
             timeout)  # fmt: skip
    else:
        with tempfile.TemporaryDirectory(prefix="hoso-lo-") as profile:
            command = soffice_command(converter.program, Path(profile), source, out_dir, target)
            _run(command, None, converter, source, target, timeout)
    if not result.exists() or result.stat().st_size == 0:
        raise _failed(converter, source, target)
    return result


def missing_converter_error(source: Path, target: Target) -> InputError:
    if target == "docx":
        return InputError(
            _(
                "this is an old Word document (.doc) and neither Microsoft Word nor LibreOffice "
                "is installed to convert it: {how}"
            ).format(how=how_to_save_as_docx()),
            path=source,
        )
    return InputError(
        _(
            "a PDF of this Word document needs Microsoft Word or LibreOffice, and neither is "
            "installed: {how}"
        ).format(how=how_to_save_as_pdf()),
        path=source,
    )


def convert_to_pdf(path: Path, out_dir: Path) -> Path:
    """A .doc/.docx converted to PDF in `out_dir`; InputError when no converter is installed."""
    return convert(path, out_dir, "pdf")


def convert_doc_to_docx(path: Path, out_dir: Path) -> Path:
    """An old .doc converted to .docx in `out_dir`, by Word or LibreOffice."""
    return convert(path, out_dir, "docx")


def can_make_pdf() -> bool:
    return find_converter() is not None


def preview_pdf(path: Path, work_dir: Path) -> tuple[Path, bool]:
    """A PDF that shows the Word form `path`, and whether it is only approximate.

    Exact when Word or LibreOffice converts it; otherwise PyMuPDF's reflowed rendering (like a
    web page: the layout of the form is lost, pages may be more), marked approximate.
    """
    path, work_dir = Path(path), Path(work_dir)
    work_dir.mkdir(parents=True, exist_ok=True)
    converter = find_converter()
    if converter is not None:
        try:
            return convert(path, work_dir / "preview", "pdf", converter), False
        except InputError:
            pass  # fall back to the approximate rendering
    import pymupdf

    try:
        with pymupdf.open(path) as doc:
            data = doc.convert_to_pdf()
    except (RuntimeError, ValueError) as exc:
        raise InputError(
            _("the Word document cannot be shown: {reason}").format(reason=exc), path=path
        ) from exc
    out = work_dir / f"{path.stem}-preview.pdf"
    out.write_bytes(data)
    return out, True


def fill_word_form(source: Path, target: Path, values: dict[str, str], options=None,
                   progress=None, cancel=None) -> tuple[Path, Path | None]:  # fmt: skip
    """Fill a .docx into `target` (.docx) and, when Word or LibreOffice is installed, make its
    PDF beside it (`<target>-nop.pdf`, for upload and signing). The PDF is None without one."""
    import forms
    from common.fsutil import atomic_output

    target = Path(target)
    forms.fill(source, target, values, options, progress, cancel)
    converter = find_converter()
    if converter is None:
        return target, None
    pdf_path = target.with_name(f"{target.stem}-nop.pdf")
    with tempfile.TemporaryDirectory(prefix="hoso-word-") as work:
        made = convert(target, Path(work), "pdf", converter)
        with atomic_output(pdf_path, private=False) as tmp:
            tmp.write_bytes(made.read_bytes())
    return target, pdf_path
