"""Accessibility: names for every control, a sensible Tab order without traps, and a window
that stays usable at 150 % and 200 % display scaling."""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ui.qt import Qt, QtCore, QtWidgets

ROOT = Path(__file__).resolve().parents[2]
CONTROLS = (
    QtWidgets.QAbstractButton,
    QtWidgets.QLineEdit,
    QtWidgets.QComboBox,
    QtWidgets.QListView,
    QtWidgets.QTableView,
    QtWidgets.QAbstractSpinBox,
    QtWidgets.QTextEdit,
)


@pytest.fixture
def sample_window(main_window, app_context, qtbot):
    from desktop.sample import create_sample_dossier
    from ui.jobs import running_jobs

    main_window.resize(1280, 800)
    main_window.open_dossier(create_sample_dossier(app_context.dossier_root))
    main_window.create_all_pages()
    yield main_window
    qtbot.waitUntil(lambda: not running_jobs(), timeout=60_000)


def _pages(window):
    return {"start": window.start_page, **window.pages}


INNER_PARTS_OF = (
    QtWidgets.QComboBox,
    QtWidgets.QAbstractSpinBox,
    QtWidgets.QTabBar,
    QtWidgets.QLineEdit,  # its clear button
    QtWidgets.QAbstractItemView,  # a table's corner button
)


def _is_inner_part(widget: QtWidgets.QWidget) -> bool:
    """Parts Qt builds inside composite widgets (a combo's line edit, a spin box's editor,
    scroll bars' buttons); the composite widget carries the name."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, INNER_PARTS_OF):
            return True
        parent = parent.parentWidget()
    return False


def _buddies(root: QtWidgets.QWidget) -> set[int]:
    return {id(label.buddy()) for label in root.findChildren(QtWidgets.QLabel) if label.buddy()}


def test_every_control_has_a_name(sample_window, qtbot):
    from ui.jobs import running_jobs

    nameless = []
    for step_id, page in _pages(sample_window).items():
        sample_window.go_to(step_id)
        qtbot.waitUntil(lambda: not running_jobs(), timeout=60_000)
        buddies = _buddies(page)
        for widget in page.findChildren(QtWidgets.QWidget):
            if not isinstance(widget, CONTROLS) or _is_inner_part(widget):
                continue
            text = widget.text() if isinstance(widget, QtWidgets.QAbstractButton) else ""
            if text.strip(" ◀▶+−&") or widget.accessibleName() or id(widget) in buddies:
                continue
            nameless.append(f"{step_id}: {type(widget).__name__} {widget.objectName()!r} "
                            f"tooltip={widget.toolTip()!r}")  # fmt: skip
    assert not nameless, "\n".join(nameless)


def _tab_cycle(window, page, qtbot, limit=150) -> list[QtWidgets.QWidget]:
    """Press Tab from the page's first focusable widget until focus comes back to it."""
    from PySide6 import QtTest

    start = next(
        w for w in _focus_chain(page)
        if w.isVisible() and w.isEnabled() and w.focusPolicy() & Qt.FocusPolicy.TabFocus
    )  # fmt: skip
    start.setFocus(Qt.FocusReason.TabFocusReason)
    visited = [start]
    for _ in range(limit):
        focused = QtWidgets.QApplication.focusWidget()
        QtTest.QTest.keyClick(focused, Qt.Key.Key_Tab)
        now = QtWidgets.QApplication.focusWidget()
        if now is start:
            return visited
        visited.append(now)
    names = [plain_name(w) for w in visited[-8:]]
    raise AssertionError(f"Tab never came back to {plain_name(start)}: a focus trap? {names}")


def _focus_chain(page):
    widget = page.nextInFocusChain()
    seen = set()
    while widget is not None and id(widget) not in seen:
        seen.add(id(widget))
        if page.isAncestorOf(widget):
            yield widget
        widget = widget.nextInFocusChain()


