"""One app on its own Xvfb display, driven with the real mouse and keyboard (xdotool).

The app runs tests/walkthrough/app_child.py, whose inspector says where widgets are; every
click, key and typed character goes through the X server as a user's would.
"""

from __future__ import annotations

import json
import os
import queue
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHILD = Path(__file__).with_name("app_child.py")
SCREEN = (1366, 768)


class WalkFailure(AssertionError):
    """A step of the walk-through went wrong: what the user would have met."""


def needed_tools() -> list[str]:
    return [tool for tool in ("Xvfb", "xdotool") if shutil.which(tool) is None]


class AppSession:
    def __init__(self, display: str, lang: str, work: Path, out: Path) -> None:
        self.display, self.lang, self.work, self.out = display, lang, work, out
        self.env = dict(os.environ, DISPLAY=display)
        self.env.pop("WAYLAND_DISPLAY", None)
        self.replies: queue.Queue[dict] = queue.Queue()
        self.log: list[str] = []
        self.shots: list[Path] = []
        self.step_number = 0
        self.unexpected: list[str] = []
        self.retyped = 0  # texts typed again because the field did not show them

    # ---- processes ----------------------------------------------------------------------------
    def start(self, *app_args: str, typed: tuple[str, ...] = ()) -> None:
        self.server = subprocess.Popen(
            ["Xvfb", self.display, "-screen", "0", f"{SCREEN[0]}x{SCREEN[1]}x24", "-nolisten",
             "tcp"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        time.sleep(1.0)
        self.map_characters(list(typed))
        app_env = dict(
            self.env,
            QT_QPA_PLATFORM="xcb",
            HOSO_DATA_DIR=str(self.work / "dữ liệu"),
            HOSO_DOSSIER_ROOT=str(self.work / "Hồ sơ của tôi"),
            PYTHONPATH=str(ROOT),
            PYTHONFAULTHANDLER="1",
        )
        self.out.mkdir(parents=True, exist_ok=True)
        self.stderr_path = self.out / "app-stderr.txt"
        self.app = subprocess.Popen(
            [sys.executable, str(CHILD), "--lang", self.lang, *app_args],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=open(self.stderr_path, "w", encoding="utf-8"),  # noqa: SIM115
            cwd=ROOT, env=app_env, text=True, encoding="utf-8",
        )  # fmt: skip
        threading.Thread(target=self._read_replies, daemon=True).start()
        self._reply(timeout=90)  # {"ready": true}
        self.window = self._wait_for_window()
        self.xdo("windowmove", self.window, "0", "0")
        self.xdo("windowsize", self.window, str(SCREEN[0]), str(SCREEN[1] - 28))
        time.sleep(1.0)
        self.wait_idle()
        self.ask("take_stalls")  # start-up is measured by bench/startup, not here

    def _read_replies(self) -> None:
        assert self.app.stdout is not None
        for line in self.app.stdout:
            if line.startswith("WT "):
                self.replies.put(json.loads(line[3:]))

    def _reply(self, timeout: float = 30) -> dict:
        try:
            return self.replies.get(timeout=timeout)
        except queue.Empty:
            self.check_alive()
            raise WalkFailure(f"the app did not answer in {timeout:.0f} s (frozen?)") from None

    def ask(self, op: str, timeout: float = 30, **args) -> dict:
        self.check_alive()
        assert self.app.stdin is not None
        self.app.stdin.write(json.dumps({"op": op, **args}, ensure_ascii=False) + "\n")
        self.app.stdin.flush()
        reply = self._reply(timeout)
        if "error" in reply:
            raise WalkFailure(f"inspector: {reply['error']}")
        return reply

    def check_alive(self) -> None:
        if self.app.poll() is not None:
            tail = self.stderr_path.read_text(encoding="utf-8", errors="replace")[-3000:]
            raise WalkFailure(f"the app died (exit {self.app.returncode}):\n{tail}")

    def stop(self) -> None:
        try:
            if self.app.poll() is None:
                try:
                    self.ask("quit", timeout=10)
                    self.app.wait(timeout=30)
                except (WalkFailure, subprocess.TimeoutExpired, OSError):
                    self.app.kill()
        finally:
            self.server.terminate()

    def _wait_for_window(self, timeout: float = 60) -> str:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            found = self.xdo("search", "--onlyvisible", "--name", "Hồ sơ số")
            if found:
                return found.splitlines()[0]
            time.sleep(0.3)
        raise WalkFailure("the main window never showed")

    # ---- input through the X server -----------------------------------------------------------
    def map_characters(self, texts: list[str]) -> None:
        """Give every non-ASCII character of `texts` its own key in the X keymap.

        xdotool types a character missing from the keymap by remapping a key for that one
        press; the application sometimes reads the press before the new mapping and the letter
        is lost ("Đa khoa" came out "a khoa"). With a key of their own nothing is remapped."""
        chars = sorted({c for text in texts for c in text if ord(c) > 127})
        table = subprocess.run(["xmodmap", "-pke"], capture_output=True, text=True, check=True,
                               env=self.env).stdout  # fmt: skip
        spare = []
        for line in table.splitlines():
            code, _eq, symbols = line.partition("=")
            names = symbols.split()
            if not names or all(n.startswith("XF86") or n == "NoSymbol" for n in names):
                spare.append(int(code.split()[1]))
        if len(spare) < len(chars):
            raise WalkFailure(f"{len(chars)} characters to type, {len(spare)} spare keys")
        commands = []
        for code, char in zip(sorted(spare, reverse=True), chars):
            keysym = ord(char) if ord(char) <= 0xFF else 0x1000000 + ord(char)
            commands += ["-e", f"keycode {code} = 0x{keysym:x} 0x{keysym:x}"]
        subprocess.run(["xmodmap", *commands], check=True, env=self.env)

    def xdo(self, *args: str) -> str:
        done = subprocess.run(["xdotool", *args], capture_output=True, text=True, check=False,
                              env=self.env)  # fmt: skip
        return done.stdout.strip()

    def focus_window(self) -> None:
        # no window manager on Xvfb: focus the active top-level (a dialog, or the main window)
        self.xdo("windowfocus", "--sync", self.active_window())

    def active_window(self) -> str:
        return self.xdo("getwindowfocus") or self.window

    def click_at(self, x: int, y: int, button: str = "1") -> None:
        self.xdo("mousemove", "--sync", str(x), str(y))
        time.sleep(0.05)
        self.xdo("click", button)

    def find(self, text: str, kind: str = "any", nth: int = 0, translate: bool = True,
             timeout: float = 20) -> dict:  # fmt: skip
        end = time.monotonic() + timeout
        while True:
            found = self.ask("find", text=text, kind=kind, nth=nth, translate=translate)
            if found["found"]:
                return found
            if time.monotonic() > end:
                raise WalkFailure(f"no {kind} '{found['wanted']}' on screen")
            time.sleep(0.3)

    def click(self, text: str, kind: str = "button", nth: int = 0, translate: bool = True,
              button: str = "1") -> None:  # fmt: skip
        found = self.find(text, kind, nth, translate)
        if not found.get("enabled", True):
            self.wait_idle()
            found = self.find(text, kind, nth, translate)
            if not found.get("enabled", True):
                raise WalkFailure(f"'{text}' is disabled")
        self.click_at(found["x"], found["y"], button)
        self.log.append(f"click {text!r}")

    def click_item(self, text: str, double: bool = False) -> None:
        end = time.monotonic() + 20
        while not (found := self.ask("find_item", text=text))["found"]:
            if time.monotonic() > end:
                raise WalkFailure(f"no row '{text}' in any list")
            time.sleep(0.3)
        self.xdo("mousemove", "--sync", str(found["x"]), str(found["y"]))
        self.xdo("click", "--repeat", "2" if double else "1", "--delay", "80", "1")
        self.log.append(f"click row {text!r}")

    def key(self, *keys: str) -> None:
        self.focus_window()
        for key in keys:
            self.xdo("key", "--clearmodifiers", key)
            time.sleep(0.08)
        self.log.append(f"key {' '.join(keys)}")

    def type(self, text: str, *, tries: int = 3) -> None:
        """Type into the focused widget, character by character through the X server, and
        read the field back: a letter lost on the way (seen now and then in Qt's file dialog,
        whose completer pops up while typing) is typed again, as a person would."""
        for attempt in range(tries):
            if attempt:
                self.key("ctrl+a", "BackSpace")
                self.retyped += 1
            self.focus_window()
            self.xdo("type", "--delay", "25", "--", text)
            time.sleep(0.15)
            shown = self.ask("focus_text")["text"]
            if shown is None or text in shown:  # not a text field, or the text is there
                break
        else:
            raise WalkFailure(f"typed {text!r}, the field shows {shown!r}")
        self.log.append(f"type {text!r}")

    def _located(self, op: str, what: str, **args) -> dict:
        end = time.monotonic() + 20
        while not (found := self.ask(op, **args))["found"]:
            if time.monotonic() > end:
                raise WalkFailure(f"no {what} '{found['wanted']}' on screen")
            time.sleep(0.3)
        return found

    def fill(self, label: str, text: str) -> None:
        """Click the input beside a label, select what is there and type `text`."""
        found = self._located("find_field", "input beside", label=label)
        self.click_at(found["x"], found["y"])
        self.key("ctrl+a")  # a line edit or an editable list: what is there is replaced
        self.type(text)
        self.log.append(f"fill {label!r}")

    def fill_blank(self, label: str, text: str, nth: int = 0) -> None:
        """Click a blank on the form's page and type its value in the editor that opens."""
        found = self._located("find_blank", "blank", label=label, nth=nth)
        time.sleep(0.2)
        found = self.ask("find_blank", label=label, nth=nth)  # after scrolling into view
        self.click_at(found["x"], found["y"])
        time.sleep(0.3)
        self.key("ctrl+a")
        self.type(text)
        self.key("Return")
        self.log.append(f"blank {label!r}")

    # ---- waiting and checking -----------------------------------------------------------------
    def wait_idle(self, timeout: float = 120) -> dict:
        end = time.monotonic() + timeout
        quiet_since = None
        while time.monotonic() < end:
            state = self.ask("state")
            if state["jobs"] == 0:
                quiet_since = quiet_since or time.monotonic()
                if time.monotonic() - quiet_since > 0.6:
                    return state
            else:
                quiet_since = None
            time.sleep(0.2)
        raise WalkFailure(f"still working after {timeout:.0f} s")

    def wait_modal(self, present: bool = True, timeout: float = 20) -> dict:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            state = self.ask("state")
            if (state["modal"] is not None) == present:
                return state
            time.sleep(0.2)
        raise WalkFailure("a dialog " + ("never opened" if present else "stayed open"))

    def expect_no_dialog(self, after: str, wait: float = 1.0) -> list[str]:
        """A dialog open where none should be (a refusal, a warning): a problem; closed."""
        time.sleep(wait)
        self.wait_idle()
        shown = self.ask("modal_text")
        if shown["modal"] is None:
            return []
        self.unexpected.append(f"after {after}: dialog '{shown['title']}': "
                               + " | ".join(shown["texts"])[:400])  # fmt: skip
        self.key("Escape")
        self.wait_modal(present=False)
        return self.unexpected[-1:]

    def expect_text(self, text: str, translate: bool = True) -> None:
        """`text` is on screen (the result of the last action shows)."""
        try:
            self.find(text, "any", translate=translate, timeout=10)
        except WalkFailure as failure:
            self.unexpected.append(f"expected on screen: {failure}")

    def step(self, name: str) -> dict:
        """End of a step: idle, no error dialog, no unannounced stall, no English; a screenshot."""
        self.wait_idle()
        time.sleep(0.4)
        self.step_number += 1
        shot = self.out / f"{self.step_number:02d}-{name}.png"
        self.ask("screenshot", path=str(shot))
        self.shots.append(shot)
        problems, self.unexpected = list(self.unexpected), []
        errors = self.ask("take_errors")["errors"]
        if errors:
            problems.append(f"error dialog: {errors[-1]}")
        stalls = self.ask("take_stalls")["stalls"]
        silent = [ms for ms, shown in stalls if ms > 1000 and not shown]
        if silent:
            problems.append(f"the window froze {max(silent):.0f} ms without a progress bar")
        cut = self.ask("cut_off")
        if cut["cut_off"]:
            problems.append(f"the page is {cut['by']} px wider than the window (cut off)")
        language = self.ask("english")
        if language["english"]:
            problems.append("English in Vietnamese mode: " + "; ".join(language["english"][:12]))
        if language["raw"]:
            problems.append("mnemonic marker shown: " + "; ".join(language["raw"][:6]))
        print(f"  {self.step_number:02d} {name}: {'OK' if not problems else 'PROBLEM'}",
              flush=True)  # fmt: skip
        for problem in problems:
            print(f"     - {problem}", flush=True)
        return {"name": name, "shot": str(shot), "problems": problems}
