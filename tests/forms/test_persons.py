"""Who each blank is about, read from plain text lines (forms.persons), and the CLI around it."""

from __future__ import annotations

import json
import re

import pytest

from forms.blanks import clean_label
from forms.persons import (
    OFFICIAL,
    TextBlank,
    TextLine,
    date_in_words,
    number_words,
    read_lines,
    role_from_name,
)

DOTS = "……………"


def _lines(text: str) -> list[TextLine]:
    """A form written as text: each '……' run is a blank, its label the words before it;
    'ngày …… tháng …… năm ……' is one date blank."""
    out = []
    for raw in text.strip().splitlines():
        line = raw.strip()
        line = re.sub(r"(?i)ngày\s*…+\s*tháng\s*…+\s*năm\s*…+", "ngày\x00date", line)
        pieces = re.split(r"…+|\x00date", line)
        kinds = re.findall(r"…+|\x00date", line)
        blanks = []
        for before, kind in zip(pieces, kinds):
            label = clean_label(before)
            label = re.sub(r"(?i)\s*ngày$", "", label) if kind == "\x00date" else label
            blanks.append(TextBlank(label, "date" if kind == "\x00date" else "line"))
        text_line = line.replace("\x00date", f"{DOTS} tháng {DOTS} năm {DOTS}")
        out.append(TextLine(text_line, tuple(blanks)))
    return out


def _read(text: str) -> list[tuple[str | None, str | None]]:
    return [(r.key, r.person) for r in read_lines(_lines(text))]


BIRTH = """
TỜ KHAI ĐĂNG KÝ KHAI SINH
Kính gửi: ……………
Họ, chữ đệm, tên người yêu cầu: ……………
Nơi cư trú: ……………
Quan hệ với người được khai sinh: ……………
Đề nghị cơ quan đăng ký khai sinh cho người dưới đây:
Họ, chữ đệm, tên: ……………
Ngày, tháng, năm sinh: …………… ghi bằng chữ: ……………
Giới tính: …………… Dân tộc: ……………
Họ, chữ đệm, tên người mẹ: ……………
Năm sinh: …………… Dân tộc: ……………
Họ, chữ đệm, tên người cha: ……………
Năm sinh: ……………
Làm tại: ……………, ngày …… tháng …… năm ……
"""


def test_birth_registration_blocks() -> None:
    got = _read(BIRTH)
    assert got == [
        ("receiver", None),
        ("full_name", "requester"), ("current_residence", "requester"),
        ("relationship", "requester"),
        ("full_name", "child"), ("date_of_birth", "child"), ("date_of_birth", "child"),
        ("sex", "child"), ("ethnicity", "child"),
        ("full_name", "mother"), ("year_of_birth", "mother"), ("ethnicity", "mother"),
        ("full_name", "father"), ("year_of_birth", "father"),
        ("signing_place", None), ("today", None),
    ]  # fmt: skip
    readings = read_lines(_lines(BIRTH))
    assert readings[6].in_words and not readings[5].in_words
    assert "khai sinh cho người dưới đây" in readings[4].block


def test_power_of_attorney_grantor_and_grantee() -> None:
    got = _read("""
    BÊN ỦY QUYỀN
    Họ và tên: ……………
    Số định danh cá nhân: ……………
    NGƯỜI ĐƯỢC ỦY QUYỀN
    Họ và tên: ……………
    Số định danh cá nhân: ……………
    """)
    assert got == [
        ("full_name", "grantor"), ("personal_id", "grantor"),
        ("full_name", "grantee"), ("personal_id", "grantee"),
    ]  # fmt: skip


def test_list_of_relatives_are_different_people_and_the_deceased_is_named() -> None:
    got = _read("""
    Tôi tên là: …………… Sinh ngày …… tháng …… năm ……
    Tôi xin thay mặt cho tất cả thân nhân là …………… người, gồm:
    1. Ông (Bà): …………… Sinh ngày …… tháng …… năm ……
    2. Ông (Bà): …………… Sinh ngày …… tháng …… năm ……
    để nhận chế độ của người đã từ trần là Ông (Bà): ……………
    """)
    persons = [p for _k, p in got]
    assert persons[0] == persons[1] == "requester"
    first, second = persons[3], persons[5]
    assert first.startswith("other:") and second.startswith("other:") and first != second
    assert got[-1] == ("full_name", "deceased")


