"""Choosing the signer on the sign page: a .p12 file, a stamp image, PKCS#11 modules and tokens
found in the background (a mixin of SignPage)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from common.errors import InputError
from common.i18n import _, format_date
from ui.qt import QtCore


class SignerChoice:
    """Choosing the signer on the sign page: methods of SignPage, which inherits them."""

    def _choose_p12(self) -> None:
        path = self.context.dialogs.open_file(
            _("Choose the certificate file"), _("Certificate files (*.p12 *.pfx)")
        )
        if path is not None:
            self.p12_edit.setText(str(path))
            self.use_p12.setChecked(True)

    def _choose_image(self) -> None:
        path = self.context.dialogs.open_file(_("Choose the stamp image"), _("PNG images (*.png)"))
        if path is not None:
            self.image_edit.setText(str(path))

    def _add_module(self) -> None:
        path = self.context.dialogs.open_file(
            _("Choose the PKCS#11 module of your token"), _("Libraries (*.dll *.so *.dylib)")
        )
        if path is None:
            return
        modules = list(self.context.settings.get("pkcs11_modules"))
        if str(path) not in modules:
            modules.append(str(path))
            self.context.settings.set("pkcs11_modules", modules)
        self.refresh_tokens()

    def refresh_tokens(self) -> None:
        """Find modules, tokens and their certificates in the background."""
        extra = [Path(p) for p in self.context.settings.get("pkcs11_modules")]
        self.refresh_tokens_button.setEnabled(False)
        self.token_status.setText(_("Looking for tokens…"))
        self.context.run_job(
            lambda progress, cancel: _find_tokens(extra),
            self._tokens_found,
            self._tokens_failed,
            title=_("Looking for tokens"),
        )

    def _tokens_found(self, result: tuple[list[TokenChoice], list[str]]) -> None:
        self.tokens, problems = result
        self.refresh_tokens_button.setEnabled(True)
        self.token_combo.clear()
        for choice in self.tokens:
            self.token_combo.addItem(choice.description)
        if self.tokens:
            self.use_token.setChecked(True)
            self.token_status.setText("\n".join(problems))
        else:
            self.token_status.setText(
                "\n".join([_("No token found. Plug in your token, or add its module."), *problems])
            )

    def _tokens_failed(self, exc: BaseException, details: str) -> None:
        self.refresh_tokens_button.setEnabled(True)
        self.token_status.setText(str(getattr(exc, "message", exc)))

    def _open_failed(self, exc: BaseException, details: str, all_files: bool) -> None:
        """A wrong .p12 password asks again at once (the walk-through had to press Ký again);
        anything else is shown."""
        from signing import WrongCertificatePassword

        if not isinstance(exc, WrongCertificatePassword):
            self._job_failed(exc, details)
            return
        self._set_busy(False)
        self._asking_again = True
        QtCore.QTimer.singleShot(0, lambda: self.sign_files(all_files=all_files))

    def _signer_opener(self):
        """A function opening the chosen signer (run in the background), after asking the
        password or PIN here on the GUI thread; None when the user cancels."""
        from signing import open_p12, open_token

        if self.use_p12.isChecked():
            path = Path(self.p12_edit.text().strip())
            if not self.p12_edit.text().strip():
                raise InputError(_("Choose a certificate file (.p12/.pfx) first."))
            prompt = _("Password of {name}:").format(name=path.name)
            if getattr(self, "_asking_again", False):  # the last one was wrong: say so, ask
                prompt = _("Wrong password. Try again.") + "\n" + prompt
                self._asking_again = False
            secret = self.context.dialogs.ask_secret(_("Certificate password"), prompt)
            return None if secret is None else (lambda: open_p12(path, secret))
        index = self.token_combo.currentIndex()
        if not 0 <= index < len(self.tokens):
            raise InputError(_("Find your token first, then choose a certificate."))
        choice = self.tokens[index]
        pin = self.context.dialogs.ask_secret(
            _("Token PIN"), _("PIN of token {label}:").format(label=choice.token_label)
        )
        if pin is None:
            return None
        return lambda: open_token(choice.module, choice.token_label, pin, choice.cert_label)


@dataclass(frozen=True)
class TokenChoice:
    module: Path
    token_label: str
    cert_label: str
    description: str


def _find_tokens(extra: list[Path]) -> tuple[list[TokenChoice], list[str]]:
    """(certificates found on tokens, problems to show) — runs in the background."""
    from signing import discover_modules, list_tokens

    choices: list[TokenChoice] = []
    problems: list[str] = []
    for candidate in discover_modules(extra):
        if not candidate.usable:
            problems.append(f"{candidate.path.name}: {candidate.problem}")
            continue
        try:
            tokens = list_tokens(candidate.path)
        except InputError as exc:
            problems.append(f"{candidate.path.name}: {exc.message}")
            continue
        for token in tokens:
            if token.pin_locked:
                problems.append(_("Token {label}: the PIN is locked.").format(label=token.label))
            for cert in token.certificates:  # signing certificates only: the core leaves out CAs
                description = _("{subject} — {issuer} (token {label}, until {date})").format(
                    subject=cert.subject,
                    issuer=cert.issuer,
                    label=token.label,
                    date=format_date(cert.not_after),
                )
                choices.append(TokenChoice(candidate.path, token.label, cert.label, description))
    return choices, problems
