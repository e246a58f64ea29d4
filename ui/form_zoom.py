"""Zoom of the forms page: fitted to the view's width unless the user chose a step; the choice
is kept in the settings (0: fit). A mixin of FormsPage (it renders, this decides the size)."""

from __future__ import annotations

from pathlib import Path

from ui.qt import QtCore

ZOOMS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0)
BASE_DPI = 96.0  # zoom 100 % shows the page at the screen's nominal size


class _ResizeWatcher(QtCore.QObject):
    """Calls back when the watched widget is resized (the form's view, to keep fitting it)."""

    def __init__(self, callback, parent: QtCore.QObject) -> None:
        super().__init__(parent)
        self.callback = callback

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
        if event.type() == QtCore.QEvent.Type.Resize:
            self.callback()
        return False


def _page_width_points(path: Path, password: str | None) -> float:
    """Width of a PDF's first page in points (background job: the fitted zoom's base)."""
    from forms import open_pdf

    with open_pdf(path, password) as opened:
        return opened.doc[0].rect.width if opened.doc.page_count else 595.0


class FormZoom:
    """Needs from the page: context, scroll, info, busy, zoom, _rerender, _finish_editing,
    _update_controls."""

    def _watch_view_width(self) -> None:
        self._fitted_to = 0
        self._fit_timer = QtCore.QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(350)
        self._fit_timer.timeout.connect(self._refit)
        self._resize_watcher = _ResizeWatcher(self._viewport_resized, self)
        self.scroll.viewport().installEventFilter(self._resize_watcher)

    def _remembered_zoom(self) -> float:
        """The zoom the user chose last; none chosen (0): fit the page's width."""
        percent = self.context.settings.get("forms_zoom_percent")
        known = [round(z * 100) for z in ZOOMS]
        if percent in known:
            return ZOOMS[known.index(percent)]
        self.fit_width = True
        return 1.0

    def _dpi_rule(self):
        """The rendering resolution for a page width in points (runs in the background job)."""
        if not self.fit_width:
            dpi = BASE_DPI * self.zoom
            return lambda _width: dpi
        room = max(200, self.scroll.viewport().width() - 16)  # a margin, no horizontal bar
        self._fitted_to = self.scroll.viewport().width()
        lowest, highest = BASE_DPI * ZOOMS[0], BASE_DPI * ZOOMS[-1]
        return lambda width: max(lowest, min(highest, room * 72.0 / max(width, 1.0)))

    def step_zoom(self, direction: int) -> None:
        position = min(range(len(ZOOMS)), key=lambda i: abs(ZOOMS[i] - self.zoom))
        if self.fit_width and (ZOOMS[position] - self.zoom) * direction > 0.01:
            position -= direction  # from a fitted zoom between two steps, the next step first
        position = max(0, min(len(ZOOMS) - 1, position + direction))
        if ZOOMS[position] != self.zoom or self.fit_width:
            self.fit_width = False
            self.zoom = ZOOMS[position]
            self.context.settings.set("forms_zoom_percent", round(self.zoom * 100))
            self._finish_editing()
            self._rerender()
            self._update_controls()

    def zoom_to_fit(self) -> None:
        """Fit the page's width in the view, and keep fitting when the window is resized."""
        self.fit_width = True
        self.context.settings.set("forms_zoom_percent", 0)
        self._finish_editing()
        self._rerender()
        self._update_controls()

    def _viewport_resized(self) -> None:
        width = self.scroll.viewport().width()
        if self.fit_width and self.info is not None and abs(width - self._fitted_to) > 24:
            self._fit_timer.start()  # once the resizing settles

    def _refit(self) -> None:
        if self.busy:
            self._fit_timer.start()
        else:
            self._rerender()
