"""Where the stamp goes when no position is given: where a person signs.

Under the form's signature caption ("(Ký, ghi rõ họ tên)", "NGƯỜI YÊU CẦU", "NGƯỜI KHAI",
"Người làm đơn"...) in blank space on its page; otherwise in the blank space nearest the bottom
right of the last page. Never over printed text, a filled value (form fields, annotations), an
image or a drawing: the page's text spans, widgets, annotations, images and drawn paths are the
obstacles. The n-th signature of a file goes under the n-th caption, so two people signing a
form with two signature places (e.g. both spouses) each get their own.

Rectangles here are PyMuPDF's (points, origin top left); `auto_place` returns PDF user space.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

GAP = 2.0  # points kept free around the stamp
STEP = 4.0  # search step, points
MARGIN = 20.0  # points from the page edges
SIZES = ((220.0, 64.0), (180.0, 56.0), (150.0, 46.0), (120.0, 38.0))
BIG_SHAPE = 0.08  # a drawn rectangle larger than this share of the page is a frame: edges only
BELOW_CAPTION = 140.0  # how far under a caption the stamp may go, points

# captions as whole lines (role words) or instructions, compared without accents or case
_ROLE_LINES = (
    "nguoi yeu cau", "nguoi khai", "nguoi lam don", "nguoi de nghi", "nguoi viet don",
    "nguoi nop", "nguoi nop ho so", "nguoi to khai", "nguoi cam doan",
)  # fmt: skip
_INSTRUCTION = re.compile(r"^\(?\s*ky\s*(,|va)?\s*(ghi ro|ghi)?\s*ho")


@dataclass(frozen=True)
class Placement:
    page: int  # 0-based
    rect: tuple[float, float, float, float]  # PyMuPDF coordinates (top-left origin)
    pdf_rect: tuple[float, float, float, float]  # PDF user space (bottom-left origin)
    under_caption: bool


def _plain(text: str) -> str:
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    text = "".join(c for c in text if unicodedata.category(c) != "Mn").casefold()
    return " ".join(re.sub(r"[^\w(),]", " ", text).split())


def is_caption(line: str) -> bool:
    plain = _plain(line)
    bare = plain.strip("() ,")
    return bare in _ROLE_LINES or bool(_INSTRUCTION.match(plain))


def _lines(page) -> list[tuple[str, tuple[float, float, float, float]]]:
    found = []
    for block in page.get_text("dict").get("blocks", []):
        for line in block.get("lines", []):
            text = "".join(span.get("text", "") for span in line.get("spans", []))
            if text.strip():
                found.append((text, tuple(line["bbox"])))
    return found


def captions(page) -> list[tuple[float, float, float, float]]:
    """Signature places of a page: caption lines grouped (a role and its instruction below)."""
    boxes = [bbox for text, bbox in _lines(page) if is_caption(text)]
    groups: list[list[float]] = []
    for x0, y0, x1, y1 in sorted(boxes, key=lambda b: (b[1], b[0])):
        for group in groups:
            overlaps = x0 < group[2] and x1 > group[0]
            if overlaps and y0 - group[3] < 30:
                group[:] = [min(group[0], x0), group[1], max(group[2], x1), max(group[3], y1)]
                break
        else:
            groups.append([x0, y0, x1, y1])
    return [tuple(g) for g in sorted(groups, key=lambda g: (round(g[1] / 20), g[0]))]


def obstacles(page) -> list[tuple[float, float, float, float]]:
    """Everything on the page the stamp must not cover."""
    found: list[tuple[float, float, float, float]] = []
    text = page.get_text("dict")
    for block in text.get("blocks", []):
        if block.get("type") == 1:  # image block
            found.append(tuple(block["bbox"]))
        for line in block.get("lines", []):
            for span in line.get("spans", []):
                if span.get("text", "").strip():
                    found.append(tuple(span["bbox"]))
    found += [tuple(w.rect) for w in page.widgets() or ()]
    found += [tuple(a.rect) for a in page.annots() or ()]
    found += [tuple(info["bbox"]) for info in page.get_image_info()]
    area = page.rect.width * page.rect.height
    for path in page.get_drawings():
        rect = path["rect"]
        if rect.width * rect.height > BIG_SHAPE * area:
            found += _edges(rect)  # a frame or background: only its outline blocks
        else:
            found.append(tuple(rect))
    return [r for r in found if r[2] > r[0] - 0.1 and r[3] > r[1] - 0.1]


def _edges(rect) -> list[tuple[float, float, float, float]]:
    x0, y0, x1, y1 = rect
    return [(x0, y0, x1, y0), (x0, y1, x1, y1), (x0, y0, x0, y1), (x1, y0, x1, y1)]


def _free(box, blocked, bounds) -> bool:
    x0, y0, x1, y1 = box
    if x0 < bounds[0] or y0 < bounds[1] or x1 > bounds[2] or y1 > bounds[3]:
        return False
    return not any(
        x0 - GAP < b[2] and x1 + GAP > b[0] and y0 - GAP < b[3] and y1 + GAP > b[1] for b in blocked
    )


def _under(caption, blocked, bounds):
    """A free box under a caption, centred on it: directly under it (nothing printed in
    between) in the largest size that fits, else the nearest free one further down."""
    for direct in (True, False):
        for width, height in SIZES:
            box = _first_free_below(caption, width, height, blocked, bounds, direct)
            if box is not None:
                return box
    return None


def _first_free_below(caption, width, height, blocked, bounds, direct: bool):
    cx = (caption[0] + caption[2]) / 2
    y = caption[3] + GAP
    while y + height <= min(bounds[3], caption[3] + BELOW_CAPTION + height):
        for shift in (0.0, -20.0, 20.0, -40.0, 40.0):
            box = (cx - width / 2 + shift, y, cx + width / 2 + shift, y + height)
            if not _free(box, blocked, bounds):
                continue
            if not direct or not _printed_between(caption[3], box, blocked):
                return box
        y += STEP
    return None


def _printed_between(top: float, box, blocked) -> bool:
    """Anything printed between a caption's bottom and the box's top, over the box's width?"""
    return any(
        b[0] < box[2] and b[2] > box[0] and b[1] > top + 0.5 and b[1] < box[1] for b in blocked
    )


