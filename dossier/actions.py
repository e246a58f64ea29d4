"""What a user does to a dossier, one Qt-free function each (ARCHITECTURE.md rule 13).

The GUI's pages and the `hoso` commands call these and nothing else of the dossier, so both
fronts do the same thing. Each action takes the workspace and an options value and returns
what changed. Slow work (copying, rendering, signing, exporting) never touches the dossier
model: it is split into a *worker* half (`copy_in`, `render_component_file`, `fill_form`,
`run_signing`, `export_upload`, `export_print`) that a GUI runs in the background, and a
*model* half (`attach_imported`, `record_component_file`, `record_saved_form`,
`record_signed`, `record_export`) run on the thread that owns the dossier. The CLI runs both
halves and saves; the GUI's session autosaves.

    import_files(workspace, component, paths, ImportOptions())       -> ImportResult
    edit_pages(workspace, component, file_ids, Rotate(1))            -> list[DossierFile]
    make_component_file(workspace, component, ComponentFileOptions()) -> ComponentFileResult
    save_form(workspace, FormSaveOptions(...), source, values)       -> SavedForm
    sign_files(workspace, file_ids, options, signer)                 -> list[SignedFile]
    export_for_upload(workspace, procedure, portal, PackOptions())   -> UploadExport (recorded)
    export_for_print(workspace, procedure, portal, PrintOptions())   -> PrintExport
    set_submission_choices(workspace, SubmissionChoices(...))        -> Submission
    record_submitted / record_result                                  -> tracking
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from common.errors import CancelledError, InputError
from common.i18n import _
from common.progress import ProgressFn, check_cancel, no_progress
from dossier import pages
from dossier.model import DossierFile, FormState, StampPosition, Submission
from dossier.status import record_export as _record_export
from dossier.workspace import Workspace

if TYPE_CHECKING:
    from dossier.catalog_model import PortalProfile, Procedure
    from dossier.packaging import PackOptions, PrintExport, PrintOptions, UploadExport

Cancel = threading.Event | None


# ---- create a dossier, its applicant, where the user is ---------------------------------------
def free_folder(library: Path, procedure_name: str, applicant_name: str) -> Path:
    """`<library>/<date> <procedure> <applicant>`, with " (2)", " (3)"... when taken."""
    from dossier.workspace import default_folder_name

    name = default_folder_name(procedure_name, applicant_name)
    folder, suffix = Path(library) / name, 2
    while folder.exists():
        folder = Path(library) / f"{name} ({suffix})"
        suffix += 1
    return folder


def create_dossier(
    library: Path,
    procedure_code: str,
    title: str = "",
    applicant: dict[str, str] | None = None,
    component_ids: Sequence[str] = (),
    start_step: str = "procedure",
) -> Workspace:
    """A new dossier folder in the library, named after the procedure and the applicant."""
    applicant = dict(applicant or {})
    folder = free_folder(library, title or procedure_code, applicant.get("full_name", ""))
    workspace = Workspace.create(
        folder, procedure_code, title=title, applicant=applicant,
        component_ids=list(component_ids),
    )  # fmt: skip
    if start_step != workspace.dossier.current_step:
        set_current_step(workspace, start_step)
        workspace.save()
    return workspace


def set_applicant(workspace: Workspace, values: dict[str, str]) -> bool:
    """The applicant (the requester's profile values); True when that changed."""
    cleaned = {str(k): str(v) for k, v in values.items() if v}
    with workspace.lock:
        if workspace.dossier.applicant == cleaned:
            return False
        workspace.dossier.applicant = cleaned
    return True


def set_current_step(workspace: Workspace, step_id: str) -> bool:
    """The workflow step the user is at (the dossier reopens there); True when changed."""
    with workspace.lock:
        if workspace.dossier.current_step == step_id:
            return False
        workspace.dossier.current_step = step_id
    return True


def set_scan_component(workspace: Workspace, component_id: str) -> bool:
    """The component the scan step shows (it reopens there); True when changed."""
    with workspace.lock:
        if workspace.dossier.ui.scan_component == component_id:
            return False
        workspace.dossier.ui.scan_component = component_id
    return True


# ---- import files into a component -------------------------------------------------------------
@dataclass(frozen=True)
class ImportOptions:
    #: True (the scan step): the kind is read from the content, and every page of a multi-page
    #: PDF or TIFF becomes a page of the component; False (`hoso dossier add`): files as given.
    as_pages: bool = True


@dataclass(frozen=True)
class ImportedFile:
    source: Path
    item: DossierFile | None  # None: refused, see `error`
    pages: int = 1
    error: InputError | None = None


@dataclass(frozen=True)
class ImportResult:
    component_id: str
    files: tuple[ImportedFile, ...]
    added: tuple[DossierFile, ...] = ()  # after `attach_imported`: every page entry added

    @property
    def refused(self) -> list[InputError]:
        return [f.error for f in self.files if f.error is not None]


def copy_in(
    workspace: Workspace,
    component_id: str,
    paths: Sequence[Path],
    options: ImportOptions = ImportOptions(),
    progress: ProgressFn = no_progress,
    cancel: Cancel = None,
) -> ImportResult:
    """The worker half of an import: copy each file into originals/ (read-only) and count its
    pages; the dossier model is not touched. A refused file is reported, not raised."""
    if not component_id.strip():
        raise InputError(_("the component id is empty"), path=workspace.root)
    imported = []
    for number, path in enumerate(paths):
        path = Path(path)
        check_cancel(cancel)
        progress(number, len(paths), _("Importing {name}").format(name=path.name))
        try:
            item = workspace.copy_original(path)
            pages_count = 1
            if options.as_pages:
                pages_count, item.kind = _pages_and_kind(workspace.original_path(item))
            imported.append(ImportedFile(path, item, pages_count))
        except InputError as error:
            error.path = Path(path.name)  # the user's name, not the dossier copy
            imported.append(ImportedFile(path, None, error=error))
    return ImportResult(component_id, tuple(imported))


def _pages_and_kind(original: Path) -> tuple[int, Literal["pdf", "image"]]:
    from scanning import count_pages, sniff_format

    count = count_pages(original, strict=True)
    with open(original, "rb") as handle:
        kind = "pdf" if sniff_format(handle.read(1024)) == "pdf" else "image"
    return count, kind


def attach_imported(workspace: Workspace, result: ImportResult) -> ImportResult:
    """The model half: the copied files join their component, one entry per page."""
    added: list[DossierFile] = []
    with workspace.lock:
        for imported in result.files:
            if imported.item is None:
                continue
            workspace.attach(result.component_id, imported.item)
            added.append(imported.item)
            if imported.pages > 1:
                added += pages.add_pages(
                    workspace.dossier, result.component_id, imported.item, imported.pages
                )
    return replace(result, added=tuple(added))


def import_files(
    workspace: Workspace,
    component_id: str,
    paths: Sequence[Path],
    options: ImportOptions = ImportOptions(),
    progress: ProgressFn = no_progress,
    cancel: Cancel = None,
    *,
    save: bool = True,
) -> ImportResult:
    """Copy files into a component (both halves) and save."""
    result = attach_imported(
        workspace, copy_in(workspace, component_id, paths, options, progress, cancel)
    )
    if save and result.added:
        workspace.save()
    return result


# ---- page edits --------------------------------------------------------------------------------
@dataclass(frozen=True)
class Rotate:
    quarter_turns: int  # clockwise; negative: counter-clockwise


@dataclass(frozen=True)
class SetMode:
    mode: str  # color, gray, bw, original


@dataclass(frozen=True)
class SetQuad:
    points: tuple[tuple[float, float], ...]


@dataclass(frozen=True)
class Undo:
    pass


@dataclass(frozen=True)
class Remove:
    pass


@dataclass(frozen=True)
class Reorder:
    order: tuple[str, ...]  # every page id of the component, in the new order


PageEdit = Rotate | SetMode | SetQuad | Undo | Remove | Reorder


def edit_pages(
    workspace: Workspace, component_id: str, file_ids: Sequence[str], edit: PageEdit
) -> list[DossierFile]:
    """Apply one edit to pages of a component (on the thread owning the model; no save).

    Returns the pages whose image changed (their previews are stale); a result made from
    them (the component's PDF, an ID card sheet) is forgotten, a signed one kept."""
    dossier = workspace.dossier
    entry = dossier.component(component_id)
    chosen = [f for f in entry.files if f.id in set(file_ids)]
    if isinstance(edit, Reorder):
        before = [f.id for f in pages.scan_files(dossier, component_id)]
        if list(edit.order) == before:
            return []
        for index, file_id in enumerate(edit.order):
            pages.move(dossier, component_id, file_id, index)
        pages.forget_reordered_sheets(entry, before, list(edit.order))
        return []
    if isinstance(edit, Remove):
        for item in chosen:
            pages.forget_result(entry, item)
            workspace.remove_file(item.id, save=False)
        return []
    changed = []
    for item in chosen:
        if isinstance(edit, Rotate):
            pages.rotate(item, edit.quarter_turns)
        elif isinstance(edit, SetMode):
            pages.set_mode(item, edit.mode)
        elif isinstance(edit, SetQuad):
            pages.set_quad(item, [list(p) for p in edit.points])
        elif isinstance(edit, Undo) and not pages.undo(item):
            continue
        changed.append(item)
    for item in changed:
        pages.forget_result(entry, item)
    return changed


@dataclass(frozen=True)
class PagePreview:
    steps: tuple[dict[str, Any], ...]  # the page's steps, with detection's when it had none
    result: Any  # scanning.ScanResult at preview size
    estimated_bytes: int  # the page's estimated size in the component's PDF


def preview_page(original: Path, steps: Sequence[dict[str, Any]], side: int) -> PagePreview:
    """The worker half of showing a page: detect it the first time (the document's corners,
    paper, mode), then render it `side` pixels at most and estimate its size."""
    from scanning import estimated_bytes, initial_steps, options_from_steps, preview

    full_steps = list(steps)
    if not pages.detected(full_steps):
        index, _options, _skew = options_from_steps(full_steps)
        full_steps = initial_steps(original, index)
    result = preview(original, full_steps, side)
    _, options, _ = options_from_steps(full_steps)
    return PagePreview(tuple(full_steps), result, estimated_bytes(result, options.dpi or 200))


def record_detected_steps(
    workspace: Workspace, file_id: str, steps: Sequence[dict[str, Any]]
) -> bool:
    """The model half: a page detected for the first time keeps detection's steps."""
    with workspace.lock:
        found = workspace.dossier.find_file(file_id)
        if found is None or found[1].steps == list(steps):
            return False
        found[1].steps = list(steps)
        return True


# ---- make a component's file -------------------------------------------------------------------
@dataclass(frozen=True)
class ComponentFileOptions:
    as_card: bool = False  # two pages: both sides of an ID card on one A4 sheet
    max_file_bytes: int | None = None  # the portal's per-file limit (encoding aims under it)


@dataclass(frozen=True)
class ComponentFilePlan:
    """What to render, read from the model (cheap, on the owning thread)."""

    component_id: str
    file_ids: tuple[str, ...]
    pages: tuple[tuple[Path, tuple[dict[str, Any], ...]], ...]  # (original, steps) per page
    target: Path
    page_targets: tuple[Path, ...]
    card_target: Path | None  # set when rendering an ID card sheet
    max_file_bytes: int | None


@dataclass(frozen=True)
class ComponentFileResult:
    component_id: str
    report: Any  # scanning.ScanReport (output, pages, bytes ...)
    results: tuple[tuple[str, Path], ...]  # (file id, its result under work/)


def plan_component_file(
    workspace: Workspace, component_id: str, options: ComponentFileOptions = ComponentFileOptions()
) -> ComponentFilePlan:
    files = pages.scan_files(workspace.dossier, component_id)
    if not files:
        raise InputError(
            _("the component {id} has no page").format(id=component_id), path=workspace.root
        )
    ids = [f.id for f in files]
    as_card = options.as_card and len(files) == 2
    return ComponentFilePlan(
        component_id=component_id,
        file_ids=tuple(ids),
        pages=tuple((workspace.original_path(f), tuple(f.steps)) for f in files),
        target=workspace.component_file(component_id),
        page_targets=tuple(workspace.page_file(component_id, i) for i in ids),
        card_target=workspace.card_file(component_id, ids) if as_card else None,
        max_file_bytes=options.max_file_bytes,
    )


def render_component_file(
    plan: ComponentFilePlan, progress: ProgressFn = no_progress, cancel: Cancel = None
) -> ComponentFileResult:
    """The worker half: every page at full size into work/<component>.pdf, one PDF per page
    beside it (each page's result); or, for an ID card, one sheet that is both sides' result."""
    from common.fsutil import make_private_dir
    from scanning import render_card_pdf, render_pdf

    pages_in = [(path, list(steps)) for path, steps in plan.pages]
    if plan.card_target is not None:
        make_private_dir(plan.card_target.parent)
        report = render_card_pdf(pages_in[0], pages_in[1], plan.card_target, progress, cancel)
        written = [plan.card_target, plan.card_target]
    else:
        report = render_pdf(
            pages_in, plan.target, progress, cancel, max_file_bytes=plan.max_file_bytes
        )
        written = pages.split_pages(plan.target, list(plan.page_targets))
    results = tuple(zip(plan.file_ids, written, strict=True)) if written else ()
    return ComponentFileResult(plan.component_id, report, results)


def record_component_file(workspace: Workspace, result: ComponentFileResult) -> list[DossierFile]:
    """The model half: each page's PDF becomes its file's result (packaging and signing use it)."""
    changed = []
    with workspace.lock:
        for file_id, path in result.results:
            found = workspace.dossier.find_file(file_id)
            if found is None:  # deleted meanwhile
                continue
            item = found[1]
            item.derived = workspace.relative(path)
            item.signed = False
            changed.append(item)
    return changed


def make_component_file(
    workspace: Workspace,
    component_id: str,
    options: ComponentFileOptions = ComponentFileOptions(),
    progress: ProgressFn = no_progress,
    cancel: Cancel = None,
    *,
    save: bool = True,
) -> ComponentFileResult:
    """Render a component's pages into its PDF and record the results (all three halves)."""
    plan = plan_component_file(workspace, component_id, options)
    result = render_component_file(plan, progress, cancel)
    if record_component_file(workspace, result) and save:
        workspace.save()
    return result


# ---- save a filled form ------------------------------------------------------------------------
@dataclass(frozen=True)
class FormSaveOptions:
    target: Path  # the editable copy (fields kept)
    password: str | None = None
    signed: bool = False  # a signed form gets no flattened copy (it would break signatures)


@dataclass(frozen=True)
class SavedForm:
    editable: Path
    flattened: Path | None  # <target>-nop.pdf, for upload; None for a signed form, or for a
    # Word form when neither Word nor LibreOffice can make its PDF (the .docx is uploaded)

    @property
    def upload(self) -> Path:
        return self.flattened or self.editable


def flattened_path(target: Path) -> Path:
    return target.with_name(f"{target.stem}-nop.pdf")


def fill_form(
    source: Path,
    values: dict[str, str],
    options: FormSaveOptions,
    progress: ProgressFn = no_progress,
    cancel: Cancel = None,
) -> SavedForm:
    """The worker half: an editable copy and, unless signed, a flattened copy for upload."""
    import forms
    from forms import fill_word_form, is_word_file

    if is_word_file(source):  # the filled .docx, and its PDF when Word or LibreOffice can
        editable, pdf = fill_word_form(source, Path(options.target).with_suffix(".docx"), values,
                                       None, progress, cancel)  # fmt: skip
        return SavedForm(editable, pdf)
    target = Path(options.target)
    if target.suffix.lower() != ".pdf":
        target = target.with_suffix(".pdf")
    flat = None if options.signed else flattened_path(target)
    forms.fill(source, target, values, forms.FillOptions(password=options.password),
               progress, cancel)  # fmt: skip
    if flat is not None:
        flattened = forms.FillOptions(flatten=True, password=options.password)
        forms.fill(source, flat, values, flattened, progress, cancel)
    return SavedForm(target, flat)


def store_form_values(
    workspace: Workspace, form_key: str, values: dict[str, str], problems: int
) -> FormState:
    """Keep what the user typed (not saved as a file yet): the form is "edited"."""
    with workspace.lock:
        state = workspace.dossier.forms.setdefault(form_key, FormState())
        state.values = dict(values)
        state.problems = problems
        state.saved = False
    return state


def store_form_roles(workspace: Workspace, form_key: str, roles: dict[str, str | None]) -> bool:
    """Who each role of a form is (citizen profile ids); True when that changed."""
    chosen = {str(role): str(profile) for role, profile in roles.items() if profile}
    with workspace.lock:
        state = workspace.dossier.forms.get(form_key)
        if state is None and not chosen:
            return False
        state = workspace.dossier.forms.setdefault(form_key, FormState())
        if state.roles == chosen:
            return False
        state.roles = chosen
    return True


def record_saved_form(
    workspace: Workspace,
    form_key: str,
    saved: SavedForm,
    values: dict[str, str],
    problems: int,
    component_id: str | None,
) -> FormState:
    """The model half: the values are saved; the form's upload copy becomes the file of its
    component (replacing the previous save), so signing and packaging use it."""
    with workspace.lock:
        state = workspace.dossier.forms.setdefault(form_key, FormState())
        if component_id is not None:
            previous = state.file_id
            item = workspace.add_file(component_id, saved.upload, save=False)
            if previous and workspace.dossier.find_file(previous) is not None:
                workspace.remove_file(previous, save=False)
            state.file_id = item.id
        state.values = dict(values)
        state.problems = problems
        state.saved = True
        state.output = str(saved.upload)
    return state


def save_form(
    workspace: Workspace,
    form_key: str,
    source: Path,
    values: dict[str, str],
    options: FormSaveOptions,
    component_id: str | None = None,
    progress: ProgressFn = no_progress,
    cancel: Cancel = None,
) -> SavedForm:
    """Fill a form of the dossier, record it and save (both halves)."""
    import forms

    saved = fill_form(source, values, options, progress, cancel)
    problems = 0
    try:
        problems = len(forms.validate(forms.read_form(source).items, values))
    except (AttributeError, InputError):
        problems = 0
    record_saved_form(workspace, form_key, saved, values, problems, component_id)
    workspace.save()
    return saved


# ---- sign files --------------------------------------------------------------------------------
@dataclass(frozen=True)
class DossierPdf:
    """A file of the dossier as it will be uploaded, which can be signed: a component's scanned
    pages as its one PDF (made first when needed), or a PDF result (a saved form, a PDF)."""

    file_id: str  # the (first) file whose result it is
    component_id: str
    name: str
    path: Path  # the PDF now; for a component still to be made, where it will be
    signed: bool
    file_ids: tuple[str, ...] = ()  # every file whose result it is (all pages of a component)
    to_make: bool = False  # the component's PDF is put together from its pages' PDFs first
    refusal: str | None = None  # why it cannot be signed (no PDF yet, export would merge...)
    page_pdfs: tuple[Path, ...] = ()  # with to_make: each page's PDF, in order

    def covers(self, file_id: str) -> bool:
        return file_id == self.file_id or file_id in self.file_ids


def is_page(item: DossierFile, entry: Any = None) -> bool:
    """A scanned page (a photo, or a page of a multi-page original): uploaded inside its
    component's one PDF, never on its own. A PDF of its own (a saved form, a PDF) is not,
    even when the scan step showed it (showing a page gives it detection's steps)."""
    if item.kind == "image":
        return True
    return entry is not None and any(
        other is not item and other.original == item.original for other in entry.files
    )


def signable_pdfs(
    workspace: Workspace,
    procedure: Procedure | None = None,
    portal: PortalProfile | None = None,
) -> list[DossierPdf]:
    """One entry per file of the dossier as it will be uploaded (an ID card sheet once, a
    component's scanned pages as its one PDF). With the portal (and the procedure), an entry
    that export would merge with other files or re-encode carries the reason it is refused."""
    found = []
    for entry in workspace.dossier.components:
        names = _component_names(procedure, entry.component_id)
        units = _component_units(workspace, entry, names)
        found += [replace(u, refusal=_refusal(workspace, u, units, entry, procedure, portal))
                  for u in units]  # fmt: skip
    return found


def _component_names(procedure: Procedure | None, component_id: str) -> str:
    for component in procedure.components if procedure is not None else ():
        if component.id == component_id:
            return component.name
    return component_id


def _component_units(workspace: Workspace, entry: Any, component_name: str) -> list[DossierPdf]:
    pages_ = [f for f in entry.files if is_page(f, entry)]
    units = []
    if pages_:
        units.append(_pages_unit(workspace, entry.component_id, pages_, component_name))
    for item in entry.result_files():
        if is_page(item, entry):
            continue
        relative = item.derived or item.original
        if not relative.lower().endswith(".pdf"):
            continue
        try:
            path = workspace.path(relative)
        except InputError:
            continue
        units.append(DossierPdf(item.id, entry.component_id, item.name, path, item.signed,
                                (item.id,)))  # fmt: skip
    return units


def _pages_unit(
    workspace: Workspace, component_id: str, pages_: list[DossierFile], component_name: str
) -> DossierPdf:
    """The component's pages as one PDF: their shared result (an ID card sheet, the signed
    copy) when they have one, else the component's PDF put together from the pages' own PDFs
    (copied, not rendered again). Pages without their PDF yet (never made, or edited since)
    are refused: the scan step makes them ("Tạo PDF"); rendering page images is its work."""
    from common.fsutil import safe_filename

    ids = tuple(f.id for f in pages_)
    name = safe_filename(f"{component_name}.pdf", fallback=f"{component_id}.pdf")
    shared = {f.derived for f in pages_}
    if len(shared) == 1 and None not in shared:
        relative = next(iter(shared))
        try:
            path = workspace.path(relative)  # type: ignore[arg-type]
        except InputError:
            path = None
        if path is not None and path.is_file() and path.suffix.lower() == ".pdf":
            signed = all(f.signed for f in pages_)
            return DossierPdf(ids[0], component_id, name, path, signed, ids)
    # a page signed on its own (an earlier version did that) is not a page's PDF to join
    made = [workspace.root / f.derived for f in pages_ if f.derived is not None and not f.signed]
    refusal = None
    if len(made) < len(pages_) or not all(p.is_file() for p in made):
        refusal = _(
            "“{name}”: its pages have no PDF yet (new or edited pages): make the component's "
            "PDF in the scan step first (Make PDF), then sign it here"
        ).format(name=name)
    return DossierPdf(ids[0], component_id, name, workspace.component_file(component_id),
                      False, ids, to_make=True, refusal=refusal,
                      page_pdfs=tuple(made))  # fmt: skip


def _accepts_pdf(procedure: Procedure | None, portal: PortalProfile, component_id: str) -> bool:
    def normal(names: Sequence[str]) -> set[str]:
        return {n.lower().lstrip(".") for n in names}

    accepted = normal(portal.formats)
    for component in procedure.components if procedure is not None else ():
        if component.id == component_id:
            accepted &= normal(component.formats)
    return "pdf" in accepted


def _refusal(
    workspace: Workspace,
    unit: DossierPdf,
    units: list[DossierPdf],
    entry: Any,
    procedure: Procedure | None,
    portal: PortalProfile | None,
) -> str | None:
    """Why export would not upload this file byte for byte (which a signature needs)."""
    if unit.refusal is not None:  # no PDF yet: that comes first
        return unit.refusal
    if portal is None:
        return None
    others = [f for f in entry.result_files() if not unit.covers(f.id) and not is_page(f, entry)]
    if (len(units) > 1 or others) and not portal.allow_split:
        return _(
            "“{name}” would be merged with the other files of its component on export (the "
            "portal takes one file per component), which breaks a signature: put the "
            "component's files in one PDF first, or remove the extra files"
        ).format(name=unit.name)
    if not _accepts_pdf(procedure, portal, unit.component_id):
        return _(
            "“{name}”: the portal takes this component as images (JPG), so a signed PDF "
            "would be converted and its signature lost"
        ).format(name=unit.name)
    limit = int(portal.max_file_mb * 1024 * 1024)
    if not unit.to_make and unit.path.is_file() and unit.path.stat().st_size > limit:
        return _(
            "“{name}” is over the portal's limit of {limit} MB: export would compress it, "
            "which breaks a signature; make it smaller first (scan step)"
        ).format(name=unit.name, limit=f"{portal.max_file_mb:g}")
    return None


def signed_output(workspace: Workspace, file_id: str, name: str) -> Path:
    """work/<file>/<name>-signed.pdf: never the input itself."""
    from signing import default_output_path

    return workspace.signed_output(
        file_id, default_output_path(Path(name).with_suffix(".pdf")).name
    )


# the stamp position a user dragged, kept with the component ------------------------------------
def set_stamp_position(
    workspace: Workspace, component_id: str, position: StampPosition | None
) -> bool:
    """Keep where the user put the stamp on the component's file (None: signing's automatic
    place again); True when that changed. The model half: no save."""
    with workspace.lock:
        entry = workspace.dossier.component(component_id)
        if entry.stamp == position:
            return False
        entry.stamp = position
    return True


def stamp_position(workspace: Workspace, component_id: str) -> StampPosition | None:
    for entry in workspace.dossier.components:
        if entry.component_id == component_id:
            return entry.stamp
    return None


def options_for(workspace: Workspace, component_id: str, options: Any) -> Any:
    """`options` with the component's stored stamp position when they name no place (no box,
    no existing field) and the stamp is visible; else `options` unchanged."""
    stored = stamp_position(workspace, component_id)
    stamp = options.stamp
    if stored is None or not stamp.visible or stamp.rect is not None or options.field_name:
        return options
    return replace(options, stamp=replace(stamp, page=stored.page, rect=tuple(stored.rect)))


@dataclass(frozen=True)
class SignJob:
    """One file to sign, prepared on the thread owning the model (cheap)."""

    pdf: DossierPdf
    output: Path
    options: Any  # signing.SignOptions, with the component's stored stamp place


@dataclass(frozen=True)
class SignedFile:
    file_id: str
    output: Path | None
    error: str | None = None
    file_ids: tuple[str, ...] = ()  # every file whose result the signed copy becomes


def prepare_signing(
    workspace: Workspace, pdfs: Sequence[DossierPdf], options: Any
) -> list[SignJob]:
    """The model half before signing: output paths and the stored stamp places."""
    jobs = []
    for pdf in pdfs:
        output = signed_output(workspace, pdf.file_id, pdf.name)
        jobs.append(SignJob(pdf, output, options_for(workspace, pdf.component_id, options)))
    return jobs


def join_pages(pages_: Sequence[Path], target: Path) -> Path:
    """The pages' own PDFs, in order, as one PDF (the page data copied, not re-encoded);
    written atomically (worker thread)."""
    import pymupdf

    from common.fsutil import atomic_output, make_private_dir

    make_private_dir(target.parent)
    with pymupdf.open() as joined, atomic_output(target) as temp:
        for page in pages_:
            with pymupdf.open(page) as source:
                joined.insert_pdf(source)
        joined.save(temp, garbage=3, deflate=True)
    return target


def run_signing(
    jobs: Sequence[SignJob], signer: Any, progress: ProgressFn = no_progress, cancel: Cancel = None
) -> list[SignedFile]:
    """The worker half: put each component's pages together first when needed, then sign
    every file with one signer (closed at the end). A refused or failed file is reported,
    not raised."""
    from common.errors import HosoError
    from signing import sign

    results = []
    try:
        for number, job in enumerate(jobs):
            check_cancel(cancel)
            progress(number, len(jobs), _("Signing {name}").format(name=job.pdf.name))
            ids = job.pdf.file_ids or (job.pdf.file_id,)
            if job.pdf.refusal is not None:
                results.append(SignedFile(job.pdf.file_id, None, job.pdf.refusal, ids))
                continue
            try:
                if job.pdf.to_make:
                    join_pages(job.pdf.page_pdfs, job.pdf.path)
                sign(job.pdf.path, job.output, job.options, signer, cancel=cancel)
            except HosoError as exc:
                if isinstance(exc, CancelledError):
                    raise
                results.append(SignedFile(job.pdf.file_id, None, exc.message, ids))
                continue
            except (RuntimeError, ValueError, OSError) as exc:  # a page's PDF unreadable
                message = _("cannot put the pages together: {reason}").format(reason=exc)
                results.append(SignedFile(job.pdf.file_id, None, message, ids))
                continue
            results.append(SignedFile(job.pdf.file_id, job.output, None, ids))
        progress(len(jobs), len(jobs), _("Signed"))
    finally:
        signer.close()
    return results


def sign_pdfs(
    targets: Sequence[tuple[str, Path, Path]],
    options: Any,
    signer: Any,
    progress: ProgressFn = no_progress,
    cancel: Cancel = None,
) -> list[SignedFile]:
    """(file id, input, output) signed with one signer, the same options for each."""
    jobs = [SignJob(DossierPdf(i, "", Path(src).name, Path(src), False, (i,)), Path(out), options)
            for i, src, out in targets]  # fmt: skip
    return run_signing(jobs, signer, progress, cancel)


def record_signed(workspace: Workspace, signed: Sequence[SignedFile]) -> list[DossierFile]:
    """The model half: a signed copy becomes the result of every file it stands for (all
    pages of a component, both sides of a card)."""
    changed = []
    with workspace.lock:
        for result in signed:
            if result.output is None:
                continue
            relative = workspace.relative(result.output)
            for file_id in result.file_ids or (result.file_id,):
                found = workspace.dossier.find_file(file_id)
                if found is None:
                    continue
                entry, item = found
                for sharing in entry.sharing_result(item):
                    sharing.derived = relative
                    sharing.signed = True
                    changed.append(sharing)
    return changed


def sign_files(
    workspace: Workspace,
    file_ids: Sequence[str] | None,
    options: Any,
    signer: Any,
    progress: ProgressFn = no_progress,
    cancel: Cancel = None,
    *,
    procedure: Procedure | None = None,
    portal: PortalProfile | None = None,
) -> list[SignedFile]:
    """Sign files of the dossier as they will be uploaded (None: all of them), record and
    save. A component's scanned pages are signed as its one PDF, put together from the
    pages' PDFs; a file whose pages have no PDF yet, or (with the portal) that export would
    merge or re-encode, is refused (see `signable_pdfs`)."""
    chosen = [
        p for p in signable_pdfs(workspace, procedure, portal)
        if file_ids is None or any(p.covers(i) for i in file_ids)
    ]  # fmt: skip
    results = run_signing(prepare_signing(workspace, chosen, options), signer, progress, cancel)
    if record_signed(workspace, results):
        workspace.save()
    return results


# ---- export ------------------------------------------------------------------------------------
def export_upload(
    workspace: Workspace,
    procedure: Procedure,
    portal: PortalProfile,
    options: PackOptions | None = None,
    progress: ProgressFn = no_progress,
    cancel: Cancel = None,
    out_dir: Path | None = None,
) -> UploadExport:
    """The worker half: the portal-ready files (default folder: export/<portal>/)."""
    from dossier.packaging import PackOptions
    from dossier.packaging import export_for_upload as build

    target = Path(out_dir) if out_dir is not None else workspace.export_dir(portal.id)
    return build(workspace, procedure, portal, target, options or PackOptions(), progress, cancel)


def record_export(workspace: Workspace, portal_id: str, export: UploadExport) -> None:
    """The model half: the dossier remembers the export and the portal it is meant for, so
    both fronts show it exported until the dossier changes."""
    with workspace.lock:
        workspace.dossier.submission.portal = portal_id
        _record_export(
            workspace.dossier, portal_id, str(export.folder), len(export.files), export.complete
        )


def export_for_upload(
    workspace: Workspace,
    procedure: Procedure,
    portal: PortalProfile,
    options: PackOptions | None = None,
    progress: ProgressFn = no_progress,
    cancel: Cancel = None,
    out_dir: Path | None = None,
) -> UploadExport:
    """Export for upload, record the export and save (`hoso pack`)."""
    export = export_upload(workspace, procedure, portal, options, progress, cancel, out_dir)
    record_export(workspace, portal.id, export)
    workspace.save()
    return export


def export_for_print(
    workspace: Workspace,
    procedure: Procedure,
    portal: PortalProfile,
    options: PrintOptions | None = None,
    progress: ProgressFn = no_progress,
    cancel: Cancel = None,
    out_pdf: Path | None = None,
) -> PrintExport:
    """One PDF to print (default: export/in_ho_so.pdf); the dossier is only read."""
    from dossier.packaging import PrintOptions
    from dossier.packaging import export_for_print as build

    target = Path(out_pdf) if out_pdf is not None else workspace.print_file()
    return build(workspace, procedure, portal, target, options or PrintOptions(), progress, cancel)


export_print = export_for_print  # the worker half is the whole action: nothing to record


# ---- submission --------------------------------------------------------------------------------
@dataclass(frozen=True)
class SubmissionChoices:
    """What the portal asks at submission; a field left None is not changed."""

    result_delivery: str | None = None  # office, post
    fee_payment: str | None = None  # office, online, post
    delivery_address: str | None = None
    portal: str | None = None


def set_submission_choices(
    workspace: Workspace, choices: SubmissionChoices, *, save: bool = False
) -> Submission:
    """Check and apply the submission choices (the same checks for the GUI and the CLI).

    The address is only required when the result goes by post and an address is being set
    or the delivery chosen, so a GUI may choose "post" first and type the address next."""
    if choices.result_delivery is not None and choices.result_delivery not in ("office", "post"):
        raise InputError(
            _("unknown way of receiving the result: {value}").format(value=choices.result_delivery)
        )
    if choices.fee_payment is not None and choices.fee_payment not in ("office", "online", "post"):
        raise InputError(
            _("unknown way of paying the fee: {value}").format(value=choices.fee_payment)
        )
    if choices.portal is not None and not choices.portal.strip():
        raise InputError(_("unknown portal profile: {id}").format(id=choices.portal))
    with workspace.lock:
        submission = workspace.dossier.submission
        if choices.result_delivery is not None:
            submission.result_delivery = choices.result_delivery  # type: ignore[assignment]
        if choices.delivery_address is not None:
            submission.delivery_address = choices.delivery_address.strip()
        if choices.fee_payment is not None:
            submission.fee_payment = choices.fee_payment  # type: ignore[assignment]
        if choices.portal is not None:
            submission.portal = choices.portal
    if save:
        workspace.save()
    return submission


def record_submission(
    workspace: Workspace,
    result_delivery: str,
    fee_payment: str,
    delivery_address: str = "",
    portal: str = "",
) -> Submission:
    """`hoso submission`: all choices at once; by post needs the address. Saves."""
    if result_delivery == "post" and not delivery_address.strip():
        raise InputError(_("an address is needed to receive the result by post"))
    choices = SubmissionChoices(
        result_delivery=result_delivery,
        fee_payment=fee_payment,
        delivery_address=delivery_address if result_delivery == "post" else "",
        portal=portal or None,
    )
    return set_submission_choices(workspace, choices, save=True)


def record_submitted(
    workspace: Workspace, portal_code: str, submitted_on: date, *, save: bool = False
) -> Submission:
    """The portal's dossier code after submitting (the dossier becomes "submitted")."""
    from dossier.tracking import record_submission as track

    with workspace.lock:
        track(workspace.dossier, portal_code, submitted_on)
    if save:
        workspace.save()
    return workspace.dossier.submission


def record_result(workspace: Workspace, received_on: date, *, save: bool = False) -> Submission:
    """The result was received (the dossier becomes "result received")."""
    from dossier.tracking import record_result as track

    with workspace.lock:
        track(workspace.dossier, received_on)
    if save:
        workspace.save()
    return workspace.dossier.submission


__all__ = [
    "ComponentFileOptions",
    "ComponentFilePlan",
    "ComponentFileResult",
    "DossierPdf",
    "FormSaveOptions",
    "ImportOptions",
    "ImportResult",
    "ImportedFile",
    "PageEdit",
    "PagePreview",
    "Remove",
    "Reorder",
    "Rotate",
    "SavedForm",
    "SetMode",
    "SetQuad",
    "SignJob",
    "SignedFile",
    "SubmissionChoices",
    "Undo",
    "attach_imported",
    "copy_in",
    "create_dossier",
    "edit_pages",
    "export_for_print",
    "export_for_upload",
    "export_print",
    "export_upload",
    "fill_form",
    "free_folder",
    "import_files",
    "is_page",
    "join_pages",
    "make_component_file",
    "options_for",
    "plan_component_file",
    "prepare_signing",
    "preview_page",
    "record_component_file",
    "record_detected_steps",
    "record_export",
    "record_result",
    "record_saved_form",
    "record_signed",
    "record_submission",
    "record_submitted",
    "render_component_file",
    "run_signing",
    "save_form",
    "set_applicant",
    "set_current_step",
    "set_scan_component",
    "set_stamp_position",
    "set_submission_choices",
    "sign_files",
    "sign_pdfs",
    "signable_pdfs",
    "signed_output",
    "stamp_position",
    "store_form_roles",
    "store_form_values",
]
