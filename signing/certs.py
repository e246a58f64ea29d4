"""What a person needs to know about a certificate before signing with it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from asn1crypto import pem, x509

from common.errors import InputError
from common.i18n import _

SIGNATURE_USAGES = frozenset({"digital_signature", "non_repudiation"})


@dataclass(frozen=True)
class CertInfo:
    """A signer certificate as shown in the certificate picker."""

    subject: str  # common name, or the whole subject when it has none
    subject_full: str
    issuer: str
    serial: str
    not_before: datetime
    not_after: datetime
    key_usage: tuple[str, ...]
    label: str = ""  # the token's object label (PKCS#11) or the file name (.p12)
    is_ca: bool = False  # basicConstraints cA, or allowed to sign certificates

    def validity_problem(self, when: datetime | None = None) -> str | None:
        """Why the certificate cannot sign at `when` (None when it can)."""
        when = when or datetime.now(UTC)
        if when < self.not_before:
            return _("the certificate is not valid yet (valid from {date})").format(
                date=self.not_before.strftime("%d/%m/%Y")
            )
        if when > self.not_after:
            return _("the certificate expired on {date}").format(
                date=self.not_after.strftime("%d/%m/%Y")
            )
        return None

    @property
    def can_sign(self) -> bool:
        """Key usage allows signatures (no key usage extension means no restriction);
        non_repudiation alone is what pyHanko's validation asks of a signer by default."""
        return not self.key_usage or bool(SIGNATURE_USAGES & set(self.key_usage))

    @property
    def for_signing(self) -> bool:
        """A person's signing certificate, not the certificate of a CA (tokens carry those)."""
        return self.can_sign and not self.is_ca


def _common_name(name: x509.Name) -> str:
    native = name.native
    return str(native.get("common_name") or name.human_friendly)


def describe(cert: x509.Certificate, label: str = "") -> CertInfo:
    usage = cert.key_usage_value
    return CertInfo(
        subject=_common_name(cert.subject),
        subject_full=cert.subject.human_friendly,
        issuer=_common_name(cert.issuer),
        serial=format(cert.serial_number, "x"),
        not_before=cert.not_valid_before,
        not_after=cert.not_valid_after,
        key_usage=tuple(sorted(usage.native)) if usage is not None else (),
        label=label,
        is_ca=bool(cert.ca) or (usage is not None and "key_cert_sign" in usage.native),
    )


def check_usable(info: CertInfo, *, allow_invalid_time: bool, path: Path | None = None) -> None:
    """Refuse a certificate that cannot make a signature others will accept."""
    if not info.can_sign:
        raise InputError(
            _(
                "the certificate of {name} is not meant for signatures (no digital signature "
                "key usage); choose another certificate"
            ).format(name=info.subject),
            path=path,
        )
    problem = info.validity_problem()
    if problem and not allow_invalid_time:
        raise InputError(
            _("{problem}; a signature made with it will be reported as invalid").format(
                problem=problem
            ),
            path=path,
        )


def read_certificate_file(path: Path) -> bytes:
    """The bytes of a certificate or .p12 file; an unreadable file is an InputError naming it."""
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise InputError(
            _("cannot read the certificate file: {reason}").format(reason=exc.strerror or exc),
            path=path,
        ) from exc


def load_pem_certificates(path: Path) -> list[x509.Certificate]:
    """Every certificate of a PEM or DER file (a trust store entry added by the user)."""
    data = read_certificate_file(path)
    try:
        if pem.detect(data):
            return [x509.Certificate.load(der) for _type, _hdr, der in pem.unarmor(data, True)]
        cert = x509.Certificate.load(data)
        cert.native  # noqa: B018 - parse now so a broken file fails here
        return [cert]
    except (ValueError, TypeError) as exc:
        raise InputError(_("not a certificate file (PEM or DER expected)"), path=path) from exc
