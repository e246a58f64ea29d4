"""Fitting the portal's limit with images that carry transparency or are black-and-white.

A soft mask that hides nothing is dropped and the image re-encoded; real transparency is
kept beside the re-encoded colours (what lies under the image still shows); colour-keyed and
bilevel images are left exactly as they are, and counted as such."""

from __future__ import annotations

import dataclasses
import io
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pymupdf
import pytest
from PIL import Image

from common.errors import InputError
from dossier import pdfwork
from dossier.packaging import PackOptions, export_for_upload
from tests.dossier import factory

WIDTH, HEIGHT = 1654, 2339  # an A4 page at 200 DPI
UNDER_TEXT = "CHU DUOI ANH"


def _texture(seed: int = 1) -> np.ndarray:
    rng = np.random.default_rng(seed)
    base = np.full((HEIGHT, WIDTH, 3), 236, np.int16) + rng.integers(-20, 20, (HEIGHT, WIDTH, 1))
    base[600:1400:40, 150:1500] = (30, 30, 90)  # lines of "text"
    return base.clip(0, 255).astype("uint8")


def _png(array: np.ndarray, mode: str) -> bytes:
    buffer = io.BytesIO()
    Image.fromarray(array, mode).save(buffer, format="PNG")
    return buffer.getvalue()


def _pdf(image_stream: bytes, tmp_path: Path, name: str, text_under: bool = True) -> Path:
    """One A4 page: some text, then the image over the whole page."""
    path = tmp_path / name
    with pymupdf.open() as doc:
        page = doc.new_page(width=595, height=842)
        if text_under:
            page.insert_text((60, 80), UNDER_TEXT, fontsize=40)
        page.insert_image(page.rect, stream=image_stream)
        path.write_bytes(pdfwork.save_pdf(doc))
    return path


def _render(data: bytes, dpi: int = 40) -> np.ndarray:
    with pymupdf.open(stream=data, filetype="pdf") as doc:
        pixmap = doc[0].get_pixmap(dpi=dpi)
        return np.frombuffer(pixmap.samples, np.uint8).reshape(pixmap.h, pixmap.w, pixmap.n)


def _images(data: bytes) -> list[dict]:
    with pymupdf.open(stream=data, filetype="pdf") as doc:
        found = []
        for xref, smask, *_rest in doc[0].get_images(full=True):
            found.append(
                {
                    "filter": doc.xref_get_key(xref, "Filter")[1],
                    "smask": smask,
                    "bpc": doc.xref_get_key(xref, "BitsPerComponent")[1],
                    "raw": doc.xref_stream_raw(xref),
                }
            )
        return found


def _looks_alike(a: np.ndarray, b: np.ndarray, tolerance: float = 6.0) -> bool:
    return a.shape == b.shape and float(np.abs(a.astype(int) - b.astype(int)).mean()) < tolerance


def test_an_alpha_channel_that_hides_nothing_is_dropped_and_the_image_compressed(tmp_path):
    rgba = np.dstack([_texture(), np.full((HEIGHT, WIDTH), 255, np.uint8)])
    data = _pdf(_png(rgba, "RGBA"), tmp_path, "opaque.pdf", text_under=False).read_bytes()
    assert _images(data)[0]["smask"] != 0
    limit = len(data) // 3
    outcome = pdfwork.fit_to_budget(data, limit)
    assert outcome.fits and outcome.reencoded and len(outcome.data) <= limit
    [image] = _images(outcome.data)
    assert image["filter"] == "/DCTDecode" and image["smask"] == 0
    assert _looks_alike(_render(outcome.data), _render(data))


