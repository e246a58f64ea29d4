"""`.hoso` files: a whole dossier in one zip, to move it between the clerk and the citizen.

The zip holds `dossier.json`, `originals/`, `work/` and, optionally, `export/`. Import treats
the file as hostile: it refuses names that could escape the folder (`..`, absolute paths,
drive letters, backslashes), links and other special files, duplicate names, encrypted
entries, too many entries and archives expanding past a size limit (declared sizes are
checked first, real bytes are counted while extracting: zip bombs lie about their sizes).
Everything is extracted into a temporary folder beside the target, checked, and renamed into
place at the end, so a refused or interrupted import leaves nothing behind.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import stat
import tempfile
import threading
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path

from common.errors import InputError, OutputError
from common.fsutil import PRIVATE_DIR_MODE, PRIVATE_FILE_MODE, atomic_output
from common.i18n import _
from common.progress import ProgressFn, check_cancel
from common.schema import to_jsonable
from dossier.workspace import (
    BACKUP_FILE,
    DOSSIER_FILE,
    Workspace,
    is_safe_relative,
    make_private_parents,
    sha256_file,
)

ARCHIVE_SUFFIX = ".hoso"
_TOP_FOLDERS = ("originals", "work", "export")
_STORED_SUFFIXES = {".jpg", ".jpeg", ".png", ".heic", ".heif", ".webp", ".zip", ".gz"}
_WINDOWS_ILLEGAL = set('<>:"|?*')
_CHUNK = 1 << 16


@dataclass(frozen=True)
class ExportOptions:
    include_export: bool = True  # the export/ folder can be rebuilt; leave it out to save space


@dataclass(frozen=True)
class ImportOptions:
    max_entries: int = 5000
    max_total_bytes: int = 2 * 1024**3  # expanded size of the whole archive
    max_entry_bytes: int = 512 * 1024**2


# ---- export ----------------------------------------------------------------------------------
def export_dossier(
    folder: Path,
    target: Path,
    options: ExportOptions = ExportOptions(),
    progress: ProgressFn | None = None,
    cancel: threading.Event | None = None,
) -> Path:
    """Write the dossier in `folder` to the `.hoso` file `target` (atomically).

    Flush the dossier's autosave first: the archive holds what is on disk.
    """
    folder, target = Path(folder), Path(target)
    workspace = Workspace.open(folder)  # refuses a folder that is not a valid dossier
    for component_id, item in workspace.iter_files():
        if not (folder / item.original).is_file():
            raise InputError(
                _("file {name} of component {component} is missing or altered").format(
                    name=item.name, component=component_id
                ),
                path=folder / item.original,
            )
    # the validated model, not the file: after a recovery dossier.json is the damaged one
    manifest = json.dumps(to_jsonable(workspace.dossier), ensure_ascii=False, indent=2) + "\n"
    members = _members_to_export(folder, options)
    total = len(members) + 1
    try:
        with atomic_output(target) as temp, zipfile.ZipFile(temp, "w") as archive:
            archive.writestr(DOSSIER_FILE, manifest.encode("utf-8"), zipfile.ZIP_DEFLATED)
            for done, (name, path) in enumerate(members, start=1):
                check_cancel(cancel)
                compression = (
                    zipfile.ZIP_STORED
                    if path.suffix.lower() in _STORED_SUFFIXES
                    else zipfile.ZIP_DEFLATED
                )
                archive.write(path, name, compress_type=compression)
                if progress is not None:
                    progress(done + 1, total, name)
    except OSError as exc:
        raise OutputError(
            _("Could not write the file: {reason}").format(reason=exc.strerror or exc),
            path=target,
        ) from exc
    return target


def _members_to_export(folder: Path, options: ExportOptions) -> list[tuple[str, Path]]:
    members: list[tuple[str, Path]] = []
    tops = _TOP_FOLDERS if options.include_export else _TOP_FOLDERS[:2]
    for top in tops:
        base = folder / top
        if not base.is_dir():
            continue
        for dirpath, dirnames, filenames in os.walk(base):  # os.walk never follows links
            dirnames.sort()
            for filename in sorted(filenames):
                path = Path(dirpath) / filename
                if filename.startswith(".") or not stat.S_ISREG(path.lstat().st_mode):
                    continue  # temporary files of an interrupted write; links
                name = path.relative_to(folder).as_posix()
                problem = _name_problem(name)
                if problem:
                    raise InputError(problem, path=path)
                members.append((name, path))
    return members


# ---- import ----------------------------------------------------------------------------------
def import_dossier(
    archive_path: Path,
    target: Path,
    options: ImportOptions = ImportOptions(),
    progress: ProgressFn | None = None,
    cancel: threading.Event | None = None,
) -> Workspace:
    """Unpack a `.hoso` file into the new folder `target` (absent or empty) and open it."""
    archive_path, target = Path(archive_path), Path(target)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise InputError(_("the target folder exists and is not empty"), path=target)
    if not archive_path.is_file():
        raise InputError(_("file not found"), path=archive_path)
    # zipfile reads the whole central directory on open: bound it by the file's size
    if archive_path.stat().st_size > options.max_total_bytes + (64 << 20):
        raise _too_large(archive_path, options.max_total_bytes)
    try:
        archive = zipfile.ZipFile(archive_path)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise InputError(
            _("not a .hoso file (not a valid zip archive)"), path=archive_path
        ) from exc
    make_private_parents(target)
    staging = Path(tempfile.mkdtemp(prefix=".hoso-import-", dir=target.parent))
    try:
        with archive:
            entries = _checked_entries(archive, archive_path, options)
            _extract(archive, entries, staging, archive_path, options, progress, cancel)
        workspace = _check_extracted(staging, archive_path)
        _move_into_place(staging, target)
    except BaseException:
        _remove_tree(staging)
        raise
    workspace.root = target
    return workspace


def _name_problem(name: str) -> str | None:
    """Why a member name is refused, or None when it is a plain path inside the dossier."""
    if name.startswith("/") or name.startswith("\\"):
        return _("absolute path in the archive: {name}").format(name=name)
    if len(name) >= 2 and name[1] == ":":
        return _("drive letter in the archive: {name}").format(name=name)
    if "\\" in name:
        return _("backslash in a name in the archive: {name}").format(name=name)
    trimmed = name[:-1] if name.endswith("/") else name
    if ".." in trimmed.split("/"):
        return _("path escaping the folder in the archive: {name}").format(name=name)
    if not is_safe_relative(trimmed) or any(ch in _WINDOWS_ILLEGAL for ch in trimmed):
        return _("invalid name in the archive: {name}").format(name=name)
    if any(ord(ch) < 32 for ch in trimmed):
        return _("invalid name in the archive: {name}").format(name=name)
    top = trimmed.split("/")[0]
    if trimmed != DOSSIER_FILE and top not in _TOP_FOLDERS:
        return _("unexpected entry in the archive: {name}").format(name=name)
    if trimmed == DOSSIER_FILE and name.endswith("/"):
        return _("invalid name in the archive: {name}").format(name=name)
    return None


def _entry_kind(info: zipfile.ZipInfo) -> str:
    """'file', 'dir' or 'special' (links, devices, pipes) from the Unix mode bits, if any."""
    mode = info.external_attr >> 16
    file_type = stat.S_IFMT(mode)
    if info.is_dir() or file_type == stat.S_IFDIR:
        return "dir" if file_type in (0, stat.S_IFDIR) else "special"
    if file_type in (0, stat.S_IFREG):
        return "file"
    return "special"


def _checked_entries(
    archive: zipfile.ZipFile, source: Path, options: ImportOptions
) -> list[zipfile.ZipInfo]:
    infos = archive.infolist()
    if len(infos) > options.max_entries:
        raise InputError(
            _("too many entries in the archive ({count}, at most {limit})").format(
                count=len(infos), limit=options.max_entries
            ),
            path=source,
        )
    seen: dict[str, str] = {}
    files: set[str] = set()
    declared = 0
    for info in infos:
        problem = _name_problem(info.filename)
        if problem:
            raise InputError(problem, path=source)
        kind = _entry_kind(info)
        if kind == "special":
            raise InputError(
                _("link or special file in the archive: {name}").format(name=info.filename),
                path=source,
            )
        if info.flag_bits & 0x1:
            raise InputError(
                _("encrypted entry in the archive: {name}").format(name=info.filename),
                path=source,
            )
        # case- and normalisation-insensitive: the same file on Windows and macOS
        key = unicodedata.normalize("NFC", info.filename.rstrip("/")).casefold()
        if key in seen:
            raise InputError(
                _("duplicate name in the archive: {name}").format(name=info.filename),
                path=source,
            )
        seen[key] = kind
        if kind == "file":
            files.add(key)
            if info.file_size > options.max_entry_bytes:
                raise _too_large(source, options.max_entry_bytes)
            declared += info.file_size
            if declared > options.max_total_bytes:
                raise _too_large(source, options.max_total_bytes)
    for key in seen:  # a file cannot also be a folder of another entry
        parts = key.split("/")
        for depth in range(1, len(parts)):
            if "/".join(parts[:depth]) in files:
                raise InputError(
                    _("duplicate name in the archive: {name}").format(name=key), path=source
                )
    if DOSSIER_FILE not in files:
        raise InputError(_("the archive holds no dossier.json"), path=source)
    return infos


def _too_large(source: Path, limit: int) -> InputError:
    return InputError(
        _("the archive expands past the size limit ({limit} MB)").format(
            limit=max(1, limit // 1024**2)
        ),
        path=source,
    )


def _extract(
    archive: zipfile.ZipFile,
    entries: list[zipfile.ZipInfo],
    staging: Path,
    source: Path,
    options: ImportOptions,
    progress: ProgressFn | None,
    cancel: threading.Event | None,
) -> None:
    os.chmod(staging, PRIVATE_DIR_MODE)
    for top in _TOP_FOLDERS:
        (staging / top).mkdir(mode=PRIVATE_DIR_MODE)
    total_written = 0
    for done, info in enumerate(entries):
        check_cancel(cancel)
        destination = staging.joinpath(*info.filename.rstrip("/").split("/"))
        if not destination.resolve().is_relative_to(staging.resolve()):  # belt and braces
            raise InputError(
                _("path escaping the folder in the archive: {name}").format(name=info.filename),
                path=source,
            )
        if _entry_kind(info) == "dir":
            destination.mkdir(mode=PRIVATE_DIR_MODE, parents=True, exist_ok=True)
            continue
        _make_parents(destination.parent, staging)
        total_written = _extract_one(archive, info, destination, source, options, total_written)
        if progress is not None:
            progress(done + 1, len(entries), info.filename)


def _make_parents(folder: Path, staging: Path) -> None:
    missing = []
    while not folder.exists() and folder != staging:
        missing.append(folder)
        folder = folder.parent
    for path in reversed(missing):
        path.mkdir(mode=PRIVATE_DIR_MODE)


def _extract_one(
    archive: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    destination: Path,
    source: Path,
    options: ImportOptions,
    total_written: int,
) -> int:
    written = 0
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    try:
        with (
            archive.open(info) as src,
            open(os.open(destination, flags, PRIVATE_FILE_MODE), "wb") as dst,
        ):
            while chunk := src.read(_CHUNK):
                written += len(chunk)
                total_written += len(chunk)
                # real bytes, whatever the headers claim
                if written > options.max_entry_bytes or written > info.file_size:
                    raise _too_large(source, min(options.max_entry_bytes, info.file_size))
                if total_written > options.max_total_bytes:
                    raise _too_large(source, options.max_total_bytes)
                dst.write(chunk)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError) as exc:
        raise InputError(
            _("the archive is damaged ({name}): {reason}").format(name=info.filename, reason=exc),
            path=source,
        ) from exc
    except FileExistsError as exc:
        raise InputError(
            _("duplicate name in the archive: {name}").format(name=info.filename), path=source
        ) from exc
    except OSError as exc:
        raise OutputError(
            _("Could not write the file: {reason}").format(reason=exc.strerror or exc),
            path=destination,
        ) from exc
    return total_written


def _check_extracted(staging: Path, source: Path) -> Workspace:
    """The unpacked dossier must open strictly and its originals must match their hashes."""
    try:
        workspace = Workspace.open(staging)
    except InputError as exc:
        raise InputError(
            _("the dossier in the archive is invalid: {reason}").format(reason=exc.message),
            path=source,
        ) from exc
    with contextlib.suppress(FileNotFoundError):
        (staging / BACKUP_FILE).unlink()
    for component_id, item in workspace.iter_files():
        original = staging / item.original
        if not original.is_file() or sha256_file(original) != item.sha256:
            raise InputError(
                _("file {name} of component {component} is missing or altered").format(
                    name=item.name, component=component_id
                ),
                path=source,
            )
        os.chmod(original, stat.S_IRUSR)  # originals are read-only, as after add_file
    return workspace


def _move_into_place(staging: Path, target: Path) -> None:
    if target.exists():
        try:
            target.rmdir()  # checked empty before extracting
        except OSError as exc:
            raise InputError(_("the target folder exists and is not empty"), path=target) from exc
    try:
        os.replace(staging, target)
    except OSError as exc:
        raise OutputError(
            _("cannot create the folder: {reason}").format(reason=exc.strerror or exc),
            path=target,
        ) from exc


def _remove_tree(folder: Path) -> None:
    def make_writable_and_retry(function, path, _info) -> None:  # read-only files on Windows
        with contextlib.suppress(OSError):
            os.chmod(path, stat.S_IWUSR | stat.S_IRUSR | stat.S_IXUSR)
            function(path)

    shutil.rmtree(folder, onerror=make_writable_and_retry)


__all__ = [
    "ARCHIVE_SUFFIX",
    "ExportOptions",
    "ImportOptions",
    "export_dossier",
    "import_dossier",
]
