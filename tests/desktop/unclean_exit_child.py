"""Child of test_unclean_exit.py: the real app (desktop.app.main) with one scripted action.

`crash ARGS...`: once the window shows, the process dies in native code (SIGSEGV through
faulthandler's test hook), as a Qt or C-library fault would kill it.
`notice ARGS...`: once the window shows, print `NOTICE <json>` (the crash notice's title, text
and buttons, or null when there is none) and quit normally.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def main() -> int:
    mode, rest = sys.argv[1], sys.argv[2:]
    from PySide6.QtCore import QTimer

    from desktop import app

    action = crash if mode == "crash" else report_notice
    # a zero timeout: queued before the QApplication exists; then wait for the window
    QTimer.singleShot(0, lambda: QTimer.singleShot(300, action))
    return app.main(rest)


def crash() -> None:
    import faulthandler

    faulthandler._sigsegv()


def report_notice() -> None:
    from PySide6.QtWidgets import QApplication, QMessageBox

    boxes = [w for w in QApplication.topLevelWidgets() if w.objectName() == "crash-notice"]
    notice = None
    if boxes and isinstance(boxes[0], QMessageBox) and boxes[0].isVisible():
        box = boxes[0]
        notice = {
            "title": box.windowTitle(),
            "text": box.text(),
            "buttons": [button.text() for button in box.buttons()],
        }
    print("NOTICE " + json.dumps(notice, ensure_ascii=False), flush=True)
    QApplication.instance().quit()


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    raise SystemExit(main())
