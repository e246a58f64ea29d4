"""Who each role of a form is: citizen profiles per role, editing them, the CCCD QR code, the
applicant (a mixin of FormsPage)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from common.i18n import N_, _
from ui.qt import QtWidgets

if TYPE_CHECKING:
    from forms import Profile

ROLE_LABELS = {
    "requester": N_("Requester"),
    "father": N_("Father"),
    "mother": N_("Mother"),
    "child": N_("Child"),
    "spouse": N_("Spouse"),
    "deceased": N_("The deceased"),
    "witness": N_("Witness"),
    "grantor": N_("Grantor (bên ủy quyền)"),
    "grantee": N_("Grantee (người được ủy quyền)"),
    "insured": N_("The insured"),
    "employer": N_("Employer"),
    "guardian": N_("Guardian"),
    "ward": N_("Ward (người được giám hộ)"),
}


def person_label(person: str | None) -> str:
    """A person of the form in the app's language ("other:2" -> "Other person 2")."""
    if not person:
        return _("The form itself")
    if person in ROLE_LABELS:
        return _(ROLE_LABELS[person])
    kind, _sep, number = person.partition(":")
    if kind == "other":
        return _("Other person {number}").format(number=number)
    if kind == "member":
        return _("Household member {number}").format(number=number)
    return person


def is_person_role(person: str | None) -> bool:
    """A person the form is about who can be given a profile (not the office, not the form)."""
    return bool(person) and (person in ROLE_LABELS or str(person).startswith(("other:", "member:")))


