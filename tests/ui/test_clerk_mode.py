"""Clerk mode in the GUI: separator sheets printed and scanned back, stacks split into
components, the start page as the clerk's desk, and a shortcut for every step action."""

from __future__ import annotations

import pymupdf
import pytest
from PIL import Image

from dossier.catalog import load_catalog
from dossier.workspace import Workspace
from tests.dossier.test_separators import rendered_pages, text_page

WAIT_MS = 90_000
BIRTH = "1.001193"


@pytest.fixture
def birth():
    return load_catalog(None).get(BIRTH)


@pytest.fixture
def scan_page(qtbot, app_context, tmp_path, birth):
    from ui.context import DossierSession
    from ui.pages.scan_page import ScanPage

    workspace = Workspace.create(
        tmp_path / "hs", BIRTH, title="Khai sinh", component_ids=[c.id for c in birth.components]
    )
    session = DossierSession(workspace)
    page = ScanPage(app_context)
    qtbot.addWidget(page)
    page.set_session(session)
    page.resize(1000, 700)
    page.show()
    yield page
    qtbot.waitUntil(lambda: not page.busy(), timeout=WAIT_MS)
    session.close()


def settle(qtbot, page) -> None:
    """Wait for the previews started by an import (pytest-qt deletes the page before the
    fixture's teardown runs)."""
    qtbot.waitUntil(lambda: not page.busy(), timeout=WAIT_MS)


def images_to_pdf(images: list[Image.Image], target) -> None:
    """A scanner's multi-page PDF: every page an embedded JPEG at 100 dpi."""
    import io

    doc = pymupdf.open()
    for image in images:
        buffer = io.BytesIO()
        image.convert("RGB").save(buffer, "JPEG", quality=85)
        page = doc.new_page(width=image.width * 72 / 100, height=image.height * 72 / 100)
        page.insert_image(page.rect, stream=buffer.getvalue())
    doc.save(target)
    doc.close()


def files_of(page, component_id: str) -> list:
    return [f for e in page.session.dossier.components if e.component_id == component_id
            for f in e.files]  # fmt: skip


def test_separator_sheets_are_saved_and_opened_for_printing(scan_page, birth, tmp_path, qtbot):
    dialogs = scan_page.context.dialogs
    target = tmp_path / "tờ phân cách.pdf"
    dialogs.answers["save_file"] = target
    scan_page.separators_button.click()
    qtbot.waitUntil(lambda: ("open_path", str(target)) in dialogs.asked, timeout=WAIT_MS)
    with pymupdf.open(target) as doc:
        assert doc.page_count == len(birth.components)
        assert "PHÂN CÁCH" in doc[0].get_text()


def test_a_scanned_stack_is_split_by_separator_sheets(scan_page, birth, tmp_path, qtbot):
    sheets = rendered_pages(
        __import__("dossier.separators", fromlist=["x"]).make_separator_sheets(
            birth, tmp_path / "sheets.pdf"
        )
    )
    blank_back = Image.new("RGB", sheets[0].size, (252, 252, 250))
    stack = [sheets[1], text_page("chứng sinh 1"), blank_back, text_page("chứng sinh 2"),
             sheets[2], text_page("căn cước")]  # fmt: skip
    pdf = tmp_path / "chồng trang.pdf"
    images_to_pdf(stack, pdf)
    scan_page.context.dialogs.answers["open_files"] = [pdf]
    scan_page.stack_button.click()
    second, third = birth.components[1].id, birth.components[2].id
    qtbot.waitUntil(
        lambda: len(files_of(scan_page, second)) == 2 and len(files_of(scan_page, third)) == 1,
        timeout=WAIT_MS,
    )
    assert files_of(scan_page, birth.components[0].id) == []
    result = scan_page.last_stack
    assert not result.by_blank_pages and result.split.separators == [0, 4]
    assert result.split.blanks == [2]  # the empty back side is left out
    with pymupdf.open(result.files[second]) as doc:
        assert doc.page_count == 2
    assert "2" in scan_page.notice_label.text()
    settle(qtbot, scan_page)


def test_a_stack_of_photos_is_split_by_blank_pages(scan_page, birth, tmp_path, qtbot):
    blank = Image.new("RGB", (827, 1169), (250, 250, 248))
    pages = [text_page("tờ khai"), blank, text_page("chứng sinh"), blank, text_page("cccd")]
    paths = []
    for number, image in enumerate(pages):
        path = tmp_path / f"trang {number}.png"
        image.save(path)
        paths.append(path)
    scan_page.import_stack(paths)
    ids = [c.id for c in birth.components]
    qtbot.waitUntil(lambda: all(len(files_of(scan_page, i)) == 1 for i in ids[:3]),
                    timeout=WAIT_MS)  # fmt: skip
    assert scan_page.last_stack.by_blank_pages
    settle(qtbot, scan_page)


# ---- keyboard-first -------------------------------------------------------------------------
def _all_buttons(page):
    from ui.qt import QtWidgets

    return [b for b in page.findChildren(QtWidgets.QPushButton)]


