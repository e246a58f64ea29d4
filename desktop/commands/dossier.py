"""`hoso dossier ...`: create a dossier folder, add files to its components, show it."""

from __future__ import annotations

import argparse
import json
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


def _new(args: argparse.Namespace) -> int:
    from common.schema import read_json
    from dossier.workspace import Workspace

    applicant = {}
    if args.applicant:
        data = read_json(args.applicant)
        applicant = {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}
    workspace = Workspace.create(args.folder, args.procedure, applicant=applicant)
    print(workspace.root)
    return 0


def _add(args: argparse.Namespace) -> int:
    from dossier.workspace import Workspace

    workspace = Workspace.open(args.folder)
    for path in args.files:
        item = workspace.add_file(args.component, path)
        print(f"{item.id}\t{item.name}")
    return 0


def _show(args: argparse.Namespace) -> int:
    from common.schema import to_jsonable
    from dossier.workspace import Workspace

    workspace = Workspace.open(args.folder)
    dossier = workspace.dossier
    if args.json:
        print(json.dumps(to_jsonable(dossier), ensure_ascii=False, indent=2))
        return 0
    print(f"{_('Procedure')}: {dossier.procedure_code}")
    print(f"{_('State')}: {dossier.state}")
    for entry in dossier.components:
        print(f"- {entry.component_id}: {len(entry.files)} {_('file(s)')}")
        for item in entry.files:
            print(f"    {item.name} ({item.size} B)")
    return 0
