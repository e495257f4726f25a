"""each record's field revisions kept as JSON text beside its field_meta

A pull page carries every record's ``{field: revision}``; the database made it from
``field_meta`` for every row of every page (~12 µs a row on PostgreSQL, a third of a page's
time). A push now writes it once, as text the page embeds unchanged (decision 0024). Rows
written before, or by hand, have NULL here and are made from ``field_meta`` as before.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07 01:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("record") as batch:
        batch.add_column(sa.Column("field_revs", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("record") as batch:
        batch.drop_column("field_revs")
