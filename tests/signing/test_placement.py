"""The stamp goes where a person signs, never over text, values or drawings."""

from __future__ import annotations

from pathlib import Path

import pytest

from common.resources import resource_path
from signing import SignOptions, open_p12, sign
from signing.placement import auto_place, captions, is_caption, obstacles
from tests.signing.pki import P12_PASSWORD

TEMPLATES = sorted(resource_path("forms").glob("*.pdf"))


def _intersecting(page, rect) -> list:
    x0, y0, x1, y1 = rect
    return [b for b in obstacles(page) if x0 < b[2] and x1 > b[0] and y0 < b[3] and y1 > b[1]]


def _grown(rect):
    import pymupdf

    r = pymupdf.Rect(rect)
    return pymupdf.Rect(r.x0 - 1, r.y0 - 1, r.x1 + 1, r.y1 + 1)


def _check(path: Path, expect_caption: bool) -> None:
    import pymupdf

    place = auto_place(path)
    if place is None:  # a page with no blank space large enough: signing asks for a place
        assert not expect_caption, path
        return
    with pymupdf.open(path) as doc:
        page = doc[place.page]
        assert _intersecting(page, place.rect) == [], path
        if expect_caption:
            assert place.under_caption, path
            above = [c for c in captions(page) if c[3] <= place.rect[1]]
            assert above, path
            caption = max(above, key=lambda c: c[3])
            assert place.rect[1] - caption[3] < 80, path  # right under it
            assert place.rect[0] < caption[2] and place.rect[2] > caption[0], path
        else:
            assert place.page == doc.page_count - 1 or place.under_caption


def test_captions_are_recognised():
    for line in ("(Ký, ghi rõ họ tên)", "(ký và ghi rõ họ tên)", "NGƯỜI YÊU CẦU", "NGƯỜI KHAI",
                 "Người làm đơn", "(Ký, ghi rõ họ, chữ đệm, tên)"):  # fmt: skip
        assert is_caption(line), line
    for line in ("Họ, chữ đệm, tên người yêu cầu: ……", "Người khai ghi số định danh", "Ký hiệu"):
        assert not is_caption(line), line


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.name)
def test_every_template_gets_the_stamp_under_its_caption(path):
    _check(path, expect_caption=True)


def test_vietnamese_test_forms(testdata):
    for path in sorted(testdata("forms", "vietnamese").glob("*.pdf")):
        _check(path, expect_caption=True)


def test_acroform_test_forms_never_covered(testdata):
    for path in sorted(testdata("forms", "acroform").glob("*.pdf")):
        _check(path, expect_caption=False)


def test_sign_puts_the_stamp_there_and_a_second_signer_under_the_next_caption(pki, tmp_path):
    import pymupdf

    template = resource_path("forms", "tk-khai-sinh.pdf")
    first, second = tmp_path / "1.pdf", tmp_path / "2.pdf"
    with open_p12(pki.p12("signer"), P12_PASSWORD) as signer:
        sign(template, first, SignOptions(), signer)
        sign(first, second, SignOptions(), signer)
    expected = auto_place(template)
    with pymupdf.open(second) as doc:
        page = doc[expected.page]
        stamps = [w.rect for w in page.widgets() if w.field_type_string == "Signature"]
        assert len(stamps) == 2
        assert all(abs(a - b) <= 1.5 for a, b in zip(stamps[0], expected.rect, strict=True))
        for rect in stamps:
            # only the stamps themselves (and the text of their appearance) are under them
            inside = [pymupdf.Rect(s) for s in _intersecting(page, rect)]
            assert all(any(r in _grown(st) for st in stamps) for r in inside)
        assert not stamps[0].intersects(stamps[1])
