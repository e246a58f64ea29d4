"""Import of photos, scanner pages and PDFs: formats, orientation, conversions, hostile files."""

from __future__ import annotations

import json
import subprocess
import sys
import time

import numpy as np
import pytest
from PIL import Image

from common.errors import InputError
from scanning.imports import ImportOptions, load_page, load_pages

HOSTILE = "hostile/images"
# file -> expected outcome: "ok" (imports), "warn" (imports with a warning), "refuse"
HOSTILE_EXPECTED = {
    "pillow-heif_200MP.heic": "refuse",
    "pillow-heif_corrupted.heic": "refuse",
    "pillow-heif_pug-iphone-grid-4032x3024.heic": "ok",
    "pillow-heif_truncated.heic": "ok",
    "pillow-heif_xiaomi-large-exif.heic": "ok",
    "pillow_broken.png": "refuse",
    "pillow_broken_data_stream.png": "refuse",
    "pillow_decompression_bomb.gif": "refuse",
    "pillow_decompression_bomb_extents.gif": "ok",
    "pillow_hopper_bad_exif.jpg": "ok",
    "pillow_hopper_orientation_6.jpg": "ok",
    "pillow_jpeg_ff00_header.jpg": "ok",
    "pillow_multipage_multiple_frame_loop.tiff": "ok",
    "pillow_pil_sample_cmyk.jpg": "ok",
    "pillow_png_decompression_dos.png": "refuse",
    "pillow_truncated_end_chunk.png": "warn",
    "pillow_truncated_image.png": "warn",
}


@pytest.mark.parametrize("name", sorted(HOSTILE_EXPECTED))
def test_hostile_image_imports_or_is_refused_clearly(testdata, name):
    path = testdata(HOSTILE, name)
    started = time.monotonic()
    expected = HOSTILE_EXPECTED[name]
    if expected == "refuse":
        with pytest.raises(InputError) as info:
            load_pages(path)
        assert info.value.path == path
        assert name in info.value.user_message()
    else:
        pages = load_pages(path)
        assert pages and all(p.image.dtype == np.uint8 and p.image.ndim == 3 for p in pages)
        assert bool(pages[0].warnings) == (expected == "warn")
    assert time.monotonic() - started < 10


