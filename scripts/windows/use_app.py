"""The installed Windows app used on real work under Wine; every output checked from Linux.

`python -m scripts.windows.use_app APP_DIR WORK_DIR` (run by scripts/windows/windows-test.sh
with WINEPREFIX set and the app installed in APP_DIR, a Linux path inside the prefix): through
`hoso.exe`, in folders with Vietnamese names, it scans two phone photos of the test data (a page
and an ID card), saves a citizen profile, fills the built-in birth-registration form from it,
signs the form with a .p12 made on the spot and verifies the signature, builds a dossier in the
user's documents, checks it, exports it for upload (with a ZIP) and for print, and exports a
.hoso file. Each output is checked here with Linux tools (qpdf --check, pdftotext, PyMuPDF, the
manifest's SHA-256 hashes, the signature verified again by the Linux build of the app).

The profile and the dossier stay in the Windows user's data and documents folders: the
uninstall test that follows checks that they survive an uninstall.
Prints one line per check; exit 0 when all passed.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TESTDATA = Path(os.environ.get("HOSO_TESTDATA", ROOT.parent / "shared" / "testdata"))
PROCEDURE = "1.001193"  # Đăng ký khai sinh
APPLICANT = {
    "full_name": "Nguyễn Thị Hoà",
    "date_of_birth": "01/02/1990",
    "personal_id": "001190012345",
    "permanent_residence": "Xã Xuân Bắc, Huyện Xuân Lộc, Đồng Nai",
    "phone": "0912345678",
}
P12_PASSWORD = "mật khẩu 123"
DOSSIER_NAME = "Khai sinh bé Na"
ID_CARD = (85.6 / 25.4 * 72, 54 / 25.4 * 72)  # ISO/IEC 7810 ID-1, points
KEY_USAGES = (
    "digital_signature", "content_commitment", "key_encipherment", "data_encipherment",
    "key_agreement", "key_cert_sign", "crl_sign", "encipher_only", "decipher_only",
)  # fmt: skip


def windows_path(path: Path) -> str:
    """The Windows name of a Linux path: C:\\... inside the prefix, Z:\\... elsewhere."""
    path = path.resolve()
    drive_c = Path(os.environ["WINEPREFIX"]).resolve() / "drive_c"
    if path.is_relative_to(drive_c):
        return "C:\\" + "\\".join(path.relative_to(drive_c).parts)
    return "Z:" + str(path).replace("/", "\\")


def user_folder(name: str) -> Path:
    """A folder of the Windows user (Documents, AppData/Roaming) in the prefix."""
    user = os.environ.get("USER") or os.environ.get("LOGNAME") or "root"
    return Path(os.environ["WINEPREFIX"]) / "drive_c" / "users" / user / name


class App:
    """`hoso.exe` of the installed app, run by Wine with pipes (never a file) for its output."""

    def __init__(self, folder: Path) -> None:
        self.exe = windows_path(folder / "hoso.exe")

    def __call__(self, *args: str | Path, stdin: str | None = None) -> str:
        argv = [windows_path(a) if isinstance(a, Path) else a for a in args]
        # the app's own default folders (the user's AppData and Documents in the prefix)
        env = {
            k: v for k, v in os.environ.items() if k not in ("HOSO_DATA_DIR", "HOSO_DOSSIER_ROOT")
        }
        done = subprocess.run(
            ["wine", self.exe, *argv],
            env=env,
            input=(stdin or "").encode(),
            capture_output=True,
            timeout=300,
        )
        out = done.stdout.decode("utf-8", "replace")
        if done.returncode != 0:
            err = done.stderr.decode("utf-8", "replace")
            raise RuntimeError(f"hoso {' '.join(argv[:2])} exited {done.returncode}: {err[-800:]}")
        return out


# the Linux build's data folder (set by main, inside the work folder)
LINUX_DATA = {"HOSO_DATA_DIR": ""}


def linux_cli(*args: str) -> str:
    """The same command through the Linux build of this checkout (the reference)."""
    env = dict(os.environ, HOSO_LANG="en", **LINUX_DATA)
    command = [sys.executable, "-m", "desktop.cli", *args]
    done = subprocess.run(command, capture_output=True, cwd=ROOT, env=env)
    if done.returncode != 0:
        raise RuntimeError(
            f"Linux hoso {args[0]}: {done.stdout.decode()[-300:]}{done.stderr.decode()[-300:]}"
        )
    return done.stdout.decode("utf-8")


def qpdf_check(pdf: Path) -> None:
    done = subprocess.run(["qpdf", "--check", str(pdf)], capture_output=True, text=True)
    if done.returncode != 0:  # 3 = warnings only, also refused: the app writes clean PDFs
        raise RuntimeError(f"qpdf --check {pdf.name}: {done.stdout[-300:]}{done.stderr[-300:]}")


def pdftotext(pdf: Path) -> str:
    done = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True)
    return done.stdout.decode("utf-8")


def squash(text: str) -> str:
    return " ".join(text.replace("…", " ").split())


def pdf_facts(pdf: Path) -> tuple[int, tuple[float, float], int]:
    """Pages, the first page's size in points, images on the first page."""
    import pymupdf

    with pymupdf.open(pdf) as doc:
        page = doc[0]
        return doc.page_count, (page.rect.width, page.rect.height), len(page.get_images())


