"""Run under a real X server (xvfb-run, xcb): drag the last page thumbnail onto the first with
the mouse and print the rows' order. The offscreen platform has no drag and drop at all."""

from __future__ import annotations

import json
import sys

from PySide6.QtTest import QTest

from ui.pages.scan_page import THUMB_SIZE, _PageList
from ui.qt import QtCore, QtGui, QtWidgets

LEFT = QtCore.Qt.MouseButton.LeftButton
NO_KEYS = QtCore.Qt.KeyboardModifier.NoModifier


def main() -> int:
    app = QtWidgets.QApplication(sys.argv[:1])
    pages = _PageList()
    pixmap = QtGui.QPixmap(THUMB_SIZE * 3 // 4, THUMB_SIZE)
    pixmap.fill(QtGui.QColor("lightgray"))
    for name in ("a", "b", "c"):
        item = QtWidgets.QListWidgetItem(name)
        item.setIcon(QtGui.QIcon(pixmap))
        pages.add_page(item)
    signals: list[list[str]] = []
    pages.reordered.connect(lambda: signals.append(rows(pages)))
    pages.resize(700, 400)
    pages.show()
    QTest.qWaitForWindowExposed(pages)
    window, viewport = pages.windowHandle(), pages.viewport()
    first = pages.visualItemRect(pages.item(0))
    start = viewport.mapTo(pages, pages.visualItemRect(pages.item(2)).center())
    end = viewport.mapTo(pages, QtCore.QPoint(first.left() + 4, first.center().y()))

    def finish_drag() -> None:  # runs inside the drag's own event loop
        for step in range(1, 21):
            QTest.mouseMove(window, start + (end - start) * (step / 20))
            QTest.qWait(10)
        QTest.mouseRelease(window, LEFT, NO_KEYS, end)

    QtCore.QTimer.singleShot(100, finish_drag)
    QTest.mousePress(window, LEFT, NO_KEYS, start)
    for dx in (5, 10, 20, 30):  # past the drag distance: the view starts the drag
        QTest.mouseMove(window, start - QtCore.QPoint(dx, 0))
    QTest.qWait(500)
    print(json.dumps({"rows": rows(pages), "signals": signals}))
    app.quit()
    return 0


def rows(pages: _PageList) -> list[str]:
    return [pages.item(row).text() for row in range(pages.count())]


if __name__ == "__main__":
    sys.exit(main())
