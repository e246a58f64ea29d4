"""`hoso sign`, `hoso verify`, `hoso tokens`: PAdES signing and verification from the shell.

Passwords and PINs are never command-line arguments (they would show in the process list
and the shell history): they come from a hidden prompt, or the first line(s) of stdin with
--password-stdin / --pin-stdin / --pdf-password-stdin (for scripts and tests).
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from datetime import UTC, datetime
from pathlib import Path

from common.errors import InputError
from common.i18n import _

AUTO_MODULE = "auto"


def register(subparsers: argparse._SubParsersAction) -> None:
    _register_sign(subparsers)
    _register_verify(subparsers)
    _register_tokens(subparsers)


def _register_sign(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "sign",
        help=_("sign PDF files (PAdES) with a .p12/.pfx file or a USB token"),
        description=_(
            "Sign PDF files, or with --dossier the files of a dossier as they will be uploaded "
            "(a component's scanned pages as its one PDF, joined from their PDFs; a file "
            "export would merge or compress is refused). With --dossier, --visible is kept "
            "with the "
            "component and used again the next time it is signed."
        ),
    )
    parser.add_argument("inputs", type=Path, nargs="*", metavar="IN.pdf")
    parser.add_argument(
        "--dossier", type=Path, metavar="DOSSIER_DIR",
        help=_("sign the files of this dossier instead of IN.pdf files"),
    )  # fmt: skip
    parser.add_argument(
        "--component", action="append", default=[], metavar="ID",
        help=_("with --dossier: only this component (repeatable; default: every file)"),
    )  # fmt: skip
    parser.add_argument(
        "--portal",
        help=_("with --dossier: portal profile the files are for (default: the dossier's, "
               "else dongnai)"),
    )  # fmt: skip
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        help=_("signed file (one input) or folder (several inputs); default: '<name> (đã ký).pdf'"),
    )
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--p12", type=Path, metavar="FILE", help=_("certificate file .p12/.pfx"))
    source.add_argument(
        "--pkcs11",
        nargs="?",
        const=AUTO_MODULE,
        metavar="MODULE",
        help=_("sign with a token; MODULE is the PKCS#11 library (found automatically if omitted)"),
    )
    parser.add_argument("--token", metavar="LABEL", help=_("token label (see `hoso tokens`)"))
    parser.add_argument("--cert", metavar="LABEL", help=_("certificate label on the token"))
    parser.add_argument(
        "--visible",
        metavar="PAGE/x1,y1,x2,y2",
        help=_(
            "stamp page and box in points (default: under the form's signature caption, else "
            "the blank space nearest the bottom right of the last page; never over text)"
        ),
    )
    parser.add_argument("--invisible", action="store_true", help=_("no visible stamp"))
    parser.add_argument("--image", type=Path, metavar="PNG", help=_("signature or seal image"))
    parser.add_argument("--reason", default="", help=_("reason for signing"))
    parser.add_argument("--location", default="", help=_("place of signing"))
    parser.add_argument("--field", help=_("signature field to fill, or name of the new field"))
    parser.add_argument(
        "--tsa", action="append", default=[], metavar="URL", help=_("timestamp server (repeatable)")
    )
    parser.add_argument(
        "--ltv", action="store_true", help=_("embed certificates and revocation data (PAdES B-LT)")
    )
    parser.add_argument(
        "--certify", action="store_true", help=_("certification signature (form filling allowed)")
    )
    parser.add_argument(
        "--trust", type=Path, action="append", default=[], metavar="PEM",
        help=_("trusted root certificate, used to build the chain for --ltv"),
    )  # fmt: skip
    parser.add_argument(
        "--allow-invalid-cert",
        action="store_true",
        help=_("sign even with an expired or not yet valid certificate"),
    )
    parser.add_argument(
        "--password-stdin", action="store_true", help=_("read the .p12 password from stdin")
    )
    parser.add_argument("--pin-stdin", action="store_true", help=_("read the token PIN from stdin"))
    parser.add_argument(
        "--pdf-password-stdin",
        action="store_true",
        help=_("read the password of encrypted PDFs from stdin (after the PIN/password)"),
    )
    parser.set_defaults(handler=_sign)


def _register_verify(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "verify",
        help=_("check the signatures of a PDF"),
        description=_(
            "Check every signature and say what changed after signing, version by version. "
            "Exit status 0 only when every signature is valid and the file is unchanged since "
            "it was signed (archival data and changes a later valid signature covers do not "
            "count); 1 otherwise."
        ),
    )
    parser.add_argument("file", type=Path, metavar="FILE.pdf")
    parser.add_argument(
        "--trust", type=Path, action="append", default=[], metavar="PEM",
        help=_("trusted root certificate (repeatable)"),
    )  # fmt: skip
    parser.add_argument(
        "--certs", type=Path, action="append", default=[], metavar="PEM",
        help=_("intermediate certificates to help build the chain"),
    )  # fmt: skip
    parser.add_argument("--at", metavar="ISO-TIME", help=_("check as of this time"))
    parser.add_argument(
        "--fetch",
        action="store_true",
        help=_(
            "fetch OCSP/CRL over the network (without it, revocation is checked only from "
            "the data embedded in a B-LT file; either way --trust is needed)"
        ),
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help=_("print JSON (always; an unreadable file gives an object with an 'error' key)"),
    )
    parser.add_argument(
        "--signed-version",
        type=int,
        metavar="N",
        help=_(
            "write the version of the file that signature N covers (with -o) instead of checking"
        ),
    )
    parser.add_argument(
        "-o", "--output", type=Path, metavar="OUT.pdf",
        help=_("where --signed-version writes (never the file itself)"),
    )  # fmt: skip
    parser.add_argument(
        "--pdf-password-stdin", action="store_true", help=_("read the PDF password from stdin")
    )
    parser.set_defaults(handler=_verify)


def _register_tokens(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "tokens",
        help=_("list PKCS#11 modules, plugged-in tokens and their signing certificates"),
    )
    parser.add_argument(
        "--module", type=Path, action="append", default=[], metavar="PATH",
        help=_("extra PKCS#11 module to look at (repeatable)"),
    )  # fmt: skip
    parser.set_defaults(handler=_tokens)


# --- secrets ---


class _Secrets:
    """Reads secrets from stdin lines (scripts) or a hidden prompt (people)."""

    def __init__(self) -> None:
        self._lines: list[str] | None = None

    def _next_stdin_line(self) -> str:
        if self._lines is None:
            self._lines = sys.stdin.read().splitlines()
        if not self._lines:
            raise InputError(_("no secret given on stdin"))
        return self._lines.pop(0)

    def get(self, from_stdin: bool, prompt: str) -> str:
        if from_stdin:
            return self._next_stdin_line()
        return getpass.getpass(prompt)


# --- sign ---


def _parse_visible(text: str) -> tuple[int, tuple[float, float, float, float]]:
    try:
        page_text, rect_text = text.split("/", 1)
        values = [float(v) for v in rect_text.split(",")]
        if len(values) != 4:
            raise ValueError
        return int(page_text), (values[0], values[1], values[2], values[3])
    except ValueError as exc:
        raise InputError(
            _("--visible expects PAGE/x1,y1,x2,y2, e.g. 1/350,40,570,110; got {text}").format(
                text=text
            )
        ) from exc


def _outputs(inputs: list[Path], output: Path | None) -> list[tuple[Path, Path]]:
    from signing import default_output_path

    if len(inputs) == 1 and output is not None and not output.is_dir():
        return [(inputs[0], output)]
    if output is None:
        return [(p, default_output_path(p)) for p in inputs]
    if output.exists() and not output.is_dir():
        raise InputError(_("with several inputs, -o must be a folder"), path=output)
    return [(p, output / default_output_path(p).name) for p in inputs]


def _sign_options(args: argparse.Namespace, pdf_password: str | None):
    from signing import SignOptions, StampOptions

    if args.invisible:
        stamp = StampOptions(visible=False)
    elif args.visible:
        page, rect = _parse_visible(args.visible)
        stamp = StampOptions(page=page, rect=rect, image=args.image)
    else:
        stamp = StampOptions(image=args.image)
    level = "B-LT" if args.ltv else ("B-T" if args.tsa else "B-B")
    return SignOptions(
        reason=args.reason,
        location=args.location,
        level=level,
        tsa_urls=tuple(args.tsa),
        field_name=args.field,
        certify=args.certify,
        stamp=stamp,
        allow_invalid_cert=args.allow_invalid_cert,
        pdf_password=pdf_password,
        trust_roots=tuple(args.trust),
    )


def _open_signer(args: argparse.Namespace, secrets: _Secrets):
    from signing import open_p12, open_token

    if args.p12 is not None:
        password = secrets.get(args.password_stdin, _("Password of {file}: ").format(file=args.p12))
        return open_p12(args.p12, password)
    if not args.token:
        raise InputError(_("--pkcs11 needs --token LABEL (see `hoso tokens`)"))
    module = _find_module(args.pkcs11, args.token)
    pin = secrets.get(args.pin_stdin, _("PIN of token {label}: ").format(label=args.token))
    return open_token(module, args.token, pin, cert_label=args.cert)


def _find_module(choice: str, token_label: str) -> Path:
    from signing import discover_modules, list_tokens

    if choice != AUTO_MODULE:
        return Path(choice)
    for candidate in discover_modules():
        if not candidate.usable:
            continue
        try:
            if any(t.label == token_label for t in list_tokens(candidate.path)):
                return candidate.path
        except InputError:
            continue
    raise InputError(
        _("no PKCS#11 module found with a token labelled {label}; give the module path").format(
            label=token_label
        )
    )


def _sign(args: argparse.Namespace) -> int:
    from signing import sign_many

    if args.pkcs11 is None and (args.token or args.cert):
        raise InputError(_("--token and --cert go with --pkcs11"))
    if args.dossier is not None:
        return _sign_dossier(args)
    if not args.inputs:
        raise InputError(_("give the PDF files to sign, or --dossier DOSSIER_DIR"))
    if args.component or args.portal:
        raise InputError(_("--component and --portal go with --dossier"))
    pairs = _outputs(args.inputs, args.output)
    secrets = _Secrets()
    with _open_signer(args, secrets) as signer:
        pdf_password = None
        if args.pdf_password_stdin:
            pdf_password = secrets.get(True, "")
        options = _sign_options(args, pdf_password)
        if len(pairs) == 1:
            from signing import sign

            result = sign(pairs[0][0], pairs[0][1], options, signer)
            print(result.output)
            return 0
        results = sign_many(pairs, options, signer)
    return _print_results((item.source, item) for item in results)


def _print_results(named_results) -> int:
    """Each signed file's path on stdout, each failure on stderr; exit 1 when any failed."""
    failed = 0
    for name, result in named_results:
        if result.error is None:
            print(result.output)
        else:
            failed += 1
            print(f"hoso: {name}: {result.error}", file=sys.stderr)
    return 1 if failed else 0


