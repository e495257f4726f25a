"""The live group-session board (turn tally, events, timeline, participation) and the
synthesis on the observation scheme afterwards. Each action is one short transaction in
the caller's session; every input is checked before anything is written."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from inspectorapp.clock import utc_now
from inspectorapp.domain import limits
from inspectorapp.domain import participation as rules
from inspectorapp.domain import snapshots as views
from inspectorapp.domain.changes import ChangeSet
from inspectorapp.domain.enums import Confidentiality, EvidenceKind, Presence
from inspectorapp.domain.framework_codes import Scale
from inspectorapp.domain.report_rules import CONFIDENTIAL
from inspectorapp.domain.snapshots import ActionContext, Label, OpResult
from inspectorapp.domain.validation import Checker
from storage import models as m

from . import audit
from . import participants as pp
from .refs import existing

SIGNAL_CHANNEL = "GROEPSGESPREK"
_QUOTES = {'"': '"', "'": "'", "“": "”", "„": "”", "‘": "’", "«": "»"}


def count_turn(
    session: Session,
    ctx: ActionContext,
    conversation_id: str,
    participant_id: str,
    occurred_at: Any = None,
) -> OpResult[views.TurnTally]:
    """One tap on a tile. Returns the turn (keep its id for undo) and the new counts."""
    c = Checker()
    scope = pp.check_scope(session, c, conversation_id)
    pid = pp.participant_in(session, c, "participant_id", scope, participant_id, required=True)
    at = c.moment("occurred_at", occurred_at) or utc_now()
    person = session.get(m.Participant, pid) if pid else None
    if person is not None and person.presence is Presence.ABSENT:
        c.add("participant_id", "participant_absent")
    c.done()
    assert scope is not None and pid is not None
    turn = m.SpeakingTurn(conversation_id=scope.conversation.id, participant_id=pid, occurred_at=at)
    session.add(turn)
    session.flush()
    return OpResult(_tally(session, turn), ChangeSet.of(speaking_turn=[turn.id]))


def undo_turn(session: Session, ctx: ActionContext, turn_id: str) -> OpResult[views.TurnTally]:
    """Take a counted turn back: a tombstone, so the undo syncs like any other edit."""
    c = Checker()
    existing(session, c, "turn_id", m.SpeakingTurn, turn_id, required=True)
    c.done()
    turn = session.get(m.SpeakingTurn, turn_id)
    assert turn is not None
    turn.deleted_at = utc_now()
    session.flush()
    return OpResult(_tally(session, turn), ChangeSet.of(speaking_turn=[turn.id]))


def _tally(session: Session, turn: m.SpeakingTurn) -> views.TurnTally:
    mine = func.coalesce(
        func.sum(case((m.SpeakingTurn.participant_id == turn.participant_id, 1), else_=0)), 0
    )
    n, total = session.execute(
        select(mine, func.count()).where(
            m.SpeakingTurn.conversation_id == turn.conversation_id, m.SpeakingTurn.deleted_at.is_(None)
        )
    ).one()
    snap = views.TurnSnapshot(turn.id, turn.conversation_id, turn.participant_id, turn.occurred_at)
    return views.TurnTally(snap, int(n), int(total))


def add_event(
    session: Session,
    ctx: ActionContext,
    conversation_id: str,
    event_code: str,
    participant_id: str | None = None,
    text: str | None = None,
    occurred_at: Any = None,
) -> OpResult[views.SessionEventSnapshot]:
    """A letter key on the board. An event whose type ``creates_signal`` comes back with a
    ``signal_prefill`` draft for the signal form; link the signal with ``link_event_signal``."""
    c = Checker()
    scope = pp.check_scope(session, c, conversation_id)
    types = pp.taxonomy(session, scope.framework_version_id, "session_event") if scope else {}
    code = c.code("event_code", event_code, types, required=True) if scope else None
    pid = pp.participant_in(session, c, "participant_id", scope, participant_id)
    clean = c.text("text", text, limits.PARAGRAPH)
    at = c.moment("occurred_at", occurred_at) or utc_now()
    c.done()
    assert scope is not None and code is not None
    ev = m.SessionEvent(
        conversation_id=scope.conversation.id, event_code=code, participant_id=pid, occurred_at=at, text=clean
    )
    session.add(ev)
    session.flush()
    snap = _event_snapshots(session, scope, [ev], types, pp.people(session, scope))[0]
    return OpResult(snap, ChangeSet.of(session_event=[ev.id]))


def link_event_signal(
    session: Session, ctx: ActionContext, event_id: str, signal_id: str
) -> OpResult[views.SessionEventSnapshot]:
    """Link the signal captured from an event's prefill back to the event."""
    c = Checker()
    existing(session, c, "event_id", m.SessionEvent, event_id, required=True)
    existing(session, c, "signal_id", m.Signal, signal_id, required=True)
    c.done()
    ev, signal = session.get(m.SessionEvent, event_id), session.get(m.Signal, signal_id)
    assert ev is not None and signal is not None
    if signal.conversation_id is not None and signal.conversation_id != ev.conversation_id:
        c.add("signal_id", "not_in_conversation")
    scope = pp.check_scope(session, c, ev.conversation_id)
    c.done()
    assert scope is not None
    ev.signal_id = signal.id
    session.flush()
    audit.record(session, ctx, "session_event.link_signal", "session_event", ev.id, signal_id=signal.id)
    types = pp.taxonomy(session, scope.framework_version_id, "session_event")
    snap = _event_snapshots(session, scope, [ev], types, pp.people(session, scope))[0]
    return OpResult(snap, ChangeSet.of(session_event=[ev.id]))


