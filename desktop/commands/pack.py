"""`hoso check`, `hoso pack` and `hoso submission`: checklist, export for the portal and print."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from common.i18n import _, format_number

DEFAULT_PORTAL = "national"  # until the user or the dossier names a province's portal


def register(subparsers: argparse._SubParsersAction) -> None:
    check = subparsers.add_parser("check", help=_("check a dossier against its procedure"))
    check.add_argument("folder", type=Path, metavar="DOSSIER_DIR")
    _add_sources(check)
    check.set_defaults(handler=_check)

    pack = subparsers.add_parser("pack", help=_("export a dossier for upload and for printing"))
    pack.add_argument("folder", type=Path, metavar="DOSSIER_DIR")
    _add_sources(pack)
    pack.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        metavar="OUT_DIR",
        help=_("export folder (created; replaced with --force)"),
    )
    pack.add_argument("--zip", action="store_true", help=_("also write a ZIP of the files"))
    pack.add_argument(
        "--print",
        dest="print_pdf",
        type=Path,
        metavar="OUT.pdf",
        help=_("also write one PDF for printing, with a cover sheet"),
    )
    pack.add_argument("--force", action="store_true", help=_("replace an existing export folder"))
    pack.add_argument(
        "--allow-incomplete",
        action="store_true",
        help=_(
            "export even if the checklist has blocking problems (e.g. a required component "
            "missing); the manifest and the upload guide then say the dossier is incomplete"
        ),
    )
    pack.set_defaults(handler=_pack)

    submission = subparsers.add_parser(
        "submission", help=_("record how the result is received and the fee paid")
    )
    submission.add_argument("folder", type=Path, metavar="DOSSIER_DIR")
    submission.add_argument(
        "--delivery",
        choices=("office", "post"),
        required=True,
        help=_("receive the result at the office or by post"),
    )
    submission.add_argument("--address", default="", help=_("postal address for the result"))
    submission.add_argument(
        "--fee",
        choices=("office", "online", "post"),
        default="office",
        help=_("how the fee is paid"),
    )
    submission.set_defaults(handler=_submission)


def _add_sources(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--portal",
        help=_(
            "portal profile id (national, dongnai, opencps) or JSON file (default: the portal"
            " chosen for the dossier, else national)"
        ),
    )
    parser.add_argument(
        "--catalog", type=Path, help=_("procedure catalog JSON (default: the built-in catalog)")
    )


def _open(args: argparse.Namespace):
    """The dossier, its procedure (built-in or given catalog) and the portal profile."""
    from common.errors import InputError
    from dossier import ProcedureCatalog, Workspace, load_catalog, load_portal, read_catalog_file

    workspace = Workspace.open(args.folder)
    if args.catalog:
        catalog = ProcedureCatalog(read_catalog_file(args.catalog).procedures)
    else:
        from desktop import paths

        catalog = load_catalog(paths.data_dir() / "catalog")  # with the user's imported one
    code = workspace.dossier.procedure_code
    procedure = catalog.find(code)
    if procedure is None:
        raise InputError(
            _("procedure {code} is not in the catalog").format(code=code), path=args.catalog
        )
    wanted = args.portal or workspace.dossier.submission.portal or DEFAULT_PORTAL
    if wanted.lower().endswith(".json"):
        from dossier import read_portal_file

        portal = read_portal_file(Path(wanted))
    else:
        portal = load_portal(wanted)
    return workspace, procedure, portal


def _mb(size: int) -> str:
    return f"{format_number(size / (1024 * 1024), 2)} MB"


def _print_checklist(checklist) -> None:
    print(f"{checklist.procedure.code} {checklist.procedure.name} — {checklist.portal.name}")
    for item in checklist.components:
        need = _("required") if item.component.required else _("optional")
        if item.present:
            state = f"{item.pages} {_('page(s)')}, {_mb(item.bytes)} / {_mb(item.limit_bytes)}"
            if item.signed:
                state += f", {_('signed')}"
        else:
            state = _("not given")
        print(f"{item.index:2d}. {item.component.name} ({need}): {state}")
    for problem in checklist.problems:
        label = _("BLOCKING") if problem.severity == "blocking" else _("warning")
        print(f"  {label}: {problem.message}")


def _check(args: argparse.Namespace) -> int:
    from dossier import check

    workspace, procedure, portal = _open(args)
    checklist = check(workspace, procedure, portal)
    _print_checklist(checklist)
    if checklist.ready:
        print(_("Ready to export."))
        return 0
    print(_("Not ready: fix the blocking problems first."), file=sys.stderr)
    return 1


def _progress(done: int, total: int, message: str) -> None:
    print(f"[{done}/{total}] {message}", file=sys.stderr)


def _pack(args: argparse.Namespace) -> int:
    from dossier import PackOptions, PrintOptions
    from dossier.actions import export_for_print, export_for_upload

    workspace, procedure, portal = _open(args)
    options = PackOptions(
        make_zip=args.zip, overwrite=args.force, allow_incomplete=args.allow_incomplete
    )
    # recorded in dossier.json: the GUI then shows the dossier exported, as after its own export
    result = export_for_upload(
        workspace, procedure, portal, options, _progress, out_dir=args.output
    )
    for item in result.files:
        flags = []
        if item.signed:
            flags.append(_("signed, unchanged"))
        if item.reencoded:
            flags.append(_("compressed"))
        extra = f" ({', '.join(flags)})" if flags else ""
        print(f"{item.name}\t{item.pages} {_('page(s)')}\t{_mb(item.bytes)}{extra}")
    for note in result.notes:
        print(f"  {note}")
    print(
        _("{files} file(s), {size} in all (before compression: {inputs}), in {folder}").format(
            files=len(result.files),
            size=_mb(result.total_bytes),
            inputs=_mb(result.input_bytes),
            folder=result.folder,
        )
    )
    if not result.complete:
        print(_("Warning: this export is INCOMPLETE and not ready to submit."), file=sys.stderr)
    if args.print_pdf:
        printed = export_for_print(
            workspace,
            procedure,
            portal,
            PrintOptions(manifest_sha256=result.manifest_sha256),
            _progress,
            out_pdf=args.print_pdf,
        )
        print(
            _("Print PDF: {path} ({pages} pages, {size})").format(
                path=printed.path, pages=printed.pages, size=_mb(printed.bytes)
            )
        )
    return 0


def _submission(args: argparse.Namespace) -> int:
    from dossier import Workspace
    from dossier.actions import record_submission

    workspace = Workspace.open(args.folder)
    record_submission(workspace, args.delivery, args.fee, args.address)
    print(_("Saved."))
    return 0
