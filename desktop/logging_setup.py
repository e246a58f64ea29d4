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


def capture_library_output(logs_dir: Path):
    """Keep library chatter off the user's terminal: Python warnings (Pillow's UserWarnings,
    "malformed MPO") go to the log, and so does what C libraries write to the process's
    stderr (libtiff, libjpeg). The app's own messages still reach the terminal: `sys.stderr`
    is rebound to a copy of the original stream. Returns a function that restores stderr and
    moves the captured native output into the log; call it before exiting."""
    import faulthandler
    import sys
    import tempfile

    logging.captureWarnings(True)
    warnings_log = logging.getLogger("py.warnings")
    for handler in logging.getLogger("hoso").handlers:
        if handler not in warnings_log.handlers:
            warnings_log.addHandler(handler)
    warnings_log.propagate = False  # never Python's last-resort handler (stderr)
    try:
        sys.stderr.flush()
        terminal_fd = os.dup(2)
        native = tempfile.TemporaryFile(dir=logs_dir, prefix="native-stderr-")  # noqa: SIM115
    except OSError:
        return lambda: None
    terminal = open(  # noqa: SIM115 - lives as sys.stderr until restored
        terminal_fd, "w", encoding=sys.stderr.encoding or "utf-8", errors="backslashreplace",
        buffering=1, closefd=False,
    )  # fmt: skip
    previous = sys.stderr
    os.dup2(native.fileno(), 2)
    sys.stderr = terminal
    faulthandler.enable(file=terminal)  # a fatal error must still be seen

    def restore() -> None:
        sys.stderr.flush()
        os.dup2(terminal_fd, 2)
        sys.stderr = previous
        faulthandler.disable()
        native.seek(0)
        text = native.read(20_000).decode("utf-8", errors="replace").strip()
        native.close()
        os.close(terminal_fd)
        if text:
            logging.getLogger("hoso.libraries").info("library messages on stderr:\n%s", text)

    return restore
