"""Every step page fits a 1366x768 screen's window in width, and a 1280x1024 screen's at 150 %
(853x683, and the 810x648 window the app opens there): nothing is cut off at the right (the
walk-through found the forms page's toolbar pushing its side panel out of the window; under
Wine at 150 % the forms page scrolled sideways until its toolbar and buttons wrapped)."""

from __future__ import annotations

import itertools
import os

import pytest

from common import i18n
from ui import jobs

# (width, height) of the window -> steps known to be wider there (none)
WINDOWS = {(1366, 740): set(), (853, 683): set(), (810, 648): set()}


@pytest.mark.parametrize("size", list(WINDOWS))
@pytest.mark.parametrize("language", ["vi", "en"])
def test_no_step_page_is_wider_than_the_window(qtbot, main_window, app_context, language, size):
    from dossier.workspace import Workspace

    i18n.set_language(language)
    try:
        workspace = Workspace.create(app_context.dossier_root / "hs", "1.001193", title="Khai sinh")
        workspace.save()
        assert main_window.open_dossier(workspace.root)
        main_window.resize(*size)
        too_wide = {}
        for step_id in main_window.step_ids():
            main_window.go_to(step_id)
            qtbot.waitUntil(lambda: not jobs._running, timeout=15000)  # rendered, laid out
            qtbot.wait(50)
            if shots := os.environ.get("FIT_SHOTS"):  # to look at: FIT_SHOTS=DIR
                main_window.grab().save(f"{shots}/{language}-{size[0]}-{step_id}.png")
            bar = main_window.page_scroll.horizontalScrollBar()
            if bar.maximum() > 0:
                too_wide[step_id] = bar.maximum()
        assert set(too_wide) == WINDOWS[size], f"pages wider than the window, by px: {too_wide}"
    finally:
        i18n.set_language("vi")


@pytest.mark.parametrize("size", [(1366, 740), (810, 648)])
def test_rows_of_the_forms_panel_are_never_squeezed_over_each_other(
    qtbot, main_window, app_context, size
):
    """When the profile buttons wrap on a small screen, the page scrolls down: the role lists
    above them keep their height (a box layout read the wrapped row as one row and drew the
    four role lists over each other)."""
    from dossier.workspace import Workspace

    workspace = Workspace.create(app_context.dossier_root / "hs", "1.001193", title="Khai sinh")
    workspace.save()
    assert main_window.open_dossier(workspace.root)
    main_window.resize(*size)
    main_window.go_to("forms")
    qtbot.waitUntil(lambda: not jobs._running, timeout=15000)
    qtbot.wait(50)
    page = main_window.page("forms")
    combos = list(page.role_combos.values())
    assert len(combos) >= 4
    for upper, lower in itertools.pairwise(combos):
        assert lower.y() >= upper.y() + upper.minimumSizeHint().height(), (upper.y(), lower.y())
    buttons = (page.new_profile_button, page.edit_profile_button, page.qr_button)
    assert all(b.height() >= b.minimumSizeHint().height() for b in buttons)


@pytest.mark.parametrize("size", [(1366, 740), (810, 648)])
def test_document_names_keep_their_share_of_a_narrow_table(qtbot, main_window, app_context, size):
    """At 150 % (an 810x648 window) the checklist's names were a few letters wide beside the
    other columns at their full contents' width (Windows screenshots of make windows-test)."""
    from dossier.workspace import Workspace

    workspace = Workspace.create(app_context.dossier_root / "hs", "1.001193", title="Khai sinh")
    workspace.save()
    assert main_window.open_dossier(workspace.root)
    main_window.resize(*size)
    for step_id, table, main in (("details", "checklist", 1), ("pack", "check_table", 1)):
        main_window.go_to(step_id)
        qtbot.waitUntil(lambda: not jobs._running, timeout=15000)
        qtbot.wait(100)
        view = getattr(main_window.page(step_id), table)
        width = view.viewport().width()
        columns = [view.columnWidth(c) for c in range(view.columnCount())]
        assert columns[main] >= 0.35 * width, (step_id, columns, width)
        assert sum(columns) <= width, (step_id, columns, width)  # no sideways scrolling
        labels = [view.horizontalHeaderItem(c).text() for c in range(view.columnCount())]
        if size[0] >= 1366:  # room for all: nothing capped, no label on two lines
            assert not any("\n" in label for label in labels), labels


def test_capped_widths_keep_narrow_columns_whole_and_fit_the_room() -> None:
    from ui.widgets import capped_widths, two_lines

    assert capped_widths([30, 100, 200], 400, [20, 20, 20]) == [30, 100, 200]  # room for all
    assert capped_widths([30, 100, 200], 250, [20, 20, 20]) == [30, 100, 120]
    assert capped_widths([30, 300, 300], 200, [20, 90, 20]) == [30, 90, 85]  # a floor holds
    assert two_lines("Bản chính / bản sao") == "Bản chính\n/ bản sao"
    assert two_lines("Trạng thái") == "Trạng\nthái" and two_lines("STT") == "STT"
