"""`.hoso` export and import, with hand-crafted hostile archives."""

from __future__ import annotations

import io
import json
import os
import stat
import struct
import warnings
import zipfile
from pathlib import Path

import pytest

from common.errors import InputError
from dossier.archive import ExportOptions, ImportOptions, export_dossier, import_dossier
from dossier.workspace import DOSSIER_FILE, Workspace

pytestmark = pytest.mark.usefixtures("english_messages")


@pytest.fixture
def dossier_folder(tmp_path) -> Path:
    ws = Workspace.create(tmp_path / "src", "1.001193", applicant={"full_name": "Trần Thị Bình"})
    photo = tmp_path / "ảnh giấy chứng sinh.jpg"
    photo.write_bytes(b"\xff\xd8\xff" + os.urandom(20_000))
    pdf = tmp_path / "tờ khai.pdf"
    pdf.write_bytes(b"%PDF-1.4\n" + b"0" * 5000)
    ws.add_file("giay-chung-sinh", photo)
    ws.add_file("to-khai", pdf)
    (ws.root / "work" / "trang 1.png").write_bytes(b"\x89PNG derived")
    (ws.root / "export" / "ho-so.pdf").write_bytes(b"%PDF export")
    ws.save()
    return ws.root


def dossier_json(folder: Path) -> bytes:
    return (folder / DOSSIER_FILE).read_bytes()


def leftovers(parent: Path) -> list[str]:
    return [p.name for p in parent.iterdir() if p.name.startswith(".hoso-import-")]


def test_export_then_import_gives_the_same_dossier(dossier_folder, tmp_path):
    archive = export_dossier(dossier_folder, tmp_path / "ho-so.hoso")
    with zipfile.ZipFile(archive) as zf:
        names = set(zf.namelist())
    assert DOSSIER_FILE in names
    assert "work/trang 1.png" in names and "export/ho-so.pdf" in names
    assert not any(name.endswith(".bak") for name in names)

    ws = import_dossier(archive, tmp_path / "imported")
    assert ws.root == tmp_path / "imported"
    source = Workspace.open(dossier_folder).dossier
    assert ws.dossier == source
    for _component, item in ws.iter_files():
        copy = ws.path(item.original)
        assert copy.read_bytes() == (dossier_folder / item.original).read_bytes()
        if os.name == "posix":
            assert stat.S_IMODE(copy.stat().st_mode) == 0o400
    assert (ws.root / "work" / "trang 1.png").read_bytes() == b"\x89PNG derived"
    assert leftovers(tmp_path) == []


def test_export_can_leave_out_the_export_folder(dossier_folder, tmp_path):
    archive = export_dossier(
        dossier_folder, tmp_path / "a.hoso", ExportOptions(include_export=False)
    )
    with zipfile.ZipFile(archive) as zf:
        assert not any(name.startswith("export/") for name in zf.namelist())
    assert (import_dossier(archive, tmp_path / "b").root / "export").is_dir()


def test_import_into_an_empty_folder_is_allowed_a_full_one_refused(dossier_folder, tmp_path):
    archive = export_dossier(dossier_folder, tmp_path / "a.hoso")
    (tmp_path / "empty").mkdir()
    import_dossier(archive, tmp_path / "empty")
    with pytest.raises(InputError, match="not empty"):
        import_dossier(archive, tmp_path / "empty")


# ---- hostile archives --------------------------------------------------------------------------
def make_zip(path: Path, entries: list[tuple[str | zipfile.ZipInfo, bytes]]) -> Path:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about duplicate names
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
            for name, data in entries:
                zf.writestr(name, data)
    return path


def symlink_entry(name: str, target: str) -> tuple[zipfile.ZipInfo, bytes]:
    info = zipfile.ZipInfo(name)
    info.create_system = 3  # Unix
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return info, target.encode()


def fifo_entry(name: str) -> tuple[zipfile.ZipInfo, bytes]:
    info = zipfile.ZipInfo(name)
    info.create_system = 3
    info.external_attr = (stat.S_IFIFO | 0o644) << 16
    return info, b""


def assert_refused(archive: Path, tmp_path: Path, match: str, **limits) -> None:
    target = tmp_path / "target"
    with pytest.raises(InputError, match=match) as caught:
        import_dossier(archive, target, ImportOptions(**limits))
    assert caught.value.path == archive
    assert not target.exists()
    assert leftovers(tmp_path) == []


