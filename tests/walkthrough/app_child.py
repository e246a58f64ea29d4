"""The walk-through's app process: the real app (desktop.app.main) with an inspector.

The driver (run.py) moves the real mouse and keyboard through the X server (xdotool); it asks
this inspector, on stdin, where a widget is and what the window shows, and the inspector
answers one JSON line on stdout behind "WT ". Nothing here clicks or types: the inspector
only looks. It also measures event-loop stalls (a 20 ms timer) and counts error dialogs.

Commands (one JSON object a line): {"op": "find", "text": ..., "kind": ...},
{"op": "state"}, {"op": "texts"}, {"op": "english"}, {"op": "screenshot", "path": ...},
{"op": "quit"}.
"""

from __future__ import annotations

import json
import os
import re
import sys
import threading
import time
from pathlib import Path

TICK_MS = 20
MNEMONIC = re.compile(r"&(?=[^&\s])")


def plain(text: str) -> str:
    """A widget text as seen: mnemonic markers and the shortcut part of menu items removed."""
    return MNEMONIC.sub("", text.split("\t")[0]).replace("&&", "&").strip()


class Inspector:
    def __init__(self) -> None:
        from PySide6.QtCore import QObject, Signal

        class Bridge(QObject):
            command = Signal(str)

        self.bridge = Bridge()
        self.bridge.command.connect(self.handle)
        self.longest_stall_ms = 0.0
        self.stalls: list[tuple[float, bool]] = []  # (ms, a progress indicator was visible)
        self.error_dialogs: list[str] = []
        self.last_tick = time.perf_counter()
        traces = os.environ.get("WALK_STALL_TRACES")  # debugging aid: where stalls come from
        self.stall_traces = open(traces, "w") if traces else None  # noqa: SIM115

    def start(self) -> None:
        from PySide6.QtCore import QTimer

        from ui import error_dialog

        self._previous_presenter = error_dialog._presenter
        error_dialog.set_presenter(self._error_dialog)
        self.ticker = QTimer()
        self.ticker.setInterval(TICK_MS)
        self.ticker.timeout.connect(self.tick)
        self.ticker.start()
        threading.Thread(target=self.read_commands, daemon=True).start()
        self.answer({"ready": True})

    def _error_dialog(self, dialog) -> None:
        self.error_dialogs.append(dialog.windowTitle() + ": " + plain(_dialog_text(dialog)))
        self._previous_presenter(dialog)  # shown as the user sees it

    def read_commands(self) -> None:
        for line in sys.stdin:
            self.bridge.command.emit(line)

    def tick(self) -> None:
        if self.stall_traces is not None:  # a stall over 500 ms dumps every thread's stack
            import faulthandler

            faulthandler.dump_traceback_later(0.5, file=self.stall_traces)
        now = time.perf_counter()
        gap = (now - self.last_tick) * 1000 - TICK_MS
        self.last_tick = now
        if gap > 250:
            self.stalls.append((round(gap, 1), self.busy_shown()))
        self.longest_stall_ms = max(self.longest_stall_ms, gap)

    @staticmethod
    def answer(payload: dict) -> None:
        print("WT " + json.dumps(payload, ensure_ascii=False), flush=True)

    # ---- commands -----------------------------------------------------------------------------
    def handle(self, line: str) -> None:
        try:
            command = json.loads(line)
            op = command.pop("op")
            self.answer(getattr(self, f"op_{op}")(**command))
        except Exception as exc:  # the driver reports it; the app goes on
            self.answer({"error": f"{exc.__class__.__name__}: {exc}"})

    def op_find(self, text: str, kind: str = "any", nth: int = 0, translate: bool = True) -> dict:
        wanted = plain(translated(text) if translate else text)
        matches = [w for w in visible_widgets() if _kind_matches(w, kind)
                   and wanted in (plain(t) for t in widget_texts(w))]  # fmt: skip
        matches.sort(key=lambda w: _is_in_modal(w), reverse=True)  # a dialog's widget first
        if len(matches) <= nth:
            return {"found": False, "wanted": wanted}
        widget = matches[nth]
        centre = widget.mapToGlobal(widget.rect().center())
        return {"found": True, "x": centre.x(), "y": centre.y(), "class": type(widget).__name__,
                "enabled": widget.isEnabled()}  # fmt: skip

    def op_find_item(self, text: str) -> dict:
        """A row of a list, tree or table view whose text contains `text` (no translation)."""
        from PySide6.QtCore import QModelIndex
        from PySide6.QtWidgets import QAbstractItemView

        root = QModelIndex()
        for view in visible_widgets():
            if not isinstance(view, QAbstractItemView) or view.model() is None:
                continue
            model = view.model()
            columns = _column_count(model)
            for row in range(min(model.rowCount(root), 500)):
                for column in range(columns):
                    index = model.index(row, column)
                    value = str(model.data(index) or "")
                    if text in value:
                        view.scrollTo(index)
                        rect = view.visualRect(index)
                        centre = view.viewport().mapToGlobal(rect.center())
                        return {"found": True, "x": centre.x(), "y": centre.y(), "text": value}
        return {"found": False, "wanted": text}

    def op_find_field(self, label: str, translate: bool = True) -> dict:
        """The input beside a form label (a QFormLayout row or the label's buddy)."""
        from PySide6 import QtWidgets

        wanted = plain(translated(label) if translate else label)
        for widget in visible_widgets():
            if not isinstance(widget, QtWidgets.QLabel) or plain(widget.text()) != wanted:
                continue
            field = widget.buddy() or _form_field_of(widget)
            if field is not None and field.isVisible():
                centre = field.mapToGlobal(field.rect().center())
                return {"found": True, "x": centre.x(), "y": centre.y(),
                        "class": type(field).__name__, "enabled": field.isEnabled()}  # fmt: skip
        return {"found": False, "wanted": wanted}

    def op_find_blank(self, label: str, nth: int = 0) -> dict:
        """A blank of the open form whose label contains `label`, scrolled into view."""
        page = _main_window().page("forms")
        if page.info is None:
            return {"found": False, "wanted": label}
        items = [i for i in page._page_items() if i.fillable and label in i.label]
        if len(items) <= nth:
            return {"found": False, "wanted": label}
        rect = page.canvas.item_rect(items[nth])
        centre = rect.center().toPoint()
        centre.setX(int(rect.left() + min(rect.width() / 2, 60)))  # near its start: visible
        page.scroll.ensureVisible(centre.x(), centre.y(), 80, 80)
        point = page.canvas.mapToGlobal(centre)
        return {"found": True, "x": point.x(), "y": point.y(), "id": items[nth].id}

    def op_state(self) -> dict:
        from PySide6.QtWidgets import QApplication

        modal = QApplication.activeModalWidget()
        focus = QApplication.focusWidget()
        window = _main_window()
        return {
            "busy": self.busy_shown(),
            "jobs": _running_jobs(),
            "modal": _describe(modal),
            "focus": None if focus is None else type(focus).__name__,
            "step": None if window is None else window.current_step_id(),
            "stalls": self.stalls,
            "longest_stall_ms": round(self.longest_stall_ms, 1),
            "error_dialogs": self.error_dialogs,
        }

    def op_modal_text(self) -> dict:
        """The texts of the open dialog (what the user reads in it)."""
        from PySide6.QtWidgets import QApplication

        modal = QApplication.activeModalWidget()
        if modal is None:
            return {"modal": None, "texts": []}
        texts = [plain(t) for w in [modal, *modal.findChildren(_qwidget())]
                 if w.isVisible() for t in widget_texts(w)]  # fmt: skip
        return {"modal": type(modal).__name__, "title": modal.windowTitle(), "texts": texts}

    def op_focus_text(self) -> dict:
        """The text of the input that has the keyboard focus (what the typing produced)."""
        from PySide6 import QtWidgets

        focus = QtWidgets.QApplication.focusWidget()
        if isinstance(focus, QtWidgets.QLineEdit):
            return {"text": focus.text()}
        if isinstance(focus, QtWidgets.QComboBox):
            return {"text": focus.currentText()}
        return {"text": None}

    def op_cut_off(self) -> dict:
        """The step's page wider or taller than the window shows (the page scrolls as a whole:
        buttons and lists cut off at the edge, as the walk-through met on the forms page)."""
        window = _main_window()
        area = getattr(window, "page_scroll", None)
        if area is None or not area.isVisible():
            return {"cut_off": False}
        bar = area.horizontalScrollBar()
        return {"cut_off": bar.isVisible() and bar.maximum() > 0, "by": bar.maximum()}

    def op_texts(self) -> dict:
        return {"texts": sorted(visible_texts())}

    def op_english(self) -> dict:
        """Visible texts that are an English source whose Vietnamese translation differs."""
        from common.i18n import current_language

        raw = sorted(raw_mnemonics())
        if current_language() != "vi":
            return {"english": [], "raw": raw}
        english = english_sources()
        found = sorted(t for t in visible_texts() if t in english)
        return {"english": found, "raw": raw}

    def op_screenshot(self, path: str) -> dict:
        from PySide6.QtGui import QGuiApplication

        screen = QGuiApplication.primaryScreen()
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        ok = screen.grabWindow(0).save(path)
        return {"saved": bool(ok), "path": path}

    def op_quit(self) -> dict:
        from PySide6.QtCore import QTimer

        window = _main_window()
        QTimer.singleShot(100, window.close if window is not None else lambda: None)
        return {"quitting": True}

    def busy_shown(self) -> bool:
        """A progress indicator is on screen: the status bar's job progress, a progress
        dialog, or a busy bar (a size gauge is a progress bar too, but says nothing of work)."""
        from PySide6.QtWidgets import QProgressBar, QProgressDialog

        from ui.main_window import JobProgress

        for widget in visible_widgets():
            if isinstance(widget, (JobProgress, QProgressDialog)):
                return True
            if isinstance(widget, QProgressBar) and widget.maximum() == 0:
                return True
        return False

    def op_take_errors(self) -> dict:
        errors, self.error_dialogs = self.error_dialogs, []
        return {"errors": errors}

    def op_take_stalls(self) -> dict:
        """The stalls since the last call (each step reports its own)."""
        stalls, self.stalls = self.stalls, []
        return {"stalls": stalls}


