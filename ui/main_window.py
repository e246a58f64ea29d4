"""The main window: the workflow as a sidebar of steps, one page per step, menus, status bar."""

from __future__ import annotations

import logging
from pathlib import Path

from common.errors import HosoError
from common.i18n import _
from ui.context import AppContext, DossierSession
from ui.error_dialog import show_error
from ui.jobs import Job
from ui.keys import literal, set_shortcut
from ui.pages.base import StepPage, StepStatus
from ui.qt import ACCESSIBLE_DESCRIPTION_ROLE, USER_ROLE, QtCore, QtGui, QtWidgets, Signal
from ui.qt_translations import install_qt_translations
from ui.start_page import StartPage
from ui.steps import STEPS, Step, create_page

log = logging.getLogger("hoso.ui")

START_ID = "start"


class JobProgress(QtWidgets.QWidget):
    """Progress of the latest background job in the status bar, with a Cancel button."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QtWidgets.QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QtWidgets.QLabel()
        self.bar = QtWidgets.QProgressBar()
        self.bar.setMaximumWidth(200)
        self.bar.setAccessibleName(_("Progress"))
        self.cancel_button = QtWidgets.QPushButton(_("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        for widget in (self.label, self.bar, self.cancel_button):
            layout.addWidget(widget)
        self.job: Job | None = None
        self.hide()

    def track(self, job: Job, title: str) -> None:
        self.job = job
        self.label.setText(title or _("Working…"))
        self.bar.setRange(0, 0)  # busy until the first report
        # bound methods: Qt drops these connections when this widget is deleted
        job.signals.progress.connect(self._on_progress)
        job.signals.done.connect(self._on_job_end)
        job.signals.failed.connect(self._on_job_end)
        self.show()
        if job.finished.is_set():  # a quick job may report before it is tracked: no signal comes
            self._on_job_end()

    def _on_progress(self, done: int, total: int, message: str) -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(done)
        if message:
            self.label.setText(message)

    def _on_job_end(self, *_args: object) -> None:
        if self.job is None or self.job.finished.is_set():
            self.job = None
            self.hide()

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.label.setText(_("Cancelling…"))


class _LayoutWatcher(QtCore.QObject):
    """A page's layout changed (text, rows added): the scroll area must know the new size."""

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
        if event.type() == QtCore.QEvent.Type.LayoutRequest and isinstance(
            watched, QtWidgets.QWidget
        ):
            watched.updateGeometry()
        return False


