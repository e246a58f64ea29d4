"""The "Ký số" step: dossier PDFs, signing with a .p12 and a SoftHSM2 token, stamp box, check."""

from __future__ import annotations

import pytest

from dossier.workspace import Workspace
from tests.signing import conftest as signing_fixtures
from tests.signing.conftest import make_pdf
from tests.signing.pki import P12_PASSWORD
from ui.qt import QtCore

# the generated PKI and the SoftHSM2 token of the signing tests
pki = signing_fixtures.pki
softhsm_token = signing_fixtures.softhsm_token


@pytest.fixture
def sign_page(main_window, app_context, tmp_path):
    folder = app_context.dossier_root / "ky-so"
    workspace = Workspace.create(folder, "1.001193", component_ids=["to-khai", "cccd"])
    workspace.add_file("to-khai", make_pdf(tmp_path / "Tờ khai.pdf", pages=2))
    workspace.add_file("cccd", make_pdf(tmp_path / "CCCD.pdf"))
    assert main_window.open_dossier(folder)
    main_window.go_to("sign")
    return main_window.pages["sign"]


def _wait_idle(qtbot, page) -> None:
    from ui.jobs import running_jobs

    qtbot.waitUntil(lambda: not running_jobs() and not page.busy, timeout=30_000)


def test_lists_dossier_pdfs_unsigned(sign_page, qtbot):
    _wait_idle(qtbot, sign_page)
    texts = [sign_page.file_list.item(i).text() for i in range(sign_page.file_list.count())]
    assert texts == ["Tờ khai.pdf — chưa ký", "CCCD.pdf — chưa ký"]
    status = sign_page.step_status()  # the birth declaration must be signed
    assert status.state == "attention" and "Tờ khai" in status.reason


