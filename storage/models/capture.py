"""What is captured on site: note paragraphs, signals and their links, concerns,
attachments (metadata; the encrypted bytes live beside the store)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from inspectorapp.domain import limits
from inspectorapp.domain.enums import (
    Certainty,
    ConcernSignalRole,
    Confidentiality,
    NoteKind,
    PartialInterest,
    PublicSensitivity,
    ReportUse,
    Severity,
    SharedWithInstitution,
    SignalKind,
    SignalLinkType,
    SourceType,
    Valence,
)

from .base import Base, Synced, code_column, codes_column, enum_column, length_check


class NoteParagraph(Synced, Base):
    """One timestamped paragraph of the notes of a conversation."""

    __tablename__ = "note_paragraph"
    __table_args__ = (length_check("text", limits.PARAGRAPH),)

    conversation_id: Mapped[str] = mapped_column(ForeignKey("conversation.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)  # order within the conversation, with gaps
    occurred_at: Mapped[datetime]
    kind: Mapped[NoteKind] = mapped_column(enum_column(NoteKind, "note_kind"))
    speaker_role: Mapped[str | None] = code_column("person_role")
    speaker_participant_id: Mapped[str | None] = mapped_column(ForeignKey("participant.id"))
    text: Mapped[str] = mapped_column(Text, default="")
    theme_codes: Mapped[list[str]] = codes_column("meso_theme")
    confidentiality: Mapped[Confidentiality] = mapped_column(
        enum_column(Confidentiality, "confidentiality"), default=Confidentiality.TEAM
    )
    about_absent_party: Mapped[bool] = mapped_column(Boolean, default=False)
    partial_interest: Mapped[PartialInterest] = mapped_column(
        enum_column(PartialInterest, "partial_interest"), default=PartialInterest.NONE
    )
    followed_up: Mapped[bool] = mapped_column(Boolean, default=False)
    for_report: Mapped[bool] = mapped_column(Boolean, default=False)


_COUNTED = ("kind", "valence", "deleted_at", "review_by", "status")


class Signal(Synced, Base):
    """A hard or soft signal. Only organisation, kind, valence and observation are required."""

    __tablename__ = "signal"
    __table_args__ = (
        length_check("observation", limits.PARAGRAPH),
        CheckConstraint("strength IS NULL OR strength BETWEEN 1 AND 3", name="strength"),
        CheckConstraint("length(trim(observation)) > 0", name="observation_required"),
        # covering indexes for the organisations list's counts (migration 0012)
        Index("ix_signal_directory", "organisation_id", *_COUNTED),
        Index("ix_signal_network_directory", "network_id", "organisation_id", *_COUNTED),
    )

    organisation_id: Mapped[str] = mapped_column(ForeignKey("organisation.id"), index=True)
    unit_id: Mapped[str | None] = mapped_column(ForeignKey("unit.id"))
    network_id: Mapped[str | None] = mapped_column(ForeignKey("network.id"), index=True)
    inspection_id: Mapped[str | None] = mapped_column(ForeignKey("inspection.id"), index=True)
    visit_id: Mapped[str | None] = mapped_column(ForeignKey("visit.id"), index=True)
    conversation_id: Mapped[str | None] = mapped_column(ForeignKey("conversation.id"), index=True)
    note_paragraph_id: Mapped[str | None] = mapped_column(ForeignKey("note_paragraph.id"))
    kind: Mapped[SignalKind] = mapped_column(enum_column(SignalKind, "signal_kind"))
    valence: Mapped[Valence] = mapped_column(enum_column(Valence, "valence"))
    entrance: Mapped[str | None] = code_column("entrance")
    channel: Mapped[str | None] = code_column("channel")
    source_type: Mapped[SourceType | None] = mapped_column(enum_column(SourceType, "source_type"))
    source_key: Mapped[str | None] = mapped_column(String(limits.NAME))
    observed_at: Mapped[datetime]
    recorded_at: Mapped[datetime]
    observed_by: Mapped[str | None] = mapped_column(String(limits.NAME))
    observation: Mapped[str] = mapped_column(Text)
    quote: Mapped[str | None] = mapped_column(Text)
    quote_speaker_role: Mapped[str | None] = code_column("person_role")
    interpretation: Mapped[str | None] = mapped_column(Text)  # current; history below
    alternative_explanation: Mapped[str | None] = mapped_column(Text)
    strength: Mapped[int | None] = mapped_column(Integer)
    certainty: Mapped[Certainty | None] = mapped_column(enum_column(Certainty, "certainty"))
    possible_severity: Mapped[Severity | None] = mapped_column(enum_column(Severity, "severity"))
    public_sensitivity: Mapped[PublicSensitivity | None] = mapped_column(
        enum_column(PublicSensitivity, "public_sensitivity")
    )
    status: Mapped[str] = code_column("signal_status", default="NIEUW")
    hook: Mapped[str | None] = mapped_column(String(limits.SHORT_TEXT))
    report_use: Mapped[ReportUse] = mapped_column(
        enum_column(ReportUse, "report_use"), default=ReportUse.INTERNAL
    )
    confidentiality: Mapped[Confidentiality] = mapped_column(
        enum_column(Confidentiality, "confidentiality"), default=Confidentiality.TEAM
    )
    shared_with_institution: Mapped[SharedWithInstitution] = mapped_column(
        enum_column(SharedWithInstitution, "shared_with_institution"),
        default=SharedWithInstitution.NO,
    )
    shared_on: Mapped[date | None] = mapped_column(default=None)
    institution_response: Mapped[str | None] = mapped_column(Text)
    review_by: Mapped[date | None] = mapped_column(default=None, index=True)  # "Te herbeoordelen"
    retain_until: Mapped[date | None] = mapped_column(default=None)


class SignalCategory(Synced, Base):
    __tablename__ = "signal_category"
    __table_args__ = (UniqueConstraint("signal_id", "category_code"),)

    signal_id: Mapped[str] = mapped_column(ForeignKey("signal.id"), index=True)
    category_code: Mapped[str] = code_column("signal_category")


class SignalInterpretation(Synced, Base):
    """Interpretation history: every version of a signal's duiding, append-only."""

    __tablename__ = "signal_interpretation"

    signal_id: Mapped[str] = mapped_column(ForeignKey("signal.id"), index=True)
    text: Mapped[str] = mapped_column(Text)
    author: Mapped[str | None] = mapped_column(String(limits.NAME))
    written_at: Mapped[datetime]


