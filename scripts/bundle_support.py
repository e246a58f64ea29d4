"""What build.spec bundles and prunes, as plain functions the tests can check without building.

The spec (PyInstaller) imports this module: the app's modules as hidden imports (CLI subcommands
and step pages are imported by name), the excluded packages, the Qt plugins kept per folder, and,
on Linux, the pruning of shared libraries nothing needs (a DT_NEEDED closure read from the ELF
files themselves) and the stripping of unstripped ELF files. PyInstaller's own `strip=True` breaks
some libraries that auditwheel patched with patchelf (numpy's OpenBLAS: "ELF load command
address/offset not page-aligned"), so the spec strips here, checking each stripped copy.
"""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parent.parent
APP_PACKAGES = ("common", "desktop", "ui", "dossier", "forms", "scanning", "signing")

# Imported lazily or by name by the libraries themselves.
LIBRARY_HIDDEN_IMPORTS = ("pyhanko.sign.pkcs11", "pkcs11", "pillow_heif")

# Qt modules the app uses: ui/qt.py imports QtCore, QtGui, QtWidgets; printing adds QtPrintSupport.
QT_MODULES_USED = ("QtCore", "QtGui", "QtWidgets", "QtPrintSupport")
QT_MODULES_EXCLUDED = (
    "Qt3DCore", "QtBluetooth", "QtCharts", "QtConcurrent", "QtDataVisualization", "QtDBus",
    "QtDesigner", "QtGraphs", "QtHelp", "QtHttpServer", "QtMultimedia", "QtMultimediaWidgets",
    "QtNetwork", "QtNfc", "QtOpenGL", "QtOpenGLWidgets", "QtPdf", "QtPdfWidgets", "QtPositioning",
    "QtQml", "QtQuick", "QtQuickControls2", "QtQuickWidgets", "QtRemoteObjects", "QtScxml",
    "QtSensors", "QtSerialPort", "QtSpatialAudio", "QtSql", "QtStateMachine", "QtSvgWidgets",
    "QtTest", "QtTextToSpeech", "QtUiTools", "QtWebChannel", "QtWebEngineCore",
    "QtWebEngineWidgets", "QtWebSockets", "QtXml",
)  # fmt: skip
# Development and test tools that must never land in the bundle. lxml and aiohttp stay: pyHanko
# imports lxml for XMP metadata and pyhanko-certvalidator fetches OCSP/CRL with aiohttp.
PACKAGES_EXCLUDED = (
    "tkinter", "_tkinter", "pytest", "_pytest", "pytestqt", "IPython", "matplotlib", "pandas",
    "scipy", "sphinx", "certomancer", "freezegun", "psutil", "PyInstaller", "ruff", "setuptools",
    "pkg_resources", "distutils", "pip", "wheel",
    # line editing for interactive prompts (pdb, cmd import it inside try/except ImportError):
    # on Linux it brings libreadline and libtinfo
    "readline",
    # numpy's Fortran wrapper generator, a build tool (numpy imports it only on attribute access)
    "numpy.f2py",
    # lxml submodules nothing imports: PyInstaller's lxml hook collects every submodule, but
    # pyHanko and fontTools use lxml.etree alone (4 MB of C extensions on Linux, 2.4 on Windows)
    "lxml.objectify", "lxml.html", "lxml.sax", "lxml.builder", "lxml.isoschematron",
    # Pillow's AVIF codec (4.8 MB of libavif; phones give JPEG/HEIC) and Tk bridge
    "PIL._avif", "PIL.AvifImagePlugin", "PIL._imagingtk", "PIL.ImageTk",
)  # fmt: skip


def excludes() -> list[str]:
    return [*PACKAGES_EXCLUDED, *(f"PySide6.{name}" for name in QT_MODULES_EXCLUDED)]


def app_modules(root: Path = ROOT) -> list[str]:
    """Every module of the app's packages, found on disk (no import: the spec stays fast)."""
    modules = []
    for package in APP_PACKAGES:
        for path in sorted((root / package).rglob("*.py")):
            if "__pycache__" in path.parts:
                continue
            parts = path.relative_to(root).with_suffix("").parts
            modules.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return modules


def hidden_imports(root: Path = ROOT) -> list[str]:
    return [*app_modules(root), *LIBRARY_HIDDEN_IMPORTS]


def datas(root: Path = ROOT) -> list[tuple[str, str]]:
    """Catalog, portal profiles, form templates, fonts with licences, translations, samples."""
    return [(str(root / "resources"), "resources")]


