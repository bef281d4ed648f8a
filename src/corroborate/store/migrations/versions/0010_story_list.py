"""What the story list shows without reading story documents: the outlets
that cover a story and its lead sentence (``stories.outlets``, ``stories.lede``).

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("stories") as batch:
        batch.add_column(sa.Column("outlets", sa.Text))
        batch.add_column(sa.Column("lede", sa.Text))


def downgrade() -> None:
    with op.batch_alter_table("stories") as batch:
        batch.drop_column("lede")
        batch.drop_column("outlets")
