"""Checks of a built bundle beyond its self-test: `python -m scripts.check_bundle [dist/hoso]`.

Run by `make bundle-test` after `hoso-desktop --selftest`. It checks what the self-test cannot
see from inside: on Linux, that the libraries left to the host are absent and that the bundle
asks no newer libstdc++ than every host has; every `hoso` subcommand's --help (subcommands are
imported by name); a scan of two photos in a folder with a Vietnamese name through the frozen
app's process pool (workers re-run the executable: freeze_support); real phone HEIC photos of
the test data (pillow-heif's libraries); the GUI's --smoke (every step page built) offscreen and,
when xvfb-run exists, on a real X server through the xcb plugin (the pruned Qt plugins and
libraries are enough). Prints the size table. Exit 0 when every check passed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from scripts import bundle_support as support
from scripts.bundle_support import size_by_package

EXE_SUFFIX = ".exe" if os.name == "nt" else ""
# The newest libstdc++ the bundle may ask of the host (it bundles none: HOST_LIBRARIES): GCC 11's,
# older than the libstdc++ of every distribution recent enough for the bundle's glibc.
HOST_GLIBCXX_MAX = "GLIBCXX_3.4.29"


def subcommands() -> list[list[str]]:
    """Every `hoso` subcommand path, e.g. ["dossier", "new"], from the CLI's own parser."""
    import argparse

    from desktop.cli import build_parser

    def walk(parser: argparse.ArgumentParser, prefix: list[str]) -> list[list[str]]:
        found = []
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    found.append([*prefix, name])
                    found.extend(walk(sub, [*prefix, name]))
        return found

    return walk(build_parser(), [])


def check_help(bundle: Path) -> str:
    cli = bundle / f"hoso{EXE_SUFFIX}"
    commands = [[], *subcommands()]
    for command in commands:
        done = subprocess.run([cli, *command, "--help"], capture_output=True, timeout=60)
        if done.returncode != 0 or b"usage:" not in done.stdout:
            raise RuntimeError(f"hoso {' '.join(command)} --help: {done.stderr.decode()[-500:]}")
    return f"{len(commands)} --help pages"


# what scanning.pipeline logs (stderr: the CLI's log file takes only the "hoso" logger) when its
# process pool cannot start and it falls back to one process
POOL_FALLBACK = b"process pool unavailable"


def _pool_worker(child, executable: str) -> bool:
    """Whether a child process is a pool worker, as far as psutil can tell."""
    import psutil

    try:
        return "--multiprocessing-fork" in " ".join(child.cmdline())
    except (psutil.Error, OSError):
        # Wine: psutil cannot read another process's command line (OSError, WinError 87)
        try:
            return child.name().lower() == executable.lower()
        except (psutil.Error, OSError):
            return False


def check_scan_pool(bundle: Path) -> str:
    """Two photos in a folder with a Vietnamese name scanned with --jobs 2: the PDF has both
    pages and the scan did not fall back to one process (the frozen workers ran: the pipeline
    logs a fallback on stderr, e.g. when workers re-run the app without freeze_support). The
    worker processes psutil sees are counted for the report (by command line; under Wine, which
    hides other processes' command lines, by executable name)."""
    import psutil
    import pymupdf

    from common.resources import resource_path

    executable = f"hoso{EXE_SUFFIX}"
    with tempfile.TemporaryDirectory(prefix="hoso-bundle-") as folder:
        photos = Path(folder) / "Ảnh hồ sơ"
        photos.mkdir()
        inputs = []
        for name in ("Trang một.jpg", "Trang hai.jpg"):
            shutil.copy2(resource_path("samples", "selftest-photo.jpg"), photos / name)
            inputs.append(photos / name)
        output = photos / "Kết quả.pdf"
        command = [bundle / executable, "scan", *inputs, "--jobs", "2", "-o", output]
        process = psutil.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        workers = set()
        deadline = time.monotonic() + 300
        while process.poll() is None:
            if time.monotonic() > deadline:
                process.kill()
                raise RuntimeError("the scan did not finish in 300 s")
            try:
                for child in process.children(recursive=True):
                    if _pool_worker(child, executable):
                        workers.add(child.pid)
            except (psutil.Error, OSError):
                pass
            time.sleep(0.02)
        _, stderr = process.communicate()
        if process.returncode != 0:
            raise RuntimeError(f"scan failed: {stderr.decode()[-500:]}")
        if POOL_FALLBACK in stderr:
            raise RuntimeError(f"the pool did not start: {stderr.decode()[-500:]}")
        with pymupdf.open(output) as pdf:
            pages = pdf.page_count
    if pages != 2:
        raise RuntimeError(f"{pages} pages instead of 2")
    # what psutil saw is reported, not required: it misses workers under load and cannot read
    # their command lines under Wine; the pipeline's own fallback message is the verdict
    seen = f"{len(workers)} worker processes seen" if workers else "workers not seen by psutil"
    return f"2 pages through the process pool ({seen})"


TESTDATA = Path(
    os.environ.get("HOSO_TESTDATA", Path(__file__).resolve().parents[2] / "shared" / "testdata")
)
PHONE_HEICS = (  # positive controls of testdata/SOURCES.md: real phone photos that must decode
    "hostile/images/pillow-heif_pug-iphone-grid-4032x3024.heic",
    "hostile/images/pillow-heif_xiaomi-large-exif.heic",
)


