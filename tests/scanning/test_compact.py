"""Compact pages (mixed raster content): layers, choice against JPEG, PDF readers, colours."""

from __future__ import annotations

import subprocess

import cv2
import numpy as np
import pymupdf
import pytest
from PIL import Image

from scanning import ScanOptions, apply_steps, process
from scanning.compact import MASK_DPI, composite, decode_g4
from scanning.encode import encode_page, write_card_sheet, write_pdf
from tests.scanning.synthetic import BLUE_INK, RED_INK, make_page

A4 = (210.0, 297.0)


@pytest.fixture(scope="module")
def page():
    """A clean A4 page at 200 DPI with black print, a red seal and a blue signature."""
    synthetic = make_page(1654, 2339, seed=5)
    synthetic.image[:] = np.where(synthetic.background[..., None], 255, synthetic.image)
    return synthetic


def _hue(pixels: np.ndarray) -> float:
    """Mean hue in degrees (HSV, circular) of RGB pixels."""
    hsv = cv2.cvtColor(pixels.reshape(-1, 1, 3).astype(np.uint8), cv2.COLOR_RGB2HSV_FULL)
    angles = hsv[:, 0, 0].astype(float) * 2 * np.pi / 256
    return float(np.degrees(np.arctan2(np.sin(angles).mean(), np.cos(angles).mean())) % 360)


def _hue_shift(a: float, b: float) -> float:
    return abs((a - b + 180) % 360 - 180)


def _render(pdf, dpi: float, renderer: str, tmp_path) -> np.ndarray:
    if renderer == "mupdf":
        with pymupdf.open(pdf) as doc:
            pix = doc[0].get_pixmap(dpi=round(dpi))
            return np.frombuffer(pix.samples, np.uint8).reshape(pix.h, pix.w, pix.n)[..., :3]
    prefix = tmp_path / "poppler"
    subprocess.run(["pdftoppm", "-r", str(round(dpi)), "-f", "1", "-l", "1", "-png", str(pdf),
                    str(prefix)], check=True, capture_output=True)  # fmt: skip
    rendered = next(tmp_path.glob("poppler*.png"))
    return np.asarray(Image.open(rendered).convert("RGB"))


def test_a_text_page_is_compact_and_far_smaller_than_jpeg(page):
    compact = encode_page(page.image, "color", 200, A4)
    jpeg = encode_page(page.image, "color", 200, A4, auto_compact=False)
    assert compact.kind == "mrc" and compact.layers is not None and compact.data == b""
    assert compact.size * 2.5 < jpeg.size
    layers = compact.layers
    assert layers.mask_size == (round(1654 * MASK_DPI / 200), round(2339 * MASK_DPI / 200))
    ink = decode_g4(layers)
    assert ink.shape == (layers.mask_size[1], layers.mask_size[0])
    # the mask holds the strokes: every ink pixel of the page is ink in the mask
    strokes = cv2.resize((page.text | page.red | page.blue).astype(np.uint8), layers.mask_size,
                         interpolation=cv2.INTER_NEAREST) > 0  # fmt: skip
    core = cv2.erode(strokes.astype(np.uint8), np.ones((3, 3), np.uint8)) > 0
    assert ink[core].mean() > 0.99
    assert ink[~cv2.dilate(strokes.astype(np.uint8), np.ones((9, 9), np.uint8)).astype(bool)
               ].mean() < 0.001  # fmt: skip


@pytest.mark.parametrize("renderer", ["mupdf", "poppler"])
def test_compact_pdf_renders_the_page_with_its_ink_colours(page, renderer, tmp_path):
    encoded = encode_page(page.image, "compact", 200, A4)
    output = tmp_path / "compact.pdf"
    write_pdf([encoded], output)
    subprocess.run(["qpdf", "--check", str(output)], check=True, capture_output=True)
    rendered = _render(output, 200, renderer, tmp_path)
    assert abs(rendered.shape[0] - 2339) <= 1 and abs(rendered.shape[1] - 1654) <= 1
    rendered = cv2.resize(rendered, (1654, 2339), interpolation=cv2.INTER_AREA)
    assert rendered[page.background].mean() > 250  # white paper stays white
    core = lambda mask: cv2.erode(mask.astype(np.uint8), np.ones((3, 3), np.uint8)) > 0  # noqa: E731
    assert rendered[core(page.text)].mean() < 60  # black print stays black
    for mask, ink in ((page.red, RED_INK), (page.blue, BLUE_INK)):
        pixels = rendered[core(mask)]
        assert _hue_shift(_hue(pixels), _hue(np.array([ink]))) <= 5
        assert np.abs(pixels.mean(axis=0) - np.array(ink)).max() < 30
    # the viewer paints what scanning.compact.composite predicts
    predicted = composite(encoded.layers, (1654, 2339))
    assert np.abs(predicted.astype(int) - rendered.astype(int)).mean() < 3


