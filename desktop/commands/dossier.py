"""`hoso dossier ...`: create dossier folders, add files, show, list, export and import them."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from common.i18n import _


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("dossier", help=_("create and inspect dossier folders"))
    actions = parser.add_subparsers(dest="action", metavar=_("ACTION"))
    actions.required = True

    new = actions.add_parser("new", help=_("create a new dossier folder"))
    new.add_argument("folder", type=Path)
    new.add_argument("--procedure", required=True, help=_("procedure code, e.g. 1.001193"))
    new.add_argument("--applicant", type=Path, help=_("applicant profile (JSON)"))
    new.add_argument("--title", default="", help=_("title of the dossier"))
    new.set_defaults(handler=_new)

    add = actions.add_parser("add", help=_("add files to a component of a dossier"))
    add.add_argument("folder", type=Path)
    add.add_argument("component", help=_("component number in the procedure, or its id"))
    add.add_argument("files", type=Path, nargs="+")
    add.set_defaults(handler=_add)

    show = actions.add_parser("show", help=_("show a dossier"))
    show.add_argument("folder", type=Path)
    show.add_argument("--json", action="store_true", help=_("print JSON"))
    show.set_defaults(handler=_show)

    export = actions.add_parser("export", help=_("pack a dossier into one .hoso file"))
    export.add_argument("folder", type=Path)
    export.add_argument("output", type=Path)
    export.add_argument(
        "--without-export", action="store_true", help=_("leave out the export/ folder")
    )
    export.add_argument("--force", action="store_true", help=_("replace an existing file"))
    export.set_defaults(handler=_export)

    imp = actions.add_parser("import", help=_("unpack a .hoso file into a new folder"))
    imp.add_argument("archive", type=Path)
    imp.add_argument("folder", type=Path)
    imp.set_defaults(handler=_import)

    listing = actions.add_parser("list", help=_("list the dossiers of a folder"))
    listing.add_argument(
        "root", type=Path, nargs="?", help=_("folder holding dossiers (default: the dossier root)")
    )
    listing.add_argument("--json", action="store_true", help=_("print JSON"))
    listing.set_defaults(handler=_list)


def _read_applicant(path: Path) -> dict[str, str]:
    from common.errors import ValidationError
    from common.schema import read_json

    data = read_json(path)
    if not isinstance(data, dict):
        raise ValidationError(_("an object is expected"), path=path)
    applicant: dict[str, str] = {}
    for key, value in data.items():
        if key == "version":
            continue  # the profile file's format, not a fact about the person
        if key == "id":
            key = "profile_id"
        if not isinstance(value, str | int | float) or isinstance(value, bool):
            raise ValidationError(
                _("invalid data in field {field}: {problem}").format(
                    field=key, problem=_("text is expected")
                ),
                path=path,
            )
        applicant[str(key)] = str(value)
    return applicant


def _catalog_user_dir() -> Path:
    from desktop import paths

    return paths.data_dir() / "catalog"  # where `hoso catalog import` puts an update


def _new(args: argparse.Namespace) -> int:
    from common.errors import InputError
    from dossier import Workspace, lookup_procedure

    applicant = _read_applicant(args.applicant) if args.applicant else {}
    lookup = lookup_procedure(args.procedure, _catalog_user_dir())
    if lookup.catalog_available and lookup.procedure is None:
        raise InputError(
            _("unknown procedure code: {code}").format(code=args.procedure), path=args.folder
        )
    title = args.title or (lookup.procedure.name if lookup.procedure is not None else "")
    workspace = Workspace.create(
        args.folder,
        args.procedure,
        title=title,
        applicant=applicant,
        component_ids=lookup.component_ids or [],
    )
    print(workspace.root)
    return 0


def _add(args: argparse.Namespace) -> int:
    from common.errors import InputError
    from dossier import Workspace, catalog_component_ids, resolve_component
    from dossier.actions import ImportOptions, attach_imported, copy_in

    workspace = Workspace.open(args.folder)
    catalog_ids = catalog_component_ids(workspace.dossier.procedure_code, _catalog_user_dir())
    try:
        component_id = resolve_component(workspace.dossier, args.component, catalog_ids)
    except InputError as exc:
        raise InputError(exc.message, path=args.folder) from None
    for path in args.files:  # check them all before copying any
        if not path.is_file():
            reason = _("file not found") if not path.exists() else _("not a regular file")
            raise InputError(reason, path=path)
    copied = copy_in(workspace, component_id, args.files, ImportOptions(as_pages=False))
    if copied.refused:  # nothing is added unless every file is
        error = copied.refused[0]
        raise InputError(error.message, path=next(f.source for f in copied.files if f.error))
    added = attach_imported(workspace, copied).added
    workspace.save()
    for item in added:
        print(f"{item.id}\t{component_id}\t{item.name}")
    return 0


def _show(args: argparse.Namespace) -> int:
    from common.schema import to_jsonable
    from dossier import Workspace, applicant_name, lookup_procedure

    workspace = Workspace.open(args.folder)
    dossier = workspace.dossier
    if args.json:
        print(json.dumps(to_jsonable(dossier), ensure_ascii=False, indent=2))
        return 0
    if workspace.recovered_from is not None:
        print(_("Note: dossier.json was damaged; the backup copy was opened."))
    print(f"{_('Procedure')}: {dossier.procedure_code}  {dossier.title}".rstrip())
    print(f"{_('Applicant')}: {applicant_name(dossier.applicant) or '-'}")
    print(f"{_('State')}: {dossier.state}   {_('Step')}: {dossier.current_step}")
    print(f"{_('Modified')}: {dossier.modified}   {_('Revision')}: {dossier.revision}")
    lookup = lookup_procedure(dossier.procedure_code, _catalog_user_dir())
    names = {c.id: c.name for c in lookup.procedure.components} if lookup.procedure else {}
    for number, entry in enumerate(dossier.components, start=1):
        label = (
            f"{names[entry.component_id]} ({entry.component_id})"
            if (entry.component_id in names)
            else entry.component_id
        )
        print(f"{number}. {label}: {len(entry.files)} {_('file(s)')}")
        for item in entry.files:
            print(f"    {item.name} ({item.size} B, {item.kind})")
    return 0


def _export(args: argparse.Namespace) -> int:
    from common.errors import InputError
    from dossier import ArchiveExportOptions as ExportOptions
    from dossier import export_dossier

    if args.output.exists() and not args.force:
        raise InputError(_("the file already exists (use --force to replace it)"), path=args.output)
    options = ExportOptions(include_export=not args.without_export)
    print(export_dossier(args.folder, args.output, options))
    return 0


def _import(args: argparse.Namespace) -> int:
    from dossier import import_dossier

    workspace = import_dossier(args.archive, args.folder)
    print(workspace.root)
    return 0


def _list(args: argparse.Namespace) -> int:
    from common.schema import to_jsonable
    from dossier import list_dossiers

    if args.root is None:
        from desktop.paths import default_dossier_root

        args.root = default_dossier_root()
    listing = list_dossiers(args.root)
    if args.json:
        print(json.dumps(to_jsonable(listing), ensure_ascii=False, indent=2))
        return 0
    for summary in listing.dossiers:
        name = summary.applicant_name or "-"
        print(
            f"{summary.folder}\t{summary.procedure_code}\t{name}\t{summary.state}\t"
            f"{summary.current_step}\t{summary.modified}"
        )
    for skipped in listing.skipped:
        print(f"{_('skipped')}: {skipped.folder}: {skipped.reason}", file=sys.stderr)
    return 0
