"""What an inspection produces: findings with evidence, interventions, reflections."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Boolean, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from inspectorapp.domain import limits
from inspectorapp.domain.enums import (
    AddressedTo,
    EvidenceKind,
    InterventionStatus,
    Movement,
    PlanAssessment,
    ReflectionMoment,
    TrafficLight,
)
from inspectorapp.domain.report import ReportType

from .base import Base, Synced, code_column, enum_column


class Finding(Synced, Base):
    """Bevinding per theme: wat zien we / wat vinden we ervan / hoe nu verder."""

    __tablename__ = "finding"

    inspection_id: Mapped[str] = mapped_column(ForeignKey("inspection.id"), index=True)
    theme_code: Mapped[str] = code_column("meso_theme")
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
    # Set only by the explicit conversion of a soft signal: the one way such a signal
    # may reach a report (DOMAIN.md: soft stays internal).
    converted_signal_id: Mapped[str | None] = mapped_column(ForeignKey("signal.id"))


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
    action_type: Mapped[str] = code_column("action_type")
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
    finding_id: Mapped[str | None] = mapped_column(ForeignKey("finding.id"))  # what it follows up
    visit_id: Mapped[str | None] = mapped_column(ForeignKey("visit.id"))  # a repeat visit
    assessment: Mapped[PlanAssessment | None] = mapped_column(
        enum_column(PlanAssessment, "plan_assessment")
    )  # for a demanded plan of action


class Reflection(Synced, Base):
    __tablename__ = "reflection"

    inspection_id: Mapped[str] = mapped_column(ForeignKey("inspection.id"), index=True)
    moment: Mapped[ReflectionMoment] = mapped_column(enum_column(ReflectionMoment, "reflection_moment"))
    author: Mapped[str | None] = mapped_column(String(limits.NAME))
    text: Mapped[str] = mapped_column(Text)
    written_at: Mapped[datetime]


class ReportDraft(Synced, Base):
    """The inspector's texts and choices for one report of an inspection.

    Findings and evidence live in their own tables; the draft holds what only the report
    has (summary, role statement, recommendations ...) and its date, which is chosen,
    not taken from the clock, so regenerating gives the same document.
    """

    __tablename__ = "report_draft"
    __table_args__ = (UniqueConstraint("inspection_id", "report_type"),)

    inspection_id: Mapped[str] = mapped_column(ForeignKey("inspection.id"), index=True)
    report_type: Mapped[ReportType] = mapped_column(enum_column(ReportType, "report_type"))
    report_date: Mapped[date]
    language: Mapped[str] = mapped_column(String(2), default="nl")
    addressees: Mapped[str] = mapped_column(Text, default="")  # one per line
    summary: Mapped[str] = mapped_column(Text, default="")
    role_statement: Mapped[str] = mapped_column(Text, default="")
    context: Mapped[str] = mapped_column(Text, default="")
    recommendations: Mapped[str] = mapped_column(Text, default="")  # one per line
    appreciation: Mapped[str] = mapped_column(Text, default="")
    method: Mapped[str] = mapped_column(Text, default="")
    sections: Mapped[list[str]] = mapped_column(JSON, default=list)
    placeholders: Mapped[bool] = mapped_column(Boolean, default=True)  # organisation names in quotes
