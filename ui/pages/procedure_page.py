"""Step 1 "Chọn thủ tục": search the catalog like the portal and choose a procedure.

Filters for agency, level and field (combo boxes, as on the portal's "Dịch vụ công" tab), a
search box matched case- and accent-insensitively, and ranked results. Enter or a double click
chooses the procedure; the main window then creates its dossier. Everything is reachable from
the keyboard: the search box has focus, Down moves into the results, Enter chooses.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from common.errors import HosoError
from common.i18n import _
from ui.error_dialog import show_error
from ui.pages.base import StepPage, StepStatus
from ui.qt import Qt, QtGui, QtWidgets

if TYPE_CHECKING:
    from dossier import Procedure, ProcedureCatalog
    from ui.context import AppContext

CODE_ROLE = Qt.ItemDataRole.UserRole


class _SearchBox(QtWidgets.QLineEdit):
    """A line edit that hands Down/Up/Page keys to the results list."""

    def __init__(self, results: QtWidgets.QListWidget) -> None:
        super().__init__()
        self._results = results

    def keyPressEvent(self, event: QtGui.QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
            self._results.setFocus()
            QtWidgets.QApplication.sendEvent(self._results, event)
            return
        super().keyPressEvent(event)


class ProcedurePage(StepPage):
    step_id = "procedure"

    def __init__(self, context: AppContext, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.catalog: ProcedureCatalog | None = None
        self._build()
        self.reload_catalog()

    # ---- construction -------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        title = QtWidgets.QLabel(_("Choose the procedure"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        intro = QtWidgets.QLabel(
            _(
                "Search as on the public-service portal: type the name, code or a keyword of "
                "the procedure, with or without diacritics. Press Enter or double-click to "
                "choose it."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        self.results = QtWidgets.QListWidget()
        self.results.setAccessibleName(_("Procedures found"))
        self.results.setWordWrap(True)
        self.results.setUniformItemSizes(False)
        self.results.setAlternatingRowColors(True)
        self.results.itemActivated.connect(self._activate_item)
        self.results.currentItemChanged.connect(self._show_summary)

        filters = QtWidgets.QFormLayout()
        self.agency_combo = QtWidgets.QComboBox()
        self.agency_combo.setEditable(True)  # any commune can be typed, as on the portal
        self.agency_combo.setInsertPolicy(QtWidgets.QComboBox.InsertPolicy.NoInsert)
        self.agency_combo.setAccessibleName(_("Implementing agency"))
        self.agency_combo.lineEdit().setPlaceholderText(_("All agencies"))
        self.level_combo = QtWidgets.QComboBox()
        self.level_combo.setAccessibleName(_("Implementing level"))
        self.field_combo = QtWidgets.QComboBox()
        self.field_combo.setAccessibleName(_("Procedure field"))
        filters.addRow(_("&Agency:"), self.agency_combo)
        filters.addRow(_("&Level:"), self.level_combo)
        filters.addRow(_("Fiel&d:"), self.field_combo)
        self.search_box = _SearchBox(self.results)
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setPlaceholderText(_("Name, code or keyword, e.g. dang ky khai sinh"))
        self.search_box.setAccessibleName(_("Search procedures"))
        self.search_box.returnPressed.connect(self.choose_current)
        filters.addRow(_("&Search:"), self.search_box)
        layout.addLayout(filters)

        self.count_label = QtWidgets.QLabel()
        self.count_label.setAccessibleName(_("Number of procedures found"))
        layout.addWidget(self.count_label)
        layout.addWidget(self.results, 1)

        self.summary = QtWidgets.QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setAccessibleName(_("Summary of the selected procedure"))
        layout.addWidget(self.summary)

        buttons = QtWidgets.QHBoxLayout()
        self.import_button = QtWidgets.QPushButton(_("Import updated catalog…"))
        self.import_button.setAccessibleName(_("Import an updated catalog file"))
        self.import_button.clicked.connect(self.import_catalog)
        self.choose_button = QtWidgets.QPushButton(_("&Choose this procedure"))
        self.choose_button.setAccessibleName(_("Choose the selected procedure"))
        self.choose_button.setDefault(True)
        self.choose_button.clicked.connect(self.choose_current)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        buttons.addWidget(self.choose_button)
        layout.addLayout(buttons)

        self.search_box.textChanged.connect(self.refresh_results)
        self.agency_combo.currentTextChanged.connect(self.refresh_results)
        self.level_combo.currentIndexChanged.connect(self.refresh_results)
        self.field_combo.currentIndexChanged.connect(self.refresh_results)
        self.setTabOrder(self.search_box, self.results)
        self.bind_key(self.import_button, "Ctrl+Shift+I")
        self.bind_key(self.choose_button, "Ctrl+Return")
        self.add_key("Ctrl+F", _("Search procedures"), self.on_enter)

    # ---- catalog ------------------------------------------------------------------------------
    def reload_catalog(self) -> None:
        """(Re)load the built-in and imported catalog, keeping the filters the user chose."""
        try:
            catalog = self.context.catalog()
        except HosoError as exc:
            show_error(self, exc)
            return
        self.set_catalog(catalog)

    def set_catalog(self, catalog: ProcedureCatalog) -> None:
        from dossier import LEVEL_LABELS

        self.catalog = catalog
        for warning in catalog.warnings:
            self.context.events.status_message.emit(warning)
        agency, level, field = (
            self.agency_combo.currentText(),
            self.level_combo.currentData(),
            self.field_combo.currentData(),
        )
        for combo in (self.agency_combo, self.level_combo, self.field_combo):
            combo.blockSignals(True)
            combo.clear()
        self.agency_combo.addItem("", None)
        for name in catalog.agencies():
            self.agency_combo.addItem(name, name)
        self.agency_combo.setEditText(agency)
        self.level_combo.addItem(_("All levels"), None)
        for code in catalog.levels():
            self.level_combo.addItem(_(LEVEL_LABELS[code]), code)
        self.field_combo.addItem(_("All fields"), None)
        for name in catalog.fields():
            self.field_combo.addItem(name, name)
        _select_data(self.level_combo, level)
        _select_data(self.field_combo, field)
        for combo in (self.agency_combo, self.level_combo, self.field_combo):
            combo.blockSignals(False)
        self.refresh_results()

    def query(self):
        from dossier import SearchQuery

        return SearchQuery(
            text=self.search_box.text(),
            agency=self.agency_combo.currentText().strip() or None,
            level=self.level_combo.currentData(),
            field=self.field_combo.currentData(),
        )

    def refresh_results(self) -> None:
        from dossier import LEVEL_LABELS, fee_summary

        self.results.clear()
        if self.catalog is None:
            return
        hits = self.catalog.search(self.query())
        for hit in hits:
            p = hit.procedure
            details = " · ".join([p.code, p.field, _(LEVEL_LABELS[p.level]), fee_summary(p.fee)])
            item = QtWidgets.QListWidgetItem(f"{p.name}\n{details}")
            item.setData(CODE_ROLE, p.code)
            item.setToolTip(p.name)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{p.name}, {details}")
            self.results.addItem(item)
        if hits:
            self.results.setCurrentRow(self._preferred_row())
            self.count_label.setText(_("{count} procedure(s) found").format(count=len(hits)))
        else:
            self.count_label.setText(_("No procedure found. Try fewer words or clear the filters."))
            self._show_summary(None)
        self.choose_button.setEnabled(bool(hits))

    def _preferred_row(self) -> int:
        """The dossier's own procedure when the search is empty, else the best match."""
        if self.session is not None and not self.search_box.text().strip():
            for row in range(self.results.count()):
                if self.results.item(row).data(CODE_ROLE) == self.session.dossier.procedure_code:
                    return row
        return 0

    def result_codes(self) -> list[str]:
        return [self.results.item(i).data(CODE_ROLE) for i in range(self.results.count())]

    def _show_summary(self, item: QtWidgets.QListWidgetItem | None, _previous=None) -> None:
        procedure = self._procedure_of(item)
        if procedure is None:
            self.summary.setText("")
            return
        from dossier import fee_summary, is_unverified

        def mark(field: str) -> str:
            return f" ({_('unverified value')})" if is_unverified(procedure, field) else ""

        lines = [
            f"{_('Procedure code')}: {procedure.code}",
            f"{_('Implementing agencies')}: {'; '.join(procedure.agencies)}",
            f"{_('Processing time')}: {procedure.processing_time}" + mark("processing_time"),
            f"{_('Fees and charges')}: {fee_summary(procedure.fee)}" + mark("fee"),
        ]
        self.summary.setText("\n".join(lines))

    def _procedure_of(self, item: QtWidgets.QListWidgetItem | None) -> Procedure | None:
        if item is None or self.catalog is None:
            return None
        return self.catalog.find(item.data(CODE_ROLE))

    # ---- choosing -----------------------------------------------------------------------------
    def _activate_item(self, item: QtWidgets.QListWidgetItem) -> None:
        self.results.setCurrentItem(item)
        self.choose_current()

    def choose_current(self) -> None:
        procedure = self._procedure_of(self.results.currentItem())
        if procedure is None:
            return
        self.choose(procedure.code)

    def choose(self, code: str) -> None:
        """Open the details of the dossier's procedure, or ask for a new dossier for `code`."""
        events = self.context.events
        if self.session is not None:
            if self.session.dossier.procedure_code == code:
                events.navigate_requested.emit("details")
                return
            dialogs = self.context.dialogs
            if dialogs is not None and not dialogs.confirm(
                _("Choose another procedure"),
                _(
                    "A dossier for another procedure is open. Create a new dossier for this "
                    "procedure? The open dossier is saved and stays in its folder."
                ),
            ):
                return
        events.procedure_chosen.emit(code)

    def import_catalog(self) -> None:
        """Ask for an updated catalog file; it is checked whole before it replaces anything."""
        from dossier import import_catalog

        dialogs = self.context.dialogs
        if dialogs is None or self.context.catalog_dir is None:
            return
        path = dialogs.open_file(_("Import updated catalog"), _("Catalog files (*.json)"))
        if not path:
            return
        user_dir = self.context.catalog_dir

        def work(progress, cancel):
            return import_catalog(path, user_dir)

        def done(catalog: ProcedureCatalog) -> None:
            self.set_catalog(catalog)
            self.context.events.status_message.emit(
                _("Catalog {version} imported: {count} procedures.").format(
                    version=catalog.version, count=len(catalog)
                )
            )

        self.context.run_job(
            work,
            done,
            lambda exc, details: show_error(self, exc, details),
            title=_("Import updated catalog"),
        )

    # ---- StepPage -----------------------------------------------------------------------------
    def on_session_changed(self) -> None:
        if self.catalog is not None and not self.search_box.text().strip():
            self.results.setCurrentRow(self._preferred_row())

    def on_enter(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.OtherFocusReason)
        self.search_box.selectAll()

    def step_status(self) -> StepStatus:
        if self.session is None:
            return StepStatus("not_started", _("No procedure chosen yet."))
        code = self.session.dossier.procedure_code
        procedure = self.catalog.find(code) if self.catalog is not None else None
        if procedure is None:
            return StepStatus(
                "attention", _("Procedure {code} is not in the catalog.").format(code=code)
            )
        return StepStatus("done", procedure.name)


def _select_data(combo: QtWidgets.QComboBox, data: object) -> None:
    index = combo.findData(data)
    combo.setCurrentIndex(max(index, 0))


__all__ = ["ProcedurePage"]
