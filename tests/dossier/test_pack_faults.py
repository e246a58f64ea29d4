"""Faults during export: a clear error, no export folder that looks complete, dossier untouched."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import threading
from pathlib import Path

import pytest

from common.errors import CancelledError, InputError, OutputError
from dossier import packaging
from dossier.packaging import (
    MANIFEST_NAME,
    PackOptions,
    PrintOptions,
    export_for_print,
    export_for_upload,
)
from tests.dossier.conftest import folder_digest


def failing_writer(fail_on_call: int):
    """A disk that fills up: the n-th file gets half written, then ENOSPC."""
    calls = {"n": 0}
    real = packaging.write_file

    def write(path: Path, data: bytes) -> None:
        calls["n"] += 1
        if calls["n"] == fail_on_call:
            with open(path, "wb") as handle:
                handle.write(data[: len(data) // 2])
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
        real(path, data)

    return write


def leftovers(folder: Path, name: str) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.startswith(f".{name}.")]


@pytest.mark.parametrize("fail_on_call", [1, 3, 5])  # a component file, another, the manifest
def test_disk_full_part_way_leaves_no_export(
    make_dossier, procedure, portal, tmp_path, monkeypatch, fail_on_call
):
    workspace = make_dossier()
    before = folder_digest(workspace.root)
    monkeypatch.setattr(packaging, "write_file", failing_writer(fail_on_call))
    with pytest.raises(OutputError) as failed:
        export_for_upload(
            workspace, procedure, portal, tmp_path / "out", PackOptions(make_zip=True)
        )
    assert failed.value.path == (tmp_path / "out").absolute()
    assert os.strerror(errno.ENOSPC) in failed.value.message
    assert not (tmp_path / "out").exists()
    assert leftovers(tmp_path, "out") == []
    assert folder_digest(workspace.root) == before


def test_failed_export_keeps_the_previous_one(
    make_dossier, procedure, portal, tmp_path, monkeypatch
):
    workspace = make_dossier()
    out = tmp_path / "out"
    first = export_for_upload(workspace, procedure, portal, out)
    previous = folder_digest(out)
    monkeypatch.setattr(packaging, "write_file", failing_writer(2))
    with pytest.raises(OutputError):
        export_for_upload(workspace, procedure, portal, out, PackOptions(overwrite=True))
    assert folder_digest(out) == previous
    assert (out / MANIFEST_NAME).exists() and first.manifest_path == out / MANIFEST_NAME
    assert leftovers(tmp_path, "out") == []


def test_missing_component_file(make_dossier, procedure, portal, tmp_path):
    workspace = make_dossier()
    entry = workspace.dossier.component("giay-to-tuy-than")
    workspace.path(entry.files[0].original).unlink()
    before = folder_digest(workspace.root)
    with pytest.raises(InputError) as refused:
        export_for_upload(workspace, procedure, portal, tmp_path / "out")
    assert "không tìm thấy tệp" in refused.value.message and "cccd.jpg" in refused.value.message
    assert not (tmp_path / "out").exists() and leftovers(tmp_path, "out") == []
    assert folder_digest(workspace.root) == before


def test_unreadable_component_file(make_dossier, procedure, portal, tmp_path, pack_inputs):
    truncated = tmp_path / "cat_ngang.pdf"
    truncated.write_bytes(pack_inputs["form"].read_bytes()[:300])
    workspace = make_dossier(
        {
            "to-khai": [truncated],
            "giay-chung-sinh": [pack_inputs["scan"]],
            "giay-to-tuy-than": [pack_inputs["scan2"]],
        }
    )
    with pytest.raises(InputError, match="PDF"):
        export_for_upload(workspace, procedure, portal, tmp_path / "out")
    assert not (tmp_path / "out").exists() and leftovers(tmp_path, "out") == []


def test_cancel_leaves_nothing(make_dossier, procedure, portal, tmp_path):
    workspace = make_dossier()
    cancel = threading.Event()

    def progress(done: int, total: int, message: str) -> None:
        if done == 2:
            cancel.set()

    with pytest.raises(CancelledError):
        export_for_upload(
            workspace, procedure, portal, tmp_path / "out", progress=progress, cancel=cancel
        )
    assert not (tmp_path / "out").exists() and leftovers(tmp_path, "out") == []


def test_print_export_disk_full(make_dossier, procedure, portal, tmp_path, monkeypatch):
    workspace = make_dossier()
    monkeypatch.setattr(packaging, "write_file", failing_writer(1))
    with pytest.raises(OutputError):
        export_for_print(workspace, procedure, portal, tmp_path / "in.pdf", PrintOptions())
    assert list(tmp_path.glob("*in.pdf*")) == []


@pytest.fixture
def small_tmpfs(tmp_path):
    """A real 1 MB file system (root only): the disk really fills up."""
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a tmpfs needs root")
    mount_point = tmp_path / "small"
    mount_point.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount_point)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    yield mount_point
    subprocess.run(["umount", str(mount_point)], check=False)


def test_real_full_disk(make_dossier, procedure, portal, small_tmpfs):
    workspace = make_dossier()
    before = folder_digest(workspace.root)
    with pytest.raises(OutputError) as failed:
        export_for_upload(workspace, procedure, portal, small_tmpfs / "out")
    assert failed.value.path is not None
    assert list(small_tmpfs.iterdir()) == []
    assert folder_digest(workspace.root) == before
