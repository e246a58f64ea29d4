"""Revocation checked offline from a B-LT file's own data (DSS: certificates, OCSP, CRLs).

A PKI of its own whose TSA/OCSP/CRL server is stopped once the files are made: verification
can only use what the files embed (the session's shared server must keep running)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.request
from io import BytesIO
from pathlib import Path

import pytest

from signing import SignOptions, VerifyOptions, open_p12, sign, verify
from signing.verify import REVOCATION_EMBEDDED, REVOCATION_NOT_CHECKED
from tests.signing.conftest import make_pdf
from tests.signing.pki import P12_PASSWORD, PkiServer, build_pki

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def offline_files(tmp_path_factory):
    """B-LT and B-T files of a valid signer, and a revoked signer's B-T file to which the
    CA's CRL (listing it) was added in a DSS; then the PKI's server is stopped."""
    folder = tmp_path_factory.mktemp("offline-ltv")
    pki = build_pki(folder / "pki")
    server = PkiServer(pki).start()
    try:
        pdf = make_pdf(folder / "don.pdf")
        files = {"lt": folder / "lt.pdf", "bt": folder / "bt.pdf", "revoked": folder / "rev.pdf"}
        tsa = (pki.tsa_url,)
        with open_p12(pki.p12("signer"), P12_PASSWORD) as signer:
            sign(pdf, files["lt"], SignOptions(level="B-LT", tsa_urls=tsa), signer)
            sign(pdf, files["bt"], SignOptions(level="B-T", tsa_urls=tsa), signer)
        with open_p12(pki.p12("signer-revoked"), P12_PASSWORD) as signer:
            sign(pdf, files["revoked"], SignOptions(level="B-T", tsa_urls=tsa), signer)
        _embed_crl(files["revoked"], pki)
    finally:
        server.stop()
    with pytest.raises(OSError):  # really unreachable now
        urllib.request.urlopen(pki.url, timeout=2)
    return pki, files


def _embed_crl(path: Path, pki) -> None:
    """Add a DSS with the chain and the issuing CA's current CRL (it lists the signer)."""
    from asn1crypto import crl, x509
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import DocumentSecurityStore

    cert = x509.Certificate.load(pki.cert_der("signer-revoked"))
    url = cert.crl_distribution_points[0]["distribution_point"].native[0]
    with urllib.request.urlopen(url, timeout=10) as response:
        revocations = crl.CertificateList.load(response.read())
    buffer = BytesIO(path.read_bytes())
    sig = PdfFileReader(buffer).embedded_regular_signatures[0]
    chain = [x509.Certificate.load(pki.cert_der(c)) for c in ("root", "interm", "signer-revoked")]
    contents = sig.pkcs7_content.hex().encode("ascii")
    DocumentSecurityStore.add_dss(buffer, contents, certs=chain, crls=[revocations])
    path.write_bytes(buffer.getvalue())


def _trust(pki, **kwargs) -> VerifyOptions:
    return VerifyOptions(trust_roots=(pki.cert_pem("root"),), **kwargs)


def test_blt_revocation_checked_from_embedded_data_offline(offline_files):
    pki, files = offline_files
    [sig] = verify(files["lt"], _trust(pki)).signatures
    assert sig.ok and sig.trusted and not sig.revoked and sig.pades_level == "B-LT"
    assert sig.revocation == REVOCATION_EMBEDDED


def test_without_embedded_data_revocation_is_not_checked(offline_files):
    pki, files = offline_files
    [sig] = verify(files["bt"], _trust(pki)).signatures
    assert sig.ok and sig.trusted  # soft-fail: trusted, but say revocation was not checked
    assert sig.revocation == REVOCATION_NOT_CHECKED
    [untrusted] = verify(files["lt"]).signatures  # no trust list: no chain, nothing checked
    assert untrusted.revocation == REVOCATION_NOT_CHECKED


def test_revocation_found_in_the_embedded_crl_offline(offline_files):
    pki, files = offline_files
    [sig] = verify(files["revoked"], _trust(pki)).signatures
    assert sig.revoked and not sig.trusted and not sig.ok
    assert "thu hồi" in sig.verdict
    assert sig.revocation == REVOCATION_EMBEDDED


def test_fetching_from_a_stopped_server_still_uses_the_embedded_data(offline_files):
    pki, files = offline_files
    [sig] = verify(files["lt"], _trust(pki, allow_fetching=True)).signatures
    assert sig.ok and sig.revocation == REVOCATION_EMBEDDED  # the fetch failed, the DSS did not


def test_cli_report_says_revocation_was_checked_offline(offline_files):
    pki, files = offline_files
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    base = [sys.executable, "-m", "desktop.cli", "verify", "--trust", str(pki.cert_pem("root"))]
    text = subprocess.run(
        [*base, str(files["lt"])], capture_output=True, text=True, timeout=120, cwd=ROOT, env=env
    )
    assert text.returncode == 0, text.stderr
    assert "kiểm tra ngoại tuyến, từ dữ liệu nhúng trong tệp" in text.stdout
    data = subprocess.run(
        [*base, "--json", str(files["bt"])],
        capture_output=True, text=True, timeout=120, cwd=ROOT, env=env,
    )  # fmt: skip
    assert json.loads(data.stdout)["signatures"][0]["revocation"] == "not_checked"
