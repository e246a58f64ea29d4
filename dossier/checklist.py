"""Checklist: the dossier's components against the procedure's, before export.

`check(workspace, procedure, portal)` lists every component of the procedure (required or
optional, present, signed when it must be, pages, bytes against the portal's limit) and the
problems found: blocking ones stop the export, warnings are shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from common.errors import InputError
from common.i18n import _, format_number
from dossier import pdf_pages
from dossier.catalog_model import Component, PortalProfile, Procedure
from dossier.model import ComponentEntry, Dossier, DossierFile
from dossier.workspace import Workspace
from forms import how_to_save_as_pdf, why_no_pdf_signature

Severity = Literal["blocking", "warning"]
SourceKind = Literal["pdf", "image", "docx", "doc"]
#: Word files go to the portal as they are, when both the portal and the component take them
WORD_KINDS = {"docx", "doc"}

_JPEG_NAMES = {"jpg", "jpeg"}


@dataclass(frozen=True)
class Problem:
    severity: Severity
    message: str  # translated, for the user
    component_id: str | None = None


@dataclass(frozen=True)
class SourceFile:
    """A file of a component as packaging reads it: the derived result when there is one."""

    file: DossierFile
    path: Path
    kind: SourceKind
    signed: bool


@dataclass(frozen=True)
class ComponentCheck:
    index: int  # 1-based position in the procedure (the number in exported names)
    component: Component
    files: tuple[SourceFile, ...]
    pages: int
    bytes: int  # sum of the source files (an upper bound for PDF export before fitting)
    limit_bytes: int
    signed: bool  # every file is a signed PDF
    export_format: str | None  # "pdf", "jpg", "docx", "doc" or None when none accepted fits

    @property
    def present(self) -> bool:
        return bool(self.files)

    @property
    def over_limit(self) -> bool:
        return self.bytes > self.limit_bytes


@dataclass(frozen=True)
class Checklist:
    procedure: Procedure
    portal: PortalProfile
    components: tuple[ComponentCheck, ...]
    problems: tuple[Problem, ...]

    @property
    def blocking(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "blocking")

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "warning")

    @property
    def ready(self) -> bool:
        return not self.blocking

    def problems_of(self, component_id: str) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.component_id == component_id)


def limit_bytes(portal: PortalProfile) -> int:
    return int(portal.max_file_mb * 1024 * 1024)


def _normal_format(name: str) -> str:
    name = name.lower().lstrip(".")
    return "jpg" if name in _JPEG_NAMES else name


def export_format(component: Component, portal: PortalProfile, kinds: set[str]) -> str | None:
    """PDF when both the component and the portal accept it, else JPG for image-only files."""
    accepted = {_normal_format(f) for f in component.formats} & {
        _normal_format(f) for f in portal.formats
    }
    word = kinds & WORD_KINDS
    if word:  # a Word file cannot be merged nor converted here: as it is, or not at all
        kind = next(iter(word))
        return kind if kinds == {kind} and kind in accepted else None
    if "pdf" in accepted:
        return "pdf"
    if "jpg" in accepted and kinds <= {"image"}:
        return "jpg"
    return None


def resolve_sources(workspace: Workspace, entry: ComponentEntry) -> list[SourceFile]:
    """The readable files of a component, in order; raise InputError naming a bad one."""
    sources = []
    for item in entry.result_files():
        relative = item.derived or item.original
        path = workspace.path(relative)
        if not path.is_file():
            raise InputError(
                _("the file of this component is missing: {name}").format(name=item.name),
                path=path,
            )
        kind = _source_kind(item, path)
        if kind is None:
            raise InputError(
                _("this file type cannot be exported; convert it to PDF first: {name}").format(
                    name=item.name
                ),
                path=path,
            )
        try:
            signed = kind == "pdf" and (item.signed or pdf_pages.pdf_is_signed(path))
        except OSError as exc:
            raise InputError(
                _("cannot read the file: {reason}").format(reason=exc.strerror or exc), path=path
            ) from exc
        sources.append(SourceFile(item, path, kind, signed))
    return sources


def _source_kind(item: DossierFile, path: Path) -> SourceKind | None:
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return "pdf"
    if suffix in (".docx", ".doc"):
        return "docx" if suffix == ".docx" else "doc"
    if item.kind == "image" or suffix in {".jpg", ".jpeg", ".png", ".tif", ".tiff", ".heic"}:
        return "image"
    if item.kind == "pdf":
        return "pdf"
    return None


def _check_component(
    workspace: Workspace,
    index: int,
    component: Component,
    entry: ComponentEntry | None,
    portal: PortalProfile,
) -> tuple[ComponentCheck, list[Problem]]:
    problems: list[Problem] = []
    limit = limit_bytes(portal)
    sources: list[SourceFile] = []
    pages = 0
    if entry is not None:
        for item in entry.result_files():
            single = ComponentEntry(component_id=component.id, files=[item])
            try:
                found = resolve_sources(workspace, single)
                if found[0].kind not in WORD_KINDS:  # a Word file's pages depend on Word
                    pages += pdf_pages.page_count(found[0].path, found[0].kind)
                else:
                    pages += 1
                sources.extend(found)
            except InputError as exc:
                problems.append(Problem("blocking", exc.message, component.id))
    total = sum(s.path.stat().st_size for s in sources)
    signed = bool(sources) and all(s.signed for s in sources)
    fmt = export_format(component, portal, {s.kind for s in sources}) if sources else "pdf"
    check = ComponentCheck(index, component, tuple(sources), pages, total, limit, signed, fmt)
    name = component.name
    if not sources and entry is not None and entry.files:
        pass  # the unreadable files are already reported
    elif not sources and component.upload_required:
        problems.append(
            Problem(
                "blocking", _("required component missing: {name}").format(name=name), component.id
            )
        )
    word = [s for s in sources if s.kind in WORD_KINDS]
    if sources and component.must_be_signed and not any(s.signed for s in sources):
        message = _("this component must be digitally signed: {name}").format(name=name)
        if word:
            message += f" ({why_no_pdf_signature()})"
        problems.append(Problem("blocking", message, component.id))
    if word:
        problems.append(_word_problem(name, fmt, component.id))
    elif sources and fmt is None:
        problems.append(
            Problem(
                "blocking",
                _("no format accepted by both the portal and the component for: {name}").format(
                    name=name
                ),
                component.id,
            )
        )
    signed_over = [s for s in sources if s.signed and s.path.stat().st_size > limit]
    for source in signed_over:
        problems.append(
            Problem(
                "blocking",
                _(
                    "the signed file {file} is {size} MB, over the portal limit of {limit} MB; "
                    "a signed file cannot be compressed"
                ).format(
                    file=source.file.name, size=_mb(source.path.stat().st_size), limit=_mb(limit)
                ),
                component.id,
            )
        )
    if sources and total > limit and not signed_over:
        problems.append(
            Problem(
                "warning",
                _(
                    "{name} is {size} MB, over the limit of {limit} MB: images will be compressed"
                ).format(name=name, size=_mb(total), limit=_mb(limit)),
                component.id,
            )
        )
    if any(s.signed for s in sources) and len(sources) > 1 and not portal.allow_split:
        problems.append(_mixed_signed_problem(name, entry, sources, component.id))
    return check, problems


def _mixed_signed_problem(
    name: str, entry: ComponentEntry | None, sources: list[SourceFile], component_id: str
) -> Problem:
    """A signed file among other files of a component the portal takes as one file: merging
    would break the signature. Say how to get out: sign the component's one PDF again (a page
    signed on its own), or remove the files that do not belong with the signed one."""
    from dossier.actions import is_page

    signed_pages = [s for s in sources if s.signed and is_page(s.file, entry)]
    if signed_pages:
        how = _(
            "make the component's PDF again in the scan step (Make PDF), then sign it in the "
            "Sign step: its pages are signed together as one PDF"
        )
    else:
        how = _(
            "remove the other files of this component, or remove the signed file and sign "
            "the component's file once it is complete"
        )
    return Problem(
        "blocking",
        _(
            "{name} mixes a signed file with other files, and the portal takes one file per "
            "component (merging would break the signature). To fix it: {how}"
        ).format(name=name, how=how),
        component_id,
    )


def _word_problem(name: str, fmt: str | None, component_id: str) -> Problem:
    """A Word file as a component's file: uploaded as it is (a warning), or not accepted."""
    if fmt is None:
        return Problem(
            "blocking",
            _(
                "“{name}” is a Word file, and the portal or this component takes only PDF or "
                "images here (or several files cannot be merged with it): {how}"
            ).format(name=name, how=how_to_save_as_pdf()),
            component_id,
        )
    return Problem(
        "warning",
        _("“{name}” is uploaded as a Word file: {why}").format(
            name=name, why=why_no_pdf_signature()
        ),
        component_id,
    )


