"""A rendered page of a form: fields and blanks outlined, the values drawn (forms page)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from common.i18n import _
from ui.qt import Qt, QtCore, QtGui, QtWidgets, Signal

if TYPE_CHECKING:
    from forms import FormItem


@dataclass
class RenderedPage:
    image: QtGui.QImage
    dpi: float


def _render_pages(
    path: Path, dpi: float, password: str | None
) -> list[tuple[bytes, int, int, int]]:
    """Worker thread: every page as raw RGB samples (QImage is built on the GUI thread)."""
    import pymupdf

    from forms import open_pdf
    from ui.pdf_render import render_page_banded

    pages = []
    zoom = pymupdf.Matrix(dpi / 72.0, dpi / 72.0)
    with open_pdf(path, password) as opened:
        for page in opened.doc:
            pix = render_page_banded(page, zoom, annots=False)  # lets the window breathe
            pages.append((bytes(pix.samples), pix.width, pix.height, pix.stride))
    return pages


class PageCanvas(QtWidgets.QWidget):
    """One rendered page with the form's items outlined and their values drawn."""

    item_clicked = Signal(str)

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.image: QtGui.QImage | None = None
        self.scale = 1.0  # pixels per PDF point
        self.items: list[FormItem] = []
        self.values: dict[str, str] = {}
        self.selected: str | None = None
        self._layouts: dict[tuple[str, str], list | None] = {}
        self.setAccessibleName(_("Form page"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def show_page(self, image: QtGui.QImage | None, scale: float, items: list[FormItem]) -> None:
        self.image, self.scale, self.items = image, scale, items
        self.setFixedSize(image.size() if image is not None else QtCore.QSize(10, 10))
        self.update()

    def item_rect(self, item: FormItem) -> QtCore.QRectF:
        x0, y0, x1, y1 = item.rect
        s = self.scale
        return QtCore.QRectF(x0 * s, y0 * s, (x1 - x0) * s, (y1 - y0) * s)

    def item_at(self, point: QtCore.QPointF) -> FormItem | None:
        hits = [i for i in self.items if self.item_rect(i).adjusted(-2, -2, 2, 2).contains(point)]
        return min(hits, key=lambda i: self.item_rect(i).width(), default=None)

    def mousePressEvent(self, event: QtGui.QMouseEvent) -> None:
        item = self.item_at(event.position())
        if item is not None and item.fillable:
            self.item_clicked.emit(item.id)

    def _layout(self, item: FormItem, value: str):
        """Where the saved form writes the value (forms.value_layout), cached per value."""
        key = (item.id, value)
        if key not in self._layouts:
            from forms import value_layout

            if len(self._layouts) > 500:
                self._layouts.clear()
            self._layouts[key] = value_layout(item, value)
        return self._layouts[key]

    def _draw_as_filled(self, painter: QtGui.QPainter, font: QtGui.QFont, item, value) -> None:
        """A blank's value where and how the saved form has it (the preview is the output)."""
        pieces = self._layout(item, value)
        if pieces is None:  # too long for the blank: the saved form leaves it to write by hand
            painter.setPen(QtGui.QColor("#b71c1c"))
            painter.drawText(self.item_rect(item), Qt.AlignmentFlag.AlignCenter, "…")
            return
        s = self.scale
        for x, baseline, text, size in pieces:
            font.setPixelSize(max(4, round(size * s)))
            painter.setFont(font)
            metrics = QtGui.QFontMetricsF(font)
            area = QtCore.QRectF(x * s - 1, baseline * s - metrics.ascent(),
                                 metrics.horizontalAdvance(text) + 2, metrics.height())  # fmt: skip
            painter.fillRect(area, QtGui.QColor(255, 255, 255, 225))
            painter.setPen(QtGui.QColor("#0d1b5e"))
            painter.drawText(QtCore.QPointF(x * s, baseline * s), text)

    def paintEvent(self, event: QtGui.QPaintEvent) -> None:
        painter = QtGui.QPainter(self)
        if self.image is not None:
            painter.drawImage(0, 0, self.image)
        font = QtGui.QFont("Liberation Serif")
        for item in self.items:
            rect = self.item_rect(item)
            value = self.values.get(item.id, "")
            colour = QtGui.QColor(
                "#2e7d32" if value else "#f9a825" if item.kind == "field" else "#1565c0"
            )
            if item.id == self.selected:
                colour = QtGui.QColor("#d84315")
            painter.setPen(QtGui.QPen(colour, 1.5 if item.id == self.selected else 1.0))
            fill = QtGui.QColor(colour)
            fill.setAlpha(28)
            painter.fillRect(rect, fill)
            painter.drawRect(rect)
            if value and item.kind == "blank" and item.type not in ("checkbox", "radio"):
                self._draw_as_filled(painter, font, item, value)
            elif value and item.type not in ("checkbox", "radio"):
                size = max(6.0, min(rect.height() * 0.62, (item.font_size or 12) * self.scale))
                font.setPixelSize(round(size))
                painter.setFont(font)
                text_rect = rect.adjusted(2, 0, -2, 0)
                flags = Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap
                used = painter.boundingRect(text_rect, flags, value)
                painter.fillRect(used.intersected(rect), QtGui.QColor(255, 255, 255, 225))
                painter.setPen(QtGui.QColor("#0d1b5e"))
                painter.drawText(text_rect, flags, value)
            elif value:
                painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, "✓")
        painter.end()
