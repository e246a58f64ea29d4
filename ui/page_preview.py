"""A page of a PDF shown to fit its room, with a box to drag for the signature stamp (sign page)."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from common.i18n import _
from ui.qt import Qt, QtCore, QtGui, QtWidgets, Signal

PREVIEW_MIN_WIDTH = 160  # at least (it grows): the sign step fits 853x683 (1280x1024 at 150 %)
PREVIEW_HINT_WIDTH = 320
PREVIEW_RENDER_WIDTH = 900  # pixels the page is rendered at, then scaled to the preview


class PagePreview(QtWidgets.QWidget):
    """A page of a PDF, scaled to fit the room it gets; drag a box with the mouse to place
    the stamp (kept in PDF points, so a resize does not move it)."""

    box_changed = Signal(object)  # (x1, y1, x2, y2) in points, or None

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(PREVIEW_MIN_WIDTH, int(PREVIEW_MIN_WIDTH * 1.414))
        self.setSizePolicy(
            QtWidgets.QSizePolicy.Policy.Expanding, QtWidgets.QSizePolicy.Policy.Expanding
        )
        self.setAccessibleName(_("Page preview: drag a box to place the signature"))
        self._pixmap: QtGui.QPixmap | None = None
        self._page_size = QtCore.QSizeF(595.0, 842.0)  # points
        self._drag_start: QtCore.QPointF | None = None
        self._drag_end: QtCore.QPointF | None = None
        self._box: tuple[float, float, float, float] | None = None  # points
        self._default_box: tuple[float, float, float, float] | None = None  # without a drag
        self._highlights: list[tuple[float, float, float, float]] = []  # points, changed places
        self.interactive = True  # False: a page to look at, no box to drag

    def sizeHint(self) -> QtCore.QSize:
        return QtCore.QSize(PREVIEW_HINT_WIDTH, int(PREVIEW_HINT_WIDTH * 1.414))

    def show_page(self, pdf: Path | None, page_index: int) -> int:
        """Render page `page_index` (0-based, -1 = last) here and show it; returns the page
        count. The sign page renders in the background (render_page) and calls show_rendered."""
        return self.show_rendered(render_page(pdf, page_index) if pdf is not None else None)

    def show_rendered(self, rendered: RenderedPdfPage | None) -> int:
        """Show a page rendered by render_page (None: nothing); returns the page count."""
        self._pixmap, self._box, self._default_box = None, None, None
        if rendered is None or rendered.count == 0:
            self.update()
            return 0
        self._page_size = QtCore.QSizeF(*rendered.size)
        self._pixmap = QtGui.QPixmap.fromImage(rendered.image)
        self._default_box = rendered.default_box
        self.update()
        return rendered.count

    def page_rect(self) -> QtCore.QRectF:
        """Where the page is drawn: as large as fits, centred left to right, at the top."""
        scale = self.pixels_per_point()
        width, height = self._page_size.width() * scale, self._page_size.height() * scale
        return QtCore.QRectF((self.width() - width) / 2, 0, width, height)

    def pixels_per_point(self) -> float:
        return min(self.width() / self._page_size.width(), self.height() / self._page_size.height())

    def box_points(self) -> tuple[float, float, float, float] | None:
        return self._box

    def set_box_points(self, box: tuple[float, float, float, float] | None) -> None:
        self._box = box
        self.update()

    def _to_points(self, rect: QtCore.QRectF) -> tuple[float, float, float, float]:
        page = self.page_rect()
        s = self.pixels_per_point()
        r = rect.normalized()
        height = self._page_size.height()
        return (
            round((r.left() - page.left()) / s, 1),
            round(height - (r.bottom() - page.top()) / s, 1),
            round((r.right() - page.left()) / s, 1),
            round(height - (r.top() - page.top()) / s, 1),
        )

    def _to_pixels(self, box: tuple[float, float, float, float]) -> QtCore.QRectF:
        x1, y1, x2, y2 = box
        page = self.page_rect()
        s = self.pixels_per_point()
        height = self._page_size.height()
        return QtCore.QRectF(
            QtCore.QPointF(page.left() + x1 * s, page.top() + (height - y2) * s),
            QtCore.QPointF(page.left() + x2 * s, page.top() + (height - y1) * s),
        )

    def set_highlights(self, boxes: list[tuple[float, float, float, float]]) -> None:
        """Mark places of the page (PDF points, origin bottom left), e.g. what changed."""
        self._highlights = list(boxes)
        self.update()

    def highlights(self) -> list[tuple[float, float, float, float]]:
        return list(self._highlights)

    def mousePressEvent(self, event: QtGui.QMouseEvent) -> None:
        if not self.interactive:
            return
        if self._pixmap is not None and event.button() == Qt.MouseButton.LeftButton:
            self._drag_start = self._drag_end = event.position()
            self.update()

    def mouseMoveEvent(self, event: QtGui.QMouseEvent) -> None:
        if self._drag_start is not None:
            self._drag_end = event.position()
            self.update()

    def mouseReleaseEvent(self, event: QtGui.QMouseEvent) -> None:
        if self._drag_start is None:
            return
        dragged = QtCore.QRectF(self._drag_start, event.position()).normalized()
        dragged = dragged.intersected(self.page_rect())  # the stamp stays on the page
        self._drag_start = self._drag_end = None
        if dragged.width() < 8 or dragged.height() < 8:
            self._box = None  # a click, not a drag: back to the default place
        else:
            self._box = self._to_points(dragged)
        self.update()
        self.box_changed.emit(self._box)

    def paintEvent(self, event: QtGui.QPaintEvent) -> None:
        painter = QtGui.QPainter(self)
        painter.fillRect(self.rect(), self.palette().window())
        if self._pixmap is None:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, _("No page to show"))
            return
        painter.setRenderHint(QtGui.QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawPixmap(self.page_rect(), self._pixmap, QtCore.QRectF(self._pixmap.rect()))
        if self._drag_start is not None and self._drag_end is not None:
            box_px: QtCore.QRectF | None = QtCore.QRectF(self._drag_start, self._drag_end)
        else:
            box_px = None if self._box is None else self._to_pixels(self._box)
        if self._highlights:
            painter.setPen(QtGui.QPen(QtGui.QColor(230, 120, 0), 2))
            for mark in self._highlights:
                painter.drawRect(self._to_pixels(mark))
        if box_px is None and self._default_box is not None:
            painter.setPen(QtGui.QPen(QtGui.QColor(120, 120, 120), 1, Qt.PenStyle.DotLine))
            painter.drawRect(self._to_pixels(self._default_box))
        if box_px is not None:
            pen = QtGui.QPen(QtGui.QColor(200, 30, 30), 2, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.fillRect(box_px.normalized(), QtGui.QColor(200, 30, 30, 40))
            painter.drawRect(box_px.normalized())


class RenderedPdfPage(NamedTuple):
    image: QtGui.QImage  # deep copy: safe to hand from a worker to the GUI thread
    size: tuple[float, float]  # the page in points
    count: int  # pages in the file
    last: bool  # the last page
    # where the stamp goes without a dragged box (signing's placement rule), if on this page
    default_box: tuple[float, float, float, float] | None = None


def render_page(pdf: Path, page_index: int) -> RenderedPdfPage | None:
    """Render one page for the preview (in a worker: PDF work never runs on the GUI thread)."""
    import pymupdf

    from ui.pdf_render import render_page_banded

    try:
        with pymupdf.open(pdf) as doc:
            count = doc.page_count
            if count == 0:
                return RenderedPdfPage(QtGui.QImage(), (0.0, 0.0), 0, False)
            index = page_index if 0 <= page_index < count else count - 1
            page = doc[index]
            zoom = PREVIEW_RENDER_WIDTH / page.rect.width  # sharp up to that width
            pix = render_page_banded(page, pymupdf.Matrix(zoom, zoom))  # GIL freed between bands
            image = QtGui.QImage(
                pix.samples, pix.width, pix.height, pix.stride, QtGui.QImage.Format.Format_RGB888
            ).copy()
            size = (page.rect.width, page.rect.height)
            default_box = _default_stamp_box(doc, index)
    except (RuntimeError, ValueError, IndexError):
        return None
    return RenderedPdfPage(image, size, count, index == count - 1, default_box)


def _default_stamp_box(doc, page_index: int) -> tuple[float, float, float, float] | None:
    """Where signing puts the stamp without a dragged box (under the form's signature caption,
    see signing.placement), in PDF points, when that is on the page shown."""
    from signing import find_stamp_place

    try:
        earlier = sum(1 for page in doc for w in page.widgets() or () if w.field_type == 6)
        found = find_stamp_place(doc, earlier)
    except (RuntimeError, ValueError, IndexError):
        return None
    if found is None or found[0] != page_index:
        return None
    x0, y0, x1, y1 = found[1]
    height = doc[page_index].rect.height
    return x0, height - y1, x1, height - y0
