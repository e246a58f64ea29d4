"""Fixtures of the dossier tests."""

from __future__ import annotations

import pytest

from common import i18n


@pytest.fixture
def english_messages():
    """Match the English source messages (use with pytestmark = usefixtures(...))."""
    i18n.set_language("en")
    yield
    i18n.set_language("vi")
