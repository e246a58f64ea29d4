"""Windows correctness that can be checked here (issue 8): Unicode paths, user data through
QStandardPaths, PKCS#11 modules from System32, high-DPI scaling, bundled fonts only, legal
file names. The real app runs in subprocesses where Qt's process-wide state matters."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path, PureWindowsPath

import pytest

from common.fsutil import MAX_NAME_BYTES, atomic_write_bytes, is_windows_reserved, safe_filename
from scripts.bundle_support import APP_PACKAGES

ROOT = Path(__file__).resolve().parents[2]


def _app_sources() -> list[Path]:
    return [p for package in APP_PACKAGES for p in sorted((ROOT / package).rglob("*.py"))]


def _calls(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            owner = (
                func.value.id
                if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name)
                else ""
            )
            yield node, owner, name


def _text_mode(call: ast.Call) -> bool:
    mode = call.args[1] if len(call.args) > 1 else None
    for keyword in call.keywords:
        if keyword.arg == "mode":
            mode = keyword.value
    if mode is None:
        return True
    return isinstance(mode, ast.Constant) and "b" not in str(mode.value)


# --- Unicode paths and text encodings ---------------------------------------------------------


def test_no_path_based_opencv_io_no_shell_and_text_always_utf8() -> None:
    """cv2.imread/imwrite/VideoCapture fail on Vietnamese paths on Windows (they take a narrow
    char*); open()/read_text()/write_text() without encoding use the ANSI code page there
    (cp1258 or cp1252), which breaks Vietnamese; os.system goes through cmd.exe."""
    problems = []
    for path in _app_sources():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for call, owner, name in _calls(tree):
            where = f"{path.relative_to(ROOT)}:{call.lineno}"
            keywords = {k.arg for k in call.keywords}
            if owner == "cv2" and name in {"imread", "imwrite", "VideoCapture", "imreadmulti"}:
                problems.append(f"{where}: cv2.{name} with a path (decode bytes instead)")
            if owner == "os" and name in {"system", "popen"}:
                problems.append(f"{where}: os.{name}")
            text_open = name == "open" and owner in {"", "io"} and _text_mode(call)
            if text_open and "encoding" not in keywords and call.args:
                problems.append(f"{where}: open() in text mode without encoding")
            if name in {"read_text", "write_text"} and "encoding" not in keywords:
                problems.append(f"{where}: {name}() without encoding")
            text_pipe = keywords & {"text", "universal_newlines"}
            if owner == "subprocess" and text_pipe and "encoding" not in keywords:
                problems.append(f"{where}: subprocess text mode without encoding")
    assert problems == []


def test_the_cli_scans_a_photo_in_a_vietnamese_folder(tmp_path: Path) -> None:
    from common.resources import resource_path

    folder = tmp_path / "Hồ sơ của Nguyễn Thị Ánh" / "Ảnh chụp"
    folder.mkdir(parents=True)
    photo = folder / "Giấy khai sinh – trang 1.jpg"
    photo.write_bytes(resource_path("samples", "selftest-photo.jpg").read_bytes())
    output = folder / "Bản scan đã làm rõ.pdf"
    result = subprocess.run(
        [sys.executable, "-m", "desktop.cli", "scan", str(photo), "-o", str(output)],
        capture_output=True,
        env=dict(os.environ, PYTHONIOENCODING="utf-8"),
        timeout=120,
    )
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    assert output.read_bytes()[:5] == b"%PDF-"
    assert "Bản scan đã làm rõ.pdf" in result.stdout.decode("utf-8")


# --- user data through QStandardPaths ----------------------------------------------------------

PATHS_PROBE = (
    "from desktop.paths import data_dir, default_dossier_root, profiles_dir\n"
    "print(data_dir()); print(profiles_dir()); print(default_dossier_root())\n"
)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG variables are Linux's")
def test_user_data_goes_where_qstandardpaths_says(tmp_path: Path) -> None:
    home = tmp_path / "home"
    config = home / ".config"
    config.mkdir(parents=True)
    # a Vietnamese desktop names the Documents folder in Vietnamese
    (config / "user-dirs.dirs").write_text('XDG_DOCUMENTS_DIR="$HOME/Tài liệu"\n', encoding="utf-8")
    (home / "Tài liệu").mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HOSO_", "XDG_"))}
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(config), XDG_DATA_HOME=str(home / "data"))
    env["PYTHONIOENCODING"] = "utf-8"
    result = subprocess.run(
        [sys.executable, "-c", PATHS_PROBE], capture_output=True, env=env, timeout=60, cwd=ROOT
    )
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    data, profiles, dossiers = result.stdout.decode("utf-8").splitlines()
    # QStandardPaths.AppDataLocation = <data home>/<organization>/<application>; on Windows
    # %APPDATA%\hoso\hoso, the folder the uninstaller offers to delete
    assert Path(data) == home / "data" / "hoso" / "hoso"
    assert Path(profiles) == Path(data) / "profiles" and Path(profiles).is_dir()
    assert Path(dossiers) == home / "Tài liệu" / "Hồ sơ số"
    if os.name == "posix":
        assert Path(data).stat().st_mode & 0o077 == 0  # private


def test_installer_uninstall_paths_match_qstandardpaths() -> None:
    iss = (ROOT / "installer" / "hoso.iss").read_text(encoding="utf-8")
    from desktop.paths import APP_NAME, ORG_NAME

    assert f"{{userappdata}}\\{ORG_NAME}\\hoso" in iss
    assert f"{{userdocs}}\\{APP_NAME}" in iss


# --- PKCS#11 modules: System32 for the 64-bit app --------------------------------------------


def test_pkcs11_modules_are_searched_in_system32_of_systemroot() -> None:
    from signing.tokens import WINDOWS_MODULES, windows_module_paths, windows_system_dir

    environ = {"SystemRoot": r"D:\WINNT", "windir": r"E:\other", "ProgramFiles": r"D:\Apps"}
    assert windows_system_dir(environ) == PureWindowsPath(r"D:\WINNT\System32")
    paths = windows_module_paths(environ)
    vnpt = [p for p, vendor in paths if vendor == "VNPT-CA"]
    assert PureWindowsPath(r"D:\WINNT\System32\vnptca_p11_v6.dll") in vnpt
    assert len(vnpt) == len(WINDOWS_MODULES["VNPT-CA"])
    assert all("syswow64" not in str(p).lower() for p, _ in paths)
    bkav = [p for p, vendor in paths if vendor == "BKAV-CA"]
    assert PureWindowsPath(r"D:\Apps\Bkav Corporation\BkavCA Token Manager\st3csp11.dll") in bkav


def test_pkcs11_search_falls_back_to_windir_then_c_windows() -> None:
    from signing.tokens import windows_system_dir

    assert windows_system_dir({"WINDIR": r"F:\Win"}) == PureWindowsPath(r"F:\Win\System32")
    assert windows_system_dir({"systemroot": r"G:\W"}) == PureWindowsPath(r"G:\W\System32")
    assert windows_system_dir({}) == PureWindowsPath(r"C:\Windows\System32")


def test_a_32bit_module_is_refused_with_a_reason_for_the_64bit_app(tmp_path: Path) -> None:
    """What a 64-bit app would find if it looked in SysWOW64: a DLL it cannot load."""
    from signing.pe import build_minimal_pe
    from signing.tokens import check_module, python_is_64bit

    if not python_is_64bit():
        pytest.skip("64-bit Python only")
    wow64 = tmp_path / "SysWOW64" / "vnptca_p11_v6.dll"
    wow64.parent.mkdir()
    wow64.write_bytes(build_minimal_pe(is_64bit=False, exports=["C_GetFunctionList"]))
    native = tmp_path / "System32" / "vnptca_p11_v6.dll"
    native.parent.mkdir()
    native.write_bytes(build_minimal_pe(is_64bit=True, exports=["C_GetFunctionList"]))
    refused = check_module(wow64, "VNPT-CA")
    assert not refused.usable and "32" in refused.problem and "System32" in refused.problem
    assert check_module(native, "VNPT-CA").usable


# --- high DPI ----------------------------------------------------------------------------------

DPI_PROBE = (
    "from desktop.app import configure_high_dpi\n"
    "configure_high_dpi()\n"
    "from PySide6.QtWidgets import QApplication, QWidget\n"
    "app = QApplication([])\n"
    "w = QWidget(); w.resize(400, 300); w.show(); app.processEvents()\n"
    "print(app.highDpiScaleFactorRoundingPolicy().name, w.devicePixelRatioF())\n"
)


@pytest.mark.parametrize("scale", ["1.25", "1.5", "2"])
def test_fractional_scale_factors_pass_through_unrounded(scale: str) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_SCALE_FACTOR=scale)
    result = subprocess.run(
        [sys.executable, "-c", DPI_PROBE], capture_output=True, text=True, env=env, timeout=60
    )
    assert result.returncode == 0, result.stderr
    policy, ratio = result.stdout.split()
    assert policy == "PassThrough"
    assert float(ratio) == pytest.approx(float(scale))


def test_windows_gets_qts_gdi_font_database_unless_the_user_chose(monkeypatch) -> None:
    """Qt 6.8+ reads every installed font through DirectWrite at start-up (0.23-0.35 s under
    Wine); the app asks for Qt's GDI font database on Windows (make windows-test measures it)."""
    from desktop.app import use_gdi_font_database

    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    use_gdi_font_database("linux")
    assert "QT_QPA_PLATFORM" not in os.environ
    use_gdi_font_database("win32")
    assert os.environ["QT_QPA_PLATFORM"] == "windows:fontengine=gdi"
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")  # the tests', a user's own: kept
    use_gdi_font_database("win32")
    assert os.environ["QT_QPA_PLATFORM"] == "offscreen"


