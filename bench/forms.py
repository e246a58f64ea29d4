"""Forms: blank detection per page, fill + flatten of the 246-field F1040, subset font size;
Word forms: read + fill + save of each test .docx, PDF conversion through LibreOffice.

Targets (issue 4): blank detection <= 50 ms per page; fill and flatten F1040 <= 1 s; bytes
added by the embedded subset font <= 60 KB. Medians over 7 runs, each beside a baseline
measured in the same run (text extraction alone; open + save without filling).
Word forms (issue 15): read + fill + save of each test .docx < 0.5 s; the baseline is copying
the package part by part (what saving costs at least); LibreOffice's PDF conversion is timed
once per form where it is installed (it starts a whole office suite).
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from tests.conftest import TESTDATA

RUNS = 7
NAME = "Nguyễn Thị Ngọc Ánh"
ADDRESS = "Số 12 đường Nguyễn Trãi, Phường Bến Thành, Quận 1, Thành phố Hồ Chí Minh"


def _median(fn, runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def _blank_pages() -> list[tuple[str, Path, int]]:
    from forms.templates import templates

    pages = []
    cc01 = TESTDATA / "forms" / "vietnamese" / "cccd_to_khai_can_cuoc_CC01.pdf"
    if cc01.exists():
        pages += [("CC01", cc01, n) for n in range(3)]
    pages += [(t.id, t.path, 0) for t in templates()]
    return pages


def bench_blanks() -> None:
    import pymupdf

    from forms.blanks import find_blanks

    print(f"{'page':<28}{'blanks':>7}{'find_blanks ms':>16}{'rawdict ms':>12}{'ratio':>7}")
    worst = 0.0
    for name, path, number in _blank_pages():
        with pymupdf.open(path) as doc:
            page = doc[number]
            found = len(find_blanks(page))
            t = _median(lambda page=page: find_blanks(page))
            base = _median(lambda page=page: page.get_text("rawdict", flags=0))
        worst = max(worst, t)
        label = f"{name} p{number + 1}"
        print(f"{label:<28}{found:>7}{t * 1000:>16.1f}{base * 1000:>12.1f}{t / base:>7.1f}")
    verdict = "met" if worst <= 0.05 else "NOT met"
    print(f"worst page: {worst * 1000:.1f} ms (target <= 50 ms: {verdict})")


def bench_fill(work: Path) -> None:
    import pymupdf

    import forms

    source = TESTDATA / "forms" / "acroform" / "taxforms_fd_F1040.pdf"
    if not source.exists():
        print("taxforms_fd_F1040.pdf not found: fill benchmark skipped")
        return
    info = forms.inspect(source)
    values: dict[str, str] = {}
    samples = [NAME, ADDRESS, "0912345678", "Đặng Ưng Ộ"]
    for n, item in enumerate(i for i in info.items if i.fillable):
        if item.type in ("text", "multiline", "comb"):
            values[item.id] = samples[n % len(samples)]
        elif item.type == "checkbox":
            values[item.id] = "yes"
    filled = work / "filled.pdf"
    empty = work / "empty.pdf"

    def fill_and_flatten() -> None:
        forms.fill(source, filled, values, forms.FillOptions(flatten=True))

    def open_and_save() -> None:
        with pymupdf.open(source) as doc:
            doc.save(work / "plain.pdf", garbage=3, deflate=True)

    t_fill = _median(fill_and_flatten)
    t_base = _median(open_and_save)
    result = forms.fill(source, filled, values, forms.FillOptions(flatten=True))
    forms.fill(source, empty, {}, forms.FillOptions(flatten=True))
    added = filled.stat().st_size - empty.stat().st_size
    print(f"\nF1040: {len(info.items)} fields, {len(values)} values written")
    print(f"{'step':<36}{'median s':>10}")
    print(f"{'fill + flatten (forms.fill)':<36}{t_fill:>10.3f}")
    print(f"{'baseline: open + save (PyMuPDF)':<36}{t_base:>10.3f}")
    print(f"ratio {t_fill / t_base:.1f}; target <= 1 s: {'met' if t_fill <= 1 else 'NOT met'}")
    print(f"subset font: {result.font_bytes / 1024:.1f} KB; file grew by {added / 1024:.1f} KB "
          f"with {len(values)} appearances (target font <= 60 KB: "
          f"{'met' if result.font_bytes <= 60_000 else 'NOT met'})")  # fmt: skip


def bench_word(work: Path) -> None:
    import zipfile

    import forms
    from forms.docx import convert_to_pdf, find_soffice

    folder = TESTDATA / "forms" / "vietnamese"
    sources = sorted(folder.glob("*.docx")) if folder.is_dir() else []
    if not sources:
        print("no test .docx found: Word benchmark skipped")
        return
    overrides = {"full_name": NAME, "date_of_birth": "01/01/1990", "personal_id": "001090123456",
                 "current_residence": ADDRESS, "permanent_residence": ADDRESS,
                 "phone": "0912345678", "nationality": "Việt Nam"}  # fmt: skip
    soffice = find_soffice()
    print(f"\n{'Word form':<44}{'blanks':>7}{'filled':>7}{'read+fill+save s':>18}"
          f"{'copy s':>8}{'ratio':>7}{'LibreOffice PDF s':>19}")  # fmt: skip
    worst = 0.0
    for source in sources:
        out = work / f"filled-{source.name}"

        def read_fill_save(source: Path = source, out: Path = out) -> int:
            info = forms.inspect(source)
            values = forms.autofill(info.items, {}, overrides=overrides, today="02/12/2026")
            forms.fill(source, out, values)
            return len(values)

        def copy_parts(source: Path = source) -> None:
            with zipfile.ZipFile(source) as old, zipfile.ZipFile(work / "copy.docx", "w") as new:
                for item in old.infolist():
                    new.writestr(item, old.read(item), compress_type=item.compress_type)

        filled = read_fill_save()
        blanks = len(forms.inspect(source).items)
        t = _median(read_fill_save)
        base = _median(copy_parts)
        worst = max(worst, t)
        pdf_time = "-"
        if soffice:
            started = time.perf_counter()
            convert_to_pdf(out, work / "pdf")
            pdf_time = f"{time.perf_counter() - started:.2f}"
        print(f"{source.name[:43]:<44}{blanks:>7}{filled:>7}{t:>18.3f}{base:>8.3f}"
              f"{t / base:>7.1f}{pdf_time:>19}")  # fmt: skip
    print(f"worst read + fill + save: {worst:.3f} s (target < 0.5 s: "
          f"{'met' if worst < 0.5 else 'NOT met'})")  # fmt: skip
    if not soffice:
        print("LibreOffice not installed: PDF conversion not timed")


def main(argv: list[str]) -> int:
    bench_blanks()
    with tempfile.TemporaryDirectory(prefix="hoso-bench-") as work:
        bench_fill(Path(work))
        bench_word(Path(work))
    return 0
