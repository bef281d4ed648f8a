"""What the web ingest turns into articles: an API body's records (checked
as a ``.json`` file's are, 422 naming the item and field otherwise) and an
upload's files."""

from __future__ import annotations

import json
from typing import Any

from fastapi import HTTPException
from starlette.concurrency import run_in_threadpool

from corroborate.ingest.base import RawRecord
from corroborate.ingest.jsonrec import STRING_FIELDS, record_or_error
from corroborate.model import InputError
from corroborate.store import Store
from corroborate.store.ingest import IngestResult, add_articles
from corroborate.text.dates import parse_date

_API_FIELDS = ("text", "html", "published", *STRING_FIELDS)


def api_records(raw: bytes) -> list[RawRecord | InputError]:
    """The records of an API body (one object or a list), parsed as a
    ``.json`` file's records are; 422 naming the item and field otherwise."""
    try:
        body = json.loads(raw)
    except (ValueError, RecursionError) as exc:
        raise HTTPException(422, "the body must be JSON (an object or a list of objects) "
                                 "or a multipart upload") from exc  # fmt: skip
    items = body if isinstance(body, list) else [body]
    if not items:
        raise HTTPException(422, "no records: send an object or a non-empty list")
    out: list[RawRecord | InputError] = []
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            raise HTTPException(422, f"item {i}: expected an object, got JSON {_kind(item)}")
        for key in _API_FIELDS:
            if item.get(key) is not None and not isinstance(item[key], str):
                raise HTTPException(
                    422, f"item {i}: '{key}' must be a string, got JSON {_kind(item[key])}"
                )
        if item.get("published") and parse_date(item["published"]) is None:
            raise HTTPException(422, f"item {i}: 'published' is not a date I can read "
                                     "(e.g. 2025-01-21 or 21 January 2025)")  # fmt: skip
        if not (item.get("text") or "").strip() and not (item.get("html") or "").strip():
            detail = f"item {i}: give 'text' or 'html'"
            if item.get("url"):  # offline by design: nothing is fetched
                detail += " (corroborate does not fetch URLs: send the page's HTML)"
            raise HTTPException(422, detail)
        out.append(record_or_error(item, f"api:{i}"))
    return out


def _kind(value: Any) -> str:
    return {dict: "object", list: "array", str: "string", bool: "boolean",
            type(None): "null"}.get(type(value), "number")  # fmt: skip


async def records_from_upload(upload: Any, max_upload: int) -> list[RawRecord | InputError]:
    """Every record in one uploaded file (archives opened), parsed off the event loop."""
    from corroborate.ingest import records_from_bytes

    data = await upload.read(max_upload + 1)
    if len(data) > max_upload:
        raise HTTPException(413, f"{upload.filename}: larger than {max_upload} bytes")
    name = upload.filename or "upload"
    return await run_in_threadpool(lambda: list(records_from_bytes(name, data)))


def ingest_records(store: Store, records: list[RawRecord | InputError]) -> IngestResult:
    from corroborate.model import Article
    from corroborate.pipeline import clean_record

    articles: list[Article] = []
    errors: list[InputError] = []
    for r in records:
        done = r if isinstance(r, InputError) else clean_record(r)
        if isinstance(done, InputError):
            errors.append(done)
        else:
            articles.append(done)
    result = add_articles(store, articles)
    result.errors = errors
    return result
