"""The sign step keeps the stamp where the user dragged it (with the component, in
dossier.json) and lists the files as they will be uploaded (scanned pages as one PDF)."""

from __future__ import annotations

import pymupdf
import pytest
from PIL import Image

from dossier import actions
from dossier.workspace import Workspace
from tests.signing import conftest as signing_fixtures
from tests.signing.conftest import make_pdf, signature_widget_rects
from tests.signing.pki import P12_PASSWORD
from ui.qt import QtCore

pki = signing_fixtures.pki


def _wait_idle(qtbot, page) -> None:
    from ui.jobs import running_jobs

    qtbot.waitUntil(lambda: not running_jobs() and not page.busy, timeout=60_000)


def _texts(page) -> list[str]:
    return [page.file_list.item(i).text() for i in range(page.file_list.count())]


def _drag(qtbot, preview, start: tuple[float, float], end: tuple[float, float]):
    """Drag from/to fractions of the page shown; returns the box in points."""
    page = preview.page_rect()

    def at(fx: float, fy: float) -> QtCore.QPoint:
        return QtCore.QPoint(round(page.left() + fx * page.width()),
                             round(page.top() + fy * page.height()))  # fmt: skip

    qtbot.mousePress(preview, QtCore.Qt.MouseButton.LeftButton, pos=at(*start))
    qtbot.mouseMove(preview, at(*end))
    qtbot.mouseRelease(preview, QtCore.Qt.MouseButton.LeftButton, pos=at(*end))
    return preview.box_points()


def _sign_selected(page, app_context, pki, qtbot) -> None:
    page.p12_edit.setText(str(pki.p12("signer")))
    app_context.dialogs.answers["ask_secret"] = [P12_PASSWORD]
    page.sign_button.click()
    _wait_idle(qtbot, page)


@pytest.fixture
def form_dossier(app_context, tmp_path):
    folder = app_context.dossier_root / "vi-tri-dau"
    workspace = Workspace.create(folder, "1.001193", component_ids=["to-khai"])
    workspace.add_file("to-khai", make_pdf(tmp_path / "Tờ khai.pdf", pages=2))
    return folder


def test_a_dragged_stamp_place_is_kept_and_used_when_signing_again(
    main_window, app_context, form_dossier, pki, tmp_path, qtbot
):
    assert main_window.open_dossier(form_dossier)
    main_window.go_to("sign")
    page = main_window.pages["sign"]
    _wait_idle(qtbot, page)
    page.file_list.setCurrentRow(0)
    _wait_idle(qtbot, page)
    page.page_spin.setValue(1)  # the first page of two
    _wait_idle(qtbot, page)
    box = _drag(qtbot, page.preview, (0.45, 0.55), (0.85, 0.65))
    stored = page.session.dossier.component("to-khai").stamp
    assert stored is not None and stored.page == 1 and stored.rect == box
    page.session.flush()  # the autosave, now
    assert Workspace.open(form_dossier).dossier.component("to-khai").stamp == stored

    _sign_selected(page, app_context, pki, qtbot)
    item = page.session.dossier.component("to-khai").files[0]
    assert item.signed
    [(index, rect)] = signature_widget_rects(page.session.workspace.path(item.derived))
    assert index == 0 and rect == pytest.approx(box, abs=1)

    # the form changes (saved again: a new file replaces the signed one); the dossier is
    # opened again; signing again puts the stamp at the place dragged before, untouched
    workspace = page.session.workspace
    workspace.remove_file(item.id, save=False)
    workspace.add_file("to-khai", make_pdf(tmp_path / "Tờ khai mới.pdf", pages=2))
    assert main_window.open_dossier(form_dossier)
    main_window.go_to("sign")
    page = main_window.pages["sign"]
    _wait_idle(qtbot, page)
    page.file_list.setCurrentRow(0)
    _wait_idle(qtbot, page)
    assert page.page_spin.value() == 1 and page.preview.box_points() == stored.rect
    _sign_selected(page, app_context, pki, qtbot)
    [item] = page.session.dossier.component("to-khai").files
    assert item.signed and "mới" in item.derived
    signed = page.session.workspace.path(item.derived)
    [(index, rect)] = signature_widget_rects(signed)
    assert index == 0 and rect == pytest.approx(stored.rect, abs=1)
    # a click without a drag: back to the automatic place, forgotten in the dossier
    qtbot.mouseClick(page.preview, QtCore.Qt.MouseButton.LeftButton,
                     pos=page.preview.page_rect().center().toPoint())  # fmt: skip
    assert page.session.dossier.component("to-khai").stamp is None