def test_drag_a_box_on_the_preview(sign_page, qtbot):
    _wait_idle(qtbot, sign_page)
    preview = sign_page.preview
    page = preview.page_rect()  # the page as large as fits the preview
    scale = preview.pixels_per_point()
    assert page.width() == pytest.approx(595.2756 * scale, abs=1)  # A4, whole width shown
    assert page.height() <= preview.height() + 1 and page.width() <= preview.width() + 1

    def at(fx: float, fy: float) -> QtCore.QPoint:
        return QtCore.QPoint(round(page.left() + fx * page.width()), round(fy * page.height()))

    start, end = at(0.4, 0.6), at(0.75, 0.7)
    qtbot.mousePress(preview, QtCore.Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(preview, end)
    qtbot.mouseRelease(preview, QtCore.Qt.MouseButton.LeftButton, pos=end)
    x1, y1, x2, y2 = preview.box_points()
    left = page.left()
    assert x1 == pytest.approx((start.x() - left) / scale, abs=1)
    assert x2 == pytest.approx((end.x() - left) / scale, abs=1)
    assert y2 == pytest.approx(841.89 - start.y() / scale, abs=1)
    assert y1 == pytest.approx(841.89 - end.y() / scale, abs=1)
    assert "trang 2" in sign_page.box_label.text().lower()
    # a wider window shows the page larger: the box stays where it was put on the page
    sign_page.window().resize(1600, 1000)
    qtbot.waitUntil(lambda: preview.pixels_per_point() > scale * 1.05, timeout=5000)
    assert preview.box_points() == (x1, y1, x2, y2)


def test_sign_selected_with_p12_and_dragged_box(sign_page, app_context, pki, qtbot):
    _wait_idle(qtbot, sign_page)
    sign_page.file_list.setCurrentRow(0)
    preview = sign_page.preview
    qtbot.mousePress(preview, QtCore.Qt.MouseButton.LeftButton, pos=QtCore.QPoint(60, 60))
    qtbot.mouseMove(preview, QtCore.QPoint(260, 130))
    qtbot.mouseRelease(preview, QtCore.Qt.MouseButton.LeftButton, pos=QtCore.QPoint(260, 130))
    sign_page.p12_edit.setText(str(pki.p12("signer")))
    sign_page.reason_edit.setText("Nộp hồ sơ")
    app_context.dialogs.answers["ask_secret"] = [P12_PASSWORD]
    sign_page.sign_button.click()
    _wait_idle(qtbot, sign_page)
    session = sign_page.session
    item = session.dossier.components[0].files[0]
    assert item.signed and item.derived.endswith("Tờ khai (đã ký).pdf")
    signed = session.workspace.path(item.derived)
    from signing.verify import verify

    [sig] = verify(signed).signatures
    assert sig.ok and sig.signer == "Nguyễn Văn An"
    qtbot.waitUntil(lambda: sign_page.last_report is not None, timeout=30_000)
    assert "Nguyễn Văn An" in sign_page.report_view.toPlainText()
    assert sign_page.step_status().state == "done"  # the ID card copy needs no signature


def _line_count(document, text: str) -> int:
    block = document.begin()
    while block.isValid():
        if block.text() == text:
            return block.layout().lineCount()
        block = block.next()
    raise AssertionError(f"{text!r} not in the report")


def test_names_and_the_check_read_in_full_at_the_default_window_size(
    sign_page, app_context, pki, qtbot
):
    """At 1180x780 the list shows whole names with their state, the check's table uses the
    panel's width (the signer's name on one line), the preview shows the whole page."""
    from ui.main_window import MainWindow

    window = sign_page.window()
    assert isinstance(window, MainWindow) and window.size() == QtCore.QSize(1180, 780)
    _wait_idle(qtbot, sign_page)
    sign_page.p12_edit.setText(str(pki.p12("signer")))
    app_context.dialogs.answers["ask_secret"] = [P12_PASSWORD]
    sign_page.sign_button.click()
    _wait_idle(qtbot, sign_page)
    qtbot.waitUntil(lambda: sign_page.last_report is not None, timeout=30_000)
    files = sign_page.file_list
    metrics = files.fontMetrics()
    for row in range(files.count()):
        text = files.item(row).text()
        assert metrics.horizontalAdvance(text) < files.viewport().width(), text
    report = sign_page.report_view
    assert report.horizontalScrollBar().maximum() == 0
    assert _line_count(report.document(), "Nguyễn Văn An") == 1
    assert report.width() >= 250
    preview = sign_page.preview.page_rect()
    assert preview.height() <= sign_page.preview.height() + 1 and preview.width() >= 250


def test_a_long_certificate_name_is_cut_with_its_whole_text_on_hover(sign_page, qtbot):
    _wait_idle(qtbot, sign_page)
    combo = sign_page.token_combo
    long_name = "Nguyễn Văn An — Hoso Test Issuing CA (token test-token-label, until 27/11/2027)"
    combo.addItem(long_name)
    assert combo.toolTip() == long_name
    assert combo.itemData(0, QtCore.Qt.ItemDataRole.ToolTipRole) == long_name
    assert combo.minimumSizeHint().width() < 250  # the signer column stays narrow
    assert combo.fontMetrics().horizontalAdvance(long_name) > combo.width()
    shown = combo.shown_text()  # painted with "…", not clipped mid-letter
    assert shown.endswith("…") and long_name.startswith(shown[:-1]) and len(shown) > 10
    assert not combo.grab().isNull()


def test_a_wrong_password_is_asked_again_and_a_cancel_writes_nothing(
    sign_page,
    app_context,
    pki,
    qtbot,
    shown_errors,
):
    """Walk-through: a wrong .p12 password showed an error and the user had to press Ký again."""
    _wait_idle(qtbot, sign_page)
    sign_page.p12_edit.setText(str(pki.p12("signer")))
    app_context.dialogs.answers["ask_secret"] = ["sai"]  # then nothing: the user cancels
    sign_page.sign_button.click()

    def asked() -> int:
        return len([k for k, _t in app_context.dialogs.asked if k == "ask_secret"])

    qtbot.waitUntil(lambda: asked() == 2, timeout=10_000)
    _wait_idle(qtbot, sign_page)
    assert not shown_errors  # asked again, not an error
    assert not (sign_page.session.root / "work").exists() or not any(
        (sign_page.session.root / "work").rglob("*.pdf")
    )


def test_the_right_password_on_the_second_try_signs(sign_page, app_context, pki, qtbot):
    _wait_idle(qtbot, sign_page)
    sign_page.p12_edit.setText(str(pki.p12("signer")))
    app_context.dialogs.answers["ask_secret"] = ["sai", P12_PASSWORD]
    sign_page.sign_button.click()
    qtbot.waitUntil(lambda: "(1)" in sign_page.file_list.item(0).text(), timeout=30_000)


def test_sign_all_with_token_one_pin(sign_page, app_context, softhsm_token, qtbot):
    _wait_idle(qtbot, sign_page)
    sign_page.refresh_tokens()
    qtbot.waitUntil(lambda: sign_page.token_combo.count() > 0, timeout=30_000)
    assert "Nguyễn Văn An" in sign_page.token_combo.itemText(0)
    assert sign_page.use_token.isChecked()
    app_context.dialogs.answers["ask_secret"] = [softhsm_token["pin"]]
    sign_page.sign_all_button.click()
    _wait_idle(qtbot, sign_page)
    asked = [kind for kind, _title in app_context.dialogs.asked if kind == "ask_secret"]
    assert asked == ["ask_secret"]  # one PIN for the whole batch
    files = [f for entry in sign_page.session.dossier.components for f in entry.files]
    assert all(f.signed for f in files)
    qtbot.waitUntil(lambda: sign_page.step_status().state == "done", timeout=30_000)


def test_check_another_pdf(sign_page, app_context, testdata, qtbot):
    _wait_idle(qtbot, sign_page)
    app_context.dialogs.answers["open_file"] = testdata("signed", "pdfsign", "sigmodified.pdf")
    sign_page.check_other_button.click()
    qtbot.waitUntil(lambda: sign_page.last_report is not None, timeout=30_000)
    assert "KHÔNG HỢP LỆ" in sign_page.report_view.toPlainText()


def test_protected_pdf_asks_its_password(
    main_window,
    app_context,
    pki,
    testdata,
    tmp_path,
    qtbot,
):
    folder = app_context.dossier_root / "mat-khau"
    workspace = Workspace.create(folder, "1.001193", component_ids=["to-khai"])
    workspace.add_file("to-khai", testdata("hostile", "pdf", "pyhanko_minimal-aes256.pdf"))
    assert main_window.open_dossier(folder)
    main_window.go_to("sign")
    page = main_window.pages["sign"]
    _wait_idle(qtbot, page)
    assert "mật khẩu" in page.file_list.item(0).text()
    page.p12_edit.setText(str(pki.p12("signer")))
    app_context.dialogs.answers["ask_secret"] = [P12_PASSWORD, "ownersecret"]
    page.sign_button.click()
    _wait_idle(qtbot, page)
    item = page.session.dossier.components[0].files[0]
    assert item.signed


def test_existing_empty_field_is_offered_and_used(
    main_window,
    app_context,
    pki,
    tmp_path,
    qtbot,
):
    from io import BytesIO

    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields

    source = make_pdf(tmp_path / "Đơn.pdf")
    writer = IncrementalPdfFileWriter(BytesIO(source.read_bytes()))
    fields.append_signature_field(
        writer, fields.SigFieldSpec("NguoiYeuCau", on_page=0, box=(60, 60, 260, 120))
    )
    buf = BytesIO()
    writer.write(buf)
    source.write_bytes(buf.getvalue())
    folder = app_context.dossier_root / "o-ky"
    workspace = Workspace.create(folder, "1.001193", component_ids=["to-khai"])
    workspace.add_file("to-khai", source)
    assert main_window.open_dossier(folder)
    main_window.go_to("sign")
    page = main_window.pages["sign"]
    _wait_idle(qtbot, page)
    page.file_list.setCurrentRow(0)
    assert page.field_combo.currentData() == "NguoiYeuCau"
    page.p12_edit.setText(str(pki.p12("signer")))
    app_context.dialogs.answers["ask_secret"] = [P12_PASSWORD]
    page.sign_button.click()
    _wait_idle(qtbot, page)
    item = page.session.dossier.components[0].files[0]
    from signing.verify import verify

    [sig] = verify(page.session.workspace.path(item.derived)).signatures
    assert sig.field_name == "NguoiYeuCau" and sig.ok


def test_an_id_card_sheet_is_listed_once_and_signed_for_both_sides(
    main_window, app_context, pki, tmp_path, qtbot
):
    from PIL import Image

    folder = app_context.dossier_root / "the-can-cuoc"
    workspace = Workspace.create(folder, "2.000815", component_ids=["ban-sao"])
    for name in ("mặt trước.jpg", "mặt sau.jpg"):
        Image.new("RGB", (856, 540), (200, 210, 220)).save(tmp_path / name)
        workspace.add_file("ban-sao", tmp_path / name, save=False)
    front, back = workspace.dossier.component("ban-sao").files
    sheet = folder / "work" / "ban-sao" / f"card-{front.id}-{back.id}.pdf"
    sheet.parent.mkdir(parents=True)
    make_pdf(sheet)  # stands for the scan step's A4 sheet of both sides
    unsigned = sheet.relative_to(folder).as_posix()
    front.derived = back.derived = unsigned
    workspace.save()
    assert main_window.open_dossier(folder)
    main_window.go_to("sign")
    page = main_window.pages["sign"]
    _wait_idle(qtbot, page)
    # the component as it is uploaded: its one PDF, named after it, never its page images
    [text] = [page.file_list.item(i).text() for i in range(page.file_list.count())]
    assert text.startswith("Bản sao cần chứng thực") and text.endswith(".pdf — chưa ký")
    page.file_list.setCurrentRow(0)
    page.p12_edit.setText(str(pki.p12("signer")))
    app_context.dialogs.answers["ask_secret"] = [P12_PASSWORD]
    page.sign_button.click()
    _wait_idle(qtbot, page)
    front, back = page.session.dossier.component("ban-sao").files
    assert front.signed and back.signed and front.derived == back.derived != unsigned
    assert front.derived.endswith("(đã ký).pdf")
    assert page.file_list.count() == 1
    assert page.step_status().reason == "Đã ký 1 tệp."  # one sheet, not one per side


def test_a_word_file_is_not_listed_and_the_page_says_why(main_window, app_context, testdata,
                                                         qtbot, tmp_path):  # fmt: skip
    folder = app_context.dossier_root / "word"
    workspace = Workspace.create(folder, "1.001193", component_ids=["to-khai", "cccd"])
    workspace.add_file("to-khai", testdata("forms", "vietnamese", "Mau_so_16_TT28.docx"))
    workspace.add_file("cccd", make_pdf(tmp_path / "CCCD.pdf"))
    assert main_window.open_dossier(folder)
    main_window.go_to("sign")
    page = main_window.pages["sign"]
    _wait_idle(qtbot, page)
    assert [page.file_list.item(i).text() for i in range(page.file_list.count())] == [
        "CCCD.pdf — chưa ký"
    ]
    assert page.word_note.isVisible()
    note = page.word_note.text()
    assert "Mau_so_16_TT28.docx" in note and "chữ ký số" in note and "PDF" in note


def test_check_lists_the_versions_saved_after_signing(sign_page, app_context, testdata, qtbot):
    """A countersigned file: the first signature's later version and who covered it."""
    _wait_idle(qtbot, sign_page)
    name = "pades-lta-dss-indirect-arrs-test-2.pdf"
    app_context.dialogs.answers["open_file"] = testdata("signed", "pyhanko", name)
    sign_page.check_other_button.click()
    qtbot.waitUntil(lambda: sign_page.last_report is not None, timeout=60_000)
    text = sign_page.report_view.toPlainText()
    assert "Phiên bản 6 (đã được Alice ký sau đó)" in text
    assert "một chữ ký được thêm vào (ô Sig2)" in text
    assert "chỉ dữ liệu lưu trữ dài hạn" in text


def test_view_the_signed_version_beside_the_file_now(sign_page, app_context, pki, tmp_path, qtbot):
    """A shadowed form: 'Xem bản đã ký' shows the version signed and the file now, the changed
    field marked on both."""
    from signing import SignOptions, open_p12, sign
    from tests.signing.test_attacks import STAMP, _form, _shadow

    signed = tmp_path / "signed.pdf"
    with open_p12(pki.p12("signer"), P12_PASSWORD) as signer:
        sign(_form(tmp_path / "form.pdf"), signed, SignOptions(stamp=STAMP), signer)
    shadow = _shadow(signed, tmp_path / "shadow.pdf")
    _wait_idle(qtbot, sign_page)
    app_context.dialogs.answers["open_file"] = shadow
    sign_page.check_other_button.click()
    qtbot.waitUntil(lambda: sign_page.last_report is not None, timeout=60_000)
    assert sign_page.signed_version_button.isEnabled()
    sign_page.signed_version_button.click()
    qtbot.waitUntil(lambda: getattr(sign_page, "signed_view", None) is not None, timeout=30_000)
    view = sign_page.signed_view
    qtbot.waitUntil(lambda: view.rendered >= 1, timeout=30_000)
    assert view.signed.read_bytes() == signed.read_bytes()
    assert "nguoi_nhan" in view.summary.text()
    for preview in (view.signed_preview, view.current_preview):
        [mark] = preview.highlights()
        x0, y0, x1, y1 = mark
        assert (x0, x1) == (160, 400) and abs((y1 - y0) - 20) < 1  # the field's place
    view.close()
