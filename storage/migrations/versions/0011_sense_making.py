"""sense-making: status histories, concerns as competing hypotheses, dismissed suggestions

Adds the status history of signals (``signal_status_change``) and concerns
(``concern_status_change``), a concern's competing hypotheses (``concern_hypothesis``) and
its evidence matrix (``concern_rating``), the resurfacing suggestions a user dismissed
(``suggestion_dismissal``), and five working columns on ``concern`` (alternatives, open
questions, the next verification step with owner and due date). Batch mode recreates
``concern``, which drops its outbox triggers, so they are made again (quiet while
applying, as since 0007) with the frozen column lists below.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-08 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from storage import ddl

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

_TAIL = ["id", "created_at", "updated_at", "deleted_at"]
_CONCERN = [
    "organisation_id",
    "network_id",
    "unit_id",
    "title",
    "hypothesis",
    "status",
    "owner",
    "opened_on",
    "closed_on",
    "closing_rationale",
    "next_review_on",
]
ADDED = ["alternatives", "open_questions", "next_step", "next_step_owner", "next_step_due"]
NEW_TABLES = {
    "signal_status_change": [
        "signal_id",
        "from_status",
        "to_status",
        "rationale",
        "review_by",
        "changed_by",
        "changed_at",
        *_TAIL,
    ],
    "concern_status_change": [
        "concern_id",
        "from_status",
        "to_status",
        "rationale",
        "changed_by",
        "changed_at",
        *_TAIL,
    ],
    "concern_hypothesis": ["concern_id", "position", "statement", *_TAIL],
    "concern_rating": ["hypothesis_id", "signal_id", "rating", *_TAIL],
    "suggestion_dismissal": ["organisation_id", "signal_id", "dismissed_by", *_TAIL],
}
RATINGS = ("consistent", "inconsistent", "neutraal", "nvt")


def _tail() -> list[sa.Column[str]]:
    return [
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=24), nullable=False),
        sa.Column("updated_at", sa.String(length=24), nullable=False),
        sa.Column("deleted_at", sa.String(length=24), nullable=True),
    ]


def _fk(table: str, column: str, parent: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint([column], [f"{parent}.id"], name=op.f(f"fk_{table}_{column}_{parent}"))


def _index(table: str, *columns: str) -> None:
    for column in columns:
        op.create_index(op.f(f"ix_{table}_{column}"), table, [column])


def _triggers(tables: dict[str, list[str]]) -> None:
    for table in ddl.describe(tables, {}):
        insert, update, delete = ddl.outbox_triggers(table)
        for statement in (ddl.quiet_while_applying(insert), ddl.quiet_while_applying(update), delete):
            op.execute(statement)


def _drop_triggers(tables: list[str]) -> None:
    for name in tables:
        for statement in ddl.drop_outbox_triggers(name):
            op.execute(statement)


def _create_tables() -> None:
    op.create_table(
        "signal_status_change",
        sa.Column("signal_id", sa.String(length=36), nullable=False),
        sa.Column("from_status", sa.String(length=40), nullable=False),
        sa.Column("to_status", sa.String(length=40), nullable=False),
        sa.Column("rationale", sa.Text(), nullable=False),
        sa.Column("review_by", sa.String(length=10), nullable=True),
        sa.Column("changed_by", sa.String(length=200), nullable=True),
        sa.Column("changed_at", sa.String(length=24), nullable=False),
        *_tail(),
        sa.CheckConstraint("length(rationale) <= 2000", name=op.f("ck_signal_status_change_rationale_len")),
        _fk("signal_status_change", "signal_id", "signal"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_signal_status_change")),
    )
    _index("signal_status_change", "signal_id")
    op.create_table(
        "concern_status_change",
        sa.Column("concern_id", sa.String(length=36), nullable=False),
        sa.Column("from_status", sa.String(length=40), nullable=False),
        sa.Column("to_status", sa.String(length=40), nullable=False),
        sa.Column("rationale", sa.Text(), nullable=False),
        sa.Column("changed_by", sa.String(length=200), nullable=True),
        sa.Column("changed_at", sa.String(length=24), nullable=False),
        *_tail(),
        sa.CheckConstraint("length(rationale) <= 2000", name=op.f("ck_concern_status_change_rationale_len")),
        _fk("concern_status_change", "concern_id", "concern"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_concern_status_change")),
    )
    _index("concern_status_change", "concern_id")
    op.create_table(
        "concern_hypothesis",
        sa.Column("concern_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("statement", sa.Text(), nullable=False),
        *_tail(),
        sa.CheckConstraint("length(statement) <= 20000", name=op.f("ck_concern_hypothesis_statement_len")),
        _fk("concern_hypothesis", "concern_id", "concern"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_concern_hypothesis")),
    )
    _index("concern_hypothesis", "concern_id")
    op.create_table(
        "concern_rating",
        sa.Column("hypothesis_id", sa.String(length=36), nullable=False),
        sa.Column("signal_id", sa.String(length=36), nullable=False),
        sa.Column(
            "rating",
            sa.Enum(*RATINGS, name="concern_rating", native_enum=False, create_constraint=True, length=32),
            nullable=False,
        ),
        *_tail(),
        _fk("concern_rating", "hypothesis_id", "concern_hypothesis"),
        _fk("concern_rating", "signal_id", "signal"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_concern_rating")),
        sa.UniqueConstraint("hypothesis_id", "signal_id", name=op.f("uq_concern_rating_hypothesis_id")),
    )
    _index("concern_rating", "hypothesis_id", "signal_id")
    op.create_table(
        "suggestion_dismissal",
        sa.Column("organisation_id", sa.String(length=36), nullable=False),
        sa.Column("signal_id", sa.String(length=36), nullable=False),
        sa.Column("dismissed_by", sa.String(length=200), nullable=True),
        *_tail(),
        _fk("suggestion_dismissal", "organisation_id", "organisation"),
        _fk("suggestion_dismissal", "signal_id", "signal"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_suggestion_dismissal")),
        sa.UniqueConstraint(
            "organisation_id",
            "signal_id",
            "dismissed_by",
            name=op.f("uq_suggestion_dismissal_organisation_id"),
        ),
    )
    _index("suggestion_dismissal", "organisation_id", "signal_id")


def upgrade() -> None:
    _drop_triggers(["concern"])
    with op.batch_alter_table("concern") as batch:
        batch.add_column(sa.Column("alternatives", sa.Text(), nullable=True))
        batch.add_column(sa.Column("open_questions", sa.Text(), nullable=True))
        batch.add_column(sa.Column("next_step", sa.Text(), nullable=True))
        batch.add_column(sa.Column("next_step_owner", sa.String(length=200), nullable=True))
        batch.add_column(sa.Column("next_step_due", sa.String(length=10), nullable=True))
    _create_tables()
    op.create_index(op.f("ix_signal_review_by"), "signal", ["review_by"])  # the review list
    _triggers({"concern": [*_CONCERN, *ADDED, *_TAIL], **NEW_TABLES})


def downgrade() -> None:
    _drop_triggers(["concern", *NEW_TABLES])
    op.drop_index(op.f("ix_signal_review_by"), "signal")
    for table in reversed(list(NEW_TABLES)):
        op.drop_table(table)  # drops its indexes with it
    with op.batch_alter_table("concern") as batch:
        for column in reversed(ADDED):
            batch.drop_column(column)
    _triggers({"concern": [*_CONCERN, *_TAIL]})
