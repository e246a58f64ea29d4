"""Encoding to a budget, PDF assembly, the façade, steps replay, batches and ID cards."""

from __future__ import annotations

import subprocess
import threading

import numpy as np
import pymupdf
import pytest
from PIL import Image

from common.errors import CancelledError, InputError
from scanning import ScanOptions, apply_steps, process, scan_id_card, scan_to_pdf
from scanning.encode import (
    DEFAULT_QUALITY,
    MIN_DPI,
    MIN_QUALITY,
    SOFT_BYTES_PER_MEGAPIXEL,
    encode_page,
    quantization_tables,
    write_pdf,
)
from scanning.pipeline import options_from_steps
from tests.scanning.synthetic import default_quad, make_page, photograph


@pytest.fixture(scope="module")
def photo() -> np.ndarray:
    width, height = 1500, 2000
    return photograph(make_page(seed=7).image, default_quad(width, height), (width, height))


def _save(tmp_path, image: np.ndarray, name: str) -> str:
    path = tmp_path / name
    Image.fromarray(image).save(path, quality=92)
    return str(path)


def test_process_gives_a_true_size_a4_page(photo):
    result = process(photo, ScanOptions(mode="gray"))
    assert result.found and result.paper == "a4"
    assert result.image.shape[:2] == (2339, 1654)
    assert result.size_mm == (210.0, 297.0) and result.dpi == 200
    assert result.encoded is not None and result.encoded.kind == "jpeg"
    assert result.encoded.data[:2] == b"\xff\xd8"
    with Image.open(__import__("io").BytesIO(result.encoded.data)) as encoded:
        assert round(encoded.info["dpi"][0]) == 200


def test_budget_lowers_quality_then_resolution(photo):
    page = process(photo, ScanOptions(), encode=False).image
    free = encode_page(page, "color", 200, (210, 297), auto_compact=False)
    budget = int(free.size * 0.6)
    tight = encode_page(page, "color", 200, (210, 297), budget=budget, auto_compact=False)
    assert tight.size <= budget and not tight.over_budget
    assert tight.quality < free.quality or tight.dpi < 200
    impossible = encode_page(page, "color", 200, (210, 297), budget=2000, auto_compact=False)
    assert impossible.over_budget
    assert impossible.quality == MIN_QUALITY and round(impossible.dpi) == MIN_DPI
    bw = encode_page(process(photo, ScanOptions(mode="bw"), encode=False).image, "bw", 200,
                     (210, 297))  # fmt: skip
    assert bw.kind == "png" and bw.data[:4] == b"\x89PNG"


def _dense_page(seed: int = 3) -> np.ndarray:
    """An A4 page at 200 DPI crowded with dark strokes: too many bytes at full quality."""
    rng = np.random.default_rng(seed)
    page = np.full((2339, 1654, 3), 255, np.uint8)
    strokes = rng.random((2339, 1654)) < 0.08
    page[strokes] = (30, 30, 120)
    return page


def test_a_dense_page_meets_the_soft_size_by_quality_only(photo):
    dense = _dense_page()
    soft = SOFT_BYTES_PER_MEGAPIXEL * dense.shape[0] * dense.shape[1] / 1e6
    page = encode_page(dense, "color", 200, (210, 297), auto_compact=False)
    assert page.size <= soft or page.quality == MIN_QUALITY
    assert MIN_QUALITY <= page.quality < DEFAULT_QUALITY["color"]
    assert page.dpi == 200 and page.width_px == 1654 and not page.over_budget
    decoded = np.asarray(Image.open(__import__("io").BytesIO(page.data)).convert("RGB"))
    assert np.abs(decoded.astype(int) - dense).mean() < 25  # still the same strokes
    # a photo kept as it is ("original") has no soft size
    assert encode_page(dense, "original", 200, (210, 297)).quality == DEFAULT_QUALITY["original"]
    # an ordinary page keeps its full quality
    sparse = process(photo, ScanOptions(), encode=False).image
    sparse_jpeg = encode_page(sparse, "color", 200, (210, 297), auto_compact=False)
    assert sparse_jpeg.quality == DEFAULT_QUALITY["color"]


