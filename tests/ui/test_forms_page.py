"""Step 3 "Điền tờ khai": open, autofill from profiles, type Vietnamese, validate, zoom, save.

Vietnamese is typed with QInputMethodEvent: qtbot.keyClicks with non-ASCII text aborts the
process (STACK.md).
"""

from __future__ import annotations

import pytest
import segno

from forms.profiles import ProfileStore
from tests.forms.helpers import pdftotext, squash
from ui.form_zoom import ZOOMS
from ui.qt import QtCore, QtGui, QtWidgets

Qt = QtCore.Qt


def commit_text(widget: QtWidgets.QWidget, text: str) -> None:
    widget.setFocus()
    event = QtGui.QInputMethodEvent()
    event.setCommitString(text)
    QtWidgets.QApplication.sendEvent(widget, event)


@pytest.fixture
def forms_page(qtbot, app_context):
    from ui.pages.forms_page import FormsPage

    page = FormsPage(app_context)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    return page


def _wait_open(qtbot, page) -> None:
    qtbot.waitUntil(lambda: page.info is not None and not page.busy, timeout=15000)


def _click_item(qtbot, page, item_id: str) -> None:
    item = page.item(item_id)
    center = page.canvas.item_rect(item).center().toPoint()
    qtbot.mouseClick(page.canvas, Qt.MouseButton.LeftButton, pos=center)


def test_template_opens_with_fields_and_roles(qtbot, forms_page, app_context) -> None:
    forms_page.on_enter()  # no dossier: every built-in template is offered, the first opens
    _wait_open(qtbot, forms_page)
    assert forms_page.form_combo.count() == 5
    assert forms_page.form_key == "tk-khai-sinh"
    assert set(forms_page.role_combos) == {"requester", "child", "mother", "father"}
    assert forms_page.canvas.width() > 500 and forms_page.table.rowCount() > 20
    assert forms_page.page_label.text() == "Trang 1/1"


def test_autofill_type_vietnamese_validate_and_save(
    qtbot, forms_page, app_context, tmp_path
) -> None:
    store = ProfileStore(app_context.profiles_dir)
    mother = store.add(full_name="Trần Thị Hương", date_of_birth="12/03/1990",
                       personal_id="001190000123", phone="0912345678",
                       current_residence="Xã Xuân Bắc, huyện Xuân Lộc, tỉnh Đồng Nai")  # fmt: skip
    father = store.add(full_name="Lê Văn Đức", date_of_birth="01/01/1988")
    forms_page.on_enter()
    _wait_open(qtbot, forms_page)
    forms_page.select_profile("requester", mother.id)
    forms_page.select_profile("mother", mother.id)
    forms_page.select_profile("father", father.id)
    qtbot.mouseClick(forms_page.autofill_button, Qt.MouseButton.LeftButton)
    values = forms_page.values
    assert values["requester.full_name"] == "Trần Thị Hương"
    assert values["father.full_name"] == "Lê Văn Đức"
    assert values["mother.year_of_birth"] == "1990"

    # click the child's name on the page and type it with an input method
    _click_item(qtbot, forms_page, "child.full_name")
    editor = forms_page._editor
    assert isinstance(editor, QtWidgets.QLineEdit)
    commit_text(editor, "Lê Minh Khôi")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert forms_page.values["child.full_name"] == "Lê Minh Khôi"

    # a wrong ID number shows up under "To check", in Vietnamese
    _click_item(qtbot, forms_page, "requester.personal_id")
    forms_page._editor.clear()
    commit_text(forms_page._editor, "12345")
    qtbot.keyClick(forms_page._editor, Qt.Key.Key_Return)
    texts = [forms_page.problems.item(i).text() for i in range(forms_page.problems.count())]
    assert any("12 chữ số" in t for t in texts)
    assert forms_page.step_status().state == "attention"
    forms_page.set_value("requester.personal_id", "001190000123")
    assert forms_page.problems.count() == 0

    target = tmp_path / "to-khai.pdf"
    app_context.dialogs.answers["save_file"] = target
    qtbot.mouseClick(forms_page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: forms_page.saved_paths is not None, timeout=15000)
    editable, flat = forms_page.saved_paths
    assert editable == target and flat.exists()
    for pdf in (editable, flat):
        text = squash(pdftotext(pdf), leaders=True)
        for value in ("Trần Thị Hương", "Lê Văn Đức", "Lê Minh Khôi"):
            assert squash(value) in text