# ---- helpers ------------------------------------------------------------------------------------
def _describe(modal) -> dict | None:
    return None if modal is None else {"title": modal.windowTitle(), "class": type(modal).__name__}


def _main_window():
    from PySide6.QtWidgets import QApplication

    from ui.main_window import MainWindow

    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)), None)


def _form_field_of(label):
    from PySide6 import QtWidgets

    parent = label.parentWidget()
    layouts = [parent.layout()] if parent is not None and parent.layout() else []
    while layouts:
        layout = layouts.pop()
        if isinstance(layout, QtWidgets.QFormLayout):
            for row in range(layout.rowCount()):
                item = layout.itemAt(row, QtWidgets.QFormLayout.ItemRole.LabelRole)
                if item is not None and item.widget() is label:
                    field = layout.itemAt(row, QtWidgets.QFormLayout.ItemRole.FieldRole)
                    return field.widget() if field is not None else None
        for index in range(layout.count()):
            child = layout.itemAt(index).layout()
            if child is not None:
                layouts.append(child)
    return None


def _running_jobs() -> int:
    from ui import jobs

    return len(jobs._running)


def _dialog_text(dialog) -> str:
    text = getattr(dialog, "text", None)
    return text() if callable(text) else ""


def _is_in_modal(widget) -> bool:
    from PySide6.QtWidgets import QApplication

    modal = QApplication.activeModalWidget()
    return modal is not None and (widget is modal or modal.isAncestorOf(widget))


