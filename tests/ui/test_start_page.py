"""The start page as the clerk's desk: search, state filter, tracking, same citizen."""

from __future__ import annotations

from datetime import date, timedelta

from dossier.workspace import Workspace


def make(root, name, code, title, applicant):
    workspace = Workspace.create(root / name, code, title=title)
    workspace.dossier.applicant.update(applicant)
    workspace.save()
    return workspace.root


def loaded(main_window, qtbot, rows):
    page = main_window.start_page
    page.refresh()
    qtbot.waitUntil(lambda: not page._loading and len(page.rows) == rows, timeout=5000)
    return page


def test_search_and_filter_and_track(main_window, app_context, qtbot):
    root = app_context.dossier_root
    an = make(
        root, "a", "1.004873", "Xác nhận tình trạng hôn nhân",
        {"full_name": "Nguyễn Văn An", "personal_id": "001090123456"},
    )  # fmt: skip
    make(root, "b", "1.000656", "Đăng ký khai tử", {"full_name": "Trần Thị Bình"})
    page = loaded(main_window, qtbot, 2)
    assert page.table.rowCount() == 2

    page.search.setText("001090123456")
    assert page.table.rowCount() == 1
    assert page.table.item(0, 0).text() == "Nguyễn Văn An"
    page.search.setText("khai tu")
    assert page.table.item(0, 0).text() == "Trần Thị Bình"
    page.search.clear()

    # submitted long ago: 3 working days have passed -> overdue, shown in red
    page.record_submission(an, "H19.12-0001", date.today() - timedelta(days=30))
    qtbot.waitUntil(lambda: not page._loading and page.table.rowCount() == 2, timeout=5000)
    page.state_filter.setCurrentIndex(page.state_filter.findData("overdue"))
    assert page.table.rowCount() == 1
    assert page.table.item(0, 3).text() == "Quá hạn"
    page.table.selectRow(0)
    assert page.result_button.isEnabled()
    app_context.dialogs.answers["confirm"] = True  # asked first (issue 18)
    page.mark_result_received()
    qtbot.waitUntil(lambda: not page._loading and page.table.rowCount() == 0, timeout=5000)
    page.state_filter.setCurrentIndex(page.state_filter.findData("result_received"))
    assert page.table.rowCount() == 1


def _new_dossier_for_hoa(main_window, app_context, qtbot, procedure_code: str) -> None:
    """Lê Thị Hoa's dossier in the list, 'new dossier for the same citizen', a procedure."""
    make(
        app_context.dossier_root, "a", "1.001193", "Đăng ký khai sinh",
        {"full_name": "Lê Thị Hoa", "personal_id": "079300000001"},
    )  # fmt: skip
    page = loaded(main_window, qtbot, 1)
    page.table.selectRow(0)
    page.new_for_same_citizen()
    assert main_window.current_step_id() == "procedure"
    app_context.events.procedure_chosen.emit(procedure_code)


def test_new_dossier_for_the_same_citizen(main_window, app_context, qtbot):
    _new_dossier_for_hoa(main_window, app_context, qtbot, "1.004873")
    assert main_window.session is not None
    dossier = main_window.session.dossier
    assert dossier.procedure_code == "1.004873"
    assert dossier.applicant["full_name"] == "Lê Thị Hoa"
    assert "Lê Thị Hoa" in main_window.session.root.name


def test_the_same_citizen_is_the_requester_of_the_new_dossiers_form(main_window, app_context,
                                                                     qtbot):  # fmt: skip
    """Walk-through: 'Hồ sơ mới cho cùng công dân' did not preselect the requester."""
    from forms import Profile, ProfileStore

    ProfileStore(app_context.profiles_dir).save(
        Profile(id="hoa", full_name="Lê Thị Hoa", personal_id="079300000001")
    )
    ProfileStore(app_context.profiles_dir).save(Profile(id="other", full_name="Lê Thị Hoa"))
    _new_dossier_for_hoa(main_window, app_context, qtbot, "1.001193")
    main_window.go_to("forms")
    forms = main_window.page("forms")
    qtbot.waitUntil(lambda: forms.info is not None and not forms.busy, timeout=15000)
    assert forms.role_combos["requester"].currentData() == "hoa"  # by ID number, not by name


def test_unreadable_folders_are_reported_not_fatal(main_window, app_context, qtbot):
    make(app_context.dossier_root, "good", "1.001193", "Đăng ký khai sinh", {})
    broken = app_context.dossier_root / "broken"
    broken.mkdir()
    (broken / "dossier.json").write_text("{not json", encoding="utf-8")
    page = loaded(main_window, qtbot, 1)
    assert page.skipped_label.isVisible()
    assert "broken" in page.skipped_label.toolTip()
