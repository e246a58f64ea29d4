"""End to end, through the main window: a birth registration (1.001193) from the start page to
the files for the Đồng Nai portal, in Vietnamese and in English, with a screenshot per step.

Start page -> New dossier -> search the procedure (typed with diacritics) -> details -> forms:
two profiles (father, mother), autofill, the child's name typed on the page, save -> scan: a
phone photo of the hospital birth paper and an ID card photo, PDF made -> sign with a SoftHSM2
token (PIN asked) -> pack for Đồng Nai. The export is then checked with independent tools
(pdftotext, pdfsig) and signing.verify; the dossier list (clerk mode) records the submission.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
from pathlib import Path

import pymupdf
import pytest

from common.i18n import _
from forms.profiles import ProfileStore
from signing import VerifyOptions
from signing.verify import verify
from tests.conftest import testdata_path as data_file
from tests.e2e.gui import (
    button_with_text,
    choose_data,
    click,
    commit_text,
    screenshot,
    type_text,
    wait_for,
    wait_jobs_idle,
)
from tests.e2e.photos import card_photo
from tests.forms.helpers import pdftotext, squash
from ui.qt import QtCore, QtWidgets

pytestmark = pytest.mark.e2e
Qt = QtCore.Qt

MOTHER = {
    "full_name": "Trần Thị Hương",
    "date_of_birth": "12/03/1990",
    "personal_id": "001190000123",
    "phone": "0912345678",
    "ethnicity": "Kinh",
    "current_residence": "Thôn 3, xã Xuân Bắc, tỉnh Đồng Nai",
    "relationship": "Mẹ",
}
FATHER = {
    "full_name": "Lê Văn Đức",
    "date_of_birth": "01/01/1988",
    "personal_id": "001088000456",
    "ethnicity": "Kinh",
    "current_residence": "Thôn 3, xã Xuân Bắc, tỉnh Đồng Nai",
}
CHILD_NAME = "Lê Minh Khôi"
PORTAL = "dongnai"
PORTAL_CODE = "H19.12-261127-0042"


def fill_profile(values: dict[str, str]):
    """Answer the profile dialog by typing each value, then press Save."""

    def run(dialog: QtWidgets.QDialog) -> bool:
        for name, text in values.items():
            commit_text(dialog.edits[name], text)
        run.dialog_image = screenshot(dialog, run.lang, "04-profile")  # type: ignore[attr-defined]
        button_box = dialog.findChild(QtWidgets.QDialogButtonBox)
        save = button_box.button(QtWidgets.QDialogButtonBox.StandardButton.Ok)
        save.click()
        return dialog.result() == QtWidgets.QDialog.DialogCode.Accepted

    return run


def test_birth_registration_through_the_gui(window, qtbot, lang, tmp_path, e2e_pki, e2e_token,
                                            shown_errors):  # fmt: skip
    context = window.context
    dialogs = context.dialogs
    screenshot(window, lang, "01-start")

    # ---- step 1: a new dossier, the procedure found by typing its name with diacritics -----
    click(qtbot, window.start_page.new_button)
    assert window.current_step_id() == "procedure"
    procedure_page = window.pages["procedure"]
    type_text(procedure_page.search_box, "đăng ký khai sinh")
    assert procedure_page.result_codes()[0] == "1.001193"
    screenshot(window, lang, "02-procedure")
    qtbot.keyClick(procedure_page.search_box, Qt.Key.Key_Return)
    assert window.session is not None and window.session.dossier.procedure_code == "1.001193"
    assert window.current_step_id() == "details"
    root = window.session.root
    assert root.parent == context.dossier_root

    # ---- step 2: details and checklist ----------------------------------------------------
    details = window.pages["details"]
    assert details.checklist.rowCount() == 4
    assert details.checklist.item(1, 1).text() == "Giấy chứng sinh"
    screenshot(window, lang, "03-details")
    click(qtbot, window.next_button)

    # ---- step 3: forms: two profiles, autofill, the child's name typed on the page ---------
    assert window.current_step_id() == "forms"
    forms = window.pages["forms"]
    wait_for(qtbot, lambda: forms.info is not None and not forms.busy, shown_errors)
    assert forms.form_key == "tk-khai-sinh"
    for values in (MOTHER, FATHER):
        forms._run_dialog = fill_profile(values)
        forms._run_dialog.lang = lang
        click(qtbot, forms.new_profile_button)
    by_name = {p.full_name: p.id for p in ProfileStore(context.profiles_dir).list()}
    assert set(by_name) == {MOTHER["full_name"], FATHER["full_name"]}
    choose_data(forms.role_combos["requester"], lambda d: d == by_name[MOTHER["full_name"]])
    choose_data(forms.role_combos["mother"], lambda d: d == by_name[MOTHER["full_name"]])
    choose_data(forms.role_combos["father"], lambda d: d == by_name[FATHER["full_name"]])
    click(qtbot, forms.autofill_button)
    assert forms.values["father.full_name"] == FATHER["full_name"]
    assert forms.values["mother.full_name"] == MOTHER["full_name"]
    assert forms.values["requester.full_name"] == MOTHER["full_name"]
    item = forms.item("child.full_name")
    qtbot.mouseClick(forms.canvas, Qt.MouseButton.LeftButton,
                     pos=forms.canvas.item_rect(item).center().toPoint())  # fmt: skip
    type_text(forms._editor, CHILD_NAME)
    qtbot.keyClick(forms._editor, Qt.Key.Key_Return)
    assert forms.values["child.full_name"] == CHILD_NAME
    assert window.session.dossier.applicant["full_name"] == MOTHER["full_name"]
    dialogs.answers["save_file"] = root / "export" / "to-khai-khai-sinh.pdf"
    click(qtbot, forms.save_button)
    wait_for(qtbot, lambda: forms.saved_paths is not None, shown_errors)
    form_entry = window.session.dossier.forms["tk-khai-sinh"]  # typed form state (issue 17)
    form_file_id = form_entry.file_id
    assert window.session.dossier.component("to-khai").files[0].id == form_file_id
    screenshot(window, lang, "05-forms")
    click(qtbot, window.next_button)

    # ---- step 4: scans: the hospital birth paper and the requester's ID card ---------------
    assert window.current_step_id() == "scan"
    scan = window.pages["scan"]
    card = card_photo(tmp_path / "cccd-mat-truoc.jpg", 1, "dark")
    birth_photo = data_file("photos", "breta01_test1.jpg")
    for component, photo in (("giay-to-tuy-than", card), ("giay-chung-sinh", birth_photo)):
        choose_data(scan.component_box, lambda d, c=component: d == c)
        dialogs.answers["open_files"] = [photo]
        click(qtbot, scan.import_button)
        wait_for(qtbot, lambda: len(scan.previews) >= 1 and not scan.busy(), shown_errors)
        scan.page_list.setCurrentRow(0)
        click(qtbot, scan.export_button)
        wait_for(
            qtbot, lambda: not scan.busy() and all(f.derived for f in scan.files()), shown_errors
        )
    birth_paper = scan.files()[0]
    assert birth_paper.derived.startswith("work/giay-chung-sinh/")
    with pymupdf.open(root / birth_paper.derived) as pdf:
        width_mm = pdf[0].rect.width * 25.4 / 72
        assert pdf.page_count == 1 and width_mm == pytest.approx(210, abs=3)  # cropped to A4
    screenshot(window, lang, "06-scan")
    click(qtbot, window.next_button)

    # ---- step 5: sign the declaration with the USB token ----------------------------------
    assert window.current_step_id() == "sign"
    sign = window.pages["sign"]
    dialogs.answers["open_file"] = [e2e_token["module"], e2e_pki.cert_pem("root")]
    click(qtbot, button_with_text(sign, _("Add module…")))
    wait_for(qtbot, lambda: sign.token_combo.count() > 0, shown_errors)
    assert sign.use_token.isChecked()
    row = next(i for i, p in enumerate(sign.pdfs) if p.file_id == form_file_id)
    sign.file_list.setCurrentRow(row)
    type_text(sign.reason_edit, "Đăng ký khai sinh cho con")
    type_text(sign.location_edit, "Xuân Bắc, Đồng Nai")
    dialogs.answers["ask_secret"] = e2e_token["pin"]
    click(qtbot, sign.sign_button)
    wait_for(qtbot, lambda: not sign.busy and sign.pdfs[row].signatures == 1, shown_errors)
    assert ("ask_secret", _("Token PIN")) in dialogs.asked
    click(qtbot, sign.trust_button)  # the CA's root: the signature is judged trusted
    wait_for(
        qtbot,
        lambda: sign.last_report is not None and sign.last_report.trust_store_used,
        shown_errors,
    )
    assert sign.last_report.all_ok, sign.last_report.verdict
    wait_jobs_idle(qtbot)
    screenshot(window, lang, "07-sign")
    click(qtbot, window.next_button)

    # ---- step 6: package for the Đồng Nai portal ------------------------------------------
    assert window.current_step_id() == "pack"
    pack = window.pages["pack"]
    choose_data(pack.portal_combo, lambda profile: profile.id == PORTAL)
    wait_for(
        qtbot,
        lambda: pack.checklist is not None and pack.checklist.portal.id == PORTAL,
        shown_errors,
    )
    assert pack.checklist.ready, [p.message for p in pack.checklist.problems]
    screenshot(window, lang, "08-pack")
    click(qtbot, pack.export_button)
    wait_for(qtbot, lambda: pack.export is not None, shown_errors)
    screenshot(window, lang, "09-exported")
    assert window.session.dossier.submission.portal == PORTAL
    check_export(pack.export, root, e2e_pki, tmp_path)

    # ---- clerk mode: the dossier list records the portal's code and the submission date ---
    window.go_to("start")
    start = window.start_page
    wait_for(  # the list is reloaded in the background: wait for the fresh one
        qtbot,
        lambda: (
            start.table.rowCount() == 1 and start.table.item(0, 0).text() == MOTHER["full_name"]
        ),
        shown_errors,
    )
    type_text(start.search, MOTHER["personal_id"][-6:])  # found by the ID number
    assert start.table.rowCount() == 1
    assert start.table.item(0, 0).text() == MOTHER["full_name"]
    start.table.selectRow(0)
    record_submission_through_dialog(qtbot, start, lang)
    wait_for(
        qtbot, lambda: window.session.dossier.submission.portal_code == PORTAL_CODE, shown_errors
    )
    wait_for(
        qtbot,
        lambda: start.table.rowCount() == 1 and start.table.item(0, 3).text() == _("Submitted"),
        shown_errors,
    )
    saved = json.loads((root / "dossier.json").read_text(encoding="utf-8"))
    assert saved["submission"]["portal_code"] == PORTAL_CODE
    start.table.selectRow(0)
    screenshot(window, lang, "10-dossier-list")
    click(qtbot, start.same_citizen_button)
    assert window.current_step_id() == "procedure" and window.session is None
    assert window.pending_applicant["personal_id"] == MOTHER["personal_id"]
    wait_jobs_idle(qtbot)
    assert not shown_errors, [d.windowTitle() for d in shown_errors]


def record_submission_through_dialog(qtbot, start, lang: str) -> None:
    """The modal "Record the submission" dialog: type the portal's code, keep today, Save."""
    from ui.start_page import SubmissionDialog

    seen = []

    def answer(tries: int = 0) -> None:
        shown = [w for w in QtWidgets.QApplication.topLevelWidgets()
                 if isinstance(w, SubmissionDialog) and w.isVisible()]  # fmt: skip
        if not shown:
            if tries < 400:
                QtCore.QTimer.singleShot(25, lambda: answer(tries + 1))
            return
        dialog = shown[0]
        try:  # whatever happens, the modal loop ends
            type_text(dialog.code, PORTAL_CODE)
            dialog.resize(460, dialog.sizeHint().height())
            seen.append(screenshot(dialog, lang, "11-record-submission"))
        finally:
            dialog.accept()

    QtCore.QTimer.singleShot(0, answer)
    click(qtbot, start.submitted_button)
    assert seen, "the submission dialog was not shown"


