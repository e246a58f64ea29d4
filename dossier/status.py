"""The state of each workflow step, computed from the dossier alone (no Qt).

The GUI's sidebar shows these states for every step, including steps whose page was never
opened; a page that knows more (the scan page's size estimates, the sign page's counted
signatures, the pack page's checklist) passes it in. `step_status` answers for any step.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from common.i18n import _
from dossier.model import ExportRecord, FormState, now_iso

if TYPE_CHECKING:
    from dossier.catalog_model import Component, Procedure
    from dossier.checklist import Checklist
    from dossier.model import ComponentEntry, Dossier, DossierFile

DEFAULT_LIMIT_BYTES = 5 * 1024 * 1024

StepState = Literal["not_started", "done", "attention"]


class StepStatus(NamedTuple):  # not a dataclass: ~0.8 ms less start-up
    state: StepState = "not_started"
    reason: str = ""  # shown on hover in the sidebar


def _entry(dossier: Dossier, component_id: str) -> ComponentEntry | None:
    return next((e for e in dossier.components if e.component_id == component_id), None)


def _files(dossier: Dossier, component: Component) -> list[DossierFile]:
    entry = _entry(dossier, component.id)
    return list(entry.files) if entry is not None else []


def _names(components: list[Component]) -> str:
    return "; ".join(c.name for c in components)


# ---- forms -----------------------------------------------------------------------------------
def forms_status(dossier: Dossier, procedure: Procedure | None) -> StepStatus:
    """Done when every form of the procedure is saved (or given as a file) without problems."""
    if procedure is None:
        return StepStatus()
    forms = [c for c in procedure.components if c.form_template]
    if not forms:
        return StepStatus("done", _("This procedure has no form to fill."))
    problems, unsaved, done = 0, [], []
    started = False
    for component in forms:
        entry = dossier.forms.get(component.form_template or "") or FormState()
        count = entry.problems
        problems += count
        saved = bool(entry.output) and entry.saved and not count
        started |= bool(entry.values) or saved
        if saved or (_files(dossier, component) and not entry.values):
            done.append(component)
        else:
            unsaved.append(component)
    if problems:
        return StepStatus("attention", _("{count} value(s) need checking.").format(count=problems))
    if not unsaved:
        return StepStatus("done", _("Every form is saved."))
    if started or done:
        return StepStatus(
            "attention", _("Form(s) not saved yet: {names}").format(names=_names(unsaved))
        )
    return StepStatus("not_started", _("Forms to fill: {names}").format(names=_names(unsaved)))


# ---- scan ------------------------------------------------------------------------------------
def scan_status(
    dossier: Dossier,
    procedure: Procedure | None,
    limit: int,
    estimates: Mapping[str, int] | None = None,
) -> StepStatus:
    """Attention when a required document has no file or a file is over the portal's limit."""
    estimates = estimates or {}
    components = procedure.components if procedure is not None else ()
    documents = [c for c in components if not c.form_template]
    form_ids = {c.id for c in components if c.form_template}
    files = [f for e in dossier.components if e.component_id not in form_ids for f in e.files]
    if not files:
        return StepStatus("not_started", _("No scanned pages yet."))
    too_large = [f.name for f in files if _file_bytes(f, estimates) > limit]
    missing = [c for c in documents if c.upload_required and not _files(dossier, c)]
    reasons = []
    if missing:
        reasons.append(_("Required document(s) without a file: {names}").format(
            names=_names(missing)))  # fmt: skip
    if too_large:
        reasons.append(
            _("Larger than the portal allows ({limit} MB): {names}").format(
                limit=_limit_mb(limit), names="; ".join(too_large)
            )
        )
    if reasons:
        return StepStatus("attention", "\n".join(reasons))
    return StepStatus("done", _("{count} file(s) added.").format(count=len(files)))


def _limit_mb(limit: int) -> str:
    from common.i18n import format_number

    return format_number(limit / (1024 * 1024), 1 if limit % (1024 * 1024) else 0)


def _file_bytes(item: DossierFile, estimates: Mapping[str, int]) -> int:
    """A photo's estimated size as a scanned page; other files as they are."""
    if item.kind == "image":
        return estimates.get(item.id, 0)
    return item.size


# ---- sign ------------------------------------------------------------------------------------
def sign_status(
    dossier: Dossier, procedure: Procedure | None, signatures: Mapping[str, int] | None = None
) -> StepStatus:
    """Attention while a document that must be signed has an unsigned (or no) PDF."""
    signatures = signatures or {}

    def signed(item: DossierFile) -> bool:
        return item.signed or signatures.get(item.id, 0) > 0

    all_files = [f for e in dossier.components for f in e.result_files()]  # a card sheet once
    must = [c for c in procedure.components if c.must_be_signed] if procedure else []
    unsigned = [c for c in must if not any(signed(f) for f in _files(dossier, c))]
    signed_count = sum(1 for f in all_files if signed(f))
    if unsigned:
        state = "attention" if signed_count or all_files else "not_started"
        return StepStatus(
            state, _("Must be signed, not signed yet: {names}").format(names=_names(unsigned))
        )
    if signed_count:
        return StepStatus("done", _("{count} file(s) signed.").format(count=signed_count))
    if must:
        return StepStatus("done", _("Every document that must be signed is signed."))
    return StepStatus("done", _("No document of this procedure must be signed."))


