"""`sign()`: one PAdES signature on a copy of a PDF, by incremental update, written atomically."""

from __future__ import annotations

import logging
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from common.errors import CancelledError, HosoError, InputError, OutputError
from common.fsutil import atomic_output
from common.i18n import _
from common.progress import ProgressFn, check_cancel, no_progress
from signing import stamp as stamps
from signing.certs import check_usable, load_pem_certificates
from signing.options import SignOptions
from signing.signers import LoadedSigner

STEPS = 4


@dataclass(frozen=True)
class SignResult:
    output: Path
    field_name: str
    signer: str
    level: str
    bytes_added: int


@dataclass(frozen=True)
class BatchItem:
    source: Path
    output: Path | None
    error: str | None = None


def default_output_path(pdf_in: Path) -> Path:
    """'<name> (đã ký).pdf' beside the input."""
    pdf_in = Path(pdf_in)
    return pdf_in.with_name(_("{name} (signed)").format(name=pdf_in.stem) + ".pdf")


def _open_input(pdf_in: Path) -> BinaryIO:
    try:
        return open(pdf_in, "rb")
    except OSError as exc:
        raise InputError(
            _("cannot read the file: {reason}").format(reason=exc.strerror or exc), path=pdf_in
        ) from exc


def open_incremental(stream: BinaryIO, path: Path, password: str | None):
    """An incremental writer on the PDF stream; encrypted files need their password."""
    from pyhanko.pdf_utils.crypt import AuthStatus, StandardSecurityHandler
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.misc import PdfError

    try:
        writer = IncrementalPdfFileWriter(stream, strict=False)
        encrypted = writer.prev.encrypted
    except (PdfError, ValueError, KeyError, TypeError, IndexError, RecursionError) as exc:
        raise InputError(_("not a readable PDF file"), path=path, details=str(exc)) from exc
    if not encrypted:
        return writer
    if password is None:
        raise InputError(
            _("the PDF is protected by a password; give the password to sign it"), path=path
        )
    if not isinstance(writer.prev.security_handler, StandardSecurityHandler):
        raise InputError(
            _("the PDF is encrypted for a certificate; this kind cannot be signed here"),
            path=path,
        )
    try:
        result = writer.encrypt(password)
    except (PdfError, ValueError) as exc:
        raise InputError(_("wrong password for the PDF"), path=path) from exc
    if result.status == AuthStatus.FAILED:
        raise InputError(_("wrong password for the PDF"), path=path)
    return writer


def _refuse_if_locked(writer, path: Path) -> bool:
    """Refuse 'no changes allowed' certified PDFs; return whether the PDF is certified."""
    from pyhanko.sign.fields import MDPPerm
    from pyhanko.sign.validation import read_certification_data

    try:
        info = read_certification_data(writer.prev)
    except (ValueError, KeyError, TypeError) as exc:
        raise InputError(
            _("the PDF's certification data is damaged"), path=path, details=str(exc)
        ) from exc
    if info is not None and info.permission == MDPPerm.NO_CHANGES:
        raise InputError(
            _(
                "the PDF is certified with 'no changes allowed': any new signature would "
                "invalidate the certification"
            ),
            path=path,
        )
    return info is not None


def _existing_fields(writer) -> dict[str, bool]:
    """Signature field names -> already signed."""
    from pyhanko.sign.fields import enumerate_sig_fields

    return {
        name: value is not None
        for name, value, _ref in enumerate_sig_fields(writer.prev, filled_status=None)
    }


def _choose_field(writer, options: SignOptions, path: Path) -> tuple[str, bool]:
    """(field name, create it?)."""
    fields = _existing_fields(writer)
    if options.field_name and options.field_name in fields:
        if fields[options.field_name]:
            raise InputError(
                _("the signature field {name} is already signed").format(name=options.field_name),
                path=path,
            )
        return options.field_name, False
    if options.field_name:
        return options.field_name, True
    n = 1
    while f"Signature{n}" in fields:
        n += 1
    return f"Signature{n}", True


class _FallbackTimeStamper:
    """Factory for an HTTP timestamper that tries several TSA URLs in order."""

    @staticmethod
    def create(urls: tuple[str, ...], timeout: float):
        from pyhanko.sign.timestamps import HTTPTimeStamper
        from pyhanko.sign.timestamps.common_utils import TimestampRequestError

        class FallbackTimeStamper(HTTPTimeStamper):
            async def async_request_tsa_response(self, req):
                last: Exception | None = None
                for url in urls:
                    self.url = url
                    try:
                        return await super().async_request_tsa_response(req)
                    except TimestampRequestError as exc:
                        last = exc
                assert last is not None
                raise last

        return FallbackTimeStamper(urls[0], timeout=timeout)


