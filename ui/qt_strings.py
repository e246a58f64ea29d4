"""Vietnamese for Qt's own strings (context menus, scroll buttons, standard buttons).

Qt ships no Vietnamese translation of qtbase, so without this a Vietnamese user would meet
English in every text field's context menu and in the scroll buttons screen readers announce.
The translator follows common.i18n's current language.
"""

from __future__ import annotations

from common.i18n import current_language
from ui.qt import QtCore, QtWidgets

QT_VIETNAMESE = {
    # text fields (QLineEdit, QTextEdit) and spin boxes
    "&Undo": "&Hoàn tác",
    "&Redo": "&Làm lại",
    "Cu&t": "Cắ&t",
    "&Copy": "&Sao chép",
    "&Paste": "&Dán",
    "Delete": "Xóa",
    "Select All": "Chọn tất cả",
    "&Select All": "&Chọn tất cả",
    "Copy &Link Location": "Sao chép địa chỉ &liên kết",
    "&Step up": "&Tăng",
    "Step &down": "&Giảm",
    # tab bars and scroll bars
    "Scroll Left": "Cuộn sang trái",
    "Scroll Right": "Cuộn sang phải",
    "Scroll here": "Cuộn đến đây",
    "Left edge": "Mép trái",
    "Right edge": "Mép phải",
    "Top": "Trên cùng",
    "Bottom": "Dưới cùng",
    "Page left": "Trang trái",
    "Page right": "Trang phải",
    "Page up": "Lên một trang",
    "Page down": "Xuống một trang",
    "Scroll left": "Cuộn sang trái",
    "Scroll right": "Cuộn sang phải",
    "Scroll up": "Cuộn lên",
    "Scroll down": "Cuộn xuống",
    # standard buttons and message boxes
    "OK": "Đồng ý",
    "&OK": "Đồng &ý",
    "Cancel": "Hủy",
    "&Cancel": "&Hủy",
    "Close": "Đóng",
    "&Close": "Đó&ng",
    "Yes": "Có",
    "&Yes": "&Có",
    "No": "Không",
    "&No": "&Không",
    "Apply": "Áp dụng",
    "Save": "Lưu",
    "&Save": "&Lưu",
    "Help": "Trợ giúp",
    "Show Details...": "Xem chi tiết...",
    "Hide Details...": "Ẩn chi tiết...",
    # the calendar of date fields
    "Previous Month": "Tháng trước",
    "Next Month": "Tháng sau",
}


class QtStringsTranslator(QtCore.QTranslator):
    def translate(self, context, source_text, disambiguation=None, n=-1):
        # None (a null string) lets Qt keep its own text; "" would blank it
        if current_language() != "vi":
            return None
        return QT_VIETNAMESE.get(source_text)

    def isEmpty(self) -> bool:
        return False


_installed: QtStringsTranslator | None = None


def install_qt_translations() -> None:
    """Once per application, before widgets are built (they read their texts on creation)."""
    global _installed
    app = QtWidgets.QApplication.instance()
    if _installed is None and app is not None:
        _installed = QtStringsTranslator(app)
        app.installTranslator(_installed)
