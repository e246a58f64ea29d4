"""Verification report per signature, with a one-line verdict a citizen can read."""

from __future__ import annotations

import threading
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime
from io import BytesIO
from pathlib import Path
from typing import Any

from common.errors import InputError
from common.i18n import N_, _
from common.progress import ProgressFn, check_cancel, no_progress
from signing.certs import load_pem_certificates
from signing.options import VerifyOptions

# coverage of the signed byte range
COVERAGE_FILE, COVERAGE_REVISION, COVERAGE_UNCLEAR = "whole_file", "earlier_revision", "unclear"
# changes after signing
CHANGES_NONE, CHANGES_ALLOWED, CHANGES_DISALLOWED, CHANGES_UNKNOWN = (
    "none",
    "allowed",
    "disallowed",
    "unknown",
)

# how the revocation status (OCSP/CRL) of the signer's chain was established
REVOCATION_EMBEDDED, REVOCATION_ONLINE, REVOCATION_NOT_CHECKED = (
    "embedded",
    "online",
    "not_checked",
)

_LABELS = {
    COVERAGE_FILE: N_("the whole file"),
    COVERAGE_REVISION: N_("an earlier version of the file"),
    COVERAGE_UNCLEAR: N_("unclear (non-standard byte range)"),
    CHANGES_NONE: N_("none"),
    CHANGES_ALLOWED: N_("allowed (form filling, signatures, timestamps)"),
    CHANGES_DISALLOWED: N_("NOT allowed"),
    CHANGES_UNKNOWN: N_("unknown"),
    REVOCATION_EMBEDDED: N_("checked offline, from the data embedded in the file (B-LT)"),
    REVOCATION_ONLINE: N_("checked, with data fetched online"),
    REVOCATION_NOT_CHECKED: N_("not checked"),
}


def label(code: str) -> str:
    """The user's words for a coverage or change code of a report."""
    return _(_LABELS[code]) if code in _LABELS else code


@dataclass(frozen=True)
class SignatureReport:
    field_name: str
    signer: str | None
    issuer: str | None
    claimed_time: datetime | None
    timestamp_time: datetime | None
    intact: bool
    valid: bool
    trusted: bool
    revoked: bool
    coverage: str
    changes: str
    change_detail: str  # pyHanko's modification level, e.g. FORM_FILLING
    pades_level: str
    certification: bool
    ok: bool
    verdict: str
    error: str | None = None
    revocation: str = REVOCATION_NOT_CHECKED  # how revocation was checked, see REVOCATION_*

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        for key in ("claimed_time", "timestamp_time"):
            value = data[key]
            data[key] = value.isoformat() if value else None
        return data


@dataclass(frozen=True)
class VerifyReport:
    path: Path
    signatures: tuple[SignatureReport, ...] = field(default_factory=tuple)
    document_timestamps: int = 0
    trust_store_used: bool = False

    @property
    def all_ok(self) -> bool:
        return bool(self.signatures) and all(s.ok for s in self.signatures)

    @property
    def verdict(self) -> str:
        if not self.signatures:
            return _("The file has no signature.")
        if self.all_ok:
            return _("All {n} signature(s) are valid.").format(n=len(self.signatures))
        bad = sum(1 for s in self.signatures if not s.ok)
        return _("{bad} of {n} signature(s) have problems.").format(bad=bad, n=len(self.signatures))

    def as_dict(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "ok": self.all_ok,
            "verdict": self.verdict,
            "document_timestamps": self.document_timestamps,
            "trust_store_used": self.trust_store_used,
            "signatures": [s.as_dict() for s in self.signatures],
        }


def _read_dss(reader):
    """The file's Document Security Store (B-LT: certificates, OCSP responses, CRLs), if any."""
    from pyhanko.sign.validation import DocumentSecurityStore

    if "/DSS" not in reader.root:
        return None
    try:
        return DocumentSecurityStore.read_dss(reader)
    except Exception:  # a damaged DSS: validate as if it were absent
        return None


