"""`make walkthrough`: two journeys through the real app, as its users walk them.

python -m tests.walkthrough.run [--lang vi|en|both] [--journey citizen|clerk|both]
                                [--out build/walkthrough] [--keep]

The app runs on its own Xvfb display (1366x768) and is driven only through the X server:
mouse moves, clicks and typed text with xdotool. An inspector inside the app says where a
widget is and what the screen shows; it never clicks. Each step ends with a screenshot in
OUT/<lang>/NN-<step>.png and three checks: no error dialog, no freeze over 1 s without a
progress indicator, and (Vietnamese mode) no English text that the translation catalogue has a
Vietnamese text for, nor Qt's own English button texts. A crash ends the journey.

Journeys:
- citizen: a birth registration at home from a fresh start: search the procedure, choose it,
  make the requester's profile, autofill, type the child's values on the form's page, save
  the form, add a photo of the birth certificate and make its PDF, sign the form with a .p12,
  export for upload and for printing.
- clerk: clerk mode in the settings, the sample dossier in the list, record its submission
  with the portal's code, then its result.
Exit status 1 when any step had a problem; the list is printed and written to OUT/report.txt.
"""

from __future__ import annotations

import argparse
import contextlib
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.walkthrough.session import AppSession, WalkFailure, needed_tools  # noqa: E402

TESTDATA = ROOT.parent / "shared" / "testdata"
DISPLAYS = {"vi": ":93", "en": ":94"}


def inputs(folder: Path) -> tuple[Path, Path, str]:
    """A photo of a paper document and a .p12 made on the spot (with its password)."""
    from tests.signing.pki import P12_PASSWORD, build_pki

    photo = TESTDATA / "photos" / "breta01_page01.jpg"
    if not photo.is_file():
        from tests.e2e.photos import page_photo

        photo = page_photo(folder / "giấy chứng sinh.jpg", seed=3)
    else:
        copy = folder / "ảnh giấy chứng sinh.jpg"  # a Vietnamese file name, as users have
        shutil.copyfile(photo, copy)
        photo = copy
    p12 = build_pki(folder / "pki").p12("signer")
    return photo, p12, P12_PASSWORD


PROFILE = (
    ("Full name", "Nguyễn Thị Hồng Nhung"),
    ("Date of birth (dd/mm/yyyy)", "14/03/1995"),
    ("Personal ID number (12 digits)", "079195001234"),
    ("Permanent residence", "Số 12 đường Lê Lợi, phường Tân Mai, tỉnh Đồng Nai"),
    ("Phone", "0912345678"),
    ("Relationship (to the person the form is about)", "Mẹ"),
)
CHILD = (
    ("Họ, chữ đệm, tên", "Trần Minh Khang", 1),
    ("Ngày, tháng, năm sinh", "02/11/2026", 0),
    ("Nơi sinh", "Bệnh viện Đa khoa Đồng Nai", 0),
)
SEARCH = "khai sinh"
SAMPLE_APPLICANT = "Trần Thị Mai"  # of the built-in sample dossier
PORTAL_CODE = "000.00.07.H26-261120-0012"


def typed_texts(*extra: object) -> tuple[str, ...]:
    """Everything the journeys type (the keyboard map needs each character)."""
    return (SEARCH, PORTAL_CODE, *(v for _l, v in PROFILE), *(v for _l, v, _n in CHILD),
            *(str(e) for e in extra))  # fmt: skip


def choose_file(s: AppSession, path: Path, results: list, name: str) -> None:
    """Answer the open dialog as a person does: type the path in the name box, press Enter."""
    s.wait_modal()
    time.sleep(0.6)
    results.append(s.step(name))  # the dialog as the user sees it
    s.key("ctrl+a")
    s.type(str(path))
    s.key("Return")
    s.wait_modal(present=False, timeout=30)


def accept_dialog(s: AppSession, results: list, name: str) -> None:
    s.wait_modal()
    time.sleep(0.4)
    results.append(s.step(name))
    s.key("Return")
    s.wait_modal(present=False, timeout=30)


