"""`hoso scan` and `hoso detect` through the real CLI entry point."""

from __future__ import annotations

import json
import shutil

import numpy as np
import pymupdf
import pytest
from PIL import Image

from desktop.cli import main
from desktop.commands.scan import parse_size
from tests.scanning.synthetic import default_quad, make_page, photograph


@pytest.fixture(scope="module")
def photo_path(tmp_path_factory):
    width, height = 1500, 2000
    image = photograph(make_page(seed=9).image, default_quad(width, height), (width, height))
    path = tmp_path_factory.mktemp("cli") / "ảnh giấy tờ.jpg"
    Image.fromarray(image).save(path, quality=92)
    return path


def test_detect_prints_json_in_upright_pixels(photo_path, capsys):
    assert main(["detect", str(photo_path)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["found"] is True and report["paper"] == "a4"
    truth = default_quad(1500, 2000)
    assert np.abs(np.array(report["quad"]) - truth).max() < 6
    assert 0 < report["confidence"] <= 1


def test_detect_applies_exif_orientation(testdata, capsys):
    assert main(["detect", str(testdata("hostile/images", "pillow_hopper_orientation_6.jpg"))]) == 0
    report = json.loads(capsys.readouterr().out)
    assert len(report["quad"]) == 4


def test_scan_writes_a_pdf_within_the_size_limit(photo_path, tmp_path, capsys):
    output = tmp_path / "out.pdf"
    code = main(["scan", str(photo_path), str(photo_path), "-o", str(output), "--max-size",
                 "300KB", "--mode", "gray"])  # fmt: skip
    assert code == 0
    assert output.stat().st_size <= 300_000
    with pymupdf.open(output) as doc:
        assert doc.page_count == 2
        assert doc[0].rect.height * 25.4 / 72 == pytest.approx(297, abs=0.1)


def test_scan_compact_mode_writes_a_g4_mask_and_two_jpegs(photo_path, tmp_path):
    output = tmp_path / "compact.pdf"
    assert main(["scan", str(photo_path), "-o", str(output), "--mode", "compact"]) == 0
    plain = tmp_path / "plain.pdf"
    assert main(["scan", str(photo_path), "-o", str(plain), "--mode", "gray"]) == 0
    with pymupdf.open(output) as doc:
        filters = [doc.xref_get_key(xref, "Filter")[1] for xref, *_ in doc[0].get_images()]
        masks = [doc.xref_get_key(xref, "Mask")[1] for xref, *_ in doc[0].get_images()]
    assert "/DCTDecode" in filters and any(mask.endswith("R") for mask in masks)
    assert output.stat().st_size * 2 < plain.stat().st_size


def test_scan_with_manual_quad_and_paper(photo_path, tmp_path):
    output = tmp_path / "quad.pdf"
    quad = "100,100,1100,100,1100,800,100,800"
    assert main(["scan", str(photo_path), "-o", str(output), "--quad", quad, "--paper",
                 "card"]) == 0  # fmt: skip
    with pymupdf.open(output) as doc:
        assert doc[0].rect.width * 25.4 / 72 == pytest.approx(85.6, abs=0.1)


def test_id_card_mode(photo_path, tmp_path):
    output = tmp_path / "card.pdf"
    assert main(["scan", "--id-card", str(photo_path), str(photo_path), "-o", str(output)]) == 0
    with pymupdf.open(output) as doc:
        assert doc.page_count == 1 and len(doc[0].get_images()) == 2


def test_refused_input_exits_1_naming_the_file(testdata, tmp_path, capsys):
    bomb = testdata("hostile/images", "pillow_decompression_bomb.gif")
    output = tmp_path / "x.pdf"
    assert main(["scan", str(bomb), "-o", str(output)]) == 1
    error = capsys.readouterr().err
    assert "pillow_decompression_bomb.gif" in error and error.startswith("hoso: ")
    assert not output.exists()


def test_bad_usage_exits_2(tmp_path):
    with pytest.raises(SystemExit) as info:
        main(["scan", "x.jpg", "-o", str(tmp_path / "x.pdf"), "--quad", "1,2,3"])
    assert info.value.code == 2


@pytest.mark.parametrize(
    "text, value", [("5MB", 5_000_000), ("500KB", 500_000), ("1.5M", 1_500_000), ("1200", 1200)]
)
def test_size_parsing(text, value):
    assert parse_size(text) == value


@pytest.mark.skipif(shutil.which("scanimage") is None, reason="sane-utils not installed")
def test_scan_from_sane_test_device(tmp_path):
    output = tmp_path / "sane.pdf"
    assert main(["scan", "--scanner", "test", "--dpi", "100", "-o", str(output)]) == 0
    with pymupdf.open(output) as doc:
        assert doc.page_count == 1
    assert (tmp_path / "sane-scanner.png").exists()  # the original is kept


def test_every_hostile_image_exits_0_or_1_never_crashes(testdata, tmp_path, capsys):
    from tests.scanning.test_imports import HOSTILE_EXPECTED

    for name, expected in sorted(HOSTILE_EXPECTED.items()):
        output = tmp_path / f"{name}.pdf"
        code = main(["scan", str(testdata("hostile/images", name)), "-o", str(output)])
        assert code == (1 if expected == "refuse" else 0), name
        assert output.exists() == (code == 0)
        if code:
            assert name in capsys.readouterr().err


def test_pdf_pages_are_kept_whole(tmp_path):
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((72, 100), "Tờ khai", fontsize=20)
    source = tmp_path / "form.pdf"
    doc.save(source)
    output = tmp_path / "out.pdf"
    assert main(["scan", str(source), "-o", str(output), "--mode", "bw"]) == 0
    with pymupdf.open(output) as result:
        assert result[0].rect.width * 25.4 / 72 == pytest.approx(210, abs=0.5)


def test_a_folder_stands_for_its_images(photo_path, tmp_path):
    import shutil as _shutil

    folder = tmp_path / "ảnh"
    folder.mkdir()
    for name in ("b.jpg", "a.jpg"):
        _shutil.copy(photo_path, folder / name)
    (folder / "ghi chú.txt").write_text("x")
    output = tmp_path / "folder.pdf"
    assert main(["scan", str(folder), "-o", str(output), "--jobs", "1"]) == 0
    with pymupdf.open(output) as doc:
        assert doc.page_count == 2


def test_separate_writes_one_pdf_per_input(photo_path, tmp_path):
    import shutil as _shutil

    second = tmp_path / "thứ hai.jpg"
    _shutil.copy(photo_path, second)
    folder = tmp_path / "out"
    assert main(["scan", str(photo_path), str(second), "-o", str(folder), "--separate"]) == 0
    assert sorted(p.name for p in folder.glob("*.pdf")) == sorted(
        [f"{photo_path.stem}.pdf", "thứ hai.pdf"]
    )
