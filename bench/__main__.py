"""Run benchmarks: `python -m bench [NAME ...]`. Each bench/<name>.py has `main(argv) -> int`."""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path


def available() -> list[str]:
    here = Path(__file__).parent
    return sorted(m.name for m in pkgutil.iter_modules([str(here)]) if not m.name.startswith("_"))


def main(argv: list[str]) -> int:
    names = [a for a in argv if not a.startswith("-")] or available()
    options = [a for a in argv if a.startswith("-")]
    status = 0
    for name in names:
        if name not in available():
            print(f"unknown benchmark {name!r}; available: {', '.join(available())}")
            return 2
        print(f"\n=== bench/{name} ===", flush=True)
        status |= importlib.import_module(f"bench.{name}").main(options)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
