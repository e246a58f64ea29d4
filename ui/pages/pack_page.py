"""Step 6 "Đóng gói & nộp": checklist, export for upload and for printing, the upload guide.

The checklist (dossier.checklist) runs in the background whenever the page is entered or the
dossier changes. Exports run through ui.jobs with progress and cancel; their results show each
file's size against the portal's limit. The guide lists the portal's steps and which file goes
into which "Tải tệp lên" slot; buttons open the portal, the export folder and the guide, and
print the combined PDF through the system dialog (duplex when asked).
"""

from __future__ import annotations

import copy
import html
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from common.errors import CancelledError
from common.i18n import N_, _, format_number
from ui.error_dialog import show_error
from ui.jobs import Job, run_in_background
from ui.pages.base import StepPage, StepStatus
from ui.qt import Qt, QtCore, QtGui, QtWidgets, print_support

if TYPE_CHECKING:
    from dossier.catalog_model import PortalProfile, Procedure
    from dossier.checklist import Checklist
    from dossier.packaging import UploadExport
    from ui.context import AppContext

log = logging.getLogger("hoso.ui.pack")

FEE_CHOICES = (
    ("office", N_("Pay at the receiving agency")),
    ("online", N_("Pay online on the portal")),
    ("post", N_("Pay the postal service on delivery")),
)
PRINT_FILE = "in_ho_so.pdf"
PRINT_DPI = 300
BLOCKING_COLOR = "#b00020"
DRAFT_PROBLEMS_LISTED = 8  # the confirmation lists at most this many blocking problems


def _mb(size: float) -> str:
    return _("{size} MB").format(size=format_number(size / (1024 * 1024), 2))


class _Tabs(QtWidgets.QTabWidget):
    """Tabs that may shrink to their minimum: with a wrapped label inside, Qt took their
    preferred height (tables and lists at full size) as the page's minimum, so the page
    scrolled on a 1180 x 780 window and an export scrolled its title out of sight."""

    def hasHeightForWidth(self) -> bool:
        return False


