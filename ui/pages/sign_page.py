"""Step "Ký số": sign the dossier's PDFs with a .p12 file or a USB token, check signatures.

All token, signing and verification work runs through `context.run_job` (never on the GUI
thread); PINs and passwords are asked through the dialog service, used once, never stored.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, NamedTuple

from common.errors import InputError
from common.i18n import _, format_date, format_datetime
from ui.context import AppContext
from ui.pages.base import StepPage, StepStatus
from ui.qt import Qt, QtCore, QtGui, QtWidgets, Signal
from ui.widgets import ElidingComboBox

PREVIEW_MIN_WIDTH = 200  # pixels of the page preview at least (it grows with the window)
PREVIEW_HINT_WIDTH = 320
PREVIEW_RENDER_WIDTH = 900  # pixels the page is rendered at, then scaled to the preview
SIGNER_PANE_WIDTH = 300  # preferred: the certificate's name reads in full more often
PANE_STRETCH = (1, 1, 0)  # files and check, preview, signer (as wide as its controls need)


@dataclass(frozen=True)
class TokenChoice:
    module: Path
    token_label: str
    cert_label: str
    description: str


@dataclass(frozen=True)
class DossierPdf:
    file_id: str
    name: str
    path: Path
    signatures: int = 0
    encrypted: bool = False
    empty_fields: tuple[str, ...] = ()


class RenderedPdfPage(NamedTuple):
    image: QtGui.QImage  # deep copy: safe to hand from a worker to the GUI thread
    size: tuple[float, float]  # the page in points
    count: int  # pages in the file
    last: bool  # the last page
    # where the stamp goes without a dragged box (signing.placement), if on this page
    default_box: tuple[float, float, float, float] | None = None


def render_page(pdf: Path, page_index: int) -> RenderedPdfPage | None:
    """Render one page for the preview (in a worker: PDF work never runs on the GUI thread)."""
    import pymupdf

    from ui.pdf_render import render_page_banded

    try:
        with pymupdf.open(pdf) as doc:
            count = doc.page_count
            if count == 0:
                return RenderedPdfPage(QtGui.QImage(), (0.0, 0.0), 0, False)
            index = page_index if 0 <= page_index < count else count - 1
            page = doc[index]
            zoom = PREVIEW_RENDER_WIDTH / page.rect.width  # sharp up to that width
            pix = render_page_banded(page, pymupdf.Matrix(zoom, zoom))  # GIL freed between bands
            image = QtGui.QImage(
                pix.samples, pix.width, pix.height, pix.stride, QtGui.QImage.Format.Format_RGB888
            ).copy()
            size = (page.rect.width, page.rect.height)
            default_box = _default_stamp_box(doc, index)
    except (RuntimeError, ValueError, IndexError):
        return None
    return RenderedPdfPage(image, size, count, index == count - 1, default_box)


class PagePreview(QtWidgets.QWidget):
    """A page of a PDF, scaled to fit the room it gets; drag a box with the mouse to place
    the stamp (kept in PDF points, so a resize does not move it)."""

    box_changed = Signal(object)  # (x1, y1, x2, y2) in points, or None

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(PREVIEW_MIN_WIDTH, int(PREVIEW_MIN_WIDTH * 1.414))
        self.setSizePolicy(
            QtWidgets.QSizePolicy.Policy.Expanding, QtWidgets.QSizePolicy.Policy.Expanding
        )
        self.setAccessibleName(_("Page preview: drag a box to place the signature"))
        self._pixmap: QtGui.QPixmap | None = None
        self._page_size = QtCore.QSizeF(595.0, 842.0)  # points
        self._drag_start: QtCore.QPointF | None = None
        self._drag_end: QtCore.QPointF | None = None
        self._box: tuple[float, float, float, float] | None = None  # points
        self._default_box: tuple[float, float, float, float] | None = None  # without a drag

    def sizeHint(self) -> QtCore.QSize:
        return QtCore.QSize(PREVIEW_HINT_WIDTH, int(PREVIEW_HINT_WIDTH * 1.414))

    def show_page(self, pdf: Path | None, page_index: int) -> int:
        """Render page `page_index` (0-based, -1 = last) here and show it; returns the page
        count. The sign page renders in the background (render_page) and calls show_rendered."""
        return self.show_rendered(render_page(pdf, page_index) if pdf is not None else None)

    def show_rendered(self, rendered: RenderedPdfPage | None) -> int:
        """Show a page rendered by render_page (None: nothing); returns the page count."""
        self._pixmap, self._box, self._default_box = None, None, None
        if rendered is None or rendered.count == 0:
            self.update()
            return 0
        self._page_size = QtCore.QSizeF(*rendered.size)
        self._pixmap = QtGui.QPixmap.fromImage(rendered.image)
        self._default_box = rendered.default_box
        self.update()
        return rendered.count

    def page_rect(self) -> QtCore.QRectF:
        """Where the page is drawn: as large as fits, centred left to right, at the top."""
        scale = self.pixels_per_point()
        width, height = self._page_size.width() * scale, self._page_size.height() * scale
        return QtCore.QRectF((self.width() - width) / 2, 0, width, height)

    def pixels_per_point(self) -> float:
        return min(self.width() / self._page_size.width(), self.height() / self._page_size.height())

    def box_points(self) -> tuple[float, float, float, float] | None:
        return self._box

    def set_box_points(self, box: tuple[float, float, float, float] | None) -> None:
        self._box = box
        self.update()

    def _to_points(self, rect: QtCore.QRectF) -> tuple[float, float, float, float]:
        page = self.page_rect()
        s = self.pixels_per_point()
        r = rect.normalized()
        height = self._page_size.height()
        return (
            round((r.left() - page.left()) / s, 1),
            round(height - (r.bottom() - page.top()) / s, 1),
            round((r.right() - page.left()) / s, 1),
            round(height - (r.top() - page.top()) / s, 1),
        )

    def _to_pixels(self, box: tuple[float, float, float, float]) -> QtCore.QRectF:
        x1, y1, x2, y2 = box
        page = self.page_rect()
        s = self.pixels_per_point()
        height = self._page_size.height()
        return QtCore.QRectF(
            QtCore.QPointF(page.left() + x1 * s, page.top() + (height - y2) * s),
            QtCore.QPointF(page.left() + x2 * s, page.top() + (height - y1) * s),
        )

    def mousePressEvent(self, event: QtGui.QMouseEvent) -> None:
        if self._pixmap is not None and event.button() == Qt.MouseButton.LeftButton:
            self._drag_start = self._drag_end = event.position()
            self.update()

    def mouseMoveEvent(self, event: QtGui.QMouseEvent) -> None:
        if self._drag_start is not None:
            self._drag_end = event.position()
            self.update()

    def mouseReleaseEvent(self, event: QtGui.QMouseEvent) -> None:
        if self._drag_start is None:
            return
        dragged = QtCore.QRectF(self._drag_start, event.position()).normalized()
        dragged = dragged.intersected(self.page_rect())  # the stamp stays on the page
        self._drag_start = self._drag_end = None
        if dragged.width() < 8 or dragged.height() < 8:
            self._box = None  # a click, not a drag: back to the default place
        else:
            self._box = self._to_points(dragged)
        self.update()
        self.box_changed.emit(self._box)

    def paintEvent(self, event: QtGui.QPaintEvent) -> None:
        painter = QtGui.QPainter(self)
        painter.fillRect(self.rect(), self.palette().window())
        if self._pixmap is None:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, _("No page to show"))
            return
        painter.setRenderHint(QtGui.QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawPixmap(self.page_rect(), self._pixmap, QtCore.QRectF(self._pixmap.rect()))
        if self._drag_start is not None and self._drag_end is not None:
            box_px: QtCore.QRectF | None = QtCore.QRectF(self._drag_start, self._drag_end)
        else:
            box_px = None if self._box is None else self._to_pixels(self._box)
        if box_px is None and self._default_box is not None:
            painter.setPen(QtGui.QPen(QtGui.QColor(120, 120, 120), 1, Qt.PenStyle.DotLine))
            painter.drawRect(self._to_pixels(self._default_box))
        if box_px is not None:
            pen = QtGui.QPen(QtGui.QColor(200, 30, 30), 2, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.fillRect(box_px.normalized(), QtGui.QColor(200, 30, 30, 40))
            painter.drawRect(box_px.normalized())


class _Pane(QtWidgets.QWidget):
    """A column with a preferred width, which may still shrink to what its controls need."""

    def __init__(self, preferred_width: int) -> None:
        super().__init__()
        self._preferred_width = preferred_width

    def sizeHint(self) -> QtCore.QSize:
        hint = super().sizeHint()
        return QtCore.QSize(max(hint.width(), self._preferred_width), hint.height())


class SignPage(StepPage):
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
        self.preview.box_changed.connect(self._box_changed)
        self.box_label = QtWidgets.QLabel()
        self.box_label.setWordWrap(True)
        box.addWidget(self.page_spin)
        box.addWidget(self.box_label)  # what to do with the page, read before the page
        box.addWidget(self.preview, 1)
        return column

    def _build_signer_column(self) -> QtWidgets.QWidget:
        column = _Pane(SIGNER_PANE_WIDTH)
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
        self.level_combo.addItem(_("Basic (PAdES B-B)"), "B-B")
        self.level_combo.addItem(_("With timestamp (PAdES B-T)"), "B-T")
        self.level_combo.addItem(_("Long-term (PAdES B-LT)"), "B-LT")
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
        self.sign_all_button = QtWidgets.QPushButton(_("Sign all PDF files (one PIN)"))
        self.sign_all_button.clicked.connect(lambda: self.sign_files(all_files=True))
        form.addRow(self.sign_button)
        form.addRow(self.sign_all_button)
        return column

    # ---- session and file list -------------------------------------------------------------
    def on_session_changed(self) -> None:
        self.pdfs = self._dossier_pdfs()
        self._fill_file_list()
        if self.session is not None and self.pdfs:
            self.context.run_job(
                lambda progress, cancel: self._count_signatures(self.pdfs),
                self._counts_ready,
                title=_("Reading signatures"),
            )

    def on_enter(self) -> None:
        """Forms saved or PDFs made since the page was built: list the dossier's PDFs again."""
        current = [(p.file_id, p.path) for p in self.pdfs]
        if current != [(p.file_id, p.path) for p in self._dossier_pdfs()]:
            self.on_session_changed()

    def _dossier_pdfs(self) -> list[DossierPdf]:
        if self.session is None:
            return []
        found = []
        for entry in self.session.dossier.components:
            for item in entry.result_files():  # an ID card sheet once, not once per side
                relative = item.derived or item.original
                if not relative.lower().endswith(".pdf"):
                    continue
                try:
                    path = self.session.workspace.path(relative)
                except InputError:
                    continue
                found.append(DossierPdf(item.id, item.name, path))
        return found

    @staticmethod
    def _count_signatures(pdfs: list[DossierPdf]) -> list[DossierPdf]:
        from signing.verify import quick_info

        found = []
        for pdf in pdfs:
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
        if [p.file_id for p in pdfs] == [p.file_id for p in self.pdfs]:
            self.pdfs = pdfs
            self._fill_file_list()

    def _fill_file_list(self) -> None:
        current = self.file_list.currentRow()
        self.file_list.clear()
        for pdf in self.pdfs:
            if pdf.encrypted:
                state = _("password protected")
            elif pdf.signatures:
                state = _("signed ({n})").format(n=pdf.signatures)
            else:
                state = _("not signed")
            item = QtWidgets.QListWidgetItem(f"{pdf.name} — {state}")
            item.setToolTip(str(pdf.path))
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
        self.page_spin.blockSignals(True)
        self.page_spin.setMaximum(9999)
        self.page_spin.setValue(9999)  # the last page: where the stamp goes by default
        self.page_spin.blockSignals(False)
        self._refresh_preview()
        pdf = self.selected_pdf()
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
        self._box_changed(None)

    def _box_changed(self, box: object) -> None:
        if box is None:
            self.box_label.setText(
                _("Stamp: bottom right of the last page. Drag on the page to choose a place.")
            )
        else:
            x1, y1, x2, y2 = box  # type: ignore[misc]
            self.box_label.setText(
                _("Stamp on page {page}: {x1:.0f},{y1:.0f} – {x2:.0f},{y2:.0f} pt").format(
                    page=self.page_spin.value(), x1=x1, y1=y1, x2=x2, y2=y2
                )
            )

    # ---- signer choice -----------------------------------------------------------------------
    def _choose_p12(self) -> None:
        path = self.context.dialogs.open_file(
            _("Choose the certificate file"), _("Certificate files (*.p12 *.pfx)")
        )
        if path is not None:
            self.p12_edit.setText(str(path))
            self.use_p12.setChecked(True)

    def _choose_image(self) -> None:
        path = self.context.dialogs.open_file(_("Choose the stamp image"), _("PNG images (*.png)"))
        if path is not None:
            self.image_edit.setText(str(path))

    def _add_module(self) -> None:
        path = self.context.dialogs.open_file(
            _("Choose the PKCS#11 module of your token"), _("Libraries (*.dll *.so *.dylib)")
        )
        if path is None:
            return
        modules = list(self.context.settings.get("pkcs11_modules"))
        if str(path) not in modules:
            modules.append(str(path))
            self.context.settings.set("pkcs11_modules", modules)
        self.refresh_tokens()

    def refresh_tokens(self) -> None:
        """Find modules, tokens and their certificates in the background."""
        extra = [Path(p) for p in self.context.settings.get("pkcs11_modules")]
        self.refresh_tokens_button.setEnabled(False)
        self.token_status.setText(_("Looking for tokens…"))
        self.context.run_job(
            lambda progress, cancel: _find_tokens(extra),
            self._tokens_found,
            self._tokens_failed,
            title=_("Looking for tokens"),
        )

    def _tokens_found(self, result: tuple[list[TokenChoice], list[str]]) -> None:
        self.tokens, problems = result
        self.refresh_tokens_button.setEnabled(True)
        self.token_combo.clear()
        for choice in self.tokens:
            self.token_combo.addItem(choice.description)
        if self.tokens:
            self.use_token.setChecked(True)
            self.token_status.setText("\n".join(problems))
        else:
            self.token_status.setText(
                "\n".join([_("No token found. Plug in your token, or add its module."), *problems])
            )

    def _tokens_failed(self, exc: BaseException, details: str) -> None:
        self.refresh_tokens_button.setEnabled(True)
        self.token_status.setText(str(getattr(exc, "message", exc)))

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
            # one box or field for many files would be surprising: each gets the default place
            options = replace(
                options, field_name=None, stamp=replace(options.stamp, page=None, rect=None)
            )
        self._set_busy(True)
        self.context.run_job(
            lambda progress, cancel: opener(),
            lambda signer: self._signer_ready(signer, targets, options),
            self._job_failed,
            title=_("Opening the certificate"),
        )

    def _signer_opener(self):
        """A function opening the chosen signer (run in the background), after asking the
        password or PIN here on the GUI thread; None when the user cancels."""
        from signing import open_p12, open_token

        if self.use_p12.isChecked():
            path = Path(self.p12_edit.text().strip())
            if not self.p12_edit.text().strip():
                raise InputError(_("Choose a certificate file (.p12/.pfx) first."))
            secret = self.context.dialogs.ask_secret(
                _("Certificate password"), _("Password of {name}:").format(name=path.name)
            )
            return None if secret is None else (lambda: open_p12(path, secret))
        index = self.token_combo.currentIndex()
        if not 0 <= index < len(self.tokens):
            raise InputError(_("Find your token first, then choose a certificate."))
        choice = self.tokens[index]
        pin = self.context.dialogs.ask_secret(
            _("Token PIN"), _("PIN of token {label}:").format(label=choice.token_label)
        )
        if pin is None:
            return None
        return lambda: open_token(choice.module, choice.token_label, pin, choice.cert_label)

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
        pairs = [(pdf.path, self._output_for(pdf)) for pdf in targets]

        def work(progress, cancel):
            from signing import sign_many

            try:
                return sign_many(pairs, options, signer, progress, cancel)
            finally:
                signer.close()

        self.context.run_job(
            work,
            lambda results: self._signed(targets, results),
            self._job_failed,
            title=_("Signing"),
        )

    def _output_for(self, pdf: DossierPdf) -> Path:
        from signing import default_output_path

        assert self.session is not None
        folder = self.session.root / "work" / pdf.file_id
        return folder / default_output_path(Path(pdf.name).with_suffix(".pdf")).name

    def _signed(self, targets: list[DossierPdf], results) -> None:
        self._set_busy(False)
        errors = []
        if self.session is not None:
            for pdf, result in zip(targets, results, strict=True):
                if result.error is not None:
                    errors.append(f"{pdf.name}: {result.error}")
                    continue
                found = self.session.dossier.find_file(pdf.file_id)
                if found is not None:
                    entry, item = found
                    signed = result.output.relative_to(self.session.root).as_posix()
                    for sharing in entry.sharing_result(item):  # both sides of an ID card
                        sharing.derived = signed
                        sharing.signed = True
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
    def _trust_roots(self) -> tuple[Path, ...]:
        return tuple(Path(p) for p in self.context.settings.get("trusted_certificates"))

    def _add_trusted_root(self) -> None:
        path = self.context.dialogs.open_file(
            _("Choose a trusted root certificate"), _("Certificates (*.pem *.crt *.cer *.der)")
        )
        if path is None:
            return
        roots = list(self.context.settings.get("trusted_certificates"))
        if str(path) not in roots:
            roots.append(str(path))
            self.context.settings.set("trusted_certificates", roots)
        pdf = self.selected_pdf()
        if pdf is not None:
            self.check_pdf(pdf.path)

    def _check_other_pdf(self) -> None:
        path = self.context.dialogs.open_file(_("Choose a PDF to check"), _("PDF files (*.pdf)"))
        if path is not None:
            self.check_pdf(path)

    def check_pdf(self, path: Path) -> None:
        from signing import VerifyOptions
        from signing.verify import verify

        options = VerifyOptions(trust_roots=self._trust_roots())
        self.report_view.setPlainText(_("Checking signatures…"))
        self._check_generation = getattr(self, "_check_generation", 0) + 1
        generation = self._check_generation

        def latest_only(show):  # an older check finishing late must not replace a newer one
            return lambda *args: show(*args) if generation == self._check_generation else None

        self.context.run_job(
            lambda progress, cancel: verify(path, options, progress, cancel),
            latest_only(self._show_report),
            latest_only(self._report_failed),
            title=_("Checking signatures"),
        )

    def _report_failed(self, exc: BaseException, details: str) -> None:
        self.last_report = None
        self.report_view.setPlainText(str(getattr(exc, "user_message", lambda: exc)()))

    def _show_report(self, report) -> None:
        from signing.verify import label

        self.last_report = report
        parts = [f"<p><b>{html.escape(report.path.name)}</b>: {html.escape(report.verdict)}</p>"]
        for i, sig in enumerate(report.signatures, 1):
            colour = "#1b7f3b" if sig.ok else "#b3261e"
            when = format_datetime(sig.claimed_time) if sig.claimed_time else "-"
            rows = [
                (_("Result"), label(sig.level)),
                (_("Signer"), sig.signer or "?"),
                (_("Issued by"), sig.issuer or "?"),
                (_("Signing time"), when),
                (
                    _("Timestamp"),
                    format_datetime(sig.timestamp_time) if sig.timestamp_time else "-",
                ),
                (_("Signed part"), label(sig.coverage)),
                (_("Changes after signing"), label(sig.changes)),
                (_("Level"), sig.pades_level),
                (_("Revocation (OCSP/CRL)"), label(sig.revocation)),
            ]
            # the table takes the panel's whole width, names and values side by side
            table = "".join(
                f"<tr><td width='42%'>{html.escape(k)}</td><td>{html.escape(v)}</td></tr>"
                for k, v in rows
            )
            parts.append(
                f"<p style='color:{colour}'><b>#{i}</b> {html.escape(sig.verdict)}</p>"
                f"<table width='100%' cellspacing='0' cellpadding='2'>{table}</table>"
                + _report_details(sig)
            )
        parts += [f"<p><i>{html.escape(note)}</i></p>" for note in report.notes]
        if report.signatures and not report.trust_store_used:
            parts.append(
                "<p><i>"
                + html.escape(
                    _(
                        "Trust was not checked: add the root certificate of your CA to judge "
                        "whether the signer is trusted."
                    )
                )
                + "</i></p>"
            )
        self.report_view.setHtml("".join(parts))

    # ---- sidebar -----------------------------------------------------------------------------
    def step_status(self) -> StepStatus:
        from ui.step_status import procedure_of, sign_status

        if self.session is None:
            return StepStatus()
        dossier = self.session.dossier
        counted = {pdf.file_id: pdf.signatures for pdf in self.pdfs}
        return sign_status(dossier, procedure_of(self.context, dossier), counted)


