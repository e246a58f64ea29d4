"""Child process of test_none_refcount.py: calls each Qt binding call the app makes on its paint
and event paths many times and prints how `sys.getrefcount` of None, True and False moved, one
JSON line a call.

PySide6-Essentials 6.12.0 on CPython 3.11 loses one reference to `None` on most QPainter calls
and on `processEvents()`; when the count reaches zero the process dies (`Fatal Python error:
none_dealloc`). Python 3.12+ makes `None` immortal, so there the counts do not move at all.

Usage: python tests/ui/none_probe.py [CALLS]   (QT_QPA_PLATFORM=offscreen)
Run it with any venv's python to check a binding version before allowing it in pyproject.toml.
"""

from __future__ import annotations

import gc
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

DEFAULT_CALLS = 2000
WARM_UP = 50
# extra references to the singletons, so that a leaking binding is measured instead of killing
# the probe (6.12.0 also loses references to True and False on some calls)
SINGLETONS = {"None": None, "True": True, "False": False}
_BALLAST: list[object] = [None, True, False] * 200_000


def counts() -> dict[str, int]:
    return {name: sys.getrefcount(value) for name, value in SINGLETONS.items()}


def measure(call: Callable[[], object], calls: int) -> dict[str, int]:
    """Reference drift of None, True and False over `calls` calls (negative: lost)."""
    for _ in range(WARM_UP):
        call()
    gc.collect()
    gc.disable()  # a collection freeing objects that point to None would look like a loss
    try:
        before = counts()
        for _ in range(calls):
            call()
        after = counts()
    finally:
        gc.enable()
    drift = {name: after[name] - before[name] for name in SINGLETONS}
    for name, lost in drift.items():
        if lost < 0:  # repay: the next call starts as safe
            _BALLAST.extend([SINGLETONS[name]] * -lost)
    return drift


def painter_calls(QtCore, QtGui, target) -> dict[str, Callable[[], object]]:
    """The QPainter calls of ui/ (forms canvas, sign preview, corner magnifier, print)."""
    painter = QtGui.QPainter(target)
    image = QtGui.QImage(40, 30, QtGui.QImage.Format.Format_RGB32)
    image.fill(QtGui.QColor("white"))
    pixmap = QtGui.QPixmap.fromImage(image)
    rect, rect_f = QtCore.QRect(1, 1, 20, 10), QtCore.QRectF(1.5, 1.5, 20, 10)
    colour, pen = QtGui.QColor(200, 30, 30, 40), QtGui.QPen(QtGui.QColor("#2e7d32"), 1.5)
    polygon = QtGui.QPolygonF([QtCore.QPointF(0, 0), QtCore.QPointF(9, 0), QtCore.QPointF(5, 7)])
    font = QtGui.QFont("Liberation Serif")
    flags = int(QtCore.Qt.AlignmentFlag.AlignVCenter | QtCore.Qt.TextFlag.TextWordWrap)
    calls = {
        "QPainter.fillRect(QRectF, QColor)": lambda: painter.fillRect(rect_f, colour),
        "QPainter.fillRect(QRect, QColor)": lambda: painter.fillRect(rect, colour),
        "QPainter.fillRect(QRect, QBrush)": lambda: painter.fillRect(rect, QtGui.QBrush(colour)),
        "QPainter.drawRect(QRectF)": lambda: painter.drawRect(rect_f),
        "QPainter.drawRect(QRect)": lambda: painter.drawRect(rect),
        "QPainter.drawLine(int x4)": lambda: painter.drawLine(1, 0, 1, 20),
        "QPainter.drawImage(x, y, QImage)": lambda: painter.drawImage(0, 0, image),
        "QPainter.drawImage(QRect, QImage)": lambda: painter.drawImage(rect, image),
        "QPainter.drawPixmap(QRectF, QPixmap, QRectF)": lambda: painter.drawPixmap(
            rect_f, pixmap, QtCore.QRectF(pixmap.rect())
        ),
        "QPainter.drawEllipse(QRectF)": lambda: painter.drawEllipse(rect_f),
        "QPainter.drawPolygon(QPolygonF)": lambda: painter.drawPolygon(polygon),
        "QPainter.drawText(QRectF, flags, str)": lambda: painter.drawText(rect_f, flags, "Hồ sơ"),
        "QPainter.boundingRect(QRectF, flags, str)": lambda: painter.boundingRect(
            rect_f, flags, "Nguyễn Thị Hồng Nhung"
        ),
        "QPainter.setPen(QPen)": lambda: painter.setPen(pen),
        "QPainter.setFont(QFont)": lambda: painter.setFont(font),
        "QPainter.setRenderHint": lambda: painter.setRenderHint(
            QtGui.QPainter.RenderHint.SmoothPixmapTransform
        ),
    }
    return painter, calls