def test_zoom_and_page_navigation_on_a_flat_form(qtbot, forms_page, app_context, testdata) -> None:
    app_context.dialogs.answers["open_file"] = testdata(
        "forms", "vietnamese", "cccd_to_khai_can_cuoc_CC01.pdf"
    )
    qtbot.mouseClick(forms_page.open_button, Qt.MouseButton.LeftButton)
    _wait_open(qtbot, forms_page)
    assert forms_page.page_label.text() == "Trang 1/3"
    # it opens fitted to the view's width: no horizontal scroll bar, the whole line of blanks
    assert forms_page.fit_width
    view = forms_page.scroll.viewport().width()
    assert view - 40 <= forms_page.canvas.width() <= view
    assert not forms_page.scroll.horizontalScrollBar().isVisible()
    width = forms_page.canvas.width()
    qtbot.mouseClick(forms_page.zoom_in_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: forms_page.canvas.width() > width * 1.05 and not forms_page.busy)
    zoomed = forms_page.zoom_label.text()
    assert zoomed in {f"{round(z * 100)} %" for z in ZOOMS} and not forms_page.fit_width
    assert app_context.settings.get("forms_zoom_percent") == int(zoomed.split()[0])
    qtbot.mouseClick(forms_page.fit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: forms_page.canvas.width() <= view and not forms_page.busy)
    assert app_context.settings.get("forms_zoom_percent") == 0
    qtbot.mouseClick(forms_page.next_button, Qt.MouseButton.LeftButton)
    assert forms_page.page_label.text() == "Trang 2/3"
    assert all(i.page == 2 for i in forms_page.canvas.items)
    # blanks of the flat form can be typed into like fields
    forms_page.go_to_page(0)
    items = forms_page.info.items
    name = next(i for i in items if i.key == "full_name" and i.person == "requester")
    _click_item(qtbot, forms_page, name.id)
    commit_text(forms_page._editor, "NGUYỄN THỊ ÁNH")
    qtbot.keyClick(forms_page._editor, Qt.Key.Key_Return)
    assert forms_page.values[name.id] == "NGUYỄN THỊ ÁNH"


def test_profile_from_id_card_qr(qtbot, forms_page, app_context, tmp_path) -> None:
    forms_page.on_enter()
    _wait_open(qtbot, forms_page)
    photo = tmp_path / "cccd.png"
    segno.make("001090123456|012345678|Nguyễn Văn An|01011990|Nam|Đồng Nai|15062021").save(
        photo, scale=6
    )
    app_context.dialogs.answers["open_file"] = photo
    qtbot.mouseClick(forms_page.qr_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: forms_page.role_combos["requester"].currentIndex() > 0, timeout=10000)
    assert "Nguyễn Văn An" in forms_page.role_combos["requester"].currentText()
    assert [p.full_name for p in ProfileStore(app_context.profiles_dir).list()] == ["Nguyễn Văn An"]


def test_refused_file_is_explained_in_the_status_line(qtbot, forms_page, app_context, testdata):
    app_context.dialogs.answers["open_file"] = testdata(
        "hostile", "pdf", "qpdf_empty-zero-pages.pdf"
    )
    qtbot.mouseClick(forms_page.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not forms_page.busy and "qpdf_empty" in forms_page.status.text())
    assert forms_page.info is None


