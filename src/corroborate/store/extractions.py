"""Stored per-article extractions: read for a story's articles, written back
for the ones that had to be extracted (``extract.stored`` says when a row is
still valid)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Engine, delete, insert, select

from corroborate.store import schema as t

__all__ = ["load", "save"]

Rows = dict[str, tuple[str, dict[str, Any]]]  # article id -> (key, data)


def load(engine: Engine, ids: Sequence[str]) -> Rows:
    """The stored extraction rows of ``ids`` (those that have one)."""
    out: Rows = {}
    c = t.extractions.c
    with engine.connect() as conn:
        for i in range(0, len(ids), 500):
            chunk = list(ids[i : i + 500])
            for r in conn.execute(
                select(c.article_id, c.key, c.data).where(c.article_id.in_(chunk))
            ):
                out[r.article_id] = (r.key, r.data)
    return out


def save(engine: Engine, rows: Mapping[str, tuple[str, dict[str, Any]]]) -> None:
    """Store (replace) extraction rows; one transaction."""
    if not rows:
        return
    ids = sorted(rows)
    with engine.begin() as conn:
        for i in range(0, len(ids), 500):
            conn.execute(
                delete(t.extractions).where(t.extractions.c.article_id.in_(ids[i : i + 500]))
            )
        conn.execute(
            insert(t.extractions),
            [{"article_id": a, "key": rows[a][0], "data": rows[a][1]} for a in ids],
        )