@pytest.mark.slow
@pytest.mark.parametrize("scale", ["1.5", "2"])
def test_the_app_runs_scaled(tmp_path: Path, scale: str) -> None:
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        QT_SCALE_FACTOR=scale,
        HOSO_DATA_DIR=str(tmp_path / "data"),
        HOSO_DOSSIER_ROOT=str(tmp_path / "Hồ sơ"),
    )
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "--smoke"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert f"smoke: ok, device pixel ratio {float(scale):g}" in result.stdout


# --- fonts: bundled, never the system's --------------------------------------------------------

FONT_PROBE = (
    "from PySide6.QtWidgets import QApplication\n"
    "from PySide6.QtGui import QFontInfo, QFontDatabase\n"
    "app = QApplication([])\n"
    "from ui.fonts import register_ui_font\n"
    "family = register_ui_font(app)\n"
    "print(family); print(QFontInfo(app.font()).family()); print(len(QFontDatabase.families()))\n"
)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fontconfig")
def test_ui_font_is_the_bundled_noto_sans_even_without_system_fonts(tmp_path: Path) -> None:
    empty = tmp_path / "fonts.conf"  # a fontconfig that knows no font at all
    empty.write_text(
        f'<?xml version="1.0"?>\n<fontconfig><cachedir>{tmp_path}</cachedir></fontconfig>\n',
        encoding="utf-8",
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", FONTCONFIG_FILE=str(empty))
    result = subprocess.run(
        [sys.executable, "-c", FONT_PROBE], capture_output=True, text=True, env=env, timeout=60
    )
    assert result.returncode == 0, result.stderr
    family, resolved, count = result.stdout.split("\n")[:3]
    assert family == "Noto Sans"
    assert resolved == "Noto Sans"  # what Qt really draws with
    assert int(count) >= 1


def test_pdf_writers_take_fonts_from_resources_only() -> None:
    """No system font path in the code, and every font file it names is bundled."""
    bundled = {p.name for p in (ROOT / "resources" / "fonts").glob("*.ttf")}
    problems = []
    for path in _app_sources():
        text = path.read_text(encoding="utf-8")
        lowered = text.lower()
        for marker in ("/usr/share/fonts", "windows\\\\fonts", "\\fonts\\", "fc-match", "fc-list"):
            if marker in lowered:
                problems.append(f"{path.relative_to(ROOT)}: mentions {marker}")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                name = node.value
                if (
                    name.lower().endswith((".ttf", ".otf"))
                    and "*" not in name
                    and name not in bundled
                ):
                    problems.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.value}")
    assert problems == []
    # every bundled font travels with its licence
    for font in bundled:
        family = font.split("-")[0]
        assert (ROOT / "resources" / "fonts" / f"{family}-LICENSE.txt").exists()


