"""Tests of the dossier package match the English source messages."""

from __future__ import annotations

import pytest

from common import i18n


@pytest.fixture(autouse=True)
def _english_messages():
    i18n.set_language("en")
    yield
