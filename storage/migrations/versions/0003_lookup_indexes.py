"""indexes for opening a visit and for code look-ups

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 13:40:00
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain CREATE INDEX: adding an index needs no batch-mode table copy.
    op.create_index("ix_signal_visit_id", "signal", ["visit_id"])
    op.create_index("ix_signal_conversation_id", "signal", ["conversation_id"])
    op.create_index("ix_taxonomy_item_taxonomy_code", "taxonomy_item", ["taxonomy", "code"])


def downgrade() -> None:
    op.drop_index("ix_taxonomy_item_taxonomy_code", "taxonomy_item")
    op.drop_index("ix_signal_conversation_id", "signal")
    op.drop_index("ix_signal_visit_id", "signal")
