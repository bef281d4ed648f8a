"""Related stories (``story_links``) and former story ids (``story_moves``),
so a story's page lists the other occurrences it resembles and a link to a
story keeps working when its id changes.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "story_links",
        sa.Column("story_id", sa.String(40), primary_key=True),
        sa.Column("related_id", sa.String(40), primary_key=True),
    )
    op.create_table(
        "story_moves",
        sa.Column("old_id", sa.String(40), primary_key=True),
        sa.Column("new_id", sa.String(40), nullable=False),
        sa.Column("moved_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("story_moves")
    op.drop_table("story_links")
