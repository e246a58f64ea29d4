"""Step "Ký số": sign the dossier's PDFs with a .p12 file or a USB token, check signatures.

All token, signing and verification work runs through `context.run_job` (never on the GUI
thread); PINs and passwords are asked through the dialog service, used once, never stored.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from common.errors import InputError
from common.i18n import _
from ui.context import AppContext
from ui.page_preview import PagePreview, RenderedPdfPage, _default_stamp_box, render_page  # noqa: F401
from ui.pages.base import StepPage, StepStatus
from ui.qt import Qt, QtWidgets
from ui.signature_check import SignatureCheck
from ui.signer_choice import SignerChoice, TokenChoice, _find_tokens  # noqa: F401
from ui.widgets import ElidingComboBox, PreferredWidthPane

SIGNER_PANE_WIDTH = 300  # preferred: the certificate's name reads in full more often
PANE_STRETCH = (1, 1, 0)  # files and check, preview, signer (as wide as its controls need)


@dataclass(frozen=True)
class DossierPdf:
    """A file of the dossier as it will be uploaded (dossier.actions.DossierPdf), with what
    reading it found."""

    file_id: str
    name: str
    path: Path
    signatures: int = 0
    encrypted: bool = False
    empty_fields: tuple[str, ...] = ()
    component_id: str = ""
    to_make: bool = False  # the component's PDF is made from its scanned pages first
    refusal: str | None = None  # why it cannot be signed (export would merge or re-encode it)
    unit: Any = None  # the dossier action's entry


class SignPage(SignerChoice, SignatureCheck, StepPage):
    step_id = "sign"

    def __init__(self, context: AppContext, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.pdfs: list[DossierPdf] = []
        self.tokens: list[TokenChoice] = []
        self.last_report: Any = None
        self.busy = False
        self._preview_request = 0
        # three panes the user can widen: files and their check, the page, the signer
        self.splitter = QtWidgets.QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)  # a pane dragged to nothing gets lost
        self.splitter.addWidget(self._build_file_column())
        self.splitter.addWidget(self._build_preview_column())
        self.splitter.addWidget(self._build_signer_column())
        for index, stretch in enumerate(PANE_STRETCH):
            self.splitter.setStretchFactor(index, stretch)
        layout = QtWidgets.QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self._box_changed(None)
        self._bind_keys()

    def _bind_keys(self) -> None:
        for button, key in (
            (self.check_other_button, "Ctrl+Shift+K"),
            (self.trust_button, "Ctrl+Shift+T"),
            (self.signed_version_button, "Ctrl+Shift+X"),
            (self.p12_browse_button, "Ctrl+Shift+O"),
            (self.refresh_tokens_button, "Ctrl+T"),
            (self.add_module_button, "Ctrl+Shift+M"),
            (self.image_browse_button, "Ctrl+Shift+B"),
            (self.sign_button, "Ctrl+G"),
            (self.sign_all_button, "Ctrl+Shift+G"),
        ):
            self.bind_key(button, key)
        self.add_key("Ctrl+L", _("PDF files of the dossier"), self.file_list.setFocus)

    # ---- layout -------------------------------------------------------------------------------
    def _build_file_column(self) -> QtWidgets.QWidget:
        files = QtWidgets.QWidget()
        box = QtWidgets.QVBoxLayout(files)
        box.setContentsMargins(0, 0, 4, 0)
        box.addWidget(QtWidgets.QLabel(_("PDF files of the dossier")))
        self.file_list = QtWidgets.QListWidget()
        self.file_list.setAccessibleName(_("PDF files of the dossier"))
        # a long name is cut in its middle: its end and the signing state stay readable
        self.file_list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.file_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.file_list.setMinimumHeight(60)
        self.file_list.currentRowChanged.connect(self._file_selected)
        box.addWidget(self.file_list, 1)
        self.word_note = QtWidgets.QLabel()  # Word files of the dossier cannot be signed here
        self.word_note.setWordWrap(True)
        self.word_note.hide()
        box.addWidget(self.word_note)
        self.check_other_button = QtWidgets.QPushButton(_("Check another PDF…"))
        self.check_other_button.clicked.connect(self._check_other_pdf)
        box.addWidget(self.check_other_button)
        self.trust_button = QtWidgets.QPushButton(_("Add a trusted root certificate…"))
        self.trust_button.clicked.connect(self._add_trusted_root)
        box.addWidget(self.trust_button)
        report = QtWidgets.QWidget()
        report_box = QtWidgets.QVBoxLayout(report)
        report_box.setContentsMargins(0, 0, 4, 0)
        report_box.addWidget(QtWidgets.QLabel(_("Signature check")))
        self.report_view = QtWidgets.QTextBrowser()
        self.report_view.setAccessibleName(_("Signature check"))
        self.report_view.setMinimumHeight(80)
        report_box.addWidget(self.report_view, 1)
        self.signed_version_button = QtWidgets.QPushButton(_("View the signed version"))
        self.signed_version_button.setToolTip(
            _("The file as the signer signed it, beside the file now, changes marked")
        )
        self.signed_version_button.setEnabled(False)
        self.signed_version_button.clicked.connect(self._view_signed_version)
        report_box.addWidget(self.signed_version_button)
        # a dossier has a few PDFs; the check of one needs the height: a splitter between them
        column = QtWidgets.QSplitter(Qt.Orientation.Vertical)
        column.setChildrenCollapsible(False)
        column.addWidget(files)
        column.addWidget(report)
        column.setStretchFactor(0, 1)
        column.setStretchFactor(1, 2)
        self.file_splitter = column
        return column

    def _build_preview_column(self) -> QtWidgets.QWidget:
        column = QtWidgets.QWidget()
        box = QtWidgets.QVBoxLayout(column)
        box.setContentsMargins(4, 0, 4, 0)
        self.page_spin = QtWidgets.QSpinBox()
        self.page_spin.setPrefix(_("Page "))
        self.page_spin.setMinimum(1)
        self.page_spin.setAccessibleName(_("Page shown in the preview"))
        self.page_spin.valueChanged.connect(self._refresh_preview)
        self.preview = PagePreview()
        self.preview.box_changed.connect(self._box_dragged)
        self.box_label = QtWidgets.QLabel()
        self.box_label.setWordWrap(True)
        box.addWidget(self.page_spin)
        box.addWidget(self.box_label)  # what to do with the page, read before the page
        box.addWidget(self.preview, 1)
        return column

    def _build_signer_column(self) -> QtWidgets.QWidget:
        column = PreferredWidthPane(SIGNER_PANE_WIDTH)
        form = QtWidgets.QFormLayout(column)
        form.setContentsMargins(4, 0, 0, 0)
        self.use_p12 = QtWidgets.QRadioButton(_("Certificate f&ile (.p12/.pfx)"))
        self.use_token = QtWidgets.QRadioButton(_("&USB token"))
        self.use_p12.setChecked(True)
        form.addRow(self.use_p12)
        p12_row = QtWidgets.QHBoxLayout()
        self.p12_edit = QtWidgets.QLineEdit()
        self.p12_edit.setPlaceholderText(_("choose a .p12/.pfx file"))
        self.p12_edit.setAccessibleName(_("Certificate file (.p12/.pfx)"))
        browse = self.p12_browse_button = QtWidgets.QPushButton(_("Browse…"))
        browse.setAccessibleName(_("Choose the certificate file"))
        browse.clicked.connect(self._choose_p12)
        p12_row.addWidget(self.p12_edit)
        p12_row.addWidget(browse)
        form.addRow(p12_row)
        form.addRow(self.use_token)
        # "subject — issuer (token, until date)" is long: cut here, whole in the list and tip
        self.token_combo = ElidingComboBox()
        self.token_combo.setAccessibleName(_("Certificates on the plugged-in tokens"))
        form.addRow(self.token_combo)
        token_buttons = QtWidgets.QHBoxLayout()
        self.refresh_tokens_button = QtWidgets.QPushButton(_("Find tokens"))
        self.refresh_tokens_button.clicked.connect(self.refresh_tokens)
        add_module = self.add_module_button = QtWidgets.QPushButton(_("Add module…"))
        add_module.clicked.connect(self._add_module)
        token_buttons.addWidget(self.refresh_tokens_button)
        token_buttons.addWidget(add_module)
        form.addRow(token_buttons)
        self.token_status = QtWidgets.QLabel()
        self.token_status.setWordWrap(True)
        form.addRow(self.token_status)

        self.reason_edit = QtWidgets.QLineEdit()
        self.location_edit = QtWidgets.QLineEdit()
        form.addRow(_("Reason"), self.reason_edit)
        form.addRow(_("Location"), self.location_edit)
        self.level_combo = ElidingComboBox(minimum_characters=10)
        # plain words on screen, the PAdES level for who asks (issue 18: jargon)
        for text, level in ((_("Basic"), "B-B"), (_("With timestamp"), "B-T"),
                            (_("Long-term"), "B-LT")):  # fmt: skip
            self.level_combo.addItem(text, level)
            self.level_combo.setItemData(
                self.level_combo.count() - 1, f"PAdES {level}", Qt.ItemDataRole.ToolTipRole
            )
        form.addRow(_("Level"), self.level_combo)
        self.field_combo = ElidingComboBox(minimum_characters=10)  # a form's field names
        self.field_combo.setAccessibleName(_("Signature field"))
        form.addRow(_("Signature field"), self.field_combo)
        self.visible_check = QtWidgets.QCheckBox(_("&Visible stamp"))
        self.visible_check.setChecked(True)
        form.addRow(self.visible_check)
        image_row = QtWidgets.QHBoxLayout()
        self.image_edit = QtWidgets.QLineEdit()
        self.image_edit.setPlaceholderText(_("signature or seal image (PNG, optional)"))
        self.image_edit.setAccessibleName(_("Stamp image"))
        image_button = self.image_browse_button = QtWidgets.QPushButton(_("Browse…"))
        image_button.setAccessibleName(_("Choose the stamp image"))
        image_button.clicked.connect(self._choose_image)
        image_row.addWidget(self.image_edit)
        image_row.addWidget(image_button)
        form.addRow(image_row)
        # the consequence on its own wrapped line: the column stays narrow on small screens
        self.certify_check = QtWidgets.QCheckBox(_("&Certify the document"))
        certify_hint = _("Afterwards only filling in the form and signing remain allowed.")
        self.certify_check.setAccessibleDescription(certify_hint)
        self.certify_hint = QtWidgets.QLabel(certify_hint)
        self.certify_hint.setWordWrap(True)
        self.certify_hint.setIndent(self.certify_check.iconSize().width() + 8)
        form.addRow(self.certify_check)
        form.addRow(self.certify_hint)
        self.sign_button = QtWidgets.QPushButton(_("Sign the selected file"))
        self.sign_button.clicked.connect(lambda: self.sign_files(all_files=False))
        # "(one PIN)" on a wrapped line of its own, as the certify hint: a long button set the
        # column's width and pushed the page out of a 853x683 window (1280x1024 at 150 %)
        self.sign_all_button = QtWidgets.QPushButton(_("Sign all PDF files"))
        self.sign_all_button.clicked.connect(lambda: self.sign_files(all_files=True))
        one_pin = _("One PIN entry for all the files.")
        self.sign_all_button.setAccessibleDescription(one_pin)
        self.sign_all_hint = QtWidgets.QLabel(one_pin)
        self.sign_all_hint.setWordWrap(True)
        form.addRow(self.sign_button)
        form.addRow(self.sign_all_button)
        form.addRow(self.sign_all_hint)
        return column

    # ---- session and file list -------------------------------------------------------------
    def on_session_changed(self) -> None:
        self.pdfs = self._dossier_pdfs()
        self._fill_file_list()
        self._show_word_note()
        if self.session is not None and self.pdfs:
            self.context.run_job(
                lambda progress, cancel: self._count_signatures(self.pdfs),
                self._counts_ready,
                title=_("Reading signatures"),
            )

    def on_enter(self) -> None:
        """Forms saved or PDFs made since the page was built: list the dossier's PDFs again."""
        current = [p.unit for p in self.pdfs]  # what is listed, its state and refusal
        if current != [p.unit for p in self._dossier_pdfs()]:
            self.on_session_changed()

    def _show_word_note(self) -> None:
        """Say plainly why a Word file of the dossier is not in the list, and what to do."""
        from forms import why_no_pdf_signature

        names = []
        if self.session is not None:
            names = [
                item.name
                for entry in self.session.dossier.components
                for item in entry.result_files()
                if (item.derived or item.original).lower().endswith((".docx", ".doc"))
            ]
        self.word_note.setText(
            _("Word files not listed ({names}): {why}.").format(
                names=", ".join(names), why=why_no_pdf_signature()
            )
            if names
            else ""
        )
        self.word_note.setVisible(bool(names))

    def _dossier_pdfs(self) -> list[DossierPdf]:
        from dossier.actions import signable_pdfs
        from ui.step_status import portal_of, procedure_of

        if self.session is None:
            return []
        dossier = self.session.dossier
        procedure = procedure_of(self.context, dossier)
        # one entry per file as uploaded: an ID card sheet once, scanned pages as one PDF
        portal = portal_of(self.context, dossier)
        return [
            DossierPdf(
                pdf.file_id,
                pdf.name,
                pdf.path,
                component_id=pdf.component_id,
                to_make=pdf.to_make,
                refusal=pdf.refusal,
                unit=pdf,
            )
            for pdf in signable_pdfs(self.session.workspace, procedure, portal)
        ]

    @staticmethod
    def _count_signatures(pdfs: list[DossierPdf]) -> list[DossierPdf]:
        from signing import quick_info

        found = []
        for pdf in pdfs:
            if not pdf.path.is_file():  # a component's PDF not made yet
                found.append(pdf)
                continue
            info = quick_info(pdf.path)
            found.append(
                replace(
                    pdf,
                    signatures=info.signatures,
                    encrypted=info.encrypted,
                    empty_fields=info.empty_fields,
                )
            )
        return found

    def _counts_ready(self, pdfs: list[DossierPdf]) -> None:
        if [(p.file_id, p.path) for p in pdfs] == [(p.file_id, p.path) for p in self.pdfs]:
            self.pdfs = pdfs
            self._fill_file_list()

    def _fill_file_list(self) -> None:
        current = self.file_list.currentRow()
        self.file_list.clear()
        for pdf in self.pdfs:
            if pdf.refusal:
                state = _("cannot be signed")
            elif pdf.encrypted:
                state = _("password protected")
            elif pdf.signatures:
                state = _("signed ({n})").format(n=pdf.signatures)
            else:
                state = _("not signed")
            item = QtWidgets.QListWidgetItem(f"{pdf.name} — {state}")
            tip = str(pdf.path)
            if pdf.to_make:
                tip = _("Put together from the PDFs of the component's pages when signing")
            item.setToolTip(f"{pdf.refusal}\n{tip}" if pdf.refusal else tip)
            self.file_list.addItem(item)
        if self.pdfs:
            self.file_list.setCurrentRow(min(max(current, 0), len(self.pdfs) - 1))
        else:
            self._refresh_preview()
        self.status_changed.emit()

    def selected_pdf(self) -> DossierPdf | None:
        row = self.file_list.currentRow()
        return self.pdfs[row] if 0 <= row < len(self.pdfs) else None

    def _file_selected(self, _row: int) -> None:
        pdf = self.selected_pdf()
        stored = self._stored_stamp(pdf)
        self.page_spin.blockSignals(True)
        self.page_spin.setMaximum(9999)
        # the page of the place the user chose before, else the last (the default place)
        self.page_spin.setValue(stored.page if stored is not None else 9999)
        self.page_spin.blockSignals(False)
        self._refresh_preview()
        self._fill_fields(pdf)
        if pdf is not None and pdf.signatures:
            self.check_pdf(pdf.path)
        else:
            self.report_view.clear()

    def _fill_fields(self, pdf: DossierPdf | None) -> None:
        """A new field, or an empty signature field the form already has (its place is fixed)."""
        self.field_combo.clear()
        self.field_combo.addItem(_("New signature field"), None)
        for name in pdf.empty_fields if pdf else ():
            self.field_combo.addItem(_("Existing field: {name}").format(name=name), name)
        if pdf is not None and pdf.empty_fields:
            self.field_combo.setCurrentIndex(1)

    def _refresh_preview(self) -> None:
        """Render the chosen page in the background; only the latest request is shown."""
        pdf = self.selected_pdf()
        self._preview_request += 1
        request = self._preview_request
        if pdf is None:
            self._show_preview(request, None)
            return
        path, index = pdf.path, self.page_spin.value() - 1
        if not path.is_file():
            self._show_preview(request, None)
            return
        self.context.run_job(
            lambda progress, cancel: render_page(path, index),
            lambda rendered: self._show_preview(request, rendered),
            lambda exc, details: self._show_preview(request, None),
            owner=self,
        )

    def _show_preview(self, request: int, rendered: RenderedPdfPage | None) -> None:
        if request != self._preview_request:
            return  # a newer page was asked for meanwhile
        count = self.preview.show_rendered(rendered)
        if count:
            self.page_spin.blockSignals(True)
            self.page_spin.setMaximum(count)  # clamps the value: the preview showed that page
            self.page_spin.blockSignals(False)
        stored = self._stored_stamp(self.selected_pdf())
        if count and stored is not None and stored.page == self.page_spin.value():
            self.preview.set_box_points(stored.rect)  # where the user put it last time
            self._box_changed(stored.rect)
        else:
            self._box_changed(None)

    # ---- the stamp place, kept with the component --------------------------------------------
    def _stored_stamp(self, pdf: DossierPdf | None):
        from dossier.actions import stamp_position

        if pdf is None or self.session is None or not pdf.component_id:
            return None
        return stamp_position(self.session.workspace, pdf.component_id)

    def _box_dragged(self, box: object) -> None:
        """The user dragged a box (or clicked: back to the automatic place): keep it with the
        component, so signing it again (after a change) puts the stamp there."""
        from dossier import StampPosition
        from dossier.actions import set_stamp_position

        pdf = self.selected_pdf()
        if pdf is not None and self.session is not None and pdf.component_id:
            position = None
            if box is not None:
                x1, y1, x2, y2 = box  # type: ignore[misc]
                position = StampPosition(self.page_spin.value(), (x1, y1, x2, y2))
            if set_stamp_position(self.session.workspace, pdf.component_id, position):
                self.session.mark_changed()
        self._box_changed(box)

    def _box_changed(self, box: object) -> None:
        if box is None:
            self.box_label.setText(
                _("Stamp: bottom right of the last page. Drag on the page to choose a place.")
            )
            self.box_label.setToolTip("")
        else:
            x1, y1, x2, y2 = box  # type: ignore[misc]
            page = self.page_spin.value()
            self.box_label.setText(
                _("Stamp on page {page}, where you dragged it.").format(page=page)
            )
            self.box_label.setToolTip(  # coordinates only for who asks (issue 18: jargon)
                _("Stamp on page {page}: {x1:.0f},{y1:.0f} – {x2:.0f},{y2:.0f} pt").format(
                    page=page, x1=x1, y1=y1, x2=x2, y2=y2
                )
            )

    # ---- signer choice -----------------------------------------------------------------------

    # ---- signing -----------------------------------------------------------------------------
    def _options(self):
        from signing import SignOptions, StampOptions

        level = self.level_combo.currentData()
        tsa_urls = tuple(self.context.settings.get("tsa_urls"))
        if level != "B-B" and not tsa_urls:
            raise InputError(
                _("Add a timestamp server (TSA) in the settings to use this signature level.")
            )
        image = Path(self.image_edit.text()) if self.image_edit.text().strip() else None
        box = self.preview.box_points()
        stamp = StampOptions(
            visible=self.visible_check.isChecked(),
            page=self.page_spin.value() if box is not None else None,
            rect=box,
            image=image,
        )
        return SignOptions(
            reason=self.reason_edit.text().strip(),
            location=self.location_edit.text().strip(),
            level=level,
            tsa_urls=tsa_urls,
            certify=self.certify_check.isChecked(),
            stamp=stamp,
            field_name=self.field_combo.currentData(),
        )

    def sign_files(self, *, all_files: bool) -> None:
        if self.busy:
            return
        targets = list(self.pdfs) if all_files else [p for p in [self.selected_pdf()] if p]
        if not targets:
            self.context.dialogs.inform(_("Digital signature"), _("There is no PDF to sign."))
            return
        refused = [p for p in targets if p.refusal]
        if refused and len(refused) == len(targets):  # say why, and sign nothing
            self.context.dialogs.inform(
                _("Digital signature"), "\n".join(str(p.refusal) for p in refused)
            )
            return
        try:
            options = self._options()
            opener = self._signer_opener()
        except InputError as exc:
            self.context.dialogs.inform(_("Digital signature"), exc.message)
            return
        if opener is None:
            return
        if any(pdf.encrypted for pdf in targets):
            password = self.context.dialogs.ask_secret(
                _("Protected PDF"), _("Password of the protected PDF file(s):")
            )
            if password is None:
                return
            options = replace(options, pdf_password=password)
        if len(targets) > 1 or all_files:
            # one box or field for many files would be surprising: each gets its component's
            # stored place, else the automatic one (dossier.actions.options_for)
            options = replace(
                options, field_name=None, stamp=replace(options.stamp, page=None, rect=None)
            )
        self._set_busy(True)
        self.context.run_job(
            lambda progress, cancel: opener(),
            lambda signer: self._signer_ready(signer, targets, options),
            lambda exc, details: self._open_failed(exc, details, all_files),
            title=_("Opening the certificate"),
        )

    def _signer_ready(self, signer, targets: list[DossierPdf], options) -> None:
        problem = signer.cert.validity_problem()
        if problem:
            question = _("{problem}. Sign anyway? Readers will show the signature as invalid.")
            if not self.context.dialogs.confirm(
                _("Digital signature"), question.format(problem=problem)
            ):
                signer.close()
                self._set_busy(False)
                return
            options = replace(options, allow_invalid_cert=True)
        from dossier.actions import prepare_signing, run_signing

        assert self.session is not None
        jobs = prepare_signing(self.session.workspace, [p.unit for p in targets], options)

        def work(progress, cancel):
            # a component's pages put together first when needed; closes the signer
            return run_signing(jobs, signer, progress, cancel)

        self.context.run_job(
            work,
            lambda results: self._signed(targets, results),
            self._job_failed,
            title=_("Signing"),
        )

    def _signed(self, targets: list[DossierPdf], results) -> None:
        from dossier.actions import record_signed

        self._set_busy(False)
        errors = []
        if self.session is not None:
            for pdf, result in zip(targets, results, strict=True):
                if result.error is not None:
                    errors.append(f"{pdf.name}: {result.error}")
            record_signed(self.session.workspace, results)  # all pages, both sides of a card
            self.session.mark_changed()
        self.on_session_changed()
        if errors:
            self.context.dialogs.inform(_("Digital signature"), "\n".join(errors))

    def _job_failed(self, exc: BaseException, details: str) -> None:
        self._set_busy(False)
        from ui.error_dialog import show_error

        show_error(self, exc, details)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for button in (self.sign_button, self.sign_all_button):
            button.setEnabled(not busy)

    # ---- verification ------------------------------------------------------------------------

    # ---- sidebar -----------------------------------------------------------------------------
    def step_status(self) -> StepStatus:
        from ui.step_status import procedure_of, sign_status

        if self.session is None:
            return StepStatus()
        dossier = self.session.dossier
        counted = {pdf.file_id: pdf.signatures for pdf in self.pdfs}
        return sign_status(dossier, procedure_of(self.context, dossier), counted)
