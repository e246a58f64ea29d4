"""CCCD QR decode rate on 200 generated, degraded phone-like photos (target >= 95 %).

Each image (1000 x 1000 px): a segno QR of a CCCD payload with a Vietnamese name (3-5 px per
module) on a card-coloured canvas, warped by a random perspective (corners moved up to 12 %),
blurred (sigma up to 0.4 module), noised (sigma 2-12), darkened (x0.25-1) and saved as JPEG
quality 50.
Compared in the same run with the first decoder alone (zxing-cpp, no clean-up) and with
OpenCV's QRCodeDetector alone.
"""

from __future__ import annotations

import io
import random
import statistics
import time

SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi",
            "Đỗ", "Hồ", "Ngô", "Dương", "Lý"]  # fmt: skip
MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Ngọc", "Minh", "Thanh", "Quốc", "Thùy", "Bảo", "Xuân"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Giang", "Hương", "Khánh", "Linh", "Nhung", "Phượng",
         "Quỳnh", "Sơn", "Thắm", "Tuấn", "Uyên", "Việt", "Yến", "Ánh", "Ễnh", "Ộ"]  # fmt: skip
PLACES = ["Xã Xuân Bắc, Huyện Xuân Lộc, Đồng Nai", "Phường Bến Thành, Quận 1, TP. Hồ Chí Minh",
          "Xã Đông Hưng, Huyện Tiên Lãng, Hải Phòng", "Phường Thủy Xuân, TP. Huế, Thừa Thiên Huế",
          "Thị trấn Ea Drăng, Huyện Ea H'leo, Đắk Lắk"]  # fmt: skip


def payload(rng: random.Random) -> str:
    name = f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
    if rng.random() < 0.2:
        name = name.upper()
    pid = "".join(rng.choice("0123456789") for _ in range(12))
    old = "".join(rng.choice("0123456789") for _ in range(9)) if rng.random() < 0.7 else ""
    dob = f"{rng.randint(1, 28):02d}{rng.randint(1, 12):02d}{rng.randint(1945, 2008)}"
    issued = f"{rng.randint(1, 28):02d}{rng.randint(1, 12):02d}{rng.randint(2016, 2025)}"
    sex = rng.choice(["Nam", "Nữ"])
    return f"{pid}|{old}|{name}|{dob}|{sex}|{rng.choice(PLACES)}|{issued}"


def degraded_photo(text: str, rng: random.Random, hard: bool = False):
    import cv2
    import numpy as np
    import segno
    from PIL import Image

    buffer = io.BytesIO()
    module = rng.choice([3, 4, 5])  # pixels per QR module before the perspective warp
    segno.make(text, error="m").save(buffer, kind="png", scale=module, border=4)
    qr = np.asarray(Image.open(io.BytesIO(buffer.getvalue())).convert("RGB"))
    size = 1000
    canvas = np.zeros((size, size, 3), np.uint8)
    canvas[:] = (rng.randint(150, 220), rng.randint(150, 220), rng.randint(140, 210))
    # the user frames the card's QR code: it lands in the middle part of the photo
    margin = size // 4
    y0 = rng.randint(margin, max(margin, size - qr.shape[0] - margin))
    x0 = rng.randint(margin, max(margin, size - qr.shape[1] - margin))
    canvas[y0 : y0 + qr.shape[0], x0 : x0 + qr.shape[1]] = qr
    jitter = size * 0.12
    src = np.float32([[0, 0], [size, 0], [size, size], [0, size]])
    dst = np.float32([[x + rng.uniform(-jitter, jitter), y + rng.uniform(-jitter, jitter)]
                      for x, y in src])  # fmt: skip
    matrix = cv2.getPerspectiveTransform(src, dst)
    image = cv2.warpPerspective(canvas, matrix, (size, size), borderValue=(60, 50, 40))
    # defocus relative to the module size (sigma up to 0.4 module: about 1.2-2 px here)
    # --hard: sigma 0.3-1.8 px whatever the module size (2-3 px modules become unreadable)
    sigma = rng.uniform(0.3, 1.8) if hard else rng.uniform(0.3, 0.4 * module)
    image = cv2.GaussianBlur(image, (0, 0), sigma)
    noise = np.random.default_rng(rng.randint(0, 2**31)).normal(0, rng.uniform(2, 12), image.shape)
    image = image.astype(np.float32) + noise
    image = image * rng.uniform(0.25, 1.0)  # low light
    image = np.clip(image, 0, 255).astype(np.uint8)
    _ok, jpeg = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, 50])
    return cv2.cvtColor(cv2.imdecode(jpeg, cv2.IMREAD_COLOR), cv2.COLOR_BGR2RGB)


def main(argv: list[str]) -> int:
    from forms.qr import _opencv, _zxing, decode_qr_array, parse_cccd

    count = 200
    rng = random.Random(20261127)
    hard = "--hard" in argv
    cases = [(p, degraded_photo(p, rng, hard)) for p in (payload(rng) for _ in range(count))]
    print(f"{count} images, {'hard' if hard else 'standard'} blur")
    ok = ok_zxing = ok_cv = 0
    times = []
    for text, image in cases:
        started = time.perf_counter()
        decoded = decode_qr_array(image)
        times.append(time.perf_counter() - started)
        if decoded == text and parse_cccd(decoded).personal_id == text[:12]:
            ok += 1
        ok_zxing += _zxing(image) == text
        ok_cv += _opencv(image) == text
    print(f"{'decoder':<38}{'decoded':>10}{'rate':>9}")
    print(f"{'forms.qr (zxing + clean-ups + cv2)':<38}{ok:>10}{ok / count:>9.1%}")
    print(f"{'baseline: zxing-cpp alone':<38}{ok_zxing:>10}{ok_zxing / count:>9.1%}")
    print(f"{'baseline: cv2.QRCodeDetector alone':<38}{ok_cv:>10}{ok_cv / count:>9.1%}")
    p95 = sorted(times)[int(0.95 * count)]
    print(f"time per image: median {statistics.median(times) * 1000:.1f} ms, "
          f"p95 {p95 * 1000:.1f} ms, max {max(times) * 1000:.1f} ms")  # fmt: skip
    print(f"target >= 95 %: {'met' if ok / count >= 0.95 else 'NOT met'}")
    return 0
