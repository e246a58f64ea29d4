"""Re-typeset the five built-in civil-status forms as A4 PDFs with empty AcroForm fields.

    .venv/bin/python -m scripts.build_form_templates [OUT_DIR]   (default: resources/forms)

Content follows the forms of Thông tư 04/2020/TT-BTP (birth form as updated in 2024) and the
layout rules of Nghị định 30/2020/NĐ-CP (A4, Times-metric serif, motto and slogan). ReportLab
writes the text (Liberation Serif, embedded) and the empty fields: its AcroForm fields only take
the base-14 fonts and crash on Vietnamese values (STACK.md), so they are created empty here and
filled by forms.fill with PyMuPDF. Output is reproducible: invariant=1, fixed dates, sorted ids.
Field names are "<role>.<profile key>" so forms.meaning maps them with confidence 1.0; the
dotted "…, ngày … tháng … năm …" line stays a flat blank that forms.blanks finds.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT_DEFAULT = ROOT / "resources" / "forms"
FONTS = ROOT / "resources" / "fonts"

PAGE_W, PAGE_H = 595.2756, 841.8898  # A4 in points
LEFT, RIGHT, TOP = 30 * 2.8346, 20 * 2.8346, 20 * 2.8346  # 30 / 20 / 20 mm
BODY = 13.0
LINE = 20.0
LEADER = "…"


@dataclass
class Seg:
    """A label followed by a dotted blank; `name` creates an empty field over the dots."""

    label: str
    name: str = ""
    share: float = 1.0  # share of the line width taken by this segment
    lines: int = 1  # a multi-line field over this many dotted lines


@dataclass
class Template:
    id: str
    file: str
    procedure_code: str
    title: str
    roles: dict[str, str]
    kinh_gui: bool = True
    rows: list[object] = field(default_factory=list)
    closing: list[str] = field(default_factory=list)
    signer: str = "NGƯỜI YÊU CẦU"
    notes: list[str] = field(default_factory=list)
    copies_choice: bool = True


def _requester(relation: str) -> list[object]:
    return [
        [Seg("Họ, chữ đệm, tên người yêu cầu: ", "requester.full_name")],
        [Seg("Số định danh cá nhân: ", "requester.personal_id", 0.55),
         Seg("Số điện thoại: ", "requester.phone", 0.45)],
        [Seg("Nơi cư trú: ", "requester.current_residence", lines=2)],
        [Seg(relation, "requester.relationship")],
    ]  # fmt: skip


def _person(role: str, *, residence_label: str = "Nơi cư trú: ") -> list[object]:
    return [
        [Seg("Họ, chữ đệm, tên: ", f"{role}.full_name")],
        [Seg("Ngày, tháng, năm sinh: ", f"{role}.date_of_birth", 0.55),
         Seg("Giới tính: ", f"{role}.sex", 0.45)],
        [Seg("Dân tộc: ", f"{role}.ethnicity", 0.5),
         Seg("Quốc tịch: ", f"{role}.nationality", 0.5)],
        [Seg("Số định danh cá nhân: ", f"{role}.personal_id")],
        [Seg(residence_label, f"{role}.current_residence", lines=2)],
    ]  # fmt: skip


def _parent(role: str, title: str) -> list[object]:
    return [
        [Seg(f"Họ, chữ đệm, tên người {title}: ", f"{role}.full_name")],
        [Seg("Năm sinh: ", f"{role}.year_of_birth", 0.3),
         Seg("Dân tộc: ", f"{role}.ethnicity", 0.32),
         Seg("Quốc tịch: ", f"{role}.nationality", 0.38)],
        [Seg("Số định danh cá nhân: ", f"{role}.personal_id")],
        [Seg("Nơi cư trú: ", f"{role}.current_residence")],
    ]  # fmt: skip


COMMITMENT = (
    "Tôi cam đoan nội dung đề nghị {what} trên đây là đúng sự thật, được sự thỏa thuận nhất "
    "trí của các bên liên quan theo quy định pháp luật. Tôi chịu hoàn toàn trách nhiệm trước "
    "pháp luật về nội dung cam đoan của mình."
)

TEMPLATES = [
    Template(
        id="tk-khai-sinh", file="tk-khai-sinh.pdf", procedure_code="1.001193",
        title="TỜ KHAI ĐĂNG KÝ KHAI SINH",
        roles={"requester": "Người yêu cầu", "child": "Người được khai sinh", "mother": "Mẹ",
               "father": "Cha"},
        rows=[
            *_requester("Quan hệ với người được khai sinh: "),
            "Đề nghị cơ quan đăng ký khai sinh cho người dưới đây:",
            [Seg("Họ, chữ đệm, tên: ", "child.full_name")],
            [Seg("Ngày, tháng, năm sinh: ", "child.date_of_birth", 0.5)],
            [Seg("Ghi bằng chữ: ", "child.date_of_birth_in_words")],  # room for the words
            [Seg("Giới tính: ", "child.sex", 0.3), Seg("Dân tộc: ", "child.ethnicity", 0.32),
             Seg("Quốc tịch: ", "child.nationality", 0.38)],
            [Seg("Nơi sinh: ", "child.place_of_birth")],
            [Seg("Quê quán: ", "child.hometown")],
            *_parent("mother", "mẹ"),
            *_parent("father", "cha"),
        ],
        closing=[COMMITMENT.format(what="đăng ký khai sinh")],
        notes=["Người yêu cầu ghi số định danh cá nhân khi đã có; nơi cư trú ghi theo nơi "
               "thường trú hoặc tạm trú."],
    ),
    Template(
        id="tk-ket-hon", file="tk-ket-hon.pdf", procedure_code="1.000894",
        title="TỜ KHAI ĐĂNG KÝ KẾT HÔN",
        roles={"requester": "Bên nữ", "spouse": "Bên nam"},
        rows=[
            "Thông tin bên nữ:",
            *_person("requester"),
            [Seg("Kết hôn lần thứ mấy: ", "requester.marriage_number")],
            "Thông tin bên nam:",
            *_person("spouse"),
            [Seg("Kết hôn lần thứ mấy: ", "spouse.marriage_number")],
        ],
        closing=["Chúng tôi cam đoan những lời khai trên đây là đúng sự thật, việc kết hôn của "
                 "chúng tôi là tự nguyện, không vi phạm quy định của Luật Hôn nhân và gia đình. "
                 "Chúng tôi chịu hoàn toàn trách nhiệm trước pháp luật về nội dung cam đoan "
                 "của mình."],
        signer="BÊN NỮ / BÊN NAM",
    ),
    Template(
        id="tk-khai-tu", file="tk-khai-tu.pdf", procedure_code="1.000656",
        title="TỜ KHAI ĐĂNG KÝ KHAI TỬ",
        roles={"requester": "Người yêu cầu", "deceased": "Người đã chết"},
        rows=[
            *_requester("Quan hệ với người đã chết: "),
            "Đề nghị cơ quan đăng ký khai tử cho người có tên dưới đây:",
            *_person("deceased", residence_label="Nơi cư trú cuối cùng: "),
            [Seg("Đã chết vào lúc: ", "deceased.time_of_death")],
            [Seg("Nơi chết: ", "deceased.place_of_death")],
            [Seg("Nguyên nhân chết: ", "deceased.cause_of_death")],
            [Seg("Số Giấy báo tử/giấy tờ thay thế: ", "deceased.death_notice_number", 0.6),
             Seg("Ngày cấp: ", "deceased.death_notice_date", 0.4)],
            [Seg("Cơ quan cấp: ", "deceased.death_notice_issuer")],
        ],
        closing=[COMMITMENT.format(what="đăng ký khai tử")],
    ),
    Template(
        id="tk-xac-nhan-hon-nhan", file="tk-xac-nhan-hon-nhan.pdf", procedure_code="1.004873",
        title="TỜ KHAI CẤP GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN",
        roles={"requester": "Người yêu cầu"},
        rows=[
            [Seg("Họ, chữ đệm, tên người yêu cầu: ", "requester.full_name")],
            [Seg("Ngày, tháng, năm sinh: ", "requester.date_of_birth", 0.55),
             Seg("Giới tính: ", "requester.sex", 0.45)],
            [Seg("Dân tộc: ", "requester.ethnicity", 0.5),
             Seg("Quốc tịch: ", "requester.nationality", 0.5)],
            [Seg("Số định danh cá nhân: ", "requester.personal_id", 0.55),
             Seg("Số điện thoại: ", "requester.phone", 0.45)],
            [Seg("Nơi cư trú: ", "requester.current_residence", lines=2)],
            [Seg("Trong thời gian cư trú tại: ", "residence_period_place")],
            [Seg("từ ngày ", "residence_from", 0.5), Seg("đến ngày ", "residence_to", 0.5)],
            [Seg("Tình trạng hôn nhân: ", "requester.marital_status", lines=2)],
            [Seg("Mục đích sử dụng Giấy xác nhận tình trạng hôn nhân: ", "purpose", lines=2)],
            [Seg("Số lượng Giấy xác nhận yêu cầu cấp: ", "copies")],
        ],
        closing=["Tôi cam đoan những nội dung khai trên đây là đúng sự thật và chịu trách nhiệm "
                 "trước pháp luật về cam đoan của mình."],
        copies_choice=False,
    ),
    Template(
        id="yc-chung-thuc", file="yc-chung-thuc.pdf", procedure_code="2.000815",
        title="PHIẾU YÊU CẦU CHỨNG THỰC",
        roles={"requester": "Người yêu cầu"},
        rows=[
            [Seg("Họ, chữ đệm, tên người yêu cầu: ", "requester.full_name")],
            [Seg("Ngày, tháng, năm sinh: ", "requester.date_of_birth", 0.55),
             Seg("Số điện thoại: ", "requester.phone", 0.45)],
            [Seg("Số định danh cá nhân: ", "requester.personal_id")],
            [Seg("Nơi cư trú: ", "requester.current_residence", lines=2)],
            "Yêu cầu chứng thực (bản sao từ bản chính, chữ ký, hợp đồng, giao dịch):",
            [Seg("Loại việc chứng thực: ", "certification_type")],
            [Seg("Tên giấy tờ, văn bản: ", "document_title", lines=2)],
            [Seg("Số trang của bản chính: ", "page_count", 0.5),
             Seg("Số bản sao yêu cầu: ", "copies", 0.5)],
        ],
        closing=["Tôi cam đoan giấy tờ, văn bản yêu cầu chứng thực là đúng, hợp pháp và chịu "
                 "trách nhiệm trước pháp luật về nội dung, tính hợp pháp của giấy tờ, văn bản đó."],
        copies_choice=False,
    ),
]  # fmt: skip


def _register_fonts() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for name, file in (("Serif", "Regular"), ("Serif-Bold", "Bold"), ("Serif-Italic", "Italic")):
        pdfmetrics.registerFont(TTFont(name, str(FONTS / f"LiberationSerif-{file}.ttf")))


def _leader(c, x0: float, x1: float, y: float) -> None:
    """Dots from x0 to x1 on baseline y (the printed form can still be filled by hand)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    width = stringWidth(LEADER, "Serif", BODY)
    count = max(1, int((x1 - x0) // width))
    c.setFont("Serif", BODY)
    c.drawString(x0, y, LEADER * count)


def _wrap(text: str, font: str, size: float, width: float) -> list[str]:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines, current = [], ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if stringWidth(candidate, font, size) <= width or not current:
            current = candidate
        else:
            lines.append(current)
            current = word
    return [*lines, current] if current else lines


class _Writer:
    def __init__(self, canvas) -> None:
        self.c = canvas
        self.y = PAGE_H - TOP
        self.width = PAGE_W - LEFT - RIGHT

    def center(self, text: str, font: str, size: float, gap: float = 0.0) -> float:
        self.y -= size * 1.25
        self.c.setFont(font, size)
        self.c.drawCentredString(PAGE_W / 2, self.y, text)
        self.y -= gap
        from reportlab.pdfbase.pdfmetrics import stringWidth

        return stringWidth(text, font, size)

    def paragraph(self, text: str, font: str = "Serif", size: float = BODY, indent: float = 0):
        for i, line in enumerate(_wrap(text, font, size, self.width - indent)):
            self.y -= LINE if i or size >= BODY else size * 1.4
            self.c.setFont(font, size)
            self.c.drawString(LEFT + (indent if i == 0 else 0), self.y, line)

    def row(self, segments: list[Seg]) -> None:
        from reportlab.lib import colors
        from reportlab.pdfbase.pdfmetrics import stringWidth

        self.y -= LINE
        lines = max(s.lines for s in segments)
        x = LEFT
        for seg in segments:
            seg_w = self.width * seg.share
            self.c.setFont("Serif", BODY)
            self.c.drawString(x, self.y, seg.label)
            start = x + stringWidth(seg.label, "Serif", BODY)
            end = x + seg_w - 4
            _leader(self.c, start, end, self.y)
            for extra in range(1, seg.lines):
                _leader(self.c, LEFT, LEFT + self.width, self.y - LINE * extra)
            if seg.name:
                multiline = seg.lines > 1
                # text sits on the dotted line; a multi-line field continues below the label
                height = LINE * (seg.lines - 1) + 16 if multiline else 16
                field_x = start
                field_w = end - start if not multiline else LEFT + self.width - start
                self.c.acroForm.textfield(
                    name=seg.name, tooltip=seg.label.strip(" :"), value="",
                    x=field_x, y=self.y - 4 - LINE * (seg.lines - 1), width=field_w,
                    height=height, borderWidth=0, fillColor=colors.transparent,
                    borderColor=colors.transparent, textColor=colors.black,
                    fontName="Times-Roman", fontSize=12,
                    fieldFlags="multiline" if multiline else "", maxlen=0,
                )  # fmt: skip
            x += seg_w
        self.y -= LINE * (lines - 1)


def build_template(template: Template, out_dir: Path) -> Path:
    from reportlab.lib import colors
    from reportlab.pdfgen.canvas import Canvas

    out = out_dir / template.file
    c = Canvas(str(out), pagesize=(PAGE_W, PAGE_H), invariant=1, pageCompression=1)
    c.setTitle(template.title.capitalize())
    c.setAuthor("Hồ sơ số")
    c.setSubject(f"Mẫu theo Thông tư 04/2020/TT-BTP; thủ tục {template.procedure_code}")
    c.setCreator("Hồ sơ số scripts/build_form_templates.py")
    w = _Writer(c)
    w.center("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Serif-Bold", 13)
    slogan_w = w.center("Độc lập - Tự do - Hạnh phúc", "Serif-Bold", 14)
    c.setLineWidth(0.6)
    c.line(PAGE_W / 2 - slogan_w / 2, w.y - 4, PAGE_W / 2 + slogan_w / 2, w.y - 4)
    w.y -= 14
    w.center(template.title, "Serif-Bold", 14, gap=6)
    if template.kinh_gui:
        w.row([Seg("Kính gửi: ", "authority")])
    for row in template.rows:
        if isinstance(row, str):
            w.paragraph(row, "Serif-Bold" if row.endswith(":") else "Serif")
        else:
            w.row(row)
    for text in template.closing:
        w.y -= 4
        w.paragraph(text, "Serif", BODY, indent=28)
    # "Làm tại: …, ngày … tháng … năm …" stays a flat blank line (found by forms.blanks)
    w.y -= LINE * 1.4
    c.setFont("Serif-Italic", BODY)
    place = "Làm tại: …………………, ngày ……… tháng ……… năm …………"
    c.drawRightString(PAGE_W - RIGHT, w.y, place)
    w.y -= LINE
    c.setFont("Serif-Bold", BODY)
    sign_x = PAGE_W - RIGHT - 110
    c.drawCentredString(sign_x, w.y, template.signer)
    w.y -= 15
    c.setFont("Serif-Italic", 11)
    c.drawCentredString(sign_x, w.y, "(Ký, ghi rõ họ, chữ đệm, tên)")
    if template.copies_choice:
        c.setFont("Serif", BODY)
        y = w.y - 70
        c.drawString(LEFT, y, "Đề nghị cấp bản sao:  Có")
        from reportlab.pdfbase.pdfmetrics import stringWidth

        x = LEFT + stringWidth("Đề nghị cấp bản sao:  Có", "Serif", BODY) + 4
        for value, label in (("co", "Không"), ("khong", "")):
            c.acroForm.radio(name="copy_requested", value=value, selected=False, x=x, y=y - 2,
                             tooltip="Đề nghị cấp bản sao", fieldFlags="noToggleToOff radio",
                             size=11, buttonStyle="check", shape="square", borderWidth=0.6,
                             borderColor=colors.black, fillColor=colors.white,
                             textColor=colors.black, forceBorder=True)  # fmt: skip
            x += 16
            if label:
                c.drawString(x, y, label)
                x += stringWidth(label, "Serif", BODY) + 4
        c.drawString(x + 12, y, "Số lượng:")
        _leader(c, x + 12 + stringWidth("Số lượng: ", "Serif", BODY), x + 120, y)
        c.acroForm.textfield(name="copies", tooltip="Số lượng bản sao", value="",
                             x=x + 12 + stringWidth("Số lượng: ", "Serif", BODY), y=y - 4,
                             width=60, height=16, borderWidth=0, fillColor=colors.transparent,
                             borderColor=colors.transparent, fontName="Times-Roman", fontSize=12,
                             maxlen=0)  # fmt: skip
        c.drawString(x + 124, y, "bản")
    c.setFont("Serif-Italic", 9)
    footer = f"Mẫu theo Thông tư 04/2020/TT-BTP - thủ tục {template.procedure_code} - Hồ sơ số"
    c.drawString(LEFT, 28, footer)
    for i, note in enumerate(template.notes):
        c.drawString(LEFT, 40 + 11 * i, note)
    c.showPage()
    c.save()
    _name_vietnamese_font(out)
    return out


def _name_vietnamese_font(path: Path) -> None:
    """Make every field's /DA name a Vietnamese-capable font held in /AcroForm /DR.

    ReportLab can only name a base-14 font (no Vietnamese), so a viewer typing into the empty
    form would lose the diacritics. The font is a subset of Liberation Serif with everything a
    person may type in Vietnamese; forms.fill replaces it with its own subset when filling.
    """
    import pymupdf

    from forms.fill import FONT, set_key_path
    from forms.fonts import subset_font, typing_repertoire

    doc = pymupdf.open(path)
    page = doc[0]
    font_xref = page.insert_font(fontname=FONT, fontbuffer=subset_font(typing_repertoire()))
    set_key_path(doc, page.xref, f"Resources/Font/{FONT}", "null")  # only /DR uses it
    catalog = doc.pdf_catalog()
    set_key_path(doc, catalog, f"AcroForm/DR/Font/{FONT}", f"{font_xref} 0 R")
    set_key_path(doc, catalog, "AcroForm/DA", f"(/{FONT} 12 Tf 0 g)")
    for widget in page.widgets():
        if widget.field_type == pymupdf.PDF_WIDGET_TYPE_TEXT:
            doc.xref_set_key(widget.xref, "DA", f"(/{FONT} 12 Tf 0 g)")
    data = doc.tobytes(garbage=3, deflate=True, no_new_id=True)
    doc.close()
    path.write_bytes(data)


def build_all(out_dir: Path = OUT_DEFAULT) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    _register_fonts()
    paths = [build_template(t, out_dir) for t in TEMPLATES]
    index = {
        "version": 1,
        "templates": [
            {
                "id": t.id, "file": t.file, "procedure_code": t.procedure_code,
                "title": t.title[0] + t.title[1:].lower(), "roles": t.roles,
                "source": "Thông tư 04/2020/TT-BTP",
            }
            for t in TEMPLATES
        ],
    }  # fmt: skip
    (out_dir / "index.json").write_text(
        json.dumps(index, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    return paths


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else OUT_DEFAULT
    for path in build_all(target):
        print(path)
