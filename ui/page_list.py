"""The scan page's list of page thumbnails (drag to reorder, drop files) and its size wording."""

from __future__ import annotations

from pathlib import Path

from common.i18n import _, format_number
from ui.qt import Qt, QtCore, QtWidgets

THUMB_SIZE = 140
MIB = 1024 * 1024
_preview_pool: QtCore.QThreadPool | None = None


def preview_pool() -> QtCore.QThreadPool:
    """Previews use all cores but one: the GUI thread keeps a core for itself (on a 2-core
    machine two busy preview workers stalled the window for over 100 ms at a time)."""
    global _preview_pool
    if _preview_pool is None:
        _preview_pool = QtCore.QThreadPool()
        _preview_pool.setMaxThreadCount(max(1, QtCore.QThread.idealThreadCount() - 1))
    return _preview_pool


def thumbnail_array(image):
    """The page shrunk to the list's icon size (worker thread: OpenCV, no Qt)."""
    import cv2

    height, width = image.shape[:2]
    scale = THUMB_SIZE / max(height, width)
    size = (max(1, round(width * scale)), max(1, round(height * scale)))
    return cv2.resize(image, size, interpolation=cv2.INTER_AREA)


class _ThumbnailDelegate(QtWidgets.QStyledItemDelegate):
    """Every thumbnail in a square of the list's icon size, drawn centred: the names line up
    under landscape pages (ID cards) as under portrait ones, right below the square. Qt sizes
    the decoration to each icon, which left a landscape page's name floating in a tall
    highlighted block."""

    def initStyleOption(self, option, index) -> None:
        super().initStyleOption(option, index)
        view = self.parent()
        if isinstance(view, QtWidgets.QAbstractItemView) and not option.icon.isNull():
            option.decorationSize = view.iconSize()


class _PageList(QtWidgets.QListWidget):
    """Thumbnails; internal drags reorder, dropped files are imported.

    A wrapping left-to-right list drawn like an icon view: in IconMode, Qt's internal drag only
    moves the icons on screen (rows never change order), so dragging could not reorder pages.
    `reordered` is emitted, once the drop is over, whenever rows moved."""

    files_dropped = QtCore.Signal(list)
    reordered = QtCore.Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setViewMode(QtWidgets.QListView.ViewMode.ListMode)
        self.setFlow(QtWidgets.QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setIconSize(QtCore.QSize(THUMB_SIZE, THUMB_SIZE))
        self.setGridSize(QtCore.QSize(THUMB_SIZE + 20, THUMB_SIZE + 40))
        self.setResizeMode(QtWidgets.QListView.ResizeMode.Adjust)
        self.setMovement(QtWidgets.QListView.Movement.Snap)
        self.setDragDropMode(QtWidgets.QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setAcceptDrops(True)
        self.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setItemDelegate(_ThumbnailDelegate(self))
        # queued: the page rebuilds the list, which must wait until the view's drop is over
        self.model().rowsMoved.connect(self._rows_moved, Qt.ConnectionType.QueuedConnection)

    def _rows_moved(self, *_where) -> None:
        self.reordered.emit()

    def initViewItemOption(self, option) -> None:
        """Thumbnail above its name, as in an icon view."""
        super().initViewItemOption(option)
        option.decorationPosition = QtWidgets.QStyleOptionViewItem.Position.Top
        option.displayAlignment = Qt.AlignmentFlag.AlignCenter
        option.showDecorationSelected = False

    def add_page(self, item: QtWidgets.QListWidgetItem) -> None:
        # as wide as a cell (a long name is elided, not spread), as high as thumbnail + name
        height = self.iconSize().height() + self.fontMetrics().height() + 8
        item.setSizeHint(QtCore.QSize(self.gridSize().width(), height))
        self.addItem(item)

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            urls = event.mimeData().urls()
            paths = [Path(url.toLocalFile()) for url in urls if url.isLocalFile()]
            event.acceptProposedAction()
            self.files_dropped.emit(paths)
            return
        super().dropEvent(event)


def size_text(size: float) -> str:
    """120 KB under a megabyte, 1,2 MB above (the portal's limit, 5 MB, without decimals)."""
    if size < MIB:
        return _("{size} KB").format(size=format_number(max(1, round(size / 1024)) if size else 0))
    megabytes = size / MIB
    decimals = 0 if abs(megabytes - round(megabytes)) < 0.05 else 1
    return _("{size} MB").format(size=format_number(megabytes, decimals))


def percent_text(size: float, limit: float) -> str:
    """The share of the limit, "<1" rather than a misleading 0 for a small file."""
    share = 100 * size / max(1, limit)
    return "<1" if 0 < share < 0.5 else format_number(share, 0)
