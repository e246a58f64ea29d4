"""build.spec and its helper scripts/bundle_support.py, checked without building (fast).

`make bundle-test` builds the real bundle and runs its self-test; these tests keep the lists the
spec depends on honest: every module loaded by name is a hidden import, resources are listed,
excludes never hit what the app imports, and the Linux pruning/stripping works on real ELF files.
"""

from __future__ import annotations

import ast
import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path, PurePosixPath

import pytest

from scripts import bundle_support as support

ROOT = Path(__file__).resolve().parents[2]
SPEC = (ROOT / "build.spec").read_text(encoding="utf-8")
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF files")


def test_spec_takes_its_lists_from_bundle_support() -> None:
    for call in (
        "support.drop_host_libraries(",
        "support.datas(",
        "support.hidden_imports(",
        "support.excludes()",
        "support.prune(",
    ):
        assert call in SPEC
    assert 'name="hoso-desktop", console=False' in SPEC
    assert 'name="hoso", console=True' in SPEC
    assert '["project"]["version"]' in SPEC  # version from the package


def test_every_cli_command_and_step_page_is_a_hidden_import() -> None:
    hidden = set(support.hidden_imports())
    from desktop.cli import COMMAND_MODULES

    commands = {f"desktop.commands.{p.stem}" for p in (ROOT / "desktop/commands").glob("*.py")}
    pages = {f"ui.pages.{p.stem}" for p in (ROOT / "ui/pages").glob("*.py")}
    commands.discard("desktop.commands.__init__")
    pages.discard("ui.pages.__init__")
    assert set(COMMAND_MODULES) <= hidden
    assert commands - hidden == set()
    assert pages - hidden == set()
    assert {"ui.main_window", "desktop.selftest", "scanning", "signing.tokens"} <= hidden
    assert {"pyhanko.sign.pkcs11", "pkcs11", "pillow_heif"} <= hidden
    assert not any("__pycache__" in name or name.startswith("tests") for name in hidden)


def test_resources_are_bundled_with_what_the_selftest_needs() -> None:
    [(source, target)] = support.datas()
    assert target == "resources"
    resources = Path(source)
    for needed in (
        "fonts/NotoSans-Regular.ttf",
        "fonts/NotoSans-LICENSE.txt",
        "fonts/LiberationSerif-Regular.ttf",
        "fonts/LiberationSerif-LICENSE.txt",
        "catalog",
        "portals/national.json",
        "forms/index.json",
        "translations/vi",
        "samples/selftest-photo.jpg",
        "icons/hoso.ico",  # executables, installer, .hoso files
        "icons/hoso.png",  # window icon
    ):
        assert (resources / needed).exists(), needed


def _imported_top_modules() -> set[str]:
    """Every module name the app's source imports (absolute imports, at any depth)."""
    names: set[str] = set()
    for package in support.APP_PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if isinstance(node, ast.Import):
                    names.update(alias.name for alias in node.names)
                elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                    names.add(node.module)
                    names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def test_excludes_never_hit_what_the_app_imports() -> None:
    imported = _imported_top_modules()
    excluded = set(support.excludes())
    for name in imported:
        parts = name.split(".")
        prefixes = {".".join(parts[: i + 1]) for i in range(len(parts))}
        assert not prefixes & excluded, f"the app imports {name}, which the bundle excludes"
    for module in support.QT_MODULES_USED:
        assert f"PySide6.{module}" not in excluded
    # what pyHanko really imports at run time (seen in the self-test) stays in
    assert not {"lxml", "aiohttp", "uharfbuzz", "cryptography"} & excluded
    assert {
        "pytest",
        "PyInstaller",
        "certomancer",
        "PySide6.QtNetwork",
        "PySide6.QtQml",
    } <= excluded


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6\\plugins\\platforms\\qwindows.dll", True),
        ("PySide6/plugins/styles/qmodernwindowsstyle.dll", True),
        ("PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so", True),
        ("PySide6/Qt/plugins/imageformats/libqjpeg.so", True),
        ("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", True),
        ("PySide6/Qt/lib/libQt6Core.so.6", True),
        ("PySide6/Qt/lib/libicudata.so.73", True),
        ("cv2/cv2.abi3.so", True),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
        ("PySide6/plugins/platforms/qdirect2d.dll", False),
        ("PySide6/Qt/plugins/generic/libqevdevmouseplugin.so", False),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
        ("PySide6/Qt/plugins/imageformats/libqtiff.so", False),
        ("PySide6/Qt/translations/qtbase_en.qm", False),
        ("PySide6/translations/qtbase_fr.qm", False),
        ("PySide6/opengl32sw.dll", False),
        ("PySide6/Qt/lib/libQt6Qml.so.6", False),
        ("cv2/opencv_videoio_ffmpeg500_64.dll", False),
    ],
)
def test_prune_keeps_what_the_app_loads(dest: str, kept: bool) -> None:
    assert support.keep_entry(dest) is kept
    assert support.prune([(dest, "/src", "BINARY")]) == ([(dest, "/src", "BINARY")] if kept else [])


