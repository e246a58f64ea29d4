"""Register the bundled UI font so the app looks the same everywhere (full Vietnamese)."""

from __future__ import annotations

import logging

from common.resources import resource_path
from ui.qt import QtGui, QtWidgets

log = logging.getLogger("hoso.ui")

UI_FONT_FILES = ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf")


def register_ui_font(app: QtWidgets.QApplication, point_size: float = 10.0) -> str | None:
    family = None
    for name in UI_FONT_FILES:
        font_id = QtGui.QFontDatabase.addApplicationFont(str(resource_path("fonts", name)))
        if font_id < 0:
            log.warning("could not load font %s", name)
            continue
        families = QtGui.QFontDatabase.applicationFontFamilies(font_id)
        family = family or (families[0] if families else None)
    if family:
        font = QtGui.QFont(family)
        font.setPointSizeF(point_size)
        app.setFont(font)
    return family
