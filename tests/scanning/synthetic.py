"""Synthetic documents and photos of them with known geometry (tests and bench/enhance).

A page carries black printed lines, a red seal and blue handwriting (with masks telling which
pixel is which); `photograph` renders it onto a background through a known homography with
uneven light, a shadow and sensor noise, so detection and enhancement have exact answers.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

RED_INK = (200, 25, 35)
BLUE_INK = (25, 45, 170)
PAPER = (246, 244, 238)


@dataclass
class SyntheticPage:
    image: np.ndarray  # RGB uint8
    text: np.ndarray  # bool masks
    red: np.ndarray
    blue: np.ndarray

    @property
    def background(self) -> np.ndarray:
        ink = self.text | self.red | self.blue
        return ~cv2.dilate(ink.astype(np.uint8), np.ones((7, 7), np.uint8)).astype(bool)


def make_page(width: int = 840, height: int = 1188, seed: int = 0) -> SyntheticPage:
    """An A4-shaped page: printed lines, a red seal at the bottom right, blue signature."""
    rng = np.random.default_rng(seed)
    image = np.full((height, width, 3), PAPER, np.uint8)
    text = np.zeros((height, width), np.uint8)
    scale = width / 840
    y = int(110 * scale)
    words = ["CONG HOA XA HOI", "Don de nghi cap ban sao", "Ho va ten", "Ngay sinh 01/02/1990"]
    while y < height * 0.62:
        line = " ".join(rng.choice(words, 2))
        cv2.putText(text, line, (int(70 * scale), y), cv2.FONT_HERSHEY_SIMPLEX, 0.9 * scale,
                    255, max(1, int(2 * scale)), cv2.LINE_AA)  # fmt: skip
        y += int(42 * scale)
    text_mask = text > 128
    image[text_mask] = (20, 20, 20)

    red = np.zeros((height, width), np.uint8)
    centre = (int(width * 0.68), int(height * 0.80))
    radius = int(95 * scale)
    cv2.circle(red, centre, radius, 255, max(2, int(7 * scale)), cv2.LINE_AA)
    cv2.circle(red, centre, int(radius * 0.72), 255, max(1, int(3 * scale)), cv2.LINE_AA)
    origin = (centre[0] - int(48 * scale), centre[1] + int(12 * scale))
    thickness = max(1, int(3 * scale))
    cv2.putText(red, "UBND", origin, cv2.FONT_HERSHEY_DUPLEX, 1.1 * scale, 255, thickness,
                cv2.LINE_AA)  # fmt: skip
    red_mask = red > 128
    image[red_mask] = RED_INK

    blue = np.zeros((height, width), np.uint8)
    start_x, base_y = int(width * 0.12), int(height * 0.80)
    xs = np.linspace(start_x, start_x + int(300 * scale), 160)
    ys = base_y + 28 * scale * np.sin(xs / (17 * scale)) * np.cos(xs / (53 * scale))
    points = np.stack([xs, ys], axis=1).astype(np.int32).reshape(-1, 1, 2)
    cv2.polylines(blue, [points], False, 255, max(2, int(4 * scale)), cv2.LINE_AA)
    cv2.putText(blue, "Nguyen Van A", (start_x, base_y + int(80 * scale)),
                cv2.FONT_HERSHEY_SCRIPT_SIMPLEX, 1.3 * scale, 255, max(2, int(3 * scale)),
                cv2.LINE_AA)  # fmt: skip
    blue_mask = (blue > 128) & ~red_mask
    image[blue_mask] = BLUE_INK
    return SyntheticPage(image, text_mask, red_mask, blue_mask)


def background_texture(kind: str, width: int, height: int, seed: int = 1) -> np.ndarray:
    rng = np.random.default_rng(seed)
    if kind == "wood":
        xs = np.linspace(0, 40, width)[None, :]
        ys = np.linspace(0, 6, height)[:, None]
        grain = 0.5 + 0.5 * np.sin(xs + 3 * np.sin(ys) + rng.normal(0, 0.3, (height, 1)))
        base = np.array([150, 95, 50], np.float32)
        image = base[None, None, :] * (0.75 + 0.35 * grain[:, :, None])
    elif kind == "dark":
        image = np.full((height, width, 3), (35, 35, 40), np.float32)
    elif kind == "green":
        image = np.full((height, width, 3), (40, 120, 60), np.float32)
    elif kind == "light":  # white paper on a light grey table: low contrast
        image = np.full((height, width, 3), (200, 200, 196), np.float32)
    else:
        raise ValueError(kind)
    image += rng.normal(0, 6, image.shape)
    return np.clip(image, 0, 255).astype(np.uint8)


def photograph(
    page: np.ndarray,
    quad: np.ndarray,
    size: tuple[int, int],
    background: str = "wood",
    shading: float = 0.35,
    shadow: bool = True,
    noise: float = 3.0,
    seed: int = 2,
) -> np.ndarray:
    """A phone-like photo (size = width, height) of `page` whose corners land on `quad`."""
    width, height = size
    rng = np.random.default_rng(seed)
    photo = background_texture(background, width, height, seed).astype(np.float32)
    h, w = page.shape[:2]
    source = np.array([[0, 0], [w, 0], [w, h], [0, h]], np.float32)
    matrix = cv2.getPerspectiveTransform(source, np.asarray(quad, np.float32))
    warped = cv2.warpPerspective(page, matrix, (width, height), flags=cv2.INTER_AREA)
    coverage = (
        cv2.warpPerspective(
            np.full((h, w), 255, np.uint8), matrix, (width, height), flags=cv2.INTER_LINEAR
        ).astype(np.float32)[:, :, None]
        / 255.0
    )
    photo = photo * (1 - coverage) + warped.astype(np.float32) * coverage
    # light falls off from the top-left and has a warm tint; a soft shadow of the phone
    ys, xs = np.mgrid[0:height, 0:width].astype(np.float32)
    light = 1.0 - shading * (0.6 * xs / width + 0.4 * ys / height)
    if shadow:
        blob = np.exp(-(((xs - 0.75 * width) / (0.18 * width)) ** 2
                        + ((ys - 0.35 * height) / (0.25 * height)) ** 2))  # fmt: skip
        light *= 1.0 - 0.35 * blob
    tint = np.array([1.0, 0.96, 0.88], np.float32)
    photo = photo * light[:, :, None] * tint[None, None, :]
    photo += rng.normal(0, noise, photo.shape)
    return np.clip(photo, 0, 255).astype(np.uint8)


def default_quad(width: int, height: int) -> np.ndarray:
    """A page seen slightly from below and the left, well inside the frame."""
    return np.array(
        [
            [0.17 * width, 0.10 * height],
            [0.84 * width, 0.13 * height],
            [0.88 * width, 0.90 * height],
            [0.12 * width, 0.87 * height],
        ]
    )
