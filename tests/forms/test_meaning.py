"""Labels and field names to profile keys and roles."""

from __future__ import annotations

import pytest

from forms.meaning import MIN_CONFIDENCE, understand


@pytest.mark.parametrize(
    ("label", "key", "role"),
    [
        ("Họ, chữ đệm, tên", "full_name", None),
        ("HỌ, CHỮ ĐỆM VÀ TÊN", "full_name", None),
        ("Ho, chu dem va ten", "full_name", None),
        ("Họ, chữ đệm và tên của cha", "full_name", "father"),
        ("Họ, chữ đệm, tên người mẹ", "full_name", "mother"),
        ("Ngày, tháng, năm sinh", "date_of_birth", None),
        ("Ngày, tháng, năm sinh của người được khai sinh", "date_of_birth", "child"),
        ("Nơi cư trú", "current_residence", None),
        ("Nơi thường trú", "permanent_residence", None),
        ("Số định danh cá nhân", "personal_id", None),
        ("Số ĐỊNH DANH cá nhân của người làm chứng", "personal_id", "witness"),
        ("Dân tộc", "ethnicity", None),
        ("Quốc tịch", "nationality", None),
        ("Quan hệ với người được khai sinh", "relationship", None),
        ("Số điện thoại", "phone", None),
        ("Date of birth", "date_of_birth", None),
        ("Spouse full name", "full_name", "spouse"),
        ("father.full_name", "full_name", "father"),
        ("deceased.date_of_birth", "date_of_birth", "deceased"),
    ],
)
def test_labels_map_to_keys_and_roles(label, key, role) -> None:
    meaning = understand(label)
    assert (meaning.key, meaning.role) == (key, role)
    assert meaning.confidence >= MIN_CONFIDENCE


def test_decomposed_unicode_matches_like_composed() -> None:
    import unicodedata

    label = unicodedata.normalize("NFD", "Nơi thường trú")
    assert understand(label).key == "permanent_residence"


@pytest.mark.parametrize("label", ["f1_01_0_", "Nhóm máu", "Thời gian hẹn", ""])
def test_unknown_labels_stay_unmapped(label) -> None:
    assert understand(label).key is None


def test_unknown_person_is_not_the_requester() -> None:
    assert understand("Họ, chữ đệm và tên của chủ hộ").role == "other"