@pytest.mark.parametrize("language", ["vi", "en"])
def test_every_step_action_has_a_shortcut_without_clashes(main_window, language):
    from common import i18n
    from ui.keys import key_text
    from ui.main_window import MainWindow

    i18n.set_language(language)
    try:
        window = MainWindow(main_window.context)
        window.create_all_pages()
        menu_keys = {
            key_text(a.shortcut())
            for a in window.menuBar().findChildren(__import__("ui.qt").qt.QtGui.QAction)
            if not a.shortcut().isEmpty()
        }
        menu_letters = {
            f"Alt+{m.title().split('&')[1][0].upper()}"
            for m in window.menuBar().findChildren(__import__("ui.qt").qt.QtWidgets.QMenu)
            if "&" in m.title()
        }
        problems = []
        pages = {"start": window.start_page, **window.pages}
        for step_id, page in pages.items():
            for button in _all_buttons(page):
                in_menu = any(button.toolTip().endswith(f"({key})") for key in menu_keys)
                if button.shortcut().isEmpty() and not in_menu:
                    problems.append(f"{step_id}: no shortcut for {button.text()!r}")
            listed = (
                page.shortcuts()
                if step_id != "start"
                else __import__("ui.keys").keys.widget_shortcuts(page, page.key_help)
            )
            keys = [key for key, _description in listed]
            for key in keys:
                if keys.count(key) > 1:
                    problems.append(f"{step_id}: {key} used twice")
                if key in menu_keys or key in menu_letters:
                    problems.append(f"{step_id}: {key} is also a menu shortcut")
                if key.startswith("Alt+") and not key[4:].isascii():
                    problems.append(f"{step_id}: {key} cannot be typed on every keyboard")
        for letter in menu_letters:
            if not letter[4:].isascii():
                problems.append(f"menu: {letter} cannot be typed on every keyboard")
        window.close()
    finally:
        i18n.set_language("vi")
    assert not problems, "\n".join(sorted(set(problems)))


def test_help_lists_every_page_shortcut(main_window):
    text = main_window.shortcuts_text()
    for step_id, page in main_window.pages.items():
        for key, description in page.shortcuts():
            assert f"{key}\t{description}" in text, (step_id, key)
    assert "Ctrl+I" in text and "Ctrl+E" in text and "F1" in text
    main_window.show_shortcuts()
    assert main_window.context.dialogs.asked[-1][0] == "show_text"


def test_a_page_shortcut_runs_its_action(main_window, app_context, qtbot, tmp_path):
    from PySide6 import QtTest

    from ui.qt import QtCore

    folder = app_context.dossier_root / "d"
    Workspace.create(folder, BIRTH, component_ids=["to-khai"])
    main_window.open_dossier(folder)
    main_window.go_to("scan")
    main_window.activateWindow()
    qtbot.waitUntil(lambda: main_window.isActiveWindow(), timeout=3000)
    app_context.dialogs.answers["open_files"] = []
    QtTest.QTest.keyClick(main_window, QtCore.Qt.Key.Key_I,
                          QtCore.Qt.KeyboardModifier.ControlModifier)  # fmt: skip
    # a button's shortcut "animates" the click: it arrives a moment later
    asked = app_context.dialogs.asked
    qtbot.waitUntil(lambda: any(kind == "open_files" for kind, _title in asked), timeout=3000)
    main_window.go_to("pack")
    QtTest.QTest.keyClick(main_window, QtCore.Qt.Key.Key_I,
                          QtCore.Qt.KeyboardModifier.ControlModifier)  # fmt: skip
    qtbot.wait(300)
    assert sum(kind == "open_files" for kind, _title in asked) == 1  # only the visible page


def test_clerk_mode_start_page_is_the_desk(main_window, app_context, qtbot, tmp_path):
    from ui.settings_dialog import SettingsDialog

    start = main_window.start_page
    assert not start.separators_button.isVisible()  # a citizen does not need them
    Workspace.create(app_context.dossier_root / "d", BIRTH, title="Khai sinh",
                     applicant={"full_name": "Lê Văn Hùng"}, component_ids=["to-khai"])  # fmt: skip
    dialog = SettingsDialog(app_context, main_window)
    dialog.clerk_mode.setChecked(True)
    dialog.accept()
    assert start.separators_button.isVisible() and not start.intro.isVisible()
    main_window.go_to("scan")
    main_window.activateWindow()
    main_window.go_to("start")
    qtbot.waitUntil(lambda: start.table.rowCount() == 1, timeout=5000)
    assert start.search.hasFocus()  # the clerk types the citizen's name at once
    start.table.selectRow(0)
    target = tmp_path / "sheets.pdf"
    app_context.dialogs.answers["save_file"] = target
    start.separators_button.click()
    qtbot.waitUntil(lambda: ("open_path", str(target)) in app_context.dialogs.asked,
                    timeout=WAIT_MS)  # fmt: skip
    assert target.stat().st_size > 1000
