"""Scanner sources: SANE's test device (no hardware), the watch folder, WIA refusal off Windows."""

from __future__ import annotations

import os
import shutil
import threading

import pytest
from PIL import Image

from common.errors import CancelledError, InputError
from scanning.sources import FolderSource, SaneSource, WiaSource

needs_sane = pytest.mark.skipif(shutil.which("scanimage") is None, reason="sane-utils missing")


@needs_sane
def test_sane_test_device_gives_a_colour_page_at_its_resolution():
    source = SaneSource(device="test", resolution=100,
                        extra_args=("--test-picture", "Color pattern"))  # fmt: skip
    pages = list(source.acquire())
    assert len(pages) == 1
    page = pages[0]
    assert page.dpi == pytest.approx(100, abs=1)
    assert page.image.shape[2] == 3 and page.image.shape[0] > 300
    assert page.image.reshape(-1, 3).std(axis=0).max() > 30  # a colour pattern, not blank


@needs_sane
def test_sane_unknown_device_is_a_clear_error():
    with pytest.raises(InputError):
        list(SaneSource(device="no-such-scanner:0").acquire())


@needs_sane
def test_sane_scan_can_be_cancelled():
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(CancelledError):
        list(SaneSource(device="test", resolution=600).acquire(cancel))


def test_missing_scanner_program_is_a_clear_error():
    with pytest.raises(InputError, match="not-a-scanimage"):
        list(SaneSource(program="not-a-scanimage").acquire())


@pytest.mark.skipif(os.name == "nt", reason="checks the refusal on other systems")
def test_wia_is_refused_outside_windows():
    with pytest.raises(InputError):
        list(WiaSource().acquire())


def test_watch_folder_yields_each_new_file_once(tmp_path):
    source = FolderSource(tmp_path)
    assert list(source.acquire()) == []
    Image.new("RGB", (40, 30), "white").save(tmp_path / "scan001.png")
    (tmp_path / "notes.txt").write_text("x")
    assert len(list(source.acquire())) == 1
    assert list(source.acquire()) == []
