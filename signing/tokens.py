"""PKCS#11 tokens: find the CA modules, list tokens and certificates, log in with a PIN.

Vietnamese CAs ship Windows modules in System32 (DOMAIN.md). Before loading a candidate we
check from its bytes that it matches this Python (64/32-bit) and exports C_GetFunctionList:
loading a wrong DLL gives "not a valid Win32 application" or picks the CSP instead.
"""

from __future__ import annotations

import os
import struct
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path, PureWindowsPath

from common.errors import InputError
from common.i18n import _
from signing.certs import CertInfo, describe
from signing.pe import NotPortableExecutable, read_pe
from signing.signers import LoadedSigner

#: vendor -> PKCS#11 DLL names of the Vietnamese CAs (DOMAIN.md), looked up in System32
WINDOWS_MODULES: dict[str, tuple[str, ...]] = {
    "VNPT-CA": (
        *(f"vnptca_p11_v{n}.dll" for n in range(6, 11)),
        "vnpt-ca_csp11.dll", "vnpt-ca_v34.dll", "vnpt-ca_cl_v1.dll",
    ),
    "Viettel-CA": ("viettel-ca.dll", *(f"viettel-ca_v{n}.dll" for n in range(1, 7))),
    "FPT-CA": (
        "fpt-ca.dll", "fpt-ca_v4.dll", "fpt-ca_v5.dll", *(f"fptca_v{n}.dll" for n in range(3, 7)),
    ),
    "BKAV-CA": ("BkavCA.dll", "BkavCAv2S.dll", "st3csp11.dll"),
    "Nacencomm": ("ncca_csp11_v1.dll", "CA2_csp11.dll", "CA2_v34.dll"),
    "SAFE-CA": ("Safe-ca_v1.dll", "Safe-ca_v2.dll"),
    "EFY-CA": ("efy-ca_v1.dll",),
    "VINA-CA": ("vina-ca_v1.dll", "vina-ca_v3.dll", "vina-ca_v5.dll"),
    "NewCA": ("newca_v4.dll",),
    "MISA-CA": ("misaca_csp11_v2.dll",),
    "FastCA": ("fca_v1.dll",),
    "Feitian": ("eps2003csp11.dll",),
    "SafeNet": ("eTPKCS11.dll",),
    "Bit4id": ("bit4xpki.dll",),
}  # fmt: skip
#: vendor -> modules installed under %ProgramFiles% (the 64-bit one for a 64-bit app)
WINDOWS_PROGRAM_FILES_MODULES: dict[str, tuple[str, ...]] = {
    "BKAV-CA": (r"Bkav Corporation\BkavCA Token Manager\st3csp11.dll",),
}
LINUX_MODULES: dict[str, tuple[str, ...]] = {
    "SoftHSM2": (
        "/usr/lib/softhsm/libsofthsm2.so",
        "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
    ),
    "OpenSC": ("/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so",),
}


@dataclass(frozen=True)
class ModuleCandidate:
    """A PKCS#11 module file and whether this process can load it."""

    path: Path
    vendor: str
    problem: str | None = None  # None: loadable

    @property
    def usable(self) -> bool:
        return self.problem is None


@dataclass(frozen=True)
class TokenInfo:
    module: Path
    label: str
    manufacturer: str
    model: str
    serial: str
    pin_locked: bool = False
    pin_count_low: bool = False
    pin_final_try: bool = False
    #: the certificates to sign with (not a CA's; with a key on the token when keys are visible)
    certificates: tuple[CertInfo, ...] = field(default_factory=tuple)
    #: everything else the token carries, mostly its CA's chain: never offered for signing
    other_certificates: tuple[CertInfo, ...] = field(default_factory=tuple)


def python_is_64bit() -> bool:
    return struct.calcsize("P") == 8


def windows_system_dir(environ: Mapping[str, str] | None = None) -> PureWindowsPath:
    """The folder where the CAs install their PKCS#11 DLLs: %SystemRoot%\\System32.

    A 64-bit app (the installed bundle) must look in System32, where the 64-bit DLLs are:
    SysWOW64 holds the 32-bit copies, which a 64-bit process cannot load. A 32-bit Python
    also asks for System32 and Windows redirects it to SysWOW64 (its own bitness), so the
    answer is System32 for both; never SysWOW64 spelled out.
    """
    folded = _environ_folded(environ)
    root = folded.get("SYSTEMROOT") or folded.get("WINDIR") or r"C:\Windows"
    return PureWindowsPath(root) / "System32"


