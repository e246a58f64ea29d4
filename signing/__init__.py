"""Signing: PAdES signatures with .p12 files and PKCS#11 tokens, stamps, verification reports.

The façade (ARCHITECTURE.md rule 1): open a signer (`open_p12`, `open_token`), then
`sign(pdf_in, pdf_out, SignOptions, signer, progress, cancel)`; `verify(pdf, VerifyOptions)`.
Qt-free; heavy libraries (pyHanko, python-pkcs11) are imported on first use.
"""

import logging

from common.facade import install

install(
    __name__,
    {
        "CertInfo": "signing.certs",
        "SignOptions": "signing.options",
        "StampOptions": "signing.options",
        "VerifyOptions": "signing.options",
        "BatchItem": "signing.sign",
        "SignResult": "signing.sign",
        "default_output_path": "signing.sign",
        "sign": "signing.sign",
        "sign_many": "signing.sign",
        "LoadedSigner": "signing.signers",
        "open_p12": "signing.signers",
        "WrongCertificatePassword": "signing.signers",
        "ModuleCandidate": "signing.tokens",
        "TokenInfo": "signing.tokens",
        "discover_modules": "signing.tokens",
        "list_tokens": "signing.tokens",
        "open_token": "signing.tokens",
        "SignatureReport": "signing.verify",
        "VerifyReport": "signing.verify",
        "verify": "signing.verify",
        "quick_info": "signing.verify",
        "verdict_label": "signing.verify:label",
        "verdict_checked": "signing.verify:checked",
        "signed_version": "signing.verify",
        "find_stamp_place": "signing.placement:find_place",
        "STAMP_SIZE": "signing.stamp:DEFAULT_SIZE",
        "STAMP_MARGIN": "signing.stamp:MARGIN",
    },
)

# pyHanko logs every validation problem with a traceback; the report already explains them.
# A NullHandler keeps those records out of the terminal (logging's last-resort handler) while
# they still reach any handler the application configures.
for _library in ("pyhanko", "pyhanko_certvalidator"):
    logging.getLogger(_library).addHandler(logging.NullHandler())
