"""Step 2 "Thông tin & danh mục giấy tờ": the procedure's details and its checklist.

Top: what the portal shows under "Chi tiết" (code, agency, processing time, fee, result
delivery, legal basis, steps), with values no source confirmed marked "unverified". Bottom: the
checklist of components (required or optional, original or copy, accepted formats, signature),
with how many files the dossier already holds for each, and the chosen way to get the result.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from common.i18n import _
from ui.pages.base import StepPage, StepStatus
from ui.procedure_view import procedure_html
from ui.qt import Qt, QtWidgets
from ui.widgets import MainColumnShare

if TYPE_CHECKING:
    from dossier import Procedure, ProcedureCatalog
    from ui.context import AppContext

#: the ways of receiving the result a dossier can record (dossier.model.Submission)
RECORDABLE_DELIVERY = ("office", "post")


class DetailsPage(StepPage):
    step_id = "details"

    COLUMNS = ("number", "name", "required", "kind", "formats", "signed", "files")

    def __init__(self, context: AppContext, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.catalog: ProcedureCatalog | None = None
        self.procedure: Procedure | None = None
        self._watched = None
        self._build()

    # ---- construction -------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)

        self.empty = QtWidgets.QWidget()
        empty_layout = QtWidgets.QVBoxLayout(self.empty)
        self.empty_label = QtWidgets.QLabel()
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.choose_button = QtWidgets.QPushButton(_("Choose a procedure"))
        self.choose_button.setAccessibleName(_("Go to the step Choose procedure"))
        self.choose_button.clicked.connect(
            lambda: self.context.events.navigate_requested.emit("procedure")
        )
        empty_layout.addStretch(1)
        empty_layout.addWidget(self.empty_label)
        empty_layout.addWidget(self.choose_button, 0, Qt.AlignmentFlag.AlignHCenter)
        empty_layout.addStretch(1)

        self.content = QtWidgets.QWidget()
        content = QtWidgets.QVBoxLayout(self.content)
        content.setContentsMargins(0, 0, 0, 0)
        self.title = QtWidgets.QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        content.addWidget(self.title)

        splitter = QtWidgets.QSplitter(Qt.Orientation.Vertical)
        self.info = QtWidgets.QTextBrowser()
        self.info.setOpenExternalLinks(False)
        self.info.setAccessibleName(_("Procedure details"))
        splitter.addWidget(self.info)

        checklist_box = QtWidgets.QWidget()
        checklist_layout = QtWidgets.QVBoxLayout(checklist_box)
        checklist_layout.setContentsMargins(0, 0, 0, 0)
        checklist_label = QtWidgets.QLabel(_("Documents to prepare"))
        checklist_label.setStyleSheet("font-weight: bold")
        checklist_layout.addWidget(checklist_label)
        self.checklist = QtWidgets.QTableWidget(0, len(self.COLUMNS))
        self.checklist.setHorizontalHeaderLabels(
            [
                "#",
                _("Document to prepare"),
                _("Required?"),
                _("Original / copy"),
                _("Accepted formats"),
                _("Must be signed?"),
                _("Files in dossier"),
            ]
        )
        self.checklist.setAccessibleName(_("Checklist of documents"))
        checklist_label.setBuddy(self.checklist)
        self.checklist.verticalHeader().setVisible(False)
        self.checklist.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.checklist.setSelectionBehavior(
            QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows
        )
        self.checklist.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
        self.column_share = MainColumnShare(self.checklist, main_column=1)  # names stay readable
        self.checklist.currentCellChanged.connect(self._show_component_notes)
        checklist_layout.addWidget(self.checklist, 1)
        self.component_notes = QtWidgets.QLabel()
        self.component_notes.setWordWrap(True)
        self.component_notes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.component_notes.setAccessibleName(_("Notes on the selected document"))
        checklist_layout.addWidget(self.component_notes)
        splitter.addWidget(checklist_box)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        content.addWidget(splitter, 1)

        delivery = QtWidgets.QFormLayout()
        self.delivery_combo = QtWidgets.QComboBox()
        self.delivery_combo.setAccessibleName(_("How you want to receive the result"))
        self.delivery_combo.currentIndexChanged.connect(self._delivery_chosen)
        self.address_edit = QtWidgets.QLineEdit()
        self.address_edit.setAccessibleName(_("Address for the result by post"))
        self.address_edit.setPlaceholderText(_("House number, street, commune, province"))
        self.address_edit.editingFinished.connect(self._address_edited)
        delivery.addRow(_("&Receive the result:"), self.delivery_combo)
        delivery.addRow(_("Postal &address:"), self.address_edit)
        content.addLayout(delivery)

        layout.addWidget(self.empty)
        layout.addWidget(self.content)
        self.bind_key(self.choose_button, "Ctrl+Return")
        self.add_key("Ctrl+L", _("Checklist of documents"), self._focus_checklist)
        self._show_empty(_("No procedure chosen yet. Choose one in the step “Choose procedure”."))

    # ---- showing ------------------------------------------------------------------------------
    def _catalog(self) -> ProcedureCatalog:
        if self.catalog is None:
            self.catalog = self.context.catalog()
        return self.catalog

    def _show_empty(self, message: str) -> None:
        self.procedure = None
        self.empty_label.setText(message)
        self.content.hide()
        self.empty.show()

    def show_procedure(self, procedure: Procedure) -> None:
        self.procedure = procedure
        self.title.setText(procedure.name)
        self.info.setHtml(procedure_html(procedure))
        self._fill_checklist(procedure)
        self._fill_delivery(procedure)
        self.empty.hide()
        self.content.show()

    def _fill_checklist(self, procedure: Procedure) -> None:
        from dossier import COPY_KIND_LABELS, is_unverified

        self.checklist.setRowCount(len(procedure.components))
        for row, component in enumerate(procedure.components):
            name = component.name
            if is_unverified(procedure, "name", row):
                name += f" ({_('unverified value')})"
            kind = _(COPY_KIND_LABELS[component.copy_kind])
            if component.quantity > 1:
                kind += " · " + _("{count} copies").format(count=component.quantity)
            cells = [
                str(row + 1),
                name,
                _("Yes") if component.required else _("No"),
                kind,
                ", ".join(component.formats),
                _("Yes") if component.must_be_signed else _("No"),
                "",
            ]
            for column, text in enumerate(cells):
                item = QtWidgets.QTableWidgetItem(text)
                if component.notes:
                    item.setToolTip(component.notes)
                self.checklist.setItem(row, column, item)
        self._refresh_file_counts()
        self.checklist.resizeRowsToContents()
        if procedure.components:
            self.checklist.setCurrentCell(0, 1)

    def _refresh_file_counts(self) -> None:
        if self.procedure is None:
            return
        counts: dict[str, int] = {}
        if self.session is not None:
            counts = {e.component_id: len(e.files) for e in self.session.dossier.components}
        column = self.COLUMNS.index("files")
        for row, component in enumerate(self.procedure.components):
            item = self.checklist.item(row, column)
            if item is not None:
                item.setText(str(counts.get(component.id, 0)))

    def _show_component_notes(self, row: int, *_args) -> None:
        if self.procedure is None or not 0 <= row < len(self.procedure.components):
            self.component_notes.setText("")
            return
        from dossier import is_unverified

        component = self.procedure.components[row]
        parts = [f"{row + 1}. {component.name}"]
        if component.form_template:
            parts.append(_("This form can be filled in the step “Fill forms”."))
        if component.notes:
            note = component.notes
            if f"components[{row}].notes" in self.procedure.unverified:
                note += f" ({_('unverified value')})"
            parts.append(note)
        if is_unverified(self.procedure, "name", row):
            parts.append(_("Not confirmed by an official source: ask the one-stop shop."))
        self.component_notes.setText("\n".join(parts))

    def _fill_delivery(self, procedure: Procedure) -> None:
        from dossier import DELIVERY_LABELS

        options = [d for d in procedure.result_delivery if d in RECORDABLE_DELIVERY]
        self.delivery_combo.blockSignals(True)
        self.delivery_combo.clear()
        for option in options or ["office"]:
            self.delivery_combo.addItem(_(DELIVERY_LABELS[option]), option)
        chosen = self.session.dossier.submission.result_delivery if self.session else "office"
        index = self.delivery_combo.findData(chosen)
        self.delivery_combo.setCurrentIndex(max(index, 0))
        self.delivery_combo.setEnabled(self.delivery_combo.count() > 1)
        self.delivery_combo.blockSignals(False)
        if self.session is not None:
            self.address_edit.setText(self.session.dossier.submission.delivery_address)
        self._update_address_enabled()

    def _update_address_enabled(self) -> None:
        self.address_edit.setEnabled(self.delivery_combo.currentData() == "post")

    # ---- editing ------------------------------------------------------------------------------
    def _delivery_chosen(self) -> None:
        self._update_address_enabled()
        value = self.delivery_combo.currentData()
        if self.session is None or value is None:
            return
        if self.session.dossier.submission.result_delivery != value:
            self._set_submission(result_delivery=value)

    def _address_edited(self) -> None:
        if self.session is None:
            return
        text = self.address_edit.text().strip()
        if self.session.dossier.submission.delivery_address != text:
            self._set_submission(delivery_address=text)

    def _set_submission(self, **choices: str) -> None:
        """Through dossier.actions: the same checks as `hoso submission`."""
        from dossier.actions import SubmissionChoices, set_submission_choices

        assert self.session is not None
        from common.errors import HosoError
        from ui.error_dialog import show_error

        try:
            set_submission_choices(self.session.workspace, SubmissionChoices(**choices))
        except HosoError as exc:
            show_error(self, exc)
            return
        self.session.mark_changed()

    # ---- StepPage -----------------------------------------------------------------------------
    def on_session_changed(self) -> None:
        if self._watched is not None:
            try:
                self._watched.changed.disconnect(self._refresh_file_counts)
            except (RuntimeError, TypeError):
                pass
        self._watched = self.session
        if self.session is None:
            self._show_empty(
                _("No procedure chosen yet. Choose one in the step “Choose procedure”.")
            )
            return
        self.session.changed.connect(self._refresh_file_counts)
        self.catalog = None  # an updated catalog may have been imported meanwhile
        code = self.session.dossier.procedure_code
        procedure = self._catalog().find(code)
        if procedure is not None:  # named by the user's commune when the settings give it
            procedure = self.context.procedure(code) or procedure
        if procedure is None:
            self._show_empty(
                _("Procedure {code} is not in the catalog. Import an updated catalog.").format(
                    code=code
                )
            )
            return
        self.show_procedure(procedure)

    def on_enter(self) -> None:
        if self.procedure is not None:
            self._refresh_file_counts()
            self.checklist.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.choose_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _focus_checklist(self) -> None:
        if self.procedure is not None:
            self.checklist.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def step_status(self) -> StepStatus:
        if self.session is None:
            return StepStatus("not_started", _("No procedure chosen yet."))
        if self.procedure is None:
            return StepStatus("attention", _("The procedure is not in the catalog."))
        submission = self.session.dossier.submission
        if submission.result_delivery == "post" and not submission.delivery_address:
            return StepStatus("attention", _("Enter the postal address for the result."))
        return StepStatus("done", self.procedure.name)


__all__ = ["DetailsPage", "procedure_html"]
