"""Qt's own texts in Vietnamese: standard buttons, message boxes, file and print dialogs.

PySide6 ships no `qtbase_vi.qm`, so Qt's dialogs showed "Yes", "Cancel", "Save As" and "%1
already exists. Do you want to replace it?" in English. The translations live in
resources/translations/vi/qt/qtbase.ts (Qt's context names, e.g. QPlatformTheme for the standard
buttons) and are served by a QTranslator that follows the app's language (common.i18n), so a
test switching the language sees Qt switch too. The file is read on the first text Qt asks for.
"""

from __future__ import annotations

import re
from pathlib import Path

from common import i18n
from ui.qt import QtCore, QtWidgets

# the contexts of qtbase.ts (a test keeps them equal): Qt asks for others too (QGuiApplication's
# layout direction as soon as a translator is installed), and those must not load the file
CONTEXTS = frozenset(
    {
        "QAbstractFileIconProvider",
        "QAbstractSpinBox",
        "QCupsJobWidget",
        "QCupsPrinterSupport",
        "QDialogButtonBox",
        "QFileDialog",
        "QFileSystemModel",
        "QGnomeTheme",
        "QInputDialog",
        "QLineEdit",
        "QMessageBox",
        "QPageSetupWidget",
        "QPlatformTheme",
        "QPrintDialog",
        "QPrintPropertiesDialog",
        "QPrintPropertiesWidget",
        "QPrintSettingsOutput",
        "QPrintWidget",
        "QTabBar",
        "QWidgetTextControl",
    }
)


def qt_catalog_path(language: str) -> Path:
    return i18n.translations_dir(language) / "qt" / "qtbase.ts"


_CONTEXT = re.compile(r"<context>\s*<name>(.*?)</name>(.*?)</context>", re.S)


def read_contexts(path: Path) -> dict[tuple[str, str], str]:
    """(context, source) -> translation of a Qt Linguist file, read with common.i18n's fast
    reader per context (no XML parser import: Qt asks for a text while the window is built)."""
    table: dict[tuple[str, str], str] = {}
    if not path.is_file():
        return table
    for context in _CONTEXT.finditer(path.read_text(encoding="utf-8")):
        name, body = context.groups()
        for source, translation in i18n.read_ts_text(body).items():
            table[(name, source)] = translation
    return table


class QtTranslator(QtCore.QTranslator):
    """Translates Qt's contexts from the catalog of the app's current language."""

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._tables: dict[str, dict[tuple[str, str], str]] = {}

    def table(self, language: str) -> dict[tuple[str, str], str]:
        if language not in self._tables:
            self._tables[language] = read_contexts(qt_catalog_path(language))
        return self._tables[language]

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        """None (a null string for Qt: "not here"), never "": an empty text would blank Qt's."""
        language = i18n.current_language()
        if language == "en" or context not in CONTEXTS:
            return None
        return self.table(language).get((context, source))

    def isEmpty(self) -> bool:
        return False


def install_qt_translations(app: QtCore.QCoreApplication | None = None) -> QtTranslator:
    """Install the translator once per application (later calls return the same one)."""
    app = app or QtWidgets.QApplication.instance()
    existing = app.findChild(QtTranslator)
    if existing is not None:
        return existing
    translator = QtTranslator(app)  # a child of the application: lives as long as it does
    app.installTranslator(translator)
    return translator
