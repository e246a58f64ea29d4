"""Create, open and save dossier folders, atomically (ARCHITECTURE.md "The dossier workspace").

Layout of a dossier folder:
    dossier.json        the model (schema-versioned); dossier.json.bak is the previous save
    originals/          imported files, copied once and made read-only
    work/               derived files (scans, filled forms), reproducible
    export/             what goes to the portal or the printer

A save writes a temporary file, fsyncs it and renames it over `dossier.json`, after the
current `dossier.json` became the backup through a hard link (no re-read, no copy). A crash at
any moment therefore leaves `dossier.json` holding the old or the new revision, and the
backup holding an older one; opening falls back to the backup when the main file is damaged.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import re
import stat
import threading
import time
import unicodedata
import uuid
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from common.errors import HosoError, InputError, OutputError, ValidationError
from common.fsutil import atomic_output, atomic_write_bytes, make_private_dir, safe_filename
from common.i18n import _
from common.schema import load_dataclass, to_jsonable
from dossier import model
from dossier.model import Dossier, DossierFile, FileKind, now_iso

DOSSIER_FILE = "dossier.json"
BACKUP_FILE = "dossier.json.bak"
DAMAGED_FILE = "dossier.json.damaged"
SUBFOLDERS = ("originals", "work", "export")
WORK_DIR, EXPORT_DIR = "work", "export"
PRINT_FILE = "in_ho_so.pdf"  # export/in_ho_so.pdf: the dossier as one PDF for printing


def _v1_to_v2(data: dict[str, Any]) -> dict[str, Any]:
    """Version 1 kept the forms' state in extra["forms"] and the last export in
    extra["pack"]["last_export"]: both become typed fields of the dossier; the page steps
    detection proposed get their explicit marker."""
    extra = dict(data.get("extra") or {})
    forms = extra.pop("forms", None)
    data["forms"] = {
        str(key): _v1_form(entry)
        for key, entry in (forms.items() if isinstance(forms, dict) else ())
        if isinstance(entry, dict)
    }
    pack = extra.pop("pack", None)
    last = pack.get("last_export") if isinstance(pack, dict) else None
    if isinstance(pack, dict) and set(pack) - {"last_export"}:
        extra["pack"] = {k: v for k, v in pack.items() if k != "last_export"}
    data["last_export"] = _v1_export(last) if isinstance(last, dict) else None
    data["extra"] = extra
    for entry in data.get("components") or ():
        for item in (entry.get("files") or ()) if isinstance(entry, dict) else ():
            if isinstance(item, dict) and isinstance(item.get("steps"), list):
                item["steps"] = _v1_steps(item["steps"])
    return data


def _v1_steps(stored: list[Any]) -> list[Any]:
    """Version 1 marked nothing: detection's steps were those up to the first mode step."""
    from scanning.steps import legacy_detected_count

    count = legacy_detected_count(stored)
    return [
        {**step, "detected": True} if index < count and isinstance(step, dict) else step
        for index, step in enumerate(stored)
    ]


def _v1_form(entry: dict[str, Any]) -> dict[str, Any]:
    values = entry.get("values")
    problems = entry.get("problems", 0)
    roles = entry.get("roles")
    return {
        "values": {str(k): str(v) for k, v in values.items()} if isinstance(values, dict) else {},
        "problems": problems if isinstance(problems, int) and not isinstance(problems, bool) else 0,
        "saved": bool(entry.get("saved", True)),
        "output": str(entry.get("output") or ""),
        "file_id": str(entry.get("file_id") or ""),
        "roles": {str(k): str(v) for k, v in roles.items() if v} if isinstance(roles, dict) else {},
    }


def _v1_export(last: dict[str, Any]) -> dict[str, Any]:
    files = last.get("files", 0)
    return {
        "portal": str(last.get("portal") or ""),
        "folder": str(last.get("folder") or ""),
        "files": files if isinstance(files, int) and not isinstance(files, bool) else 0,
        "at": str(last.get("at") or ""),
        "fingerprint": str(last.get("fingerprint") or ""),
        "complete": last.get("complete") is not False,
    }


def _v2_to_v3(data: dict[str, Any]) -> dict[str, Any]:
    """Version 2 kept the scan step's component in extra["ui"]["scan_component"]: it becomes
    the typed `ui.scan_component`; other keys of extra["ui"] (none the app wrote) stay."""
    extra = dict(data.get("extra") or {})
    ui = extra.pop("ui", None)
    chosen = ui.get("scan_component") if isinstance(ui, dict) else None
    if isinstance(ui, dict) and set(ui) - {"scan_component"}:
        extra["ui"] = {k: v for k, v in ui.items() if k != "scan_component"}
    data["ui"] = {"scan_component": chosen if isinstance(chosen, str) else ""}
    data["extra"] = extra
    return data


