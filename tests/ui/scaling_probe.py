"""Run the main window at a display scale (QT_SCALE_FACTOR set by the caller), visit every
step in a window of the given logical size, and report as JSON on stdout: the window's
minimum size, widgets squeezed below their minimum size, and a screenshot of every step.

    QT_SCALE_FACTOR=1.5 python -m tests.ui.scaling_probe OUT_DIR WIDTH HEIGHT
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path


def squeezed(root) -> list[str]:
    """Visible widgets smaller than their layout minimum (text or controls cut off)."""
    from ui.qt import QtWidgets

    found = []
    for widget in root.findChildren(QtWidgets.QWidget):
        if not widget.isVisible() or widget.parentWidget() is None:
            continue
        if isinstance(widget.parentWidget(), QtWidgets.QAbstractScrollArea | QtWidgets.QComboBox):
            continue  # viewports and inner parts of composite widgets
        if widget.parentWidget().layout() is None:
            continue  # placed by hand (editors on a canvas), not by a layout
        hint = widget.minimumSizeHint()
        minimum = widget.minimumSize()
        # a maximum below the hint is a deliberate choice (e.g. a narrow "+" button)
        need_w = min(max(minimum.width(), hint.width()), widget.maximumWidth())
        need_h = min(max(minimum.height(), hint.height()), widget.maximumHeight())
        policy = widget.sizePolicy()
        ignores = QtWidgets.QSizePolicy.Policy.Ignored
        if policy.horizontalPolicy() != ignores and widget.width() + 1 < need_w:
            found.append(f"{type(widget).__name__} {widget.accessibleName() or widget.objectName()}"
                         f" width {widget.width()} < {need_w}")  # fmt: skip
        if policy.verticalPolicy() != ignores and widget.height() + 1 < need_h:
            found.append(f"{type(widget).__name__} {widget.accessibleName() or widget.objectName()}"
                         f" height {widget.height()} < {need_h}")  # fmt: skip
    return found


def settle(condition, minimum: float = 0.0, timeout: float = 60.0) -> None:
    import time

    from PySide6.QtCore import QEventLoop, QTimer

    start = time.perf_counter()
    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(20)

    def check() -> None:
        waited = time.perf_counter() - start
        if (condition() and waited >= minimum) or waited > timeout:
            loop.quit()

    timer.timeout.connect(check)
    timer.start()
    loop.exec()
    timer.stop()


def main(argv: list[str]) -> int:
    out_dir, width, height = Path(argv[0]), int(argv[1]), int(argv[2])
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["probe"])
    from desktop.sample import create_sample_dossier
    from desktop.settings import Settings
    from ui.context import AppContext
    from ui.dialogs import StubDialogService
    from ui.error_dialog import set_presenter
    from ui.fonts import register_ui_font
    from ui.jobs import running_jobs
    from ui.main_window import MainWindow

    set_presenter(lambda dialog: dialog.show())
    register_ui_font(app)
    scratch = Path(tempfile.mkdtemp(prefix="hoso-scale-"))
    context = AppContext(
        settings=Settings(scratch / "settings.json"),
        data_dir=scratch / "data",
        dossier_root=scratch / "dossiers",
        profiles_dir=scratch / "profiles",
        catalog_dir=scratch / "data" / "catalog",
    )
    context.dialogs = StubDialogService()
    window = MainWindow(context)
    window.open_dossier(create_sample_dossier(context.dossier_root))
    window.create_all_pages()
    window.resize(width, height)
    window.show()
    report = {"scale": app.primaryScreen().devicePixelRatio(), "steps": {}}
    out_dir.mkdir(parents=True, exist_ok=True)
    for step_id in window.step_ids():
        window.go_to(step_id)
        # let background jobs (checklist, previews) finish and layouts settle; a QEventLoop,
        # not processEvents() in a loop (PySide6 6.12 loses a None reference per call)
        settle(lambda: not running_jobs())
        settle(lambda: True, minimum=0.2)
        page = window.stack.currentWidget()
        shot = out_dir / f"{step_id}.png"
        window.grab().save(str(shot))
        minimum = window.minimumSizeHint()
        report["steps"][step_id] = {
            "window": [window.width(), window.height()],
            "minimum": [minimum.width(), minimum.height()],
            "page": [page.width(), page.height()],
            "page_minimum": [page.minimumSizeHint().width(), page.minimumSizeHint().height()],
            "squeezed": squeezed(page),
            "screenshot": str(shot),
        }
    window.session.flush()
    print(json.dumps(report, ensure_ascii=False))
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
