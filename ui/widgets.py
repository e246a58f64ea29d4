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