HOSTILE = {
    "dot-dot": ([("originals/../../evil.txt", b"x")], "escaping"),
    "dot-dot-top": ([("../evil.txt", b"x")], "escaping"),
    "absolute": ([("/etc/evil", b"x")], "absolute"),
    "drive-letter": ([("C:/Windows/evil.dll", b"x")], "drive letter"),
    "drive-relative": ([("C:evil.dll", b"x")], "drive letter"),
    "backslash": ([("originals\\..\\..\\evil.txt", b"x")], "backslash"),
    "unc": ([("\\\\server\\share\\evil", b"x")], "absolute"),
    "symlink": ([symlink_entry("originals/link.jpg", "/etc/passwd")], "link"),
    "fifo": ([fifo_entry("work/pipe")], "link or special"),
    "duplicate": ([("work/a.png", b"1"), ("work/a.png", b"2")], "duplicate"),
    "case-duplicate": ([("work/A.png", b"1"), ("work/a.png", b"2")], "duplicate"),
    "nfd-duplicate": ([("work/ả.png", b"1"), ("work/a\u0309.png", b"2")], "duplicate"),
    "file-and-folder": ([("work/a", b"1"), ("work/a/b.png", b"2")], "duplicate"),
    "unexpected-top": ([("autorun.inf", b"x")], "unexpected"),
    "backup-file": ([("dossier.json.bak", b"{}")], "unexpected"),
    "empty-component": ([("work//a.png", b"x")], "invalid name"),
    "alternate-stream": ([("work/a.png:hidden", b"x")], "invalid name"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_import_refuses_hostile_entries(dossier_folder, tmp_path, case):
    entries, match = HOSTILE[case]
    archive = make_zip(tmp_path / f"{case}.hoso", [(DOSSIER_FILE, dossier_json(dossier_folder))])
    with zipfile.ZipFile(archive, "a") as zf, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for name, data in entries:
            zf.writestr(name, data)
    assert_refused(archive, tmp_path, match)


def test_import_refuses_too_many_entries(dossier_folder, tmp_path):
    entries = [(DOSSIER_FILE, dossier_json(dossier_folder))]
    entries += [(f"work/{i}.png", b"x") for i in range(20)]
    archive = make_zip(tmp_path / "many.hoso", entries)
    assert_refused(archive, tmp_path, "too many entries", max_entries=10)


def test_import_refuses_declared_sizes_past_the_limit(dossier_folder, tmp_path):
    zeros = b"\0" * (3 * 1024**2)  # 3 MB that compress to a few KB
    entries = [(DOSSIER_FILE, dossier_json(dossier_folder))]
    entries += [(f"work/{i}.bin", zeros) for i in range(4)]
    archive = make_zip(tmp_path / "bomb.hoso", entries)
    assert archive.stat().st_size < 200_000
    assert_refused(archive, tmp_path, "size limit", max_total_bytes=10 * 1024**2)
    assert_refused(archive, tmp_path, "size limit", max_entry_bytes=1024**2)


def patch_headers(path: Path, name: str, local_at: int, central_at: int, fmt: str, value) -> None:
    """Overwrite one field of both the local and the central header of entry `name`."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as zf:
        info = zf.getinfo(name)
    struct.pack_into(fmt, data, info.header_offset + local_at, value)
    central = data.find(b"PK\x01\x02")
    while central != -1:
        name_length = struct.unpack_from("<H", data, central + 28)[0]
        if bytes(data[central + 46 : central + 46 + name_length]) == name.encode():
            struct.pack_into(fmt, data, central + central_at, value)
            break
        central = data.find(b"PK\x01\x02", central + 4)
    else:
        raise AssertionError("central directory entry not found")
    path.write_bytes(bytes(data))


def lie_about_size(path: Path, name: str, declared: int) -> None:
    """Make `name` claim `declared` uncompressed bytes (what a zip bomb does)."""
    patch_headers(path, name, 22, 24, "<I", declared)


def test_import_refuses_encrypted_entries(dossier_folder, tmp_path):
    entries = [(DOSSIER_FILE, dossier_json(dossier_folder)), ("work/secret.png", b"x")]
    archive = make_zip(tmp_path / "encrypted.hoso", entries)
    patch_headers(archive, "work/secret.png", 6, 8, "<H", 0x1)  # general purpose flag bit 0
    assert_refused(archive, tmp_path, "encrypted")


def test_import_counts_real_bytes_not_declared_ones(dossier_folder, tmp_path):
    entries = [(DOSSIER_FILE, dossier_json(dossier_folder)), ("work/bomb.bin", b"\0" * 8 * 1024**2)]
    archive = make_zip(tmp_path / "liar.hoso", entries)
    lie_about_size(archive, "work/bomb.bin", 1000)
    with zipfile.ZipFile(archive) as zf:
        assert zf.getinfo("work/bomb.bin").file_size == 1000  # the lie is what a reader sees
    target = tmp_path / "target"
    # zipfile stops at the declared size and then finds the CRC wrong; the byte count of
    # _extract_one is the second line of defence for readers that do not
    with pytest.raises(InputError, match=r"damaged|size limit") as caught:
        import_dossier(archive, target, ImportOptions(max_total_bytes=1024**2))
    assert caught.value.path == archive
    assert not target.exists() and leftovers(tmp_path) == []


def test_import_refuses_an_archive_without_dossier_json(tmp_path):
    archive = make_zip(tmp_path / "empty.hoso", [("work/a.png", b"x")])
    assert_refused(archive, tmp_path, "no dossier.json")


def test_import_refuses_an_invalid_dossier_json(dossier_folder, tmp_path):
    data = json.loads(dossier_json(dossier_folder))
    data["components"][0]["files"][0]["original"] = "../../../home/user/.bashrc"
    archive = make_zip(tmp_path / "bad.hoso", [(DOSSIER_FILE, json.dumps(data).encode())])
    assert_refused(archive, tmp_path, r"components\[0\]\.files\[0\]\.original")


def test_import_refuses_altered_originals(dossier_folder, tmp_path):
    archive = export_dossier(dossier_folder, tmp_path / "ok.hoso")
    with zipfile.ZipFile(archive) as zf:
        entries = [(name, zf.read(name)) for name in zf.namelist()]
    entries = [
        (name, b"tampered" if name.startswith("originals/") else data) for name, data in entries
    ]
    tampered = make_zip(tmp_path / "tampered.hoso", entries)
    assert_refused(tampered, tmp_path, "altered")


def test_import_refuses_what_is_not_a_zip(tmp_path):
    fake = tmp_path / "fake.hoso"
    fake.write_bytes(b"PK\x03\x04 not really a zip")
    assert_refused(fake, tmp_path, "not a .hoso file")
    assert_refused(tmp_path / "absent.hoso", tmp_path, "not found")


def test_export_of_a_recovered_dossier_holds_the_backup_state(dossier_folder, tmp_path):
    main = dossier_folder / DOSSIER_FILE
    good = Workspace.open(dossier_folder).dossier
    main.write_bytes(b'{"id": ')  # damaged; dossier.json.bak holds the previous save
    archive = export_dossier(dossier_folder, tmp_path / "a.hoso")
    ws = import_dossier(archive, tmp_path / "b")
    assert ws.dossier.revision == good.revision - 1
    assert [item.id for _c, item in ws.iter_files()] == [
        item.id for _c, item in Workspace.open(dossier_folder).iter_files()
    ]


def test_export_refuses_a_dossier_with_a_missing_original(dossier_folder, tmp_path):
    ws = Workspace.open(dossier_folder)
    _component, item = next(ws.iter_files())
    (dossier_folder / item.original).unlink()
    with pytest.raises(InputError, match="missing") as caught:
        export_dossier(dossier_folder, tmp_path / "a.hoso")
    assert caught.value.path == dossier_folder / item.original
    assert not (tmp_path / "a.hoso").exists()


def test_cancelled_export_and_import_leave_nothing(dossier_folder, tmp_path):
    import threading

    from common.errors import CancelledError

    cancel = threading.Event()
    seen: list[str] = []

    def progress(done: int, total: int, name: str) -> None:
        seen.append(name)
        if done == 2:
            cancel.set()

    with pytest.raises(CancelledError):
        export_dossier(dossier_folder, tmp_path / "a.hoso", progress=progress, cancel=cancel)
    assert not (tmp_path / "a.hoso").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []

    archive = export_dossier(dossier_folder, tmp_path / "b.hoso")
    cancel.clear()
    with pytest.raises(CancelledError):
        import_dossier(archive, tmp_path / "c", progress=progress, cancel=cancel)
    assert not (tmp_path / "c").exists() and leftovers(tmp_path) == []
