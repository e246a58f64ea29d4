"""A procedure's details as rich text (details page)."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from common.i18n import _

if TYPE_CHECKING:
    from dossier import Procedure


def procedure_html(procedure: Procedure) -> str:
    """The details as simple HTML: labels in bold, unverified values marked."""
    from dossier import DELIVERY_LABELS, LEVEL_LABELS, fee_summary, is_unverified

    def esc(text: str) -> str:
        return html.escape(text)

    def mark(field: str) -> str:
        if not is_unverified(procedure, field):
            return ""
        tip = esc(_("Not confirmed by an official source: ask the one-stop shop."))
        return f' <i title="{tip}">({esc(_("unverified value"))})</i>'

    def row(label: str, value: str, field: str = "") -> str:
        return f"<p><b>{esc(label)}:</b> {value}{mark(field) if field else ''}</p>"

    p = procedure
    fee = esc(fee_summary(p.fee))
    if p.fee.description:
        fee += f"<br>{esc(p.fee.description)}"
    delivery = ", ".join(esc(_(DELIVERY_LABELS[d])) for d in p.result_delivery)
    parts = [
        row(_("Procedure code"), esc(p.code)),
        row(_("Procedure field"), esc(p.field)),
        row(_("Implementing level"), esc(_(LEVEL_LABELS[p.level]))),
        row(_("Implementing agencies"), esc("; ".join(p.agencies))),
        row(_("Processing time"), esc(p.processing_time), "processing_time"),
        row(_("Fees and charges"), fee, "fee"),
        row(_("Result delivery"), delivery, "result_delivery"),
        row(_("Procedure result"), esc(p.result), "result"),
        row(
            _("Online service levels"),
            esc(", ".join(str(level) for level in p.service_levels)),
            "service_levels",
        ),
    ]
    if p.steps:
        parts.append(f"<p><b>{esc(_('Procedure steps'))}:</b>{mark('steps')}</p><ol>")
        parts += [f"<li>{esc(step)}</li>" for step in p.steps]
        parts.append("</ol>")
    if p.legal_basis:
        parts.append(f"<p><b>{esc(_('Legal basis'))}:</b></p><ul>")
        parts += [f"<li>{esc(text)}</li>" for text in p.legal_basis]
        parts.append("</ul>")
    return "\n".join(parts)
