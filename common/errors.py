"""The one family of errors the core raises.

Every message is meant for a person: it is already translated (see common.i18n) and names the
file concerned. The CLI maps these to exit code 1, the GUI shows them in the error dialog.
"""

from __future__ import annotations

from pathlib import Path


class HosoError(Exception):
    """Base of every error the app expects and can explain to the user."""

    exit_code = 1

    def __init__(
        self, message: str, *, path: str | Path | None = None, details: str | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = Path(path) if path is not None else None
        self.details = details

    def user_message(self) -> str:
        """One line: the file (when known) and what is wrong with it."""
        if self.path is not None:
            return f"{self.path}: {self.message}"
        return self.message


class InputError(HosoError):
    """A file or value given by the user cannot be used (unreadable, malformed, too large...)."""


class ValidationError(InputError):
    """A data file does not follow its schema (unknown key, wrong type, missing field)."""


class CancelledError(HosoError):
    """The user pressed Cancel; nothing was written."""


class OutputError(HosoError):
    """A result could not be written (disk full, no permission); nothing is left half-written."""