def visible_widgets():
    from PySide6.QtWidgets import QApplication

    for top in QApplication.topLevelWidgets():
        if not top.isVisible():
            continue
        yield top
        for child in top.findChildren(_qwidget()):
            if child.isVisibleTo(top) and child.isVisible():
                yield child


def _qwidget():
    from PySide6.QtWidgets import QWidget

    return QWidget


def _kind_matches(widget, kind: str) -> bool:
    from PySide6 import QtWidgets

    kinds = {
        "any": QtWidgets.QWidget,
        "button": QtWidgets.QAbstractButton,
        "label": QtWidgets.QLabel,
        "edit": (QtWidgets.QLineEdit, QtWidgets.QPlainTextEdit, QtWidgets.QTextEdit),
        "combo": QtWidgets.QComboBox,
        "tab": QtWidgets.QTabBar,
        "group": QtWidgets.QGroupBox,
    }
    return isinstance(widget, kinds[kind])


def widget_texts(widget) -> list[str]:
    """What a person reads on a widget (its own text, title, placeholder, tab and combo texts)."""
    from PySide6 import QtWidgets

    texts: list[str] = []
    if isinstance(widget, (QtWidgets.QAbstractButton, QtWidgets.QLabel)):
        texts.append(widget.text())
    if isinstance(widget, QtWidgets.QGroupBox):
        texts.append(widget.title())
    if isinstance(widget, QtWidgets.QLineEdit):
        texts.append(widget.placeholderText())
    if isinstance(widget, QtWidgets.QComboBox):
        texts.append(widget.currentText())
    if isinstance(widget, QtWidgets.QTabBar):
        texts += [widget.tabText(i) for i in range(widget.count())]
    if isinstance(widget, QtWidgets.QMenu):
        texts += [a.text() for a in widget.actions() if a.isVisible()]
    if isinstance(widget, QtWidgets.QMenuBar):
        texts += [a.text() for a in widget.actions() if a.isVisible()]
    if isinstance(widget, QtWidgets.QAbstractItemView):
        texts += _view_texts(widget)
    if widget.isWindow():
        texts.append(widget.windowTitle())
    return [t for t in texts if t]