def _validation_context(options: SignOptions, signer: LoadedSigner):
    """Trust anchors for collecting revocation data (B-LT): the user's roots + the chain's root."""
    from pyhanko_certvalidator import ValidationContext

    roots = [c for c in signer.chain if c.self_signed]
    for pem in options.trust_roots:
        roots.extend(load_pem_certificates(pem))
    cert_registry = getattr(signer.signer, "cert_registry", None)
    others = list(cert_registry) if cert_registry is not None else []
    return ValidationContext(
        trust_roots=roots, other_certs=others, allow_fetching=True, revocation_mode="hard-fail"
    )


def _signature_metadata(options: SignOptions, field_name: str, signer: LoadedSigner):
    from pyhanko.sign import fields
    from pyhanko.sign.signers import PdfSignatureMetadata

    ltv = options.level == "B-LT"
    return PdfSignatureMetadata(
        field_name=field_name,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        reason=options.reason or None,
        location=options.location or None,
        contact_info=options.contact or None,
        certify=options.certify,
        docmdp_permissions=fields.MDPPerm.FILL_FORMS,
        embed_validation_info=ltv,
        validation_context=_validation_context(options, signer) if ltv else None,
        signer_key_usage={"digital_signature"},
    )


def _check_level(options: SignOptions, path: Path) -> None:
    if options.level in ("B-T", "B-LT") and not options.tsa_urls:
        raise InputError(
            _("signature level {level} needs a timestamp server (TSA) address").format(
                level=options.level
            ),
            path=path,
        )


def _sign_into(
    stream: BinaryIO, pdf_in: Path, options: SignOptions, signer: LoadedSigner, output: BinaryIO
) -> str:
    """Sign the PDF read from `stream` into `output`; return the signature field's name."""
    from pyhanko.sign.fields import SigFieldSpec
    from pyhanko.sign.signers import PdfSigner

    writer = open_incremental(stream, pdf_in, options.pdf_password)
    certified = _refuse_if_locked(writer, pdf_in)
    field_name, create = _choose_field(writer, options, pdf_in)
    new_field = None
    if create:
        if certified and options.stamp.visible:
            # DocMDP form filling allows signing existing fields, not adding visible ones
            raise InputError(
                _(
                    "the PDF is certified: a new visible signature would break the "
                    "certification; sign into an existing empty signature field or sign "
                    "invisibly"
                ),
                path=pdf_in,
            )
        if options.stamp.visible:
            earlier = len(_existing_fields(writer))
            page_ix, box = stamps.placement(
                writer, options.stamp, pdf_in, earlier, password=options.pdf_password
            )
            new_field = SigFieldSpec(field_name, on_page=page_ix, box=tuple(int(v) for v in box))
        else:
            new_field = SigFieldSpec(field_name)
    timestamper = None
    if options.level in ("B-T", "B-LT"):
        timestamper = _FallbackTimeStamper.create(options.tsa_urls, options.tsa_timeout)
    pdf_signer = PdfSigner(
        _signature_metadata(options, field_name, signer),
        signer.signer,
        timestamper=timestamper,
        stamp_style=stamps.stamp_style(options) if options.stamp.visible else None,
        new_field_spec=new_field,
    )
    pdf_signer.sign_pdf(
        writer,
        output=output,
        appearance_text_params=stamps.text_params(options, signer.cert.subject),
    )
    return field_name


def _exception_chain(exc: BaseException) -> list[BaseException]:
    """The exception and its causes, outermost first (pyHanko wraps the real reason)."""
    chain: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in chain and len(chain) < 10:
        chain.append(current)
        current = current.__cause__ or current.__context__
    return chain


