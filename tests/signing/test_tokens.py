"""PKCS#11 through a real SoftHSM2 token; module checks on real and synthetic PE files."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from common.errors import InputError
from signing import list_tokens, open_token, sign
from signing.options import SignOptions
from signing.pe import NotPortableExecutable, build_minimal_pe, read_pe
from signing.tokens import WINDOWS_MODULES, check_module, discover_modules, python_is_64bit


def test_synthetic_pe_bitness_and_exports():
    info64 = read_pe(build_minimal_pe(is_64bit=True, exports=["C_GetFunctionList", "C_Sign"]))
    assert info64.is_64bit and info64.machine == "x64"
    assert "C_GetFunctionList" in info64.exports
    info32 = read_pe(build_minimal_pe(is_64bit=False, exports=["CPAcquireContext"]))
    assert not info32.is_64bit and info32.machine == "x86"
    assert info32.exports == {"CPAcquireContext"}


def test_real_windows_executables_bitness():
    """pip ships Windows launcher stubs: a real 32-bit and 64-bit PE each."""
    spec = importlib.util.find_spec("pip")
    if spec is None or spec.origin is None:
        pytest.skip("pip not installed in this environment")
    folder = Path(spec.origin).parent / "_vendor" / "distlib"
    if not (folder / "w64.exe").exists():
        pytest.skip("distlib launchers not shipped")
    assert read_pe((folder / "w64.exe").read_bytes()).is_64bit
    assert not read_pe((folder / "w32.exe").read_bytes()).is_64bit


@pytest.mark.parametrize("data", [b"", b"MZ", b"MZ" + b"\0" * 100, b"\x7fELF", b"x" * 500])
def test_garbage_is_not_a_pe(data):
    with pytest.raises(NotPortableExecutable):
        read_pe(data)


def test_check_module_refuses_wrong_bitness_and_csp(tmp_path):
    wrong = tmp_path / "vnptca_p11_v8.dll"
    wrong.write_bytes(
        build_minimal_pe(is_64bit=not python_is_64bit(), exports=["C_GetFunctionList"])
    )
    assert not check_module(wrong).usable
    assert "bit" in check_module(wrong).problem
    csp = tmp_path / "viettel-ca_v5_s.dll"
    csp.write_bytes(build_minimal_pe(is_64bit=python_is_64bit(), exports=["CPAcquireContext"]))
    assert "C_GetFunctionList" in check_module(csp).problem
    good = tmp_path / "fptca_v5.dll"
    good.write_bytes(build_minimal_pe(is_64bit=python_is_64bit(), exports=["C_GetFunctionList"]))
    assert check_module(good).usable
    assert not check_module(tmp_path / "absent.dll").usable


def test_known_vietnamese_modules_listed():
    names = {n.lower() for names in WINDOWS_MODULES.values() for n in names}
    for expected in ("vnptca_p11_v10.dll", "viettel-ca_v6.dll", "bkavcav2s.dll", "fca_v1.dll"):
        assert expected in names


def test_discover_includes_softhsm_and_user_modules(softhsm_token, tmp_path):
    user = tmp_path / "my.dll"
    user.write_bytes(build_minimal_pe(is_64bit=True, exports=["C_GetFunctionList"]))
    found = discover_modules([user])
    paths = [c.path for c in found]
    assert user in paths
    assert softhsm_token["module"] in paths


def test_list_tokens_shows_certificates(softhsm_token):
    tokens = list_tokens(softhsm_token["module"])
    token = next(t for t in tokens if t.label == softhsm_token["label"])
    assert not token.pin_locked
    [cert] = token.certificates
    assert cert.subject == "Nguyễn Văn An"
    assert cert.issuer == "Hoso Test Issuing CA"
    assert "digital_signature" in cert.key_usage
    assert cert.label == softhsm_token["cert_label"]


def test_ca_and_keyless_certificates_on_the_token_are_not_for_signing(softhsm_token):
    """The token also carries the CA's root and issuing certificates (root: digitalSignature
    in its key usage, no CKA_ID) and a certificate without a key, all stored first."""
    tokens = list_tokens(softhsm_token["module"])
    token = next(t for t in tokens if t.label == softhsm_token["label"])
    assert [c.label for c in token.certificates] == [softhsm_token["cert_label"]]
    others = {c.label: c for c in token.other_certificates}
    assert sorted(others) == sorted(softhsm_token["other_labels"])
    assert others["Hoso Test Root CA"].is_ca and others["Hoso Test Issuing CA"].is_ca
    keyless = others["Tran Thi Binh (no key)"]
    assert keyless.for_signing and not keyless.is_ca  # left out only for want of a key


def test_open_token_picks_the_signing_certificate_and_refuses_a_ca(softhsm_token):
    module, label, pin = softhsm_token["module"], softhsm_token["label"], softhsm_token["pin"]
    with open_token(module, label, pin) as signer:  # no label: the first signing certificate
        assert signer.cert.subject == "Nguyễn Văn An" and not signer.cert.is_ca
    with pytest.raises(InputError) as err:
        open_token(module, label, pin, cert_label="Hoso Test Root CA")
    assert "không dùng để ký" in err.value.message
    with pytest.raises(InputError):
        open_token(module, label, pin, cert_label="Tran Thi Binh (no key)")


def test_cli_and_sign_page_list_the_same_certificates(softhsm_token):
    import os
    import subprocess
    import sys

    from ui.pages.sign_page import _find_tokens

    choices, _problems = _find_tokens([])
    mine = [c for c in choices if c.token_label == softhsm_token["label"]]
    assert [c.cert_label for c in mine] == [softhsm_token["cert_label"]]
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, "-m", "desktop.cli", "tokens"],
        capture_output=True, text=True, timeout=120, cwd=root,
        env={**os.environ, "PYTHONPATH": str(root)},  # SOFTHSM2_CONF of the fixture
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    listed = [line for line in result.stdout.splitlines() if line.lstrip().startswith("Chứng thư")]
    assert len(listed) == 1 and repr(softhsm_token["cert_label"]) in listed[0]
    assert "3 chứng thư khác" in result.stdout
    for other in softhsm_token["other_labels"]:
        assert repr(other) not in result.stdout  # labels are printed quoted


def test_certificate_roles_from_their_extensions(pki):
    from asn1crypto import x509

    from signing.certs import describe

    def info(label: str):
        return describe(x509.Certificate.load(pki.cert_der(label)))

    assert info("root").is_ca and not info("root").for_signing
    assert info("signer").for_signing
    assert not info("signer-nodigsig").can_sign  # key encipherment only


def test_sign_with_token(softhsm_token, pdf_one_page, tmp_path):
    out = tmp_path / "signed.pdf"
    with open_token(softhsm_token["module"], softhsm_token["label"], softhsm_token["pin"]) as s:
        assert s.cert.subject == "Nguyễn Văn An"
        result = sign(pdf_one_page, out, SignOptions(reason="Nộp hồ sơ"), s)
    assert result.signer == "Nguyễn Văn An"
    from signing.verify import verify

    report = verify(out)
    assert report.all_ok and report.signatures[0].pades_level == "B-B"


def test_wrong_pin_explained(softhsm_token):
    """SoftHSM2 raises USER_PIN_COUNT_LOW after a wrong try (it never locks)."""
    with pytest.raises(InputError) as err:
        open_token(softhsm_token["module"], softhsm_token["label"], "000000")
    assert err.value.message in (
        "mã PIN không đúng",
        "mã PIN không đúng; chỉ còn vài lần thử trước khi token bị khóa",
    )
    # the right PIN still works afterwards
    open_token(softhsm_token["module"], softhsm_token["label"], softhsm_token["pin"]).close()


class _TokenFlags:
    """Only the flags word a token reports (SoftHSM2 cannot be locked)."""

    def __init__(self, flags: int) -> None:
        self.flags = flags


def test_locked_and_last_try_messages():
    from pkcs11.constants import TokenFlag

    from signing.tokens import pin_error_message

    locked = pin_error_message(_TokenFlags(TokenFlag.USER_PIN_LOCKED))
    assert "bị khóa" in locked and "PUK" in locked
    last = pin_error_message(_TokenFlags(TokenFlag.USER_PIN_FINAL_TRY))
    assert "1 lần thử" in last
    assert pin_error_message(_TokenFlags(0)) == "mã PIN không đúng"


def test_unknown_token_label(softhsm_token):
    with pytest.raises(InputError):
        open_token(softhsm_token["module"], "no such token", "1234")


def test_token_removed_during_signing(softhsm_token, pdf_one_page, tmp_path):
    """The session closes while signing is under way (as when the token is pulled out)."""
    out = tmp_path / "signed.pdf"
    signer = open_token(softhsm_token["module"], softhsm_token["label"], softhsm_token["pin"])

    def pull_out_token(done: int, total: int, message: str) -> None:
        if done == 1:  # the PDF is open, the signature not made yet
            signer.signer.pkcs11_session.close()

    with pytest.raises(InputError) as err:
        sign(pdf_one_page, out, SignOptions(), signer, progress=pull_out_token)
    assert "token" in err.value.message.lower()
    assert not out.exists()
    assert not list(tmp_path.glob(".signed.pdf.*"))
