"""The one place the GUI imports PySide6 from (ARCHITECTURE.md rule 10)."""

from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import Qt, Signal, Slot

__all__ = ["Qt", "QtCore", "QtGui", "QtWidgets", "Signal", "Slot", "print_support"]


def print_support():
    """QtPrintSupport, imported on first use (printing is rare; start-up stays fast)."""
    from PySide6 import QtPrintSupport

    return QtPrintSupport