class PageStack(QtWidgets.QStackedWidget):
    """A stack whose size hints are the current page's, so that a small page does not get
    scroll bars because another page is large."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        # created before any page, so it is deleted first when the window goes: no Python
        # call while the pages are torn down (an event() override crashed at exit)
        self.layout_watcher = _LayoutWatcher(self)
        self.installEventFilter(self.layout_watcher)
        self.currentChanged.connect(lambda _index: self.updateGeometry())
        # the layout would otherwise impose the largest page's minimum on every page
        self.layout().setSizeConstraint(QtWidgets.QLayout.SizeConstraint.SetNoConstraint)

    def sizeHint(self) -> QtCore.QSize:
        page = self.currentWidget()
        return page.sizeHint() if page is not None else super().sizeHint()

    def minimumSizeHint(self) -> QtCore.QSize:
        page = self.currentWidget()
        if page is None:
            return super().minimumSizeHint()
        hint = page.minimumSizeHint()
        layout = page.layout()
        if layout is not None and layout.hasHeightForWidth():
            # wrapped texts need more height on a narrow page: never less than that
            width = max(self.width(), hint.width())
            hint.setHeight(max(hint.height(), layout.minimumHeightForWidth(width)))
        return hint

    def changeEvent(self, event: QtCore.QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QtCore.QEvent.Type.WindowStateChange:
            # kept when it changes, not at exit: a crash loses nothing (issue 12)
            maximized = self.isMaximized()
            if self.context.settings.get("window_maximized") != maximized:
                self.context.settings.set("window_maximized", maximized)

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()  # the minimum height depends on the width

    def hasHeightForWidth(self) -> bool:
        # wrapped labels would make the scroll area give every page its *preferred* height
        # (tables included): pages fill the window and scroll only below their minimum
        return False


class MainWindow(QtWidgets.QMainWindow):
    session_changed = Signal(object)  # DossierSession or None

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        install_qt_translations()  # Qt's own buttons and dialogs in the app's language
        self.context = context
        self.session: DossierSession | None = None
        self.pending_applicant: dict[str, str] = {}  # for "new dossier for the same citizen"
        self.pages: dict[str, StepPage] = {}
        self.setWindowTitle(_("Hồ sơ số"))
        self.resize(1180, 780)

        self.sidebar = QtWidgets.QListWidget()
        self.sidebar.setAccessibleName(_("Workflow steps"))
        self.sidebar.setWordWrap(True)  # narrow at 150 % scaling: long titles wrap
        # Qt.ScrollBarPolicy.ScrollBarAlwaysOff, set by name: no `Qt` namespace at start-up (ui.qt)
        self.sidebar.setProperty("horizontalScrollBarPolicy", 1)
        self.sidebar.setMinimumWidth(160)
        self.sidebar.setMaximumWidth(250)
        self.sidebar.setSizePolicy(
            QtWidgets.QSizePolicy.Policy.Preferred, QtWidgets.QSizePolicy.Policy.Expanding
        )
        self.sidebar.setSpacing(2)
        self.stack = PageStack()
        self.start_page = StartPage(context)
        self.start_page.open_requested.connect(self.open_dossier)
        self.stack.addWidget(self.start_page)

        self._add_sidebar_item(START_ID, _("Start"))
        self.placeholders: dict[str, QtWidgets.QWidget] = {}
        for step in STEPS:
            self._add_sidebar_item(step.id, _(step.title))
            placeholder = QtWidgets.QWidget()
            self.placeholders[step.id] = placeholder
            self.stack.addWidget(placeholder)
        self.sidebar.currentRowChanged.connect(self._on_row_changed)

        self.back_button = QtWidgets.QPushButton(_("Back"))
        set_shortcut(self.back_button, "Alt+Left")
        self.back_button.clicked.connect(lambda: self.move_step(-1))
        self.next_button = QtWidgets.QPushButton(_("Next"))
        set_shortcut(self.next_button, "Alt+Right")
        self.next_button.clicked.connect(lambda: self.move_step(+1))
        self.step_title = QtWidgets.QLabel()
        bold = self.step_title.font()  # a font, not a style sheet: those cost ms at start-up
        bold.setBold(True)
        self.step_title.setFont(bold)
        nav = QtWidgets.QHBoxLayout()
        nav.addWidget(self.back_button)
        nav.addStretch(1)
        nav.addWidget(self.step_title)
        nav.addStretch(1)
        nav.addWidget(self.next_button)

        # at 150-200 % display scaling a page may need more room than the screen has:
        # it scrolls instead of being squeezed or cut off
        self.page_scroll = QtWidgets.QScrollArea()
        self.page_scroll.setWidgetResizable(True)
        self.page_scroll.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        holder = QtWidgets.QWidget()  # the scroll area asks the holder, which asks the stack
        holder_layout = QtWidgets.QVBoxLayout(holder)
        holder_layout.setContentsMargins(0, 0, 0, 0)
        holder_layout.addWidget(self.stack)
        self.page_scroll.setWidget(holder)
        right = QtWidgets.QVBoxLayout()
        right.addWidget(self.page_scroll, 1)
        right.addLayout(nav)
        central = QtWidgets.QWidget()
        layout = QtWidgets.QHBoxLayout(central)
        layout.addWidget(self.sidebar)
        layout.addLayout(right, 1)
        self.setCentralWidget(central)

        # the sidebar's states follow the dossier: refreshed shortly after each change
        self.status_timer = QtCore.QTimer(self)
        self.status_timer.setSingleShot(True)
        self.status_timer.setInterval(150)
        self.status_timer.timeout.connect(self.refresh_all_status)

        self.job_progress: JobProgress | None = None  # made for the first job: faster start-up
        self.dossier_label = QtWidgets.QLabel(_("No dossier open"))
        self.statusBar().addWidget(self.dossier_label)

        self._build_menus()
        events = context.events
        events.open_dossier_requested.connect(self.open_dossier)
        events.new_dossier_requested.connect(self.new_dossier)
        events.new_dossier_for_applicant.connect(self.new_dossier_for_applicant)
        events.procedure_chosen.connect(self.create_dossier_for)
        events.navigate_requested.connect(self.go_to)
        events.status_message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        events.job_started.connect(self._track_job)
        self.sidebar.setCurrentRow(0)

    # ---- construction -------------------------------------------------------------------------
    def _track_job(self, job: Job, title: str) -> None:
        if self.job_progress is None:
            self.job_progress = JobProgress()
            self.statusBar().addPermanentWidget(self.job_progress)
        self.job_progress.track(job, title)

    def _add_sidebar_item(self, step_id: str, title: str) -> None:
        item = QtWidgets.QListWidgetItem(title)
        item.setData(USER_ROLE, step_id)
        self.sidebar.addItem(item)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(_("&File"))
        self._action(file_menu, _("&New dossier"), self.new_dossier, "Ctrl+N")
        self._action(file_menu, _("&Open dossier…"), self.choose_and_open, "Ctrl+O")
        self._action(file_menu, _("&Save"), self.save, "Ctrl+S")
        file_menu.addSeparator()
        self._action(file_menu, _("&Export as .hoso file…"), self.export_archive)
        self._action(file_menu, _("&Import .hoso file…"), self.import_archive)
        file_menu.addSeparator()
        self._action(file_menu, _("&Close dossier"), self.close_dossier, "Ctrl+W")
        self._action(file_menu, _("&Quit"), self.close, "Ctrl+Q")

        go_menu = bar.addMenu(_("&Go"))
        self._action(go_menu, _("Start page"), lambda: self.go_to(START_ID), "Ctrl+0")
        for step in STEPS:
            self._action(
                go_menu,
                literal(_(step.title)),
                lambda _c=False, s=step.id: self.go_to(s),
                step.shortcut,
            )

        tools = bar.addMenu(_("&Tools"))
        self._action(tools, _("&Settings…"), self.show_settings, "Ctrl+,")

        help_menu = bar.addMenu(_("&Help"))
        self._action(help_menu, _("Keyboard shortcuts"), self.show_shortcuts, "F1")
        self._action(help_menu, _("Open log folder"), self.open_log_folder)
        self._action(help_menu, _("&About Hồ sơ số"), self.show_about)

    def _action(self, menu: QtWidgets.QMenu, text: str, slot, shortcut: str = "") -> QtGui.QAction:
        action = menu.addAction(text)
        action.triggered.connect(slot)
        if shortcut:
            set_shortcut(action, shortcut)
        return action

    def page(self, step_id: str) -> StepPage:
        """The page of a step, created on first use (keeps start-up fast)."""
        if step_id not in self.pages:
            step = next(s for s in STEPS if s.id == step_id)
            page = create_page(step, self.context)
            page.status_changed.connect(lambda s=step: self._refresh_status(s))
            placeholder = self.placeholders[step_id]
            index = self.stack.indexOf(placeholder)
            self.stack.removeWidget(placeholder)
            self.stack.insertWidget(index, page)
            self.pages[step_id] = page
            keyboard_friendly(page)
            page.set_session(self.session)
        return self.pages[step_id]

    def create_all_pages(self) -> None:
        for step in STEPS:
            self.page(step.id)

    # ---- navigation -----------------------------------------------------------------------------
    def step_ids(self) -> list[str]:
        return [START_ID, *(s.id for s in STEPS)]

    def current_step_id(self) -> str:
        return self.step_ids()[max(0, self.sidebar.currentRow())]

    def go_to(self, step_id: str) -> None:
        if step_id in self.step_ids():
            self.sidebar.setCurrentRow(self.step_ids().index(step_id))

    def move_step(self, delta: int) -> None:
        row = self.sidebar.currentRow() + delta
        if 0 <= row < self.sidebar.count():
            self.sidebar.setCurrentRow(row)

    def _on_row_changed(self, row: int) -> None:
        step_id = self.step_ids()[row]
        if step_id == START_ID:
            if self.isVisible():
                self.start_page.refresh()
            else:  # first show: load the list once the window is up (keeps start-up fast)
                QtCore.QTimer.singleShot(150, self.start_page, self.start_page.refresh)
            self.stack.setCurrentWidget(self.start_page)
            self.step_title.setText(_("Start"))
        else:
            page = self.page(step_id)
            self.stack.setCurrentWidget(page)
            self.step_title.setText(self.sidebar.item(row).text())
            page.on_enter()
            from dossier.actions import set_current_step

            if self.session is not None and set_current_step(self.session.workspace, step_id):
                self.session.mark_changed()
        self.back_button.setEnabled(row > 0)
        self.next_button.setEnabled(row < self.sidebar.count() - 1)

    def refresh_all_status(self) -> None:
        for step in STEPS:
            self._refresh_status(step)

    def step_status(self, step_id: str) -> StepStatus:
        """What the sidebar shows for a step: its page's view, or the dossier's alone."""
        from ui.step_status import dossier_status

        page = self.pages.get(step_id)
        if page is not None:
            return page.step_status()
        return dossier_status(step_id, self.context, self.session)

    def _refresh_status(self, step: Step) -> None:
        status = self.step_status(step.id)
        item = self.sidebar.item(self.step_ids().index(step.id))
        icons = {
            "done": QtWidgets.QStyle.StandardPixmap.SP_DialogApplyButton,
            "attention": QtWidgets.QStyle.StandardPixmap.SP_MessageBoxWarning,
        }
        kind = icons.get(status.state)
        item.setIcon(self.style().standardIcon(kind) if kind else QtGui.QIcon())
        states = {
            "done": _("Done"),
            "attention": _("Needs attention"),
            "not_started": _("Not started"),
        }
        tip = states[status.state] + (f": {status.reason}" if status.reason else "")
        item.setToolTip(tip)
        item.setData(ACCESSIBLE_DESCRIPTION_ROLE, tip)

    # ---- dossiers -----------------------------------------------------------------------------
    def open_dossier(self, folder: Path) -> bool:
        from dossier import Workspace

        try:
            workspace = Workspace.open(Path(folder))
        except HosoError as exc:
            show_error(self, exc)
            return False
        self._set_session(DossierSession(workspace, self))
        self.context.settings.add_recent(workspace.root)
        target = workspace.dossier.current_step
        self.go_to(target if target in self.step_ids() else STEPS[0].id)
        return True

    def new_dossier(self) -> None:
        self.pending_applicant = {}
        self.close_dossier()
        self.go_to(STEPS[0].id)

    def new_dossier_for_applicant(self, applicant: dict) -> None:
        """Clerk mode: the next dossier created starts with this citizen's details."""
        self.close_dossier()
        self.pending_applicant = dict(applicant)
        self.go_to(STEPS[0].id)
        name = applicant.get("full_name", "")
        self.statusBar().showMessage(
            _("New dossier for {name}: choose the procedure.").format(name=name), 8000
        )

    def create_dossier_for(self, procedure_code: str) -> None:
        """A procedure was chosen on the first page: create its dossier folder and open it."""
        from dossier.actions import create_dossier

        name, component_ids = _procedure_outline(self.context, procedure_code)
        try:
            workspace = create_dossier(
                self.context.dossier_root, procedure_code, title=name,
                applicant=dict(self.pending_applicant), component_ids=component_ids,
                start_step="details",
            )  # fmt: skip
        except HosoError as exc:
            show_error(self, exc)
            return
        self.pending_applicant = {}
        self.open_dossier(workspace.root)

    def _set_session(self, session: DossierSession | None) -> None:
        if self.session is not None:
            self.session.close()
        self.session = session
        if session is not None:
            session.save_failed.connect(lambda exc: show_error(self, exc))
            session.changed.connect(self.status_timer.start)
            title = session.dossier.title or session.dossier.procedure_code
            self.dossier_label.setText(f"{title} — {self.context.shown_path(session.root)}")
            self.dossier_label.setToolTip(str(session.root))
            self.setWindowTitle(f"{title} — {_('Hồ sơ số')}")
        else:
            self.dossier_label.setText(_("No dossier open"))
            self.dossier_label.setToolTip("")
            self.setWindowTitle(_("Hồ sơ số"))
        self.start_page.set_session(session)
        for page in self.pages.values():
            page.set_session(session)
        self.refresh_all_status()
        self.session_changed.emit(session)

    def close_dossier(self) -> None:
        self._set_session(None)
        self.go_to(START_ID)

    def choose_and_open(self) -> None:
        folder = self.context.dialogs.choose_folder(
            _("Open dossier folder"), self.context.dossier_root
        )
        if folder:
            self.open_dossier(folder)

    def save(self) -> None:
        if self.session is not None:
            try:
                self.session.flush()
            except HosoError as exc:
                show_error(self, exc)
                return
            self.statusBar().showMessage(_("Saved."), 3000)

    def export_archive(self) -> None:
        if self.session is None:
            self.statusBar().showMessage(_("Open a dossier first."), 5000)
            return
        target = self.context.dialogs.save_file(
            _("Export dossier"), _("Dossier files (*.hoso)"), self.session.root.with_suffix(".hoso")
        )
        if not target:
            return
        self.session.flush()
        root = self.session.root

        def work(progress, cancel):
            from dossier import ArchiveExportOptions as ExportOptions
            from dossier import export_dossier

            return export_dossier(root, target, ExportOptions(), progress, cancel)

        self.context.run_job(
            work,
            lambda _r: self.statusBar().showMessage(
                _("Exported to {path}").format(path=self.context.shown_path(target))
            ),
            title=_("Exporting the dossier…"),
        )

    def import_archive(self) -> None:
        source = self.context.dialogs.open_file(_("Import dossier"), _("Dossier files (*.hoso)"))
        if not source:
            return
        self.import_archive_file(source)

    def import_archive_file(self, source: Path) -> None:
        """Unpack a .hoso file into a new folder of the dossier root and open it."""
        from dossier import default_folder_name

        root = self.context.dossier_root
        target = root / default_folder_name(source.stem, "")
        suffix = 2
        while target.exists():
            target = root / f"{default_folder_name(source.stem, '')} ({suffix})"
            suffix += 1

        def work(progress, cancel):
            from dossier import ArchiveImportOptions as ImportOptions
            from dossier import import_dossier

            return import_dossier(source, target, ImportOptions(), progress, cancel)

        self.context.run_job(
            work, lambda workspace: self.open_dossier(workspace.root), title=_("Importing…")
        )

    # ---- dialogs -------------------------------------------------------------------------------
    def show_settings(self) -> None:
        from ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.context, self)
        dialog.exec()
        dialog.deleteLater()  # a cancelled dialog stayed a child of the window (soak)

    def show_about(self) -> None:
        from ui.about import about_text

        box = QtWidgets.QMessageBox(self)
        box.setWindowTitle(_("About Hồ sơ số"))
        box.setText(about_text())
        box.addButton(_("Close"), QtWidgets.QMessageBox.ButtonRole.AcceptRole)
        box.exec()
        box.deleteLater()

    def shortcut_groups(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """(title, [(key, description)]) for the whole window and then each step's page."""
        from ui.keys import key_text, plain, widget_shortcuts

        everywhere = [
            (key_text(action.shortcut()), plain(action.text()))
            for action in self.menuBar().findChildren(QtGui.QAction)
            if not action.shortcut().isEmpty()
        ]
        for button in (self.back_button, self.next_button):
            everywhere.append((key_text(button.shortcut()), plain(button.text())))
        groups = [(_("Everywhere"), list(dict.fromkeys(everywhere)))]
        groups.append((_("Start"), widget_shortcuts(self.start_page, self.start_page.key_help)))
        self.create_all_pages()
        for step in STEPS:
            groups.append((_(step.title), self.pages[step.id].shortcuts()))
        return groups

    def shortcuts_text(self) -> str:
        blocks = []
        for title, keys in self.shortcut_groups():
            lines = [f"{key}\t{description}" for key, description in keys]
            blocks.append("\n".join([f"{title}:", *lines]))
        return "\n\n".join(blocks)

    def show_shortcuts(self) -> None:
        self.context.dialogs.show_text(_("Keyboard shortcuts"), self.shortcuts_text())

    def open_log_folder(self) -> None:
        if self.context.log_file is not None:
            self.context.dialogs.open_path(self.context.log_file.parent)

    def changeEvent(self, event: QtCore.QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QtCore.QEvent.Type.WindowStateChange:
            # kept when it changes, not at exit: a crash loses nothing (issue 12)
            maximized = self.isMaximized()
            if self.context.settings.get("window_maximized") != maximized:
                self.context.settings.set("window_maximized", maximized)

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:
        super().resizeEvent(event)
        # a small window (e.g. 1366x768 at 150 % scaling) gives the page more of its width
        self.sidebar.setMaximumWidth(max(160, min(250, event.size().width() // 5)))

    def closeEvent(self, event: QtGui.QCloseEvent) -> None:
        # Python must not be called while the pages are destroyed (PySide crashes)
        self.stack.removeEventFilter(self.stack.layout_watcher)
        try:
            if self.session is not None:
                # pages let go of the session too: late background results are dropped
                self._set_session(None)
        except HosoError as exc:
            show_error(self, exc)
        super().closeEvent(event)


def keyboard_friendly(page: QtWidgets.QWidget) -> None:
    """Tab moves between controls, never cell by cell through a table (arrows do that):
    a 50-row table would otherwise hold the keyboard user for 100 presses."""
    for table in page.findChildren(QtWidgets.QAbstractItemView):
        table.setTabKeyNavigation(False)
    bars = page.findChildren(QtWidgets.QTabBar)
    if not bars:
        return
    # Qt names a tab bar's scroll buttons in English only (it ships no Vietnamese)
    arrow = QtCore.Qt.ArrowType
    arrows = {arrow.LeftArrow: _("Scroll left"), arrow.RightArrow: _("Scroll right")}
    for bar in bars:
        for button in bar.findChildren(QtWidgets.QToolButton):
            if button.arrowType() in arrows:
                button.setAccessibleName(arrows[button.arrowType()])


def _procedure_outline(context: AppContext, code: str) -> tuple[str, list[str]]:
    """Name and component ids of a procedure from the catalog."""
    procedure = context.catalog().get(code)
    return procedure.name, [c.id for c in procedure.components]
