"""Step 6 "Đóng gói & nộp": checklist, export for upload and for printing, the upload guide.

The checklist (dossier.checklist) runs in the background whenever the page is entered or the
dossier changes. Exports run through ui.jobs with progress and cancel; their results show each
file's size against the portal's limit. The guide lists the portal's steps and which file goes
into which "Tải tệp lên" slot; buttons open the portal, the export folder and the guide, and
print the combined PDF through the system dialog (duplex when asked).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from common.errors import CancelledError
from common.i18n import N_, _
from ui.error_dialog import show_error
from ui.jobs import Job, run_in_background
from ui.pack_views import PackViews, _has_files, _mb, _Tabs
from ui.pages.base import StepPage, StepStatus
from ui.printing import print_pdf
from ui.qt import QtWidgets

if TYPE_CHECKING:
    from dossier import Checklist, PortalProfile, Procedure, UploadExport
    from ui.context import AppContext

log = logging.getLogger("hoso.ui.pack")

FEE_CHOICES = (
    ("office", N_("Pay at the receiving agency")),
    ("online", N_("Pay online on the portal")),
    ("post", N_("Pay the postal service on delivery")),
)


class PackPage(PackViews, StepPage):
    step_id = "pack"

    CHECK_COLUMNS = ("index", "name", "need", "pages", "size", "signed", "state")
    RESULT_COLUMNS = ("file", "pages", "size", "limit", "note")

    def __init__(self, context: AppContext, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.procedure: Procedure | None = None
        self.portal: PortalProfile | None = None
        self.checklist: Checklist | None = None
        self.export: UploadExport | None = None
        self.print_path: Path | None = None
        self.job: Job | None = None
        self._check_generation = 0
        self._build()

    # ---- construction -------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        self.title = QtWidgets.QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        layout.addWidget(self.title)

        choices = QtWidgets.QFormLayout()
        self.portal_combo = QtWidgets.QComboBox()
        self.portal_combo.setAccessibleName(_("Portal to submit on"))
        self.portal_combo.currentIndexChanged.connect(self._portal_chosen)
        choices.addRow(_("&Portal:"), self.portal_combo)
        self.delivery_label = QtWidgets.QLabel()
        self.delivery_label.setWordWrap(True)
        choices.addRow(_("Result delivery:"), self.delivery_label)
        self.fee_combo = QtWidgets.QComboBox()
        self.fee_combo.setAccessibleName(_("How the fee is paid"))
        for value, label in FEE_CHOICES:
            self.fee_combo.addItem(_(label), value)
        self.fee_combo.currentIndexChanged.connect(self._fee_chosen)
        # a free procedure has nothing to pay: the row says so instead of asking how (issue 18)
        self.free_label = QtWidgets.QLabel(_("Free of charge: nothing to pay"))
        self.free_label.hide()
        fee_row = QtWidgets.QHBoxLayout()
        fee_row.setContentsMargins(0, 0, 0, 0)
        fee_row.addWidget(self.fee_combo, 1)
        fee_row.addWidget(self.free_label, 1)
        fee_label = QtWidgets.QLabel(_("Fee pa&yment:"))
        fee_label.setBuddy(self.fee_combo)
        choices.addRow(fee_label, fee_row)
        layout.addLayout(choices)

        self.tabs = _Tabs()
        self.tabs.addTab(self._build_check_tab(), _("Checklist"))
        self.tabs.addTab(self._build_results_tab(), _("Exported files"))
        self.guide_view = QtWidgets.QTextBrowser()
        self.guide_view.setOpenExternalLinks(True)
        self.guide_view.setAccessibleName(_("Upload guide"))
        self.tabs.addTab(self.guide_view, _("Upload guide"))
        layout.addWidget(self.tabs, 1)

        progress_row = QtWidgets.QHBoxLayout()
        self.progress = QtWidgets.QProgressBar()
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.cancel_button = QtWidgets.QPushButton(_("Cancel"))
        self.cancel_button.clicked.connect(self._cancel_job)
        self.cancel_button.hide()
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)
        layout.addLayout(progress_row)

        buttons = QtWidgets.QHBoxLayout()
        self.export_button = QtWidgets.QPushButton(_("&Export for upload"))
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.export_for_upload)
        self.zip_box = QtWidgets.QCheckBox(_("also a &ZIP"))
        self.print_export_button = QtWidgets.QPushButton(_("Export for p&rinting"))
        self.print_export_button.clicked.connect(lambda: self.export_for_print(print_after=False))
        self.print_button = QtWidgets.QPushButton(_("&Print…"))
        self.print_button.clicked.connect(lambda: self.export_for_print(print_after=True))
        self.duplex_box = QtWidgets.QCheckBox(_("T&wo-sided"))
        self.duplex_box.setChecked(True)
        for widget in (self.export_button, self.zip_box, self.print_export_button):
            buttons.addWidget(widget)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.duplex_box)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        buttons = QtWidgets.QHBoxLayout()  # a second row: fits a small screen at 150 %
        buttons.addStretch(1)
        self.portal_button = QtWidgets.QPushButton(_("Open the p&ortal"))
        self.portal_button.clicked.connect(self.open_portal)
        self.folder_button = QtWidgets.QPushButton(_("Open the &folder"))
        self.folder_button.clicked.connect(self.open_folder)
        self.guide_button = QtWidgets.QPushButton(_("Open the printable &guide"))
        self.guide_button.clicked.connect(self.open_guide)
        buttons.addWidget(self.guide_button)
        buttons.addWidget(self.portal_button)
        buttons.addWidget(self.folder_button)
        layout.addLayout(buttons)
        self._bind_keys()
        self._update_buttons()

    def _bind_keys(self) -> None:
        for button, key in (
            (self.export_button, "Ctrl+E"),
            (self.print_export_button, "Ctrl+Shift+E"),
            (self.print_button, "Ctrl+P"),
            (self.guide_button, "Ctrl+Shift+H"),
            (self.portal_button, "Ctrl+Shift+B"),
            (self.folder_button, "Ctrl+Shift+D"),
            (self.cancel_button, "Esc"),
        ):
            self.bind_key(button, key)
        self.add_key("Ctrl+L", _("Checklist of the dossier components"), self._show_checklist_tab)
        self.add_key("Ctrl+Shift+U", _("Upload guide"), lambda: self.tabs.setCurrentIndex(2))

    # ---- data ---------------------------------------------------------------------------------
    def _load_sources(self) -> None:
        """The procedure of the open dossier and the portal profiles (small JSON files)."""
        from dossier import list_portals

        self.procedure = None
        if self.session is None:
            return
        self.procedure = self.context.procedure(self.session.dossier.procedure_code)
        portals = list_portals()
        wanted = self.session.dossier.submission.portal or self._setting("default_portal")
        self.portal_combo.blockSignals(True)
        self.portal_combo.clear()
        for profile in portals:
            self.portal_combo.addItem(profile.name, profile)
        index = max(0, next((i for i, p in enumerate(portals) if p.id == wanted), 0))
        self.portal_combo.setCurrentIndex(index)
        self.portal_combo.blockSignals(False)
        self.portal = self.portal_combo.currentData()
        free = self.procedure is not None and self.procedure.fee.amount_vnd == 0
        self.fee_combo.setVisible(not free)
        self.free_label.setVisible(free)

    def _setting(self, name: str) -> Any:
        try:
            return self.context.settings.get(name)
        except (KeyError, AttributeError):
            return None

    def _snapshot(self):
        """A private copy of the workspace for a worker thread (the GUI may keep editing)."""
        assert self.session is not None
        return self.session.workspace.detached_copy()

    def export_folder(self) -> Path:
        assert self.session is not None and self.portal is not None
        return self.session.workspace.export_dir(self.portal.id)

    # ---- checklist ------------------------------------------------------------------------------
    def refresh_checklist(self) -> None:
        if self.session is None or self.procedure is None or self.portal is None:
            return
        from dossier import check

        workspace, procedure, portal = self._snapshot(), self.procedure, self.portal
        self._check_generation += 1
        generation = self._check_generation

        def work(progress, cancel):
            return check(workspace, procedure, portal)

        def done(result: Checklist) -> None:
            if generation == self._check_generation:  # a newer check supersedes this one
                self.show_checklist(result)

        run_in_background(
            work,
            done,
            lambda exc, details: show_error(self, exc, details),
            name="checklist",
            owner=self,  # closures have no owner of their own: a late result hit a deleted table
        )

    # ---- guide ----------------------------------------------------------------------------------

    # ---- choices --------------------------------------------------------------------------------
    def _portal_chosen(self) -> None:
        self.portal = self.portal_combo.currentData()
        session, portal = self.session, self.portal
        if (
            session is not None
            and portal is not None
            and session.dossier.submission.portal != portal.id
        ):
            self._set_submission(portal=portal.id)
        self.export = None
        self.refresh_checklist()

    def _fee_chosen(self) -> None:
        if self.session is None:
            return
        value = self.fee_combo.currentData()
        if self.session.dossier.submission.fee_payment != value:
            self._set_submission(fee_payment=value)

    def _set_submission(self, **choices: str) -> None:
        """Through dossier.actions: the same checks as `hoso submission`."""
        from common.errors import HosoError
        from dossier.actions import SubmissionChoices, set_submission_choices

        assert self.session is not None
        try:
            set_submission_choices(self.session.workspace, SubmissionChoices(**choices))
        except HosoError as exc:
            show_error(self, exc)
            self._show_submission()
            return
        self.session.mark_changed()

    def _show_submission(self) -> None:
        from dossier import delivery_text

        if self.session is None:
            self.delivery_label.clear()
            return
        submission = self.session.dossier.submission
        self.delivery_label.setText(delivery_text(submission) + "  " + _("(change it in step 2)"))
        self.fee_combo.blockSignals(True)
        self.fee_combo.setCurrentIndex(max(0, self.fee_combo.findData(submission.fee_payment)))
        self.fee_combo.blockSignals(False)

    # ---- jobs -----------------------------------------------------------------------------------
    def _start_job(self, work, on_done, title: str) -> None:
        self.progress.setRange(0, 0)
        self.progress.setFormat(title)
        self.progress.show()
        self.cancel_button.show()

        def finished(result: Any) -> None:
            self._job_over()
            on_done(result)

        def failed(exc: BaseException, details: str) -> None:
            self._job_over()
            if isinstance(exc, CancelledError):
                self.context.events.status_message.emit(exc.message)
                return
            show_error(self, exc, details)

        self.job = run_in_background(
            work, finished, failed, progress=self._on_progress, name=title, owner=self
        )
        self.context.events.job_started.emit(self.job, title)
        self._update_buttons()

    def _on_progress(self, done: int, total: int, message: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(f"{message} (%p%)")

    def _job_over(self) -> None:
        self.job = None
        self.progress.hide()
        self.cancel_button.hide()
        self._update_buttons()

    def _cancel_job(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def _update_buttons(self) -> None:
        idle = self.job is None
        ready = self.checklist is not None and self.checklist.ready
        has_dossier = self.session is not None and self.procedure is not None
        blocked = self.checklist is not None and not self.checklist.ready
        self.export_button.setEnabled(idle and ready)
        self.draft_button.setVisible(blocked and has_dossier)
        self.draft_button.setEnabled(idle and blocked and has_dossier and self.portal is not None)
        self.print_export_button.setEnabled(idle and has_dossier and self.checklist is not None)
        self.print_button.setEnabled(idle and has_dossier and self.checklist is not None)
        self.portal_button.setEnabled(self.portal is not None)
        self.folder_button.setEnabled(has_dossier)
        self.guide_button.setEnabled(self.export is not None)
        for combo in (self.portal_combo, self.fee_combo):
            combo.setEnabled(idle and has_dossier)

    # ---- export for upload ----------------------------------------------------------------------
    def export_for_upload(self) -> None:
        if self.session is None or self.procedure is None or self.portal is None:
            return
        target = self.export_folder()
        if _has_files(target) and not self.context.dialogs.confirm(
            _("Export for upload"),
            _("Replace the previous export in {folder}?").format(
                folder=self.context.shown_path(target)
            ),
        ):
            return
        self._export(target, allow_incomplete=False, title=_("Exporting for upload"))

    def export_draft(self) -> None:
        """Export although the checklist has blocking problems (`hoso pack --allow-incomplete`),
        once the user has read the problems and confirmed; the result says it is incomplete."""
        if self.session is None or self.procedure is None or self.portal is None:
            return
        if self.checklist is None or self.checklist.ready:
            return
        target = self.export_folder()
        if not self.context.dialogs.confirm(
            _("Export a draft (incomplete)"), self._draft_question(target)
        ):
            return
        self._export(target, allow_incomplete=True, title=_("Exporting a draft (incomplete)"))

    def _export(self, target: Path, allow_incomplete: bool, title: str) -> None:
        from dossier import PackOptions
        from dossier.actions import export_upload

        assert self.session is not None and self.procedure is not None and self.portal is not None
        self.session.flush()
        workspace, procedure, portal = self._snapshot(), self.procedure, self.portal
        options = PackOptions(
            make_zip=self.zip_box.isChecked(), overwrite=True, allow_incomplete=allow_incomplete
        )

        def work(progress, cancel):
            return export_upload(
                workspace, procedure, portal, options, progress, cancel, out_dir=target
            )

        self._start_job(work, self.show_export, title)

    def show_export(self, result: UploadExport) -> None:
        from dossier.actions import record_export

        self.export = result
        if self.session is not None and self.portal is not None:
            # remembers the portal the files are meant for and what the export was made of
            record_export(self.session.workspace, self.portal.id, result)
            self.session.mark_changed()
        table = self.result_table
        table.setRowCount(len(result.files))
        for row, item in enumerate(result.files):
            notes = []
            if item.signed:
                notes.append(_("signed, unchanged"))
            if item.reencoded:
                notes.append(_("compressed"))
            cells = (
                item.name,
                str(item.pages),
                _mb(item.bytes),
                _mb(item.limit_bytes),
                ", ".join(notes),
            )
            for column, text in enumerate(cells):
                cell = QtWidgets.QTableWidgetItem(text)
                cell.setToolTip(item.component_name)
                table.setItem(row, column, cell)
        lines = [
            _("{files} file(s), {size} in all, in {folder}").format(
                files=len(result.files),
                size=_mb(result.total_bytes),
                folder=self.context.shown_path(result.folder),
            ),
            *result.notes,
        ]
        self.result_label.setText("\n".join(lines))
        before = _("Before compression: {size}").format(size=_mb(result.input_bytes))
        self.result_label.setToolTip(f"{result.folder}\n{before}")  # the whole way to the files
        self.incomplete_label.setVisible(not result.complete)
        self.tabs.setCurrentIndex(1)
        self._show_guide()
        self._update_buttons()
        self.context.events.status_message.emit(
            _("Export finished.")
            if result.complete
            else _("Draft exported: INCOMPLETE, not ready to submit.")
        )
        self.status_changed.emit()

    # ---- print ----------------------------------------------------------------------------------
    def export_for_print(self, print_after: bool) -> None:
        if self.session is None or self.procedure is None or self.portal is None:
            return
        from dossier import PrintOptions
        from dossier.actions import export_print

        printer = None
        if print_after:
            printer = self.ask_printer()
            if printer is None:
                return
        workspace, procedure, portal = self._snapshot(), self.procedure, self.portal
        manifest = self.export.manifest_sha256 if self.export is not None else None

        def work(progress, cancel):
            result = export_print(
                workspace, procedure, portal, PrintOptions(manifest_sha256=manifest), progress,
                cancel,
            )  # fmt: skip
            if printer is not None:
                print_pdf(result.path, printer, progress, cancel)
            return result

        def done(result) -> None:
            self.print_path = result.path
            self.context.events.status_message.emit(
                _("Print PDF: {path} ({pages} pages)").format(
                    path=self.context.shown_path(result.path), pages=result.pages
                )
            )

        title = _("Printing") if print_after else _("Exporting for printing")
        self._start_job(work, done, title)

    # ---- desktop --------------------------------------------------------------------------------

    # ---- StepPage -------------------------------------------------------------------------------
    def on_session_changed(self) -> None:
        self.export = None
        self.checklist = None
        self.check_table.setRowCount(0)
        self.result_table.setRowCount(0)
        self.result_label.clear()
        self.result_label.setToolTip("")
        self.incomplete_label.hide()
        self.problem_list.clear()
        self._load_sources()
        if self.session is None:
            self.title.setText(_("Open or create a dossier first."))
        elif self.procedure is None:
            self.title.setText(_("The procedure of this dossier is not in the catalog."))
        else:
            self.title.setText(
                _("Package & submit: {name} ({code})").format(
                    name=self.procedure.name, code=self.procedure.code
                )
            )
        self._show_submission()
        self._update_buttons()
        self.refresh_checklist()

    def on_enter(self) -> None:
        self._show_submission()
        self.refresh_checklist()

    def step_status(self) -> StepStatus:
        from ui.step_status import pack_status

        if self.session is None:
            return StepStatus()
        return pack_status(self.session.dossier, self.checklist)
