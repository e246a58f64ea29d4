"""The dossier as stored in `dossier.json`.

A dossier is a folder: `dossier.json`, `originals/` (imported files, never changed),
`work/` (derived files, reproducible from originals + steps) and `export/`.
The model owns the whole schema: page edits in `DossierFile.steps`, the state of each form in
`Dossier.forms`, the last export in `Dossier.last_export`, the stamp place of a component in
`ComponentEntry.stamp`, what the screens remember in `Dossier.ui`. `Dossier.extra` is left
for data of no part of the app (a sample's marker); version 1 kept forms and the export there,
version 2 the scan step's component, and both are migrated on open
(dossier.workspace.MIGRATIONS).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

SCHEMA_VERSION = 3

DossierState = Literal["draft", "ready", "submitted", "result_received"]
FileKind = Literal["image", "pdf", "document", "other"]


def now_iso() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


@dataclass
class DossierFile:
    """One imported file of a component, stored untouched under `originals/`."""

    id: str
    name: str  # the name the user knows the file by (original file name)
    original: str  # relative path of the untouched copy, e.g. "originals/3f2a.jpg"
    kind: FileKind
    sha256: str
    size: int
    added: str = field(default_factory=now_iso)
    steps: list[dict[str, Any]] = field(default_factory=list)  # non-destructive edits, replayed
    # relative path of the current result under work/; the two sides of an ID card share one
    # result (both sides on one A4 sheet), which packaging exports once
    derived: str | None = None
    signed: bool = False


@dataclass(frozen=True)
class StampPosition:
    """Where the user put the signature stamp on a component's file (dragged on the page)."""

    page: int  # 1-based, as `hoso sign --visible PAGE/...` and signing.StampOptions
    rect: tuple[float, float, float, float]  # x1, y1, x2, y2 in PDF points (origin bottom left)


@dataclass
class ComponentEntry:
    """A component ("thành phần hồ sơ") of the procedure, with the files given for it.

    `stamp` is kept per component, not per file: a component is uploaded as one file, and
    that file is replaced (a form saved again, its pages made again) while the place a person
    signs on it stays the same."""

    component_id: str
    files: list[DossierFile] = field(default_factory=list)
    form_values: dict[str, str] = field(default_factory=dict)
    note: str = ""
    stamp: StampPosition | None = None

    def result_files(self) -> list[DossierFile]:
        """The files in order, without those whose result another file already gives (the
        second side of an ID card whose two sides share one sheet)."""
        seen: set[str] = set()
        unique = []
        for item in self.files:
            if item.derived is not None:
                if item.derived in seen:
                    continue
                seen.add(item.derived)
            unique.append(item)
        return unique

    def sharing_result(self, item: DossierFile) -> list[DossierFile]:
        """`item` and the other files whose result is the same derived file."""
        if item.derived is None:
            return [item]
        return [f for f in self.files if f is item or f.derived == item.derived]


@dataclass
class Submission:
    """What the portal asks at submission (step 4) and what it answers."""

    result_delivery: Literal["office", "post"] = "office"
    delivery_address: str = ""
    fee_payment: Literal["office", "online", "post"] = "office"
    portal: str = ""
    portal_code: str = ""  # the dossier code the portal gives after submission
    submitted_on: str = ""  # ISO date
    result_received_on: str = ""


@dataclass
class FormState:
    """A form of the dossier as the user left it (key: template id or the form's file name)."""

    values: dict[str, str] = field(default_factory=dict)
    problems: int = 0  # values that need checking, for the sidebar without the form open
    saved: bool = True  # False: edited since the last save
    output: str = ""  # where the filled form was saved last
    file_id: str = ""  # the dossier file the saved form became (its component's file)
    roles: dict[str, str] = field(default_factory=dict)  # role -> citizen profile id
    left_blank: list[str] = field(default_factory=list)  # blanks left for the person to fill


@dataclass
class ExportRecord:
    """The last export for upload: where, when, and what the dossier was then."""

    portal: str
    folder: str
    files: int
    at: str
    fingerprint: str  # dossier.status.dossier_fingerprint at the time of the export
    complete: bool = True  # False: a draft exported despite blocking problems


@dataclass
class UiState:
    """What the screens remember of a dossier between sessions (typed, like the rest)."""

    scan_component: str = ""  # the component the scan step showed last


@dataclass
class Dossier:
    id: str
    procedure_code: str
    title: str
    applicant: dict[str, str] = field(default_factory=dict)
    components: list[ComponentEntry] = field(default_factory=list)
    state: DossierState = "draft"
    current_step: str = "procedure"
    submission: Submission = field(default_factory=Submission)
    created: str = field(default_factory=now_iso)
    modified: str = field(default_factory=now_iso)
    forms: dict[str, FormState] = field(default_factory=dict)
    last_export: ExportRecord | None = None
    ui: UiState = field(default_factory=UiState)
    extra: dict[str, Any] = field(default_factory=dict)
    schema_version: int = SCHEMA_VERSION
    revision: int = 0  # bumped on every save; a crash leaves the old or the new revision

    def component(self, component_id: str) -> ComponentEntry:
        for entry in self.components:
            if entry.component_id == component_id:
                return entry
        entry = ComponentEntry(component_id=component_id)
        self.components.append(entry)
        return entry

    def find_file(self, file_id: str) -> tuple[ComponentEntry, DossierFile] | None:
        for entry in self.components:
            for item in entry.files:
                if item.id == file_id:
                    return entry, item
        return None
