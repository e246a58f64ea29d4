"""Catalog speed: importing dossier.catalog, loading the catalog, one search, a `hoso catalog`
command, each beside a baseline measured in the same run (bare interpreter, a JSON parse).

The search is also timed on a catalog of 2,000 procedures (the five built-in ones repeated with
new codes) to show it stays interactive as the catalog grows.
"""

from __future__ import annotations

import dataclasses
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

RUNS = 7
ROOT = Path(__file__).resolve().parent.parent


def median_seconds(fn: Callable[[], object], runs: int = RUNS) -> float:
    fn()  # warm caches
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def run(command: list[str], env: dict[str, str]) -> Callable[[], object]:
    return lambda: subprocess.run(command, env=env, cwd=ROOT, check=True, capture_output=True)


def big_catalog(size: int):
    from dossier.catalog import ProcedureCatalog, load_catalog

    base = load_catalog().procedures
    procedures = [dataclasses.replace(base[i % len(base)], code=f"9.{i:06d}") for i in range(size)]
    return ProcedureCatalog(procedures)


def main(argv: list[str]) -> int:
    from dossier.catalog import builtin_catalog_files, load_catalog

    env = dict(os.environ, HOSO_DATA_DIR=tempfile.mkdtemp(prefix="hoso-bench-"))
    python = sys.executable
    builtin = builtin_catalog_files()[0]
    catalog = load_catalog()
    big = big_catalog(2000)
    rows = [
        ("python -c pass (baseline)", median_seconds(run([python, "-c", "pass"], env))),
        (
            "python -c 'import dossier.catalog'",
            median_seconds(run([python, "-c", "import dossier.catalog"], env)),
        ),
        (
            "hoso catalog search dang ky khai sinh",
            median_seconds(
                run([python, "-m", "desktop.cli", "catalog", "search", "dang ky khai sinh"], env)
            ),
        ),
        (
            "json.loads of tu-phap.json (baseline)",
            median_seconds(lambda: json.loads(builtin.read_text(encoding="utf-8"))),
        ),
        ("load_catalog() (strict, 5 procedures)", median_seconds(load_catalog)),
        (
            "search 'dang ky khai sinh' (5)",
            median_seconds(lambda: catalog.search("dang ky khai sinh")),
        ),
        (
            "search 'dang ky khai sinh' (2,000)",
            median_seconds(lambda: big.search("dang ky khai sinh")),
        ),
        ("search '' all (2,000)", median_seconds(lambda: big.search(""))),
    ]
    width = max(len(name) for name, _ in rows)
    print(f"{'measure'.ljust(width)}  median (ms), {RUNS} runs")
    for name, seconds in rows:
        print(f"{name.ljust(width)}  {seconds * 1000:9.2f}")
    bare, imported = rows[0][1], rows[1][1]
    print(
        f"\nimport dossier.catalog costs {(imported - bare) * 1000:.1f} ms over a bare interpreter"
    )
    print(f"strict load / plain json.loads: {rows[4][1] / rows[3][1]:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
