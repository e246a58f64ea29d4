"""Dossiers written by version 1 of the format (the app before typed form state) open with
their data: forms and the last export move from `extra` into typed fields.

tests/dossier/data/v1/dossier.json was written by the app at commit 3ed4b68 (schema 1): a
form saved as a file of its component, a form being edited, a recorded export, a sample mark.
tests/dossier/data/v2/dossier.json was written by the app at commit b27816e (schema 2): the
scan step's component in extra["ui"], a PDF in a component, a sample mark; no stamp places.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from dossier.model import ExportRecord, FormState
from dossier.status import pack_status
from dossier.workspace import DOSSIER_FILE, SCHEMA_VERSION, Workspace

V1 = Path(__file__).parent / "data" / "v1" / DOSSIER_FILE
V2 = Path(__file__).parent / "data" / "v2" / DOSSIER_FILE


def _open_v1(tmp_path: Path, source: Path = V1) -> Workspace:
    folder = tmp_path / "hs"
    folder.mkdir()
    shutil.copyfile(source, folder / DOSSIER_FILE)
    return Workspace.open(folder)


def test_a_version_1_dossier_keeps_its_forms_typed(tmp_path):
    dossier = _open_v1(tmp_path).dossier
    assert dossier.schema_version == SCHEMA_VERSION == 3
    saved = dossier.forms["tk-khai-sinh"]
    assert isinstance(saved, FormState)
    assert saved.values == {"ho_ten": "Nguyễn Văn An", "ngay_sinh": "01/01/2026"}
    assert saved.saved and saved.problems == 0
    assert saved.file_id == dossier.components[0].files[0].id
    assert saved.output.endswith("tk-nop.pdf")
    editing = dossier.forms["other.pdf"]
    assert (editing.values, editing.problems, editing.saved) == ({"x": "y"}, 2, False)
    assert editing.output == "" and editing.file_id == ""


def test_a_version_1_dossier_stays_exported(tmp_path):
    """The fingerprint of the export made by version 1 still matches: the step stays done."""
    dossier = _open_v1(tmp_path).dossier
    assert isinstance(dossier.last_export, ExportRecord)
    assert dossier.last_export.portal == "dongnai" and dossier.last_export.files == 1
    assert pack_status(dossier).state == "done"
    assert dossier.extra == {"sample": {"fictional": True}}  # what no part of the app owns


def test_a_migrated_dossier_is_saved_in_the_new_format(tmp_path):
    workspace = _open_v1(tmp_path)
    workspace.save()
    data = json.loads((workspace.root / DOSSIER_FILE).read_text(encoding="utf-8"))
    assert data["schema_version"] == SCHEMA_VERSION
    assert "forms" not in data["extra"] and "pack" not in data["extra"]
    assert data["forms"]["tk-khai-sinh"]["values"]["ho_ten"] == "Nguyễn Văn An"
    assert data["last_export"]["fingerprint"]
    again = Workspace.open(workspace.root).dossier
    assert again.forms == workspace.dossier.forms
    assert pack_status(again).state == "done"


def test_version_1_page_steps_get_detections_marker(tmp_path):
    """Version 1 knew detection's steps as those up to the first mode step."""
    data = json.loads(V1.read_text(encoding="utf-8"))
    data["components"][0]["files"][0]["steps"] = [
        {"op": "page", "index": 0},
        {"op": "quad", "points": [[0, 0], [9, 0], [9, 9], [0, 9]]},
        {"op": "mode", "mode": "color"},
        {"op": "rotate", "degrees": 90},
    ]
    folder = tmp_path / "hs"
    folder.mkdir()
    (folder / DOSSIER_FILE).write_text(json.dumps(data), encoding="utf-8")
    workspace = Workspace.open(folder)
    item = workspace.dossier.components[0].files[0]
    assert [s.get("detected", False) for s in item.steps] == [True, True, True, False]
    from dossier import pages

    assert pages.undo(item) and not pages.undo(item)  # the rotation only


def test_damaged_version_1_entries_are_dropped_not_fatal(tmp_path):
    data = json.loads(V1.read_text(encoding="utf-8"))
    data["extra"]["forms"]["bad"] = "not an object"
    data["extra"]["forms"]["odd"] = {"values": {"a": 1}, "problems": True,
                                     "roles": {"requester": "p1", "father": ""}}  # fmt: skip
    data["extra"]["pack"]["last_export"] = {"portal": "x", "files": "many"}
    folder = tmp_path / "hs"
    folder.mkdir()
    (folder / DOSSIER_FILE).write_text(json.dumps(data), encoding="utf-8")
    dossier = Workspace.open(folder).dossier
    assert "bad" not in dossier.forms
    assert dossier.forms["odd"].values == {"a": "1"} and dossier.forms["odd"].problems == 0
    assert dossier.forms["odd"].roles == {"requester": "p1"}
    assert dossier.last_export is not None and dossier.last_export.files == 0
    assert pack_status(dossier).state == "attention"  # its fingerprint is gone: export again


def test_a_version_2_dossier_keeps_the_scan_component_typed(tmp_path):
    workspace = _open_v1(tmp_path, V2)
    dossier = workspace.dossier
    assert dossier.schema_version == SCHEMA_VERSION
    assert dossier.ui.scan_component == "giay-chung-sinh"
    assert dossier.extra == {"sample": {"fictional": True}}
    assert all(entry.stamp is None for entry in dossier.components)  # no places stored yet
    assert dossier.current_step == "sign" and dossier.components[0].files[0].name == "to_khai.pdf"
    workspace.save()
    data = json.loads((workspace.root / DOSSIER_FILE).read_text(encoding="utf-8"))
    assert data["ui"] == {"scan_component": "giay-chung-sinh"} and "ui" not in data["extra"]
    assert Workspace.open(workspace.root).dossier.ui == dossier.ui


def test_a_version_2_dossier_with_other_ui_keys_keeps_them_in_extra(tmp_path):
    data = json.loads(V2.read_text(encoding="utf-8"))
    data["extra"]["ui"] = {"scan_component": 7, "zoom": 2}  # not text: dropped, not fatal
    folder = tmp_path / "hs"
    folder.mkdir()
    (folder / DOSSIER_FILE).write_text(json.dumps(data), encoding="utf-8")
    dossier = Workspace.open(folder).dossier
    assert dossier.ui.scan_component == "" and dossier.extra["ui"] == {"zoom": 2}
