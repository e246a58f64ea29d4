"""The first two steps: "Chọn thủ tục" (search and choose) and "Thông tin & danh mục giấy tờ".

Vietnamese is typed with QInputMethodEvent or per-character QKeyEvent: qtbot.keyClicks with
non-ASCII text aborts the process (STACK.md).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dossier.workspace import Workspace
from ui.qt import QtCore, QtGui, QtWidgets

Qt = QtCore.Qt
BUILTIN = Path(__file__).resolve().parents[2] / "resources" / "catalog" / "tu-phap.json"


def commit_text(widget: QtWidgets.QWidget, text: str) -> None:
    """Type `text` as an input method would (any Unicode)."""
    widget.setFocus()
    event = QtGui.QInputMethodEvent()
    event.setCommitString(text)
    QtWidgets.QApplication.sendEvent(widget, event)


def type_per_key(widget: QtWidgets.QWidget, text: str) -> None:
    """Type `text` one key event per character, with the character as the event's text."""
    widget.setFocus()
    for ch in text:
        for kind in (QtCore.QEvent.Type.KeyPress, QtCore.QEvent.Type.KeyRelease):
            event = QtGui.QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch)
            QtWidgets.QApplication.sendEvent(widget, event)


@pytest.fixture
def procedure_page(qtbot, app_context):
    from ui.pages.procedure_page import ProcedurePage

    page = ProcedurePage(app_context)
    qtbot.addWidget(page)
    page.resize(900, 700)
    page.show()
    page.on_enter()
    return page


@pytest.fixture
def details_page(qtbot, app_context):
    from ui.pages.details_page import DetailsPage

    page = DetailsPage(app_context)
    qtbot.addWidget(page)
    page.resize(900, 700)
    page.show()
    return page


# ---- step 1: choose the procedure ------------------------------------------------------------


def test_lists_every_procedure_before_typing(procedure_page):
    assert len(procedure_page.result_codes()) == 5
    assert procedure_page.count_label.text() == "Tìm thấy 5 thủ tục"
    assert procedure_page.search_box.hasFocus()


@pytest.mark.parametrize("text", ["Đăng ký khai sinh", "ĐĂNG KÝ KHAI SINH"])
def test_vietnamese_typed_through_the_input_method_finds_birth_first(procedure_page, text):
    commit_text(procedure_page.search_box, text)
    assert procedure_page.search_box.text() == text
    assert procedure_page.result_codes()[0] == "1.001193"


def test_typing_key_by_key_with_and_without_diacritics(procedure_page, qtbot):
    type_per_key(procedure_page.search_box, "khai tử")
    assert procedure_page.result_codes()[0] == "1.000656"
    procedure_page.search_box.clear()
    qtbot.keyClicks(procedure_page.search_box, "dang ky khai sinh")  # ASCII only
    assert procedure_page.result_codes()[0] == "1.001193"
    assert "1.001193" in procedure_page.summary.text()


def test_no_match_says_so_and_disables_choose(procedure_page, qtbot):
    qtbot.keyClicks(procedure_page.search_box, "xyzzy")
    assert procedure_page.result_codes() == []
    assert "Không tìm thấy" in procedure_page.count_label.text()
    assert not procedure_page.choose_button.isEnabled()


def test_filters_are_combo_boxes(procedure_page):
    page = procedure_page
    field_index = page.field_combo.findText("Chứng thực")
    page.field_combo.setCurrentIndex(field_index)
    assert page.result_codes() == ["2.000815"]
    page.field_combo.setCurrentIndex(0)
    assert [page.level_combo.itemText(i) for i in range(page.level_combo.count())] == [
        "Tất cả các cấp",
        "Cấp xã",
    ]
    commit_text(page.agency_combo.lineEdit(), "Tổ chức hành nghề công chứng")
    assert page.result_codes() == ["2.000815"]
    page.agency_combo.setEditText("")
    commit_text(page.agency_combo.lineEdit(), "UBND xã Xuân Bắc")  # any commune: all five
    assert len(page.result_codes()) == 5


