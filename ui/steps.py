"""The workflow steps, mirroring the portal, and the page class of each.

Each page lives in `ui/pages/<module>.py` as a `StepPage` subclass named below. A step whose
page module is not installed yet shows a notice page instead of failing.
"""

from __future__ import annotations

import importlib
import logging
from typing import NamedTuple

from common.i18n import N_, _
from ui.context import AppContext
from ui.pages.base import StepPage, StepStatus
from ui.qt import QtCore, QtWidgets

log = logging.getLogger("hoso.ui")


class Step(NamedTuple):  # a NamedTuple: a frozen dataclass costs ~0.8 ms of start-up
    id: str
    title: str  # English source; translate with _() when shown
    module: str
    class_name: str
    shortcut: str


STEPS: tuple[Step, ...] = (
    Step("procedure", N_("Choose procedure"), "ui.pages.procedure_page", "ProcedurePage", "Ctrl+1"),
    Step(
        "details", N_("Information & checklist"), "ui.pages.details_page", "DetailsPage", "Ctrl+2"
    ),
    Step("forms", N_("Fill forms"), "ui.pages.forms_page", "FormsPage", "Ctrl+3"),
    Step("scan", N_("Scan documents"), "ui.pages.scan_page", "ScanPage", "Ctrl+4"),
    Step("sign", N_("Digital signature"), "ui.pages.sign_page", "SignPage", "Ctrl+5"),
    Step("pack", N_("Package & submit"), "ui.pages.pack_page", "PackPage", "Ctrl+6"),
)


def step_by_id(step_id: str) -> Step:
    for step in STEPS:
        if step.id == step_id:
            return step
    raise KeyError(step_id)


class UnavailablePage(StepPage):
    """Shown for a step whose page is not part of this build."""

    def __init__(self, context: AppContext, step: Step) -> None:
        super().__init__(context)
        self.step_id_value = step.id
        layout = QtWidgets.QVBoxLayout(self)
        label = QtWidgets.QLabel(_("This step is not available in this version of the app."))
        label.setAlignment(QtCore.Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        layout.addWidget(label)

    def step_status(self) -> StepStatus:
        return StepStatus("not_started", _("Not available in this version."))


def create_page(step: Step, context: AppContext) -> StepPage:
    try:
        module = importlib.import_module(step.module)
    except ModuleNotFoundError as exc:
        if exc.name != step.module:
            raise
        log.info("no page module for step %s", step.id)
        return UnavailablePage(context, step)
    page_class = getattr(module, step.class_name)
    return page_class(context)
