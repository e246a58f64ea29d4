"""The built-in form templates: resources/forms/index.json, from scripts/build_form_templates."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from common.errors import InputError
from common.i18n import _
from common.resources import resource_path
from common.schema import load_dataclass, read_json


@dataclass(frozen=True)
class TemplateInfo:
    id: str
    file: str
    procedure_code: str
    title: str
    roles: dict[str, str]  # role -> how the form names that person
    source: str = ""

    @property
    def path(self) -> Path:
        return resource_path("forms", self.file)


@dataclass(frozen=True)
class TemplateIndex:
    version: int
    templates: tuple[TemplateInfo, ...]


@cache
def template_index() -> TemplateIndex:
    path = resource_path("forms", "index.json")
    return load_dataclass(TemplateIndex, read_json(path), source=path)


def templates() -> tuple[TemplateInfo, ...]:
    return template_index().templates


def template(template_id: str) -> TemplateInfo:
    for info in templates():
        if info.id == template_id:
            return info
    raise InputError(_("no built-in form with id {id!r}").format(id=template_id))


def templates_for_procedure(code: str) -> tuple[TemplateInfo, ...]:
    return tuple(t for t in templates() if t.procedure_code == code)
