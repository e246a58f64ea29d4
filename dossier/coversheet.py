"""The cover sheet of the printed dossier (ReportLab, always in Vietnamese: it is for the clerk).

Procedure, code, agency, applicant, date, how the result is received and the fee paid, the
components with their page counts and a box to tick for each, and a QR code carrying the
SHA-256 of the export manifest so the clerk can match paper and upload.
"""

from __future__ import annotations

import io
import threading
from dataclasses import dataclass

import segno
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import registerFontFamily
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from common.i18n import N_, load_catalog
from common.resources import resource_path
from dossier.pdf_pages import PRODUCER

FONT_REGULAR = "NotoSans"
FONT_BOLD = "NotoSans-Bold"
_fonts_lock = threading.Lock()


def vi(text: str) -> str:
    """The Vietnamese of an English source string, whatever the interface language."""
    return load_catalog("vi").get(text, text)


@dataclass(frozen=True)
class CoverLine:
    index: int
    name: str
    pages: int
    required: bool
    present: bool
    signed: bool


@dataclass(frozen=True)
class CoverData:
    procedure_name: str
    procedure_code: str
    agency: str
    applicant: str
    date: str  # dd/mm/yyyy
    delivery: str  # already in Vietnamese
    fee_payment: str
    lines: tuple[CoverLine, ...]
    qr_payload: str
    manifest_sha256: str


def register_fonts() -> None:
    with _fonts_lock:
        if FONT_REGULAR in pdfmetrics.getRegisteredFontNames():
            return
        pdfmetrics.registerFont(
            TTFont(FONT_REGULAR, str(resource_path("fonts", "NotoSans-Regular.ttf")))
        )
        pdfmetrics.registerFont(TTFont(FONT_BOLD, str(resource_path("fonts", "NotoSans-Bold.ttf"))))
        # <b> and <i> in paragraphs must map to embedded fonts (no italic face is bundled)
        registerFontFamily(
            FONT_REGULAR,
            normal=FONT_REGULAR,
            bold=FONT_BOLD,
            italic=FONT_REGULAR,
            boldItalic=FONT_BOLD,
        )


class QrCode(Flowable):
    """A QR code drawn as vector squares (sharp at any printer resolution)."""

    def __init__(self, payload: str, size: float) -> None:
        super().__init__()
        self.qr = segno.make(payload, error="m", micro=False)
        self.size = size
        self.width = self.height = size

    def draw(self) -> None:
        matrix = [list(row) for row in self.qr.matrix]
        count = len(matrix) + 8  # quiet zone of 4 modules each side
        module = self.size / count
        canvas = self.canv
        canvas.setFillColor(colors.black)
        for row_number, row in enumerate(matrix):
            y = self.size - (row_number + 5) * module
            for col_number, dark in enumerate(row):
                if dark:
                    canvas.rect((col_number + 4) * module, y, module, module, stroke=0, fill=1)


class TickBox(Flowable):
    def __init__(self, size: float = 4.5 * mm) -> None:
        super().__init__()
        self.width = self.height = size

    def draw(self) -> None:
        self.canv.setLineWidth(0.8)
        self.canv.rect(0, 0, self.width, self.height, stroke=1, fill=0)


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName=FONT_REGULAR, fontSize=11, leading=14.5)
    return {
        "base": base,
        "small": ParagraphStyle("small", parent=base, fontSize=9, leading=11.5),
        "motto": ParagraphStyle("motto", parent=base, fontName=FONT_BOLD, alignment=1, fontSize=12),
        "slogan": ParagraphStyle("slogan", parent=base, fontName=FONT_BOLD, alignment=1),
        "title": ParagraphStyle(
            "title", parent=base, fontName=FONT_BOLD, fontSize=15, leading=20, alignment=1
        ),
        "cell": ParagraphStyle("cell", parent=base, fontSize=10.5, leading=13),
        "head": ParagraphStyle("head", parent=base, fontName=FONT_BOLD, fontSize=10, leading=12.5),
    }


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _info_table(data: CoverData, styles: dict[str, ParagraphStyle]) -> Table:
    rows = [
        (N_("Procedure"), f"<b>{_esc(data.procedure_name)}</b>"),
        (N_("Procedure code"), _esc(data.procedure_code)),
        (N_("Receiving agency"), _esc(data.agency) or "……………………………"),
        (N_("Applicant"), _esc(data.applicant) or "……………………………"),
        (N_("Prepared on"), _esc(data.date)),
        (N_("Result delivery"), _esc(data.delivery)),
        (N_("Fee payment"), _esc(data.fee_payment)),
    ]
    table_rows = [
        [Paragraph(vi(label) + ":", styles["base"]), Paragraph(value, styles["base"])]
        for label, value in rows
    ]
    qr_size = 34 * mm
    info = Table(table_rows, colWidths=[43 * mm, 93 * mm])
    info.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT_REGULAR),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    qr_cell = [
        QrCode(data.qr_payload, qr_size),
        Paragraph(
            vi(N_("Check code")) + f": {data.manifest_sha256[:16]}",
            ParagraphStyle("qr", parent=styles["small"], alignment=1),
        ),
    ]
    outer = Table([[info, qr_cell]], colWidths=[138 * mm, 36 * mm])
    outer.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT_REGULAR),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return outer