def test_every_hostile_file_together_stays_under_memory_bound(testdata):
    folder = testdata(HOSTILE)
    script = (
        "import glob, json, resource, sys\n"
        "from scanning.imports import load_pages\n"
        "from common.errors import InputError\n"
        "out = {}\n"
        "for f in sorted(glob.glob(sys.argv[1] + '/*')):\n"
        "    try:\n"
        "        out[f] = len(load_pages(f))\n"
        "    except InputError:\n"
        "        out[f] = 0\n"
        "print(json.dumps({'rss_mb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,"
        " 'files': len(out)}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(folder)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["files"] == len(HOSTILE_EXPECTED)
    assert report["rss_mb"] < 2048


@pytest.mark.parametrize(
    "name, size",
    [
        ("pillow-heif_pug-iphone-grid-4032x3024.heic", (4032, 3024)),
        ("pillow-heif_xiaomi-large-exif.heic", (2592, 1944)),
    ],
)
def test_real_phone_heic_decodes_to_a_real_picture(testdata, name, size):
    page = load_page(testdata(HOSTILE, name))
    assert page.size == size
    assert page.format == "HEIF"
    # a photo, not a grey placeholder: plenty of tonal variety across the tiles of the grid
    small = page.image[::16, ::16].astype(float)
    assert small.std() > 20
    h, w = small.shape[:2]
    tiles = [small[y : y + h // 4, x : x + w // 4].mean() for y in (0, h // 2) for x in (0, w // 2)]
    assert max(tiles) - min(tiles) > 10


def test_exif_orientation_is_applied(testdata):
    path = testdata(HOSTILE, "pillow_hopper_orientation_6.jpg")
    raw = np.asarray(Image.open(path).convert("RGB"), dtype=float)
    upright = load_page(path).image.astype(float)
    rotated = np.rot90(raw, k=-1)  # orientation 6 = rotate 90 degrees clockwise to display
    assert np.abs(upright - rotated).mean() < 3
    assert np.abs(upright - raw).mean() > 10


def test_cmyk_jpeg_becomes_plausible_rgb(testdata):
    path = testdata(HOSTILE, "pillow_pil_sample_cmyk.jpg")
    image = load_page(path).image
    reference = np.asarray(Image.open(path).convert("RGB"), dtype=float)
    assert image.shape == reference.shape
    assert np.abs(image.astype(float) - reference).mean() < 2


def test_format_is_detected_by_content_and_unicode_path_works(tmp_path):
    picture = np.zeros((40, 60, 3), np.uint8)
    picture[:, :30] = (200, 30, 30)
    path = tmp_path / "ảnh chụp giấy tờ.png"  # a JPEG named .png, in a Vietnamese folder name
    Image.fromarray(picture).save(path, format="JPEG", quality=95)
    page = load_page(path)
    assert page.format == "JPEG"
    assert page.size == (60, 40)
    assert abs(int(page.image[20, 10, 0]) - 200) < 10


def test_sixteen_bit_and_palette_images_are_converted(tmp_path):
    ramp = (np.arange(256 * 64, dtype=np.uint32).reshape(64, 256) * 4).astype(np.uint16)
    sixteen = tmp_path / "deep.png"
    Image.fromarray(ramp).save(sixteen)
    gray = load_page(sixteen).image
    assert gray.shape == (64, 256, 3)
    assert gray[-1, -1, 0] > 200 and gray[0, 0, 0] < 5

    palette = Image.new("P", (20, 20), 0)
    palette.putpalette([255, 0, 0] + [0, 0, 255] * 255)
    palette.info["transparency"] = 0
    paletted = tmp_path / "pal.png"
    palette.save(paletted, transparency=0)
    rgb = load_page(paletted).image
    assert tuple(rgb[5, 5]) == (255, 255, 255)  # transparent over white


def test_multipage_tiff_gives_every_page(tmp_path):
    frames = [Image.new("RGB", (30, 20), color) for color in ("red", "green", "blue")]
    path = tmp_path / "scan.tif"
    frames[0].save(path, save_all=True, append_images=frames[1:], dpi=(300, 300))
    pages = load_pages(path)
    assert [p.index for p in pages] == [0, 1, 2]
    assert pages[2].image[0, 0, 2] > 200
    assert pages[0].dpi == pytest.approx(300, abs=1)


def test_pdf_pages_are_rendered_at_the_chosen_dpi(tmp_path):
    import pymupdf

    doc = pymupdf.open()
    for _ in range(2):
        page = doc.new_page(width=595, height=842)
        page.draw_rect(pymupdf.Rect(100, 100, 300, 300), color=(0, 0, 0), fill=(0, 0, 0))
    path = tmp_path / "tờ khai.pdf"
    doc.save(path)
    pages = load_pages(path, ImportOptions(pdf_dpi=100))
    assert len(pages) == 2
    assert abs(pages[0].size[0] - 826) <= 1 and abs(pages[0].size[1] - 1169) <= 1
    assert pages[0].dpi == 100
    assert pages[0].image[250, 250].max() < 30 and pages[0].image[20, 20].min() > 240


def test_pixel_limit_is_configurable_and_named(tmp_path):
    path = tmp_path / "big.png"
    Image.new("RGB", (2000, 1000), "white").save(path)
    with pytest.raises(InputError, match="2") as info:
        load_page(path, ImportOptions(max_pixels=1_000_000))
    assert info.value.path == path


@pytest.mark.parametrize("content", [b"", b"not an image at all"])
def test_garbage_is_refused(tmp_path, content):
    path = tmp_path / "x.jpg"
    path.write_bytes(content)
    with pytest.raises(InputError):
        load_page(path)


def test_missing_file_is_refused(tmp_path):
    with pytest.raises(InputError):
        load_page(tmp_path / "nope.jpg")


@pytest.mark.parametrize("orientation", range(1, 9))
def test_every_exif_orientation_matches_pillow(tmp_path, orientation):
    from PIL import ImageOps

    rng = np.random.default_rng(orientation)
    picture = Image.fromarray(
        np.kron(rng.integers(0, 255, (6, 8, 3)), np.ones((10, 10, 1))).astype(np.uint8)
    )
    exif = Image.Exif()
    exif[0x0112] = orientation
    path = tmp_path / f"o{orientation}.jpg"
    picture.save(path, quality=95, exif=exif)
    expected = np.asarray(ImageOps.exif_transpose(Image.open(path)).convert("RGB"), dtype=float)
    got = load_page(path).image.astype(float)
    assert got.shape == expected.shape
    assert np.abs(got - expected).mean() < 2


def test_pages_are_decoded_one_at_a_time_and_singly(tmp_path):
    from scanning.imports import iter_pages

    frames = [Image.new("RGB", (300, 200), (i * 40, 0, 0)) for i in range(5)]
    path = tmp_path / "many.tif"
    frames[0].save(path, save_all=True, append_images=frames[1:])
    pages = iter_pages(path)
    first = next(pages)
    assert first.index == 0  # the others are not decoded yet
    assert [p.index for p in pages] == [1, 2, 3, 4]
    third = load_page(path, index=3)
    assert third.index == 3 and third.image[0, 0, 0] == 120
    with pytest.raises(InputError):
        load_page(path, index=9)
