"""Child process of test_crash_gui.py: the real app (desktop.app.main) with a scripted user.

Usage: python gui_child.py edit PHOTO ARGS...   or   python gui_child.py check ARGS...
ARGS go to desktop.app.main unchanged (e.g. `--dossier DIR`, or nothing: reopen the last one).

`edit` types form values, chooses delivery by post with an address, imports a photo on the
scan step, waits until dossier.json on disk holds all of it, prints `SAVED <json>` and goes on
working (a PDF being made) until the parent kills it. `check` prints `STATE <json>`: the step
the app opened at and what the pages show, then quits.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

FORM_VALUES = {"child.full_name": "Lê Minh Khôi", "father.full_name": "Lê Văn Đức"}
ADDRESS = "Số 12, đường Hùng Vương, xã Xuân Bắc, tỉnh Đồng Nai"


def main() -> int:
    mode, rest = sys.argv[1], sys.argv[2:]
    photo = Path(rest.pop(0)) if mode == "edit" else None
    from PySide6.QtCore import QTimer

    from desktop import app

    script = Script(mode, photo)
    QTimer.singleShot(0, script.start)
    return app.main(rest)


class Script:
    """Steps run from the event loop, each waiting for the app (never blocking it)."""

    def __init__(self, mode: str, photo: Path | None) -> None:
        self.mode, self.photo = mode, photo

    def window(self):
        from ui.main_window import MainWindow
        from ui.qt import QtWidgets

        return next(
            w for w in QtWidgets.QApplication.topLevelWidgets() if isinstance(w, MainWindow)
        )

    def when(self, condition, then, tries: int = 1200) -> None:
        from PySide6.QtCore import QTimer

        if condition():
            then()
        elif tries:
            QTimer.singleShot(50, lambda: self.when(condition, then, tries - 1))
        else:
            print("TIMEOUT", flush=True)
            raise SystemExit(3)

    def start(self) -> None:
        window = self.window()
        if self.mode == "check":
            self.report(window)
            return
        from ui.dialogs import StubDialogService

        window.context.dialogs = StubDialogService(open_files=[self.photo])
        window.go_to("forms")
        forms = window.pages["forms"]
        self.when(lambda: forms.info is not None and not forms.busy, lambda: self.fill(window))

    def fill(self, window) -> None:
        from tests.e2e.gui import commit_text
        from ui.qt import QtCore

        forms = window.pages["forms"]
        for item_id, value in FORM_VALUES.items():
            forms.start_editing(item_id)
            commit_text(forms._editor, value)
            forms._editor.returnPressed.emit()
        window.go_to("details")
        details = window.pages["details"]
        details.delivery_combo.setCurrentIndex(details.delivery_combo.findData("post"))
        details.address_edit.clear()
        commit_text(details.address_edit, ADDRESS)
        details.address_edit.editingFinished.emit()
        window.go_to("scan")
        scan = window.pages["scan"]
        scan.component_box.setCurrentIndex(scan.component_box.findData("giay-chung-sinh"))
        QtCore.QTimer.singleShot(0, scan.choose_files)
        self.when(lambda: len(scan.previews) == 1 and not scan.busy(), lambda: self.saved(window))

    def on_disk(self, window) -> dict:
        return json.loads((window.session.root / "dossier.json").read_text(encoding="utf-8"))

    def saved(self, window) -> None:
        """Everything above is autosaved (no explicit save): then say so and keep working."""

        def complete() -> bool:
            data = self.on_disk(window)
            values = data["forms"].get("tk-khai-sinh", {}).get("values", {})  # typed (issue 17)
            files = [f for c in data["components"] for f in c["files"]]
            return (
                data["current_step"] == "scan"
                and all(values.get(k) == v for k, v in FORM_VALUES.items())
                and data["submission"]["delivery_address"] == ADDRESS
                and len(files) == 1
                and any(step.get("op") == "mode" for step in files[0]["steps"])
            )

        def report() -> None:
            print("SAVED " + json.dumps(self.on_disk(window), ensure_ascii=False), flush=True)
            window.pages["scan"].export_component()  # busy when the kill comes

        self.when(complete, report)

    def report(self, window) -> None:
        from ui.qt import QtWidgets

        state = {"step": window.current_step_id(), "root": str(window.session.root)}
        window.go_to("details")
        details = window.pages["details"]
        state["delivery"] = details.delivery_combo.currentData()
        state["address"] = details.address_edit.text()
        window.go_to("scan")
        scan = window.pages["scan"]
        scan.component_box.setCurrentIndex(scan.component_box.findData("giay-chung-sinh"))
        state["scan_files"] = [f.name for f in scan.files()]
        window.go_to("forms")
        forms = window.pages["forms"]

        def done() -> None:
            state["form_values"] = {k: forms.values.get(k) for k in FORM_VALUES}
            print("STATE " + json.dumps(state, ensure_ascii=False), flush=True)
            window.close()
            QtWidgets.QApplication.instance().quit()

        self.when(lambda: forms.info is not None and not forms.busy, done)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    raise SystemExit(main())
