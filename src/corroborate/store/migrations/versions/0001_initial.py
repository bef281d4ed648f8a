"""Initial schema: articles, removed lines, stories and their rows, search.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _story_rows(name: str, *columns: sa.Column) -> None:
    op.create_table(
        name,
        sa.Column(
            "story_id",
            sa.String(40),
            sa.ForeignKey("stories.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("seq", sa.Integer, primary_key=True),
        *columns,
        sa.Column("data", sa.JSON, nullable=False),
    )


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("path", sa.Text, nullable=False),
        sa.Column("format", sa.String(16), nullable=False),
        sa.Column("url", sa.Text),
        sa.Column("outlet", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("author", sa.Text),
        sa.Column("published", sa.Date, index=True),
        sa.Column("language", sa.String(16)),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("source_text", sa.Text, nullable=False),
        sa.Column("offset_map", sa.JSON, nullable=False),
        sa.Column("sentences", sa.JSON, nullable=False),
        sa.Column("features", sa.JSON, nullable=False),
        sa.Column("feature_date", sa.Date),
        sa.Column("duplicate_of", sa.String(40)),
        sa.Column("story_id", sa.String(40), index=True),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "removed_lines",
        sa.Column(
            "article_id",
            sa.String(40),
            sa.ForeignKey("articles.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("seq", sa.Integer, primary_key=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("reason", sa.String(64), nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
    )
    op.create_table(
        "stories",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("first_seen", sa.Date, index=True),
        sa.Column("last_seen", sa.Date, index=True),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("state_reason", sa.Text, nullable=False),
        sa.Column("n_articles", sa.Integer, nullable=False),
        sa.Column("n_sources", sa.Integer, nullable=False),
        sa.Column("n_conflicts", sa.Integer, nullable=False),
        sa.Column("document", sa.JSON, nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    _story_rows(
        "claims",
        sa.Column("claim_id", sa.String(24), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("independent_sources", sa.Integer, nullable=False),
    )
    _story_rows("conflicts", sa.Column("measure", sa.Text, nullable=False))
    _story_rows(
        "entities",
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("type", sa.String(16), nullable=False),
    )
    _story_rows(
        "statements", sa.Column("speaker", sa.Text), sa.Column("text", sa.Text, nullable=False)
    )
    _story_rows(
        "figures", sa.Column("measure", sa.Text, nullable=False), sa.Column("value", sa.Float)
    )
    op.create_table(
        "search_docs",
        sa.Column("kind", sa.String(16), primary_key=True),
        sa.Column("ref", sa.String(80), primary_key=True),
        sa.Column("story_id", sa.String(40), index=True),
        sa.Column("title", sa.Text),
        sa.Column("body", sa.Text, nullable=False),
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "ALTER TABLE search_docs ADD COLUMN tsv tsvector GENERATED ALWAYS AS "
            "(to_tsvector('simple', coalesce(title, '') || ' ' || body)) STORED"
        )
        op.execute("CREATE INDEX search_docs_tsv ON search_docs USING GIN (tsv)")
    else:  # SQLite: an FTS5 index kept in step with search_docs by triggers
        op.execute(
            "CREATE VIRTUAL TABLE search_fts USING fts5(title, body, content='search_docs', "
            "content_rowid='rowid', tokenize='unicode61 remove_diacritics 2')"
        )
        op.execute(
            "CREATE TRIGGER search_docs_ai AFTER INSERT ON search_docs BEGIN "
            "INSERT INTO search_fts(rowid, title, body) VALUES (new.rowid, new.title, new.body); END"
        )
        op.execute(
            "CREATE TRIGGER search_docs_ad AFTER DELETE ON search_docs BEGIN "
            "INSERT INTO search_fts(search_fts, rowid, title, body) "
            "VALUES ('delete', old.rowid, old.title, old.body); END"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        op.execute("DROP TABLE IF EXISTS search_fts")
    for name in ("search_docs", "figures", "statements", "entities", "conflicts", "claims",
                 "stories", "removed_lines", "articles"):  # fmt: skip
        op.drop_table(name)
