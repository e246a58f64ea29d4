"""Strict reading of the catalog's and portal profiles' JSON files: size limit, duplicate keys,
errors naming the file and the field."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from common.errors import InputError, ValidationError
from common.i18n import _

MAX_CATALOG_BYTES = 5 * 1024 * 1024  # a catalog is text: a bigger file is not one
_FORMAT_PATTERN = re.compile(r"^[a-z0-9]{2,5}$")


def _invalid(source: Path | None, where: str, problem: str) -> ValidationError:
    return ValidationError(
        _("invalid data in field {field}: {problem}").format(field=where, problem=problem),
        path=source,
    )


def _refuse_repeats(values: list[str], where: str, message: str, source: Path | None) -> None:
    """The first value met a second time is an error at its position (`where` has a {})."""
    seen: set[str] = set()
    for i, value in enumerate(values):
        if value in seen:
            raise _invalid(source, where.format(i), message.format(value=value))
        seen.add(value)


def _refuse_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKey(key)
        result[key] = value
    return result


class _DuplicateKey(Exception):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def read_strict_json(path: Path, *, max_bytes: int = MAX_CATALOG_BYTES) -> Any:
    """Parse a JSON data file, refusing duplicate keys; every failure names the file."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(
                _("the file is too large for a catalog ({size} MB)").format(
                    size=round(size / 1024 / 1024, 1)
                ),
                path=path,
            )
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError as exc:
        raise InputError(_("file not found"), path=path) from exc
    except IsADirectoryError as exc:
        raise InputError(_("a file is expected, not a folder"), path=path) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(_("cannot read the file: {reason}").format(reason=exc), path=path) from exc
    try:
        return json.loads(text, object_pairs_hook=_refuse_duplicate_keys)
    except json.JSONDecodeError as exc:
        raise ValidationError(
            _("not valid JSON (line {line}, column {col})").format(line=exc.lineno, col=exc.colno),
            path=path,
        ) from exc
    except _DuplicateKey as exc:
        raise _invalid(path, exc.key, _("the key appears twice")) from exc
