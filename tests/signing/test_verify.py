"""Verification gives the expected verdict for every file of testdata/signed (SOURCES.md),
and a verdict or a clear error, quickly, for every hostile PDF."""

from __future__ import annotations

import time
from datetime import UTC, datetime

import pytest

from common.errors import InputError
from signing.options import VerifyOptions
from signing.verify import (
    LEVEL_CHANGED,
    LEVEL_INVALID,
    LEVEL_UNCHANGED,
    PROBLEM_ORDER,
    verify,
)

PYHANKO_TIME = datetime(2020, 11, 1, tzinfo=UTC)

# file -> per signature: (intact, valid, coverage, changes, level, words of the verdict);
# judged with the pyHanko test root as trust store (pdfsign: no store). None: not asserted.
U, C, X = LEVEL_UNCHANGED, LEVEL_CHANGED, LEVEL_INVALID
EXPECTED = {
    "pyhanko/certified-with-indirect-refs-in-dir.pdf": [
        (True, True, "whole_file", "none", U, "không thay đổi từ khi ký")
    ],
    "pyhanko/coverage-anomalies_one-byterange.pdf": [
        (True, True, "unclear", None, X, "vùng ký bất thường")
    ],
    "pyhanko/coverage-anomalies_signature-gap-too-big.pdf": [
        (True, True, "unclear", None, X, "vùng ký bất thường")
    ],
    "pyhanko/coverage-anomalies_tail-uncovered.pdf": [
        (True, True, "unclear", None, X, "vùng ký bất thường")
    ],
    "pyhanko/coverage-anomalies_weird-byterange.pdf": [
        (True, True, "unclear", None, X, "vùng ký bất thường")
    ],
    "pyhanko/ed448-disallowed-hash.pdf": [
        (True, None, "whole_file", "none", X, "thuật toán của chữ ký (ED448, SHA-512)")
    ],
    # the certificate expired on 01/01/2022, the signer claims to have signed in 11/2022
    "pyhanko/form-update-ap-indirect-sneaky-trailer.pdf": [
        (True, True, "earlier_revision", "disallowed", X, "thay đổi không được phép"),
        (True, True, "whole_file", "none", X, "đã hết hạn vào thời điểm ký mà người ký khai"),
    ],
    "pyhanko/form-update-override-appearance-stream-sneaky.pdf": [
        (True, True, "earlier_revision", "disallowed", X, "thay đổi không được phép"),
        (True, True, "whole_file", "none", X, "đã hết hạn"),
    ],
    "pyhanko/form-update-override-appearance-stream.pdf": [
        (True, True, "earlier_revision", "allowed", X, "đã hết hạn"),
        (True, True, "whole_file", "none", X, "đã hết hạn"),
    ],
    # signed by a self-signed test certificate: valid, not trusted by the store given
    # the second signature is not trusted either, so it covers nothing of the first's
    "pyhanko/minimal-signed-twice-both-created.pdf": [
        (True, True, "earlier_revision", "allowed", X, "không có chữ ký nào sau đó bao phủ"),
        (True, True, "whole_file", "none", X, "không được tin cậy"),
    ],
    "pyhanko/minimal-two-fields-signed-twice.pdf": [
        (True, True, "earlier_revision", "allowed", X, "không có chữ ký nào sau đó bao phủ"),
        (True, True, "whole_file", "none", X, "không được tin cậy"),
    ],
    # a document timestamp, a DSS, then a second signature covering them
    "pyhanko/pades-lta-dss-indirect-arrs-test-2.pdf": [
        (True, True, "earlier_revision", "allowed", U, "các thay đổi sau đó đã được Alice ký"),
        (True, True, "earlier_revision", "allowed", U, "không thay đổi từ khi ký"),
    ],
    "pyhanko/pades-lta-dss-indirect-arrs-test.pdf": [
        (True, True, "earlier_revision", "allowed", U, "không thay đổi từ khi ký")
    ],
    "pyhanko/pades-with-old-style-signing-cert-attr.pdf": [
        (True, True, "whole_file", "none", U, "được tin cậy")
    ],
    "pyhanko/pdf-sig-with-econtent.pdf": [(None, None, None, "unknown", X, "định dạng CMS")],
    "pyhanko/sig-no-signed-attrs.pdf": [(True, True, "whole_file", "none", U, "được tin cậy")],
    "pyhanko/sig-with-ski-sid.pdf": [(True, True, "whole_file", "none", U, "được tin cậy")],
    "pdfsign/aatl-datasheet.pdf": [(True, True, "whole_file", "none", U, "không kiểm tra được")],
    "pdfsign/hello_hsm.pdf": [(True, True, "whole_file", "none", U, "không kiểm tra được")],
    "pdfsign/multi.pdf": [
        (True, False, "earlier_revision", "disallowed", X, "sai về mật mã"),
        (True, True, "whole_file", "none", X, "thuật toán băm SHA-1"),
    ],
    "pdfsign/sigmodified.pdf": [(False, None, "whole_file", None, X, "tệp đã bị sửa sau khi")],
}

