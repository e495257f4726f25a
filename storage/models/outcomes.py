"""What an inspection produces: findings with evidence, interventions, reflections."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from inspectorapp.domain import limits
from inspectorapp.domain.enums import (
    AddressedTo,
    EvidenceKind,
    InterventionStatus,
    Movement,
    ReflectionMoment,
    TrafficLight,
)

from .base import Base, Synced, enum_column


class Finding(Synced, Base):
    """Bevinding per theme: wat zien we / wat vinden we ervan / hoe nu verder."""

    __tablename__ = "finding"

    inspection_id: Mapped[str] = mapped_column(ForeignKey("inspection.id"), index=True)
    theme_code: Mapped[str] = mapped_column(String(limits.CODE))  # taxonomy meso_theme
    what_we_see: Mapped[str] = mapped_column(Text, default="")
    what_we_think: Mapped[str] = mapped_column(Text, default="")
    what_next: Mapped[str] = mapped_column(Text, default="")
    movement: Mapped[Movement] = mapped_column(
        enum_column(Movement, "movement"), default=Movement.NOT_ASSESSED
    )
    traffic_light: Mapped[TrafficLight | None] = mapped_column(enum_column(TrafficLight, "traffic_light"))
    addressed_to: Mapped[AddressedTo] = mapped_column(
        enum_column(AddressedTo, "addressed_to"), default=AddressedTo.NETWORK
    )
    organisation_id: Mapped[str | None] = mapped_column(ForeignKey("organisation.id"))
    context_factors: Mapped[str | None] = mapped_column(Text)
    national_points: Mapped[str | None] = mapped_column(Text)


class FindingEvidence(Synced, Base):
    __tablename__ = "finding_evidence"
    __table_args__ = (UniqueConstraint("finding_id", "evidence_kind", "evidence_id"),)

    finding_id: Mapped[str] = mapped_column(ForeignKey("finding.id"), index=True)
    evidence_kind: Mapped[EvidenceKind] = mapped_column(enum_column(EvidenceKind, "evidence_kind"))
    evidence_id: Mapped[str] = mapped_column(String(36))


class Intervention(Synced, Base):
    """A step on the escalation ladder, or a sense-giving action."""

    __tablename__ = "intervention"

    inspection_id: Mapped[str | None] = mapped_column(ForeignKey("inspection.id"), index=True)
    organisation_id: Mapped[str | None] = mapped_column(ForeignKey("organisation.id"), index=True)
    network_id: Mapped[str | None] = mapped_column(ForeignKey("network.id"))
    action_type: Mapped[str] = mapped_column(String(limits.CODE))  # taxonomy action_type
    intended_message: Mapped[str | None] = mapped_column(Text)
    rationale: Mapped[str | None] = mapped_column(Text)
    owner: Mapped[str | None] = mapped_column(String(limits.NAME))
    planned_on: Mapped[date | None] = mapped_column(default=None)
    done_on: Mapped[date | None] = mapped_column(default=None)
    status: Mapped[InterventionStatus] = mapped_column(
        enum_column(InterventionStatus, "intervention_status"), default=InterventionStatus.PLANNED
    )
    outcome: Mapped[str | None] = mapped_column(Text)
    institution_response: Mapped[str | None] = mapped_column(Text)


class Reflection(Synced, Base):
    __tablename__ = "reflection"

    inspection_id: Mapped[str] = mapped_column(ForeignKey("inspection.id"), index=True)
    moment: Mapped[ReflectionMoment] = mapped_column(enum_column(ReflectionMoment, "reflection_moment"))
    author: Mapped[str | None] = mapped_column(String(limits.NAME))
    text: Mapped[str] = mapped_column(Text)
    written_at: Mapped[datetime]
