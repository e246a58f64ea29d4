"""The soak's child process: the real app (desktop.app.main, --sample) driven by a random user.

Usage: python soak_child.py SECONDS SEED PHOTO P12 [APP ARGS...]

Thousands of random but valid actions on every page, each from the event loop, never blocking it:
scroll and zoom the form, click blanks and type Vietnamese (input-method commits), switch forms
and components, import a photo, rotate/undo/delete scan pages, open the corner editor and cancel,
sign with a .p12, check the checklist, export, open and cancel every dialog, choose the other
language in Settings. Every 2 s it prints `STAT <json>` (actions, None reference drift, longest
stall, errors), at the end `DONE <json>`, then quits normally. run.py judges the figures.
"""

from __future__ import annotations

import gc
import json
import logging
import os
import random
import sys
import time
from collections import Counter
from pathlib import Path

TICK_MS = 20  # the stall meter's period
ACTION_MS = 25  # a new action is considered this often
STAT_EVERY_S = 2.0
P12_PASSWORD = "mật khẩu 123"  # tests/signing/pki.py
VIETNAMESE = [
    "Nguyễn Thị Hồng Nhung",
    "Lê Minh Khôi",
    "Phường Tân Phong, Biên Hoà",
    "Trần Văn Đức",
    "12/03/1988",
    "Việt Nam",
    "Số 12 đường Hùng Vương",
]


class ErrorCounter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage()[:500])


class SoakDialogs:
    """The dialog service of the soak: file pickers answer with the test files; questions get
    a random answer; everything else the app opens itself is cancelled by the driver."""

    def __init__(self, real, photo: Path, p12: Path, out: Path, rng: random.Random) -> None:
        self.real, self.photo, self.p12, self.out, self.rng = real, photo, p12, out, rng
        self.parent = real.parent
        self.asked: Counter[str] = Counter()

    def open_file(self, title, filters="", start=None):
        self.asked["open_file"] += 1
        return self.p12 if "p12" in filters.lower() or "pfx" in filters.lower() else self.photo

    def open_files(self, title, filters="", start=None):
        self.asked["open_files"] += 1
        return [self.photo]

    def save_file(self, title, filters="", start=None):
        self.asked["save_file"] += 1
        suffix = ".pdf" if "pdf" in filters.lower() else ".hoso" if "hoso" in filters else ".zip"
        return self.out / f"lưu {self.asked['save_file']}{suffix}"

    def choose_folder(self, title, start=None):
        self.asked["choose_folder"] += 1
        return None

    def confirm(self, title, question):
        self.asked["confirm"] += 1
        return self.rng.random() < 0.3

    def ask_secret(self, title, prompt):
        self.asked["ask_secret"] += 1
        return P12_PASSWORD if self.rng.random() < 0.9 else None

    def ask_text(self, title, prompt, default=""):
        self.asked["ask_text"] += 1
        return None

    def inform(self, title, message):
        self.asked["inform"] += 1

    def show_text(self, title, text):
        self.asked["show_text"] += 1

    def open_path(self, path):
        self.asked["open_path"] += 1
        return True

    def open_url(self, url):
        self.asked["open_url"] += 1
        return True


def warm_up_imports() -> None:
    """What the app imports on first use (PDF, OpenCV, signing), imported before the baseline:
    a module's first import adds memory and references to None that are not a leak."""
    import cv2  # noqa: F401
    import pymupdf  # noqa: F401
    from pyhanko.sign import signers, validation  # noqa: F401

    import dossier.packaging  # noqa: F401
    import forms.fill  # noqa: F401
    import scanning.pipeline  # noqa: F401
    import signing.sign
    import signing.verify  # noqa: F401