def make_p12(folder: Path) -> tuple[Path, Path]:
    """A root CA and a signer certificate (Vietnamese name), the signer as a .p12 file."""
    import datetime

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    now = datetime.datetime.now(datetime.UTC)

    def name(common: str) -> x509.Name:
        return x509.Name(
            [
                x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
                x509.NameAttribute(NameOID.COMMON_NAME, common),
            ]
        )

    def cert(subject, issuer, public_key, signing_key, ca: bool) -> x509.Certificate:
        usage = dict.fromkeys(KEY_USAGES, False)
        usage.update(key_cert_sign=ca, crl_sign=ca, digital_signature=not ca)
        usage["content_commitment"] = not ca
        builder = (
            x509.CertificateBuilder()
            .subject_name(subject)
            .issuer_name(issuer)
            .public_key(public_key)
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(days=1))
            .not_valid_after(now + datetime.timedelta(days=30))
            .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(**usage), critical=True)
        )
        if not ca:
            usage = x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION])
            builder = builder.add_extension(usage, critical=False)
        return builder.sign(signing_key, hashes.SHA256())

    root_key = ec.generate_private_key(ec.SECP256R1())
    root_name = name("Hồ sơ số Test Root CA")
    root = cert(root_name, root_name, root_key.public_key(), root_key, ca=True)
    key = ec.generate_private_key(ec.SECP256R1())
    signer = cert(name(APPLICANT["full_name"]), root_name, key.public_key(), root_key, ca=False)
    folder.mkdir(parents=True, exist_ok=True)
    root_pem = folder / "gốc.pem"
    root_pem.write_bytes(root.public_bytes(serialization.Encoding.PEM))
    p12 = folder / "chữ ký.p12"
    encryption = serialization.BestAvailableEncryption(P12_PASSWORD.encode())
    p12.write_bytes(
        pkcs12.serialize_key_and_certificates(b"signer", key, signer, [root], encryption)
    )
    return p12, root_pem