def _event_snapshots(
    session: Session,
    scope: pp.SessionScope,
    events: Sequence[m.SessionEvent],
    types: dict[str, m.TaxonomyItem],
    who: dict[str, views.ParticipantSnapshot],
) -> list[views.SessionEventSnapshot]:
    subjects: tuple[str | None, str | None] | None = None
    out = []
    for ev in events:
        person = who.get(ev.participant_id or "")
        item = types.get(ev.event_code)
        prefill = None
        if item is not None and pp.event_type(item).creates_signal and ev.signal_id is None:
            subjects = subjects or pp.first_subjects(session, scope)
            prefill = _prefill(scope, ev, person, subjects)
        caption = person.caption if person else None
        out.append(
            views.SessionEventSnapshot(
                ev.id,
                ev.conversation_id,
                ev.event_code,
                pp.label_of(types, ev.event_code),
                ev.participant_id,
                caption,
                ev.occurred_at,
                ev.text,
                ev.signal_id,
                prefill,
                ev.for_report,
                ev.confidentiality.value,
            )
        )
    return out


def _prefill(
    scope: pp.SessionScope,
    ev: m.SessionEvent,
    person: views.ParticipantSnapshot | None,
    subjects: tuple[str | None, str | None],
) -> dict[str, object]:
    """A draft for signals.capture_signal. The event text is the observation; a text wholly
    between quotation marks is also the speaker's verbatim quote."""
    text = (ev.text or "").strip()
    quoted = len(text) > 2 and _QUOTES.get(text[0]) == text[-1]
    quote = (text[1:-1].strip() or None) if quoted else None
    return {
        "organisation_id": (person.organisation_id if person else None) or subjects[0],
        "network_id": subjects[1],
        "inspection_id": scope.inspection.id,
        "visit_id": scope.visit.id,
        "conversation_id": scope.conversation.id,
        "channel": SIGNAL_CHANNEL,
        "entrance": "BEZOEK_AANGEKONDIGD" if scope.visit.announced else "BEZOEK_ONAANGEKONDIGD",
        "source_type": "eigen_waarneming",
        "kind": "zacht",
        "valence": "negatief",
        "observed_at": ev.occurred_at,
        "observation": text or None,
        "quote": quote,
        "quote_speaker_role": person.role.code if person and quote else None,
    }


def board_state(session: Session, conversation_id: str) -> views.BoardState:
    """Tiles with turn counts, the event buttons and the events so far: six queries,
    whatever the length of the session."""
    scope = pp.scope_of(session, conversation_id)
    conv, who = scope.conversation, pp.people(session, scope)
    counts = pp.turn_counts(session, conv.id)
    types = pp.taxonomy(session, scope.framework_version_id, "session_event")
    events = pp.live_rows(session, m.SessionEvent, conv.id, m.SessionEvent.occurred_at, m.SessionEvent.id)
    return views.BoardState(
        conv.id,
        conv.title,
        conv.conversation_type,
        conv.starts_at,
        conv.ends_at,
        tuple(views.BoardTile(p, counts.get(p.id, (0, None))[0]) for p in who.values()),
        tuple(pp.event_type(t) for t in types.values()),
        tuple(_event_snapshots(session, scope, events, types, who)),
        sum(n for n, _ in counts.values()),
        max((last for _, last in counts.values()), default=None),
    )