#: schema migrations: MIGRATIONS[n] turns a version-n document into version n+1.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _v1_to_v2, 2: _v2_to_v3}

_IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".tif", ".tiff", ".webp", ".bmp", ".heic", ".heif"}
_DOCUMENT_SUFFIXES = {".doc", ".docx", ".odt"}
_SUFFIX_CHARS = re.compile(r"[^a-z0-9]")
#: temporary files older than this are leftovers of a crash and are removed on open
_STALE_TEMP_SECONDS = 600

log = logging.getLogger("hoso.dossier")


class NewerFormatError(InputError):
    """`dossier.json` was written by a newer version of the app: never fall back or overwrite."""


class Snapshot(bytes):
    """The bytes of `dossier.json`, remembering the revision they hold."""

    revision: int


SCHEMA_VERSION = model.SCHEMA_VERSION


def schema_version() -> int:
    # read at call time so a test can raise it together with MIGRATIONS
    return SCHEMA_VERSION


def migrate(data: dict[str, Any], source: Path) -> dict[str, Any]:
    """Bring an older `dossier.json` up to the current schema version; refuse a newer one."""
    version = data.get("schema_version", 1)
    current = schema_version()
    if isinstance(version, bool) or not isinstance(version, int) or version < 0:
        raise ValidationError(
            _("invalid data in field {field}: {problem}").format(
                field="schema_version", problem=_("a whole number is expected")
            ),
            path=source,
        )
    if version > current:
        raise NewerFormatError(
            _("this dossier was made by a newer version of the app (format {version})").format(
                version=version
            ),
            path=source,
        )
    while version < current:
        step = MIGRATIONS.get(version)
        if step is None:
            raise InputError(
                _("no conversion from dossier format {version} is known").format(version=version),
                path=source,
            )
        data = step(dict(data))
        version += 1
        data["schema_version"] = version
    return data


FOLDER_NAME_LENGTH = 100


def default_folder_name(procedure_name: str, applicant_name: str, day: date | None = None) -> str:
    """'2026-11-27 Đăng ký khai sinh Nguyễn Văn An' made safe as a folder name.

    A long procedure name is cut at a word, with "…", so that the applicant's name (what a
    clerk looks for) always fits."""
    day = day or date.today()
    applicant = applicant_name.strip()
    room = FOLDER_NAME_LENGTH - len(day.isoformat()) - len(applicant) - 2
    procedure = shorten_at_word(procedure_name.strip(), max(20, room))
    parts = [day.isoformat(), procedure, applicant]
    name = " ".join(p for p in parts if p)
    return safe_filename(name, max_length=FOLDER_NAME_LENGTH, fallback="ho-so")


def shorten_at_word(text: str, limit: int) -> str:
    """`text` when it fits in `limit` characters, else its first words and "…"."""
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    if " " in head:
        head = head.rsplit(" ", 1)[0]
    return head.rstrip(" ,;:-") + "…"


def is_dossier_folder(folder: Path) -> bool:
    """True when `folder` holds a dossier (its `dossier.json`)."""
    return (Path(folder) / DOSSIER_FILE).exists()


def file_kind(path: Path) -> FileKind:
    suffix = path.suffix.lower()
    if suffix in _IMAGE_SUFFIXES:
        return "image"
    if suffix == ".pdf":
        return "pdf"
    if suffix in _DOCUMENT_SUFFIXES:
        return "document"
    return "other"


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def is_safe_relative(relative: str, folder: str | None = None) -> bool:
    """True for a plain relative POSIX path (no '..', no drive, no backslash), under `folder`."""
    if not relative or "\\" in relative or ":" in relative or "\x00" in relative:
        return False
    if relative.startswith("/"):
        return False
    parts = relative.split("/")  # not PurePosixPath: it hides empty parts ("a//b")
    if any(part in ("", ".", "..") for part in parts):
        return False
    return folder is None or (len(parts) >= 2 and parts[0] == folder)


def _field_error(source: Path, field: str, problem: str) -> ValidationError:
    return ValidationError(
        _("invalid data in field {field}: {problem}").format(field=field, problem=problem),
        path=source,
    )


