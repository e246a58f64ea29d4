"""What people read of a catalog entry: labels of levels, copy kinds and delivery, fees in đồng,
the marks of unverified values."""

from __future__ import annotations

from common.i18n import N_, _
from dossier.catalog_json import (  # noqa: F401
    _FORMAT_PATTERN,
    MAX_CATALOG_BYTES,
    _DuplicateKey,
    _invalid,
    _refuse_duplicate_keys,
    _refuse_repeats,
    read_strict_json,
)
from dossier.catalog_model import Fee, Procedure

#: user-visible labels of the model's enumerations (translated when shown)
LEVEL_LABELS: dict[str, str] = {
    "commune": N_("Commune level"),
    "district": N_("District level"),
    "province": N_("Province level"),
    "ministry": N_("Ministry level"),
}
COPY_KIND_LABELS: dict[str, str] = {
    "original": N_("Original document"),
    "copy": N_("Copy of the document"),
    "certified_copy": N_("Certified copy"),
    "original_or_copy": N_("Original or copy"),
    "present": N_("Show the original (not submitted)"),
}
DELIVERY_LABELS: dict[str, str] = {
    "office": N_("At the office"),
    "post": N_("By post"),
    "online": N_("Online (electronic copy)"),
}


def is_unverified(procedure: Procedure, field: str, component: int | None = None) -> bool:
    """Was this value marked "(unverified)"? `component` is the 0-based component index."""
    marks = set(procedure.unverified)
    if component is None:
        return field in marks or any(m.startswith(f"{field}.") for m in marks)
    prefix = f"components[{component}]"
    return prefix in marks or f"{prefix}.{field}" in marks


def format_vnd(amount: int) -> str:
    """2000 -> '2.000 đ' in Vietnamese, '2,000 VND' in English."""
    from common.i18n import current_language, format_number

    return format_number(amount) + (" VND" if current_language() == "en" else " đ")


def fee_summary(fee: Fee) -> str:
    """One short line for lists: free, an amount, or set by the province."""
    if fee.amount_vnd is None:
        return _("Set by the province")
    if fee.amount_vnd == 0:
        return _("Free of charge")
    amount = format_vnd(fee.amount_vnd)
    return f"{amount}/{fee.unit}" if fee.unit else amount
