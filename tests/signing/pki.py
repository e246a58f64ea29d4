"""A throw-away PKI for the signing tests, built with certomancer from keys made here.

Root CA -> intermediate CA -> signer certificates (valid, expired, not yet valid, without the
digitalSignature key usage, revoked), plus a TSA, an OCSP responder and CRLs. The service URLs
point to 127.0.0.1:<port>; `PkiServer` serves them from a thread (certomancer's aiohttp app).
"""

from __future__ import annotations

import asyncio
import os
import shutil
import socket
import subprocess
import threading
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

ARCH = "hoso-test"
KEY_LABELS = ("root", "interm", "tsa", "ocsp", "signer", "other", "weak")
KEY_BITS = {"weak": 1024}  # a key too short, for the verdict that names the key size
P12_PASSWORD = "mật khẩu 123"

_NOW = datetime.now(UTC).replace(microsecond=0)


def _iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S+0000")


def _validity(start: timedelta, end: timedelta) -> dict:
    return {"valid-from": _iso(_NOW + start), "valid-to": _iso(_NOW + end)}


def _key_usage(*usages: str) -> dict:
    return {
        "id": "key_usage",
        "critical": True,
        "smart-value": {"schema": "key-usage", "params": list(usages)},
    }


_REVOCATION_EXTENSIONS = [
    {
        "id": "crl_distribution_points",
        "smart-value": {"schema": "crl-dist-url", "params": {"crl-repo-names": ["interm"]}},
    },
    {
        "id": "authority_information_access",
        "smart-value": {"schema": "aia-urls", "params": {"ocsp-responder-names": ["interm"]}},
    },
]


def _signer_cert(
    validity: dict, usages: tuple[str, ...], key: str = "signer", revocation: bool = True
) -> dict:
    extensions = [_key_usage(*usages)]
    if revocation:
        extensions.extend(_REVOCATION_EXTENSIONS)
    return {
        "subject": key,
        "subject-key": key,
        "issuer": "interm",
        "validity": validity,
        "extensions": extensions,
    }


def certomancer_config(key_dir: Path, url_prefix: str) -> dict:
    signing = ("digital_signature", "non_repudiation")
    return {
        "external-url-prefix": url_prefix,
        "keysets": {
            ARCH: {
                "path-prefix": str(key_dir),
                "keys": {label: {"path": f"{label}.key.pem"} for label in KEY_LABELS},
            }
        },
        "pki-architectures": {
            ARCH: {
                "keyset": ARCH,
                "entity-defaults": {"country-name": "VN", "organization-name": "Hồ sơ số Test"},
                "entities": {
                    "root": {"common-name": "Hoso Test Root CA"},
                    "interm": {"common-name": "Hoso Test Issuing CA"},
                    "tsa": {"common-name": "Hoso Test TSA"},
                    "ocsp": {"common-name": "Hoso Test OCSP"},
                    "signer": {"common-name": "Nguyễn Văn An"},
                    "other": {"common-name": "Trần Thị Bình"},
                    "weak": {"common-name": "Lê Văn Cũ"},
                },
                "certs": {
                    "root": {
                        "subject": "root",
                        "subject-key": "root",
                        "issuer": "root",
                        "authority-key": "root",
                        "validity": _validity(timedelta(days=-3650), timedelta(days=3650)),
                        "extensions": [
                            {"id": "basic_constraints", "critical": True, "value": {"ca": True}},
                            _key_usage("digital_signature", "key_cert_sign", "crl_sign"),
                        ],
                    },
                    "interm": {
                        "issuer": "root",
                        "validity": _validity(timedelta(days=-3000), timedelta(days=3000)),
                        "extensions": [
                            {
                                "id": "basic_constraints",
                                "critical": True,
                                "value": {"ca": True, "path-len-constraint": 0},
                            },
                            _key_usage("digital_signature", "key_cert_sign", "crl_sign"),
                            {
                                "id": "crl_distribution_points",
                                "smart-value": {
                                    "schema": "crl-dist-url",
                                    "params": {"crl-repo-names": ["root"]},
                                },
                            },
                        ],
                    },
                    "ocsp": {
                        "issuer": "interm",
                        "validity": _validity(timedelta(days=-1000), timedelta(days=1000)),
                        "extensions": [
                            _key_usage("digital_signature"),
                            {
                                "id": "extended_key_usage",
                                "critical": True,
                                "value": ["ocsp_signing"],
                            },
                            {"id": "ocsp_no_check"},
                        ],
                    },
                    "tsa": {
                        "issuer": "root",
                        "validity": _validity(timedelta(days=-1000), timedelta(days=1000)),
                        "extensions": [
                            _key_usage("digital_signature"),
                            {
                                "id": "extended_key_usage",
                                "critical": True,
                                "value": ["time_stamping"],
                            },
                            {
                                "id": "crl_distribution_points",
                                "smart-value": {
                                    "schema": "crl-dist-url",
                                    "params": {"crl-repo-names": ["root"]},
                                },
                            },
                        ],
                    },
                    "signer": _signer_cert(
                        _validity(timedelta(days=-30), timedelta(days=700)), signing
                    ),
                    "signer-expired": _signer_cert(
                        _validity(timedelta(days=-700), timedelta(days=-10)), signing
                    ),
                    "signer-future": _signer_cert(
                        _validity(timedelta(days=10), timedelta(days=700)), signing
                    ),
                    "signer-nodigsig": _signer_cert(
                        _validity(timedelta(days=-30), timedelta(days=700)),
                        ("key_encipherment",),
                    ),
                    # poppler 22.12 answers "Unknown issue" for any certificate with an OCSP
                    # URL in its AIA (even with -no-ocsp): pdfsig tests use these two
                    "signer-plain": _signer_cert(
                        _validity(timedelta(days=-30), timedelta(days=700)),
                        signing,
                        revocation=False,
                    ),
                    "other-plain": _signer_cert(
                        _validity(timedelta(days=-30), timedelta(days=700)),
                        signing,
                        key="other",
                        revocation=False,
                    ),
                    "signer-revoked": {
                        **_signer_cert(
                            _validity(timedelta(days=-30), timedelta(days=700)), signing
                        ),
                        "revocation": {
                            "revoked-since": _iso(_NOW - timedelta(days=2)),
                            "reason": "key_compromise",
                        },
                    },
                    "other": _signer_cert(
                        _validity(timedelta(days=-30), timedelta(days=700)), signing, key="other"
                    ),
                    "signer-weak": _signer_cert(
                        _validity(timedelta(days=-30), timedelta(days=700)),
                        signing,
                        key="weak",
                        revocation=False,
                    ),
                },
                "services": {
                    "ocsp": {
                        "interm": {
                            "for-issuer": "interm",
                            "responder-cert": "ocsp",
                            "signing-key": "ocsp",
                        }
                    },
                    "crl-repo": {
                        "root": {
                            "for-issuer": "root",
                            "signing-key": "root",
                            "simulated-update-schedule": "P90D",
                        },
                        "interm": {
                            "for-issuer": "interm",
                            "signing-key": "interm",
                            "simulated-update-schedule": "P30D",
                        },
                    },
                    "time-stamping": {"tsa": {"signing-key": "tsa", "signing-cert": "tsa"}},
                },
            }
        },
    }