def check_consistency(dossier: Dossier, source: Path) -> None:
    """Rules the types cannot say: unique ids, file paths inside their folder."""
    seen_components: set[str] = set()
    seen_files: set[str] = set()
    if dossier.revision < 0:
        raise _field_error(source, "revision", _("a whole number is expected"))
    for i, entry in enumerate(dossier.components):
        where = f"components[{i}]"
        if not entry.component_id:
            raise _field_error(source, f"{where}.component_id", _("text is expected"))
        if entry.component_id in seen_components:
            raise _field_error(source, f"{where}.component_id", _("duplicate id"))
        seen_components.add(entry.component_id)
        if entry.stamp is not None and (entry.stamp.page < 1 or len(entry.stamp.rect) != 4):
            raise _field_error(
                source, f"{where}.stamp", _("a page (from 1) and four numbers are expected")
            )
        for j, item in enumerate(entry.files):
            file_where = f"{where}.files[{j}]"
            if item.id in seen_files or not item.id:
                raise _field_error(source, f"{file_where}.id", _("duplicate id"))
            seen_files.add(item.id)
            if not is_safe_relative(item.original, "originals"):
                raise _field_error(source, f"{file_where}.original", _("path outside originals/"))
            if item.derived is not None and not is_safe_relative(item.derived, "work"):
                raise _field_error(source, f"{file_where}.derived", _("path outside work/"))
            if item.size < 0:
                raise _field_error(source, f"{file_where}.size", _("a whole number is expected"))


