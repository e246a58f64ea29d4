"""The one place the GUI imports PySide6 from (ARCHITECTURE.md rule 10).

`Qt` (the namespace of about a hundred enums) is created by PySide on first use, which costs
about 15 ms; the start-up path (main window, start page) avoids it so the window shows sooner.
It is still importable from here: `from ui.qt import Qt` creates it then.
"""

import sys

from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import Signal, Slot

__all__ = ["QtCore", "QtGui", "QtWidgets", "Signal", "Slot", "print_support"]

# Item data roles as plain ints (item views take an int role): no `Qt` needed at start-up.
USER_ROLE = 0x0100  # Qt.ItemDataRole.UserRole
ACCESSIBLE_DESCRIPTION_ROLE = 12  # Qt.ItemDataRole.AccessibleDescriptionRole


def __getattr__(name: str):
    if name == "Qt":
        return QtCore.Qt
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _check_sources_by_reading_files() -> None:
    """Make PySide's per-module check cheap (same answer, found faster).

    PySide asks of every module imported after it whether its source mentions "PySide6" (for
    `from __feature__ import ...`, which the app does not use). It asks inspect.getsource,
    which walks all of sys.modules for each module: about 0.6 ms a module, 7 ms of the
    window's start-up. Reading the file answers the same question. Modules without a .py
    file (the bundle) keep PySide's own check.
    """
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None or getattr(original, "original", None) is not None:
        return

    def uses_pyside(module) -> bool:
        path = getattr(module, "__file__", None)
        if not (isinstance(path, str) and path.endswith(".py")):
            return original(module)
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return original(module)

    uses_pyside.original = original
    feature._mod_uses_pyside = uses_pyside


_check_sources_by_reading_files()


def print_support():
    """QtPrintSupport, imported on first use (printing is rare; start-up stays fast)."""
    from PySide6 import QtPrintSupport

    return QtPrintSupport
