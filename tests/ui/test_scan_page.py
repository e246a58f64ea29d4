"""The "Scan documents" page: import, previews in the background, edits as steps, export."""

from __future__ import annotations

import numpy as np
import pymupdf
import pytest
from PIL import Image

from dossier.workspace import Workspace
from tests.scanning.synthetic import default_quad, make_page, photograph
from ui.qt import QtCore

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


def test_export_makes_a_true_size_pdf_in_work(scan_page, photos, qtbot):
    scan_page.import_files(photos)
    _wait_previews(qtbot, scan_page, 2)
    scan_page.export_component()
    qtbot.waitUntil(lambda: hasattr(scan_page, "last_report"), timeout=WAIT_MS)
    report = scan_page.last_report
    assert report.output == scan_page.session.root / "work" / "cccd.pdf"
    with pymupdf.open(report.output) as doc:
        assert doc.page_count == 2
        assert doc[0].rect.width * 25.4 / 72 == pytest.approx(210, abs=0.2)
    text = scan_page.gauge_label.text()  # the real size against the portal's limit, in words
    assert text.startswith("Đã tạo PDF: 2 trang, ") and "/ 5 MB (bằng " in text, text
    assert "% mức tối đa của cổng" in text and not scan_page.gauge.isTextVisible()
    assert scan_page.gauge.accessibleDescription() == text


def test_dropping_files_imports_them(scan_page, photos, qtbot):
    from ui.qt import QtGui

    mime = QtCore.QMimeData()
    mime.setUrls([QtCore.QUrl.fromLocalFile(str(photos[0]))])
    position = QtCore.QPointF(20, 20)
    event = QtGui.QDropEvent(position, QtCore.Qt.DropAction.CopyAction, mime,
                             QtCore.Qt.MouseButton.LeftButton,
                             QtCore.Qt.KeyboardModifier.NoModifier)  # fmt: skip
    scan_page.page_list.dropEvent(event)
    qtbot.waitUntil(lambda: scan_page.page_list.count() == 1, timeout=WAIT_MS)
    _wait_previews(qtbot, scan_page, 1)


def test_watch_folder_imports_new_scans(scan_page, photos, qtbot, tmp_path):
    import shutil

    folder = tmp_path / "máy quét"
    folder.mkdir()
    shutil.copy(photos[0], folder / "old.jpg")  # already there: not imported
    scan_page.context.dialogs.answers["choose_folder"] = folder
    scan_page.watch_button.setChecked(True)
    shutil.copy(photos[1], folder / "scan0001.jpg")
    scan_page.poll_watch_folder()
    qtbot.waitUntil(lambda: scan_page.page_list.count() == 1, timeout=WAIT_MS)
    _wait_previews(qtbot, scan_page, 1)
    assert scan_page.files()[0].name == "scan0001.jpg"
    scan_page.watch_button.setChecked(False)
    assert not scan_page.watch_timer.isActive()


@pytest.mark.skipif(__import__("shutil").which("scanimage") is None, reason="no sane-utils")
def test_scanner_button_adds_a_page_from_sane_test_device(scan_page, qtbot):
    scan_page.context.settings.set("scanner_device", "test")
    scan_page.acquire_from_scanner()
    qtbot.waitUntil(lambda: scan_page.page_list.count() == 1, timeout=WAIT_MS)
    _wait_previews(qtbot, scan_page, 1)
    assert scan_page.files()[0].name.startswith("scanner-")


def test_id_card_export_puts_both_sides_on_one_a4_page(scan_page, qtbot, tmp_path):
    width, height = 1600, 1200
    quad = np.array([[420, 300], [1210, 360], [1170, 860], [360, 790]], float)
    paths = []
    for seed in (1, 2):
        image = photograph(make_page(856, 540, seed=seed).image, quad, (width, height), "dark")
        path = tmp_path / f"cccd-{seed}.jpg"
        Image.fromarray(image).save(path, quality=92)
        paths.append(path)
    scan_page.import_files(paths)
    _wait_previews(qtbot, scan_page, 2)
    assert all(p.paper == "card" for p in scan_page.previews.values())
    scan_page.card_box.setChecked(True)
    _export_card(scan_page, qtbot)
    with pymupdf.open(scan_page.last_report.output) as doc:
        assert doc.page_count == 1 and len(doc[0].get_images()) == 2
        assert doc[0].rect.height * 25.4 / 72 == pytest.approx(297, abs=0.2)

    # the sheet is the result of both sides; any edit of either side drops it for both
    front, back = scan_page.files()
    sheet = f"work/cccd/card-{front.id}-{back.id}.pdf"
    assert front.derived == back.derived == sheet
    assert scan_page.session.workspace.path(sheet) == scan_page.last_report.output
    scan_page.page_list.setCurrentRow(1)
    scan_page.rotate_selected(1)
    assert front.derived is None and back.derived is None
    _wait_previews(qtbot, scan_page, 2)
    _export_card(scan_page, qtbot)
    assert front.derived == back.derived == sheet
    scan_page.undo_selected()
    assert front.derived is None and back.derived is None
    _wait_previews(qtbot, scan_page, 2)
    _export_card(scan_page, qtbot)
    scan_page.page_list.setCurrentRow(0)
    scan_page.mode_box.setCurrentIndex(scan_page.mode_box.findData("gray"))
    scan_page.mode_chosen()
    assert front.derived is None and back.derived is None
    _wait_previews(qtbot, scan_page, 2)
    _export_card(scan_page, qtbot)
    scan_page.context.dialogs.answers["confirm"] = True
    scan_page.delete_selected()  # the sheet shows a side that is gone
    assert scan_page.files() == [back] and back.derived is None


