"""The start page: new dossier, open one, and the list of dossiers (clerk mode's desk).

The list is searchable by applicant name, personal ID number, procedure and date, filtered by
state (draft, ready, submitted, result received, overdue), and lets the user record the
portal's dossier code after submitting, the result, or start a new dossier for the same citizen.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from common.errors import HosoError
from common.i18n import N_, _, format_date
from ui.context import AppContext, DossierSession
from ui.error_dialog import show_error
from ui.qt import USER_ROLE, QtCore, QtGui, QtWidgets, Signal

if TYPE_CHECKING:
    from dossier import Procedure

log = logging.getLogger("hoso.ui")

STATE_LABELS = {
    "draft": N_("Draft"),
    "ready": N_("Exported, ready to submit"),
    "submitted": N_("Submitted"),
    "result_received": N_("Result received"),
    "overdue": N_("Overdue"),
}
LONG_PORTAL_CODE = "000.00.07.H26-261120-0012"  # the national portal's dossier codes
COLUMNS = (
    N_("Applicant"),
    N_("Personal ID"),
    N_("Procedure"),
    N_("State"),
    N_("Result due"),
    N_("Last change"),
)


def load_rows(
    root: Path, recent: list[str], procedure: Callable[[str], Procedure | None]
) -> tuple[list[dict], list[str]]:
    """Dossiers under `root` plus recent ones elsewhere, with tracking state (worker thread).
    `procedure(code)` finds a procedure in the app's catalog (with the imported one)."""
    from dossier import Workspace, is_dossier_folder, list_dossiers, summarize, tracking_state

    listing = list_dossiers(root)
    summaries = list(listing.dossiers)
    seen = {s.folder.resolve() for s in summaries}
    for folder in map(Path, recent):
        if folder.resolve() in seen or not is_dossier_folder(folder):
            continue
        try:
            summaries.append(summarize(folder, Workspace.open(folder).dossier))
        except HosoError as exc:
            log.info("recent dossier %s skipped: %s", folder, exc.message)
    rows = []
    for summary in summaries:
        found = procedure(summary.procedure_code)
        days = found.processing_days if found else None
        state, due = _state_of(summary, days, tracking_state)
        rows.append({"summary": summary, "state": state, "due": due})
    skipped = [f"{item.folder.name}: {item.reason}" for item in listing.skipped]
    return rows, skipped


def _state_of(summary, days, tracking_state):
    from dossier import Dossier, Submission

    stub = Dossier(
        id=summary.dossier_id,
        procedure_code=summary.procedure_code,
        title=summary.title,
        state=summary.state,
        submission=Submission(submitted_on=summary.submitted_on),
    )
    return tracking_state(stub, days)


