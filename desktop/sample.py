"""The built-in sample dossier opened by `make run`: a birth registration (procedure 1.001193).

The applicant is fictional and every file is generated on the fly (a one-page declaration PDF
and a photo-like JPEG of a birth certificate), so nothing personal ships with the app. The
sample is built in a hidden folder and renamed into place, and an existing sample is reused.
"""

from __future__ import annotations

import contextlib
import logging
import os
import tempfile
from pathlib import Path

from common.errors import InputError
from common.fsutil import make_private_dir
from common.resources import resource_path

log = logging.getLogger("hoso.sample")

SAMPLE_FOLDER = "Hồ sơ mẫu - Đăng ký khai sinh"
SAMPLE_PROCEDURE = "1.001193"
SAMPLE_TITLE = "Đăng ký khai sinh"
COMPONENT_IDS = ("to-khai", "giay-chung-sinh", "giay-to-tuy-than")

#: keys as in forms.profiles.Profile, so forms can fill the declaration from the dossier
APPLICANT = {
    "full_name": "Trần Thị Mai",
    "relationship": "Mẹ",
    "current_residence": "Thôn 3, xã Xuân Bắc, tỉnh Đồng Nai",
    "phone": "0900 000 000",
}
CHILD = {
    "full_name": "Lê Minh Khang",
    "birth_date": "02/11/2026",
    "sex": "Nam",
    "birth_place": "Trạm Y tế xã Xuân Bắc, tỉnh Đồng Nai",
    "father": "Lê Văn Hùng",
    "mother": "Trần Thị Mai",
}


def sample_font(bold: bool = False) -> Path | None:
    """The bundled Noto Sans (full Vietnamese); never a system font (none is guaranteed)."""
    bundled = resource_path("fonts", "NotoSans-Bold.ttf" if bold else "NotoSans-Regular.ttf")
    return bundled if bundled.is_file() else None


def create_sample_dossier(root: Path) -> Path:
    """The sample dossier's folder under `root`, created when missing (idempotent)."""
    from dossier import Workspace

    root = Path(root)
    folder = root / SAMPLE_FOLDER
    if folder.exists():
        try:
            Workspace.open(folder)
            return folder
        except InputError as exc:  # not ours or damaged beyond its backup: leave it alone
            log.warning("sample folder unusable (%s); making a new one", exc)
            folder = _free_name(root)
    make_private_dir(root)
    staging = Path(tempfile.mkdtemp(prefix=".sample-", dir=root))
    try:
        _build(staging / "dossier")
        os.replace(staging / "dossier", folder)
    finally:
        _remove_quietly(staging)
    return folder


def _free_name(root: Path) -> Path:
    number = 2
    while (root / f"{SAMPLE_FOLDER} ({number})").exists():
        number += 1
    return root / f"{SAMPLE_FOLDER} ({number})"


def _remove_quietly(folder: Path) -> None:
    import shutil

    with contextlib.suppress(OSError):
        shutil.rmtree(folder)


def _build(folder: Path) -> None:
    from dossier import Workspace, catalog_component_ids

    # every component of the procedure, so the checklist shows what is still missing
    component_ids = catalog_component_ids(SAMPLE_PROCEDURE) or list(COMPONENT_IDS)
    workspace = Workspace.create(
        folder,
        SAMPLE_PROCEDURE,
        title=SAMPLE_TITLE,
        applicant=dict(APPLICANT),
        component_ids=component_ids,
    )
    with tempfile.TemporaryDirectory(prefix="hoso-sample-") as scratch:
        declaration = Path(scratch) / "Tờ khai đăng ký khai sinh.pdf"
        certificate = Path(scratch) / "Giấy chứng sinh.jpg"
        write_declaration_pdf(declaration)
        write_birth_certificate_jpeg(certificate)
        workspace.add_file("to-khai", declaration, save=False)
        workspace.add_file("giay-chung-sinh", certificate, save=False)
    workspace.dossier.current_step = "details"
    workspace.dossier.extra["sample"] = {"fictional": True}
    workspace.save()


