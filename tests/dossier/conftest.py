"""Fixtures of the dossier tests; packaging: generated inputs (made once), a dossier per test."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from common import i18n
from tests.dossier import factory


@pytest.fixture
def english_messages():
    """Match the English source messages (use with pytestmark = usefixtures(...))."""
    i18n.set_language("en")
    yield
    i18n.set_language("vi")


@pytest.fixture(scope="session")
def pack_inputs(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("pack-inputs")
    signer = factory.throwaway_signer(folder)
    return {
        "form": factory.form_pdf(folder / "to_khai.pdf", "Tờ khai đăng ký khai sinh"),
        "form_with_extras": factory.form_pdf(
            folder / "to_khai_js.pdf", "Tờ khai có JavaScript", fields=True
        ),
        "scan": factory.scan_jpeg(folder / "giay_chung_sinh.jpg", "Giấy chứng sinh"),
        "scan2": factory.scan_jpeg(folder / "cccd.jpg", "Căn cước", dpi=300),
        "scan3": factory.scan_jpeg(folder / "trang_3.jpg", "Trang ba", dpi=200),
        "signed": factory.signed_pdf(folder / "uy_quyen_ky_so.pdf", signer),
    }


@pytest.fixture
def procedure():
    return factory.procedure()


@pytest.fixture
def portal():
    return factory.portal()


@pytest.fixture
def make_dossier(tmp_path, procedure, pack_inputs):
    """A dossier of the birth-registration fixture; `files` overrides the components' files."""

    def make(files: dict[str, list[Path]] | None = None, name: str = "hoso"):
        if files is None:
            files = {
                "to-khai": [pack_inputs["form"]],
                "giay-chung-sinh": [pack_inputs["scan"]],
                "giay-to-tuy-than": [pack_inputs["scan2"]],
                "van-ban-uy-quyen": [pack_inputs["signed"]],
            }
        return factory.make_workspace(tmp_path / name, procedure, files)

    return make


def folder_digest(root: Path) -> dict[str, str]:
    """Path -> SHA-256 of every file under `root`: to prove a dossier was not touched."""
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }
