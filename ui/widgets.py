"""Small widgets shared by pages: texts longer than the room they get stay readable."""

from __future__ import annotations

from ui.qt import Qt, QtGui, QtWidgets


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
