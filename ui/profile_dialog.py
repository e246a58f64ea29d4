"""Create or edit a citizen profile (forms.profiles.Profile) in a small form dialog."""

from __future__ import annotations

import dataclasses

from common.errors import ValidationError
from common.i18n import N_, _
from forms import ETHNIC_GROUPS, NATIONALITIES, SEXES, Profile, check_profile, new_profile_id
from ui.qt import QtCore, QtWidgets

#: profile fields shown, in order, with their English label (translated when shown)
FIELDS = (
    ("full_name", N_("Full name")),
    ("date_of_birth", N_("Date of birth (dd/mm/yyyy)")),
    ("sex", N_("Sex")),
    ("ethnicity", N_("Ethnicity")),
    ("nationality", N_("Nationality")),
    ("personal_id", N_("Personal ID number (12 digits)")),
    ("id_issue_date", N_("ID issued on")),
    ("id_issue_place", N_("ID issued by")),
    ("permanent_residence", N_("Permanent residence")),
    ("current_residence", N_("Current residence")),
    ("hometown", N_("Hometown")),
    ("place_of_birth", N_("Place of birth")),
    ("phone", N_("Phone")),
    ("email", N_("Email")),
    ("occupation", N_("Occupation")),
    ("relationship", N_("Relationship (to the person the form is about)")),
)


class ProfileDialog(QtWidgets.QDialog):
    """Edits a copy of a profile; `result_profile` holds the validated profile after OK."""

    def __init__(self, profile: Profile | None, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Citizen profile"))
        self.original = profile
        self.result_profile: Profile | None = None
        layout = QtWidgets.QVBoxLayout(self)
        form = QtWidgets.QFormLayout()
        form.setFieldGrowthPolicy(QtWidgets.QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.edits: dict[str, QtWidgets.QWidget] = {}
        # a whole name or address shows: about 42 characters wide (it was 125 px, "ễn Thị Hồng")
        width = self.fontMetrics().averageCharWidth() * 42
        for name, label in FIELDS:
            edit = _editor_for(name, getattr(profile, name, "") if profile else "")
            edit.setAccessibleName(_(label))
            edit.setMinimumWidth(width)
            form.addRow(_(label), edit)
            self.edits[name] = edit
        layout.addLayout(form)
        self.error = QtWidgets.QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b71c1c")
        layout.addWidget(self.error)
        buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok).setText(_("Save"))
        buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def accept(self) -> None:
        values = {name: _text_of(edit).strip() for name, edit in self.edits.items()}
        base = self.original or Profile(id=new_profile_id(values["full_name"]), full_name="-")
        try:
            self.result_profile = check_profile(dataclasses.replace(base, **values))
        except ValidationError as exc:
            self.error.setText(exc.message)
            return
        super().accept()


CHOICES = {"sex": SEXES, "ethnicity": ETHNIC_GROUPS, "nationality": NATIONALITIES}


def _editor_for(name: str, value: str) -> QtWidgets.QWidget:
    """A line edit; for sex, ethnicity and nationality a list to choose from (or type in, for
    a nationality or a spelling the list lacks). Nothing is chosen for the person."""
    choices = CHOICES.get(name)
    if choices is None:
        return QtWidgets.QLineEdit(value)
    box = QtWidgets.QComboBox()
    box.setEditable(name != "sex")
    box.addItems(["", *choices])
    box.setMaxVisibleItems(15)
    if box.isEditable():
        box.setInsertPolicy(QtWidgets.QComboBox.InsertPolicy.NoInsert)
        completer = box.completer()
        completer.setCaseSensitivity(QtCore.Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(QtCore.Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QtWidgets.QCompleter.CompletionMode.PopupCompletion)
    if value and box.findText(value) < 0:
        box.addItem(value)  # a value written earlier stays as it is
    box.setCurrentText(value)
    return box


def _text_of(widget: QtWidgets.QWidget) -> str:
    return widget.currentText() if isinstance(widget, QtWidgets.QComboBox) else widget.text()
