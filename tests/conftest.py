"""Shared fixtures: the testdata folder (../shared/testdata), a private data dir per test."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Qt widgets run offscreen in tests, before any QApplication exists.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
TESTDATA = Path(os.environ.get("HOSO_TESTDATA", ROOT.parent / "shared" / "testdata"))


def testdata_path(*parts: str) -> Path:
    """A file of ../shared/testdata; skips the test when the folder is absent (fails under CI)."""
    if not TESTDATA.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"test data folder missing under CI: {TESTDATA}")
        pytest.skip(f"test data folder not found: {TESTDATA} (set HOSO_TESTDATA)")
    path = TESTDATA.joinpath(*parts)
    if not path.exists():
        pytest.fail(f"test data file missing: {path}")
    return path


@pytest.fixture
def testdata():
    return testdata_path


@pytest.fixture(autouse=True)
def _private_user_dirs(tmp_path_factory, monkeypatch):
    """Every test gets its own data folder and dossier root: nothing touches the real home."""
    base = tmp_path_factory.mktemp("userdata")
    monkeypatch.setenv("HOSO_DATA_DIR", str(base / "data"))
    monkeypatch.setenv("HOSO_DOSSIER_ROOT", str(base / "dossiers"))
    from common import i18n

    i18n.set_language("vi")
    yield
    i18n.set_language("vi")


@pytest.fixture
def shown_errors():
    """Error dialogs are shown without a modal loop and collected here (GUI tests)."""
    from ui import error_dialog

    dialogs: list = []

    def present(dialog):
        dialog.show()
        dialogs.append(dialog)

    error_dialog.set_presenter(present)
    yield dialogs
    error_dialog.set_presenter(None)
    for dialog in dialogs:
        dialog.close()
