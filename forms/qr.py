"""Read a citizen profile from the QR code of a chip ID card (CCCD) in a photo or scan.

Decoders: zxing-cpp first (best on degraded photos, STACK.md), then a few image clean-ups,
then OpenCV's QRCodeDetector (which may raise instead of returning empty: wrapped).
Payload (DOMAIN.md): id12|old id9|name|ddmmyyyy|sex|address|issue ddmmyyyy; parsed defensively.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from common.errors import InputError
from common.i18n import _

MAX_IMAGE_PIXELS = 80_000_000


@dataclass(frozen=True)
class CccdData:
    personal_id: str
    old_id: str
    full_name: str
    date_of_birth: str  # dd/mm/yyyy
    sex: str
    permanent_residence: str
    id_issue_date: str  # dd/mm/yyyy

    def profile_values(self) -> dict[str, str]:
        return {k: v for k, v in self.__dict__.items() if v}


def load_image(path: Path) -> Any:
    """An RGB numpy array of a photo (JPEG, PNG, HEIC...), EXIF orientation applied."""
    import numpy as np
    from PIL import Image, ImageOps

    Image.MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS
    try:
        import pillow_heif

        pillow_heif.register_heif_opener()
    except ImportError:  # pragma: no cover - a dependency
        pass
    try:
        with Image.open(path) as image:
            image = ImageOps.exif_transpose(image)
            return np.asarray(image.convert("RGB"))
    except FileNotFoundError as exc:
        raise InputError(_("file not found"), path=path) from exc
    except Image.DecompressionBombError as exc:
        raise InputError(_("the image is too large"), path=path) from exc
    except (OSError, ValueError, SyntaxError) as exc:
        raise InputError(_("the file is not a readable image"), path=path) from exc


def _zxing(image: Any) -> str | None:
    import zxingcpp

    try:
        results = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    except Exception:
        return None
    for result in results:
        if result.text:
            return result.text
    return None


def _opencv(image: Any) -> str | None:
    import cv2

    try:
        text, _points, _straight = cv2.QRCodeDetector().detectAndDecode(image)
    except Exception:  # cv2.error on some inputs (STACK.md)
        return None
    return text or None


def _unsharp(gray: Any, sigma: float) -> Any:
    import cv2

    return cv2.addWeighted(gray, 1.8, cv2.GaussianBlur(gray, (0, 0), sigma), -0.8, 0)


def _variants(rgb: Any):
    """The image, then versions that help on dark, blurred, small or huge photos.

    Measured with bench/qr: upscaling twice and sharpening rescues most blurred small codes.
    """
    import cv2

    yield rgb
    gray = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
    height, width = gray.shape
    if max(height, width) > 2000:
        scale = 2000 / max(height, width)
        gray = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    gray = cv2.normalize(gray, None, 0, 255, cv2.NORM_MINMAX)  # low light
    yield gray
    big = cv2.resize(gray, None, fx=2, fy=2, interpolation=cv2.INTER_CUBIC)
    yield _unsharp(big, 3.0)
    clahe = cv2.createCLAHE(clipLimit=3.0, tileGridSize=(8, 8)).apply(gray)
    yield clahe
    yield _unsharp(clahe, 2.0)
    yield _unsharp(big, 5.0)
    yield cv2.adaptiveThreshold(
        cv2.GaussianBlur(gray, (5, 5), 0), 255, cv2.ADAPTIVE_THRESH_GAUSSIAN_C,
        cv2.THRESH_BINARY, 51, 5,
    )  # fmt: skip


def decode_qr_array(rgb: Any) -> str | None:
    """The text of the first QR code found in an RGB array, or None."""
    for image in _variants(rgb):
        text = _zxing(image)
        if text:
            return text
    for image in list(_variants(rgb))[:3]:  # OpenCV is slow; it rarely helps beyond these
        text = _opencv(image)
        if text:
            return text
    return None


def decode_qr(path: Path) -> str:
    """The text of the QR code in a photo; InputError when there is none."""
    text = decode_qr_array(load_image(Path(path)))
    if not text:
        raise InputError(
            _("no QR code could be read; take the photo again, closer and with more light"),
            path=path,
        )
    return unicodedata.normalize("NFC", text)


def _date(text: str) -> str:
    digits = re.sub(r"\D", "", text)
    if len(digits) == 8:
        return f"{digits[:2]}/{digits[2:4]}/{digits[4:]}"
    return ""


def _strip_label(part: str) -> str:
    """'Họ và tên: Nguyễn Văn An' -> 'Nguyễn Văn An' (some readers add labels)."""
    if ":" in part and not re.search(r"\d{1,2}:\d{2}", part):
        return part.split(":", 1)[1].strip()
    return part.strip()


def _name(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text.title() if text.isupper() else text


def parse_cccd(payload: str, source: Path | str | None = None) -> CccdData:
    """Parse the CCCD QR text; InputError when it is not a citizen ID QR code."""
    text = unicodedata.normalize("NFC", payload).strip().strip("\ufeff")
    parts = [_strip_label(p) for p in text.split("|")]
    if len(parts) < 5 or not re.fullmatch(r"\d{12}", parts[0]):
        raise InputError(_("this QR code is not the one of a chip ID card (CCCD)"), path=source)
    personal_id = parts[0]
    rest = parts[1:]
    old_id = ""
    if rest and re.fullmatch(r"\d{9}|", rest[0]):
        old_id = rest.pop(0)
    # the remaining layout: name | dob | sex | address | issue date (6-field readers: no old id)
    name = rest[0] if rest else ""
    dob = _date(rest[1]) if len(rest) > 1 else ""
    sex = rest[2] if len(rest) > 2 else ""
    address = rest[3] if len(rest) > 3 else ""
    issued = _date(rest[4]) if len(rest) > 4 else ""
    if not name or not re.search(r"[^\W\d_]", name) or not dob:
        raise InputError(_("this QR code is not the one of a chip ID card (CCCD)"), path=source)
    sex_folded = sex.strip().casefold()
    sex = (
        "Nam"
        if sex_folded in ("nam", "male", "m")
        else "Nữ"
        if sex_folded in ("nữ", "nu", "female", "f")
        else sex
    )
    return CccdData(
        personal_id=personal_id,
        old_id=old_id,
        full_name=_name(name),
        date_of_birth=dob,
        sex=sex,
        permanent_residence=re.sub(r"\s+", " ", address).strip(),
        id_issue_date=issued,
    )


def read_cccd(path: Path) -> CccdData:
    """Find, decode and parse the CCCD QR code of a photo or scan."""
    return parse_cccd(decode_qr(path), source=path)
