"""Fixtures of the signing tests: a generated PKI with its TSA/OCSP/CRL server, a SoftHSM2 token."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.signing.pki import (
    P12_PASSWORD,
    PkiServer,
    TestPki,
    build_pki,
    make_softhsm_token,
    softhsm_available,
)


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


@pytest.fixture(scope="session")
def softhsm_token(pki, tmp_path_factory):
    """A SoftHSM2 token holding the signer's key and certificate (selected by label)."""
    if not softhsm_available():
        if os.environ.get("CI") == "true":
            pytest.fail("softhsm2 is missing under CI (scripts/system-deps.sh test)")
        pytest.skip("softhsm2 not installed (apt-get install softhsm2 opensc)")
    old = os.environ.get("SOFTHSM2_CONF")
    token = make_softhsm_token(pki, tmp_path_factory.mktemp("softhsm"))
    yield token
    if old is None:
        os.environ.pop("SOFTHSM2_CONF", None)
    else:
        os.environ["SOFTHSM2_CONF"] = old


@pytest.fixture
def pdf_one_page(tmp_path) -> Path:
    return make_pdf(tmp_path / "don-de-nghi.pdf", pages=1)


def make_pdf(path: Path, pages: int = 1) -> Path:
    """A plain A4 PDF with some text per page (reportlab)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    for i in range(pages):
        c.setFont("Helvetica", 14)
        c.drawString(72, 760, f"Page {i + 1}")
        c.showPage()
    c.save()
    return path


def signature_widget_rects(path) -> list[tuple[int, tuple[float, float, float, float]]]:
    """(page index, rectangle in PDF points, origin bottom left) of each signature widget,
    read with PyMuPDF (independent of the signing code)."""
    import pymupdf

    found = []
    with pymupdf.open(path) as doc:
        for index, page in enumerate(doc):
            height = page.rect.height
            for widget in page.widgets() or ():
                if widget.field_type == pymupdf.PDF_WIDGET_TYPE_SIGNATURE:
                    r = widget.rect
                    found.append((index, (r.x0, height - r.y1, r.x1, height - r.y0)))
    return found
