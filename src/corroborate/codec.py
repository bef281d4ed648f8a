"""One codec for the data model: dataclasses to plain JSON values and back.

``encode`` turns any model object (``Article``, ``Extraction``, ``Story``,
...) into dicts, lists, strings, numbers and ISO dates; ``decode(cls, data)``
rebuilds it from its type hints, so the store and engine rows round-trip
without a hand-written reader per type. Field names are the attribute names;
a field missing from ``data`` takes its default (older rows stay readable
when a field is added).
"""

from __future__ import annotations

import dataclasses
import types
import typing
from datetime import date
from functools import cache
from typing import Any, TypeVar, Union, get_args, get_origin

T = TypeVar("T")


def encode(obj: Any) -> Any:
    """``obj`` as plain JSON values (dates as ISO strings, tuples as lists)."""
    if obj is None or isinstance(obj, str | int | float | bool):
        return obj
    if isinstance(obj, date):
        return obj.isoformat()
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: encode(getattr(obj, f.name)) for f in _fields(type(obj))}
    if isinstance(obj, dict):
        return {str(k): encode(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [encode(v) for v in obj]
    raise TypeError(f"cannot encode {type(obj).__name__}")


def decode(cls: type[T], data: Any) -> T:
    """A ``cls`` rebuilt from what ``encode`` made of one."""
    return _decode(cls, data)  # type: ignore[no-any-return]


@cache
def _fields(cls: type) -> tuple[dataclasses.Field[Any], ...]:
    # init fields only, and no private ones: derived fields (a position index)
    # are rebuilt by __post_init__
    return tuple(f for f in dataclasses.fields(cls) if f.init and not f.name.startswith("_"))


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _decode(tp: Any, data: Any) -> Any:
    if data is None:
        return None
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        hints = _hints(tp)
        kwargs = {
            f.name: _decode(hints[f.name], data[f.name]) for f in _fields(tp) if f.name in data
        }
        return tp(**kwargs)
    if tp is date:
        return date.fromisoformat(data)
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        options = [a for a in get_args(tp) if a is not type(None)]
        return _decode(options[0], data) if len(options) == 1 else _union(options, data)
    if origin is list:
        (item,) = get_args(tp) or (Any,)
        return [_decode(item, v) for v in data]
    if origin is tuple:
        args = get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_decode(args[0], v) for v in data)
        return tuple(_decode(a, v) for a, v in zip(args, data, strict=True))
    if origin is dict:
        _, value = get_args(tp) or (Any, Any)
        return {k: _decode(value, v) for k, v in data.items()}
    if tp is float and isinstance(data, int):
        return float(data)
    return data  # str, int, bool, Literal, Any


def _union(options: list[Any], data: Any) -> Any:
    """A value of a union of several types: the first whose shape fits."""
    for tp in options:
        if tp is date and isinstance(data, str):
            try:
                return date.fromisoformat(data)
            except ValueError:
                continue
        if isinstance(tp, type) and isinstance(data, tp):
            return data
    return data
