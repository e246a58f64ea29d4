"""The built-in sample dossier: a birth registration built from generated files, reused."""

from __future__ import annotations

import pymupdf
from PIL import Image

from desktop.sample import COMPONENT_IDS, SAMPLE_FOLDER, create_sample_dossier
from dossier.workspace import Workspace


def test_sample_dossier_is_a_birth_registration_with_real_files(tmp_path):
    folder = create_sample_dossier(tmp_path / "root")
    assert folder == tmp_path / "root" / SAMPLE_FOLDER
    ws = Workspace.open(folder)
    dossier = ws.dossier
    assert dossier.procedure_code == "1.001193"
    ids = [c.component_id for c in dossier.components]
    assert ids[: len(COMPONENT_IDS)] == list(COMPONENT_IDS)  # then optional ones of the catalog
    assert dossier.applicant["full_name"]

    (declaration,) = dossier.component("to-khai").files
    with pymupdf.open(ws.path(declaration.original)) as doc:
        text = doc[0].get_text()
    assert "TỜ KHAI ĐĂNG KÝ KHAI SINH" in text
    assert "Độc lập - Tự do - Hạnh phúc" in text  # every diacritic survives

    (certificate,) = dossier.component("giay-chung-sinh").files
    assert certificate.kind == "image"
    with Image.open(ws.path(certificate.original)) as image:
        assert image.format == "JPEG"
        assert image.width >= 600 and image.height >= 800
    assert dossier.component("giay-to-tuy-than").files == []  # left for the user to scan
    assert [p.name for p in (tmp_path / "root").iterdir()] == [SAMPLE_FOLDER]  # no leftovers


def test_sample_dossier_is_reused(tmp_path):
    first = create_sample_dossier(tmp_path)
    revision = Workspace.open(first).dossier.revision
    assert create_sample_dossier(tmp_path) == first
    assert Workspace.open(first).dossier.revision == revision


def test_an_unusable_sample_folder_is_left_alone(tmp_path):
    squatter = tmp_path / SAMPLE_FOLDER
    squatter.mkdir()
    (squatter / "notes.txt").write_text("mine", encoding="utf-8")
    folder = create_sample_dossier(tmp_path)
    assert folder != squatter
    assert (squatter / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert Workspace.open(folder).dossier.procedure_code == "1.001193"
