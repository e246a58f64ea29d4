"""The scanning pipeline: page image -> detected quad -> true-size warp -> rotation/deskew ->
enhancement -> budget-fitted encoding; and its replay from stored steps (non-destructive).

Steps are small JSON dicts kept in DossierFile.steps (typed and converted in scanning.steps),
applied in order to the untouched original; the last step of a kind wins:
    {"op": "page", "index": 0}                      which page/frame of the original file
    {"op": "quad", "points": [[x, y] x4]}           corners TL, TR, BR, BL in upright pixels
    {"op": "full_frame"}                            no cropping (flat scan, page fills photo)
    {"op": "paper", "paper": "a4"}                  a4, a5, letter, card, free
    {"op": "dpi", "dpi": 200}
    {"op": "rotate", "degrees": 90}                 clockwise, after the warp
    {"op": "deskew", "degrees": 1.5}                counter-clockwise skew removed (flat scans)
    {"op": "mode", "mode": "color"}                 color, compact, gray, bw, original
    {"op": "budget", "bytes": 500000}               byte budget of this page
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np

from common.errors import InputError
from common.i18n import _
from common.progress import ProgressFn, check_cancel, no_progress
from scanning import enhance as enhance_module
from scanning import geometry
from scanning import steps as step_types
from scanning.detection import Detection, detect_quad, full_frame, order_corners
from scanning.encode import EncodedPage, encode_page
from scanning.imports import (
    DEFAULT_MAX_PIXELS,
    DEFAULT_PDF_DPI,
    ImportOptions,
    LoadedPage,
    iter_pages,
)
from scanning.imports import load_page as _load_page
from scanning.imports import load_pages as _load_pages

STEP_OPS = step_types.STEP_OPS


@dataclass(frozen=True)
class ScanOptions:
    """How to turn a photo or scanner page into a document page."""

    paper: str = "auto"  # auto, a4, a5, letter, card, free
    mode: str = "color"  # color (compact on text pages where it wins), compact, gray, bw, original
    dpi: int | None = None  # None: 200 for pages, 300 for cards
    # bytes per page; None: full DPI, quality 75 (85 original) lowered to 60 at most to keep a
    # cleaned page near 250 KB per A4 (scanning.encode.SOFT_BYTES_PER_MEGAPIXEL)
    page_budget: int | None = None
    quad: tuple[tuple[float, float], ...] | None = None  # manual corners (TL, TR, BR, BL)
    full_frame: bool = False  # do not look for a document: keep the whole image
    rotation: int | str = 0  # 0, 90, 180, 270 (clockwise) or "auto" (text pages)
    deskew: bool = True  # straighten flat scans (no quad found) up to 15 degrees
    max_pixels: int = DEFAULT_MAX_PIXELS
    pdf_dpi: int = DEFAULT_PDF_DPI

    def validate(self) -> ScanOptions:
        if self.paper not in geometry.PAPER_CHOICES:
            raise InputError(_("Unknown paper size: {value}").format(value=self.paper))
        if self.mode not in enhance_module.MODES:
            raise InputError(_("Unknown mode: {value}").format(value=self.mode))
        if self.dpi is not None and not 50 <= self.dpi <= 1200:
            raise InputError(_("The resolution must be between 50 and 1200 DPI."))
        if self.rotation not in (0, 90, 180, 270, "auto"):
            raise InputError(_("The rotation must be 0, 90, 180, 270 or auto."))
        if self.quad is not None and len(self.quad) != 4:
            raise InputError(_("The corners must be four points."))
        return self

    @property
    def import_options(self) -> ImportOptions:
        return ImportOptions(max_pixels=self.max_pixels, pdf_dpi=self.pdf_dpi)


@dataclass
class ScanResult:
    """One processed page and how it was made (steps replay it from the original)."""

    image: np.ndarray  # the enhanced page (RGB, or single channel for gray/bw)
    encoded: EncodedPage | None
    quad: tuple[tuple[float, float], ...]
    found: bool  # a document outline was found (or given)
    confidence: float
    paper: str
    dpi: float
    size_mm: tuple[float, float]
    rotation: int
    skew: float
    mode: str
    steps: list[dict[str, Any]]
    notices: list[str] = field(default_factory=list)


def detect(image: np.ndarray) -> dict[str, Any]:
    """Detection summary as `hoso detect` prints it: found, quad, paper, confidence."""
    found = detect_quad(image)
    height, width = image.shape[:2]
    quad = found.as_array()
    paper = "free"
    if found.found:
        paper = geometry.guess_paper(geometry.measured_aspect(quad, width, height))
    return {
        "found": found.found,
        "quad": [[round(x, 1), round(y, 1)] for x, y in found.quad],
        "paper": paper,
        "confidence": round(found.confidence, 3),
    }


def process(
    page: np.ndarray | LoadedPage,
    options: ScanOptions | None = None,
    *,
    encode: bool = True,
    page_index: int = 0,
) -> ScanResult:
    """Turn one upright image into a finished page (see the module docstring for the steps)."""
    options = (options or ScanOptions()).validate()
    notices = list(page.warnings) if isinstance(page, LoadedPage) else []
    if isinstance(page, LoadedPage) and page.format == "PDF" and options.quad is None:
        options = replace(options, full_frame=True)  # a PDF page is already a flat document
    image = page.image if isinstance(page, LoadedPage) else page
    if image.ndim == 2:
        image = np.repeat(image[:, :, None], 3, axis=2)
    height, width = image.shape[:2]

    detection = _outline(image, options)
    quad = detection.as_array()
    if not detection.found and not options.full_frame:
        notices.append(_("No page edge was found: the whole image is used."))
    aspect = geometry.measured_aspect(quad, width, height)
    paper = options.paper
    if paper == "auto":
        paper = geometry.guess_paper(aspect) if detection.found else _frame_paper(aspect)
    size_mm = geometry.output_size_mm(paper, aspect)
    dpi = float(options.dpi or geometry.PAPERS.get(paper, geometry.PAPERS["a4"]).default_dpi)
    result = geometry.warp(image, quad, geometry.pixels_for(size_mm, dpi))

    skew = 0.0
    if options.deskew and not detection.found:
        skew = geometry.estimate_skew(result)
        result = geometry.deskew(result, skew)
    rotation = geometry.guess_rotation(result) if options.rotation == "auto" else options.rotation
    rotation = int(rotation) % 360
    result = geometry.rotate_right_angle(result, rotation)
    if rotation in (90, 270):
        size_mm = (size_mm[1], size_mm[0])

    result = enhance_module.enhance(result, options.mode, gentle=paper == "card")
    encoded = None
    if encode:
        encoded = encode_page(result, options.mode, dpi, size_mm, options.page_budget,
                              auto_compact=paper != "card")  # fmt: skip
        if encoded.over_budget:
            notices.append(
                _("The page is still larger than the size limit at the lowest allowed quality.")
            )
    steps = _steps_for(page_index, detection, paper, dpi, rotation, skew, options)
    return ScanResult(
        image=result,
        encoded=encoded,
        quad=detection.quad,
        found=detection.found,
        confidence=detection.confidence,
        paper=paper,
        dpi=dpi,
        size_mm=size_mm,
        rotation=rotation,
        skew=skew,
        mode=options.mode,
        steps=steps,
        notices=notices,
    )


def _frame_paper(aspect: float) -> str:
    """Paper of a whole image (a flatbed scan, a page filling the photo): only exact matches."""
    guess = geometry.guess_paper(aspect)
    return guess if guess != "card" else "free"


def _outline(image: np.ndarray, options: ScanOptions) -> Detection:
    height, width = image.shape[:2]
    if options.quad is not None:
        quad = order_corners(np.array(options.quad, dtype=np.float64))
        quad[:, 0] = np.clip(quad[:, 0], 0, width)
        quad[:, 1] = np.clip(quad[:, 1], 0, height)
        points = tuple((float(x), float(y)) for x, y in quad)
        return Detection(points, 1.0, True, width, height)
    if options.full_frame:
        points = tuple((float(x), float(y)) for x, y in full_frame(width, height))
        return Detection(points, 1.0, False, width, height)
    return detect_quad(image)


def _steps_for(index, detection, paper, dpi, rotation, skew, options) -> list[dict[str, Any]]:
    steps: list[dict[str, Any]] = [{"op": "page", "index": int(index)}]
    if detection.found:
        steps.append({"op": "quad", "points": [[x, y] for x, y in detection.quad]})
    else:
        steps.append({"op": "full_frame"})
    steps += [
        {"op": "paper", "paper": paper},
        {"op": "dpi", "dpi": round(dpi)},
        {"op": "rotate", "degrees": int(rotation)},
        {"op": "deskew", "degrees": round(float(skew), 2)},
        {"op": "mode", "mode": options.mode},
    ]
    if options.page_budget:
        steps.append({"op": "budget", "bytes": int(options.page_budget)})
    return steps


def options_from_steps(
    steps: Sequence[dict[str, Any]], base: ScanOptions | None = None
) -> tuple[int, ScanOptions, float | None]:
    """(page index, options, fixed skew or None) described by a list of stored steps
    (scanning.steps: the JSON conversion and the one `apply`)."""
    return step_types.apply(step_types.parse(steps), base)


def apply_steps(
    original: str | Path | np.ndarray,
    steps: Sequence[dict[str, Any]],
    base: ScanOptions | None = None,
    *,
    encode: bool = True,
) -> ScanResult:
    """Replay stored edits on the untouched original (a file path or an upright image)."""
    index, options, skew = options_from_steps(steps, base)
    if isinstance(original, np.ndarray):
        image = original
    else:
        image = _load_page(original, options.import_options, index)  # warnings kept
    if skew is not None:
        # the skew was measured once; replaying it must not depend on the estimator
        result = process(image, replace(options, deskew=False), encode=False, page_index=index)
        if abs(skew) > 0.04 and result.rotation == 0:
            result.image = geometry.deskew(result.image, skew)
        result.skew = skew
        result.steps = [s if s["op"] != "deskew" else {"op": "deskew", "degrees": skew}
                        for s in result.steps]  # fmt: skip
        if encode:
            result.encoded = _encode(result, options.mode, options.page_budget)
        return result
    return process(image, options, encode=encode, page_index=index)


# --- files and batches -----------------------------------------------------------------------


@dataclass
class ScanReport:
    """What scan_to_pdf produced."""

    output: Path
    pages: int
    bytes: int
    results: list[ScanResult]
    notices: list[str]


def load_pages(path: str | Path, options: ScanOptions | None = None) -> list[LoadedPage]:
    options = options or ScanOptions()
    return _load_pages(path, options.import_options)


def count_pages(path: str | Path, options: ScanOptions | None = None, strict: bool = False) -> int:
    """Pages in an input without decoding pixels (PDF pages, TIFF frames, else 1); with
    `strict`, InputError for a file that cannot be imported (unknown format, bomb...)."""
    from scanning.imports import count_pages as _count

    return _count(path, (options or ScanOptions()).import_options, strict)


def process_file(path: str | Path, options: ScanOptions) -> list[ScanResult]:
    """Every page of one input file, processed (runs in a worker process in batches)."""
    results = []
    for page in iter_pages(path, options.import_options):
        result = process(page, options, page_index=page.index)
        result.image = result.image[:0]  # pixels are not needed by the caller: keep IPC small
        if page.warnings or result.notices:
            result.notices = [f"{Path(path).name}: {n}" for n in result.notices]
        results.append(result)
    return results


INPUT_SUFFIXES = (".jpg", ".jpeg", ".png", ".tif", ".tiff", ".webp", ".bmp", ".heic", ".heif",
                  ".pdf", ".gif")  # fmt: skip


def expand_inputs(inputs: Sequence[str | Path]) -> list[Path]:
    """Files as given; a folder stands for its images and PDFs in name order."""
    expanded: list[Path] = []
    for item in map(Path, inputs):
        if item.is_dir():
            children = [p for p in item.iterdir() if p.suffix.lower() in INPUT_SUFFIXES]
            expanded.extend(sorted(children, key=lambda p: p.name.lower()))
        else:
            expanded.append(item)
    return expanded


PDF_OVERHEAD = 4096  # bytes of PDF structure around the page images


def scan_to_pdf(
    inputs: Sequence[str | Path],
    output: str | Path,
    options: ScanOptions | None = None,
    progress: ProgressFn | None = None,
    cancel: threading.Event | None = None,
    *,
    max_file_bytes: int | None = None,
    workers: int = 2,
) -> ScanReport:
    """Photos, scans or PDFs into one multi-page PDF of true-size pages (atomic write)."""
    from scanning.encode import write_pdf

    options = (options or ScanOptions()).validate()
    progress = progress or no_progress
    inputs = expand_inputs(inputs)
    if not inputs:
        raise InputError(_("No input files."))
    if options.quad is not None and len(inputs) > 1:
        raise InputError(_("Corners can only be given for a single image."))
    if max_file_bytes:
        total_pages = sum(count_pages(p, options) for p in inputs)
        budget = max(20_000, (max_file_bytes - PDF_OVERHEAD) // max(1, total_pages))
        options = replace(options, page_budget=budget)
    check_cancel(cancel)
    results = _run_batch(inputs, options, progress, cancel, workers)
    pages = [r.encoded for r in results if r.encoded is not None]
    check_cancel(cancel)
    write_pdf(pages, Path(output), title=Path(output).stem)
    notices = [n for r in results for n in r.notices]
    size = Path(output).stat().st_size
    progress(len(inputs), len(inputs), _("Done"))
    return ScanReport(Path(output), len(pages), size, results, notices)


def _run_batch(inputs, options, progress, cancel, workers) -> list[ScanResult]:
    jobs = [(path, options) for path in inputs]
    per_file = _map_jobs(process_file, jobs, progress, cancel, workers)
    return [result for results in per_file for result in results]


def _worker_setup() -> None:
    """One OpenCV thread per worker process: the processes already use every core."""
    import cv2

    cv2.setNumThreads(1)


def scan_id_card(
    front: str | Path,
    back: str | Path,
    output: str | Path,
    options: ScanOptions | None = None,
    progress: ProgressFn | None = None,
    cancel: threading.Event | None = None,
) -> ScanReport:
    """Front and back of an ID card, each at true size (85.60 x 53.98 mm), on one A4 page."""
    from scanning.encode import write_card_sheet

    options = replace(options or ScanOptions(), paper="card", quad=None).validate()
    progress = progress or no_progress
    results = []
    for done, path in enumerate((Path(front), Path(back))):
        check_cancel(cancel)
        progress(done, 2, path.name)
        results.append(process(_load_page(path, options.import_options), options))
    check_cancel(cancel)
    encoded = [r.encoded for r in results]
    assert encoded[0] is not None and encoded[1] is not None
    write_card_sheet(encoded[0], encoded[1], Path(output), title=Path(output).stem)
    progress(2, 2, _("Done"))
    notices = [n for r in results for n in r.notices]
    return ScanReport(Path(output), 1, Path(output).stat().st_size, results, notices)


# --- dossier pages: previews and export from stored steps -------------------------------------


def scaled_steps(steps: Sequence[dict[str, Any]], factor: float) -> list[dict[str, Any]]:
    """The same edits for an image resized by `factor` (quad points and DPI scaled)."""
    return step_types.dump(step_types.scaled(step_types.parse(steps), factor))


def initial_steps(original: str | Path, page_index: int = 0) -> list[dict[str, Any]]:
    """Steps of a freshly imported page: what detection decides on the full-size image,
    marked as detection's (undo keeps them)."""
    index = max(0, page_index)
    page = _load_page(original, ScanOptions().import_options, index)
    proposed = process(page, ScanOptions(), encode=False, page_index=index).steps
    return step_types.dump(step_types.mark_detected(step_types.parse(proposed)))


