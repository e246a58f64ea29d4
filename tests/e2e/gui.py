"""Driving the GUI like a person: typing (any script), clicking, waiting, screenshots.

Vietnamese is typed one character at a time with QKeyEvent(text=ch): qtbot.keyClicks with a
non-ASCII character aborts the process (STACK.md). Screenshots go to docs/screenshots/<lang>/
only when HOSO_WRITE_SCREENSHOTS=1; otherwise they are grabbed and checked, never written.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from tests.conftest import ROOT
from ui.qt import QtCore, QtGui, QtWidgets

Qt = QtCore.Qt
SCREENSHOTS = ROOT / "docs" / "screenshots"
MAX_SCREENSHOT_BYTES = 150_000
WAIT_MS = 90_000


def type_text(widget: QtWidgets.QWidget, text: str) -> None:
    """Type `text` into the focused widget, one key event per character."""
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    for char in text:
        for kind in (QtCore.QEvent.Type.KeyPress, QtCore.QEvent.Type.KeyRelease):
            event = QtGui.QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char)
            QtWidgets.QApplication.sendEvent(widget, event)


def commit_text(widget: QtWidgets.QWidget, text: str) -> None:
    """Text from an input method (Telex/VNI typing on a real keyboard ends as a commit)."""
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    event = QtGui.QInputMethodEvent()
    event.setCommitString(text)
    QtWidgets.QApplication.sendEvent(widget, event)


def click(qtbot, button: QtWidgets.QAbstractButton) -> None:
    assert button.isEnabled(), f"button disabled: {button.text()}"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def button_with_text(parent: QtWidgets.QWidget, text: str) -> QtWidgets.QPushButton:
    for button in parent.findChildren(QtWidgets.QPushButton):
        if button.text() == text:
            return button
    raise AssertionError(f"no button {text!r}")


def choose_data(combo: QtWidgets.QComboBox, predicate) -> None:
    """Pick the entry whose data satisfies `predicate`, as a user choosing in the list."""
    for index in range(combo.count()):
        if predicate(combo.itemData(index)):
            combo.setCurrentIndex(index)
            combo.activated.emit(index)
            return
    raise AssertionError(f"no such entry in {combo.accessibleName()!r}")


def assert_not_blank(image: QtGui.QImage) -> None:
    """A rendered window: many colours, no single colour covering nearly everything."""
    assert not image.isNull() and image.width() > 150 and image.height() > 60
    counts: dict[int, int] = {}
    step_x, step_y = max(1, image.width() // 60), max(1, image.height() // 60)
    for y in range(0, image.height(), step_y):
        for x in range(0, image.width(), step_x):
            rgb = image.pixel(x, y) & 0xFFFFFF
            counts[rgb] = counts.get(rgb, 0) + 1
    total = sum(counts.values())
    assert len(counts) >= 8, "screenshot has almost no colours"
    assert max(counts.values()) / total < 0.97, "screenshot is nearly one colour"


def settle(widget: QtWidgets.QWidget, quiet_s: float = 0.2, timeout_s: float = 10.0) -> None:
    """Wait until no background job has run for `quiet_s`: a screenshot then shows the window
    at rest, not the status bar's progress of a job just ending or just started by a timer
    (the dossier list reloads 150 ms after a dossier opens)."""
    from ui.jobs import running_jobs
    from ui.main_window import JobProgress

    def busy() -> bool:
        progress = widget.window().findChildren(JobProgress)
        return bool(running_jobs()) or any(p.isVisible() for p in progress)

    start = quiet_since = time.monotonic()
    while time.monotonic() - quiet_since < quiet_s and time.monotonic() - start < timeout_s:
        QtWidgets.QApplication.processEvents(QtCore.QEventLoop.ProcessEventsFlag.AllEvents, 20)
        QtCore.QThread.msleep(5)
        if busy():
            quiet_since = time.monotonic()


def screenshot(widget: QtWidgets.QWidget, lang: str, name: str) -> QtGui.QImage:
    """Grab `widget` as shown; write docs/screenshots/<lang>/<name>.png when asked to."""
    settle(widget)
    QtWidgets.QApplication.processEvents()
    widget.repaint()
    image = widget.grab().toImage().convertToFormat(QtGui.QImage.Format.Format_RGB32)
    assert_not_blank(image)
    if os.environ.get("HOSO_WRITE_SCREENSHOTS") == "1":
        write_png(image, SCREENSHOTS / lang / f"{name}.png")
    return image


def write_png(image: QtGui.QImage, target: Path) -> None:
    """PNG under ~150 KB: full colour when small enough, else a 256-colour palette."""
    target.parent.mkdir(parents=True, exist_ok=True)
    if image.width() > 1180:
        image = image.scaledToWidth(1180, Qt.TransformationMode.SmoothTransformation)
    assert image.save(str(target), "PNG", 9)
    if target.stat().st_size > MAX_SCREENSHOT_BYTES:
        from PIL import Image

        rgb = image.convertToFormat(QtGui.QImage.Format.Format_RGB888)
        pixels = Image.frombuffer("RGB", (rgb.width(), rgb.height()), bytes(rgb.constBits()),
                                  "raw", "RGB", rgb.bytesPerLine(), 1)  # fmt: skip
        palette = pixels.quantize(256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
        palette.save(target, optimize=True)


def wait_jobs_idle(qtbot) -> None:
    """Every background job has finished and its callbacks ran."""
    from ui.jobs import running_jobs

    qtbot.waitUntil(lambda: not running_jobs(), timeout=WAIT_MS)


def wait_for(qtbot, condition, errors: list, timeout: int = WAIT_MS) -> None:
    """Wait for `condition`; an error dialog shown meanwhile fails at once, with its text."""

    def ready() -> bool:
        if errors:
            dialog = errors[0]
            raise AssertionError(f"{dialog.message_label.text()}\n{dialog.details_text}")
        return bool(condition())

    qtbot.waitUntil(ready, timeout=timeout)
