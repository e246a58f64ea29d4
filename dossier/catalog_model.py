"""Data model of the procedure catalog and of portal profiles (loaded strictly from JSON).

Catalog file: resources/catalog/*.json, `{"version": str, "procedures": [Procedure...]}`.
Portal profile: resources/portals/<id>.json, one PortalProfile each.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

CopyKind = Literal["original", "copy", "certified_copy", "original_or_copy", "present"]


@dataclass(frozen=True)
class Component:
    """A dossier component ("thành phần hồ sơ") the procedure asks for."""

    id: str  # stable id, e.g. "to-khai"
    name: str  # Vietnamese name as on the portal
    required: bool = True
    copy_kind: CopyKind = "original"
    quantity: int = 1
    formats: tuple[str, ...] = ("pdf", "jpg")  # accepted upload formats
    must_be_signed: bool = False
    form_template: str | None = None  # id of a template in resources/forms, if it is a form
    notes: str = ""

    @property
    def upload_required(self) -> bool:
        """Required, and a file to upload: a paper only shown at the office ("xuất trình bản
        chính", copy_kind "present") is not uploaded, so it is never missing."""
        return self.required and self.copy_kind != "present"


@dataclass(frozen=True)
class Fee:
    amount_vnd: int | None = None  # None when set by the province or variable
    description: str = ""
    unit: str = ""  # what the amount is charged per, e.g. "trang" (2.000 đ/trang); "" = in all


@dataclass(frozen=True)
class Procedure:
    code: str  # national code, e.g. "1.001193"
    name: str
    field: str  # lĩnh vực, e.g. "Hộ tịch"
    level: Literal["commune", "district", "province", "ministry"] = "commune"
    service_levels: tuple[int, ...] = (2, 3, 4)  # online service levels offered (1-4)
    agencies: tuple[str, ...] = ()
    processing_time: str = ""
    processing_days: int | None = None  # working days, for expected result dates
    fee: Fee = field(default_factory=Fee)
    legal_basis: tuple[str, ...] = ()
    result_delivery: tuple[Literal["office", "post", "online"], ...] = ("office",)
    components: tuple[Component, ...] = ()
    steps: tuple[str, ...] = ()  # how it is carried out ("trình tự thực hiện")
    result: str = ""  # what the applicant receives
    keywords: tuple[str, ...] = ()  # extra search words (synonyms)
    unverified: tuple[str, ...] = ()  # fields not confirmed by a source (DOMAIN.md)


@dataclass(frozen=True)
class Catalog:
    version: str
    procedures: tuple[Procedure, ...]


@dataclass(frozen=True)
class PortalProfile:
    id: str  # e.g. "dongnai"
    name: str
    url: str
    formats: tuple[str, ...] = ("pdf", "jpg", "jpeg", "png")
    max_file_mb: float = 5.0
    max_name_length: int = 60
    allow_split: bool = False  # may a large component be uploaded as several numbered parts
    naming: str = "{index:02d}_{slug}"  # file name rule without extension
    unverified: tuple[str, ...] = ()
    notes: str = ""
