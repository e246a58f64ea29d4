"""Read the text of a .docx (WordprocessingML) as paragraphs of characters that know their source.

No office suite: the package is a zip; only `word/document.xml` is parsed (lxml). Every visible
character of a paragraph is a `Piece` pointing at the XML node it came from (a `w:t`, a `w:tab`
or a `w:sym`), so a blank found in the text can be written back into the very run it came from.

What is read: paragraphs of the body, of table cells (nested tables too) and of content
controls; tabs (a tab that reaches a stop with a dot or underscore leader is a blank, drawn as
leader characters); Wingdings/❏ tick boxes; empty rectangles drawn as shapes anchored in a
paragraph (the digit boxes of an ID number). Not read: headers, footers, footnotes, text boxes.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from common.errors import InputError
from common.i18n import _

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
WPS = "{http://schemas.microsoft.com/office/word/2010/wordprocessingShape}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
V = "{urn:schemas-microsoft-com:vml}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

DOCUMENT_PART = "word/document.xml"
MAX_PART_BYTES = 50 * 1024 * 1024  # a form's document.xml is well under 1 MB
TWIPS_PER_PT = 20.0
EMU_PER_PT = 12700.0
DEFAULT_SIZE = 13.0
#: leader characters a tab draws, by w:leader value ("none" draws nothing)
TAB_LEADERS = {"dot": "…", "underscore": "_", "middleDot": "·", "hyphen": "-", "heavy": "_"}
#: an empty tick box: Unicode, and the Wingdings code points Word's "Symbol" dialog inserts
BOX_CHARS = {"☐", "□", "❏", "❑", "◻"}
CHECKED_BOX = "☒"
_WINGDINGS_EMPTY = {"006F", "F06F", "00A8", "F0A8", "0071", "F071", "0070", "F070"}
WINGDINGS_CHECKED = "0078"  # ☒ in Wingdings
#: paragraph containers whose runs belong to the paragraph
_RUN_CONTAINERS = {
    W + "hyperlink", W + "smartTag", W + "ins", W + "customXml", W + "fldSimple", W + "sdt",
    W + "sdtContent", W + "moveTo", W + "dir", W + "bdo",
}  # fmt: skip


@dataclass
class Piece:
    """One visible character and the node it came from."""

    char: str
    run: Any  # w:r
    node: Any  # w:t, w:tab or w:sym
    offset: int = 0  # index in node.text (w:t)
    leader_tab: bool = False  # a tab that draws a leader up to its stop


@dataclass
class Shape:
    """An empty rectangle drawn in a run (a digit box or a tick box)."""

    run: Any
    x: float  # offset from the column, points (to sort the boxes left to right)
    width: float
    height: float


@dataclass
class Paragraph:
    element: Any  # w:p
    page: int
    size: float  # points, the largest run size
    pieces: list[Piece] = field(default_factory=list)
    shapes: list[Shape] = field(default_factory=list)
    cell: tuple[int, int, int] | None = None  # (table number, row, column) for a cell

    @property
    def text(self) -> str:
        return "".join(p.char for p in self.pieces)


@dataclass
class Cell:
    element: Any  # w:tc
    paragraphs: list[Paragraph]

    @property
    def text(self) -> str:
        return " ".join(p.text for p in self.paragraphs).strip()

    @property
    def width(self) -> float:
        """Points, from w:tcW in twentieths of a point (0 when not given that way)."""
        tcw = self.element.find(f"{W}tcPr/{W}tcW")
        if tcw is None or tcw.get(W + "type", "dxa") != "dxa":
            return 0.0
        try:
            return float(tcw.get(W + "w", "0")) / TWIPS_PER_PT
        except ValueError:
            return 0.0


@dataclass
class WordDocument:
    """The parsed document part and what was read from it."""

    path: Path
    root: Any
    paragraphs: list[Paragraph]
    rows: list[list[Cell]]  # table rows, for empty cells beside a label
    page_count: int


def read_part(path: Path, name: str = DOCUMENT_PART) -> bytes:
    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo(name)
            if info.file_size > MAX_PART_BYTES:
                raise InputError(_("the Word document is too large to read"), path=path)
            return archive.read(info)
    except KeyError as exc:
        raise InputError(_("this is not a Word document (.docx)"), path=path) from exc
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise InputError(
            _("the Word document is damaged and cannot be read: {reason}").format(reason=exc),
            path=path,
        ) from exc


def parse_xml(data: bytes, path: Path) -> Any:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise InputError(
            _("the Word document is damaged and cannot be read: {reason}").format(reason=exc),
            path=path,
        ) from exc


@cache
def _advance(ch: str) -> float:
    from forms import fonts

    return fonts.text_width(ch, 1.0)


def text_width(text: str, size: float) -> float:
    """Width in points in the bundled Times-compatible serif (per-character cache: PyMuPDF's
    text_length costs 30 µs a character)."""
    return sum(_advance(ch) for ch in text) * size


def _val(element: Any, tag: str, attr: str = "val") -> str | None:
    child = element.find(W + tag) if element is not None else None
    return child.get(W + attr) if child is not None else None


def _size_of(rpr: Any, default: float) -> float:
    value = _val(rpr, "sz")
    try:
        return float(value) / 2 if value else default
    except ValueError:
        return default


def default_size(styles_xml: bytes | None, path: Path) -> float:
    """The body text size: the Normal style's, else the document defaults', else 13 pt."""
    if not styles_xml:
        return DEFAULT_SIZE
    root = parse_xml(styles_xml, path)
    size = DEFAULT_SIZE
    rpr = root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
    size = _size_of(rpr, size)
    for style in root.findall(W + "style"):
        if style.get(W + "type") == "paragraph" and style.get(W + "default") == "1":
            size = _size_of(style.find(W + "rPr"), size)
    return size


@dataclass
class _TabStop:
    pos: float  # points from the text margin
    leader: str | None


def _tab_stops(ppr: Any) -> list[_TabStop]:
    stops = []
    tabs = ppr.find(W + "tabs") if ppr is not None else None
    for tab in tabs if tabs is not None else ():
        if tab.get(W + "val") in ("clear", "bar"):
            continue
        try:
            pos = float(tab.get(W + "pos", "0")) / TWIPS_PER_PT
        except ValueError:
            continue
        stops.append(_TabStop(pos, TAB_LEADERS.get(tab.get(W + "leader", "none"))))
    return sorted(stops, key=lambda s: s.pos)


def _indent(ppr: Any) -> float:
    ind = ppr.find(W + "ind") if ppr is not None else None
    if ind is None:
        return 0.0

    def twips(name: str) -> float:
        try:
            return float(ind.get(W + name, "0")) / TWIPS_PER_PT
        except ValueError:
            return 0.0

    left = twips("left") or twips("start")
    return left + twips("firstLine") - twips("hanging")


def _empty_rectangle(drawing_owner: Any) -> Shape | None:
    """An empty rectangle shape (no text) inside a run's drawing, or None."""
    alternate = drawing_owner.tag == MC + "AlternateContent"
    choice = drawing_owner.find(f"{MC}Choice") if alternate else None
    scope = choice if choice is not None else drawing_owner
    anchor = next(scope.iter(WP + "anchor", WP + "inline"), None)
    wsp = next(scope.iter(WPS + "wsp"), None)
    if anchor is None or wsp is None:
        return None
    geometry = next(wsp.iter(A + "prstGeom"), None)
    if geometry is None or geometry.get("prst") != "rect":
        return None
    if any(t.text and t.text.strip() for t in wsp.iter(W + "t")):
        return None
    extent = anchor.find(WP + "extent")
    offset = anchor.find(f"{WP}positionH/{WP}posOffset")
    try:
        width = float(extent.get("cx", "0")) / EMU_PER_PT
        height = float(extent.get("cy", "0")) / EMU_PER_PT
        x = float(offset.text) / EMU_PER_PT if offset is not None and offset.text else 0.0
    except (TypeError, ValueError):
        return None
    if not (4 <= width <= 40 and 4 <= height <= 40):
        return None
    return Shape(run=None, x=x, width=width, height=height)


