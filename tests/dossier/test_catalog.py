"""The procedure catalog: built-in data, strict validation, ranked search, import."""

from __future__ import annotations

import copy
import json
import os
from pathlib import Path

import pytest

from common.errors import InputError, ValidationError
from dossier.catalog import (
    SearchQuery,
    fee_summary,
    import_catalog,
    imported_catalog_path,
    is_unverified,
    list_portals,
    load_catalog,
    load_portal,
    normalise_level,
    read_catalog_file,
    read_portal_file,
    remove_imported_catalog,
)

FIVE_CODES = {"1.001193", "1.000894", "1.000656", "1.004873", "2.000815"}
FORM_TEMPLATES = {
    "tk-khai-sinh",
    "tk-ket-hon",
    "tk-khai-tu",
    "tk-xac-nhan-hon-nhan",
    "yc-chung-thuc",
}
BUILTIN = Path(__file__).resolve().parents[2] / "resources" / "catalog" / "tu-phap.json"


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def builtin_data() -> dict:
    return json.loads(BUILTIN.read_text(encoding="utf-8"))


def write(path: Path, data) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def codes(hits) -> list[str]:
    return [h.procedure.code for h in hits]


# ---- the built-in data -----------------------------------------------------------------------


def test_builtin_catalog_has_the_five_justice_procedures(catalog):
    assert {p.code for p in catalog.procedures} == FIVE_CODES
    assert catalog.get("1.001193").name == "Đăng ký khai sinh"
    assert catalog.get("1.000656").name == "Đăng ký khai tử"
    assert catalog.get("2.000815").field == "Chứng thực"
    assert {p.field for p in catalog.procedures} == {"Hộ tịch", "Chứng thực"}
    # every commune handles them: the catalog names no commune, the user's setting does
    assert all("UBND cấp xã" in p.agencies for p in catalog.procedures)
    assert not any("Xuân Bắc" in a for p in catalog.procedures for a in p.agencies)


def test_every_procedure_cites_articles_and_lists_components(catalog):
    for procedure in catalog.procedures:
        assert procedure.legal_basis, procedure.code
        assert any("Điều" in text for text in procedure.legal_basis), procedure.code
        assert any(c.required for c in procedure.components), procedure.code
        assert procedure.processing_time and procedure.result and procedure.steps


def test_forms_reference_the_shared_template_ids(catalog):
    used = {c.form_template for p in catalog.procedures for c in p.components if c.form_template}
    assert used == FORM_TEMPLATES


def test_values_from_the_law_texts(catalog):
    birth = catalog.get("1.001193")
    assert "Điều 16" in birth.processing_time and birth.processing_days == 0
    assert birth.fee.amount_vnd == 0
    assert "giay-chung-sinh" in {c.id for c in birth.components}
    marriage = catalog.get("1.000894")
    assert marriage.processing_days == 5 and marriage.result_delivery == ("office",)
    copy_ = catalog.get("2.000815")
    assert "15 giờ" in copy_.processing_time and copy_.fee.amount_vnd == 2000
    assert fee_summary(copy_.fee) == "2.000 đ/trang"


def test_unverified_values_of_domain_md_are_marked(catalog):
    marital = catalog.get("1.004873")
    assert is_unverified(marital, "processing_time")
    assert is_unverified(marital, "fee")
    assert marital.fee.amount_vnd is None
    assert fee_summary(marital.fee) == "Do tỉnh quy định"
    assert is_unverified(catalog.get("2.000815"), "fee")  # the 200,000 đ cap
    assert not is_unverified(catalog.get("1.001193"), "processing_time")
    assert is_unverified(marital, "notes", component=2)  # whole component marked
    assert not is_unverified(marital, "notes", component=0)


# ---- strict validation -----------------------------------------------------------------------


