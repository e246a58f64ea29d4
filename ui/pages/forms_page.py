"""Step 3 "Điền tờ khai": fill the procedure's forms (or any PDF/Word form) from profiles.

Left: the page of the form, rendered in the background, with its fields (yellow) and blanks
(blue) outlined and the values drawn where they will be written; click one to type (any input
method). Right: a profile per role, "Điền tự động" (autofill), what needs checking, every value
in a table. Saving writes an editable copy and a flattened copy for upload (forms.fill, in the
background). The dossier keeps each form's state (dossier.model.FormState); storing values
and saving go through dossier.actions, as for the CLI.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from common.errors import HosoError
from common.i18n import N_, _
from ui.form_saving import FormSaving
from ui.form_zoom import BASE_DPI, FormZoom, _page_width_points
from ui.page_canvas import PageCanvas, RenderedPage, _render_pages
from ui.pages.base import StepPage, StepStatus
from ui.profile_roles import ProfileRoles, person_label
from ui.qt import Qt, QtGui, QtWidgets
from ui.widgets import FlowRow, group_of

if TYPE_CHECKING:
    from forms import FormInfo, FormItem, Profile
    from ui.context import AppContext

UNDO_STEPS = 100
FORM_FILTER = N_("Forms (*.pdf *.doc *.docx)")


def value_rows(items: list[FormItem]) -> list[tuple[str, FormItem | None]]:
    """The value table's rows: a heading row (item None) wherever the block or the person
    changes, then that block's items."""
    rows: list[tuple[str, FormItem | None]] = []
    current: tuple[str, str | None] | None = None
    for item in items:
        group = (item.block, item.person)
        if group != current:
            current = group
            who = person_label(item.person)
            block = " ".join(item.block.split())[:60]
            rows.append((f"{who} — {block}" if block else who, None))
        rows.append(("", item))
    return rows