def test_tab_reaches_every_control_in_reading_order_without_traps(sample_window, qtbot):
    from ui.jobs import running_jobs

    sample_window.activateWindow()
    qtbot.waitUntil(sample_window.isActiveWindow, timeout=3000)
    problems = []
    for step_id, page in _pages(sample_window).items():
        sample_window.go_to(step_id)
        qtbot.waitUntil(lambda: not running_jobs(), timeout=60_000)
        visited = _tab_cycle(sample_window, page, qtbot)
        # no widget keeps the focus for two presses (tables moving between cells, etc.)
        for before, after in itertools.pairwise(visited):
            if before is after:
                problems.append(f"{step_id}: Tab stays in {type(before).__name__}")
        in_page = [w for w in visited if page.isAncestorOf(w)]
        wanted = [
            w
            for kind in (QtWidgets.QAbstractButton, QtWidgets.QLineEdit)
            for w in page.findChildren(kind)
            if w.isVisible() and w.isEnabled() and w.focusPolicy() & Qt.FocusPolicy.TabFocus
            and not _is_inner_part(w)
        ]  # fmt: skip
        missed = [w for w in wanted if w not in in_page]
        problems += [f"{step_id}: Tab never reaches {plain_name(w)}" for w in missed]
        # reading order: within a row of controls, left to right
        order = {id(w): i for i, w in enumerate(in_page)}
        for first in in_page:
            for second in in_page:
                same_row = (
                    first.parentWidget() is second.parentWidget()
                    and abs(_center(first).y() - _center(second).y()) < 4
                    and first is not second
                )
                if (
                    same_row
                    and _left(first) < _left(second)
                    and order[id(first)] > order[id(second)]
                ):
                    problems.append(
                        f"{step_id}: Tab goes right to left: {plain_name(second)} "
                        f"before {plain_name(first)}"
                    )
        # the page's last control hands the focus on (to the Back/Next buttons), not back
        if not any(not page.isAncestorOf(w) for w in visited):
            problems.append(f"{step_id}: Tab never leaves the page")
    assert not problems, "\n".join(dict.fromkeys(problems))


def plain_name(widget) -> str:
    text = widget.text() if hasattr(widget, "text") and callable(widget.text) else ""
    return f"{type(widget).__name__}({(text or widget.accessibleName())!r})"


def _center(widget) -> QtCore.QPoint:
    return widget.mapTo(widget.window(), widget.rect().center())


def _left(widget) -> int:
    return widget.mapTo(widget.window(), QtCore.QPoint(0, 0)).x()


# ---- display scaling -------------------------------------------------------------------------
SCALES = [
    # scale, logical window size: a 1366x768 laptop at 150 %, a 1920x1080 screen at 200 %
    (1.5, 910, 512),
    (2.0, 960, 540),
]


@pytest.mark.parametrize(("scale", "width", "height"), SCALES)
def test_every_page_fits_the_screen_at_high_display_scaling(tmp_path, scale, width, height):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_SCALE_FACTOR=str(scale))
    env.pop("QT_SCREEN_SCALE_FACTORS", None)
    shots = tmp_path / f"scale-{scale}"
    run = subprocess.run(
        [sys.executable, "-m", "tests.ui.scaling_probe", str(shots), str(width), str(height)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr[-3000:]
    report = json.loads(run.stdout.strip().splitlines()[-1])
    assert report["scale"] == scale
    problems = []
    for step_id, step in report["steps"].items():
        min_width, min_height = step["minimum"]
        if min_width > width or min_height > height:
            problems.append(f"{step_id}: the window needs {min_width}x{min_height}")
        problems += [f"{step_id}: squeezed {text}" for text in step["squeezed"]]
        page_width, page_height = step["page"]
        need_width, need_height = step["page_minimum"]
        if page_width < need_width or page_height < need_height:
            problems.append(f"{step_id}: page {page_width}x{page_height} < its minimum")
        from PIL import Image

        with Image.open(step["screenshot"]) as shot:  # the screenshot has real pixels
            assert shot.size == (round(width * scale), round(height * scale))
    assert not problems, "\n".join(problems)
