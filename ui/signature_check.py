"""Checking signatures on the sign page: trusted roots, another PDF, the report as rich text (a
mixin of SignPage)."""

from __future__ import annotations

import html
from pathlib import Path

from common.i18n import _, format_datetime


class SignatureCheck:
    """Checking signatures on the sign page: methods of SignPage, which inherits them."""

    def _trust_roots(self) -> tuple[Path, ...]:
        return tuple(Path(p) for p in self.context.settings.get("trusted_certificates"))

    def _add_trusted_root(self) -> None:
        path = self.context.dialogs.open_file(
            _("Choose a trusted root certificate"), _("Certificates (*.pem *.crt *.cer *.der)")
        )
        if path is None:
            return
        roots = list(self.context.settings.get("trusted_certificates"))
        if str(path) not in roots:
            roots.append(str(path))
            self.context.settings.set("trusted_certificates", roots)
        pdf = self.selected_pdf()
        if pdf is not None:
            self.check_pdf(pdf.path)

    def _check_other_pdf(self) -> None:
        path = self.context.dialogs.open_file(_("Choose a PDF to check"), _("PDF files (*.pdf)"))
        if path is not None:
            self.check_pdf(path)

    def check_pdf(self, path: Path) -> None:
        from signing import VerifyOptions, verify

        options = VerifyOptions(trust_roots=self._trust_roots())
        self.report_view.setPlainText(_("Checking signatures…"))
        self._check_generation = getattr(self, "_check_generation", 0) + 1
        generation = self._check_generation

        def latest_only(show):  # an older check finishing late must not replace a newer one
            return lambda *args: show(*args) if generation == self._check_generation else None

        self.context.run_job(
            lambda progress, cancel: verify(path, options, progress, cancel),
            latest_only(self._show_report),
            latest_only(self._report_failed),
            title=_("Checking signatures"),
        )

    def _report_failed(self, exc: BaseException, details: str) -> None:
        self.last_report = None
        self.signed_version_button.setEnabled(False)
        self.report_view.setPlainText(str(getattr(exc, "user_message", lambda: exc)()))

    def _view_signed_version(self) -> None:
        """Write the version the (first changed) signature covers to a temporary file, then show
        it beside the file now ("Xem bản đã ký")."""
        report = self.last_report
        number = _signature_to_view(report) if report is not None else None
        if number is None:
            return
        sig = report.signatures[number - 1]
        path = report.path

        def work(progress, cancel):
            import tempfile

            from signing import VerifyOptions, signed_version

            data = signed_version(path, number, VerifyOptions())
            folder = Path(tempfile.mkdtemp(prefix="hoso-signed-"))
            target = folder / f"{path.stem} (v{sig.signed_version}).pdf"
            target.write_bytes(data)
            return target

        self.context.run_job(
            work,
            lambda signed: self._open_signed_view(signed, path, sig),
            self._report_failed_quietly,
            title=_("Signed version"),
        )

    def _open_signed_view(self, signed: Path, current: Path, sig) -> None:
        from ui.signed_version_view import SignedVersionDialog

        self.signed_view = SignedVersionDialog(self.context, signed, current, sig, self)
        self.signed_view.show()

    def _report_failed_quietly(self, exc: BaseException, details: str) -> None:
        from ui.error_dialog import show_error

        show_error(self, exc, details)

    def _show_report(self, report) -> None:
        from signing import verdict_label as label

        self.last_report = report
        self.signed_version_button.setEnabled(_signature_to_view(report) is not None)
        parts = [f"<p><b>{html.escape(report.path.name)}</b>: {html.escape(report.verdict)}</p>"]
        for i, sig in enumerate(report.signatures, 1):
            colour = "#1b7f3b" if sig.ok else "#b3261e"
            when = format_datetime(sig.claimed_time) if sig.claimed_time else "-"
            rows = [
                (_("Result"), label(sig.level)),
                (_("Signer"), sig.signer or "?"),
                (_("Issued by"), sig.issuer or "?"),
                (_("Signing time"), when),
                (
                    _("Timestamp"),
                    format_datetime(sig.timestamp_time) if sig.timestamp_time else "-",
                ),
                (_("Signed part"), label(sig.coverage)),
                (_("Changes after signing"), label(sig.changes)),
                (_("Level"), sig.pades_level),
                (_("Revocation (OCSP/CRL)"), label(sig.revocation)),
            ]
            # the table takes the panel's whole width, names and values side by side
            table = "".join(
                f"<tr><td width='42%'>{html.escape(k)}</td><td>{html.escape(v)}</td></tr>"
                for k, v in rows
            )
            parts.append(
                f"<p style='color:{colour}'><b>#{i}</b> {html.escape(sig.verdict)}</p>"
                f"<table width='100%' cellspacing='0' cellpadding='2'>{table}</table>"
                + _report_details(sig)
            )
        parts += [f"<p><i>{html.escape(note)}</i></p>" for note in report.notes]
        if report.signatures and not report.trust_store_used:
            parts.append(
                "<p><i>"
                + html.escape(
                    _(
                        "Trust was not checked: add the root certificate of your CA to judge "
                        "whether the signer is trusted."
                    )
                )
                + "</i></p>"
            )
        self.report_view.setHtml("".join(parts))


def _report_details(sig) -> str:
    """A signature's problems, notes and the versions saved after it, as HTML lists."""
    items = [f"<li>{html.escape(p.text)}</li>" for p in sig.problems]
    items += [f"<li><i>{html.escape(n)}</i></li>" for n in sig.notes]
    for version in sig.later:
        if version.archival_only:
            state = _("archival data only")
        elif version.covered_by:
            state = _("signed afterwards by {name}").format(name=version.covered_by)
        else:
            state = _("not covered by any later signature")
        changes = "".join(f"<li>{html.escape(c.text)}</li>" for c in version.changes)
        title = _("Version {n} ({state}):").format(n=version.version, state=state)
        items.append(f"<li>{html.escape(title)}<ul>{changes}</ul></li>")
    return f"<ul>{''.join(items)}</ul>" if items else ""


def _signature_to_view(report) -> int | None:
    """1-based number of the signature whose signed version is worth seeing: the first one
    with versions saved after it that are not archival data only; else the first with any."""
    numbered = [(i, s) for i, s in enumerate(report.signatures, 1) if s.signed_version]
    for i, sig in numbered:
        if any(not v.archival_only for v in sig.later):
            return i
    return next((i for i, sig in numbered if sig.later), None)
