"""Size of the Windows one-folder bundle, estimated here from the real Windows wheels.

    python -m scripts.estimate_windows_bundle [--bundle dist/hoso] [--wheels DIR] [--top N]

The Windows bundle cannot be built on Linux, but its biggest parts can be measured: the script
downloads the win_amd64 wheels (Python 3.11) of exactly the versions installed in this venv
(`pip download --only-binary=:all: --no-deps`, into DIR, reused when present) for every
distribution the app needs on Windows (its requirements, markers evaluated for Windows), then
applies the spec's rules to them:

- extension modules (.pyd): the Windows twins of the extension modules PyInstaller collected in
  the Linux build (same analysis, same excludes); Qt plugins: those build.spec keeps
  (bundle_support.keep_entry, the same plugin lists);
- DLLs: what those modules and plugins import (PE import and delay-import tables, followed
  through the wheels), minus what bundle_support.prune drops (opengl32sw, d3dcompiler, OpenCV's
  FFmpeg video plugin, Qt Quick/Qml...); DLLs found in no wheel are Windows' own (kernel32,
  the UCRT api-ms-win-* sets...), never bundled;
- the executables: two (the windowed GUI, the console CLI), each with the Linux executable's code
  archive (the same pure-Python modules) on Windows' bootloader (runw.exe, run.exe of the
  PyInstaller wheel);
- data files (resources, package data): as measured in the Linux build;
- the Python runtime: estimated from the Linux build's libpython, lib-dynload and OpenSSL, which
  stand for python311.dll, DLLs\\*.pyd, libcrypto-3.dll, libssl-3.dll and libffi-8.dll (the
  embeddable Python 3.11 holds the same code; expect a few MB either way).

Needs a built Linux bundle (`make bundle`) and access to the package registry for the wheels.
"""

from __future__ import annotations

import argparse
import struct
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path, PurePosixPath

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from scripts import bundle_support as support

PROJECT = "hoso"
PROJECT_EXTRAS: frozenset[str] = frozenset()  # the app's runtime set: no test, lint, bundle extras
WINDOWS_ENVIRONMENT = {
    "sys_platform": "win32",
    "platform_system": "Windows",
    "os_name": "nt",
    "platform_machine": "AMD64",
    "implementation_name": "cpython",
    "platform_python_implementation": "CPython",
    "python_version": "3.11",
    "python_full_version": "3.11.9",
}
DEFAULT_WHEELS = Path(tempfile.gettempdir()) / "hoso-windows-wheels"
BOOTLOADERS = {"hoso-desktop": "runw.exe", "hoso": "run.exe"}  # windowed GUI, console CLI
PYTHON_RUNTIME = "Python runtime"


# --- which distributions the app needs on Windows -------------------------------------------------


def applies_on_windows(requirement: Requirement, extras: Iterable[str]) -> bool:
    """Whether a requirement of a distribution installed with `extras` applies on Windows."""
    if requirement.marker is None:
        return True
    return any(
        requirement.marker.evaluate({**WINDOWS_ENVIRONMENT, "extra": extra})
        for extra in ("", *extras)
    )


def windows_requirements(
    project: str = PROJECT,
    requires_of: Callable[[str], list[str]] | None = None,
) -> dict[str, set[str]]:
    """Every distribution the project needs on Windows (canonical name -> extras asked for)."""
    requires_of = requires_of or (lambda name: metadata.requires(name) or [])
    needed: dict[str, set[str]] = {}
    queue: list[tuple[str, frozenset[str]]] = [(project, PROJECT_EXTRAS)]
    while queue:
        name, extras = queue.pop()
        try:
            requirements = requires_of(name)
        except metadata.PackageNotFoundError:
            requirements = []  # not installed here (a Windows-only dependency): no metadata
        for text in requirements:
            requirement = Requirement(text)
            if not applies_on_windows(requirement, extras):
                continue
            key = canonicalize_name(requirement.name)
            known = needed.get(key)
            if known is not None and set(requirement.extras) <= known:
                continue
            needed[key] = (known or set()) | set(requirement.extras)
            queue.append((requirement.name, frozenset(needed[key])))
    return needed


