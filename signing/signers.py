"""Signers: a .p12/.pfx file or a PKCS#11 token, wrapped for the façade.

Passwords and PINs are taken from the caller for one call and never stored.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from asn1crypto import keys, x509

from common.errors import InputError
from common.i18n import _
from signing.certs import CertInfo, describe, read_certificate_file


@dataclass
class LoadedSigner:
    """A ready pyHanko signer and the certificate it signs with; close() when done."""

    signer: Any  # pyhanko.sign.signers.Signer
    cert: CertInfo
    source: str  # the .p12 path or "<token label> (<module>)"
    chain: list[x509.Certificate] = field(default_factory=list)
    _closer: Callable[[], None] | None = None
    is_token: bool = False

    def close(self) -> None:
        if self._closer is not None:
            closer, self._closer = self._closer, None
            closer()

    def __enter__(self) -> LoadedSigner:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class WrongCertificatePassword(InputError):
    """The .p12/.pfx file is fine, its password is not: the app asks again."""


def open_p12(path: Path, password: str) -> LoadedSigner:
    """Load a PKCS#12 file; a wrong password is an InputError with a clear message."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.serialization import pkcs12
    from pyhanko.sign.signers import SimpleSigner
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    path = Path(path)
    data = read_certificate_file(path)
    try:
        key, cert, extra = pkcs12.load_key_and_certificates(data, password.encode("utf-8"))
    except ValueError as exc:
        if _is_pkcs12(data):
            raise WrongCertificatePassword(
                _("wrong password for the certificate file (.p12/.pfx)"), path=path
            ) from exc
        raise InputError(_("not a certificate file (.p12/.pfx expected)"), path=path) from exc
    if key is None or cert is None:
        raise InputError(
            _("the certificate file holds no private key and certificate to sign with"), path=path
        )
    der_key = key.private_bytes(
        serialization.Encoding.DER,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    signing_cert = x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))
    chain = [x509.Certificate.load(c.public_bytes(serialization.Encoding.DER)) for c in extra]
    signer = SimpleSigner(
        signing_cert=signing_cert,
        signing_key=keys.PrivateKeyInfo.load(der_key),
        cert_registry=SimpleCertificateStore.from_certs(chain),
    )
    return LoadedSigner(
        signer=signer,
        cert=describe(signing_cert, label=path.name),
        source=str(path),
        chain=chain,
    )


def _is_pkcs12(data: bytes) -> bool:
    """True when the bytes parse as PKCS#12 (so a failure means the password is wrong)."""
    from asn1crypto import pkcs12

    try:
        pfx = pkcs12.Pfx.load(data)
        pfx["auth_safe"]["content_type"].native  # noqa: B018
        return True
    except (ValueError, TypeError, KeyError):
        return False