def test_jpeg_pages_carry_the_document_tables(photo):
    image = process(photo, ScanOptions(), encode=False).image
    page = encode_page(image, "color", 200, (210, 297), auto_compact=False)
    with Image.open(__import__("io").BytesIO(page.data)) as encoded:
        tables = [list(encoded.quantization[i]) for i in sorted(encoded.quantization)]
    assert tables == quantization_tables(page.quality)


def test_pdf_embeds_the_encoded_bytes_unchanged_at_physical_size(photo, tmp_path):
    result = process(photo, ScanOptions(mode="gray"))
    output = tmp_path / "out.pdf"
    write_pdf([result.encoded, result.encoded], output)
    with pymupdf.open(output) as doc:
        assert doc.page_count == 2
        width_mm = doc[0].rect.width * 25.4 / 72
        assert width_mm == pytest.approx(210, abs=0.1)
        xref = doc[0].get_images()[0][0]
        assert doc.xref_stream_raw(xref) == result.encoded.data
    subprocess.run(["qpdf", "--check", str(output)], check=True, capture_output=True)


def test_steps_replay_reproduces_the_result_and_undo_drops_a_step(photo, tmp_path):
    path = _save(tmp_path, photo, "ảnh.jpg")
    first = apply_steps(path, [])  # nothing stored yet: detection decides
    again = apply_steps(path, first.steps)
    assert again.steps == first.steps
    assert np.abs(again.image.astype(float) - first.image.astype(float)).mean() < 1.0
    rotated = apply_steps(path, [*first.steps, {"op": "rotate", "degrees": 90}])
    assert rotated.image.shape[:2] == (1654, 2339) and rotated.size_mm == (297.0, 210.0)
    gray = apply_steps(path, [*first.steps, {"op": "mode", "mode": "gray"}])
    assert gray.image.ndim == 2
    undone = apply_steps(path, [*first.steps, {"op": "mode", "mode": "gray"}][:-1])
    assert undone.image.ndim == 3
    with pytest.raises(InputError):
        options_from_steps([{"op": "explode"}])


def test_manual_quad_wins_over_detection(photo):
    quad = ((100, 100), (700, 100), (700, 900), (100, 900))
    result = process(photo, ScanOptions(quad=quad, paper="free"))
    assert result.steps[1] == {"op": "quad", "points": [[100, 100], [700, 100], [700, 900],
                                                        [100, 900]]}  # fmt: skip
    assert result.image.shape[0] / result.image.shape[1] == pytest.approx(800 / 600, rel=0.02)


def test_batch_with_two_workers_budget_and_progress(photo, tmp_path):
    inputs = [_save(tmp_path, photo, f"p{i}.jpg") for i in range(3)]
    reports = []
    output = tmp_path / "hồ sơ.pdf"
    report = scan_to_pdf(inputs, output, ScanOptions(), lambda *a: reports.append(a),
                         max_file_bytes=400_000, workers=2)  # fmt: skip
    assert report.pages == 3
    assert output.stat().st_size <= 400_000
    assert reports[-1][0] == reports[-1][1] == 3
    render = subprocess.run(["pdftoppm", "-r", "20", "-f", "2", "-l", "2", "-png", str(output)],
                            check=True, capture_output=True).stdout  # fmt: skip
    assert render[:4] == b"\x89PNG"


def test_cancel_stops_the_batch_without_output(photo, tmp_path):
    inputs = [_save(tmp_path, photo, f"c{i}.jpg") for i in range(4)]
    cancel = threading.Event()

    def progress(done, total, message):
        if done >= 1:
            cancel.set()

    output = tmp_path / "cancelled.pdf"
    with pytest.raises(CancelledError):
        scan_to_pdf(inputs, output, ScanOptions(), progress, cancel, workers=2)
    assert not output.exists()
    assert not list(tmp_path.glob(".cancelled.pdf*"))