def test_dossier_session_opens_its_form_and_keeps_the_values(qtbot, forms_page, tmp_path) -> None:
    import json

    from dossier.workspace import Workspace
    from ui.context import DossierSession

    workspace = Workspace.create(tmp_path / "hs", "1.000656", title="Khai tử")
    session = DossierSession(workspace)
    try:
        forms_page.set_session(session)
        _wait_open(qtbot, forms_page)
        assert forms_page.form_key == "tk-khai-tu"
        assert [
            forms_page.form_combo.itemData(i) for i in range(forms_page.form_combo.count())
        ] == ["tk-khai-tu"]
        forms_page.set_value("deceased.full_name", "Nguyễn Văn Tư")
        session.flush()
        saved = json.loads((workspace.root / "dossier.json").read_text(encoding="utf-8"))
        assert saved["forms"]["tk-khai-tu"]["values"]["deceased.full_name"] == "Nguyễn Văn Tư"
        forms_page.set_session(None)
        forms_page.set_session(session)  # reopening the dossier brings the values back
        _wait_open(qtbot, forms_page)
        assert forms_page.values["deceased.full_name"] == "Nguyễn Văn Tư"
    finally:
        session.close()


def test_in_a_dossier_save_asks_nothing_and_save_as_asks_where(
    qtbot, forms_page, app_context, tmp_path
) -> None:
    """The walk-through met a Save-As dialog at every save: in a dossier the form is saved in
    its folder at once; "Save a copy as…" asks."""
    from dossier.workspace import Workspace
    from ui.context import DossierSession

    workspace = Workspace.create(tmp_path / "hs", "1.000656", title="Khai tử")
    session = DossierSession(workspace)
    try:
        forms_page.set_session(session)
        _wait_open(qtbot, forms_page)
        forms_page.set_value("deceased.full_name", "Nguyễn Văn Tư")
        qtbot.mouseClick(forms_page.save_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: forms_page.saved_paths is not None, timeout=15000)
        assert not [a for a in app_context.dialogs.asked if a[0] == "save_file"]
        editable, flat = forms_page.saved_paths
        assert editable == workspace.form_output("tk-khai-tu") and flat.exists()
        copy = tmp_path / "bản sao.pdf"
        app_context.dialogs.answers["save_file"] = copy
        forms_page.saved_paths = None
        qtbot.mouseClick(forms_page.save_as_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: forms_page.saved_paths is not None, timeout=15000)
        assert [a for a in app_context.dialogs.asked if a[0] == "save_file"]
        assert forms_page.saved_paths[0] == copy and "Nguyễn Văn Tư" in pdftotext(copy)
    finally:
        session.close()


def test_create_edit_and_delete_profiles_from_the_page(qtbot, forms_page, app_context) -> None:
    forms_page.on_enter()
    _wait_open(qtbot, forms_page)

    def answer(values):
        def run(dialog) -> bool:
            for name, text in values.items():
                dialog.edits[name].clear()
                commit_text(dialog.edits[name], text)
            dialog.accept()
            return dialog.result() == QtWidgets.QDialog.DialogCode.Accepted

        return run

    forms_page._run_dialog = answer({"full_name": "Hoàng Thị Ngọc", "personal_id": "123"})
    assert forms_page.edit_profile(None) is None  # 12 digits required: the dialog stays open
    forms_page._run_dialog = answer({"full_name": "Hoàng Thị Ngọc", "personal_id": "001190000999",
                                     "date_of_birth": "02/09/1995"})  # fmt: skip
    created = forms_page.edit_profile(None)
    assert created is not None
    assert "Hoàng Thị Ngọc" in forms_page.role_combos["requester"].currentText()
    forms_page._run_dialog = answer({"phone": "0987654321"})
    qtbot.mouseClick(forms_page.edit_profile_button, Qt.MouseButton.LeftButton)
    store = ProfileStore(app_context.profiles_dir)
    assert store.get(created.id).phone == "0987654321"
    assert store.get(created.id).full_name == "Hoàng Thị Ngọc"
    app_context.dialogs.answers["confirm"] = True
    qtbot.mouseClick(forms_page.delete_profile_button, Qt.MouseButton.LeftButton)
    assert store.list() == []
    assert forms_page.role_combos["requester"].currentIndex() == 0


