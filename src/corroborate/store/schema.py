"""The store's tables (SQLAlchemy Core), the same on SQLite and PostgreSQL.

Articles keep everything needed to rebuild them (clean and source text,
sentences, offset map, removed lines) plus their clustering features, so
new articles are linked to stored ones without re-reading any text. Each
story keeps its whole cross-checked brief as a JSON document (what the API
serves) and, beside it, rows per claim, conflict, entity, statement and
figure for queries. ``search_docs`` feeds full-text search: an FTS5 table
on SQLite, a ``tsvector`` column with a GIN index on PostgreSQL (created by
the migration, see ``migrations/versions``).
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

articles = Table(
    "articles",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("path", Text, nullable=False),
    Column("format", String(16), nullable=False),
    Column("url", Text),
    Column("outlet", Text),
    Column("title", Text),
    Column("author", Text),
    Column("published", Date, index=True),
    Column("language", String(16)),
    Column("text", Text, nullable=False),
    Column("source_text", Text, nullable=False),
    Column("offset_map", JSON, nullable=False),
    Column("sentences", JSON, nullable=False),
    Column("features", JSON, nullable=False),
    Column("feature_date", Date),
    Column("duplicate_of", String(40)),
    Column("derived_from", String(40)),
    Column("record_id", Text),
    Column("story_id", String(40), index=True),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
)

removed_lines = Table(
    "removed_lines",
    metadata,
    Column(
        "article_id", String(40), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    ),
    Column("seq", Integer, primary_key=True),
    Column("text", Text, nullable=False),
    Column("reason", String(64), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
)

stories = Table(
    "stories",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("title", Text, nullable=False),
    Column("first_seen", Date, index=True),
    Column("last_seen", Date, index=True),
    Column("state", String(16), nullable=False),
    Column("state_reason", Text, nullable=False),
    Column("n_articles", Integer, nullable=False),
    Column("n_sources", Integer, nullable=False),
    Column("n_conflicts", Integer, nullable=False),
    Column("document", JSON, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("brief_html", Text),  # the rendered brief (migration 0002)
    Column("outlets", Text),  # who covers it, "; "-joined, most articles first (0010)
    Column("lede", Text),  # its summary's first sentence (0010)
)


def _story_rows(name: str, *columns: Column) -> Table:
    return Table(
        name,
        metadata,
        Column(
            "story_id", String(40), ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True
        ),
        Column("seq", Integer, primary_key=True),
        *columns,
        Column("data", JSON, nullable=False),
    )


claims = _story_rows(
    "claims",
    Column("claim_id", String(24), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("text", Text, nullable=False),
    Column("independent_sources", Integer, nullable=False),
)
conflicts = _story_rows("conflicts", Column("measure", Text, nullable=False))
entities = _story_rows(
    "entities", Column("name", Text, nullable=False), Column("type", String(16), nullable=False)
)
statements = _story_rows(
    "statements", Column("speaker", Text), Column("text", Text, nullable=False)
)
figures = _story_rows("figures", Column("measure", Text, nullable=False), Column("value", Float))

# where a story's figures and statements sit in each article (article pages
# highlight them without reading the story document; migration 0003)
marks = Table(
    "marks",
    metadata,
    Column("story_id", String(40), ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True),
    Column("article_id", String(40), primary_key=True, index=True),
    Column("start", Integer, primary_key=True),
    Column("end", Integer, primary_key=True),
    Column("kind", String(16), primary_key=True),  # "figure" or "statement"
)

# counters; "generation" grows by one with every saved or dropped story, so a
# server process learns with one tiny query whether anything changed
# (migration 0004)
meta = Table(
    "meta",
    metadata,
    Column("key", String(32), primary_key=True),
    Column("value", BigInteger, nullable=False),
)

search_docs = Table(
    "search_docs",
    metadata,
    Column("kind", String(16), primary_key=True),  # "article" or "claim"
    Column("ref", String(80), primary_key=True),  # article id, or story id + claim id
    Column("story_id", String(40), index=True),
    Column("title", Text),
    Column("body", Text, nullable=False),
)

# stories that failed to build or save (migration 0005): the story id they
# would have had, their articles, the error and how often it happened; the
# next ingest retries them, a success clears the row
story_errors = Table(
    "story_errors",
    metadata,
    Column("story_id", String(40), primary_key=True),
    Column("articles", JSON, nullable=False),
    Column("error", Text, nullable=False),
    Column("attempts", Integer, nullable=False),
    Column("failed_at", DateTime(timezone=True), nullable=False),
)

# related stories: another occurrence that shares actors or places (both
# directions are stored), rewritten by every update
story_links = Table(
    "story_links",
    metadata,
    Column("story_id", String(40), primary_key=True),
    Column("related_id", String(40), primary_key=True),
)

# a story's former id -> the story that now holds most of its articles, so a
# shared link keeps working when a story's id changes (an earlier report joined
# it, or it merged into another)
story_moves = Table(
    "story_moves",
    metadata,
    Column("old_id", String(40), primary_key=True),
    Column("new_id", String(40), nullable=False),
    Column("moved_at", DateTime(timezone=True), nullable=False),
)

# each article's extraction (entities, statements, figures, dates; migration
# 0009), so a story that gains an article is re-reconciled from its articles'
# stored extractions instead of extracting every one again; ``key`` says what
# the row is valid for (the extraction code and the date it was read against)
extractions = Table(
    "extractions",
    metadata,
    Column(
        "article_id", String(40), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    ),
    Column("key", String(80), nullable=False),
    Column("data", JSON, nullable=False),
)