class PackPage(StepPage):
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
        choices.addRow(_("Result received:"), self.delivery_label)
        self.fee_combo = QtWidgets.QComboBox()
        self.fee_combo.setAccessibleName(_("How the fee is paid"))
        for value, label in FEE_CHOICES:
            self.fee_combo.addItem(_(label), value)
        self.fee_combo.currentIndexChanged.connect(self._fee_chosen)
        choices.addRow(_("Fee pa&yment:"), self.fee_combo)
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

    def _show_checklist_tab(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.check_table.setFocus()

    def _build_check_tab(self) -> QtWidgets.QWidget:
        box = QtWidgets.QWidget()
        layout = QtWidgets.QVBoxLayout(box)
        headers = (
            _("No."),
            _("Component"),
            _("Required"),
            _("Pages"),
            _("Size / limit"),
            _("Signed"),
            _("State"),
        )
        self.check_table = QtWidgets.QTableWidget(0, len(headers))
        self.check_table.setHorizontalHeaderLabels(headers)
        self.check_table.setAccessibleName(_("Checklist of the dossier components"))
        self._table_defaults(self.check_table, stretch=1)
        layout.addWidget(self.check_table, 2)
        summary_row = QtWidgets.QHBoxLayout()
        self.summary = QtWidgets.QLabel()
        self.summary.setWordWrap(True)
        summary_row.addWidget(self.summary, 1)
        # secondary on purpose: shown only when the export is refused, next to the reason
        self.draft_button = QtWidgets.QPushButton(_("Export a &draft anyway (incomplete)…"))
        self.draft_button.setToolTip(
            _(
                "Export the files present although the dossier is not ready, marked incomplete:"
                " to check or to show a clerk, not to submit."
            )
        )
        self.draft_button.clicked.connect(self.export_draft)
        self.draft_button.hide()
        summary_row.addWidget(self.draft_button)
        layout.addLayout(summary_row)
        self.problem_list = QtWidgets.QListWidget()
        self.problem_list.setAccessibleName(_("Problems found"))
        layout.addWidget(self.problem_list, 1)
        return box

    def _build_results_tab(self) -> QtWidgets.QWidget:
        box = QtWidgets.QWidget()
        layout = QtWidgets.QVBoxLayout(box)
        self.incomplete_label = QtWidgets.QLabel(
            _(
                "Incomplete draft: not ready to submit."
                " Fix the blocking problems, then export again."
            )
        )
        self.incomplete_label.setWordWrap(True)
        bold = self.incomplete_label.font()
        bold.setBold(True)
        self.incomplete_label.setFont(bold)
        palette = self.incomplete_label.palette()
        palette.setColor(QtGui.QPalette.ColorRole.WindowText, QtGui.QColor(BLOCKING_COLOR))
        self.incomplete_label.setPalette(palette)
        self.incomplete_label.hide()
        layout.addWidget(self.incomplete_label)
        headers = (_("File"), _("Pages"), _("Size"), _("Limit"), _("Note"))
        self.result_table = QtWidgets.QTableWidget(0, len(headers))
        self.result_table.setHorizontalHeaderLabels(headers)
        self.result_table.setAccessibleName(_("Exported files"))
        self._table_defaults(self.result_table, stretch=0)
        layout.addWidget(self.result_table, 1)
        self.result_label = QtWidgets.QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.result_label)
        return box

    @staticmethod
    def _table_defaults(table: QtWidgets.QTableWidget, stretch: int) -> None:
        table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QtWidgets.QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(stretch, QtWidgets.QHeaderView.ResizeMode.Stretch)

    # ---- data ---------------------------------------------------------------------------------
    def _load_sources(self) -> None:
        """The procedure of the open dossier and the portal profiles (small JSON files)."""
        from dossier.catalog import list_portals, load_catalog

        self.procedure = None
        if self.session is None:
            return
        catalog = load_catalog(self.context.catalog_dir)
        self.procedure = catalog.find(self.session.dossier.procedure_code)
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

    def _setting(self, name: str) -> Any:
        try:
            return self.context.settings.get(name)
        except (KeyError, AttributeError):
            return None

    def _snapshot(self):
        """A private copy of the workspace for a worker thread (the GUI may keep editing)."""
        from dossier.workspace import Workspace

        assert self.session is not None
        return Workspace(self.session.root, copy.deepcopy(self.session.dossier))

    def export_folder(self) -> Path:
        assert self.session is not None and self.portal is not None
        return self.session.root / "export" / self.portal.id

    # ---- checklist ------------------------------------------------------------------------------
    def refresh_checklist(self) -> None:
        if self.session is None or self.procedure is None or self.portal is None:
            return
        from dossier.checklist import check

        workspace, procedure, portal = self._snapshot(), self.procedure, self.portal
        self._check_generation += 1
        generation = self._check_generation

        def work(progress, cancel):
            return check(workspace, procedure, portal)

        def done(result: Checklist) -> None:
            if generation == self._check_generation:  # a newer check supersedes this one
                self.show_checklist(result)

        run_in_background(
            work, done, lambda exc, details: show_error(self, exc, details), name="checklist"
        )

    def show_checklist(self, checklist: Checklist) -> None:
        self.checklist = checklist
        table = self.check_table
        table.setRowCount(len(checklist.components))
        for row, item in enumerate(checklist.components):
            problems = checklist.problems_of(item.component.id)
            blocking = any(p.severity == "blocking" for p in problems)
            if blocking:
                state = _("Blocking problem")
            elif not item.present:
                state = _("Not given") if not item.component.required else _("Missing")
            elif item.over_limit:
                state = _("Will be compressed")
            else:
                state = _("Ready")
            cells = (
                str(item.index),
                item.component.name,
                _("required") if item.component.required else _("optional"),
                str(item.pages) if item.present else "–",
                f"{_mb(item.bytes)} / {_mb(item.limit_bytes)}" if item.present else "–",
                _("yes") if item.signed else "",
                state,
            )
            for column, text in enumerate(cells):
                cell = QtWidgets.QTableWidgetItem(text)
                if blocking:
                    cell.setForeground(QtGui.QBrush(QtGui.QColor(BLOCKING_COLOR)))
                if problems:
                    cell.setToolTip("\n".join(p.message for p in problems))
                table.setItem(row, column, cell)
        self.problem_list.clear()
        for problem in checklist.problems:
            label = _("Blocking") if problem.severity == "blocking" else _("Warning")
            entry = QtWidgets.QListWidgetItem(f"{label}: {problem.message}")
            color = BLOCKING_COLOR if problem.severity == "blocking" else "#8a5a00"
            entry.setForeground(QtGui.QBrush(QtGui.QColor(color)))
            self.problem_list.addItem(entry)
        if checklist.ready:
            self.summary.setText(_("The dossier is ready to export."))
        else:
            self.summary.setText(
                _("{count} blocking problem(s): fix them before exporting.").format(
                    count=len(checklist.blocking)
                )
            )
        self._show_guide()
        self._update_buttons()
        self.status_changed.emit()

    # ---- guide ----------------------------------------------------------------------------------
    def _show_guide(self) -> None:
        if self.session is None or self.procedure is None or self.portal is None:
            self.guide_view.clear()
            return
        from dossier.packaging import upload_guide

        if self.export is not None:
            guide = self.export.guide
        elif self.checklist is not None:
            guide = upload_guide(
                self._snapshot(), self.procedure, self.portal, None, self.checklist
            )
        else:
            return
        e = html.escape
        steps = "".join(f"<li>{e(step)}</li>" for step in guide.steps)
        rows = "".join(
            f"<tr><td>{slot.index}</td><td>{e(slot.component)}</td><td>"
            + (
                "<br>".join(
                    f"<b>{e(name)}</b> ({_mb(size)})" for name, size in zip(slot.files, slot.sizes)
                )
                or f"<i>{e(_('nothing to upload'))}</i>"
            )
            + "</td></tr>"
            for slot in guide.slots
        )
        note = "" if self.export else f"<p><i>{e(_('File names before export (planned).'))}</i></p>"
        warning = ""
        if guide.blocking:  # an incomplete draft was exported: say so above everything
            problems = "".join(f"<li>{e(problem)}</li>" for problem in guide.blocking)
            warning = (
                f"<p style='color:{BLOCKING_COLOR}'><b>"
                f"{e(_('Incomplete dossier: not ready to submit.'))}</b></p>"
                f"<ul style='color:{BLOCKING_COLOR}'>{problems}</ul>"
            )
        self.guide_view.setHtml(
            f"<h3>{e(guide.title)}</h3>{warning}<p>{e(_('Portal'))}: "
            f"<a href='{e(guide.portal_url)}'>{e(guide.portal_name)}</a></p><ol>{steps}</ol>"
            f"<table border='1' cellspacing='0' cellpadding='4'><tr><th>#</th>"
            f"<th>{e(_('Dossier component'))}</th><th>{e(_('File'))}</th></tr>{rows}</table>"
            f"{note}<p>{e(_('Fee payment'))}: {e(guide.fee_payment)}</p>"
        )

    # ---- choices --------------------------------------------------------------------------------
    def _portal_chosen(self) -> None:
        self.portal = self.portal_combo.currentData()
        session, portal = self.session, self.portal
        if (
            session is not None
            and portal is not None
            and session.dossier.submission.portal != portal.id
        ):
            session.dossier.submission.portal = portal.id
            session.mark_changed()
        self.export = None
        self.refresh_checklist()

    def _fee_chosen(self) -> None:
        if self.session is None:
            return
        value = self.fee_combo.currentData()
        submission = self.session.dossier.submission
        if submission.fee_payment != value:
            submission.fee_payment = value
            self.session.mark_changed()

    def _show_submission(self) -> None:
        from dossier.guide import delivery_text

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

        self.job = run_in_background(work, finished, failed, progress=self._on_progress, name=title)
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

    def _draft_question(self, target: Path) -> str:
        assert self.checklist is not None
        problems = [problem.message for problem in self.checklist.blocking]
        lines = [
            _("The dossier still has {count} blocking problem(s):").format(count=len(problems)),
            *(f"• {message}" for message in problems[:DRAFT_PROBLEMS_LISTED]),
        ]
        if len(problems) > DRAFT_PROBLEMS_LISTED:
            lines.append(
                _("… and {count} more.").format(count=len(problems) - DRAFT_PROBLEMS_LISTED)
            )
        lines += [
            "",
            _(
                "The files present will be exported and marked INCOMPLETE in manifest.json and"
                " in the upload guide. Such a draft cannot be submitted on the portal."
            ),
        ]
        if _has_files(target):
            replaced = _("The previous export in {folder} will be replaced.")
            lines.append(replaced.format(folder=self.context.shown_path(target)))
        lines += ["", _("Export a draft anyway?")]
        return "\n".join(lines)

    def _export(self, target: Path, allow_incomplete: bool, title: str) -> None:
        from dossier.packaging import PackOptions, export_for_upload

        assert self.session is not None and self.procedure is not None and self.portal is not None
        self.session.flush()
        workspace, procedure, portal = self._snapshot(), self.procedure, self.portal
        options = PackOptions(
            make_zip=self.zip_box.isChecked(), overwrite=True, allow_incomplete=allow_incomplete
        )

        def work(progress, cancel):
            return export_for_upload(
                workspace, procedure, portal, target, options, progress, cancel
            )

        self._start_job(work, self.show_export, title)

    def show_export(self, result: UploadExport) -> None:
        from ui.step_status import record_export

        self.export = result
        if self.session is not None and self.portal is not None:
            submission = self.session.dossier.submission
            submission.portal = self.portal.id  # remember where the files are meant for
            record_export(
                self.session.dossier,
                self.portal.id,
                str(result.folder),
                len(result.files),
                complete=result.complete,
            )
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
            _("{files} file(s), {size} in all (inputs {inputs}), in {folder}").format(
                files=len(result.files),
                size=_mb(result.total_bytes),
                inputs=_mb(result.input_bytes),
                folder=self.context.shown_path(result.folder),
            ),
            *result.notes,
        ]
        self.result_label.setText("\n".join(lines))
        self.result_label.setToolTip(str(result.folder))  # the whole way to the files
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
        from dossier.packaging import PrintOptions, export_for_print

        printer = None
        if print_after:
            printer = self.ask_printer()
            if printer is None:
                return
        target = self.session.root / "export" / PRINT_FILE
        workspace, procedure, portal = self._snapshot(), self.procedure, self.portal
        manifest = self.export.manifest_sha256 if self.export is not None else None

        def work(progress, cancel):
            result = export_for_print(
                workspace,
                procedure,
                portal,
                target,
                PrintOptions(manifest_sha256=manifest),
                progress,
                cancel,
            )
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

    def ask_printer(self):
        """The system print dialog (duplex preset from the check box); None when cancelled."""
        QtPrintSupport = print_support()
        printer = QtPrintSupport.QPrinter(QtPrintSupport.QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QtGui.QPageSize(QtGui.QPageSize.PageSizeId.A4))
        printer.setFullPage(True)
        printer.setDocName(_("Dossier"))
        if self.duplex_box.isChecked():
            printer.setDuplex(QtPrintSupport.QPrinter.DuplexMode.DuplexLongSide)
        dialog = QtPrintSupport.QPrintDialog(printer, self)
        dialog.setWindowTitle(_("Print the dossier"))
        if dialog.exec() != QtWidgets.QDialog.DialogCode.Accepted:
            return None
        return printer

    # ---- desktop --------------------------------------------------------------------------------
    def open_portal(self) -> None:
        if self.portal is not None:
            QtGui.QDesktopServices.openUrl(QtCore.QUrl(self.portal.url))

    def open_guide(self) -> None:
        """The guide as a page in the browser, to print or keep beside the portal."""
        if self.export is not None:
            QtGui.QDesktopServices.openUrl(QtCore.QUrl.fromLocalFile(str(self.export.guide_path)))

    def open_folder(self) -> None:
        if self.session is None:
            return
        folder = self.export.folder if self.export is not None else self.session.root / "export"
        folder.mkdir(parents=True, exist_ok=True)
        QtGui.QDesktopServices.openUrl(QtCore.QUrl.fromLocalFile(str(folder)))

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


