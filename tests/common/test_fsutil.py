from __future__ import annotations

import os
import stat

import pytest

from common.errors import OutputError
from common.fsutil import (
    ascii_slug,
    atomic_output,
    atomic_write_json,
    fold,
    make_private_dir,
    safe_filename,
)


def test_atomic_write_replaces_and_is_private(tmp_path):
    target = tmp_path / "a.json"
    atomic_write_json(target, {"ten": "Nguyễn Văn An"})
    assert "Nguyễn" in target.read_text(encoding="utf-8")
    if os.name == "posix":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["a.json"]


def test_failed_write_keeps_the_old_content_and_leaves_no_temp(tmp_path):
    target = tmp_path / "a.txt"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_output(target) as tmp:
        tmp.write_text("half", encoding="utf-8")
        raise RuntimeError("disk full")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_write_into_a_file_path_reports_the_file(tmp_path):
    blocker = tmp_path / "blocker"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(OutputError) as info:
        atomic_write_json(blocker / "sub" / "a.json", {})
    assert "sub" in str(info.value.path)


def test_private_dir_mode(tmp_path):
    folder = make_private_dir(tmp_path / "x" / "y")
    if os.name == "posix":
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("CON.pdf", "_CON.pdf"),
        ("tờ khai?.pdf", "tờ khai_.pdf"),
        ("a. ", "a"),
        ("", "tep"),
        ('x<>:"|*.txt', "x______.txt"),
    ],
)
def test_safe_filename(name, expected):
    assert safe_filename(name) == expected


def test_safe_filename_limits_length_and_keeps_extension():
    name = safe_filename("Đ" * 300 + ".pdf", max_length=50)
    assert len(name) == 50
    assert name.endswith(".pdf")


def test_fold_and_slug():
    assert fold("ĐĂNG KÝ KHAI SINH") == fold("dang ky khai sinh") == "dang ky khai sinh"
    assert fold("Khai tử") == "khai tu"
    assert ascii_slug("Tờ khai đăng ký khai sinh") == "To_khai_dang_ky_khai_sinh"
    assert len(ascii_slug("Giấy tờ " * 30)) <= 60


def test_slug_is_cut_after_a_whole_word():
    text = "Tờ khai đăng ký khai sinh (theo mẫu)"
    assert ascii_slug(text, max_length=19) == "To_khai_dang_ky"  # not "To_khai_dang_ky_kha"
    assert ascii_slug(text, max_length=25) == "To_khai_dang_ky_khai_sinh"
    assert ascii_slug("Abcdefghijklmnop", max_length=5) == "Abcde"  # one long word: cut inside


def test_upload_names_end_on_a_whole_word():
    from dossier.catalog_model import Component
    from dossier.packaging import portal_file_name
    from tests.dossier import factory

    portal = factory.portal()
    component = Component(id="to-khai", name="Tờ khai đăng ký khai sinh " * 5, required=True)
    name = portal_file_name(portal, 1, component, "pdf")
    words = {"To", "khai", "dang", "ky", "sinh"}
    assert len(name) <= portal.max_name_length
    assert set(name.removesuffix(".pdf").split("_")[1:]) <= words, name
