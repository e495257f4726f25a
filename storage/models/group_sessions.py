"""Live group-session observation: speaking turns, timestamped events, and the
coded synthesis on the observation scheme with its evidence."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from inspectorapp.domain import limits
from inspectorapp.domain.enums import Confidentiality, EvidenceKind

from .base import Base, Synced, code_column, enum_column


class SpeakingTurn(Synced, Base):
    """One tap on an attendee tile. Rows, not a counter: two laptops never fight over a count."""

    __tablename__ = "speaking_turn"

    conversation_id: Mapped[str] = mapped_column(ForeignKey("conversation.id"), index=True)
    participant_id: Mapped[str] = mapped_column(ForeignKey("participant.id"), index=True)
    occurred_at: Mapped[datetime]


class SessionEvent(Synced, Base):
    """A quick-tap event (EV-BES, EV-CON, ... from the framework's session_event taxonomy)."""

    __tablename__ = "session_event"

    conversation_id: Mapped[str] = mapped_column(ForeignKey("conversation.id"), index=True)
    event_code: Mapped[str] = code_column("session_event")
    participant_id: Mapped[str | None] = mapped_column(ForeignKey("participant.id"))
    occurred_at: Mapped[datetime]
    text: Mapped[str | None] = mapped_column(Text)
    signal_id: Mapped[str | None] = mapped_column(ForeignKey("signal.id"))
    # The inspector's impression: internal until explicitly released for reports (decision 0009).
    confidentiality: Mapped[Confidentiality] = mapped_column(
        enum_column(Confidentiality, "confidentiality"), default=Confidentiality.TEAM
    )
    for_report: Mapped[bool] = mapped_column(Boolean, default=False)


class ObservationScore(Synced, Base):
    """A score on one item of the observation scheme (or a dilemma position).

    ``value`` is on the item's scale: AANW 0..2, BIPOOL -2..+2, TELLING a count;
    ENUM answers go in ``value_code``; free text in ``comment``.
    """

    __tablename__ = "observation_score"
    __table_args__ = (
        UniqueConstraint("conversation_id", "item_code"),
        CheckConstraint("value IS NULL OR value BETWEEN -2 AND 100000", name="value"),
    )

    conversation_id: Mapped[str] = mapped_column(ForeignKey("conversation.id"), index=True)
    item_code: Mapped[str] = code_column("observation_item dilemma")
    value: Mapped[int | None] = mapped_column(Integer)
    value_code: Mapped[str | None] = mapped_column(String(limits.CODE))
    not_applicable: Mapped[bool] = mapped_column(Boolean, default=False)
    discussed: Mapped[bool | None] = mapped_column(Boolean, default=None)
    deliberate_choice: Mapped[bool | None] = mapped_column(Boolean, default=None)
    comment: Mapped[str | None] = mapped_column(Text)
    # As for session events: a score and its comment reach a report only once released.
    confidentiality: Mapped[Confidentiality] = mapped_column(
        enum_column(Confidentiality, "confidentiality"), default=Confidentiality.TEAM
    )
    for_report: Mapped[bool] = mapped_column(Boolean, default=False)


class ObservationEvidence(Synced, Base):
    """Evidence behind a non-neutral score: a note, an event or a quote from the session."""

    __tablename__ = "observation_evidence"
    __table_args__ = (UniqueConstraint("score_id", "evidence_kind", "evidence_id"),)

    score_id: Mapped[str] = mapped_column(ForeignKey("observation_score.id"), index=True)
    evidence_kind: Mapped[EvidenceKind] = mapped_column(enum_column(EvidenceKind, "evidence_kind"))
    evidence_id: Mapped[str] = mapped_column(String(36))
