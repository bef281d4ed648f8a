"""Full-text search over articles and claims: FTS5 on SQLite, tsvector on PostgreSQL.

Every word of the query must match, as a word or (four letters or more) the
start of one, so "Zelensky" also finds "Zelenskyy" and "flood" finds
"flooding". Hits come
best first with their total (for paging), and each snippet marks the
matched words between ``MARK_START`` and ``MARK_END`` (control characters
that no stored text contains: the web page turns them into ``<mark>``, the
API drops them).
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Connection, select, text

from corroborate.store import schema as t

MARK_START, MARK_END = "\x02", "\x03"
MAX_WORDS = 12
PREFIX_FROM = 4  # shorter words match whole words only ("1" is not every number from 1)


def search_docs(
    conn: Connection, dialect: str, query: str, limit: int = 20, offset: int = 0
) -> tuple[int, list[dict[str, Any]]]:
    """(total, hits): articles and claims matching every word of ``query``
    (or a word it begins), best first, ``limit`` of them from ``offset``."""
    words = re.findall(r"\w+", query.lower())[:MAX_WORDS]
    if not words:
        return 0, []
    if dialect == "postgresql":
        q = " & ".join(f"{w}:*" if len(w) >= PREFIX_FROM else w for w in words)
        total = conn.execute(
            text("SELECT count(*) FROM search_docs d, to_tsquery('simple', :q) q "
                 "WHERE d.tsv @@ q"), {"q": q},
        ).scalar_one()  # fmt: skip
        rows = conn.execute(
            text(
                "SELECT kind, ref, story_id, title, ts_headline('simple', body, q, "
                "'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MaxWords=30, MinWords=12, "
                "MaxFragments=1, FragmentDelimiter=…') AS snippet FROM ("
                " SELECT d.*, q, ts_rank(d.tsv, q) AS score "
                " FROM search_docs d, to_tsquery('simple', :q) q WHERE d.tsv @@ q "
                " ORDER BY score DESC, d.ref LIMIT :n OFFSET :o) best "
                "ORDER BY score DESC, ref"
            ),
            {"q": q, "n": limit, "o": offset},
        )
    else:
        q = " ".join('"' + w + '"' + ("*" if len(w) >= PREFIX_FROM else "") for w in words)
        total = conn.execute(
            text("SELECT count(*) FROM search_fts WHERE search_fts MATCH :q"), {"q": q}
        ).scalar_one()
        # rank first, then make snippets for the page's rows only
        rows = conn.execute(
            text(
                "SELECT d.kind, d.ref, d.story_id, d.title, "
                "snippet(search_fts, 1, char(2), char(3), '…', 24) AS snippet, "
                "search_fts.rank AS score "
                "FROM search_fts JOIN search_docs d ON d.rowid = search_fts.rowid "
                "WHERE search_fts MATCH :q AND search_fts.rowid IN ("
                " SELECT rowid FROM search_fts WHERE search_fts MATCH :q"
                " ORDER BY rank, rowid LIMIT :n OFFSET :o) "
                "ORDER BY score, d.ref"
            ),
            {"q": q, "n": limit, "o": offset},
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
    return int(total), hits


def plain(snippet: str | None) -> str:
    """A snippet without its match marks (for the JSON API)."""
    return (snippet or "").replace(MARK_START, "").replace(MARK_END, "")
