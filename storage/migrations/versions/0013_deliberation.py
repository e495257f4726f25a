"""deliberation: overleg, decisions, supervision trajectories and account holders

Adds the overleg (``deliberation``) with its agenda (``deliberation_item``), the decisions
taken there (``decision``) and what they are about (``decision_subject``), supervision
trajectories (``trajectory``) with their reporting duties (``reporting_duty``) and the
reports received (``trajectory_report``), and the account holders of organisations and
networks (``account_holder``). The status histories of signals and concerns get a
``decision_id``; batch mode recreates them, which drops their outbox triggers, so those
are made again (quiet while applying, as since 0007) with the frozen column lists below.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-06 22:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from storage import ddl

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

_TAIL = ["id", "created_at", "updated_at", "deleted_at"]
_HAS_SUBJECT = "organisation_id IS NOT NULL OR network_id IS NOT NULL"
_SIGNAL_CHANGE = ["signal_id", "from_status", "to_status", "rationale", "review_by", "changed_by", "changed_at"]
_CONCERN_CHANGE = ["concern_id", "from_status", "to_status", "rationale", "changed_by", "changed_at"]
HISTORIES = {"signal_status_change": _SIGNAL_CHANGE, "concern_status_change": _CONCERN_CHANGE}
NEW_TABLES = {
    "deliberation": ["kind", "held_on", "title", "participants", "chair", "notes", *_TAIL],
    "deliberation_item": ["deliberation_id", "organisation_id", "network_id", "position", *_TAIL],
    "decision": [
        "deliberation_id",
        "organisation_id",
        "network_id",
        "action_type",
        "return_on",
        "rationale",
        "decided_by",
        "decided_on",
        *_TAIL,
    ],
    "decision_subject": ["decision_id", "signal_id", "concern_id", *_TAIL],
    "trajectory": [
        "organisation_id",
        "network_id",
        "kind",
        "started_on",
        "ended_on",
        "rationale",
        "end_rationale",
        "conditions",
        "board_informed",
        "board_informed_on",
        "owner",
        "decision_id",
        *_TAIL,
    ],
    "reporting_duty": ["trajectory_id", "subject", "frequency", "first_due_on", *_TAIL],
    "trajectory_report": ["duty_id", "due_on", "received_on", "summary", "signal_id", *_TAIL],
    "account_holder": ["organisation_id", "network_id", "holder", "since", "reason", "recorded_by", *_TAIL],
}
KINDS = ("mdo", "apk", "lmo", "teamoverleg", "intercollegiaal")
TRAJECTORY_KINDS = ("geintensiveerd", "verscherpt")
FREQUENCIES = ("eenmalig", "tweewekelijks", "maandelijks", "per_kwartaal", "halfjaarlijks")


def _tail() -> list[sa.Column[str]]:
    return [
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=24), nullable=False),
        sa.Column("updated_at", sa.String(length=24), nullable=False),
        sa.Column("deleted_at", sa.String(length=24), nullable=True),
    ]


def _ref(column: str, nullable: bool = True) -> sa.Column[str]:
    return sa.Column(column, sa.String(length=36), nullable=nullable)


def _date(column: str, nullable: bool = False) -> sa.Column[str]:
    return sa.Column(column, sa.String(length=10), nullable=nullable)


def _fk(table: str, column: str, parent: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint([column], [f"{parent}.id"], name=op.f(f"fk_{table}_{column}_{parent}"))


def _enum(name: str, values: tuple[str, ...]) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=32)


def _len(table: str, column: str, limit: int) -> sa.CheckConstraint:
    return sa.CheckConstraint(f"length({column}) <= {limit}", name=op.f(f"ck_{table}_{column}_len"))


def _check(table: str, name: str, sql: str) -> sa.CheckConstraint:
    return sa.CheckConstraint(sql, name=op.f(f"ck_{table}_{name}"))


def _pk(table: str) -> sa.PrimaryKeyConstraint:
    return sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}"))


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


def _create_deliberation_tables() -> None:
    op.create_table(
        "deliberation",
        sa.Column("kind", _enum("deliberation_kind", KINDS), nullable=False),
        _date("held_on"),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("participants", sa.Text(), nullable=False),
        sa.Column("chair", sa.String(length=200), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        *_tail(),
        _len("deliberation", "title", 200),
        _len("deliberation", "participants", 2000),
        _pk("deliberation"),
    )
    _index("deliberation", "held_on")
    op.create_table(
        "deliberation_item",
        _ref("deliberation_id", nullable=False),
        _ref("organisation_id"),
        _ref("network_id"),
        sa.Column("position", sa.Integer(), nullable=False),
        *_tail(),
        _check("deliberation_item", "has_subject", _HAS_SUBJECT),
        _fk("deliberation_item", "deliberation_id", "deliberation"),
        _fk("deliberation_item", "network_id", "network"),
        _fk("deliberation_item", "organisation_id", "organisation"),
        _pk("deliberation_item"),
    )
    _index("deliberation_item", "deliberation_id", "organisation_id", "network_id")
    op.create_table(
        "decision",
        _ref("deliberation_id"),
        _ref("organisation_id"),
        _ref("network_id"),
        sa.Column("action_type", sa.String(length=40), nullable=True),
        _date("return_on", nullable=True),
        sa.Column("rationale", sa.Text(), nullable=False),
        sa.Column("decided_by", sa.String(length=200), nullable=True),
        _date("decided_on"),
        *_tail(),
        _check("decision", "has_subject", _HAS_SUBJECT),
        _check("decision", "has_type", "action_type IS NOT NULL OR return_on IS NOT NULL"),
        _len("decision", "rationale", 20000),
        _fk("decision", "deliberation_id", "deliberation"),
        _fk("decision", "network_id", "network"),
        _fk("decision", "organisation_id", "organisation"),
        _pk("decision"),
    )
    _index("decision", "deliberation_id", "organisation_id", "network_id")
    op.create_table(
        "decision_subject",
        _ref("decision_id", nullable=False),
        _ref("signal_id"),
        _ref("concern_id"),
        *_tail(),
        _check("decision_subject", "has_subject", "signal_id IS NOT NULL OR concern_id IS NOT NULL"),
        _fk("decision_subject", "concern_id", "concern"),
        _fk("decision_subject", "decision_id", "decision"),
        _fk("decision_subject", "signal_id", "signal"),
        _pk("decision_subject"),
    )
    _index("decision_subject", "decision_id", "signal_id", "concern_id")


def _create_trajectory_tables() -> None:
    op.create_table(
        "trajectory",
        _ref("organisation_id"),
        _ref("network_id"),
        sa.Column("kind", _enum("trajectory_kind", TRAJECTORY_KINDS), nullable=False),
        _date("started_on"),
        _date("ended_on", nullable=True),
        sa.Column("rationale", sa.Text(), nullable=False),
        sa.Column("end_rationale", sa.Text(), nullable=True),
        sa.Column("conditions", sa.Text(), nullable=False),
        sa.Column("board_informed", sa.Boolean(), nullable=False),
        _date("board_informed_on", nullable=True),
        sa.Column("owner", sa.String(length=200), nullable=True),
        _ref("decision_id"),
        *_tail(),
        _check("trajectory", "has_subject", _HAS_SUBJECT),
        _len("trajectory", "rationale", 20000),
        _fk("trajectory", "decision_id", "decision"),
        _fk("trajectory", "network_id", "network"),
        _fk("trajectory", "organisation_id", "organisation"),
        _pk("trajectory"),
    )
    _index("trajectory", "organisation_id", "network_id")
    op.create_table(
        "reporting_duty",
        _ref("trajectory_id", nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("frequency", _enum("report_frequency", FREQUENCIES), nullable=False),
        _date("first_due_on"),
        *_tail(),
        _len("reporting_duty", "subject", 2000),
        _fk("reporting_duty", "trajectory_id", "trajectory"),
        _pk("reporting_duty"),
    )
    _index("reporting_duty", "trajectory_id")
    op.create_table(
        "trajectory_report",
        _ref("duty_id", nullable=False),
        _date("due_on"),
        _date("received_on"),
        sa.Column("summary", sa.Text(), nullable=False),
        _ref("signal_id"),
        *_tail(),
        _fk("trajectory_report", "duty_id", "reporting_duty"),
        _fk("trajectory_report", "signal_id", "signal"),
        _pk("trajectory_report"),
    )
    _index("trajectory_report", "duty_id")
    op.create_table(
        "account_holder",
        _ref("organisation_id"),
        _ref("network_id"),
        sa.Column("holder", sa.String(length=200), nullable=False),
        _date("since"),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("recorded_by", sa.String(length=200), nullable=True),
        *_tail(),
        _check("account_holder", "has_subject", _HAS_SUBJECT),
        _len("account_holder", "holder", 200),
        _fk("account_holder", "network_id", "network"),
        _fk("account_holder", "organisation_id", "organisation"),
        _pk("account_holder"),
    )
    _index("account_holder", "organisation_id", "network_id")


def upgrade() -> None:
    _create_deliberation_tables()
    _create_trajectory_tables()
    _drop_triggers(list(HISTORIES))
    for table in HISTORIES:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("decision_id", sa.String(length=36), nullable=True))
            batch.create_foreign_key(op.f(f"fk_{table}_decision_id_decision"), "decision", ["decision_id"], ["id"])
    _triggers(
        {
            **{table: [*columns, *_TAIL, "decision_id"] for table, columns in HISTORIES.items()},
            **NEW_TABLES,
        }
    )


def downgrade() -> None:
    _drop_triggers([*HISTORIES, *NEW_TABLES])
    for table in HISTORIES:
        with op.batch_alter_table(table) as batch:
            batch.drop_constraint(op.f(f"fk_{table}_decision_id_decision"), type_="foreignkey")
            batch.drop_column("decision_id")
    for table in reversed(list(NEW_TABLES)):
        op.drop_table(table)
    _triggers({table: [*columns, *_TAIL] for table, columns in HISTORIES.items()})
