"""Keyboard-first operation: fixed shortcuts on buttons, and the list of a page's shortcuts.

A button's shortcut (WindowShortcut context) is only active while the button is visible, so
each page can use the same keys as another page: only the page on screen answers. Mnemonics
(`&` in a text) give Alt+letter; labels with a buddy move the focus to their field.
"""

from __future__ import annotations

from ui.qt import QtCore, QtGui, QtWidgets


def plain(text: str) -> str:
    """A widget text without its mnemonic marks ("&&" stays one "&")."""
    return text.replace("&&", "\x00").replace("&", "").replace("\x00", "&")


def literal(text: str) -> str:
    """A text shown as written in an action or button: each '&' doubled, so Qt does not take
    "Package & submit" for a mnemonic on the space (drawn as "Package _submit")."""
    return text.replace("&", "&&")


def key_text(sequence: QtGui.QKeySequence) -> str:
    # the format looked up here, not at import: QKeySequence's enums cost 1.5 ms of start-up
    return sequence.toString(QtGui.QKeySequence.SequenceFormat.NativeText)


def set_shortcut(target: QtCore.QObject, key: str) -> None:
    """`target.setShortcut(key)` for a button or an action, through its Qt property: PySide's
    setShortcut overloads create the `Qt` enum namespace, which start-up avoids (ui/qt.py)."""
    target.setProperty("shortcut", QtGui.QKeySequence(key))


def bind_key(button: QtWidgets.QAbstractButton, key: str) -> None:
    set_shortcut(button, key)
    label = button.toolTip() or plain(button.text()) or button.accessibleName()
    button.setToolTip(f"{label} ({key_text(button.shortcut())})")


def mnemonic(text: str) -> str | None:
    """The letter after a single '&', upper case (None when the text has none)."""
    index = 0
    while True:
        index = text.find("&", index)
        if index < 0 or index + 1 >= len(text):
            return None
        if text[index + 1] == "&":
            index += 2
            continue
        return text[index + 1].upper()


def widget_shortcuts(
    root: QtWidgets.QWidget, extra: list[tuple[QtGui.QShortcut, str]] = ()
) -> list[tuple[str, str]]:
    """(key, description) of the buttons, label buddies and listed shortcuts under `root`."""
    found: list[tuple[str, str]] = []
    for button in root.findChildren(QtWidgets.QAbstractButton):
        if not button.shortcut().isEmpty():
            name = plain(button.text()) or button.accessibleName() or button.toolTip()
            found.append((key_text(button.shortcut()), name))
    for label in root.findChildren(QtWidgets.QLabel):
        letter = mnemonic(label.text())
        if letter and label.buddy() is not None:
            found.append((key_text(QtGui.QKeySequence(f"Alt+{letter}")), plain(label.text())))
    for shortcut, description in extra:
        found.append((key_text(shortcut.key()), description))
    unique = dict.fromkeys(found)
    return list(unique)
