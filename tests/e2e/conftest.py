"""Fixtures of the end-to-end tests: the real main window in a language, a signing token.

The window is driven like a person would: buttons clicked, text typed, dialogs answered by
ui.dialogs.StubDialogService (file pickers, PIN, confirmations).
"""

from __future__ import annotations

import os
import subprocess

import pytest

from tests.signing.pki import SOFTHSM_MODULE, build_pki, make_softhsm_token, softhsm_available


@pytest.fixture(scope="session")
def e2e_pki(tmp_path_factory):
    """Root -> issuing CA -> signer, generated for this run (tests/signing/pki.py)."""
    return build_pki(tmp_path_factory.mktemp("e2e-pki"))


def _unload_softhsm() -> None:
    """SoftHSM reads SOFTHSM2_CONF when initialised: unload a module loaded by another test of
    this process, so the next use loads it again with the token folder in force then."""
    import pkcs11

    pkcs11.unload(str(SOFTHSM_MODULE))


@pytest.fixture(scope="module")
def e2e_token(e2e_pki, tmp_path_factory):
    """A SoftHSM2 token holding the signer's key and a certificate without OCSP/CRL URLs
    (poppler's pdfsig cannot judge those offline)."""
    if not softhsm_available():
        if os.environ.get("CI") == "true":
            pytest.fail("softhsm2 is missing under CI (scripts/system-deps.sh test)")
        pytest.skip("softhsm2 not installed (apt-get install softhsm2 opensc)")
    old = os.environ.get("SOFTHSM2_CONF")
    folder = tmp_path_factory.mktemp("e2e-softhsm")
    token = make_softhsm_token(e2e_pki, folder, "signer-plain")
    # CA tokens carry the issuing CA's certificate too: signatures then embed the whole chain
    interm = folder / "interm.der"
    interm.write_bytes(e2e_pki.cert_der("interm"))
    subprocess.run(["pkcs11-tool", "--module", str(SOFTHSM_MODULE), "--token-label",
                    token["label"], "--login", "--pin", token["pin"], "--write-object",
                    str(interm), "--type", "cert", "--id", "02", "--label", "Issuing CA"],
                   check=True, capture_output=True, timeout=60)  # fmt: skip
    _unload_softhsm()
    yield token
    if old is None:
        os.environ.pop("SOFTHSM2_CONF", None)
    else:
        os.environ["SOFTHSM2_CONF"] = old
    _unload_softhsm()


@pytest.fixture(params=["vi", "en"])
def lang(request) -> str:
    from common import i18n

    i18n.set_language(request.param)
    return request.param


@pytest.fixture
def window(qapp, qtbot, tmp_path, shown_errors, lang):
    """The main window as the app builds it (UI font registered), on temporary folders."""
    from desktop.settings import Settings
    from ui.context import AppContext
    from ui.dialogs import StubDialogService
    from ui.fonts import register_ui_font
    from ui.main_window import MainWindow

    register_ui_font(qapp)
    context = AppContext(
        settings=Settings(tmp_path / "settings.ini"),
        data_dir=tmp_path / "data",
        dossier_root=tmp_path / "Hồ sơ số",
        profiles_dir=tmp_path / "data" / "profiles",
        catalog_dir=tmp_path / "data" / "catalog",
    )
    context.dialogs = StubDialogService()
    main = MainWindow(context)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    yield main
    for page in main.pages.values():  # let background jobs end before the folders go
        busy = getattr(page, "busy", None)
        if callable(busy):
            qtbot.waitUntil(lambda b=busy: not b(), timeout=60_000)
    if main.session is not None:
        main.session.close()
        main.session = None
