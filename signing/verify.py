"""Verification report per signature: what changed after signing, and a verdict that says why.

For every signature: the version of the file it covers, then every later version's changes in
words (pyHanko's difference analysis plus the project's own comparison of pages, fields and
annotations, see signing.changes). Three levels: valid and unchanged since signing (archival
data such as DSS or document timestamps do not count, nor changes a later valid signature
covers); valid but changed after signing (form filling: said what); invalid. The reasons are
listed in a fixed order: integrity, changes, trust, algorithm, revocation. A claim that was not
checked is reported as such (None), never as "no".
"""

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
from signing import changes as chg
from signing.certs import load_pem_certificates
from signing.options import VerifyOptions
from signing.revisions import revision_ends, signed_bytes

# coverage of the signed byte range
COVERAGE_FILE, COVERAGE_REVISION, COVERAGE_UNCLEAR = "whole_file", "earlier_revision", "unclear"
COVERAGE_UNKNOWN = "not_checked"  # the signature could not be read
# changes after signing
CHANGES_NONE, CHANGES_ALLOWED, CHANGES_DISALLOWED, CHANGES_UNKNOWN = (
    "none",
    "allowed",
    "disallowed",
    "unknown",
)
# verdict levels
LEVEL_UNCHANGED, LEVEL_CHANGED, LEVEL_INVALID = "valid_unchanged", "valid_changed", "invalid"
# kinds of problem, in the order they are reported
PROBLEM_ORDER = ("integrity", "changes", "trust", "algorithm", "revocation")

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
    COVERAGE_UNKNOWN: N_("could not be checked"),
    CHANGES_NONE: N_("none"),
    CHANGES_ALLOWED: N_("allowed (form filling, signatures, timestamps)"),
    CHANGES_DISALLOWED: N_("NOT allowed"),
    CHANGES_UNKNOWN: N_("could not be checked"),
    REVOCATION_EMBEDDED: N_("checked offline, from the data embedded in the file (B-LT)"),
    REVOCATION_ONLINE: N_("checked, with data fetched online"),
    REVOCATION_NOT_CHECKED: N_("not checked"),
    LEVEL_UNCHANGED: N_("valid, unchanged since signing"),
    LEVEL_CHANGED: N_("valid, but changed after signing"),
    LEVEL_INVALID: N_("INVALID"),
}

_WEAK_DIGESTS = {"md2", "md5", "sha1"}
_DIGESTS = {
    "md5", "sha1", "sha224", "sha256", "sha384", "sha512", "sha512_224", "sha512_256",
    "sha3_224", "sha3_256", "sha3_384", "sha3_512", "shake128", "shake256",
}  # fmt: skip
MIN_RSA_BITS = 2048
MIN_EC_BITS = 256


def label(code: str) -> str:
    """The user's words for a coverage, change, revocation or level code of a report."""
    return _(_LABELS[code]) if code in _LABELS else code


def checked(value: bool | None) -> str:
    """yes / no / could not be checked."""
    if value is None:
        return _("could not be checked")
    return _("yes") if value else _("no")


@dataclass(frozen=True)
class Problem:
    kind: str  # one of PROBLEM_ORDER
    text: str  # the cause, in the user's words

    def as_dict(self) -> dict[str, str]:
        return {"kind": self.kind, "text": self.text}


@dataclass(frozen=True)
class RevisionChanges:
    """One version saved after a signature, and what it changed compared with the one before."""

    version: int  # 1-based: version 1 is the file as first saved
    changes: tuple[chg.Change, ...]
    archival_only: bool  # only DSS / document timestamps / no visible change at all
    covered_by: str | None = None  # signer of a later valid signature covering this version

    def as_dict(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "archival_only": self.archival_only,
            "covered_by": self.covered_by,
            "changes": [c.as_dict() for c in self.changes],
        }


