"""`hoso-desktop --selftest`: what a freshly built bundle checks about itself.

It imports every heavy module, loads the fonts, catalog and translations, renders a PDF page,
scans a bundled sample photo, signs and verifies a PDF with a key generated on the spot, prints
a page into a PDF through Qt's print support, then writes a short report. Exit 0 only when every
check passed. Runs offscreen.
"""

from __future__ import annotations

import platform
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

HEAVY_MODULES = (
    "numpy", "cv2", "pymupdf", "PIL.Image", "pillow_heif", "zxingcpp", "reportlab.pdfgen.canvas",
    "pyhanko.sign.signers", "pyhanko_certvalidator", "pkcs11", "segno", "fontTools.ttLib",
)  # fmt: skip


def check_imports(work: Path) -> str:
    import importlib

    versions = []
    for name in HEAVY_MODULES:
        module = importlib.import_module(name)
        top = sys.modules[name.split(".")[0]]
        versions.append(f"{name.split('.')[0]} {getattr(top, '__version__', '')}".strip())
        del module
    return ", ".join(versions)


def check_fonts(work: Path) -> str:
    from PySide6.QtGui import QFontDatabase
    from PySide6.QtWidgets import QApplication

    from common.resources import resource_path

    QApplication.instance() or QApplication([sys.argv[0]])
    fonts = sorted(resource_path("fonts").glob("*.ttf"))
    if not fonts:
        raise RuntimeError("no bundled font")
    families = set()
    for font in fonts:
        font_id = QFontDatabase.addApplicationFont(str(font))
        if font_id < 0:
            raise RuntimeError(f"font not loadable: {font.name}")
        families.update(QFontDatabase.applicationFontFamilies(font_id))
    return f"{len(fonts)} files: {', '.join(sorted(families))}"


def check_text_encoding(work: Path) -> str:
    """The bundle runs in UTF-8 mode (build.spec): Vietnamese survives redirected output and
    text files on Windows, whose ANSI code page cannot hold it."""
    import locale

    frozen = bool(getattr(sys, "frozen", False))
    if frozen and not sys.flags.utf8_mode:
        raise RuntimeError("the bundle does not run in UTF-8 mode")
    sample = work / "Tệp thử tiếng Việt.txt"
    sample.write_text("Hồ sơ số — Đăng ký khai sinh", encoding="utf-8")
    if sample.read_text(encoding="utf-8") != "Hồ sơ số — Đăng ký khai sinh":
        raise RuntimeError("a Vietnamese file name or text did not round-trip")
    return f"UTF-8 mode {sys.flags.utf8_mode}, preferred {locale.getpreferredencoding(False)}"


def check_catalog(work: Path) -> str:
    from dossier import list_portals, load_catalog

    catalog = load_catalog(None)
    birth = catalog.get("1.001193")
    hits = catalog.search("dang ky khai sinh")
    if not hits or hits[0].procedure.code != birth.code:
        raise RuntimeError("search does not find birth registration")
    return f"{len(catalog)} procedures, {len(list_portals())} portal profiles"


def check_translations(work: Path) -> str:
    from common import i18n

    table = i18n.load_catalog("vi")
    i18n.set_language("vi")
    if i18n._("Cancel") != "Hủy":
        raise RuntimeError("Vietnamese translation not loaded")
    return f"{len(table)} Vietnamese strings"


def check_pdf_render(work: Path) -> str:
    import pymupdf

    from common.resources import resource_path

    text = "Đăng ký khai sinh — Nguyễn Thị Ánh Tuyết"
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    font = resource_path("fonts", "NotoSans-Regular.ttf")
    page.insert_text((72, 100), text, fontfile=str(font), fontname="noto", fontsize=14)
    path = work / "render.pdf"
    doc.subset_fonts()
    doc.save(path)
    doc.close()
    with pymupdf.open(path) as again:
        extracted = again[0].get_text().strip()
        pixmap = again[0].get_pixmap(dpi=50)
    if extracted != text:
        raise RuntimeError(f"text came back as {extracted!r}")
    return f"page rendered {pixmap.width}x{pixmap.height}, text extracted exactly"


def check_scan(work: Path) -> str:
    from common.resources import resource_path
    from scanning import ScanOptions, scan_to_pdf

    photo = resource_path("samples", "selftest-photo.jpg")
    report = scan_to_pdf([photo], work / "scan.pdf", ScanOptions(paper="auto"), workers=1)
    result = report.results[0]
    if not result.found:
        raise RuntimeError("no document found in the sample photo")
    return f"{report.pages} page, {report.bytes // 1024} KB, paper {result.paper}"


