"""Clerk mode: print separator sheets for a procedure, import a scanned stack into a dossier.

Both run in the background (ui.jobs); the core work is dossier.separators.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from common.i18n import N_, _
from ui.context import AppContext

STACK_FILTER = N_("Scans (*.pdf *.tif *.tiff *.jpg *.jpeg *.png *.heic *.heif *.webp *.bmp)")


def print_separator_sheets(context: AppContext, procedure_code: str, start: Path | None) -> None:
    """Ask where to save the sheets of `procedure_code`, write them, open them to print."""
    procedure = context.procedure(procedure_code)
    if procedure is None:
        context.events.status_message.emit(
            _("Procedure {code} is not in the catalog.").format(code=procedure_code)
        )
        return
    default = (start or context.dossier_root) / _("separator sheets {code}.pdf").format(
        code=procedure.code
    )
    target = context.dialogs.save_file(_("Save the separator sheets"), "PDF (*.pdf)", default)
    if not target:
        return
    target = Path(target)
    if target.suffix.lower() != ".pdf":
        target = target.with_suffix(".pdf")

    def work(progress, cancel):
        from dossier import make_separator_sheets

        return make_separator_sheets(procedure, target)

    def done(path: Path) -> None:
        context.events.status_message.emit(
            _(
                "Separator sheets saved: {file}. Print them and put each before its documents."
            ).format(file=path.name)
        )
        context.dialogs.open_path(path)

    context.run_job(work, done, title=_("Making the separator sheets"))


def split_scanned_stack(
    context: AppContext,
    procedure_code: str,
    paths: list[Path],
    work_dir: Path,
    on_done: Callable[[object], None],
    on_error: Callable[[BaseException, str], None] | None = None,
):
    """Split the stack in the background; `on_done(StackImport)` runs on the GUI thread."""
    procedure = context.catalog().get(procedure_code)

    def work(progress, cancel):
        from common.fsutil import make_private_dir
        from dossier import import_stack

        make_private_dir(work_dir)
        return import_stack(paths, procedure, work_dir, progress=progress, cancel=cancel)

    return context.run_job(work, on_done, on_error, title=_("Splitting the scanned stack"))


def stack_summary(result, names: dict[str, str]) -> str:
    """What the import did, for the status line."""
    parts = [
        _("{name}: {count} page(s)").format(name=names.get(cid, cid), count=len(pages))
        for cid, pages in result.split.pages.items()
        if pages
    ]
    how = _("by blank pages") if result.by_blank_pages else _("by separator sheets")
    text = _("Stack split {how}: {parts}.").format(how=how, parts="; ".join(parts) or "-")
    if result.split.unassigned:
        text += " " + _("{count} page(s) before the first separator sheet were left out.").format(
            count=len(result.split.unassigned)
        )
    return text
