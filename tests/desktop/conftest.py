"""Shared fixtures of the desktop tests."""

from __future__ import annotations

import os

import pytest


@pytest.fixture
def app_env(tmp_path) -> dict[str, str]:
    """Environment of a real app process: offscreen Qt, data and dossiers in tmp_path."""
    return dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        HOSO_DATA_DIR=str(tmp_path / "data"),
        HOSO_DOSSIER_ROOT=str(tmp_path / "dossiers"),
    )