def _validation_context(options: VerifyOptions, dss, revocation_mode: str = "soft-fail"):
    """Soft-fail: a missing OCSP/CRL does not fail the chain, a revoked certificate does.
    "require" asks revocation data for every certificate of the chain: it tells whether
    revocation was really checked. The DSS's data are used offline as well as online."""
    from pyhanko_certvalidator import ValidationContext

    roots = [c for pem in options.trust_roots for c in load_pem_certificates(pem)]
    extra = [c for pem in options.extra_certs for c in load_pem_certificates(pem)]
    kwargs = dict(
        trust_roots=roots,  # an explicit list: never the operating system's store
        other_certs=extra,
        moment=options.at,
        best_signature_time=options.at,
        allow_fetching=options.allow_fetching,
        revocation_mode=revocation_mode,
    )
    if dss is None:
        return ValidationContext(**kwargs)
    # the DSS's responses were fetched just after signing: valid even if newer than `moment`
    return dss.as_validation_context({**kwargs, "retroactive_revinfo": True})


def _open_reader(path: Path, data: bytes, password: str | None):
    from pyhanko.pdf_utils.crypt import AuthStatus
    from pyhanko.pdf_utils.reader import PdfFileReader

    try:
        reader = PdfFileReader(BytesIO(data), strict=False)
        encrypted = reader.encrypted
    except Exception as exc:  # the PDF parser's many errors all mean "unreadable"
        raise InputError(_("not a readable PDF file"), path=path, details=repr(exc)) from exc
    if encrypted:
        if password is None:
            raise InputError(
                _("the PDF is protected by a password; give the password to check it"), path=path
            )
        try:
            result = reader.decrypt(password)
        except Exception as exc:
            raise InputError(
                _("the PDF is encrypted in a way that cannot be opened here"), path=path
            ) from exc
        if result.status == AuthStatus.FAILED:
            raise InputError(_("wrong password for the PDF"), path=path)
    return reader


def _coverage(status) -> str:
    from pyhanko.sign.validation.status import SignatureCoverageLevel as Cov

    if status.coverage == Cov.ENTIRE_FILE:
        return COVERAGE_FILE
    if status.coverage == Cov.ENTIRE_REVISION:
        return COVERAGE_REVISION
    return COVERAGE_UNCLEAR


def _changes(status) -> tuple[str, str]:
    from pyhanko.sign.diff_analysis import ModificationLevel

    level = status.modification_level
    detail = level.name if level is not None else ""
    if level is None:
        return CHANGES_UNKNOWN, detail
    if level == ModificationLevel.NONE:
        return CHANGES_NONE, detail
    if level == ModificationLevel.OTHER or status.docmdp_ok is False:
        return CHANGES_DISALLOWED, detail
    return CHANGES_ALLOWED, detail


def _pades_level(sig, status, reader, later_doc_timestamp: bool) -> str:
    subfilter = str(sig.sig_object.get("/SubFilter", ""))
    if subfilter != "/ETSI.CAdES.detached":
        return "PKCS#7"
    if status is None or status.timestamp_validity is None:
        return "B-B"
    if "/DSS" not in reader.root:
        return "B-T"
    return "B-LTA" if later_doc_timestamp else "B-LT"


