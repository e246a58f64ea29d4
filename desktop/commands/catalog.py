"""`hoso catalog ...`: search the procedure catalog, show a procedure, import an update."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from common.i18n import _

if TYPE_CHECKING:
    from dossier import Procedure, ProcedureCatalog


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("catalog", help=_("search the procedure catalog"))
    actions = parser.add_subparsers(dest="action", metavar=_("ACTION"))
    actions.required = True

    search = actions.add_parser(
        "search", help=_("find procedures by name, code or keyword, like the portal")
    )
    search.add_argument(
        "text", nargs="*", help=_("words to look for (diacritics and case do not matter)")
    )
    search.add_argument("--agency", help=_('agency, e.g. "UBND xã Xuân Bắc"'))
    search.add_argument("--level", help=_('level: "xã", "huyện", "tỉnh", "bộ" (or commune...)'))
    search.add_argument("--field", help=_('field, e.g. "Hộ tịch"'))
    search.add_argument(
        "--service-level", type=int, choices=(1, 2, 3, 4), help=_("online service level")
    )
    search.add_argument("--json", action="store_true", help=_("print JSON"))
    search.set_defaults(handler=_search)

    show = actions.add_parser("show", help=_("show a procedure and its checklist of documents"))
    show.add_argument("code", help=_("procedure code, e.g. 1.001193"))
    show.add_argument("--json", action="store_true", help=_("print JSON"))
    show.set_defaults(handler=_show)

    imp = actions.add_parser(
        "import", help=_("use an updated catalog file (checked whole before it is used)")
    )
    imp.add_argument("file", type=Path)
    imp.set_defaults(handler=_import)

    reset = actions.add_parser("reset", help=_("forget the imported catalog, use the built-in one"))
    reset.set_defaults(handler=_reset)

    portals = actions.add_parser("portals", help=_("list the portal profiles"))
    portals.add_argument("--json", action="store_true", help=_("print JSON"))
    portals.set_defaults(handler=_portals)


def _user_dir() -> Path:
    from desktop import paths

    return paths.data_dir() / "catalog"


def _load() -> ProcedureCatalog:
    from dossier import load_catalog

    catalog = load_catalog(_user_dir())
    for warning in catalog.warnings:
        print(f"hoso: {warning}", file=sys.stderr)
    return catalog


def _search(args: argparse.Namespace) -> int:
    from dossier import LEVEL_LABELS, SearchQuery, normalise_level

    if args.level and normalise_level(args.level) is None:
        print(
            f"hoso: {_('unknown level {level!r}').format(level=args.level)}",
            file=sys.stderr,
        )
        return 2
    query = SearchQuery(
        text=" ".join(args.text),
        agency=args.agency,
        level=args.level,
        field=args.field,
        service_level=args.service_level,
    )
    hits = _load().search(query)
    if args.json:
        rows = [
            {
                "code": h.procedure.code,
                "name": h.procedure.name,
                "field": h.procedure.field,
                "level": h.procedure.level,
                "score": round(h.score, 2),
            }
            for h in hits
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    if not hits:
        print(_("No procedure found."), file=sys.stderr)
        return 0
    for hit in hits:
        p = hit.procedure
        print(f"{p.code}  {p.name}  [{p.field} · {_(LEVEL_LABELS[p.level])}]")
    return 0


def _show(args: argparse.Namespace) -> int:
    from common.schema import to_jsonable

    procedure = _load().get(args.code)
    if args.json:
        print(json.dumps(to_jsonable(procedure), ensure_ascii=False, indent=2))
        return 0
    print("\n".join(procedure_lines(procedure)))
    return 0


def procedure_lines(procedure: Procedure) -> list[str]:
    """The procedure as text: details, then the numbered checklist of components."""
    from dossier import COPY_KIND_LABELS, DELIVERY_LABELS, LEVEL_LABELS, fee_summary, is_unverified

    def mark(field: str, component: int | None = None) -> str:
        return f" ({_('unverified value')})" if is_unverified(procedure, field, component) else ""

    p = procedure
    lines = [
        p.name,
        f"{_('Procedure code')}: {p.code}",
        f"{_('Procedure field')}: {p.field}",
        f"{_('Implementing level')}: {_(LEVEL_LABELS[p.level])}",
        f"{_('Online service levels')}: {', '.join(map(str, p.service_levels))}"
        + mark("service_levels"),
        f"{_('Implementing agencies')}: {'; '.join(p.agencies)}",
        f"{_('Processing time')}: {p.processing_time}" + mark("processing_time"),
        f"{_('Fees and charges')}: {fee_summary(p.fee)}" + mark("fee"),
    ]
    if p.fee.description:
        lines.append(f"    {p.fee.description}")
    lines.append(
        f"{_('Result delivery')}: {', '.join(_(DELIVERY_LABELS[d]) for d in p.result_delivery)}"
        + mark("result_delivery")
    )
    if p.result:
        lines.append(f"{_('Procedure result')}: {p.result}" + mark("result"))
    if p.steps:
        lines.append(f"{_('Procedure steps')}:" + mark("steps"))
        lines += [f"  {i}. {step}" for i, step in enumerate(p.steps, 1)]
    if p.legal_basis:
        lines.append(f"{_('Legal basis')}:")
        lines += [f"  - {text}" for text in p.legal_basis]
    lines.append(f"{_('Documents to prepare')}:")
    for i, c in enumerate(p.components):
        box = _("required document") if c.required else _("optional document")
        lines.append(f"  {i + 1}. [{box}] {c.name}" + mark("name", i))
        details = [_(COPY_KIND_LABELS[c.copy_kind])]
        if c.quantity > 1:
            details.append(_("{count} copies").format(count=c.quantity))
        details.append(", ".join(c.formats))
        if c.must_be_signed:
            details.append(_("must be signed (signature required)"))
        if c.form_template:
            details.append(_("form {id}").format(id=c.form_template))
        lines.append(f"     {' · '.join(details)}")
        if c.notes:
            notes_mark = f"components[{i}].notes" in p.unverified
            lines.append(f"     {c.notes}" + (f" ({_('unverified value')})" if notes_mark else ""))
    return lines


def _import(args: argparse.Namespace) -> int:
    from dossier import import_catalog

    catalog = import_catalog(args.file, _user_dir())
    print(
        _("Catalog {version} imported: {count} procedures.").format(
            version=catalog.version, count=len(catalog)
        )
    )
    return 0


def _reset(args: argparse.Namespace) -> int:
    from dossier import remove_imported_catalog

    if remove_imported_catalog(_user_dir()):
        print(_("The imported catalog was removed; the built-in catalog is used."))
    else:
        print(_("No imported catalog; the built-in catalog is used."))
    return 0


def _portals(args: argparse.Namespace) -> int:
    from common.schema import to_jsonable
    from dossier import list_portals

    profiles = list_portals()
    if args.json:
        print(json.dumps(to_jsonable(profiles), ensure_ascii=False, indent=2))
        return 0
    for profile in profiles:
        unverified = f" ({_('unverified value')})" if "max_file_mb" in profile.unverified else ""
        print(f"{profile.id}  {profile.name}")
        if profile.url:
            print(f"    {profile.url}")
        print(
            "    "
            + _("formats: {formats}; at most {size} MB per file").format(
                formats=", ".join(profile.formats), size=f"{profile.max_file_mb:g}"
            )
            + unverified
        )
    return 0