def check_export(export, root: Path, pki, tmp_path: Path) -> None:
    """The files for the portal, checked with independent tools."""
    folder = root / "export" / PORTAL
    assert export.folder == folder
    names = sorted(p.name for p in folder.glob("*.pdf"))
    assert names == [f.name for f in export.files]
    assert len(names) == 3  # declaration, birth paper, ID card (the power of attorney is optional)
    assert [n[:3] for n in names] == ["01_", "02_", "03_"]
    assert names[0].startswith("01_To_khai_dang_ky_khai_sinh")
    assert names[1].startswith("02_Giay_chung_sinh")
    for name in names:
        assert re.fullmatch(r"[A-Za-z0-9_.-]+", name) and len(name) <= 60, name
        assert (folder / name).stat().st_size <= 5 * 1024 * 1024, name
    assert (folder / "manifest.json").is_file() and (folder / "huong_dan_nop_ho_so.html").is_file()

    declaration = folder / names[0]
    text = squash(pdftotext(declaration), leaders=True)
    for value in (MOTHER["full_name"], FATHER["full_name"], CHILD_NAME, MOTHER["personal_id"],
                  "Thôn3,xãXuânBắc,tỉnhĐồngNai"):  # fmt: skip
        assert squash(value) in text, value
    # the signed declaration is uploaded byte for byte as signed
    signed_source = next(root.glob("work/*/*.pdf"), None)
    assert signed_source is not None
    digests = {hashlib.sha256(p.read_bytes()).hexdigest() for p in root.glob("work/*/*.pdf")}
    assert hashlib.sha256(declaration.read_bytes()).hexdigest() in digests
    report = verify(declaration, VerifyOptions(trust_roots=(pki.cert_pem("root"),)))
    assert len(report.signatures) == 1
    signature = report.signatures[0]
    assert signature.intact and signature.trusted and signature.ok, signature.verdict
    assert "Nguyễn Văn An" in signature.signer
    pdfsig_agrees(declaration, pki, tmp_path)


def pdfsig_agrees(pdf: Path, pki, tmp_path: Path) -> None:
    """poppler (NSS) with the test root trusted: valid and trusted."""
    if not (shutil.which("pdfsig") and shutil.which("certutil")):
        pytest.skip("poppler-utils / libnss3-tools not installed")
    nss = tmp_path / "nss"
    nss.mkdir(exist_ok=True)
    subprocess.run(["certutil", "-N", "-d", f"sql:{nss}", "--empty-password"], check=True,
                   capture_output=True)  # fmt: skip
    subprocess.run(["certutil", "-A", "-d", f"sql:{nss}", "-n", "root", "-t", "CT,C,C",
                    "-i", str(pki.cert_pem("root"))], check=True, capture_output=True)  # fmt: skip
    result = subprocess.run(["pdfsig", "-nssdir", f"sql:{nss}", str(pdf)], capture_output=True,
                            text=True, timeout=60)  # fmt: skip
    assert "Signature is Valid" in result.stdout, result.stdout
    assert "Certificate is Trusted" in result.stdout, result.stdout
