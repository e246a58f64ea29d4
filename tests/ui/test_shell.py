"""The app shell: step navigation, dossiers opened and reopened, the error dialog."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from common.errors import InputError
from dossier.workspace import Workspace
from ui.qt import QtCore
from ui.steps import STEPS


def test_sidebar_lists_start_and_every_step_in_vietnamese(main_window):
    titles = [main_window.sidebar.item(i).text() for i in range(main_window.sidebar.count())]
    assert titles == [
        "Trang đầu",
        "Chọn thủ tục",
        "Thông tin & danh mục giấy tờ",
        "Điền tờ khai",
        "Quét giấy tờ",
        "Ký số",
        "Đóng gói & nộp",
    ]


def test_next_and_back_walk_the_steps(main_window, qtbot):
    assert main_window.current_step_id() == "start"
    assert not main_window.back_button.isEnabled()
    for step in STEPS:
        qtbot.mouseClick(main_window.next_button, QtCore.Qt.MouseButton.LeftButton)
        assert main_window.current_step_id() == step.id
        assert main_window.stack.currentWidget() is main_window.pages[step.id]
    assert not main_window.next_button.isEnabled()
    qtbot.mouseClick(main_window.back_button, QtCore.Qt.MouseButton.LeftButton)
    assert main_window.current_step_id() == STEPS[-2].id


def test_menu_shortcuts_go_to_steps(main_window):
    text = main_window.shortcuts_text()
    assert "Ctrl+4" in text and "Quét giấy tờ" in text


def test_create_and_reopen_a_dossier_at_the_same_step(main_window, app_context, qtbot):
    from ui.main_window import MainWindow

    folder = app_context.dossier_root / "d1"
    Workspace.create(folder, "1.001193", title="Đăng ký khai sinh", component_ids=["to-khai"])
    assert main_window.open_dossier(folder)
    assert "Đăng ký khai sinh" in main_window.windowTitle()
    main_window.go_to("scan")
    main_window.session.flush()
    main_window.close()
    saved = json.loads((folder / "dossier.json").read_text(encoding="utf-8"))
    assert saved["current_step"] == "scan"

    again = MainWindow(app_context)
    qtbot.addWidget(again)
    qtbot.waitUntil(lambda: again.start_page.table.rowCount() == 1, timeout=5000)
    again.start_page.table.selectRow(0)
    assert again.start_page.selected_folder() == folder
    again.start_page.open_selected()
    assert again.current_step_id() == "scan"
    again.close()


def test_paths_read_from_the_dossier_folder_and_tooltips_give_them_in_full(
    main_window, app_context, tmp_path
):
    folder = app_context.dossier_root / "2026-11-27 Đăng ký khai sinh"
    Workspace.create(folder, "1.001193", title="Đăng ký khai sinh", component_ids=["to-khai"])
    assert main_window.open_dossier(folder)
    library = app_context.dossier_root.name
    export = folder / "export" / "dongnai"
    assert app_context.shown_path(export) == str(
        Path(library) / "2026-11-27 Đăng ký khai sinh" / "export" / "dongnai"
    )
    assert str(tmp_path) not in main_window.dossier_label.text()
    assert main_window.dossier_label.text().endswith(
        str(Path(library) / "2026-11-27 Đăng ký khai sinh")
    )
    assert main_window.dossier_label.toolTip() == str(folder)
    elsewhere = tmp_path / "USB" / "hồ sơ.hoso"  # outside the dossier folder: in full
    assert app_context.shown_path(elsewhere) == str(elsewhere)
    main_window.close_dossier()
    assert main_window.dossier_label.toolTip() == ""


def test_autosave_writes_within_two_seconds(main_window, app_context, qtbot):
    folder = app_context.dossier_root / "d2"
    Workspace.create(folder, "1.001193")
    main_window.open_dossier(folder)

    def revision() -> int:
        return json.loads((folder / "dossier.json").read_text(encoding="utf-8"))["revision"]

    before = revision()
    main_window.session.dossier.applicant["full_name"] = "Trần Thị Bình"
    main_window.session.mark_changed()
    qtbot.waitUntil(lambda: revision() > before, timeout=2000)
    saved = json.loads((folder / "dossier.json").read_text(encoding="utf-8"))
    assert saved["applicant"]["full_name"] == "Trần Thị Bình"


def test_opening_a_broken_folder_shows_the_error_dialog(main_window, tmp_path, shown_errors):
    assert not main_window.open_dossier(tmp_path / "nothing-here")
    assert len(shown_errors) == 1
    assert "không chứa hồ sơ" in shown_errors[0].message_label.text()


def test_error_dialog_shows_the_message_file_and_copyable_details(qapp, shown_errors, tmp_path):
    from ui.error_dialog import show_error

    show_error(None, InputError("tệp ảnh bị hỏng", path=tmp_path / "ảnh.jpg", details="chi tiết"))
    dialog = shown_errors[-1]
    assert "tệp ảnh bị hỏng" in dialog.message_label.text()
    assert "ảnh.jpg" in dialog.message_label.text()
    assert not dialog.details.isVisible()  # expected errors: details on demand
    dialog.copy_details()
    assert "chi tiết" in qapp.clipboard().text()


def test_unexpected_errors_show_details_and_are_logged(qapp, shown_errors, caplog):
    from ui.error_dialog import show_error

    with caplog.at_level("ERROR", logger="hoso.ui"):
        show_error(None, ZeroDivisionError("x"), "Traceback: line 1")
    dialog = shown_errors[-1]
    assert "ZeroDivisionError" in dialog.message_label.text()
    assert dialog.details.isVisible()
    assert "Traceback" in caplog.text


def test_background_job_reports_on_the_gui_thread(qtbot):
    from ui.jobs import run_in_background

    seen: dict[str, object] = {"progress": []}

    def work(progress, cancel):
        seen["worker"] = threading.current_thread()
        for i in range(3):
            progress(i + 1, 3, f"bước {i + 1}")
        return 42

    def done(result):
        seen["result"] = result
        seen["done_thread"] = threading.current_thread()

    run_in_background(work, done, progress=lambda d, t, m: seen["progress"].append((d, t, m)))
    qtbot.waitUntil(lambda: "result" in seen, timeout=5000)
    assert seen["result"] == 42
    assert seen["done_thread"] is threading.main_thread()
    assert seen["worker"] is not threading.main_thread()
    assert seen["progress"][-1] == (3, 3, "bước 3")


def test_status_bar_progress_of_a_job_that_ended_before_it_was_tracked(qtbot):
    """A quick job can report before job_started reaches the status bar: it must not stay."""
    from ui.jobs import run_in_background
    from ui.main_window import JobProgress

    progress = JobProgress()
    qtbot.addWidget(progress)
    results = []
    job = run_in_background(lambda p, c: 1, results.append, name="quick")
    qtbot.waitUntil(lambda: results == [1])
    progress.track(job, "Đang tải")
    assert progress.isHidden() and progress.job is None

    slow = run_in_background(lambda p, c: c.wait(5), results.append, name="slow")
    progress.track(slow, "Đang tải")
    assert not progress.isHidden() and progress.job is slow
    slow.cancel()
    qtbot.waitUntil(lambda: progress.job is None and len(results) == 2)


def test_background_job_cancel_and_errors(qtbot):
    from common.errors import CancelledError
    from common.progress import check_cancel
    from ui.jobs import run_in_background

    errors: list[BaseException] = []
    started = threading.Event()

    def work(progress, cancel):
        started.set()
        while True:
            check_cancel(cancel)
            cancel.wait(0.01)

    job = run_in_background(work, on_error=lambda exc, details: errors.append(exc))
    assert started.wait(5)
    job.cancel()
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], CancelledError)


@pytest.mark.parametrize("language", ["vi", "en"])
def test_window_screenshot(main_window, qtbot, language, tmp_path):
    """A screenshot of the shell; the image must not be blank."""
    image = main_window.grab().toImage()
    assert image.width() > 800
    colours = {image.pixel(x, y) for x in range(0, image.width(), 37) for y in range(0, 200, 13)}
    assert len(colours) > 3


def test_export_and_import_a_hoso_file_through_the_window(main_window, app_context, qtbot):
    folder = app_context.dossier_root / "d3"
    workspace = Workspace.create(folder, "1.001193", title="Đăng ký khai sinh")
    workspace.dossier.applicant["full_name"] = "Lê Văn Cường"
    workspace.save()
    main_window.open_dossier(folder)
    archive = app_context.dossier_root.parent / "chuyển máy.hoso"
    app_context.dialogs.answers["save_file"] = archive
    main_window.export_archive()
    qtbot.waitUntil(archive.exists, timeout=10000)

    main_window.close_dossier()
    main_window.import_archive_file(archive)
    qtbot.waitUntil(
        lambda: main_window.session is not None and main_window.session.root != folder,
        timeout=10000,
    )
    assert main_window.session.dossier.applicant["full_name"] == "Lê Văn Cường"
    assert main_window.session.root.parent == app_context.dossier_root


def test_a_late_result_never_reaches_a_deleted_page(qtbot):
    from ui.jobs import run_in_background, running_jobs
    from ui.qt import QtWidgets

    release = threading.Event()
    calls: list[object] = []

    class Page(QtWidgets.QWidget):
        def on_done(self, result):
            calls.append(result)

    page = Page()
    run_in_background(lambda progress, cancel: release.wait(5) and "late", page.on_done)
    page.deleteLater()
    qtbot.waitUntil(lambda: not running_jobs(), timeout=5000)  # owner gone: not waited for
    release.set()
    qtbot.wait(200)
    assert calls == []


def test_changes_after_the_dossier_closed_are_ignored(main_window, app_context):
    folder = app_context.dossier_root / "d4"
    Workspace.create(folder, "1.001193")
    main_window.open_dossier(folder)
    session = main_window.session
    main_window.close_dossier()
    session.dossier.applicant["full_name"] = "late"
    session.mark_changed()  # a job that ended after closing: no exception, nothing written
    session.flush()
    saved = json.loads((folder / "dossier.json").read_text(encoding="utf-8"))
    assert saved["applicant"] == {}