class SignalLink(Synced, Base):
    __tablename__ = "signal_link"
    __table_args__ = (
        CheckConstraint("from_signal_id <> to_signal_id", name="not_self"),
        UniqueConstraint("from_signal_id", "to_signal_id", "link_type"),
    )

    from_signal_id: Mapped[str] = mapped_column(ForeignKey("signal.id"), index=True)
    to_signal_id: Mapped[str] = mapped_column(ForeignKey("signal.id"), index=True)
    link_type: Mapped[SignalLinkType] = mapped_column(enum_column(SignalLinkType, "link_type"))
    note: Mapped[str | None] = mapped_column(Text)
    created_by: Mapped[str | None] = mapped_column(String(limits.NAME))


class Concern(Synced, Base):
    """Aandachtspunt: a working hypothesis with supporting and contradicting signals."""

    __tablename__ = "concern"
    __table_args__ = (length_check("title", limits.NAME),)

    organisation_id: Mapped[str | None] = mapped_column(ForeignKey("organisation.id"), index=True)
    network_id: Mapped[str | None] = mapped_column(ForeignKey("network.id"), index=True)
    unit_id: Mapped[str | None] = mapped_column(ForeignKey("unit.id"))
    title: Mapped[str] = mapped_column(String(limits.NAME))
    hypothesis: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = code_column("concern_status", default="VERMOEDEN")
    owner: Mapped[str | None] = mapped_column(String(limits.NAME))
    opened_on: Mapped[date]
    closed_on: Mapped[date | None] = mapped_column(default=None)
    closing_rationale: Mapped[str | None] = mapped_column(Text)
    next_review_on: Mapped[date | None] = mapped_column(default=None)
    alternatives: Mapped[str | None] = mapped_column(Text)
    open_questions: Mapped[str | None] = mapped_column(Text)
    next_step: Mapped[str | None] = mapped_column(Text)
    next_step_owner: Mapped[str | None] = mapped_column(String(limits.NAME))
    next_step_due: Mapped[date | None] = mapped_column(default=None)


class ConcernSignal(Synced, Base):
    __tablename__ = "concern_signal"
    __table_args__ = (UniqueConstraint("concern_id", "signal_id"),)

    concern_id: Mapped[str] = mapped_column(ForeignKey("concern.id"), index=True)
    signal_id: Mapped[str] = mapped_column(ForeignKey("signal.id"), index=True)
    role: Mapped[ConcernSignalRole] = mapped_column(enum_column(ConcernSignalRole, "concern_signal_role"))


class Attachment(Synced, Base):
    """A photo or document. The bytes are encrypted on disk, named by their SHA-256."""

    __tablename__ = "attachment"
    __table_args__ = (
        CheckConstraint("size_bytes >= 0", name="size"),
        CheckConstraint("length(sha256) = 64", name="sha256"),
    )

    sha256: Mapped[str] = mapped_column(String(64), index=True)
    filename: Mapped[str] = mapped_column(String(limits.NAME))
    media_type: Mapped[str] = mapped_column(String(limits.NAME))
    size_bytes: Mapped[int] = mapped_column(Integer)
    visit_id: Mapped[str | None] = mapped_column(ForeignKey("visit.id"), index=True)
    note_paragraph_id: Mapped[str | None] = mapped_column(ForeignKey("note_paragraph.id"))
    signal_id: Mapped[str | None] = mapped_column(ForeignKey("signal.id"))
    caption: Mapped[str | None] = mapped_column(String(limits.SHORT_TEXT))
    taken_at: Mapped[datetime | None] = mapped_column(default=None)
    confidentiality: Mapped[Confidentiality] = mapped_column(
        enum_column(Confidentiality, "confidentiality"), default=Confidentiality.TEAM
    )
