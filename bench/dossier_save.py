"""Saving a dossier: the hard-link backup against the copy-backup baseline, and .hoso round trips.

Rows (medians over RUNS saves, in ms):
- `save (link backup)`: Workspace.save as shipped (hard link, then atomic write).
- `save (copy backup)`: the earlier way, measured in the same run: read dossier.json, write the
  backup atomically, then write dossier.json atomically.
- `atomic write only`: the lower bound, no backup at all.
Then export and import of a dossier holding FILES originals of 1 MB each.
"""

from __future__ import annotations

import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path

RUNS = 60
FILES = 20


def _dossier(root: Path, files: int):
    from dossier.workspace import Workspace

    workspace = Workspace.create(root, "1.001193", applicant={"full_name": "Nguyễn Văn An"})
    for i in range(files):
        source = root.parent / f"ảnh {i}.jpg"
        source.write_bytes(os.urandom(1024 * 1024))
        item = workspace.add_file("giay-chung-sinh", source, save=False)
        item.steps = [{"op": "crop", "quad": [[0, 0], [1, 0], [1, 1], [0, 1]]}] * 5
    workspace.save()
    return workspace


def main(argv: list[str]) -> int:
    from common.fsutil import atomic_write_bytes
    from dossier.archive import export_dossier, import_dossier
    from dossier.workspace import BACKUP_FILE, DOSSIER_FILE

    scratch = Path(tempfile.mkdtemp(prefix="hoso-bench-"))
    try:
        workspace = _dossier(scratch / "ho-so", FILES)
        main_file = workspace.root / DOSSIER_FILE

        def copy_backup_save() -> None:
            payload = workspace.snapshot()
            atomic_write_bytes(workspace.root / BACKUP_FILE, main_file.read_bytes())
            atomic_write_bytes(main_file, bytes(payload))

        def atomic_only() -> None:
            atomic_write_bytes(main_file, bytes(workspace.snapshot()))

        # interleaved, so disk load from other processes hits the three alike
        timings: dict[str, list[float]] = {"link": [], "copy": [], "bare": []}
        for _ in range(RUNS):
            for name, action in (
                ("link", workspace.save),
                ("copy", copy_backup_save),
                ("bare", atomic_only),
            ):
                start = time.perf_counter()
                action()
                timings[name].append((time.perf_counter() - start) * 1000)
        link, copy, bare = (statistics.median(timings[k]) for k in ("link", "copy", "bare"))
        size_kb = main_file.stat().st_size / 1024

        exports = []
        imports = []
        for run in range(5):
            archive = scratch / f"a{run}.hoso"
            start = time.perf_counter()
            export_dossier(workspace.root, archive)
            exports.append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            import_dossier(archive, scratch / f"in{run}")
            imports.append((time.perf_counter() - start) * 1000)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

    print(f"dossier.json: {size_kb:.1f} KB, {FILES} originals of 1 MB; medians over {RUNS} runs")
    print(f"{'operation':<28}{'ms':>10}{'vs copy backup':>16}")
    for name, value in (
        ("save (link backup)", link),
        ("save (copy backup)", copy),
        ("atomic write only", bare),
    ):
        print(f"{name:<28}{value:>10.2f}{value / copy:>15.2f}x")
    print(f"{'export .hoso (5 runs)':<28}{statistics.median(exports):>10.1f}")
    print(f"{'import .hoso (5 runs)':<28}{statistics.median(imports):>10.1f}")
    return 0
