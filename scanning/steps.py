"""Page edits as small immutable steps (ARCHITECTURE.md rule 2; NAPS2's transforms).

A page of a dossier is its untouched original plus a list of steps, replayed in order; the
last step of a kind wins, so undo is dropping the last step. The steps are stored as JSON in
`DossierFile.steps`; this module is the only place that converts them (`from_json`,
`to_json`) and the only place that folds them into scan options (`apply`).

    {"op": "page", "index": 0}                      which page/frame of the original file
    {"op": "quad", "points": [[x, y] x4]}           corners TL, TR, BR, BL in upright pixels
    {"op": "full_frame"}                            no cropping (flat scan, page fills photo)
    {"op": "paper", "paper": "a4"}                  a4, a5, letter, card, free
    {"op": "dpi", "dpi": 200}
    {"op": "rotate", "degrees": 90}                 clockwise, after the warp
    {"op": "deskew", "degrees": 1.5}                counter-clockwise skew removed (flat scans)
    {"op": "mode", "mode": "color"}                 color, compact, gray, bw, original
    {"op": "budget", "bytes": 500000}               byte budget of this page

A step that detection proposed carries `"detected": true`: undo never drops it, and a page
whose steps hold none was not detected yet.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields, replace
from typing import TYPE_CHECKING, Any, ClassVar

from common.errors import InputError
from common.i18n import _

if TYPE_CHECKING:
    from scanning.pipeline import ScanOptions


@dataclass(frozen=True)
class _Step:
    op: ClassVar[str] = ""
    detected: bool = False  # proposed by detection (kept by undo)


@dataclass(frozen=True)
class Page(_Step):
    op: ClassVar[str] = "page"
    index: int = 0


@dataclass(frozen=True)
class Quad(_Step):
    op: ClassVar[str] = "quad"
    points: tuple[tuple[float, float], ...] = ()


@dataclass(frozen=True)
class FullFrame(_Step):
    op: ClassVar[str] = "full_frame"


@dataclass(frozen=True)
class Paper(_Step):
    op: ClassVar[str] = "paper"
    paper: str = "a4"


@dataclass(frozen=True)
class Dpi(_Step):
    op: ClassVar[str] = "dpi"
    dpi: int = 200


@dataclass(frozen=True)
class Rotate(_Step):
    op: ClassVar[str] = "rotate"
    degrees: int = 0


@dataclass(frozen=True)
class Deskew(_Step):
    op: ClassVar[str] = "deskew"
    degrees: float = 0.0


@dataclass(frozen=True)
class Mode(_Step):
    op: ClassVar[str] = "mode"
    mode: str = "color"


@dataclass(frozen=True)
class Budget(_Step):
    op: ClassVar[str] = "budget"
    bytes: int = 0


Step = Page | Quad | FullFrame | Paper | Dpi | Rotate | Deskew | Mode | Budget
STEP_TYPES: dict[str, type[_Step]] = {
    cls.op: cls for cls in (Page, Quad, FullFrame, Paper, Dpi, Rotate, Deskew, Mode, Budget)
}
STEP_OPS = tuple(STEP_TYPES)
_CONVERT = {"index": int, "paper": str, "dpi": int, "degrees": float, "mode": str, "bytes": int}


# ---- JSON, in one place ----------------------------------------------------------------------
def from_json(data: Any) -> Step:
    """The step a stored JSON object describes; InputError when unknown or malformed."""
    if not isinstance(data, dict) or data.get("op") not in STEP_TYPES:
        raise InputError(_("Unknown page edit: {step}").format(step=data))
    cls = STEP_TYPES[data["op"]]
    values: dict[str, Any] = {"detected": data.get("detected") is True}
    try:
        for item in fields(cls):
            if item.name == "detected":
                continue
            raw = data[item.name]
            if item.name == "points":
                values["points"] = tuple((float(x), float(y)) for x, y in raw)
            elif cls is Rotate:
                values["degrees"] = int(raw) % 360
            else:
                values[item.name] = _CONVERT[item.name](raw)
    except (KeyError, TypeError, ValueError):
        raise InputError(_("Malformed page edit: {step}").format(step=data)) from None
    return cls(**values)  # type: ignore[return-value]


def to_json(step: Step) -> dict[str, Any]:
    """The JSON object stored for a step (the marker only when detection proposed it)."""
    data: dict[str, Any] = {"op": step.op}
    for item in fields(step):
        if item.name == "detected":
            continue
        value = getattr(step, item.name)
        data[item.name] = [[x, y] for x, y in value] if item.name == "points" else value
    if step.detected:
        data["detected"] = True
    return data


def parse(steps: Iterable[Any]) -> list[Step]:
    return [from_json(step) for step in steps]


def dump(steps: Iterable[Step]) -> list[dict[str, Any]]:
    return [to_json(step) for step in steps]


# ---- one apply -------------------------------------------------------------------------------
def apply(
    steps: Sequence[Step], base: ScanOptions | None = None
) -> tuple[int, ScanOptions, float | None]:
    """(page index, scan options, fixed skew or None) after replaying the steps in order."""
    from scanning.pipeline import ScanOptions

    options = base or ScanOptions()
    index = 0
    skew: float | None = None
    for step in steps:
        if isinstance(step, Page):
            index = step.index
        elif isinstance(step, Quad):
            options = replace(options, quad=step.points, full_frame=False)
        elif isinstance(step, FullFrame):
            options = replace(options, quad=None, full_frame=True)
        elif isinstance(step, Paper):
            options = replace(options, paper=step.paper)
        elif isinstance(step, Dpi):
            options = replace(options, dpi=step.dpi)
        elif isinstance(step, Rotate):
            options = replace(options, rotation=step.degrees % 360)
        elif isinstance(step, Deskew):
            skew = step.degrees
        elif isinstance(step, Mode):
            options = replace(options, mode=step.mode)
        elif isinstance(step, Budget):
            options = replace(options, page_budget=step.bytes or None)
    return index, options.validate(), skew


def last(steps: Sequence[Step], kind: type[_Step]) -> Any:
    """The last step of a kind (the one that wins), or None."""
    return next((step for step in reversed(steps) if isinstance(step, kind)), None)


def was_detected(steps: Sequence[Step]) -> bool:
    """True once detection proposed the page's steps."""
    return any(step.detected for step in steps)


