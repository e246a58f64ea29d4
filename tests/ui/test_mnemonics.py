"""No raw mnemonic marker on screen, in Vietnamese and in English (issue 18).

Qt turns a single `&` into an underline under the next character: before a space it draws an
underlined space, which reads as "_danh" ("Thông tin & danh mục" in a menu). A label without a
buddy does not process mnemonics at all and shows the `&` itself ("&Thư mục hồ sơ:").
"""

from __future__ import annotations

import re

import pytest

from common import i18n
from ui.qt import Qt, QtGui, QtWidgets

GTK_MARKER = re.compile(r"(?:^|\s)_\w")  # "_File": GTK's mnemonic mark, shown raw by Qt


def mnemonic_problem(text: str, processed: bool) -> str | None:
    """Why `text` shows a raw marker (None when it is fine).

    `processed`: the widget turns `&x` into an underlined x (actions, menus, buttons, group
    boxes, tabs, labels with a buddy); otherwise every `&` is drawn as it is.
    """
    if GTK_MARKER.search(text.replace("&", "")):
        return "GTK-style '_' mnemonic shown raw"
    if not processed:
        if re.search(r"&\S", text):
            return "'&' shown as is (a label without buddy does not process mnemonics)"
        return None
    index = 0
    while (index := text.find("&", index)) >= 0:
        after = text[index + 1 : index + 2]
        if after == "&":
            index += 2
            continue
        if not after or not after.isalnum():
            return f"'&' before {after!r} draws an underlined {after or 'nothing'} ('_')"
        index += 1
    return None


def _label_text(label: QtWidgets.QLabel) -> str:
    text = label.text()
    if label.textFormat() != Qt.TextFormat.PlainText and "<" in text:
        text = QtGui.QTextDocumentFragment.fromHtml(text).toPlainText()
    return text


def marked_texts(root: QtWidgets.QWidget) -> list[tuple[str, str, bool]]:
    """(where, raw text, mnemonics processed) of every label, button, menu, tab and action."""
    found: list[tuple[str, str, bool]] = []
    for widget in [root, *root.findChildren(QtWidgets.QWidget)]:
        kind = type(widget).__name__
        if isinstance(widget, QtWidgets.QLabel):
            found.append((kind, _label_text(widget), widget.buddy() is not None))
        elif isinstance(widget, QtWidgets.QAbstractButton):
            found.append((kind, widget.text(), True))
        elif isinstance(widget, QtWidgets.QGroupBox):
            found.append((kind, widget.title(), True))
        elif isinstance(widget, QtWidgets.QTabWidget):
            found += [(kind, widget.tabText(i), True) for i in range(widget.count())]
        if isinstance(widget, QtWidgets.QMenu):
            found.append(("QMenu.title", widget.title(), True))
        for action in widget.actions():
            if not action.isSeparator():
                found.append((f"{kind}.QAction", action.text(), True))
    return [(where, text, processed) for where, text, processed in found if text]


def problems_under(root: QtWidgets.QWidget, name: str) -> list[str]:
    found = []
    for where, text, processed in marked_texts(root):
        reason = mnemonic_problem(text, processed)
        if reason:
            found.append(f"{name} {where}: {text!r}: {reason}")
    return found


def test_the_rule_fails_on_the_cases_the_walk_through_found():
    assert mnemonic_problem("Thông tin & danh mục giấy tờ", processed=True)
    assert mnemonic_problem("&Thư mục hồ sơ:", processed=False)
    assert mnemonic_problem("_File", processed=True)
    assert mnemonic_problem("Thông tin && danh mục giấy tờ", processed=True) is None
    assert mnemonic_problem("&Thư mục hồ sơ:", processed=True) is None
    assert mnemonic_problem("Đóng gói & nộp", processed=False) is None  # a label shows "&"


def _window(app_context, qtbot):
    from desktop.sample import create_sample_dossier
    from ui.main_window import MainWindow

    window = MainWindow(app_context)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.open_dossier(create_sample_dossier(app_context.dossier_root))
    return window


@pytest.mark.parametrize("language", ["vi", "en"])
def test_no_raw_mnemonic_marker_in_the_window_and_settings(app_context, qtbot, language):
    from ui.jobs import running_jobs
    from ui.settings_dialog import SettingsDialog

    i18n.set_language(language)
    window = _window(app_context, qtbot)
    try:
        problems = problems_under(window, "window")
        window.create_all_pages()
        for step_id in window.step_ids():
            window.go_to(step_id)
            qtbot.waitUntil(lambda: not running_jobs(), timeout=60_000)
            problems += problems_under(window.stack.currentWidget(), step_id)
        for menu in window.menuBar().findChildren(QtWidgets.QMenu):
            problems += problems_under(menu, "menu")
        settings = SettingsDialog(window.context, window)
        problems += problems_under(settings, "settings")
        settings.deleteLater()
        shortcuts = window.shortcuts_text()
    finally:
        window.session.flush()
    assert not sorted(set(problems)), "\n".join(sorted(set(problems)))
    # the list of shortcuts shows the step names as written, without the marks
    step = "Thông tin & danh mục giấy tờ" if language == "vi" else "Information & checklist"
    assert f"\t{step}" in shortcuts
    assert "  " not in shortcuts.replace("\t", " ")