class ProfileRoles:
    """Who each role of a form is: methods of FormsPage, which inherits them."""

    def _store(self):
        from forms import ProfileStore

        return ProfileStore(self.context.profiles_dir)

    def refresh_profiles(self) -> None:
        self.profiles = self._store().list()
        stored = self._stored_roles()
        for role, combo in self.role_combos.items():
            current = combo.currentData() or stored.get(role)
            if current is None and role == "requester":
                current = self._applicant_profile()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(_("(nobody)"), None)
            for profile in self.profiles:
                combo.addItem(f"{profile.full_name} ({profile.date_of_birth or profile.id})",
                              profile.id)  # fmt: skip
            index = combo.findData(current)
            combo.setCurrentIndex(max(0, index))
            combo.blockSignals(False)
            combo.setAccessibleName(self.roles_layout.labelForField(combo).text() if
                                    self.roles_layout.labelForField(combo) else role)  # fmt: skip

    def _applicant_profile(self) -> str | None:
        """The saved profile of the dossier's applicant ("new dossier for the same citizen"
        starts with the applicant): by ID number, else by name and date of birth."""
        if self.session is None:
            return None
        applicant = self.session.dossier.applicant
        wanted_id = applicant.get("personal_id", "")
        for profile in self.profiles:
            if wanted_id and profile.personal_id == wanted_id:
                return profile.id
        for profile in self.profiles:
            if (
                not wanted_id
                and applicant.get("full_name")
                and (profile.full_name, profile.date_of_birth)
                == (applicant.get("full_name"), applicant.get("date_of_birth", ""))
            ):
                return profile.id
        return None

    def _roles(self) -> list[str]:
        roles = list(self.template_roles) or ["requester"]
        if self.info is not None:
            for item in self.info.items:
                if is_person_role(item.person) and item.person not in roles:
                    roles.append(item.person)
        return roles

    def _refresh_roles(self) -> None:
        while self.roles_layout.rowCount():
            self.roles_layout.removeRow(0)
        self.role_combos = {}
        for role in self._roles():
            combo = QtWidgets.QComboBox()
            combo.setSizeAdjustPolicy(  # long names shrink with the panel (150 % scaling)
                QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(10)
            # known roles in the app's language; the template's own label otherwise
            label = self.template_roles.get(role) if role not in ROLE_LABELS else None
            label = label or person_label(role)
            self.roles_layout.addRow(label, combo)
            self.role_combos[role] = combo
            combo.currentIndexChanged.connect(self._store_roles)
        self.refresh_profiles()

    def select_profile(self, role: str, profile_id: str) -> None:
        combo = self.role_combos[role]
        combo.setCurrentIndex(max(0, combo.findData(profile_id)))

    def chosen_profiles(self) -> dict[str, Profile]:
        by_id = {p.id: p for p in self.profiles}
        chosen = {}
        for role, combo in self.role_combos.items():
            profile = by_id.get(combo.currentData())
            if profile is not None:
                chosen[role] = profile
        return chosen

    def _run_dialog(self, dialog: QtWidgets.QDialog) -> bool:
        """Show a dialog modally (tests replace this to answer it)."""
        return dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted

    def edit_profile(self, profile: Profile | None, role: str = "requester") -> Profile | None:
        """Create (profile None) or edit a profile; saved at once, selected for `role`."""
        from ui.profile_dialog import ProfileDialog

        dialog = ProfileDialog(profile, self)
        accepted = self._run_dialog(dialog)
        saved = dialog.result_profile
        dialog.deleteLater()  # a child of the page: kept for ever otherwise (soak, issue 12)
        if not accepted or saved is None:
            return None
        self._store().save(saved)
        self.refresh_profiles()
        if role in self.role_combos:
            self.select_profile(role, saved.id)
        return saved

    def add_person(self) -> Profile | None:
        """A new profile; the form's requester when it has none yet, and the status line says
        so. Any other role is the user's choice: a guess could put the father in the child's
        block."""
        combo = self.role_combos.get("requester")
        free = "requester" if combo is not None and combo.currentData() is None else None
        saved = self.edit_profile(None, role=free or "")
        if saved is not None:
            if free is not None:
                message = _("{name} is the {role} of this form (change it above).").format(
                    name=saved.full_name, role=person_label(free).lower()
                )
            else:
                message = _("{name} saved: choose the role above.").format(name=saved.full_name)
            self.status.setText(message)
        return saved

    def _requester(self) -> Profile | None:
        return self.chosen_profiles().get("requester")

    def _edit_requester(self) -> None:
        profile = self._requester()
        self.edit_profile(profile)

    def _delete_requester(self) -> None:
        profile = self._requester()
        if profile is None:
            return
        question = _("Delete the profile of {name}? This cannot be undone.").format(
            name=profile.full_name
        )
        if self.context.dialogs.confirm(_("Delete profile"), question):
            self._store().delete(profile.id)
            self.refresh_profiles()

    def _record_applicant(self) -> None:
        """The requester becomes the dossier's applicant: the dossier list (clerk mode) finds
        the dossier by name and ID number, and "new dossier for the same citizen" reuses it."""
        requester = self._requester()
        if self.session is None or requester is None:
            return
        import dataclasses

        values = {
            key: value
            for key, value in dataclasses.asdict(requester).items()
            if isinstance(value, str) and value and key != "id"
        }
        from dossier.actions import set_applicant

        if set_applicant(self.session.workspace, values):
            self.session.mark_changed()

    def _qr_clicked(self) -> None:
        path = self.context.dialogs.open_file(
            _("Photo of the chip ID card"), _("Images (*.jpg *.jpeg *.png *.heic *.tif *.bmp)")
        )
        if path is None:
            return

        def job(progress, cancel):
            from forms import read_cccd

            return read_cccd(Path(path))

        def done(data) -> None:
            profile = self._store().add(**data.profile_values())
            self.refresh_profiles()
            if "requester" in self.role_combos:
                self.select_profile("requester", profile.id)
            self.status.setText(_("Profile of {name} created from the QR code.").format(
                name=profile.full_name))  # fmt: skip

        self.context.run_job(job, done, self._report, title=_("Reading the QR code"))

    def _stored_roles(self) -> dict[str, str]:
        """Who each role is (profile ids), as chosen for this form in this dossier."""
        if self.session is None:
            return {}
        state = self.session.dossier.forms.get(self.form_key)
        return {k: v for k, v in state.roles.items() if v} if state is not None else {}

    def _store_roles(self) -> None:
        """Kept in the dossier as soon as chosen: a crash or a restart loses no choice."""
        from dossier.actions import store_form_roles

        if self.session is None or not self.form_key:
            return
        roles = {role: combo.currentData() for role, combo in self.role_combos.items()}
        if store_form_roles(self.session.workspace, self.form_key, roles):
            self.session.mark_changed()