class SubmissionDialog(QtWidgets.QDialog):
    """Record the portal's dossier code and the submission date."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Record the submission"))
        form = QtWidgets.QFormLayout(self)
        self.code = QtWidgets.QLineEdit()
        self.code.setPlaceholderText(_("e.g. {code}").format(code=LONG_PORTAL_CODE))
        # a real code shows whole (issue 18: the box cut "000.00.07.H26-261120-0012")
        metrics = self.code.fontMetrics()
        self.code.setMinimumWidth(metrics.horizontalAdvance(f"{LONG_PORTAL_CODE}  ") + 16)
        self.code.setAccessibleName(_("Portal dossier code"))
        self.day = QtWidgets.QDateEdit(QtCore.QDate.currentDate())
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("dd/MM/yyyy")
        self.day.setAccessibleName(_("Submission date"))
        form.addRow(_("Portal &dossier code:"), self.code)
        form.addRow(_("Submitted &on:"), self.day)
        buttons = QtWidgets.QDialogButtonBox()
        buttons.addButton(_("Save"), QtWidgets.QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(_("Cancel"), QtWidgets.QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> tuple[str, date]:
        return self.code.text(), self.day.date().toPython()


class StartPage(QtWidgets.QWidget):
    open_requested = Signal(object)  # Path

    def __init__(self, context: AppContext, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.session: DossierSession | None = None
        self.rows: list[dict] = []
        self._loading = False
        self._reload_pending = False
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)

        title = QtWidgets.QLabel(_("Welcome to Hồ sơ số"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
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
        self.intro = intro

        top = QtWidgets.QHBoxLayout()
        self.new_button = QtWidgets.QPushButton(_("New dossier"))
        self.new_button.setAccessibleName(_("Create a new dossier"))
        self.new_button.clicked.connect(context.events.new_dossier_requested)
        self.open_button = QtWidgets.QPushButton(_("Open dossier…"))
        self.open_button.setAccessibleName(_("Open an existing dossier folder"))
        self.open_button.clicked.connect(self._choose_folder)
        # the same actions as File > New / Open: their menu shortcuts, named in the tips
        self.new_button.setToolTip(f"{_('Create a new dossier')} (Ctrl+N)")
        self.open_button.setToolTip(f"{_('Open an existing dossier folder')} (Ctrl+O)")
        top.addWidget(self.new_button)
        top.addWidget(self.open_button)
        top.addStretch(1)
        layout.addLayout(top)

        filters = QtWidgets.QHBoxLayout()
        self.search = QtWidgets.QLineEdit()
        self.search.setPlaceholderText(_("Search by name, personal ID, procedure or date"))
        self.search.setAccessibleName(_("Search dossiers"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.apply_filter)
        search_label = QtWidgets.QLabel(_("Fi&nd:"))
        search_label.setBuddy(self.search)
        self.state_filter = QtWidgets.QComboBox()
        self.state_filter.setAccessibleName(_("Filter by state"))
        self.state_filter.addItem(_("All states"), "")
        for state, label in STATE_LABELS.items():
            self.state_filter.addItem(_(label), state)
        self.state_filter.currentIndexChanged.connect(self.apply_filter)
        filters.addWidget(search_label)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.state_filter)
        layout.addLayout(filters)

        self.table = QtWidgets.QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([_(c) for c in COLUMNS])
        self.table.setAccessibleName(_("Dossiers"))
        self.table.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        # Tab leaves the table (main_window.keyboard_friendly's rule, set here: its search of
        # the page's children costs 3 ms of start-up)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(
            QtWidgets.QHeaderView.ResizeMode.ResizeToContents
        )
        self.table.itemActivated.connect(lambda _item: self.open_selected())
        self.table.itemSelectionChanged.connect(self._update_buttons)
        layout.addWidget(self.table, 1)

        self.empty_label = QtWidgets.QLabel(_("No dossier yet. Press “New dossier” to start."))
        layout.addWidget(self.empty_label)
        self.skipped_label = QtWidgets.QLabel()
        self.skipped_label.setWordWrap(True)
        self.skipped_label.hide()
        layout.addWidget(self.skipped_label)

        actions = QtWidgets.QHBoxLayout()
        self.open_selected_button = QtWidgets.QPushButton(_("&Open"))
        self.open_selected_button.clicked.connect(self.open_selected)
        self.same_citizen_button = QtWidgets.QPushButton(_("New dossier for the same &citizen"))
        self.same_citizen_button.clicked.connect(self.new_for_same_citizen)
        self.submitted_button = QtWidgets.QPushButton(_("Record &submission…"))
        self.submitted_button.clicked.connect(self.ask_submission)
        self.result_button = QtWidgets.QPushButton(_("Result &received"))
        self.result_button.clicked.connect(self.mark_result_received)
        self.separators_button = QtWidgets.QPushButton(_("Separator sh&eets…"))
        self.separators_button.setToolTip(
            _("Print the separator sheets of the selected dossier's procedure")
        )
        self.separators_button.clicked.connect(self.print_separators)
        for button in (
            self.open_selected_button,
            self.same_citizen_button,
            self.submitted_button,
            self.result_button,
            self.separators_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)
        layout.addLayout(actions)
        self._update_buttons()

        shortcut = QtGui.QShortcut(QtGui.QKeySequence("Ctrl+F"), self)
        shortcut.activated.connect(self.search.setFocus)
        self.key_help = [(shortcut, _("Search dossiers"))]
        self.apply_clerk_mode()

    # ---- clerk mode ------------------------------------------------------------------------------
    def clerk_mode(self) -> bool:
        return bool(self.context.settings.get("clerk_mode"))

    def apply_clerk_mode(self) -> None:
        """Clerk mode: the desk of a one-stop shop. Separator sheets at hand, typing searches."""
        clerk = self.clerk_mode()
        self.separators_button.setVisible(clerk)
        self.intro.setVisible(not clerk)

    def showEvent(self, event: QtGui.QShowEvent) -> None:
        super().showEvent(event)
        self.apply_clerk_mode()
        if self.clerk_mode():
            self.search.setFocus(QtCore.Qt.FocusReason.OtherFocusReason)
            self.search.selectAll()

    def print_separators(self) -> None:
        from ui.separator_actions import print_separator_sheets

        row = self.selected_row()
        if row is not None:
            print_separator_sheets(self.context, row["summary"].procedure_code, None)

    # ---- data -------------------------------------------------------------------------------
    def set_session(self, session: DossierSession | None) -> None:
        self.session = session

    def refresh(self) -> None:
        """Reload the list in the background (a clerk may have hundreds of dossiers)."""
        if self._loading:
            self._reload_pending = True  # the folder changed while a load was running
            return
        self._loading = True
        self._reload_pending = False
        root = self.context.dossier_root
        recent = list(self.context.settings.get("recent_dossiers"))

        def work(progress, cancel):
            return load_rows(root, recent, self.context.procedure)

        def done(result) -> None:
            self._loading = False
            if self._reload_pending:
                self.refresh()
                return
            self.rows, skipped = result
            self.skipped_label.setVisible(bool(skipped))
            if skipped:
                self.skipped_label.setText(
                    _("{count} folder(s) could not be read.").format(count=len(skipped))
                )
                self.skipped_label.setToolTip("\n".join(skipped))
            self.apply_filter()

        def failed(exc: BaseException, details: str) -> None:
            self._loading = False
            show_error(self, exc, details)

        self.context.run_job(work, done, failed, title=_("Loading the dossier list…"), owner=self)

    def apply_filter(self) -> None:
        selected = self.selected_folder()  # kept selected when the list re-sorts (issue 18)
        self.table.clearSelection()  # never another dossier at the same row number
        text = self.search.text()
        state = self.state_filter.currentData()
        visible = [
            row
            for row in self.rows
            if row["summary"].matches(text) and (not state or row["state"] == state)
        ]
        self.table.setRowCount(len(visible))
        for index, row in enumerate(visible):
            self._fill_row(index, row)
            if selected is not None and row["summary"].folder == selected:
                self.table.selectRow(index)
        self.empty_label.setVisible(not self.rows)
        self._update_buttons()

    def _fill_row(self, index: int, row: dict) -> None:
        summary = row["summary"]
        values = [
            summary.applicant_name or _("(no name yet)"),
            summary.personal_id,
            summary.title or summary.procedure_code,
            _(STATE_LABELS.get(row["state"], row["state"])),
            format_date(row["due"]) if row["due"] else "",
            format_date(summary.modified),
        ]
        for column, value in enumerate(values):
            item = QtWidgets.QTableWidgetItem(value)
            item.setData(USER_ROLE, str(summary.folder))
            if row["state"] == "overdue":
                item.setForeground(QtGui.QBrush(QtGui.QColor("#b00020")))
            item.setToolTip(str(summary.folder))
            self.table.setItem(index, column, item)

    def selected_folder(self) -> Path | None:
        items = self.table.selectedItems()
        return Path(items[0].data(USER_ROLE)) if items else None

    def selected_row(self) -> dict | None:
        folder = self.selected_folder()
        return next((r for r in self.rows if r["summary"].folder == folder), None)

    def _update_buttons(self) -> None:
        row = self.selected_row()
        for button in (self.open_selected_button, self.same_citizen_button,
                       self.separators_button):  # fmt: skip
            button.setEnabled(row is not None)
        self.submitted_button.setEnabled(row is not None and row["state"] in ("draft", "ready"))
        self.result_button.setEnabled(row is not None and row["state"] in ("submitted", "overdue"))

    # ---- actions ------------------------------------------------------------------------------
    def open_selected(self) -> None:
        folder = self.selected_folder()
        if folder is not None:
            self.open_requested.emit(folder)

    def new_for_same_citizen(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.context.events.new_dossier_for_applicant.emit(dict(row["summary"].applicant))

    def ask_submission(self) -> None:
        folder = self.selected_folder()
        if folder is None:
            return
        dialog = SubmissionDialog(self)
        if dialog.exec():
            self.record_submission(folder, *dialog.values())
        dialog.deleteLater()

    def record_submission(self, folder: Path, code: str, day: date) -> None:
        from dossier.actions import record_submitted

        self._edit(folder, lambda workspace: record_submitted(workspace, code, day))

    def mark_result_received(self) -> None:
        """Record the result as received today, after the clerk confirms (it clears the due
        date and moves the dossier out of the waiting ones)."""
        row = self.selected_row()
        if row is None:
            return
        summary = row["summary"]
        question = _(
            "Record that the result of this dossier was received today?\n\n{name} — {procedure}"
            "\n\nThe dossier then leaves the dossiers waiting for a result."
        ).format(
            name=summary.applicant_name or _("(no name yet)"),
            procedure=summary.title or summary.procedure_code,
        )
        if self.context.dialogs.confirm(_("Result received"), question):
            self.record_result(summary.folder, date.today())

    def record_result(self, folder: Path, day: date) -> None:
        from dossier.actions import record_result

        self._edit(folder, lambda workspace: record_result(workspace, day))

    def _edit(self, folder: Path, change) -> None:
        """Change a dossier: through the open session when it is the open one (no clash)."""
        from dossier import Workspace

        try:
            if self.session is not None and self.session.root.resolve() == folder.resolve():
                change(self.session.workspace)
                self.session.mark_changed()
                self.session.flush()
            else:
                workspace = Workspace.open(folder)
                change(workspace)
                workspace.save()
        except HosoError as exc:
            show_error(self, exc)
            return
        self.refresh()

    def _choose_folder(self) -> None:
        folder = self.context.dialogs.choose_folder(
            _("Open dossier folder"), self.context.dossier_root
        )
        if folder:
            self.open_requested.emit(folder)
