"""Who takes part in a conversation: role first, organisation, presence and mandate.

Below them, the look-ups and row helpers the group-session services share: the
conversation with its visit and inspection (whose framework version decides which codes
are valid), items and labels of a taxonomy of that version, live rows and turn counts
of a conversation, the check that a referenced row belongs to the conversation, and the
scores with their evidence.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from inspectorapp.clock import utc_now
from inspectorapp.domain import limits
from inspectorapp.domain.changes import ChangeSet
from inspectorapp.domain.drafts import ParticipantChanges, require
from inspectorapp.domain.enums import EvidenceKind, Presence
from inspectorapp.domain.participation import scale_of
from inspectorapp.domain.snapshots import (
    ActionContext,
    EventType,
    EvidenceRef,
    Label,
    OpResult,
    ParticipantSnapshot,
    ScoreSnapshot,
)
from inspectorapp.domain.validation import Checker
from inspectorapp.errors import NotFoundError
from storage.models import (
    Conversation,
    Inspection,
    InspectionSubject,
    NoteParagraph,
    ObservationEvidence,
    ObservationScore,
    Organisation,
    Participant,
    SessionEvent,
    Signal,
    SpeakingTurn,
    TaxonomyItem,
    Visit,
)

from . import audit
from .natural_ids import natural_id
from .refs import existing

SCHEME = ("observation_item", "dilemma")
EVIDENCE: dict[EvidenceKind, Any] = {
    EvidenceKind.NOTE: NoteParagraph,
    EvidenceKind.SESSION_EVENT: SessionEvent,
    EvidenceKind.SIGNAL: Signal,
}


@dataclass(frozen=True)
class SessionScope:
    """A live conversation with its visit and inspection."""

    conversation: Conversation
    visit: Visit
    inspection: Inspection

    @property
    def framework_version_id(self) -> str:
        return self.inspection.framework_version_id


def find_scope(session: Session, conversation_id: Any) -> SessionScope | None:
    if not isinstance(conversation_id, str):
        return None
    row = session.execute(
        select(Conversation, Visit, Inspection)
        .join(Visit, Conversation.visit_id == Visit.id)
        .join(Inspection, Visit.inspection_id == Inspection.id)
        .where(Conversation.id == conversation_id, Conversation.deleted_at.is_(None))
    ).first()
    return None if row is None else SessionScope(*row)


def check_scope(session: Session, c: Checker, conversation_id: Any) -> SessionScope | None:
    """The scope, or an issue on ``conversation_id``."""
    if c.ref("conversation_id", conversation_id, required=True) is None:
        return None
    scope = find_scope(session, conversation_id)
    if scope is None:
        c.add("conversation_id", "invalid_reference")
    return scope


def scope_of(session: Session, conversation_id: str) -> SessionScope:
    """For reads: the scope, or NotFoundError."""
    scope = find_scope(session, conversation_id)
    if scope is None:
        raise NotFoundError("conversation", str(conversation_id))
    return scope


def taxonomy(session: Session, framework_version_id: str, name: str) -> dict[str, TaxonomyItem]:
    """The items of one taxonomy of one framework version, by code, in framework order."""
    rows = session.scalars(
        select(TaxonomyItem)
        .where(TaxonomyItem.framework_version_id == framework_version_id, TaxonomyItem.taxonomy == name)
        .order_by(TaxonomyItem.position)
    )
    return {t.code: t for t in rows}


def label_of(items: Mapping[str, TaxonomyItem], code: str) -> Label:
    item = items.get(code)
    return Label(code, item.label_nl, item.label_en) if item else Label(code, code, code)


def role_labels(roles: Mapping[str, TaxonomyItem], code: str) -> tuple[Label, Label]:
    """(role, role category): the category is the role's parent, or the role itself when
    it has none (CAT_* codes, and roles such as OVERIG that stand on their own)."""
    item = roles.get(code)
    parent = item.parent_code if item is not None else None
    return label_of(roles, code), label_of(roles, parent or code)


def snapshots(
    session: Session, scope: SessionScope, participant_id: str | None = None
) -> list[ParticipantSnapshot]:
    """Participants of the conversation (or one of them): two queries, whatever their number."""
    q = (
        select(Participant, Organisation.name)
        .outerjoin(Organisation, Participant.organisation_id == Organisation.id)
        .where(Participant.conversation_id == scope.conversation.id, Participant.deleted_at.is_(None))
        .order_by(Participant.position, Participant.id)
    )
    if participant_id is not None:
        q = q.where(Participant.id == participant_id)
    roles = taxonomy(session, scope.framework_version_id, "person_role")
    out = []
    for p, org_name in session.execute(q):
        role, category = role_labels(roles, p.role_code)
        out.append(
            ParticipantSnapshot(
                p.id,
                p.conversation_id,
                p.position,
                role,
                category,
                p.organisation_id,
                org_name,
                p.label,
                p.presence.value,
                p.has_mandate,
                p.mandate_note,
            )
        )
    return out


def list_participants(session: Session, conversation_id: str) -> list[ParticipantSnapshot]:
    return snapshots(session, scope_of(session, conversation_id))


def people(session: Session, scope: SessionScope) -> dict[str, ParticipantSnapshot]:
    return {p.id: p for p in snapshots(session, scope)}


def turn_counts(session: Session, conversation_id: str) -> dict[str, tuple[int, datetime]]:
    """Participant id -> (live speaking turns, the last one's time): one grouped query."""
    rows = session.execute(
        select(SpeakingTurn.participant_id, func.count(), func.max(SpeakingTurn.occurred_at))
        .where(SpeakingTurn.conversation_id == conversation_id, SpeakingTurn.deleted_at.is_(None))
        .group_by(SpeakingTurn.participant_id)
    )
    return {pid: (int(n), last) for pid, n, last in rows}


def first_subjects(session: Session, scope: SessionScope) -> tuple[str | None, str | None]:
    """(first organisation subject, first network subject) of the inspection."""
    rows = session.execute(
        select(InspectionSubject.organisation_id, InspectionSubject.network_id)
        .where(InspectionSubject.inspection_id == scope.inspection.id, InspectionSubject.deleted_at.is_(None))
        .order_by(InspectionSubject.created_at, InspectionSubject.id)
    ).all()
    return next((o for o, _ in rows if o), None), next((n for _, n in rows if n), None)


def add_participant(
    session: Session,
    ctx: ActionContext,
    conversation_id: str,
    role_code: str,
    *,
    organisation_id: str | None = None,
    label: str | None = None,
    presence: str = "aanwezig",
    has_mandate: bool | None = None,
    mandate_note: str | None = None,
) -> OpResult[ParticipantSnapshot]:
    """A new participant at the end of the attendance grid."""
    c = Checker()
    scope = check_scope(session, c, conversation_id)
    draft: dict[str, Any] = {"role_code": role_code, "organisation_id": organisation_id, "label": label}
    draft |= {"presence": presence, "has_mandate": has_mandate, "mandate_note": mandate_note}
    v = _check(session, c, scope, draft)
    c.done()
    assert scope is not None
    last = session.scalar(
        select(func.max(Participant.position)).where(Participant.conversation_id == scope.conversation.id)
    )
    p = Participant(
        conversation_id=scope.conversation.id, position=(last if last is not None else -1) + 1, **v
    )
    session.add(p)
    session.flush()
    audit.record(session, ctx, "participant.add", "participant", p.id)
    return OpResult(snapshots(session, scope, p.id)[0], ChangeSet.of(participant=[p.id]))


def update_participant(
    session: Session, ctx: ActionContext, participant_id: str, changes: ParticipantChanges
) -> OpResult[ParticipantSnapshot]:
    """Change the fields ``changes`` gives; the others stay as they are, ``None`` clears an
    optional field."""
    require(changes, ParticipantChanges, "changes")
    c = Checker()
    existing(session, c, "participant_id", Participant, participant_id, required=True)
    p = session.get(Participant, participant_id) if not c.issues else None
    scope = find_scope(session, p.conversation_id) if p is not None else None
    if p is not None and scope is None:
        c.add("participant_id", "invalid_reference")
    v = _check(session, c, scope, changes.given())
    c.done()
    assert p is not None and scope is not None
    for key, value in v.items():
        setattr(p, key, value)
    session.flush()
    audit.record(session, ctx, "participant.update", "participant", p.id, fields=sorted(v))
    return OpResult(snapshots(session, scope, p.id)[0], ChangeSet.of(participant=[p.id]))


def _check(
    session: Session, c: Checker, scope: SessionScope | None, draft: Mapping[str, Any]
) -> dict[str, Any]:
    """Clean values of the keys present in ``draft``."""
    v: dict[str, Any] = {}
    if "role_code" in draft and scope is not None:  # without a conversation there is no framework
        roles = taxonomy(session, scope.framework_version_id, "person_role")
        v["role_code"] = c.code("role_code", draft["role_code"], roles, required=True)
    if "organisation_id" in draft:
        v["organisation_id"] = existing(session, c, "organisation_id", Organisation, draft["organisation_id"])
    if "label" in draft:
        v["label"] = c.text("label", draft["label"], limits.NAME)
    if "presence" in draft:
        v["presence"] = c.choice("presence", draft["presence"], Presence)
    if "has_mandate" in draft:
        mandate = draft["has_mandate"]
        if mandate is not None and not isinstance(mandate, bool):
            c.add("has_mandate", "invalid_format")
        v["has_mandate"] = mandate if isinstance(mandate, bool) else None
    if "mandate_note" in draft:
        v["mandate_note"] = c.text("mandate_note", draft["mandate_note"], limits.SHORT_TEXT)
    if "position" in draft:
        v["position"] = c.integer("position", draft["position"], 0, 1_000_000, required=True)
    return v


def participant_in(
    session: Session,
    c: Checker,
    field: str,
    scope: SessionScope | None,
    value: Any,
    *,
    required: bool = False,
) -> str | None:
    """A live participant of this conversation, or an issue on ``field``."""
    ref = c.ref(field, value, required=required)
    return in_conversation(session, c, scope, Participant, [(field, ref)])[0] if ref else None


def in_conversation(
    session: Session, c: Checker, scope: SessionScope | None, model: Any, refs: list[tuple[str, str]]
) -> list[str | None]:
    """The ids of ``(field, id)`` pairs that name live rows of ``model`` of this conversation
    (one query); None, and an issue on ``field``, for the others."""
    ids = {ref for _, ref in refs}
    q = select(model.id, model.conversation_id).where(model.id.in_(ids), model.deleted_at.is_(None))
    found: dict[str, str] = {ref: conv for ref, conv in session.execute(q)} if ids else {}
    out: list[str | None] = []
    for field, ref in refs:
        ok = ref in found and (scope is None or found[ref] == scope.conversation.id)
        if not ok:
            c.add(field, "not_in_conversation" if ref in found else "invalid_reference")
        out.append(ref if ok else None)
    return out


def live_rows(session: Session, model: Any, conversation_id: str, *order: Any) -> list[Any]:
    """The live rows of ``model`` in one conversation."""
    q = select(model).where(model.conversation_id == conversation_id, model.deleted_at.is_(None))
    return list(session.scalars(q.order_by(*order)))


def turn_times(session: Session, conversation_id: str) -> list[tuple[str, datetime]]:
    """(participant id, time) of every live speaking turn."""
    q = select(SpeakingTurn.participant_id, SpeakingTurn.occurred_at).where(
        SpeakingTurn.conversation_id == conversation_id, SpeakingTurn.deleted_at.is_(None)
    )
    return [(pid, at) for pid, at in session.execute(q)]


def event_type(item: TaxonomyItem) -> EventType:
    """A session_event taxonomy item as a board button."""
    hotkey = item.attributes.get("hotkey")
    creates = item.attributes.get("creates_signal") is True
    label = Label(item.code, item.label_nl, item.label_en)
    return EventType(item.code, label, hotkey if isinstance(hotkey, str) else None, creates)


def scheme_item(session: Session, scope: SessionScope, code: Any) -> TaxonomyItem | None:
    """A scoreable item of the observation scheme or a dilemma, of the inspection's version."""
    if not isinstance(code, str):
        return None
    item = session.scalar(
        select(TaxonomyItem).where(
            TaxonomyItem.framework_version_id == scope.framework_version_id,
            TaxonomyItem.taxonomy.in_(SCHEME),
            TaxonomyItem.code == code,
        )
    )
    return item if item is not None and scale_of(item.taxonomy, item.parent_code, item.attributes) else None


def replace_evidence(session: Session, score_id: str, refs: list[tuple[EvidenceKind, str]]) -> list[str]:
    """Make the live evidence of a score exactly ``refs``: tombstone the rest, revive or add."""
    now, wanted, touched = utc_now(), set(refs), []
    rows = session.scalars(select(ObservationEvidence).where(ObservationEvidence.score_id == score_id))
    for row in rows:
        key = (row.evidence_kind, row.evidence_id)
        if key in wanted:
            wanted.discard(key)
            if row.deleted_at is not None:
                row.deleted_at = None
                touched.append(row.id)
        elif row.deleted_at is None:
            row.deleted_at = now
            touched.append(row.id)
    for kind, ref in refs:
        if (kind, ref) in wanted:
            row = ObservationEvidence(
                id=natural_id("observation_evidence", score_id, kind.value, ref),
                score_id=score_id,
                evidence_kind=kind,
                evidence_id=ref,
            )
            session.add(row)
            session.flush()
            touched.append(row.id)
    session.flush()
    return touched


def scores(session: Session, conversation_id: str) -> dict[str, ScoreSnapshot]:
    """The live scores of a conversation by item code, with their evidence: five queries."""
    rows = live_rows(session, ObservationScore, conversation_id, ObservationScore.item_code)
    ev_rows = session.scalars(
        select(ObservationEvidence).where(
            ObservationEvidence.score_id.in_([s.id for s in rows]),
            ObservationEvidence.deleted_at.is_(None),
        )
    ).all()
    texts: dict[tuple[EvidenceKind, str], tuple[str, datetime | None]] = {}
    for kind, model in EVIDENCE.items():
        ids = [e.evidence_id for e in ev_rows if e.evidence_kind is kind]
        text_col = model.observation if model is Signal else model.text
        time_col = model.observed_at if model is Signal else model.occurred_at
        for ref, text, at in session.execute(select(model.id, text_col, time_col).where(model.id.in_(ids))):
            texts[(kind, ref)] = (text or "", at)
    by_score: dict[str, list[EvidenceRef]] = {}
    for e in ev_rows:
        text, at = texts.get((e.evidence_kind, e.evidence_id), ("", None))
        by_score.setdefault(e.score_id, []).append(
            EvidenceRef(e.evidence_kind.value, e.evidence_id, text, at)
        )
    return {
        s.item_code: ScoreSnapshot(
            s.id,
            s.conversation_id,
            s.item_code,
            s.value,
            s.value_code,
            s.not_applicable,
            s.discussed,
            s.deliberate_choice,
            s.comment,
            tuple(sorted(by_score.get(s.id, []), key=lambda r: (r.at.isoformat() if r.at else "~", r.id))),
            s.updated_at,
            s.for_report,
            s.confidentiality.value,
        )
        for s in rows
    }
