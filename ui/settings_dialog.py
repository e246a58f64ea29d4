"""The settings dialog: language, dossier folder, default portal profile."""

from __future__ import annotations

from pathlib import Path

from common.i18n import _
from ui.context import AppContext
from ui.qt import QtWidgets

LANGUAGES = (("vi", "Tiếng Việt"), ("en", "English"))


class SettingsDialog(QtWidgets.QDialog):
    def __init__(self, context: AppContext, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        settings = context.settings
        self.setWindowTitle(_("Settings"))
        form = QtWidgets.QFormLayout()

        self.language = QtWidgets.QComboBox()
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(
            max(0, [c for c, _n in LANGUAGES].index(settings.get("language")))
            if settings.get("language") in dict(LANGUAGES)
            else 0
        )
        form.addRow(_("&Language:"), self.language)

        self.folder = QtWidgets.QLineEdit(settings.get("dossier_root") or str(context.dossier_root))
        browse = QtWidgets.QPushButton(_("Browse…"))
        browse.clicked.connect(self._browse)
        row = QtWidgets.QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        folder_label = QtWidgets.QLabel(_("&Dossier folder:"))
        folder_label.setBuddy(self.folder)  # a row of a layout gets no buddy: '&' showed raw
        form.addRow(folder_label, row)

        self.portal = QtWidgets.QComboBox()
        for portal_id, name in _portal_choices():
            self.portal.addItem(name, portal_id)
        index = self.portal.findData(settings.get("default_portal"))
        self.portal.setCurrentIndex(max(0, index))
        form.addRow(_("Default &portal:"), self.portal)

        self.commune = QtWidgets.QLineEdit(settings.get("commune_agency"))
        self.commune.setPlaceholderText(_("e.g. UBND xã Xuân Bắc"))
        self.commune.setToolTip(
            _(
                "Printed as the receiving agency of procedures every commune handles (cover "
                "sheet, upload guide); empty: “UBND cấp xã”"
            )
        )
        form.addRow(_("Your co&mmune:"), self.commune)

        self.clerk_mode = QtWidgets.QCheckBox(_("&Clerk mode (many citizens a day)"))
        self.clerk_mode.setToolTip(
            _(
                "The start page becomes the list of dossiers with the search box ready, and "
                "separator sheets are at hand"
            )
        )
        self.clerk_mode.setChecked(bool(settings.get("clerk_mode")))
        form.addRow("", self.clerk_mode)

        self.notice = QtWidgets.QLabel(_("A new language takes effect when the app restarts."))
        self.notice.setWordWrap(True)
        buttons = QtWidgets.QDialogButtonBox()
        buttons.addButton(_("Save"), QtWidgets.QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(_("Cancel"), QtWidgets.QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.notice)
        layout.addWidget(buttons)

    def _browse(self) -> None:
        folder = self.context.dialogs.choose_folder(_("Dossier folder"), Path(self.folder.text()))
        if folder:
            self.folder.setText(str(folder))

    def accept(self) -> None:
        settings = self.context.settings
        settings.set("language", self.language.currentData())
        settings.set("dossier_root", self.folder.text().strip())
        if self.portal.currentData():
            settings.set("default_portal", self.portal.currentData())
        settings.set("clerk_mode", self.clerk_mode.isChecked())
        settings.set("commune_agency", " ".join(self.commune.text().split()))
        parent = self.parent()
        if parent is not None and hasattr(parent, "start_page"):
            parent.start_page.apply_clerk_mode()  # takes effect at once, no restart
        if self.folder.text().strip():
            self.context.dossier_root = Path(self.folder.text().strip())
        super().accept()


def _portal_choices() -> list[tuple[str, str]]:
    try:
        from dossier import list_portals
    except ImportError:
        return []
    return [(p.id, p.name) for p in list_portals()]