# Qt plugins kept, by plugin folder (file stem without "lib"); other folders are dropped whole
# (generic input, eglfs device integrations, tls, network information, ...).
QT_PLUGINS_KEPT = {
    "platforms": {"qxcb", "qwayland", "qoffscreen", "qwindows"},
    "platformthemes": {"qxdgdesktopportal"},
    # Vietnamese typing on Linux goes through IBus (ibus-unikey, ibus-bamboo)
    "platforminputcontexts": {
        "composeplatforminputcontextplugin",
        "ibusplatforminputcontextplugin",
    },
    "imageformats": {"qjpeg", "qico", "qsvg", "qgif"},
    "iconengines": {"qsvgicon"},
    "printsupport": {"cupsprintersupport", "windowsprintersupport"},
    "styles": {"qmodernwindowsstyle", "qwindowsvistastyle"},
    "xcbglintegrations": {"qxcb-glx-integration", "qxcb-egl-integration"},
    "wayland-shell-integration": {"xdg-shell"},
    "wayland-decoration-client": {"bradient", "adwaita"},
}

# Files no part of the app loads: Qt translations (Qt ships no Vietnamese; the app translates
# itself), software OpenGL and the shader compiler (a widgets app paints with the raster engine),
# OpenCV's FFmpeg video plugin on Windows (the app reads photos, never video).
DROPPED_NAME_PARTS = (
    "opengl32sw.dll", "d3dcompiler_", "opencv_videoio_ffmpeg", "Qt6Qml", "Qt6Quick", "Qt6Pdf",
    "Qt6Network", "Qt6OpenGL", "Qt6VirtualKeyboard", "Qt6Multimedia", "Qt6Designer",
    "Qt6ShaderTools", "Qt6EglFS", "Qt6EglFs", "Qt6WlShellIntegration",
)  # fmt: skip


def _dest(entry: tuple) -> PurePosixPath:
    return PurePosixPath(str(entry[0]).replace("\\", "/"))


def _plugin_stem(name: str) -> str:
    stem = name.split(".")[0]
    return stem[3:] if stem.startswith("lib") else stem


def keep_entry(dest: str) -> bool:
    """False for a bundled file (destination path inside the bundle) that the app never loads."""
    path = PurePosixPath(dest.replace("\\", "/"))
    text = str(path)
    if any(part in path.name for part in DROPPED_NAME_PARTS):
        return False
    if "Qt/translations/" in text or "PySide6/translations/" in text:
        return False
    parts = path.parts
    if "plugins" in parts:
        index = parts.index("plugins")
        if index > 0 and parts[index - 1] in ("Qt", "PySide6") and len(parts) == index + 3:
            return _plugin_stem(parts[-1]) in QT_PLUGINS_KEPT.get(parts[index + 1], set())
    return True


def prune(entries: Iterable[tuple]) -> list[tuple]:
    return [entry for entry in entries if keep_entry(str(entry[0]))]


X265_ENCODER_PREFIX = "libx265-"  # pillow-heif's HEVC encoder on Windows (delvewheel's name)


def swap_x265_encoder(binaries: Iterable[tuple], stub: str | None) -> list[tuple]:
    """pillow-heif's x265 (an HEVC encoder, 22.7 MB on Windows: HEIC writing, which the app never
    does) replaced by a stub of the same name that exports what libheif imports
    (scripts/windows/x265_stub.c); unchanged without a stub or when the file is not there."""
    if not stub:
        return list(binaries)
    swapped = []
    for entry in binaries:
        name = _dest(entry).name
        if name.startswith(X265_ENCODER_PREFIX) and name.lower().endswith(".dll"):
            entry = (entry[0], stub, *entry[2:])
        swapped.append(entry)
    return swapped


# --- ELF: which libraries a file needs, whether it is stripped ---------------------------------