def check_heic(bundle: Path) -> str:
    """Phone HEIC photos decode in the bundle (pillow-heif with its libheif and libde265)."""
    import pymupdf

    if not TESTDATA.is_dir():
        # the project's CI has ../shared beside the clone; the GitHub Windows workflow has not
        # (the test data is not in the repository)
        if os.environ.get("CI") == "true" and os.environ.get("GITHUB_ACTIONS") != "true":
            raise RuntimeError(f"test data folder missing under CI: {TESTDATA}")
        return f"skipped (no test data folder {TESTDATA})"
    sizes = []
    with tempfile.TemporaryDirectory(prefix="hoso-bundle-") as folder:
        for number, name in enumerate(PHONE_HEICS):
            output = Path(folder) / f"heic-{number}.pdf"
            command = [bundle / f"hoso{EXE_SUFFIX}", "scan", TESTDATA / name, "-o", output]
            done = subprocess.run(command, capture_output=True, timeout=120)
            if done.returncode != 0:
                raise RuntimeError(f"{name}: {done.stderr.decode()[-500:]}")
            with pymupdf.open(output) as pdf:
                [image] = pdf[0].get_images()
                width, height = image[2], image[3]
            if width * height < 1_000_000:
                raise RuntimeError(f"{name}: a page image of only {width}x{height} pixels")
            sizes.append(f"{width}x{height}")
    return f"{len(sizes)} phone photos decoded and scanned (page images {', '.join(sizes)})"


def _smoke(bundle: Path, command_prefix: list[str], platform: str) -> str:
    env = dict(os.environ, QT_QPA_PLATFORM=platform)
    with tempfile.TemporaryDirectory(prefix="hoso-bundle-") as folder:
        env["HOSO_DATA_DIR"] = str(Path(folder) / "data")
        env["HOSO_DOSSIER_ROOT"] = str(Path(folder) / "Hồ sơ")
        command = [*command_prefix, bundle / f"hoso-desktop{EXE_SUFFIX}", "--smoke"]
        done = subprocess.run(command, capture_output=True, env=env, timeout=120)
    # a windowed Windows executable may have no stdout: there the exit code alone counts
    reported = b"smoke: ok" in done.stdout or (os.name == "nt" and not done.stdout)
    if done.returncode != 0 or not reported:
        raise RuntimeError(f"--smoke ({platform}): {done.stderr.decode()[-800:]}")
    return done.stdout.decode("utf-8", "replace").strip() or "exit code 0"


def check_smoke_offscreen(bundle: Path) -> str:
    return _smoke(bundle, [], "offscreen")


def check_smoke_xcb(bundle: Path) -> str:
    if not sys.platform.startswith("linux") or shutil.which("xvfb-run") is None:
        return "skipped (no xvfb-run)"
    return _smoke(bundle, ["xvfb-run", "-a", "-s", "-screen 0 1280x1024x24"], "xcb")


def check_host_libraries(bundle: Path) -> str:
    """The bundle holds none of HOST_LIBRARIES and asks no newer libstdc++ than every host has."""
    if not sys.platform.startswith("linux"):
        return "skipped (Linux only)"
    internal = bundle / "_internal"
    bundled = sorted(name for name in support.HOST_LIBRARIES if (internal / name).exists())
    if bundled:
        raise RuntimeError(f"host libraries bundled: {', '.join(bundled)}")
    newest = support.newest_versions_needed(bundle)
    glibcxx, needer = newest.get("GLIBCXX", ("GLIBCXX_0", ""))
    if support.version_key(glibcxx) > support.version_key(HOST_GLIBCXX_MAX):
        raise RuntimeError(f"{needer} needs {glibcxx}, newer than {HOST_GLIBCXX_MAX}")
    glibc = newest.get("GLIBC", ("?", ""))
    return f"needs {glibc[0]} ({glibc[1]}) and {glibcxx} ({needer}) from the host"


CHECKS: tuple[tuple[str, Callable[[Path], str]], ...] = (
    ("libraries from the host", check_host_libraries),
    ("hoso --help of every subcommand", check_help),
    ("scan through the frozen process pool", check_scan_pool),
    ("HEIC phone photos (pillow-heif)", check_heic),
    ("hoso-desktop --smoke (offscreen)", check_smoke_offscreen),
    ("hoso-desktop --smoke (xcb on Xvfb)", check_smoke_xcb),
)


def print_sizes(bundle: Path) -> None:
    table = size_by_package(bundle)
    total = sum(size for _, size in table)
    print(f"\n{'bundle ' + str(bundle):<34} {'MB':>7}")
    for group, size in table:
        print(f"{group:<34} {size / 1e6:>7.1f}")
    print(f"{'total':<34} {total / 1e6:>7.1f}")


def main(argv: list[str]) -> int:
    bundle = Path(argv[0]) if argv else Path("dist/hoso")
    failures = 0
    for name, check in CHECKS:
        start = time.perf_counter()
        try:
            detail, status = check(bundle), "ok"
        except Exception as exc:  # report every failure, keep checking the rest
            failures += 1
            detail, status = f"{exc.__class__.__name__}: {exc}", "FAILED"
        print(f"[{status}] {name} ({time.perf_counter() - start:.1f} s): {detail}", flush=True)
    print_sizes(bundle)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