@dataclass(frozen=True)
class SignatureReport:
    field_name: str
    signer: str | None
    issuer: str | None
    claimed_time: datetime | None
    timestamp_time: datetime | None
    intact: bool | None  # None: could not be checked
    valid: bool | None
    trusted: bool | None  # None: no trust list given, or the signature could not be read
    revoked: bool
    coverage: str
    changes: str
    change_detail: str  # pyHanko's modification level, e.g. FORM_FILLING
    pades_level: str
    certification: bool
    ok: bool
    verdict: str
    error: str | None = None  # the cause when the signature could not be read, in words
    revocation: str = REVOCATION_NOT_CHECKED  # how revocation was checked, see REVOCATION_*
    level: str = LEVEL_INVALID
    problems: tuple[Problem, ...] = ()
    notes: tuple[str, ...] = ()  # facts worth knowing that are not problems
    signed_version: int | None = None  # 1-based version of the file the signature covers
    versions: int | None = None  # versions of the whole file
    later: tuple[RevisionChanges, ...] = ()
    cert_valid_from: datetime | None = None
    cert_valid_to: datetime | None = None
    algorithm: str = ""  # e.g. "RSA 2048 bit, SHA-256"

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        for key in ("claimed_time", "timestamp_time", "cert_valid_from", "cert_valid_to"):
            value = getattr(self, key)
            data[key] = value.isoformat() if value else None
        data["problems"] = [p.as_dict() for p in self.problems]
        data["later"] = [r.as_dict() for r in self.later]
        data["notes"] = list(self.notes)
        return data


