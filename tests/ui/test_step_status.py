"""The sidebar shows the step states (dossier.status) and follows the dossier's changes."""

from __future__ import annotations

from ui.qt import Qt


def _tooltips(window) -> dict[str, str]:
    return {
        step_id: window.sidebar.item(row).toolTip() for row, step_id in enumerate(window.step_ids())
    }


def test_sidebar_shows_states_on_open_and_follows_changes(main_window, app_context, qtbot):
    from desktop.sample import create_sample_dossier

    folder = create_sample_dossier(app_context.dossier_root)
    main_window.open_dossier(folder)
    assert set(main_window.pages) <= {"details"}  # the other pages are not built yet
    tips = _tooltips(main_window)
    assert tips["procedure"].startswith("Đã xong")
    assert tips["forms"].startswith("Đã xong")  # the sample's declaration is a file
    # the ID paper is only shown at the office ("xuất trình"): the scans are complete
    assert tips["scan"].startswith("Đã xong")
    assert tips["sign"].startswith("Cần xem lại")
    assert tips["pack"].startswith("Chưa bắt đầu")
    attention = main_window.sidebar.item(main_window.step_ids().index("sign"))
    assert not attention.icon().isNull()
    assert attention.data(Qt.ItemDataRole.AccessibleDescriptionRole) == tips["sign"]

    # the dossier changes: the sidebar follows without visiting the page
    for entry in main_window.session.dossier.components:
        for item in entry.files:
            item.signed = True
    main_window.session.mark_changed()
    qtbot.waitUntil(lambda: _tooltips(main_window)["sign"].startswith("Đã xong"), timeout=3000)


def test_built_pages_agree_with_the_dossier_alone(main_window, app_context, qtbot):
    from desktop.sample import create_sample_dossier

    main_window.open_dossier(create_sample_dossier(app_context.dossier_root))
    before = {step: main_window.step_status(step) for step in ("forms", "sign", "pack")}
    main_window.create_all_pages()
    after = {step: main_window.step_status(step) for step in ("forms", "sign", "pack")}
    assert {k: v.state for k, v in before.items()} == {k: v.state for k, v in after.items()}