class ElfFile:
    """The few facts of a 64-bit little-endian ELF file the bundle needs (x86-64, aarch64)."""

    def __init__(self, path: Path) -> None:
        data = path.read_bytes()
        if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
            raise ValueError(f"{path}: not a 64-bit little-endian ELF file")
        (shoff,) = struct.unpack_from("<Q", data, 0x28)
        shentsize, shnum, shstrndx = struct.unpack_from("<HHH", data, 0x3A)
        sections = []
        for index in range(shnum):
            name, kind, _flags, _addr, offset, size, link = struct.unpack_from(
                "<IIQQQQI", data, shoff + index * shentsize
            )
            sections.append((name, kind, offset, size, link))
        names_offset = sections[shstrndx][2] if sections else 0
        self.section_names = {self._cstring(data, names_offset + s[0]) for s in sections}
        self.needed: list[str] = []
        self.rpath = ""
        # symbol versions needed, by library: {"libstdc++.so.6": {"GLIBCXX_3.4.21", ...}}
        self.versions_needed: dict[str, set[str]] = {}
        for _name, kind, offset, size, link in sections:
            if kind == 6:  # SHT_DYNAMIC
                strtab = sections[link][2]
                for at in range(offset, offset + size, 16):
                    tag, value = struct.unpack_from("<qQ", data, at)
                    if tag == 0:
                        break
                    if tag == 1:  # DT_NEEDED
                        self.needed.append(self._cstring(data, strtab + value))
                    elif tag in (15, 29):  # DT_RPATH, DT_RUNPATH
                        self.rpath = self._cstring(data, strtab + value)
            elif kind == 0x6FFFFFFE:  # SHT_GNU_verneed
                self._read_verneed(data, offset, sections[link][2])

    def _read_verneed(self, data: bytes, at: int, strtab: int) -> None:
        while True:
            _version, count, file, aux, next_need = struct.unpack_from("<HHIII", data, at)
            names = self.versions_needed.setdefault(self._cstring(data, strtab + file), set())
            entry = at + aux
            for _ in range(count):
                _hash, _flags, _other, name, next_aux = struct.unpack_from("<IHHII", data, entry)
                names.add(self._cstring(data, strtab + name))
                entry += next_aux
            if not next_need:
                return
            at += next_need

    @staticmethod
    def _cstring(data: bytes, start: int) -> str:
        return data[start : data.index(b"\0", start)].decode("utf-8", "replace")

    @property
    def stripped(self) -> bool:
        return ".symtab" not in self.section_names


def is_elf(path: Path) -> bool:
    try:
        with path.open("rb") as stream:
            return stream.read(4) == b"\x7fELF"
    except OSError:
        return False


# Loaded with dlopen() by name, so no DT_NEEDED entry leads to them.
DLOPENED = ("libdbus-1.so",)


def _is_plain_library(dest: PurePosixPath) -> bool:
    """A shared library only reachable through another file's DT_NEEDED (not a Python extension,
    not a Qt plugin, not the Python runtime)."""
    name = dest.name
    if not name.startswith("lib") or ".so" not in name or "plugins" in dest.parts:
        return False
    return not (".cpython-" in name or ".abi3." in name or name.startswith("libpython"))


def unneeded_libraries(binaries: Iterable[tuple]) -> set[str]:
    """Destinations of plain libraries that no kept binary needs, directly or indirectly."""
    by_name: dict[str, list[tuple]] = {}
    entries = [entry for entry in binaries if is_elf(Path(entry[1]))]
    for entry in entries:
        by_name.setdefault(_dest(entry).name, []).append(entry)
    roots = [entry for entry in entries if not _is_plain_library(_dest(entry))]
    roots += [e for e in entries if any(_dest(e).name.startswith(n) for n in DLOPENED)]
    reached: set[str] = set()
    queue = [_dest(entry).name for entry in roots]
    while queue:
        name = queue.pop()
        if name in reached:
            continue
        reached.add(name)
        for entry in by_name.get(name, []):
            queue.extend(ElfFile(Path(entry[1]).resolve()).needed)
    return {
        str(_dest(entry))
        for entry in entries
        if _is_plain_library(_dest(entry)) and _dest(entry).name not in reached
    }


