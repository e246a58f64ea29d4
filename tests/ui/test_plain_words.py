"""Plain words on screen (issue 18): one spelling of "Xóa", no jargon in plain view.

Technical names (PAdES levels, coordinates in points) stay available in tooltips.
"""

from __future__ import annotations

import re

from common import i18n
from tests.ui.test_language_walk import _window, walk

OLD_STYLE = re.compile(r"\b[Xx]oá\b|\b[Hh]oá\b")  # the portal writes "Xóa", "hóa"
JARGON = re.compile(r"PAdES|OpenCPS|lỗi chặn|đầu vào|\d\s?pt\b", re.I)


def test_one_spelling_of_xoa_in_the_catalog():
    old = sorted(t for t in i18n.load_catalog("vi").values() if OLD_STYLE.search(t))
    assert not old, old


def test_no_jargon_in_plain_view(app_context, qtbot):
    window = _window(app_context, qtbot, "vi")
    try:
        found = walk(window, qtbot)
    finally:
        window.session.flush()
    shown = [
        f"{step} {where}: {text!r}"
        for step, where, text in found
        if not where.endswith(("toolTip", "accessibleName", "itemToolTip", "tip"))
        and (JARGON.search(text) or OLD_STYLE.search(text))
    ]
    assert not shown, "\n".join(shown)
    sign = window.page("sign")
    sign._box_changed((100.0, 80.0, 300.0, 140.0))
    assert "pt" not in sign.box_label.text() and "trang" in sign.box_label.text()
    assert "100,80" in sign.box_label.toolTip()  # the coordinates for who asks
    levels = [sign.level_combo.itemText(i) for i in range(sign.level_combo.count())]
    assert levels == ["Cơ bản", "Có dấu thời gian", "Lưu trữ dài hạn"]
    assert sign.level_combo.itemData(0, 3) == "PAdES B-B"  # 3: Qt.ItemDataRole.ToolTipRole
