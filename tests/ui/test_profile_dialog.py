"""The citizen profile dialog: wide enough for a whole name, lists where the answer is one of a
known few (walk-through: the fields were 125 px wide, sex/ethnicity/nationality free text)."""

from __future__ import annotations

from forms import ETHNIC_GROUPS, Profile
from ui.profile_dialog import ProfileDialog
from ui.qt import QtWidgets


def test_fields_show_a_whole_name_and_lists_offer_the_known_answers(qtbot) -> None:
    dialog = ProfileDialog(None)
    qtbot.addWidget(dialog)
    dialog.show()
    name = dialog.edits["full_name"]
    name.setText("Nguyễn Thị Hồng Nhung")
    assert name.width() > name.fontMetrics().horizontalAdvance(name.text()) + 20
    sex, ethnicity = dialog.edits["sex"], dialog.edits["ethnicity"]
    assert isinstance(sex, QtWidgets.QComboBox) and not sex.isEditable()
    assert [sex.itemText(i) for i in range(sex.count())] == ["", "Nam", "Nữ"]
    assert sex.currentText() == ""  # nothing chosen for the person
    assert isinstance(ethnicity, QtWidgets.QComboBox) and ethnicity.count() == 1 + len(
        ETHNIC_GROUPS
    )
    nationality = dialog.edits["nationality"]
    assert isinstance(nationality, QtWidgets.QComboBox) and nationality.isEditable()
    sex.setCurrentText("Nữ")
    ethnicity.setCurrentText("Ê Đê")
    nationality.setCurrentText("Lào")  # typed: not in the list, still taken
    dialog.accept()
    saved = dialog.result_profile
    assert (saved.full_name, saved.sex, saved.ethnicity, saved.nationality) == (
        "Nguyễn Thị Hồng Nhung", "Nữ", "Ê Đê", "Lào")  # fmt: skip


def test_a_value_written_before_stays_when_the_list_lacks_it(qtbot) -> None:
    profile = Profile(id="p1", full_name="Lò Văn Páo", ethnicity="Thái Đen")
    dialog = ProfileDialog(profile)
    qtbot.addWidget(dialog)
    assert dialog.edits["ethnicity"].currentText() == "Thái Đen"
    dialog.accept()
    assert dialog.result_profile.ethnicity == "Thái Đen"
