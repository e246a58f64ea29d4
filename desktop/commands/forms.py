"""`hoso fields`, `hoso fill`, `hoso profile ...`: inspect and fill forms, manage profiles."""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from common.errors import InputError
from common.i18n import _


def register(subparsers: argparse._SubParsersAction) -> None:
    fields = subparsers.add_parser(
        "fields", help=_("list the fields and blanks of a form (PDF, or Word .docx/.doc)")
    )
    fields.add_argument("form", type=Path)
    fields.add_argument("--json", action="store_true", help=_("print JSON"))
    fields.add_argument("--password", help=_("password of an encrypted PDF"))
    fields.set_defaults(handler=_fields)

    fill = subparsers.add_parser("fill", help=_("fill a form from citizen profiles"))
    fill.add_argument("form", type=Path)
    fill.add_argument("--profile", help=_("profile of the requester (JSON file or profile id)"))
    fill.add_argument(
        "--role", action="append", default=[], metavar="ROLE=PROFILE",
        help=_("profile for another person the form is about; roles in Vietnamese or "
               "English: {roles}").format(roles=_role_names()),
    )  # fmt: skip
    fill.add_argument(
        "--member", action="append", default=[], metavar="PROFILE",
        help=_("a household member for a table of people (CT01), one row each, in order"),
    )  # fmt: skip
    fill.add_argument(
        "--set", action="append", default=[], metavar="KEY=VALUE", dest="assignments",
        help=_("a value: field name, blank id (p1b3), profile key or role.key"),
    )  # fmt: skip
    fill.add_argument(
        "-o", "--output", type=Path, required=True,
        help=_("output file: a PDF for a PDF form; .docx for a Word form (.pdf: converted by "
               "Word or LibreOffice when installed)"),
    )  # fmt: skip
    fill.add_argument("--flatten", action="store_true", help=_("no fields left (for upload)"))
    fill.add_argument("--password", help=_("password of an encrypted PDF"))
    fill.add_argument(
        "--today", default="", help=_("date written in 'ngày … tháng … năm' (dd/mm/yyyy)")
    )
    fill.add_argument("--force", action="store_true", help=_("write even when values look wrong"))
    fill.add_argument(
        "--strict", action="store_true",
        help=_("exit 1 when blanks are left for the person to fill in by hand"),
    )  # fmt: skip
    fill.set_defaults(handler=_fill)

    profile = subparsers.add_parser("profile", help=_("citizen profiles"))
    actions = profile.add_subparsers(dest="action", metavar=_("ACTION"))
    actions.required = True
    listing = actions.add_parser("list", help=_("list the saved profiles"))
    listing.add_argument("--json", action="store_true", help=_("print JSON"))
    listing.set_defaults(handler=_profile_list)
    show = actions.add_parser("show", help=_("show one profile"))
    show.add_argument("id")
    show.set_defaults(handler=_profile_show)
    add = actions.add_parser("add", help=_("save a new profile"))
    add.add_argument("--from-json", type=Path, help=_("read the values from a JSON file"))
    add.add_argument("--set", action="append", default=[], metavar="KEY=VALUE", dest="assignments")
    add.set_defaults(handler=_profile_add)
    delete = actions.add_parser("delete", help=_("delete a profile"))
    delete.add_argument("id")
    delete.set_defaults(handler=_profile_delete)
    from_qr = actions.add_parser(
        "from-qr", help=_("read a profile from the QR code of a chip ID card")
    )
    from_qr.add_argument("image", type=Path)
    from_qr.add_argument("--save", action="store_true", help=_("save it as a new profile"))
    from_qr.set_defaults(handler=_profile_from_qr)


def _role_names() -> str:
    from forms import known_role_names

    return known_role_names()


def _pairs(items: list[str]) -> dict[str, str]:
    pairs = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise InputError(_("expected KEY=VALUE, got {item!r}").format(item=item))
        pairs[key.strip()] = value
    return pairs


def _store():
    from desktop.paths import profiles_dir
    from forms import ProfileStore

    return ProfileStore(profiles_dir())


def _load_profile(ref: str):
    from forms import load_profile

    path = Path(ref)
    if path.suffix.lower() == ".json" or path.exists():
        return load_profile(path)
    return _store().get(ref)


def _inspect(path: Path, password: str | None):
    import forms

    try:
        return forms.inspect(path, forms.InspectOptions(password=password))
    except forms.PasswordRequired:
        if password is None and sys.stdin.isatty():
            import getpass

            secret = getpass.getpass(_("Password for {file}: ").format(file=path.name))
            return forms.inspect(path, forms.InspectOptions(password=secret))
        raise


def _fields(args: argparse.Namespace) -> int:
    import forms

    with tempfile.TemporaryDirectory(prefix="hoso-form-") as work:
        form = forms.prepare_form(args.form, Path(work))
        info = _inspect(form, args.password)
    for warning in info.warnings:
        print(f"hoso: {args.form}: {warning}", file=sys.stderr)
    if args.json:
        rows = [
            {
                "kind": i.kind, "id": i.id, "type": i.type, "page": i.page,
                "rect": [round(v, 2) for v in i.rect], "label": i.label, "key": i.key,
                "role": i.role, "confidence": i.confidence, "value": i.value,
                "options": list(i.options), "person": i.person,
                "person_confidence": i.person_confidence, "block": i.block,
                "capitals": i.capitals, "in_words": i.in_words,
            }
            for i in info.items
        ]  # fmt: skip
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for i in info.items:
        meaning = f"{i.person + '.' if i.person else ''}{i.key or '-'} ({i.confidence:.2f})"
        rect = ",".join(f"{v:.0f}" for v in i.rect)
        print(f"{i.page}\t{i.id}\t{i.type}\t[{rect}]\t{meaning}\t{i.label}")
    return 0


