"""The CCCD QR code: defensive parsing, decoding from generated and degraded photos."""

from __future__ import annotations

import io

import numpy as np
import pytest

from common.errors import InputError
from forms.qr import decode_qr_array, parse_cccd, read_cccd

PAYLOAD = (
    "001090123456|012345678|Nguyễn Văn An|01011990|Nam|"
    "Xã Xuân Bắc, Huyện Xuân Lộc, Đồng Nai|15062021"
)


def test_parse_full_layout() -> None:
    data = parse_cccd(PAYLOAD)
    assert data.personal_id == "001090123456"
    assert data.old_id == "012345678"
    assert data.full_name == "Nguyễn Văn An"
    assert data.date_of_birth == "01/01/1990"
    assert data.sex == "Nam"
    assert data.permanent_residence == "Xã Xuân Bắc, Huyện Xuân Lộc, Đồng Nai"
    assert data.id_issue_date == "15/06/2021"


def test_parse_six_fields_upper_case_and_labels() -> None:
    data = parse_cccd("079201009999|TRẦN THỊ ỄNH|29022000|Nữ|Phường 1, Quận 3|01012022")
    assert (data.full_name, data.old_id, data.date_of_birth) == ("Trần Thị Ễnh", "", "29/02/2000")
    labelled = parse_cccd(
        "001090123456||Họ và tên: Lê Văn Tám|Ngày sinh: 02091985|Giới tính: Nam|Hà Nội|15062021"
    )
    assert labelled.full_name == "Lê Văn Tám" and labelled.date_of_birth == "02/09/1985"


@pytest.mark.parametrize(
    "text", ["", "hello", "12345|a|b", "https://example.com", "001090123456|||||"]
)
def test_other_qr_codes_are_refused(text) -> None:
    with pytest.raises(InputError):
        parse_cccd(text)


def _qr_photo(payload: str, *, blur: float = 0, dark: float = 1.0, quality: int = 90) -> np.ndarray:
    import cv2
    import segno

    buffer = io.BytesIO()
    segno.make(payload, error="m").save(buffer, kind="png", scale=6, border=4)
    from PIL import Image

    qr = np.asarray(Image.open(io.BytesIO(buffer.getvalue())).convert("RGB"))
    canvas = np.full((900, 900, 3), 180, np.uint8)
    canvas[100 : 100 + qr.shape[0], 120 : 120 + qr.shape[1]] = qr
    src = np.float32([[0, 0], [900, 0], [900, 900], [0, 900]])
    dst = np.float32([[40, 10], [880, 60], [850, 890], [10, 840]])
    warped = cv2.warpPerspective(canvas, cv2.getPerspectiveTransform(src, dst), (900, 900),
                                 borderValue=(90, 70, 60))  # fmt: skip
    if blur:
        warped = cv2.GaussianBlur(warped, (0, 0), blur)
    warped = np.clip(warped.astype(np.float32) * dark, 0, 255).astype(np.uint8)
    _ok, jpeg = cv2.imencode(".jpg", warped, [cv2.IMWRITE_JPEG_QUALITY, quality])
    return cv2.cvtColor(cv2.imdecode(jpeg, cv2.IMREAD_COLOR), cv2.COLOR_BGR2RGB)


def test_decode_a_degraded_photo() -> None:
    image = _qr_photo(PAYLOAD, blur=1.2, dark=0.45, quality=50)
    assert decode_qr_array(image) == PAYLOAD


def test_read_cccd_from_an_image_file(tmp_path) -> None:
    from PIL import Image

    path = tmp_path / "cccd.jpg"
    Image.fromarray(_qr_photo(PAYLOAD)).save(path, quality=80)
    assert read_cccd(path).full_name == "Nguyễn Văn An"


def test_photo_without_qr_and_broken_images(tmp_path, testdata) -> None:
    from PIL import Image

    blank = tmp_path / "blank.png"
    Image.new("RGB", (300, 200), "white").save(blank)
    with pytest.raises(InputError):
        read_cccd(blank)
    for name in (
        "pillow_broken.png",
        "pillow_decompression_bomb.gif",
        "pillow_truncated_image.png",
    ):
        with pytest.raises(InputError):
            read_cccd(testdata("hostile", "images", name))