def _mb(size: int | float) -> str:
    return format_number(size / (1024 * 1024), 1)


def _submission_problems(dossier: Dossier, procedure: Procedure) -> list[Problem]:
    problems = []
    submission = dossier.submission
    if submission.result_delivery == "post" and not submission.delivery_address.strip():
        problems.append(
            Problem("blocking", _("the result is to be sent by post but no address is given"))
        )
    if submission.result_delivery not in procedure.result_delivery:
        problems.append(
            Problem(
                "warning",
                _("this procedure may not offer the chosen way of receiving the result"),
            )
        )
    if not applicant_name(dossier):
        problems.append(Problem("warning", _("the applicant's name is empty")))
    return problems


def check(workspace: Workspace, procedure: Procedure, portal: PortalProfile) -> Checklist:
    """Compare the dossier with the procedure and the portal profile (reads files, never writes)."""
    dossier = workspace.dossier
    entries = {entry.component_id: entry for entry in dossier.components}
    components: list[ComponentCheck] = []
    problems: list[Problem] = []
    for index, component in enumerate(procedure.components, start=1):
        check_item, found = _check_component(
            workspace, index, component, entries.get(component.id), portal
        )
        components.append(check_item)
        problems.extend(found)
    known = {c.id for c in procedure.components}
    for entry in dossier.components:
        if entry.component_id not in known and entry.files:
            problems.append(
                Problem(
                    "warning",
                    _("files given for a component the procedure does not list: {id}").format(
                        id=entry.component_id
                    ),
                    entry.component_id,
                )
            )
    if dossier.procedure_code != procedure.code:
        problems.append(
            Problem(
                "blocking",
                _("the dossier is for procedure {dossier}, not {procedure}").format(
                    dossier=dossier.procedure_code, procedure=procedure.code
                ),
            )
        )
    problems.extend(_submission_problems(dossier, procedure))
    return Checklist(procedure, portal, tuple(components), tuple(problems))


_NAME_KEYS = ("full_name", "name", "ho_ten")


def applicant_name(dossier: Dossier) -> str:
    for key in _NAME_KEYS:
        if dossier.applicant.get(key):
            return dossier.applicant[key]
    return ""
