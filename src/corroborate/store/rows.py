"""Rows to model objects and back: the store's converters and small writers."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Connection, Table, insert, update

from corroborate.model import Article, OffsetMap, Sentence
from corroborate.store import schema as t


def bump_generation(conn: Connection) -> None:
    conn.execute(
        update(t.meta).where(t.meta.c.key == "generation").values(value=t.meta.c.value + 1)
    )


def evidence_marks(story_id: str, doc: dict[str, Any]) -> list[dict[str, Any]]:
    """Mark rows (where figures and statements sit in each article) of one
    story document. Migration 0003 keeps its own frozen copy of this."""
    seen = {
        (e["article"], e["start"], e["end"], kind)
        for kind, items in (("figure", doc["figures"]), ("statement", doc["statements"]))
        for item in items
        for e in item["evidence"]
    }
    return [
        {"story_id": story_id, "article_id": a, "start": s, "end": e, "kind": k}
        for a, s, e, k in sorted(seen)
    ]


def sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")  # readers never wait for the ingesting writer
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.close()


def insert_rows(conn: Connection, table: Table, story_id: str, rows: list[dict[str, Any]]) -> None:
    if rows:
        conn.execute(
            insert(table), [{"story_id": story_id, "seq": i, **r} for i, r in enumerate(rows)]
        )


def as_date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def plain(row: dict[str, Any]) -> dict[str, Any]:
    return {k: (v.isoformat() if isinstance(v, date) else v) for k, v in row.items()}


def article_from_row(r: Any) -> Article:
    return Article(
        id=r.id,
        path=r.path,
        text=r.text,
        source_text=r.source_text,
        offset_map=OffsetMap(tuple(tuple(s) for s in r.offset_map)),
        format=r.format,
        url=r.url,
        outlet=r.outlet,
        title=r.title,
        author=r.author,
        published=as_date(r.published),
        language=r.language,
        sentences=[Sentence(a, b) for a, b in r.sentences],
        duplicate_of=r.duplicate_of,
        derived_from=r.derived_from,
        record_id=r.record_id,
    )