def _environ_folded(environ: Mapping[str, str] | None) -> dict[str, str]:
    environ = os.environ if environ is None else environ
    return {key.upper(): value for key, value in environ.items()}  # Windows names are case-blind


def windows_module_paths(
    environ: Mapping[str, str] | None = None,
) -> list[tuple[PureWindowsPath, str]]:
    """Where the modules of the known CAs would be on a Windows system with this environment."""
    base = windows_system_dir(environ)
    found = [(base / name, vendor) for vendor, names in WINDOWS_MODULES.items() for name in names]
    # %ProgramFiles% matches the process: "Program Files" for 64-bit, "(x86)" for 32-bit
    programs = _environ_folded(environ).get("PROGRAMFILES") or r"C:\Program Files"
    for vendor, paths in WINDOWS_PROGRAM_FILES_MODULES.items():
        found.extend((PureWindowsPath(programs) / p, vendor) for p in paths)
    return found


def check_module(path: Path, vendor: str = "") -> ModuleCandidate:
    """Can this Python load `path` as a PKCS#11 module? Checked without loading it."""
    path = Path(path)
    if not path.is_file():
        return ModuleCandidate(path, vendor, _("file not found"))
    try:
        with open(path, "rb") as fh:
            head = fh.read(5)
            fh.seek(0)
            data = fh.read() if head[:2] == b"MZ" else head
    except OSError as exc:
        return ModuleCandidate(path, vendor, str(exc.strerror or exc))
    if data[:2] == b"MZ":
        return _check_pe(path, vendor, data)
    if data[:4] == b"\x7fELF":
        elf_64 = data[4:5] == b"\x02"  # EI_CLASS: 1 = 32-bit, 2 = 64-bit
        if elf_64 != python_is_64bit():
            return ModuleCandidate(path, vendor, _bitness_problem(elf_64))
        return ModuleCandidate(path, vendor)
    if sys.platform == "darwin":
        return ModuleCandidate(path, vendor)
    return ModuleCandidate(path, vendor, _("not a library file"))


def _bitness_problem(module_64: bool) -> str:
    if module_64:
        return _("64-bit module, but this program runs as 32-bit")
    return _("32-bit module, but this program runs as 64-bit (use the System32 copy)")


def _check_pe(path: Path, vendor: str, data: bytes) -> ModuleCandidate:
    try:
        info = read_pe(data)
    except NotPortableExecutable:
        return ModuleCandidate(path, vendor, _("damaged or unknown library file"))
    if info.is_64bit != python_is_64bit():
        return ModuleCandidate(path, vendor, _bitness_problem(info.is_64bit))
    if "C_GetFunctionList" not in info.exports:
        return ModuleCandidate(
            path, vendor, _("not a PKCS#11 module (no C_GetFunctionList); maybe the CSP file")
        )
    return ModuleCandidate(path, vendor)


def known_module_paths() -> list[tuple[Path, str]]:
    """Where the modules of the known CAs would be on this system."""
    found: list[tuple[Path, str]] = []
    if os.name == "nt":
        found.extend((Path(path), vendor) for path, vendor in windows_module_paths())
    else:
        for vendor, paths in LINUX_MODULES.items():
            found.extend((Path(p), vendor) for p in paths)
    return found


def discover_modules(extra: list[Path] | tuple[Path, ...] = ()) -> list[ModuleCandidate]:
    """Installed modules of known CAs plus the paths the user added (those always listed)."""
    candidates = [check_module(path, vendor) for path, vendor in known_module_paths()]
    present = [c for c in candidates if c.path.exists()]
    user = [check_module(Path(p), _("added by you")) for p in extra]
    seen: set[str] = set()
    result = []
    for candidate in [*user, *present]:
        key = os.path.normcase(str(candidate.path.resolve()))
        if key not in seen:
            seen.add(key)
            result.append(candidate)
    return result


def _load_library(module: Path):
    candidate = check_module(module)
    if not candidate.usable:
        raise InputError(
            _("cannot use this PKCS#11 module: {reason}").format(reason=candidate.problem),
            path=module,
        )
    import pkcs11

    try:
        return pkcs11.lib(str(module))
    except (RuntimeError, OSError, pkcs11.exceptions.PKCS11Error) as exc:
        raise InputError(
            _("the PKCS#11 module could not be loaded: {reason}").format(reason=exc), path=module
        ) from exc


def _token_flags(token) -> tuple[bool, bool, bool]:
    from pkcs11.constants import TokenFlag

    flags = TokenFlag(token.flags)
    return (
        bool(flags & TokenFlag.USER_PIN_LOCKED),
        bool(flags & TokenFlag.USER_PIN_COUNT_LOW),
        bool(flags & TokenFlag.USER_PIN_FINAL_TRY),
    )