def test_the_x265_encoder_is_swapped_for_the_stub_only_on_request() -> None:
    binaries = [
        ("libx265-217-276e7d75772a32bd086b54d54e01fd11.dll", "C:/sp/libx265-217-2.dll", "BINARY"),
        ("libheif-18c57b017b404cb1ef96dee8a6eef027.dll", "C:/sp/libheif.dll", "BINARY"),
        ("libde265-0-da04b6b2448c39c0b7f218769dedb2f1.dll", "C:/sp/libde265.dll", "BINARY"),
    ]
    swapped = support.swap_x265_encoder(binaries, "Z:/build/x265-stub.dll")
    assert swapped[0] == (binaries[0][0], "Z:/build/x265-stub.dll", "BINARY")  # same name
    assert swapped[1:] == binaries[1:]  # the decoder and libheif stay
    assert support.swap_x265_encoder(binaries, None) == binaries
    assert support.swap_x265_encoder(binaries, "") == binaries
    assert 'support.swap_x265_encoder(binaries, os.environ.get("HOSO_X265_STUB"))' in SPEC


@pytest.mark.skipif(
    shutil.which("x86_64-w64-mingw32-gcc") is None,
    reason="MinGW-w64 not installed (make system-deps-windows; make windows-test builds the stub)",
)
def test_x265_stub_exports_what_libheif_imports(tmp_path: Path) -> None:
    """libheif imports x265_api_get_<build> and x265_cleanup (read from pillow-heif 1.8's DLL)."""
    stub = tmp_path / "x265-stub.dll"
    source = ROOT / "scripts" / "windows" / "x265_stub.c"
    subprocess.run(
        ["x86_64-w64-mingw32-gcc", "-shared", "-O2", "-s", "-DX265_BUILD=217", "-o", str(stub),
         str(source)],
        check=True,
    )  # fmt: skip
    table = subprocess.run(
        ["x86_64-w64-mingw32-objdump", "-p", str(stub)], capture_output=True, text=True, check=True
    ).stdout
    exported = table.split("[Ordinal/Name Pointer] Table\n", 1)[1].split("\n\n", 1)[0]
    names = sorted(line.split()[-1] for line in exported.splitlines())
    assert names == ["x265_api_get_217", "x265_cleanup"]
    assert stub.stat().st_size < 100_000
    failed = subprocess.run(
        ["x86_64-w64-mingw32-gcc", "-shared", "-o", str(stub), str(source)], capture_output=True
    )
    assert failed.returncode != 0  # the build number must be given


def _site(*parts: str) -> Path:
    import PySide6

    return Path(PySide6.__file__).resolve().parent.parent.joinpath(*parts)


@linux_only
def test_elf_reader_lists_needed_libraries() -> None:
    qtcore = support.ElfFile(_site("PySide6", "Qt", "lib", "libQt6Core.so.6"))
    assert "libicuuc.so.73" in qtcore.needed or any("icu" in n for n in qtcore.needed)
    assert "libc.so.6" in qtcore.needed
    with pytest.raises(ValueError):
        support.ElfFile(ROOT / "pyproject.toml")


