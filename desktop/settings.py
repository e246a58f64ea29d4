"""Settings, declared once with type and default (ARCHITECTURE.md rule 7).

Stored with QSettings in an INI file of the user's data folder; values are JSON-encoded so
lists and booleans come back with their type on every platform.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, NamedTuple

from common.i18n import N_


class Option(NamedTuple):  # not a dataclass: ~0.8 ms less start-up
    name: str
    type: type
    default: Any
    description: str


OPTIONS: tuple[Option, ...] = (
    Option("language", str, "vi", N_("Language of the app (vi or en)")),
    Option("dossier_root", str, "", N_("Folder where new dossiers are created")),
    # the national portal serves every province; a user picks a province's portal in the settings
    Option("default_portal", str, "national", N_("Portal profile used for export")),
    Option(
        "commune_agency",
        str,
        "",
        N_("Your commune's People's Committee, receiving commune-level dossiers"),
    ),
    Option("recent_dossiers", list, [], N_("Recently opened dossiers")),
    Option("tsa_urls", list, [], N_("Timestamp servers (RFC 3161)")),
    Option("pkcs11_modules", list, [], N_("Extra PKCS#11 modules for USB tokens")),
    Option(
        "trusted_certificates", list, [], N_("Trusted root certificates for checking signatures")
    ),
    Option("clerk_mode", bool, False, N_("Clerk mode (many citizens a day)")),
    Option("scanner_device", str, "", N_("Scanner device (SANE name; empty: the first one)")),
    Option("window_maximized", bool, False, N_("Main window maximised")),
    Option("forms_zoom_percent", int, 100, N_("Zoom of the forms page, in percent")),
)
_BY_NAME = {option.name: option for option in OPTIONS}
MAX_RECENT = 10


class Settings:
    def __init__(self, path: Path) -> None:
        from PySide6.QtCore import QSettings

        self.path = path
        self._store = QSettings(str(path), QSettings.Format.IniFormat)

    def get(self, name: str) -> Any:
        option = _BY_NAME[name]
        raw = self._store.value(name)
        if raw is None:
            return option.default
        try:
            value = json.loads(str(raw))
        except ValueError:
            return option.default
        return value if isinstance(value, option.type) else option.default

    def set(self, name: str, value: Any) -> None:
        option = _BY_NAME[name]
        if not isinstance(value, option.type):
            raise TypeError(f"setting {name} expects {option.type.__name__}")
        self._store.setValue(name, json.dumps(value, ensure_ascii=False))
        self._store.sync()

    def add_recent(self, folder: Path) -> None:
        recent = [p for p in self.get("recent_dossiers") if p != str(folder)]
        self.set("recent_dossiers", [str(folder), *recent][:MAX_RECENT])


def load_settings() -> Settings:
    from desktop.paths import data_dir

    return Settings(data_dir() / "settings.ini")