def _dossier_sources(args: argparse.Namespace):
    """The dossier, its procedure (with the user's imported catalog) and portal profile."""
    from argparse import Namespace

    from desktop.commands.pack import _open
    from dossier import Workspace

    portal = args.portal or Workspace.open(args.dossier).dossier.submission.portal or "dongnai"
    return _open(Namespace(folder=args.dossier, catalog=None, portal=portal))


def _sign_dossier(args: argparse.Namespace) -> int:
    """Sign a dossier's files through dossier.actions (the same as the GUI's sign step)."""
    from dataclasses import replace

    from dossier import StampPosition, actions

    if args.inputs or args.output is not None:
        raise InputError(_("--dossier signs the dossier's own files: give no IN.pdf and no -o"))
    workspace, procedure, portal = _dossier_sources(args)
    wanted = set(args.component)
    unknown = wanted - {e.component_id for e in workspace.dossier.components}
    if unknown:
        raise InputError(
            _("no such component in the dossier: {id}").format(id=", ".join(sorted(unknown))),
            path=args.dossier,
        )
    pdfs = [p for p in actions.signable_pdfs(workspace, procedure, portal)
            if not wanted or p.component_id in wanted]  # fmt: skip
    if not pdfs:
        raise InputError(_("the dossier has no file to sign"), path=args.dossier)
    secrets = _Secrets()
    with _open_signer(args, secrets) as signer:
        pdf_password = secrets.get(True, "") if args.pdf_password_stdin else None
        options = _sign_options(args, pdf_password)
        if options.stamp.rect is not None:  # kept with each component signed, as a drag is
            place = StampPosition(options.stamp.page or 1, options.stamp.rect)
            for component_id in dict.fromkeys(p.component_id for p in pdfs):
                actions.set_stamp_position(workspace, component_id, place)
            workspace.save()
        options = replace(options, stamp=replace(options.stamp, page=None, rect=None))
        results = actions.sign_files(workspace, [p.file_id for p in pdfs], options, signer,
                                     procedure=procedure, portal=portal)  # fmt: skip
    return _print_results((pdf.name, result) for pdf, result in zip(pdfs, results, strict=True))


