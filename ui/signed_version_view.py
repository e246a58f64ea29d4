""" "Xem bản đã ký": the version of a file a signature covers, beside the file as it is now, with
the places changed after signing marked on both (sign page, signature check)."""

from __future__ import annotations

from pathlib import Path

from common.i18n import _
from ui.page_preview import PagePreview, render_page
from ui.qt import QtWidgets


def changed_places(sig, page: int, height: float) -> list[tuple[float, float, float, float]]:
    """The places of 1-based `page` changed after `sig` was signed, in PDF points (origin bottom
    left; the report's rectangles have their origin top left)."""
    boxes = []
    for version in sig.later:
        if version.archival_only:
            continue
        for change in version.changes:
            if change.page == page and change.rect is not None:
                x0, y0, x1, y1 = change.rect
                boxes.append((x0, height - y1, x1, height - y0))
    return boxes


class SignedVersionDialog(QtWidgets.QDialog):
    """Two pages side by side: as signed (left) and as the file is now (right)."""

    def __init__(self, context, signed: Path, current: Path, sig, parent=None) -> None:
        super().__init__(parent)
        self.context, self.signed, self.current, self.sig = context, signed, current, sig
        self.setWindowTitle(_("Signed version"))
        self.setAccessibleName(_("Signed version"))
        layout = QtWidgets.QVBoxLayout(self)
        self.summary = QtWidgets.QLabel(self._summary())
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        row = QtWidgets.QHBoxLayout()
        self.signed_preview = self._column(row, _("As signed (version {n})").format(
            n=sig.signed_version))  # fmt: skip
        self.current_preview = self._column(row, _("The file now"))
        layout.addLayout(row, 1)
        controls = QtWidgets.QHBoxLayout()
        controls.addWidget(QtWidgets.QLabel(_("Page")))
        self.page_spin = QtWidgets.QSpinBox()
        self.page_spin.setMinimum(1)
        self.page_spin.valueChanged.connect(self.show_page)
        controls.addWidget(self.page_spin)
        controls.addStretch(1)
        close = QtWidgets.QPushButton(_("Close"))
        close.clicked.connect(self.accept)
        controls.addWidget(close)
        layout.addLayout(controls)
        self.resize(900, 700)
        self.rendered = 0  # pages shown so far (for tests and the status)
        self.show_page(self._first_changed_page())

    def _column(self, row: QtWidgets.QHBoxLayout, title: str) -> PagePreview:
        box = QtWidgets.QVBoxLayout()
        box.addWidget(QtWidgets.QLabel(title))
        preview = PagePreview()
        preview.interactive = False
        preview.setAccessibleName(title)
        box.addWidget(preview, 1)
        row.addLayout(box, 1)
        return preview

    def _summary(self) -> str:
        changes = [c.text for v in self.sig.later if not v.archival_only for c in v.changes]
        if not changes:
            return _("No change after signing is shown on the pages.")
        return _("Changed after signing (marked in orange): {what}").format(
            what="; ".join(changes[:6])
        )

    def _first_changed_page(self) -> int:
        pages = [c.page for v in self.sig.later for c in v.changes if c.page]
        return min(pages) if pages else 1

    def show_page(self, page: int) -> None:
        """Render page `page` (1-based) of both files in the background, then show them."""
        signed, current = self.signed, self.current

        def work(progress, cancel):
            return render_page(signed, page - 1), render_page(current, page - 1)

        self.context.run_job(work, lambda pair: self._show(page, *pair), owner=self)

    def _show(self, page: int, signed, current) -> None:
        count_signed = self.signed_preview.show_rendered(signed)
        count_now = self.current_preview.show_rendered(current)
        self.page_spin.blockSignals(True)
        self.page_spin.setMaximum(max(count_signed, count_now, 1))
        self.page_spin.setValue(page)
        self.page_spin.blockSignals(False)
        for preview, rendered in ((self.signed_preview, signed), (self.current_preview, current)):
            height = rendered.size[1] if rendered is not None and rendered.count else 0.0
            preview.set_highlights(changed_places(self.sig, page, height) if height else [])
        self.rendered += 1
