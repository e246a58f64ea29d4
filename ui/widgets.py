"""Small widgets shared by pages: texts longer than the room they get stay readable."""

from __future__ import annotations

from ui.qt import Qt, QtCore, QtGui, QtWidgets


class ElidingComboBox(QtWidgets.QComboBox):
    """A combo box whose width does not follow its longest entry: the current text is cut
    with "…" (Qt clips it mid-letter), the whole text is its tooltip, and the open list is
    as wide as its entries so every entry reads in full there."""

    def __init__(self, minimum_characters: int = 16, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.setSizeAdjustPolicy(
            QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.setMinimumContentsLength(minimum_characters)
        self.setSizePolicy(
            QtWidgets.QSizePolicy.Policy.Expanding, QtWidgets.QSizePolicy.Policy.Fixed
        )
        self.currentIndexChanged.connect(self._update_tooltip)

    def addItem(self, text: str, data: object = None) -> None:  # type: ignore[override]
        super().addItem(text, data)
        self.setItemData(self.count() - 1, text, Qt.ItemDataRole.ToolTipRole)
        self._update_tooltip()

    def _update_tooltip(self) -> None:
        self.setToolTip(self.currentText())

    def showPopup(self) -> None:
        view = self.view()
        wanted = view.sizeHintForColumn(0) + 2 * view.frameWidth() + 24  # scroll bar room
        screen = self.screen().availableGeometry().width() if self.screen() else wanted
        view.setMinimumWidth(min(max(self.width(), wanted), screen))
        super().showPopup()

    def shown_text(self) -> str:
        """The current text as painted: cut with "…" to the room of the edit field."""
        option = QtWidgets.QStyleOptionComboBox()
        self.initStyleOption(option)
        return self._elide(option)

    def _elide(self, option: QtWidgets.QStyleOptionComboBox) -> str:
        field = self.style().subControlRect(
            QtWidgets.QStyle.ComplexControl.CC_ComboBox,
            option,
            QtWidgets.QStyle.SubControl.SC_ComboBoxEditField,
            self,
        )
        room = field.width()
        if not option.currentIcon.isNull():
            room -= option.iconSize.width() + 4
        return self.fontMetrics().elidedText(
            option.currentText, Qt.TextElideMode.ElideRight, max(0, room)
        )

    def paintEvent(self, event: QtGui.QPaintEvent) -> None:
        painter = QtWidgets.QStylePainter(self)
        option = QtWidgets.QStyleOptionComboBox()
        self.initStyleOption(option)
        painter.drawComplexControl(QtWidgets.QStyle.ComplexControl.CC_ComboBox, option)
        option.currentText = self._elide(option)
        painter.drawControl(QtWidgets.QStyle.ControlElement.CE_ComboBoxLabel, option)


class PreferredWidthPane(QtWidgets.QWidget):
    """A column with a preferred width, which may still shrink to what its controls need."""

    def __init__(self, preferred_width: int) -> None:
        super().__init__()
        self._preferred_width = preferred_width

    def sizeHint(self) -> QtCore.QSize:
        hint = super().sizeHint()
        return QtCore.QSize(max(hint.width(), self._preferred_width), hint.height())


class FittedPreviewLabel(QtWidgets.QLabel):
    """The page preview, fitted to the label whenever the label is resized.

    A pixmap scaled once became the label's minimum size: a smaller window then cut the page
    (the scaling probe at 150 % found it once a lone page was shown at once, issue 18)."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self._page = QtGui.QPixmap()
        policy = QtWidgets.QSizePolicy.Policy.Ignored  # the minimum size below still holds
        self.setSizePolicy(policy, policy)

    def show_page(self, pixmap: QtGui.QPixmap) -> None:
        self._page = pixmap
        self._fit()

    def setPixmap(self, pixmap: QtGui.QPixmap) -> None:
        if pixmap.isNull():
            self._page = QtGui.QPixmap()
        super().setPixmap(pixmap)

    def _fit(self) -> None:
        if self._page.isNull():
            return
        super().setPixmap(
            self._page.scaled(
                self.size(),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()


class FlowLayout(QtWidgets.QLayout):
    """Items left to right, wrapping to a new row when the width runs out (Qt's flow layout
    example): a toolbar that fits a small screen at 150 % as well as a wide one."""

    def __init__(self, parent: QtWidgets.QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QtWidgets.QLayoutItem] = []
        self.setContentsMargins(0, 0, 0, 0)
        self.setSpacing(spacing)

    def addItem(self, item: QtWidgets.QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QtWidgets.QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QtWidgets.QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QtCore.QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QtCore.QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QtCore.QSize:
        width = sum(i.sizeHint().width() for i in self._items) + self.spacing() * self.count()
        height = max((i.sizeHint().height() for i in self._items), default=0)
        return QtCore.QSize(width, height)

    def minimumSize(self) -> QtCore.QSize:
        size = QtCore.QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def _arrange(self, rect: QtCore.QRect, move: bool) -> int:
        x, y, row_height = rect.x(), rect.y(), 0
        for item in self._items:
            if item.widget() is not None and not item.widget().isVisibleTo(self.parentWidget()):
                continue
            hint = item.sizeHint()
            if x > rect.x() and x + hint.width() > rect.right() + 1:
                x, y, row_height = rect.x(), y + row_height + self.spacing(), 0
            if move:
                item.setGeometry(QtCore.QRect(QtCore.QPoint(x, y), hint))
            x += hint.width() + self.spacing()
            row_height = max(row_height, hint.height())
        return y + row_height - rect.y()


def group_of(*widgets: QtWidgets.QWidget) -> QtWidgets.QWidget:
    """Widgets that stay side by side in a FlowLayout (they wrap together)."""
    group = QtWidgets.QWidget()
    row = QtWidgets.QHBoxLayout(group)
    row.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        row.addWidget(widget)
    return group


class FlowRow(QtWidgets.QWidget):
    """A FlowLayout in a widget whose minimum height follows its rows: a box layout reads a
    layout's minimum as one row and squeezed the widgets below a wrapped row over each other."""

    def __init__(self) -> None:
        super().__init__()
        self.flow = FlowLayout(self)

    def addWidget(self, widget: QtWidgets.QWidget) -> None:
        self.flow.addWidget(widget)

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:
        super().resizeEvent(event)
        height = self.flow.heightForWidth(event.size().width())
        if height != self.minimumHeight():
            self.setMinimumHeight(height)


def capped_widths(natural: list[int], room: int, floors: list[int]) -> list[int]:
    """Widths within `room`: each its natural width, the widest capped at one level so that the
    sum fits ("water filling": narrow columns stay whole), none below its floor."""
    if sum(natural) <= room:
        return list(natural)
    level, rest, left = 0.0, float(room), len(natural)
    for width in sorted(natural):
        share = rest / left
        if width > share:
            level = share
            break
        rest, left = rest - width, left - 1
    pairs = zip(natural, floors, strict=True)
    return [max(min(width, int(level)), floor) for width, floor in pairs]


class MainColumnShare(QtCore.QObject):
    """A table whose main column (a document's name) keeps a fair share of a narrow table: the
    other columns get their contents' width while it fits, then the widest of them are capped
    alike and wrap (rows grow); the main column takes the rest. With Qt's Stretch beside
    ResizeToContents, a 150 % display (an 810x648 window) left the names a few letters wide."""

    def __init__(self, table: QtWidgets.QTableWidget, main_column: int, share: float = 0.4):
        super().__init__(table)
        self.table, self.main_column, self.share = table, main_column, share
        table.setWordWrap(True)
        table.horizontalHeader().setSectionResizeMode(QtWidgets.QHeaderView.ResizeMode.Fixed)
        table.viewport().installEventFilter(self)
        self.timer = QtCore.QTimer(self)  # one fit after a burst of changes
        self.timer.setSingleShot(True)
        self.timer.setInterval(0)
        self.timer.timeout.connect(self.fit)
        model = table.model()
        for signal in (model.dataChanged, model.rowsInserted, model.modelReset):
            signal.connect(self.timer.start)
        table.horizontalHeader().sectionResized.connect(lambda *_: table.resizeRowsToContents())

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
        if event.type() == QtCore.QEvent.Type.Resize:
            self.timer.start()
        return False

    def fit(self) -> None:
        table, header = self.table, self.table.horizontalHeader()
        columns = range(table.columnCount())
        labels = [self._label(c) for c in columns]
        two_line = self._header_widths([two_lines(text) for text in labels])
        one_line = self._header_widths(labels)
        least = header.minimumSectionSize()
        natural = [max(self._cells_width(c), one_line[c], least) for c in columns]
        available = table.viewport().width()
        main_needs = min(natural[self.main_column], int(available * self.share))
        others = [c for c in columns if c != self.main_column]
        floors = [max(two_line[c], least) for c in others]  # a capped label: whole, on two lines
        widths = capped_widths([natural[c] for c in others], available - main_needs, floors)
        for column, width in zip(others, widths, strict=True):
            header.resizeSection(column, width)
        header.resizeSection(self.main_column, max(available - sum(widths), least))
        for column in columns:
            item = table.horizontalHeaderItem(column)
            if item is not None and header.sectionSize(column) < one_line[column]:
                item.setText(two_lines(labels[column]))

    def _label(self, column: int) -> str:
        item = self.table.horizontalHeaderItem(column)
        return item.text().replace("\n", " ") if item is not None else ""

    def _header_widths(self, labels: list[str]) -> list[int]:
        """The header's own width for each label (its style's font and margins)."""
        header, widths = self.table.horizontalHeader(), []
        for column, label in enumerate(labels):
            item = self.table.horizontalHeaderItem(column)
            if item is not None:
                item.setText(label)
            widths.append(header.sectionSizeHint(column))
        return widths

    def _cells_width(self, column: int) -> int:
        """The widest cell's text on one line, with the view's margins."""
        table = self.table
        focus = table.style().pixelMetric(QtWidgets.QStyle.PixelMetric.PM_FocusFrameHMargin)
        widest = 0
        for row in range(table.rowCount()):
            item = table.item(row, column)
            if item is not None and item.text():
                metrics = QtGui.QFontMetrics(item.font())
                lines = item.text().split("\n")
                widest = max(widest, *(metrics.horizontalAdvance(line) for line in lines))
        return widest + 2 * (focus + 1) + 4 if widest else 0


def two_lines(text: str) -> str:
    """The text broken at the space nearest its middle ("Bản chính\n/ bản sao")."""
    spaces = [i for i, char in enumerate(text) if char == " "]
    if not spaces:
        return text
    cut = min(spaces, key=lambda i: abs(len(text) - 2 * i))
    return f"{text[:cut]}\n{text[cut + 1 :]}"