def preview(
    original: str | Path, steps: Sequence[dict[str, Any]], long_side: int = 1000
) -> ScanResult:
    """A quick, screen-sized rendering of a page with its edits (full size is for export).

    `encoded` holds the page encoded at the preview resolution; estimated_bytes() scales it.
    """
    index, options, _skew = options_from_steps(steps)
    page = _load_page(original, options.import_options, index)
    image = page.image
    factor = min(1.0, long_side / max(image.shape[:2]))
    if factor < 1.0:
        import cv2

        image = cv2.resize(image, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA)
    result = apply_steps(image, scaled_steps(steps, factor))
    result.steps = list(steps)
    result.notices = [*page.warnings, *result.notices]
    return result


def estimated_bytes(preview_result: ScanResult, full_dpi: float) -> int:
    """Bytes of the full-size page estimated from a preview (JPEG size grows with area; a
    compact page's mask is 300 DPI already in the preview, its two JPEGs grow with area)."""
    encoded = preview_result.encoded
    if encoded is None:
        return 0
    ratio = (full_dpi / max(1.0, encoded.dpi)) ** 2
    if encoded.layers is not None:
        layers = encoded.layers
        grown = (len(layers.foreground) + len(layers.background)) * ratio * 0.55
        return int(len(layers.mask) + grown)
    return int(encoded.size * ratio * 0.55)  # finer pixels compress better