def test_a_downloaded_word_form_is_filled_into_the_dossier(qtbot, forms_page, app_context,
                                                           testdata, tmp_path,
                                                           monkeypatch) -> None:  # fmt: skip
    """No Word, no LibreOffice: an approximate preview, the blanks in the table, autofill,
    editing, and the filled .docx saved as the file of the procedure's form slot."""
    from dossier.workspace import Workspace
    from forms.word.ooxml import read_document
    from ui.context import DossierSession

    monkeypatch.setattr("forms.docx.find_converter", lambda: None)
    workspace = Workspace.create(tmp_path / "hs", "1.000656", title="Khai tử")
    session = DossierSession(workspace)
    try:
        forms_page.set_session(session)
        _wait_open(qtbot, forms_page)
        store = ProfileStore(app_context.profiles_dir)
        person = store.add(full_name="Trần Thị Hương", date_of_birth="12/03/1990",
                           personal_id="001190000123", phone="0912345678")  # fmt: skip
        app_context.dialogs.answers["open_file"] = testdata(
            "forms", "vietnamese", "cccd_to_khai_can_cuoc_CC01.docx"
        )
        qtbot.mouseClick(forms_page.open_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: forms_page.form_key.endswith(".docx") and not forms_page.busy,
                        timeout=20000)  # fmt: skip
        assert forms_page.approximate and "gần đúng" in forms_page.status.text()
        assert forms_page.table.rowCount() >= 30 and forms_page.canvas.items == []
        forms_page.refresh_profiles()
        forms_page.select_profile("requester", person.id)
        qtbot.mouseClick(forms_page.autofill_button, Qt.MouseButton.LeftButton)
        name_id = next(
            i.id for i in forms_page.info.items
            if i.key == "full_name" and i.role in (None, "requester")
        )  # fmt: skip
        assert forms_page.values[name_id] == "Trần Thị Hương"
        # "Địa chỉ nhận": the dossier's delivery address when the result goes by post, never
        # the residence by guess
        delivery = next(i.id for i in forms_page.info.items if i.key == "delivery_address")
        assert not forms_page.values.get(delivery)
        from dossier.actions import record_submission

        record_submission(workspace, "post", "office", "Hộp thư 12, Bưu điện Xuân Lộc")
        qtbot.mouseClick(forms_page.autofill_button, Qt.MouseButton.LeftButton)
        assert forms_page.values[delivery] == "Hộp thư 12, Bưu điện Xuân Lộc"
        religion = next(i.id for i in forms_page.info.items if i.key == "religion")
        forms_page.set_value(religion, "Phật giáo")
        app_context.dialogs.answers["save_file"] = tmp_path / "to-khai.docx"
        qtbot.mouseClick(forms_page.save_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: forms_page.saved_paths is not None, timeout=15000)
        docx, pdf = forms_page.saved_paths
        assert pdf is None and "chữ ký số" in forms_page.status.text()
        text = " ".join(p.text for p in read_document(docx).paragraphs)
        assert "Trần Thị Hương" in text and "Phật giáo" in text
        files = [f for e in workspace.dossier.components for f in e.files]
        assert any(f.name.endswith(".docx") for f in files)
    finally:
        session.close()


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_with_libreoffice_a_word_form_gets_an_exact_preview_and_a_pdf(
    qtbot, forms_page, app_context, testdata, tmp_path
) -> None:
    from forms.docx import find_soffice

    if find_soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed (libreoffice-writer-nogui)")
    form = testdata("forms", "vietnamese", "Mau_so_16_TT28.docx")
    app_context.dialogs.answers["open_file"] = form
    qtbot.mouseClick(forms_page.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: forms_page.form_key.endswith(".docx") and not forms_page.busy,
                    timeout=120000)  # fmt: skip
    assert not forms_page.approximate and forms_page.pages  # LibreOffice's own layout
    phone = next(i.id for i in forms_page.info.items if i.key == "phone")
    forms_page.set_value(phone, "0912345678")
    app_context.dialogs.answers["save_file"] = tmp_path / "mau16.docx"
    qtbot.mouseClick(forms_page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: forms_page.saved_paths is not None, timeout=120000)
    docx, pdf = forms_page.saved_paths
    assert docx.exists() and pdf is not None and pdf.name == "mau16-nop.pdf"
    assert "0912345678" in squash(pdftotext(pdf))


