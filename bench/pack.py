"""bench/pack: export a 30-page dossier of 10 components for upload and for printing.

Inputs (generated once per run, outside the timing): filled forms with Vietnamese text, colour
scans at 200-300 DPI as JPEG, and a PDF signed with pyHanko and a throwaway key. Timed: the
checklist, the upload export (names, size fitting, manifest, guide, ZIP), the print export
(cover sheet + every component), against a baseline measured in the same run: copying the
input files. Target (issue 6): upload + print <= 3 s.
"""

from __future__ import annotations

import dataclasses
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 5
TARGET_SECONDS = 3.0

#: (component id, name, kind, pages, dpi): 30 pages in 10 components
PLAN = (
    ("to-khai", "Tờ khai đăng ký khai sinh", "form", 2, 0),
    ("to-khai-cu-tru", "Tờ khai thay đổi thông tin cư trú", "form", 3, 0),
    ("giay-chung-sinh", "Giấy chứng sinh", "scan", 4, 200),
    ("cccd-cha", "Căn cước của cha", "scan", 3, 300),
    ("cccd-me", "Căn cước của mẹ", "scan", 3, 200),
    ("uy-quyen", "Văn bản ủy quyền đã ký số", "signed", 2, 0),
    ("giay-ket-hon", "Giấy chứng nhận kết hôn", "scan", 4, 200),
    ("to-khai-bhyt", "Tờ khai tham gia bảo hiểm y tế", "form", 2, 0),
    ("so-ho-khau", "Giấy tờ chứng minh nơi cư trú", "scan", 4, 200),
    ("phu-luc", "Giấy tờ khác có liên quan", "scan", 3, 200),
)


def _make_dossier(folder: Path):
    from dossier.catalog_model import Component
    from tests.dossier import factory

    signer = factory.throwaway_signer(folder)
    procedure = factory.procedure()
    components, files = [], {}
    for component_id, name, kind, pages, dpi in PLAN:
        must_sign = kind == "signed"
        components.append(Component(id=component_id, name=name, must_be_signed=must_sign))
        if kind == "form":
            files[component_id] = [factory.form_pdf(folder / f"{component_id}.pdf", name, pages)]
        elif kind == "signed":
            files[component_id] = [factory.signed_pdf(folder / f"{component_id}.pdf", signer, name)]
        else:
            files[component_id] = [
                factory.scan_jpeg(folder / f"{component_id}-{n}.jpg", f"{name} {n}", dpi=dpi)
                for n in range(1, pages + 1)
            ]
    procedure = dataclasses.replace(procedure, components=tuple(components))
    workspace = factory.make_workspace(folder / "hoso", procedure, files)
    return workspace, procedure, factory.portal()


def _timed(fn: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def _median(samples: list[float]) -> tuple[float, float]:
    return statistics.median(samples), min(samples)


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(ROOT))
    from dossier.checklist import check
    from dossier.packaging import PackOptions, PrintOptions, export_for_print, export_for_upload

    runs = RUNS
    for arg in argv:
        if arg.startswith("--runs="):
            runs = max(1, int(arg.split("=", 1)[1]))
    with tempfile.TemporaryDirectory(prefix="bench-pack-") as tmp:
        folder = Path(tmp)
        workspace, procedure, portal = _make_dossier(folder)
        entries = workspace.dossier.components
        sources = [workspace.path(f.original) for entry in entries for f in entry.files]
        input_bytes = sum(p.stat().st_size for p in sources)
        samples: dict[str, list[float]] = {"copy": [], "check": [], "upload": [], "print": []}
        upload = printed = None
        for run in range(runs):
            copy_dir = folder / f"copy{run}"
            copy_dir.mkdir()
            samples["copy"].append(
                _timed(lambda d=copy_dir: [shutil.copy(p, d / p.name) for p in sources])[0]
            )
            seconds, checklist = _timed(lambda: check(workspace, procedure, portal))
            samples["check"].append(seconds)
            seconds, upload = _timed(
                lambda: export_for_upload(
                    workspace, procedure, portal, folder / "out",
                    PackOptions(make_zip=True, overwrite=True),
                )
            )  # fmt: skip
            samples["upload"].append(seconds)
            seconds, printed = _timed(
                lambda u=upload: export_for_print(
                    workspace, procedure, portal, folder / "in.pdf",
                    PrintOptions(manifest_sha256=u.manifest_sha256),
                )
            )  # fmt: skip
            samples["print"].append(seconds)
        assert upload is not None and printed is not None and checklist.ready
        pages = sum(f.pages for f in upload.files)
        base, _ = _median(samples["copy"])
        print(f"dossier: {len(PLAN)} components, {pages} pages, inputs {input_bytes / 1e6:.2f} MB")
        print(f"{'what':<18} {'median s':>9} {'min s':>7} {'x copy':>8} {'output MB':>10}")
        outputs = {
            "copy": input_bytes,
            "check": 0,
            "upload": upload.total_bytes,
            "print": printed.bytes,
        }
        for name, values in samples.items():
            median, best = _median(values)
            size = f"{outputs[name] / 1e6:>10.2f}" if outputs[name] else f"{'-':>10}"
            print(f"{name:<18} {median:>9.3f} {best:>7.3f} {median / base:>8.1f} {size}")
        total = _median(samples["upload"])[0] + _median(samples["print"])[0]
        over = [f.name for f in upload.files if f.bytes > f.limit_bytes]
        for f in upload.files:
            how = "signed, copied" if f.signed else "kept"
            if f.reencoded:
                how = f"re-encoded q{f.quality}" + (f" <= {f.dpi_cap} DPI" if f.dpi_cap else "")
            print(f"  {f.name:<44} {f.pages:>2} p {f.bytes / 1e6:>6.2f} MB  {how}")
        print(f"files over the limit: {len(over)}; signed kept: "
              f"{sum(f.signed for f in upload.files)}")  # fmt: skip
        print(
            f"upload + print median {total:.2f} s: target <= {TARGET_SECONDS:g} s -> "
            f"{'met' if total <= TARGET_SECONDS else 'NOT met'} ({runs} runs)"
        )
    return 0