def _roles(assignments: list[str]) -> dict[str, str] | None:
    """ROLE=PROFILE pairs with the role's canonical name; None (after saying why) when a role
    is unknown."""
    from forms import role_from_name

    roles: dict[str, str] = {}
    for name, ref in _pairs(assignments).items():
        person = role_from_name(name)
        if person is None:
            message = _("unknown role {role!r}; known roles: {roles}")
            print(f"hoso: {message.format(role=name, roles=_role_names())}", file=sys.stderr)
            return None
        roles[person] = ref
    return roles


def _print_left(form: Path, left: list, skipped: list[tuple[str, str]]) -> None:
    """The blanks left for the person ("cần điền tay"), with their labels."""
    if not left:
        return
    print(_("Left for you to fill in by hand ({count}):").format(count=len(left)))
    reasons = dict(skipped)
    for item in left:
        label = item.label or _("(no label)")
        where = _("page {page}").format(page=item.page)
        why = reasons.get(item.id, "")
        print(f"  {item.id}\t{where}\t{label}" + (f"\t{why}" if why else ""))


def _fill(args: argparse.Namespace) -> int:
    import forms

    roles = _roles(args.role)
    if roles is None:
        return 2
    profiles = {}
    if args.profile:
        profiles["requester"] = _load_profile(args.profile)
    for role, ref in roles.items():
        profiles[role] = _load_profile(ref)
    for number, ref in enumerate(args.member, start=1):
        profiles[f"member:{number}"] = _load_profile(ref)
    overrides = _pairs(args.assignments)
    with tempfile.TemporaryDirectory(prefix="hoso-form-") as work:
        form = forms.prepare_form(args.form, Path(work))
        info = _inspect(form, args.password)
        values = forms.autofill(info.items, profiles, overrides, today=args.today)
        problems = forms.validate(info.items, values)
        for problem in problems:
            print(f"hoso: {args.form}: {problem}", file=sys.stderr)
        if problems and not args.force:
            raise InputError(_("the values have problems; fix them or use --force"), path=args.form)
        options = forms.FillOptions(flatten=args.flatten, password=args.password, today=args.today)
        result = _write_filled(form, args.output, values, options, Path(work))
    for warning in result.warnings:
        print(f"hoso: {args.form}: {warning}", file=sys.stderr)
    for item_id, reason in result.skipped:
        print(f"hoso: {item_id}: {reason}", file=sys.stderr)
    print(
        _("{count} value(s) written to {file}").format(count=len(result.filled), file=result.output)
    )
    written = {i: v for i, v in values.items() if i in set(result.filled)}
    left = forms.left_for_person(info.items, written)
    _print_left(args.form, left, list(result.skipped))
    return 1 if left and args.strict else 0


def _write_filled(form: Path, output: Path, values: dict, options, work: Path):
    """Fill `form` into `output`; a Word form gives a .docx, or a PDF made by Word or
    LibreOffice when `output` ends in .pdf."""
    import dataclasses

    import forms
    from forms import sniff_kind

    if sniff_kind(form) != "docx" or output.suffix.lower() != ".pdf":
        return forms.fill(form, output, values, options)
    from common.fsutil import atomic_output
    from forms import convert_to_pdf

    filled = forms.fill(form, work / f"{output.stem}.docx", values, options)
    pdf = convert_to_pdf(filled.output, work / "pdf")
    with atomic_output(output, private=False) as tmp:
        tmp.write_bytes(pdf.read_bytes())
    return dataclasses.replace(filled, output=output)


def _print_profile(profile, as_json: bool = True) -> None:
    print(json.dumps(profile.as_dict(), ensure_ascii=False, indent=2))


def _profile_list(args: argparse.Namespace) -> int:
    store = _store()
    profiles, problems = store.scan()
    for problem in problems:
        print(f"hoso: {problem.user_message()}", file=sys.stderr)
    if args.json:
        print(json.dumps([p.as_dict() for p in profiles], ensure_ascii=False, indent=2))
        return 0
    for p in profiles:
        print(f"{p.id}\t{p.full_name}\t{p.date_of_birth}\t{p.personal_id}")
    return 0


def _profile_show(args: argparse.Namespace) -> int:
    _print_profile(_store().get(args.id))
    return 0


def _profile_add(args: argparse.Namespace) -> int:
    from common.schema import read_json

    values: dict[str, str] = {}
    if args.from_json:
        data = read_json(args.from_json)
        if not isinstance(data, dict):
            raise InputError(_("a JSON object is expected"), path=args.from_json)
        values.update(data)
    values.update(_pairs(args.assignments))
    values.pop("id", None)
    values.pop("version", None)
    from forms import PROFILE_FIELDS

    unknown = sorted(set(values) - set(PROFILE_FIELDS))
    if unknown:
        raise InputError(_("unknown profile key(s): {keys}").format(keys=", ".join(unknown)))
    profile = _store().add(**values)
    print(profile.id)
    return 0


def _profile_delete(args: argparse.Namespace) -> int:
    _store().delete(args.id)
    return 0


def _profile_from_qr(args: argparse.Namespace) -> int:
    from forms import read_cccd

    data = read_cccd(args.image)
    if args.save:
        profile = _store().add(**data.profile_values())
        print(profile.id)
        return 0
    print(json.dumps(data.profile_values(), ensure_ascii=False, indent=2))
    return 0
