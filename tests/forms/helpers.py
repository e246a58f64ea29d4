"""Independent checks of filled PDFs: poppler's pdftotext/pdftoppm beside MuPDF."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from pathlib import Path

import numpy as np
import pytest


def need_tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (poppler-utils; scripts/system-deps.sh test)")
    return path


def pdftotext(pdf: Path, page: int | None = None, layout: bool = False) -> str:
    tool = need_tool("pdftotext")
    args = [tool, "-enc", "UTF-8", *(["-layout"] if layout else [])]
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    out = subprocess.run([*args, str(pdf), "-"], capture_output=True, check=True, timeout=60)
    return unicodedata.normalize("NFC", out.stdout.decode("utf-8"))


def squash(text: str, leaders: bool = False) -> str:
    """Text without whitespace (box digits come out spaced, wrapped values split over lines).

    With `leaders`, the dots of flat-form blanks are dropped too (a wrapped value leaves the
    rest of its first dotted line between its two parts).
    """
    text = "".join(unicodedata.normalize("NFC", text).split())
    return text.replace("…", "").replace(".", "").replace("_", "") if leaders else text


def render_poppler(pdf: Path, page: int, dpi: int, tmp: Path) -> np.ndarray:
    tool = need_tool("pdftoppm")
    prefix = tmp / f"pp-{pdf.stem}-{page}"
    subprocess.run(
        [tool, "-r", str(dpi), "-gray", "-f", str(page), "-l", str(page), "-singlefile", str(pdf),
         str(prefix)],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    from PIL import Image

    image = Image.open(f"{prefix}.pgm")
    return np.asarray(image, dtype=np.float32)


def render_mupdf(pdf: Path, page: int, dpi: int) -> np.ndarray:
    import pymupdf

    with pymupdf.open(pdf) as doc:
        pix = doc[page - 1].get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY, annots=True)
        return np.frombuffer(pix.samples, dtype=np.uint8).reshape(pix.h, pix.w).astype(np.float32)


def crop(image: np.ndarray, rect: tuple[float, float, float, float], dpi: int) -> np.ndarray:
    scale = dpi / 72
    x0, y0, x1, y1 = (round(v * scale) for v in rect)
    return image[max(0, y0) : y1 + 1, max(0, x0) : x1 + 1]


def ink(image: np.ndarray) -> float:
    """Share of dark pixels."""
    return float((image < 128).mean()) if image.size else 0.0
