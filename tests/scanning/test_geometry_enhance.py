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