# ---- pack ------------------------------------------------------------------------------------
def dossier_fingerprint(dossier: Dossier, *, with_detected_steps: bool = False) -> str:
    """What an export is made of: every file with its edits, form values and choices.

    The steps the scan page's automatic detection records when it first shows a page are left
    out: an export reads a file's made PDF (`derived`) or its original, never the steps, and
    opening the scan page after an export made it look stale (issue 18: "export again" after
    the clerk recorded the submission). `with_detected_steps`: the fingerprint as exports
    before that recorded it (still accepted, see `export_is_current`).
    """

    def steps(stored: list) -> list:
        if with_detected_steps:
            return stored
        return [s for s in stored if not (isinstance(s, dict) and s.get("detected"))]

    content = {
        "files": [
            [
                e.component_id,
                [[f.id, f.sha256, f.derived, f.signed, steps(f.steps)] for f in e.files],
            ]
            for e in dossier.components
        ],
        "forms": {key: _form_fingerprint(state) for key, state in dossier.forms.items()},
    }
    text = json.dumps(content, sort_keys=True, ensure_ascii=False, default=str)
    import hashlib  # here: on Windows it loads OpenSSL's libcrypto, ~18 ms of start-up under Wine

    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _form_fingerprint(state: FormState) -> dict[str, Any]:
    """A form's state as version 1 stored it (its fingerprint survives the migration)."""
    content: dict[str, Any] = {
        "values": state.values,
        "problems": state.problems,
        "saved": state.saved,
    }
    if state.output:
        content["output"] = state.output
    if state.file_id:
        content["file_id"] = state.file_id
    if state.roles:
        content["roles"] = state.roles
    if state.left_blank:
        content["left_blank"] = state.left_blank
    return content


def export_is_current(dossier: Dossier) -> bool:
    """The last export is of the dossier as it is now."""
    last = dossier.last_export
    if last is None:
        return False
    return last.fingerprint in (
        dossier_fingerprint(dossier),
        dossier_fingerprint(dossier, with_detected_steps=True),  # exports recorded before
    )


def record_export(
    dossier: Dossier, portal_id: str, folder: str, files: int, complete: bool = True
) -> ExportRecord:
    """Remember the export of the dossier as it is now (its fingerprint says when it changed)."""
    dossier.last_export = ExportRecord(
        portal=portal_id,
        folder=folder,
        files=files,
        at=now_iso(),
        fingerprint=dossier_fingerprint(dossier),
        complete=complete,  # False: a draft exported despite blocking problems
    )
    return dossier.last_export


def pack_status(dossier: Dossier, checklist: Checklist | None = None) -> StepStatus:
    """Done after an export of the dossier as it is now; attention on blocking problems."""
    last = dossier.last_export
    if checklist is not None and not checklist.ready:
        count = len(checklist.blocking)
        reason = _("{count} blocking problem(s): {first}").format(
            count=count, first=checklist.blocking[0].message
        )
        return StepStatus("attention", reason)
    if last is not None and not last.complete:
        return StepStatus("attention", _("Only an incomplete draft was exported."))
    if last is not None:
        from common.i18n import format_date

        if export_is_current(dossier):
            return StepStatus(
                "done", _("Exported for upload on {date}.").format(date=format_date(last.at))
            )
        return StepStatus("attention", _("Changed since the last export: export again."))
    if checklist is not None:
        return StepStatus("not_started", _("Ready to export."))
    return StepStatus("not_started", _("Not exported yet."))


# ---- every step --------------------------------------------------------------------------------
def step_status(
    step_id: str, dossier: Dossier, procedure: Procedure | None, limit: int = DEFAULT_LIMIT_BYTES
) -> StepStatus:
    """The state of a step from the dossier, its procedure (None: not in the catalog) and the
    portal's per-file limit."""
    if step_id == "procedure":
        if procedure is None:
            return StepStatus(
                "attention",
                _("Procedure {code} is not in the catalog.").format(code=dossier.procedure_code),
            )
        return StepStatus("done", procedure.name)
    if step_id == "details":
        if procedure is None:
            return StepStatus("attention", _("The procedure is not in the catalog."))
        submission = dossier.submission
        if submission.result_delivery == "post" and not submission.delivery_address:
            return StepStatus("attention", _("Enter the postal address for the result."))
        return StepStatus("done", procedure.name)
    if step_id == "forms":
        return forms_status(dossier, procedure)
    if step_id == "scan":
        return scan_status(dossier, procedure, limit)
    if step_id == "sign":
        return sign_status(dossier, procedure)
    if step_id == "pack":
        return pack_status(dossier)
    return StepStatus()
