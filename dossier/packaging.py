"""Packaging: export a dossier for upload to a portal (here), or as one PDF for printing
(dossier.print_export, also reachable from here). The fronts call dossier.actions. The
upload guide and its slots are dossier.guide's; the submission choices dossier.actions'.

    export_for_upload(workspace, procedure, portal, out_dir, PackOptions(), progress, cancel)
    export_for_print(workspace, procedure, out_pdf, PrintOptions(), progress, cancel)

Upload export: one file per component (PDF unless only JPG is accepted), portal-safe names
(`01_To_khai_dang_ky_khai_sinh.pdf`), each within the portal's size limit (page images are
re-encoded: quality first, then resolution, never below 150 DPI; still too large: numbered
parts when the portal allows them, otherwise a refusal naming the smallest size reached).
Signed PDFs are copied byte for byte. Beside them: manifest.json, the upload guide and an
optional ZIP. Everything is built in a hidden sibling folder and renamed into place at the
end, so a failure never leaves an export folder that looks complete. The dossier is only read.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import tempfile
import threading
import zipfile
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

import pymupdf

from common.errors import InputError, OutputError
from common.fsutil import ascii_slug, is_windows_reserved
from common.i18n import _, format_number
from common.progress import ProgressFn, check_cancel, no_progress
from dossier import pdf_budget, pdf_pages
from dossier.catalog_model import Component, PortalProfile, Procedure
from dossier.checklist import (
    WORD_KINDS,
    Checklist,
    ComponentCheck,
    SourceFile,
    applicant_name,
    check,
)
from dossier.guide import UploadGuide, build_guide, guide_slots, render_html
from dossier.model import now_iso
from dossier.workspace import Workspace

MANIFEST_NAME = "manifest.json"
GUIDE_NAME = "huong_dan_nop_ho_so.html"
MANIFEST_FORMAT = "hoso-manifest/1"
PART_SUFFIX = "_phan{part}"
QR_PREFIX = "HOSOSO"


@dataclass(frozen=True)
class PackOptions:
    make_zip: bool = False
    overwrite: bool = False  # replace an existing, non-empty export folder
    flatten_forms: bool = True  # bake filled form fields into the pages
    allow_incomplete: bool = False  # export although the checklist has blocking problems


@dataclass(frozen=True)
class PrintOptions:
    cover_sheet: bool = True
    allow_incomplete: bool = True  # a draft may be printed to check it on paper
    manifest_sha256: str | None = None  # the upload export's manifest, for the QR code
    overwrite: bool = True


@dataclass(frozen=True)
class ExportedFile:
    component_id: str
    component_name: str
    index: int
    part: int  # 1-based; part_count == 1 for a component in one file
    part_count: int
    name: str
    format: str
    pages: int
    bytes: int
    limit_bytes: int
    sha256: str
    signed: bool
    reencoded: bool
    quality: int | None = None
    dpi_cap: int | None = None


@dataclass(frozen=True)
class UploadExport:
    folder: Path
    files: tuple[ExportedFile, ...]
    manifest_path: Path
    manifest_sha256: str
    guide: UploadGuide
    guide_path: Path
    zip_path: Path | None
    input_bytes: int
    total_bytes: int
    notes: tuple[str, ...]  # things the user should know (signed files kept, re-encoding)
    complete: bool = True  # False: exported with allow_incomplete despite blocking problems


@dataclass(frozen=True)
class PrintExport:
    path: Path
    pages: int
    bytes: int
    cover_pages: int
    manifest_sha256: str


@dataclass
class _Part:
    data: bytes
    pages: int
    format: str
    signed: bool = False
    reencoded: bool = False
    quality: int | None = None
    dpi_cap: int | None = None


@dataclass
class _Context:
    workspace: Workspace
    procedure: Procedure
    portal: PortalProfile
    options: PackOptions
    cancel: threading.Event | None
    notes: list[str] = field(default_factory=list)
    blocking: tuple[str, ...] = ()  # blocking problems of an export made with allow_incomplete


# ---- writing (one function, so a failing disk is simple to simulate) ---------------------------
def write_file(path: Path, data: bytes) -> None:
    """Write and flush one file of the staging folder."""
    with open(path, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def app_version() -> str:
    try:
        return metadata.version("hoso")
    except metadata.PackageNotFoundError:
        return "0+unknown"


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# ---- names -----------------------------------------------------------------------------------
def portal_file_name(
    portal: PortalProfile,
    index: int,
    component: Component,
    extension: str,
    part: int = 0,
    procedure_code: str = "",
) -> str:
    """`01_To_khai_dang_ky_khai_sinh.pdf`: ASCII, underscores, within the portal's length.

    The profile's naming rule may use {index}, {slug}, {component_id} and {code}.
    """
    suffix = PART_SUFFIX.format(part=part) if part else ""
    tail = f"{suffix}.{extension}"

    def named(slug: str) -> str:
        stem = portal.naming.format(
            index=index, slug=slug, component_id=component.id, code=procedure_code
        )
        return ascii_slug(stem, max_length=10_000, sep="_") if slug else stem

    budget = max(8, portal.max_name_length - len(named("")) - len(tail))
    slug = ascii_slug(component.name, max_length=budget) or "thanh_phan"
    stem = named(slug)[: portal.max_name_length - len(tail)].rstrip("_")
    if is_windows_reserved(stem):  # a profile naming "{slug}" alone and a component "Con"
        stem = f"_{stem}"[: portal.max_name_length - len(tail)]
    return stem + tail


# ---- building one component ----------------------------------------------------------------
def _groups(sources: tuple[SourceFile, ...]) -> list[list[SourceFile]]:
    """Consecutive unsigned files make one PDF; a signed file always stands alone."""
    groups: list[list[SourceFile]] = []
    for source in sources:
        if source.signed or not groups or groups[-1][0].signed:
            groups.append([source])
        else:
            groups[-1].append(source)
    return groups


def _merge_to_pdf(sources: list[SourceFile], title: str, flatten: bool) -> pymupdf.Document:
    doc = pymupdf.open()
    for source in sources:
        if source.kind == "image":
            pdf_pages.add_image_page(doc, source.path)
        else:
            with pdf_pages.open_pdf(source.path) as src:
                pdf_pages.add_pdf_pages(doc, src)
    pdf_pages.clean_document(doc, title, flatten_forms=flatten)
    return doc


def _split_ranges(pages: int, parts: int) -> list[tuple[int, int]]:
    size, extra = divmod(pages, parts)
    ranges, start = [], 0
    for number in range(parts):
        end = start + size + (1 if number < extra else 0)
        ranges.append((start, end - 1))
        start = end
    return ranges


def _sub_document(data: bytes, first: int, last: int, title: str) -> bytes:
    with pymupdf.open(stream=data, filetype="pdf") as whole, pymupdf.open() as part:
        part.insert_pdf(whole, from_page=first, to_page=last)
        pdf_pages.clean_document(part, title, flatten_forms=False)
        return pdf_pages.save_pdf(part)


def _fit_or_split(ctx: _Context, item: ComponentCheck, data: bytes, pages: int) -> list[_Part]:
    limit = item.limit_bytes
    name = item.component.name
    outcome = pdf_budget.fit_to_budget(data, limit)
    if outcome.fits:
        return [
            _Part(
                outcome.data,
                pages,
                "pdf",
                False,
                outcome.reencoded,
                outcome.quality,
                outcome.dpi_cap,
            )
        ]
    smallest = outcome.smallest
    if ctx.portal.allow_split and pages > 1:
        for count in range(2, pages + 1):
            check_cancel(ctx.cancel)
            parts: list[_Part] = []
            for first, last in _split_ranges(pages, count):
                piece = pdf_budget.fit_to_budget(_sub_document(data, first, last, name), limit)
                if not piece.fits:
                    smallest = min(smallest, piece.smallest) if first == last else smallest
                    break
                parts.append(
                    _Part(
                        piece.data,
                        last - first + 1,
                        "pdf",
                        False,
                        piece.reencoded,
                        piece.quality,
                        piece.dpi_cap,
                    )
                )
            else:
                return parts
    message = _(
        "“{name}” cannot fit within {limit} MB: the smallest size reached at {dpi} DPI is {size} MB"
    ).format(name=name, limit=_mb(limit), dpi=pdf_pages.MIN_DPI, size=_mb(smallest))
    if outcome.kept_bytes * 10 > limit:  # worth saying: it explains the size
        message += _(
            ", of which {kept} MB are images that cannot be compressed further "
            "(black-and-white, masked or very small ones, kept as they are)"
        ).format(kept=_mb(outcome.kept_bytes))
    raise InputError(message, path=item.files[0].path if item.files else None)


def _fit_jpeg(item: ComponentCheck, source: SourceFile) -> _Part:
    """A JPG upload: quality first (down to 55), then resolution, never below 150 DPI over an A4
    page, where quality may go down to 35 as a last resort.

    The search is scanning's page encoder (one implementation for scans and uploads). Always
    re-encoded, which also drops the photo's EXIF data (GPS position, phone model).
    """
    import numpy as np

    from scanning import encode_page

    image = pdf_pages.on_white_paper(pdf_pages.open_image(source.path))
    landscape = image.width > image.height
    size_mm = (297.0, 210.0) if landscape else (210.0, 297.0)
    dpi = max(image.size) / (297 / 25.4)  # the photo's resolution if it were an A4 page
    page = encode_page(
        np.asarray(image),
        "original",
        dpi,
        size_mm,
        budget=item.limit_bytes,
        quality=pdf_pages.FIRST_JPEG_QUALITY,
        min_quality=pdf_budget.QUALITIES[-1],
        floor_quality=pdf_budget.LAST_RESORT_QUALITIES[-1],
    )
    if not page.over_budget:
        cap = None if page.width_px == image.width else round(page.dpi)
        return _Part(page.data, 1, "jpg", False, True, page.quality, cap)
    raise InputError(
        _(
            "“{name}” cannot fit within {limit} MB: the smallest size reached at {dpi} DPI is "
            "{size} MB"
        ).format(
            name=item.component.name,
            limit=_mb(item.limit_bytes),
            dpi=pdf_pages.MIN_DPI,
            size=_mb(page.size),
        ),
        path=source.path,
    )


def _build_component(ctx: _Context, item: ComponentCheck) -> list[_Part]:
    name = item.component.name
    if item.export_format == "jpg":
        return [_fit_jpeg(item, source) for source in item.files]
    if item.export_format in WORD_KINDS:  # uploaded as it is (the checklist warned)
        data = item.files[0].path.read_bytes()
        if len(data) > item.limit_bytes:
            raise InputError(
                _("the Word file of “{name}” is {size} MB, over the limit of {limit} MB").format(
                    name=name, size=_mb(len(data)), limit=_mb(item.limit_bytes)
                ),
                path=item.files[0].path,
            )
        return [_Part(data, 1, item.export_format)]
    parts: list[_Part] = []
    for group in _groups(item.files):
        check_cancel(ctx.cancel)
        if group[0].signed:
            source = group[0]
            data = source.path.read_bytes()
            if len(data) > item.limit_bytes:
                raise InputError(
                    _(
                        "the signed file of “{name}” is {size} MB, over the limit of {limit} MB; "
                        "a signed file cannot be compressed without breaking its signature"
                    ).format(name=name, size=_mb(len(data)), limit=_mb(item.limit_bytes)),
                    path=source.path,
                )
            with pdf_pages.open_pdf(source.path) as doc:
                pages = doc.page_count
            ctx.notes.append(
                _("“{name}”: signed file kept exactly as it is (not re-encoded)").format(name=name)
            )
            parts.append(_Part(data, pages, "pdf", signed=True))
            continue
        with _merge_to_pdf(group, name, ctx.options.flatten_forms) as doc:
            pages = doc.page_count
            missing = pdf_pages.unembedded_fonts(doc)
            data = pdf_pages.save_pdf(doc)
        if missing:
            ctx.notes.append(
                _("“{name}”: fonts not embedded in the source ({fonts})").format(
                    name=name, fonts=", ".join(missing)
                )
            )
        parts.extend(_fit_or_split(ctx, item, data, pages))
    if len(parts) > 1 and not ctx.portal.allow_split:
        raise InputError(
            _("“{name}” needs {count} files but the portal takes one file per component").format(
                name=name, count=len(parts)
            ),
            path=item.files[0].path,
        )
    return parts


def _mb(size: int | float) -> str:
    return format_number(size / (1024 * 1024), 2)


# ---- the export folder ---------------------------------------------------------------------
def _prepare_target(out_dir: Path, overwrite: bool) -> None:
    if out_dir.exists() and not out_dir.is_dir():
        raise OutputError(_("the export target exists and is not a folder"), path=out_dir)
    if out_dir.is_dir() and any(out_dir.iterdir()) and not overwrite:
        raise OutputError(_("the export folder is not empty"), path=out_dir)


def _finalise(staging: Path, out_dir: Path) -> None:
    """Swap the finished staging folder into place; the old export goes only after that."""
    old: Path | None = None
    if out_dir.exists():
        old = out_dir.with_name(f".{out_dir.name}.old-{os.getpid()}-{threading.get_ident()}")
        os.replace(out_dir, old)
    try:
        os.replace(staging, out_dir)
    except OSError:
        if old is not None:
            os.replace(old, out_dir)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _manifest(
    ctx: _Context, files: list[ExportedFile], input_bytes: int, created: str
) -> dict[str, Any]:
    dossier = ctx.workspace.dossier
    submission = dossier.submission
    return {
        "format": MANIFEST_FORMAT,
        "app": {"name": pdf_pages.PRODUCER, "version": app_version()},
        "created": created,
        "dossier_id": dossier.id,
        "procedure": {
            "code": ctx.procedure.code,
            "name": ctx.procedure.name,
            "agency": ctx.procedure.agencies[0] if ctx.procedure.agencies else "",
        },
        "portal": {
            "id": ctx.portal.id,
            "name": ctx.portal.name,
            "url": ctx.portal.url,
            "max_file_mb": ctx.portal.max_file_mb,
        },
        "applicant": {"name": applicant_name(dossier)},
        # an export made with allow_incomplete says so, with the problems, for whoever reads it
        "complete": not ctx.blocking,
        "blocking_problems": list(ctx.blocking),
        "submission": {
            "result_delivery": submission.result_delivery,
            "delivery_address": submission.delivery_address,
            "fee_payment": submission.fee_payment,
        },
        "files": [
            {
                "file": f.name,
                "component_id": f.component_id,
                "component": f.component_name,
                "index": f.index,
                "part": f.part,
                "parts": f.part_count,
                "format": f.format,
                "pages": f.pages,
                "bytes": f.bytes,
                "sha256": f.sha256,
                "signed": f.signed,
                "reencoded": f.reencoded,
            }
            for f in files
        ],
        "totals": {
            "files": len(files),
            "pages": sum(f.pages for f in files),
            "bytes": sum(f.bytes for f in files),
            "input_bytes": input_bytes,
        },
    }


def _zip_folder(staging: Path, names: list[str], zip_name: str) -> Path:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            # PDFs and JPEGs are compressed already: deflating them again only costs time
            compress = zipfile.ZIP_DEFLATED if name.endswith(".json") else zipfile.ZIP_STORED
            archive.write(staging / name, arcname=name, compress_type=compress)
    path = staging / zip_name
    write_file(path, buffer.getvalue())
    return path


def _refuse_if_blocked(checklist: Checklist, allow_incomplete: bool, root: Path) -> None:
    if checklist.blocking and not allow_incomplete:
        reasons = "; ".join(p.message for p in checklist.blocking)
        raise InputError(
            _("the dossier is not ready for export: {reasons}").format(reasons=reasons), path=root
        )


def export_for_upload(
    workspace: Workspace,
    procedure: Procedure,
    portal: PortalProfile,
    out_dir: Path,
    options: PackOptions = PackOptions(),
    progress: ProgressFn = no_progress,
    cancel: threading.Event | None = None,
) -> UploadExport:
    """Write the portal-ready files of the dossier into `out_dir` (created or replaced whole)."""
    out_dir = Path(out_dir).absolute()
    checklist = check(workspace, procedure, portal)
    _refuse_if_blocked(checklist, options.allow_incomplete, workspace.root)
    _prepare_target(out_dir, options.overwrite)
    ctx = _Context(workspace, procedure, portal, options, cancel)
    ctx.blocking = tuple(p.message for p in checklist.blocking)
    if ctx.blocking:
        ctx.notes.append(
            _("INCOMPLETE export, not ready to submit: {reasons}").format(
                reasons="; ".join(ctx.blocking)
            )
        )
    present = [item for item in checklist.components if item.present]
    total_steps = len(present) + 2
    try:
        out_dir.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.partial-", dir=out_dir.parent))
    except OSError as exc:
        raise OutputError(
            _("Could not write the export: {reason}").format(reason=exc.strerror or exc),
            path=out_dir,
        ) from exc
    try:
        files: list[ExportedFile] = []
        for step, item in enumerate(present):
            check_cancel(cancel)
            progress(step, total_steps, item.component.name)
            parts = _build_component(ctx, item)
            for number, part in enumerate(parts, start=1):
                part_no = number if len(parts) > 1 else 0
                name = portal_file_name(
                    portal, item.index, item.component, part.format, part_no, procedure.code
                )
                write_file(staging / name, part.data)
                files.append(
                    ExportedFile(
                        component_id=item.component.id,
                        component_name=item.component.name,
                        index=item.index,
                        part=number,
                        part_count=len(parts),
                        name=name,
                        format=part.format,
                        pages=part.pages,
                        bytes=len(part.data),
                        limit_bytes=item.limit_bytes,
                        sha256=sha256_bytes(part.data),
                        signed=part.signed,
                        reencoded=part.reencoded,
                        quality=part.quality,
                        dpi_cap=part.dpi_cap,
                    )
                )
                if part.reencoded:
                    ctx.notes.append(
                        _("“{name}”: page images compressed to fit {limit} MB").format(
                            name=item.component.name, limit=_mb(item.limit_bytes)
                        )
                    )
        check_cancel(cancel)
        progress(len(present), total_steps, _("Writing the manifest and the guide"))
        input_bytes = sum(item.bytes for item in present)
        manifest = _manifest(ctx, files, input_bytes, now_iso())
        manifest_bytes = (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode()
        write_file(staging / MANIFEST_NAME, manifest_bytes)
        guide = build_guide(
            procedure,
            portal,
            workspace.dossier.submission,
            guide_slots(checklist, files),
            ctx.blocking,
        )
        write_file(staging / GUIDE_NAME, render_html(guide).encode("utf-8"))
        zip_path = None
        if options.make_zip:
            zip_name = f"ho_so_{ascii_slug(procedure.code, sep='_') or 'tthc'}.zip"
            _zip_folder(staging, [f.name for f in files] + [MANIFEST_NAME], zip_name)
            zip_path = out_dir / zip_name
        progress(total_steps - 1, total_steps, _("Finishing"))
        _finalise(staging, out_dir)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise OutputError(
            _("Could not write the export: {reason}").format(reason=exc.strerror or exc),
            path=out_dir,
        ) from exc
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    progress(total_steps, total_steps, _("Done"))
    return UploadExport(
        folder=out_dir,
        files=tuple(files),
        manifest_path=out_dir / MANIFEST_NAME,
        manifest_sha256=sha256_bytes(manifest_bytes),
        guide=guide,
        guide_path=out_dir / GUIDE_NAME,
        zip_path=zip_path,
        input_bytes=input_bytes,
        total_bytes=sum(f.bytes for f in files),
        notes=tuple(dict.fromkeys(ctx.notes)),
        complete=not ctx.blocking,
    )


_PRINT_EXPORT = ("content_hash", "export_for_print")


def __getattr__(name: str):
    """The print export lives in dossier.print_export (loaded on first use, no import cycle)."""
    if name in _PRINT_EXPORT:
        from dossier import print_export

        return getattr(print_export, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
