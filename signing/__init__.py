"""Signing: PAdES signatures with .p12 files and PKCS#11 tokens, stamps, verification reports.

The façade (ARCHITECTURE.md rule 1): open a signer (`open_p12`, `open_token`), then
`sign(pdf_in, pdf_out, SignOptions, signer, progress, cancel)`; `verify(pdf, VerifyOptions)`.
Qt-free; heavy libraries (pyHanko, python-pkcs11) are imported on first use.
"""

import logging

from signing.certs import CertInfo
from signing.options import SignOptions, StampOptions, VerifyOptions
from signing.sign import BatchItem, SignResult, default_output_path, sign, sign_many
from signing.signers import LoadedSigner, open_p12
from signing.tokens import ModuleCandidate, TokenInfo, discover_modules, list_tokens, open_token
from signing.verify import SignatureReport, VerifyReport, verify

__all__ = [
    "BatchItem",
    "CertInfo",
    "LoadedSigner",
    "ModuleCandidate",
    "SignOptions",
    "SignResult",
    "SignatureReport",
    "StampOptions",
    "TokenInfo",
    "VerifyOptions",
    "VerifyReport",
    "default_output_path",
    "discover_modules",
    "list_tokens",
    "open_p12",
    "open_token",
    "sign",
    "sign_many",
    "verify",
]

# pyHanko logs every validation problem with a traceback; the report already explains them.
# A NullHandler keeps those records out of the terminal (logging's last-resort handler) while
# they still reach any handler the application configures.
for _library in ("pyhanko", "pyhanko_certvalidator"):
    logging.getLogger(_library).addHandler(logging.NullHandler())
