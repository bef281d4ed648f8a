"""JSON and JSON Lines records.

A ``.json`` file holds one record, a list of records, or an object with an
``articles`` (or ``items``/``records``) list; ``.jsonl`` holds one record per
line. A record needs ``text`` or ``html``; ``url``, ``title``, ``published``,
``outlet``, ``author``, ``language`` and the record's own ``id`` are optional. A bad record is an error
naming its line or index; the other records are still read.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from corroborate.errors import BadInput
from corroborate.ingest.base import RawRecord, ReadResult, Source
from corroborate.ingest.decode import decode
from corroborate.model import InputError
from corroborate.text.dates import parse_date

STRING_FIELDS = ("url", "title", "outlet", "author", "language")
_LIST_KEYS = ("articles", "items", "records", "data")


def record_from_mapping(obj: Any, path: str) -> RawRecord:
    """Build a ``RawRecord`` from one decoded JSON object, or raise ``BadInput``."""
    if not isinstance(obj, dict):
        raise BadInput(f"record is a JSON {type(obj).__name__}, expected an object")
    text, html = obj.get("text"), obj.get("html")
    if not isinstance(text, str) or not text.strip():
        text = None
    if not isinstance(html, str) or not html.strip():
        html = None
    if text is None and html is None:
        raise BadInput('record has no "text" or "html" field with content')
    fields: dict[str, str | None] = {}
    for key in STRING_FIELDS:
        value = obj.get(key)
        fields[key] = value.strip() or None if isinstance(value, str) else None
    published = obj.get("published") or obj.get("date")
    return RawRecord(
        record_id=_record_id(obj),
        path=path,
        format="json",
        text=text,
        html=html if text is None else None,
        published=parse_date(published) if isinstance(published, str) else None,
        **fields,  # type: ignore[arg-type]
    )


def _record_id(obj: dict[str, Any]) -> str | None:
    """The record's own id ("id", "guid", "uuid" or "_id"; a string or an integer)."""
    for key in ("id", "guid", "uuid", "_id"):
        value = obj.get(key)
        if isinstance(value, bool):
            continue
        if isinstance(value, int | str) and str(value).strip():
            return str(value).strip()[:200]
    return None


def read_json(src: Source) -> Iterator[ReadResult]:
    raw = decode(src.data)
    try:
        doc = json.loads(raw)
    except json.JSONDecodeError as exc:
        # a .json file that is really JSON Lines is common enough to accept
        if exc.msg == "Extra data":
            yield from _lines(src.label, raw)
            return
        raise BadInput(f"invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}") from exc
    except ValueError as exc:  # a number of thousands of digits
        raise BadInput(f"unusable JSON: {_why(exc)}") from exc
    except RecursionError as exc:
        raise BadInput("JSON nested too deeply to parse") from exc
    if isinstance(doc, dict):
        for key in _LIST_KEYS:
            if isinstance(doc.get(key), list):
                doc = doc[key]
                break
    if isinstance(doc, list):
        for i, obj in enumerate(doc):
            yield record_or_error(obj, f"{src.label}#{i}")
    else:
        yield record_or_error(doc, src.label)


def read_jsonl(src: Source) -> Iterator[ReadResult]:
    yield from _lines(src.label, decode(src.data))


def _lines(label: str, raw: str) -> Iterator[ReadResult]:
    for lineno, line in enumerate(raw.splitlines(), 1):
        if not line.strip():
            continue
        path = f"{label}:{lineno}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(path, f"invalid JSON at column {exc.colno}: {exc.msg}")
            continue
        except ValueError as exc:  # a number of thousands of digits
            yield InputError(path, f"unusable JSON: {_why(exc)}")
            continue
        except RecursionError:  # costs this line only
            yield InputError(path, "JSON nested too deeply to parse")
            continue
        yield record_or_error(obj, path)


def record_or_error(obj: Any, path: str) -> ReadResult:
    """``record_from_mapping``, or the error naming ``path`` (files and the web API alike)."""
    try:
        return record_from_mapping(obj, path)
    except BadInput as exc:
        return InputError(path, str(exc))


def _why(exc: ValueError) -> str:
    text = str(exc)
    if "digits" in text:
        return "a number too long to read (over 4,300 digits)"
    return text[:120]
