"""session events and observation scores get a confidentiality and an explicit release for reports

Adds ``confidentiality`` (default TEAM) and ``for_report`` (default false: existing
events and scores stay internal until the inspector releases them) to ``session_event``
and ``observation_score``. Batch mode recreates both tables, which drops their triggers,
so the outbox triggers (quiet while applying, as since 0007) and the search triggers are
made again with the frozen column lists below.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-24 12:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from storage import ddl

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

_TAIL = ["id", "created_at", "updated_at", "deleted_at"]
PREVIOUS = {
    "session_event": ["conversation_id", "event_code", "participant_id", "occurred_at", "text", "signal_id"],
    "observation_score": [
        "conversation_id",
        "item_code",
        "value",
        "value_code",
        "not_applicable",
        "discussed",
        "deliberate_choice",
        "comment",
    ],
}
ADDED = ["confidentiality", "for_report"]
SEARCH = {
    "session_event": ddl.SearchSource("event", "session_event", "coalesce(X.text, '')"),
    "observation_score": ddl.SearchSource("observation", "observation_score", "coalesce(X.comment, '')"),
}
LEVELS = ("IGJ_INTERN", "TEAM", "BEPERKT", "MELDER_VERTROUWELIJK")


def _triggers(columns: dict[str, list[str]]) -> None:
    for table in ddl.describe(columns, {}):
        insert, update, delete = ddl.outbox_triggers(table)
        for statement in (ddl.quiet_while_applying(insert), ddl.quiet_while_applying(update), delete):
            op.execute(statement)
        for statement in ddl.search_triggers(SEARCH[table.name]):
            op.execute(statement)


def _drop_triggers() -> None:
    for name in PREVIOUS:
        for statement in ddl.drop_outbox_triggers(name) + ddl.drop_search_triggers(name):
            op.execute(statement)


def upgrade() -> None:
    _drop_triggers()
    for name in PREVIOUS:
        with op.batch_alter_table(name) as batch:
            batch.add_column(
                sa.Column(
                    "confidentiality",
                    sa.Enum(*LEVELS, name="confidentiality", native_enum=False, create_constraint=True, length=32),
                    nullable=False,
                    server_default="TEAM",
                )
            )
            batch.add_column(
                sa.Column(
                    "for_report",
                    sa.Boolean(),
                    nullable=False,
                    server_default=sa.false(),
                )
            )
        with op.batch_alter_table(name) as batch:
            batch.alter_column("confidentiality", server_default=None)
            batch.alter_column("for_report", server_default=None)
    _triggers({name: [*cols, *ADDED, *_TAIL] for name, cols in PREVIOUS.items()})


def downgrade() -> None:
    _drop_triggers()
    for name in PREVIOUS:
        with op.batch_alter_table(name) as batch:
            batch.drop_constraint(op.f(f"ck_{name}_confidentiality"), type_="check")
            batch.drop_column("for_report")
            batch.drop_column("confidentiality")
    _triggers({name: [*cols, *_TAIL] for name, cols in PREVIOUS.items()})
