"""Word forms: .docx read and filled natively; PDF and .doc through Word or LibreOffice."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import time
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree

import forms
from common.errors import InputError
from forms.docx import (
    Converter,
    convert,
    find_soffice,
    soffice_command,
    word_command,
    word_environment,
)
from forms.word.ooxml import W, read_document

VIETNAMESE = ("forms", "vietnamese")
DOCX = [
    "cccd_to_khai_can_cuoc_CC01.docx",
    "D15_don_xet_dat_chuan_ngoai_ngu_dau_ra.docx",
    "Mau_TK1-TS_to_khai_BHXH_BHYT.docx",
    "Mau_so_16_TT28.docx",
]
DOC = "Mau_CT01_to_khai_thay_doi_thong_tin_cu_tru_TT66.doc"
PROFILE = {
    "full_name": "NGUYỄN VĂN AN", "date_of_birth": "01/01/1990", "sex": "Nam",
    "personal_id": "001090123456", "ethnicity": "Kinh", "religion": "Không",
    "nationality": "Việt Nam", "permanent_residence": "Xã Xuân Bắc, Huyện Xuân Lộc, Đồng Nai",
    "current_residence": "Số 12 đường Lê Lợi, Xã Xuân Bắc", "phone": "0912345678",
    "occupation": "Nông dân", "hometown": "Đồng Nai",
}  # fmt: skip


#: the CC01 PDF has its officer's part on page 2; the .docx has no pages: their dates may differ
PLACE_AND_DATE = {"today", "signing_place"}


def _keyed(info: forms.FormInfo) -> Counter:
    return Counter(
        (i.role or "requester", i.key) for i in info.items if i.key and i.key not in PLACE_AND_DATE
    )


def _paragraphs(path: Path) -> list:
    root = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    return [
        p
        for p in root.iter(W + "p")
        if not any(a.tag == W + "txbxContent" for a in p.iterancestors())
    ]


@pytest.mark.parametrize("name", DOCX)
def test_every_docx_has_blanks_with_meanings(testdata, name) -> None:
    info = forms.inspect(testdata(*VIETNAMESE, name))
    blanks = [i for i in info.items if i.kind == "blank"]
    assert len(blanks) >= 10
    assert len({i.id for i in info.items}) == len(info.items)
    assert any(i.key for i in blanks)
    assert all(i.id.startswith("p") and "b" in i.id for i in blanks)


def test_cc01_docx_and_pdf_find_the_same_meanings(testdata) -> None:
    docx = forms.inspect(testdata(*VIETNAMESE, "cccd_to_khai_can_cuoc_CC01.docx"))
    pdf = forms.inspect(testdata(*VIETNAMESE, "cccd_to_khai_can_cuoc_CC01.pdf"))
    assert _keyed(docx) == _keyed(pdf)
    boxes = [i for i in docx.items if i.type == "boxes"]
    assert [b.max_len for b in boxes] == [12] * 6  # the ID boxes are drawn rectangles
    assert {"full_name", "date_of_birth", "personal_id"} <= {i.key for i in docx.items}


def test_tab_leaders_and_tick_boxes_are_blanks(testdata) -> None:
    d15 = forms.inspect(testdata(*VIETNAMESE, "D15_don_xet_dat_chuan_ngoai_ngu_dau_ra.docx"))
    labels = [i.label for i in d15.items]
    assert {"Tôi tên", "MSSV", "Ngày sinh", "Điện thoại"} <= set(labels)  # tab leaders
    assert "TOEIC Listening - Reading" in labels  # the empty mark cell beside it
    m16 = forms.inspect(testdata(*VIETNAMESE, "Mau_so_16_TT28.docx"))
    ticks = [i for i in m16.items if i.type == "checkbox"]
    assert [t.label for t in ticks][:1] == ["Không có việc làm"]  # a Wingdings box


def _fill(testdata, tmp_path, name: str, values: dict[str, str] | None = None):
    source = testdata(*VIETNAMESE, name)
    info = forms.inspect(source)
    if values is None:
        values = forms.autofill(info.items, {}, overrides=PROFILE, today="02/12/2026")
    out = tmp_path / f"filled-{name}"
    result = forms.fill(source, out, values, forms.FillOptions(today="02/12/2026"))
    return source, out, info, values, result


def test_fill_changes_only_the_filled_runs(testdata, tmp_path) -> None:
    source, out, _info, values, result = _fill(testdata, tmp_path, DOCX[0])
    assert len(result.filled) == len(values) >= 12
    old_zip, new_zip = zipfile.ZipFile(source), zipfile.ZipFile(out)
    assert old_zip.namelist() == new_zip.namelist()
    for name in old_zip.namelist():
        if name != "word/document.xml":
            assert old_zip.read(name) == new_zip.read(name), name
    before, after = _paragraphs(source), _paragraphs(out)
    assert len(before) == len(after)
    changed = 0
    for old, new in zip(before, after):
        if etree.tostring(old) == etree.tostring(new):
            continue
        changed += 1
        assert etree.tostring(old.find(W + "pPr")) == etree.tostring(new.find(W + "pPr"))
        text = "".join(t.text or "" for t in new.iter(W + "t"))
        words = {w for v in values.values() for w in v.replace("/", " ").split()}
        assert any(w in text for w in words) or new.find(f".//{W}txbxContent") is not None
        # a run that changed held a blank: dots only, or an empty box drawn as a shape
        new_runs = {etree.tostring(r) for r in new if r.tag == W + "r"}
        for run in old:
            if run.tag != W + "r" or etree.tostring(run) in new_runs:
                continue
            shape = run.find(f".//{W}drawing") is not None or run.find(f".//{W}pict") is not None
            dots = set("".join(run.itertext())) <= set(".…_ ")
            assert shape or dots, etree.tostring(run)[:300]
    assert 10 <= changed <= 20


def test_filled_values_read_back_and_agree_with_the_pdf(testdata, tmp_path) -> None:
    _source, out, info, values, _result = _fill(testdata, tmp_path, DOCX[0])
    text = " ".join(p.text for p in read_document(out).paragraphs)
    root = etree.fromstring(zipfile.ZipFile(out).read("word/document.xml"))
    boxes = "".join(
        t.text
        for t in root.iter(W + "t")
        if any(a.tag == W + "txbxContent" for a in t.iterancestors())
    )
    digits = boxes.split("01/10/2019")[-1]  # the last text boxes are the ID boxes
    rows = len(digits) // 12  # each box twice: DrawingML and its VML copy
    assert rows >= 2 and Counter(digits) == Counter("001090123456" * rows)
    for key in ("full_name", "nationality", "occupation", "permanent_residence"):
        assert PROFILE[key] in text, key
    assert "01/01/1990" in text.replace(" ", "")
    pdf_source = testdata(*VIETNAMESE, "cccd_to_khai_can_cuoc_CC01.pdf")
    pdf_info = forms.inspect(pdf_source)
    pdf_values = forms.autofill(pdf_info.items, {}, overrides=PROFILE, today="02/12/2026")
    by_key = lambda inf, vals: Counter(  # noqa: E731
        (i.role, i.key, vals[i.id])
        for i in inf.items
        if i.id in vals and i.key not in PLACE_AND_DATE
    )
    assert by_key(info, values) == by_key(pdf_info, pdf_values)


LONG = {
    "full_name": "NGUYỄN THỊ HOÀNG PHƯƠNG THANH TÂM NGỌC BÍCH",
    "current_residence": "Số nhà 123/45/6, Tổ dân phố số 7, Khu phố Trung Tâm, Phường Xuân An, "
    "Thành phố Long Khánh, Tỉnh Đồng Nai, Việt Nam, gần chợ Xuân An, đối diện trường tiểu học",
    "occupation": "Kỹ sư công nghệ thông tin phần mềm",  # "15. Nghề nghiệp: …" is short
}


def _long_fill(testdata, tmp_path):
    source = testdata(*VIETNAMESE, DOCX[0])
    info = forms.inspect(source)
    values = forms.autofill(info.items, {}, overrides={**PROFILE, **LONG}, today="02/12/2026")
    out = tmp_path / "long.docx"
    return source, out, info, values, forms.fill(source, out, values)


def _sizes_of(path: Path, text: str) -> set[float]:
    """Point sizes of the runs holding (part of) `text` (None: the style's size)."""
    root = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    sizes = set()
    for run in root.iter(W + "r"):
        t = "".join(run.itertext())
        if len(t.strip()) >= 20 and t.strip() in text:
            sz = run.find(f"{W}rPr/{W}sz")
            sizes.add(float(sz.get(W + "val")) / 2 if sz is not None else None)
    return sizes


def test_long_values_shrink_or_are_reported_never_grow_the_form(testdata, tmp_path) -> None:
    """A value longer than its dots is set smaller (never below 9 pt), spread over the dotted
    continuation line, or left out and reported: never written so that the line wraps."""
    from forms.word.fill import MIN_WORD_FONT_SIZE

    _source, out, info, _values, result = _long_fill(testdata, tmp_path)
    by_key = {i.key: i.id for i in info.items if i.person == "requester" and i.key}
    skipped = dict(result.skipped)
    assert "hãy điền tay" in skipped[by_key["occupation"]] or "by hand" in skipped[
        by_key["occupation"]]  # fmt: skip
    text = " ".join(p.text for p in read_document(out).paragraphs)
    assert LONG["occupation"] not in text  # left out, not cut
    name_sizes = _sizes_of(out, LONG["full_name"])
    assert name_sizes and all(MIN_WORD_FONT_SIZE <= s < 14 for s in name_sizes)
    # the address over its line and the dotted line below, one size for both parts
    address = [p.text for p in read_document(out).paragraphs if "Xuân An" in p.text]
    assert len(address) == 2 and "".join(LONG["current_residence"].split()) in "".join(
        "".join(address).replace("…", "").split())  # fmt: skip
    address_sizes = _sizes_of(out, LONG["current_residence"])
    assert len(address_sizes) == 1 and MIN_WORD_FONT_SIZE <= address_sizes.pop() < 14
    assert by_key["full_name"] in result.filled and by_key["current_residence"] in result.filled


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_long_values_keep_the_layout_in_libreoffice(testdata, tmp_path) -> None:
    """Through LibreOffice: the same number of pages, and the signature caption where it was
    (the signature date fits its line), never pushed down."""
    import pymupdf

    _need_soffice()
    source, out, info, _values, result = _long_fill(testdata, tmp_path)
    date = next(i.id for i in info.items if i.key == "today")
    assert date in result.filled
    pdfs = [forms.prepare_pdf(p, tmp_path / n) for p, n in ((source, "o"), (out, "f"))]

    def caption(pdf: Path) -> tuple[int, int, float]:
        with pymupdf.open(pdf) as doc:
            hits = [(n, r) for n, page in enumerate(doc) for r in page.search_for("NGƯỜI KHAI")]
            return doc.page_count, hits[0][0], round(hits[0][1].y0)

    (pages, page, y), (pages2, page2, y2) = caption(pdfs[0]), caption(pdfs[1])
    # never lower; a line smaller than the dotted line it replaced may lift it a little
    assert (pages2, page2) == (pages, page) and y - 8 <= y2 <= y + 0.5


def test_address_for_delivery_is_not_the_residence(testdata, tmp_path) -> None:
    """'Địa chỉ nhận' (where the card is sent) is no profile's: left empty unless given."""
    info = forms.inspect(testdata(*VIETNAMESE, DOCX[0]))
    item = next(i for i in info.items if i.label.startswith("Địa chỉ nhận"))
    assert item.key == "delivery_address"
    values = forms.autofill(info.items, {}, overrides=PROFILE, today="02/12/2026")
    assert item.id not in values
    assert item.id in [i.id for i in forms.left_for_person(info.items, values)]
    given = forms.autofill(info.items, {}, overrides={**PROFILE, "delivery_address": "Hộp thư 5"})
    assert given[item.id] == "Hộp thư 5"


def test_value_goes_before_a_tab_leader_in_the_same_run(testdata, tmp_path) -> None:
    source = testdata(*VIETNAMESE, "D15_don_xet_dat_chuan_ngoai_ngu_dau_ra.docx")
    info = forms.inspect(source)
    name = next(i for i in info.items if i.label == "Tôi tên")
    mark = next(i for i in info.items if i.label == "TOEIC Listening - Reading")
    out = tmp_path / "d15.docx"
    forms.fill(source, out, {name.id: "Trần Thị Bình", mark.id: "X"})
    para = next(p for p in _paragraphs(out) if "Tôi tên" in "".join(p.itertext()))
    runs = [r for r in para if r.tag == W + "r"]
    filled = next(r for r in runs if "Trần Thị Bình" in "".join(r.itertext()))
    children = [c.tag for c in filled if c.tag != W + "rPr"]
    assert children[:2] == [W + "t", W + "tab"]  # value, then the leader tab to its stop
    assert any("".join(p.itertext()).strip() == "X" for p in _paragraphs(out))


def test_tick_boxes_are_ticked(testdata, tmp_path) -> None:
    source = testdata(*VIETNAMESE, "Mau_so_16_TT28.docx")
    info = forms.inspect(source)
    tick = next(i for i in info.items if i.type == "checkbox")
    out = tmp_path / "m16.docx"
    result = forms.fill(source, out, {tick.id: "x"})
    assert result.filled == (tick.id,)
    syms = [s.get(W + "char") for s in etree.fromstring(
        zipfile.ZipFile(out).read("word/document.xml")).iter(W + "sym")]  # fmt: skip
    assert sorted(syms) == ["006F", "0078"]
    tk1 = testdata(*VIETNAMESE, "Mau_TK1-TS_to_khai_BHXH_BHYT.docx")
    box = next(i for i in forms.inspect(tk1).items if i.type == "checkbox")
    forms.fill(tk1, tmp_path / "tk1.docx", {box.id: "có"})
    assert "☒" in " ".join(p.text for p in read_document(tmp_path / "tk1.docx").paragraphs)


def test_the_original_is_never_the_output(testdata, tmp_path) -> None:
    copy = tmp_path / "form.docx"
    copy.write_bytes(testdata(*VIETNAMESE, DOCX[0]).read_bytes())
    with pytest.raises(Exception) as info:
        forms.fill(copy, copy, {"p1b1": "A"})
    assert "original" in str(info.value) or "gốc" in str(info.value)


def test_damaged_docx_is_a_clear_error(tmp_path) -> None:
    bad = tmp_path / "bad.docx"
    with zipfile.ZipFile(bad, "w") as z:
        z.writestr("word/document.xml", "<w:document")
    with pytest.raises(InputError) as info:
        forms.inspect(bad)
    assert info.value.path == bad


# ---------------------------------------------------------------- converters


def test_doc_without_a_converter_says_how_to_save_as_docx(testdata, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr("forms.docx.find_converter", lambda: None)
    doc = testdata(*VIETNAMESE, DOC)
    with pytest.raises(InputError) as info:
        forms.prepare_form(doc, tmp_path)
    assert info.value.path == doc
    assert ".docx" in info.value.message and "PDF" in info.value.message


def test_without_libreoffice_the_message_says_how_to_save_as_pdf(testdata, tmp_path,
                                                                 monkeypatch) -> None:  # fmt: skip
    monkeypatch.setattr("forms.docx.find_converter", lambda: None)
    docx = testdata(*VIETNAMESE, DOCX[0])
    with pytest.raises(InputError) as info:
        forms.prepare_pdf(docx, tmp_path)
    assert info.value.path == docx
    assert "PDF" in info.value.message
    assert forms.prepare_form(docx, tmp_path) == docx  # a .docx needs no converter


def test_pdf_passes_through(testdata, tmp_path) -> None:
    pdf = testdata(*VIETNAMESE, "cccd_to_khai_can_cuoc_CC01.pdf")
    assert forms.prepare_pdf(pdf, tmp_path) == pdf
    assert forms.prepare_form(pdf, tmp_path) == pdf


def test_word_com_command_and_environment(tmp_path) -> None:
    command = word_command("powershell")
    assert command[:2] == ["powershell", "-NoProfile"]
    assert "Word.Application" in command[-1] and "SaveAs2" in command[-1]
    env = word_environment(tmp_path / "a b.docx", tmp_path / "out" / "a b.pdf", "pdf")
    assert env["HOSO_WORD_IN"].endswith("a b.docx") and env["HOSO_WORD_FORMAT"] == "17"
    assert (
        word_environment(tmp_path / "x.doc", tmp_path / "x.docx", "docx")["HOSO_WORD_FORMAT"]
        == "16"
    )
    lo = soffice_command("soffice", tmp_path, Path("in.doc"), tmp_path, "docx")
    assert lo[lo.index("--convert-to") + 1] == "docx:MS Word 2007 XML"


def _fake_program(tmp_path: Path, body: str) -> str:
    """A stand-in for PowerShell: a real program that runs `body` with Python."""
    script = tmp_path / "fake_shell.py"
    script.write_text(body, encoding="utf-8")
    launcher = tmp_path / "fake_shell"
    launcher.write_text(f'#!/bin/sh\nexec {sys.executable} {script} "$@"\n', encoding="utf-8")
    launcher.chmod(launcher.stat().st_mode | stat.S_IEXEC)
    return str(launcher)


@pytest.mark.skipif(os.name != "posix", reason="the stand-in program is a shell script")
def test_word_conversion_error_paths(testdata, tmp_path) -> None:
    source = testdata(*VIETNAMESE, DOCX[0])
    failing = _fake_program(
        tmp_path, "import sys; sys.stderr.write('COM error 0x800A'); sys.exit(1)"
    )
    with pytest.raises(InputError) as info:
        convert(source, tmp_path / "out", "pdf", Converter("word", failing))
    assert "Microsoft Word" in info.value.message and "0x800A" in (info.value.details or "")
    with pytest.raises(InputError):
        convert(source, tmp_path / "out", "pdf", Converter("word", str(tmp_path / "missing")))
    silent = _fake_program(tmp_path, "pass")  # exits 0 but writes nothing
    with pytest.raises(InputError):
        convert(source, tmp_path / "out", "pdf", Converter("word", silent))
    copying = _fake_program(
        tmp_path,
        "import os, shutil\n"
        "shutil.copyfile(os.environ['HOSO_WORD_IN'], os.environ['HOSO_WORD_OUT'])",
    )
    result = convert(source, tmp_path / "out", "pdf", Converter("word", copying))
    assert result == tmp_path / "out" / "cccd_to_khai_can_cuoc_CC01.pdf" and result.stat().st_size


def _need_soffice() -> str:
    soffice = find_soffice()
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed (libreoffice-writer-nogui)")
    return soffice


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_libreoffice_makes_a_pdf_of_the_filled_form(testdata, tmp_path) -> None:
    from tests.forms.helpers import pdftotext, squash

    _need_soffice()
    _source, out, _info, _values, _result = _fill(testdata, tmp_path, DOCX[0])
    pdf = forms.prepare_pdf(out, tmp_path / "pdf")
    text = squash(pdftotext(pdf, page=1))
    for key in ("full_name", "ethnicity", "religion"):
        assert squash(PROFILE[key]) in text


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_doc_is_converted_to_docx_and_has_blanks(testdata, tmp_path) -> None:
    _need_soffice()
    docx = forms.prepare_form(testdata(*VIETNAMESE, DOC), tmp_path)
    assert docx.suffix == ".docx"
    info = forms.inspect(docx)
    assert len([i for i in info.items if i.kind == "blank"]) >= 5
    assert {"full_name", "date_of_birth"} <= {i.key for i in info.items}
    boxes = next(i for i in info.items if i.type == "boxes" and i.key == "personal_id")
    assert boxes.max_len == 12  # a row of 12 narrow table cells
    out = tmp_path / "ct01.docx"
    forms.fill(docx, out, {boxes.id: "001090123456"})
    cells = [p.text for p in read_document(out).paragraphs if p.cell and len(p.text) == 1]
    assert "".join(cells) == "001090123456"


# ---------------------------------------------------------------- CLI


def _hoso(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "desktop.cli", *args], capture_output=True, text=True, timeout=120,
        cwd=Path(__file__).resolve().parents[2],
    )  # fmt: skip


def test_cli_fields_and_fill_of_a_docx(testdata, tmp_path) -> None:
    source = testdata(*VIETNAMESE, DOCX[0])
    done = _hoso("fields", str(source), "--json")
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)
    assert {r["key"] for r in rows} >= {"full_name", "personal_id"}
    profile = tmp_path / "p.json"
    profile.write_text(json.dumps(PROFILE, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "out.docx"
    done = _hoso("fill", str(source), "--profile", str(profile), "--today", "02/12/2026",
                 "-o", str(out), "--force")  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "NGUYỄN VĂN AN" in " ".join(p.text for p in read_document(out).paragraphs)


def test_cli_fill_to_pdf_without_a_converter_says_what_to_do(testdata, tmp_path) -> None:
    source = testdata(*VIETNAMESE, DOCX[0])
    if sys.platform != "linux":
        pytest.skip("Word or LibreOffice may be found outside PATH on this system")
    done = subprocess.run(
        [sys.executable, "-m", "desktop.cli", "fill", str(source), "--set", "full_name=A",
         "-o", str(tmp_path / "out.pdf")],
        capture_output=True, text=True, timeout=120, env={**os.environ, "PATH": "/nonexistent"},
        cwd=Path(__file__).resolve().parents[2],
    )  # fmt: skip
    assert done.returncode == 1
    assert "LibreOffice" in done.stderr and "PDF" in done.stderr
    assert not (tmp_path / "out.pdf").exists()


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_cli_fill_to_pdf_with_libreoffice(testdata, tmp_path) -> None:
    from tests.forms.helpers import pdftotext, squash

    _need_soffice()
    out = tmp_path / "out.pdf"
    done = _hoso("fill", str(testdata(*VIETNAMESE, DOCX[0])), "--set", "full_name=NGUYỄN VĂN AN",
                 "-o", str(out))  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert squash("NGUYỄN VĂN AN") in squash(pdftotext(out, page=1))


def test_entities_in_a_docx_are_not_resolved(tmp_path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET", encoding="utf-8")
    hostile = tmp_path / "hostile.docx"
    body = (
        f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "{secret.as_uri()}">]>'
        f'<w:document xmlns:w="{W[1:-1]}"><w:body><w:p><w:r><w:t>Họ và tên: &x; ……………'
        "</w:t></w:r></w:p></w:body></w:document>"
    )
    with zipfile.ZipFile(hostile, "w") as z:
        z.writestr("word/document.xml", body)
    try:
        info = forms.inspect(hostile)
    except InputError:
        return  # refused: fine too
    assert all("TOP-SECRET" not in i.label for i in info.items)


@pytest.mark.skipif(os.name != "posix", reason="the stand-in program is a shell script")
def test_a_converter_that_hangs_is_stopped_with_its_children(testdata, tmp_path) -> None:
    marker = tmp_path / "child.pid"
    hanging = _fake_program(
        tmp_path,
        "import subprocess, sys, time\n"
        "child = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)'])\n"
        f"open({str(marker)!r}, 'w').write(str(child.pid))\n"
        "time.sleep(60)",
    )
    source = testdata(*VIETNAMESE, DOCX[0])
    with pytest.raises(InputError):
        convert(source, tmp_path / "out", "pdf", Converter("word", hanging), timeout=3)
    child = int(marker.read_text())

    def gone() -> bool:  # ended (a zombie until init reaps it) or already reaped
        stat_file = Path(f"/proc/{child}/stat")
        return not stat_file.exists() or ") Z " in stat_file.read_text()

    for _attempt in range(100):  # up to 10 s for the kernel to deliver the signal
        if gone():
            break
        time.sleep(0.1)
    assert gone()


def test_d15_the_student_is_named_and_an_exams_id_number_is_not_the_citizens(testdata) -> None:
    """'Tôi tên:' asks the requester's name and 'CMND/CCCD:' the ID number; the English 'ID
    number' of the PET certificate row is the exam's, never the citizen's (it was filled)."""
    d15 = forms.inspect(testdata(*VIETNAMESE, "D15_don_xet_dat_chuan_ngoai_ngu_dau_ra.docx"))
    keys = {i.label.strip(): i.key for i in d15.items if i.label}
    assert keys["Tôi tên"] == "full_name"
    assert keys["CMND/CCCD"] == "personal_id"
    assert keys["ID number"] != "personal_id"


@pytest.mark.parametrize(
    ("name", "own", "office"),
    [
        ("cccd_to_khai_can_cuoc_CC01.docx", "p1b38", "p1b41"),  # "Cán bộ tra cứu" dates it
        ("D15_don_xet_dat_chuan_ngoai_ngu_dau_ra.docx", "p1b23", "p1b26"),  # the receipt
    ],
)
def test_today_goes_into_the_forms_own_date_line_not_the_offices(testdata, name, own, office):
    """The walk-through's renders showed today's date in the office's part of CC01 and D15."""
    info = forms.inspect(testdata(*VIETNAMESE, name))
    values = forms.autofill(info.items, {}, today="02/12/2026")
    assert values.get(own) == "02/12/2026"
    assert office not in values
