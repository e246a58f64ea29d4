"""Find the procedure of a dossier and a portal profile for the packaging commands.

Reads the catalog files (resources/catalog/*.json, `{"version", "procedures"}`) and portal
profiles (resources/portals/<id>.json) strictly, through the model of dossier.catalog_model.
"""

from __future__ import annotations

from pathlib import Path

from common.errors import InputError
from common.i18n import _
from common.resources import resource_path
from common.schema import load_dataclass, read_json
from dossier.catalog_model import Catalog, PortalProfile, Procedure


def _procedures_in(path: Path) -> tuple[Procedure, ...]:
    data = read_json(path)
    if isinstance(data, dict) and "procedures" in data:
        return load_dataclass(Catalog, data, source=path).procedures
    return (load_dataclass(Procedure, data, source=path),)


def load_procedure(code: str, catalog: Path | None = None) -> Procedure:
    files = [catalog] if catalog else sorted(resource_path("catalog").glob("*.json"))
    for path in files:
        for procedure in _procedures_in(path):
            if procedure.code == code:
                return procedure
    raise InputError(
        _("procedure {code} is not in the catalog").format(code=code),
        path=catalog or resource_path("catalog"),
    )


def load_portal(name: str) -> PortalProfile:
    """A portal profile by id (resources/portals/<id>.json) or by the path of a JSON file."""
    path = Path(name)
    if path.suffix.lower() != ".json":
        path = resource_path("portals", f"{name}.json")
    if not path.is_file():
        raise InputError(_("unknown portal profile: {name}").format(name=name), path=path)
    return load_dataclass(PortalProfile, read_json(path), source=path)