def pinned(names: Iterable[str]) -> list[str]:
    """`name==version` of the installed distributions (Windows-only ones unpinned)."""
    specs = []
    for name in sorted(names):
        try:
            specs.append(f"{name}=={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            specs.append(name)
    return specs


def download_wheels(specs: list[str], folder: Path) -> None:
    command = [
        sys.executable, "-m", "pip", "download", "--quiet", "--only-binary=:all:",
        "--platform", "win_amd64", "--python-version", "3.11", "--no-deps",
        "--dest", str(folder), *specs,
    ]  # fmt: skip
    subprocess.run(command, check=True)


def matching_wheels(folder: Path, specs: list[str]) -> list[Path]:
    """The wheels of `folder` for the given `name==version` specs (other versions left aside)."""
    wanted = {}
    for spec in specs:
        name, _, version = spec.partition("==")
        wanted[canonicalize_name(name)] = version
    found = []
    for wheel in sorted(folder.glob("*.whl")):
        name, version = wheel.name.split("-")[:2]
        if canonicalize_name(name) in wanted and wanted[canonicalize_name(name)] in ("", version):
            found.append(wheel)
    return found


# --- the files of the Windows wheels --------------------------------------------------------------


@dataclass(frozen=True)
class WheelFile:
    distribution: str
    path: PurePosixPath  # where it lands in site-packages (= inside the bundle's _internal)
    size: int
    wheel: Path


def install_path(name: str) -> PurePosixPath | None:
    """Where a wheel member is installed: `<dist>.data/platlib/x.dll` -> `x.dll`; None for
    metadata and scripts."""
    path = PurePosixPath(name)
    top = path.parts[0]
    if top.endswith(".dist-info"):
        return None
    if top.endswith(".data"):
        if len(path.parts) > 2 and path.parts[1] in ("platlib", "purelib"):
            return PurePosixPath(*path.parts[2:])
        return None
    return path


def wheel_files(wheels: Iterable[Path]) -> list[WheelFile]:
    files = []
    for wheel in wheels:
        distribution = canonicalize_name(wheel.name.split("-")[0])
        with zipfile.ZipFile(wheel) as archive:
            for info in archive.infolist():
                path = install_path(info.filename)
                if path is not None and not info.is_dir():
                    files.append(WheelFile(distribution, path, info.file_size, wheel))
    return files


def is_binary(path: PurePosixPath) -> bool:
    return path.suffix.lower() in (".dll", ".pyd")


# --- PE files: which DLLs a DLL imports ----------------------------------------------------------


def pe_imports(data: bytes) -> list[str]:
    """DLL names in the import and delay-import tables of a PE file (32- or 64-bit)."""
    if data[:2] != b"MZ":
        raise ValueError("not a PE file")
    (pe,) = struct.unpack_from("<I", data, 0x3C)
    if data[pe : pe + 4] != b"PE\0\0":
        raise ValueError("not a PE file")
    sections_count, optional_size = struct.unpack_from("<H12xH", data, pe + 6)
    optional = pe + 24
    (magic,) = struct.unpack_from("<H", data, optional)
    directories = optional + (112 if magic == 0x20B else 96)
    sections = []
    for index in range(sections_count):
        at = optional + optional_size + index * 40
        virtual_size, address, raw_size, raw_at = struct.unpack_from("<IIII", data, at + 8)
        sections.append((address, max(virtual_size, raw_size), raw_at))

    def offset(rva: int) -> int:
        for address, size, raw_at in sections:
            if address <= rva < address + size:
                return rva - address + raw_at
        raise ValueError(f"address {rva:#x} outside every section")

    def cstring(rva: int) -> str:
        start = offset(rva)
        return data[start : data.index(b"\0", start)].decode("ascii", "replace")

    names = []
    # (directory index, descriptor size, offset of the name's address in a descriptor)
    for index, size, name_at in ((1, 20, 12), (13, 32, 4)):
        rva, length = struct.unpack_from("<II", data, directories + index * 8)
        if not rva or not length:
            continue
        at = offset(rva)
        while at + size <= len(data):
            descriptor = data[at : at + size]
            if not any(descriptor):
                break
            (name_rva,) = struct.unpack_from("<I", descriptor, name_at)
            names.append(cstring(name_rva))
            at += size
    return names


# --- what the spec would collect ------------------------------------------------------------------


def module_name(path: PurePosixPath) -> str:
    """`PIL/_imaging.cp311-win_amd64.pyd`, `PIL/_imaging.cpython-311-x86_64-linux-gnu.so`,
    `cv2/cv2.abi3.so` -> `PIL._imaging`, `cv2.cv2`."""
    stem = path.name.split(".")[0]
    return ".".join((*path.parts[:-1], stem))


def linux_extension_modules(bundle: Path) -> set[str]:
    """The Python extension modules PyInstaller collected in a Linux build."""
    internal = bundle / "_internal"
    modules = set()
    for path in internal.rglob("*.so"):
        relative = PurePosixPath(path.relative_to(internal).as_posix())
        if "lib-dynload" in relative.parts or "plugins" in relative.parts:
            continue
        if relative.name.startswith("lib") and ".cpython-" not in relative.name:
            continue  # a plain library (libQt6Core.so...), not a module
        modules.add(module_name(relative))
    return modules


def is_excluded(module: str) -> bool:
    excluded = set(support.excludes())
    parts = module.split(".")
    return any(".".join(parts[: i + 1]) in excluded for i in range(len(parts)))


def is_qt_plugin(path: PurePosixPath) -> bool:
    return is_binary(path) and path.parts[:2] == ("PySide6", "plugins")


def roots(files: Iterable[WheelFile], modules: set[str]) -> list[WheelFile]:
    """The Windows twins of the collected extension modules, and the Qt plugins the spec keeps."""
    found = []
    for file in files:
        if file.path.suffix.lower() == ".pyd":
            name = module_name(file.path)
            if name in modules and not is_excluded(name):
                found.append(file)
        elif is_qt_plugin(file.path) and support.keep_entry(str(file.path)):
            found.append(file)
    return found


def closure(
    start: Iterable[WheelFile],
    files: Iterable[WheelFile],
    imports_of: Callable[[WheelFile], list[str]],
) -> tuple[list[WheelFile], set[str]]:
    """Binaries reached from `start` through their imports (a DLL in the importer's folder first,
    as Windows loads it), minus what the spec prunes; and the DLL names found in no wheel."""
    by_name: dict[str, list[WheelFile]] = {}
    for file in files:
        if is_binary(file.path):
            by_name.setdefault(file.path.name.lower(), []).append(file)
    reached: dict[PurePosixPath, WheelFile] = {}
    system: set[str] = set()
    queue = [file for file in start if support.keep_entry(str(file.path))]
    while queue:
        file = queue.pop()
        if file.path in reached:
            continue
        reached[file.path] = file
        for name in imports_of(file):
            candidates = by_name.get(name.lower())
            if not candidates:
                system.add(name.lower())
                continue
            same_folder = [c for c in candidates if c.path.parent == file.path.parent]
            chosen = (same_folder or sorted(candidates, key=lambda c: str(c.path)))[0]
            if support.keep_entry(str(chosen.path)):
                queue.append(chosen)
    return sorted(reached.values(), key=lambda f: str(f.path)), system


# --- the estimate ---------------------------------------------------------------------------------


@dataclass
class Estimate:
    linux: dict[str, int]  # measured, by package group
    windows: dict[str, int]  # estimated, by package group
    largest: list[tuple[int, str]]  # the biggest Windows binaries
    system_dlls: set[str]


def distribution_group(distribution: str, files: Iterable[WheelFile]) -> str:
    """The size-table group of a distribution: the group of its first package folder."""
    tops = sorted(
        {f.path.parts[0] for f in files if f.distribution == distribution and len(f.path.parts) > 1}
    )
    groups = [support.size_group(PurePosixPath("_internal", top)) for top in tops]
    named = [group for group in groups if group not in ("others", "system libraries")]
    return (named or groups or ["others"])[0]


def linux_runtime_and_data(bundle: Path) -> tuple[int, dict[str, int]]:
    """(Python runtime bytes, data bytes by group) of a Linux build."""
    runtime = 0
    data: dict[str, int] = {}
    runtime_libraries = ("libpython", "libcrypto.so", "libssl.so", "libffi.so")
    for path in bundle.rglob("*"):
        if path.is_symlink() or not path.is_file() or path.parent == bundle:
            continue  # executables are estimated apart
        relative = PurePosixPath(path.relative_to(bundle).as_posix())
        name = relative.name
        in_runtime = "lib-dynload" in relative.parts or name == "base_library.zip"
        if in_runtime or (len(relative.parts) == 2 and name.startswith(runtime_libraries)):
            runtime += path.stat().st_size
        elif not support.is_elf(path):
            group = support.size_group(relative)
            data[group] = data.get(group, 0) + path.stat().st_size
    return runtime, data


def executables_bytes(bundle: Path, pyinstaller_wheel: Path) -> int:
    """Windows' two executables (GUI and console CLI), each holding the code archive of the
    Linux executable (one on Linux: the `hoso` command is a launcher script) on its bootloader."""
    import PyInstaller

    linux_bootloader = Path(PyInstaller.__file__).parent / "bootloader" / "Linux-64bit-intel"
    archive_bytes = (bundle / "hoso-desktop").stat().st_size - (
        linux_bootloader / "run"
    ).stat().st_size
    with zipfile.ZipFile(pyinstaller_wheel) as wheel:
        return sum(
            archive_bytes
            + wheel.getinfo(f"PyInstaller/bootloader/Windows-64bit-intel/{exe}").file_size
            for exe in BOOTLOADERS.values()
        )


def estimate(bundle: Path, wheels: list[Path]) -> Estimate:
    files = wheel_files(w for w in wheels if not w.name.startswith("pyinstaller-"))
    cache: dict[PurePosixPath, list[str]] = {}

    def imports_of(file: WheelFile) -> list[str]:
        if file.path not in cache:
            with zipfile.ZipFile(file.wheel) as archive:
                member = next(n for n in archive.namelist() if install_path(n) == file.path)
                cache[file.path] = pe_imports(archive.read(member))
        return cache[file.path]

    modules = linux_extension_modules(bundle)
    binaries, system = closure(roots(files, modules), files, imports_of)
    groups = {d: distribution_group(d, files) for d in {f.distribution for f in files}}
    windows: dict[str, int] = {}
    for file in binaries:
        group = groups[file.distribution]
        windows[group] = windows.get(group, 0) + file.size
    runtime, data = linux_runtime_and_data(bundle)
    for group, size in data.items():
        windows[group] = windows.get(group, 0) + size
    windows[PYTHON_RUNTIME] = windows.get(PYTHON_RUNTIME, 0) + runtime
    pyinstaller_wheel = next(w for w in wheels if w.name.startswith("pyinstaller-"))
    windows["executables (code archive)"] = executables_bytes(bundle, pyinstaller_wheel)
    linux = dict(support.size_by_package(bundle))
    largest = sorted(((f.size, str(f.path)) for f in binaries), reverse=True)
    return Estimate(linux, windows, largest, system)


def windows_estimate(
    bundle: Path, folder: Path = DEFAULT_WHEELS, download: bool = True
) -> Estimate | None:
    """The estimate from the wheels in `folder` (downloaded first unless `download` is False);
    None when a wheel is missing."""
    specs = pinned([*windows_requirements(), "pyinstaller"])
    if download:
        folder.mkdir(parents=True, exist_ok=True)
        download_wheels(specs, folder)
    wheels = matching_wheels(folder, specs) if folder.is_dir() else []
    if len(wheels) < len(specs):
        return None
    return estimate(bundle, wheels)


def print_estimate(result: Estimate, top: int) -> None:
    groups = sorted(
        set(result.linux) | set(result.windows), key=lambda g: -result.windows.get(g, 0)
    )
    print(f"{'package group':<30} {'Linux MB':>9} {'Windows MB':>11}")
    print(f"{'':<30} {'measured':>9} {'estimated':>11}")
    for group in groups:
        linux, windows = result.linux.get(group, 0), result.windows.get(group, 0)
        print(f"{group:<30} {linux / 1e6:>9.1f} {windows / 1e6:>11.1f}")
    total_linux, total_windows = sum(result.linux.values()), sum(result.windows.values())
    print(f"{'total':<30} {total_linux / 1e6:>9.1f} {total_windows / 1e6:>11.1f}")
    print(f"\nlargest Windows binaries (of {len(result.largest)}):")
    for size, path in result.largest[:top]:
        print(f"  {size / 1e6:>6.1f}  {path}")
    print(f"\nWindows' own DLLs they import (not bundled): {len(result.system_dlls)}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="estimate_windows_bundle", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--bundle", type=Path, default=Path("dist/hoso"), help="the Linux build")
    parser.add_argument("--wheels", type=Path, default=DEFAULT_WHEELS, help="wheel folder")
    parser.add_argument("--top", type=int, default=15, help="how many large files to list")
    args = parser.parse_args(argv)
    if not (args.bundle / "hoso-desktop").exists():
        print(f"{args.bundle}: no Linux build (make bundle)", file=sys.stderr)
        return 1
    result = windows_estimate(args.bundle, args.wheels)
    if result is None:
        print(f"{args.wheels}: a Windows wheel is missing after the download", file=sys.stderr)
        return 1
    print(f"Windows wheels: {args.wheels}\n")
    print_estimate(result, args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