# Libraries the bundle takes from the host system instead of carrying its own copy. PyInstaller
# already leaves out glibc, libGL/libEGL, libdrm, libxcb and libwayland (PyInstaller/depend/
# dylib.py). Each entry below is also on the AppImage project's "excludelist" of libraries every
# desktop Linux has and that break when an older private copy is mixed with the host's
# (AppImageCommunity/pkg2appimage, file excludelist), except libcups (see its reason). Only the
# copies PyInstaller took from the build machine's /usr/lib are concerned: the renamed copies
# inside the wheels' <package>.libs folders (auditwheel) stay. Their private dependencies go too
# (prune_unneeded_libraries: nothing else needs them).
HOST_LIBRARIES = {
    "libmvec.so.1": "part of glibc (vector maths): must be the host's, like libc and libm",
    "libstdc++.so.6": "an older private copy breaks the host's GL drivers (GLIBCXX not found); "
    "manylinux wheels assume the host's; check_bundle checks the newest version needed",
    "libgcc_s.so.1": "GCC's run-time, goes with libstdc++; assumed by manylinux wheels",
    "libz.so.1": "zlib, on every system; assumed by manylinux wheels",
    "libX11.so.6": "must match the host's libxcb, which PyInstaller already leaves to the host",
    "libX11-xcb.so.1": "goes with libX11",
    "libfontconfig.so.1": "must read the host's font configuration (an older copy stalls or "
    "warns on newer configuration files)",
    "libfreetype.so.6": "goes with the host's fontconfig",
    "libuuid.so.1": "util-linux, part of every base system",
    # Not on the excludelist: the CUPS client library of Qt's print plugin. Wherever CUPS prints,
    # libcups.so.2 is installed (and matches the host's cupsd); where it is absent there is no
    # printer to talk to and the plugin is skipped (the self-test reports it). The private copy
    # brought GnuTLS, Kerberos, Avahi, GMP, libunistring: about 9 MB.
    "libcups.so.2": "the CUPS client of the print plugin: installed wherever CUPS prints",
}


def drop_host_libraries(binaries: Iterable[tuple]) -> list[tuple]:
    """Leave out the build machine's copies of HOST_LIBRARIES (files at the bundle's top)."""
    return [
        entry
        for entry in binaries
        if not (len(_dest(entry).parts) == 1 and _dest(entry).name in HOST_LIBRARIES)
    ]


def prune_unneeded_libraries(binaries: Iterable[tuple]) -> list[tuple]:
    binaries = list(binaries)
    unneeded = unneeded_libraries(binaries)
    return [entry for entry in binaries if str(_dest(entry)) not in unneeded]


def elf_files(folder: Path) -> Iterator[tuple[Path, ElfFile]]:
    """The ELF files of a built bundle (links skipped), parsed; unreadable ones skipped."""
    for path in sorted(folder.rglob("*")):
        if path.is_symlink() or not path.is_file() or not is_elf(path):
            continue
        try:
            yield path, ElfFile(path)
        except (ValueError, struct.error, IndexError):
            continue


def version_key(name: str) -> tuple[int, ...]:
    """(3, 4, 29) for "GLIBCXX_3.4.29"."""
    return tuple(int(part) for part in re.findall(r"\d+", name.rsplit("_", 1)[-1]))


def newest_versions_needed(folder: Path) -> dict[str, tuple[str, str]]:
    """For each symbol-version family (GLIBC, GLIBCXX, CXXABI, GCC...), the newest version any
    ELF file of a built bundle needs, and that file: what the host must provide."""
    newest: dict[str, tuple[tuple[int, ...], str, str]] = {}
    for path, elf in elf_files(folder):
        for name in set().union(*elf.versions_needed.values()):
            family = name.rsplit("_", 1)[0]
            key = version_key(name)
            if family not in newest or key > newest[family][0]:
                newest[family] = (key, name, path.relative_to(folder).as_posix())
    return {family: (name, file) for family, (_, name, file) in newest.items()}


PAGE_SIZE = 4096


def loader_can_map(path: Path) -> bool:
    """glibc's own test before mapping a file: every PT_LOAD segment's address and file offset
    agree modulo the page size (else "ELF load command address/offset not page-aligned")."""
    data = path.read_bytes()
    (phoff,) = struct.unpack_from("<Q", data, 0x20)
    phentsize, phnum = struct.unpack_from("<HH", data, 0x36)
    for index in range(phnum):
        kind, _flags, offset, address = struct.unpack_from("<IIQQ", data, phoff + index * phentsize)
        if kind == 1 and (address - offset) % PAGE_SIZE:  # PT_LOAD
            return False
    return True


def _dynamic_links(elf: ElfFile) -> tuple:
    return elf.needed, elf.rpath, elf.versions_needed


def files_to_strip(folder: Path) -> Iterator[Path]:
    """Unstripped ELF files of a built bundle."""
    for path, elf in elf_files(folder):
        if not elf.stripped:
            yield path


