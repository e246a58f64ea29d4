"""Document detection: real photos with ground truth, synthetic photos with a known homography."""

from __future__ import annotations

import json

import numpy as np
import pytest

from scanning.detection import FOUND_THRESHOLD, detect_quad, order_corners, quad_iou
from scanning.imports import load_page
from tests.scanning.synthetic import default_quad, make_page, photograph


def _ground_truth(testdata) -> dict[str, np.ndarray]:
    data = json.loads(testdata("photos", "corners.json").read_text(encoding="utf-8"))
    return {name: np.array(entry["quad"], float) for name, entry in data.items()}


@pytest.mark.parametrize(
    "name",
    [
        "breta01_page01.jpg",
        "breta01_page10.jpg",
        "breta01_test1.jpg",
        "breta01_test4.jpg",
        "breta01_text1.jpg",
        "breta01_text3.jpg",
        "43_tur_id_CA43_01.tif",
    ],
)
def test_real_photo_quad_matches_ground_truth(testdata, name):
    truth = _ground_truth(testdata)[name]
    found = detect_quad(load_page(testdata("photos", name)).image)
    assert found.found
    assert quad_iou(found.as_array(), truth) >= 0.95


def test_midv_ground_truth_file_agrees_with_corners_json(testdata):
    midv = json.loads(testdata("photos", "43_tur_id_CA43_01.gt.json").read_text())
    assert np.allclose(midv["quad"], _ground_truth(testdata)["43_tur_id_CA43_01.tif"])


def test_page_filling_the_frame_gives_the_full_frame(testdata):
    image = load_page(testdata("photos", "breta01_page03.jpg")).image
    found = detect_quad(image)
    assert not found.found
    height, width = image.shape[:2]
    assert found.quad == ((0, 0), (width, 0), (width, height), (0, height))


@pytest.mark.parametrize(
    "name",
    [
        "noteshrink_notesA1.jpg",  # the reverse page shows through; wrong quad at 0.61 before
        "noteshrink_notesB1.jpg",  # the red margin line was taken as the left edge (0.50)
        "noteshrink_notesB2.jpg",  # the same (0.58)
        "noteshrink_graph-paper-front.jpg",  # its printed green border (0.71, then 0.53)
    ],
)
def test_notebook_page_filling_the_frame_is_not_cropped(testdata, name):
    """No page edge shows in these photos: a side through the writing, along a ruled line or
    a printed border must not win over the full frame."""
    image = load_page(testdata("photos", name)).image
    found = detect_quad(image)
    assert not found.found
    assert found.confidence < FOUND_THRESHOLD
    height, width = image.shape[:2]
    assert found.quad == ((0, 0), (width, 0), (width, height), (0, height))


@pytest.mark.parametrize("background", ["wood", "dark"])
def test_page_cut_by_the_frame_is_still_found(background):
    """A quad the frame cuts needs real contrast on its other sides; a page on a table has it."""
    page = make_page(seed=3)
    width, height = 1500, 2000
    truth = np.array([[-150, 200], [1260, 260], [1320, 2200], [-180, 2200]], float)
    photo = photograph(page.image, truth, (width, height), background)
    found = detect_quad(photo)
    assert found.found
    visible = truth.copy()
    visible[:, 0] = np.clip(visible[:, 0], 0, width)
    visible[:, 1] = np.clip(visible[:, 1], 0, height)
    assert quad_iou(found.as_array(), visible) > 0.98


@pytest.mark.parametrize("background", ["wood", "dark", "green", "light"])
def test_synthetic_photo_quad_is_found_precisely(background):
    page = make_page(seed=3)
    width, height = 1500, 2000
    truth = default_quad(width, height)
    photo = photograph(page.image, truth, (width, height), background)
    found = detect_quad(photo)
    assert found.found
    assert quad_iou(found.as_array(), truth) > 0.99
    # corners within a few pixels of the truth (sub-pixel refinement on the full image)
    assert np.linalg.norm(found.as_array() - truth, axis=1).max() < 6


def test_card_on_a_busy_background_at_an_angle():
    page = make_page(856, 540, seed=4)  # ID-1 aspect
    width, height = 1600, 1200
    truth = np.array([[420, 300], [1210, 360], [1170, 860], [360, 790]], float)
    photo = photograph(page.image, truth, (width, height), "wood", shadow=False)
    found = detect_quad(photo)
    assert quad_iou(found.as_array(), truth) > 0.98


def test_plain_background_without_document_is_the_full_frame():
    rng = np.random.default_rng(0)
    photo = np.clip(rng.normal(128, 10, (600, 800, 3)), 0, 255).astype(np.uint8)
    found = detect_quad(photo)
    assert not found.found
    assert found.quad[2] == (800, 600)


def test_corner_order_is_clockwise_from_top_left():
    shuffled = np.array([[90, 95], [10, 5], [5, 100], [100, 0]], float)
    ordered = order_corners(shuffled)
    assert ordered.tolist() == [[10, 5], [100, 0], [90, 95], [5, 100]]


def test_fingers_on_the_edge_do_not_pull_the_corners():
    import cv2

    page = make_page(seed=6)
    width, height = 1500, 2000
    truth = default_quad(width, height)
    photo = photograph(page.image, truth, (width, height), "dark")
    skin = (200, 150, 120)
    # two fingertips holding the left edge and one on the bottom edge
    for centre in ((int(truth[0][0] + 0.3 * (truth[3][0] - truth[0][0])), 700),
                   (int(truth[0][0] + 0.6 * (truth[3][0] - truth[0][0])), 1250),
                   (800, int(0.5 * (truth[2][1] + truth[3][1])))):  # fmt: skip
        cv2.ellipse(photo, centre, (45, 70), 20, 0, 360, skin, -1, cv2.LINE_AA)
    found = detect_quad(photo)
    assert found.found
    assert quad_iou(found.as_array(), truth) > 0.98


@pytest.mark.parametrize("shape", [(48, 20000), (20000, 48), (1, 1), (3, 700)])
def test_a_strip_or_a_dot_gives_the_full_frame(shape):
    """Reduced for detection, a strip is one pixel thin: every detector still runs (the halved
    edge map of the line detector once came out empty and OpenCV raised)."""
    rng = np.random.default_rng(1)
    photo = rng.integers(0, 255, (*shape, 3), dtype=np.uint8)
    found = detect_quad(photo)
    assert not found.found
    assert found.quad[2] == (shape[1], shape[0])
