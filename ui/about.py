"""Text of the About box."""

from __future__ import annotations

import platform
from importlib import metadata

from common.i18n import _


def app_version() -> str:
    try:
        return metadata.version("hoso")
    except metadata.PackageNotFoundError:
        return "0+unknown"


def about_text() -> str:
    from PySide6 import __version__ as pyside_version

    return "\n".join(
        [
            _("Hồ sơ số {version}").format(version=app_version()),
            _("Prepares the files of online public-service dossiers, offline."),
            "",
            f"Python {platform.python_version()} · PySide6 {pyside_version}",
            _("UI font: Noto Sans (SIL Open Font License 1.1)."),
        ]
    )