def _declaration_lines() -> list[tuple[str, float, bool]]:
    """(text, font size, centred) of the sample declaration, top to bottom."""
    return [
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12.5, True),
        ("Độc lập - Tự do - Hạnh phúc", 13, True),
        ("", 10, False),
        ("TỜ KHAI ĐĂNG KÝ KHAI SINH", 14, True),
        ("Kính gửi: Ủy ban nhân dân xã Xuân Bắc", 13, True),
        ("", 10, False),
        (f"Họ, chữ đệm, tên người yêu cầu: {APPLICANT['full_name']}", 12, False),
        (f"Nơi cư trú: {APPLICANT['current_residence']}", 12, False),
        (f"Quan hệ với người được khai sinh: {APPLICANT['relationship']}", 12, False),
        ("Đề nghị cơ quan đăng ký khai sinh cho người dưới đây:", 12, False),
        (f"Họ, chữ đệm, tên: {CHILD['full_name']}", 12, False),
        (f"Ngày, tháng, năm sinh: {CHILD['birth_date']}    Giới tính: {CHILD['sex']}", 12, False),
        ("Dân tộc: Kinh    Quốc tịch: Việt Nam", 12, False),
        (f"Nơi sinh: {CHILD['birth_place']}", 12, False),
        (f"Họ, chữ đệm, tên người cha: {CHILD['father']}", 12, False),
        (f"Họ, chữ đệm, tên người mẹ: {CHILD['mother']}", 12, False),
        ("", 10, False),
        ("Xuân Bắc, ngày 05 tháng 11 năm 2026", 12, False),
        ("Người yêu cầu", 12, False),
        ("", 10, False),
        ("HỒ SƠ MẪU - thông tin hư cấu, chỉ để thử ứng dụng", 10, True),
    ]


def write_declaration_pdf(target: Path) -> None:
    """A one-page A4 declaration with Vietnamese text (pymupdf, embedded subset font)."""
    import pymupdf

    regular, bold = sample_font(), sample_font(bold=True)
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)  # A4 in points
    left, right, y = 85.0, 540.0, 70.0
    for index, (text, size, centred) in enumerate(_declaration_lines()):
        y += size * 1.7
        if not text:
            continue
        font = bold if index < 4 else regular  # motto, slogan and title in bold
        name = "notob" if font is bold and bold != regular else "noto"
        measure = pymupdf.Font(fontfile=str(font)) if font else pymupdf.Font("helv")
        x = (left + right - measure.text_length(text, fontsize=size)) / 2 if centred else left
        if font:
            page.insert_text((x, y), text, fontsize=size, fontname=name, fontfile=str(font))
        else:
            page.insert_text((x, y), text, fontsize=size)
    doc.subset_fonts()
    doc.set_metadata({"title": "Tờ khai đăng ký khai sinh (mẫu)", "creator": "Hồ sơ số"})
    doc.save(target, garbage=3, deflate=True)
    doc.close()


def write_birth_certificate_jpeg(target: Path) -> None:
    """A small photo-like image of a 'Giấy chứng sinh' on a desk (Pillow)."""
    from PIL import Image, ImageDraw, ImageFilter, ImageFont

    width, height = 900, 1200
    image = Image.new("RGB", (width, height), (118, 92, 70))  # a wooden desk
    paper = Image.new("RGB", (760, 1040), (246, 243, 234))
    draw = ImageDraw.Draw(paper)
    font_path = sample_font()

    def font(size: int):
        if font_path:
            return ImageFont.truetype(str(font_path), size)
        return ImageFont.load_default(size)

    lines = [
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 24, True),
        ("Độc lập - Tự do - Hạnh phúc", 24, True),
        ("GIẤY CHỨNG SINH", 40, True),
        ("Trạm Y tế xã Xuân Bắc", 24, True),
        (f"Họ và tên mẹ: {CHILD['mother']}", 24, False),
        (f"Nơi cư trú: {APPLICANT['current_residence']}", 22, False),
        (f"Đã sinh con vào lúc 08 giờ 30, ngày {CHILD['birth_date']}", 22, False),
        (f"Tại: {CHILD['birth_place']}", 22, False),
        (f"Giới tính của con: {CHILD['sex']}    Cân nặng: 3.200 gam", 22, False),
        (f"Dự định đặt tên con: {CHILD['full_name']}", 24, False),
        ("MẪU - hư cấu", 22, True),
    ]
    y = 50
    for text, size, centred in lines:
        face = font(size)
        text_width = draw.textlength(text, font=face)
        x = (paper.width - text_width) / 2 if centred else 50
        draw.text((x, y), text, font=face, fill=(25, 25, 35))
        y += int(size * 2.2)
    draw.ellipse((470, 820, 680, 1000), outline=(190, 40, 40), width=5)  # the clinic's stamp
    draw.text((505, 895), "TRẠM Y TẾ", font=font(24), fill=(190, 40, 40))
    paper = paper.rotate(-3, expand=True, fillcolor=(118, 92, 70), resample=Image.BICUBIC)
    image.paste(paper, ((width - paper.width) // 2, (height - paper.height) // 2))
    image = image.filter(ImageFilter.GaussianBlur(0.6))  # a phone photo is never crisp
    image.save(target, "JPEG", quality=85)
