"""Frozen options of the signing façade."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Literal

Level = Literal["B-B", "B-T", "B-LT"]


@dataclass(frozen=True)
class StampOptions:
    """Where and how the signature shows on the page; visible=False makes it invisible."""

    visible: bool = True
    page: int | None = None  # 1-based; None = last page
    rect: tuple[float, float, float, float] | None = None  # x1, y1, x2, y2 in PDF points
    image: Path | None = None  # PNG (signature or seal), drawn behind the text
    font_size: int = 8  # pyHanko layout needs whole numbers


@dataclass(frozen=True)
class SignOptions:
    reason: str = ""
    location: str = ""
    contact: str = ""
    level: Level = "B-B"
    tsa_urls: tuple[str, ...] = ()  # tried in order for B-T and B-LT
    tsa_timeout: float = 10.0
    field_name: str | None = None  # existing empty field to fill, or the new field's name
    certify: bool = False  # certification signature allowing form filling and signing
    stamp: StampOptions = field(default_factory=StampOptions)
    allow_invalid_cert: bool = False  # the user confirmed signing with an expired cert
    pdf_password: str | None = None  # for encrypted inputs
    trust_roots: tuple[Path, ...] = ()  # PEM files, used to build the chain for B-LT


@dataclass(frozen=True)
class VerifyOptions:
    trust_roots: tuple[Path, ...] = ()  # PEM/DER files of trusted certificates
    extra_certs: tuple[Path, ...] = ()  # intermediates to help path building
    at: datetime | None = None  # validation time; None = now
    allow_fetching: bool = False  # fetch OCSP/CRL over the network
    pdf_password: str | None = None