class Driver:
    def __init__(self, seconds: float, seed: int, photo: Path, p12: Path) -> None:
        self.seconds, self.photo, self.p12 = seconds, photo, p12
        self.rng = random.Random(seed)
        self.actions: Counter[str] = Counter()
        self.errors = ErrorCounter()
        self.user_messages = 0
        self.hooked_exceptions: list[str] = []
        self.longest_stall_ms = 0.0
        self.stall_where = ""
        self.last_action = ""
        self.none_baseline: int | None = None
        self.none_drift_min = 0
        self.started = time.monotonic()
        self.last_tick = time.perf_counter()
        self.last_stat = 0.0
        self.measure_cost = 0.0
        self.modal_seen_at: float | None = None
        self.type_counts: Counter[str] = Counter()
        self.snapshot = None
        traces = os.environ.get("SOAK_STALL_TRACES")  # debugging aid: where stalls come from
        self.stall_traces = open(traces, "w") if traces else None  # noqa: SIM115
        self.stalls: dict[str, float] = {}  # action -> longest stall over 100 ms after it
        self.cpu_stalls: dict[str, float] = {}  # the same in the GUI thread's CPU time
        self.last_cpu = time.thread_time()
        self.warm_queue: list | None = None  # None: not planned yet; []: done
        self.warmed_at: float | None = None

    # ---- set-up -------------------------------------------------------------------------------
    def start(self) -> None:
        from PySide6.QtCore import QTimer

        from ui.error_dialog import set_presenter
        from ui.main_window import MainWindow
        from ui.qt import QtWidgets

        self.window = next(w for w in QtWidgets.QApplication.topLevelWidgets()
                           if isinstance(w, MainWindow))  # fmt: skip
        out = Path(self.window.context.data_dir) / "soak-out"
        out.mkdir(parents=True, exist_ok=True)
        self.window.context.dialogs = SoakDialogs(
            self.window.context.dialogs, self.photo, self.p12, out, self.rng
        )
        set_presenter(self._error_dialog)
        logging.getLogger("hoso").addHandler(self.errors)
        logging.getLogger().addHandler(self.errors)
        previous_hook = sys.excepthook

        def hook(exc_type, exc, tb) -> None:
            self.hooked_exceptions.append(f"{exc_type.__name__}: {exc}"[:500])
            previous_hook(exc_type, exc, tb)

        sys.excepthook = hook
        self.window.create_all_pages()
        warm_up_imports()
        self.ticker = QTimer()
        self.ticker.setInterval(TICK_MS)
        self.ticker.timeout.connect(self.tick)
        self.ticker.start()
        self.actor = QTimer()
        self.actor.setInterval(ACTION_MS)
        self.actor.timeout.connect(self.act)
        self.actor.start()
        self.none_baseline = self.count_none()
        self.last_tick = time.perf_counter()  # building the pages is not a stall of the loop
        self.last_cpu = time.thread_time()

    def _error_dialog(self, dialog) -> None:
        self.user_messages += 1
        dialog.deleteLater()

    # ---- meters -------------------------------------------------------------------------------
    def count_none(self) -> int:
        began = time.perf_counter()
        gc.collect()
        count = sys.getrefcount(None)
        self.measure_cost += time.perf_counter() - began
        return count

    def tick(self) -> None:
        if self.stall_traces is not None:  # a stall over 200 ms dumps every thread's stack
            import faulthandler

            faulthandler.dump_traceback_later(0.2, file=self.stall_traces)
        self.close_modals()
        now, cpu = time.perf_counter(), time.thread_time()
        gap_ms = (now - self.last_tick - self.measure_cost) * 1000 - TICK_MS
        cpu_ms = (cpu - self.last_cpu - self.measure_cost) * 1000
        self.measure_cost = 0.0
        self.last_tick, self.last_cpu = now, cpu
        if cpu_ms > 100:  # the GUI thread itself worked that long (not the machine's load)
            self.cpu_stalls[self.last_action] = max(
                self.cpu_stalls.get(self.last_action, 0), cpu_ms
            )
        if gap_ms > self.longest_stall_ms:
            self.longest_stall_ms = gap_ms
            self.stall_where = self.last_action
        if gap_ms > 100:
            self.stalls[self.last_action] = max(self.stalls.get(self.last_action, 0), gap_ms)
        elapsed = time.monotonic() - self.started
        if elapsed - self.last_stat >= STAT_EVERY_S:
            self.last_stat = elapsed
            self.report("STAT")
        if elapsed >= self.seconds:
            self.finish()

    def stats(self) -> dict:
        drift = self.count_none() - (self.none_baseline or 0)
        self.none_drift_min = min(self.none_drift_min, drift)
        return {
            "elapsed_s": round(time.monotonic() - self.started, 1),
            "actions": sum(self.actions.values()),
            "by_action": dict(self.actions),
            "none_refcount": sys.getrefcount(None),
            "none_drift": drift,
            "none_drift_min": self.none_drift_min,
            "longest_stall_ms": round(self.longest_stall_ms, 1),
            "stall_during": self.stall_where,
            "stalls_over_100ms": {k: round(v) for k, v in self.stalls.items()},
            "gui_cpu_over_100ms": {k: round(v) for k, v in self.cpu_stalls.items()},
            "log_errors": self.errors.messages[:5],
            "log_error_count": len(self.errors.messages),
            "exceptions": self.hooked_exceptions[:5],
            "user_messages": self.user_messages,
            "dialogs_answered": dict(self.window.context.dialogs.asked),
        }

    def report(self, kind: str) -> None:
        print(f"{kind} " + json.dumps(self.stats(), ensure_ascii=False), flush=True)
        if os.environ.get("SOAK_TRACEMALLOC"):  # what grows, by allocation site (debugging aid)
            import tracemalloc

            snapshot = tracemalloc.take_snapshot()
            if self.snapshot is not None:
                stats = snapshot.compare_to(self.snapshot, "lineno")[:8]
                print("GROWTH " + json.dumps([str(stat) for stat in stats]), flush=True)
            elif time.monotonic() - self.started > 30:
                self.snapshot = snapshot
        if os.environ.get("SOAK_TYPES"):  # what grows: object counts by type (debugging aid)
            counts = Counter(type(o).__name__ for o in gc.get_objects())
            if self.type_counts:
                grown = {k: v - self.type_counts.get(k, 0) for k, v in counts.items()}
                top = sorted(grown.items(), key=lambda kv: -kv[1])[:12]
                print("TYPES " + json.dumps(top), flush=True)
            else:
                self.type_counts = counts

    def finish(self) -> None:
        from ui.qt import QtWidgets

        self.actor.stop()
        self.ticker.stop()
        from ui.jobs import finish_jobs

        finish_jobs()
        self.close_modals()
        self.report("DONE")
        self.window.close()
        QtWidgets.QApplication.instance().quit()

    # ---- acting -------------------------------------------------------------------------------
    def close_modals(self) -> bool:
        """Cancel what the app opened (settings, profile, corner editor, message boxes...)."""
        from ui.qt import QtWidgets

        modal = QtWidgets.QApplication.activeModalWidget()
        if modal is None:
            for widget in QtWidgets.QApplication.topLevelWidgets():
                if isinstance(widget, QtWidgets.QDialog) and widget.isVisible():
                    modal = widget
                    break
        if modal is None:
            self.modal_seen_at = None
            return False
        now = time.monotonic()
        if self.modal_seen_at is None:
            self.modal_seen_at = now  # leave it open a moment: it is painted and used
            return True
        if now - self.modal_seen_at > 0.3:
            self.modal_seen_at = None
            self.actions["cancel dialog"] += 1
            if isinstance(modal, QtWidgets.QDialog):
                modal.reject()
            else:
                modal.close()
        return True

    def act(self) -> None:
        if self.close_modals():
            return
        if self.warm_queue is None:
            self.warm_queue = self.warm_up_plan()
        if self.warm_queue:
            name, action = self.warm_queue.pop(0)
        else:
            if self.warmed_at is None:
                self.warmed_at = time.monotonic() - self.started
                print(f"WARM {self.warmed_at:.1f}", flush=True)
            actions = self.available_actions()
            names = list(actions)
            weights = [actions[name][0] for name in names]
            name = self.rng.choices(names, weights)[0]
            action = actions[name][1]
        self.last_action = name
        self.actions[name] += 1
        action()

    def warm_up_plan(self) -> list:
        """Every page visited and every action done once before the random work: first use
        (imports, caches, fonts, dialogs) is not growth, and the memory baseline follows it."""
        plan = []
        for step in [s for s in self.window.step_ids() if s != "start"]:  # as go_random_step
            plan.append(("go to a step", lambda s=step: self.window.go_to(s)))
            plan.append(("go to a step", self.queue_page_actions))
        return plan

    def queue_page_actions(self) -> None:
        """(Warm-up, on a page) each action this page offers, once, next in the queue."""
        actions = self.available_actions()
        first = [(name, entry[1]) for name, entry in actions.items() if name != "go to a step"]
        if self.window.current_step_id() == "forms":  # the largest images: every zoom level
            first += [
                ("zoom the form", lambda d=d: self.zoom_when_idle(d)) for d in [1] * 6 + [-1] * 6
            ]
        self.warm_queue[:0] = first

    def zoom_when_idle(self, direction: int) -> None:
        """(Warm-up) one zoom step once the last rendering is done."""
        page = self.forms()
        if page.busy:
            self.warm_queue.insert(0, ("zoom the form", lambda: self.zoom_when_idle(direction)))
        else:
            page.step_zoom(direction)

    def available_actions(self) -> dict:
        page = self.window.current_step_id()
        actions = {
            "go to a step": (6, self.go_random_step),
            "open and cancel Settings": (0.4, self.open_settings),
            "open and cancel About": (0.3, lambda: self.later(self.window.show_about)),
            "keyboard shortcuts": (0.3, lambda: self.later(self.window.show_shortcuts)),
            "choose the other language": (0.15, lambda: self.later(self.switch_language)),
        }
        per_page = {
            "forms": {
                "wheel on the form": (40, self.wheel_form),
                "zoom the form": (4, self.zoom_form),
                "type a value in a blank": (8, self.type_in_blank),
                "switch form": (1, self.switch_form),
                "autofill": (1, lambda: self.later(self.autofill)),
                "edit profile and cancel": (0.5, self.edit_profile),
            },
            "scan": {
                "wheel on the page list": (8, self.wheel_scan),
                "switch component": (6, self.switch_component),
                "import a photo": (1.5, lambda: self.later(self.import_photo)),
                "rotate a page": (4, lambda: self.scan_selected("rotate")),
                "undo on a page": (3, lambda: self.scan_selected("undo")),
                "delete a page": (1, lambda: self.scan_selected("delete")),
                "corner editor, cancel": (1, lambda: self.scan_selected("corners")),
            },
            "sign": {
                "wheel on the sign page": (10, self.wheel_sign),
                "select a PDF": (6, self.select_pdf),
                "sign with the .p12": (1.5, lambda: self.later(self.sign)),
            },
            "pack": {
                "refresh the checklist": (
                    3,
                    lambda: self.later(self.window.page("pack").refresh_checklist),
                ),
                "export for upload": (1, self.export_upload),
                "export for print": (0.7, self.export_print),
            },
            "details": {"wheel on the details": (8, self.wheel_current)},
            "procedure": {"search the catalog": (6, self.search_catalog)},
        }
        actions.update(per_page.get(page, {"wheel": (4, self.wheel_current)}))
        return actions

    # ---- generic ------------------------------------------------------------------------------
    def later(self, action) -> None:
        """Run from its own timer: an action that opens a modal dialog runs a nested event loop,
        and Qt does not fire the actor's timer again while its slot is still running."""
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, action)

    def go_random_step(self) -> None:
        steps = [s for s in self.window.step_ids() if s != "start"] or self.window.step_ids()
        weights = [8 if s == "forms" else 4 if s in ("scan", "sign") else 1 for s in steps]
        self.window.go_to(self.rng.choices(steps, weights)[0])

    def wheel(self, widget, steps: int | None = None) -> None:
        from ui.qt import QtCore, QtGui, QtWidgets

        if widget is None or not widget.isVisible():
            return
        delta = self.rng.choice([-120, 120, -120, -240])
        for _ in range(steps or self.rng.randint(1, 4)):
            point = QtCore.QPointF(widget.width() / 2, widget.height() / 2)
            event = QtGui.QWheelEvent(
                point, widget.mapToGlobal(point), QtCore.QPoint(0, 0), QtCore.QPoint(0, delta),
                QtCore.Qt.MouseButton.NoButton, QtCore.Qt.KeyboardModifier.NoModifier,
                QtCore.Qt.ScrollPhase.NoScrollPhase, False,
            )  # fmt: skip
            QtWidgets.QApplication.sendEvent(widget, event)

    def scroll_viewport(self, root):
        from ui.qt import QtWidgets

        areas = [a for a in root.findChildren(QtWidgets.QAbstractScrollArea) if a.isVisible()]
        return self.rng.choice(areas).viewport() if areas else None

    def wheel_current(self) -> None:
        self.wheel(self.scroll_viewport(self.window.page(self.window.current_step_id())))

    def commit_text(self, widget, text: str) -> None:
        from ui.qt import QtCore, QtGui, QtWidgets

        widget.setFocus(QtCore.Qt.FocusReason.OtherFocusReason)
        event = QtGui.QInputMethodEvent()
        event.setCommitString(text)
        QtWidgets.QApplication.sendEvent(widget, event)

    def open_settings(self) -> None:
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, self.window.show_settings)  # modal: cancelled by close_modals

    def switch_language(self) -> None:
        from ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.window.context, self.window)
        index = (dialog.language.currentIndex() + 1) % dialog.language.count()
        dialog.language.setCurrentIndex(index)
        dialog.accept()
        dialog.deleteLater()

    # ---- forms --------------------------------------------------------------------------------
    def forms(self):
        return self.window.page("forms")

    def wheel_form(self) -> None:
        page = self.forms()
        self.wheel(self.scroll_viewport(page), self.rng.randint(1, 6))

    def zoom_form(self) -> None:
        page = self.forms()
        if not page.busy:
            page.step_zoom(self.rng.choice([-1, 1]))

    def type_in_blank(self) -> None:
        page = self.forms()
        if page.busy or page.info is None:
            return
        items = [i for i in page.info.items if i.fillable and i.type not in ("checkbox", "radio")]
        if not items:
            return
        item = self.rng.choice(items)
        page.go_to_page(item.page)
        page.start_editing(item.id)
        editor = page._editor
        if editor is None:
            return
        from ui.qt import QtWidgets

        if isinstance(editor, QtWidgets.QLineEdit):
            editor.clear()
            self.commit_text(editor, self.rng.choice(VIETNAMESE))
            editor.returnPressed.emit()

    def switch_form(self) -> None:
        page = self.forms()
        if page.busy or page.form_combo.count() < 2:
            return
        page.form_combo.setCurrentIndex(self.rng.randrange(page.form_combo.count()))

    def autofill(self) -> None:
        page = self.forms()
        if not page.busy and page.info is not None:
            page.autofill()

    def edit_profile(self) -> None:
        from PySide6.QtCore import QTimer

        page = self.forms()
        QTimer.singleShot(0, lambda: page.edit_profile(None))

    # ---- scan ---------------------------------------------------------------------------------
    def scan(self):
        return self.window.page("scan")

    def wheel_scan(self) -> None:
        self.wheel(self.scan().page_list.viewport())

    def switch_component(self) -> None:
        box = self.scan().component_box
        if box.count():
            box.setCurrentIndex(self.rng.randrange(box.count()))

    def import_photo(self) -> None:
        page = self.scan()
        if not page.busy() and len(page.files()) < 4:
            page.choose_files()

    def scan_selected(self, what: str) -> None:
        page = self.scan()
        if page.busy() or page.page_list.count() == 0:
            return
        page.page_list.setCurrentRow(self.rng.randrange(page.page_list.count()))
        if what == "rotate":
            page.rotate_selected(self.rng.choice([1, -1]))
        elif what == "undo":
            page.undo_selected()
        elif what == "delete" and page.page_list.count() > 1:
            self.later(page.delete_selected)
        elif what == "corners":
            from PySide6.QtCore import QTimer

            QTimer.singleShot(0, page.edit_corners)

    # ---- sign and pack ------------------------------------------------------------------------
    def sign_page(self):
        return self.window.page("sign")

    def wheel_sign(self) -> None:
        self.wheel(self.scroll_viewport(self.sign_page()))

    def select_pdf(self) -> None:
        files = self.sign_page().file_list
        if files.count():
            files.setCurrentRow(self.rng.randrange(files.count()))

    def sign(self) -> None:
        page = self.sign_page()
        if page.busy or not page.pdfs:
            return
        page.use_p12.setChecked(True)
        page.p12_edit.setText(str(self.p12))
        page.sign_files(all_files=False)

    def export_upload(self) -> None:
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, self.window.page("pack").export_for_upload)

    def export_print(self) -> None:
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, lambda: self.window.page("pack").export_for_print(False))

    def search_catalog(self) -> None:
        page = self.window.page("procedure")
        from ui.qt import QtWidgets

        edits = [e for e in page.findChildren(QtWidgets.QLineEdit) if e.isVisible()]
        if edits:
            edit = edits[0]
            edit.clear()
            self.commit_text(
                edit, self.rng.choice(["khai sinh", "kết hôn", "chứng thực", "khai tử"])
            )


def main() -> int:
    seconds, seed, photo, p12, *rest = sys.argv[1:]
    from PySide6.QtCore import QTimer

    from desktop import app

    driver = Driver(float(seconds), int(seed), Path(photo), Path(p12))
    # a zero timeout is queued before the QApplication exists; then let the window settle
    QTimer.singleShot(0, lambda: QTimer.singleShot(500, driver.start))
    return app.main(rest)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    raise SystemExit(main())