class UseRun:
    """The steps, in order; each returns a one-line detail for the report."""

    def __init__(self, app_dir: Path, work: Path) -> None:
        self.app_dir = app_dir
        self.hoso = App(app_dir)
        self.work = work
        self.photos = work / "Ảnh chụp"
        self.scans = work / "Bản quét"
        self.forms = work / "Tờ khai"
        self.out = work / "Xuất hồ sơ"
        self.dossier = user_folder("Documents") / "Hồ sơ số" / DOSSIER_NAME
        self.profile_id = ""

    def scan(self) -> str:
        self.photos.mkdir(parents=True)
        page = self.photos / "Giấy chứng sinh.jpg"
        card = self.photos / "Căn cước.tif"
        shutil.copy(TESTDATA / "photos" / "breta01_page01.jpg", page)
        shutil.copy(TESTDATA / "photos" / "43_tur_id_CA43_01.tif", card)
        self.hoso("scan", page, "-o", self.scans / "Giấy chứng sinh.pdf")
        self.hoso("scan", card, "--paper", "card", "-o", self.scans / "Căn cước.pdf")
        details = []
        for pdf in (self.scans / "Giấy chứng sinh.pdf", self.scans / "Căn cước.pdf"):
            qpdf_check(pdf)
            pages, size, images = pdf_facts(pdf)
            # one picture, or two when the page is stored compact (text layer + background)
            if pages != 1 or images not in (1, 2):
                raise RuntimeError(f"{pdf.name}: {pages} pages, {images} images")
            details.append(f"{pdf.name} {size[0]:.0f}x{size[1]:.0f} pt, {images} image(s)")
        # the page: the size and images the Linux build makes of the same photo; the card: ID-1
        linux = self.work / "Linux" / "Giấy chứng sinh.pdf"
        linux_cli("scan", str(page), "-o", str(linux))
        _, size, images = pdf_facts(self.scans / "Giấy chứng sinh.pdf")
        _, expected, expected_images = pdf_facts(linux)
        if abs(size[0] - expected[0]) > 2 or abs(size[1] - expected[1]) > 2:
            raise RuntimeError(f"the page is {size}, the Linux build's {expected}")
        if images != expected_images:
            raise RuntimeError(f"the page has {images} images, the Linux build's {expected_images}")
        _, card_size, _ = pdf_facts(self.scans / "Căn cước.pdf")
        if abs(card_size[0] - ID_CARD[0]) > 2 or abs(card_size[1] - ID_CARD[1]) > 2:
            raise RuntimeError(f"the card page is {card_size}, not 85.6 x 54 mm")
        return "; ".join(details) + " (as the Linux build makes it; card ID-1)"

    def profile(self) -> str:
        source = self.work / "người yêu cầu.json"
        source.write_text(json.dumps(APPLICANT, ensure_ascii=False), encoding="utf-8")
        self.profile_id = self.hoso("profile", "add", "--from-json", source).strip()
        saved = user_folder("AppData/Roaming") / "hoso" / "hoso" / "profiles"
        path = saved / f"{self.profile_id}.json"
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("full_name") != APPLICANT["full_name"]:
            raise RuntimeError(f"{path}: {data}")
        listed = self.hoso("profile", "list")
        if APPLICANT["full_name"] not in listed:
            raise RuntimeError(f"profile list: {listed}")
        return f"{self.profile_id} in {windows_path(saved)}"

    def fill(self) -> str:
        form = self.app_dir / "_internal" / "resources" / "forms" / "tk-khai-sinh.pdf"
        output = self.forms / "Tờ khai khai sinh.pdf"
        self.hoso("fill", form, "--profile", self.profile_id, "-o", output, "--today", "02/12/2026")
        qpdf_check(output)
        text = squash(pdftotext(output))
        for value in (APPLICANT["full_name"], APPLICANT["personal_id"], "Xã Xuân Bắc"):
            if squash(value) not in text:
                raise RuntimeError(f"{value!r} not in the filled form's text")
        return f"built-in tk-khai-sinh.pdf filled: {APPLICANT['full_name']} read back by pdftotext"

    def sign(self) -> str:
        p12, root = make_p12(self.work / "Chứng thư")
        source = self.forms / "Tờ khai khai sinh.pdf"
        signed = self.forms / "Tờ khai khai sinh (đã ký).pdf"
        self.hoso(
            "sign", source, "--p12", p12, "--password-stdin", "--reason", "Nộp hồ sơ",
            "--location", "Đồng Nai", "-o", signed, stdin=P12_PASSWORD + "\n",
        )  # fmt: skip
        qpdf_check(signed)
        report = json.loads(self.hoso("verify", signed, "--trust", root, "--json"))
        [signature] = report["signatures"]
        if not (report["ok"] and signature["intact"] and signature["trusted"]):
            raise RuntimeError(f"hoso.exe verify: {report}")
        if signature["signer"] != APPLICANT["full_name"]:
            raise RuntimeError(f"signer {signature['signer']!r}")
        linux_cli("verify", str(signed), "--trust", str(root))  # exit 0: valid and trusted
        if squash(APPLICANT["full_name"]) not in squash(pdftotext(signed)):
            raise RuntimeError("the signed form lost its text")
        return f"signed by {signature['signer']}, {signature['pades_level']}, verified on both"

    def build_dossier(self) -> str:
        profile = user_folder("AppData/Roaming") / "hoso" / "hoso" / "profiles"
        self.hoso(
            "dossier", "new", self.dossier, "--procedure", PROCEDURE,
            "--applicant", profile / f"{self.profile_id}.json", "--title", "Khai sinh cho bé Na",
        )  # fmt: skip
        self.hoso("dossier", "add", self.dossier, "1", self.forms / "Tờ khai khai sinh (đã ký).pdf")
        self.hoso("dossier", "add", self.dossier, "2", self.scans / "Giấy chứng sinh.pdf")
        self.hoso("dossier", "add", self.dossier, "3", self.scans / "Căn cước.pdf")
        checked = self.hoso("check", self.dossier)
        saved = json.loads((self.dossier / "dossier.json").read_text(encoding="utf-8"))
        if PROCEDURE not in json.dumps(saved):
            raise RuntimeError(f"dossier.json does not name the procedure {PROCEDURE}")
        files = list((self.dossier / "originals").rglob("*.pdf"))
        if len(files) != 3:
            raise RuntimeError(f"{len(files)} originals in {self.dossier}")
        last = checked.strip().splitlines()[-1]
        return f"{windows_path(self.dossier)}: {len(files)} files, check: {last}"

    def pack(self) -> str:
        upload = self.out / "Tải lên"
        printed = self.out / "Bản in.pdf"
        self.hoso("pack", self.dossier, "-o", upload, "--zip", "--print", printed)
        manifest = json.loads((upload / "manifest.json").read_text(encoding="utf-8"))
        if not manifest["complete"] or manifest["applicant"]["name"] != APPLICANT["full_name"]:
            raise RuntimeError(f"manifest: {manifest}")
        [archive] = upload.glob("*.zip")
        with zipfile.ZipFile(archive) as zipped:
            in_zip = {
                Path(n).name: hashlib.sha256(zipped.read(n)).hexdigest() for n in zipped.namelist()
            }
        for entry in manifest["files"]:
            path = upload / entry["file"]
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            if digest != entry["sha256"] or path.stat().st_size != entry["bytes"]:
                raise RuntimeError(f"{entry['file']}: hash or size differs from the manifest")
            if in_zip.get(entry["file"]) != digest:
                raise RuntimeError(f"{entry['file']}: the ZIP holds another file")
            qpdf_check(path)
            if pdf_facts(path)[0] != entry["pages"]:
                raise RuntimeError(f"{entry['file']}: page count differs from the manifest")
        qpdf_check(printed)
        pages = pdf_facts(printed)[0]
        text = squash(pdftotext(printed))
        for value in (APPLICANT["full_name"], "Đăng ký khai sinh"):
            if squash(value) not in text:
                raise RuntimeError(f"{value!r} not in the print PDF")
        count = len(manifest["files"])
        return f"{count} files, hashes match the manifest and the ZIP; print PDF {pages} pages"

    def export_hoso(self) -> str:
        archive = self.out / f"{DOSSIER_NAME}.hoso"
        self.hoso("dossier", "export", self.dossier, archive)
        with zipfile.ZipFile(archive) as zipped:
            bad = zipped.testzip()
            names = zipped.namelist()
        if bad or not any(n.endswith("dossier.json") for n in names):
            raise RuntimeError(f"{archive.name}: {bad or names}")
        imported = self.work / "Nhập lại"
        self.hoso("dossier", "import", archive, imported)
        shown = self.hoso("dossier", "show", next(imported.rglob("dossier.json")).parent)
        if APPLICANT["full_name"] not in shown:
            raise RuntimeError(f"dossier show: {shown[-300:]}")
        return f"{archive.name}: {len(names)} entries, imported again and shown"