def test_flat_form_groups_blanks_by_person_and_lists_blanks_left(
    qtbot, forms_page, app_context, tmp_path
) -> None:
    from tests.forms.test_persons import _flat_form

    form = tmp_path / "khai-tu.pdf"
    _flat_form(
        form,
        """
    Họ, chữ đệm, tên người yêu cầu: ……
    Đề nghị cơ quan đăng ký khai tử cho người có tên dưới đây:
    Họ, chữ đệm, tên: ……
    Nơi chết: ……
    """,
    )
    app_context.dialogs.answers["open_file"] = form
    qtbot.mouseClick(forms_page.open_button, Qt.MouseButton.LeftButton)
    _wait_open(qtbot, forms_page)
    assert set(forms_page.role_combos) == {"requester", "deceased"}
    table = forms_page.table
    headings = [table.item(r, 0).text() for r in range(table.rowCount())
                if table.item(r, 1).data(Qt.ItemDataRole.UserRole) is None]  # fmt: skip
    assert len(headings) == 2 and headings[0] == "Người yêu cầu"
    assert headings[1].startswith("Người đã chết — Đề nghị cơ quan đăng ký khai tử")
    assert table.rowCount() == 3 + 2
    store = ProfileStore(app_context.profiles_dir)
    an = store.add(full_name="Nguyễn Văn An")
    cu = store.add(full_name="Lê Văn Cư")
    forms_page.refresh_profiles()
    forms_page.select_profile("requester", an.id)
    forms_page.select_profile("deceased", cu.id)
    forms_page.autofill()
    left = forms_page.left_list
    assert left.rowCount() == 1 and left.item(0, 0).text() == "Nơi chết"
    assert forms_page.left_title.text() == "Cần điền tay (1)"
    assert sorted(forms_page.values.values()) == ["Lê Văn Cư", "Nguyễn Văn An"]


def test_the_preview_writes_a_date_where_the_saved_form_does(qtbot, forms_page) -> None:
    """The walk-through saw the signing date drawn over the printed "tháng" in the preview while
    the saved PDF had it right: the preview now lays values out as the saved form does."""
    forms_page.on_enter()
    _wait_open(qtbot, forms_page)
    forms_page.set_value("p1b28", "02/12/2026")
    canvas = forms_page.canvas
    image = canvas.grab().toImage()
    item = forms_page.item("p1b28")
    s = canvas.scale

    def value_ink(x0: float, x1: float) -> int:  # pixels of the value's dark blue in a span
        y0, y1 = round(item.rect[1] * s), round(item.rect[3] * s)
        count = 0
        for x in range(round(x0 * s), round(x1 * s)):
            for y in range(y0, y1):
                c = image.pixelColor(x, y)
                count += c.blue() > 70 and c.red() < 40 and c.green() < 60
        return count

    day, month, _year = item.parts
    assert value_ink(day[0], day[2]) > 10  # "02" in the day's place
    assert value_ink(month[0], month[2]) > 10
    assert value_ink(day[2] + 2, month[0] - 2) == 0  # nothing over the printed "tháng"


def test_a_new_person_is_the_requester_only_when_there_is_none_and_the_page_says_so(
    qtbot, forms_page
) -> None:
    forms_page.on_enter()
    _wait_open(qtbot, forms_page)

    def answer(name: str):
        def run(dialog) -> bool:
            dialog.edits["full_name"].setText(name)
            dialog.accept()
            return True

        return run

    forms_page._run_dialog = answer("Nguyễn Thị Hồng Nhung")
    first = forms_page.add_person()
    assert forms_page.role_combos["requester"].currentData() == first.id
    assert "Nguyễn Thị Hồng Nhung" in forms_page.status.text()
    forms_page._run_dialog = answer("Trần Văn Bình")
    second = forms_page.add_person()
    chosen = {role: combo.currentData() for role, combo in forms_page.role_combos.items()}
    assert chosen["requester"] == first.id and second.id not in chosen.values()
    assert "Trần Văn Bình" in forms_page.status.text()


