"""Printing a PDF on a system printer at its physical size (pack page, worker thread)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from common.i18n import _
from ui.qt import Qt, QtCore, QtGui

if TYPE_CHECKING:
    pass

log = logging.getLogger("hoso.ui.pack")
PRINT_DPI = 300


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
