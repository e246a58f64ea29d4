"""Paper guess, true-size warp, deskew, rotation guess and the enhancement modes."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from scanning import enhance, geometry
from tests.scanning.synthetic import BLUE_INK, RED_INK, default_quad, make_page, photograph


def _hue(rgb: np.ndarray) -> np.ndarray:
    pixels = rgb.reshape(-1, 1, 3).astype(np.uint8)
    return cv2.cvtColor(pixels, cv2.COLOR_RGB2HSV_FULL)[:, 0, 0].astype(float) * 360 / 256


def _hue_distance(a: float, b: float) -> float:
    d = abs(a - b) % 360
    return min(d, 360 - d)


def _circular_mean(hues: np.ndarray) -> float:
    angles = np.radians(hues)
    return float(np.degrees(np.arctan2(np.sin(angles).mean(), np.cos(angles).mean())) % 360)


@pytest.mark.parametrize(
    "aspect, paper",
    [(1.414, "a4"), (0.707, "a4"), (1.586, "card"), (1.294, "letter"), (1.0, "free")],
)
def test_paper_is_guessed_from_the_aspect_ratio(aspect, paper):
    assert geometry.guess_paper(aspect) == paper


def test_aspect_of_a_page_seen_in_perspective_is_recovered():
    width, height = 1500, 2000
    quad = default_quad(width, height)
    page = make_page()
    photo = photograph(page.image, quad, (width, height), "dark")
    assert photo.shape[:2] == (height, width)
    aspect = geometry.measured_aspect(quad, width, height)
    assert geometry.guess_paper(aspect) == "a4"


def test_output_size_is_the_physical_size_at_the_dpi():
    size = geometry.output_size_mm("a4", 1.41)
    assert size == (210.0, 297.0)
    assert geometry.pixels_for(size, 200) == (1654, 2339)
    assert geometry.output_size_mm("card", 0.63) == (85.60, 53.98)
    assert geometry.pixels_for(geometry.output_size_mm("card", 0.63), 300) == (1011, 638)


def test_warp_restores_the_page_content():
    page = make_page()
    width, height = 1500, 2000
    quad = default_quad(width, height)
    photo = photograph(page.image, quad, (width, height), "wood", shading=0, shadow=False)
    restored = geometry.warp(photo, quad, (page.image.shape[1], page.image.shape[0]))
    tint = np.array([1.0, 0.96, 0.88])
    expected = np.clip(page.image * tint, 0, 255)
    difference = np.abs(restored.astype(float) - expected)
    assert np.median(difference) < 8
    assert difference[page.text].mean() < 60  # text strokes land where they were


@pytest.mark.parametrize("angle", [-12.0, -4.0, 2.5, 9.0])
def test_skew_of_a_flat_scan_is_measured(angle):
    page = make_page().image
    skewed = geometry.deskew(page, -angle)  # introduce a skew of `angle`
    assert geometry.estimate_skew(skewed) == pytest.approx(angle, abs=0.4)
    straightened = geometry.deskew(skewed, geometry.estimate_skew(skewed))
    assert abs(geometry.estimate_skew(straightened)) < 0.4


@pytest.mark.parametrize("seed", [0, 7])
@pytest.mark.parametrize("turn", [0, 90, 180, 270])
def test_rotation_of_a_text_page_is_guessed(turn, seed):
    page = make_page(seed=seed).image
    rotated = geometry.rotate_right_angle(page, turn)
    assert geometry.guess_rotation(rotated) == (360 - turn) % 360


def _photo_page():
    page = make_page(seed=5)
    width, height = 1500, 2000
    quad = default_quad(width, height)
    photo = photograph(page.image, quad, (width, height), "wood", shading=0.45)
    warped = geometry.warp(photo, quad, (page.image.shape[1], page.image.shape[0]))
    return page, warped


def test_color_document_flattens_light_and_keeps_ink_hues():
    page, warped = _photo_page()
    cleaned = enhance.enhance(warped, "color")
    luminance_before = cv2.cvtColor(warped, cv2.COLOR_RGB2GRAY)[page.background]
    luminance_after = cv2.cvtColor(cleaned, cv2.COLOR_RGB2GRAY)[page.background]
    assert luminance_before.std() > 10
    assert luminance_after.std() < 4
    assert luminance_after.mean() > 245  # white paper
    for mask, ink in ((page.red, RED_INK), (page.blue, BLUE_INK)):
        core = cv2.erode(mask.astype(np.uint8), np.ones((3, 3), np.uint8)).astype(bool)
        hue = _circular_mean(_hue(cleaned[core]))
        assert _hue_distance(hue, _hue(np.array([ink]))[0]) < 12
        assert cv2.cvtColor(cleaned, cv2.COLOR_RGB2HSV)[core][:, 1].mean() > 120  # still vivid
    text = cv2.cvtColor(cleaned, cv2.COLOR_RGB2GRAY)[page.text]
    assert np.median(text) < 80


def _chroma(rgb: np.ndarray) -> np.ndarray:
    """Distance from grey in CIELAB's a*b* plane (8-bit scale): 0 for neutral paper."""
    pixels = np.ascontiguousarray(rgb, dtype=np.uint8).reshape(-1, 1, 3)
    lab = cv2.cvtColor(pixels, cv2.COLOR_RGB2LAB).astype(np.float32)[:, 0]
    return np.hypot(lab[:, 1] - 128, lab[:, 2] - 128)


