"""Scanning: phone photos and scanner pages into clean, true-size colour scans (Qt-free).

The façade (ARCHITECTURE.md rule 1):

    from scanning import ScanOptions, process, detect, scan_to_pdf, scan_id_card, apply_steps
    result = process(image, ScanOptions(paper="auto", mode="color"))   # one page, in memory
    report = scan_to_pdf(paths, "out.pdf", ScanOptions(), progress, cancel,
                         max_file_bytes=5_000_000)                     # a batch, 2 processes
    result = apply_steps(original_path, dossier_file.steps)            # non-destructive replay

Names are loaded on first use (common.facade) so `import scanning` stays cheap (OpenCV loads
lazily). Page edits are typed in `scanning.steps` (exported as `steps`).
"""

from __future__ import annotations

from common.facade import install

install(
    __name__,
    {
        "ScanOptions": "scanning.pipeline",
        "ScanResult": "scanning.pipeline",
        "ScanReport": "scanning.pipeline",
        "process": "scanning.pipeline",
        "detect": "scanning.pipeline",
        "apply_steps": "scanning.pipeline",
        "options_from_steps": "scanning.pipeline",
        "scan_to_pdf": "scanning.pipeline",
        "scan_id_card": "scanning.pipeline",
        "load_pages": "scanning.pipeline",
        "count_pages": "scanning.pipeline",
        "preview": "scanning.pipeline",
        "initial_steps": "scanning.pipeline",
        "estimated_bytes": "scanning.pipeline",
        "render_pdf": "scanning.pipeline",
        "render_card_pdf": "scanning.pipeline",
        "ImportOptions": "scanning.imports",
        "sniff_format": "scanning.imports",
        "load_page": "scanning.imports",
        "full_frame": "scanning.detection",
        "encode_lossless_png": "scanning.encode",
        "encode_page": "scanning.encode",
        "FolderSource": "scanning.sources",
        "SaneSource": "scanning.sources",
        "WiaSource": "scanning.sources",
        "LoadedPage": "scanning.imports",
        "PAPERS": "scanning.geometry",
        "PAPER_CHOICES": "scanning.geometry",
        "MODES": "scanning.enhance",
        "expand_inputs": "scanning.pipeline",
        "steps": "scanning.steps:",
    },
)