@linux_only
def test_libraries_nothing_needs_are_pruned() -> None:
    lib = _site("PySide6", "Qt", "lib")
    icu = sorted(p.name for p in lib.glob("libicuuc.so.*"))[0]
    binaries = [
        ("PySide6/QtCore.abi3.so", str(_site("PySide6", "QtCore.abi3.so")), "EXTENSION"),
        ("PySide6/Qt/lib/libQt6Core.so.6", str(lib / "libQt6Core.so.6"), "BINARY"),
        (f"PySide6/Qt/lib/{icu}", str(lib / icu), "BINARY"),
        ("PySide6/Qt/lib/libQt6Widgets.so.6", str(lib / "libQt6Widgets.so.6"), "BINARY"),
        ("PySide6/Qt/lib/libQt6DBus.so.6", str(lib / "libQt6DBus.so.6"), "BINARY"),
    ]
    assert support.unneeded_libraries(binaries) == {
        "PySide6/Qt/lib/libQt6Widgets.so.6",
        "PySide6/Qt/lib/libQt6DBus.so.6",
    }
    kept = {entry[0] for entry in support.prune_unneeded_libraries(binaries)}
    assert kept == {
        "PySide6/QtCore.abi3.so",
        "PySide6/Qt/lib/libQt6Core.so.6",
        f"PySide6/Qt/lib/{icu}",
    }


def test_host_libraries_are_left_out_but_wheel_copies_stay() -> None:
    binaries = [
        ("libstdc++.so.6", "/usr/lib/x86_64-linux-gnu/libstdc++.so.6", "BINARY"),
        ("libcups.so.2", "/usr/lib/x86_64-linux-gnu/libcups.so.2", "BINARY"),
        ("libmvec.so.1", "/usr/lib/x86_64-linux-gnu/libmvec.so.1", "BINARY"),
        ("libglib-2.0.so.0", "/usr/lib/x86_64-linux-gnu/libglib-2.0.so.0", "BINARY"),
        ("libxcb-cursor.so.0", "/usr/lib/x86_64-linux-gnu/libxcb-cursor.so.0", "BINARY"),
        ("pillow.libs/libfreetype-57f805ba.so.6.20.6", "/site/libfreetype.so", "BINARY"),
        ("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", "/site/p.so", "BINARY"),
    ]
    kept = [entry[0] for entry in support.drop_host_libraries(binaries)]
    assert kept == [
        "libglib-2.0.so.0",  # kept on purpose (the excludelist bundles GLib)
        "libxcb-cursor.so.0",  # rarely installed, Qt needs it since 6.5
        "pillow.libs/libfreetype-57f805ba.so.6.20.6",
        "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",  # printing stays
    ]
    # glibc parts are never bundled; the print plugin's CUPS client comes from the host
    assert {"libmvec.so.1", "libcups.so.2", "libX11.so.6"} <= set(support.HOST_LIBRARIES)
    assert "libdbus-1.so.3" not in support.HOST_LIBRARIES  # not on the excludelist: bundled
    assert "readline" in support.excludes()


@linux_only
def test_symbol_versions_needed_are_read_from_elf_files(tmp_path: Path) -> None:
    qtcore = support.ElfFile(_site("PySide6", "Qt", "lib", "libQt6Core.so.6"))
    assert any(v.startswith("GLIBCXX_3.4.") for v in qtcore.versions_needed["libstdc++.so.6"])
    assert any(v.startswith("GLIBC_2.") for v in qtcore.versions_needed["libc.so.6"])
    assert support.version_key("GLIBCXX_3.4.29") == (3, 4, 29)
    assert support.version_key("GLIBCXX_3.4.9") < support.version_key("GLIBCXX_3.4.29")
    bundle = tmp_path / "_internal"
    bundle.mkdir()
    shutil.copy2(_site("PySide6", "Qt", "lib", "libQt6Core.so.6"), bundle / "libQt6Core.so.6")
    (bundle / "notes.txt").write_text("not an ELF file", encoding="utf-8")
    newest = support.newest_versions_needed(tmp_path)
    expected = max(qtcore.versions_needed["libstdc++.so.6"], key=support.version_key)
    assert newest["GLIBCXX"] == (expected, "_internal/libQt6Core.so.6")