def _certificates_with_ids(session) -> list[tuple[CertInfo, bytes | None]]:
    """Certificates of a token with their CKA_ID, which ties a certificate to its key (the
    labels of key and certificate often differ on CA tokens)."""
    import pkcs11
    from asn1crypto import x509
    from pkcs11 import Attribute, ObjectClass

    found = []
    for obj in session.get_objects({Attribute.CLASS: ObjectClass.CERTIFICATE}):
        try:
            cert = x509.Certificate.load(obj[Attribute.VALUE])
            info = describe(cert, label=str(obj[Attribute.LABEL] or ""))
        except (ValueError, TypeError, KeyError):
            continue  # a non-X.509 object: not ours to show
        try:
            cka_id = bytes(obj[Attribute.ID]) or None
        except (pkcs11.exceptions.PKCS11Error, KeyError, TypeError):
            cka_id = None
        found.append((info, cka_id))
    return found


def _key_ids(session) -> set[bytes]:
    """CKA_IDs of the key pairs this session can see: the private keys after login; before
    it, the public keys that tokens keep beside them (empty when the token shows neither)."""
    import pkcs11
    from pkcs11 import Attribute, ObjectClass

    for kind in (ObjectClass.PRIVATE_KEY, ObjectClass.PUBLIC_KEY):
        ids = set()
        try:
            for key in session.get_objects({Attribute.CLASS: kind}):
                try:
                    ids.add(bytes(key[Attribute.ID]))
                except (pkcs11.exceptions.PKCS11Error, KeyError, TypeError):
                    continue
        except pkcs11.exceptions.PKCS11Error:
            continue
        if ids:
            return ids
    return set()


def split_signing_certificates(
    found: list[tuple[CertInfo, bytes | None]], key_ids: set[bytes]
) -> tuple[list[tuple[CertInfo, bytes | None]], list[tuple[CertInfo, bytes | None]]]:
    """(certificates to sign with, the others). A signing certificate is not a CA's and allows
    signatures (digitalSignature or nonRepudiation); when the session sees keys, it also needs
    a key of the same CKA_ID (a certificate stored alone, like a CA's, has none)."""
    signing, others = [], []
    for info, cka_id in found:
        has_key = not key_ids or (cka_id is not None and cka_id in key_ids)
        (signing if info.for_signing and has_key else others).append((info, cka_id))
    return signing, others


def _token_certificates(session) -> tuple[tuple[CertInfo, ...], tuple[CertInfo, ...]]:
    signing, others = split_signing_certificates(_certificates_with_ids(session), _key_ids(session))
    return tuple(info for info, _id in signing), tuple(info for info, _id in others)


def list_tokens(module: Path) -> list[TokenInfo]:
    """Tokens present in the slots of `module`, each with its certificates (no PIN needed)."""
    import pkcs11

    lib = _load_library(module)
    tokens = []
    try:
        for slot in lib.get_slots(token_present=True):
            token = slot.get_token()
            locked, low, final = _token_flags(token)
            certs: tuple[CertInfo, ...] = ()
            others: tuple[CertInfo, ...] = ()
            try:
                with token.open() as session:
                    certs, others = _token_certificates(session)
            except pkcs11.exceptions.PKCS11Error:
                pass  # some tokens hide certificates until login
            tokens.append(
                TokenInfo(
                    module=Path(module),
                    label=token.label.strip(),
                    manufacturer=token.manufacturer_id.strip(),
                    model=token.model.strip(),
                    serial=token.serial.decode("ascii", "replace").strip()
                    if isinstance(token.serial, bytes)
                    else str(token.serial).strip(),
                    pin_locked=locked,
                    pin_count_low=low,
                    pin_final_try=final,
                    certificates=certs,
                    other_certificates=others,
                )
            )
    except pkcs11.exceptions.PKCS11Error as exc:
        raise InputError(
            _("cannot read the tokens of this module: {reason}").format(
                reason=exc.__class__.__name__
            ),
            path=module,
        ) from exc
    return tokens


def _find_token(lib, label: str, module: Path):
    for slot in lib.get_slots(token_present=True):
        token = slot.get_token()
        if token.label.strip() == label:
            return token
    raise InputError(_("no token labelled {label} is plugged in").format(label=label), path=module)


