"""A rotating log file in the user's data folder that never holds secrets or full ID numbers."""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path

LOG_FILE_NAME = "hoso.log"
_ID_NUMBER = re.compile(r"(?<!\d)(\d{3})\d{5,6}(\d{3})(?!\d)")  # 11-12 digit personal IDs
_SECRET = re.compile(r"(?i)\b(pin|password|passphrase|mat[ _]?khau|mật khẩu)(\s*[=:]\s*)(\S+)")


def redact(text: str) -> str:
    """Mask personal ID numbers (keep 3 first and 3 last digits) and values after 'pin='."""
    text = _SECRET.sub(lambda m: f"{m.group(1)}{m.group(2)}***", text)
    return _ID_NUMBER.sub(lambda m: f"{m.group(1)}******{m.group(2)}", text)


class RedactingFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


_configured: Path | None = None


def log_file_path() -> Path:
    from desktop.paths import logs_dir

    return logs_dir() / LOG_FILE_NAME


def setup_logging(*, console: bool = False, level: int = logging.INFO) -> Path:
    """Configure the 'hoso' logger once; return the log file's path."""
    global _configured
    if _configured is not None:
        return _configured
    path = log_file_path()
    import logging.handlers  # socket, pickle...: not needed before the window shows

    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
    )
    if os.name == "posix":
        path.touch(exist_ok=True)
        os.chmod(path, 0o600)
    formatter = RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    handler.setFormatter(formatter)
    root = logging.getLogger("hoso")
    root.setLevel(level)
    root.addHandler(handler)
    if console:
        stream = logging.StreamHandler()
        stream.setFormatter(formatter)
        root.addHandler(stream)
    _configured = path
    return path
