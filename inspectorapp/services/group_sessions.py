"""The live group-session board (turn tally, events, timeline, participation) and the report
release of its events and scores (the synthesis on the observation scheme afterwards is in
``session_synthesis``). Each action is one short transaction in
the caller's session; every input is checked before anything is written.

Board undo: a turn or event is created with the id the board made before submitting, so an
undo can be queued behind a save that has not returned; undo tombstones the row and redo
restores the same row (``withdraw``), so a redo never counts twice."""

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
from inspectorapp.domain.drafts import SignalDraft
from inspectorapp.domain.enums import (
    Confidentiality,
    Presence,
    SignalKind,
    SourceType,
    Valence,
)
from inspectorapp.domain.framework_codes import ChannelCode, EntranceCode
from inspectorapp.domain.report_rules import CONFIDENTIAL
from inspectorapp.domain.snapshots import ActionContext, Label, OpResult
from inspectorapp.domain.validation import Checker
from storage import models as m

from . import audit, signal_links, signals
from . import participants as pp
from .refs import existing

# The synthesis afterwards lives in its own module; callers still reach it here.
from .session_synthesis import save_score as save_score
from .session_synthesis import synthesis as synthesis

_QUOTES = {'"': '"', "'": "'", "“": "”", "„": "”", "‘": "’", "«": "»"}


def count_turn(
    session: Session,
    ctx: ActionContext,
    conversation_id: str,
    participant_id: str,
    occurred_at: Any = None,
    turn_id: str | None = None,
) -> OpResult[views.TurnTally]:
    """One tap on a tile. Returns the turn (keep its id for undo) and the new counts.
    ``turn_id``: the id the caller chose, to undo before this returns."""
    c = Checker()
    scope = pp.check_scope(session, c, conversation_id)
    pid = pp.participant_in(session, c, "participant_id", scope, participant_id, required=True)
    at = c.moment("occurred_at", occurred_at) or utc_now()
    tid = _fresh_id(session, c, "turn_id", m.SpeakingTurn, turn_id)
    person = session.get(m.Participant, pid) if pid else None
    if person is not None and person.presence is Presence.ABSENT:
        c.add("participant_id", "participant_absent")
    c.done()
    assert scope is not None and pid is not None
    turn = m.SpeakingTurn(id=tid, conversation_id=scope.conversation.id, participant_id=pid, occurred_at=at)
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


UNDOABLE: dict[str, type[m.SpeakingTurn | m.SessionEvent]] = {
    "speaking_turn": m.SpeakingTurn,
    "session_event": m.SessionEvent,
}


def withdraw(
    session: Session, ctx: ActionContext, entity: str, row_id: str, withdrawn: bool = True
) -> OpResult[str]:
    """Board undo (``withdrawn``) and redo (not): tombstone or restore the same turn or event.
    A row already in that state is left alone (no change-set), so a repeated redo counts once."""
    c = Checker()
    model = UNDOABLE.get(entity)
    if model is None:
        c.add("entity", "invalid_choice", value=str(entity)[:60], allowed=list(UNDOABLE))
    ref = c.ref("id", row_id, required=True)
    found = session.get(model, ref) if model is not None and ref is not None else None
    row = found if isinstance(found, m.SpeakingTurn | m.SessionEvent) else None
    if ref is not None and model is not None and row is None:
        c.add("id", "invalid_reference")
    if c.boolean("withdrawn", withdrawn) is False and row is not None:
        pp.check_scope(session, c, row.conversation_id)  # no restoring into a removed conversation
    c.done()
    assert row is not None
    if (row.deleted_at is not None) == withdrawn:
        return OpResult(row.id, ChangeSet())
    row.deleted_at = utc_now() if withdrawn else None
    session.flush()
    audit.record(session, ctx, f"{entity}.{'undo' if withdrawn else 'redo'}", entity, row.id)
    return OpResult(row.id, ChangeSet.of(**{entity: [row.id]}))


