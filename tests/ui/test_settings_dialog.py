from __future__ import annotations

import json

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

    first = Settings(tmp_path / "s.json")
    first.set("recent_dossiers", ["/a", "/b"])
    first.set("clerk_mode", True)
    again = Settings(tmp_path / "s.json")
    assert again.get("recent_dossiers") == ["/a", "/b"]
    assert again.get("clerk_mode") is True
    assert again.get("language") == "vi"  # the declared default


def test_recent_dossiers_are_unique_and_bounded(tmp_path):
    from desktop.settings import MAX_RECENT, Settings

    settings = Settings(tmp_path / "s.json")
    for i in range(MAX_RECENT + 3):
        settings.add_recent(tmp_path / f"d{i}")
    settings.add_recent(tmp_path / "d5")
    recent = settings.get("recent_dossiers")
    assert len(recent) == MAX_RECENT
    assert recent[0] == str(tmp_path / "d5")
    assert len(set(recent)) == len(recent)


def test_settings_of_an_earlier_version_are_migrated_from_the_ini_file(tmp_path):
    from PySide6.QtCore import QSettings

    from desktop.settings import Settings

    legacy = tmp_path / "settings.ini"
    old = QSettings(str(legacy), QSettings.Format.IniFormat)  # as version 1 wrote it
    old.setValue("recent_dossiers", '["/hồ sơ/a"]')
    old.setValue("forms_zoom_percent", "150")
    old.sync()
    del old
    settings = Settings(tmp_path / "settings.json", legacy_ini=legacy)
    assert settings.get("recent_dossiers") == ["/hồ sơ/a"]
    assert settings.get("forms_zoom_percent") == 150
    settings.flush()
    stored = json.loads((tmp_path / "settings.json").read_text(encoding="utf-8"))
    assert stored["forms_zoom_percent"] == 150


def test_a_burst_of_changes_is_written_once_settled_and_a_broken_file_gives_defaults(tmp_path):
    from desktop.settings import Settings

    path = tmp_path / "settings.json"
    settings = Settings(path)
    for percent in (50, 75, 100, 125, 150, 200, 300, 200):
        settings.set("forms_zoom_percent", percent)
    assert settings.get("forms_zoom_percent") == 200  # at once, before the file is written
    settings.flush()
    assert json.loads(path.read_text(encoding="utf-8"))["forms_zoom_percent"] == 200
    path.write_text("{not json", encoding="utf-8")
    assert Settings(path).get("forms_zoom_percent") == 0  # the declared default: fit width
