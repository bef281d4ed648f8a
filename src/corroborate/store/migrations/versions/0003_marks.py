"""Evidence marks: where each story's figures and statements sit in each
article, so an article page highlights them without the story document.

Existing stories are backfilled from their stored documents.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    marks = op.create_table(
        "marks",
        sa.Column(
            "story_id",
            sa.String(40),
            sa.ForeignKey("stories.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("article_id", sa.String(40), primary_key=True, index=True),
        sa.Column("start", sa.Integer, primary_key=True),
        sa.Column("end", sa.Integer, primary_key=True),
        sa.Column("kind", sa.String(16), primary_key=True),
    )
    stories = sa.table("stories", sa.column("id", sa.String), sa.column("document", sa.JSON))
    conn = op.get_bind()
    for story_id, document in conn.execute(sa.select(stories.c.id, stories.c.document)):
        doc = json.loads(document) if isinstance(document, str) else document
        rows = evidence_marks(story_id, doc)
        if rows:
            conn.execute(sa.insert(marks), rows)


def downgrade() -> None:
    op.drop_table("marks")


def evidence_marks(story_id: str, doc: dict) -> list[dict]:
    """The mark rows of one story document (as ``Store`` writes them)."""
    seen = set()
    for kind, items in (
        ("figure", doc.get("figures", [])),
        ("statement", doc.get("statements", [])),
    ):
        for item in items:
            for e in item.get("evidence", []):
                seen.add((e["article"], e["start"], e["end"], kind))
    return [
        {"story_id": story_id, "article_id": a, "start": s, "end": e, "kind": k}
        for a, s, e, k in sorted(seen)
    ]
