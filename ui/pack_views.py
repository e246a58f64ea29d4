"""What the pack page shows: checklist and result tabs, the upload guide, the draft question,
the print dialog and the desktop links (a mixin of PackPage)."""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING

from common.i18n import _, format_number
from ui.qt import Qt, QtGui, QtWidgets, print_support
from ui.widgets import MainColumnShare

if TYPE_CHECKING:
    from dossier import Checklist

BLOCKING_COLOR = "#b00020"
DRAFT_PROBLEMS_LISTED = 8  # the confirmation lists at most this many blocking problems


class PackViews:
    """What the pack page shows: methods of PackPage, which inherits them."""

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
        table.column_share = MainColumnShare(table, main_column=stretch)  # kept with the table

    def show_checklist(self, checklist: Checklist) -> None:
        self.checklist = checklist
        table = self.check_table
        table.setRowCount(len(checklist.components))
        for row, item in enumerate(checklist.components):
            problems = checklist.problems_of(item.component.id)
            blocking = any(p.severity == "blocking" for p in problems)
            if blocking:
                state = _("Must be fixed")
            elif not item.present and item.component.copy_kind == "present":
                state = _("Shown at the office")  # "xuất trình bản chính": nothing to upload
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
            label = _("Must fix") if problem.severity == "blocking" else _("Warning")
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

    def _show_guide(self) -> None:
        if self.session is None or self.procedure is None or self.portal is None:
            self.guide_view.clear()
            return
        from dossier import upload_guide

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

    def open_portal(self) -> None:
        if self.portal is not None:
            self.context.dialogs.open_url(self.portal.url)

    def open_guide(self) -> None:
        """The guide as a page in the browser, to print or keep beside the portal."""
        if self.export is not None:
            self.context.dialogs.open_path(self.export.guide_path)

    def open_folder(self) -> None:
        if self.session is None:
            return
        folder = (
            self.export.folder if self.export is not None else self.session.workspace.export_root
        )
        folder.mkdir(parents=True, exist_ok=True)
        self.context.dialogs.open_path(folder)  # says where it is when nothing can open it


def _mb(size: float) -> str:
    return _("{size} MB").format(size=format_number(size / (1024 * 1024), 2))


class _Tabs(QtWidgets.QTabWidget):
    """Tabs that may shrink to their minimum: with a wrapped label inside, Qt took their
    preferred height (tables and lists at full size) as the page's minimum, so the page
    scrolled on a 1180 x 780 window and an export scrolled its title out of sight."""

    def hasHeightForWidth(self) -> bool:
        return False


def _has_files(folder: Path) -> bool:
    return folder.is_dir() and any(folder.iterdir())