def test_a_list_of_things_is_no_new_person() -> None:
    """'…, gồm:' / 'như sau:' introduce persons only when the lead-in speaks of people."""
    got = _read("""
    Họ và tên: ……………
    Tôi đề nghị được hưởng chính sách hỗ trợ theo Nghị định số …………… của Chính phủ, gồm:
    1. Tiền ăn (có/không): ……………
    Sự việc cụ thể như sau:
    Ngày xảy ra: ……………
    """)
    assert {p for _k, p in got} == {"requester"}
    people = _read("""
    Họ và tên: ……………
    Đề nghị cấp giấy phép cho chuyên gia, cụ thể như sau:
    Họ và tên: ……………
    """)
    assert people[0][1] == "requester" and people[1][1].startswith("other:")


def test_representative_of_an_organisation_is_its_party() -> None:
    got = _read("""
    Tên doanh nghiệp: ……………
    Địa chỉ trụ sở chính: ……………
    Người đại diện theo pháp luật: ……………
    Chức vụ: ……………
    CMND/CCCD số: ……………
    """)
    assert [p for _k, p in got] == ["requester"] * 5
    assert got[2][0] == "full_name"
    # under an organisation's heading: the organisation's; "Chủ hộ hoặc người đại diện" of a
    # household below is someone else
    heading = _read("""
    II. THÔNG TIN CƠ QUAN, TỔ CHỨC, HỘ GIA ĐÌNH ĐỨNG RA MAI TÁNG
    a) Tên cơ quan, tổ chức: ……………
    b) Họ và tên người đại diện cơ quan: ……………
    c) Họ và tên (Chủ hộ hoặc người đại diện): ……………
    """)
    assert heading[0][1] == heading[1][1] != heading[2][1]


def test_processing_items_of_a_receipt_are_the_offices() -> None:
    readings = read_lines(
        _lines("""
    Họ và tên người tham gia bảo hiểm y tế: ……………
    2. Thời hạn giải quyết hồ sơ theo quy định: …………… ngày
    3. Thời gian nhận hồsơ: ngày …… tháng …… năm ……
    """)
    )
    assert readings[0].person == "insured"
    assert [r.person for r in readings[1:]] == [OFFICIAL, OFFICIAL]
    assert all(r.key is None for r in readings[1:])


def test_unknown_dates_are_never_today() -> None:
    got = _read("""
    Họ và tên: ……………
    Số CMND: …………… cấp ngày …… tháng …… năm ……
    Quyết định số …………… ngày …… tháng …… năm ……
    Kể từ ngày …… tháng …… năm ……
    Hà Nội, ngày …… tháng …… năm ……
    """)
    assert got[2] == ("id_issue_date", "requester")
    assert got[4][0] is None and got[5][0] is None  # the decision's date: unknown, left empty
    assert got[-1] == ("today", None)
    assert [k for k, _p in got].count("today") == 1


def test_issue_date_of_another_document_is_not_the_id_cards() -> None:
    got = _read("""
    Họ và tên: ……………
    Số hộ chiếu: …………… Ngày cấp: …………… Cơ quan cấp: ……………
    """)
    assert [k for k, _p in got] == ["full_name", None, None, None]


def test_office_part_is_nobodys() -> None:
    readings = read_lines(
        _lines("""
    Họ và tên: ……………
    XÁC NHẬN CỦA UBND XÃ
    Ông/bà: …………… có hộ khẩu tại ……………
    Ngày …… tháng …… năm ……
    """)
    )
    assert [r.person for r in readings[1:]] == [OFFICIAL] * 3
    assert all(r.key is None for r in readings[1:])


def test_capitals_and_several_people_in_one_label() -> None:
    readings = read_lines(
        _lines("""
    Họ và tên (viết chữ in hoa): ……………
    Họ tên, năm sinh, nghề nghiệp của cha, mẹ, vợ, chồng, con: ……………
    """)
    )
    assert readings[0].capitals and readings[0].key == "full_name"
    assert (readings[1].key, readings[1].person) == (None, None)