def timeline(session: Session, conversation_id: str, *, with_turns: bool = True) -> list[views.TimelineItem]:
    """Notes, events and (per minute) speaking turns in one list in time order; at the same
    moment notes come before events before turns."""
    scope = pp.scope_of(session, conversation_id)
    conv, who = scope.conversation, pp.people(session, scope)
    roles = pp.taxonomy(session, scope.framework_version_id, "person_role")
    types = pp.taxonomy(session, scope.framework_version_id, "session_event")
    items: list[tuple[datetime, int, int, views.TimelineItem]] = []
    for n, note in enumerate(pp.live_rows(session, m.NoteParagraph, conv.id, m.NoteParagraph.position)):
        p = who.get(note.speaker_participant_id or "")
        speaker = p.caption if p else pp.label_of(roles, note.speaker_role).nl if note.speaker_role else None
        item = views.TimelineItem(
            note.occurred_at, "note", note.id, note.kind.value, None, note.text, p.id if p else None, speaker
        )
        items.append((note.occurred_at, 0, n, item))
    events = pp.live_rows(session, m.SessionEvent, conv.id, m.SessionEvent.occurred_at, m.SessionEvent.id)
    for n, ev in enumerate(events):
        p = who.get(ev.participant_id or "")
        label, caption = pp.label_of(types, ev.event_code), p.caption if p else None
        item = views.TimelineItem(
            ev.occurred_at, "event", ev.id, ev.event_code, label, ev.text or "", ev.participant_id, caption
        )
        items.append((ev.occurred_at, 1, n, item))
    if with_turns:
        captions = {p.id: p.caption for p in who.values()}
        minutes = rules.turns_per_minute(pp.turn_times(session, conv.id), captions)
        items.extend((item.at, 2, n, item) for n, item in enumerate(minutes))
    return [entry[3] for entry in sorted(items, key=lambda e: e[:3])]


def participation(session: Session, conversation_id: str) -> rules.ParticipationSummary:
    """Share of turns by participant, role category and organisation; dominance."""
    scope = pp.scope_of(session, conversation_id)
    counts = pp.turn_counts(session, scope.conversation.id)
    attendees = []
    for p in pp.snapshots(session, scope):
        org = p.organisation_name or ""
        organisation = Label(p.organisation_id, org, org) if p.organisation_id else None
        present = p.presence != Presence.ABSENT.value
        attendees.append(
            rules.Attendee(p.id, p.caption, p.category, organisation, present, counts.get(p.id, (0,))[0])
        )
    return rules.summarise(attendees)


def save_score(
    session: Session,
    ctx: ActionContext,
    conversation_id: str,
    item_code: str,
    value: int | None = None,
    value_code: str | None = None,
    not_applicable: bool = False,
    discussed: bool | None = None,
    deliberate_choice: bool | None = None,
    comment: str | None = None,
    evidence: Sequence[tuple[str, str]] = (),
) -> OpResult[views.ScoreSnapshot]:
    """Score one item of the scheme (or place a dilemma): insert, or replace the score and
    its evidence set. ``evidence``: ``[(kind, id), ...]``, kind an EvidenceKind value
    (notitie | sessiegebeurtenis | signaal) of something of this conversation."""
    c = Checker()
    scope = pp.check_scope(session, c, conversation_id)
    item = pp.scheme_item(session, scope, item_code) if scope else None
    if scope is not None and item is None:
        c.add("item_code", "unknown_code", value=str(item_code)[:60])
    na = c.boolean("not_applicable", not_applicable)
    scale = rules.scale_of(item.taxonomy, item.parent_code, item.attributes) if item else None
    v, code = (
        rules.check_value(c, scale, rules.options_of(item.attributes), value, value_code, na)
        if item and scale
        else (None, None)
    )
    if scale == Scale.REF and code is not None:
        code = pp.participant_in(session, c, "value_code", scope, code)
    flags: dict[str, bool | None] = {}
    for field, flag in (("discussed", discussed), ("deliberate_choice", deliberate_choice)):
        if flag is not None and not isinstance(flag, bool):
            c.add(field, "invalid_format")
        elif flag is not None and item is not None and item.taxonomy != "dilemma":
            c.add(field, "not_allowed")
        flags[field] = flag if isinstance(flag, bool) else None
    text = c.text("comment", comment, limits.PARAGRAPH)
    refs = _check_evidence(session, c, scope, evidence)
    if (
        rules.needs_evidence(scale, v)
        and not refs
        and not any(i.field.startswith("evidence") for i in c.issues)
    ):
        c.add("evidence", "evidence_required")
    c.done()
    assert scope is not None and item is not None
    conv_id = scope.conversation.id
    score = session.scalar(
        select(m.ObservationScore).where(
            m.ObservationScore.conversation_id == conv_id, m.ObservationScore.item_code == item.code
        )
    ) or m.ObservationScore(conversation_id=conv_id, item_code=item.code)
    session.add(score)
    score.value, score.value_code, score.not_applicable, score.comment = v, code, na, text
    score.discussed, score.deliberate_choice = flags["discussed"], flags["deliberate_choice"]
    score.deleted_at = None
    session.flush()
    touched = pp.replace_evidence(session, score.id, refs)
    audit.record(session, ctx, "observation.score", "observation_score", score.id, item_code=item.code)
    snap = pp.scores(session, conv_id)[item.code]
    return OpResult(snap, ChangeSet.of(observation_score=[score.id], observation_evidence=touched))