def _nearest_bottom_right(blocked, bounds):
    """The free box whose bottom-right corner is nearest the page's bottom-right margin."""
    for width, height in SIZES:
        best, best_distance = None, None
        y = bounds[3] - height
        while y >= bounds[1]:
            x = bounds[2] - width
            while x >= bounds[0]:
                box = (x, y, x + width, y + height)
                distance = (bounds[2] - box[2]) ** 2 + (bounds[3] - box[3]) ** 2
                if (best_distance is None or distance < best_distance) and _free(
                    box, blocked, bounds
                ):
                    best, best_distance = box, distance
                    break  # further left on this row is only farther
                x -= STEP * 2
            y -= STEP * 2
        if best is not None:
            return best
    return None


def find_place(
    doc, earlier_signatures: int = 0, only_page: int | None = None
) -> tuple[int, tuple, bool] | None:
    """(page index, PyMuPDF box, under a caption?) for the next signature of `doc`; with
    `only_page` (0-based) on that page only."""
    pages = range(doc.page_count) if only_page is None else [only_page]
    places = [(i, c) for i in pages for c in captions(doc[i])]
    ordered = places[earlier_signatures:] + places[:earlier_signatures]
    for index, caption in ordered:
        page = doc[index]
        bounds = _bounds(page)
        box = _under(caption, obstacles(page), bounds)
        if box is not None:
            return index, box, True
    last = doc.page_count - 1 if only_page is None else only_page
    if last < 0:
        return None
    box = _nearest_bottom_right(obstacles(doc[last]), _bounds(doc[last]))
    return (last, box, False) if box is not None else None


def _bounds(page) -> tuple[float, float, float, float]:
    r = page.rect
    return (r.x0 + MARGIN, r.y0 + MARGIN, r.x1 - MARGIN, r.y1 - MARGIN)


def auto_place(
    path, password: str | None = None, earlier_signatures: int = 0, only_page: int | None = None
):
    """The stamp's Placement in the PDF at `path`, or None when no blank space is big enough."""
    import pymupdf

    pymupdf.TOOLS.mupdf_display_errors(False)
    with pymupdf.open(path) as doc:
        if doc.needs_pass and not doc.authenticate(password or ""):
            return None
        found = find_place(doc, earlier_signatures, only_page)
        if found is None:
            return None
        index, box, under = found
        page = doc[index]
        pdf = pymupdf.Rect(box) * ~page.transformation_matrix
        pdf.normalize()
        return Placement(
            page=index,
            rect=tuple(round(v, 1) for v in box),
            pdf_rect=(round(pdf.x0, 1), round(pdf.y0, 1), round(pdf.x1, 1), round(pdf.y1, 1)),
            under_caption=under,
        )
