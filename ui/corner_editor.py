"""Manual corner editing: four draggable handles over the photo, with a magnifier."""

from __future__ import annotations

from typing import TYPE_CHECKING

from common.i18n import _
from dossier import actions
from ui.qt import Qt, QtCore, QtGui, QtWidgets

HANDLE_RADIUS = 9
MAGNIFIER_SIZE = 160
MAGNIFIER_ZOOM = 4

if TYPE_CHECKING:  # numpy is imported when a picture is shown: not while the scan page is made,
    import numpy as np  # when a worker may be importing it for OpenCV (the GUI waited 0.5-1 s)


def to_qimage(image: np.ndarray) -> QtGui.QImage:
    """A deep-copied QImage of an RGB or grey uint8 array."""
    import numpy as np

    image = np.ascontiguousarray(image)
    height, width = image.shape[:2]
    if image.ndim == 2:
        view = QtGui.QImage(image.data, width, height, width, QtGui.QImage.Format.Format_Grayscale8)
    else:
        view = QtGui.QImage(image.data, width, height, 3 * width, QtGui.QImage.Format.Format_RGB888)
    return view.copy()


class _Handle(QtWidgets.QGraphicsEllipseItem):
    def __init__(self, editor: CornerEditor, index: int) -> None:
        r = HANDLE_RADIUS
        super().__init__(-r, -r, 2 * r, 2 * r)
        self.editor = editor
        self.index = index
        self.setBrush(QtGui.QColor(0, 120, 215, 120))
        self.setPen(QtGui.QPen(QtGui.QColor("white"), 2))
        self.setFlag(QtWidgets.QGraphicsItem.GraphicsItemFlag.ItemIsMovable, True)
        self.setFlag(QtWidgets.QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges, True)
        self.setFlag(QtWidgets.QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
        self.setCursor(Qt.CursorShape.SizeAllCursor)
        self.setZValue(2)

    def itemChange(self, change, value):
        if change == QtWidgets.QGraphicsItem.GraphicsItemChange.ItemPositionChange:
            rect = self.editor.image_rect
            value = QtCore.QPointF(
                min(max(value.x(), rect.left()), rect.right()),
                min(max(value.y(), rect.top()), rect.bottom()),
            )
        elif change == QtWidgets.QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged:
            self.editor.handle_moved(self.index)
        return super().itemChange(change, value)


class CornerEditor(QtWidgets.QDialog):
    """Shows a (reduced) photo; returns the corners in pixels of the full-size photo."""

    def __init__(
        self,
        image: np.ndarray,
        quad: list[list[float]],
        scale: float = 1.0,
        parent: QtWidgets.QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Adjust the corners"))
        self.scale = scale  # displayed pixels per full-size pixel
        self.image = image
        self.scene = QtWidgets.QGraphicsScene(self)
        pixmap = QtGui.QPixmap.fromImage(to_qimage(image))
        self.scene.addPixmap(pixmap)
        self.image_rect = QtCore.QRectF(0, 0, pixmap.width(), pixmap.height())
        self.outline = self.scene.addPolygon(
            QtGui.QPolygonF(), QtGui.QPen(QtGui.QColor(0, 120, 215), 2)
        )
        self.outline.setZValue(1)
        self.handles = []
        for index in range(4):
            handle = _Handle(self, index)
            self.scene.addItem(handle)
            self.handles.append(handle)
        self.view = QtWidgets.QGraphicsView(self.scene)
        self.view.setRenderHint(QtGui.QPainter.RenderHint.SmoothPixmapTransform)
        self.view.setAccessibleName(_("Photo with the four corners of the document"))
        self.magnifier = QtWidgets.QLabel()
        self.magnifier.setFixedSize(MAGNIFIER_SIZE, MAGNIFIER_SIZE)
        self.magnifier.setAccessibleName(_("Magnified view of the corner being moved"))
        self.magnifier.setFrameShape(QtWidgets.QFrame.Shape.Box)
        hint = QtWidgets.QLabel(_("Drag the four blue handles onto the corners of the document."))
        hint.setWordWrap(True)
        buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        self.reset_button = buttons.addButton(
            _("Whole photo"), QtWidgets.QDialogButtonBox.ButtonRole.ResetRole
        )
        self.reset_button.clicked.connect(self.use_whole_image)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        side = QtWidgets.QVBoxLayout()
        side.addWidget(self.magnifier)
        side.addWidget(hint)
        side.addStretch(1)
        body = QtWidgets.QHBoxLayout()
        body.addWidget(self.view, 1)
        body.addLayout(side)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(buttons)
        self.resize(900, 700)
        self.set_quad(quad)

    def set_quad(self, quad: list[list[float]]) -> None:
        for handle, (x, y) in zip(self.handles, quad, strict=True):
            handle.setPos(x * self.scale, y * self.scale)
        self._update_outline()

    def quad(self) -> list[list[float]]:
        """Corners TL, TR, BR, BL in full-size pixels."""
        return [[h.pos().x() / self.scale, h.pos().y() / self.scale] for h in self.handles]

    def use_whole_image(self) -> None:
        w, h = self.image_rect.width() / self.scale, self.image_rect.height() / self.scale
        self.set_quad([[0, 0], [w, 0], [w, h], [0, h]])

    def handle_moved(self, index: int) -> None:
        self._update_outline()
        self._update_magnifier(self.handles[index].pos())

    def _update_outline(self) -> None:
        self.outline.setPolygon(QtGui.QPolygonF([h.pos() for h in self.handles]))

    def _update_magnifier(self, point: QtCore.QPointF) -> None:
        half = MAGNIFIER_SIZE // (2 * MAGNIFIER_ZOOM)
        x, y = int(point.x()), int(point.y())
        import numpy as np

        padded = np.pad(self.image, ((half, half), (half, half), (0, 0))[: self.image.ndim])
        crop = padded[y : y + 2 * half, x : x + 2 * half]
        if crop.size == 0:
            return
        pixmap = QtGui.QPixmap.fromImage(to_qimage(crop)).scaled(
            MAGNIFIER_SIZE, MAGNIFIER_SIZE, Qt.AspectRatioMode.KeepAspectRatio
        )
        painter = QtGui.QPainter(pixmap)
        painter.setPen(QtGui.QPen(QtGui.QColor(0, 120, 215), 1))
        centre = MAGNIFIER_SIZE // 2
        painter.drawLine(centre, 0, centre, MAGNIFIER_SIZE)
        painter.drawLine(0, centre, MAGNIFIER_SIZE, centre)
        painter.end()
        self.magnifier.setPixmap(pixmap)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.view.fitInView(self.image_rect, Qt.AspectRatioMode.KeepAspectRatio)


class CornerEditing:
    """The scan page's "Corners…": the photo loaded in the background, the editor opened
    (one at a time: the last one held its photo), the corners applied as a page edit. A mixin
    of ScanPage (needs selected_files, session, _run, _edit)."""

    def edit_corners(self) -> None:
        items = self.selected_files()
        if not items or self.session is None:
            return
        item = items[0]
        path = self.session.workspace.original_path(item)
        steps = list(item.steps)

        def load(progress, cancel):
            import cv2

            from scanning import full_frame, load_page, options_from_steps

            index, options, _skew = options_from_steps(steps)
            image = load_page(path, index=index).image
            height, width = image.shape[:2]
            scale = min(1.0, 1400 / max(height, width))
            small = cv2.resize(image, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
            quad = options.quad or full_frame(width, height).tolist()
            return small, [list(p) for p in quad], scale

        self._run(load, lambda loaded: self._open_corner_editor(item.id, *loaded), _("Opening"))

    def _open_corner_editor(self, file_id: str, image, quad, scale) -> None:
        from ui.corner_editor import CornerEditor

        if getattr(self, "corner_editor", None) is not None:
            self.corner_editor.deleteLater()  # the last one held its photo (soak, issue 12)
        self.corner_editor = CornerEditor(image, quad, scale, self)
        self.corner_editor.accepted.connect(lambda: self._corners_accepted(file_id))
        self.corner_editor.open()

    def _corners_accepted(self, file_id: str) -> None:
        if self.session is None:
            return
        if self.session.dossier.find_file(file_id) is None:
            return
        quad = tuple((float(x), float(y)) for x, y in self.corner_editor.quad())
        self._edit([file_id], actions.SetQuad(quad))
