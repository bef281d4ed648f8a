"""Full-text search over articles and claims: FTS5 on SQLite, tsvector on PostgreSQL."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Connection, select, text

from corroborate.store import schema as t


def search_docs(
    conn: Connection, dialect: str, query: str, limit: int = 20
) -> list[dict[str, Any]]:
    """Articles and claims matching every word of ``query``, best first."""
    words = re.findall(r"\w+", query.lower())[:12]
    if not words:
        return []
    if dialect == "postgresql":
        q = " & ".join(words)
        rows = conn.execute(
            text(
                "SELECT d.kind, d.ref, d.story_id, d.title, "
                "left(d.body, 240) AS snippet, ts_rank(d.tsv, q) AS score "
                "FROM search_docs d, to_tsquery('simple', :q) q "
                "WHERE d.tsv @@ q ORDER BY score DESC, d.ref LIMIT :n"
            ),
            {"q": q, "n": limit},
        )
    else:
        q = " ".join('"' + w.replace('"', "") + '"' for w in words)
        # rank first, then make snippets for the top rows only
        rows = conn.execute(
            text(
                "SELECT d.kind, d.ref, d.story_id, d.title, "
                "snippet(search_fts, 1, '', '', '…', 24) AS snippet, "
                "search_fts.rank AS score "
                "FROM search_fts JOIN search_docs d ON d.rowid = search_fts.rowid "
                "WHERE search_fts MATCH :q AND search_fts.rowid IN ("
                " SELECT rowid FROM search_fts WHERE search_fts MATCH :q"
                " ORDER BY rank, rowid LIMIT :n) "
                "ORDER BY score, d.ref"
            ),
            {"q": q, "n": limit},
        )
    hits = [dict(r._mapping) for r in rows]
    # story ids of article hits (kept on the article row)
    need = [h["ref"] for h in hits if h["kind"] == "article"]
    if need:
        owner = dict(conn.execute(
            select(t.articles.c.id, t.articles.c.story_id).where(t.articles.c.id.in_(need))
        ).all())  # fmt: skip
        for h in hits:
            if h["kind"] == "article":
                h["story_id"] = owner.get(h["ref"])
    for h in hits:
        h.pop("score", None)
    return hits
