"""Read just enough of a Windows DLL to know whether this Python can load it as PKCS#11.

A 64-bit Python cannot load a 32-bit DLL ("not a valid Win32 application"), and a CA's
CSP DLL sitting beside its PKCS#11 module does not export C_GetFunctionList. Both are checked
from the file's bytes, without loading anything.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

MACHINES = {0x14C: "x86", 0x8664: "x64", 0xAA64: "arm64", 0x1C4: "arm"}
PE32, PE32_PLUS = 0x10B, 0x20B


class NotPortableExecutable(ValueError):
    """The bytes are not a PE image (or are truncated)."""


@dataclass(frozen=True)
class PeInfo:
    machine: str
    is_64bit: bool
    exports: frozenset[str]


def _unpack(fmt: str, data: bytes, offset: int) -> tuple:
    size = struct.calcsize(fmt)
    if offset < 0 or offset + size > len(data):
        raise NotPortableExecutable("truncated PE file")
    return struct.unpack_from(fmt, data, offset)


def _rva_to_offset(rva: int, sections: list[tuple[int, int, int, int]]) -> int:
    for virtual_address, virtual_size, raw_pointer, raw_size in sections:
        if virtual_address <= rva < virtual_address + max(virtual_size, raw_size):
            return rva - virtual_address + raw_pointer
    raise NotPortableExecutable("address outside every section")


def _c_string(data: bytes, offset: int, limit: int = 256) -> str:
    end = data.find(b"\0", offset, offset + limit)
    if end < 0:
        raise NotPortableExecutable("unterminated export name")
    return data[offset:end].decode("ascii", "replace")


def read_pe(data: bytes, *, max_exports: int = 4096) -> PeInfo:
    """Machine, bitness and exported names of a PE file given as bytes."""
    if data[:2] != b"MZ":
        raise NotPortableExecutable("no MZ header")
    (pe_offset,) = _unpack("<I", data, 0x3C)
    if data[pe_offset : pe_offset + 4] != b"PE\0\0":
        raise NotPortableExecutable("no PE signature")
    machine, n_sections, _t, _s, _n, opt_size, _c = _unpack("<HHIIIHH", data, pe_offset + 4)
    opt_offset = pe_offset + 24
    (magic,) = _unpack("<H", data, opt_offset)
    if magic not in (PE32, PE32_PLUS):
        raise NotPortableExecutable("unknown optional header")
    dirs_offset = opt_offset + (112 if magic == PE32_PLUS else 96)
    (n_dirs,) = _unpack("<I", data, dirs_offset - 4)
    section_table = opt_offset + opt_size
    sections = []
    for i in range(n_sections):
        vsize, vaddr, rsize, rptr = _unpack("<IIII", data, section_table + 40 * i + 8)
        sections.append((vaddr, vsize, rptr, rsize))
    exports: set[str] = set()
    if n_dirs > 0:
        export_rva, export_size = _unpack("<II", data, dirs_offset)
        if export_rva and export_size:
            exports = _export_names(
                data, _rva_to_offset(export_rva, sections), sections, max_exports
            )
    return PeInfo(
        machine=MACHINES.get(machine, hex(machine)),
        is_64bit=magic == PE32_PLUS,
        exports=frozenset(exports),
    )


def _export_names(
    data: bytes, directory: int, sections: list[tuple[int, int, int, int]], max_exports: int
) -> set[str]:
    (n_names,) = _unpack("<I", data, directory + 24)
    (names_rva,) = _unpack("<I", data, directory + 32)
    if n_names == 0:
        return set()
    names_offset = _rva_to_offset(names_rva, sections)
    names = set()
    for i in range(min(n_names, max_exports)):
        (name_rva,) = _unpack("<I", data, names_offset + 4 * i)
        names.add(_c_string(data, _rva_to_offset(name_rva, sections)))
    return names


def build_minimal_pe(*, is_64bit: bool, exports: list[str]) -> bytes:
    """A tiny well-formed PE image with an export table (for tests and self-checks)."""
    file_align = 0x200
    section_rva = 0x1000
    # export section content: directory (40 bytes), name pointer table, names
    names_blob = b""
    name_rvas = []
    dll_name_rva = section_rva + 40 + 4 * len(exports)
    names_blob += b"module.dll\0"
    for name in exports:
        name_rvas.append(dll_name_rva + len(names_blob))
        names_blob += name.encode("ascii") + b"\0"
    directory = struct.pack(
        "<IIHHIIIIIII",
        0, 0, 0, 0, dll_name_rva, 1, len(exports), len(exports), 0, section_rva + 40, 0,
    )  # fmt: skip
    section_data = directory + b"".join(struct.pack("<I", r) for r in name_rvas) + names_blob
    raw_size = (len(section_data) + file_align - 1) // file_align * file_align
    opt_size = 240 if is_64bit else 224
    pe_offset = 0x80
    header = bytearray(0x400)
    header[0:2] = b"MZ"
    struct.pack_into("<I", header, 0x3C, pe_offset)
    header[pe_offset : pe_offset + 4] = b"PE\0\0"
    machine = 0x8664 if is_64bit else 0x14C
    struct.pack_into("<HHIIIHH", header, pe_offset + 4, machine, 1, 0, 0, 0, opt_size, 0x2022)
    opt = pe_offset + 24
    struct.pack_into("<H", header, opt, PE32_PLUS if is_64bit else PE32)
    dirs = opt + (112 if is_64bit else 96)
    struct.pack_into("<I", header, dirs - 4, 16)
    struct.pack_into("<II", header, dirs, section_rva, len(section_data))
    section = opt + opt_size
    struct.pack_into(
        "<8sIIIIIIHHI", header, section, b".edata", len(section_data), section_rva,
        raw_size, 0x400, 0, 0, 0, 0, 0x40000040,
    )  # fmt: skip
    return bytes(header) + section_data.ljust(raw_size, b"\0")
