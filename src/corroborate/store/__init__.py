"""The persistent store: SQLite by default, PostgreSQL for teams.

``Store(url)`` opens ``url`` (default: ``$CORROBORATE_DB``, else the SQLite
file ``corroborate.db``) and brings its schema up to date with the Alembic
migrations shipped in ``store/migrations``. Every statement is SQLAlchemy
Core with bound parameters; article text never reaches SQL text.

Writes are small transactions: an article with its removed lines commits on
its own, so a process killed mid-ingest loses at most the article it was
writing, and a re-run skips what is stored (ids are content-based). A story
is replaced in one transaction (its brief, rows and search entries).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    create_engine,
    delete,
    event,
    func,
    insert,
    make_url,
    select,
    update,
)

from corroborate.errors import StoreError, install_hint
from corroborate.labels import source_label
from corroborate.model import Article, RemovedLine, Story
from corroborate.report.json import article_to_dict, story_to_dict
from corroborate.store import schema as t
from corroborate.store.locks import exclusive
from corroborate.store.queries import StoryQueries
from corroborate.store.rows import (
    article_from_row,
    as_date,
    bump_generation,
    evidence_marks,
    insert_rows,
    sqlite_pragmas,
)
from corroborate.store.search import search_docs
from corroborate.store.url import DEFAULT_URL as DEFAULT_URL
from corroborate.store.url import database_url, sqlite_file
from corroborate.store.url import describe_store_error as describe_store_error
from corroborate.stories.features import Features

_MIGRATIONS = Path(__file__).with_name("migrations")
_INGEST_LOCK_KEY = 0x636F72726F62  # "corrob": the advisory lock held while ingesting
_MIGRATE_LOCK_KEY = 0x636F72726F63  # held while migrating (first use by several processes)


def _outlets(articles: Sequence[Article], most: int = 6) -> list[str]:
    """Who covers a story, by name (copies aside), those with most articles first."""
    from collections import Counter

    from corroborate.labels import source_label

    counts = Counter(source_label(a) for a in articles if not a.duplicate_of)
    return [name for name, _ in counts.most_common(most)]


class Store(StoryQueries):
    def __init__(self, url: str | None = None, migrate: bool = True, pool_size: int = 5) -> None:
        """``pool_size``: connections kept open, at least the number of
        threads that use the store at once (more are opened when needed,
        but closed again after use)."""
        self.url = database_url(url)
        # connections are recycled rather than pinged before each use (a ping is
        # a round trip per request)
        parsed = make_url(self.url)
        in_memory = parsed.get_backend_name() == "sqlite" and parsed.database in (
            None,
            "",
            ":memory:",
        )
        pool = {} if in_memory else {"pool_size": pool_size, "max_overflow": 2 * pool_size}
        try:
            self.engine: Engine = create_engine(self.url, pool_recycle=1800, **pool)
        except ModuleNotFoundError as exc:  # the driver is an extra
            raise StoreError(
                f"{parsed.get_backend_name()} needs its driver ({exc.name}): "
                + install_hint("postgres")
            ) from exc
        self.dialect = self.engine.dialect.name
        # the files locked while ingesting into / migrating a SQLite database file
        self.path = (
            sqlite_file(parsed.database) if self.dialect == "sqlite" and not in_memory else None
        )
        self._local_lock = threading.RLock()  # flock does not exclude threads of one process
        if self.dialect == "sqlite":
            event.listen(self.engine, "connect", sqlite_pragmas)
        if migrate:
            self.migrate()

    # -- schema ---------------------------------------------------------
    def migrate(self, revision: str = "head") -> None:
        """Apply every pending migration (idempotent); or move to ``revision``,
        downgrading if it is older than the store.

        Safe under concurrent first use: server workers and ingests that open
        a fresh store at once take turns (an advisory lock on PostgreSQL, a
        file lock beside a SQLite file), and all but the first find nothing
        left to do."""
        from alembic import command
        from alembic.config import Config
        from alembic.runtime.migration import MigrationContext
        from alembic.script import ScriptDirectory

        cfg = Config()
        cfg.set_main_option("script_location", str(_MIGRATIONS))
        script = ScriptDirectory.from_config(cfg)
        if revision == "head" and self._revision() == script.get_current_head():
            return  # the common case: nothing to do, no lock taken
        with (
            exclusive(self.engine, _MIGRATE_LOCK_KEY, self.path, "migrate-lock", self._local_lock),
            self.engine.begin() as conn,
        ):
            cfg.attributes["connection"] = conn
            if revision == "head":
                command.upgrade(cfg, "head")
                return
            current = MigrationContext.configure(conn).get_current_revision()
            newer = {r.revision for r in script.iterate_revisions(current, revision)}
            if current is not None and current != revision and current in newer:
                command.downgrade(cfg, revision)
            else:
                command.upgrade(cfg, revision)

    def _revision(self) -> str | None:
        from alembic.runtime.migration import MigrationContext

        with self.engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()

    def check(self) -> None:
        """Raise if the database is not there or not answering (health checks):
        a SQLite file moved away while the server holds it open counts as gone."""
        if self.path is not None and not os.path.exists(self.path):
            raise StoreError(f"the database file {self.path} is missing")
        with self.engine.connect() as conn:
            conn.execute(select(t.meta.c.value).where(t.meta.c.key == "generation")).scalar_one()

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def ingest_lock(self) -> Iterator[None]:
        """Held while articles are added and stories rebuilt: two ingests of
        one store (two server workers, a server and the CLI) run one after
        the other instead of rebuilding the same stories at once."""
        with exclusive(self.engine, _INGEST_LOCK_KEY, self.path, "ingest-lock", self._local_lock):
            yield

    # -- articles -------------------------------------------------------
    def known(self, ids: Iterable[str]) -> set[str]:
        ids = list(ids)
        found: set[str] = set()
        with self.engine.connect() as conn:
            for k in range(0, len(ids), 500):
                rows = conn.execute(
                    select(t.articles.c.id).where(t.articles.c.id.in_(ids[k : k + 500]))
                )
                found.update(r[0] for r in rows)
        return found

    def add_article(self, article: Article, features: Features) -> bool:
        """Store one article in its own transaction; False if it was there."""
        row = {
            "id": article.id,
            "path": article.path,
            "format": article.format,
            "url": article.url,
            "outlet": article.outlet,
            "title": article.title,
            "author": article.author,
            "published": article.published,
            "language": article.language,
            "text": article.text,
            "source_text": article.source_text,
            "offset_map": [list(s) for s in article.offset_map.segments],
            "sentences": [[s.start, s.end] for s in article.sentences],
            "features": features.counts,
            "feature_date": features.date,
            "duplicate_of": None,
            "derived_from": None,
            "record_id": article.record_id,
            "story_id": None,
            "ingested_at": datetime.now(UTC),
        }
        removed = [
            {"article_id": article.id, "seq": i, "text": r.text, "reason": r.reason,
             "start": r.start, "end": r.end}
            for i, r in enumerate(article.removed)
        ]  # fmt: skip
        with self.engine.begin() as conn:
            if conn.execute(select(t.articles.c.id).where(t.articles.c.id == article.id)).first():
                return False
            conn.execute(insert(t.articles), [row])
            if removed:
                conn.execute(insert(t.removed_lines), removed)
            conn.execute(
                insert(t.search_docs),
                [{"kind": "article", "ref": article.id, "story_id": None,
                  "title": article.title or source_label(article), "body": article.text}],
            )  # fmt: skip
        return True

    def counts(self) -> dict[str, int]:
        """Articles, stories, and articles not (yet) in any story."""
        a = t.articles.c
        with self.engine.connect() as conn:
            return {
                "articles": conn.execute(select(func.count()).select_from(t.articles)).scalar_one(),
                "stories": conn.execute(select(func.count()).select_from(t.stories)).scalar_one(),
                "unassigned": conn.execute(
                    select(func.count()).select_from(t.articles).where(a.story_id.is_(None))
                ).scalar_one(),
            }

    def count_articles(self) -> int:
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(t.articles)).scalar_one()

    def features(self) -> list[Features]:
        """Every stored article's clustering features, in ingestion order."""
        cols = (t.articles.c.id, t.articles.c.features, t.articles.c.feature_date,
                t.articles.c.language)  # fmt: skip
        with self.engine.connect() as conn:
            rows = conn.execute(select(*cols).order_by(t.articles.c.ingested_at, t.articles.c.id))
            return [Features(r.id, r.features, as_date(r.feature_date), r.language) for r in rows]

    def story_of(self) -> dict[str, str | None]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(t.articles.c.id, t.articles.c.story_id))
            return {r.id: r.story_id for r in rows}

    def articles(self, ids: Sequence[str]) -> list[Article]:
        """Rebuild articles (with removed lines) from the store, in ``ids`` order."""
        ids = list(ids)
        by_id: dict[str, Article] = {}
        with self.engine.connect() as conn:
            for k in range(0, len(ids), 500):
                chunk = ids[k : k + 500]
                for r in conn.execute(select(t.articles).where(t.articles.c.id.in_(chunk))):
                    by_id[r.id] = article_from_row(r)
                removed = conn.execute(
                    select(t.removed_lines)
                    .where(t.removed_lines.c.article_id.in_(chunk))
                    .order_by(t.removed_lines.c.article_id, t.removed_lines.c.seq)
                )
                for r in removed:
                    by_id[r.article_id].removed.append(
                        RemovedLine(r.text, r.reason, r.start, r.end)
                    )
        return [by_id[i] for i in ids if i in by_id]

    def article(self, article_id: str) -> dict[str, Any] | None:
        found = self.articles([article_id])
        if not found:
            return None
        out = article_to_dict(found[0])
        out["story_id"] = self.story_id(article_id)
        return out

    def article_version(self, article_id: str) -> str | None:
        """What an article page depends on besides the (immutable) article:
        its story and that story's update time; None if there is no such article."""
        with self.engine.connect() as conn:
            row = conn.execute(
                select(t.articles.c.story_id, t.stories.c.updated_at)
                .select_from(
                    t.articles.outerjoin(t.stories, t.stories.c.id == t.articles.c.story_id)
                )
                .where(t.articles.c.id == article_id)
            ).first()
        return None if row is None else f"{row[0]}@{row[1]}"

    def article_marks(self, article_id: str) -> list[tuple[int, int, str]]:
        """(start, end, kind) of the figures and statements its story found in
        an article, in text order."""
        m, a = t.marks.c, t.articles.c
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(m.start, m.end, m.kind)
                .join_from(t.marks, t.articles, a.id == m.article_id)
                .where(m.article_id == article_id, m.story_id == a.story_id)
                .order_by(m.start, m.end, m.kind)
            )
            return [(r[0], r[1], r[2]) for r in rows]

    def story_id(self, article_id: str) -> str | None:
        """The story an article belongs to (None before its story is built)."""
        with self.engine.connect() as conn:
            return conn.execute(
                select(t.articles.c.story_id).where(t.articles.c.id == article_id)
            ).scalar_one_or_none()

    # -- stories --------------------------------------------------------
    def save_story(
        self, story: Story, articles: Sequence[Article], brief_html: str | None = None
    ) -> None:
        """Replace a story (brief, rows, search entries) and point its articles at it.

        The brief is stored rendered to HTML (rendered here unless given), so
        story pages are served straight from the store."""
        from corroborate.report.html import render_story_section

        doc = story_to_dict(story)
        if brief_html is None:
            brief_html = render_story_section(story, list(articles))
        now = datetime.now(UTC)
        with self.engine.begin() as conn:
            self._drop_story(conn, story.id)
            bump_generation(conn)
            conn.execute(
                insert(t.stories),
                [{
                    "id": story.id, "title": story.title, "first_seen": story.first_seen,
                    "last_seen": story.last_seen, "state": story.state,
                    "state_reason": story.state_reason, "n_articles": len(story.articles),
                    "n_sources": len(story.sources), "n_conflicts": len(story.conflicts),
                    "document": doc, "updated_at": now, "brief_html": brief_html,
                    "outlets": "; ".join(_outlets(articles)),
                    "lede": story.summary[0].text if story.summary else None,
                }],
            )  # fmt: skip
            insert_rows(conn, t.claims, story.id, [
                {"claim_id": c["id"], "kind": c["kind"], "text": c["text"],
                 "independent_sources": c["independent_sources"], "data": c}
                for c in doc["claims"]
            ])  # fmt: skip
            insert_rows(conn, t.conflicts, story.id,
                  [{"measure": c["measure"], "data": c} for c in doc["conflicts"]])  # fmt: skip
            insert_rows(conn, t.entities, story.id,
                  [{"name": e["name"], "type": e["type"], "data": e} for e in doc["entities"]])  # fmt: skip
            insert_rows(conn, t.statements, story.id,
                  [{"speaker": s["speaker"], "text": s["text"], "data": s} for s in doc["statements"]])  # fmt: skip
            insert_rows(conn, t.figures, story.id,
                  [{"measure": f["measure"], "value": f["value"], "data": f} for f in doc["figures"]])  # fmt: skip
            search = [
                {"kind": "claim", "ref": f"{story.id}/{c['id']}", "story_id": story.id,
                 "title": story.title, "body": f"{c['text']} ({', '.join(c['origins'])})"}
                for c in doc["claims"]
            ]  # fmt: skip
            if search:
                conn.execute(insert(t.search_docs), search)
            marks = evidence_marks(story.id, doc)
            if marks:
                conn.execute(insert(t.marks), marks)
            for a in articles:
                conn.execute(
                    update(t.articles)
                    .where(t.articles.c.id == a.id)
                    .values(
                        story_id=story.id,
                        duplicate_of=a.duplicate_of,
                        derived_from=a.derived_from,
                    )
                )

    def drop_story(self, story_id: str) -> None:
        with self.engine.begin() as conn:
            self._drop_story(conn, story_id)
            bump_generation(conn)

    def generation(self) -> int:
        """How many times stories were saved or dropped: it moves whenever
        anything a page shows may have changed."""
        with self.engine.connect() as conn:
            return conn.execute(
                select(t.meta.c.value).where(t.meta.c.key == "generation")
            ).scalar_one()

    @staticmethod
    def _drop_story(conn: Connection, story_id: str) -> None:
        for table in (t.claims, t.conflicts, t.entities, t.statements, t.figures, t.marks):
            conn.execute(delete(table).where(table.c.story_id == story_id))
        conn.execute(
            delete(t.search_docs).where(
                t.search_docs.c.kind == "claim", t.search_docs.c.story_id == story_id
            )
        )
        conn.execute(delete(t.stories).where(t.stories.c.id == story_id))

    def story_ids(self) -> set[str]:
        with self.engine.connect() as conn:
            return {r[0] for r in conn.execute(select(t.stories.c.id))}

    def unrendered_story_ids(self) -> set[str]:
        """Stories saved before briefs were rendered at save time (migration 0002)."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(t.stories.c.id).where(t.stories.c.brief_html.is_(None)))
            return {r[0] for r in rows}

    # -- search ---------------------------------------------------------
    def search(
        self, query: str, limit: int = 20, offset: int = 0
    ) -> tuple[int, list[dict[str, Any]]]:
        """(total, hits): articles and claims matching every word of ``query``
        (or a word it begins), best first (``store.search``)."""
        with self.engine.connect() as conn:
            return search_docs(conn, self.dialect, query, limit, offset)
