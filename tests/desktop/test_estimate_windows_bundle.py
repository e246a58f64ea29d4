"""scripts/estimate_windows_bundle.py: the logic that turns Windows wheels into a bundle estimate.

The script itself downloads wheels and needs a Linux build; these tests check its parts on small
inputs: requirement markers for Windows, wheel paths, the PE import reader (on a real Windows
executable that pip ships), the roots and the DLL closure with the spec's pruning rules.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path, PurePosixPath

import pytest
from packaging.requirements import Requirement

from scripts import estimate_windows_bundle as estimate
from scripts.estimate_windows_bundle import WheelFile


def test_requirement_markers_are_evaluated_for_windows() -> None:
    assert estimate.applies_on_windows(Requirement("tzdata; sys_platform == 'win32'"), [])
    assert not estimate.applies_on_windows(Requirement("uvloop; sys_platform != 'win32'"), [])
    assert estimate.applies_on_windows(Requirement("numpy"), [])
    extra = Requirement("python-pkcs11~=0.9; extra == 'pkcs11'")
    assert estimate.applies_on_windows(extra, ["pkcs11"])
    assert not estimate.applies_on_windows(extra, [])


def test_windows_requirements_follow_extras_and_skip_other_platforms() -> None:
    requires = {
        "hoso": ["pyhanko[pkcs11]>=0.38", "pytest; extra == 'test'", "numpy"],
        "pyhanko": ["asn1crypto", "python-pkcs11; extra == 'pkcs11'", "lxml; extra == 'xmp'"],
        "python-pkcs11": ["asn1crypto"],
        "numpy": [],
        "asn1crypto": ["colorama; platform_system == 'Windows'", "uvloop; os_name != 'nt'"],
    }
    needed = estimate.windows_requirements("hoso", lambda name: requires.get(name, []))
    assert set(needed) == {"pyhanko", "python-pkcs11", "numpy", "asn1crypto", "colorama"}
    assert needed["pyhanko"] == {"pkcs11"}


def test_wheel_members_land_where_pip_installs_them() -> None:
    assert estimate.install_path("cv2/cv2.pyd") == PurePosixPath("cv2/cv2.pyd")
    assert estimate.install_path("pillow_heif-1.8.1.data/platlib/libheif-18c5.dll") == (
        PurePosixPath("libheif-18c5.dll")
    )
    assert estimate.install_path("numpy-2.4.6.dist-info/RECORD") is None
    assert estimate.install_path("tool-1.0.data/scripts/tool.exe") is None


def test_module_names_of_extension_files_on_both_platforms() -> None:
    for path in (
        "PIL/_imaging.cp311-win_amd64.pyd",
        "PIL/_imaging.cpython-311-x86_64-linux-gnu.so",
    ):
        assert estimate.module_name(PurePosixPath(path)) == "PIL._imaging"
    assert estimate.module_name(PurePosixPath("cv2/cv2.abi3.so")) == "cv2.cv2"
    assert estimate.module_name(PurePosixPath("cv2/cv2.pyd")) == "cv2.cv2"


def test_pe_reader_lists_the_dlls_of_a_real_windows_executable() -> None:
    pip = importlib.util.find_spec("pip")
    assert pip is not None and pip.origin
    launchers = Path(pip.origin).parent / "_vendor" / "distlib"
    if not (launchers / "t64.exe").exists():
        pytest.skip("this pip ships no Windows launchers")
    for name in ("t64.exe", "t32.exe"):  # PE32+ and PE32
        imported = [dll.lower() for dll in estimate.pe_imports((launchers / name).read_bytes())]
        assert "kernel32.dll" in imported, name
    with pytest.raises(ValueError):
        estimate.pe_imports(b"\x7fELF" + bytes(100))


def _file(path: str, size: int = 10, distribution: str = "pyside6-essentials") -> WheelFile:
    return WheelFile(distribution, PurePosixPath(path), size, Path("x.whl"))


def test_roots_are_the_modules_the_linux_build_collected_and_the_kept_plugins() -> None:
    files = [
        _file("PySide6/QtCore.pyd"),
        _file("PySide6/QtQml.pyd"),
        _file("PIL/_avif.cp311-win_amd64.pyd", distribution="pillow"),
        _file("PySide6/plugins/platforms/qwindows.dll"),
        _file("PySide6/plugins/platforms/qdirect2d.dll"),
        _file("PySide6/plugins/sqldrivers/qsqlite.dll"),
        _file("PySide6/Qt6Core.dll"),
    ]
    modules = {"PySide6.QtCore", "PIL._avif"}  # PIL._avif is excluded by the spec
    found = [str(file.path) for file in estimate.roots(files, modules)]
    assert found == ["PySide6/QtCore.pyd", "PySide6/plugins/platforms/qwindows.dll"]


def test_closure_follows_imports_prefers_the_same_folder_and_prunes() -> None:
    files = [
        _file("PySide6/QtGui.pyd"),
        _file("PySide6/Qt6Gui.dll", 100),
        _file("PySide6/Qt6Core.dll", 200),
        _file("PySide6/msvcp140.dll", 5),
        _file("shiboken6/msvcp140.dll", 5, "shiboken6"),
        _file("PySide6/opengl32sw.dll", 20_000),  # the spec drops it
        _file("PySide6/Qt6Quick.dll", 700),  # imported by nothing reached
    ]
    imports = {
        "PySide6/QtGui.pyd": ["Qt6Gui.dll", "python3.dll", "KERNEL32.dll"],
        "PySide6/Qt6Gui.dll": ["QT6CORE.DLL", "opengl32sw.dll", "MSVCP140.dll"],
        "PySide6/Qt6Core.dll": ["MSVCP140.dll", "icuuc.dll"],
    }
    by_path = {str(file.path): file for file in files}
    reached, system = estimate.closure(
        [by_path["PySide6/QtGui.pyd"]], files, lambda file: imports.get(str(file.path), [])
    )
    assert [str(file.path) for file in reached] == [
        "PySide6/Qt6Core.dll",
        "PySide6/Qt6Gui.dll",
        "PySide6/QtGui.pyd",
        "PySide6/msvcp140.dll",  # the importer's folder wins over shiboken6's copy
    ]
    assert system == {"python3.dll", "kernel32.dll", "icuuc.dll"}  # Windows' own, not bundled


def test_only_the_pinned_versions_of_the_wheel_folder_are_used(tmp_path: Path) -> None:
    for name in (
        "numpy-2.4.6-cp311-cp311-win_amd64.whl",
        "numpy-2.3.0-cp311-cp311-win_amd64.whl",
        "PySide6_Essentials-6.12.0-cp310-abi3-win_amd64.whl",
        "pytest-9.2.0-py3-none-any.whl",
    ):
        (tmp_path / name).write_bytes(b"")
    specs = ["numpy==2.4.6", "pyside6-essentials==6.12.0", "colorama"]
    found = [wheel.name for wheel in estimate.matching_wheels(tmp_path, specs)]
    assert found == [
        "PySide6_Essentials-6.12.0-cp310-abi3-win_amd64.whl",
        "numpy-2.4.6-cp311-cp311-win_amd64.whl",
    ]
