"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-23 12:17:26.735828
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_log",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", sa.String(length=24), nullable=False),
        sa.Column("actor", sa.String(length=200), nullable=False),
        sa.Column("action", sa.String(length=200), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=True),
        sa.Column("entity_id", sa.String(length=36), nullable=True),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_audit_log")),
    )
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_log_entity_id"), ["entity_id"], unique=False)

    op.create_table(
        "framework_version",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("version", sa.String(length=40), nullable=False),
        sa.Column("title_nl", sa.String(length=200), nullable=False),
        sa.Column("title_en", sa.String(length=200), nullable=False),
        sa.Column("published_on", sa.String(length=10), nullable=False),
        sa.Column("content_sha256", sa.String(length=64), nullable=False),
        sa.Column("loaded_at", sa.String(length=24), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_framework_version")),
        sa.UniqueConstraint("key", "version", name=op.f("uq_framework_version_key")),
    )
    op.create_table(
        "network",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column(
            "focus",
            sa.Enum(
                "persoon",
                "aandoening",
                "gebied",
                name="network_focus",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("region", sa.String(length=200), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("financing_domains", sa.JSON(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=24), nullable=False),
        sa.Column("updated_at", sa.String(length=24), nullable=False),
        sa.Column("deleted_at", sa.String(length=24), nullable=True),
        sa.CheckConstraint("length(name) <= 200", name=op.f("ck_network_name_len")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_network")),
    )
    op.create_table(
        "organisation",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("org_type", sa.String(length=40), nullable=True),
        sa.Column("sector", sa.String(length=40), nullable=True),
        sa.Column("region", sa.String(length=200), nullable=True),
        sa.Column("external_ref", sa.String(length=200), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=24), nullable=False),
        sa.Column("updated_at", sa.String(length=24), nullable=False),
        sa.Column("deleted_at", sa.String(length=24), nullable=True),
        sa.CheckConstraint("length(name) <= 200", name=op.f("ck_organisation_name_len")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organisation")),
    )
    op.create_table(
        "outbox",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.String(length=36), nullable=False),
        sa.Column("op", sa.String(length=8), nullable=False),
        sa.Column("changed", sa.JSON(), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.String(length=24), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_outbox")),
    )
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_outbox_entity_id"), ["entity_id"], unique=False)

    op.create_table(
        "search_ref",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("source", sa.String(length=40), nullable=False),
        sa.Column("ref_id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_search_ref")),
        sa.UniqueConstraint("ref_id", name=op.f("uq_search_ref_ref_id")),
    )
    op.create_table(
        "store_meta",
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_store_meta")),
    )
    op.create_table(
        "inspection",
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column(
            "inspection_type",
            sa.Enum(
                "risico",
                "thema",
                "netwerk",
                "incident",
                "vervolg",
                name="inspection_type",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("purpose", sa.Text(), nullable=False),
        sa.Column(
            "declared_role",
            sa.Enum(
                "agenderen_stimuleren",
                "sparringpartner",
                "naleving",
                "handhaving",
                name="declared_role",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "level",
            sa.Enum(
                "micro",
                "meso",
                "macro",
                name="supervision_level",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("framework_version_id", sa.String(length=36), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "voorbereiding",
                "veldwerk",
                "analyse",
                "rapportage",
                "vervolg",
                "afgesloten",
                name="inspection_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("confidentiality_agreement", sa.Text(), nullable=True),
        sa.Column("theme_codes", sa.JSON(), nullable=False),
        sa.Column("open_questions", sa.Text(), nullable=True),
        sa.Column("started_on", sa.String(length=10), nullable=True),
        sa.Column("ended_on", sa.String(length=10), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=24), nullable=False),
        sa.Column("updated_at", sa.String(length=24), nullable=False),
        sa.Column("deleted_at", sa.String(length=24), nullable=True),
        sa.CheckConstraint("ended_on IS NULL OR ended_on >= started_on", name=op.f("ck_inspection_period")),
        sa.CheckConstraint("length(purpose) <= 20000", name=op.f("ck_inspection_purpose_len")),
        sa.CheckConstraint("length(title) <= 200", name=op.f("ck_inspection_title_len")),
        sa.ForeignKeyConstraint(
            ["framework_version_id"],
            ["framework_version.id"],
            name=op.f("fk_inspection_framework_version_id_framework_version"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inspection")),
    )
    op.create_table(
        "life_event",
        sa.Column("organisation_id", sa.String(length=36), nullable=True),
        sa.Column("network_id", sa.String(length=36), nullable=True),
        sa.Column("event_type", sa.String(length=40), nullable=False),
        sa.Column("occurred_on", sa.String(length=10), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("source", sa.String(length=2000), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=24), nullable=False),
        sa.Column("updated_at", sa.String(length=24), nullable=False),
        sa.Column("deleted_at", sa.String(length=24), nullable=True),
        sa.CheckConstraint(
            "organisation_id IS NOT NULL OR network_id IS NOT NULL",
            name=op.f("ck_life_event_has_subject"),
        ),
        sa.ForeignKeyConstraint(
            ["network_id"], ["network.id"], name=op.f("fk_life_event_network_id_network")
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_life_event_organisation_id_organisation"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_life_event")),
    )
    with op.batch_alter_table("life_event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_life_event_network_id"), ["network_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_life_event_organisation_id"), ["organisation_id"], unique=False)

    op.create_table(
        "network_body",
        sa.Column("network_id", sa.String(length=36), nullable=False),
        sa.Column("body_type", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=24), nullable=False),
        sa.Column("updated_at", sa.String(length=24), nullable=False),
        sa.Column("deleted_at", sa.String(length=24), nullable=True),
        sa.CheckConstraint("length(name) <= 200", name=op.f("ck_network_body_name_len")),
        sa.ForeignKeyConstraint(
            ["network_id"], ["network.id"], name=op.f("fk_network_body_network_id_network")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_network_body")),
    )
    with op.batch_alter_table("network_body", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_network_body_network_id"), ["network_id"], unique=False)

    op.create_table(
        "network_membership",
        sa.Column("network_id", sa.String(length=36), nullable=False),
        sa.Column("organisation_id", sa.String(length=36), nullable=False),
        sa.Column(
            "layer",
            sa.Enum(
                "binnenste_schil",
                "buitenste_schil",
                name="network_layer",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("roles", sa.JSON(), nullable=False),
        sa.Column("joined_on", sa.String(length=10), nullable=True),
        sa.Column("left_on", sa.String(length=10), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=24), nullable=False),
        sa.Column("updated_at", sa.String(length=24), nullable=False),
        sa.Column("deleted_at", sa.String(length=24), nullable=True),
        sa.ForeignKeyConstraint(
            ["network_id"], ["network.id"], name=op.f("fk_network_membership_network_id_network")
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_network_membership_organisation_id_organisation"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_network_membership")),
    )
    with op.batch_alter_table("network_membership", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_network_membership_network_id"), ["network_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_network_membership_organisation_id"), ["organisation_id"], unique=False
        )

    op.create_table(
        "person",
        sa.Column("role_code", sa.String(length=40), nullable=False),
        sa.Column("organisation_id", sa.String(length=36), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=True),
        sa.Column("function_title", sa.String(length=200), nullable=True),
        sa.Column(
            "confidentiality",
            sa.Enum(
                "IGJ_INTERN",
                "TEAM",
                "BEPERKT",
                "MELDER_VERTROUWELIJK",
                name="confidentiality",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=24), nullable=False),
        sa.Column("updated_at", sa.String(length=24), nullable=False),
        sa.Column("deleted_at", sa.String(length=24), nullable=True),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_person_organisation_id_organisation"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person")),
    )
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_person_organisation_id"), ["organisation_id"], unique=False)

    op.create_table(
        "taxonomy_item",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("framework_version_id", sa.String(length=36), nullable=False),
        sa.Column("taxonomy", sa.String(length=40), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("parent_code", sa.String(length=40), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("label_nl", sa.String(length=200), nullable=False),
        sa.Column("label_en", sa.String(length=200), nullable=False),
        sa.Column("description_nl", sa.Text(), nullable=True),
        sa.Column("description_en", sa.Text(), nullable=True),
        sa.Column("attributes", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["framework_version_id"],
            ["framework_version.id"],
            name=op.f("fk_taxonomy_item_framework_version_id_framework_version"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_taxonomy_item")),
        sa.UniqueConstraint(
            "framework_version_id",
            "taxonomy",
            "code",
            name=op.f("uq_taxonomy_item_framework_version_id"),
        ),
    )
    op.create_table(
        "unit",
        sa.Column("organisation_id", sa.String(length=36), nullable=False),
        sa.Column(
            "unit_type",
            sa.Enum(
                "afdeling",
                "vakgroep",
                "locatie",
                "as",
                "team",
                name="unit_type",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=24), nullable=False),
        sa.Column("updated_at", sa.String(length=24), nullable=False),
        sa.Column("deleted_at", sa.String(length=24), nullable=True),
        sa.CheckConstraint("length(name) <= 200", name=op.f("ck_unit_name_len")),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_unit_organisation_id_organisation"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_unit")),
    )
    with op.batch_alter_table("unit", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_unit_organisation_id"), ["organisation_id"], unique=False)

    op.create_table(
        "concern",
        sa.Column("organisation_id", sa.String(length=36), nullable=True),
        sa.Column("network_id", sa.String(length=36), nullable=True),
        sa.Column("unit_id", sa.String(length=36), nullable=True),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("hypothesis", sa.Text(), nullable=True),
        sa.Column("status", sa.String(length=40), nullable=False),
        sa.Column("owner", sa.String(length=200), nullable=True),
        sa.Column("opened_on", sa.String(length=10), nullable=False),
        sa.Column("closed_on", sa.String(length=10), nullable=True),
        sa.Column("closing_rationale", sa.Text(), nullable=True),
        sa.Column("next_review_on", sa.String(length=10), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=24), nullable=False),
        sa.Column("updated_at", sa.String(length=24), nullable=False),
        sa.Column("deleted_at", sa.String(length=24), nullable=True),
        sa.CheckConstraint("length(title) <= 200", name=op.f("ck_concern_title_len")),
        sa.ForeignKeyConstraint(["network_id"], ["network.id"], name=op.f("fk_concern_network_id_network")),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_concern_organisation_id_organisation"),
        ),
        sa.ForeignKeyConstraint(["unit_id"], ["unit.id"], name=op.f("fk_concern_unit_id_unit")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_concern")),
    )
    with op.batch_alter_table("concern", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_concern_network_id"), ["network_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_concern_organisation_id"), ["organisation_id"], unique=False)

    op.create_table(
        "finding",
        sa.Column("inspection_id", sa.String(length=36), nullable=False),
        sa.Column("theme_code", sa.String(length=40), nullable=False),
        sa.Column("what_we_see", sa.Text(), nullable=False),
        sa.Column("what_we_think", sa.Text(), nullable=False),
        sa.Column("what_next", sa.Text(), nullable=False),
        sa.Column(
            "movement",
            sa.Enum(
                "vooruitgang",
                "stabiel",
                "achteruitgang",
                "niet_beoordeeld",
                name="movement",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "traffic_light",
            sa.Enum(
                "groen",
                "oranje",
                "rood",
                name="traffic_light",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=True,
        ),
        sa.Column(
            "addressed_to",
            sa.Enum(
                "netwerk",
                "partij",
                name="addressed_to",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("organisation_id", sa.String(length=36), nullable=True),
        sa.Column("context_factors", sa.Text(), nullable=True),
        sa.Column("national_points", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=24), nullable=False),
        sa.Column("updated_at", sa.String(length=24), nullable=False),
        sa.Column("deleted_at", sa.String(length=24), nullable=True),
        sa.ForeignKeyConstraint(
            ["inspection_id"], ["inspection.id"], name=op.f("fk_finding_inspection_id_inspection")
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_finding_organisation_id_organisation"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_finding")),
    )
    with op.batch_alter_table("finding", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_finding_inspection_id"), ["inspection_id"], unique=False)

    op.create_table(
        "inspection_member",
        sa.Column("inspection_id", sa.String(length=36), nullable=False),
        sa.Column("display_name", sa.String(length=200), nullable=False),
        sa.Column(
            "team_role",
            sa.Enum(
                "projectleider",
                "inspecteur",
                "senior_inspecteur",
                "accounthouder",
                "analist",
                "jurist",
                name="team_role",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("user_ref", sa.String(length=200), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=24), nullable=False),
        sa.Column("updated_at", sa.String(length=24), nullable=False),
        sa.Column("deleted_at", sa.String(length=24), nullable=True),
        sa.ForeignKeyConstraint(
            ["inspection_id"],
            ["inspection.id"],
            name=op.f("fk_inspection_member_inspection_id_inspection"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inspection_member")),
    )
    with op.batch_alter_table("inspection_member", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_inspection_member_inspection_id"), ["inspection_id"], unique=False
        )

    op.create_table(
        "inspection_subject",
        sa.Column("inspection_id", sa.String(length=36), nullable=False),
        sa.Column(
            "subject_kind",
            sa.Enum(
                "organisatie",
                "netwerk",
                "clientnetwerk",
                name="subject_kind",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("organisation_id", sa.String(length=36), nullable=True),
        sa.Column("network_id", sa.String(length=36), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=24), nullable=False),
        sa.Column("updated_at", sa.String(length=24), nullable=False),
        sa.Column("deleted_at", sa.String(length=24), nullable=True),
        sa.CheckConstraint(
            "(subject_kind = 'organisatie' AND organisation_id IS NOT NULL) OR (subject_kind = 'netwerk' AND network_id IS NOT NULL) OR (subject_kind = 'clientnetwerk' AND description IS NOT NULL)",
            name=op.f("ck_inspection_subject_subject_target"),
        ),
        sa.ForeignKeyConstraint(
            ["inspection_id"],
            ["inspection.id"],
            name=op.f("fk_inspection_subject_inspection_id_inspection"),
        ),
        sa.ForeignKeyConstraint(
            ["network_id"], ["network.id"], name=op.f("fk_inspection_subject_network_id_network")
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_inspection_subject_organisation_id_organisation"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inspection_subject")),
    )
    with op.batch_alter_table("inspection_subject", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_inspection_subject_inspection_id"), ["inspection_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_inspection_subject_network_id"), ["network_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_inspection_subject_organisation_id"), ["organisation_id"], unique=False
        )

    op.create_table(
        "intervention",
        sa.Column("inspection_id", sa.String(length=36), nullable=True),
        sa.Column("organisation_id", sa.String(length=36), nullable=True),
        sa.Column("network_id", sa.String(length=36), nullable=True),
        sa.Column("action_type", sa.String(length=40), nullable=False),
        sa.Column("intended_message", sa.Text(), nullable=True),
        sa.Column("rationale", sa.Text(), nullable=True),
        sa.Column("owner", sa.String(length=200), nullable=True),
        sa.Column("planned_on", sa.String(length=10), nullable=True),
        sa.Column("done_on", sa.String(length=10), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "gepland",
                "uitgevoerd",
                "vervallen",
                name="intervention_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("outcome", sa.Text(), nullable=True),
        sa.Column("institution_response", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=24), nullable=False),
        sa.Column("updated_at", sa.String(length=24), nullable=False),
        sa.Column("deleted_at", sa.String(length=24), nullable=True),
        sa.ForeignKeyConstraint(
            ["inspection_id"],
            ["inspection.id"],
            name=op.f("fk_intervention_inspection_id_inspection"),
        ),
        sa.ForeignKeyConstraint(
            ["network_id"], ["network.id"], name=op.f("fk_intervention_network_id_network")
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_intervention_organisation_id_organisation"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_intervention")),
    )
    with op.batch_alter_table("intervention", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_intervention_inspection_id"), ["inspection_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_intervention_organisation_id"), ["organisation_id"], unique=False
        )

    op.create_table(
        "invitation",
        sa.Column("inspection_id", sa.String(length=36), nullable=False),
        sa.Column("organisation_id", sa.String(length=36), nullable=True),
        sa.Column("role_code", sa.String(length=40), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "gepland",
                "uitgenodigd",
                "bevestigd",
                "afgemeld",
                "bewust_niet_uitgenodigd",
                name="invitation_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=24), nullable=False),
        sa.Column("updated_at", sa.String(length=24), nullable=False),
        sa.Column("deleted_at", sa.String(length=24), nullable=True),
        sa.ForeignKeyConstraint(
            ["inspection_id"],
            ["inspection.id"],
            name=op.f("fk_invitation_inspection_id_inspection"),
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_invitation_organisation_id_organisation"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_invitation")),
    )
    with op.batch_alter_table("invitation", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_invitation_inspection_id"), ["inspection_id"], unique=False)

    op.create_table(
        "reflection",
        sa.Column("inspection_id", sa.String(length=36), nullable=False),
        sa.Column(
            "moment",
            sa.Enum(
                "vooraf",
                "halverwege",
                "achteraf",
                name="reflection_moment",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("author", sa.String(length=200), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("written_at", sa.String(length=24), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=24), nullable=False),
        sa.Column("updated_at", sa.String(length=24), nullable=False),
        sa.Column("deleted_at", sa.String(length=24), nullable=True),
        sa.ForeignKeyConstraint(
            ["inspection_id"],
            ["inspection.id"],
            name=op.f("fk_reflection_inspection_id_inspection"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reflection")),
    )
    with op.batch_alter_table("reflection", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_reflection_inspection_id"), ["inspection_id"], unique=False)

    op.create_table(
        "visit",
        sa.Column("inspection_id", sa.String(length=36), nullable=False),
        sa.Column("visit_date", sa.String(length=10), nullable=False),
        sa.Column("location", sa.String(length=200), nullable=False),
        sa.Column("announced", sa.Boolean(), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=24), nullable=False),
        sa.Column("updated_at", sa.String(length=24), nullable=False),
        sa.Column("deleted_at", sa.String(length=24), nullable=True),
        sa.CheckConstraint("length(location) <= 200", name=op.f("ck_visit_location_len")),
        sa.ForeignKeyConstraint(
            ["inspection_id"], ["inspection.id"], name=op.f("fk_visit_inspection_id_inspection")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visit")),
    )
    with op.batch_alter_table("visit", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_visit_inspection_id"), ["inspection_id"], unique=False)

    op.create_table(
        "conversation",
        sa.Column("visit_id", sa.String(length=36), nullable=False),
        sa.Column("conversation_type", sa.String(length=40), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("starts_at", sa.String(length=24), nullable=True),
        sa.Column("ends_at", sa.String(length=24), nullable=True),
        sa.Column("network_body_id", sa.String(length=36), nullable=True),
        sa.Column("confidentiality_agreement", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=24), nullable=False),
        sa.Column("updated_at", sa.String(length=24), nullable=False),
        sa.Column("deleted_at", sa.String(length=24), nullable=True),
        sa.CheckConstraint("ends_at IS NULL OR ends_at >= starts_at", name=op.f("ck_conversation_period")),
        sa.CheckConstraint("length(title) <= 200", name=op.f("ck_conversation_title_len")),
        sa.ForeignKeyConstraint(
            ["network_body_id"],
            ["network_body.id"],
            name=op.f("fk_conversation_network_body_id_network_body"),
        ),
        sa.ForeignKeyConstraint(["visit_id"], ["visit.id"], name=op.f("fk_conversation_visit_id_visit")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_conversation")),
    )
    with op.batch_alter_table("conversation", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_conversation_visit_id"), ["visit_id"], unique=False)

    op.create_table(
        "finding_evidence",
        sa.Column("finding_id", sa.String(length=36), nullable=False),
        sa.Column(
            "evidence_kind",
            sa.Enum(
                "notitie",
                "signaal",
                "sessiegebeurtenis",
                "observatie",
                "bijlage",
                name="evidence_kind",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("evidence_id", sa.String(length=36), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=24), nullable=False),
        sa.Column("updated_at", sa.String(length=24), nullable=False),
        sa.Column("deleted_at", sa.String(length=24), nullable=True),
        sa.ForeignKeyConstraint(
            ["finding_id"], ["finding.id"], name=op.f("fk_finding_evidence_finding_id_finding")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_finding_evidence")),
        sa.UniqueConstraint(
            "finding_id",
            "evidence_kind",
            "evidence_id",
            name=op.f("uq_finding_evidence_finding_id"),
        ),
    )
    with op.batch_alter_table("finding_evidence", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_finding_evidence_finding_id"), ["finding_id"], unique=False)

    op.create_table(
        "observation_score",
        sa.Column("conversation_id", sa.String(length=36), nullable=False),
        sa.Column("item_code", sa.String(length=40), nullable=False),
        sa.Column("value", sa.Integer(), nullable=True),
        sa.Column("value_code", sa.String(length=40), nullable=True),
        sa.Column("not_applicable", sa.Boolean(), nullable=False),
        sa.Column("discussed", sa.Boolean(), nullable=True),
        sa.Column("deliberate_choice", sa.Boolean(), nullable=True),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=24), nullable=False),
        sa.Column("updated_at", sa.String(length=24), nullable=False),
        sa.Column("deleted_at", sa.String(length=24), nullable=True),
        sa.CheckConstraint(
            "value IS NULL OR value BETWEEN -2 AND 100000", name=op.f("ck_observation_score_value")
        ),
        sa.ForeignKeyConstraint(
            ["conversation_id"],
            ["conversation.id"],
            name=op.f("fk_observation_score_conversation_id_conversation"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_observation_score")),
        sa.UniqueConstraint(
            "conversation_id", "item_code", name=op.f("uq_observation_score_conversation_id")
        ),
    )
    with op.batch_alter_table("observation_score", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_observation_score_conversation_id"), ["conversation_id"], unique=False
        )

    op.create_table(
        "participant",
        sa.Column("conversation_id", sa.String(length=36), nullable=False),
        sa.Column("role_code", sa.String(length=40), nullable=False),
        sa.Column("organisation_id", sa.String(length=36), nullable=True),
        sa.Column("person_id", sa.String(length=36), nullable=True),
        sa.Column("label", sa.String(length=200), nullable=True),
        sa.Column(
            "presence",
            sa.Enum(
                "aanwezig",
                "afwezig",
                "deels",
                name="presence",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("has_mandate", sa.Boolean(), nullable=True),
        sa.Column("mandate_note", sa.String(length=2000), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=24), nullable=False),
        sa.Column("updated_at", sa.String(length=24), nullable=False),
        sa.Column("deleted_at", sa.String(length=24), nullable=True),
        sa.ForeignKeyConstraint(
            ["conversation_id"],
            ["conversation.id"],
            name=op.f("fk_participant_conversation_id_conversation"),
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_participant_organisation_id_organisation"),
        ),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name=op.f("fk_participant_person_id_person")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_participant")),
    )
    with op.batch_alter_table("participant", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_participant_conversation_id"), ["conversation_id"], unique=False)

    op.create_table(
        "note_paragraph",
        sa.Column("conversation_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("occurred_at", sa.String(length=24), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "waarneming",
                "citaat",
                "interpretatie",
                "vraag",
                "actie",
                name="note_kind",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("speaker_role", sa.String(length=40), nullable=True),
        sa.Column("speaker_participant_id", sa.String(length=36), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("theme_codes", sa.JSON(), nullable=False),
        sa.Column(
            "confidentiality",
            sa.Enum(
                "IGJ_INTERN",
                "TEAM",
                "BEPERKT",
                "MELDER_VERTROUWELIJK",
                name="confidentiality",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("about_absent_party", sa.Boolean(), nullable=False),
        sa.Column(
            "partial_interest",
            sa.Enum(
                "geen",
                "impliciet",
                "expliciet",
                name="partial_interest",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("followed_up", sa.Boolean(), nullable=False),
        sa.Column("for_report", sa.Boolean(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=24), nullable=False),
        sa.Column("updated_at", sa.String(length=24), nullable=False),
        sa.Column("deleted_at", sa.String(length=24), nullable=True),
        sa.CheckConstraint("length(text) <= 100000", name=op.f("ck_note_paragraph_text_len")),
        sa.ForeignKeyConstraint(
            ["conversation_id"],
            ["conversation.id"],
            name=op.f("fk_note_paragraph_conversation_id_conversation"),
        ),
        sa.ForeignKeyConstraint(
            ["speaker_participant_id"],
            ["participant.id"],
            name=op.f("fk_note_paragraph_speaker_participant_id_participant"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_note_paragraph")),
    )
    with op.batch_alter_table("note_paragraph", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_note_paragraph_conversation_id"), ["conversation_id"], unique=False
        )

    op.create_table(
        "observation_evidence",
        sa.Column("score_id", sa.String(length=36), nullable=False),
        sa.Column(
            "evidence_kind",
            sa.Enum(
                "notitie",
                "signaal",
                "sessiegebeurtenis",
                "observatie",
                "bijlage",
                name="evidence_kind",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("evidence_id", sa.String(length=36), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=24), nullable=False),
        sa.Column("updated_at", sa.String(length=24), nullable=False),
        sa.Column("deleted_at", sa.String(length=24), nullable=True),
        sa.ForeignKeyConstraint(
            ["score_id"],
            ["observation_score.id"],
            name=op.f("fk_observation_evidence_score_id_observation_score"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_observation_evidence")),
        sa.UniqueConstraint(
            "score_id",
            "evidence_kind",
            "evidence_id",
            name=op.f("uq_observation_evidence_score_id"),
        ),
    )
    with op.batch_alter_table("observation_evidence", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_observation_evidence_score_id"), ["score_id"], unique=False)

    op.create_table(
        "speaking_turn",
        sa.Column("conversation_id", sa.String(length=36), nullable=False),
        sa.Column("participant_id", sa.String(length=36), nullable=False),
        sa.Column("occurred_at", sa.String(length=24), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=24), nullable=False),
        sa.Column("updated_at", sa.String(length=24), nullable=False),
        sa.Column("deleted_at", sa.String(length=24), nullable=True),
        sa.ForeignKeyConstraint(
            ["conversation_id"],
            ["conversation.id"],
            name=op.f("fk_speaking_turn_conversation_id_conversation"),
        ),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["participant.id"],
            name=op.f("fk_speaking_turn_participant_id_participant"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_speaking_turn")),
    )
    with op.batch_alter_table("speaking_turn", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_speaking_turn_conversation_id"), ["conversation_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_speaking_turn_participant_id"), ["participant_id"], unique=False)

    op.create_table(
        "signal",
        sa.Column("organisation_id", sa.String(length=36), nullable=False),
        sa.Column("unit_id", sa.String(length=36), nullable=True),
        sa.Column("network_id", sa.String(length=36), nullable=True),
        sa.Column("inspection_id", sa.String(length=36), nullable=True),
        sa.Column("visit_id", sa.String(length=36), nullable=True),
        sa.Column("conversation_id", sa.String(length=36), nullable=True),
        sa.Column("note_paragraph_id", sa.String(length=36), nullable=True),
        sa.Column(
            "kind",
            sa.Enum(
                "hard",
                "zacht",
                name="signal_kind",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "valence",
            sa.Enum(
                "positief",
                "negatief",
                "ambigu",
                name="valence",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("entrance", sa.String(length=40), nullable=True),
        sa.Column("channel", sa.String(length=40), nullable=True),
        sa.Column(
            "source_type",
            sa.Enum(
                "eigen_waarneming",
                "mondeling_bestuur",
                "mondeling_medewerker",
                "mondeling_patient_naaste",
                "document",
                "melder",
                "collega_inspecteur",
                "systeem",
                name="source_type",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=True,
        ),
        sa.Column("source_key", sa.String(length=200), nullable=True),
        sa.Column("observed_at", sa.String(length=24), nullable=False),
        sa.Column("recorded_at", sa.String(length=24), nullable=False),
        sa.Column("observed_by", sa.String(length=200), nullable=True),
        sa.Column("observation", sa.Text(), nullable=False),
        sa.Column("quote", sa.Text(), nullable=True),
        sa.Column("quote_speaker_role", sa.String(length=40), nullable=True),
        sa.Column("interpretation", sa.Text(), nullable=True),
        sa.Column("alternative_explanation", sa.Text(), nullable=True),
        sa.Column("strength", sa.Integer(), nullable=True),
        sa.Column(
            "certainty",
            sa.Enum(
                "indruk",
                "waarschijnlijk",
                "vastgesteld",
                name="certainty",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=True,
        ),
        sa.Column(
            "possible_severity",
            sa.Enum(
                "gering",
                "aanzienlijk",
                "ernstig",
                "direct_gevaar",
                name="severity",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=True,
        ),
        sa.Column(
            "public_sensitivity",
            sa.Enum(
                "laag",
                "midden",
                "hoog",
                name="public_sensitivity",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=True,
        ),
        sa.Column("status", sa.String(length=40), nullable=False),
        sa.Column("hook", sa.String(length=2000), nullable=True),
        sa.Column(
            "report_use",
            sa.Enum(
                "intern",
                "dialoogpunt",
                "kandidaat_bevinding",
                "feitelijke_bevinding",
                name="report_use",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "confidentiality",
            sa.Enum(
                "IGJ_INTERN",
                "TEAM",
                "BEPERKT",
                "MELDER_VERTROUWELIJK",
                name="confidentiality",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "shared_with_institution",
            sa.Enum(
                "nee",
                "mondeling",
                "schriftelijk",
                name="shared_with_institution",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("shared_on", sa.String(length=10), nullable=True),
        sa.Column("institution_response", sa.Text(), nullable=True),
        sa.Column("review_by", sa.String(length=10), nullable=True),
        sa.Column("retain_until", sa.String(length=10), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=24), nullable=False),
        sa.Column("updated_at", sa.String(length=24), nullable=False),
        sa.Column("deleted_at", sa.String(length=24), nullable=True),
        sa.CheckConstraint("length(observation) <= 100000", name=op.f("ck_signal_observation_len")),
        sa.CheckConstraint("length(trim(observation)) > 0", name=op.f("ck_signal_observation_required")),
        sa.CheckConstraint("strength IS NULL OR strength BETWEEN 1 AND 3", name=op.f("ck_signal_strength")),
        sa.ForeignKeyConstraint(
            ["conversation_id"],
            ["conversation.id"],
            name=op.f("fk_signal_conversation_id_conversation"),
        ),
        sa.ForeignKeyConstraint(
            ["inspection_id"], ["inspection.id"], name=op.f("fk_signal_inspection_id_inspection")
        ),
        sa.ForeignKeyConstraint(["network_id"], ["network.id"], name=op.f("fk_signal_network_id_network")),
        sa.ForeignKeyConstraint(
            ["note_paragraph_id"],
            ["note_paragraph.id"],
            name=op.f("fk_signal_note_paragraph_id_note_paragraph"),
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_signal_organisation_id_organisation"),
        ),
        sa.ForeignKeyConstraint(["unit_id"], ["unit.id"], name=op.f("fk_signal_unit_id_unit")),
        sa.ForeignKeyConstraint(["visit_id"], ["visit.id"], name=op.f("fk_signal_visit_id_visit")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_signal")),
    )
    with op.batch_alter_table("signal", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_signal_inspection_id"), ["inspection_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_signal_network_id"), ["network_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_signal_organisation_id"), ["organisation_id"], unique=False)

    op.create_table(
        "attachment",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("filename", sa.String(length=200), nullable=False),
        sa.Column("media_type", sa.String(length=200), nullable=False),
        sa.Column("size_bytes", sa.Integer(), nullable=False),
        sa.Column("visit_id", sa.String(length=36), nullable=True),
        sa.Column("note_paragraph_id", sa.String(length=36), nullable=True),
        sa.Column("signal_id", sa.String(length=36), nullable=True),
        sa.Column("caption", sa.String(length=2000), nullable=True),
        sa.Column("taken_at", sa.String(length=24), nullable=True),
        sa.Column(
            "confidentiality",
            sa.Enum(
                "IGJ_INTERN",
                "TEAM",
                "BEPERKT",
                "MELDER_VERTROUWELIJK",
                name="confidentiality",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=24), nullable=False),
        sa.Column("updated_at", sa.String(length=24), nullable=False),
        sa.Column("deleted_at", sa.String(length=24), nullable=True),
        sa.CheckConstraint("length(sha256) = 64", name=op.f("ck_attachment_sha256")),
        sa.CheckConstraint("size_bytes >= 0", name=op.f("ck_attachment_size")),
        sa.ForeignKeyConstraint(
            ["note_paragraph_id"],
            ["note_paragraph.id"],
            name=op.f("fk_attachment_note_paragraph_id_note_paragraph"),
        ),
        sa.ForeignKeyConstraint(["signal_id"], ["signal.id"], name=op.f("fk_attachment_signal_id_signal")),
        sa.ForeignKeyConstraint(["visit_id"], ["visit.id"], name=op.f("fk_attachment_visit_id_visit")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachment")),
    )
    with op.batch_alter_table("attachment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_attachment_sha256"), ["sha256"], unique=False)
        batch_op.create_index(batch_op.f("ix_attachment_visit_id"), ["visit_id"], unique=False)

    op.create_table(
        "concern_signal",
        sa.Column("concern_id", sa.String(length=36), nullable=False),
        sa.Column("signal_id", sa.String(length=36), nullable=False),
        sa.Column(
            "role",
            sa.Enum(
                "steunend",
                "tegensprekend",
                "context",
                name="concern_signal_role",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=24), nullable=False),
        sa.Column("updated_at", sa.String(length=24), nullable=False),
        sa.Column("deleted_at", sa.String(length=24), nullable=True),
        sa.ForeignKeyConstraint(
            ["concern_id"], ["concern.id"], name=op.f("fk_concern_signal_concern_id_concern")
        ),
        sa.ForeignKeyConstraint(
            ["signal_id"], ["signal.id"], name=op.f("fk_concern_signal_signal_id_signal")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_concern_signal")),
        sa.UniqueConstraint("concern_id", "signal_id", name=op.f("uq_concern_signal_concern_id")),
    )
    with op.batch_alter_table("concern_signal", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_concern_signal_concern_id"), ["concern_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_concern_signal_signal_id"), ["signal_id"], unique=False)

    op.create_table(
        "session_event",
        sa.Column("conversation_id", sa.String(length=36), nullable=False),
        sa.Column("event_code", sa.String(length=40), nullable=False),
        sa.Column("participant_id", sa.String(length=36), nullable=True),
        sa.Column("occurred_at", sa.String(length=24), nullable=False),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column("signal_id", sa.String(length=36), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=24), nullable=False),
        sa.Column("updated_at", sa.String(length=24), nullable=False),
        sa.Column("deleted_at", sa.String(length=24), nullable=True),
        sa.ForeignKeyConstraint(
            ["conversation_id"],
            ["conversation.id"],
            name=op.f("fk_session_event_conversation_id_conversation"),
        ),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["participant.id"],
            name=op.f("fk_session_event_participant_id_participant"),
        ),
        sa.ForeignKeyConstraint(["signal_id"], ["signal.id"], name=op.f("fk_session_event_signal_id_signal")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_session_event")),
    )
    with op.batch_alter_table("session_event", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_session_event_conversation_id"), ["conversation_id"], unique=False
        )

    op.create_table(
        "signal_category",
        sa.Column("signal_id", sa.String(length=36), nullable=False),
        sa.Column("category_code", sa.String(length=40), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=24), nullable=False),
        sa.Column("updated_at", sa.String(length=24), nullable=False),
        sa.Column("deleted_at", sa.String(length=24), nullable=True),
        sa.ForeignKeyConstraint(
            ["signal_id"], ["signal.id"], name=op.f("fk_signal_category_signal_id_signal")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_signal_category")),
        sa.UniqueConstraint("signal_id", "category_code", name=op.f("uq_signal_category_signal_id")),
    )
    with op.batch_alter_table("signal_category", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_signal_category_signal_id"), ["signal_id"], unique=False)

    op.create_table(
        "signal_interpretation",
        sa.Column("signal_id", sa.String(length=36), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("author", sa.String(length=200), nullable=True),
        sa.Column("written_at", sa.String(length=24), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=24), nullable=False),
        sa.Column("updated_at", sa.String(length=24), nullable=False),
        sa.Column("deleted_at", sa.String(length=24), nullable=True),
        sa.ForeignKeyConstraint(
            ["signal_id"], ["signal.id"], name=op.f("fk_signal_interpretation_signal_id_signal")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_signal_interpretation")),
    )
    with op.batch_alter_table("signal_interpretation", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_signal_interpretation_signal_id"), ["signal_id"], unique=False)

    op.create_table(
        "signal_link",
        sa.Column("from_signal_id", sa.String(length=36), nullable=False),
        sa.Column("to_signal_id", sa.String(length=36), nullable=False),
        sa.Column(
            "link_type",
            sa.Enum(
                "bevestigt",
                "weerspreekt",
                "hangt_samen_met",
                "is_haakje_voor",
                "maakt_hard",
                "dubbel_van",
                "incongruent_met",
                name="link_type",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("created_by", sa.String(length=200), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=24), nullable=False),
        sa.Column("updated_at", sa.String(length=24), nullable=False),
        sa.Column("deleted_at", sa.String(length=24), nullable=True),
        sa.CheckConstraint("from_signal_id <> to_signal_id", name=op.f("ck_signal_link_not_self")),
        sa.ForeignKeyConstraint(
            ["from_signal_id"], ["signal.id"], name=op.f("fk_signal_link_from_signal_id_signal")
        ),
        sa.ForeignKeyConstraint(
            ["to_signal_id"], ["signal.id"], name=op.f("fk_signal_link_to_signal_id_signal")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_signal_link")),
        sa.UniqueConstraint(
            "from_signal_id",
            "to_signal_id",
            "link_type",
            name=op.f("uq_signal_link_from_signal_id"),
        ),
    )
    with op.batch_alter_table("signal_link", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_signal_link_from_signal_id"), ["from_signal_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_signal_link_to_signal_id"), ["to_signal_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("signal_link", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_signal_link_to_signal_id"))
        batch_op.drop_index(batch_op.f("ix_signal_link_from_signal_id"))

    op.drop_table("signal_link")
    with op.batch_alter_table("signal_interpretation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_signal_interpretation_signal_id"))

    op.drop_table("signal_interpretation")
    with op.batch_alter_table("signal_category", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_signal_category_signal_id"))

    op.drop_table("signal_category")
    with op.batch_alter_table("session_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_session_event_conversation_id"))

    op.drop_table("session_event")
    with op.batch_alter_table("concern_signal", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_concern_signal_signal_id"))
        batch_op.drop_index(batch_op.f("ix_concern_signal_concern_id"))

    op.drop_table("concern_signal")
    with op.batch_alter_table("attachment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_attachment_visit_id"))
        batch_op.drop_index(batch_op.f("ix_attachment_sha256"))

    op.drop_table("attachment")
    with op.batch_alter_table("signal", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_signal_organisation_id"))
        batch_op.drop_index(batch_op.f("ix_signal_network_id"))
        batch_op.drop_index(batch_op.f("ix_signal_inspection_id"))

    op.drop_table("signal")
    with op.batch_alter_table("speaking_turn", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_speaking_turn_participant_id"))
        batch_op.drop_index(batch_op.f("ix_speaking_turn_conversation_id"))

    op.drop_table("speaking_turn")
    with op.batch_alter_table("observation_evidence", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_observation_evidence_score_id"))

    op.drop_table("observation_evidence")
    with op.batch_alter_table("note_paragraph", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_note_paragraph_conversation_id"))

    op.drop_table("note_paragraph")
    with op.batch_alter_table("participant", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_participant_conversation_id"))

    op.drop_table("participant")
    with op.batch_alter_table("observation_score", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_observation_score_conversation_id"))

    op.drop_table("observation_score")
    with op.batch_alter_table("finding_evidence", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_finding_evidence_finding_id"))

    op.drop_table("finding_evidence")
    with op.batch_alter_table("conversation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_conversation_visit_id"))

    op.drop_table("conversation")
    with op.batch_alter_table("visit", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_visit_inspection_id"))

    op.drop_table("visit")
    with op.batch_alter_table("reflection", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_reflection_inspection_id"))

    op.drop_table("reflection")
    with op.batch_alter_table("invitation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_invitation_inspection_id"))

    op.drop_table("invitation")
    with op.batch_alter_table("intervention", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_intervention_organisation_id"))
        batch_op.drop_index(batch_op.f("ix_intervention_inspection_id"))

    op.drop_table("intervention")
    with op.batch_alter_table("inspection_subject", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_inspection_subject_organisation_id"))
        batch_op.drop_index(batch_op.f("ix_inspection_subject_network_id"))
        batch_op.drop_index(batch_op.f("ix_inspection_subject_inspection_id"))

    op.drop_table("inspection_subject")
    with op.batch_alter_table("inspection_member", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_inspection_member_inspection_id"))

    op.drop_table("inspection_member")
    with op.batch_alter_table("finding", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_finding_inspection_id"))

    op.drop_table("finding")
    with op.batch_alter_table("concern", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_concern_organisation_id"))
        batch_op.drop_index(batch_op.f("ix_concern_network_id"))

    op.drop_table("concern")
    with op.batch_alter_table("unit", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_unit_organisation_id"))

    op.drop_table("unit")
    op.drop_table("taxonomy_item")
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_organisation_id"))

    op.drop_table("person")
    with op.batch_alter_table("network_membership", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_network_membership_organisation_id"))
        batch_op.drop_index(batch_op.f("ix_network_membership_network_id"))

    op.drop_table("network_membership")
    with op.batch_alter_table("network_body", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_network_body_network_id"))

    op.drop_table("network_body")
    with op.batch_alter_table("life_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_life_event_organisation_id"))
        batch_op.drop_index(batch_op.f("ix_life_event_network_id"))

    op.drop_table("life_event")
    op.drop_table("inspection")
    op.drop_table("store_meta")
    op.drop_table("search_ref")
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_outbox_entity_id"))

    op.drop_table("outbox")
    op.drop_table("organisation")
    op.drop_table("network")
    op.drop_table("framework_version")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_log_entity_id"))

    op.drop_table("audit_log")
