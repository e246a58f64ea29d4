"""Signing benchmark: our `signing.sign` beside pyHanko's bare `sign_pdf`, same input, same run.

Inputs: a 1-page PDF and a generated 100-page ~20 MB PDF (distinct noise images, so nothing
compresses away). Signers: a .p12 file and a SoftHSM2 token (skipped when not installed).
Medians over >= 5 runs. Also: verify time and bytes added by the signature.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 5


def _median_time(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _i in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _big_pdf(path: Path, pages: int = 100, target_mb: float = 20.0) -> Path:
    """~target_mb of incompressible page images (JPEG noise), one distinct image per page."""
    import numpy as np
    from PIL import Image
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    rng = np.random.default_rng(7)
    side = int((target_mb * 1_000_000 / pages / 1.0) ** 0.5)  # grey JPEG q90 noise ~1 B/pixel
    c = canvas.Canvas(str(path), pagesize=A4)
    for i in range(pages):
        noise = rng.integers(0, 256, size=(side, side), dtype=np.uint8)
        buf = BytesIO()
        Image.fromarray(noise, "L").convert("RGB").save(buf, "JPEG", quality=90)
        buf.seek(0)
        c.drawImage(ImageReader(buf), 72, 300, width=450, height=450)
        c.drawString(72, 780, f"Trang {i + 1}")
        c.showPage()
    c.save()
    return path


def _bare_pyhanko(pdf_in: Path, pdf_out: Path, signer, options) -> Callable[[], None]:
    """pyHanko's own PdfSigner.sign_pdf with the same PAdES settings and the same stamp (or
    none), writing to a plain file: what our façade adds is checks, placement and atomicity."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    from signing import stamp as stamps

    def run() -> None:
        meta = signers.PdfSignatureMetadata(
            field_name="Signature1", md_algorithm="sha256", subfilter=fields.SigSeedSubFilter.PADES
        )
        visible = options.stamp.visible
        box = (347, 28, 567, 92) if visible else None
        pdf_signer = signers.PdfSigner(
            meta,
            signer,
            stamp_style=stamps.stamp_style(options) if visible else None,
            new_field_spec=fields.SigFieldSpec("Signature1", on_page=-1, box=box),
        )
        with open(pdf_in, "rb") as fh, open(pdf_out, "wb") as out:
            writer = IncrementalPdfFileWriter(fh, strict=False)
            pdf_signer.sign_pdf(
                writer, output=out, appearance_text_params=stamps.text_params(options, "x")
            )

    return run


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(ROOT))
    from signing import SignOptions, StampOptions, open_p12, open_token, sign
    from signing.verify import verify
    from tests.signing.conftest import make_pdf
    from tests.signing.pki import P12_PASSWORD, build_pki, make_softhsm_token, softhsm_available

    runs = RUNS
    for arg in argv:
        if arg.startswith("--runs="):
            runs = max(5, int(arg.split("=", 1)[1]))
    with tempfile.TemporaryDirectory(prefix="hoso-bench-sign-") as tmp:
        folder = Path(tmp)
        pki = build_pki(folder / "pki")
        small = make_pdf(folder / "one-page.pdf")
        t0 = time.perf_counter()
        big = _big_pdf(folder / "hundred-pages.pdf")
        made = time.perf_counter() - t0
        print(f"inputs: 1 page {small.stat().st_size / 1e3:.1f} KB; "
              f"100 pages {big.stat().st_size / 1e6:.1f} MB (made in {made:.1f} s)")  # fmt: skip
        signers_ = [("p12", open_p12(pki.p12("signer"), P12_PASSWORD))]
        if softhsm_available():
            token = make_softhsm_token(pki, folder / "softhsm")
            signers_.append(("softhsm", open_token(token["module"], token["label"], token["pin"])))
        else:
            print("softhsm2 not installed: token rows skipped")
        invisible = SignOptions(stamp=StampOptions(visible=False))
        stamped = SignOptions(reason="Nộp hồ sơ trực tuyến", location="Hà Nội")
        header = (f"{'input':<10} {'signer':<8} {'stamp':<6} {'bare pyHanko s':>14} "
                  f"{'ours s':>7} {'ratio':>6} {'added KB':>9} {'verify s':>9}")  # fmt: skip
        print(f"runs per cell: {runs} (median, after one warm-up run)")
        print(header)
        print("-" * len(header))
        for input_name, pdf in (("1 page", small), ("100 pages", big)):
            for signer_name, signer in signers_:
                for stamp_name, options in (("no", invisible), ("yes", stamped)):
                    ours_out = folder / "ours.pdf"
                    bare_fn = _bare_pyhanko(pdf, folder / "bare.pdf", signer.signer, options)
                    ours_fn = lambda p=pdf, out=ours_out, o=options, s=signer: sign(p, out, o, s)  # noqa: E731
                    bare_fn(), ours_fn()  # warm-up: imports, font parsing caches
                    bare = _median_time(bare_fn, runs)
                    ours = _median_time(ours_fn, runs)
                    added = (ours_out.stat().st_size - pdf.stat().st_size) / 1000
                    verify_s = _median_time(lambda out=ours_out: verify(out), runs)
                    print(f"{input_name:<10} {signer_name:<8} {stamp_name:<6} {bare:>14.3f} "
                          f"{ours:>7.3f} {ours / bare:>6.2f} {added:>9.1f} "
                          f"{verify_s:>9.3f}")  # fmt: skip
        for _name, signer in signers_:
            signer.close()
    print("targets: ratio <= 1.5 (ours vs bare pyHanko), added <= 25 KB (no stamp image)")
    return 0