class FormsPage(FormZoom, FormSaving, ProfileRoles, StepPage):
    step_id = "forms"

    def __init__(self, context: AppContext, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.form_path: Path | None = None
        self.preview_path: Path | None = None  # what is rendered (a Word form's PDF preview)
        self.approximate = False  # the preview is PyMuPDF's reflow of a Word form
        self.form_key: str = ""  # template id or file name, key in dossier.forms
        self.template_roles: dict[str, str] = {}
        self.info: FormInfo | None = None
        self.values: dict[str, str] = {}
        self._history: list[dict[str, str]] = []  # the values before each change, for Ctrl+Z
        self._last_values: dict[str, str] = {}
        self.pages: list[RenderedPage] = []
        self.page_index = 0
        self.fit_width = False  # the zoom follows the view's width (the default)
        self.zoom = self._remembered_zoom()
        self.password: str | None = None
        self.saved_paths: tuple[Path, Path] | None = None
        self.busy = False
        self._editor: QtWidgets.QWidget | None = None
        self._editing: str | None = None
        self.profiles: list[Profile] = []
        self._build()
        self._fill_form_choices()

    # ---- construction -------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(self._build_toolbar())
        splitter = QtWidgets.QSplitter(Qt.Orientation.Horizontal)
        self.canvas = PageCanvas()
        self.canvas.item_clicked.connect(self.start_editing)
        self.scroll = QtWidgets.QScrollArea()
        self.scroll.setWidget(self.canvas)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.scroll.setBackgroundRole(QtGui.QPalette.ColorRole.Dark)
        splitter.addWidget(self.scroll)
        side = self._build_side_panel()
        side.setMaximumWidth(520)
        self.scroll.setMinimumWidth(280)  # fits a small screen at 150 % scaling
        self._watch_view_width()
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([820, 440])
        layout.addWidget(splitter, 1)
        self.status = QtWidgets.QLabel(_("Open a form to fill it."))
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self._bind_keys()
        self._update_controls()

    def _bind_keys(self) -> None:
        for button, key in (
            (self.open_button, "Ctrl+Shift+O"),
            (self.prev_button, "Ctrl+PgUp"),
            (self.next_button, "Ctrl+PgDown"),
            (self.zoom_out_button, "Ctrl+-"),
            (self.zoom_in_button, "Ctrl++"),
            (self.save_button, "Ctrl+Shift+S"),
            (self.autofill_button, "Ctrl+Shift+A"),
            (self.new_profile_button, "Ctrl+Shift+N"),
            (self.edit_profile_button, "Ctrl+Shift+E"),
            (self.qr_button, "Ctrl+Shift+Q"),
            (self.undo_button, "Ctrl+Z"),
            (self.fit_button, "Ctrl+Shift+W"),
            (self.save_as_button, "Ctrl+Alt+S"),
        ):
            self.bind_key(button, key)
        self.add_key("Ctrl+L", _("Values of the form"), self.table.setFocus)
        self.add_key("Ctrl+Shift+K", _("Problems to check"), self.problems.setFocus)
        self.add_key("Ctrl+Shift+F", _("Form of the procedure"), self.form_combo.setFocus)

    def _build_toolbar(self) -> FlowRow:
        bar = FlowRow()  # wraps on a small screen at 150 % instead of pushing the page out
        self.form_combo = QtWidgets.QComboBox()
        self.form_combo.setAccessibleName(_("Form of the procedure"))
        self.form_combo.setSizeAdjustPolicy(
            QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.form_combo.setMinimumContentsLength(14)
        self.form_combo.activated.connect(self._template_chosen)
        self.open_button = QtWidgets.QPushButton(_("Open another form…"))
        self.open_button.clicked.connect(self._open_clicked)
        self.prev_button = QtWidgets.QPushButton("◀")
        self.prev_button.setAccessibleName(_("Previous page"))
        self.prev_button.clicked.connect(lambda: self.go_to_page(self.page_index - 1))
        self.page_label = QtWidgets.QLabel()
        self.next_button = QtWidgets.QPushButton("▶")
        self.next_button.setAccessibleName(_("Next page"))
        self.next_button.clicked.connect(lambda: self.go_to_page(self.page_index + 1))
        self.zoom_out_button = QtWidgets.QPushButton("−")
        self.zoom_out_button.setAccessibleName(_("Zoom out"))
        self.zoom_out_button.clicked.connect(lambda: self.step_zoom(-1))
        self.zoom_label = QtWidgets.QLabel()
        self.zoom_in_button = QtWidgets.QPushButton("+")
        self.zoom_in_button.setAccessibleName(_("Zoom in"))
        self.zoom_in_button.clicked.connect(lambda: self.step_zoom(+1))
        self.fit_button = QtWidgets.QPushButton("↔")  # a symbol: the toolbar fits 1366 px
        self.fit_button.setAccessibleName(_("Fit width"))
        self.fit_button.setToolTip(_("Fit width"))
        self.fit_button.clicked.connect(self.zoom_to_fit)
        for button in (self.prev_button, self.next_button, self.zoom_out_button,
                       self.zoom_in_button, self.fit_button):  # fmt: skip
            button.setMaximumWidth(button.fontMetrics().horizontalAdvance("M") * 4)
        self.undo_button = QtWidgets.QPushButton("↶")
        self.undo_button.setAccessibleName(_("Undo"))
        self.undo_button.setToolTip(_("Undo the last value"))
        self.undo_button.setMaximumWidth(self.undo_button.fontMetrics().horizontalAdvance("M") * 4)
        self.undo_button.setEnabled(False)
        self.undo_button.clicked.connect(self.undo_value)
        self.save_button = QtWidgets.QPushButton(_("Save form"))
        self.save_button.setToolTip(_("Saved in the dossier's folder, for signing and upload"))
        self.save_button.clicked.connect(self.save)
        self.save_as_button = QtWidgets.QPushButton(_("Save as…"))
        self.save_as_button.setToolTip(_("Save a copy as…"))
        self.save_as_button.clicked.connect(self.save_as)
        for group in ((self.form_combo, self.open_button),
                      (self.prev_button, self.page_label, self.next_button),
                      (self.zoom_out_button, self.zoom_label, self.zoom_in_button, self.fit_button),
                      (self.undo_button, self.save_button, self.save_as_button)):  # fmt: skip
            bar.addWidget(group_of(*group))
        return bar

    def _build_side_panel(self) -> QtWidgets.QWidget:
        panel = QtWidgets.QWidget()
        side = QtWidgets.QVBoxLayout(panel)
        side.setContentsMargins(8, 0, 0, 0)
        people = QtWidgets.QGroupBox(_("People on the form"))
        self.roles_layout = QtWidgets.QFormLayout(people)
        self.role_combos: dict[str, QtWidgets.QComboBox] = {}
        side.addWidget(people)
        profile_row = FlowRow()
        # "Hồ sơ mới" is a new dossier elsewhere: a person's profile is "Thêm người…"
        self.new_profile_button = QtWidgets.QPushButton(_("Add a person…"))
        self.new_profile_button.setToolTip(_("A citizen profile, to autofill the forms"))
        self.new_profile_button.clicked.connect(self.add_person)
        self.edit_profile_button = QtWidgets.QPushButton(_("Edit the requester's profile…"))
        self.edit_profile_button.clicked.connect(self._edit_requester)
        self.delete_profile_button = QtWidgets.QPushButton(_("&Delete…"))
        self.delete_profile_button.setToolTip(_("Delete the requester's profile"))
        self.delete_profile_button.clicked.connect(self._delete_requester)
        for button in (self.new_profile_button, self.edit_profile_button,
                       self.delete_profile_button):  # fmt: skip
            profile_row.addWidget(button)
        side.addWidget(profile_row)
        row = FlowRow()
        self.qr_button = QtWidgets.QPushButton(_("Read ID card QR…"))
        self.qr_button.setToolTip(_("Create a profile from the QR code of a chip ID card photo"))
        self.qr_button.clicked.connect(self._qr_clicked)
        self.autofill_button = QtWidgets.QPushButton(_("Autofill"))
        self.autofill_button.setDefault(True)
        self.autofill_button.clicked.connect(self.autofill)
        row.addWidget(self.qr_button)
        row.addWidget(self.autofill_button)
        side.addWidget(row)
        side.addWidget(QtWidgets.QLabel(_("To check")))
        self.problems = QtWidgets.QListWidget()
        self.problems.setAccessibleName(_("Problems to check"))
        self.problems.setMaximumHeight(110)
        self.problems.itemActivated.connect(
            lambda entry: self.start_editing(entry.data(Qt.ItemDataRole.UserRole))
        )
        side.addWidget(self.problems)
        self.left_title = QtWidgets.QLabel(_("Left for you to fill in by hand"))
        side.addWidget(self.left_title)
        # a table like the values below: it shows the form's own (Vietnamese) labels
        self.left_list = QtWidgets.QTableWidget(0, 2)
        self.left_list.setHorizontalHeaderLabels([_("Item"), _("Page")])
        self.left_list.horizontalHeader().setSectionResizeMode(
            0, QtWidgets.QHeaderView.ResizeMode.Stretch
        )
        self.left_list.verticalHeader().setVisible(False)
        self.left_list.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.left_list.setAccessibleName(_("Left for you to fill in by hand"))
        self.left_list.setMaximumHeight(110)
        self.left_list.itemActivated.connect(
            lambda entry: self.start_editing(entry.data(Qt.ItemDataRole.UserRole))
        )
        side.addWidget(self.left_list)
        side.addWidget(QtWidgets.QLabel(_("Values")))
        self.table = QtWidgets.QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([_("Item"), _("Value")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 190)
        self.table.verticalHeader().setVisible(False)
        self.table.setAccessibleName(_("Values of the form"))
        self.table.itemChanged.connect(self._table_edited)
        side.addWidget(self.table, 1)
        return panel

    # ---- session and forms ------------------------------------------------------------------
    def _fill_form_choices(self) -> list[str]:
        """The dossier's procedure forms (every built-in form when no dossier is open)."""
        from forms import templates, templates_for_procedure

        self.form_combo.clear()
        code = self.session.dossier.procedure_code if self.session is not None else ""
        choices = templates_for_procedure(code) if code else templates()
        for info in choices:
            self.form_combo.addItem(info.title, info.id)
        return [info.id for info in choices]

    def on_session_changed(self) -> None:
        self.form_path, self.info, self.values, self.pages = None, None, {}, []
        self.preview_path, self.approximate = None, False
        choices = self._fill_form_choices()
        if self.session is not None and choices and self.isVisible():
            self.open_template(choices[0])
        self._show_page()

    def on_enter(self) -> None:
        self.refresh_profiles()
        if self.form_path is None and self.form_combo.count():
            self.open_template(self.form_combo.itemData(0))

    def _template_chosen(self, index: int) -> None:
        template_id = self.form_combo.itemData(index)
        if template_id:
            self.open_template(template_id)

    def open_template(self, template_id: str) -> None:
        from forms import template

        info = template(template_id)
        self.template_roles = dict(info.roles)
        self.open_form(info.path, key=info.id)

    def _open_clicked(self) -> None:
        path = self.context.dialogs.open_file(_("Open a form"), _(FORM_FILTER))
        if path is not None:
            self.template_roles = {}
            self.open_form(Path(path), key=Path(path).name)

    def open_form(self, path: Path, key: str = "", password: str | None = None) -> None:
        """Inspect and render a form in the background (Word files are converted first)."""
        import tempfile

        self.busy = True
        self.status.setText(_("Opening {file}…").format(file=Path(path).name))
        work = Path(tempfile.mkdtemp(prefix="hoso-form-"))
        dpi_for = self._dpi_rule()

        def job(progress, cancel):
            import forms
            from forms import is_word_file, preview_pdf

            form = forms.prepare_form(Path(path), work)  # a .doc becomes a .docx
            info = forms.inspect(form, forms.InspectOptions(password=password), progress, cancel)
            preview, approximate = form, False
            if is_word_file(form):  # filled natively; shown through a PDF of it
                preview, approximate = preview_pdf(form, work)
            pdf_password = None if preview != form else password
            dpi = dpi_for(_page_width_points(preview, pdf_password))
            pages = _render_pages(preview, dpi, pdf_password)
            return form, info, pages, preview, approximate, dpi

        def done(result) -> None:
            form, info, pages, preview, approximate, dpi = result
            self.form_path, self.form_key, self.info, self.password = form, key, info, password
            self.preview_path, self.approximate = preview, approximate
            self.values = self._stored_values()
            self._history, self._last_values = [], dict(self.values)
            self.undo_button.setEnabled(False)
            self.saved_paths = None
            self._set_pages(pages, dpi)
            self.page_index = 0
            self._refresh_roles()
            self._refresh_all()
            warnings = " ".join(info.warnings)
            if approximate:
                warnings += " " + _(
                    "Word form: the preview is approximate (no Word or LibreOffice to show its "
                    "exact layout); the blanks are listed on the right and filled in the .docx."
                )
            self.status.setText(
                _("{count} places to fill on {pages} page(s).").format(
                    count=len([i for i in info.items if i.fillable]), pages=info.page_count
                )
                + (f" {warnings}" if warnings else "")
            )
            self.busy = False

        def failed(exc: BaseException, details: str) -> None:
            self.busy = False
            from forms import PasswordRequired

            if isinstance(exc, PasswordRequired):
                secret = self.context.dialogs.ask_secret(
                    _("Password"), _("This PDF is protected. Enter its password:")
                )
                if secret:
                    self.open_form(path, key, secret)
                    return
            self._report(exc, details)

        self.context.run_job(job, done, failed, title=_("Opening the form"))

    def _report(self, exc: BaseException, details: str) -> None:
        """An expected refusal goes to the status line; anything else to the error dialog."""

        if isinstance(exc, HosoError):
            self.status.setText(exc.user_message())
            return
        from ui.error_dialog import show_error

        show_error(self, exc, details)

    def _set_pages(self, pages: list[tuple[bytes, int, int, int]], dpi: float) -> None:
        self.zoom = dpi / BASE_DPI
        self.pages = []
        for samples, width, height, stride in pages:
            image = QtGui.QImage(samples, width, height, stride, QtGui.QImage.Format.Format_RGB888)
            self.pages.append(RenderedPage(image.copy(), dpi))

    def _rerender(self) -> None:
        if self.form_path is None:
            return
        path, password, dpi_for = self.form_path, self.password, self._dpi_rule()
        if self.preview_path is not None and self.preview_path != self.form_path:
            path, password = self.preview_path, None
        self.busy = True

        def job(progress, cancel):
            dpi = dpi_for(_page_width_points(path, password))
            return _render_pages(path, dpi, password), dpi

        def done(result) -> None:
            pages, dpi = result
            self._set_pages(pages, dpi)
            self._show_page()
            self.busy = False

        self.context.run_job(job, done, title=_("Rendering"))

    # ---- navigation and zoom ------------------------------------------------------------------
    def go_to_page(self, index: int) -> None:
        if self.pages and 0 <= index < len(self.pages):
            self.page_index = index
            self._finish_editing()
            self._show_page()

    def _page_items(self) -> list[FormItem]:
        if self.info is None:
            return []
        # a Word form's blanks have no place on the preview (rect 0): they are in the table
        return [i for i in self.info.items if i.page == self.page_index + 1 and any(i.rect)]

    def _show_page(self) -> None:
        if not self.pages:
            self.canvas.show_page(None, 1.0, [])
        else:
            page = self.pages[self.page_index]
            self.canvas.values = self.values
            self.canvas.show_page(page.image, page.dpi / 72.0, self._page_items())
        self._update_controls()

    def _update_controls(self) -> None:
        count = len(self.pages)
        self.page_label.setText(
            _("Page {page}/{count}").format(page=self.page_index + 1, count=count) if count else ""
        )
        self.prev_button.setEnabled(self.page_index > 0)
        self.next_button.setEnabled(self.page_index + 1 < count)
        self.zoom_label.setText(f"{round(self.zoom * 100)} %")
        self.fit_button.setEnabled(self.info is not None and not self.fit_width)
        has_form = self.info is not None
        for widget in (self.save_button, self.save_as_button, self.autofill_button,
                       self.zoom_in_button, self.zoom_out_button):  # fmt: skip
            widget.setEnabled(has_form)

    # ---- profiles and autofill ----------------------------------------------------------------

    def autofill(self) -> None:
        if self.info is None:
            return
        import forms

        filled = forms.autofill(self.info.items, self.chosen_profiles(), self._dossier_values())
        for item_id, value in filled.items():
            if not self.values.get(item_id):
                self.values[item_id] = value
        self._record_applicant()
        self._values_changed()
        self.status.setText(
            _("{count} value(s) filled from the profiles.").format(count=len(filled))
        )

    def _dossier_values(self) -> dict[str, str]:
        """What the dossier knows beyond the profiles: the address the result is sent to
        ("Địa chỉ nhận"), when the result goes by post."""
        if self.session is None:
            return {}
        submission = self.session.dossier.submission
        if submission.result_delivery == "post" and submission.delivery_address.strip():
            return {"delivery_address": submission.delivery_address.strip()}
        return {}

    # ---- editing ------------------------------------------------------------------------------
    def item(self, item_id: str) -> FormItem | None:
        return self.info.item(item_id) if self.info is not None else None

    def start_editing(self, item_id: str) -> None:
        item = self.item(item_id)
        if item is None or not item.fillable:
            return
        if item.page != self.page_index + 1:
            self.go_to_page(item.page - 1)
        self._finish_editing()
        self.canvas.selected = item_id
        rect = self.canvas.item_rect(item).toAlignedRect()
        if item.type == "checkbox":
            self.set_value(
                item_id, "" if self.values.get(item_id) else (item.options or ("Yes",))[0]
            )
            return
        if item.type in ("radio", "combo", "list") and item.options:
            editor: QtWidgets.QWidget = QtWidgets.QComboBox(self.canvas)
            editor.addItems(["", *item.options])
            editor.setEditable(item.type == "combo")
            editor.setCurrentText(self.values.get(item_id, ""))
            editor.activated.connect(lambda _i: self._finish_editing())
        else:
            editor = QtWidgets.QLineEdit(self.canvas)
            editor.setText(self.values.get(item_id, ""))
            editor.returnPressed.connect(self._finish_editing)
        editor.setAccessibleName(item.label or item.id)
        editor.setGeometry(rect.x(), rect.y(), max(rect.width(), 120), max(rect.height(), 24))
        editor.show()
        editor.setFocus()
        self._editor, self._editing = editor, item_id
        self.canvas.update()

    def _finish_editing(self) -> None:
        editor, item_id = self._editor, self._editing
        if editor is None or item_id is None:
            return
        self._editor = self._editing = None
        text = editor.currentText() if isinstance(editor, QtWidgets.QComboBox) else editor.text()
        editor.hide()
        editor.deleteLater()
        self.canvas.selected = None
        self.set_value(item_id, text)

    def set_value(self, item_id: str, value: str) -> None:
        import unicodedata

        import forms

        previous, value = self.values.get(item_id, ""), unicodedata.normalize("NFC", value)
        if value.strip():
            self.values[item_id] = value
        else:
            self.values.pop(item_id, None)
        if self.info is not None:  # a typed date: its "ghi bằng chữ" line follows
            items = self.info.items
            self.values = forms.follow_date_in_words(items, self.values, item_id, previous)
        self._values_changed()

    def _table_edited(self, cell: QtWidgets.QTableWidgetItem) -> None:
        if cell.column() == 1:
            item_id = cell.data(Qt.ItemDataRole.UserRole)
            if item_id and cell.text() != self.values.get(item_id, ""):
                self.set_value(item_id, cell.text())

    def _values_changed(self) -> None:
        if self.values != self._last_values:  # one step back per change (autofill: one step)
            self._history = [*self._history[-(UNDO_STEPS - 1) :], self._last_values]
            self._last_values = dict(self.values)
        self._values_written()

    def undo_value(self) -> None:
        """Ctrl+Z: the values as they were before the last change (a typed value, an autofill)."""
        if not self._history:
            self.status.setText(_("Nothing to undo."))
            return
        self._finish_editing()
        self.values = self._history.pop()
        self._last_values = dict(self.values)
        self._values_written()
        self.status.setText(_("Undone."))

    def _values_written(self) -> None:
        self.undo_button.setEnabled(bool(self._history))
        self.saved_paths = None
        self._store_values()
        self._refresh_all()
        self.status_changed.emit()

    def problems_now(self) -> list[Any]:
        if self.info is None:
            return []
        import forms

        return forms.validate(self.info.items, self.values)

    def _refresh_all(self) -> None:
        self._show_page()
        self.problems.clear()
        for problem in self.problems_now():
            entry = QtWidgets.QListWidgetItem(str(problem))
            entry.setData(Qt.ItemDataRole.UserRole, problem.item_id)
            self.problems.addItem(entry)
        self._refresh_left()
        self.table.blockSignals(True)
        rows = value_rows([i for i in (self.info.items if self.info else ()) if i.fillable])
        self.table.setRowCount(len(rows))
        for row, (heading, item) in enumerate(rows):
            if item is None:  # a block of the form: who the rows below are about
                self._set_heading_row(row, heading)
                continue
            if self.table.columnSpan(row, 0) > 1:
                self.table.setSpan(row, 0, 1, 1)
            label = QtWidgets.QTableWidgetItem(item.label or item.id)
            label.setFlags(label.flags() & ~Qt.ItemFlag.ItemIsEditable)
            label.setToolTip(f"{item.id} · {_('page')} {item.page}")
            value = QtWidgets.QTableWidgetItem(self.values.get(item.id, ""))
            value.setData(Qt.ItemDataRole.UserRole, item.id)
            self.table.setItem(row, 0, label)
            self.table.setItem(row, 1, value)
        self.table.blockSignals(False)

    def _set_heading_row(self, row: int, heading: str) -> None:
        cell = QtWidgets.QTableWidgetItem(heading)
        cell.setFlags(Qt.ItemFlag.ItemIsEnabled)
        font = cell.font()
        font.setBold(True)
        cell.setFont(font)
        self.table.setItem(row, 0, cell)
        self.table.setItem(row, 1, QtWidgets.QTableWidgetItem(""))
        self.table.item(row, 1).setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.table.setSpan(row, 0, 1, 2)

    def _refresh_left(self) -> None:
        """The blanks left for the person ("cần điền tay"): nothing known fills them."""
        import forms

        items = self.info.items if self.info else ()
        left = forms.left_for_person(items, self.values) if self.info else []
        self.left_list.setRowCount(len(left))
        for row, item in enumerate(left):
            for column, text in enumerate((item.label or item.id, str(item.page))):
                cell = QtWidgets.QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, item.id)
                self.left_list.setItem(row, column, cell)
        self.left_title.setText(
            _("Left for you to fill in by hand ({count})").format(count=len(left))
        )

    # ---- storage in the dossier and saving ----------------------------------------------------
    def _stored_values(self) -> dict[str, str]:
        if self.session is None:
            return {}
        state = self.session.dossier.forms.get(self.form_key)
        return dict(state.values) if state is not None else {}

    def _store_values(self) -> None:
        from dossier.actions import store_form_values

        if self.session is None or not self.form_key:
            return
        problems = len(self.problems_now())  # for the sidebar, without the form open
        store_form_values(self.session.workspace, self.form_key, self.values, problems)
        self.session.mark_changed()

    def step_status(self) -> StepStatus:
        from ui.step_status import forms_status, procedure_of

        if self.session is None:  # a form opened without a dossier: its problems only
            count = len(self.problems_now())
            if count:
                return StepStatus(
                    "attention", _("{count} value(s) need checking.").format(count=count)
                )
            return StepStatus()
        return forms_status(self.session.dossier, procedure_of(self.context, self.session.dossier))
