"""Strict loading of JSON data into frozen dataclasses (ARCHITECTURE.md rule 9).

`load_dataclass(Type, data, source=path)` rejects unknown keys, missing required fields and
wrong types, naming the file and the field (e.g. `procedures[2].components[0].required`).
"""

from __future__ import annotations

import dataclasses
import functools
import json
import types
import typing
from pathlib import Path
from typing import Any, Literal, TypeVar, Union, get_args, get_origin, get_type_hints

from common.errors import ValidationError
from common.i18n import _

T = TypeVar("T")


def _fail(source: str | Path | None, where: str, problem: str) -> ValidationError:
    field = where or _("(top level)")
    return ValidationError(
        _("invalid data in field {field}: {problem}").format(field=field, problem=problem),
        path=source,
    )


def _type_name(tp: Any) -> str:
    return getattr(tp, "__name__", str(tp))


def _convert(tp: Any, value: Any, source: str | Path | None, where: str) -> Any:
    origin = get_origin(tp)
    if tp is Any:
        return value
    if origin in (Union, types.UnionType):
        options = get_args(tp)
        if value is None and type(None) in options:
            return None
        for option in options:
            if option is type(None):
                continue
            try:
                return _convert(option, value, source, where)
            except ValidationError:
                continue  # try the next type of the union
        raise _fail(source, where, _("unexpected value {value!r}").format(value=value))
    if origin is Literal:
        if value not in get_args(tp):
            allowed = ", ".join(repr(a) for a in get_args(tp))
            raise _fail(
                source,
                where,
                _("{value!r} is not one of {allowed}").format(value=value, allowed=allowed),
            )
        return value
    if origin in (tuple, list):
        if not isinstance(value, list):
            raise _fail(source, where, _("a list is expected"))
        args = get_args(tp)
        item_type = args[0] if args else Any
        items = [_convert(item_type, item, source, f"{where}[{i}]") for i, item in enumerate(value)]
        return tuple(items) if origin is tuple else items
    if origin is dict:
        if not isinstance(value, dict):
            raise _fail(source, where, _("an object is expected"))
        key_type, value_type = get_args(tp) or (str, Any)
        return {
            _convert(key_type, k, source, f"{where}.{k}"): _convert(
                value_type, v, source, f"{where}.{k}"
            )
            for k, v in value.items()
        }
    if dataclasses.is_dataclass(tp):
        return load_dataclass(tp, value, source=source, where=where)
    if tp is float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise _fail(source, where, _("a number is expected"))
        return float(value)
    if tp is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise _fail(source, where, _("a whole number is expected"))
        return value
    if tp in (str, bool):
        if not isinstance(value, tp):
            expected = _("text") if tp is str else _("true or false")
            raise _fail(source, where, _("{expected} is expected").format(expected=expected))
        return value
    raise _fail(source, where, f"unsupported type {_type_name(tp)}")


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    """Resolved field types of a dataclass: get_type_hints evaluates every annotation string
    (from __future__ annotations), the slowest part of a strict load, so once per class."""
    return get_type_hints(cls)


@functools.cache
def _fields(cls: type) -> dict[str, dataclasses.Field]:
    return {f.name: f for f in dataclasses.fields(cls)}


def load_dataclass(
    cls: type[T], data: Any, *, source: str | Path | None = None, where: str = ""
) -> T:
    """Build `cls` from `data`, refusing unknown keys and wrong types."""
    if not isinstance(data, dict):
        raise _fail(source, where, _("an object is expected"))
    hints = _hints(cls)
    fields = _fields(cls)
    unknown = sorted(set(data) - set(fields))
    if unknown:
        name = f"{where}.{unknown[0]}" if where else unknown[0]
        raise _fail(source, name, _("unknown key"))
    kwargs = {}
    for name, field in fields.items():
        path = f"{where}.{name}" if where else name
        if name not in data:
            has_default = (
                field.default is not dataclasses.MISSING
                or field.default_factory is not dataclasses.MISSING
            )
            if not has_default:
                raise _fail(source, path, _("required field is missing"))
            continue
        kwargs[name] = _convert(hints[name], data[name], source, path)
    return cls(**kwargs)


def to_jsonable(obj: Any) -> Any:
    """Dataclasses, tuples and dicts back to plain JSON values."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_jsonable(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, list | tuple):
        return [to_jsonable(v) for v in obj]
    if isinstance(obj, dict):
        return {k: to_jsonable(v) for k, v in obj.items()}
    if isinstance(obj, Path):
        return str(obj)
    return obj


def read_json(path: Path) -> Any:
    """Parse a JSON file, turning every failure into an InputError-family error naming it."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise ValidationError(_("file not found"), path=path) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ValidationError(
            _("cannot read the file: {reason}").format(reason=exc), path=path
        ) from exc
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValidationError(
            _("not valid JSON (line {line}, column {col})").format(line=exc.lineno, col=exc.colno),
            path=path,
        ) from exc


__all__ = ["load_dataclass", "read_json", "to_jsonable", "typing"]