def _make_p12(work: Path) -> tuple[Path, str]:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import NameOID

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Kiểm tra Hồ sơ số")])
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(True, True, False, False, False, False, False, False, False),
            critical=True,
        )
        .sign(key, hashes.SHA256())
    )
    password = "selftest"
    data = pkcs12.serialize_key_and_certificates(
        b"selftest", key, cert, None, serialization.BestAvailableEncryption(password.encode())
    )
    path = work / "selftest.p12"
    path.write_bytes(data)
    (work / "selftest.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return path, password


def check_sign_verify(work: Path) -> str:
    from signing import SignOptions, VerifyOptions, open_p12, sign, verify

    source = work / "render.pdf"
    if not source.exists():
        check_pdf_render(work)
    p12, password = _make_p12(work)
    signer = open_p12(p12, password)
    signed = work / "signed.pdf"
    sign(source, signed, SignOptions(reason="Kiểm tra", location="Xuân Bắc"), signer)
    report = verify(signed, VerifyOptions(trust_roots=(work / "selftest.pem",)))
    if not report.all_ok:
        raise RuntimeError(f"signature not valid: {report.verdict}")
    return f"signed (+{(signed.stat().st_size - source.stat().st_size) // 1024} KB), verified"


def check_printing(work: Path) -> str:
    """A QPrinter paints a page into a PDF; on Linux, Qt's CUPS print plugin loads whenever the
    system has the CUPS client library (the bundle takes libcups from the system)."""
    import ctypes.util

    import pymupdf
    from PySide6.QtGui import QPainter
    from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
    from PySide6.QtWidgets import QApplication

    QApplication.instance() or QApplication([sys.argv[0]])
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(work / "print.pdf"))
    painter = QPainter()
    if not painter.begin(printer):
        raise RuntimeError("QPainter cannot paint on the printer")
    painter.drawText(200, 200, "Hồ sơ số")
    painter.end()
    with pymupdf.open(work / "print.pdf") as printed:
        if printed.page_count != 1:
            raise RuntimeError(f"{printed.page_count} pages printed instead of 1")
    detail = f"PDF page printed, {len(QPrinterInfo.availablePrinterNames())} printers"
    if sys.platform.startswith("linux"):
        mapped = Path("/proc/self/maps").read_text(encoding="utf-8", errors="replace")
        libcups = {line.split()[-1] for line in mapped.splitlines() if "/libcups.so" in line}
        if ctypes.util.find_library("cups") and "libcupsprintersupport" not in mapped:
            raise RuntimeError("the CUPS print plugin did not load although CUPS is installed")
        detail += (
            f"; CUPS print plugin loaded ({', '.join(sorted(libcups))})"
            if libcups
            else "; no CUPS on this system: printing to a PDF file only"
        )
    return detail


CHECKS: tuple[tuple[str, Callable[[Path], str]], ...] = (
    ("imports", check_imports),
    ("fonts", check_fonts),
    ("text encoding", check_text_encoding),
    ("catalog", check_catalog),
    ("translations", check_translations),
    ("pdf render", check_pdf_render),
    ("scan", check_scan),
    ("sign and verify", check_sign_verify),
    ("printing", check_printing),
)


def run_selftest(report_path: Path | None = None) -> int:
    lines = [
        f"Hồ sơ số self-test, {datetime.now().isoformat(timespec='seconds')}",
        f"Python {platform.python_version()} on {platform.platform()}",
        f"frozen: {bool(getattr(sys, 'frozen', False))}",
    ]
    failures = 0
    with tempfile.TemporaryDirectory(prefix="hoso-selftest-") as folder:
        work = Path(folder)
        for name, check in CHECKS:
            start = time.perf_counter()
            try:
                detail = check(work)
                status = "ok"
            except Exception as exc:  # report every failure, keep checking the rest
                failures += 1
                status = "FAILED"
                detail = f"{exc.__class__.__name__}: {exc}\n{traceback.format_exc()}"
            elapsed = time.perf_counter() - start
            lines.append(f"[{status}] {name} ({elapsed:.2f} s): {detail}")
    lines.append("result: " + ("all checks passed" if not failures else f"{failures} failed"))
    text = "\n".join(lines) + "\n"
    print(text, end="")
    if report_path is not None:
        report_path.parent.mkdir(parents=True, exist_ok=True)
        report_path.write_text(text, encoding="utf-8")
    return 0 if failures == 0 else 1
