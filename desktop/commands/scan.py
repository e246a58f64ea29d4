"""`hoso scan` (photos, scans and PDFs into clean true-size PDF pages) and `hoso detect`."""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from common.errors import InputError
from common.i18n import _

PAPERS = ("auto", "a4", "a5", "letter", "card", "free")
MODES = ("color", "compact", "gray", "bw", "original")
_UNITS = {"": 1, "b": 1, "k": 1000, "kb": 1000, "m": 1000**2, "mb": 1000**2, "kib": 1024,
          "mib": 1024**2}  # fmt: skip


def parse_size(text: str) -> int:
    """'5MB', '500KB', '5M', '1200000' -> bytes."""
    match = re.fullmatch(r"\s*([0-9]+(?:[.,][0-9]+)?)\s*([a-zA-Z]*)\s*", text)
    unit = match.group(2).lower() if match else ""
    if not match or unit not in _UNITS:
        raise argparse.ArgumentTypeError(_("not a size: {value}").format(value=text))
    return int(float(match.group(1).replace(",", ".")) * _UNITS[unit])


def parse_quad(text: str) -> tuple[tuple[float, float], ...]:
    try:
        values = [float(v) for v in text.split(",")]
    except ValueError:
        values = []
    if len(values) != 8:
        raise argparse.ArgumentTypeError(
            _("the corners must be 8 numbers: x1,y1,x2,y2,x3,y3,x4,y4")
        )
    return tuple((values[i], values[i + 1]) for i in range(0, 8, 2))


def parse_rotation(text: str) -> int | str:
    if text == "auto":
        return "auto"
    if text in ("0", "90", "180", "270"):
        return int(text)
    raise argparse.ArgumentTypeError(_("the rotation must be 0, 90, 180, 270 or auto"))


def register(subparsers: argparse._SubParsersAction) -> None:
    scan = subparsers.add_parser(
        "scan", help=_("turn photos, scans or PDF pages into a clean PDF at true paper size")
    )
    scan.add_argument("inputs", nargs="*", type=Path, metavar="IN", help=_("images or PDFs"))
    scan.add_argument("-o", "--output", type=Path, required=True, help=_("output PDF"))
    scan.add_argument("--paper", choices=PAPERS, default="auto", help=_("paper size"))
    scan.add_argument(
        "--mode",
        choices=MODES,
        default="color",
        help=_(
            "enhancement mode; color stores text pages compact (sharp 1-bit text, colours and "
            "paper as small JPEGs) when that is smaller, compact always does"
        ),
    )
    scan.add_argument("--dpi", type=int, help=_("output resolution (200 pages, 300 cards)"))
    scan.add_argument("--max-size", type=parse_size, help=_("size limit of the PDF, e.g. 5MB"))
    scan.add_argument("--quad", type=parse_quad, help=_("corners x1,y1,...,x4,y4 (one image)"))
    scan.add_argument("--rotate", type=parse_rotation, default=0, help=_("0, 90, 180, 270 or auto"))
    scan.add_argument(
        "--id-card",
        nargs=2,
        type=Path,
        metavar=("FRONT", "BACK"),
        help=_("front and back of an ID card on one A4 page"),
    )
    scan.add_argument(
        "--separate",
        action="store_true",
        help=_("one PDF per input file, in the folder given by -o"),
    )
    scan.add_argument("--scanner", metavar="DEVICE", help=_("scan from a SANE device, e.g. test"))
    scan.add_argument("--jobs", type=int, default=2, help=_("worker processes (default 2)"))
    scan.set_defaults(handler=_scan)

    detect = subparsers.add_parser(
        "detect", help=_("find the corners of the document in a photo (JSON)")
    )
    detect.add_argument("image", type=Path)
    detect.set_defaults(handler=_detect)


def _options(args: argparse.Namespace):
    from scanning import ScanOptions

    return ScanOptions(
        paper=args.paper,
        mode=args.mode,
        dpi=args.dpi,
        quad=args.quad,
        rotation=args.rotate,
    ).validate()


def _progress(done: int, total: int, message: str) -> None:
    if sys.stderr.isatty():
        print(f"\r[{done}/{total}] {message[:60]:60}", end="", file=sys.stderr, flush=True)
        if done == total:
            print(file=sys.stderr)


def _scan(args: argparse.Namespace) -> int:
    from scanning import scan_id_card, scan_to_pdf

    options = _options(args)
    if args.id_card:
        if args.inputs:
            raise InputError(_("--id-card takes exactly the front and the back images."))
        report = scan_id_card(args.id_card[0], args.id_card[1], args.output, options, _progress)
        _print_report([report])
        return 0
    from scanning import expand_inputs

    inputs = expand_inputs(args.inputs)
    if args.scanner:
        inputs.append(_acquire(args.scanner, args.dpi or 200, args.output))
    if not inputs:
        raise InputError(_("No input files."))
    if args.quad is not None and len(inputs) != 1:
        raise InputError(_("Corners can only be given for a single image."))
    if args.separate:
        reports = []
        for path in inputs:
            target = args.output / f"{path.stem}.pdf"
            reports.append(
                scan_to_pdf([path], target, options, _progress, max_file_bytes=args.max_size)
            )
        _print_report(reports)
        return 0
    report = scan_to_pdf(
        inputs, args.output, options, _progress, max_file_bytes=args.max_size, workers=args.jobs
    )
    _print_report([report])
    return 0


def _acquire(device: str, dpi: int, output: Path) -> Path:
    """One page from a SANE scanner, kept as a PNG beside the output (the original)."""
    from common.fsutil import atomic_write_bytes
    from scanning import SaneSource, encode_lossless_png

    page = next(iter(SaneSource(device=device, resolution=dpi).acquire()))
    target = output.with_name(f"{output.stem}-scanner.png")
    atomic_write_bytes(target, encode_lossless_png(page.image, page.dpi or dpi), private=False)
    return target


def _print_report(reports) -> None:
    for report in reports:
        print(f"{report.output}\t{report.pages} {_('page(s)')}\t{report.bytes} B")
        for notice in report.notices:
            print(f"hoso: {notice}", file=sys.stderr)


def _detect(args: argparse.Namespace) -> int:
    from scanning import detect, load_page

    page = load_page(args.image)
    print(json.dumps(detect(page.image), ensure_ascii=False))
    return 0