STEPS: tuple[tuple[str, Callable[[UseRun], str]], ...] = (
    ("scan two phone photos", UseRun.scan),
    ("save a citizen profile", UseRun.profile),
    ("fill a built-in form", UseRun.fill),
    ("sign with a .p12, verify", UseRun.sign),
    ("build a dossier", UseRun.build_dossier),
    ("export for upload and print", UseRun.pack),
    ("export and import a .hoso", UseRun.export_hoso),
)


def main(argv: list[str]) -> int:
    app_dir, work = Path(argv[0]), Path(argv[1])
    if not (TESTDATA / "photos").is_dir():
        print(f"test data missing: {TESTDATA}", file=sys.stderr)
        return 2
    if work.exists():
        shutil.rmtree(work)
    shutil.rmtree(user_folder("Documents") / "Hồ sơ số" / DOSSIER_NAME, ignore_errors=True)
    LINUX_DATA["HOSO_DATA_DIR"] = str(work / "Linux data")
    run = UseRun(app_dir, work / "Hồ sơ thử nghiệm")
    for name, step in STEPS:
        start = time.perf_counter()
        try:
            detail = step(run)
        except Exception as exc:
            print(f"[FAILED] {name}: {exc.__class__.__name__}: {exc}", flush=True)
            return 1
        print(f"[ok] {name} ({time.perf_counter() - start:.1f} s): {detail}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
