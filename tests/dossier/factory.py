"""Inputs for packaging tests and bench/pack: filled forms, scans, a signed PDF, dossiers.

Everything is generated from real libraries (PyMuPDF text with the bundled Noto Sans, Pillow
scans, pyHanko signatures with a throwaway key from `cryptography`), nothing is mocked.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pymupdf
from PIL import Image, ImageDraw, ImageFont

from common.resources import resource_path
from dossier.catalog_model import PortalProfile, Procedure
from dossier.workspace import Workspace

DATA = Path(__file__).resolve().parent / "data"
FONT = resource_path("fonts", "NotoSans-Regular.ttf")


CATALOG = DATA / "catalog_test.json"


def procedure(code: str = "1.001193") -> Procedure:
    """The birth registration of the test catalog (validated like the built-in one)."""
    from dossier.catalog import ProcedureCatalog, read_catalog_file

    return ProcedureCatalog(read_catalog_file(CATALOG).procedures).get(code)


def portal(name: str = "test") -> PortalProfile:
    from dossier.catalog import read_portal_file

    return read_portal_file(DATA / "portals" / f"{name}.json")


def form_pdf(path: Path, title: str, pages: int = 1, fields: bool = False) -> Path:
    """A flat Vietnamese form with filled text; optionally with a text field and a JS action."""
    doc = pymupdf.open()
    for number in range(pages):
        page = doc.new_page(width=595.28, height=841.89)
        page.insert_text(
            (72, 80),
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            fontfile=str(FONT),
            fontname="noto",
            fontsize=13,
        )
        page.insert_text(
            (72, 120),
            f"{title} — trang {number + 1}",
            fontfile=str(FONT),
            fontname="noto",
            fontsize=14,
        )
        page.insert_text(
            (72, 160),
            "Họ, chữ đệm, tên: Nguyễn Thị Ánh Tuyết",
            fontfile=str(FONT),
            fontname="noto",
            fontsize=12,
        )
        if fields and number == 0:
            widget = pymupdf.Widget()
            widget.field_type = pymupdf.PDF_WIDGET_TYPE_TEXT
            widget.field_name = "ho_ten"
            widget.field_value = "Nguyen Van An"
            widget.rect = pymupdf.Rect(72, 200, 300, 220)
            widget.script = "app.alert('hello');"
            page.add_widget(widget)
    if fields:
        doc.embfile_add("secret.txt", b"attached data", filename="secret.txt")
        catalog = doc.pdf_catalog()
        js = doc.get_new_xref()
        doc.update_object(js, "<< /S /JavaScript /JS (app.alert\\('open'\\);) >>")
        doc.xref_set_key(catalog, "OpenAction", f"{js} 0 R")
    doc.set_metadata({"title": "old title", "producer": "Someone else", "author": "X"})
    doc.subset_fonts()
    doc.save(path, garbage=3, deflate=True)
    return path


def scan_jpeg(
    path: Path, label: str, dpi: int = 200, quality: int = 88, noise: bool = True
) -> Path:
    """An A4 colour 'scan' at `dpi` with text and some texture (so JPEG has work to do)."""
    width, height = round(8.27 * dpi), round(11.69 * dpi)
    image = Image.new("RGB", (width, height), (246, 244, 236))
    if noise:
        import numpy as np

        rng = np.random.default_rng(abs(hash(label)) % (2**32))
        grain = rng.integers(-18, 18, (height, width, 1), dtype=np.int16)
        base = np.asarray(image, dtype=np.int16) + grain
        image = Image.fromarray(base.clip(0, 255).astype("uint8"))
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(FONT), size=max(12, dpi // 6))
    for line in range(30):
        draw.text(
            (dpi, dpi + line * dpi // 3),
            f"{label} · dòng {line + 1}: Đăng ký khai sinh",
            fill=(20, 20, 60),
            font=font,
        )
    draw.rectangle(
        (dpi, height - 3 * dpi, width - dpi, height - dpi), outline=(200, 30, 30), width=6
    )
    image.save(path, format="JPEG", quality=quality, dpi=(dpi, dpi))
    return path


def throwaway_signer(folder: Path):
    """A self-signed RSA certificate and key made now, as a pyHanko SimpleSigner."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import NameOID
    from pyhanko.sign import signers

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Nguyen Van Test")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(
            x509.KeyUsage(True, True, False, False, False, False, False, False, False),
            critical=True,
        )
        .sign(key, hashes.SHA256())
    )
    key_file, cert_file = folder / "signer.key.pem", folder / "signer.cert.pem"
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return signers.SimpleSigner.load(str(key_file), str(cert_file))


def signed_pdf(path: Path, signer, title: str = "Văn bản đã ký số") -> Path:
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers

    unsigned = path.with_suffix(".unsigned.pdf")
    form_pdf(unsigned, title, pages=2)
    with open(unsigned, "rb") as source:
        writer = IncrementalPdfFileWriter(source)
        output = io.BytesIO()
        signers.sign_pdf(
            writer,
            signers.PdfSignatureMetadata(field_name="Signature1"),
            signer=signer,
            output=output,
        )
    path.write_bytes(output.getvalue())
    unsigned.unlink()
    return path


def make_workspace(
    root: Path, proc: Procedure, files: dict[str, list[Path]], applicant: str = "Nguyễn Văn An"
) -> Workspace:
    workspace = Workspace.create(
        root,
        proc.code,
        title=proc.name,
        applicant={"full_name": applicant},
        component_ids=[c.id for c in proc.components],
    )
    for component_id, paths in files.items():
        for path in paths:
            workspace.add_file(component_id, path, save=False)
    workspace.save()
    return workspace