def test_ctrl_z_takes_back_a_typed_value_then_a_whole_autofill(qtbot, forms_page, app_context):
    store = ProfileStore(app_context.profiles_dir)
    mother = __import__("forms").Profile(id="me", full_name="Trần Thị Hương")
    store.save(mother)
    forms_page.on_enter()
    _wait_open(qtbot, forms_page)
    assert not forms_page.undo_button.isEnabled()
    forms_page.refresh_profiles()
    forms_page.select_profile("requester", mother.id)
    forms_page.autofill()
    filled = dict(forms_page.values)
    assert filled.get("requester.full_name") == "Trần Thị Hương"
    _click_item(qtbot, forms_page, "child.full_name")
    commit_text(forms_page._editor, "Lê Minh Khôi")
    qtbot.keyClick(forms_page._editor, Qt.Key.Key_Return)
    assert forms_page.values["child.full_name"] == "Lê Minh Khôi"
    forms_page.activateWindow()  # a button's shortcut works in the active window
    qtbot.waitUntil(forms_page.isActiveWindow)
    forms_page.canvas.setFocus()
    qtbot.keyClick(forms_page.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    # a button's shortcut clicks it after a short animation
    qtbot.waitUntil(lambda: "child.full_name" not in forms_page.values, timeout=2000)
    assert forms_page.values == filled  # the typed name is gone, the autofill stays
    qtbot.mouseClick(forms_page.undo_button, Qt.MouseButton.LeftButton)
    assert forms_page.values == {}  # the whole autofill in one step
    assert not forms_page.undo_button.isEnabled()


def test_a_typed_date_of_birth_is_written_in_words_on_its_line(qtbot, forms_page) -> None:
    forms_page.on_enter()
    _wait_open(qtbot, forms_page)
    _click_item(qtbot, forms_page, "child.date_of_birth")
    qtbot.keyClicks(forms_page._editor, "25/10/2026")
    qtbot.keyClick(forms_page._editor, Qt.Key.Key_Return)
    assert forms_page.values["child.date_of_birth_in_words"] == (
        "ngày hai mươi lăm tháng mười năm hai nghìn không trăm hai mươi sáu"
    )
    left = __import__("forms").left_for_person(forms_page.info.items, forms_page.values)
    assert "child.date_of_birth_in_words" not in {item.id for item in left}
    qtbot.mouseClick(forms_page.undo_button, Qt.MouseButton.LeftButton)
    assert forms_page.values == {}  # the date and its words: one step back


def test_role_choices_come_back_when_the_dossier_is_opened_again(
    qtbot, forms_page, app_context, tmp_path
) -> None:
    """Walk-through: role choices were lost on restart (the language switch restarts too)."""
    from dossier.workspace import Workspace
    from forms import Profile
    from ui.context import DossierSession

    store = ProfileStore(app_context.profiles_dir)
    for profile_id, name in (("me", "Trần Thị Hương"), ("cha", "Lê Văn Đức")):
        store.save(Profile(id=profile_id, full_name=name))
    workspace = Workspace.create(tmp_path / "hs", "1.001193", title="Khai sinh")
    session = DossierSession(workspace)
    forms_page.set_session(session)
    _wait_open(qtbot, forms_page)
    forms_page.select_profile("mother", "me")
    forms_page.select_profile("father", "cha")
    session.flush()
    session.close()
    forms_page.set_session(None)
    again = DossierSession(Workspace.open(workspace.root))  # as after a restart
    try:
        forms_page.set_session(again)
        _wait_open(qtbot, forms_page)
        chosen = {role: combo.currentData() for role, combo in forms_page.role_combos.items()}
        assert chosen["mother"] == "me" and chosen["father"] == "cha"
    finally:
        again.close()