def _translate_failure(exc: Exception, pdf_in: Path, signer: LoadedSigner) -> HosoError:
    """Explain what went wrong inside pyHanko / the token, for the user."""
    import pkcs11
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.sign.general import SigningError
    from pyhanko.sign.timestamps.common_utils import TimestampRequestError
    from pyhanko_certvalidator.errors import PathBuildingError, PathValidationError, RevokedError

    from signing.tokens import token_error

    chain = _exception_chain(exc)
    logging.getLogger(__name__).warning("signing %s failed", pdf_in, exc_info=exc)

    def first(kind):
        return next((e for e in chain if isinstance(e, kind)), None)

    if (p11 := first(pkcs11.exceptions.PKCS11Error)) is not None:
        return token_error(p11, Path(signer.source))
    if (tsa := first(TimestampRequestError)) is not None:
        return HosoError(
            _(
                "the timestamp server (TSA) did not answer; check the network and the TSA "
                "address in the settings"
            ),
            path=pdf_in,
            details=repr(tsa.__cause__ or tsa),
        )
    if first(RevokedError) is not None:
        return HosoError(
            _("the certificate was revoked by its CA; it can no longer sign"), path=pdf_in
        )
    if (path_error := first(PathBuildingError | PathValidationError)) is not None:
        return HosoError(
            _(
                "cannot collect the certificate chain and revocation data for long-term "
                "validation (B-LT): an intermediate certificate is missing or the CA's OCSP/CRL "
                "server cannot be reached; add the root with --trust or sign at level B-T"
            ),
            path=pdf_in,
            details=repr(path_error),
        )
    if isinstance(exc, SigningError):
        return HosoError(
            _(
                "signing failed: the signing library refused the signature (technical details "
                "in the log)"
            ),
            path=pdf_in,
            details=repr(exc),
        )
    if isinstance(exc, PdfError):
        return InputError(_("not a readable PDF file"), path=pdf_in, details=str(exc))
    if isinstance(exc, OSError):
        return OutputError(
            _("could not write the signed copy: {reason}").format(reason=exc.strerror or exc),
            path=pdf_in,
        )
    return HosoError(
        _("signing failed because of an unexpected problem (technical details in the log)"),
        path=pdf_in,
        details=f"{exc.__class__.__name__}: {exc}",
    )


def sign(
    pdf_in: Path,
    pdf_out: Path,
    options: SignOptions,
    signer: LoadedSigner,
    progress: ProgressFn = no_progress,
    cancel: threading.Event | None = None,
) -> SignResult:
    """Sign a copy of `pdf_in` into `pdf_out` (never in place; nothing written on failure)."""
    pdf_in, pdf_out = Path(pdf_in), Path(pdf_out)
    if pdf_out.resolve() == pdf_in.resolve():
        raise InputError(_("the signed copy must be a new file, not the original"), path=pdf_out)
    check_usable(signer.cert, allow_invalid_time=options.allow_invalid_cert, path=pdf_in)
    _check_level(options, pdf_in)
    check_cancel(cancel)
    progress(0, STEPS, _("Reading the PDF"))
    with _open_input(pdf_in) as stream:
        size_in = os.fstat(stream.fileno()).st_size
        progress(1, STEPS, _("Signing"))
        try:
            # written straight into a temporary file beside the target, renamed at the end:
            # any failure or a cancel removes it, so no half-written copy is ever left
            with atomic_output(pdf_out, private=False) as tmp:
                with open(tmp, "wb") as output:
                    field_name = _sign_into(stream, pdf_in, options, signer, output)
                progress(3, STEPS, _("Writing the signed copy"))
                check_cancel(cancel)
        except (HosoError, CancelledError):
            raise
        except Exception as exc:
            raise _translate_failure(exc, pdf_in, signer) from exc
    progress(STEPS, STEPS, _("Signed"))
    return SignResult(
        output=pdf_out,
        field_name=field_name,
        signer=signer.cert.subject,
        level=options.level,
        bytes_added=pdf_out.stat().st_size - size_in,
    )


def sign_many(
    pairs: list[tuple[Path, Path]],
    options: SignOptions,
    signer: LoadedSigner,
    progress: ProgressFn = no_progress,
    cancel: threading.Event | None = None,
) -> list[BatchItem]:
    """Sign several PDFs with one signer (one PIN entry); a failed file does not stop the rest."""
    results = []
    for i, (source, target) in enumerate(pairs):
        check_cancel(cancel)
        progress(i, len(pairs), _("Signing {name}").format(name=Path(source).name))
        try:
            sign(source, target, options, signer, cancel=cancel)
            results.append(BatchItem(Path(source), Path(target)))
        except CancelledError:
            raise
        except HosoError as exc:
            results.append(BatchItem(Path(source), None, exc.message))
    progress(len(pairs), len(pairs), _("Signed"))
    return results