def _write_keys(key_dir: Path) -> None:
    key_dir.mkdir(parents=True, exist_ok=True)
    for label in KEY_LABELS:
        key = rsa.generate_private_key(public_exponent=65537, key_size=KEY_BITS.get(label, 2048))
        pem = key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        (key_dir / f"{label}.key.pem").write_bytes(pem)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class TestPki:
    """Files of the generated PKI, ready for the tests."""

    folder: Path
    port: int
    arch: object  # certomancer PKIArchitecture

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def tsa_url(self) -> str:
        return f"{self.url}/{ARCH}/tsa/tsa"

    def cert_pem(self, label: str) -> Path:
        return self.folder / f"{label}.cert.pem"

    def p12(self, label: str) -> Path:
        return self.folder / f"{label}.p12"

    def key_pem(self, key_label: str) -> Path:
        return self.folder / "keys" / f"{key_label}.key.pem"

    def cert_der(self, label: str) -> bytes:
        from certomancer.registry import CertLabel

        return self.arch.get_cert(CertLabel(label)).dump()


SIGNER_LABELS = (
    "signer",
    "signer-expired",
    "signer-future",
    "signer-nodigsig",
    "signer-revoked",
    "other",
    "signer-plain",
    "other-plain",
    "signer-weak",
)


def build_pki(folder: Path, port: int | None = None) -> TestPki:
    import yaml  # certomancer depends on PyYAML
    from certomancer.registry import ArchLabel, CertLabel, CertomancerConfig

    port = port or free_port()
    _write_keys(folder / "keys")
    config = certomancer_config(folder / "keys", f"http://127.0.0.1:{port}")
    (folder / "certomancer.yml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    arch = CertomancerConfig(config, key_search_dir=str(folder)).get_pki_arch(ArchLabel(ARCH))
    for label in ("root", "interm", "tsa", "ocsp", *SIGNER_LABELS):
        cert = arch.get_cert(CertLabel(label))
        pem = serialization_pem(cert.dump())
        (folder / f"{label}.cert.pem").write_bytes(pem)
    for label in SIGNER_LABELS:
        data = arch.package_pkcs12(CertLabel(label), password=P12_PASSWORD.encode("utf-8"))
        (folder / f"{label}.p12").write_bytes(data)
    return TestPki(folder=folder, port=port, arch=arch)


def serialization_pem(der: bytes) -> bytes:
    from asn1crypto import pem

    return pem.armor("CERTIFICATE", der)


class PkiServer:
    """Certomancer's TSA/OCSP/CRL app on 127.0.0.1 in a daemon thread; stop() ends it."""

    def __init__(self, pki: TestPki) -> None:
        self.pki = pki
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, name="test-pki-server", daemon=True)
        self._runner = None

    def _run(self) -> None:
        from aiohttp import web
        from certomancer.integrations.aiohttp_animator import build_animator_app
        from certomancer.registry import ArchLabel

        asyncio.set_event_loop(self._loop)
        app = build_animator_app({ArchLabel(ARCH): self.pki.arch}, with_web_ui=False)
        self._runner = web.AppRunner(app)
        self._loop.run_until_complete(self._runner.setup())
        site = web.TCPSite(self._runner, "127.0.0.1", self.pki.port)
        self._loop.run_until_complete(site.start())
        self._ready.set()
        self._loop.run_forever()
        self._loop.run_until_complete(self._runner.cleanup())
        self._loop.close()

    def start(self) -> PkiServer:
        self._thread.start()
        if not self._ready.wait(timeout=10):
            raise RuntimeError("test PKI server did not start")
        return self

    def stop(self) -> None:
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=10)


