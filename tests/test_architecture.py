"""The core packages never import Qt, ui or desktop (ARCHITECTURE.md)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORE = ("common", "dossier", "forms", "scanning", "signing")
FORBIDDEN = ("PySide6", "ui", "desktop", "shiboken6")


def imported_modules(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def core_files() -> list[Path]:
    return [p for pkg in CORE if (ROOT / pkg).is_dir() for p in (ROOT / pkg).rglob("*.py")]


def test_core_sources_do_not_import_gui_layers():
    offenders = [
        f"{path.relative_to(ROOT)} imports {name}"
        for path in core_files()
        for name in imported_modules(path)
        if name.split(".")[0] in FORBIDDEN
    ]
    assert offenders == []


def test_the_check_catches_a_forbidden_import(tmp_path):
    sample = tmp_path / "bad.py"
    sample.write_text("def f():\n    from PySide6 import QtCore\n", encoding="utf-8")
    assert "PySide6" in imported_modules(sample)


@pytest.mark.parametrize("package", [p for p in CORE if (ROOT / p).is_dir()])
def test_importing_a_core_package_loads_no_qt(package):
    code = (
        "import importlib, pkgutil, sys\n"
        f"pkg = importlib.import_module({package!r})\n"
        "for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):\n"
        "    importlib.import_module(m.name)\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'ui', 'desktop')]\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert out.stdout.strip() == ""


def test_no_merge_conflict_markers_in_tracked_files():
    files = subprocess.run(
        ["git", "ls-files"], capture_output=True, text=True, cwd=ROOT, check=True
    ).stdout.split()
    markers = ("<<<<<<< ", ">>>>>>> ")
    offenders = []
    for name in files:
        path = ROOT / name
        if path.suffix in {".png", ".jpg", ".pdf", ".ttf", ".hoso"} or not path.is_file():
            continue
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except UnicodeDecodeError:
            continue
        offenders += [name for line in lines if line.startswith(markers)]
    assert offenders == []


# ---- one façade per core package; fronts that build no dossier path (issue 17) ---------------
FACADES = ("dossier", "forms", "scanning", "signing")
FRONTS = ("ui", "desktop")
DOSSIER_PATH_PARTS = {"originals", "work", "export", "dossier.json", "dossier.json.bak"}


def _facade_rules() -> tuple[dict[str, set[str]], set[str]]:
    """(package -> names it exports, submodules a façade exports whole)."""
    from common.facade import exported

    names: dict[str, set[str]] = {}
    modules: set[str] = set()
    for package in FACADES:
        exports = exported(package)
        names[package] = set(exports)
        modules |= {target[:-1] for target in exports.values() if target.endswith(":")}
    return names, modules


def facade_violations(path: Path, own_package: str | None = None) -> list[str]:
    """Imports of a core package other than through its façade (`own_package` may import
    its own modules)."""
    names, modules = _facade_rules()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                package = alias.name.split(".")[0]
                if package in FACADES and package != own_package and alias.name != package:
                    found.append(f"{path.name}:{node.lineno} import {alias.name}")
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            package = node.module.split(".")[0]
            if package not in FACADES or package == own_package or node.module in modules:
                continue
            if node.module != package:
                found.append(f"{path.name}:{node.lineno} from {node.module}")
                continue
            unknown = [a.name for a in node.names if a.name not in names[package]]
            if unknown:
                found.append(f"{path.name}:{node.lineno} {package} has no {', '.join(unknown)}")
    return found


def test_the_fronts_import_only_facades():
    offenders = [
        f"{path.relative_to(ROOT)}: {problem}"
        for front in FRONTS
        for path in (ROOT / front).rglob("*.py")
        for problem in facade_violations(path)
    ]
    assert offenders == []


def test_core_packages_use_each_others_facades_only():
    offenders = [
        f"{path.relative_to(ROOT)}: {problem}"
        for package in FACADES
        for path in (ROOT / package).rglob("*.py")
        for problem in facade_violations(path, own_package=package)
    ]
    assert offenders == []


def test_the_facade_check_catches_an_internal_import(tmp_path):
    sample = tmp_path / "page.py"
    sample.write_text(
        "from dossier.workspace import Workspace\n"
        "import scanning.detection\n"
        "from signing import not_exported\n"
        "from dossier import Workspace, actions\n"
        "from dossier.actions import import_files\n",
        encoding="utf-8",
    )
    problems = facade_violations(sample)
    assert len(problems) == 3, problems
    assert facade_violations(sample, own_package="dossier") == problems[1:]


def dossier_paths_built(path: Path) -> list[str]:
    """`root / "work"`-style joins and "dossier.json" names: the workspace owns those."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.BinOp)
            and isinstance(node.op, ast.Div)
            and isinstance(node.right, ast.Constant)
            and node.right.value in DOSSIER_PATH_PARTS
        ):
            found.append(f"{path.name}:{node.lineno} / {node.right.value!r}")
        elif isinstance(node, ast.Constant) and node.value in ("dossier.json", "dossier.json.bak"):
            found.append(f"{path.name}:{node.lineno} {node.value!r}")
    return found


def test_the_fronts_build_no_dossier_path():
    offenders = [
        f"{path.relative_to(ROOT)}: {problem}"
        for front in FRONTS
        for path in (ROOT / front).rglob("*.py")
        for problem in dossier_paths_built(path)
    ]
    assert offenders == []


def test_the_path_check_catches_a_built_path(tmp_path):
    sample = tmp_path / "page.py"
    sample.write_text(
        'target = session.root / "work" / "a.pdf"\nok = (folder / "dossier.json").exists()\n',
        encoding="utf-8",
    )
    lines = {problem.split(":")[1].split()[0] for problem in dossier_paths_built(sample)}
    assert lines == {"1", "2"}
