"""Step "Scan documents" (Quét giấy tờ): photos and scans of each component into clean pages.

Per component: thumbnails of its pages (drag to reorder, drop files to import), rotate, delete,
undo, mode switch, corner editor, a preview computed in the background at screen size and a
gauge of the estimated PDF size against the portal limit. Export renders the pages at full
size (two worker processes) into work/<component>.pdf. Every OpenCV call runs in a job.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from common.i18n import N_, _
from dossier import DEFAULT_COMPONENT, actions, scan_files
from ui.context import AppContext
from ui.corner_editor import CornerEditing
from ui.page_list import (  # noqa: F401
    THUMB_SIZE,
    _PageList,
    _ThumbnailDelegate,
    percent_text,
    preview_pool,
    size_text,
    thumbnail_array,
)
from ui.pages.base import StepPage, StepStatus
from ui.qt import Qt, QtCore, QtGui, QtWidgets
from ui.scan_sources import ScanSources
from ui.widgets import FittedPreviewLabel, FlowRow, group_of

GAUGE_WIDTH, GAUGE_HEIGHT = 90, 12  # pixels of the size meter; its sentence says the numbers
PREVIEW_SIDE = 1000
DEFAULT_LIMIT_MB = 5.0
MODES = (
    ("color", N_("Colour document")),
    ("compact", N_("Compact colour")),
    ("gray", N_("Grayscale")),
    ("bw", N_("Black and white")),
    ("original", N_("Original photo")),
)
IMPORT_FILTER = N_(
    "Images and PDF (*.jpg *.jpeg *.png *.tif *.tiff *.webp *.bmp *.heic *.heif *.pdf)"
)
FILE_ID_ROLE = Qt.ItemDataRole.UserRole


class ScanPage(CornerEditing, ScanSources, StepPage):
    step_id = "scan"

    def __init__(self, context: AppContext, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.previews: dict[str, Any] = {}  # file id -> ScanResult at screen size
        self.estimates: dict[str, int] = {}  # file id -> estimated bytes at full size
        self.thumbnails: dict[str, Any] = {}  # file id -> small RGB array for the list
        self.failed: dict[str, str] = {}  # file id -> why its preview failed (not retried)
        self._jobs: list = []
        self._page_notice = False  # the notice shows a page's notices (not a stack's summary)
        self._build()

    # ---- layout ------------------------------------------------------------------------------

    def _build(self) -> None:
        self.component_box = QtWidgets.QComboBox()
        self.component_box.setAccessibleName(_("Dossier component"))
        # long component names must not set the window's minimum width (1366x768 laptops)
        self.component_box.setSizeAdjustPolicy(
            QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.component_box.setMinimumContentsLength(20)  # fits 810 px at 150 % scaling
        self.component_box.setSizePolicy(
            QtWidgets.QSizePolicy.Policy.Expanding, QtWidgets.QSizePolicy.Policy.Fixed
        )
        self.component_box.currentIndexChanged.connect(self.refresh_list)
        self.component_box.currentIndexChanged.connect(self._remember_component)
        self.import_button = QtWidgets.QPushButton(_("Add photos or PDF…"))
        self.import_button.clicked.connect(self.choose_files)
        self.scanner_button = QtWidgets.QPushButton(_("From scanner"))
        self.scanner_button.clicked.connect(self.acquire_from_scanner)
        self.watch_button = QtWidgets.QPushButton(_("Watch a folder…"))
        self.watch_button.setCheckable(True)
        self.watch_button.toggled.connect(self.toggle_watch)
        self.watch_timer = QtCore.QTimer(self)
        self.watch_timer.setInterval(2000)
        self.watch_timer.timeout.connect(self.poll_watch_folder)
        self.watch_source = None
        self.separators_button = QtWidgets.QPushButton(_("Separator sheets…"))
        self.separators_button.setToolTip(
            _("Print one sheet per document with a QR code, to scan a whole stack at once")
        )
        self.separators_button.clicked.connect(self.print_separators)
        self.stack_button = QtWidgets.QPushButton(_("Import a scanned stack…"))
        self.stack_button.setToolTip(
            _("Split scanned pages into the documents by separator sheets or blank pages")
        )
        self.stack_button.clicked.connect(self.choose_stack)
        self.rotate_left_button = QtWidgets.QPushButton(_("Rotate left"))
        self.rotate_left_button.clicked.connect(lambda: self.rotate_selected(-1))
        self.rotate_right_button = QtWidgets.QPushButton(_("Rotate right"))
        self.rotate_right_button.clicked.connect(lambda: self.rotate_selected(1))
        self.corners_button = QtWidgets.QPushButton(_("Corners…"))
        self.corners_button.clicked.connect(self.edit_corners)
        self.undo_button = QtWidgets.QPushButton(_("Undo"))
        self.undo_button.clicked.connect(self.undo_selected)
        self.delete_button = QtWidgets.QPushButton(_("Delete"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.mode_box = QtWidgets.QComboBox()
        self.mode_box.setAccessibleName(_("Enhancement mode"))
        for mode, label in MODES:
            self.mode_box.addItem(_(label), mode)
        self.mode_box.activated.connect(self.mode_chosen)
        self.card_box = QtWidgets.QCheckBox(_("ID &card: both sides on one A4 page"))
        self.export_button = QtWidgets.QPushButton(_("Make PDF"))
        self.export_button.clicked.connect(self.export_component)

        toolbar = QtWidgets.QHBoxLayout()
        component_label = QtWidgets.QLabel(_("C&omponent:"))
        component_label.setBuddy(self.component_box)
        toolbar.addWidget(component_label)
        toolbar.addWidget(self.component_box, 1)
        toolbar.addWidget(self.import_button)
        toolbar.addWidget(self.scanner_button)
        clerk_bar = QtWidgets.QHBoxLayout()
        clerk_bar.addWidget(self.watch_button)
        clerk_bar.addWidget(self.separators_button)
        clerk_bar.addWidget(self.stack_button)
        clerk_bar.addStretch(1)
        edit_bar = FlowRow()  # wraps on a small screen at 150 %
        for widget in (self.rotate_left_button, self.rotate_right_button, self.corners_button,
                       self.undo_button, self.delete_button):  # fmt: skip
            edit_bar.addWidget(widget)
        mode_label = QtWidgets.QLabel(_("&Mode:"))
        mode_label.setBuddy(self.mode_box)
        edit_bar.addWidget(group_of(mode_label, self.mode_box))

        self.page_list = _PageList()
        self.page_list.setAccessibleName(_("Pages of the component"))
        self.page_list.files_dropped.connect(self.import_files)
        self.page_list.reordered.connect(self.apply_list_order)
        self.page_list.currentItemChanged.connect(self.show_current)
        # the edit buttons follow the selection too: a lone page selected by a click or by
        # refresh_list never changed the current item, and they stayed disabled (issue 18)
        self.page_list.itemSelectionChanged.connect(self._update_buttons)
        self.page_list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.page_list.customContextMenuRequested.connect(self._show_page_menu)
        self.preview_label = FittedPreviewLabel(_("Add photos or scans of the document."))
        self.preview_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview_label.setMinimumSize(320, 400)
        self.preview_label.setAccessibleName(_("Preview of the page"))
        self.notice_label = QtWidgets.QLabel()
        self.notice_label.setWordWrap(True)
        splitter = QtWidgets.QSplitter()
        splitter.addWidget(self.page_list)
        right = QtWidgets.QWidget()
        right_layout = QtWidgets.QVBoxLayout(right)
        right_layout.addWidget(self.preview_label, 1)
        right_layout.addWidget(self.notice_label)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)

        # a small meter and a sentence: a wide bar reading "2%" looked like a stuck job
        self.gauge = QtWidgets.QProgressBar()
        self.gauge.setAccessibleName(_("Estimated size against the portal limit"))
        self.gauge.setRange(0, 1000)
        self.gauge.setTextVisible(False)
        self.gauge.setFixedSize(GAUGE_WIDTH, GAUGE_HEIGHT)
        self.gauge_label = QtWidgets.QLabel()
        self.gauge_label.setWordWrap(True)

        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(toolbar)
        layout.addLayout(clerk_bar)
        layout.addWidget(edit_bar)
        layout.addWidget(splitter, 1)
        gauge_row = QtWidgets.QHBoxLayout()
        gauge_row.addWidget(self.gauge, 0, Qt.AlignmentFlag.AlignVCenter)
        gauge_row.addWidget(self.gauge_label, 1)
        gauge_row.addWidget(self.card_box)
        gauge_row.addWidget(self.export_button)
        layout.addLayout(gauge_row)
        self._bind_keys()
        self._update_buttons()

    def _bind_keys(self) -> None:
        for button, key in (
            (self.import_button, "Ctrl+I"),
            (self.scanner_button, "Ctrl+Shift+C"),
            (self.watch_button, "Ctrl+Shift+W"),
            (self.rotate_left_button, "Ctrl+L"),
            (self.rotate_right_button, "Ctrl+R"),
            (self.corners_button, "Ctrl+K"),
            (self.undo_button, "Ctrl+Z"),
            (self.delete_button, "Del"),
            (self.export_button, "Ctrl+E"),
            (self.separators_button, "Ctrl+Shift+P"),
            (self.stack_button, "Ctrl+Shift+I"),
        ):
            self.bind_key(button, key)
        self.add_key("Ctrl+M", _("Enhancement mode"), self.mode_box.setFocus)
        self.add_key("Ctrl+Shift+L", _("Pages of the component"), self.page_list.setFocus)
        self.add_key("Ctrl+Shift+M", _("Dossier component"), self.component_box.setFocus)

    # ---- session ----------------------------------------------------------------------------

    def on_session_changed(self) -> None:
        self.previews.clear()
        self.thumbnails.clear()
        self.estimates.clear()
        self.component_box.blockSignals(True)
        self.component_box.clear()
        if self.session is not None:
            ids = [entry.component_id for entry in self.session.dossier.components]
            names = self._component_names()
            for component_id in ids or [DEFAULT_COMPONENT]:
                name = names.get(component_id, component_id)
                self.component_box.addItem(name, component_id)
                # the box may be narrower than a long name: the whole name on hover
                last = self.component_box.count() - 1
                self.component_box.setItemData(last, name, QtCore.Qt.ItemDataRole.ToolTipRole)
            chosen = self.component_box.findData(self._remembered_component())
            self.component_box.setCurrentIndex(max(0, chosen))
        self.component_box.blockSignals(False)
        self.refresh_list()

    def _remembered_component(self) -> str:
        return self.session.dossier.ui.scan_component if self.session else ""

    def _remember_component(self) -> None:
        """The component chosen is kept in the dossier at once (a crash loses no choice)."""
        if self.session is None or not self.component_box.currentData():
            return
        if actions.set_scan_component(self.session.workspace, self.component_box.currentData()):
            self.session.mark_changed()

    def _component_names(self) -> dict[str, str]:
        """Component id -> name as on the portal, from the procedure catalog when known."""
        procedure = self.context.procedure(self.session.dossier.procedure_code)
        return {c.id: c.name for c in procedure.components} if procedure else {}

    def current_component(self) -> str:
        return self.component_box.currentData() or DEFAULT_COMPONENT

    def files(self) -> list:
        if self.session is None:
            return []
        return scan_files(self.session.dossier, self.current_component())

    def step_status(self) -> StepStatus:
        from ui.step_status import procedure_of, scan_status

        if self.session is None:
            return StepStatus()
        dossier = self.session.dossier
        return scan_status(
            dossier, procedure_of(self.context, dossier), self.limit_bytes(), self.estimates
        )

    def limit_bytes(self) -> int:
        """The per-file limit of the chosen portal profile (5 MB when unknown)."""
        if self.session is None:
            return int(DEFAULT_LIMIT_MB * 1024 * 1024)
        from ui.step_status import portal_limit_bytes

        return portal_limit_bytes(self.context, self.session.dossier)

    # ---- list -------------------------------------------------------------------------------

    def refresh_list(self) -> None:
        current = self.selected_ids()
        self.page_list.clear()
        for number, item in enumerate(self.files(), 1):
            entry = QtWidgets.QListWidgetItem(f"{number}. {item.name}")
            entry.setData(FILE_ID_ROLE, item.id)
            entry.setToolTip(item.name)
            preview = self.previews.get(item.id)
            if preview is not None:
                entry.setIcon(QtGui.QIcon(self._thumbnail(self.thumbnails[item.id])))
            self.page_list.add_page(entry)
            if item.id in current:
                entry.setSelected(True)
                self.page_list.setCurrentItem(entry)
            if item.id in self.failed:
                entry.setToolTip(f"{item.name}\n{self.failed[item.id]}")
            elif item.id not in self.previews:
                self.schedule_preview(item)
        if self.page_list.count() and not self.page_list.selectedItems():
            self.page_list.setCurrentRow(0)  # a page is always at hand: buttons, preview
        if not self.page_list.count():
            self.show_current(None)  # another component: not the last one's page
        self._update_gauge()
        self._update_buttons()

    def selected_ids(self) -> list[str]:
        return [i.data(FILE_ID_ROLE) for i in self.page_list.selectedItems()]

    def selected_files(self) -> list:
        ids = set(self.selected_ids())
        return [f for f in self.files() if f.id in ids]

    def _thumbnail(self, image) -> QtGui.QPixmap:
        """The list's icon; `thumbnail_array` made it small in the worker already (scaling a
        1000-pixel preview here took 20-30 ms of the GUI thread per page)."""
        from ui.corner_editor import to_qimage

        if max(image.shape[:2]) > THUMB_SIZE:
            image = thumbnail_array(image)
        return QtGui.QPixmap.fromImage(to_qimage(image))

    def _update_buttons(self) -> None:
        has_selection = bool(self.page_list.selectedItems())
        for button in (self.rotate_left_button, self.rotate_right_button, self.delete_button,
                       self.undo_button, self.corners_button):  # fmt: skip
            button.setEnabled(has_selection)
        for button in (self.import_button, self.scanner_button, self.watch_button,
                       self.separators_button, self.stack_button):  # fmt: skip
            button.setEnabled(self.session is not None)
        self.export_button.setEnabled(self.session is not None and bool(self.files()))

    # ---- background work --------------------------------------------------------------------

    def _run(self, fn, on_done, title: str) -> None:
        job = self.context.run_job(fn, on_done, self._job_failed, title=title)
        self._jobs.append(job)

    def _job_failed(self, error: BaseException, details: str) -> None:
        from ui.error_dialog import show_error

        show_error(self, error, details)

    def busy(self) -> bool:
        """Work is pending until each job's result was handled on the GUI thread (a handler
        may start more jobs, e.g. previews after an import)."""
        from ui.jobs import running_jobs

        running = set(running_jobs())
        self._jobs = [job for job in self._jobs if job in running]
        return bool(self._jobs)

    def schedule_preview(self, item) -> None:
        """Detect (first time) and render the page at screen size in the background."""
        if self.session is None:
            return
        path = self.session.workspace.original_path(item)
        steps = list(item.steps)
        file_id = item.id

        def work(progress, cancel):
            shown = actions.preview_page(path, steps, PREVIEW_SIDE)
            return shown, thumbnail_array(shown.result.image)

        def failed(error: BaseException, details: str) -> None:
            self.failed[file_id] = getattr(error, "message", str(error))
            self._job_failed(error, details)

        job = self.context.run_job(
            work, lambda outcome: self._preview_ready(file_id, outcome), failed,
            title=_("Preview"), pool=preview_pool(), owner=self,  # closures: no owner of their own
        )  # fmt: skip
        self._jobs.append(job)

    def _preview_ready(self, file_id: str, outcome) -> None:
        shown, thumbnail = outcome
        if self.session is None:
            return
        if self.session.dossier.find_file(file_id) is None:
            return
        if actions.record_detected_steps(self.session.workspace, file_id, shown.steps):
            self.session.mark_changed()
        self.previews[file_id] = shown.result
        self.thumbnails[file_id] = thumbnail
        self.estimates[file_id] = shown.estimated_bytes
        for row in range(self.page_list.count()):
            entry = self.page_list.item(row)
            if entry.data(FILE_ID_ROLE) == file_id:
                entry.setIcon(QtGui.QIcon(self._thumbnail(thumbnail)))
        current = self.page_list.currentItem()
        if current is not None and current.data(FILE_ID_ROLE) == file_id:
            self.show_current(current)
        self._update_gauge()
        self.status_changed.emit()

    def _estimated_total(self) -> int:
        return sum(self.estimates.get(f.id, 0) for f in self.files())

    def _update_gauge(self) -> None:
        limit = self.limit_bytes()
        total = self._estimated_total()
        if not self.files():
            text = _("No pages yet. The portal accepts files up to {limit}.").format(
                limit=size_text(limit)
            )
        else:
            text = _("Estimated PDF: about {size} of {limit} ({percent}% of the portal's limit)")
            text = text.format(
                size=size_text(total), limit=size_text(limit), percent=percent_text(total, limit)
            )
            if total > limit:
                text += " " + _("Make PDF lowers the image quality to fit.")
        self._show_gauge(total, limit, text)

    def _show_gauge(self, size: int, limit: int, text: str) -> None:
        value = min(1000, int(1000 * size / max(1, limit)))
        self.gauge.setValue(max(value, 40) if size else 0)  # a small file still shows a sliver
        self.gauge.setAccessibleDescription(text)
        self.gauge_label.setText(text)

    # ---- actions ----------------------------------------------------------------------------

    def choose_files(self) -> None:
        paths = self.context.dialogs.open_files(_("Add photos or scans"), _(IMPORT_FILTER))
        if paths:
            self.import_files(paths)

    def import_files(self, paths: list[Path], component: str | None = None) -> None:
        """Copy the files into the dossier and count their pages, all in the background (a
        batch of phone photos is tens of MB: copying on the GUI thread froze the window)."""
        if self.session is None or not paths:
            return
        component = component or self.current_component()
        workspace = self.session.workspace
        paths = [Path(p) for p in paths]

        def work(progress, cancel):  # copies and counts: the model is not touched here
            return actions.copy_in(workspace, component, paths, actions.ImportOptions(),
                                   progress, cancel)  # fmt: skip

        self._run(work, self._files_imported, _("Importing"))

    def _files_imported(self, result: actions.ImportResult) -> None:
        """Attached here, on the GUI thread that owns the model; refused files reported."""
        if self.session is None:
            return
        result = actions.attach_imported(self.session.workspace, result)
        if result.added:
            self.session.mark_changed()
        self.refresh_list()
        if result.refused:
            self._job_failed(result.refused[0], "")

    # ---- clerk mode: separator sheets and scanned stacks --------------------------------------

    def _edit(self, file_ids: list[str], edit: actions.PageEdit) -> None:
        """One page edit through dossier.actions; changed pages get a new preview."""
        if self.session is None:
            return
        changed = actions.edit_pages(
            self.session.workspace, self.current_component(), file_ids, edit
        )
        for item in changed:
            self.previews.pop(item.id, None)
            self.failed.pop(item.id, None)
            self.schedule_preview(item)
        self.session.mark_changed()

    def rotate_selected(self, quarter_turns: int) -> None:
        self._edit(self.selected_ids(), actions.Rotate(quarter_turns))

    def undo_selected(self) -> None:
        self._edit(self.selected_ids(), actions.Undo())

    def mode_chosen(self, _index: int = 0) -> None:
        mode = self.mode_box.currentData()
        items = self.selected_files() or self.files()  # nothing selected: the whole component
        self._edit([item.id for item in items], actions.SetMode(mode))

    def delete_selected(self) -> None:
        items = self.selected_files()
        if not items or self.session is None:
            return
        question = _("Remove {count} page(s) from the dossier?").format(count=len(items))
        if not self.context.dialogs.confirm(_("Delete pages"), question):
            return
        self._edit([item.id for item in items], actions.Remove())
        for item in items:
            self.previews.pop(item.id, None)
            self.estimates.pop(item.id, None)
        self.refresh_list()

    def apply_list_order(self) -> None:
        if self.session is None:
            return
        rows = range(self.page_list.count())
        order = tuple(self.page_list.item(row).data(FILE_ID_ROLE) for row in rows)
        if list(order) == [item.id for item in self.files()]:
            return
        self._edit([], actions.Reorder(order))
        self.refresh_list()

    def show_current(self, current=None, _previous=None) -> None:
        self._update_buttons()
        if current is None:
            self.preview_label.setPixmap(QtGui.QPixmap())
            self.preview_label.setText(_("Add photos or scans of the document."))
            if self._page_notice:
                self.notice_label.clear()
                self._page_notice = False
            return
        result = self.previews.get(current.data(FILE_ID_ROLE))
        if result is None:
            self.preview_label.setText(_("Preparing the preview…"))
            return
        from ui.corner_editor import to_qimage

        self.preview_label.show_page(QtGui.QPixmap.fromImage(to_qimage(result.image)))
        self.notice_label.setText("\n".join(result.notices))
        self._page_notice = True
        index = self.mode_box.findData(result.mode)
        if index >= 0:
            self.mode_box.setCurrentIndex(index)

    def page_menu(self) -> QtWidgets.QMenu:
        """The right-click menu of the page list: the edit buttons' actions."""
        menu = QtWidgets.QMenu(self.page_list)
        for button in (self.rotate_left_button, self.rotate_right_button, self.corners_button,
                       self.undo_button, self.delete_button):  # fmt: skip
            action = menu.addAction(button.text(), button.click)
            action.setShortcut(button.shortcut())
            action.setEnabled(button.isEnabled())
        return menu

    def _show_page_menu(self, position: QtCore.QPoint) -> None:
        if self.page_list.itemAt(position) is None:
            return
        menu = self.page_menu()
        menu.exec(self.page_list.viewport().mapToGlobal(position))
        menu.deleteLater()

    def export_component(self) -> None:
        """All pages of the component at full size into work/<component>.pdf (background); in
        ID card mode, both sides on one A4 sheet, work/<component>/card-<ids>.pdf, which becomes
        the result of both sides."""
        if self.session is None or not self.files():
            return
        component = self.current_component()
        component_name = self.component_box.currentText()  # the box may change meanwhile
        count = len(self.files())
        if self.card_box.isChecked() and count != 2:
            question = _(
                "“ID card: both sides on one A4 page” needs two pages, the front and the back; "
                "this component has {count}. Make the PDF of its page(s) as they are?"
            ).format(count=count)
            if not self.context.dialogs.confirm(_("ID card"), question):
                return
        options = actions.ComponentFileOptions(
            as_card=self.card_box.isChecked(), max_file_bytes=self.limit_bytes()
        )
        plan = actions.plan_component_file(self.session.workspace, component, options)

        def work(progress, cancel):
            return actions.render_component_file(plan, progress, cancel)

        def done(result: actions.ComponentFileResult) -> None:
            # each page's PDF becomes its file's result: packaging and signing use them
            session = self.session
            if session is not None and actions.record_component_file(session.workspace, result):
                session.mark_changed()
            self._exported(result.report, component_name)

        self._run(work, done, _("Making the PDF"))

    def _exported(self, report, component_name: str) -> None:
        self.last_report = report
        limit = self.limit_bytes()
        text = _("PDF made: {pages} page(s), {size} of {limit} ({percent}% of the portal's limit)")
        text = text.format(
            pages=report.pages,
            size=size_text(report.bytes),
            limit=size_text(limit),
            percent=percent_text(report.bytes, limit),
        )
        self._show_gauge(report.bytes, limit, text)
        self.context.events.status_message.emit(
            # the component, not the file's internal name (card-<ids>.pdf for an ID card)
            _("PDF made for “{component}”.").format(component=component_name)
        )