SOFTHSM_MODULE = Path("/usr/lib/softhsm/libsofthsm2.so")
TOKEN_LABEL = "Hoso Test Token"
TOKEN_PIN = "123456"
SO_PIN = "87654321"
CERT_LABEL = "Nguyen Van An"


def softhsm_available() -> bool:
    return SOFTHSM_MODULE.exists() and bool(shutil.which("softhsm2-util"))


def _run(*args: str) -> None:
    subprocess.run(args, check=True, env=dict(os.environ), capture_output=True, timeout=60)


def make_softhsm_token(pki: TestPki, folder: Path, cert: str = "signer") -> dict:
    """Init a SoftHSM2 token in `folder` (SOFTHSM2_CONF is set for this process) holding the
    signer's key and certificate `cert` (a certificate of the "signer" key); slot numbers are
    random, so callers select it by label."""
    tokendir = folder / "tokens"
    tokendir.mkdir(parents=True, exist_ok=True)
    conf = folder / "softhsm2.conf"
    conf.write_text(
        f"directories.tokendir = {tokendir}\nobjectstore.backend = file\nlog.level = ERROR\n"
    )
    os.environ["SOFTHSM2_CONF"] = str(conf)
    _run("softhsm2-util", "--init-token", "--free", "--label", TOKEN_LABEL,
         "--pin", TOKEN_PIN, "--so-pin", SO_PIN)  # fmt: skip
    # the key's label differs from the certificate's, as on many CA tokens: matched by ID
    _run("softhsm2-util", "--import", str(pki.key_pem("signer")), "--token", TOKEN_LABEL,
         "--label", "Private key", "--id", "01", "--pin", TOKEN_PIN)  # fmt: skip
    # first, as CA tokens do: the CA's chain (the root without an ID), and someone else's
    # certificate without its key; none of them may be offered for signing
    for label, object_label, cka_id in EXTRA_TOKEN_CERTS:
        _write_cert(folder, pki.cert_der(label), object_label, cka_id)
    _write_cert(folder, pki.cert_der(cert), CERT_LABEL, "01")
    return {"module": SOFTHSM_MODULE, "label": TOKEN_LABEL, "pin": TOKEN_PIN, "so_pin": SO_PIN,
            "cert_label": CERT_LABEL, "conf": conf,
            "other_labels": [label for _cert, label, _id in EXTRA_TOKEN_CERTS]}  # fmt: skip


#: (PKI certificate, object label, CKA_ID) stored on the test token beside the signer's
EXTRA_TOKEN_CERTS = (
    ("root", "Hoso Test Root CA", None),
    ("interm", "Hoso Test Issuing CA", "02"),
    ("other", "Tran Thi Binh (no key)", "03"),
)


def _write_cert(folder: Path, der: bytes, label: str, cka_id: str | None) -> None:
    path = folder / f"{label}.der"
    path.write_bytes(der)
    id_args = ("--id", cka_id) if cka_id else ()
    _run("pkcs11-tool", "--module", str(SOFTHSM_MODULE), "--token-label", TOKEN_LABEL,
         "--login", "--pin", TOKEN_PIN, "--write-object", str(path), "--type", "cert",
         *id_args, "--label", label)  # fmt: skip
