"""Saving the filled form of the forms page: in the open dossier's folder without a question,
"Save as…" where the user says; the saved form becomes its component's file. A mixin of
FormsPage."""

from __future__ import annotations

from pathlib import Path

from common.errors import HosoError
from common.i18n import _


class FormSaving:
    """Needs from the page: context, session, info, form_path, form_key, password, values,
    saved_paths, status, status_changed, problems_now, _finish_editing, _report."""

    def save(self) -> None:
        """Write an editable copy (fields kept) and a flattened copy for upload: in the open
        dossier's folder at once (no question each time); outside a dossier, where the user
        says."""
        if self.info is None or self.form_path is None:
            return
        target = self._dossier_output()
        if target is None:
            self.save_as()
        else:
            self._save_to(target)

    def save_as(self) -> None:
        """Save the filled form where the user chooses (a copy for elsewhere)."""
        if self.info is None or self.form_path is None:
            return
        from forms import is_word_file

        self._finish_editing()
        word = is_word_file(self.form_path)
        kind = "Word (*.docx)" if word else "PDF (*.pdf)"
        target = self.context.dialogs.save_file(
            _("Save the filled form"), kind, self._dossier_output()
        )
        if target is not None:
            self._save_to(Path(target))

    def _dossier_output(self) -> Path | None:
        """Where the form is saved in the open dossier (None without one)."""
        if self.session is None or self.form_path is None:
            return None
        from forms import is_word_file

        stem = Path(self.form_key or self.form_path.name).stem
        target = self.session.workspace.form_output(stem)
        # a Word form is saved as .docx (and its PDF when possible)
        return target.with_suffix(".docx") if is_word_file(self.form_path) else target

    def _save_to(self, target: Path) -> None:
        from dossier.actions import FormSaveOptions, fill_form
        from forms import is_word_file

        self._finish_editing()
        word = is_word_file(self.form_path)
        # a signed form is only updated incrementally: no flattened copy (it breaks signatures)
        options = FormSaveOptions(Path(target), password=self.password, signed=self.info.signed)
        source, values = self.form_path, dict(self.values)

        def job(progress, cancel):
            return fill_form(source, values, options, progress, cancel)

        def done(saved) -> None:
            self.saved_paths = (saved.editable, saved.flattened)
            self._record_saved(saved, values)
            if word and saved.flattened is None:
                from forms import why_no_pdf_signature

                self.status.setText(_("Saved {file}. {why}.").format(
                    file=saved.editable.name, why=why_no_pdf_signature()))  # fmt: skip
            elif saved.flattened is None:
                self.status.setText(_("Saved {editable} (the form is signed: no flattened copy).")
                                    .format(editable=saved.editable.name))  # fmt: skip
            else:
                self.status.setText(_("Saved {editable} and, for upload, {flat}.").format(
                    editable=saved.editable.name, flat=saved.flattened.name))  # fmt: skip
            self.status_changed.emit()

        self.context.run_job(job, done, self._report, title=_("Saving the form"))

    def _form_component(self) -> str | None:
        """The component of the dossier's procedure this form is the template of."""
        if self.session is None or not self.form_key:
            return None
        procedure = self.context.procedure(self.session.dossier.procedure_code)
        if procedure is None:
            return None
        chosen = next((c for c in procedure.components if c.form_template == self.form_key), None)
        if chosen is None:  # a form downloaded from the portal goes into the form slot
            chosen = next((c for c in procedure.components if c.form_template), None)
        return chosen.id if chosen is not None else None

    def _record_saved(self, saved, values: dict[str, str]) -> None:
        """The saved form becomes the file of its component (replacing the previous save),
        so the steps "Digital signature" and "Package & submit" use it."""
        from dossier.actions import record_saved_form

        if self.session is None or not self.form_key:
            return
        problems = len(self.problems_now())
        try:
            record_saved_form(self.session.workspace, self.form_key, saved, values, problems,
                              self._form_component())  # fmt: skip
        except HosoError as exc:
            self._report(exc, "")
            return
        finally:
            self.session.mark_changed()