def _check_evidence(
    session: Session, c: Checker, scope: pp.SessionScope | None, raw: Any
) -> list[tuple[EvidenceKind, str]]:
    """Evidence pairs that name live rows of this conversation; one query per kind."""
    if isinstance(raw, str | bytes) or not isinstance(raw, Sequence):
        c.add("evidence", "invalid_format")
        return []
    allowed = [k.value for k in pp.EVIDENCE]
    wanted: dict[EvidenceKind, list[tuple[str, str]]] = {k: [] for k in pp.EVIDENCE}
    for n, pair in enumerate(raw):
        field = f"evidence[{n}]"
        if isinstance(pair, str) or not isinstance(pair, Sequence) or len(pair) != 2:
            c.add(field, "invalid_format")
        elif pair[0] not in allowed:
            c.add(field, "invalid_choice", value=str(pair[0])[:60], allowed=allowed)
        elif (ref := c.ref(field, pair[1], required=True)) is not None:
            wanted[EvidenceKind(pair[0])].append((field, ref))
    out: list[tuple[EvidenceKind, str]] = []
    for kind, pairs in wanted.items():
        for ref in pp.in_conversation(session, c, scope, pp.EVIDENCE[kind], pairs) if pairs else ():
            if ref is not None and (kind, ref) not in out:
                out.append((kind, ref))
    return out


def synthesis(session: Session, conversation_id: str) -> list[views.SchemeSection]:
    """The scheme of the inspection's framework version, section by section (observation
    items A..L, then the dilemmas K1..K4), each item with its scale and current score."""
    scope = pp.scope_of(session, conversation_id)
    scores = pp.scores(session, scope.conversation.id)
    rows = session.scalars(
        select(m.TaxonomyItem)
        .where(
            m.TaxonomyItem.framework_version_id == scope.framework_version_id,
            m.TaxonomyItem.taxonomy.in_(pp.SCHEME),
        )
        .order_by(case((m.TaxonomyItem.taxonomy == pp.SCHEME[0], 0), else_=1), m.TaxonomyItem.position)
    )
    sections: dict[str, tuple[m.TaxonomyItem, list[views.SchemeItem]]] = {}
    for t in rows:
        scale = rules.scale_of(t.taxonomy, t.parent_code, t.attributes)
        if t.parent_code is None:
            sections[t.code] = (t, [])
        elif scale and t.parent_code in sections:
            desc = (
                Label(t.code, t.description_nl, t.description_en or t.description_nl)
                if t.description_nl
                else None
            )
            sections[t.parent_code][1].append(
                views.SchemeItem(
                    t.code,
                    t.taxonomy,
                    Label(t.code, t.label_nl, t.label_en),
                    desc,
                    scale,
                    rules.options_of(t.attributes),
                    rules.poles_of(t.attributes),
                    t.attributes.get("evidence_text") is True,
                    scores.get(t.code),
                )
            )
    return [
        views.SchemeSection(s.code, s.taxonomy, Label(s.code, s.label_nl, s.label_en), tuple(items))
        for s, items in sections.values()
    ]


RELEASABLE: dict[str, type[m.SessionEvent] | type[m.ObservationScore]] = {
    "session_event": m.SessionEvent,
    "observation_score": m.ObservationScore,
}


def set_report_release(
    session: Session,
    ctx: ActionContext,
    entity: str,
    row_id: str,
    for_report: Any,
    confidentiality: Any = None,
) -> OpResult[str]:
    """The explicit conversion of a session event or score (decision 0009): released, it may
    be printed as a finding's evidence; a restricted or reporter-confidential one never is."""
    c = Checker()
    model = RELEASABLE.get(entity)
    if model is None:
        c.add("entity", "invalid_choice", value=str(entity)[:60], allowed=list(RELEASABLE))
        c.done()
    assert model is not None
    existing(session, c, "id", model, row_id, required=True)
    release = c.boolean("for_report", for_report)
    level = c.choice("confidentiality", confidentiality, Confidentiality, required=False)
    c.done()
    row = session.get(model, row_id)
    assert isinstance(row, m.SessionEvent | m.ObservationScore)
    level = level or row.confidentiality
    if release and level in CONFIDENTIAL:
        c.add("for_report", "confidential_item")
    c.done()
    row.confidentiality, row.for_report = level, bool(release)
    session.flush()
    audit.record(
        session, ctx, f"{entity}.report_release", entity, row.id, for_report=row.for_report, level=level.value
    )
    return OpResult(row.id, ChangeSet.of(**{entity: [row.id]}))