def citizen(s: AppSession, photo: Path, p12: Path, password: str, results: list) -> None:
    step = lambda name: results.append(s.step(name))  # noqa: E731
    step("start")
    s.click("New dossier")
    s.click("Name, code or keyword, e.g. dang ky khai sinh", kind="edit")
    s.type(SEARCH)
    time.sleep(0.8)
    step("procedure-search")
    s.click_item("Đăng ký khai sinh")  # the catalogue's names are Vietnamese in both languages
    s.click("Choose this procedure")
    step("details")
    s.click("Next")
    step("forms")
    s.click("Add a person…")
    s.wait_modal()
    for label, value in PROFILE:
        s.fill(label, value)
    step("profile")
    s.click("Save")
    s.wait_modal(present=False)
    s.click("Autofill")
    step("autofill")
    for label, value, nth in CHILD:
        s.fill_blank(label, value, nth=nth)
    step("child-values")
    s.click("Save form")
    if s.ask("state")["modal"] is not None:  # asked where to save: the proposed name
        accept_dialog(s, results, "save-form-dialog")
    step("form-saved")
    s.click("Next")
    step("scan")
    s.key("ctrl+shift+m", "Down")  # the component list, then the next one: the birth certificate
    s.click("Add photos or PDF…")
    choose_file(s, photo, results, "open-photo-dialog")
    step("photo-added")
    s.click("Make PDF")
    step("component-pdf")
    s.click("Next")
    step("sign")
    s.click("Browse…")
    choose_file(s, p12, results, "open-p12-dialog")
    s.click("Sign the selected file")
    s.wait_modal()
    results.append(s.step("password-dialog"))
    s.type(password)
    s.key("Return")
    s.wait_modal(present=False, timeout=60)
    s.expect_no_dialog("signing")
    step("signed")
    s.click("Next")
    step("pack")
    s.click("Export for upload")
    time.sleep(0.5)
    while s.ask("state")["modal"] is not None:  # a draft or replace question: go ahead
        accept_dialog(s, results, "export-question")
    step("exported")
    s.click("Export for printing")
    time.sleep(0.5)
    while s.ask("state")["modal"] is not None:
        accept_dialog(s, results, "print-question")
    step("print-exported")
    check_outputs(s, results)


A4 = (595.28, 841.89)


def check_outputs(s: AppSession, results: list) -> None:
    """What the citizen takes away: the print PDF all A4 (each page rendered beside the
    screenshots, to look at), the upload files readable PDFs."""
    import pymupdf

    problems = []
    prints = sorted(s.work.rglob("export/in_ho_so.pdf"))
    uploads = sorted(s.work.rglob("export/*/0*.pdf"))
    if not prints:
        problems.append("no print PDF (export/in_ho_so.pdf) was made")
    for path in prints[:1]:
        with pymupdf.open(path) as doc:
            for page in doc:
                size = (round(page.rect.width, 2), round(page.rect.height, 2))
                if abs(size[0] - A4[0]) > 1 or abs(size[1] - A4[1]) > 1:
                    problems.append(f"print PDF page {page.number + 1} is {size} pt, not A4")
                pix = page.get_pixmap(dpi=50)
                pix.save(s.out / f"print-page-{page.number + 1}.png")
    if not uploads:
        problems.append("no upload file was exported")
    for path in uploads:
        try:
            with pymupdf.open(path) as doc:
                doc[0].get_text()
        except Exception as exc:  # a file the portal could not read
            problems.append(f"{path.name} unreadable: {exc}")
    results.append({"name": "outputs", "shot": "", "problems": problems})
    print(f"  outputs: {len(prints)} print PDF, {len(uploads)} upload files: "
          f"{'OK' if not problems else 'PROBLEM'}", flush=True)  # fmt: skip
    for problem in problems:
        print(f"     - {problem}", flush=True)


def clerk(s: AppSession, results: list) -> None:
    step = lambda name: results.append(s.step(name))  # noqa: E731
    s.key("ctrl+0")
    step("clerk-start")
    s.key("ctrl+comma")
    s.wait_modal()
    s.click("&Clerk mode (many citizens a day)", kind="button")
    step("clerk-settings")
    s.key("Return")
    s.wait_modal(present=False)
    s.click_item(SAMPLE_APPLICANT)
    s.click("Record &submission…")
    s.wait_modal()
    s.type(PORTAL_CODE)
    step("clerk-submission")
    s.key("Return")
    s.wait_modal(present=False)
    s.click_item(SAMPLE_APPLICANT)
    s.click("Result &received")
    time.sleep(0.5)
    if s.ask("state")["modal"] is not None:
        accept_dialog(s, results, "clerk-result-question")
    step("clerk-result")


@contextlib.contextmanager
def _work_folder(keep: bool):
    if not keep:
        with tempfile.TemporaryDirectory(prefix="hoso-walk-") as temporary:
            yield temporary
        return
    folder = tempfile.mkdtemp(prefix="hoso-walk-")
    print(f"  work folder kept: {folder}", flush=True)
    yield folder


