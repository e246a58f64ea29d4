"""Verification benchmark: `signing.verify` (pyHanko's validation + the own comparison of every
version saved after a signature) beside pyHanko's bare `validate_pdf_signature` of the same
signatures, on countersigned files of 1, 20 and 100 text pages and on testdata/signed.

The own comparison renders each page of two consecutive versions at 30 DPI and compares words,
fields and annotations: its cost grows with pages x later versions. Medians over >= 3 runs.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 3


def _median_time(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _i in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _text_pdf(path: Path, pages: int) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    for i in range(pages):
        c.setFont("Helvetica", 11)
        for line in range(40):
            c.drawString(72, 780 - line * 17, f"Trang {i + 1}, dong {line + 1}: noi dung to khai")
        c.showPage()
    c.save()
    return path


def _bare(path: Path) -> Callable[[], None]:
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature

    def run() -> None:
        reader = PdfFileReader(BytesIO(path.read_bytes()), strict=False)
        for sig in reader.embedded_regular_signatures:
            validate_pdf_signature(sig)

    return run


def _countersigned(folder: Path, pki, pages: int) -> Path:
    """Signed twice, by two signers, each stamp in its own place."""
    from signing import SignOptions, StampOptions, open_p12, sign
    from tests.signing.pki import P12_PASSWORD

    source = _text_pdf(folder / f"in{pages}.pdf", pages)
    once, twice = folder / f"once{pages}.pdf", folder / f"twice{pages}.pdf"
    with open_p12(pki.p12("signer"), P12_PASSWORD) as signer:
        sign(source, once, SignOptions(stamp=StampOptions(page=1, rect=(300, 20, 520, 80))), signer)
    with open_p12(pki.p12("other"), P12_PASSWORD) as signer:
        sign(once, twice, SignOptions(stamp=StampOptions(page=1, rect=(60, 20, 280, 80))), signer)
    return twice


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(ROOT))
    from signing.verify import verify
    from tests.signing.pki import build_pki

    runs = max(RUNS, int(argv[argv.index("--runs") + 1])) if "--runs" in argv else RUNS
    testdata = Path(os.environ.get("HOSO_TESTDATA", ROOT.parent / "shared" / "testdata"))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        pki = build_pki(folder / "pki")
        files = [(f"{n} pages x2", _countersigned(folder, pki, n)) for n in (1, 20, 100)]
        for name in ("pyhanko/pades-lta-dss-indirect-arrs-test-2.pdf", "pdfsign/multi.pdf"):
            path = testdata / "signed" / name
            if path.exists():
                files.append((Path(name).name[:24], path))
        header = f"{'file':<26} {'versions':>8} {'bare s':>8} {'ours s':>8} {'ratio':>6}"
        print(f"runs per cell: {runs} (median, after one warm-up run)")
        print(header)
        print("-" * len(header))
        for name, path in files:
            verify(path)  # warm-up: imports, fonts
            bare = _median_time(_bare(path), runs)
            ours_report = verify(path)
            ours = _median_time(lambda p=path: verify(p), runs)
            print(
                f"{name:<26} {ours_report.versions:>8} {bare:>8.3f} {ours:>8.3f} "
                f"{ours / bare if bare else 0:>6.1f}"
            )
    print("target: a 20-page countersigned form checked in under 2 s on this machine")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
