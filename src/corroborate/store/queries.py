"""The store's story queries: pages of summaries, a story's document, page
and version, and the record of stories that failed to build (part of
``Store``; its writes of articles and stories stay in ``store/__init__``)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Engine, Text, cast, delete, func, insert, select

from corroborate.store import schema as t
from corroborate.store.rows import plain


class StoryQueries:
    """Story reads and failure records over ``self.engine``."""

    engine: Engine

    def stories(
        self,
        offset: int = 0,
        limit: int = 50,
        state: str | None = None,
        since: date | None = None,
    ) -> tuple[int, list[dict[str, Any]]]:
        """A page of story summaries, newest and largest first, and the total;
        only stories in ``state``, or seen on or after ``since``, if given."""
        c = t.stories.c
        cols = [c[k] for k in ("id", "title", "first_seen", "last_seen", "state", "state_reason",
                               "n_articles", "n_sources", "n_conflicts", "updated_at",
                               "outlets", "lede")]  # fmt: skip
        where = []
        if state:
            where.append(c.state == state)
        if since:
            where.append(c.last_seen >= since)
        with self.engine.connect() as conn:
            total = conn.execute(
                select(func.count()).select_from(t.stories).where(*where)
            ).scalar_one()
            rows = conn.execute(
                select(*cols)
                .where(*where)
                .order_by(c.last_seen.desc().nulls_last(), c.n_articles.desc(), c.id)
                .offset(offset)
                .limit(limit)
            )
            out = []
            for r in rows:
                row = plain(dict(r._mapping))
                row["outlets"] = row["outlets"].split("; ") if row.get("outlets") else []
                out.append(row)
            return total, out

    def story_json(self, story_id: str) -> str | None:
        """A story's JSON document as stored (text, not parsed): what the API returns."""
        with self.engine.connect() as conn:
            return conn.execute(
                select(cast(t.stories.c.document, Text)).where(t.stories.c.id == story_id)
            ).scalar_one_or_none()

    def story_page(self, story_id: str) -> tuple[str, str] | None:
        """(title, rendered brief HTML) of a story, or None."""
        with self.engine.connect() as conn:
            row = conn.execute(
                select(t.stories.c.title, t.stories.c.brief_html).where(t.stories.c.id == story_id)
            ).first()
        return None if row is None or row[1] is None else (row[0], row[1])

    def story_version(self, story_id: str) -> str | None:
        with self.engine.connect() as conn:
            v = conn.execute(
                select(t.stories.c.updated_at).where(t.stories.c.id == story_id)
            ).scalar_one_or_none()
        return None if v is None else str(v)

    def story(self, story_id: str) -> dict[str, Any] | None:
        with self.engine.connect() as conn:
            doc = conn.execute(
                select(t.stories.c.document).where(t.stories.c.id == story_id)
            ).scalar_one_or_none()
        return doc

    # -- stories that failed --------------------------------------------
    def record_story_error(self, story_id: str, articles: Sequence[str], error: str) -> None:
        """Note that a story failed to build or save (the next ingest retries it)."""
        e = t.story_errors.c
        with self.engine.begin() as conn:
            before = conn.execute(
                select(e.attempts).where(e.story_id == story_id)
            ).scalar_one_or_none()
            conn.execute(delete(t.story_errors).where(e.story_id == story_id))
            conn.execute(
                insert(t.story_errors),
                [{"story_id": story_id, "articles": list(articles), "error": error[:2000],
                  "attempts": (before or 0) + 1, "failed_at": datetime.now(UTC)}],
            )  # fmt: skip

    def keep_story_errors(self, story_ids: set[str]) -> None:
        """Forget every recorded failure except those of ``story_ids``."""
        e = t.story_errors.c
        with self.engine.begin() as conn:
            stale = [r[0] for r in conn.execute(select(e.story_id)) if r[0] not in story_ids]
            for k in range(0, len(stale), 500):
                conn.execute(delete(t.story_errors).where(e.story_id.in_(stale[k : k + 500])))

    def story_errors(self) -> list[dict[str, Any]]:
        """Every recorded story failure, most recent first."""
        e = t.story_errors.c
        with self.engine.connect() as conn:
            rows = conn.execute(select(t.story_errors).order_by(e.failed_at.desc(), e.story_id))
            return [
                {**dict(r._mapping), "failed_at": r.failed_at.isoformat() if r.failed_at else None}
                for r in rows
            ]

    def story_titles(self, ids: Iterable[str]) -> dict[str, str]:
        """Titles of the stories ``ids`` (those that exist)."""
        wanted = sorted(i for i in ids if i)
        out: dict[str, str] = {}
        with self.engine.connect() as conn:
            for k in range(0, len(wanted), 500):
                rows = conn.execute(
                    select(t.stories.c.id, t.stories.c.title).where(
                        t.stories.c.id.in_(wanted[k : k + 500])
                    )
                )
                out.update({r.id: r.title for r in rows})
        return out
