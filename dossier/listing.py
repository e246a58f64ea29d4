"""The dossiers of a dossier root folder, for the start page and the clerk's list.

`list_dossiers(root)` reads every sub-folder holding a `dossier.json` (or only its backup).
A folder that cannot be read is not an error for the whole list: it is returned in `skipped`
with the reason, so the start page can show "2 folders could not be read" and why.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from common.errors import InputError
from common.fsutil import fold
from common.i18n import _
from dossier.model import Dossier
from dossier.workspace import BACKUP_FILE, DOSSIER_FILE, Workspace

#: applicant keys holding the person's name, most specific first (profiles differ in age)
APPLICANT_NAME_KEYS = ("full_name", "ho_ten", "name")


@dataclass(frozen=True)
class DossierSummary:
    folder: Path
    dossier_id: str
    procedure_code: str
    title: str
    applicant_name: str
    state: str
    current_step: str
    modified: str  # ISO time of the last save, from dossier.json
    revision: int
    file_count: int
    recovered: bool  # dossier.json was damaged and its backup was read
    personal_id: str = ""
    applicant: tuple[tuple[str, str], ...] = ()  # the applicant's profile values, for reuse
    created: str = ""
    portal_code: str = ""
    submitted_on: str = ""
    result_received_on: str = ""

    def matches(self, text: str) -> bool:
        """Clerk search: every word of `text` in the name, ID number, procedure or dates."""
        haystack = fold(
            " ".join(
                [
                    self.applicant_name,
                    self.personal_id,
                    self.procedure_code,
                    self.title,
                    self.portal_code,
                    _display_dates(self.created, self.modified, self.submitted_on),
                    self.folder.name,
                ]
            )
        )
        return all(word in haystack for word in fold(text).split())


@dataclass(frozen=True)
class SkippedFolder:
    folder: Path
    reason: str


@dataclass(frozen=True)
class DossierListing:
    dossiers: tuple[DossierSummary, ...]  # most recently modified first
    skipped: tuple[SkippedFolder, ...]


def applicant_name(applicant: dict[str, str]) -> str:
    for key in APPLICANT_NAME_KEYS:
        value = applicant.get(key, "").strip()
        if value:
            return value
    return ""


def list_state(dossier: Dossier) -> str:
    """The state shown in lists: a draft whose complete export is still current is "ready"
    (exported, ready to submit), not a draft (issue 18)."""
    if dossier.state != "draft" or dossier.last_export is None or not dossier.last_export.complete:
        return dossier.state
    from dossier.status import export_is_current

    return "ready" if export_is_current(dossier) else "draft"


def summarize(folder: Path, dossier: Dossier, *, recovered: bool = False) -> DossierSummary:
    return DossierSummary(
        folder=folder,
        dossier_id=dossier.id,
        procedure_code=dossier.procedure_code,
        title=dossier.title,
        applicant_name=applicant_name(dossier.applicant),
        state=list_state(dossier),
        current_step=dossier.current_step,
        modified=dossier.modified,
        revision=dossier.revision,
        file_count=sum(len(entry.files) for entry in dossier.components),
        recovered=recovered,
        personal_id=dossier.applicant.get("personal_id", "").strip(),
        applicant=tuple(sorted(dossier.applicant.items())),
        created=dossier.created,
        portal_code=dossier.submission.portal_code,
        submitted_on=dossier.submission.submitted_on,
        result_received_on=dossier.submission.result_received_on,
    )


def _display_dates(*isos: str) -> str:
    """ISO dates also as dd/mm/yyyy, the way people type them."""
    out = []
    for iso in isos:
        if len(iso) >= 10:
            year, month, day = iso[:4], iso[5:7], iso[8:10]
            out.append(f"{iso[:10]} {day}/{month}/{year}")
    return " ".join(out)


def _modified_key(summary: DossierSummary) -> float:
    try:
        return datetime.fromisoformat(summary.modified).timestamp()
    except ValueError:
        return 0.0


def list_dossiers(root: Path) -> DossierListing:
    """Summaries of the dossiers directly under `root` (a missing root is an empty list)."""
    root = Path(root)
    dossiers: list[DossierSummary] = []
    skipped: list[SkippedFolder] = []
    try:
        entries = sorted(os.scandir(root), key=lambda e: e.name)
    except FileNotFoundError:
        return DossierListing((), ())
    except OSError as exc:
        reason = _("cannot read the folder: {reason}").format(reason=exc.strerror or exc)
        return DossierListing((), (SkippedFolder(root, reason),))
    for entry in entries:
        if entry.name.startswith("."):
            continue  # temporary folders of an import in progress, hidden folders
        folder = Path(entry.path)
        try:
            if not entry.is_dir(follow_symlinks=False):
                continue
            if not (folder / DOSSIER_FILE).exists() and not (folder / BACKUP_FILE).exists():
                skipped.append(SkippedFolder(folder, _("no dossier.json in this folder")))
                continue
            workspace = Workspace.open(folder)
        except InputError as exc:
            skipped.append(SkippedFolder(folder, exc.message))
            continue
        except OSError as exc:
            reason = _("cannot read the folder: {reason}").format(reason=exc.strerror or exc)
            skipped.append(SkippedFolder(folder, reason))
            continue
        recovered = workspace.recovered_from is not None
        dossiers.append(summarize(folder, workspace.dossier, recovered=recovered))
    dossiers.sort(key=_modified_key, reverse=True)
    return DossierListing(tuple(dossiers), tuple(skipped))
