"""Naming a component of a dossier the way people do: its number in the procedure or its id.

Numbers are 1-based and follow the procedure's list of components in the catalog. Without
the catalog (or for a procedure it does not know) numbers follow the components already in
the dossier, and any well-formed id is accepted.
"""

from __future__ import annotations

import importlib
import re

from common.errors import InputError
from common.i18n import _
from dossier.model import Dossier

_COMPONENT_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")


def catalog_component_ids(procedure_code: str) -> list[str] | None:
    """The component ids of a procedure from the catalog, or None when it is not known."""
    try:
        catalog_module = importlib.import_module("dossier.catalog")
        procedure = catalog_module.find_procedure(procedure_code)
    except (ImportError, AttributeError):
        return None  # catalog package not available in this build
    if procedure is None:
        return None
    return [component.id for component in procedure.components]


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