def test_scanned_pages_are_listed_and_signed_as_the_components_one_pdf(
    main_window, app_context, pki, tmp_path, qtbot
):
    folder = app_context.dossier_root / "trang-quet"
    workspace = Workspace.create(folder, "1.001193", component_ids=["giay-chung-sinh"])
    for number in (1, 2):
        path = tmp_path / f"trang {number}.jpg"
        Image.new("RGB", (827, 1169), (235, 235, 228)).save(path, dpi=(100, 100))
        workspace.add_file("giay-chung-sinh", path, save=False)
    workspace.save()
    assert main_window.open_dossier(folder)
    main_window.go_to("sign")
    page = main_window.pages["sign"]
    _wait_idle(qtbot, page)
    # not "trang 1.jpg", "trang 2.jpg"; no PDF made yet: say where to make it
    assert _texts(page) == ["Giấy chứng sinh.pdf — không ký được"]
    assert "Tạo PDF" in page.file_list.item(0).toolTip()
    # the scan step's "Tạo PDF" (the same dossier action), then back to the sign step
    main_window.go_to("scan")
    actions.make_component_file(page.session.workspace, "giay-chung-sinh", save=False)
    page.session.mark_changed()
    main_window.go_to("sign")
    _wait_idle(qtbot, page)
    assert _texts(page) == ["Giấy chứng sinh.pdf — chưa ký"]
    page.file_list.setCurrentRow(0)
    _wait_idle(qtbot, page)
    assert page.page_spin.maximum() == 2
    box = _drag(qtbot, page.preview, (0.5, 0.8), (0.9, 0.9))  # a scan has no blank space
    _sign_selected(page, app_context, pki, qtbot)
    first, second = page.session.dossier.component("giay-chung-sinh").files
    assert first.signed and second.signed and first.derived == second.derived
    signed = page.session.workspace.path(first.derived)
    with pymupdf.open(signed) as doc:
        assert doc.page_count == 2
    [(index, rect)] = signature_widget_rects(signed)
    assert index == 1 and rect == pytest.approx(box, abs=1)
    assert _texts(page) == ["Giấy chứng sinh.pdf — đã ký (1)"]


def test_a_file_export_would_merge_cannot_be_signed(main_window, app_context, pki, tmp_path,
                                                    qtbot):  # fmt: skip
    folder = app_context.dossier_root / "hai-tep"
    workspace = Workspace.create(folder, "1.001193", component_ids=["to-khai"])
    workspace.add_file("to-khai", make_pdf(tmp_path / "phần 1.pdf"), save=False)
    workspace.add_file("to-khai", make_pdf(tmp_path / "phần 2.pdf"))
    assert main_window.open_dossier(folder)
    main_window.go_to("sign")
    page = main_window.pages["sign"]
    _wait_idle(qtbot, page)
    assert _texts(page) == ["phần 1.pdf — không ký được", "phần 2.pdf — không ký được"]
    page.file_list.setCurrentRow(0)
    assert "gộp" in page.file_list.item(0).toolTip()
    app_context.dialogs.asked.clear()
    _sign_selected(page, app_context, pki, qtbot)
    [(kind, message)] = app_context.dialogs.asked
    assert kind == "inform" and "gộp" in message and "phần 1.pdf" in message
    assert not any(f.signed for f in page.session.dossier.component("to-khai").files)
