"""Inspections (toezichttrajecten), their subjects, team, invitations, visits,
conversations and participants."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from inspectorapp.domain import limits
from inspectorapp.domain.enums import (
    InspectionStatus,
    InspectionType,
    InspectorateRole,
    InvitationStatus,
    JudgementMode,
    Presence,
    SubjectKind,
    SupervisionLevel,
    TeamRole,
)

from .base import Base, Synced, code_column, codes_column, enum_column, length_check


class Inspection(Synced, Base):
    __tablename__ = "inspection"
    __table_args__ = (
        length_check("title", limits.NAME),
        length_check("purpose", limits.LONG_TEXT),
        CheckConstraint("ended_on IS NULL OR ended_on >= started_on", name="period"),
    )

    title: Mapped[str] = mapped_column(String(limits.NAME))
    inspection_type: Mapped[InspectionType] = mapped_column(enum_column(InspectionType, "inspection_type"))
    purpose: Mapped[str] = mapped_column(Text, default="")
    declared_role: Mapped[InspectorateRole] = mapped_column(enum_column(InspectorateRole, "declared_role"))
    level: Mapped[SupervisionLevel] = mapped_column(
        enum_column(SupervisionLevel, "supervision_level"), default=SupervisionLevel.MESO
    )
    framework_version_id: Mapped[str] = mapped_column(ForeignKey("framework_version.id"))
    status: Mapped[InspectionStatus] = mapped_column(
        enum_column(InspectionStatus, "inspection_status"), default=InspectionStatus.PREPARATION
    )
    confidentiality_agreement: Mapped[str | None] = mapped_column(Text)
    theme_codes: Mapped[list[str]] = codes_column("meso_theme")
    open_questions: Mapped[str | None] = mapped_column(Text)
    started_on: Mapped[date | None] = mapped_column(default=None)
    ended_on: Mapped[date | None] = mapped_column(default=None)
    judgement_mode: Mapped[JudgementMode] = mapped_column(
        enum_column(JudgementMode, "judgement_mode"), default=JudgementMode.FORMATIVE
    )


class InspectionSubject(Synced, Base):
    """What is supervised: an organisation, a network, or the providers around one client."""

    __tablename__ = "inspection_subject"
    __table_args__ = (
        CheckConstraint(
            "(subject_kind = 'organisatie' AND organisation_id IS NOT NULL)"
            " OR (subject_kind = 'netwerk' AND network_id IS NOT NULL)"
            " OR (subject_kind = 'clientnetwerk' AND description IS NOT NULL)",
            name="subject_target",
        ),
    )

    inspection_id: Mapped[str] = mapped_column(ForeignKey("inspection.id"), index=True)
    subject_kind: Mapped[SubjectKind] = mapped_column(enum_column(SubjectKind, "subject_kind"))
    organisation_id: Mapped[str | None] = mapped_column(ForeignKey("organisation.id"), index=True)
    network_id: Mapped[str | None] = mapped_column(ForeignKey("network.id"), index=True)
    description: Mapped[str | None] = mapped_column(Text)


class InspectionMember(Synced, Base):
    """A member of the inspection team."""

    __tablename__ = "inspection_member"

    inspection_id: Mapped[str] = mapped_column(ForeignKey("inspection.id"), index=True)
    display_name: Mapped[str] = mapped_column(String(limits.NAME))
    team_role: Mapped[TeamRole] = mapped_column(enum_column(TeamRole, "team_role"))
    user_ref: Mapped[str | None] = mapped_column(String(limits.NAME))


class Invitation(Synced, Base):
    """Who is invited to talk, and why: deliberate non-invitations included."""

    __tablename__ = "invitation"

    inspection_id: Mapped[str] = mapped_column(ForeignKey("inspection.id"), index=True)
    organisation_id: Mapped[str | None] = mapped_column(ForeignKey("organisation.id"))
    role_code: Mapped[str | None] = code_column("person_role")
    reason: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[InvitationStatus] = mapped_column(
        enum_column(InvitationStatus, "invitation_status"), default=InvitationStatus.PLANNED
    )


class Visit(Synced, Base):
    __tablename__ = "visit"
    __table_args__ = (length_check("location", limits.NAME),)

    inspection_id: Mapped[str] = mapped_column(ForeignKey("inspection.id"), index=True)
    visit_date: Mapped[date]
    location: Mapped[str] = mapped_column(String(limits.NAME), default="")
    announced: Mapped[bool] = mapped_column(Boolean, default=True)
    description: Mapped[str | None] = mapped_column(Text)


class Conversation(Synced, Base):
    """An interview, group conversation, focus group, network meeting, walk-round ..."""

    __tablename__ = "conversation"
    __table_args__ = (
        length_check("title", limits.NAME),
        CheckConstraint("ends_at IS NULL OR ends_at >= starts_at", name="period"),
    )

    visit_id: Mapped[str] = mapped_column(ForeignKey("visit.id"), index=True)
    conversation_type: Mapped[str] = code_column("conversation_type")
    title: Mapped[str] = mapped_column(String(limits.NAME))
    starts_at: Mapped[datetime | None] = mapped_column(default=None)
    ends_at: Mapped[datetime | None] = mapped_column(default=None)
    network_body_id: Mapped[str | None] = mapped_column(ForeignKey("network_body.id"))
    confidentiality_agreement: Mapped[str | None] = mapped_column(Text)


class Participant(Synced, Base):
    """Who took part (or was expected and absent), by role, with their mandate."""

    __tablename__ = "participant"

    conversation_id: Mapped[str] = mapped_column(ForeignKey("conversation.id"), index=True)
    role_code: Mapped[str] = code_column("person_role")
    organisation_id: Mapped[str | None] = mapped_column(ForeignKey("organisation.id"))
    person_id: Mapped[str | None] = mapped_column(ForeignKey("person.id"))
    label: Mapped[str | None] = mapped_column(String(limits.NAME))  # tile caption
    presence: Mapped[Presence] = mapped_column(enum_column(Presence, "presence"), default=Presence.PRESENT)
    has_mandate: Mapped[bool | None] = mapped_column(Boolean, default=None)
    mandate_note: Mapped[str | None] = mapped_column(String(limits.SHORT_TEXT))
    position: Mapped[int] = mapped_column(Integer, default=0)
