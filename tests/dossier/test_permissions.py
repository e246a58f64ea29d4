"""Everything a dossier holds is private to the user: 0600 files (0400 originals), 0700 folders."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from dossier.archive import export_dossier, import_dossier
from dossier.autosave import Autosaver
from dossier.workspace import Workspace

pytestmark = [
    pytest.mark.skipif(os.name != "posix", reason="POSIX permissions"),
    pytest.mark.usefixtures("english_messages"),
]


def modes(folder: Path) -> dict[str, int]:
    found = {folder.name: stat.S_IMODE(folder.stat().st_mode)}
    for path in folder.rglob("*"):
        found[path.relative_to(folder).as_posix()] = stat.S_IMODE(path.lstat().st_mode)
    return found


def assert_private(folder: Path) -> None:
    for name, mode in modes(folder).items():
        assert mode & 0o077 == 0, f"{name} is {oct(mode)}"
        path = folder if name == folder.name else folder / name
        if path.is_dir():
            assert mode == 0o700, f"{name} is {oct(mode)}"
        elif name.startswith("originals/"):
            assert mode == 0o400, f"{name} is {oct(mode)}"
        else:
            assert mode == 0o600, f"{name} is {oct(mode)}"


def test_created_saved_and_imported_dossiers_are_private(tmp_path):
    old_umask = os.umask(0o022)  # a usual umask: files would be 0644 without care
    try:
        source = tmp_path / "cccd.jpg"
        source.write_bytes(b"\xff\xd8\xff photo")
        ws = Workspace.create(tmp_path / "Hồ sơ số" / "ho-so", "1.001193")
        assert stat.S_IMODE((tmp_path / "Hồ sơ số").stat().st_mode) == 0o700  # created for it
        ws.add_file("giay-to-tuy-than", source)
        ws.save()
        saver = Autosaver(ws)
        saver.changed()
        saver.close()
        assert_private(ws.root)

        archive = export_dossier(ws.root, tmp_path / "ho-so.hoso")
        assert stat.S_IMODE(archive.stat().st_mode) == 0o600
        imported = import_dossier(archive, tmp_path / "new root" / "imported")
        assert stat.S_IMODE((tmp_path / "new root").stat().st_mode) == 0o700
        assert_private(imported.root)
    finally:
        os.umask(old_umask)
