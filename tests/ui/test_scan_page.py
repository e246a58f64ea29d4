"""The "Scan documents" page: import, previews in the background, edits as steps, export."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from dossier.workspace import Workspace
from tests.scanning.synthetic import default_quad, make_page, photograph

WAIT_MS = 60_000


@pytest.fixture
def photos(tmp_path):
    width, height = 1200, 1600
    paths = []
    for seed in (1, 2):
        image = photograph(make_page(seed=seed).image, default_quad(width, height),
                           (width, height))  # fmt: skip
        path = tmp_path / f"ảnh {seed}.jpg"
        Image.fromarray(image).save(path, quality=90)
        paths.append(path)
    return paths


@pytest.fixture
def scan_page(qtbot, app_context, tmp_path):
    from ui.context import DossierSession
    from ui.pages.scan_page import ScanPage

    workspace = Workspace.create(tmp_path / "hs", "1.001193", title="Thử", component_ids=["cccd"])
    session = DossierSession(workspace)
    page = ScanPage(app_context)
    qtbot.addWidget(page)
    page.set_session(session)
    page.resize(1000, 700)
    page.show()
    yield page
    qtbot.waitUntil(lambda: not page.busy(), timeout=WAIT_MS)
    session.close()


def _wait_previews(qtbot, page, count):
    qtbot.waitUntil(lambda: len(page.previews) >= count and not page.busy(), timeout=WAIT_MS)


def test_import_detects_and_previews_each_page(scan_page, photos, qtbot):
    app = scan_page.context
    app.dialogs.answers["open_files"] = photos
    scan_page.choose_files()
    # copied and counted in the background: the window never waits for the disk
    qtbot.waitUntil(lambda: scan_page.page_list.count() == 2, timeout=WAIT_MS)
    _wait_previews(qtbot, scan_page, 2)
    for item in scan_page.files():
        ops = [step["op"] for step in item.steps]
        assert ops[:2] == ["page", "quad"] and "mode" in ops
        preview = scan_page.previews[item.id]
        assert preview.paper == "a4" and preview.image.shape[0] > preview.image.shape[1]
    assert not scan_page.page_list.item(0).icon().isNull()
    assert 0 < scan_page.gauge.value() < 1000
    assert scan_page.gauge_label.text().startswith("PDF ước tính: khoảng ")
    status = scan_page.step_status()  # the birth dossier still lacks its required documents
    assert status.state == "attention" and "chưa có tệp" in status.reason
    assert "ảnh 1.jpg" not in status.reason  # not over the portal's limit


def test_rotate_mode_undo_delete_and_reorder(scan_page, photos, qtbot):
    scan_page.import_files(photos)
    _wait_previews(qtbot, scan_page, 2)
    first, second = scan_page.files()
    scan_page.page_list.item(0).setSelected(True)
    scan_page.rotate_selected(1)
    assert first.steps[-1] == {"op": "rotate", "degrees": 90}
    _wait_previews(qtbot, scan_page, 2)
    rotated = scan_page.previews[first.id].image
    assert rotated.shape[1] > rotated.shape[0]  # landscape now

    scan_page.mode_box.setCurrentIndex(scan_page.mode_box.findData("gray"))
    scan_page.mode_chosen()
    assert first.steps[-1] == {"op": "mode", "mode": "gray"}
    _wait_previews(qtbot, scan_page, 2)
    assert scan_page.previews[first.id].image.ndim == 2

    scan_page.undo_selected()
    assert first.steps[-1] == {"op": "rotate", "degrees": 90}
    _wait_previews(qtbot, scan_page, 2)

    from dossier.model import DossierFile

    assert isinstance(second, DossierFile)
    from dossier import pages

    pages.move(scan_page.session.dossier, scan_page.current_component(), second.id, 0)
    scan_page.refresh_list()
    assert [f.id for f in scan_page.files()] == [second.id, first.id]

    scan_page.context.dialogs.answers["confirm"] = True
    scan_page.page_list.clearSelection()
    scan_page.page_list.item(1).setSelected(True)
    scan_page.delete_selected()
    assert [f.id for f in scan_page.files()] == [second.id]


def test_corner_editor_returns_full_size_corners(scan_page, photos, qtbot):
    scan_page.import_files(photos[:1])
    _wait_previews(qtbot, scan_page, 1)
    scan_page.page_list.item(0).setSelected(True)
    scan_page.edit_corners()
    qtbot.waitUntil(lambda: hasattr(scan_page, "corner_editor"), timeout=WAIT_MS)
    editor = scan_page.corner_editor
    wanted = [[100, 120], [1000, 110], [1050, 1500], [90, 1450]]
    editor.set_quad(wanted)
    editor.handles[0].setPos(150 * editor.scale, 160 * editor.scale)  # a drag, as Qt does it
    assert not editor.magnifier.pixmap().isNull()
    editor.accept()
    item = scan_page.files()[0]
    assert item.steps[-1]["op"] == "quad"
    assert np.allclose(item.steps[-1]["points"][0], [150, 160], atol=1)
    assert np.allclose(item.steps[-1]["points"][2], [1050, 1500], atol=1)
    _wait_previews(qtbot, scan_page, 1)


def test_export_shows_the_real_size_against_the_limit(scan_page, photos, tmp_path):
    """The PDF itself is made by dossier.actions (tests/dossier/test_actions.py, no Qt); the
    page shows its real size against the portal's limit, in words."""
    from dossier import actions

    other = Workspace.create(tmp_path / "other", "1.001193", component_ids=["cccd"])
    actions.import_files(other, "cccd", photos)
    report = actions.make_component_file(other, "cccd").report
    scan_page._exported(report, "Căn cước")
    text = scan_page.gauge_label.text()
    assert text.startswith("Đã tạo PDF: 2 trang, ") and "/ 5 MB (bằng " in text, text
    assert "% mức tối đa của cổng" in text and not scan_page.gauge.isTextVisible()
    assert scan_page.gauge.accessibleDescription() == text
    assert scan_page.last_report is report


