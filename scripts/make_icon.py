"""Draw the app icon: `python -m scripts.make_icon` writes resources/icons/hoso.png and hoso.ico.

A white dossier page with a folded corner and a red seal on a blue rounded square; drawn, not
downloaded, so its licence is the project's. The .ico holds 16-256 px for Windows (executables,
installer, .hoso files); the PNG is the window icon.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
ICON_DIR = ROOT / "resources" / "icons"
ICO_SIZES = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]
BLUE, PAGE, FOLD, LINE, SEAL = "#1f5fae", "#ffffff", "#c9d8ec", "#8aa6c8", "#d0312d"


def draw(size: int = 1024) -> Image.Image:
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    unit = size / 16
    pen.rounded_rectangle((0, 0, size - 1, size - 1), radius=3 * unit, fill=BLUE)
    left, top, right, bottom, fold = 4 * unit, 2.5 * unit, 12 * unit, 13.5 * unit, 2.6 * unit
    pen.polygon(
        [(left, top), (right - fold, top), (right, top + fold), (right, bottom), (left, bottom)],
        fill=PAGE,
    )
    pen.polygon([(right - fold, top), (right - fold, top + fold), (right, top + fold)], fill=FOLD)
    for row in range(4):
        y = top + (2.6 + 1.5 * row) * unit
        end = right - (1.2 + (1.8 if row == 3 else 0)) * unit
        pen.rounded_rectangle((left + unit, y, end, y + 0.55 * unit), radius=0.27 * unit, fill=LINE)
    cx, cy, r = right - 2.3 * unit, bottom - 2.3 * unit, 1.6 * unit
    pen.ellipse((cx - r, cy - r, cx + r, cy + r), fill=SEAL)
    pen.line(
        [
            (cx - 0.8 * unit, cy),
            (cx - 0.2 * unit, cy + 0.6 * unit),
            (cx + 0.9 * unit, cy - 0.6 * unit),
        ],
        fill=PAGE,
        width=int(0.4 * unit),
        joint="curve",
    )
    return image


def main() -> None:
    ICON_DIR.mkdir(parents=True, exist_ok=True)
    big = draw()
    big.resize((256, 256), Image.Resampling.LANCZOS).save(ICON_DIR / "hoso.png", optimize=True)
    big.save(ICON_DIR / "hoso.ico", sizes=ICO_SIZES)


if __name__ == "__main__":
    main()