@dataclass(frozen=True)
class VerifyReport:
    path: Path
    signatures: tuple[SignatureReport, ...] = field(default_factory=tuple)
    document_timestamps: int = 0
    trust_store_used: bool = False
    repaired: bool = False  # the file was damaged and read after repairing it
    versions: int = 1

    @property
    def all_ok(self) -> bool:
        return bool(self.signatures) and all(s.ok for s in self.signatures)

    @property
    def verdict(self) -> str:
        if not self.signatures:
            return _("The file has no signature.")
        count = len(self.signatures)
        if self.all_ok:
            if count == 1:
                return _("The signature is valid.")
            return _("All {n} signatures are valid.").format(n=count)
        if count == 1:
            return _("The signature has problems.")
        bad = sum(1 for s in self.signatures if not s.ok)
        return _("{bad} of {n} signatures have problems.").format(bad=bad, n=count)

    @property
    def notes(self) -> tuple[str, ...]:
        if not self.repaired:
            return ()
        return (
            _(
                "The file was damaged: it was repaired to be read, so its signatures could not "
                "be checked against the bytes they cover."
            ),
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "ok": self.all_ok,
            "verdict": self.verdict,
            "repaired": self.repaired,
            "notes": list(self.notes),
            "versions": self.versions,
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
    """pyHanko's reader of `data`, or of a repaired copy: (reader, bytes read, repaired)."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    try:
        reader = PdfFileReader(BytesIO(data), strict=False)
        encrypted = reader.encrypted
        repaired = False
    except Exception as exc:  # the PDF parser's many errors all mean "unreadable"
        data = _repaired_copy(path, data, exc)
        reader = PdfFileReader(BytesIO(data), strict=False)
        encrypted, repaired = False, True
    if encrypted:
        _decrypt(reader, path, password)
    return reader, data, repaired


def _repaired_copy(path: Path, data: bytes, cause: Exception) -> bytes:
    """The file as MuPDF rebuilds it (cross-reference table repaired), as forms open it."""
    import pymupdf

    unreadable = InputError(_("not a readable PDF file"), path=path, details=repr(cause))
    try:
        pymupdf.TOOLS.mupdf_display_errors(False)
        with pymupdf.open(stream=data, filetype="pdf") as doc:
            if doc.page_count < 1 or doc.needs_pass:
                raise unreadable
            repaired = doc.tobytes(garbage=0)
        from pyhanko.pdf_utils.reader import PdfFileReader

        PdfFileReader(BytesIO(repaired), strict=False).root  # noqa: B018 - must parse
    except InputError:
        raise
    except Exception as exc:
        raise unreadable from exc
    return repaired


def _decrypt(reader, path: Path, password: str | None) -> None:
    from pyhanko.pdf_utils.crypt import AuthStatus

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


def _modification(status) -> tuple[str, str]:
    """(change code, pyHanko's level name) from pyHanko's difference analysis."""
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


def _coverage(status) -> str:
    from pyhanko.sign.validation.status import SignatureCoverageLevel as Cov

    if status.coverage == Cov.ENTIRE_FILE:
        return COVERAGE_FILE
    if status.coverage == Cov.ENTIRE_REVISION:
        return COVERAGE_REVISION
    return COVERAGE_UNCLEAR


def _pades_level(sig, status, reader, later_doc_timestamp: bool) -> str:
    subfilter = str(sig.sig_object.get("/SubFilter", ""))
    if subfilter != "/ETSI.CAdES.detached":
        return "PKCS#7"
    if status is None or status.timestamp_validity is None:
        return "B-B"
    if "/DSS" not in reader.root:
        return "B-T"
    return "B-LTA" if later_doc_timestamp else "B-LT"


# --- reading the signatures one by one (one damaged signature does not hide the others) ---


@dataclass
class _Entry:
    field_name: str
    sig: Any = None  # pyHanko's EmbeddedPdfSignature
    unreadable: str | None = None  # why it could not be read, in words
    revision: int | None = None  # 0-based revision the signature covers
    status: Any = None
    sound: bool = False  # intact, valid, standard coverage, no disallowed change after it
    signer: str | None = None


def _collect(reader, path: Path) -> tuple[list[_Entry], list[Any]]:
    """Regular signatures (readable or not) and document timestamps, in signing order."""
    from pyhanko.sign.fields import enumerate_sig_fields
    from pyhanko.sign.validation.pdf_embedded import EmbeddedPdfSignature

    entries: list[_Entry] = []
    timestamps: list[Any] = []
    try:
        fields = list(enumerate_sig_fields(reader, filled_status=True))
    except Exception as exc:
        raise InputError(
            _("the list of form fields of the PDF is damaged, so its signatures cannot be found"),
            path=path,
            details=repr(exc),
        ) from exc
    for name, _value, sig_field in fields:
        entry = _Entry(field_name=str(name or ""))
        try:
            emb = EmbeddedPdfSignature(reader, sig_field, name)
        except Exception as exc:
            entry.unreadable = _unreadable_cause(exc, None)
            entries.append(entry)
            continue
        if emb.sig_object_type == "/DocTimeStamp":
            timestamps.append(emb)
            continue
        entry.sig, entry.revision = emb, emb.signed_revision
        entry.signer = _safe(lambda e=emb: _name(e.signer_cert.subject))
        entries.append(entry)
    entries.sort(key=lambda e: (e.revision is None, e.revision or 0))
    return entries, timestamps


def _name(name) -> str:
    return str(name.native.get("common_name") or name.human_friendly)


def _digest_name(sig) -> str:
    return str(_safe(lambda: sig.signer_info["digest_algorithm"]["algorithm"].native) or "")


def _signature_algorithm_label(name: str) -> str:
    """asn1crypto's sha256_rsa -> "SHA-256 with RSA", a name people can look up."""
    digest, _sep, key = name.partition("_")
    if not key:
        return name.upper()
    return f"{_digest_label(digest)} + {key.upper()}"


def _unreadable_cause(exc: Exception, sig) -> str:
    """Why a signature could not be read or checked, in words (never the library's text)."""
    digest = _digest_name(sig) if sig is not None else ""
    if digest and digest.lower() not in _DIGESTS:
        from asn1crypto import algos

        oid = _safe(lambda: sig.signer_info["digest_algorithm"]["algorithm"].dotted) or digest
        known = algos.SignedDigestAlgorithmId._map.get(oid)
        what = f"{oid} ({_signature_algorithm_label(known)})" if known else oid
        return _(
            "the signature names {algorithm} as its digest algorithm, which is not a digest "
            "algorithm (it is a signature algorithm or unknown); the signature is malformed"
        ).format(algorithm=what)
    module = type(exc).__module__ or ""
    name = type(exc).__name__
    if module.startswith("pyhanko.pdf_utils") or name in ("PdfReadError", "PdfStrictReadError"):
        return _(
            "the signature's data cannot be read: the structure of the file around it is damaged"
        )
    if module.startswith("asn1crypto") or isinstance(exc, (ValueError, TypeError, KeyError)):
        return _("the signature's content is malformed (it does not follow the CMS format)")
    if name in ("SignatureValidationError", "WeakHashAlgorithmError", "DisallowedAlgorithmError"):
        return _("the signature does not follow the rules of PDF signatures and cannot be checked")
    return _("the signature is in a form this app cannot check")


# --- the versions saved after each signature ---


def _version_changes(
    reader, data: bytes, first: int, timestamps, entries, password: str | None = None
) -> dict[int, RevisionChanges]:
    """Revision (0-based) -> its changes compared with the revision before, from `first` + 1."""
    ends = revision_ends(reader, data)
    ts_fields = {str(t.field_name): _safe(lambda t=t: t.signed_revision) for t in timestamps}
    signed_in: dict[int, list[_Entry]] = {}
    for entry in entries:
        if entry.revision is not None:
            signed_in.setdefault(entry.revision, []).append(entry)
    result: dict[int, RevisionChanges] = {}
    for revision in range(first + 1, len(ends)):
        try:
            found = chg.compare(data[: ends[revision - 1]], data[: ends[revision]], password)
        except Exception:  # a version MuPDF cannot open: say so, never claim "no change"
            found = [chg.Change("unknown", _("the changes of this version could not be read"))]
        found = [_as_timestamp(c, revision, ts_fields) for c in found]
        found += _unseen_signatures(found, signed_in.get(revision, []), revision, ts_fields)
        level = _revision_level(reader, revision)
        archival = all(c.kind in chg.ARCHIVAL_KINDS for c in found) and level <= 1
        if not found and not archival:
            found = [chg.Change("hidden", _("form data changed that is not shown on any page"))]
        result[revision] = RevisionChanges(
            version=revision + 1, changes=tuple(found), archival_only=archival
        )
    return result


def _unseen_signatures(found, entries, revision: int, ts_fields: dict) -> list[chg.Change]:
    """Signatures and timestamps of this revision that show on no page (invisible ones)."""
    seen = {c.field for c in found if c.kind in (chg.SIGNATURE_ADDED, chg.SECURITY_DATA)}
    extra = [
        chg.Change(
            chg.SIGNATURE_ADDED,
            _("a signature was added (field {field})").format(field=e.field_name),
            field=e.field_name,
        )
        for e in entries
        if e.field_name not in seen
    ]
    for name, ts_revision in ts_fields.items():
        if ts_revision == revision and name not in seen:
            extra.append(
                chg.Change(chg.SECURITY_DATA, _("a document timestamp was added"), field=name)
            )
    return extra


def _as_timestamp(change: chg.Change, revision: int, ts_fields: dict) -> chg.Change:
    if change.kind == chg.SIGNATURE_ADDED and ts_fields.get(change.field or "") == revision:
        return replace(change, kind=chg.SECURITY_DATA, text=_("a document timestamp was added"))
    return change


def _revision_level(reader, revision: int) -> int:
    """pyHanko's modification level (0 none ... 4 other) of one revision against the one before."""
    from pyhanko.sign.diff_analysis import DEFAULT_DIFF_POLICY

    try:
        result = DEFAULT_DIFF_POLICY.apply(
            reader.get_historical_resolver(revision - 1),
            reader.get_historical_resolver(revision),
        )
        return int(result.modification_level.value)
    except Exception:  # SuspiciousModification and malformed revisions alike
        return 4


FORBIDDEN_KINDS = frozenset(
    {
        chg.PAGE_ADDED, chg.PAGE_REMOVED, chg.PAGE_CONTENT, chg.FIELD_ADDED, chg.FIELD_REMOVED,
        chg.ANNOTATION_ADDED, chg.ANNOTATION_REMOVED, chg.ANNOTATION_CHANGED, "unknown",
    }
)  # fmt: skip


def _later(entry: _Entry, versions: dict[int, RevisionChanges], entries) -> list[RevisionChanges]:
    """The versions saved after `entry` was signed, each with the later signature covering it."""
    later = []
    for revision in sorted(
        r for r in versions if entry.revision is not None and r > entry.revision
    ):
        cover = next(
            (
                other.signer or other.field_name
                for other in entries
                if other is not entry and other.sound and (other.revision or -1) >= revision
            ),
            None,
        )
        later.append(replace(versions[revision], covered_by=cover))
    return later


def _forbidden(later: list[RevisionChanges]) -> list[chg.Change]:
    return [c for v in later for c in v.changes if c.kind in FORBIDDEN_KINDS]


def _uncovered(later: list[RevisionChanges]) -> list[chg.Change]:
    return [
        c
        for v in later
        if not v.archival_only and v.covered_by is None
        for c in v.changes
        if c.kind not in chg.ARCHIVAL_KINDS
    ]


def _listing(found: list[chg.Change], limit: int = 4) -> str:
    texts = [c.text for c in found[:limit]]
    if len(found) > limit:
        texts.append(_("and {n} more").format(n=len(found) - limit))
    return "; ".join(texts)


# --- one signature ---


def _cert_validity(cert) -> tuple[datetime | None, datetime | None]:
    validity = _safe(lambda: cert["tbs_certificate"]["validity"])
    if validity is None:
        return None, None
    return _safe(lambda: validity["not_before"].native), _safe(lambda: validity["not_after"].native)


def _key_description(cert) -> tuple[str, int | None]:
    """("RSA", 2048) for the signer's public key."""
    key = _safe(lambda: cert.public_key)
    if key is None:
        return "", None
    algorithm = str(_safe(lambda: key.algorithm) or "").upper()
    return algorithm, _safe(lambda: int(key.bit_size))


def _algorithm_text(sig) -> str:
    algorithm, bits = _key_description(sig.signer_cert)
    digest = _digest_label(_digest_name(sig))
    key = f"{algorithm} {bits} bit" if bits else algorithm
    return ", ".join(p for p in (key, digest) if p)


def _digest_label(name: str) -> str:
    """sha256 -> SHA-256, sha3_256 -> SHA3-256, md5 -> MD5."""
    name = name.upper()
    if name.startswith("SHA3_"):
        return "SHA3-" + name[5:]
    if name.startswith("SHA") and name[3:4].isdigit():
        return "SHA-" + name[3:].replace("_", "/")
    return name


def _algorithm_problem(sig, status) -> Problem | None:
    """A key too short or a broken digest, named; pyHanko's refusal otherwise."""
    algorithm, bits = _key_description(sig.signer_cert)
    digest = _digest_name(sig).lower()
    text = None
    if algorithm == "RSA" and bits and bits < MIN_RSA_BITS:
        text = _("the signer's RSA key is only {bits} bits long; at least {min} bits are required")
        text = text.format(bits=bits, min=MIN_RSA_BITS)
    elif algorithm == "EC" and bits and bits < MIN_EC_BITS:
        text = _("the signer's elliptic-curve key is only {bits} bits long; at least {min} bits "
                 "are required").format(bits=bits, min=MIN_EC_BITS)  # fmt: skip
    elif digest in _WEAK_DIGESTS:
        text = _("the signature uses the digest algorithm {digest}, which is no longer safe"
                 ).format(digest=_digest_label(digest))  # fmt: skip
    elif _weak_algorithm(status):
        text = _(
            "the algorithms of the signature ({algorithms}) are not allowed together by the "
            "current rules"
        ).format(algorithms=_algorithm_text(sig))
    return Problem("algorithm", text) if text else None


def _fmt(moment: datetime | None) -> str:
    return moment.strftime("%d/%m/%Y %H:%M") if moment else "—"


def _time_problems(start, end, claimed, stamped) -> tuple[list[Problem], list[str]]:
    """The certificate's validity against the signing time (timestamp first, else claimed)."""
    problems: list[Problem] = []
    notes: list[str] = []
    if start is None or end is None:
        return problems, [_("the certificate's validity period could not be read")]
    span = _("valid from {start} to {end}").format(start=_fmt(start), end=_fmt(end))
    moment, proven = (stamped, True) if stamped else (claimed, False)
    if moment is None:
        notes.append(
            _("the signing time is not known; the certificate is {span}").format(span=span)
        )
        return problems, notes
    if moment > end or moment < start:
        when = _("expired") if moment > end else _("not yet valid")
        if proven:
            text = _("the certificate was {when} at the time proven by the timestamp ({time}); "
                     "it is {span}")  # fmt: skip
        else:
            text = _("the certificate was {when} at the signing time the signer claims ({time}); "
                     "it is {span}")  # fmt: skip
        problems.append(Problem("trust", text.format(when=when, time=_fmt(moment), span=span)))
        return problems, notes
    if proven:
        notes.append(
            _(
                "the timestamp ({time}) proves the signature was made while the "
                "certificate was valid ({span})"
            ).format(time=_fmt(moment), span=span)
        )
    else:
        notes.append(
            _(
                "the signing time ({time}) is the signer's own claim, not proven by a "
                "timestamp; the certificate is {span}"
            ).format(time=_fmt(moment), span=span)
        )
    if claimed and stamped and abs((claimed - stamped).total_seconds()) > 3600:
        notes.append(_("the signer's claimed time ({claimed}) differs from the timestamp ({time})"
                       ).format(claimed=_fmt(claimed), time=_fmt(stamped)))  # fmt: skip
    return problems, notes


_TRUST_TEXT = {
    "EXPIRED": N_("the certificate of {signer} has expired and nothing proves the signature was "
                  "made before (no timestamp, no long-term validation data)"),
    "NOT_YET_VALID": N_("the certificate of {signer} is not yet valid"),
    "NO_CERTIFICATE_CHAIN_FOUND": N_("the certificate of {signer} does not lead to a root in the "
                                     "trust list (root not trusted, or an intermediate "
                                     "certificate is missing)"),
}  # fmt: skip


def _trust_problem(status, signer: str, trust_store: bool) -> Problem | None:
    if status.trusted or status.revoked or _weak_algorithm(status) or not trust_store:
        return None
    indication = status.trust_problem_indic
    name = indication.name if indication is not None else ""
    template = _TRUST_TEXT.get(
        name,
        N_("the certificate of {signer} is not trusted (root not in the trust list, or missing "
           "intermediate or revocation data)"),
    )  # fmt: skip
    return Problem("trust", _(template).format(signer=signer))


def _integrity_problems(status, signer: str, coverage: str) -> list[Problem]:
    problems = []
    if not status.intact:
        problems.append(Problem("integrity", _(
            "the signed content no longer matches the signature: the file was altered after "
            "{signer} signed it").format(signer=signer)))  # fmt: skip
    elif not status.valid:
        problems.append(Problem("integrity", _(
            "the signature value does not match the certificate of {signer} (cryptographically "
            "invalid)").format(signer=signer)))  # fmt: skip
    if coverage == COVERAGE_UNCLEAR:
        problems.append(Problem("integrity", _(
            "the signature does not cover the file in the standard way (unusual signed byte "
            "range), so parts of the file are not protected")))  # fmt: skip
    return problems


def _change_problems(changes: str, later: list[RevisionChanges]) -> list[Problem]:
    forbidden = _forbidden(later)
    if changes == CHANGES_DISALLOWED or forbidden:
        shown = forbidden or [
            c for v in later for c in v.changes if c.kind not in chg.ARCHIVAL_KINDS
        ]
        what = _listing(shown) if shown else _("they do not show on the pages")
        if not forbidden and shown:
            what += "; " + _("and changes to the file's structure that are not allowed")
        text = _("changes that are not allowed were made after signing: {what}")
        return [Problem("changes", text.format(what=what))]
    if changes == CHANGES_UNKNOWN:
        return [Problem("changes", _("the changes after signing could not be checked"))]
    uncovered = _uncovered(later)
    if uncovered:
        text = _("changed after signing, and no later signature covers it: {what}")
        return [Problem("changes", text.format(what=_listing(uncovered)))]
    return []


def _level(problems: list[Problem], changes: str, later: list[RevisionChanges]) -> str:
    if not problems:
        return LEVEL_UNCHANGED
    only_changes = all(p.kind == "changes" for p in problems)
    if only_changes and changes == CHANGES_ALLOWED and not _forbidden(later):
        return LEVEL_CHANGED
    return LEVEL_INVALID


def _verdict(level: str, signer: str, problems, later, trusted: bool | None) -> str:
    if level == LEVEL_INVALID:
        text = _("INVALID: {reason}").format(reason=problems[0].text)
        if len(problems) > 1:
            text += " " + _("(and {n} more problem(s))").format(n=len(problems) - 1)
        return text
    if level == LEVEL_CHANGED:
        return _("Signature of {signer} is valid, but the file was changed after signing: "
                 "{what}").format(signer=signer, what=_listing(_uncovered(later), 2))  # fmt: skip
    if trusted:
        text = _("Valid signature of {signer}, unchanged since signing; the certificate is trusted")
    else:
        text = _("Valid signature of {signer}, unchanged since signing (certificate trust not "
                 "checked: no trust list given)")  # fmt: skip
    text = text.format(signer=signer)
    covering = sorted({v.covered_by for v in later if v.covered_by and not v.archival_only})
    if covering:
        text += "; " + _("the later changes were signed by {names}").format(
            names=", ".join(covering)
        )
    return text


def _unreadable_report(
    entry: _Entry, cause: str, versions: int, reader, later_ts
) -> SignatureReport:
    sig = entry.sig
    problem = Problem("integrity", cause)
    start, end = _cert_validity(sig.signer_cert) if sig is not None else (None, None)
    return SignatureReport(
        field_name=entry.field_name, signer=entry.signer,
        issuer=_safe(lambda: _name(sig.signer_cert.issuer)) if sig is not None else None,
        claimed_time=_safe(lambda: sig.self_reported_timestamp) if sig is not None else None,
        timestamp_time=None, intact=None, valid=None, trusted=None, revoked=False,
        coverage=COVERAGE_UNKNOWN, changes=CHANGES_UNKNOWN, change_detail="",
        pades_level=_pades_level(sig, None, reader, later_ts) if sig is not None else "",
        certification=False, ok=False,
        verdict=_("INVALID: {reason}").format(reason=cause), error=cause,
        level=LEVEL_INVALID, problems=(problem,),
        signed_version=entry.revision + 1 if entry.revision is not None else None,
        versions=versions, cert_valid_from=start, cert_valid_to=end,
        algorithm=_safe(lambda: _algorithm_text(sig)) or "" if sig is not None else "",
    )  # fmt: skip


def _report_one(
    entry: _Entry, ctx: _Context, versions: dict[int, RevisionChanges], entries
) -> SignatureReport:
    sig, status, reader = entry.sig, entry.status, ctx.reader
    revision = entry.revision if entry.revision is not None else -1
    later_ts = ctx.last_doc_ts > revision
    if ctx.repaired:  # the bytes it signed are not those read: nothing can be claimed
        cause = _("the file had to be repaired to be read, so this signature cannot be checked")
        return _unreadable_report(entry, cause, ctx.versions, reader, later_ts)
    if entry.unreadable is not None or status is None:
        cause = entry.unreadable or _("the signature is in a form this app cannot check")
        return _unreadable_report(entry, cause, ctx.versions, reader, later_ts)
    certification = sig.docmdp_level is not None and "/Reference" in sig.sig_object
    signer = entry.signer or _("unknown signer")
    coverage = _coverage(status)
    changes, detail = _modification(status)
    later = _later(entry, versions, entries)
    start, end = _cert_validity(sig.signer_cert)
    ts = status.timestamp_validity
    stamped = ts.timestamp if ts is not None else None
    time_problems, notes = _time_problems(start, end, status.signer_reported_dt, stamped)
    trust_store = bool(ctx.options.trust_roots)
    problems = _integrity_problems(status, signer, coverage)
    problems += _change_problems(changes, later)
    problems += [p for p in [_trust_problem(status, signer, trust_store)] if p]
    problems += time_problems
    problems += [p for p in [_algorithm_problem(sig, status)] if p]
    if status.revoked:
        problems.append(Problem("revocation", _("the certificate of {signer} was revoked by its "
                                                "CA").format(signer=signer)))  # fmt: skip
    level = _level(problems, changes, later)
    trusted = bool(status.trusted) if trust_store else None
    return SignatureReport(
        field_name=entry.field_name,
        signer=entry.signer,
        issuer=_safe(lambda: _name(sig.signer_cert.issuer)),
        claimed_time=status.signer_reported_dt,
        timestamp_time=stamped,
        intact=status.intact,
        valid=status.valid,
        trusted=trusted,
        revoked=status.revoked,
        coverage=coverage,
        changes=changes,
        change_detail=detail,
        pades_level=_pades_level(sig, status, reader, later_ts),
        certification=certification,
        ok=level == LEVEL_UNCHANGED,
        verdict=_verdict(level, signer, problems, later, trusted),
        revocation=_revocation_check(sig, status, ctx.options, ctx.dss),
        level=level,
        problems=tuple(problems),
        notes=tuple(notes),
        signed_version=revision + 1,
        versions=ctx.versions,
        later=tuple(later),
        cert_valid_from=start,
        cert_valid_to=end,
        algorithm=_safe(lambda: _algorithm_text(sig)) or "",
    )


def _weak_algorithm(status) -> bool:
    indication = status.trust_problem_indic
    return indication is not None and indication.name == "CRYPTO_CONSTRAINTS_FAILURE"


def _safe(fn):
    try:
        return fn()
    except Exception:
        return None


@dataclass
class _Context:
    reader: Any
    options: VerifyOptions
    dss: Any
    versions: int
    last_doc_ts: int
    repaired: bool


def _check(entry: _Entry, vc, trust_store: bool) -> None:
    """Validate one signature; a failure becomes the cause in words. A sound signature can
    cover the changes made before it: intact, valid, standard coverage, no disallowed change,
    not revoked, no refused algorithm, and trusted when a trust list is given."""
    try:
        entry.status = _validate(entry.sig, vc)
    except Exception as exc:  # malformed CMS, odd algorithms: a verdict, not a crash
        entry.unreadable = _unreadable_cause(exc, entry.sig)
        return
    status = entry.status
    entry.sound = (
        bool(status.intact and status.valid)
        and _coverage(status) != COVERAGE_UNCLEAR
        and _modification(status)[0] in (CHANGES_NONE, CHANGES_ALLOWED)
        and not status.revoked
        and not _weak_algorithm(status)
        and (bool(status.trusted) or not trust_store)
    )


def verify(
    pdf: Path,
    options: VerifyOptions = VerifyOptions(),  # noqa: B008 - frozen, shared safely
    progress: ProgressFn = no_progress,
    cancel: threading.Event | None = None,
) -> VerifyReport:
    """Check every signature of `pdf`; unreadable files raise InputError."""
    pdf = Path(pdf)
    data = _read(pdf)
    reader, data, repaired = _open_reader(pdf, data, options.pdf_password)
    entries, timestamps = _collect(reader, pdf)
    ts_revisions = [_safe(lambda t=t: t.signed_revision) for t in timestamps]
    dss = _read_dss(reader)
    vc = _validation_context(options, dss)
    total = len(entries) + 1
    for i, entry in enumerate(entries):
        check_cancel(cancel)
        progress(i, total, _("Checking signature {n}").format(n=i + 1))
        if entry.sig is not None:
            _check(entry, vc, bool(options.trust_roots))
    # an entry found sound above may still have forbidden changes after it (own comparison)
    first = min((e.revision for e in entries if e.revision is not None), default=None)
    versions = (
        {}
        if first is None
        else _version_changes(reader, data, first, timestamps, entries, options.pdf_password)
    )
    for entry in entries:
        if entry.sound and _forbidden(_later(entry, versions, [])):
            entry.sound = False
    ctx = _Context(
        reader=reader, options=options, dss=dss, versions=reader.xrefs.total_revisions,
        last_doc_ts=max((r for r in ts_revisions if r is not None), default=-1),
        repaired=repaired,
    )  # fmt: skip
    progress(len(entries), total, _("Comparing the versions of the file"))
    reports = [_report_one(entry, ctx, versions, entries) for entry in entries]
    progress(total, total, _("Checked"))
    return VerifyReport(
        path=pdf,
        signatures=tuple(reports),
        document_timestamps=len(timestamps),
        trust_store_used=bool(options.trust_roots),
        repaired=repaired,
        versions=ctx.versions,
    )


def _read(pdf: Path) -> bytes:
    try:
        return pdf.read_bytes()
    except OSError as exc:
        raise InputError(
            _("cannot read the file: {reason}").format(reason=exc.strerror or exc), path=pdf
        ) from exc


def signed_version(
    pdf: Path,
    number: int,
    options: VerifyOptions = VerifyOptions(),  # noqa: B008
) -> bytes:
    """The file exactly as signature `number` (1-based, signing order) covers it."""
    pdf = Path(pdf)
    reader, data, repaired = _open_reader(pdf, _read(pdf), options.pdf_password)
    if repaired:
        raise InputError(
            _("the file is damaged; the version a signature covers cannot be found"), path=pdf
        )
    entries, _timestamps = _collect(reader, pdf)
    signatures = [e for e in entries if e.sig is not None]
    if not 1 <= number <= len(signatures):
        raise InputError(
            _("there is no signature {n} (the file has {count})").format(
                n=number, count=len(signatures)
            ),
            path=pdf,
        )
    covered = signed_bytes(signatures[number - 1].sig, data)
    if covered is None:
        raise InputError(
            _("signature {n} does not cover the file in the standard way; its version cannot be "
              "cut out").format(n=number),
            path=pdf,
        )  # fmt: skip
    return covered


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
