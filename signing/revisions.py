"""The versions (revisions) of a PDF saved by incremental updates, as bytes.

Every incremental update appends objects, a cross-reference section and `%%EOF`; the file cut
after a revision's `%%EOF` is that revision as it was saved. The version a signature covers is
exactly the bytes its /ByteRange ends with.
"""

from __future__ import annotations

EOF_MARK = b"%%EOF"


def revision_ends(reader, data: bytes) -> list[int]:
    """Byte offset where each revision (0 = the oldest) ends, for pyHanko's reader of `data`."""
    ends: list[int] = []
    total = reader.xrefs.total_revisions
    for revision in range(total):
        info = reader.xrefs.get_xref_container_info(revision)
        start = max(int(info.end_location), ends[-1] if ends else 0)
        found = data.find(EOF_MARK, start)
        end = len(data) if found < 0 or revision == total - 1 else found + len(EOF_MARK)
        while end < len(data) and data[end : end + 1] in (b"\r", b"\n"):
            end += 1
        ends.append(end)
    return ends


def signed_bytes(sig, data: bytes) -> bytes | None:
    """The file as the signature covers it (None if the byte range does not start at 0)."""
    try:
        byte_range = [int(v) for v in sig.sig_object["/ByteRange"]]
    except (KeyError, TypeError, ValueError):
        return None
    if len(byte_range) != 4 or byte_range[0] != 0:
        return None
    end = byte_range[2] + byte_range[3]
    if not 0 < end <= len(data):
        return None
    return data[:end]