def _fresh_id(
    session: Session, c: Checker, field: str, model: type[m.SpeakingTurn | m.SessionEvent], value: Any
) -> str | None:
    """A caller-made id for a new row (None: the model makes one); refused when taken."""
    ref = c.ref(field, value)
    if ref is not None and session.get(model, ref) is not None:
        c.add(field, "duplicate")
    return ref


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
    event_id: str | None = None,
) -> OpResult[views.SessionEventSnapshot]:
    """A letter key on the board. An event whose type ``creates_signal`` comes back with a
    ``signal_prefill`` draft for the signal form; save that signal with
    ``capture_event_signal`` (signal and link in one transaction). ``event_id``: as
    ``count_turn``'s ``turn_id``."""
    c = Checker()
    scope = pp.check_scope(session, c, conversation_id)
    types = pp.taxonomy(session, scope.framework_version_id, "session_event") if scope else {}
    code = c.code("event_code", event_code, types, required=True) if scope else None
    pid = pp.participant_in(session, c, "participant_id", scope, participant_id)
    clean = c.text("text", text, limits.PARAGRAPH)
    at = c.moment("occurred_at", occurred_at) or utc_now()
    eid = _fresh_id(session, c, "event_id", m.SessionEvent, event_id)
    c.done()
    assert scope is not None and code is not None
    ev = m.SessionEvent(
        id=eid,
        conversation_id=scope.conversation.id,
        event_code=code,
        participant_id=pid,
        occurred_at=at,
        text=clean,
    )
    session.add(ev)
    session.flush()
    snap = _event_snapshots(session, scope, [ev], types, pp.people(session, scope))[0]
    return OpResult(snap, ChangeSet.of(session_event=[ev.id]))


def link_event_signal(
    session: Session, ctx: ActionContext, event_id: str, signal_id: str
) -> OpResult[views.SessionEventSnapshot]:
    """Link an existing signal to an event (a signal captured elsewhere; from the board's
    prefill use ``capture_event_signal``)."""
    c = Checker()
    existing(session, c, "event_id", m.SessionEvent, event_id, required=True)
    existing(session, c, "signal_id", m.Signal, signal_id, required=True)
    c.done()
    return _link(session, ctx, event_id, signal_id)


def capture_event_signal(
    session: Session,
    ctx: ActionContext,
    event_id: str,
    draft: SignalDraft,
    floor: SignalDraft | None = None,
) -> OpResult[Any]:
    """The signal captured from a board event's prefill and the event's link to it, in one
    transaction and one change-set: a refused link leaves no signal. With ``floor`` the
    "board says / shop floor shows" pair of the form (``signal_links.capture_incongruence``);
    the event links the first. The value is what the capture returned."""
    c = Checker()
    existing(session, c, "event_id", m.SessionEvent, event_id, required=True)
    c.done()
    if floor is None:
        captured: OpResult[Any] = signals.capture_signal(session, ctx, draft)
        signal_id = captured.value.id
    else:
        captured = signal_links.capture_incongruence(session, ctx, draft, floor)
        signal_id = captured.value[0].id
    linked = _link(session, ctx, event_id, signal_id)
    return OpResult(captured.value, captured.changes | linked.changes)


def _link(
    session: Session, ctx: ActionContext, event_id: str, signal_id: str
) -> OpResult[views.SessionEventSnapshot]:
    c = Checker()
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
) -> SignalDraft:
    """A draft for signals.capture_signal. The event text is the observation; a text wholly
    between quotation marks is also the speaker's verbatim quote."""
    text = (ev.text or "").strip()
    quoted = len(text) > 2 and _QUOTES.get(text[0]) == text[-1]
    quote = (text[1:-1].strip() or None) if quoted else None
    return SignalDraft(
        organisation_id=(person.organisation_id if person else None) or subjects[0],
        network_id=subjects[1],
        inspection_id=scope.inspection.id,
        visit_id=scope.visit.id,
        conversation_id=scope.conversation.id,
        channel=ChannelCode.GROUP_SESSION,
        entrance=EntranceCode.ANNOUNCED_VISIT if scope.visit.announced else EntranceCode.UNANNOUNCED_VISIT,
        source_type=SourceType.OWN_OBSERVATION,
        kind=SignalKind.SOFT,
        valence=Valence.NEGATIVE,
        observed_at=ev.occurred_at,
        observation=text or None,
        quote=quote,
        quote_speaker_role=person.role.code if person and quote else None,
    )


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
