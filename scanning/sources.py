"""Scanner acquisition behind one protocol: SANE (`scanimage`) on Linux, WIA on Windows.

Both hand back LoadedPage objects decoded from bytes by scanning.imports, with the scan's DPI.
SANE is tested with SANE's `test` device (Debian sane-utils: `scanimage -d test`, no hardware).
WIA is driven through PowerShell and the WIA Automation COM object (`WIA.DeviceManager`), so
it needs no extra Python package; it cannot be tested on this Linux build machine.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from common.errors import CancelledError, InputError
from common.i18n import _
from scanning.imports import ImportOptions, LoadedPage, load_pages

SCAN_TIMEOUT_S = 300


class ImageSource(Protocol):
    """Something that produces page images: a scanner, a folder being watched..."""

    name: str

    def acquire(self, cancel: threading.Event | None = None) -> Iterator[LoadedPage]: ...


def _run(command: list[str], cancel: threading.Event | None, label: str) -> bytes:
    """Run a scanner command, killable by the cancel event; stdout is the image."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        try:
            process = subprocess.Popen(command, stdout=out, stderr=err)
        except FileNotFoundError:
            raise InputError(
                _("The scanner program {program} is not installed.").format(program=command[0])
            ) from None
        started = time.monotonic()
        while process.poll() is None:
            if cancel is not None and cancel.is_set():
                process.kill()
                process.wait()
                raise CancelledError(_("Cancelled by the user."))
            if time.monotonic() - started > SCAN_TIMEOUT_S:
                process.kill()
                process.wait()
                raise InputError(_("The scanner did not answer in time."), path=label)
            time.sleep(0.05)
        out.seek(0)
        err.seek(0)
        data, message = out.read(), err.read().decode("utf-8", "replace").strip()
    if process.returncode != 0 or not data:
        raise InputError(
            _("The scanner reported an error: {message}").format(message=message or "?"),
            path=label,
        )
    return data


@dataclass
class SaneSource:
    """A SANE device through `scanimage` (sane-utils). device=None uses the default scanner."""

    device: str | None = None
    mode: str = "Color"  # Color, Gray, Lineart
    resolution: int = 200
    extra_args: tuple[str, ...] = ()
    program: str = "scanimage"
    name: str = "SANE"

    def command(self) -> list[str]:
        command = [self.program]
        if self.device:
            command += ["-d", self.device]
        command += ["--mode", self.mode, "--resolution", str(self.resolution), "--format=png"]
        return command + list(self.extra_args)

    def acquire(self, cancel: threading.Event | None = None) -> Iterator[LoadedPage]:
        label = f"sane:{self.device or 'default'}"
        data = _run(self.command(), cancel, label)
        for page in load_pages(Path(label + ".png"), ImportOptions(), data=data):
            page.dpi = page.dpi or float(self.resolution)
            yield page

    @staticmethod
    def available() -> bool:
        return shutil.which("scanimage") is not None


# WIA Automation: wiaFormatPNG, and the item properties for resolution and colour intent.
_WIA_SCRIPT = r"""
$ErrorActionPreference = 'Stop'
$manager = New-Object -ComObject WIA.DeviceManager
$info = $null
foreach ($candidate in $manager.DeviceInfos) {
  if ($candidate.Type -eq 1 -and ($env:HOSO_WIA_DEVICE -eq '' -or
      $candidate.DeviceID -eq $env:HOSO_WIA_DEVICE)) { $info = $candidate; break }
}
if ($info -eq $null) { throw 'no WIA scanner' }
$device = $info.Connect()
$item = $device.Items.Item(1)
foreach ($property in $item.Properties) {
  if ($property.PropertyID -eq 6146) { $property.Value = [int]$env:HOSO_WIA_INTENT }
  if ($property.PropertyID -eq 6147) { $property.Value = [int]$env:HOSO_WIA_DPI }
  if ($property.PropertyID -eq 6148) { $property.Value = [int]$env:HOSO_WIA_DPI }
}
$image = $item.Transfer('{B96B3CAF-0728-11D3-9D7B-0000F81EF32E}')
$image.SaveFile($env:HOSO_WIA_OUT)
"""


@dataclass
class WiaSource:
    """A Windows scanner through WIA 2.0 Automation, driven by PowerShell (Windows only).

    Written against Microsoft's WIA Automation documentation; not testable on Linux CI.
    """

    device_id: str = ""
    color: bool = True
    resolution: int = 200
    name: str = "WIA"

    def acquire(self, cancel: threading.Event | None = None) -> Iterator[LoadedPage]:
        if os.name != "nt":
            raise InputError(_("WIA scanners are only available on Windows."))
        with tempfile.TemporaryDirectory(prefix="hoso-wia-") as folder:
            target = Path(folder) / "page.png"
            env = dict(os.environ)
            env.update(
                HOSO_WIA_DEVICE=self.device_id,
                HOSO_WIA_INTENT="1" if self.color else "2",
                HOSO_WIA_DPI=str(self.resolution),
                HOSO_WIA_OUT=str(target),
            )
            command = ["powershell", "-NoProfile", "-NonInteractive", "-Command", _WIA_SCRIPT]
            process = subprocess.Popen(command, env=env, stderr=subprocess.PIPE)
            while process.poll() is None:
                if cancel is not None and cancel.is_set():
                    process.kill()
                    raise CancelledError(_("Cancelled by the user."))
                time.sleep(0.05)
            if process.returncode != 0 or not target.exists():
                message = process.stderr.read().decode("utf-8", "replace") if process.stderr else ""
                raise InputError(
                    _("The scanner reported an error: {message}").format(message=message.strip())
                )
            for page in load_pages(target):
                page.dpi = page.dpi or float(self.resolution)
                yield page


@dataclass
class FolderSource:
    """A folder a scanner saves into: each new image file becomes a page (watch folder)."""

    folder: Path
    seen: set[str] | None = None
    name: str = "folder"
    suffixes: tuple[str, ...] = (".jpg", ".jpeg", ".png", ".tif", ".tiff", ".pdf", ".heic",
                                 ".webp", ".bmp")  # fmt: skip

    def new_files(self) -> list[Path]:
        """Files that appeared since the last call and are no longer growing."""
        if self.seen is None:
            self.seen = set()
        found = []
        for path in sorted(self.folder.iterdir()) if self.folder.is_dir() else []:
            if path.suffix.lower() not in self.suffixes or str(path) in self.seen:
                continue
            size = path.stat().st_size
            time.sleep(0.05)
            if size == 0 or path.stat().st_size != size:
                continue  # the scanner is still writing it
            self.seen.add(str(path))
            found.append(path)
        return found

    def acquire(self, cancel: threading.Event | None = None) -> Iterator[LoadedPage]:
        for path in self.new_files():
            if cancel is not None and cancel.is_set():
                raise CancelledError(_("Cancelled by the user."))
            yield from load_pages(path)