@pytest.mark.parametrize(
    ("name", "person"),
    [("mẹ", "mother"), ("me", "mother"), ("mother", "mother"), ("cha", "father"),
     ("bố", "father"), ("con", "child"), ("người chết", "deceased"), ("nguoi-chet", "deceased"),
     ("vợ", "spouse"), ("chồng", "spouse"), ("người được ủy quyền", "grantee"),
     ("người được uỷ quyền", "grantee"), ("bên ủy quyền", "grantor"), ("other:2", "other:2"),
     ("khác:3", "other:3"), ("grandma", None), ("", None)],
)  # fmt: skip
def test_role_names(name, person) -> None:
    assert role_from_name(name) == person


def test_dates_in_words() -> None:
    assert date_in_words("12/03/1988") == (
        "ngày mười hai tháng ba năm một nghìn chín trăm tám mươi tám"
    )
    assert date_in_words("01/04/2005") == "ngày một tháng tư năm hai nghìn không trăm linh năm"
    assert date_in_words("25/12/2021") == (
        "ngày hai mươi lăm tháng mười hai năm hai nghìn không trăm hai mươi mốt"
    )
    assert date_in_words("32/01/2000") is None and date_in_words("hôm qua") is None
    assert number_words(14) == "mười bốn" and number_words(24) == "hai mươi tư"
    assert number_words(110) == "một trăm mười" and number_words(0) == "không"


# ---------------------------------------------------------------- through a rendered PDF


def _flat_form(path, text: str) -> None:
    """`text` as an A4 page in the bundled serif, each blank a run of dots to a set width."""
    import pymupdf

    from common.resources import resource_path
    from forms.fonts import SERIF_REGULAR

    font = pymupdf.Font(fontfile=str(resource_path("fonts", SERIF_REGULAR)))
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_font(fontname="F0", fontbuffer=font.buffer)
    y = 80.0
    for line in text.strip().splitlines():
        x = 70.0
        for k, part in enumerate(re.split(r"(…+)", line.strip())):
            if not part:
                continue
            if k % 2:  # a blank: its width is one dot per "…" typed times 12
                part = "…" * (len(part) * 3)
            page.insert_text((x, y), part, fontname="F0", fontsize=13)
            x += font.text_length(part, 13) + 3
        y += 22
    doc.save(path)


def test_filled_form_keeps_each_person_and_leaves_the_rest(tmp_path) -> None:
    import forms

    source = tmp_path / "form.pdf"
    _flat_form(
        source,
        """
    TỜ KHAI ĐĂNG KÝ KHAI TỬ
    Họ, chữ đệm, tên người yêu cầu: ……
    Đề nghị cơ quan đăng ký khai tử cho người có tên dưới đây:
    Họ, chữ đệm, tên: ……
    Ngày, tháng, năm sinh: ……
    Nơi chết: ……
    Ngày cấp: ……
    Làm tại: …, ngày … tháng … năm …
    """,
    )
    info = forms.inspect(source)
    by_label = {i.label: i for i in info.items}
    assert by_label["Họ, chữ đệm, tên"].person == "deceased"
    requester = forms.Profile(id="an", full_name="Nguyễn Văn An", date_of_birth="01/01/1990")
    deceased = forms.Profile(id="cu", full_name="Lê Văn Cư", date_of_birth="20/10/1940")
    values = forms.autofill(
        info.items, {"requester": requester, "deceased": deceased}, today="02/12/2026"
    )
    assert values[by_label["Họ, chữ đệm, tên"].id] == "Lê Văn Cư"
    assert values[by_label["Ngày, tháng, năm sinh"].id] == "20/10/1940"
    assert values[by_label["Họ, chữ đệm, tên người yêu cầu"].id] == "Nguyễn Văn An"
    left = {i.label for i in forms.left_for_person(info.items, values)}
    assert {"Nơi chết", "Ngày cấp", "Làm tại"} <= left
    assert "02/12/2026" in values.values()
    assert sum(v == "02/12/2026" for v in values.values()) == 1