@linux_only
@pytest.mark.skipif(shutil.which("strip") is None, reason="binutils' strip not installed")
def test_strip_keeps_only_stripped_copies_the_loader_can_still_map(tmp_path: Path) -> None:
    import ctypes

    import numpy
    import PIL
    import pillow_heif

    module_source = next(Path(PIL.__file__).parent.glob("_imagingmorph.*.so"))
    # patchelf-ed by auditwheel: OpenBLAS breaks when stripped, libde265 does not
    openblas_source = next(
        (Path(numpy.__file__).parent.parent / "numpy.libs").glob("libscipy_openblas*.so")
    )
    de265_source = next(
        (Path(pillow_heif.__file__).parent.parent / "pillow_heif.libs").glob("libde265*.so*")
    )
    internal = tmp_path / "_internal"
    module = internal / "PIL" / module_source.name
    openblas = internal / "numpy.libs" / openblas_source.name
    de265 = internal / "pillow_heif.libs" / de265_source.name
    for source, target in (
        (module_source, module),
        (openblas_source, openblas),
        (de265_source, de265),
    ):
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)
    assert not any(support.ElfFile(path).stripped for path in (module, openblas, de265))
    assert support.loader_can_map(openblas_source)

    assert sorted(support.files_to_strip(tmp_path)) == sorted([module, openblas, de265])
    count, saved = support.strip_bundle(tmp_path)
    assert count == 2 and saved > 0
    assert support.ElfFile(module).stripped and support.ElfFile(de265).stripped
    assert openblas.read_bytes() == openblas_source.read_bytes()  # its stripped copy was misaligned
    assert support.ElfFile(de265).needed == support.ElfFile(de265_source).needed
    ctypes.CDLL(str(de265))  # the stripped patchelf-ed library still loads
    spec = importlib.util.spec_from_file_location("PIL._imagingmorph", module)
    loaded = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(loaded)  # the stripped extension still loads
    assert hasattr(loaded, "apply")


@linux_only
def test_linux_cli_launcher_runs_the_executable_beside_it_with_every_argument(
    tmp_path: Path,
) -> None:
    bundle = tmp_path / "Hồ sơ số" / "hoso"
    bundle.mkdir(parents=True)
    fake = bundle / "hoso-desktop"  # prints the arguments it gets, one a line
    fake.write_text('#!/bin/sh\nprintf "%s\\n" "$@"\n', encoding="utf-8")
    fake.chmod(0o755)
    launcher = support.write_cli_launcher(bundle)
    assert launcher == bundle / "hoso" and launcher.stat().st_mode & 0o111
    link = tmp_path / "bin" / "hoso"  # a link in the user's PATH
    link.parent.mkdir()
    link.symlink_to(launcher)
    arguments = ["scan", "Ảnh một.jpg", "-o", "kết quả.pdf", "", "--jobs", "2"]
    for command in (launcher, link):
        done = subprocess.run([command, *arguments], capture_output=True, check=True)
        assert done.stdout.decode("utf-8").split("\n")[:-1] == [support.CLI_SWITCH, *arguments]