def test_real_transparency_is_kept_and_what_is_under_still_shows(tmp_path):
    alpha = np.full((HEIGHT, WIDTH), 255, np.uint8)
    alpha[:500] = 0  # the top of the image is a hole onto the page's text
    alpha[500:540] = 128  # and a half-transparent band
    colours = _texture()
    colours[:500] = 0  # hidden colour: black, as many PNG exporters leave it
    data = _pdf(_png(np.dstack([colours, alpha]), "RGBA"), tmp_path, "hole.pdf").read_bytes()
    limit = len(data) // 3
    outcome = pdfwork.fit_to_budget(data, limit)
    assert outcome.fits and len(outcome.data) <= limit
    [image] = _images(outcome.data)
    assert image["filter"] == "/DCTDecode" and image["smask"] != 0
    before, after = _render(data), _render(outcome.data)
    assert _looks_alike(after, before)
    top = slice(0, before.shape[0] * 500 // HEIGHT - 2)
    assert after[top].min() < 100  # the text under the hole is still visible
    assert _looks_alike(after[top], before[top], 3.0)  # no black smeared into the hole
    if shutil.which("pdftoppm"):  # an independent renderer agrees
        out = tmp_path / "fitted.pdf"
        out.write_bytes(outcome.data)
        subprocess.run(["pdftoppm", "-r", "40", "-png", "-singlefile", str(out),
                        str(tmp_path / "poppler")], check=True, timeout=60)  # fmt: skip
        poppler = np.asarray(Image.open(tmp_path / "poppler.png").convert("RGB"))
        assert poppler[top].min() < 100 and poppler[top].mean() > 200


def test_bilevel_and_colour_keyed_images_are_left_as_they_are_and_counted(tmp_path):
    rng = np.random.default_rng(7)
    bits = (rng.random((HEIGHT, WIDTH)) > 0.5).astype(np.uint8) * 255
    bilevel = Image.fromarray(bits, "L").convert("1")
    buffer = io.BytesIO()
    bilevel.save(buffer, format="PNG")
    with pymupdf.open() as doc:  # a bilevel page, then a photo page with a colour-key mask
        page = doc.new_page(width=595, height=842)
        page.insert_image(page.rect, stream=buffer.getvalue())
        page = doc.new_page(width=595, height=842)
        xref = page.insert_image(page.rect, stream=_png(_texture(), "RGB"))
        doc.xref_set_key(xref, "Mask", "[0 10 0 10 0 10]")
        page = doc.new_page(width=595, height=842)
        page.insert_image(page.rect, stream=_png(_texture(3), "RGB"))  # the one to compress
        data = pdfwork.save_pdf(doc)
    with pymupdf.open(stream=data, filetype="pdf") as doc:
        raws = [doc.xref_stream_raw(x) for p in doc for x, *_r in p.get_images(full=True)]
        assert doc.xref_get_key(doc[0].get_images()[0][0], "BitsPerComponent")[1] == "1"
    limit = len(data) - len(raws[2]) // 2
    outcome = pdfwork.fit_to_budget(data, limit)
    assert outcome.fits and len(outcome.data) <= limit
    with pymupdf.open(stream=outcome.data, filetype="pdf") as doc:
        after = [doc.xref_stream_raw(x) for p in doc for x, *_r in p.get_images(full=True)]
    assert after[0] == raws[0] and after[1] == raws[1]  # byte for byte
    assert len(after[2]) < len(raws[2])
    hopeless = pdfwork.fit_to_budget(data, len(raws[0]) // 2)
    assert not hopeless.fits
    assert hopeless.kept_bytes == len(raws[0]) + len(raws[1])


def test_a_transparent_image_file_becomes_a_page_on_white_paper(tmp_path):
    rgba = np.zeros((800, 600, 4), np.uint8)  # transparent black everywhere...
    rgba[300:500, 100:500] = (200, 30, 30, 255)  # ...but a red block
    path = tmp_path / "con_dau.png"
    path.write_bytes(_png(rgba, "RGBA"))
    with pymupdf.open() as doc:
        pdfwork.add_image_page(doc, path)
        page = _render(pdfwork.save_pdf(doc), dpi=20)
    height = page.shape[0]
    assert page[: height // 5].mean() > 250  # white paper, not black
    assert page[height * 2 // 5 : height * 3 // 5].min() < 100  # the red block is there


def test_a_transparent_image_uploaded_as_jpg_is_on_white(make_dossier, tmp_path):
    rgba = np.zeros((1200, 900, 4), np.uint8)  # transparent black, a red block in the middle
    rgba[500:700, 200:700] = (200, 30, 30, 255)
    path = tmp_path / "the_cccd.png"
    path.write_bytes(_png(rgba, "RGBA"))
    proc = factory.procedure()
    photo = dataclasses.replace(proc.components[2], formats=("jpg",))
    proc = dataclasses.replace(proc, components=(*proc.components[:2], photo, proc.components[3]))
    workspace = make_dossier({"giay-to-tuy-than": [path]})
    options = PackOptions(allow_incomplete=True)
    result = export_for_upload(workspace, proc, factory.portal(), tmp_path / "out", options)
    [jpg] = [f for f in result.files if f.format == "jpg"]
    picture = np.asarray(Image.open(result.folder / jpg.name).convert("RGB"))
    assert picture[:300].mean() > 250 and picture[550:650, 300:600, 1].mean() < 80


def test_the_refusal_says_how_much_cannot_be_compressed(make_dossier, procedure, tmp_path):
    rng = np.random.default_rng(11)
    bits = (rng.random((HEIGHT, WIDTH)) > 0.5).astype(np.uint8) * 255
    buffer = io.BytesIO()
    Image.fromarray(bits, "L").convert("1").save(buffer, format="PNG")
    noisy = _pdf(buffer.getvalue(), tmp_path, "den_trang.pdf", text_under=False)
    workspace = make_dossier({"to-khai": [noisy]})
    small = dataclasses.replace(factory.portal(), max_file_mb=0.2)
    options = PackOptions(allow_incomplete=True)
    with pytest.raises(InputError) as refused:
        export_for_upload(workspace, procedure, small, tmp_path / "out", options)
    assert "không thể nén thêm" in refused.value.message
