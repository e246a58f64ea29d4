"""Qt fixtures: an app context on temporary folders, dialogs answered by a stub."""

from __future__ import annotations

import pytest


@pytest.fixture
def app_context(qapp, tmp_path, shown_errors):
    from desktop.settings import Settings
    from ui.context import AppContext
    from ui.dialogs import StubDialogService

    context = AppContext(
        settings=Settings(tmp_path / "settings.json"),
        data_dir=tmp_path / "data",
        dossier_root=tmp_path / "dossiers",
        profiles_dir=tmp_path / "profiles",
        catalog_dir=tmp_path / "data" / "catalog",
    )
    context.dialogs = StubDialogService()
    return context


@pytest.fixture
def main_window(qtbot, app_context):
    from ui.main_window import MainWindow

    window = MainWindow(app_context)
    qtbot.addWidget(window)
    window.show()
    yield window
    if window.session is not None:
        window.session.close()
        window.session = None