def mark_detected(steps: Iterable[Step]) -> list[Step]:
    return [replace(step, detected=True) for step in steps]


def user_steps(steps: Sequence[Step]) -> int:
    """How many steps the user added after detection's (what undo may drop)."""
    return sum(1 for step in steps if not step.detected)


def scaled(steps: Sequence[Step], factor: float) -> list[Step]:
    """The same edits for an image resized by `factor` (quad points and DPI scaled)."""
    result: list[Step] = []
    for step in steps:
        if isinstance(step, Quad):
            step = replace(step, points=tuple((x * factor, y * factor) for x, y in step.points))
        elif isinstance(step, Dpi):
            step = replace(step, dpi=max(50, round(step.dpi * factor)))
        result.append(step)
    return result


def legacy_detected_count(steps: Sequence[dict[str, Any]]) -> int:
    """Dossiers of format 1 marked nothing: detection's steps were those up to the first mode
    step (the order the pipeline emits them). Used once, by the dossier's migration."""
    for index, step in enumerate(steps):
        if isinstance(step, dict) and step.get("op") == "mode":
            return index + 1
    return 0


__all__ = [
    "STEP_OPS",
    "Budget",
    "Deskew",
    "Dpi",
    "FullFrame",
    "Mode",
    "Page",
    "Paper",
    "Quad",
    "Rotate",
    "Step",
    "apply",
    "dump",
    "from_json",
    "last",
    "legacy_detected_count",
    "mark_detected",
    "parse",
    "scaled",
    "to_json",
    "user_steps",
    "was_detected",
]