def _encode(result: ScanResult, mode: str, budget: int | None) -> EncodedPage:
    """The page's encoding; ID cards (a portrait, printed backgrounds) are never compact
    unless asked."""
    return encode_page(result.image, mode, result.dpi, result.size_mm, budget,
                       auto_compact=result.paper != "card")  # fmt: skip


def _process_edited(original: str, steps: list[dict[str, Any]], budget: int | None) -> ScanResult:
    """One dossier page at full size, encoded once: within the file's share of the limit when
    there is one, else within the page's own budget step."""
    _, options, _ = options_from_steps(steps)
    result = apply_steps(original, steps, ScanOptions(page_budget=budget), encode=False)
    result.encoded = _encode(result, options.mode, budget or options.page_budget)
    result.image = result.image[:0]
    return result


def render_pdf(
    pages: Sequence[tuple[str | Path, Sequence[dict[str, Any]]]],
    output: str | Path,
    progress: ProgressFn | None = None,
    cancel: threading.Event | None = None,
    *,
    max_file_bytes: int | None = None,
    workers: int = 2,
) -> ScanReport:
    """Dossier pages (original file + steps) at full size into one PDF, within a byte budget."""
    from scanning.encode import write_pdf

    progress = progress or no_progress
    if not pages:
        raise InputError(_("No input files."))
    budget = None
    if max_file_bytes:
        budget = max(20_000, (max_file_bytes - PDF_OVERHEAD) // len(pages))
    jobs = [(str(path), list(steps), budget) for path, steps in pages]
    results = _map_jobs(_process_edited, jobs, progress, cancel, workers)
    check_cancel(cancel)
    write_pdf([r.encoded for r in results if r.encoded is not None], Path(output))
    progress(len(jobs), len(jobs), _("Done"))
    notices = [n for r in results for n in r.notices]
    return ScanReport(Path(output), len(results), Path(output).stat().st_size, results, notices)


def render_card_pdf(
    front: tuple[str | Path, Sequence[dict[str, Any]]],
    back: tuple[str | Path, Sequence[dict[str, Any]]],
    output: str | Path,
    progress: ProgressFn | None = None,
    cancel: threading.Event | None = None,
) -> ScanReport:
    """Both sides of an ID card (original + steps) at true size on one A4 page."""
    from scanning.encode import write_card_sheet

    progress = progress or no_progress
    results = []
    for done, (path, steps) in enumerate((front, back)):
        check_cancel(cancel)
        progress(done, 2, Path(path).name)
        card_steps = [*steps, {"op": "paper", "paper": "card"}]
        if not any(step.get("op") == "dpi" for step in steps):
            card_steps.append({"op": "dpi", "dpi": geometry.PAPERS["card"].default_dpi})
        results.append(apply_steps(path, card_steps))
    check_cancel(cancel)
    encoded = [r.encoded for r in results]
    if encoded[0] is None or encoded[1] is None:
        raise InputError(_("No input files."))
    write_card_sheet(encoded[0], encoded[1], Path(output), title=Path(output).stem)
    progress(2, 2, _("Done"))
    notices = [n for r in results for n in r.notices]
    return ScanReport(Path(output), 1, Path(output).stat().st_size, results, notices)


def _map_jobs(function, jobs, progress, cancel, workers) -> list:
    """function(*job) for every job, in order; in `workers` processes when there are several.

    A pool that cannot start (a frozen app without multiprocessing support, no semaphores)
    falls back to this process: slower, never wrong.
    """
    total = len(jobs)
    progress(0, total, _("Scanning pages..."))
    if workers > 1 and total > 1:
        from concurrent.futures.process import BrokenProcessPool

        try:
            return _map_in_pool(function, jobs, progress, cancel, workers)
        except (BrokenProcessPool, OSError, PermissionError) as exc:
            import logging

            logging.getLogger(__name__).warning("process pool unavailable (%s): one process", exc)
    results = []
    for done, job in enumerate(jobs, 1):
        check_cancel(cancel)
        results.append(function(*job))
        progress(done, total, "")
    return results


def _map_in_pool(function, jobs, progress, cancel, workers) -> list:
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    total = len(jobs)
    # spawn, not fork: forking a process that runs Qt threads is unsafe
    context = multiprocessing.get_context("spawn")
    ordered: dict[int, Any] = {}
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_worker_setup
    ) as pool:
        futures = {pool.submit(function, *job): i for i, job in enumerate(jobs)}
        pending = set(futures)
        try:
            while pending:
                done, pending = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
                check_cancel(cancel)
                for future in done:
                    ordered[futures[future]] = future.result()
                    progress(len(ordered), total, "")
        except BaseException:
            for future in pending:
                future.cancel()
            pool.shutdown(wait=True, cancel_futures=True)
            raise
    return [ordered[i] for i in range(total)]