def test_unknown_key_names_file_and_field(tmp_path):
    data = builtin_data()
    data["procedures"][1]["components"][0]["colour"] = "red"
    path = write(tmp_path / "cat.json", data)
    with pytest.raises(ValidationError) as info:
        read_catalog_file(path)
    message = info.value.user_message()
    assert str(path) in message
    assert "procedures[1].components[0].colour" in message


def test_wrong_type_names_file_and_field(tmp_path):
    data = builtin_data()
    data["procedures"][0]["components"][2]["required"] = "yes"
    path = write(tmp_path / "cat.json", data)
    with pytest.raises(ValidationError) as info:
        read_catalog_file(path)
    assert info.value.path == path
    assert "procedures[0].components[2].required" in info.value.message


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda d: d["procedures"][4].update(code="1.001193"), "procedures[4].code"),
        (
            lambda d: d["procedures"][2]["components"][1].update(id="to-khai"),
            "procedures[2].components[1].id",
        ),
        (lambda d: d["procedures"][0].update(code="1001193"), "procedures[0].code"),
        (lambda d: d["procedures"][0].update(level="village"), "procedures[0].level"),
        (
            lambda d: d["procedures"][0].update(service_levels=[5]),
            "procedures[0].service_levels[0]",
        ),
        (
            lambda d: d["procedures"][0]["components"][0].update(formats=[".PDF"]),
            "procedures[0].components[0].formats[0]",
        ),
        (lambda d: d["procedures"][0].update(unverified=["colour"]), "procedures[0].unverified[0]"),
        (
            lambda d: d["procedures"][0].update(unverified=["components[9]"]),
            "procedures[0].unverified[0]",
        ),
        (lambda d: d["procedures"][0].pop("name"), "procedures[0].name"),
        (lambda d: d.update(procedures={}), "procedures"),
    ],
)
def test_semantic_errors_are_refused_with_the_field(tmp_path, change, field):
    data = builtin_data()
    change(data)
    path = write(tmp_path / "cat.json", data)
    with pytest.raises(ValidationError) as info:
        read_catalog_file(path)
    assert f" {field}:" in info.value.message
    assert info.value.path == path


def test_duplicate_json_key_and_broken_json_are_refused(tmp_path):
    text = BUILTIN.read_text(encoding="utf-8").replace(
        '"version": "2026.11.1",', '"version": "2026.11.1", "version": "x",', 1
    )
    path = tmp_path / "dup.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValidationError, match="version"):
        read_catalog_file(path)
    path.write_text('{"version": "1", "procedures": [', encoding="utf-8")
    with pytest.raises(ValidationError, match="JSON"):
        read_catalog_file(path)
    with pytest.raises(InputError):
        read_catalog_file(tmp_path / "none.json")


# ---- search ----------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["Đăng ký khai sinh", "ĐĂNG KÝ KHAI SINH", "dang ky khai sinh"])
def test_birth_registration_found_first_however_it_is_typed(catalog, text):
    assert codes(catalog.search(text))[0] == "1.001193"


def test_decomposed_unicode_input_matches_too(catalog):
    import unicodedata

    text = unicodedata.normalize("NFD", "Đăng ký khai tử")
    assert codes(catalog.search(text))[0] == "1.000656"


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("khai tu", "1.000656"),
        ("khai tử", "1.000656"),
        ("ket hon", "1.000894"),
        ("doc than", "1.004873"),
        ("tinh trang hon nhan", "1.004873"),
        ("sao y ban chinh", "2.000815"),
        ("chung thuc", "2.000815"),
        ("giấy báo tử", "1.000656"),
        ("khai s", "1.001193"),  # still typing
    ],
)
def test_ranking(catalog, text, first):
    assert codes(catalog.search(text))[0] == first


def test_search_by_code_and_code_prefix(catalog):
    assert codes(catalog.search("1.001193")) == ["1.001193"]
    assert set(codes(catalog.search("1.00"))) == FIVE_CODES - {"2.000815"}
    assert codes(catalog.search("9.999")) == []


