"""Create, open and save dossier folders, atomically (ARCHITECTURE.md "The dossier workspace").

Layout of a dossier folder:
    dossier.json        the model (schema-versioned); dossier.json.bak is the previous save
    originals/          imported files, copied once and made read-only
    work/               derived files (scans, filled forms), reproducible
    export/             what goes to the portal or the printer
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
import threading
import uuid
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from common.errors import InputError, ValidationError
from common.fsutil import atomic_write_bytes, make_private_dir, safe_filename
from common.i18n import _
from common.schema import load_dataclass, to_jsonable
from dossier.model import SCHEMA_VERSION, Dossier, DossierFile, FileKind, now_iso

DOSSIER_FILE = "dossier.json"
BACKUP_FILE = "dossier.json.bak"
SUBFOLDERS = ("originals", "work", "export")

#: schema migrations: MIGRATIONS[n] turns a version-n document into version n+1.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}

_IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".tif", ".tiff", ".webp", ".bmp", ".heic", ".heif"}
_DOCUMENT_SUFFIXES = {".doc", ".docx", ".odt"}


def migrate(data: dict[str, Any], source: Path) -> dict[str, Any]:
    """Bring an older `dossier.json` up to SCHEMA_VERSION; refuse a newer one."""
    version = data.get("schema_version", 1)
    if not isinstance(version, int):
        raise ValidationError(_("invalid data in field schema_version"), path=source)
    if version > SCHEMA_VERSION:
        raise InputError(
            _("this dossier was made by a newer version of the app (format {version})").format(
                version=version
            ),
            path=source,
        )
    while version < SCHEMA_VERSION:
        data = MIGRATIONS[version](data)
        version += 1
        data["schema_version"] = version
    return data


def default_folder_name(procedure_name: str, applicant_name: str, day: date | None = None) -> str:
    """'2026-11-27 Đăng ký khai sinh Nguyễn Văn An' made safe as a folder name."""
    day = day or date.today()
    parts = [day.isoformat(), procedure_name.strip(), applicant_name.strip()]
    return safe_filename(" ".join(p for p in parts if p), max_length=100, fallback="ho-so")


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


class Workspace:
    """An open dossier folder. Saves are serialised by a lock and are atomic."""

    def __init__(self, root: Path, dossier: Dossier) -> None:
        self.root = Path(root)
        self.dossier = dossier
        self._lock = threading.RLock()

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
        if (root / DOSSIER_FILE).exists():
            raise InputError(_("a dossier already exists in this folder"), path=root)
        if root.exists() and any(root.iterdir()):
            raise InputError(_("the folder is not empty"), path=root)
        make_private_dir(root)
        for sub in SUBFOLDERS:
            make_private_dir(root / sub)
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
        try:
            return cls(root, cls._load(main))
        except (InputError, OSError) as first_error:
            if backup.exists():
                with contextlib.suppress(InputError, OSError):
                    return cls(root, cls._load(backup))
            if isinstance(first_error, InputError):
                raise
            raise InputError(
                _("cannot read the dossier: {reason}").format(reason=first_error), path=main
            ) from first_error

    @staticmethod
    def _load(path: Path) -> Dossier:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise InputError(_("file not found"), path=path) from exc
        except (ValueError, UnicodeDecodeError) as exc:
            raise InputError(
                _("the dossier file is damaged: {reason}").format(reason=exc), path=path
            ) from exc
        if not isinstance(data, dict):
            raise ValidationError(_("an object is expected"), path=path)
        return load_dataclass(Dossier, migrate(data, path), source=path)

    # ---- saving -----------------------------------------------------------------------------
    def snapshot(self) -> bytes:
        """The bytes of `dossier.json` for the current state (take it on the thread that edits)."""
        with self._lock:
            self.dossier.revision += 1
            self.dossier.modified = now_iso()
            data = to_jsonable(self.dossier)
        return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")

    def write_snapshot(self, payload: bytes) -> None:
        """Replace `dossier.json` atomically, keeping the previous version as the backup."""
        with self._lock:
            main = self.root / DOSSIER_FILE
            if main.exists():
                with contextlib.suppress(OSError):
                    atomic_write_bytes(self.root / BACKUP_FILE, main.read_bytes())
            atomic_write_bytes(main, payload)

    def save(self) -> None:
        self.write_snapshot(self.snapshot())

    # ---- files ------------------------------------------------------------------------------
    def path(self, relative: str) -> Path:
        """Absolute path of a file named relative to the dossier, refusing escapes."""
        candidate = (self.root / relative).resolve()
        if not candidate.is_relative_to(self.root.resolve()):
            raise InputError(
                _("path outside the dossier: {path}").format(path=relative), path=self.root
            )
        return candidate

    def add_file(self, component_id: str, source: Path, *, save: bool = True) -> DossierFile:
        """Copy `source` into originals/ (read-only) and attach it to the component."""
        source = Path(source)
        if not source.is_file():
            raise InputError(_("file not found"), path=source)
        file_id = uuid.uuid4().hex[:12]
        suffix = source.suffix.lower()[:10]
        relative = f"originals/{file_id}{suffix}"
        target = self.root / relative
        make_private_dir(target.parent)
        import shutil

        try:
            shutil.copyfile(source, target)
        except OSError as exc:
            with contextlib.suppress(OSError):
                target.unlink()
            raise InputError(
                _("cannot copy the file: {reason}").format(reason=exc.strerror), path=source
            ) from exc
        os.chmod(target, stat.S_IRUSR)  # originals are never modified
        item = DossierFile(
            id=file_id,
            name=source.name,
            original=relative,
            kind=file_kind(source),
            sha256=sha256_file(target),
            size=target.stat().st_size,
        )
        with self._lock:
            self.dossier.component(component_id).files.append(item)
        if save:
            self.save()
        return item

    def remove_file(self, file_id: str, *, save: bool = True) -> None:
        """Detach a file; its original stays on disk until the dossier is cleaned."""
        with self._lock:
            found = self.dossier.find_file(file_id)
            if found is None:
                raise InputError(
                    _("no such file in the dossier: {id}").format(id=file_id), path=self.root
                )
            entry, item = found
            entry.files.remove(item)
        if save:
            self.save()
