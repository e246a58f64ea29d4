"""Safe file writes: atomic replace, private permissions, Windows-legal names."""

from __future__ import annotations

import contextlib
import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from common.errors import OutputError
from common.i18n import _

PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600


def make_private_dir(path: Path) -> Path:
    """Create a folder (and parents) readable only by the user on POSIX."""
    path.mkdir(parents=True, exist_ok=True)
    if os.name == "posix":
        os.chmod(path, PRIVATE_DIR_MODE)
    return path


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_output(target: Path, *, private: bool = True) -> Iterator[Path]:
    """Yield a temporary path beside `target`; on success it replaces `target` atomically.

    On any exception the temporary file is removed and `target` keeps its old content.
    """
    import tempfile  # here: with shutil, bz2 and lzma it costs 4 ms of the app's start-up

    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        if private and os.name == "posix":
            os.chmod(tmp, PRIVATE_FILE_MODE)
        os.replace(tmp, target)
        _fsync_dir(target.parent)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def atomic_write_bytes(target: Path, data: bytes, *, private: bool = True) -> None:
    """Write `data` to `target` so that a crash leaves either the old or the new content."""
    try:
        with atomic_output(target, private=private) as tmp:
            tmp.write_bytes(data)
    except OSError as exc:
        raise OutputError(
            _("Could not write the file: {reason}").format(reason=exc.strerror or exc),
            path=target,
        ) from exc


def atomic_write_text(target: Path, text: str, *, private: bool = True) -> None:
    atomic_write_bytes(target, text.encode("utf-8"), private=private)


def atomic_write_json(target: Path, data: Any, *, private: bool = True) -> None:
    text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
    atomic_write_text(target, text, private=private)


# Device names Windows reserves with any extension ("con.pdf", "COM¹.txt"), also with spaces
# before the dot ("NUL .txt"). COM0/LPT0 and the superscript digits are in Microsoft's list.
WINDOWS_RESERVED = {
    "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
    *(f"COM{i}" for i in (*range(10), "¹", "²", "³")),
    *(f"LPT{i}" for i in (*range(10), "¹", "²", "³")),
}  # fmt: skip
_ILLEGAL_CHARS = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
# ext4 and most Linux file systems allow 255 bytes per name, and a Vietnamese letter takes up to
# 3 bytes in UTF-8; atomic_output adds ".<name>.<8 chars>.tmp" beside the target. Windows allows
# 255 UTF-16 units, which this also respects.
MAX_NAME_BYTES = 200
MAX_EXTENSION_LENGTH = 16


def is_windows_reserved(name: str) -> bool:
    """True for "CON", "con.pdf", "NUL .txt", "LPT1.tar.gz": Windows opens a device instead."""
    return name.split(".")[0].rstrip(" ").upper() in WINDOWS_RESERVED


def safe_filename(name: str, *, max_length: int = 120, fallback: str = "tep") -> str:
    """A file name legal on Windows and POSIX: no reserved names, no trailing dots or spaces,
    at most `max_length` characters and MAX_NAME_BYTES bytes of UTF-8."""
    import unicodedata  # here: a DLL on Windows (~7 ms of start-up under Wine)

    name = unicodedata.normalize("NFC", name)
    name = _ILLEGAL_CHARS.sub("_", name).strip().rstrip(". ")
    if not name:
        name = fallback
    stem, dot, ext = name.rpartition(".")
    if not dot or len(ext) > MAX_EXTENSION_LENGTH:  # "a.<300 letters>" has no real extension
        stem, ext = name, ""
    if is_windows_reserved(stem):
        stem = f"_{stem}"
    ext = f".{ext}" if ext else ""
    stem = stem[: max(1, max_length - len(ext))].rstrip(". ")
    while stem and len((stem + ext).encode("utf-8")) > MAX_NAME_BYTES:
        stem = stem[:-1].rstrip(". ")
    return (stem or fallback) + ext


def strip_diacritics(text: str) -> str:
    """'Đăng ký khai sinh' -> 'Dang ky khai sinh' (đ/Đ are letters of their own in Unicode)."""
    import unicodedata

    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")


def fold(text: str) -> str:
    """Key for accent- and case-insensitive matching (NFC first, then no marks, lower case)."""
    import unicodedata

    return strip_diacritics(unicodedata.normalize("NFC", text)).casefold()


def ascii_slug(text: str, *, max_length: int = 60, sep: str = "_") -> str:
    """Portal-safe name: ASCII letters and digits joined by `sep`, at most `max_length` chars.

    A long text is cut after a whole word ("..._dang_ky", not "..._dang_ky_kha"); only a first
    word longer than `max_length` is cut inside.
    """
    words = re.findall(r"[A-Za-z0-9]+", strip_diacritics(text))
    slug = sep.join(words)
    if len(slug) <= max_length:
        return slug
    kept: list[str] = []
    for word in words:
        if len(sep.join([*kept, word])) > max_length:
            break
        kept.append(word)
    return sep.join(kept) if kept else slug[:max_length]
