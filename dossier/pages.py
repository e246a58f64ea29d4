"""The pages of a component: edits as steps, order, multi-page originals, stale results.

Each scanned page is one DossierFile whose `steps` (typed in scanning.steps, stored as JSON)
say how to turn the untouched original into the page: the quad, rotation, mode. Pages of a
multi-page PDF or TIFF share one original and differ by their "page" step. Editing a page
appends a step; undo drops the last one the user made (detection's carry a marker).
"""

from __future__ import annotations

import dataclasses
import uuid
from pathlib import Path
from typing import Any

from dossier.model import DossierFile
from scanning import steps

DEFAULT_COMPONENT = "giay-to"
IMAGE_KINDS = ("image", "pdf")


def scan_files(dossier, component_id: str) -> list[DossierFile]:
    return [f for f in dossier.component(component_id).files if f.kind in IMAGE_KINDS]


def _steps(item: DossierFile) -> list[steps.Step]:
    return steps.parse(item.steps)


def _append(item: DossierFile, step: steps.Step) -> None:
    item.steps.append(steps.to_json(step))


def rotate(item: DossierFile, quarter_turns: int) -> None:
    """Turn the page clockwise by quarter_turns * 90 degrees (negative: counter-clockwise)."""
    current = steps.last(_steps(item), steps.Rotate)
    degrees = current.degrees if current is not None else 0
    _append(item, steps.Rotate(degrees=(degrees + 90 * quarter_turns) % 360))


def set_mode(item: DossierFile, mode: str) -> None:
    current = steps.last(_steps(item), steps.Mode)
    if (current.mode if current is not None else "color") != mode or not item.steps:
        _append(item, steps.Mode(mode=mode))


def set_quad(item: DossierFile, quad: list[list[float]]) -> None:
    _append(item, steps.Quad(points=tuple((float(x), float(y)) for x, y in quad)))


def detected(stored: list[dict[str, Any]]) -> bool:
    """True once detection proposed the page's steps (they carry its marker)."""
    return steps.was_detected(steps.parse(stored))


def undo(item: DossierFile) -> bool:
    """Drop the last edit made by the user (detection's steps stay)."""
    typed = _steps(item)
    if steps.was_detected(typed) and not typed[-1].detected:
        item.steps.pop()
        return True
    return False


def move(dossier, component_id: str, file_id: str, new_index: int) -> None:
    files = dossier.component(component_id).files
    for index, item in enumerate(files):
        if item.id == file_id:
            files.insert(max(0, min(new_index, len(files) - 1)), files.pop(index))
            return


def add_pages(dossier, component_id: str, first: DossierFile, page_count: int) -> list[DossierFile]:
    """Entries for pages 2..n of a multi-page original (page 1 is `first`)."""
    entry = dossier.component(component_id)
    added = []
    position = entry.files.index(first) + 1
    for page in range(1, page_count):
        item = dataclasses.replace(
            first,
            id=uuid.uuid4().hex[:12],
            name=f"{first.name} ({page + 1})",
            steps=[steps.to_json(steps.Page(index=page))],
        )
        entry.files.insert(position, item)
        position += 1
        added.append(item)
    return added


def forget_result(entry, item: DossierFile) -> None:
    """The page's PDF no longer matches its edits; an ID card sheet made with this page is
    dropped for both sides (a signed result is the user's, kept)."""
    if item.signed:
        return
    for other in entry.sharing_result(item):
        if not other.signed:
            other.derived = None


def forget_reordered_sheets(entry, before: list[str], after: list[str]) -> None:
    """An ID card sheet shows its sides in the order of the pages: swapping them drops the
    sheet, as any other edit does; a page's own PDF does not depend on its position."""
    for item in [f for f in entry.files if f.kind in IMAGE_KINDS]:
        group = [other.id for other in entry.sharing_result(item)]
        if len(group) > 1 and sorted(group, key=before.index) != sorted(group, key=after.index):
            forget_result(entry, item)


def split_pages(pdf: Path, targets: list[Path]) -> list[Path]:
    """One single-page PDF per target from the pages of `pdf`, in order (worker thread);
    written atomically; the page data is copied, not re-encoded."""
    import pymupdf

    from common.fsutil import atomic_output, make_private_dir

    with pymupdf.open(pdf) as source:
        if source.page_count != len(targets):
            return []
        for index, target in enumerate(targets):
            make_private_dir(target.parent)
            with pymupdf.open() as single, atomic_output(target) as temp:
                single.insert_pdf(source, from_page=index, to_page=index)
                single.save(temp, garbage=3, deflate=True)
    return targets
