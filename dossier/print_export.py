"""Export for print: one PDF with a Vietnamese cover sheet (QR code of the manifest), then every
component in order, forms and stamps baked in."""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import threading
from datetime import datetime
from pathlib import Path

import pymupdf

from common.errors import OutputError
from common.i18n import _
from common.progress import ProgressFn, check_cancel, no_progress
from dossier import packaging, pdf_pages
from dossier.catalog_model import PortalProfile, Procedure
from dossier.checklist import (
    WORD_KINDS,
    Checklist,
    applicant_name,
    check,
)
from dossier.coversheet import CoverData, CoverLine, render_cover_sheet, vi
from dossier.guide import delivery_text, fee_line
from dossier.packaging import QR_PREFIX, PrintExport, PrintOptions, _refuse_if_blocked, sha256_bytes
from dossier.print_layout import lay_out_on_a4
from dossier.workspace import Workspace

DEFAULT_OPTIONS = PrintOptions()


def content_hash(checklist: Checklist) -> str:
    """Stands in for the manifest hash when printing without an upload export."""
    listing = [
        [item.component.id, [s.file.sha256 for s in item.files]] for item in checklist.components
    ]
    return sha256_bytes(json.dumps([checklist.procedure.code, listing]).encode())


def _cover(workspace: Workspace, checklist: Checklist, manifest_sha256: str) -> bytes:
    dossier = workspace.dossier
    procedure = checklist.procedure
    lines = tuple(
        CoverLine(
            index=item.index,
            name=item.component.name,
            pages=item.pages,
            required=item.component.required,
            present=item.present,
            signed=any(s.signed for s in item.files),
        )
        for item in checklist.components
    )
    return render_cover_sheet(
        CoverData(
            procedure_name=procedure.name,
            procedure_code=procedure.code,
            agency=procedure.agencies[0] if procedure.agencies else "",
            applicant=applicant_name(dossier),
            date=datetime.now().strftime("%d/%m/%Y"),
            delivery=delivery_text(dossier.submission, vi),
            fee_payment=fee_line(procedure, dossier.submission, vi),
            lines=lines,
            qr_payload=f"{QR_PREFIX}|{procedure.code}|{manifest_sha256}",
            manifest_sha256=manifest_sha256,
        )
    )


def export_for_print(
    workspace: Workspace,
    procedure: Procedure,
    portal: PortalProfile,
    out_pdf: Path,
    options: PrintOptions = DEFAULT_OPTIONS,
    progress: ProgressFn = no_progress,
    cancel: threading.Event | None = None,
) -> PrintExport:
    """One PDF: the cover sheet, then every component in order, forms and stamps baked in."""
    out_pdf = Path(out_pdf).absolute()
    checklist = check(workspace, procedure, portal)
    _refuse_if_blocked(checklist, options.allow_incomplete, workspace.root)
    if out_pdf.exists() and not options.overwrite:
        raise OutputError(_("the file already exists"), path=out_pdf)
    present = [item for item in checklist.components if item.present]
    total_steps = len(present) + 2
    manifest_sha256 = options.manifest_sha256 or content_hash(checklist)
    with pymupdf.open() as doc:
        cover_pages = 0
        if options.cover_sheet:
            progress(0, total_steps, _("Cover sheet"))
            with pymupdf.open(stream=_cover(workspace, checklist, manifest_sha256)) as cover:
                cover_pages = cover.page_count
                doc.insert_pdf(cover)
        groups: list[list[int]] = [[n] for n in range(cover_pages)]
        for step, item in enumerate(present, start=1):
            check_cancel(cancel)
            progress(step, total_steps, item.component.name)
            first = doc.page_count
            for source in item.files:
                if source.kind in WORD_KINDS:
                    _add_word_pages(doc, source.path)
                elif source.kind == "image":
                    pdf_pages.add_image_page(doc, source.path)
                else:
                    with pdf_pages.open_pdf(source.path) as src:
                        pdf_pages.add_pdf_pages(doc, src)
            groups.append(list(range(first, doc.page_count)))
        check_cancel(cancel)
        doc.bake(annots=True, widgets=True)  # signatures and forms print as they look
        with lay_out_on_a4(doc, groups) as sheets:  # every page on A4 (issue 18)
            pdf_pages.clean_document(
                sheets, f"{procedure.code} {procedure.name}", flatten_forms=False
            )
            sheets.xref_set_key(sheets.pdf_catalog(), "AcroForm", "null")
            data = pdf_pages.save_pdf(sheets)
            pages = sheets.page_count
    progress(total_steps - 1, total_steps, _("Writing the PDF"))
    _write_atomically(out_pdf, data)
    progress(total_steps, total_steps, _("Done"))
    return PrintExport(out_pdf, pages, len(data), cover_pages, manifest_sha256)


def _add_word_pages(doc: pymupdf.Document, path: Path) -> None:
    """A Word file printed through its PDF made by Word or LibreOffice (InputError without)."""
    from forms import convert_to_pdf

    with tempfile.TemporaryDirectory(prefix="hoso-print-") as work:
        pdf = convert_to_pdf(path, Path(work))
        with pdf_pages.open_pdf(pdf) as src:
            pdf_pages.add_pdf_pages(doc, src)


def _write_atomically(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".partial", dir=target.parent)
    os.close(fd)
    temporary = Path(name)
    try:
        packaging.write_file(temporary, data)  # one writer: a full disk is simple to simulate
        os.replace(temporary, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise OutputError(
            _("Could not write the file: {reason}").format(reason=exc.strerror or exc), path=target
        ) from exc