def test_the_chosen_component_is_kept_typed_in_the_dossier(qtbot, app_context, tmp_path):
    """The scan step reopens at the component chosen last (Dossier.ui, not `extra`)."""
    from ui.context import DossierSession
    from ui.pages.scan_page import ScanPage

    folder = tmp_path / "hai-thanh-phan"
    Workspace.create(folder, "1.001193", component_ids=["to-khai", "giay-chung-sinh"])
    for expected in ("giay-chung-sinh", "to-khai"):
        session = DossierSession(Workspace.open(folder))
        page = ScanPage(app_context)
        qtbot.addWidget(page)
        page.set_session(session)
        if expected == "giay-chung-sinh":
            assert page.current_component() == "to-khai"  # the first, nothing remembered
            page.component_box.setCurrentIndex(page.component_box.findData("giay-chung-sinh"))
            assert session.dossier.ui.scan_component == "giay-chung-sinh"
            assert "ui" not in session.dossier.extra
        else:
            assert page.current_component() == "giay-chung-sinh"  # remembered
            page.component_box.setCurrentIndex(page.component_box.findData("to-khai"))
        session.close()
    assert Workspace.open(folder).dossier.ui.scan_component == "to-khai"


# ---- issue 18: what the walk-through met -------------------------------------------------------
def test_one_page_can_be_edited_by_buttons_keys_and_menu(scan_page, photos, qtbot):
    from ui.qt import QtCore

    scan_page.import_files(photos[:1])
    _wait_previews(qtbot, scan_page, 1)
    assert scan_page.page_list.count() == 1
    page = scan_page
    buttons = (page.rotate_left_button, page.rotate_right_button, page.corners_button,
               page.undo_button, page.delete_button)  # fmt: skip
    for button in buttons:
        assert button.isEnabled(), button.text()
    menu = scan_page.page_menu()
    assert [a.text() for a in menu.actions()] == ["Xoay trái", "Xoay phải", "Chỉnh góc…",
                                                  "Hoàn tác", "Xóa"]  # fmt: skip
    assert all(a.isEnabled() for a in menu.actions())
    menu.actions()[1].trigger()  # "Xoay phải" from the right-click menu
    assert scan_page.files()[0].steps[-1] == {"op": "rotate", "degrees": 90}
    menu.deleteLater()

    dialogs = scan_page.context.dialogs
    dialogs.answers["confirm"] = False
    scan_page.activateWindow()
    qtbot.waitUntil(scan_page.isActiveWindow)
    scan_page.page_list.setFocus()
    qtbot.keyClick(scan_page.page_list, QtCore.Qt.Key.Key_Delete)
    # a button's shortcut "animates" the click: it arrives a moment later
    qtbot.waitUntil(lambda: bool(dialogs.questions), timeout=3000)
    assert "1 trang" in dialogs.questions[-1]
    assert len(scan_page.files()) == 1  # answered "Không"


def test_the_preview_follows_the_component(scan_page, photos, qtbot):
    scan_page.import_files(photos[:1])
    _wait_previews(qtbot, scan_page, 1)
    assert scan_page.preview_label.pixmap() is not None
    assert not scan_page.preview_label.pixmap().isNull()
    scan_page.component_box.addItem("Thành phần khác", "khac")  # an empty component
    scan_page.component_box.setCurrentIndex(scan_page.component_box.count() - 1)
    assert scan_page.page_list.count() == 0
    assert scan_page.preview_label.pixmap().isNull()
    assert scan_page.preview_label.text() == "Thêm ảnh chụp hoặc bản quét của giấy tờ."


def test_id_card_mode_with_one_side_warns(scan_page, photos, qtbot):
    scan_page.import_files(photos[:1])
    _wait_previews(qtbot, scan_page, 1)
    dialogs = scan_page.context.dialogs
    dialogs.answers["confirm"] = False
    scan_page.card_box.setChecked(True)
    scan_page.export_component()
    assert "cần hai trang" in dialogs.questions[-1] and "có 1 trang" in dialogs.questions[-1]
    assert not scan_page.busy()  # answered "Không": nothing made
