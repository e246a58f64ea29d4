"""Hostile inputs (testdata/hostile) through checklist, upload export and print export.

Expected (testdata/SOURCES.md): damaged, encrypted, looping and bomb files are refused with a
clear InputError-family message naming the file, never a crash or a hang; the real phone
photos (HEIC, EXIF-rotated, CMYK, odd headers) are exported.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pymupdf
import pytest
from PIL import Image, ImageOps

from common.errors import HosoError
from dossier.checklist import check
from dossier.packaging import export_for_print, export_for_upload
from tests.conftest import TESTDATA

MUST_EXPORT = {
    "pillow-heif_pug-iphone-grid-4032x3024.heic",
    "pillow-heif_xiaomi-large-exif.heic",
    "pillow_hopper_orientation_6.jpg",
    "pillow_hopper_bad_exif.jpg",
    "pillow_pil_sample_cmyk.jpg",
    "pillow_jpeg_ff00_header.jpg",
}
MUST_REFUSE = {
    "pillow-heif_200MP.heic",
    "pillow-heif_corrupted.heic",
    "pillow_broken.png",
    "pillow_decompression_bomb.gif",
    "pillow_png_decompression_dos.png",
    "pillow_truncated_image.png",
    "pdf-lib_encrypted_old.pdf",
    "pyhanko_minimal-aes256.pdf",
    "pyhanko_minimal-pubkey-aes256.pdf",
    "qpdf_bad1.pdf",
    "qpdf_empty-zero-pages.pdf",
}


def hostile_files() -> list[Path]:
    folder = TESTDATA / "hostile"
    return sorted(folder.glob("*/*")) if folder.is_dir() else []


@pytest.mark.timeout(60)
@pytest.mark.parametrize("name", [p.name for p in hostile_files()] or ["(no testdata)"])
def test_hostile_input(name, testdata, make_dossier, procedure, portal, pack_inputs, tmp_path):
    source = next(p for p in hostile_files() if p.name == name) if hostile_files() else None
    if source is None:
        testdata("hostile")  # skips (or fails under CI) when the folder is missing
    workspace = make_dossier(
        {
            "to-khai": [pack_inputs["form"]],
            "giay-chung-sinh": [source],
            "giay-to-tuy-than": [pack_inputs["scan"]],
        }
    )
    checklist = check(workspace, procedure, portal)
    problems = checklist.problems_of("giay-chung-sinh")
    try:
        result = export_for_upload(workspace, procedure, portal, tmp_path / "out")
    except HosoError as refused:
        assert name not in MUST_EXPORT, refused.user_message()
        assert problems, "refused at export but the checklist said it was fine"
        assert not (tmp_path / "out").exists()
    else:
        assert name not in MUST_REFUSE
        assert not problems
        exported = result.folder / result.files[1].name
        with pymupdf.open(exported) as doc:
            assert doc.page_count >= 1
    printed = export_for_print(workspace, procedure, portal, tmp_path / "in.pdf")
    assert printed.pages >= 1 + 1 + 1  # cover, form, scan: a bad file never stops printing


def test_exif_rotation_is_applied(testdata, make_dossier, procedure, portal, pack_inputs, tmp_path):
    rotated = testdata("hostile", "images", "pillow_hopper_orientation_6.jpg")
    workspace = make_dossier(
        {
            "to-khai": [pack_inputs["form"]],
            "giay-chung-sinh": [rotated],
            "giay-to-tuy-than": [pack_inputs["scan"]],
        }
    )
    result = export_for_upload(workspace, procedure, portal, tmp_path / "out")
    with pymupdf.open(result.folder / result.files[1].name) as doc:
        ((xref, *_rest),) = doc[0].get_images(full=True)
        pixmap = pymupdf.Pixmap(doc, xref)
    exported = np.asarray(Image.frombytes("RGB", (pixmap.width, pixmap.height), pixmap.samples))
    with Image.open(rotated) as original:
        upright = np.asarray(ImageOps.exif_transpose(original).convert("RGB"))
        as_stored = np.asarray(original.convert("RGB"))
    difference = np.abs(exported.astype(int) - upright.astype(int)).mean()
    assert difference < 8  # same picture, upright (JPEG tolerance)
    assert np.abs(exported.astype(int) - as_stored.astype(int)).mean() > 3 * difference