def _has_files(folder: Path) -> bool:
    return folder.is_dir() and any(folder.iterdir())


def print_pdf(path: Path, printer: Any, progress=None, cancel=None) -> int:
    """Paint every page of the PDF on the printer at its physical size (worker thread is fine:
    QPainter on a QPrinter may run outside the GUI thread)."""
    import pymupdf

    from common.progress import check_cancel
    from ui.pdf_render import render_page_banded

    painter = QtGui.QPainter()
    if not painter.begin(printer):
        from common.errors import OutputError

        raise OutputError(_("The printer could not be started."), path=path)
    try:
        with pymupdf.open(path) as doc:
            dpi = min(PRINT_DPI, printer.resolution())
            for number, page in enumerate(doc):
                check_cancel(cancel)
                if progress is not None:
                    progress(number, doc.page_count, _("Printing page {n}").format(n=number + 1))
                if number:
                    printer.newPage()
                pixmap = render_page_banded(page, pymupdf.Matrix(dpi / 72, dpi / 72))
                image = QtGui.QImage(
                    pixmap.samples,
                    pixmap.width,
                    pixmap.height,
                    pixmap.stride,
                    QtGui.QImage.Format.Format_RGB888,
                )
                # full-page mode: the page is painted at its physical size from the corner
                paper = printer.pageLayout().fullRectPixels(printer.resolution()).size()
                size = QtCore.QSize(
                    round(page.rect.width / 72 * printer.resolution()),
                    round(page.rect.height / 72 * printer.resolution()),
                )
                if not paper.isEmpty() and (
                    size.width() > paper.width() or size.height() > paper.height()
                ):
                    size = size.scaled(paper, Qt.AspectRatioMode.KeepAspectRatio)
                painter.drawImage(QtCore.QRect(QtCore.QPoint(0, 0), size), image)
            return doc.page_count
    finally:
        painter.end()
