"""Fuzzed and truncated TIFF, JPEG and PNG files (made here, deterministic): every one either
imports or is refused with InputError; `hoso scan` ends with exit 0 or with exit 1 and one line
naming the file, and no library chatter (Pillow warnings, libtiff, libjpeg) on the terminal:
that goes to the log (issue 12)."""

from __future__ import annotations

import io
import os
import random
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from common.errors import InputError
from scanning.imports import count_pages, load_pages
from tests.conftest import ROOT

FORMATS = ("TIFF", "JPEG", "PNG")


def clean_image(fmt: str) -> bytes:
    pixels = (np.random.default_rng(0).random((64, 48, 3)) * 255).astype("uint8")
    image = Image.fromarray(pixels)
    buffer = io.BytesIO()
    if fmt == "TIFF":  # two pages, LZW: a directory per page and a compressed stream to damage
        image.save(buffer, "TIFF", save_all=True, append_images=[image.rotate(90)],
                   compression="tiff_lzw")  # fmt: skip
    else:
        image.save(buffer, fmt)
    return buffer.getvalue()


def fuzzed(fmt: str, seed: int) -> bytes:
    """Seed % 3: random bytes changed, cut short, or four header bytes replaced."""
    rng = random.Random(seed)
    data = bytearray(clean_image(fmt))
    if seed % 3 == 0:
        for _ in range(rng.randint(1, 8)):
            data[rng.randrange(len(data))] = rng.randrange(256)
    elif seed % 3 == 1:
        data = data[: rng.randrange(8, len(data))]
    else:
        at = rng.randrange(8, min(200, len(data)))
        data[at : at + 4] = bytes(rng.randrange(256) for _ in range(4))
    return bytes(data)


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_fuzzed_file_imports_or_is_refused_clearly(fmt, tmp_path) -> None:
    refused = 0
    for seed in range(90):
        path = tmp_path / f"fuzzed {seed}.{fmt.lower()}"
        path.write_bytes(fuzzed(fmt, seed))
        try:
            pages = list(load_pages(path))
            assert pages and all(p.image.ndim == 3 for p in pages)
        except InputError as exc:
            refused += 1
            assert exc.path == path and exc.message
        try:
            assert count_pages(path, strict=True) >= 1
        except InputError as exc:
            assert exc.path == path
    assert refused, "the fuzzer damaged nothing: it tests nothing"


def test_a_tiff_whose_frame_count_cannot_be_read_is_a_damaged_file(tmp_path) -> None:
    """The case found by hand: Pillow's n_frames raises TypeError ("Missing dimensions")."""
    found = 0
    for seed in range(60):
        path = tmp_path / f"{seed}.tiff"
        path.write_bytes(fuzzed("TIFF", seed))
        try:
            Image.open(path).n_frames  # noqa: B018 - the property is what raises
        except TypeError:
            found += 1
            with pytest.raises(InputError) as info:
                list(load_pages(path))
            assert "hỏng" in info.value.message or "damaged" in info.value.message
        except Exception:
            continue  # not even a TIFF header left: refused by the other tests
    assert found, "no fuzzed TIFF reproduced the TypeError of n_frames"


def run_hoso_scan(source: Path, tmp_path: Path) -> subprocess.CompletedProcess:
    """The real command as a user runs it (`python -m desktop.cli` is `hoso`)."""
    env = dict(os.environ, HOSO_DATA_DIR=str(tmp_path / "data"), PYTHONPATH=str(ROOT))
    return subprocess.run(
        [sys.executable, "-m", "desktop.cli", "scan", str(source), "-o", str(tmp_path / "o.pdf")],
        capture_output=True, text=True, encoding="utf-8", errors="replace", env=env,
        cwd=tmp_path, timeout=300, check=False,
    )  # fmt: skip


def names_the_file(line: str, source: Path) -> bool:
    """One of hoso's own lines: `hoso: <the file>: <what is wrong>`."""
    return line.startswith("hoso: ") and f"{source.name}: " in line


@pytest.mark.slow
def test_hoso_scan_says_one_line_and_sends_library_messages_to_the_log(tmp_path) -> None:
    chosen = [("TIFF", 10), ("TIFF", 15), ("TIFF", 0), ("TIFF", 3), ("JPEG", 0), ("JPEG", 3),
              ("JPEG", 1), ("PNG", 1)]  # fmt: skip
    codes = []
    for fmt, seed in chosen:
        source = tmp_path / f"ảnh hỏng {fmt} {seed}.{fmt.lower()}"
        source.write_bytes(fuzzed(fmt, seed))
        done = run_hoso_scan(source, tmp_path)
        codes.append(done.returncode)
        lines = done.stderr.splitlines()
        assert done.returncode in (0, 1), f"{source.name}: exit {done.returncode}\n{done.stderr}"
        assert all(names_the_file(line, source) for line in lines), done.stderr
        if done.returncode == 1:
            assert len(lines) == 1, done.stderr
    assert 1 in codes and 0 in codes
    log = (tmp_path / "data" / "logs" / "hoso.log").read_text(encoding="utf-8")
    assert "library messages on stderr" in log, "libtiff/libjpeg output was not logged"


@pytest.mark.slow
def test_hostile_test_images_leave_the_terminal_clean(testdata, tmp_path) -> None:
    for name in ("pillow_hopper_bad_exif.jpg", "pillow_jpeg_ff00_header.jpg",
                 "pillow_truncated_image.png", "pillow_broken_data_stream.png"):  # fmt: skip
        source = testdata("hostile", "images", name)
        done = run_hoso_scan(source, tmp_path)
        assert done.returncode in (0, 1), f"{name}: exit {done.returncode}\n{done.stderr}"
        lines = done.stderr.splitlines()
        assert all(names_the_file(line, source) for line in lines), done.stderr
        assert "Warning" not in done.stderr and "warn(" not in done.stderr
