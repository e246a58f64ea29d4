"""Built-in templates: reproducible, fillable from profiles per role, full Vietnamese coverage."""

from __future__ import annotations

import pytest

import forms
from forms.fonts import font_path, vietnamese_letters
from forms.templates import template, templates
from scripts.build_form_templates import build_all
from tests.forms.helpers import ink, pdftotext, render_mupdf, render_poppler, squash

IDS = ["tk-khai-sinh", "tk-ket-hon", "tk-khai-tu", "tk-xac-nhan-hon-nhan", "yc-chung-thuc"]


def test_index_lists_the_five_procedures() -> None:
    assert [t.id for t in templates()] == IDS
    codes = {t.id: t.procedure_code for t in templates()}
    assert codes["tk-khai-sinh"] == "1.001193" and codes["yc-chung-thuc"] == "2.000815"
    for info in templates():
        assert info.path.is_file() and "requester" in info.roles


def test_templates_are_reproducible(tmp_path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    build_all(first)
    build_all(second)
    for info in templates():
        built = (first / info.file).read_bytes()
        assert built == (second / info.file).read_bytes()
        assert built == info.path.read_bytes(), f"{info.file}: run make templates and commit"
    assert (first / "index.json").read_text() == (info.path.parent / "index.json").read_text()


def test_templates_have_motto_slogan_and_fields() -> None:
    for info in templates():
        text = pdftotext(info.path)
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
        assert "Độc lập - Tự do - Hạnh phúc" in text
        form = forms.inspect(info.path)
        fields = [i for i in form.items if i.kind == "field"]
        assert len(fields) >= 8
        assert any(i.type == "multiline" for i in fields)
        assert all(i.value == "" for i in fields)
        dates = [i for i in form.items if i.kind == "blank" and i.type == "date"]
        assert len(dates) == 1 and dates[0].key == "today"


PEOPLE = {
    "requester": forms.Profile(id="r", full_name="Trần Thị Hương", date_of_birth="12/03/1990",
                               sex="Nữ", personal_id="001190000123", phone="0912345678",
                               current_residence="Xã Xuân Bắc, huyện Xuân Lộc, tỉnh Đồng Nai",
                               relationship="Mẹ", ethnicity="Kinh"),
    "father": forms.Profile(id="f", full_name="Lê Văn Đức", date_of_birth="01/01/1988",
                            personal_id="001088000456", ethnicity="Kinh"),
    "mother": forms.Profile(id="m", full_name="Trần Thị Hương", date_of_birth="12/03/1990"),
    "child": forms.Profile(id="c", full_name="Lê Minh Khôi", date_of_birth="20/11/2026",
                           sex="Nam", place_of_birth="Bệnh viện Đa khoa Đồng Nai"),
    "spouse": forms.Profile(id="s", full_name="Phạm Quốc Việt", date_of_birth="09/09/1989",
                            personal_id="079089000789"),
    "deceased": forms.Profile(id="d", full_name="Nguyễn Văn Tư", date_of_birth="05/05/1940"),
}  # fmt: skip


@pytest.mark.parametrize("template_id", IDS)
def test_fill_each_template_from_profiles(template_id, tmp_path) -> None:
    info = template(template_id)
    form = forms.inspect(info.path)
    people = {role: PEOPLE[role] for role in info.roles}
    values = forms.autofill(
        form.items, people, {"authority": "UBND xã Xuân Bắc"}, today="27/11/2026"
    )
    assert forms.validate(form.items, values) == []
    out = tmp_path / f"{template_id}.pdf"
    forms.fill(info.path, out, values, forms.FillOptions(flatten=True))
    text = squash(pdftotext(out), leaders=True)
    for role in info.roles:
        assert squash(PEOPLE[role].full_name) in text
    assert "UBNDxãXuânBắc" in text and "2026" in text


def test_all_146_vietnamese_letters_render_and_extract(tmp_path) -> None:
    letters = vietnamese_letters()
    assert len(letters) == 146 and len(set(letters)) == 146
    info = template("tk-khai-sinh")
    line = " ".join("".join(letters[i : i + 12]) for i in range(0, 146, 12))
    out = tmp_path / "letters.pdf"
    forms.fill(info.path, out, {"requester.current_residence": line, "authority": "Ẵ ẵ Ỵ ỵ Đ đ"})
    extracted = squash(pdftotext(out))
    for letter in letters:
        assert letter in extracted, letter
    # the bundled serif typesets them through ReportLab too (the templates' own text)
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas

    pdfmetrics.registerFont(TTFont("HosoTest", str(font_path())))
    sheet = tmp_path / "sheet.pdf"
    canvas = Canvas(str(sheet), invariant=1)
    canvas.setFont("HosoTest", 14)
    for row in range(0, 146, 20):
        canvas.drawString(40, 780 - row, " ".join(letters[row : row + 20]))
    canvas.save()
    assert squash(pdftotext(sheet)) == "".join(letters)
    mu, pp = render_mupdf(sheet, 1, 72), render_poppler(sheet, 1, 72, tmp_path)
    assert ink(mu) > 0.002 and abs(ink(mu) - ink(pp)) < 0.002


def test_birth_template_writes_the_child_date_of_birth_in_words(tmp_path) -> None:
    info = template("tk-khai-sinh")
    form = forms.inspect(info.path)
    words = next(item for item in form.items if item.id == "child.date_of_birth_in_words")
    assert (words.key, words.person, words.in_words) == ("date_of_birth", "child", True)
    values = forms.autofill(form.items, {role: PEOPLE[role] for role in info.roles})
    spoken = forms.persons.date_in_words(PEOPLE["child"].date_of_birth)
    assert values["child.date_of_birth_in_words"] == spoken
    assert words.id not in {item.id for item in forms.left_for_person(form.items, values)}
    out = tmp_path / "khai-sinh.pdf"
    forms.fill(info.path, out, values, forms.FillOptions(flatten=True))
    assert squash(spoken) in squash(pdftotext(out), leaders=True)  # written whole, on one line


def test_a_date_given_by_hand_is_written_in_words_on_its_in_words_line() -> None:
    """`hoso fill --set child.date_of_birth=...` wrote "25/10/2026" raw on the "ghi bằng chữ"
    line; a date typed on the forms page left that line empty."""
    form = forms.inspect(template("tk-khai-sinh").path)
    words = "ngày hai mươi lăm tháng mười năm hai nghìn không trăm hai mươi sáu"
    values = forms.autofill(form.items, {}, {"child.date_of_birth": "25/10/2026"})
    assert values["child.date_of_birth"] == "25/10/2026"
    assert values["child.date_of_birth_in_words"] == words
    exact = forms.autofill(form.items, {}, {"child.date_of_birth_in_words": "as typed"})
    assert exact["child.date_of_birth_in_words"] == "as typed"  # the blank's own id: as given

    typed = {"child.date_of_birth": "25/10/2026"}
    followed = forms.follow_date_in_words(form.items, typed, "child.date_of_birth")
    assert followed["child.date_of_birth_in_words"] == words
    changed = {**followed, "child.date_of_birth": "01/04/2026"}
    again = forms.follow_date_in_words(form.items, changed, "child.date_of_birth", "25/10/2026")
    assert again["child.date_of_birth_in_words"] == (
        "ngày một tháng tư năm hai nghìn không trăm hai mươi sáu"
    )
    unreadable = {**again, "child.date_of_birth": "đầu tháng 4"}
    date = "child.date_of_birth"
    emptied = forms.follow_date_in_words(form.items, unreadable, date, "01/04/2026")
    assert "child.date_of_birth_in_words" not in emptied  # no guess, no stale words
    own = {**followed, "child.date_of_birth_in_words": "viết tay", date: "1/1/2026"}
    kept = forms.follow_date_in_words(form.items, own, date, "25/10/2026")
    assert kept["child.date_of_birth_in_words"] == "viết tay"  # the user's own words stay
    mother = forms.follow_date_in_words(
        form.items, {"mother.date_of_birth": "02/03/1990"}, "mother.date_of_birth"
    )
    assert "child.date_of_birth_in_words" not in mother  # another person's date
