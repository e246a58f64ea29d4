"""Make resources/samples/selftest-photo.jpg: a phone-like photo of an A4 page on a table.

Used by the bundle's --selftest (one scan of a bundled photo). Reproducible: fixed seed.
Run: .venv/bin/python -m scripts.make_sample_photo
"""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "resources" / "samples" / "selftest-photo.jpg"


def page_image() -> Image.Image:
    width, height = 827, 1169  # A4 at 100 DPI
    page = Image.new("RGB", (width, height), (246, 244, 238))
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(str(ROOT / "resources" / "fonts" / "NotoSans-Bold.ttf"), 26)
    body = ImageFont.truetype(str(ROOT / "resources" / "fonts" / "NotoSans-Regular.ttf"), 18)
    draw.text((150, 70), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", font=font, fill=(20, 20, 20))
    draw.text((270, 110), "Độc lập - Tự do - Hạnh phúc", font=font, fill=(20, 20, 20))
    draw.text((300, 190), "GIẤY CHỨNG SINH", font=font, fill=(20, 20, 20))
    for row in range(24):
        draw.text((90, 260 + row * 34), f"Dòng {row + 1}: ................................",
                  font=body, fill=(30, 30, 60))  # fmt: skip
    draw.ellipse((560, 960, 720, 1120), outline=(200, 30, 30), width=6)  # a red seal
    return page


def photo() -> Image.Image:
    import cv2

    rng = np.random.default_rng(7)
    background = np.zeros((1600, 1200, 3), dtype=np.uint8)
    background[:] = (92, 64, 42)
    background = np.clip(background + rng.normal(0, 8, background.shape), 0, 255).astype(np.uint8)
    page = np.asarray(page_image())
    source = np.float32([[0, 0], [826, 0], [826, 1168], [0, 1168]])
    target = np.float32([[190, 160], [1010, 210], [1060, 1420], [140, 1380]])
    matrix = cv2.getPerspectiveTransform(source, target)
    warped = cv2.warpPerspective(page, matrix, (1200, 1600))
    mask = cv2.warpPerspective(np.full(page.shape[:2], 255, np.uint8), matrix, (1200, 1600))
    result = np.where(mask[..., None] > 0, warped, background)
    shade = np.linspace(1.0, 0.8, 1200)[None, :, None]  # light from the left
    result = np.clip(result * shade, 0, 255).astype(np.uint8)
    return Image.fromarray(result).filter(ImageFilter.GaussianBlur(0.6))


def main() -> None:
    buffer = io.BytesIO()
    photo().save(buffer, "JPEG", quality=80, optimize=True)
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_bytes(buffer.getvalue())
    print(TARGET, len(buffer.getvalue()), "bytes")


if __name__ == "__main__":
    main()