def _in_shadow(
    page: np.ndarray,
    light: float,
    centre: tuple[float, float] = (0.0, 0.3),
    tint: tuple[float, float, float] = (1.0, 0.8, 0.55),
) -> tuple[np.ndarray, np.ndarray]:
    """The page under a shadow (a hand between the lamp and the page at `centre`, as
    fractions of the page, `light` of the light left in it, reddish by default: skin, lamp),
    with sensor noise and JPEG's chroma subsampling; and where the shadow is full."""
    height, width = page.shape[:2]
    ys, xs = np.mgrid[0:height, 0:width].astype(np.float32)
    x, y = centre[0] * width, centre[1] * height
    hand = (((xs - x) / (0.4 * width)) ** 2 + ((ys - y) / (0.22 * height)) ** 2) < 1
    shade = cv2.GaussianBlur(hand.astype(np.float32), (0, 0), 20)
    gain = 1.0 - shade[..., None] * (1.0 - light * np.array(tint, np.float32))
    photo = page.astype(np.float32) * gain + np.random.default_rng(5).normal(0, 3, page.shape)
    photo = np.clip(photo, 0, 255).astype(np.uint8)
    _, jpeg = cv2.imencode(".jpg", photo[..., ::-1], [cv2.IMWRITE_JPEG_QUALITY, 80])
    return cv2.imdecode(jpeg, cv2.IMREAD_COLOR)[..., ::-1].copy(), shade > 0.97


def test_a_deep_shadow_becomes_neutral_paper_with_readable_ink():
    page = make_page(seed=1)
    photo, deep = _in_shadow(page.image, light=0.12)
    cleaned = enhance.enhance(photo, "color")
    paper, text = deep & page.background, deep & page.text
    assert paper.sum() > 10_000 and text.sum() > 1_000
    assert np.percentile(_chroma(cleaned[paper]), 95) < 4  # no colour cast, no blotch
    grey = cv2.cvtColor(cleaned, cv2.COLOR_RGB2GRAY)
    assert np.median(grey[paper]) > 235  # paper-coloured like the lit page
    assert np.median(grey[paper]) - np.median(grey[text]) > 100  # the ink is still read
    lit = page.background & ~cv2.dilate(deep.astype(np.uint8), np.ones((201, 201))).astype(bool)
    assert np.median(grey[lit]) > 245


def test_a_moderate_shadow_keeps_the_ink_colour():
    """Colour fades only where too little light is left to tell it (from 30 % of the lit
    paper's light in its weakest channel up, all of it stays): blue ink under a hand's
    ordinary shadow is as blue as in the light."""
    page = make_page(seed=1)
    photo, shaded = _in_shadow(page.image, 0.35, centre=(0.2, 0.82), tint=(0.95, 1.0, 1.0))
    cleaned = enhance.enhance(photo, "color")
    lit = enhance.enhance(_in_shadow(page.image, 1.0, tint=(1.0, 1.0, 1.0))[0], "color")
    core = cv2.erode(page.blue.astype(np.uint8), np.ones((3, 3), np.uint8)).astype(bool)
    core &= shaded
    assert core.sum() > 500
    hue = _circular_mean(_hue(cleaned[core]))
    assert _hue_distance(hue, _hue(np.array([BLUE_INK]))[0]) < 12
    assert _chroma(cleaned[core]).mean() > 0.7 * _chroma(lit[core]).mean()


@pytest.mark.parametrize(
    "name, strip",
    [
        # 720 x 960, no page edge found (full frame): the page's shadow and a strip of
        # wooden table along the bottom became saturated yellow and orange (chroma 49)
        ("breta01_page03.jpg", (slice(0.95, 1.0), slice(0.0, 1.0))),
        # the page fills the frame but for a strip of table on the right (chroma 47)
        ("breta01_test2.jpg", (slice(0.0, 1.0), slice(0.96, 1.0))),
    ],
)
def test_dark_table_or_shadow_beside_the_paper_is_not_an_orange_blotch(testdata, name, strip):
    """Divided per channel by its own dark, brown illumination, a strip of table (or paper
    in deep shadow) came out as a blotch of colour; it stays neutral, the ink blue."""
    from scanning import ScanOptions, process
    from scanning.imports import load_page

    page = load_page(testdata("photos", name))
    cleaned = process(page, ScanOptions(mode="color"), encode=False).image
    height, width = cleaned.shape[:2]
    rows, columns = strip
    region = cleaned[int(rows.start * height) : int(rows.stop * height),
                     int(columns.start * width) : int(columns.stop * width)]  # fmt: skip
    assert _chroma(region).mean() < 3
    assert np.percentile(_chroma(region), 99) < 12
    writing = cleaned[int(0.1 * height) : int(0.9 * height), int(0.1 * width) : int(0.9 * width)]
    ink = cv2.cvtColor(writing, cv2.COLOR_RGB2GRAY) < 128
    hsv = cv2.cvtColor(writing, cv2.COLOR_RGB2HSV)
    coloured = ink & (hsv[..., 1] > 80)
    assert coloured.sum() > 0.6 * ink.sum()  # the handwriting keeps its colour (as before)
    assert 200 < 2 * hsv[..., 0][coloured].mean() < 280  # blue to violet


def test_gray_and_bw_modes():
    page, warped = _photo_page()
    gray = enhance.enhance(warped, "gray")
    assert gray.ndim == 2 and gray[page.background].std() < 4
    bw = enhance.enhance(warped, "bw")
    assert set(np.unique(bw)) <= {0, 255}
    assert (bw[page.background] == 255).mean() > 0.995
    core = cv2.erode(page.text.astype(np.uint8), np.ones((2, 2), np.uint8)).astype(bool)
    assert (bw[core] == 0).mean() > 0.8
    assert enhance.enhance(warped, "original") is warped
