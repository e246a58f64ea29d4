"""Fixtures of the signing tests: a generated PKI with its TSA/OCSP/CRL server, a SoftHSM2 token."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.signing.pki import P12_PASSWORD, PkiServer, TestPki, build_pki

SOFTHSM_MODULE = Path("/usr/lib/softhsm/libsofthsm2.so")
TOKEN_LABEL = "Hoso Test Token"
TOKEN_PIN = "123456"
SO_PIN = "87654321"
CERT_LABEL = "Nguyen Van An"


@pytest.fixture(scope="session")
def pki(tmp_path_factory) -> TestPki:
    return build_pki(tmp_path_factory.mktemp("pki"))


@pytest.fixture(scope="session")
def pki_server(pki):
    """The PKI's TSA, OCSP responder and CRLs on 127.0.0.1 for the whole session."""
    server = PkiServer(pki).start()
    yield pki
    server.stop()


@pytest.fixture
def p12_signer(pki):
    from signing import open_p12

    with open_p12(pki.p12("signer"), P12_PASSWORD) as signer:
        yield signer


def _run(*args: str, env: dict[str, str]) -> None:
    subprocess.run(args, check=True, env=env, capture_output=True, timeout=60)


@pytest.fixture(scope="session")
def softhsm_token(pki, tmp_path_factory):
    """A SoftHSM2 token holding the signer's key and certificate (selected by label)."""
    if not SOFTHSM_MODULE.exists() or not shutil.which("softhsm2-util"):
        if os.environ.get("CI") == "true":
            pytest.fail("softhsm2 is missing under CI (scripts/system-deps.sh test)")
        pytest.skip("softhsm2 not installed (apt-get install softhsm2 opensc)")
    folder = tmp_path_factory.mktemp("softhsm")
    (folder / "tokens").mkdir()
    conf = folder / "softhsm2.conf"
    tokendir = folder / "tokens"
    conf.write_text(
        f"directories.tokendir = {tokendir}\nobjectstore.backend = file\nlog.level = ERROR\n"
    )
    old = os.environ.get("SOFTHSM2_CONF")
    os.environ["SOFTHSM2_CONF"] = str(conf)
    env = dict(os.environ)
    _run("softhsm2-util", "--init-token", "--free", "--label", TOKEN_LABEL,
         "--pin", TOKEN_PIN, "--so-pin", SO_PIN, env=env)  # fmt: skip
    _run("softhsm2-util", "--import", str(pki.key_pem("signer")), "--token", TOKEN_LABEL,
         "--label", CERT_LABEL, "--id", "01", "--pin", TOKEN_PIN, env=env)  # fmt: skip
    cert_der = folder / "signer.der"
    cert_der.write_bytes(pki.cert_der("signer"))
    _run("pkcs11-tool", "--module", str(SOFTHSM_MODULE), "--token-label", TOKEN_LABEL,
         "--login", "--pin", TOKEN_PIN, "--write-object", str(cert_der), "--type", "cert",
         "--id", "01", "--label", CERT_LABEL, env=env)  # fmt: skip
    yield {"module": SOFTHSM_MODULE, "label": TOKEN_LABEL, "pin": TOKEN_PIN, "so_pin": SO_PIN,
           "cert_label": CERT_LABEL, "conf": conf}  # fmt: skip
    if old is None:
        os.environ.pop("SOFTHSM2_CONF", None)
    else:
        os.environ["SOFTHSM2_CONF"] = old


@pytest.fixture
def pdf_one_page(tmp_path) -> Path:
    return make_pdf(tmp_path / "don-de-nghi.pdf", pages=1)


def make_pdf(path: Path, pages: int = 1, filler_bytes: int = 0) -> Path:
    """A plain A4 PDF with some text per page (reportlab); filler pads it with an image."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    for i in range(pages):
        c.setFont("Helvetica", 14)
        c.drawString(72, 760, f"Page {i + 1}")
        c.showPage()
    c.save()
    return path
