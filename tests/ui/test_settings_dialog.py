from __future__ import annotations

from ui.settings_dialog import SettingsDialog


def test_settings_dialog_saves_language_folder_and_mode(app_context, qtbot, tmp_path):
    dialog = SettingsDialog(app_context)
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.folder.setText(str(tmp_path / "Hồ sơ của tôi"))
    dialog.clerk_mode.setChecked(True)
    dialog.accept()
    settings = app_context.settings
    assert settings.get("language") == "en"
    assert settings.get("dossier_root") == str(tmp_path / "Hồ sơ của tôi")
    assert settings.get("clerk_mode") is True
    assert app_context.dossier_root == tmp_path / "Hồ sơ của tôi"


def test_settings_keep_their_types_across_restarts(tmp_path):
    from desktop.settings import Settings

    first = Settings(tmp_path / "s.ini")
    first.set("recent_dossiers", ["/a", "/b"])
    first.set("clerk_mode", True)
    again = Settings(tmp_path / "s.ini")
    assert again.get("recent_dossiers") == ["/a", "/b"]
    assert again.get("clerk_mode") is True
    assert again.get("language") == "vi"  # the declared default


def test_recent_dossiers_are_unique_and_bounded(tmp_path):
    from desktop.settings import MAX_RECENT, Settings

    settings = Settings(tmp_path / "s.ini")
    for i in range(MAX_RECENT + 3):
        settings.add_recent(tmp_path / f"d{i}")
    settings.add_recent(tmp_path / "d5")
    recent = settings.get("recent_dossiers")
    assert len(recent) == MAX_RECENT
    assert recent[0] == str(tmp_path / "d5")
    assert len(set(recent)) == len(recent)
