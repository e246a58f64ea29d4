"""The upload guide: the portal's steps (DOMAIN.md) with this dossier's procedure and files.

`build_guide(...)` gives the data (the GUI shows it), `render_html(guide)` a printable page;
`upload_guide(...)` the guide of a dossier before (file names planned) or after an export,
`guide_slots(...)` one slot per component of the checklist with its exported files.
Wording follows the Đồng Nai portal's own instructions ("Nộp hồ sơ", "Tải tệp lên").
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from common.i18n import N_, _, format_number
from dossier.catalog_model import PortalProfile, Procedure
from dossier.model import Submission
from dossier.pdf_pages import PRODUCER

if TYPE_CHECKING:
    from dossier.checklist import Checklist
    from dossier.packaging import ExportedFile, UploadExport
    from dossier.workspace import Workspace


@dataclass(frozen=True)
class GuideSlot:
    index: int
    component: str
    required: bool
    files: tuple[str, ...]  # names in the export folder, empty when nothing is uploaded
    sizes: tuple[int, ...]


@dataclass(frozen=True)
class UploadGuide:
    title: str
    procedure_name: str
    procedure_code: str
    portal_name: str
    portal_url: str
    steps: tuple[str, ...]
    slots: tuple[GuideSlot, ...]
    delivery: str
    fee_payment: str
    limit_mb: float
    blocking: tuple[str, ...] = ()  # problems of an incomplete export: not ready to submit


def guide_slots(checklist: Checklist, files: Sequence[ExportedFile]) -> tuple[GuideSlot, ...]:
    """One slot per component of the procedure, with the files exported for it."""
    slots = []
    for item in checklist.components:
        mine = [f for f in files if f.component_id == item.component.id]
        slots.append(
            GuideSlot(
                index=item.index,
                component=item.component.name,
                required=item.component.required,
                files=tuple(f.name for f in mine),
                sizes=tuple(f.bytes for f in mine),
            )
        )
    return tuple(slots)


def upload_guide(
    workspace: Workspace,
    procedure: Procedure,
    portal: PortalProfile,
    export: UploadExport | None,
    checklist: Checklist | None = None,
) -> UploadGuide:
    """The guide for the GUI, before (file names planned) or after an export."""
    from dossier.checklist import check
    from dossier.packaging import ExportedFile, portal_file_name

    if export is not None:
        return export.guide
    checklist = checklist or check(workspace, procedure, portal)
    planned = [
        ExportedFile(
            item.component.id,
            item.component.name,
            item.index,
            1,
            1,
            portal_file_name(
                portal, item.index, item.component, item.export_format or "pdf", 0, procedure.code
            ),
            item.export_format or "pdf",
            item.pages,
            item.bytes,
            item.limit_bytes,
            "",
            item.signed,
            False,
        )
        for item in checklist.components
        if item.present
    ]
    slots = guide_slots(checklist, planned)
    return build_guide(procedure, portal, workspace.dossier.submission, slots)


def delivery_text(submission: Submission, tr: Callable[[str], str] = _) -> str:
    """How the result is received; `tr` picks the language (the cover sheet is Vietnamese)."""
    if submission.result_delivery == "post":
        address = submission.delivery_address.strip() or "…"
        return tr(N_("by public post (Bưu chính công ích) to: {address}")).format(address=address)
    return tr(N_("at the receiving agency (one-stop shop)"))


def fee_text(submission: Submission, tr: Callable[[str], str] = _) -> str:
    if submission.fee_payment == "online":
        return tr(N_("paid online on the portal"))
    if submission.fee_payment == "post":
        return tr(N_("paid to the postal service on delivery"))
    return tr(N_("paid at the receiving agency"))


def fee_line(procedure: Procedure, submission: Submission, tr: Callable[[str], str] = _) -> str:
    """How the fee is paid; for a free procedure only that it is free (nothing to ask)."""
    if is_free(procedure):
        return tr(N_("free of charge"))
    return fee_text(submission, tr)


def is_free(procedure: Procedure) -> bool:
    return procedure.fee.amount_vnd == 0


def build_guide(
    procedure: Procedure,
    portal: PortalProfile,
    submission: Submission,
    slots: tuple[GuideSlot, ...],
    blocking: tuple[str, ...] = (),
) -> UploadGuide:
    agency = procedure.agencies[0] if procedure.agencies else _("the receiving agency")
    steps = (
        _("Open the portal {portal} ({url}), register an account and log in.").format(
            portal=portal.name, url=portal.url
        ),
        _(
            "On the main screen choose the “Dịch vụ công” tab, type the agency (e.g. {agency}), "
            "choose the level and the field ({field}), then press Search."
        ).format(agency=agency, field=procedure.field),
        _(
            "At the procedure “{name}” (code {code}) press “Chi tiết” to read about it, or "
            "“Nộp hồ sơ” to start submitting."
        ).format(name=procedure.name, code=procedure.code),
        _(
            "Fill in the dossier information, choose how to receive the result ({delivery}), "
            "then upload the file of each component below with the “Tải tệp lên” button."
        ).format(delivery=delivery_text(submission)),
        _("Check all the information, then press “Nộp hồ sơ”. Keep the dossier code it gives."),
    )
    word = [s.component for s in slots if any(_is_word(name) for name in s.files)]
    if word:
        from forms import why_no_pdf_signature

        steps += (
            _("“{names}” is uploaded as a Word file (.docx), as the portal accepts: {why}.").format(
                names="”, “".join(word), why=why_no_pdf_signature()
            ),
        )
    return UploadGuide(
        title=_("How to submit: {name}").format(name=procedure.name),
        procedure_name=procedure.name,
        procedure_code=procedure.code,
        portal_name=portal.name,
        portal_url=portal.url,
        steps=steps,
        slots=slots,
        delivery=delivery_text(submission),
        fee_payment=fee_line(procedure, submission),
        limit_mb=portal.max_file_mb,
        blocking=blocking,
    )


def _is_word(name: str) -> bool:
    return name.lower().endswith((".docx", ".doc"))


def _size(size: int) -> str:
    return f"{format_number(size / (1024 * 1024), 2)} MB"


def render_html(guide: UploadGuide) -> str:
    """A self-contained page to print or keep beside the browser."""
    e = html.escape
    steps = "\n".join(f"<li>{e(step)}</li>" for step in guide.steps)
    rows = []
    for slot in guide.slots:
        if slot.files:
            files = "<br>".join(
                f"<code>{e(name)}</code> ({_size(size)})"
                for name, size in zip(slot.files, slot.sizes)
            )
        else:
            files = f"<i>{e(_('nothing to upload'))}</i>"
        need = _("required") if slot.required else _("optional")
        rows.append(
            f"<tr><td>{slot.index}</td><td>{e(slot.component)} <small>({e(need)})</small></td>"
            f"<td>{files}</td><td class='box'>&#9744;</td></tr>"
        )
    warning = ""
    if guide.blocking:
        items = "".join(f"<li>{e(problem)}</li>" for problem in guide.blocking)
        warning = (
            f"<div class='incomplete'><b>{e(_('Incomplete dossier: not ready to submit.'))}</b>"
            f"<ul>{items}</ul></div>"
        )
    limit = _("Each file is at most {limit} MB, as the portal asks.").format(
        limit=f"{guide.limit_mb:g}"
    )
    return f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8">
<meta name="generator" content="{e(PRODUCER)}">
<title>{e(guide.title)}</title>
<style>
body {{ font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; margin: 2em; max-width: 50em; }}
table {{ border-collapse: collapse; width: 100%; }}
td, th {{ border: 1px solid #444; padding: .35em .5em; vertical-align: top; text-align: left; }}
td.box {{ font-size: 1.4em; text-align: center; }}
code {{ font-size: .95em; }}
.incomplete {{ border: 2px solid #b00020; color: #b00020; padding: .5em 1em; }}
@media print {{ body {{ margin: 0; }} }}
</style></head>
<body>
<h1>{e(guide.title)}</h1>
<p>{e(_("Procedure code"))}: <b>{e(guide.procedure_code)}</b> &middot;
{e(_("Portal"))}: <a href="{e(guide.portal_url)}">{e(guide.portal_name)}</a></p>
{warning}
<h2>{e(_("Steps on the portal"))}</h2>
<ol>
{steps}
</ol>
<h2>{e(_("Files to upload (“Tải tệp lên”)"))}</h2>
<table>
<tr><th>#</th><th>{e(_("Dossier component"))}</th><th>{e(_("File"))}</th><th>&#10003;</th></tr>
{"".join(rows)}
</table>
<p>{e(limit)}</p>
<p>{e(_("Result delivery"))}: {e(guide.delivery)}<br>
{e(_("Fee payment"))}: {e(guide.fee_payment)}</p>
</body></html>
"""