def _verdict(
    signer: str,
    *,
    intact: bool,
    valid: bool,
    coverage: str,
    changes: str,
    trusted: bool,
    trust_store: bool,
    weak_algorithm: bool,
    revoked: bool,
) -> tuple[bool, str]:
    """(overall OK, one-line verdict): the most serious problem wins."""
    if not intact:
        return False, _("INVALID: the document was changed after {signer} signed it").format(
            signer=signer
        )
    if not valid:
        return False, _("INVALID: the signature of {signer} is not cryptographically valid").format(
            signer=signer
        )
    if revoked:
        return False, _("INVALID: the certificate of {signer} was revoked by its CA").format(
            signer=signer
        )
    if weak_algorithm:
        return False, _(
            "NOT OK: the signature of {signer} uses an algorithm that is no longer allowed"
        ).format(signer=signer)
    if coverage == COVERAGE_UNCLEAR:
        return False, _(
            "NOT OK: the signature of {signer} does not cover the file in the standard way"
        ).format(signer=signer)
    if changes == CHANGES_DISALLOWED:
        return False, _(
            "NOT OK: changes that are not allowed were made after {signer} signed"
        ).format(signer=signer)
    if trusted:
        return True, _("Valid signature of {signer}; the certificate is trusted").format(
            signer=signer
        )
    if trust_store:
        return False, _(
            "Signature of {signer} is intact, but the certificate is not trusted "
            "(root not in the trust list, or missing intermediate/revocation data)"
        ).format(signer=signer)
    return True, _(
        "Valid signature of {signer} (certificate trust not checked: no trust list given)"
    ).format(signer=signer)


def _validate(sig, vc):
    from pyhanko.sign.validation import KeyUsageConstraints, validate_pdf_signature

    return validate_pdf_signature(
        sig,
        signer_validation_context=vc,
        ts_validation_context=vc,
        key_usage_settings=KeyUsageConstraints(
            key_usage={"digital_signature", "non_repudiation"}, match_all_key_usages=False
        ),
    )


def _revocation_check(sig, status, options: VerifyOptions, dss) -> str:
    """How the revocation of the signer's chain (and the timestamp's) was established: from
    the file's own DSS without network first, then with fetching when it is allowed."""
    offline = replace(options, allow_fetching=False)
    if status.revoked:
        if not options.allow_fetching:
            return REVOCATION_EMBEDDED
        embedded = dss is not None and _validate_or_none(sig, offline, dss, "soft-fail")
        return REVOCATION_EMBEDDED if embedded and embedded.revoked else REVOCATION_ONLINE
    if not status.trusted:
        return REVOCATION_NOT_CHECKED  # no chain to a trusted root: nothing to check against
    attempts = [(offline, REVOCATION_EMBEDDED)] if dss is not None else []
    if options.allow_fetching:
        attempts.append((options, REVOCATION_ONLINE))
    for attempt, code in attempts:
        strict = _validate_or_none(sig, attempt, dss, "require")  # data for every certificate
        if strict and (strict.trusted or strict.revoked):
            return code
    return REVOCATION_NOT_CHECKED


def _validate_or_none(sig, options: VerifyOptions, dss, revocation_mode: str):
    try:
        return _validate(sig, _validation_context(options, dss, revocation_mode))
    except Exception:  # the main validation already reported what is wrong
        return None


def _report_one(
    sig, reader, options: VerifyOptions, vc, later_doc_ts: bool, dss=None
) -> SignatureReport:
    field_name = str(sig.field_name or "")
    certification = sig.docmdp_level is not None and "/Reference" in sig.sig_object
    try:
        cert = sig.signer_cert
        signer = str(cert.subject.native.get("common_name") or cert.subject.human_friendly)
        issuer = str(cert.issuer.native.get("common_name") or cert.issuer.human_friendly)
    except Exception:
        signer, issuer = None, None
    try:
        status = _validate(sig, vc)
    except Exception as exc:  # malformed CMS, disallowed algorithms: a verdict, not a crash
        reason = str(exc) or exc.__class__.__name__
        return SignatureReport(
            field_name=field_name, signer=signer, issuer=issuer,
            claimed_time=_safe(lambda: sig.self_reported_timestamp), timestamp_time=None,
            intact=False, valid=False, trusted=False, revoked=False, coverage=COVERAGE_UNCLEAR,
            changes=CHANGES_UNKNOWN, change_detail="", pades_level=_pades_level(
                sig, None, reader, later_doc_ts),
            certification=certification, ok=False,
            verdict=_("INVALID: the signature cannot be checked ({reason})").format(
                reason=reason),
            error=reason,
        )  # fmt: skip
    coverage = _coverage(status)
    changes, detail = _changes(status)
    name = signer or _("unknown signer")
    ok, verdict = _verdict(
        name,
        intact=status.intact,
        valid=status.valid,
        coverage=coverage,
        changes=changes,
        trusted=status.trusted,
        trust_store=bool(options.trust_roots),
        weak_algorithm=_weak_algorithm(status),
        revoked=status.revoked,
    )
    ts = status.timestamp_validity
    return SignatureReport(
        field_name=field_name,
        signer=signer,
        issuer=issuer,
        claimed_time=status.signer_reported_dt,
        timestamp_time=ts.timestamp if ts is not None else None,
        intact=status.intact,
        valid=status.valid,
        trusted=status.trusted,
        revoked=status.revoked,
        coverage=coverage,
        changes=changes,
        change_detail=detail,
        pades_level=_pades_level(sig, status, reader, later_doc_ts),
        certification=certification,
        ok=ok,
        verdict=verdict,
        revocation=_revocation_check(sig, status, options, dss),
    )