def _column_count(model) -> int:
    from PySide6.QtCore import QModelIndex

    try:
        return max(1, model.columnCount(QModelIndex()))
    except TypeError:  # a list model keeps columnCount private
        return 1


def _view_texts(view, rows: int = 40) -> list[str]:
    """The header and first rows of a list, table or tree: what a person reads in it."""
    from PySide6 import QtWidgets
    from PySide6.QtCore import QModelIndex, Qt

    model = view.model()
    if model is None:
        return []
    root = QModelIndex()
    columns = _column_count(model)
    texts = []
    if isinstance(view, (QtWidgets.QTableView, QtWidgets.QTreeView)):
        texts += [str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(columns)]
    for row in range(min(model.rowCount(root), rows)):
        for column in range(columns):
            texts.append(str(model.data(model.index(row, column)) or ""))
    return texts


def raw_mnemonics() -> set[str]:
    """Texts that show their mnemonic marker: a label's "&" with no buddy to take it, a "_" before
    a letter (GTK's marker) anywhere."""
    from PySide6 import QtWidgets

    found = set()
    for widget in visible_widgets():
        texts = widget_texts(widget)
        if isinstance(widget, QtWidgets.QLabel) and widget.buddy() is None:
            found |= {t for t in texts if MNEMONIC.search(t) and "<" not in t}
        found |= {t for t in texts if re.search(r"(^|\s)_\w", t)}
    return found


def visible_texts() -> set[str]:
    texts: set[str] = set()
    for widget in visible_widgets():
        for text in widget_texts(widget):
            for line in plain(text).splitlines():
                if line.strip():
                    texts.add(line.strip())
    return texts


def translated(text: str) -> str:
    """`text` (an English source, with or without its mnemonic marker) in the app's language."""
    from common.i18n import _, current_language, load_catalog

    if _(text) != text or current_language() == "en":
        return _(text)
    for source, target in load_catalog(current_language()).items():
        if plain(source) == text:
            return target
    return text


_ENGLISH: set[str] | None = None

# Words that read the same in both languages (names, units, codes): never a finding.
SAME_IN_BOTH = {"OK", "PDF", "CCCD", "QR", "%", "Email", "Zalo"}


def english_sources() -> set[str]:
    """English source strings of the catalogue whose Vietnamese text differs, plus Qt's own
    standard button texts."""
    global _ENGLISH
    if _ENGLISH is None:
        from common.i18n import read_ts_fast, translations_dir

        sources: set[str] = set()
        for ts in translations_dir("vi").glob("*.ts"):
            for source, text in read_ts_fast(ts).items():
                if text.strip() != source.strip() and "{" not in source and len(source) > 1:
                    sources.add(plain(source))
        sources |= {"Cancel", "Yes", "No", "Open", "Save", "Close", "Apply", "Discard",
                    "Help", "Reset", "Yes to All", "No to All", "Abort", "Retry", "Ignore",
                    "Look in:", "File name:", "Files of type:", "Choose"}  # fmt: skip
        _ENGLISH = sources - SAME_IN_BOTH
    return _ENGLISH


def main() -> int:
    from PySide6.QtCore import QTimer

    from desktop import app

    inspector = Inspector()
    QTimer.singleShot(0, lambda: QTimer.singleShot(800, inspector.start))
    return app.main(sys.argv[1:])


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    raise SystemExit(main())
