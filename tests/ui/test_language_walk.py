"""Walk every page in Vietnamese and in English and read every visible text of every widget.

Vietnamese: no English source string may show untranslated. English: no text of the
translation catalog may show (data such as procedure names is Vietnamese and is fine).
"""

from __future__ import annotations

import re

import pytest

from common import i18n
from scripts.update_translations import code_strings
from ui.keys import plain
from ui.qt import Qt, QtGui, QtWidgets

VIETNAMESE_LETTERS = re.compile(
    r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹáàãéèíìóòõúùýỳ]", re.I
)


def widget_texts(root: QtWidgets.QWidget) -> list[tuple[str, str]]:
    """(where, text) of every text a person can see or hear (screen readers) under `root`."""
    found: list[tuple[str, str]] = []

    def add(widget, kind: str, text: str) -> None:
        if text and text.strip():
            found.append((f"{type(widget).__name__}.{kind}", text))

    widgets = [root, *root.findChildren(QtWidgets.QWidget)]
    for widget in widgets:
        add(widget, "toolTip", widget.toolTip())
        add(widget, "accessibleName", widget.accessibleName())
        if widget.isWindow():
            add(widget, "windowTitle", widget.windowTitle())
        if isinstance(widget, QtWidgets.QLabel):
            label_text = widget.text()
            if widget.textFormat() != Qt.TextFormat.PlainText and "<" in label_text:
                label_text = QtGui.QTextDocumentFragment.fromHtml(label_text).toPlainText()
            add(widget, "text", label_text)
        elif isinstance(widget, QtWidgets.QAbstractButton):
            add(widget, "text", widget.text())
        elif isinstance(widget, QtWidgets.QGroupBox):
            add(widget, "title", widget.title())
        elif isinstance(widget, QtWidgets.QLineEdit):
            add(widget, "placeholder", widget.placeholderText())
        elif isinstance(widget, QtWidgets.QTabWidget):
            for index in range(widget.count()):
                add(widget, "tab", widget.tabText(index))
        elif isinstance(widget, QtWidgets.QComboBox):
            for index in range(widget.count()):
                add(widget, "item", widget.itemText(index))
        elif isinstance(widget, QtWidgets.QTextBrowser):
            add(widget, "document", widget.toPlainText())
        elif isinstance(widget, QtWidgets.QAbstractSpinBox):
            add(widget, "prefix", getattr(widget, "prefix", lambda: "")())
        if isinstance(widget, QtWidgets.QTableView) and widget.model() is not None:
            model = widget.model()
            for column in range(model.columnCount()):
                header = model.headerData(column, Qt.Orientation.Horizontal)
                add(widget, "header", str(header or ""))
        if isinstance(widget, QtWidgets.QListWidget):
            for row in range(widget.count()):
                add(widget, "item", widget.item(row).text())
                add(widget, "itemToolTip", widget.item(row).toolTip())
        if isinstance(widget, QtWidgets.QMenu | QtWidgets.QMenuBar):
            for action in widget.actions():
                add(widget, "action", action.text())
    return [(where, plain(text)) for where, text in found]


def walk(window, qtbot) -> list[tuple[str, str, str]]:
    """Visit every step (each page shown once, its jobs finished) and read its texts."""
    from ui.jobs import running_jobs

    found = []
    window.create_all_pages()
    for step_id in window.step_ids():
        window.go_to(step_id)
        qtbot.waitUntil(lambda: not running_jobs(), timeout=60_000)
        page = window.stack.currentWidget()
        found += [(step_id, where, text) for where, text in widget_texts(page)]
    window.go_to("start")
    qtbot.waitUntil(lambda: not running_jobs(), timeout=60_000)
    for part in (window.sidebar, window.back_button, window.next_button, window.statusBar()):
        found += [("window", where, text) for where, text in widget_texts(part)]
    for row in range(window.sidebar.count()):
        item = window.sidebar.item(row)
        found += [("sidebar", "item", plain(item.text())), ("sidebar", "tip", item.toolTip())]
    for menu in window.menuBar().findChildren(QtWidgets.QMenu):
        found += [("menus", where, text) for where, text in widget_texts(menu)]
    found += [("menus", f"menu {m.title()}", plain(m.title()))
              for m in window.menuBar().findChildren(QtWidgets.QMenu)]  # fmt: skip
    found += [("window", "windowTitle", window.windowTitle())]
    found += [(name, where, text) for name, dialog in dialogs(window)
              for where, text in widget_texts(dialog)]  # fmt: skip
    return found


