"""Where pages come from besides files: separator sheets and scanned stacks (clerk mode), a
scanner, a watched folder (a mixin of ScanPage)."""

from __future__ import annotations

from pathlib import Path

from common.i18n import _
from ui.qt import QtCore


class ScanSources:
    """Where pages come from besides files: methods of ScanPage, which inherits them."""

    def print_separators(self) -> None:
        from ui.separator_actions import print_separator_sheets

        if self.session is not None:
            dossier = self.session.dossier
            print_separator_sheets(self.context, dossier.procedure_code, self.session.root)

    def choose_stack(self) -> None:
        from ui.separator_actions import STACK_FILTER

        paths = self.context.dialogs.open_files(_("Scanned stack"), _(STACK_FILTER))
        if paths:
            self.import_stack([Path(p) for p in paths])

    def import_stack(self, paths: list[Path]) -> None:
        """Split the stack in the background; each document's pages join its component."""
        if self.session is None:
            return
        from dossier import now_iso
        from ui.separator_actions import split_scanned_stack

        stamp = "".join(ch for ch in now_iso() if ch.isdigit())[:14]
        work_dir = self.session.workspace.stack_dir(stamp)
        job = split_scanned_stack(
            self.context, self.session.dossier.procedure_code, paths, work_dir,
            self._stack_split, self._job_failed,
        )  # fmt: skip
        self._jobs.append(job)

    def _stack_split(self, result) -> None:
        from ui.separator_actions import stack_summary

        self.last_stack = result
        if self.session is None:
            return
        for component_id, pdf in result.files.items():
            self.import_files([pdf], component_id)
        names = self._component_names()
        self.context.events.status_message.emit(stack_summary(result, names))
        self.notice_label.setText(stack_summary(result, names))

    def acquire_from_scanner(self) -> None:
        """One page from the scanner (SANE on Linux, WIA on Windows), added like a file."""
        if self.session is None:
            return
        import os

        device = self.context.settings.get("scanner_device") or None
        target = self.session.workspace.scanner_file(str(QtCore.QDateTime.currentMSecsSinceEpoch()))

        def scan(progress, cancel):
            from common.fsutil import atomic_write_bytes, make_private_dir
            from scanning import SaneSource, WiaSource, encode_lossless_png

            source = WiaSource(device or "") if os.name == "nt" else SaneSource(device)
            progress(0, 1, _("Scanning…"))
            page = next(iter(source.acquire(cancel)))
            make_private_dir(target.parent)
            atomic_write_bytes(target, encode_lossless_png(page.image, page.dpi or 200))
            return target

        self._run(scan, lambda path: self.import_files([path]), _("Scanning"))

    def toggle_watch(self, enabled: bool) -> None:
        """Import every new file a scanner saves into the chosen folder, every 2 s."""
        if not enabled:
            self.watch_timer.stop()
            self.watch_source = None
            return
        folder = self.context.dialogs.choose_folder(_("Folder the scanner saves into"))
        if folder is None:
            self.watch_button.setChecked(False)
            return
        from scanning import FolderSource

        self.watch_source = FolderSource(Path(folder))
        self.watch_source.new_files()  # files already there are not new
        self.watch_timer.start()

    def poll_watch_folder(self) -> None:
        source = self.watch_source
        if source is None or self.busy():
            return
        self._run(lambda progress, cancel: source.new_files(), self.import_files, _("Watching"))