LIBRARY_WORDS = ("Error", "Exception", "pyhanko", "asn1crypto", "module ", "object ID", "OID")


def _options(testdata, name: str) -> VerifyOptions:
    if not name.startswith("pyhanko/"):
        return VerifyOptions()
    trust = testdata("signed", "pyhanko", "trust")
    return VerifyOptions(
        trust_roots=(trust / "pyhanko-testing-ca-root.cert.pem",),
        extra_certs=(trust / "pyhanko-testing-ca-chain.cert.pem",),
        at=PYHANKO_TIME,
    )


def test_every_signed_file_is_listed(testdata):
    folder = testdata("signed")
    found = {str(p.relative_to(folder)) for p in folder.rglob("*.pdf")}
    assert found == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_expected_verdict(testdata, name):
    report = verify(testdata("signed", *name.split("/")), _options(testdata, name))
    expected = EXPECTED[name]
    assert len(report.signatures) == len(expected)
    for sig, (intact, valid, coverage, changes, level, words) in zip(
        report.signatures, expected, strict=True
    ):
        assert sig.intact is intact, sig
        if valid is not None or intact is None:
            assert sig.valid is valid, sig
        if coverage is not None:
            assert sig.coverage == coverage, sig
        if changes is not None:
            assert sig.changes == changes, sig
        assert sig.level == level, sig
        assert sig.ok is (level == U), sig
        assert words in sig.verdict, sig.verdict
        assert "\n" not in sig.verdict
        for text in [sig.verdict, *(p.text for p in sig.problems), *sig.notes]:
            assert not any(w in text for w in LIBRARY_WORDS), text
        assert [p.kind for p in sig.problems] == sorted(
            (p.kind for p in sig.problems), key=PROBLEM_ORDER.index
        )
    assert report.all_ok is all(e[4] == U for e in expected)


def test_weak_algorithm_verdict(testdata):
    name = "pyhanko/ed448-disallowed-hash.pdf"
    [sig] = verify(testdata("signed", *name.split("/")), _options(testdata, name)).signatures
    assert "thuật toán" in sig.verdict


def test_trusted_only_with_the_right_root(testdata):
    name = "pyhanko/sig-with-ski-sid.pdf"
    path = testdata("signed", *name.split("/"))
    assert verify(path, _options(testdata, name)).signatures[0].trusted
    untrusted = verify(path, VerifyOptions(at=PYHANKO_TIME)).signatures[0]
    assert not untrusted.trusted and untrusted.ok  # no trust store given: not judged


def test_no_signature(pdf_one_page):
    report = verify(pdf_one_page)
    assert report.signatures == () and not report.all_ok
    assert "không có chữ ký" in report.verdict


def test_json_shape(testdata):
    report = verify(testdata("signed", "pdfsign", "hello_hsm.pdf"))
    data = report.as_dict()
    assert data["signatures"][0]["claimed_time"].startswith("20")
    assert data["ok"] is True


def _hostile(testdata):
    folder = testdata("hostile", "pdf")
    return sorted(folder.glob("*.pdf"))


def test_hostile_pdfs_give_a_verdict_or_clear_error(testdata):
    for path in _hostile(testdata):
        start = time.monotonic()
        try:
            report = verify(path)
            assert report.verdict
        except InputError as exc:
            assert exc.message and exc.path == path
        assert time.monotonic() - start < 10, path