def test_swapping_the_sides_of_an_id_card_drops_the_sheet(scan_page, qtbot, tmp_path):
    quad = np.array([[420, 300], [1210, 360], [1170, 860], [360, 790]], float)
    paths = []
    for seed in (3, 4):
        image = photograph(make_page(856, 540, seed=seed).image, quad, (1600, 1200), "dark")
        paths.append(tmp_path / f"mặt-{seed}.jpg")
        Image.fromarray(image).save(paths[-1], quality=92)
    scan_page.import_files(paths)
    _wait_previews(qtbot, scan_page, 2)
    scan_page.card_box.setChecked(True)
    _export_card(scan_page, qtbot)
    front, back = scan_page.files()
    assert front.derived == back.derived == f"work/cccd/card-{front.id}-{back.id}.pdf"

    # the list's own move of rows, as a drop does it (the offscreen platform cannot drag)
    root = QtCore.QModelIndex()
    assert scan_page.page_list.model().moveRow(root, 1, root, 0)
    qtbot.waitUntil(lambda: scan_page.files() == [back, front], timeout=WAIT_MS)
    assert front.derived is None and back.derived is None
    names = [scan_page.page_list.item(row).text() for row in range(2)]
    assert names == [f"1. {back.name}", f"2. {front.name}"]
    _export_card(scan_page, qtbot)  # rebuilt with the sides in the new order
    assert front.derived == back.derived == f"work/cccd/card-{back.id}-{front.id}.pdf"


@pytest.mark.skipif(__import__("shutil").which("xvfb-run") is None, reason="no xvfb-run")
def test_dragging_a_thumbnail_with_the_mouse_reorders_the_pages():
    """On a real X server: in Qt's IconMode a drag only moved the icons, never the rows."""
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(root), "QT_QPA_PLATFORM": "xcb"}
    result = subprocess.run(
        ["xvfb-run", "-a", sys.executable, "-m", "tests.ui.drag_child"],
        capture_output=True, text=True, timeout=120, cwd=root, env=env,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert outcome["rows"] == ["c", "a", "b"]
    assert outcome["signals"] == [["c", "a", "b"]]  # the page is told once, after the drop


def _export_card(scan_page, qtbot) -> None:
    scan_page.last_report = None
    scan_page.export_component()
    qtbot.waitUntil(
        lambda: scan_page.last_report is not None and not scan_page.busy(), timeout=WAIT_MS
    )


def test_refused_files_are_removed_and_explained_once(scan_page, photos, testdata, qtbot,
                                                      shown_errors):  # fmt: skip
    bomb = testdata("hostile/images", "pillow_decompression_bomb.gif")
    truncated = testdata("hostile/images", "pillow_truncated_image.png")
    scan_page.import_files([bomb, photos[0], truncated])
    qtbot.waitUntil(lambda: scan_page.page_list.count() == 2, timeout=WAIT_MS)
    _wait_previews(qtbot, scan_page, 2)
    assert [f.name for f in scan_page.files()] == [photos[0].name, truncated.name]
    assert len(shown_errors) == 1
    truncated_id = scan_page.files()[1].id
    assert scan_page.previews[truncated_id].notices  # decoded partially, with a notice


def test_size_line_in_words(scan_page):
    from ui.pages.scan_page import percent_text, size_text

    mib = 1024 * 1024
    assert size_text(120 * 1024) == "120 KB"
    assert size_text(5 * mib) == "5 MB"
    assert size_text(int(1.5 * mib)) == "1,5 MB"
    assert percent_text(100 * 1024, 5 * mib) == "2"
    assert percent_text(10 * 1024, 5 * mib) == "<1"  # a small file is not "0 %"
    assert percent_text(0, 5 * mib) == "0"
    assert scan_page.gauge_label.text() == "Chưa có trang nào. Cổng nhận tệp tối đa 5 MB."
    assert scan_page.gauge.value() == 0
