"""Where the app keeps the user's data: QStandardPaths, overridable with HOSO_DATA_DIR.

Layout of the data folder: profiles/ (citizen profiles), logs/ (rotating log), catalog/ (an
imported catalog that replaces the built-in one), trust/ (certificates the user trusts).
The default dossier root is "<Documents>/Hồ sơ số".
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

from common.fsutil import make_private_dir

APP_NAME = "Hồ sơ số"
ORG_NAME = "hoso"


@cache
def _qt_location(kind: str) -> Path | None:
    try:
        from PySide6.QtCore import QCoreApplication, QStandardPaths
    except ImportError:  # pragma: no cover - PySide6 is a dependency
        return None
    if not QCoreApplication.applicationName() or QCoreApplication.applicationName() == "python":
        QCoreApplication.setOrganizationName(ORG_NAME)
        QCoreApplication.setApplicationName("hoso")
    location = getattr(QStandardPaths.StandardLocation, kind)
    value = QStandardPaths.writableLocation(location)
    return Path(value) if value else None


def data_dir() -> Path:
    override = os.environ.get("HOSO_DATA_DIR")
    base = (
        Path(override) if override else (_qt_location("AppDataLocation") or Path.home() / ".hoso")
    )
    return make_private_dir(base)


def subdir(name: str) -> Path:
    return make_private_dir(data_dir() / name)


def profiles_dir() -> Path:
    return subdir("profiles")


def logs_dir() -> Path:
    return subdir("logs")


def default_dossier_root() -> Path:
    override = os.environ.get("HOSO_DOSSIER_ROOT")
    if override:
        return Path(override)
    documents = _qt_location("DocumentsLocation") or Path.home()
    return documents / APP_NAME
