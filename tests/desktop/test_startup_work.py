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
    "import PySide6.QtCore as core\n"
    "from desktop.app import main\n"
    "status = main(['--startup-probe'])\n"
    "print('Qt namespace created:', 'Qt' in core.__dict__)\n"
    "raise SystemExit(status)\n"
)


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
