"""findings conversion, judgement mode, follow-up links, report drafts

Adds the inspection's judgement mode, the explicit soft-signal conversion on a finding,
the follow-up links of an intervention (finding, repeat visit, plan assessment) and
the report_draft table. Batch mode recreates the altered tables, which drops their
triggers, so the outbox triggers of those tables are recreated with the new frozen
column lists below.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 15:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from storage import ddl

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_SYNC_TAIL = ["id", "created_at", "updated_at", "deleted_at"]

SYNCED = {
    "inspection": [
        "title",
        "inspection_type",
        "purpose",
        "declared_role",
        "level",
        "framework_version_id",
        "status",
        "confidentiality_agreement",
        "theme_codes",
        "open_questions",
        "started_on",
        "ended_on",
        "judgement_mode",
        *_SYNC_TAIL,
    ],
    "finding": [
        "inspection_id",
        "theme_code",
        "what_we_see",
        "what_we_think",
        "what_next",
        "movement",
        "traffic_light",
        "addressed_to",
        "organisation_id",
        "context_factors",
        "national_points",
        "converted_signal_id",
        *_SYNC_TAIL,
    ],
    "intervention": [
        "inspection_id",
        "organisation_id",
        "network_id",
        "action_type",
        "intended_message",
        "rationale",
        "owner",
        "planned_on",
        "done_on",
        "status",
        "outcome",
        "institution_response",
        "finding_id",
        "visit_id",
        "assessment",
        *_SYNC_TAIL,
    ],
    "report_draft": [
        "inspection_id",
        "report_type",
        "report_date",
        "language",
        "addressees",
        "summary",
        "role_statement",
        "context",
        "recommendations",
        "appreciation",
        "method",
        "sections",
        "placeholders",
        *_SYNC_TAIL,
    ],
}
JSON_COLUMNS = {"inspection": ["theme_codes"], "report_draft": ["sections"]}

# The column lists of revision 0002, for the downgrade.
PREVIOUS = {
    "inspection": [c for c in SYNCED["inspection"] if c != "judgement_mode"],
    "finding": [c for c in SYNCED["finding"] if c != "converted_signal_id"],
    "intervention": [c for c in SYNCED["intervention"] if c not in ("finding_id", "visit_id", "assessment")],
}


def _enum(name: str, *values: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=32)


def _drop_triggers(tables: list[str]) -> None:
    # SQLite refuses to rename or copy a table whose triggers name a column being removed.
    for name in tables:
        for statement in ddl.drop_outbox_triggers(name):
            op.execute(statement)


def _create_triggers(tables: dict[str, list[str]]) -> None:
    for table in ddl.describe(tables, JSON_COLUMNS):
        for statement in ddl.outbox_triggers(table):
            op.execute(statement)


def upgrade() -> None:
    _drop_triggers(list(PREVIOUS))
    with op.batch_alter_table("inspection") as batch:
        batch.add_column(
            sa.Column(
                "judgement_mode",
                _enum("judgement_mode", "formatief", "summatief"),
                nullable=False,
                server_default="formatief",
            )
        )
    with op.batch_alter_table("inspection") as batch:
        batch.alter_column("judgement_mode", server_default=None)
    with op.batch_alter_table("finding") as batch:
        batch.add_column(sa.Column("converted_signal_id", sa.String(length=36), nullable=True))
        batch.create_foreign_key(
            op.f("fk_finding_converted_signal_id_signal"), "signal", ["converted_signal_id"], ["id"]
        )
    with op.batch_alter_table("intervention") as batch:
        batch.add_column(sa.Column("finding_id", sa.String(length=36), nullable=True))
        batch.add_column(sa.Column("visit_id", sa.String(length=36), nullable=True))
        batch.add_column(
            sa.Column(
                "assessment",
                _enum("plan_assessment", "in_beoordeling", "goedgekeurd", "afgewezen"),
                nullable=True,
            )
        )
        batch.create_foreign_key(
            op.f("fk_intervention_finding_id_finding"), "finding", ["finding_id"], ["id"]
        )
        batch.create_foreign_key(op.f("fk_intervention_visit_id_visit"), "visit", ["visit_id"], ["id"])
    op.create_table(
        "report_draft",
        sa.Column("inspection_id", sa.String(length=36), nullable=False),
        sa.Column("report_type", _enum("report_type", "gebiedsrapportage", "briefrapport"), nullable=False),
        sa.Column("report_date", sa.String(length=10), nullable=False),
        sa.Column("language", sa.String(length=2), nullable=False),
        sa.Column("addressees", sa.Text(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("role_statement", sa.Text(), nullable=False),
        sa.Column("context", sa.Text(), nullable=False),
        sa.Column("recommendations", sa.Text(), nullable=False),
        sa.Column("appreciation", sa.Text(), nullable=False),
        sa.Column("method", sa.Text(), nullable=False),
        sa.Column("sections", sa.JSON(), nullable=False),
        sa.Column("placeholders", sa.Boolean(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=24), nullable=False),
        sa.Column("updated_at", sa.String(length=24), nullable=False),
        sa.Column("deleted_at", sa.String(length=24), nullable=True),
        sa.ForeignKeyConstraint(
            ["inspection_id"], ["inspection.id"], name=op.f("fk_report_draft_inspection_id_inspection")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_report_draft")),
        sa.UniqueConstraint("inspection_id", "report_type", name=op.f("uq_report_draft_inspection_id")),
    )
    op.create_index(op.f("ix_report_draft_inspection_id"), "report_draft", ["inspection_id"])
    _create_triggers(SYNCED)


def downgrade() -> None:
    _drop_triggers(list(SYNCED))
    op.drop_index(op.f("ix_report_draft_inspection_id"), "report_draft")
    op.drop_table("report_draft")
    with op.batch_alter_table("intervention") as batch:
        batch.drop_constraint(op.f("fk_intervention_visit_id_visit"), type_="foreignkey")
        batch.drop_constraint(op.f("fk_intervention_finding_id_finding"), type_="foreignkey")
        batch.drop_constraint(op.f("ck_intervention_plan_assessment"), type_="check")
        batch.drop_column("assessment")
        batch.drop_column("visit_id")
        batch.drop_column("finding_id")
    with op.batch_alter_table("finding") as batch:
        batch.drop_constraint(op.f("fk_finding_converted_signal_id_signal"), type_="foreignkey")
        batch.drop_column("converted_signal_id")
    with op.batch_alter_table("inspection") as batch:
        batch.drop_constraint(op.f("ck_inspection_judgement_mode"), type_="check")
        batch.drop_column("judgement_mode")
    _create_triggers(PREVIOUS)