def _weak_algorithm(status) -> bool:
    indication = status.trust_problem_indic
    return indication is not None and indication.name == "CRYPTO_CONSTRAINTS_FAILURE"


def _safe(fn):
    try:
        return fn()
    except Exception:
        return None


def verify(
    pdf: Path,
    options: VerifyOptions = VerifyOptions(),  # noqa: B008 - frozen, shared safely
    progress: ProgressFn = no_progress,
    cancel: threading.Event | None = None,
) -> VerifyReport:
    """Check every signature of `pdf`; unreadable files raise InputError."""
    pdf = Path(pdf)
    try:
        data = pdf.read_bytes()
    except OSError as exc:
        raise InputError(
            _("cannot read the file: {reason}").format(reason=exc.strerror or exc), path=pdf
        ) from exc
    reader = _open_reader(pdf, data, options.pdf_password)
    try:
        signatures = list(reader.embedded_regular_signatures)
        doc_timestamps = list(reader.embedded_timestamp_signatures)
    except Exception as exc:
        raise InputError(
            _("the signatures of the PDF cannot be read"), path=pdf, details=repr(exc)
        ) from exc
    ts_revisions = [_safe(lambda t=t: t.signed_revision) for t in doc_timestamps]
    last_doc_ts = max((r for r in ts_revisions if r is not None), default=-1)
    dss = _read_dss(reader)
    vc = _validation_context(options, dss)
    reports = []
    for i, sig in enumerate(signatures):
        check_cancel(cancel)
        progress(i, len(signatures), _("Checking signature {n}").format(n=i + 1))
        revision = _safe(lambda s=sig: s.signed_revision)
        later_doc_ts = revision is not None and last_doc_ts > revision
        reports.append(_report_one(sig, reader, options, vc, later_doc_ts, dss))
    progress(len(signatures), len(signatures), _("Checked"))
    return VerifyReport(
        path=pdf,
        signatures=tuple(reports),
        document_timestamps=len(doc_timestamps),
        trust_store_used=bool(options.trust_roots),
    )


@dataclass(frozen=True)
class QuickInfo:
    """What a file list shows without checking anything."""

    signatures: int = 0
    encrypted: bool = False
    readable: bool = True
    empty_fields: tuple[str, ...] = ()  # signature fields waiting for a signature


def quick_info(pdf: Path) -> QuickInfo:
    """Signature count and encryption of a PDF, cheaply (never raises)."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    try:
        with open(pdf, "rb") as fh:
            reader = PdfFileReader(fh, strict=False)
            if reader.encrypted:
                return QuickInfo(encrypted=True)
            from pyhanko.sign.fields import enumerate_sig_fields

            empty = tuple(
                str(name)
                for name, _value, _ref in enumerate_sig_fields(reader, filled_status=False)
            )
            return QuickInfo(signatures=len(reader.embedded_regular_signatures), empty_fields=empty)
    except Exception:  # unreadable files show as such in lists; signing explains later
        return QuickInfo(readable=False)
