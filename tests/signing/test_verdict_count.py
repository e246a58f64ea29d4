"""The file's verdict says "the signature" for one signature, not "all 1 signatures" (issue 18)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from common import i18n
from signing.verify import SignatureReport, VerifyReport


def _signature(ok: bool) -> SignatureReport:
    missing = dataclasses.MISSING
    required = [f.name for f in dataclasses.fields(SignatureReport)
                if f.default is missing and f.default_factory is missing]  # fmt: skip
    fields: dict[str, object] = dict.fromkeys(required)
    fields.update(field_name="Sig1", revoked=False, coverage="", changes="", change_detail="",
                  pades_level="", certification=False, ok=ok, verdict="")  # fmt: skip
    return SignatureReport(**fields)


def test_one_signature_is_named_in_the_singular():
    one = VerifyReport(Path("a.pdf"), (_signature(True),))
    assert one.verdict == "Chữ ký hợp lệ."
    assert VerifyReport(Path("a.pdf"), (_signature(False),)).verdict == "Chữ ký có vấn đề."
    two = VerifyReport(Path("a.pdf"), (_signature(True), _signature(True)))
    assert two.verdict == "Cả 2 chữ ký đều hợp lệ."
    mixed = VerifyReport(Path("a.pdf"), (_signature(True), _signature(False)))
    assert mixed.verdict == "1 trong 2 chữ ký có vấn đề."
    i18n.set_language("en")
    assert one.verdict == "The signature is valid."
    assert two.verdict == "All 2 signatures are valid."
