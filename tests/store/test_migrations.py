"""Alembic migrations on SQLite and PostgreSQL: they build exactly the schema
the code declares, and 0003 backfills evidence marks on existing stores."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import select

from corroborate.store import schema as t
from corroborate.store.ingest import ingest_paths
from tests.conftest import EXAMPLES


def test_migrations_build_the_declared_schema(store):
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), t.metadata)
    # the search machinery (FTS5 tables and triggers, the tsvector column)
    # is made by raw SQL in 0001 and is not in the declared metadata
    diff = [d for d in diff if "search" not in repr(d) and "tsv" not in repr(d)]
    assert diff == []


def _marks(store) -> list[tuple]:
    m = t.marks.c
    with store.engine.connect() as conn:
        rows = conn.execute(select(m.story_id, m.article_id, m.start, m.end, m.kind))
        return sorted(tuple(r) for r in rows)


def test_marks_are_backfilled_on_upgrade(store, shared):
    ingest_paths(store, [str(EXAMPLES), str(shared / "seeds")])
    written = _marks(store)
    kinds = {k for *_, k in written}
    assert kinds == {"figure", "statement"}
    store.migrate("0002")  # back to before the marks table
    with store.engine.connect() as conn:
        assert MigrationContext.configure(conn).get_current_revision() == "0002"
    store.migrate()
    assert _marks(store) == written
    seeds = [a for a, s in store.story_of().items() if s]
    marked = [a for a in seeds if store.article_marks(a)]
    assert marked and all(s < e for a in marked for s, e, _ in store.article_marks(a))
