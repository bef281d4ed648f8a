"""Stories keep their rendered brief (HTML), so pages are served, not rebuilt.

Stories stored before this revision have none; the next ``corroborate
ingest`` (even with nothing new) renders them.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("stories") as batch:
        batch.add_column(sa.Column("brief_html", sa.Text, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("stories") as batch:
        batch.drop_column("brief_html")