def test_long_value_never_covers_printed_text(tmp_path) -> None:
    import pymupdf

    import forms

    source = tmp_path / "form.pdf"
    _flat_form(
        source,
        """
    Nơi sinh: …… Huyện: ……
    """,
    )
    info = forms.inspect(source)
    place = next(i for i in info.items if i.label == "Nơi sinh")
    huyen = next(i for i in info.items if i.label == "Huyện")
    long_place = "Bệnh viện Phụ sản Trung ương, số 43 Tràng Thi, Hoàn Kiếm, Hà Nội, Việt Nam"
    short_place = "Hà Nội"
    for value, fits in ((long_place, False), (short_place, True)):
        out = tmp_path / "out.pdf"
        result = forms.fill(source, out, {place.id: value}, forms.FillOptions(flatten=True))
        assert (place.id in result.filled) is fits
        assert (place.id in dict(result.skipped)) is not fits
        with pymupdf.open(out) as doc:
            spans = [
                s for b in doc[0].get_text("dict")["blocks"] for ln in b.get("lines", ())
                for s in ln["spans"] if s["text"].strip() and "…" not in s["text"]
            ]  # fmt: skip
        written = [s for s in spans if s["text"] == value]
        assert len(written) == int(fits)
        for s in written:
            assert s["size"] >= 8.0
            assert s["bbox"][2] <= place.rect[2] + 0.5  # never past its blank
            assert s["bbox"][2] < huyen.rect[0]


def test_cli_fields_json_gives_person(tmp_path, capsys) -> None:
    from desktop.cli import main

    source = tmp_path / "form.pdf"
    _flat_form(
        source,
        """
    Họ, chữ đệm, tên người mẹ: ……
    Năm sinh: ……
    """,
    )
    assert main(["fields", str(source), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["key"], r["person"]) for r in rows] == [
        ("full_name", "mother"),
        ("year_of_birth", "mother"),
    ]
    assert all("block" in r and "person_confidence" in r for r in rows)


def test_cli_fill_roles_left_blanks_and_strict(tmp_path, capsys) -> None:
    from desktop.cli import main

    source = tmp_path / "form.pdf"
    _flat_form(
        source,
        """
    Họ, chữ đệm, tên người yêu cầu: ……
    Họ, chữ đệm, tên người mẹ: ……
    Nơi chết: ……
    """,
    )
    me = tmp_path / "me.json"
    me.write_text(json.dumps({"id": "me", "full_name": "Trần Thị Cúc"}), encoding="utf-8")
    an = tmp_path / "an.json"
    an.write_text(json.dumps({"id": "an", "full_name": "Nguyễn Văn An"}), encoding="utf-8")
    out = tmp_path / "out.pdf"
    args = ["fill", str(source), "--profile", str(an), "-o", str(out)]
    assert main([*args, "--role", "bà=x.json"]) == 2
    err = capsys.readouterr().err
    assert "bà" in err and "mother" in err and "mẹ" in err
    assert main([*args, "--role", f"mẹ={me}"]) == 0
    printed = capsys.readouterr().out
    assert "Nơi chết" in printed and "Trần Thị Cúc" not in printed
    assert main([*args, "--role", f"mother={me}", "--strict"]) == 1


def _household_form(path) -> None:
    """A table of people: a header row and three empty rows, ruled like a Word table."""
    import pymupdf

    from common.resources import resource_path
    from forms.fonts import SERIF_REGULAR

    font = pymupdf.Font(fontfile=str(resource_path("fonts", SERIF_REGULAR)))
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_font(fontname="F0", fontbuffer=font.buffer)
    page.insert_text((70, 80), "Họ, chữ đệm và tên: ………………………………", fontname="F0", fontsize=13)
    page.insert_text((70, 110), "Những thành viên trong hộ gia đình:", fontname="F0", fontsize=13)
    xs = [70, 100, 250, 340, 450, 540]
    ys = [120, 150, 172, 194, 216]
    headers = ["TT", "Họ, chữ đệm và tên", "Ngày sinh", "Số định danh cá nhân", "Quan hệ"]
    for y in ys:
        page.draw_line((xs[0], y), (xs[-1], y))
    for x in xs:
        page.draw_line((x, ys[0]), (x, ys[-1]))
    for x, text in zip(xs, headers):
        page.insert_text((x + 3, 140), text, fontname="F0", fontsize=9)
    doc.save(path)