def test_keyboard_down_then_enter_chooses(procedure_page, app_context, qtbot):
    page = procedure_page
    qtbot.keyClicks(page.search_box, "dang ky")
    first, second = page.result_codes()[:2]
    qtbot.keyClick(page.search_box, Qt.Key.Key_Down)
    assert page.results.hasFocus()
    assert page.results.currentItem().data(Qt.ItemDataRole.UserRole) == second
    with qtbot.waitSignal(app_context.events.procedure_chosen, timeout=2000) as signal:
        qtbot.keyClick(page.results, Qt.Key.Key_Return)
    assert signal.args == [second]
    assert first != second


def test_enter_in_the_search_box_chooses_the_best_match(procedure_page, app_context, qtbot):
    qtbot.keyClicks(procedure_page.search_box, "1.000894")
    with qtbot.waitSignal(app_context.events.procedure_chosen, timeout=2000) as signal:
        qtbot.keyClick(procedure_page.search_box, Qt.Key.Key_Return)
    assert signal.args == ["1.000894"]


def test_double_click_chooses(procedure_page, app_context, qtbot):
    page = procedure_page
    item = page.results.item(2)
    rect = page.results.visualItemRect(item)
    viewport = page.results.viewport()
    with qtbot.waitSignal(app_context.events.procedure_chosen, timeout=2000) as signal:
        # a real double click: press/release, then the double-click event on the same item
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    assert signal.args == [item.data(Qt.ItemDataRole.UserRole)]


def test_widgets_have_accessible_names(procedure_page):
    page = procedure_page
    for widget in (
        page.search_box,
        page.agency_combo,
        page.level_combo,
        page.field_combo,
        page.results,
        page.choose_button,
        page.import_button,
    ):
        assert widget.accessibleName(), widget
    assert page.search_box.accessibleName() == "Tìm thủ tục"


def test_import_from_the_page_updates_the_list(procedure_page, app_context, qtbot, tmp_path):
    data = json.loads(BUILTIN.read_text(encoding="utf-8"))
    data["version"] = "2027.01"
    extra = dict(data["procedures"][4], code="2.000884", name="Chứng thực chữ ký")
    data["procedures"].append(extra)
    good = tmp_path / "good.json"
    good.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    app_context.dialogs.answers["open_file"] = good
    procedure_page.import_catalog()
    qtbot.waitUntil(lambda: procedure_page.catalog.version == "2027.01", timeout=5000)
    assert "2.000884" in procedure_page.result_codes()
    assert (app_context.catalog_dir / "catalog.json").exists()


def test_invalid_import_shows_the_error_and_keeps_the_catalog(
    procedure_page, app_context, qtbot, tmp_path, shown_errors
):
    bad = tmp_path / "bad.json"
    bad.write_text('{"version": "x", "procedures": [{"code": 1}]}', encoding="utf-8")
    app_context.dialogs.answers["open_file"] = bad
    procedure_page.import_catalog()
    qtbot.waitUntil(lambda: bool(shown_errors), timeout=5000)
    message = shown_errors[0].message_label.text()
    assert "procedures[0].code" in message and "bad.json" in message
    assert len(procedure_page.result_codes()) == 5
    assert not (app_context.catalog_dir / "catalog.json").exists()


# ---- the two steps in the main window --------------------------------------------------------