def test_words_found_only_in_notes_do_not_crowd_real_matches(catalog):
    assert codes(catalog.search("sao y")) == ["2.000815"]
    assert codes(catalog.search("giay bao tu")) == ["1.000656"]
    # found only in notes ("kết luận giám định pháp y"): listed when nothing matches better
    assert codes(catalog.search("giam dinh")) == ["1.000656"]


def test_no_match_returns_nothing(catalog):
    assert catalog.search("xyzzy qwerty") == []


def test_empty_text_lists_everything_in_catalog_order(catalog):
    assert codes(catalog.search("")) == [p.code for p in catalog.procedures]


def test_filters_by_agency_level_field_and_service_level(catalog):
    assert set(codes(catalog.search(SearchQuery(agency="UBND xã Xuân Bắc")))) == FIVE_CODES
    assert set(codes(catalog.search(SearchQuery(agency="ubnd xa xuan bac")))) == FIVE_CODES
    # any named commune is served by the commune-level ("UBND cấp xã") procedures
    assert set(codes(catalog.search(SearchQuery(agency="Ủy ban nhân dân xã Tân Phú")))) == (
        FIVE_CODES
    )
    assert codes(catalog.search(SearchQuery(agency="công chứng"))) == ["2.000815"]
    assert codes(catalog.search(SearchQuery(agency="Sở Tư pháp"))) == []
    assert codes(catalog.search(SearchQuery(field="chung thuc"))) == ["2.000815"]
    assert len(catalog.search(SearchQuery(field="Hộ tịch"))) == 4
    assert len(catalog.search(SearchQuery(level="Cấp xã"))) == 5
    assert catalog.search(SearchQuery(level="tỉnh")) == []
    assert catalog.search(SearchQuery(level="no such level")) == []
    assert "1.000894" not in codes(catalog.search(SearchQuery(service_level=4)))
    combined = catalog.search(SearchQuery(text="khai", field="Hộ tịch", agency="xã Xuân Bắc"))
    assert codes(combined)[:2] in (["1.001193", "1.000656"], ["1.000656", "1.001193"])


def test_level_words(catalog):
    assert normalise_level("xã") == "commune"
    assert normalise_level("Cấp xã") == "commune"
    assert normalise_level("province") == "province"
    assert normalise_level("làng") is None
    assert catalog.levels() == ["commune"]
    assert catalog.fields() == ["Hộ tịch", "Chứng thực"]
    assert "UBND cấp xã" in catalog.agencies()


def test_the_users_commune_replaces_the_generic_agency(catalog):
    from dossier import with_local_agency

    birth = catalog.get("1.001193")
    local = with_local_agency(birth, "  UBND xã  Xuân Bắc ")
    assert local.agencies[0] == "UBND xã Xuân Bắc" and "UBND cấp xã" not in local.agencies
    assert with_local_agency(birth, "") is birth
    copy = catalog.get("2.000815")  # a notary keeps its place beside the commune
    assert with_local_agency(copy, "UBND phường 1").agencies == (
        "UBND phường 1",
        "Tổ chức hành nghề công chứng",
    )


def test_unknown_code_is_an_input_error(catalog):
    with pytest.raises(InputError, match=r"9\.999999"):
        catalog.get("9.999999")


# ---- import ----------------------------------------------------------------------------------


def updated_catalog() -> dict:
    data = builtin_data()
    data["version"] = "2027.01"
    birth = data["procedures"][0]
    birth["processing_time"] = "Trong ngày (cập nhật)"
    extra = copy.deepcopy(data["procedures"][4])
    extra.update(code="2.000884", name="Chứng thực chữ ký trong các giấy tờ, văn bản")
    extra["keywords"] = ["chứng thực chữ ký"]
    data["procedures"].append(extra)
    return data