def _components_table(data: CoverData, styles: dict[str, ParagraphStyle]) -> Table:
    head = [
        Paragraph(vi(N_("No.")), styles["head"]),
        Paragraph(vi(N_("Dossier component")), styles["head"]),
        Paragraph(vi(N_("Pages")), styles["head"]),
        Paragraph(vi(N_("Digitally signed")), styles["head"]),
        Paragraph(vi(N_("Received")), styles["head"]),
    ]
    rows: list[list[object]] = [head]
    for line in data.lines:
        name = _esc(line.name)
        if not line.required:
            name += f" <i>({vi(N_('optional'))})</i>"
        if not line.present:
            name += f" — <i>{vi(N_('not included'))}</i>"
        rows.append(
            [
                Paragraph(str(line.index), styles["cell"]),
                Paragraph(name, styles["cell"]),
                Paragraph(str(line.pages) if line.present else "–", styles["cell"]),
                Paragraph(vi(N_("yes")) if line.signed else "", styles["cell"]),
                TickBox(),
            ]
        )
    total_pages = sum(line.pages for line in data.lines if line.present)
    rows.append(
        [
            "",
            Paragraph(f"<b>{vi(N_('Total'))}</b>", styles["cell"]),
            Paragraph(f"<b>{total_pages}</b>", styles["cell"]),
            "",
            "",
        ]
    )
    table = Table(rows, colWidths=[11 * mm, 92 * mm, 20 * mm, 24 * mm, 27 * mm], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT_REGULAR),
                ("GRID", (0, 0), (-1, -2), 0.6, colors.black),
                ("BOX", (0, -1), (-1, -1), 0.6, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.9, 0.9, 0.9)),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ALIGN", (4, 1), (4, -2), "CENTER"),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return table


def _signatures_table(styles: dict[str, ParagraphStyle]) -> Table:
    centred = ParagraphStyle("centred", parent=styles["base"], alignment=1)
    small = ParagraphStyle("centred_small", parent=styles["small"], alignment=1)
    rows = [
        [
            Paragraph(f"<b>{vi(N_('Applicant'))}</b>", centred),
            Paragraph(f"<b>{vi(N_('Receiving officer'))}</b>", centred),
        ],
        [
            Paragraph(f"<i>{vi(N_('(sign and write full name)'))}</i>", small),
            Paragraph(f"<i>{vi(N_('(sign and write full name)'))}</i>", small),
        ],
    ]
    table = Table(rows, colWidths=[87 * mm, 87 * mm])
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT_REGULAR)]))
    return table


def render_cover_sheet(data: CoverData) -> bytes:
    """One A4 page (more when the component list is long), fonts embedded and subset."""
    register_fonts()
    styles = _styles()
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=16 * mm,
        topMargin=16 * mm,
        bottomMargin=16 * mm,
        title=vi(N_("Dossier cover sheet")) + f": {data.procedure_name}",
        author="",
        creator=PRODUCER,
        producer=PRODUCER,
        subject=data.procedure_code,
        initialFontName=FONT_REGULAR,  # else ReportLab adds an unembedded Helvetica
    )
    story = [
        Paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", styles["motto"]),
        Paragraph("Độc lập - Tự do - Hạnh phúc", styles["slogan"]),
        Spacer(1, 8 * mm),
        Paragraph(vi(N_("DOSSIER COVER SHEET")), styles["title"]),
        Spacer(1, 6 * mm),
        _info_table(data, styles),
        Spacer(1, 6 * mm),
        Paragraph(f"<b>{vi(N_('Dossier components'))}</b>", styles["base"]),
        Spacer(1, 2 * mm),
        _components_table(data, styles),
        Spacer(1, 3 * mm),
        Paragraph(
            vi(
                N_(
                    "The officer ticks each component received. The QR code holds the "
                    "SHA-256 of the manifest of the files uploaded to the portal."
                )
            ),
            styles["small"],
        ),
        Spacer(1, 10 * mm),
        _signatures_table(styles),
    ]
    document.build(story)
    return buffer.getvalue()