# --- verify ---


def _parse_time(text: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError as exc:
        raise InputError(
            _("--at expects an ISO time such as 2020-11-01 or 2020-11-01T10:00:00+07:00")
        ) from exc
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _verify(args: argparse.Namespace) -> int:
    from common.errors import HosoError
    from signing import VerifyOptions, verify

    if args.signed_version is not None:
        return _write_signed_version(args)
    try:
        pdf_password = _Secrets().get(True, "") if args.pdf_password_stdin else None
        options = VerifyOptions(
            trust_roots=tuple(args.trust),
            extra_certs=tuple(args.certs),
            at=_parse_time(args.at) if args.at else None,
            allow_fetching=args.fetch,
            pdf_password=pdf_password,
        )
        report = verify(args.file, options)
    except HosoError as exc:
        if not args.json:
            raise
        error = {"message": exc.message, "file": str(exc.path or args.file)}
        data = {"path": str(args.file), "ok": False, "error": error, "signatures": []}
        print(json.dumps(data, ensure_ascii=False, indent=2))
        print(f"hoso: {exc.user_message()}", file=sys.stderr)
        return exc.exit_code
    if args.json:
        print(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        _print_report(report)
    if not report.all_ok:
        print(f"hoso: {args.file}: {report.verdict}", file=sys.stderr)
        return 1
    return 0


def _write_signed_version(args: argparse.Namespace) -> int:
    from common.fsutil import atomic_output
    from signing import VerifyOptions, signed_version

    if args.output is None:
        raise InputError(_("--signed-version needs -o OUT.pdf"))
    if args.output.resolve() == args.file.resolve():
        raise InputError(_("the signed version must be written to a new file"), path=args.output)
    pdf_password = _Secrets().get(True, "") if args.pdf_password_stdin else None
    data = signed_version(args.file, args.signed_version, VerifyOptions(pdf_password=pdf_password))
    with atomic_output(args.output, private=False) as tmp:
        Path(tmp).write_bytes(data)
    print(args.output)
    return 0


def _print_report(report) -> None:
    from signing import verdict_checked as checked
    from signing import verdict_label as label

    print(report.verdict)
    for note in report.notes:
        print(f"  {note}")
    for i, sig in enumerate(report.signatures, 1):
        print(f"\n#{i} {sig.field_name}: {sig.verdict}")
        print(f"  {_('Result')}: {label(sig.level)}")
        print(f"  {_('Signer')}: {sig.signer or '?'} ({_('issued by')} {sig.issuer or '?'})")
        claimed = sig.claimed_time.isoformat() if sig.claimed_time else "-"
        stamped = sig.timestamp_time.isoformat() if sig.timestamp_time else "-"
        print(f"  {_('Claimed signing time')}: {claimed}; {_('timestamp')}: {stamped}")
        print(
            f"  {_('Intact')}: {checked(sig.intact)}; {_('valid')}: {checked(sig.valid)}; "
            f"{_('trusted')}: {checked(sig.trusted)}"
        )
        if sig.signed_version is not None:
            print(
                "  "
                + _("Signed version: {n} of {total}").format(
                    n=sig.signed_version, total=sig.versions
                )
            )
        print(
            f"  {_('Signed part')}: {label(sig.coverage)}; "
            f"{_('changes after signing')}: {label(sig.changes)}"
            f"{f' ({sig.change_detail})' if sig.change_detail else ''}; "
            f"PAdES: {sig.pades_level or '-'}"
        )
        if sig.algorithm:
            print(f"  {_('Algorithms')}: {sig.algorithm}")
        print(f"  {_('Revocation (OCSP/CRL)')}: {label(sig.revocation)}")
        for problem in sig.problems:
            print(f"  - {problem.text}")
        for note in sig.notes:
            print(f"  · {note}")
        _print_later(sig)


def _print_later(sig) -> None:
    for version in sig.later:
        if version.archival_only:
            state = _("archival data only")
        elif version.covered_by:
            state = _("signed afterwards by {name}").format(name=version.covered_by)
        else:
            state = _("not covered by any later signature")
        print("  " + _("Version {n} ({state}):").format(n=version.version, state=state))
        for change in version.changes:
            print(f"    * {change.text}")


# --- tokens ---


def _tokens(args: argparse.Namespace) -> int:
    from signing import discover_modules, list_tokens

    candidates = discover_modules(args.module)
    if not candidates:
        print(_("No PKCS#11 module found. Install your CA's token driver, or give --module."))
        return 0
    for candidate in candidates:
        state = _("usable") if candidate.usable else candidate.problem
        print(f"{candidate.path} [{candidate.vendor}]: {state}")
        if not candidate.usable:
            continue
        try:
            tokens = list_tokens(candidate.path)
        except InputError as exc:
            print(f"  {exc.message}")
            continue
        for token in tokens:
            flags = []
            if token.pin_locked:
                flags.append(_("PIN locked"))
            elif token.pin_final_try:
                flags.append(_("last PIN try"))
            elif token.pin_count_low:
                flags.append(_("few PIN tries left"))
            suffix = f" ({', '.join(flags)})" if flags else ""
            print(f"  {_('Token')} {token.label!r} {token.manufacturer} {token.model}{suffix}")
            for cert in token.certificates:
                usage = ", ".join(cert.key_usage) or "-"
                print(
                    f"    {_('Certificate')} {cert.label!r}: {cert.subject} / {cert.issuer}; "
                    f"{cert.not_before:%d/%m/%Y}-{cert.not_after:%d/%m/%Y}; {usage}"
                )
            if token.other_certificates:
                print(
                    "    "
                    + _(
                        "{count} other certificate(s) on the token (the CA's chain), "
                        "not for signing"
                    ).format(count=len(token.other_certificates))
                )
    return 0