def load_dossier_file(path: Path) -> Dossier:
    """Read, migrate and strictly validate one `dossier.json` (errors name file and field)."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        raise InputError(_("file not found"), path=path) from exc
    except OSError as exc:
        raise InputError(
            _("cannot read the file: {reason}").format(reason=exc.strerror or exc), path=path
        ) from exc
    try:
        data = json.loads(raw.decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise InputError(
            _("the dossier file is damaged: {reason}").format(reason=exc), path=path
        ) from exc
    if not isinstance(data, dict):
        raise _field_error(path, _("(top level)"), _("an object is expected"))
    dossier = load_dataclass(Dossier, migrate(data, path), source=path)
    check_consistency(dossier, path)
    return dossier


def make_private_parents(path: Path) -> None:
    """Create the missing folders above `path` private to the user (existing ones untouched)."""
    missing = []
    parent = Path(path).absolute().parent
    while not parent.exists():
        missing.append(parent)
        parent = parent.parent
    for folder in reversed(missing):
        make_private_dir(folder)


def _remove_stale_temps(root: Path) -> None:
    """Delete temporary files a killed save left behind (only old ones: another save may run)."""
    limit = time.time() - _STALE_TEMP_SECONDS
    with contextlib.suppress(OSError):
        for leftover in root.glob(f".{DOSSIER_FILE}*.tmp"):
            with contextlib.suppress(OSError):
                if leftover.stat().st_mtime < limit:
                    leftover.unlink()


class Workspace:
    """An open dossier folder. Saves are serialised by a lock and are atomic.

    Edit `dossier` on one thread (the GUI thread) or while holding `lock`; `snapshot()` takes
    the state under the lock and `write_snapshot()` may then run on a writer thread.
    """

    def __init__(self, root: Path, dossier: Dossier) -> None:
        self.root = Path(root)
        self.dossier = dossier
        self.lock = threading.RLock()
        self._lock = self.lock  # the name used before `lock` was public
        self._write_lock = threading.Lock()  # disk writes; never held while editing the model
        self._written_revision = -1
        #: set when dossier.json was damaged and the backup was opened instead
        self.recovered_from: HosoError | None = None

    # ---- creation and loading -------------------------------------------------------------
    @classmethod
    def create(
        cls,
        root: Path,
        procedure_code: str,
        title: str = "",
        applicant: dict[str, str] | None = None,
        component_ids: list[str] | None = None,
    ) -> Workspace:
        root = Path(root)
        if root.exists() and not root.is_dir():
            raise InputError(_("a file with this name already exists"), path=root)
        if (root / DOSSIER_FILE).exists():
            raise InputError(_("a dossier already exists in this folder"), path=root)
        if root.exists() and any(root.iterdir()):
            raise InputError(_("the folder is not empty"), path=root)
        try:
            make_private_parents(root)
            make_private_dir(root)
            for sub in SUBFOLDERS:
                make_private_dir(root / sub)
        except OSError as exc:
            raise OutputError(
                _("cannot create the folder: {reason}").format(reason=exc.strerror or exc),
                path=root,
            ) from exc
        dossier = Dossier(
            id=uuid.uuid4().hex,
            procedure_code=procedure_code,
            title=title,
            applicant=dict(applicant or {}),
        )
        for component_id in component_ids or []:
            dossier.component(component_id)
        workspace = cls(root, dossier)
        workspace.save()
        return workspace

    @classmethod
    def open(cls, root: Path) -> Workspace:
        """Open a dossier folder; fall back to the backup when the main file is unreadable."""
        root = Path(root)
        main, backup = root / DOSSIER_FILE, root / BACKUP_FILE
        if not main.exists() and not backup.exists():
            raise InputError(_("this folder does not contain a dossier (dossier.json)"), path=root)
        _remove_stale_temps(root)
        try:
            workspace = cls(root, load_dossier_file(main))
        except NewerFormatError:
            raise  # the backup is older: opening it would silently drop the newer data
        except InputError as first_error:
            if not backup.exists():
                raise
            try:
                workspace = cls(root, load_dossier_file(backup))
            except InputError:
                raise first_error from None
            log.warning("dossier.json unreadable (%s); opened the backup", first_error)
            workspace.recovered_from = first_error
        workspace._written_revision = workspace.dossier.revision
        return workspace

    # ---- saving -----------------------------------------------------------------------------
    def snapshot(self) -> Snapshot:
        """The bytes of `dossier.json` for the current state (take it on the thread that edits)."""
        with self.lock:
            self.dossier.revision += 1
            self.dossier.modified = now_iso()
            data = to_jsonable(self.dossier)
            revision = self.dossier.revision
        payload = Snapshot((json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
        payload.revision = revision
        return payload

    def write_snapshot(self, payload: bytes) -> None:
        """Replace `dossier.json` atomically, keeping the previous version as the backup.

        A snapshot older than the one already written is skipped, so two writers cannot put
        an older state back on disk.
        """
        revision = getattr(payload, "revision", None)
        with self._write_lock:  # not `lock`: a snapshot on the GUI thread never waits for a disk
            if revision is not None and revision <= self._written_revision:
                return
            self._keep_backup()
            atomic_write_bytes(self.root / DOSSIER_FILE, bytes(payload))
            self.recovered_from = None  # dossier.json is sound again
            if revision is not None:
                self._written_revision = revision

    def _keep_backup(self) -> None:
        """Make the current dossier.json the backup (a hard link: no copy, no re-read)."""
        main = self.root / DOSSIER_FILE
        if not main.exists():
            return
        # after a recovery the main file is the damaged one: keep it aside, not as the backup
        target = self.root / (DAMAGED_FILE if self.recovered_from else BACKUP_FILE)
        temp = self.root / f".{BACKUP_FILE}.{uuid.uuid4().hex[:8]}.tmp"
        try:
            try:
                os.link(main, temp)
            except OSError:  # file systems without hard links (FAT on a USB stick)
                import shutil

                with atomic_output(temp) as scratch:
                    shutil.copyfile(main, scratch)
            os.replace(temp, target)
            if temp.exists():  # rename() of two links to one file is a no-op that keeps both
                temp.unlink()
        except OSError as exc:
            # the save itself is still atomic; only the extra safety copy is missing
            log.warning("could not keep the backup of %s: %s", main, exc)
            with contextlib.suppress(OSError):
                temp.unlink()
            return

    def save(self) -> None:
        self.write_snapshot(self.snapshot())

    def detached_copy(self) -> Workspace:
        """A private copy of the model for a worker thread that only reads (an export, a
        checklist): the owning thread may keep editing. Never saved."""
        import copy

        with self.lock:
            return Workspace(self.root, copy.deepcopy(self.dossier))

    # ---- paths: the workspace names every file of the folder ---------------------------------
    @property
    def work_dir(self) -> Path:
        """work/: derived files (scans, signed copies), reproducible from the originals."""
        return self.root / WORK_DIR

    @property
    def export_root(self) -> Path:
        """export/: what goes to the portal or the printer."""
        return self.root / EXPORT_DIR

    def export_dir(self, portal_id: str) -> Path:
        """export/<portal>/: the upload export for one portal."""
        return self.export_root / portal_id

    def print_file(self) -> Path:
        """export/in_ho_so.pdf: the whole dossier as one PDF for printing."""
        return self.export_root / PRINT_FILE

    def form_output(self, stem: str) -> Path:
        """export/<stem>.pdf: the suggested place of a filled form."""
        return self.export_root / f"{stem}.pdf"

    def original_path(self, item: DossierFile) -> Path:
        """The untouched copy of an imported file."""
        return self.root / item.original

    def result_path(self, item: DossierFile) -> Path:
        """The file's current result (its derived PDF when made, else its original)."""
        return self.root / (item.derived or item.original)

    def component_file(self, component_id: str) -> Path:
        """work/<component>.pdf: all pages of a component in one PDF."""
        return self.work_dir / f"{component_id}.pdf"

    def page_file(self, component_id: str, file_id: str) -> Path:
        """work/<component>/<file>.pdf: one page's own PDF."""
        return self.work_dir / component_id / f"{file_id}.pdf"

    def card_file(self, component_id: str, file_ids: list[str]) -> Path:
        """work/<component>/card-<ids>.pdf: both sides of an ID card on one A4 sheet."""
        return self.work_dir / component_id / f"card-{'-'.join(file_ids)}.pdf"

    def signed_output(self, file_id: str, name: str) -> Path:
        """work/<file>/<name>: the signed copy of a file of the dossier."""
        return self.work_dir / file_id / name

    def stack_dir(self, stamp: str) -> Path:
        """work/stack-<stamp>/: the documents split out of one scanned stack."""
        return self.work_dir / f"stack-{stamp}"

    def scanner_file(self, stamp: str) -> Path:
        """work/scanner-<stamp>.png: one page acquired from a scanner."""
        return self.work_dir / f"scanner-{stamp}.png"

    def relative(self, path: Path) -> str:
        """The name of a file of the dossier as `dossier.json` stores it ("work/a/b.pdf")."""
        return Path(path).relative_to(self.root).as_posix()

    # ---- files ------------------------------------------------------------------------------
    def path(self, relative: str) -> Path:
        """Absolute path of a file named relative to the dossier, refusing escapes."""
        candidate = (self.root / relative).resolve()
        if not candidate.is_relative_to(self.root.resolve()):
            raise InputError(
                _("path outside the dossier: {path}").format(path=relative), path=self.root
            )
        return candidate

    def iter_files(self) -> Iterator[tuple[str, DossierFile]]:
        """(component id, file) for every file of the dossier, in order."""
        for entry in self.dossier.components:
            for item in entry.files:
                yield entry.component_id, item

    def add_file(self, component_id: str, source: Path, *, save: bool = True) -> DossierFile:
        """Copy `source` into originals/ (read-only) and attach it to the component.

        The copy is written to a temporary name and renamed, hashing the bytes on the way;
        `source` itself is only read.
        """
        if not component_id.strip():
            raise InputError(_("the component id is empty"), path=self.root)
        item = self.copy_original(source)
        self.attach(component_id, item)
        if save:
            self.save()
        return item

    def attach(self, component_id: str, item: DossierFile) -> None:
        """Add a file made by `copy_original` to a component (on the thread owning the model)."""
        with self.lock:
            self.dossier.component(component_id).files.append(item)

    def copy_original(self, source: Path) -> DossierFile:
        """The copy-and-hash half of `add_file`: safe on a worker thread (the dossier model is
        not touched), so a GUI can copy big photos without freezing."""
        source = Path(source)
        if not source.exists():
            raise InputError(_("file not found"), path=source)
        if not source.is_file():
            raise InputError(_("not a regular file"), path=source)
        file_id = uuid.uuid4().hex[:12]
        suffix = _SUFFIX_CHARS.sub("", source.suffix.lower())[:10]
        relative = f"originals/{file_id}.{suffix}" if suffix else f"originals/{file_id}"
        target = self.root / relative
        make_private_dir(target.parent)
        try:
            with atomic_output(target) as temp:
                digest, size = _copy_hashing(source, temp)
                if size == 0:
                    raise InputError(_("the file is empty"), path=source)
            os.chmod(target, stat.S_IRUSR)  # originals are never modified
        except OSError as exc:
            raise InputError(
                _("cannot copy the file: {reason}").format(reason=exc.strerror or exc),
                path=source,
            ) from exc
        item = DossierFile(
            id=file_id,
            name=unicodedata.normalize("NFC", source.name),
            original=relative,
            kind=file_kind(source),
            sha256=digest,
            size=size,
        )
        return item

    def remove_file(self, file_id: str, *, save: bool = True) -> None:
        """Detach a file; its original stays on disk until the dossier is cleaned."""
        with self.lock:
            found = self.dossier.find_file(file_id)
            if found is None:
                raise InputError(
                    _("no such file in the dossier: {id}").format(id=file_id), path=self.root
                )
            entry, item = found
            entry.files.remove(item)
        if save:
            self.save()


def _copy_hashing(source: Path, target: Path) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with open(source, "rb") as src, open(target, "wb") as dst:
        for chunk in iter(lambda: src.read(1 << 20), b""):
            digest.update(chunk)
            dst.write(chunk)
            size += len(chunk)
    return digest.hexdigest(), size