def test_linux_entry_runs_the_cli_when_the_launcher_asks() -> None:
    entry = ROOT / "scripts" / "entry_linux.py"
    assert f'CLI_SWITCH = "{support.CLI_SWITCH}"' in entry.read_text(encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, str(entry), support.CLI_SWITCH, "--help"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("usage: hoso ")
    assert 'ENTRIES = {"hoso-desktop": "entry_linux"}' in SPEC
    assert "support.write_cli_launcher(" in SPEC


def test_size_table_groups_files_by_package(tmp_path: Path) -> None:
    files = {
        "hoso-desktop": 100,
        "_internal/PySide6/Qt/lib/libQt6Core.so.6": 50,
        "_internal/cv2/cv2.abi3.so": 70,
        "_internal/opencv_python_headless.libs/libavcodec-c4204469.so.62": 30,
        "_internal/numpy.libs/libscipy_openblas64_.so": 20,
        "_internal/pillow_heif.libs/libx265.so": 9,
        "_internal/libgnutls.so.30": 4,
        "_internal/resources/fonts/NotoSans-Regular.ttf": 3,
        "_internal/zxingcpp/zxingcpp.so": 2,
    }
    for name, size in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"x" * size)
    (tmp_path / "_internal" / "libQt6Core.so.6").symlink_to("PySide6/Qt/lib/libQt6Core.so.6")
    table = dict(support.size_by_package(tmp_path))
    assert table == {
        "executables (code archive)": 100,
        "cv2 + OpenCV libs": 100,
        "PySide6 (Qt)": 50,
        "numpy": 20,
        "pillow + pillow-heif": 9,
        "system libraries": 4,
        "app resources": 3,
        "others": 2,
    }
    assert support.size_group(PurePosixPath("_internal/python3.11/lib-dynload/_ssl.so")) == (
        "Python runtime"
    )
    # Windows names: python.org's DLLs and extension modules, pillow-heif's DLLs (delvewheel)
    for name, group in {
        "_internal/_ssl.pyd": "Python runtime",
        "_internal/libcrypto-3.dll": "Python runtime",
        "_internal/python311.dll": "Python runtime",
        "_internal/libx265-217-276e7d75772a32bd086b54d54e01fd11.dll": "pillow + pillow-heif",
        "_internal/cv2/cv2.pyd": "cv2 + OpenCV libs",
        "_internal/VCRUNTIME140.dll": "system libraries",
    }.items():
        assert support.size_group(PurePosixPath(name)) == group, name


def test_make_bundle_installs_pyinstaller_and_ci_runs_the_bundle_test() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "<<<<<<<" not in makefile and ">>>>>>>" not in makefile
    bundle_recipe = makefile.split("\nbundle:")[1].split("\n\n")[0]
    assert ".[bundle]" in bundle_recipe and "build.spec" in bundle_recipe
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert "make test" in ci and "make bundle-test" in ci
    assert ci.index("make test") < ci.index("make bundle-test")


FAKE_MAKE = """#!/usr/bin/env bash
# stands in for make: windows-test fails as many times as the file fails-left says
echo "make $*" >> "$CALLS"
if [ "$1" = windows-test ]; then
  left=$(cat "$FAILS_LEFT")
  if [ "$left" -gt 0 ]; then echo $((left - 1)) > "$FAILS_LEFT"; echo "step x failed"; exit 3; fi
  echo "windows-test: passed"
fi
"""


@pytest.mark.parametrize(("failures", "status", "attempts"), [(0, 0, 1), (1, 0, 2), (2, 3, 2)])
def test_ci_gates_on_windows_test_with_one_second_attempt(
    tmp_path: Path, failures: int, status: int, attempts: int
) -> None:
    """.ci/run runs make test, make bundle-test, then make windows-test: a failure is run once
    more (Wine under load), two failures fail CI with windows-test's status."""
    clone = tmp_path / "clone"
    (clone / ".ci").mkdir(parents=True)
    shutil.copy(ROOT / ".ci" / "run", clone / ".ci" / "run")
    tools = tmp_path / "bin"
    tools.mkdir()
    for name, text in (("make", FAKE_MAKE), ("wineserver", "#!/bin/sh\nexit 0\n")):
        (tools / name).write_text(text, encoding="utf-8")
        (tools / name).chmod(0o755)
    (tmp_path / "fails").write_text(str(failures), encoding="utf-8")
    env = dict(
        os.environ,
        PATH=f"{tools}:{os.environ['PATH']}",
        CALLS=str(tmp_path / "calls"),
        FAILS_LEFT=str(tmp_path / "fails"),
        HOSO_WINDOWS_CACHE=str(tmp_path / "cache"),
    )
    done = subprocess.run(
        ["bash", str(clone / ".ci" / "run")], capture_output=True, text=True, env=env, timeout=60
    )
    assert done.returncode == status, done.stdout + done.stderr
    calls = (tmp_path / "calls").read_text(encoding="utf-8").splitlines()
    assert calls == ["make test", "make bundle-test", *["make windows-test"] * attempts]
    assert ("FAILED" in done.stdout) == (failures > 0)
    assert "step x failed" in done.stdout or failures == 0  # the failed log's end is shown