def test_choosing_creates_the_dossier_and_shows_its_checklist(main_window, app_context, qtbot):
    app_context.settings.set("commune_agency", "UBND xã Xuân Bắc")  # the user's commune
    main_window.go_to("procedure")
    page = main_window.pages["procedure"]
    commit_text(page.search_box, "khai tu")
    qtbot.keyClick(page.search_box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: main_window.current_step_id() == "details", timeout=5000)
    assert main_window.session.dossier.procedure_code == "1.000656"
    details = main_window.pages["details"]
    assert details.title.text() == "Đăng ký khai tử"
    text = details.info.toPlainText()
    assert "Mã thủ tục: 1.000656" in text
    assert "UBND xã Xuân Bắc" in text and "UBND cấp xã" not in text
    assert "Điều 34" in text and "Miễn phí" in text
    assert "Luật Hộ tịch số 60/2014/QH13, Điều 33" in text
    table = details.checklist
    assert table.rowCount() == 4
    assert table.item(0, 1).text() == "Tờ khai đăng ký khai tử (theo mẫu)"
    assert table.item(0, 2).text() == "Có" and table.item(3, 2).text() == "Không"
    assert table.item(0, 5).text() == "Có"  # the form must be signed
    assert table.item(2, 3).text() == "Xuất trình bản chính (không nộp)"
    assert table.item(0, 6).text() == "0"
    assert "Điền tờ khai" in details.component_notes.text()
    assert page.step_status().state == "done"
    assert details.step_status().state == "done"


def test_choosing_the_open_procedure_again_just_shows_details(main_window, app_context, qtbot):
    folder = app_context.dossier_root / "d1"
    Workspace.create(folder, "1.001193", title="Đăng ký khai sinh", component_ids=["to-khai"])
    main_window.open_dossier(folder)
    main_window.go_to("procedure")
    page = main_window.pages["procedure"]
    assert page.results.currentItem().data(Qt.ItemDataRole.UserRole) == "1.001193"
    page.choose_current()
    assert main_window.current_step_id() == "details"
    assert main_window.session.root == folder


def test_unverified_values_are_marked(details_page, app_context):
    folder = app_context.dossier_root / "d2"
    workspace = Workspace.create(folder, "1.004873", title="Xác nhận tình trạng hôn nhân")
    from ui.context import DossierSession

    session = DossierSession(workspace)
    try:
        details_page.set_session(session)
        text = details_page.info.toPlainText()
        assert "Thời hạn giải quyết: 03 ngày làm việc" in text
        assert "(chưa kiểm chứng)" in text
        assert "Do tỉnh quy định" in text
        assert "(chưa kiểm chứng)" in details_page.checklist.item(2, 1).text()
    finally:
        details_page.set_session(None)
        session.close()


def test_result_delivery_choice_is_saved_in_the_dossier(details_page, app_context):
    folder = app_context.dossier_root / "d3"
    workspace = Workspace.create(folder, "1.001193", title="Đăng ký khai sinh")
    from ui.context import DossierSession

    session = DossierSession(workspace)
    try:
        details_page.set_session(session)
        combo = details_page.delivery_combo
        assert [combo.itemData(i) for i in range(combo.count())] == ["office", "post"]
        assert not details_page.address_edit.isEnabled()
        combo.setCurrentIndex(combo.findData("post"))
        assert session.dossier.submission.result_delivery == "post"
        assert details_page.step_status().state == "attention"
        commit_text(details_page.address_edit, "Ấp 1, xã Xuân Bắc, tỉnh Đồng Nai")
        details_page.address_edit.editingFinished.emit()
        assert session.dossier.submission.delivery_address.startswith("Ấp 1")
        assert details_page.step_status().state == "done"
        session.flush()
        saved = json.loads((folder / "dossier.json").read_text(encoding="utf-8"))
        assert saved["submission"]["result_delivery"] == "post"
    finally:
        details_page.set_session(None)
        session.close()


def test_marriage_result_only_at_the_office(details_page, app_context):
    workspace = Workspace.create(app_context.dossier_root / "d4", "1.000894", title="Kết hôn")
    from ui.context import DossierSession

    session = DossierSession(workspace)
    try:
        details_page.set_session(session)
        assert details_page.delivery_combo.count() == 1
        assert not details_page.delivery_combo.isEnabled()
        assert (
            details_page.checklist.item(1, 3).text() == "Xuất trình bản chính (không nộp) · 2 bản"
        )
    finally:
        details_page.set_session(None)
        session.close()