def strip_file(path: Path) -> int:
    """Strip a copy of `path` and keep it only when it is still whole; returns bytes saved.

    Stripping a library that patchelf rewrote (auditwheel's <package>.libs and the modules naming
    them) can misalign its segments (numpy's OpenBLAS): such a copy is thrown away, as is one
    whose needed libraries, run path or symbol versions changed."""
    before = ElfFile(path)
    with tempfile.TemporaryDirectory(prefix="hoso-strip-") as folder:
        copy = Path(folder) / path.name
        shutil.copy2(path, copy)
        subprocess.run(["strip", "--strip-unneeded", str(copy)], check=True)
        try:
            whole = loader_can_map(copy) and _dynamic_links(ElfFile(copy)) == (
                _dynamic_links(before)
            )
        except (ValueError, struct.error, IndexError):
            whole = False
        saved = path.stat().st_size - copy.stat().st_size
        if not whole or saved <= 0:
            return 0
        shutil.copymode(path, copy)
        os.replace(copy, path)
    return saved


def strip_bundle(folder: Path) -> tuple[int, int]:
    """Strip symbols in place; returns (files stripped, bytes saved)."""
    count = saved = 0
    if shutil.which("strip") is None:
        print("strip (binutils) not found: the bundle stays unstripped")
        return count, saved
    for path in files_to_strip(folder):
        file_saved = strip_file(path)
        count += 1 if file_saved else 0
        saved += file_saved
    return count, saved


# --- Linux: the `hoso` command ----------------------------------------------------------------

# On Linux the GUI executable is also the command line (scripts/entry_linux.py): `hoso` is this
# launcher beside it. It resolves symbolic links, so a link to it in ~/.local/bin works too.
CLI_SWITCH = "--cli"
CLI_LAUNCHER = f"""#!/bin/sh
# hoso, the command line of the app: the executable beside this script runs it when given
# {CLI_SWITCH} (one copy of the code for the GUI and the command line).
exec "$(dirname "$(readlink -f "$0")")/hoso-desktop" {CLI_SWITCH} "$@"
"""


def write_cli_launcher(folder: Path) -> Path:
    path = folder / "hoso"
    path.write_text(CLI_LAUNCHER, encoding="utf-8")
    path.chmod(0o755)
    return path


# --- size of a built bundle, by package ----------------------------------------------------------

SIZE_GROUPS = (
    ("PySide6 (Qt)", ("PySide6", "shiboken6", "libpyside6", "libshiboken6", "libQt6", "libicu")),
    ("cv2 + OpenCV libs", ("cv2", "opencv_python_headless.libs", "opencv_videoio")),
    ("pymupdf", ("pymupdf", "fitz", "libmupdf")),
    ("numpy", ("numpy", "numpy.libs")),
    # on Windows pillow-heif's DLLs sit at the top of _internal (delvewheel)
    ("pillow + pillow-heif", ("PIL", "pillow", "_pillow_heif", "libheif", "libde265", "libx265")),
    ("cryptography", ("cryptography", "_cffi_backend", "cffi")),
    ("pyhanko + lxml + aiohttp", (
        "pyhanko", "pyhanko_certvalidator", "lxml", "aiohttp", "yarl", "multidict", "frozenlist",
        "propcache", "uharfbuzz", "pkcs11", "asn1crypto",
    )),
    ("Python runtime", (
        "libpython", "python3", "base_library.zip", "lib-dynload", "python3.dll",
        # Windows: OpenSSL, libffi and SQLite of python.org's build beside python311.dll
        "libcrypto-3", "libssl-3", "libffi-", "sqlite3.dll",
    )),
    ("executables (code archive)", ("hoso", "hoso-desktop", "hoso.exe", "hoso-desktop.exe")),
    ("app resources", ("resources",)),
)  # fmt: skip


def size_group(relative: PurePosixPath) -> str:
    """The package a bundled file belongs to (its first folder inside _internal)."""
    parts = relative.parts
    first = parts[1] if parts[0] == "_internal" and len(parts) > 1 else parts[0]
    for group, prefixes in SIZE_GROUPS:
        if any(first.startswith(prefix) for prefix in prefixes):
            return group
    if first.endswith(".pyd"):  # Windows: the standard library's extension modules (DLLs\)
        return "Python runtime"
    if (first.startswith("lib") and ".so" in first) or first.lower().endswith(".dll"):
        return "system libraries"
    return "others"


def size_by_package(folder: Path) -> list[tuple[str, int]]:
    """Bytes per package group of a one-folder bundle (symlinks not counted), largest first."""
    totals: dict[str, int] = {}
    for path in folder.rglob("*"):
        if path.is_symlink() or not path.is_file():
            continue
        group = size_group(PurePosixPath(path.relative_to(folder).as_posix()))
        totals[group] = totals.get(group, 0) + path.stat().st_size
    return sorted(totals.items(), key=lambda item: -item[1])