def test_compact_prints_sharp_at_600_dpi(page, tmp_path):
    """A stroke edge at 600 DPI rises within about one mask pixel (300 DPI): no JPEG blur."""
    encoded = encode_page(page.image, "compact", 200, A4)
    output = tmp_path / "print.pdf"
    write_pdf([encoded], output)
    with pymupdf.open(output) as doc:
        clip = pymupdf.Rect(20, 40, 300, 300)
        pix = doc[0].get_pixmap(dpi=600, clip=clip, colorspace=pymupdf.csGRAY)
        gray = np.frombuffer(pix.samples, np.uint8).reshape(pix.h, pix.w).astype(float)
        assert doc[0].rect.width * 25.4 / 72 == pytest.approx(210, abs=0.1)
    assert gray.min() < 60 and gray.max() > 240
    row_steps = np.abs(np.diff(gray, axis=1))
    edges = row_steps > 40
    # intermediate grey levels (neither paper nor ink) are rare: edges are crisp
    middle = ((gray > 70) & (gray < 200)).mean()
    assert edges.any() and middle < 0.5 * (gray < 70).mean()


def test_pictures_stay_in_the_background_and_make_a_colour_page_jpeg(page):
    with_photo = page.image.copy()
    ramp = np.linspace(40, 200, 400).astype(np.uint8)
    portrait = np.stack([np.tile(ramp, (500, 1)), np.tile(ramp[::-1], (500, 1)),
                         np.full((500, 400), 90, np.uint8)], axis=2)  # fmt: skip
    with_photo[300:800, 1100:1500] = portrait
    auto = encode_page(with_photo, "color", 200, A4)
    assert auto.kind == "jpeg"  # a page with a photo is not a text page
    forced = encode_page(with_photo, "compact", 200, A4)
    assert forced.kind == "mrc" and forced.layers.picture_share > 0.02
    painted = composite(forced.layers, (1654, 2339))[330:770, 1130:1470].astype(int)
    original = with_photo[330:770, 1130:1470].astype(int)
    assert np.abs(painted - original).mean() < 8  # a smooth photo, not posterised ink


def test_tinted_paper_keeps_its_tint_in_the_background(page):
    tinted = page.image.copy()
    paper = page.background
    tinted[paper] = (215, 232, 245)  # light blue card stock
    encoded = encode_page(tinted, "compact", 200, A4)
    painted = composite(encoded.layers, (1654, 2339))
    inner = cv2.erode(paper.astype(np.uint8), np.ones((15, 15), np.uint8)) > 0
    assert np.abs(painted[inner].mean(axis=0) - (215, 232, 245)).max() < 6
    assert decode_g4(encoded.layers).mean() < 0.1  # the tint is not ink


def test_the_budget_chooses_between_compact_and_jpeg(page):
    compact = encode_page(page.image, "color", 200, A4)
    assert compact.kind == "mrc"
    fits = encode_page(page.image, "color", 200, A4, budget=compact.size + 1000)
    assert fits.kind == "mrc" and not fits.over_budget
    # under the compact size: JPEG is tried; at its floor it is larger, so compact stays
    tiny = encode_page(page.image, "compact", 200, A4, budget=1000)
    assert tiny.over_budget and tiny.kind == "mrc"
    # a colour page whose compact layers exceed the budget but whose JPEG fits becomes JPEG
    noisy = page.image.copy()
    rng = np.random.default_rng(1)
    speckles = rng.random(noisy.shape[:2]) < 0.15
    noisy[speckles] = (60, 60, 60)
    plain = encode_page(noisy, "color", 200, A4, auto_compact=False)
    dense = encode_page(noisy, "compact", 200, A4)
    if dense.size > plain.size:
        chosen = encode_page(noisy, "color", 200, A4, budget=plain.size)
        assert chosen.kind == "jpeg" and not chosen.over_budget


def test_compact_mode_replays_from_steps_and_cards_stay_jpeg(tmp_path):
    from tests.scanning.synthetic import default_quad, photograph

    width, height = 1500, 2000
    photo = photograph(make_page(seed=4).image, default_quad(width, height), (width, height))
    path = tmp_path / "photo.png"
    Image.fromarray(photo).save(path)
    first = process(photo, ScanOptions(mode="compact"))
    assert first.encoded.kind == "mrc" and {"op": "mode", "mode": "compact"} in first.steps
    again = apply_steps(str(path), first.steps)
    assert again.encoded.kind == "mrc"
    card = process(photo, ScanOptions(paper="card"))
    assert card.encoded.kind == "jpeg"  # a card is a photo document: never compact by default


def test_card_sheet_holds_compact_cards(page, tmp_path):
    card = cv2.resize(page.image, (1011, 638), interpolation=cv2.INTER_AREA)
    front = encode_page(card, "compact", 300, (85.6, 53.98))
    output = tmp_path / "card.pdf"
    write_card_sheet(front, front, output)
    subprocess.run(["qpdf", "--check", str(output)], check=True, capture_output=True)
    with pymupdf.open(output) as doc:
        assert doc.page_count == 1 and len(doc[0].get_images()) >= 2