def test_bad_input_in_a_batch_is_named(tmp_path, photo):
    broken = tmp_path / "hỏng.jpg"
    broken.write_bytes(b"\xff\xd8\xff garbage")
    with pytest.raises(InputError) as info:
        scan_to_pdf([_save(tmp_path, photo, "ok.jpg"), broken], tmp_path / "x.pdf", workers=1)
    assert "hỏng.jpg" in info.value.user_message()


def test_id_card_front_and_back_on_one_a4_page(tmp_path):
    width, height = 1600, 1200
    quad = np.array([[420, 300], [1210, 360], [1170, 860], [360, 790]], float)
    front = photograph(make_page(856, 540, seed=1).image, quad, (width, height), "dark")
    back = photograph(make_page(856, 540, seed=2).image, quad, (width, height), "green")
    output = tmp_path / "cccd.pdf"
    scan_id_card(_save(tmp_path, front, "front.jpg"), _save(tmp_path, back, "back.jpg"), output)
    with pymupdf.open(output) as doc:
        assert doc.page_count == 1
        page = doc[0]
        assert page.rect.width * 25.4 / 72 == pytest.approx(210, abs=0.1)
        infos = page.get_image_info()
        assert len(infos) == 2
        for info in infos:
            x0, y0, x1, y1 = info["bbox"]
            assert (x1 - x0) * 25.4 / 72 == pytest.approx(85.60, abs=0.2)
            assert (y1 - y0) * 25.4 / 72 == pytest.approx(53.98, abs=0.2)
            assert info["width"] == pytest.approx(1011, abs=2)  # 300 DPI


def test_a_broken_process_pool_falls_back_to_one_process(photo, tmp_path, monkeypatch):
    from concurrent.futures.process import BrokenProcessPool

    from scanning import pipeline

    def broken(*args, **kwargs):
        raise BrokenProcessPool("no multiprocessing in this build")

    monkeypatch.setattr(pipeline, "_map_in_pool", broken)
    inputs = [_save(tmp_path, photo, f"f{i}.jpg") for i in range(2)]
    report = scan_to_pdf(inputs, tmp_path / "fallback.pdf", ScanOptions(), workers=2)
    assert report.pages == 2


def test_card_portrait_stays_dark_in_colour_mode():
    import cv2

    card = make_page(856, 540, seed=4).image
    cv2.rectangle(card, (40, 160), (230, 420), (120, 110, 100), -1)  # the portrait
    width, height = 1600, 1200
    quad = np.array([[420, 300], [1210, 360], [1170, 860], [360, 790]], float)
    photo = photograph(card, quad, (width, height), "wood", shading=0.3)
    result = process(photo, ScanOptions())
    assert result.paper == "card"
    out_h, out_w = result.image.shape[:2]
    box = result.image[int(out_h * 0.35) : int(out_h * 0.75), int(out_w * 0.07) : int(out_w * 0.25)]
    assert box.mean() < 150  # not washed out to white by the illumination estimate
    assert result.image[int(out_h * 0.05), int(out_w * 0.5)].mean() > 200  # card background


def test_floor_quality_is_a_last_resort_at_the_lowest_resolution():
    dense = _dense_page(seed=5)
    at_floor = encode_page(dense, "original", 200, (210, 297), budget=2000)
    assert at_floor.over_budget and at_floor.quality == MIN_QUALITY
    smallest = encode_page(dense, "original", 200, (210, 297), budget=2000, floor_quality=35)
    assert smallest.quality == 35 and round(smallest.dpi) == MIN_DPI
    assert smallest.size < at_floor.size
    # a budget reachable only below MIN_QUALITY at the floor resolution
    budget = (smallest.size + at_floor.size) // 2
    fitted = encode_page(dense, "original", 200, (210, 297), budget=budget, floor_quality=35)
    assert not fitted.over_budget and fitted.size <= budget
    assert 35 <= fitted.quality < MIN_QUALITY and round(fitted.dpi) == MIN_DPI
