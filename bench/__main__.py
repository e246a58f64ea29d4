"""Run benchmarks: `python -m bench [NAME ...]`. Each bench/<name>.py has `main(argv) -> int`."""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path


def available() -> list[str]:
    here = Path(__file__).parent
    return sorted(m.name for m in pkgutil.iter_modules([str(here)]) if not m.name.startswith("_"))


def split_arguments(argv: list[str]) -> tuple[list[str], list[str]]:
    """Benchmark names and options; a word after an option that is no benchmark is the option's
    value (`startup --bundle dist/hoso`)."""
    names: list[str] = []
    options: list[str] = []
    for arg in argv:
        if arg.startswith("-") or (
            options and options[-1].startswith("-") and arg not in available()
        ):
            options.append(arg)
        else:
            names.append(arg)
    return names, options


def main(argv: list[str]) -> int:
    names, options = split_arguments(argv)
    names = names or available()
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
