"""The clerk's desk after the walk-through (issue 18): "Result received" asks first and the
selection stays on the dossier; recording never makes an export stale; an exported dossier is
listed as exported; the portal-code box fits a real code."""

from __future__ import annotations

from datetime import date, timedelta

from dossier import actions
from dossier.status import pack_status
from dossier.workspace import Workspace
from tests.dossier import factory
from tests.ui.test_qt_dialogs_vietnamese import ModalReader
from tests.ui.test_start_page import loaded, make


def _submitted(root, name: str, applicant: str) -> object:
    folder = make(root, name, "1.004873", "Xác nhận tình trạng hôn nhân", {"full_name": applicant})
    workspace = Workspace.open(folder)
    actions.record_submitted(workspace, f"H26-{name}", date.today() - timedelta(days=1), save=True)
    return folder


def test_result_received_asks_first_and_keeps_the_selection(main_window, app_context, qtbot):
    root = app_context.dossier_root
    for name, person in (("a", "Nguyễn Văn An"), ("b", "Trần Thị Bình"), ("c", "Lê Văn Cường")):
        _submitted(root, name, person)
    page = loaded(main_window, qtbot, 3)
    row = next(i for i in range(3) if page.table.item(i, 0).text() == "Trần Thị Bình")
    page.table.selectRow(row)
    chosen = page.selected_folder()

    dialogs = app_context.dialogs
    dialogs.answers["confirm"] = False  # "Không": nothing recorded
    page.mark_result_received()
    assert "Trần Thị Bình" in dialogs.questions[-1]
    assert Workspace.open(chosen).dossier.state == "submitted"

    dialogs.answers["confirm"] = True
    page.mark_result_received()
    qtbot.waitUntil(lambda: not page._loading, timeout=5000)
    qtbot.waitUntil(lambda: any(r["state"] == "result_received" for r in page.rows), timeout=5000)
    assert Workspace.open(chosen).dossier.state == "result_received"
    # the list re-sorted (the changed dossier is the most recent): still the same dossier
    assert page.selected_folder() == chosen
    assert page.table.item(page.table.currentRow(), 0).text() == "Trần Thị Bình"


def test_the_confirmation_speaks_vietnamese(main_window):
    from ui.dialogs import DialogService

    reader = ModalReader()
    assert reader.run(lambda: DialogService(main_window).confirm("Đã nhận kết quả", "?")) is False
    buttons = {text for kind, text in reader.read[0][1] if kind == "QPushButton"}
    assert buttons == {"Có", "Không"}


def test_recording_keeps_the_export_current_and_the_list_says_exported(
    main_window, app_context, qtbot, tmp_path
):
    folder = tmp_path / "inputs"
    folder.mkdir()
    inputs = {
        "to-khai": [factory.form_pdf(folder / "tk.pdf", "Tờ khai")],
        "giay-chung-sinh": [factory.scan_jpeg(folder / "gcs.jpg", "Giấy chứng sinh")],
        "giay-to-tuy-than": [factory.scan_jpeg(folder / "cccd.jpg", "Căn cước")],
        "van-ban-uy-quyen": [
            factory.signed_pdf(folder / "uq.pdf", factory.throwaway_signer(folder))
        ],
    }
    procedure = factory.procedure()
    workspace = factory.make_workspace(app_context.dossier_root / "hs", procedure, inputs)
    export = actions.export_upload(workspace, procedure, factory.portal(), out_dir=tmp_path / "out")
    actions.record_export(workspace, "test", export)
    workspace.save()
    assert pack_status(Workspace.open(workspace.root).dossier).state == "done"

    page = loaded(main_window, qtbot, 1)
    assert page.table.item(0, 3).text() == "Đã xuất, sẵn sàng nộp"  # not "Nháp"

    page.record_submission(workspace.root, "000.00.07.H26-261120-0012", date.today())
    qtbot.waitUntil(lambda: not page._loading and page.table.item(0, 3).text() == "Đã nộp",
                    timeout=5000)  # fmt: skip
    assert pack_status(Workspace.open(workspace.root).dossier).state == "done"
    # the same through the open dossier's session
    assert main_window.open_dossier(workspace.root)
    page.record_result(workspace.root, date.today())
    qtbot.waitUntil(lambda: not page._loading, timeout=5000)
    assert main_window.session.dossier.state == "result_received"
    assert pack_status(main_window.session.dossier).state == "done"


def test_the_portal_code_box_shows_a_whole_real_code(main_window, qtbot):
    from ui.start_page import LONG_PORTAL_CODE, SubmissionDialog

    dialog = SubmissionDialog(main_window)
    qtbot.addWidget(dialog)
    dialog.code.setText(LONG_PORTAL_CODE)
    dialog.show()
    qtbot.waitExposed(dialog)
    shown = dialog.code.contentsRect().width() - 8  # the frame's inner margins
    assert dialog.code.fontMetrics().horizontalAdvance(LONG_PORTAL_CODE) <= shown


def test_the_scan_pages_detection_does_not_make_the_export_stale(tmp_path):
    """Opening the scan page after an export records detected steps for pages imported
    elsewhere (a saved form, a CLI import): the export did not change."""
    from dossier.packaging import PackOptions
    from dossier.status import dossier_fingerprint, export_is_current

    folder = tmp_path / "inputs"
    folder.mkdir()
    procedure = factory.procedure()
    files = {"to-khai": [factory.form_pdf(folder / "tk.pdf", "Tờ khai")]}
    workspace = factory.make_workspace(tmp_path / "hs", procedure, files)
    export = actions.export_upload(
        workspace, procedure, factory.portal(), PackOptions(allow_incomplete=True),
        out_dir=tmp_path / "out",
    )  # fmt: skip
    actions.record_export(workspace, "test", export)
    page = workspace.dossier.components[0].files[0]
    detected = [{"op": "page", "index": 0, "detected": True},
                {"op": "mode", "mode": "color", "detected": True}]  # fmt: skip
    assert actions.record_detected_steps(workspace, page.id, detected)
    assert export_is_current(workspace.dossier)
    # an export recorded by an older version (detected steps in its fingerprint) stays current
    workspace.dossier.last_export.fingerprint = dossier_fingerprint(
        workspace.dossier, with_detected_steps=True
    )
    assert export_is_current(workspace.dossier)
    # the user's own edit counts
    actions.edit_pages(workspace, "to-khai", [page.id], actions.Rotate(1))
    assert not export_is_current(workspace.dossier)