def _iss_sections(text: str) -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = ""
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("[") and stripped.endswith("]") and " " not in stripped:
            current = stripped[1:-1]
            sections.setdefault(current, [])
        elif stripped and not stripped.startswith(";") and current:
            sections[current].append(stripped)
    return sections


def test_installer_script_is_per_user_bilingual_and_associates_hoso_files() -> None:
    iss = (ROOT / "installer" / "hoso.iss").read_text(encoding="utf-8")
    sections = _iss_sections(iss)
    setup = dict(line.split("=", 1) for line in sections["Setup"])
    assert setup["PrivilegesRequired"] == "lowest"  # no admin rights needed
    assert setup["PrivilegesRequiredOverridesAllowed"] == "dialog"
    # {autopf}, named explicitly for the per-user mode (Wine cannot expand {userpf})
    assert setup["DefaultDirName"] == "{code:InstallRoot}\\HoSoSo"
    root = iss.split("function InstallRoot", 1)[1].split("end;", 1)[0]
    assert "IsAdminInstallMode" in root and "{autopf}" in root
    assert "{localappdata}\\Programs" in root
    assert setup["ChangesAssociations"] == "yes"
    assert (ROOT / "installer" / setup["SetupIconFile"].replace("\\", "/")).exists()
    # what the spec builds is what the installer packs
    assert '#define AppExe "hoso-desktop.exe"' in iss
    assert 'Source: "..\\dist\\hoso\\*"' in iss and 'name="hoso"' in SPEC
    languages = sections["Languages"]
    assert any('"vi"' in line and "Vietnamese.isl" in line for line in languages)
    assert any('"en"' in line and "compiler:Default.isl" in line for line in languages)
    custom = [line.split("=", 1)[0] for line in sections["CustomMessages"]]
    keys = {name.split(".", 1)[1] for name in custom}
    for key in keys:  # every custom message in both languages
        assert f"vi.{key}" in custom and f"en.{key}" in custom
    command = next(line for line in sections["Registry"] if "shell\\open\\command" in line)
    assert '"""{app}\\{#AppExe}"" --import ""%1"""' in command
    assert all(line.startswith("Root: HKA;") for line in sections["Registry"])
    icons = sections["Icons"]
    assert any("{autoprograms}" in line for line in icons)
    assert any("{autodesktop}" in line and "Tasks: desktopicon" in line for line in icons)
    # the uninstaller deletes the user's data only when asked: "Yes" (not the default button)
    # when interactive, /DELETEDATA when silent
    code = iss.split("[Code]", 1)[1]
    assert "not UninstallSilent" in code and "MB_DEFBUTTON2" in code and "IDYES" in code
    assert "HasSwitch('/DELETEDATA')" in code


def test_windows_workflow_builds_tests_and_uploads() -> None:
    workflow = (ROOT / ".github" / "workflows" / "windows.yml").read_text(encoding="utf-8")
    assert "pyinstaller --noconfirm --clean" in workflow and "build.spec" in workflow
    assert "--selftest" in workflow and "-Wait" in workflow  # a GUI exe: wait for its exit code
    assert "Files/Languages/Unofficial/Vietnamese.isl" in workflow
    assert "installer\\Vietnamese.isl" in workflow  # beside hoso.iss, as [Languages] expects
    assert "ISCC.exe" in workflow and "installer\\hoso.iss" in workflow
    assert "upload-artifact" in workflow and "dist/installer/*.exe" in workflow