def conversion_calls(QtCore, QtGui) -> dict[str, Callable[[], object]]:
    """Image conversions of the scan, sign and corner-editor pages."""
    import numpy as np

    from ui.corner_editor import to_qimage

    array = np.full((60, 40, 3), 200, np.uint8)
    image = to_qimage(array)
    pixmap = QtGui.QPixmap.fromImage(image)
    smooth = QtCore.Qt.TransformationMode.SmoothTransformation
    keep = QtCore.Qt.AspectRatioMode.KeepAspectRatio
    return {
        "to_qimage(ndarray)": lambda: to_qimage(array),
        "QPixmap.fromImage": lambda: QtGui.QPixmap.fromImage(image),
        "QPixmap.scaled": lambda: pixmap.scaled(30, 30, keep, smooth),
        "QImage.scaled": lambda: image.scaled(30, 30, keep, smooth),
        "QImage.copy": lambda: image.copy(),
    }


def widget_calls(QtCore, QtGui, QtWidgets, app) -> dict[str, Callable[[], object]]:
    """Whole paint and event paths through the app's own widgets and Python slots."""
    from ui.page_canvas import PageCanvas
    from ui.page_preview import PagePreview
    from ui.widgets import ElidingComboBox

    class Emitter(QtCore.QObject):
        text = QtCore.Signal(str)
        value = QtCore.Signal(object)
        empty = QtCore.Signal()

    received: list[int] = [0]
    emitter = Emitter()
    emitter.text.connect(lambda text: received.__setitem__(0, len(text)))
    emitter.value.connect(lambda value: received.__setitem__(0, len(value)))
    emitter.empty.connect(lambda: received.__setitem__(0, 1))

    image = QtGui.QImage(300, 400, QtGui.QImage.Format.Format_RGB32)
    image.fill(QtGui.QColor("white"))
    canvas = PageCanvas()
    canvas.show_page(image, 1.0, [])
    canvas.show()
    preview = PagePreview()
    preview.resize(200, 280)
    preview.show()
    combo = ElidingComboBox()
    combo.addItems(["Tờ khai đăng ký khai sinh", "Giấy chứng sinh"])
    combo.show()
    scroll = QtWidgets.QScrollArea()
    label = QtWidgets.QLabel("Hồ sơ\n" * 400)
    scroll.setWidget(label)
    scroll.resize(200, 200)
    scroll.show()
    app.processEvents()

    def wheel() -> None:
        event = QtGui.QWheelEvent(
            QtCore.QPointF(50, 50), QtCore.QPointF(50, 50), QtCore.QPoint(0, 0),
            QtCore.QPoint(0, -120), QtCore.Qt.MouseButton.NoButton,
            QtCore.Qt.KeyboardModifier.NoModifier, QtCore.Qt.ScrollPhase.NoScrollPhase, False,
        )  # fmt: skip
        QtWidgets.QApplication.sendEvent(scroll.viewport(), event)

    return {
        "QApplication.processEvents": app.processEvents,
        "Signal(str).emit to a Python slot": lambda: emitter.text.emit("Hồ sơ"),
        "Signal(object).emit to a Python slot": lambda: emitter.value.emit({"a": 1}),
        "Signal().emit to a Python slot": emitter.empty.emit,
        "QTimer.singleShot + processEvents": lambda: (
            QtCore.QTimer.singleShot(0, lambda: None),
            app.processEvents(),
        ),
        "forms PageCanvas.repaint": canvas.repaint,
        "sign PagePreview.repaint": preview.repaint,
        "ElidingComboBox.repaint": combo.repaint,
        "QWheelEvent on a scroll area": wheel,
        "QWidget.grab": lambda: combo.grab(),
    }, (emitter, canvas, preview, combo, scroll, received)


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    calls = int(argv[0]) if argv else DEFAULT_CALLS
    from PySide6 import QtCore, QtGui, QtWidgets

    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication([])
    import PySide6

    print(json.dumps({"pyside6": PySide6.__version__, "python": sys.version.split()[0]}))
    target = QtGui.QImage(200, 200, QtGui.QImage.Format.Format_ARGB32_Premultiplied)
    painter, paint = painter_calls(QtCore, QtGui, target)
    results = {name: measure(call, calls) for name, call in paint.items()}
    painter.end()
    results.update({n: measure(c, calls) for n, c in conversion_calls(QtCore, QtGui).items()})
    widget, _alive = widget_calls(QtCore, QtGui, QtWidgets, app)
    results.update({name: measure(call, calls) for name, call in widget.items()})
    for name, drift in results.items():
        line = {"call": name, "calls": calls, "drift": drift["None"], "singletons": drift}
        print(json.dumps(line, ensure_ascii=False))
    sys.stdout.flush()
    # no finalisation: freeing the ballast would free the references a leaking binding lost
    os._exit(0)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
