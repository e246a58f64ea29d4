"""Banded page rendering (ui/pdf_render.py) gives the same pixels as one get_pixmap call."""

from __future__ import annotations

import numpy as np
import pymupdf
import pytest

from common.resources import resource_path
from ui import pdf_render


@pytest.mark.parametrize("dpi", [72, 96, 192])
def test_bands_give_the_same_pixels_as_one_render(dpi, monkeypatch) -> None:
    calls = []
    original = pymupdf.DisplayList.get_pixmap
    with pymupdf.open(resource_path("forms", "tk-khai-sinh.pdf")) as doc:
        page = doc[0]
        matrix = pymupdf.Matrix(dpi / 72, dpi / 72)
        whole = page.get_pixmap(matrix=matrix, alpha=False, annots=False)
        counted = lambda self, **kw: calls.append(kw) or original(self, **kw)  # noqa: E731
        monkeypatch.setattr(pymupdf.DisplayList, "get_pixmap", counted)
        banded = pdf_render.render_page_banded(page, matrix, annots=False)
    assert (banded.width, banded.height, banded.n) == (whole.width, whole.height, whole.n)
    assert len(calls) == -(-whole.height // pdf_render.BAND_PIXELS) > 1
    a = np.frombuffer(whole.samples, np.uint8)
    b = np.frombuffer(banded.samples, np.uint8)
    assert np.array_equal(a, b)