class _Reader:
    def __init__(self, path: Path, root: Any, size: float) -> None:
        self.path = path
        self.root = root
        self.default_size = size
        self.page = 1
        self.use_rendered_breaks = next(root.iter(W + "lastRenderedPageBreak"), None) is not None
        self.paragraphs: list[Paragraph] = []
        self.rows: list[list[Cell]] = []
        self.tables = 0

    def read(self) -> WordDocument:
        body = self.root.find(W + "body")
        if body is None:
            raise InputError(_("this is not a Word document (.docx)"), path=self.path)
        self._block(body, None)
        return WordDocument(self.path, self.root, self.paragraphs, self.rows, self.page)

    def _block(self, container: Any, cell: tuple[int, int, int] | None) -> list[Paragraph]:
        found: list[Paragraph] = []
        for child in container:
            if child.tag == W + "p":
                found.append(self._paragraph(child, cell))
            elif child.tag == W + "tbl":
                self._table(child)
            elif child.tag in (W + "sdt", W + "customXml"):
                content = child.find(W + "sdtContent") if child.tag == W + "sdt" else child
                if content is not None:
                    found.extend(self._block(content, cell))
        return found

    def _table(self, table: Any) -> None:
        self.tables += 1
        number = self.tables
        for r, tr in enumerate(table.findall(W + "tr")):
            row: list[Cell] = []
            for c, tc in enumerate(tr.findall(W + "tc")):
                row.append(Cell(tc, self._block(tc, (number, r, c))))
            self.rows.append(row)

    def _paragraph(self, p: Any, cell: tuple[int, int, int] | None) -> Paragraph:
        ppr = p.find(W + "pPr")
        breaks = not self.use_rendered_breaks and ppr is not None and self.paragraphs
        if breaks and ppr.find(W + "pageBreakBefore") is not None:
            self.page += 1
        para = Paragraph(p, self.page, 0.0, cell=cell)
        state = {"x": _indent(ppr), "stops": _tab_stops(ppr), "size": 0.0}
        for run in self._runs(p):
            self._run(run, para, state)
        para.size = state["size"] or _size_of(ppr.find(W + "rPr") if ppr is not None else None,
                                              self.default_size)  # fmt: skip
        para.shapes.sort(key=lambda s: s.x)
        self.paragraphs.append(para)
        return para

    def _runs(self, container: Any) -> list[Any]:
        runs = []
        for child in container:
            if child.tag == W + "r":
                runs.append(child)
            elif child.tag in _RUN_CONTAINERS:
                runs.extend(self._runs(child))
        return runs

    def _run(self, run: Any, para: Paragraph, state: dict) -> None:
        size = _size_of(run.find(W + "rPr"), self.default_size)
        state["size"] = max(state["size"], size)
        for node in run:
            tag = node.tag
            if tag == W + "t" and node.text:
                for i, ch in enumerate(node.text):
                    para.pieces.append(Piece(ch, run, node, i))
                state["x"] += text_width(node.text, size)
            elif tag == W + "tab":
                self._tab(run, node, para, state, size)
            elif tag == W + "br":
                if node.get(W + "type") == "page":
                    if not self.use_rendered_breaks:
                        self.page += 1
                else:
                    para.pieces.append(Piece(" ", run, node))
            elif tag == W + "lastRenderedPageBreak":
                self.page += 1
            elif tag == W + "sym":
                font = (node.get(W + "font") or "").lower()
                char = (node.get(W + "char") or "").upper()
                box = font.startswith("wingdings") and char in _WINGDINGS_EMPTY
                para.pieces.append(Piece("☐" if box else "\ufffc", run, node))
                state["x"] += size
            elif tag == W + "noBreakHyphen":
                para.pieces.append(Piece("-", run, node))
            elif tag in (MC + "AlternateContent", W + "drawing"):
                shape = _empty_rectangle(node)
                if shape is not None:
                    shape.run = run
                    para.shapes.append(shape)

    def _tab(self, run: Any, node: Any, para: Paragraph, state: dict, size: float) -> None:
        x = state["x"]
        stop = next((s for s in state["stops"] if s.pos > x + 1), None)
        if stop is None:
            state["x"] = (int(x / 36) + 1) * 36.0  # default stops every half inch
            para.pieces.append(Piece(" ", run, node))
            return
        state["x"] = stop.pos
        if stop.leader is None:
            para.pieces.append(Piece(" ", run, node))
            return
        count = max(2, int((stop.pos - x) / max(size, 1.0)))  # leader width in font sizes
        para.pieces.append(Piece(" ", run, node, leader_tab=True))
        for _i in range(count):
            para.pieces.append(Piece(stop.leader, run, node, leader_tab=True))


def read_document(path: Path) -> WordDocument:
    """The paragraphs (with table cells) of a .docx; InputError when it cannot be read."""
    path = Path(path)
    data = read_part(path)
    root = parse_xml(data, path)
    try:
        styles = read_part(path, "word/styles.xml")
    except InputError:
        styles = None
    return _Reader(path, root, default_size(styles, path)).read()


def write_document(source: Path, target: Path, root: Any) -> None:
    """Copy the package `source` to `target` with `root` as its document part.

    Every other part is copied byte for byte with its own compression and metadata.
    """
    from lxml import etree

    data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            if info.filename == DOCUMENT_PART:
                new.writestr(info, data, compress_type=info.compress_type)
            else:
                new.writestr(info, old.read(info), compress_type=info.compress_type)