def test_file_counts_follow_the_dossier(details_page, app_context, tmp_path):
    workspace = Workspace.create(app_context.dossier_root / "d5", "2.000815", title="Sao y")
    from ui.context import DossierSession

    session = DossierSession(workspace)
    try:
        details_page.set_session(session)
        scan = tmp_path / "bản sao.pdf"
        scan.write_bytes(b"%PDF-1.4\n%%EOF\n")
        workspace.add_file("ban-sao", scan)
        session.mark_changed()
        assert details_page.checklist.item(1, 6).text() == "1"
    finally:
        details_page.set_session(None)
        session.close()


def test_without_a_dossier_the_details_page_sends_to_step_one(details_page, app_context, qtbot):
    assert details_page.content.isHidden()
    assert "Chọn thủ tục" in details_page.empty_label.text()
    assert details_page.step_status().state == "not_started"
    with qtbot.waitSignal(app_context.events.navigate_requested, timeout=2000) as signal:
        qtbot.mouseClick(details_page.choose_button, Qt.MouseButton.LeftButton)
    assert signal.args == ["procedure"]


def test_unknown_procedure_code_asks_for_an_updated_catalog(details_page, app_context):
    workspace = Workspace.create(app_context.dossier_root / "d6", "9.999999", title="?")
    from ui.context import DossierSession

    session = DossierSession(workspace)
    try:
        details_page.set_session(session)
        assert "9.999999" in details_page.empty_label.text()
        assert details_page.step_status().state == "attention"
    finally:
        details_page.set_session(None)
        session.close()


def test_screenshots_of_both_steps(main_window, qtbot):
    main_window.go_to("procedure")
    commit_text(main_window.pages["procedure"].search_box, "dang ky khai sinh")
    first = main_window.grab().toImage()
    main_window.pages["procedure"].choose_current()
    qtbot.waitUntil(lambda: main_window.current_step_id() == "details", timeout=5000)
    second = main_window.grab().toImage()
    for image in (first, second):
        assert image.width() > 800
        colours = {
            image.pixel(x, y) for x in range(0, image.width(), 37) for y in range(0, 400, 13)
        }
        assert len(colours) > 3


def test_labels_are_buddies_and_tab_goes_from_search_to_results(procedure_page, qtbot):
    page = procedure_page
    buddies = {
        label.text(): label.buddy()
        for label in page.findChildren(QtWidgets.QLabel)
        if label.buddy() is not None
    }
    assert buddies["Tìm &kiếm:"] is page.search_box
    assert buddies["Cơ &quan:"] is page.agency_combo
    assert buddies["&Lĩnh vực:"] is page.field_combo
    page.search_box.setFocus()
    qtbot.keyClick(page.search_box, Qt.Key.Key_Tab)
    assert page.results.hasFocus()


def test_summary_marks_unverified_values(procedure_page, qtbot):
    qtbot.keyClicks(procedure_page.search_box, "1.004873")
    summary = procedure_page.summary.text()
    assert "Phí, lệ phí: Do tỉnh quy định (chưa kiểm chứng)" in summary


def test_another_procedure_while_a_dossier_is_open_asks_first(main_window, app_context, qtbot):
    folder = app_context.dossier_root / "d7"
    Workspace.create(folder, "1.001193", title="Đăng ký khai sinh")
    main_window.open_dossier(folder)
    page = main_window.pages["procedure"]
    chosen: list[str] = []
    app_context.events.procedure_chosen.connect(chosen.append)
    app_context.dialogs.answers["confirm"] = [False, True]
    page.choose("1.000656")  # the user answers No: nothing happens
    assert chosen == [] and main_window.session.root == folder
    page.choose("1.000656")  # Yes: a new dossier for death registration
    assert chosen == ["1.000656"]
    qtbot.waitUntil(lambda: main_window.session.dossier.procedure_code == "1.000656", timeout=5000)
    assert ("confirm", "Chọn thủ tục khác") in app_context.dialogs.asked
