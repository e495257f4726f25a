"""records and their history kept as json, not jsonb, on PostgreSQL

The office never looks inside a record's fields in SQL: it reads them whole into Python (a
push's merge) or sends them on as text (a pull page). ``jsonb`` parsed every value into its
binary form on the way in and printed it back on the way out; ``json`` stores the text as
written, checked only for syntax. Measured on 1,000 note records: COPY 48 -> 30 ms, which a
push does while it holds the revision counter, and ``fields::text`` for a pull page less
than half (decision 0024). SQLite stores JSON as text already: nothing changes there.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07 05:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

COLUMNS = (("record", "fields"), ("record", "field_meta"), ("change_history", "fields"))


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, column in COLUMNS:
        op.alter_column(table, column, type_=sa.JSON(), postgresql_using=f"{column}::json")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, column in COLUMNS:
        op.alter_column(table, column, type_=JSONB(), postgresql_using=f"{column}::jsonb")
