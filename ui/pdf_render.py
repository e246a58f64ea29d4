"""Rendering PDF pages for the screen without freezing the window.

PyMuPDF holds the GIL while it rasterises: one A4 page at 400 dpi kept every other thread,
the GUI thread included, waiting 140-170 ms (780 ms cold) here, so a background render still
froze the window. The page is interpreted once into a display list and rasterised in bands of
BAND_PIXELS rows; between bands other threads run (22-26 ms at most for the same page).
"""

from __future__ import annotations

BAND_PIXELS = 160


def render_page_banded(page, matrix, *, annots: bool = True):
    """The page as an RGB pymupdf.Pixmap, like page.get_pixmap(matrix=matrix, alpha=False)."""
    import pymupdf

    display_list = page.get_displaylist(annots=annots)
    area = page.rect * matrix
    target = pymupdf.Pixmap(pymupdf.csRGB, area.irect, False)
    target.clear_with(255)  # white; set_rect loops over the pixels in Python
    pixel_height = max(1, target.height)
    bands = max(1, -(-pixel_height // BAND_PIXELS))
    band_points = page.rect.height / bands
    for band in range(bands):
        clip = pymupdf.Rect(
            page.rect.x0,
            page.rect.y0 + band * band_points,
            page.rect.x1,
            min(page.rect.y1, page.rect.y0 + (band + 1) * band_points),
        )
        piece = display_list.get_pixmap(matrix=matrix, clip=clip, alpha=False)
        target.copy(piece, tuple(piece.irect))
    return target
