"""The sidebar's step states for the GUI: dossier.status computes them; this module only
finds the procedure and the portal's limit through the app's context."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from dossier import (
    DEFAULT_LIMIT_BYTES,
    StepStatus,
    dossier_fingerprint,
    forms_status,
    pack_status,
    scan_status,
    sign_status,
    step_status,
)

if TYPE_CHECKING:
    from dossier import Dossier, PortalProfile, Procedure
    from ui.context import AppContext, DossierSession

__all__ = [
    "dossier_fingerprint",
    "dossier_status",
    "forms_status",
    "pack_status",
    "portal_limit_bytes",
    "portal_of",
    "procedure_of",
    "scan_status",
    "sign_status",
]


def procedure_of(context: AppContext, dossier: Dossier) -> Procedure | None:
    """The dossier's procedure from the app's catalog (read once, honours the imported one)."""
    return context.procedure(dossier.procedure_code)


@functools.lru_cache(maxsize=16)
def _portal_limit(portal_id: str) -> int:
    from common.errors import HosoError
    from dossier import load_portal

    try:  # as dossier.checklist.limit_bytes, without importing PyMuPDF on the GUI thread
        return int(load_portal(portal_id).max_file_mb * 1024 * 1024)
    except (HosoError, KeyError, ValueError):
        return DEFAULT_LIMIT_BYTES


@functools.lru_cache(maxsize=16)
def _portal(portal_id: str) -> PortalProfile | None:
    from common.errors import HosoError
    from dossier import load_portal

    try:
        return load_portal(portal_id)
    except (HosoError, KeyError, ValueError):
        return None


def portal_of(context: AppContext, dossier: Dossier) -> PortalProfile | None:
    """The dossier's portal profile (the default portal when none chosen yet), or None."""
    return _portal(str(dossier.submission.portal or context.settings.get("default_portal")))


def portal_limit_bytes(context: AppContext, dossier: Dossier) -> int:
    """The per-file limit of the dossier's portal (the default portal when none chosen yet)."""
    portal_id = dossier.submission.portal or context.settings.get("default_portal")
    return _portal_limit(str(portal_id))


def dossier_status(step_id: str, context: AppContext, session: DossierSession | None) -> StepStatus:
    """The state of a step whose page was not built yet."""
    if session is None:
        return StepStatus()
    dossier = session.dossier
    limit = portal_limit_bytes(context, dossier) if step_id == "scan" else DEFAULT_LIMIT_BYTES
    return step_status(step_id, dossier, procedure_of(context, dossier), limit)
