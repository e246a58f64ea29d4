"""Naming a component of a dossier the way people do: its number in the procedure or its id.

Numbers are 1-based and follow the procedure's list of components in the catalog. Without
the catalog (or for a procedure it does not know) numbers follow the components already in
the dossier, and any well-formed id is accepted.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from common.errors import InputError
from common.i18n import _
from dossier.model import Dossier

_COMPONENT_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")


@dataclass(frozen=True)
class ProcedureLookup:
    catalog_available: bool
    procedure: Any | None  # dossier.catalog_model.Procedure when the catalog knows the code

    @property
    def component_ids(self) -> list[str] | None:
        if self.procedure is None:
            return None
        return [component.id for component in self.procedure.components]


def lookup_procedure(procedure_code: str, user_dir: Path | None = None) -> ProcedureLookup:
    """The procedure from the catalog (with the user's imported update in `user_dir`)."""
    try:
        catalog_module = importlib.import_module("dossier.catalog")
        load_catalog = catalog_module.load_catalog
    except (ImportError, AttributeError):
        return ProcedureLookup(False, None)  # a build without the catalog
    return ProcedureLookup(True, load_catalog(user_dir).find(procedure_code))


def catalog_component_ids(procedure_code: str, user_dir: Path | None = None) -> list[str] | None:
    """The component ids of a procedure from the catalog, or None when it is not known."""
    return lookup_procedure(procedure_code, user_dir).component_ids


def resolve_component(dossier: Dossier, spec: str, catalog_ids: list[str] | None = None) -> str:
    """The component id meant by `spec` ('2' or 'giay-chung-sinh'); InputError when unknown."""
    spec = spec.strip()
    known = catalog_ids if catalog_ids is not None else [c.component_id for c in dossier.components]
    if spec.isdigit():
        number = int(spec)
        if 1 <= number <= len(known):
            return known[number - 1]
        raise InputError(
            _("no component number {number} in this procedure (1 to {count})").format(
                number=number, count=len(known)
            )
        )
    if spec in known:
        return spec
    if catalog_ids is not None:
        raise InputError(
            _("unknown component {id}; this procedure has: {ids}").format(
                id=spec, ids=", ".join(catalog_ids)
            )
        )
    if not _COMPONENT_ID.match(spec):
        raise InputError(
            _("invalid component id {id} (lower-case letters, digits and '-')").format(id=spec)
        )
    return spec
