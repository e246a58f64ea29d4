"""Portal profiles: per-portal upload rules (formats, size limit, file naming), strictly
validated."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from common.errors import InputError
from common.i18n import _
from common.resources import resource_path
from common.schema import load_dataclass
from dossier.catalog_json import (  # noqa: F401
    _FORMAT_PATTERN,
    MAX_CATALOG_BYTES,
    _DuplicateKey,
    _invalid,
    _refuse_duplicate_keys,
    _refuse_repeats,
    read_strict_json,
)
from dossier.catalog_labels import (  # noqa: F401
    COPY_KIND_LABELS,
    DELIVERY_LABELS,
    LEVEL_LABELS,
    fee_summary,
    format_vnd,
    is_unverified,
)
from dossier.catalog_model import PortalProfile

_NAMING_SAMPLE = {"index": 1, "slug": "To_khai", "component_id": "to-khai", "code": "1.001193"}


def _check_portal(profile: PortalProfile, path: Path) -> PortalProfile:
    if profile.id != path.stem:
        raise _invalid(path, "id", _("{value!r} must match the file name").format(value=profile.id))
    if profile.url and not profile.url.startswith("https://"):
        raise _invalid(path, "url", _("an https:// address is expected"))
    if not profile.formats:
        raise _invalid(path, "formats", _("must not be empty"))
    for i, fmt in enumerate(profile.formats):
        if not _FORMAT_PATTERN.match(fmt):
            raise _invalid(
                path,
                f"formats[{i}]",
                _('{value!r} is not a file extension like "pdf"').format(value=fmt),
            )
    if profile.max_file_mb <= 0:
        raise _invalid(path, "max_file_mb", _("must be more than 0"))
    if profile.max_name_length < 8:
        raise _invalid(path, "max_name_length", _("must be at least 8"))
    try:
        profile.naming.format(**_NAMING_SAMPLE)
    except (KeyError, IndexError, ValueError) as exc:
        raise _invalid(
            path,
            "naming",
            _(
                "unknown placeholder or bad format ({reason}); use {{index}}, {{slug}}, "
                "{{component_id}}, {{code}}"
            ).format(reason=exc),
        ) from exc
    names = {f.name for f in dataclasses.fields(PortalProfile)}
    for i, entry in enumerate(profile.unverified):
        if entry not in names:
            raise _invalid(
                path, f"unverified[{i}]", _("{value!r} does not name a field").format(value=entry)
            )
    return profile


def read_portal_file(path: Path) -> PortalProfile:
    path = Path(path)
    profile = load_dataclass(PortalProfile, read_strict_json(path), source=path)
    return _check_portal(profile, path)


def list_portals(folder: Path | None = None) -> list[PortalProfile]:
    """Every portal profile of `folder` (default: the built-in resources/portals), by id."""
    folder = Path(folder) if folder is not None else resource_path("portals")
    return [read_portal_file(path) for path in sorted(folder.glob("*.json"))]


def load_portal(portal_id: str, folder: Path | None = None) -> PortalProfile:
    for profile in list_portals(folder):
        if profile.id == portal_id:
            return profile
    raise InputError(_("unknown portal profile: {id}").format(id=portal_id))