def run_language(lang: str, out: Path, journeys: list[str], keep: bool = False) -> list[dict]:
    results: list[dict] = []
    with _work_folder(keep) as temporary:
        folder = Path(temporary)
        photo, p12, password = inputs(folder)
        for journey in journeys:
            session = AppSession(DISPLAYS[lang], lang, folder / journey, out / lang / journey)
            print(f"{lang} / {journey}", flush=True)
            started = time.monotonic()
            try:
                session.start(
                    *(["--sample"] if journey == "clerk" else []),
                    typed=typed_texts(photo, p12, password),
                )
                if journey == "citizen":
                    citizen(session, photo, p12, password, results)
                else:
                    clerk(session, results)
            except WalkFailure as failure:
                shot = out / lang / journey / "failed.png"
                try:
                    session.ask("screenshot", path=str(shot), timeout=10)
                except WalkFailure:
                    pass
                results.append({"name": f"{journey}: stopped", "shot": str(shot),
                                "problems": [str(failure)]})  # fmt: skip
                print(f"  stopped: {failure}", flush=True)
            finally:
                session.stop()
            print(f"  {len(session.log)} inputs in {time.monotonic() - started:.0f} s"
                  f" ({session.retyped} typed again)", flush=True)  # fmt: skip
    return results


# the user guide's pictures (docs/screenshots/<lang>/) taken from the walk-through's steps;
# 12-id-card and 13-print come from the end-to-end test (tests/e2e), which shows those
GUIDE_SHOTS = {
    "01-start": "citizen/01-start",
    "02-procedure": "citizen/02-procedure-search",
    "03-details": "citizen/03-details",
    "04-profile": "citizen/05-profile",
    "05-forms": "citizen/07-child-values",
    "06-scan": "citizen/11-photo-added",
    "07-sign": "citizen/16-signed",
    "08-pack": "citizen/17-pack",
    "09-exported": "citizen/18-exported",
    "10-dossier-list": "clerk/01-clerk-start",
    "11-record-submission": "clerk/03-clerk-submission",
}


def update_guide_screenshots(out: Path, languages: list[str]) -> list[str]:
    """Copy the steps the user guide shows, cut to the window (the screen's strip below it
    is empty), into docs/screenshots/<lang>/."""
    from PIL import Image

    from tests.walkthrough.session import SCREEN

    written = []
    for lang in languages:
        for name, step in GUIDE_SHOTS.items():
            journey, prefix = step.split("/")
            found = sorted((out / lang / journey).glob(f"{prefix}.png"))
            if not found:
                continue
            target = ROOT / "docs" / "screenshots" / lang / f"{name}.png"
            with Image.open(found[0]) as shot:
                shot.crop((0, 0, SCREEN[0], SCREEN[1] - 28)).save(target, optimize=True)
            written.append(str(target.relative_to(ROOT)))
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.walkthrough.run",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--lang", choices=("vi", "en", "both"), default="both")
    parser.add_argument("--journey", choices=("citizen", "clerk", "both"), default="both")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "walkthrough")
    parser.add_argument("--keep", action="store_true", help="keep the dossiers made (debugging)")
    parser.add_argument(
        "--guide-screenshots",
        action="store_true",
        help="when no step had a problem, copy the guide's pictures to docs/screenshots/",
    )
    args = parser.parse_args(argv)
    missing = needed_tools()
    if missing:
        raise SystemExit(f"needed: {', '.join(missing)} (apt-get install xvfb xdotool)")
    languages = ["vi", "en"] if args.lang == "both" else [args.lang]
    journeys = ["citizen", "clerk"] if args.journey == "both" else [args.journey]
    shutil.rmtree(args.out, ignore_errors=True)
    report: list[str] = []
    for lang in languages:
        for result in run_language(lang, args.out, journeys, args.keep):
            for problem in result["problems"]:
                report.append(f"[{lang}] {result['name']}: {problem}")
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "report.txt").write_text("\n".join(report) + "\n", encoding="utf-8")
    print(f"\nwalkthrough: {len(report)} problem(s); screenshots in {args.out}")
    if args.guide_screenshots and not report:
        written = update_guide_screenshots(args.out, languages)
        print(f"user guide: {len(written)} screenshots updated in docs/screenshots/")
    for line in report:
        print("  " + line)
    return 1 if report else 0


if __name__ == "__main__":
    raise SystemExit(main())