def _report_details(sig) -> str:
    """A signature's problems, notes and the versions saved after it, as HTML lists."""
    items = [f"<li>{html.escape(p.text)}</li>" for p in sig.problems]
    items += [f"<li><i>{html.escape(n)}</i></li>" for n in sig.notes]
    for version in sig.later:
        if version.archival_only:
            state = _("archival data only")
        elif version.covered_by:
            state = _("signed afterwards by {name}").format(name=version.covered_by)
        else:
            state = _("not covered by any later signature")
        changes = "".join(f"<li>{html.escape(c.text)}</li>" for c in version.changes)
        title = _("Version {n} ({state}):").format(n=version.version, state=state)
        items.append(f"<li>{html.escape(title)}<ul>{changes}</ul></li>")
    return f"<ul>{''.join(items)}</ul>" if items else ""


def _default_stamp_box(doc, page_index: int) -> tuple[float, float, float, float] | None:
    """Where signing puts the stamp without a dragged box (under the form's signature caption,
    see signing.placement), in PDF points, when that is on the page shown."""
    from signing.placement import find_place

    try:
        earlier = sum(1 for page in doc for w in page.widgets() or () if w.field_type == 6)
        found = find_place(doc, earlier)
    except (RuntimeError, ValueError, IndexError):
        return None
    if found is None or found[0] != page_index:
        return None
    x0, y0, x1, y1 = found[1]
    height = doc[page_index].rect.height
    return x0, height - y1, x1, height - y0


def _find_tokens(extra: list[Path]) -> tuple[list[TokenChoice], list[str]]:
    """(certificates found on tokens, problems to show) — runs in the background."""
    from signing import discover_modules, list_tokens

    choices: list[TokenChoice] = []
    problems: list[str] = []
    for candidate in discover_modules(extra):
        if not candidate.usable:
            problems.append(f"{candidate.path.name}: {candidate.problem}")
            continue
        try:
            tokens = list_tokens(candidate.path)
        except InputError as exc:
            problems.append(f"{candidate.path.name}: {exc.message}")
            continue
        for token in tokens:
            if token.pin_locked:
                problems.append(_("Token {label}: the PIN is locked.").format(label=token.label))
            for cert in token.certificates:  # signing certificates only: the core leaves out CAs
                description = _("{subject} — {issuer} (token {label}, until {date})").format(
                    subject=cert.subject,
                    issuer=cert.issuer,
                    label=token.label,
                    date=format_date(cert.not_after),
                )
                choices.append(TokenChoice(candidate.path, token.label, cert.label, description))
    return choices, problems
