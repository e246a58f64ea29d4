"""The start page: new dossier, open one, recent dossiers."""

from __future__ import annotations

from pathlib import Path

from common.i18n import _
from ui.context import AppContext
from ui.qt import Qt, QtWidgets, Signal


class StartPage(QtWidgets.QWidget):
    open_requested = Signal(object)  # Path

    def __init__(self, context: AppContext, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)

        title = QtWidgets.QLabel(_("Welcome to Hồ sơ số"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        intro = QtWidgets.QLabel(
            _(
                "Prepare the files of an online public-service dossier: choose the procedure, "
                "fill the forms, scan the documents, sign and package them for the portal."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        buttons = QtWidgets.QHBoxLayout()
        self.new_button = QtWidgets.QPushButton(_("New dossier"))
        self.new_button.setAccessibleName(_("Create a new dossier"))
        self.new_button.clicked.connect(context.events.new_dossier_requested)
        self.open_button = QtWidgets.QPushButton(_("Open dossier…"))
        self.open_button.setAccessibleName(_("Open an existing dossier folder"))
        self.open_button.clicked.connect(self._choose_folder)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

        layout.addSpacing(16)
        recent_label = QtWidgets.QLabel(_("Recent dossiers"))
        recent_label.setStyleSheet("font-weight: bold")
        layout.addWidget(recent_label)
        self.recent_list = QtWidgets.QListWidget()
        self.recent_list.setAccessibleName(_("Recent dossiers"))
        recent_label.setBuddy(self.recent_list)
        self.recent_list.itemActivated.connect(self._open_item)
        layout.addWidget(self.recent_list, 1)
        self.refresh()

    def refresh(self) -> None:
        self.recent_list.clear()
        for folder in self.context.settings.get("recent_dossiers"):
            path = Path(folder)
            if not (path / "dossier.json").exists():
                continue
            item = QtWidgets.QListWidgetItem(path.name)
            item.setToolTip(str(path))
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            self.recent_list.addItem(item)
        if self.recent_list.count() == 0:
            item = QtWidgets.QListWidgetItem(_("No dossier yet. Press “New dossier” to start."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.recent_list.addItem(item)

    def _open_item(self, item: QtWidgets.QListWidgetItem) -> None:
        folder = item.data(Qt.ItemDataRole.UserRole)
        if folder:
            self.open_requested.emit(Path(folder))

    def _choose_folder(self) -> None:
        folder = self.context.dialogs.choose_folder(
            _("Open dossier folder"), self.context.dossier_root
        )
        if folder:
            self.open_requested.emit(folder)