def test_import_replaces_and_adds_procedures(tmp_path):
    user_dir = tmp_path / "user" / "catalog"
    source = write(tmp_path / "new.json", updated_catalog())
    result = import_catalog(source, user_dir)
    assert result.version == "2027.01"
    assert len(result) == 6
    assert result.get("1.001193").processing_time == "Trong ngày (cập nhật)"
    assert codes(result.search("chung thuc chu ky"))[0] == "2.000884"
    assert imported_catalog_path(user_dir).read_bytes() == source.read_bytes()
    if os.name == "posix":
        assert imported_catalog_path(user_dir).stat().st_mode & 0o077 == 0
    reloaded = load_catalog(user_dir)
    assert reloaded.version == "2027.01" and len(reloaded) == 6
    assert remove_imported_catalog(user_dir)
    assert len(load_catalog(user_dir)) == 5
    assert not remove_imported_catalog(user_dir)


def test_invalid_import_is_rejected_whole_and_the_current_one_kept(tmp_path):
    user_dir = tmp_path / "catalog"
    import_catalog(write(tmp_path / "good.json", updated_catalog()), user_dir)
    before = imported_catalog_path(user_dir).read_bytes()

    bad = updated_catalog()
    bad["version"] = "2027.02"
    bad["procedures"][5]["components"][0]["must_be_signed"] = "có"  # one wrong value, at the end
    with pytest.raises(ValidationError) as info:
        import_catalog(write(tmp_path / "bad.json", bad), user_dir)
    assert "procedures[5].components[0].must_be_signed" in info.value.message
    assert imported_catalog_path(user_dir).read_bytes() == before
    assert load_catalog(user_dir).version == "2027.01"
    assert [p.name for p in user_dir.iterdir()] == ["catalog.json"]  # no temporary file left


def test_hand_broken_imported_file_is_ignored_with_a_warning(tmp_path):
    user_dir = tmp_path / "catalog"
    user_dir.mkdir()
    imported_catalog_path(user_dir).write_text("{broken", encoding="utf-8")
    result = load_catalog(user_dir)
    assert len(result) == 5
    assert result.warnings and "catalog.json" in result.warnings[0]


def test_import_refuses_a_huge_file(tmp_path):
    big = tmp_path / "big.json"
    with big.open("wb") as fh:
        fh.truncate(6 * 1024 * 1024)
    with pytest.raises(InputError, match=r"MB"):
        import_catalog(big, tmp_path / "catalog")
    assert not (tmp_path / "catalog" / "catalog.json").exists()


# ---- portal profiles -------------------------------------------------------------------------


def test_portal_profiles():
    profiles = {p.id: p for p in list_portals()}
    assert set(profiles) == {"national", "dongnai", "opencps"}
    assert profiles["dongnai"].url == "https://dichvucong.dongnai.gov.vn/"
    assert profiles["national"].url == "https://dichvucong.gov.vn/"
    assert "max_file_mb" in profiles["national"].unverified
    assert {"pdf", "docx", "xlsx", "png"} <= set(profiles["opencps"].formats)
    assert load_portal("dongnai").max_file_mb == 5.0
    with pytest.raises(InputError):
        load_portal("hanoi")


def test_portal_profile_validation(tmp_path):
    source = Path(__file__).resolve().parents[2] / "resources" / "portals" / "dongnai.json"
    data = json.loads(source.read_text(encoding="utf-8"))
    data["naming"] = "{index}_{colour}"
    path = write(tmp_path / "dongnai.json", data)
    with pytest.raises(ValidationError, match="naming"):
        read_portal_file(path)
    data["naming"] = "{index:02d}_{slug}"
    data["max_file_mb"] = "5"
    write(path, data)
    with pytest.raises(ValidationError, match="max_file_mb"):
        read_portal_file(path)
    data["max_file_mb"] = 5
    write(tmp_path / "other.json", data)
    with pytest.raises(ValidationError, match="id"):
        read_portal_file(tmp_path / "other.json")


def test_equal_scores_keep_the_catalog_order(catalog):
    # "dang ky khai" starts both "Đăng ký khai sinh" and "Đăng ký khai tử": birth is listed first
    assert codes(catalog.search("dang ky khai"))[:2] == ["1.001193", "1.000656"]