def pin_error_message(token, locked_now: bool = False) -> str:
    """Vietnamese-first explanation of a refused PIN, with what the token says is left."""
    locked, low, final = _token_flags(token)
    if locked or locked_now:
        return _(
            "the PIN is locked after too many wrong tries; unlock it with the CA's token "
            "manager (PUK / SO PIN) or ask your CA"
        )
    if final:
        return _("wrong PIN; one try left before the token locks")
    if low:
        return _("wrong PIN; only a few tries left before the token locks")
    return _("wrong PIN")


def open_token(
    module: Path, token_label: str, pin: str, cert_label: str | None = None
) -> LoadedSigner:
    """Log in to a token and return a signer on its key; close() logs out."""
    import pkcs11
    from pyhanko.sign.pkcs11 import PKCS11Signer

    module = Path(module)
    lib = _load_library(module)
    token = _find_token(lib, token_label, module)
    if _token_flags(token)[0]:
        raise InputError(pin_error_message(token, locked_now=True), path=module)
    try:
        session = token.open(user_pin=pin)
    except pkcs11.exceptions.PinIncorrect as exc:
        token = _find_token(lib, token_label, module)  # re-read the flags after the try
        raise InputError(pin_error_message(token), path=module) from exc
    except pkcs11.exceptions.PinLocked as exc:
        raise InputError(pin_error_message(token, locked_now=True), path=module) from exc
    except (pkcs11.exceptions.PinLenRange, pkcs11.exceptions.PinInvalid) as exc:
        raise InputError(_("the PIN has the wrong length or characters"), path=module) from exc
    except pkcs11.exceptions.PKCS11Error as exc:
        raise token_error(exc, module) from exc
    try:
        certs, others = split_signing_certificates(
            _certificates_with_ids(session), _key_ids(session)
        )
        chosen = _choose_cert(
            tuple(info for info, _id in certs), tuple(info for info, _id in others),
            cert_label, module,
        )  # fmt: skip
        cka_id = next(cid for info, cid in certs if info is chosen)
        if cka_id is not None:  # key found by its ID, whatever its label
            signer = PKCS11Signer(session, cert_id=cka_id, other_certs_to_pull=None)
        else:
            signer = PKCS11Signer(session, cert_label=chosen.label, other_certs_to_pull=None)
        signing_cert = signer.signing_cert  # fetched now: a missing key fails here
    except InputError:
        session.close()
        raise
    except pkcs11.exceptions.PKCS11Error as exc:
        session.close()
        raise token_error(exc, module) from exc
    except Exception as exc:  # pyHanko wraps lookups in its own PKCS11Error
        session.close()
        raise InputError(
            _("the token has no usable key for this certificate: {reason}").format(reason=exc),
            path=module,
        ) from exc
    return LoadedSigner(
        signer=signer,
        cert=describe(signing_cert, label=chosen.label),
        source=f"{token_label} ({module})",
        _closer=session.close,
        is_token=True,
    )


def _choose_cert(
    certs: tuple[CertInfo, ...],
    others: tuple[CertInfo, ...],
    cert_label: str | None,
    module: Path,
) -> CertInfo:
    """The signing certificate labelled `cert_label`, or the first one."""
    if cert_label is not None:
        for cert in certs:
            if cert.label == cert_label:
                return cert
        if any(cert.label == cert_label for cert in others):
            raise InputError(
                _(
                    "the certificate {label} on the token is not one to sign with "
                    "(a CA's certificate, or no key for it)"
                ).format(label=cert_label),
                path=module,
            )
        raise InputError(
            _("the token has no certificate labelled {label}").format(label=cert_label),
            path=module,
        )
    if not certs:
        raise InputError(_("the token holds no certificate to sign with"), path=module)
    return certs[0]


def token_error(exc: Exception, module: Path) -> InputError:
    """A PKCS#11 failure during use, explained (token pulled out, session gone...)."""
    import pkcs11

    removed = (
        pkcs11.exceptions.DeviceRemoved,
        pkcs11.exceptions.TokenNotPresent,
        pkcs11.exceptions.SessionClosed,
        pkcs11.exceptions.SessionHandleInvalid,
        pkcs11.exceptions.UserNotLoggedIn,
    )
    if isinstance(exc, removed):
        return InputError(
            _("the token was removed or its session closed; plug it in and try again"),
            path=module,
        )
    if isinstance(exc, pkcs11.exceptions.TokenNotRecognised):
        return InputError(
            _("this module does not recognise the token (wrong CA module?)"), path=module
        )
    return InputError(
        _("the token refused the operation: {reason}").format(reason=exc.__class__.__name__),
        path=module,
    )