def test_household_table_one_row_per_member(tmp_path) -> None:
    import forms

    source = tmp_path / "ct.pdf"
    _household_form(source)
    info = forms.inspect(source)
    rows = [i for i in info.items if i.row]
    assert {i.row for i in rows} == {1, 2, 3}
    assert {(i.row, i.key, i.person) for i in rows if i.key == "full_name"} == {
        (1, "full_name", "member:1"),
        (2, "full_name", "member:2"),
        (3, "full_name", "member:3"),
    }
    assert next(i for i in info.items if not i.row).person == "requester"
    members = [
        forms.Profile(id="a", full_name="Lê Văn A", date_of_birth="01/02/1980"),
        forms.Profile(id="b", full_name="Lê Thị B", date_of_birth="03/04/2010"),
    ]
    profiles = {"requester": members[0]} | {f"member:{n}": p for n, p in enumerate(members, 1)}
    values = forms.autofill(info.items, profiles)
    by_row = {(i.row, i.key): values.get(i.id) for i in rows}
    assert by_row[(1, "full_name")] == "Lê Văn A" and by_row[(2, "date_of_birth")] == "03/04/2010"
    assert by_row[(3, "full_name")] is None  # nobody for the third row: it stays empty
    out = tmp_path / "out.pdf"
    result = forms.fill(source, out, values, forms.FillOptions(flatten=True))
    assert set(result.filled) == set(values)


def test_capitals_and_date_in_words_are_written_so(tmp_path) -> None:
    import forms

    source = tmp_path / "form.pdf"
    _flat_form(
        source,
        """
    Họ và tên (viết chữ in hoa): ……
    Ngày, tháng, năm sinh: …… ghi bằng chữ: ……………
    """,
    )
    info = forms.inspect(source)
    profile = forms.Profile(id="an", full_name="Nguyễn Văn An", date_of_birth="12/03/1988")
    values = forms.autofill(info.items, {"requester": profile})
    assert sorted(values.values()) == [
        "12/03/1988", "NGUYỄN VĂN AN",
        "ngày mười hai tháng ba năm một nghìn chín trăm tám mươi tám",
    ]  # fmt: skip
    assert forms.validate(info.items, values) == []


def _field_form(path, names: dict[str, str]) -> None:
    """A one-page AcroForm: one text field per name, with its label as tooltip (/TU)."""
    import pymupdf

    doc = pymupdf.open()
    page = doc.new_page()
    for n, (name, label) in enumerate(names.items()):
        widget = pymupdf.Widget()
        widget.field_type = pymupdf.PDF_WIDGET_TYPE_TEXT
        widget.field_name = name
        widget.field_label = label
        widget.rect = pymupdf.Rect(72, 100 + 30 * n, 300, 120 + 30 * n)
        page.add_widget(widget)
    doc.save(path)
    doc.close()


def test_acroform_field_naming_nobody_is_left_for_the_person(tmp_path) -> None:
    """A field whose name and label name no person has no person: never the requester's by
    guess; a field that names its person keeps it."""
    import forms
    from forms.profiles import Profile

    pdf = tmp_path / "fields.pdf"
    _field_form(pdf, {"HoTen": "Họ và tên", "HoTenMe": "Họ, chữ đệm, tên người mẹ"})
    info = forms.inspect(pdf)
    by_id = {i.id: i for i in info.items}
    assert by_id["HoTen"].key == "full_name" and by_id["HoTen"].person is None
    assert (by_id["HoTenMe"].key, by_id["HoTenMe"].person) == ("full_name", "mother")
    profiles = {p: Profile(id=p, full_name=f"Người {p}") for p in ("requester", "mother")}
    values = forms.autofill(info.items, profiles)
    assert values == {"HoTenMe": "Người mother"}
    assert [i.id for i in forms.left_for_person(info.items, values)] == ["HoTen"]