def dialogs(window) -> list[tuple[str, QtWidgets.QWidget]]:
    """The app's own dialogs, built (not shown) in the current language."""
    from ui.profile_dialog import ProfileDialog
    from ui.settings_dialog import SettingsDialog
    from ui.start_page import SubmissionDialog

    return [
        ("settings", SettingsDialog(window.context, window)),
        ("submission", SubmissionDialog(window)),
        ("profile", ProfileDialog(None, window)),
    ]


ALLOWED_ASCII = {"USB token"}
ENGLISH_NUMBER = re.compile(r"\b\d+\.\d+\s*(MB|KB|%)|\b\d{1,3},\d{3}\b")
VIETNAMESE_NUMBER = re.compile(r"\b\d+,\d+\s*(MB|KB|%)|\b\d{1,3}\.\d{3}\b")
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
VIETNAMESE_DATE = re.compile(r"\b\d{2}/\d{2}/\d{4}\b")
FILE_NAME = re.compile(r"\w\.(pdf|jpe?g|png|zip|html)\b", re.I)  # the word Vietnamese users use too


def looks_english(text: str, sources: set[str]) -> bool:
    """ASCII text made mostly of words of the app's English source strings."""
    if not text.isascii():
        return False
    words = re.findall(r"[A-Za-z]{2,}", text)
    if len(words) < 2:
        return False
    vocabulary = _vocabulary(frozenset(sources))
    known = [w for w in words if w.lower() in vocabulary]
    return len(known) >= 2 and len(known) >= 0.6 * len(words)


_VOCABULARY: dict[frozenset, set[str]] = {}


def _vocabulary(sources: frozenset) -> set[str]:
    if sources not in _VOCABULARY:
        words = {w.lower() for text in sources for w in re.findall(r"[A-Za-z]{2,}", text)}
        words |= {"scroll", "left", "right", "up", "down", "select", "all", "copy", "paste"}
        _VOCABULARY[sources] = words - {"ho", "so", "sao", "chu", "ky", "to", "khai"}
    return _VOCABULARY[sources]


@pytest.fixture
def sources() -> set[str]:
    return {plain(text) for texts in code_strings().values() for text in texts}


def _pieces(text: str) -> list[str]:
    """A text and its lines and 'label: value' parts (labels are often joined with data)."""
    parts = {text.strip()}
    for line in text.splitlines():
        parts.add(line.strip())
        parts.update(p.strip() for p in re.split(r"[:—·]\s", line))
    return [p for p in parts if p]


def _window(app_context, qtbot, language):
    from desktop.sample import create_sample_dossier
    from ui.main_window import MainWindow

    i18n.set_language(language)
    window = MainWindow(app_context)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.open_dossier(create_sample_dossier(app_context.dossier_root))
    return window


def test_vietnamese_shows_no_untranslated_source_string(app_context, qtbot, sources):
    catalog = {plain(s): plain(t) for s, t in i18n.load_catalog("vi").items()}
    window = _window(app_context, qtbot, "vi")
    try:
        found = walk(window, qtbot)
    finally:
        window.session.flush()
    untranslated = sorted(
        {
            f"{step} {where}: {piece!r}"
            for step, where, text in found
            for piece in _pieces(text)
            if piece in sources and catalog.get(piece, piece) != piece
        }
    )
    english = sorted(
        {
            f"{step} {where}: {piece!r}"
            for step, where, text in found
            for piece in _pieces(text)
            if looks_english(FILE_NAME.sub("", piece), sources) and piece not in ALLOWED_ASCII
        }
    )
    numbers = sorted(
        {
            f"{step} {where}: {piece!r}"
            for step, where, text in found
            for piece in _pieces(text)
            if ENGLISH_NUMBER.search(piece) or ISO_DATE.search(piece)
        }
    )
    problems = untranslated + english + numbers
    assert not problems, "shown in English in Vietnamese mode:\n" + "\n".join(problems)


def test_english_shows_no_vietnamese_from_the_catalog(app_context, qtbot):
    catalog = i18n.load_catalog("vi")
    translated = {
        plain(target)
        for source, target in catalog.items()
        if plain(target) != plain(source) and VIETNAMESE_LETTERS.search(target)
    }
    window = _window(app_context, qtbot, "en")
    try:
        found = walk(window, qtbot)
        window.session.flush()
    finally:
        i18n.set_language("vi")
    leaked = sorted(
        {
            f"{step} {where}: {piece!r}"
            for step, where, text in found
            for piece in _pieces(text)
            if piece in translated
        }
    )
    leaked += sorted(
        {
            f"{step} {where}: {piece!r} (Vietnamese number or date format)"
            for step, where, text in found
            for piece in _pieces(text)
            if VIETNAMESE_NUMBER.search(piece) or VIETNAMESE_DATE.search(piece)
        }
    )
    assert not leaked, "Vietnamese from the catalog in English mode:\n" + "\n".join(leaked)
