"""Synthetic phone photos with known geometry for the end-to-end tests (tests.scanning)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image

from tests.scanning.synthetic import default_quad, make_page, photograph


def card_photo(path: Path, seed: int, background: str) -> Path:
    """A phone photo of an ID-card-sized document lying on a table."""
    quad = np.array([[420, 300], [1210, 360], [1170, 860], [360, 790]], float)
    photo = photograph(make_page(856, 540, seed=seed).image, quad, (1600, 1200), background)
    Image.fromarray(photo).save(path, quality=90)
    return path


def page_photo(path: Path, seed: int) -> Path:
    """A phone photo of an A4 page (printed lines, red seal, blue signature) on wood."""
    width, height = 1200, 1600
    photo = photograph(make_page(seed=seed).image, default_quad(width, height), (width, height))
    Image.fromarray(photo).save(path, quality=90)
    return path