# --- file names legal on Windows --------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("con.pdf", "_con.pdf"),
        ("NUL .txt", "_NUL.txt"),
        ("COM¹.jpg", "_COM¹.jpg"),
        ("lpt0", "_lpt0"),
        ("CONOUT$", "_CONOUT$"),
        ("aux.tar.gz", "_aux.tar.gz"),
        ("Console.pdf", "Console.pdf"),  # only the exact device names are reserved
        ("COM10.pdf", "COM10.pdf"),
        ("Tờ khai. . .", "Tờ khai"),
        ("  Giấy khai sinh  .pdf", "Giấy khai sinh.pdf"),
        ("a\tb\nc.pdf", "a_b_c.pdf"),
        ("....", "tep"),
        (".pdf", "tep.pdf"),
        ("Ho\u0302\u0300 so\u031b.pdf", "Hồ sơ.pdf"),  # macOS-style decomposed input
    ],
)
def test_safe_filename_windows_cases(name: str, expected: str) -> None:
    assert safe_filename(name) == expected
    assert not is_windows_reserved(safe_filename(name))


def test_long_vietnamese_names_fit_linux_255_bytes_and_can_be_written(tmp_path: Path) -> None:
    long_name = "Giấy chứng nhận quyền sử dụng đất của ông Nguyễn Văn Tuấn " * 8 + ".pdf"
    name = safe_filename(long_name)
    assert name.endswith(".pdf")
    assert len(name.encode("utf-8")) <= MAX_NAME_BYTES
    atomic_write_bytes(tmp_path / name, b"%PDF-1.7\n")  # the temp name beside it fits too
    assert (tmp_path / name).read_bytes() == b"%PDF-1.7\n"
    no_extension = safe_filename("x" * 40 + "." + "ệ" * 200)
    assert len(no_extension.encode("utf-8")) <= MAX_NAME_BYTES


def test_portal_names_never_hit_a_reserved_device_name() -> None:
    import dataclasses

    from dossier.catalog import load_catalog
    from dossier.catalog_model import PortalProfile
    from dossier.packaging import portal_file_name

    component = dataclasses.replace(
        load_catalog(None).get("1.001193").components[0], name="Con"
    )  # "con" (child) is a Vietnamese word and a Windows device
    portal = PortalProfile(id="x", name="x", url="https://example.invalid", naming="{slug}")
    name = portal_file_name(portal, 1, component, "pdf")
    assert not is_windows_reserved(name) and name.isascii() and name.endswith(".pdf")
    standard = PortalProfile(id="y", name="y", url="https://example.invalid")
    assert portal_file_name(standard, 1, component, "pdf") == "01_Con.pdf"
