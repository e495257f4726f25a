"""Everything an inspection's findings can rest on, with the report rule for each item.

One read gathers the inspection's notes, signals, session events, observation scores
and attachments; the findings screen offers them in its evidence picker and the
report content builder resolves a finding's evidence rows against the same map.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from inspectorapp.domain.enums import EvidenceKind
from inspectorapp.domain.findings_views import EvidenceItem
from inspectorapp.domain.report_rules import (
    attachment_exclusion,
    note_exclusion,
    observation_exclusion,
    signal_exclusion,
)
from storage.models import (
    Attachment,
    Conversation,
    Finding,
    NoteParagraph,
    ObservationScore,
    Organisation,
    SessionEvent,
    Signal,
    Visit,
)

EvidenceKey = tuple[str, str]  # (EvidenceKind value, id)


def converted_signal_ids(session: Session) -> set[str]:
    return {
        sid
        for sid in session.scalars(
            select(Finding.converted_signal_id).where(
                Finding.converted_signal_id.is_not(None), Finding.deleted_at.is_(None)
            )
        )
        if sid
    }


def inspection_evidence(
    session: Session, inspection_id: str, extra_signals: Iterable[str] = ()
) -> dict[EvidenceKey, EvidenceItem]:
    """Live evidence of the inspection, keyed by (kind, id), in a stable order.

    ``extra_signals``: signals from elsewhere (an earlier inspection, the organisation's
    history) already used as evidence, so they resolve too.
    """
    visits = {
        v.id: v
        for v in session.scalars(
            select(Visit).where(Visit.inspection_id == inspection_id, Visit.deleted_at.is_(None))
        )
    }
    convs = {
        c.id: c
        for c in session.scalars(
            select(Conversation)
            .where(Conversation.visit_id.in_(visits), Conversation.deleted_at.is_(None))
            .order_by(Conversation.starts_at, Conversation.created_at)
        )
    }

    def conv_label(conv_id: str) -> tuple[str, date]:
        c = convs[conv_id]
        return c.title, visits[c.visit_id].visit_date

    out: dict[EvidenceKey, EvidenceItem] = {}
    notes = session.scalars(
        select(NoteParagraph)
        .where(
            NoteParagraph.conversation_id.in_(convs),
            NoteParagraph.deleted_at.is_(None),
            NoteParagraph.text != "",
        )
        .order_by(NoteParagraph.occurred_at, NoteParagraph.position)
    )
    note_ids = []
    for n in notes:
        title, on = conv_label(n.conversation_id)
        note_ids.append(n.id)
        out[(EvidenceKind.NOTE.value, n.id)] = EvidenceItem(
            EvidenceKind.NOTE.value,
            n.id,
            n.kind.value,
            title,
            on,
            n.text,
            n.speaker_role,
            note_exclusion(n.for_report, n.confidentiality),
        )
    converted = converted_signal_ids(session)
    signals = session.execute(
        select(Signal, Organisation.name)
        .join(Organisation, Organisation.id == Signal.organisation_id)
        .where(
            Signal.deleted_at.is_(None),
            or_(
                Signal.inspection_id == inspection_id,
                Signal.visit_id.in_(visits),
                Signal.conversation_id.in_(convs),
                Signal.id.in_(list(extra_signals)),
            ),
        )
        .order_by(Signal.observed_at, Signal.id)
    )
    signal_ids = []
    for s, org_name in signals:
        signal_ids.append(s.id)
        text = s.observation + (f"\n“{s.quote}”" if s.quote else "")
        out[(EvidenceKind.SIGNAL.value, s.id)] = EvidenceItem(
            EvidenceKind.SIGNAL.value,
            s.id,
            s.kind.value,
            org_name,
            s.observed_at.date(),
            text,
            s.quote_speaker_role if s.quote else None,
            signal_exclusion(s.kind, s.confidentiality, s.id in converted),
            converted=s.id in converted,
        )
    for e in session.scalars(
        select(SessionEvent)
        .where(SessionEvent.conversation_id.in_(convs), SessionEvent.deleted_at.is_(None))
        .order_by(SessionEvent.occurred_at)
    ):
        title, on = conv_label(e.conversation_id)
        out[(EvidenceKind.SESSION_EVENT.value, e.id)] = EvidenceItem(
            EvidenceKind.SESSION_EVENT.value,
            e.id,
            e.event_code,
            title,
            on,
            e.text or "",
            None,
            observation_exclusion(e.confidentiality, e.for_report),
        )
    for o in session.scalars(
        select(ObservationScore)
        .where(ObservationScore.conversation_id.in_(convs), ObservationScore.deleted_at.is_(None))
        .order_by(ObservationScore.item_code)
    ):
        if o.value is None and not o.comment and o.value_code is None:
            continue
        title, on = conv_label(o.conversation_id)
        out[(EvidenceKind.OBSERVATION.value, o.id)] = EvidenceItem(
            EvidenceKind.OBSERVATION.value,
            o.id,
            o.item_code,
            title,
            on,
            o.comment or "",
            None,
            observation_exclusion(o.confidentiality, o.for_report),
        )
    for a in session.scalars(
        select(Attachment)
        .where(
            Attachment.deleted_at.is_(None),
            or_(
                Attachment.visit_id.in_(visits),
                Attachment.signal_id.in_(signal_ids),
                Attachment.note_paragraph_id.in_(note_ids),
            ),
        )
        .order_by(Attachment.created_at)
    ):
        taken: date | None = a.taken_at.date() if a.taken_at else None
        if taken is None and a.visit_id in visits:
            taken = visits[a.visit_id].visit_date
        out[(EvidenceKind.ATTACHMENT.value, a.id)] = EvidenceItem(
            EvidenceKind.ATTACHMENT.value,
            a.id,
            a.media_type,
            a.filename,
            taken,
            a.caption or "",
            None,
            attachment_exclusion(a.confidentiality),
        )
    return out
