"""Start-up does only what the first window needs (bench/startup measures the time).

Two costs are kept off the path to the shown window: PySide's `Qt` enum namespace (about a
hundred enums, ~15 ms to create) and PySide's source check of each imported module through
inspect.getsource (~0.6 ms a module), answered from the file instead (ui/qt.py).
"""

from __future__ import annotations

import subprocess
import sys

import pytest

PROBE = (
    "import sys\n"
    "import PySide6.QtCore as core\n"
    "from desktop.app import main\n"
    "status = main(['--startup-probe'])\n"
    "print('Qt namespace created:', 'Qt' in core.__dict__)\n"
    "print('loaded:', ' '.join(sorted(sys.modules)))\n"
    "raise SystemExit(status)\n"
)
# Extension modules that are a DLL of their own on Windows, each 5-45 ms to load under Wine
# (measured with python.org's 3.11 there): nothing on the way to the first window needs them.
# (_ctypes is also one, but Linux uses it at start-up for glibc's allocator: ui/memory.py.)
WINDOWS_DLL_MODULES = ("_hashlib", "unicodedata", "_ssl", "_decimal", "_sqlite3", "pyexpat")


def test_the_window_shows_without_creating_the_qt_namespace(app_env) -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, env=app_env, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert "shown" in result.stdout
    assert "Qt namespace created: False" in result.stdout, (
        "something on the start-up path uses `Qt` (ui/qt.py explains how to avoid it)"
    )


def test_the_fast_source_check_gives_pysides_own_answers() -> None:
    import ui.qt  # noqa: F401  (installs the check)

    feature = sys.modules["shibokensupport.feature"]
    check = feature._mod_uses_pyside
    if getattr(check, "original", None) is None:
        pytest.fail("ui.qt did not install the file-reading check")
    modules = [
        module
        for _name, module in sorted(sys.modules.items())
        if str(getattr(module, "__file__", "")).endswith(".py")
    ]
    answers = {module.__name__: check(module) for module in modules}
    assert answers == {module.__name__: check.original(module) for module in modules}
    assert answers["ui.qt"] is True  # imports PySide6 by name
    assert answers["json"] is False


def test_the_window_shows_without_loading_windows_dll_modules(app_env) -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, env=app_env, timeout=60
    )
    assert result.returncode == 0, result.stderr
    loaded = set(result.stdout.split("loaded:", 1)[1].split())
    assert not loaded & set(WINDOWS_DLL_MODULES), "import them where they are used"


def test_the_startup_probe_leaves_no_running_marker(app_env, tmp_path) -> None:
    """A probe that exits normally is not a crash: bench/startup starts the app a dozen times in
    one data folder, and a marker left behind made every next start check for a crashed run
    (ctypes on Windows: 45 ms under Wine), which a user's normal start never does."""
    for _ in range(2):
        done = subprocess.run(
            [sys.executable, "-m", "desktop", "--startup-probe"],
            capture_output=True, text=True, env=app_env, timeout=60,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        assert not list((tmp_path / "data").glob("running-*.json"))
