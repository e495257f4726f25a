"""Group-session observation through the real services on a real encrypted store:
attendance, the turn tally, events (and the signal they may start), the timeline, the
synthesis on the observation scheme, and the participation summary."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from inspectorapp.domain import participation as rules
from inspectorapp.domain.drafts import ParagraphDraft, ParticipantChanges, SignalDraft
from inspectorapp.domain.enums import EvidenceKind, Presence, SignalKind, Valence
from inspectorapp.domain.outcome_drafts import ScoreDraft
from inspectorapp.domain.snapshots import ActionContext, Label
from inspectorapp.errors import NotFoundError, ValidationError
from inspectorapp.ids import new_id
from inspectorapp.services import demo, group_sessions, notes, participants, signals
from inspectorapp.store_access import create_store
from storage import models as m
from storage.engine import Store

from . import helpers
from .conftest import PASSPHRASE

T0 = datetime(2026, 3, 12, 13, 30, tzinfo=UTC)
NO_ID = "01900000-0000-7000-8000-000000000000"
gs = group_sessions


def _at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


def _counts(store: Store) -> dict[str, int]:
    with store.session() as s:
        tables = m.Base.metadata.tables
        return {t: s.scalar(select(func.count()).select_from(tables[t])) or 0 for t in tables}


def _refused(store: Store, action: Callable[[Session], Any]) -> set[str]:
    """The "field:problem" issues of a refused action, after checking that it wrote nothing."""
    before = _counts(store)
    with pytest.raises(ValidationError) as err, store.transaction() as s:
        action(s)
    assert _counts(store) == before
    return {f"{i.field}:{i.problem}" for i in err.value.issues}


@dataclass
class Meeting:
    conv: str
    other_conv: str  # a conversation of another inspection
    subject: str  # organisation ids: the inspection's subject, and three at the table
    vvt: str
    gp: str
    town: str
    chair: str  # participant ids
    gp_person: str
    alderman: str  # partly present
    client: str  # absent
    stranger: str  # of the other conversation


def _meeting(store: Store, ctx: ActionContext) -> Meeting:
    with store.transaction() as s:
        subject, _ = helpers.conversation(s, ctx)
        visit_id = s.scalars(select(m.Visit.id)).one()
        conv = m.Conversation(
            visit_id=visit_id, conversation_type="NETWERKOVERLEG", title="Kern", starts_at=T0
        )
        s.add(conv)
        s.flush()
        _, other = helpers.conversation(s, ctx)
        names = ("Zorggroep VVT", "Huisartsencoöperatie", "Gemeente")
        vvt, gp, town = (helpers.organisation(s, ctx, n) for n in names)
        add = participants.add_participant
        ids = [
            add(s, ctx, conv.id, "BESTUURDER", organisation_id=vvt, label="Bestuurder VVT", has_mandate=True),
            add(
                s,
                ctx,
                conv.id,
                "HUISARTS",
                organisation_id=gp,
                has_mandate=False,
                mandate_note="Terug naar de leden",
            ),
            add(s, ctx, conv.id, "WETHOUDER", organisation_id=town, presence="deels"),
            add(s, ctx, conv.id, "CLIENTVERTEGENWOORDIGER", presence="afwezig"),
            add(s, ctx, other, "MANAGER", organisation_id=subject),
        ]
    return Meeting(conv.id, other, subject, vvt, gp, town, *(r.value.id for r in ids))


@pytest.fixture
def meeting(store: Store, ctx: ActionContext) -> Meeting:
    return _meeting(store, ctx)


def _evidence(store: Store, ctx: ActionContext, conv: str) -> dict[str, str]:
    with store.transaction() as s:
        n1 = notes.add_paragraph(
            s, ctx, conv, ParagraphDraft(text="Voorzitter spreekt 25 minuten", occurred_at=_at(10))
        )
        n2 = notes.add_paragraph(s, ctx, conv, ParagraphDraft(text="Huisarts komt niet aan bod", occurred_at=_at(20)))
        e1 = gs.add_event(s, ctx, conv, "EV-BES", None, "Besluit op eigen begroting", _at(15))
    return {"note1": n1.value.id, "note2": n2.value.id, "event1": e1.value.id}


@dataclass
class Shared:
    """One store for the many cases that write nothing (refusals) or only upsert scores."""

    store: Store
    ctx: ActionContext
    mt: Meeting
    ev: dict[str, str]  # evidence of the meeting, and other_note / other_event of another one


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Shared]:
    store = create_store(tmp_path_factory.mktemp("shared") / "veldwerk.db", PASSPHRASE)
    ctx = ActionContext(actor="inspecteur-test", device_id="test-device")
    mt = _meeting(store, ctx)
    ev, other = _evidence(store, ctx, mt.conv), _evidence(store, ctx, mt.other_conv)
    yield Shared(store, ctx, mt, {**ev, "other_note": other["note1"], "other_event": other["event1"]})
    store.close()


# Attendance -------------------------------------------------------------------------


def test_participants_in_order_with_role_category_and_organisation(
    store: Store, ctx, meeting: Meeting
) -> None:
    with store.session() as s:
        chair, gp, alderman, client = rows = participants.list_participants(s, meeting.conv)
    assert [p.position for p in rows] == [0, 1, 2, 3]
    assert chair.role == Label("BESTUURDER", "Bestuurder", "Executive")
    assert chair.category == Label("CAT_BESTUURDER", "Bestuurder", "Executive")
    assert [(p.category.code, p.organisation_name, p.caption, p.presence, p.has_mandate) for p in rows] == [
        ("CAT_BESTUURDER", "Zorggroep VVT", "Bestuurder VVT", "aanwezig", True),
        ("CAT_ZORGPROFESSIONAL", "Huisartsencoöperatie", "Huisarts", "aanwezig", False),
        ("CAT_BELEID_POLITIEK", "Gemeente", "Wethouder", "deels", None),
        ("CAT_CLIENT_NAASTE", None, "Cliënt-/patiëntvertegenwoordiger", "afwezig", None),
    ]
    assert (gp.mandate_note, alderman.mandate_note, client.organisation_id) == (
        "Terug naar de leden",
        None,
        None,
    )
    with store.transaction() as s:
        change = ParticipantChanges(presence=Presence.ABSENT, has_mandate=None, label="Huisarts (kring)")
        changed = participants.update_participant(s, ctx, meeting.gp_person, change).value
    assert (changed.presence, changed.has_mandate, changed.caption) == ("afwezig", None, "Huisarts (kring)")
    assert changed.role.code == "HUISARTS" and changed.organisation_name == "Huisartsencoöperatie"


def test_bad_participant_input_refused(shared: Shared) -> None:
    store, ctx, mt = shared.store, shared.ctx, shared.mt
    add, update = participants.add_participant, participants.update_participant
    cases: list[tuple[Callable[[Session], Any], set[str]]] = [
        (lambda s: add(s, ctx, mt.conv, "KONING"), {"role_code:unknown_code"}),
        (lambda s: add(s, ctx, mt.conv, ""), {"role_code:required"}),
        (lambda s: add(s, ctx, NO_ID, "HUISARTS"), {"conversation_id:invalid_reference"}),
        (
            lambda s: add(
                s, ctx, mt.conv, "HUISARTS", presence="soms", has_mandate="ja", organisation_id="x"
            ),
            {"presence:invalid_choice", "has_mandate:invalid_format", "organisation_id:invalid_reference"},
        ),
        (
            lambda s: update(s, ctx, mt.chair, ParticipantChanges(presence="soms", position=-1)),
            {"presence:invalid_choice", "position:out_of_range"},
        ),
        (lambda s: update(s, ctx, mt.chair, {"kleur": "rood"}), {"changes:invalid_format"}),
        (lambda s: update(s, ctx, mt.chair, ParticipantChanges(role_code=None)), {"role_code:required"}),
        (lambda s: update(s, ctx, NO_ID, ParticipantChanges()), {"participant_id:invalid_reference"}),
    ]
    for action, expected in cases:
        assert _refused(store, action) == expected


# The turn tally ---------------------------------------------------------------------


def test_turn_tally_and_undo(store: Store, ctx, meeting: Meeting) -> None:
    with store.transaction() as s:
        first = gs.count_turn(s, ctx, meeting.conv, meeting.chair, _at(1)).value
        gs.count_turn(s, ctx, meeting.conv, meeting.chair, _at(2))
        last = gs.count_turn(s, ctx, meeting.conv, meeting.gp_person, _at(3).isoformat()).value
    assert (first.participant_total, first.conversation_total) == (1, 1)
    assert (last.participant_total, last.conversation_total, last.turn.occurred_at) == (1, 3, _at(3))
    with store.transaction() as s:
        undone = gs.undo_turn(s, ctx, first.turn.id)
    assert (undone.value.participant_total, undone.value.conversation_total) == (1, 2)
    assert undone.changes.touches("speaking_turn")
    with store.session() as s:
        tiles = {t.participant.id: t.turns for t in gs.board_state(s, meeting.conv).tiles}
        assert s.get(m.SpeakingTurn, first.turn.id).deleted_at is not None  # a tombstone
    assert tiles == {meeting.chair: 1, meeting.gp_person: 1, meeting.alderman: 0, meeting.client: 0}
    assert _refused(store, lambda s: gs.undo_turn(s, ctx, first.turn.id)) == {"turn_id:invalid_reference"}


def test_turns_and_events_with_the_callers_ids_withdrawn_and_restored(
    store: Store, ctx, meeting: Meeting
) -> None:
    """Board undo/redo: the id is the board's, undo tombstones, redo restores the same row
    (twice is once), and a taken id is refused."""
    turn_id, event_id = new_id(), new_id()
    with store.transaction() as s:
        gs.count_turn(s, ctx, meeting.conv, meeting.chair, _at(1), turn_id=turn_id)
        gs.add_event(s, ctx, meeting.conv, "EV-BES", meeting.chair, "Besluit", _at(2), event_id=event_id)

    def board() -> tuple[int, list[str]]:
        with store.session() as s:
            state = gs.board_state(s, meeting.conv)
        return state.total_turns, [e.id for e in state.events]

    assert board() == (1, [event_id])
    with store.transaction() as s:
        assert gs.withdraw(s, ctx, "session_event", event_id).changes.touches("session_event")
        gs.withdraw(s, ctx, "speaking_turn", turn_id)
        assert not gs.withdraw(s, ctx, "speaking_turn", turn_id).changes  # already undone
    assert board() == (0, [])
    for _ in range(2):  # a second redo changes nothing
        with store.transaction() as s:
            gs.withdraw(s, ctx, "speaking_turn", turn_id, withdrawn=False)
            gs.withdraw(s, ctx, "session_event", event_id, withdrawn=False)
        assert board() == (1, [event_id])
    with store.session() as s:
        actions = s.scalars(select(m.AuditLog.action).where(m.AuditLog.entity_id == turn_id)).all()
    assert actions == ["speaking_turn.undo", "speaking_turn.redo"]
    assert _refused(store, lambda s: gs.count_turn(s, ctx, meeting.conv, meeting.chair, turn_id=turn_id)) == {
        "turn_id:duplicate"
    }
    assert _refused(store, lambda s: gs.add_event(s, ctx, meeting.conv, "EV-BES", event_id="kapot")) == {
        "event_id:invalid_reference"
    }
    assert _refused(store, lambda s: gs.withdraw(s, ctx, "signal", NO_ID)) == {"entity:invalid_choice"}
    assert _refused(store, lambda s: gs.withdraw(s, ctx, "speaking_turn", NO_ID)) == {"id:invalid_reference"}


def test_bad_turns_refused(shared: Shared) -> None:
    store, ctx, mt = shared.store, shared.ctx, shared.mt
    cases = [
        (mt.client, None, "participant_id:participant_absent"),
        (mt.stranger, None, "participant_id:not_in_conversation"),
        (None, None, "participant_id:required"),
        (NO_ID, None, "participant_id:invalid_reference"),
        (mt.chair, "morgen", "occurred_at:invalid_date"),
        (mt.chair, "2026-03-12T10:00:00", "occurred_at:invalid_date"),  # no time zone
        (mt.chair, datetime(2026, 3, 12, 10), "occurred_at:invalid_date"),  # naive
        (mt.chair, "2026-02-30T10:00:00+01:00", "occurred_at:invalid_date"),
        (mt.chair, "0001-01-01T00:00:00+00:00", "occurred_at:out_of_range"),
    ]
    for who, at, expected in cases:
        assert _refused(store, lambda s, w=who, a=at: gs.count_turn(s, ctx, mt.conv, w, a)) == {expected}
    assert _refused(store, lambda s: gs.count_turn(s, ctx, "kapot", mt.chair)) == {
        "conversation_id:invalid_reference"
    }


# Events and the signal they may start --------------------------------------------------


def test_events_and_signal_prefill(store: Store, ctx, meeting: Meeting) -> None:
    conv, gp = meeting.conv, meeting.gp_person
    with store.transaction() as s:
        conflict = gs.add_event(s, ctx, conv, "EV-CON", gp, "Regie nachtzorg", _at(5)).value
        sig = gs.add_event(s, ctx, conv, "EV-SIG", gp, "“Wachtlijst van negen weken”", _at(6)).value
        bare = gs.add_event(s, ctx, conv, "EV-SIG", None, "Crisisopnames", _at(7)).value
    assert conflict.signal_prefill is None
    assert (conflict.label.nl, conflict.participant_label) == ("Conflict / tegenstelling", "Huisarts")
    pre = sig.signal_prefill
    assert pre is not None and pre.visit_id and pre.inspection_id
    assert (pre.organisation_id, pre.conversation_id) == (meeting.gp, conv)  # the speaker's
    assert (pre.channel, pre.kind, pre.valence) == ("GROEPSGESPREK", "zacht", "negatief")
    assert (pre.observed_at, pre.observation) == (_at(6), "“Wachtlijst van negen weken”")
    assert (pre.quote, pre.quote_speaker_role) == ("Wachtlijst van negen weken", "HUISARTS")
    assert bare.signal_prefill is not None and bare.signal_prefill.quote is None
    assert bare.signal_prefill.organisation_id == meeting.subject  # nobody picked: the inspection's
    with store.transaction() as s:  # the form saves the signal, then the board links it
        signal = signals.capture_signal(s, ctx, pre).value
        linked = gs.link_event_signal(s, ctx, sig.id, signal.id).value
    assert (linked.signal_id, linked.signal_prefill) == (signal.id, None)
    with store.session() as s:
        board = gs.board_state(s, conv)
        stored = s.get(m.Signal, signal.id)
        assert (stored.conversation_id, stored.quote_speaker_role) == (conv, "HUISARTS")
    assert [(e.event_code, e.signal_prefill is not None) for e in board.events] == [
        ("EV-CON", False),
        ("EV-SIG", False),  # linked
        ("EV-SIG", True),
    ]
    assert len(board.event_types) == 14
    assert {t.code: (t.hotkey, t.creates_signal) for t in board.event_types}["EV-SIG"] == ("S", True)


def test_signal_from_an_event_and_its_link_are_one_write(store: Store, ctx, meeting: Meeting) -> None:
    """capture_event_signal: one transaction, one change-set; a refused link leaves no signal."""
    with store.transaction() as s:
        ev = gs.add_event(s, ctx, meeting.conv, "EV-SIG", meeting.gp_person, "Wachtlijst", _at(6)).value
    draft = ev.signal_prefill
    assert draft is not None
    foreign = replace(draft, conversation_id=meeting.other_conv)  # the link refuses this one
    before = _counts(store)
    with pytest.raises(ValidationError) as err, store.transaction() as s:
        gs.capture_event_signal(s, ctx, ev.id, foreign)
    assert {f"{i.field}:{i.problem}" for i in err.value.issues} == {"signal_id:not_in_conversation"}
    assert _counts(store) == before  # no signal, no outbox row: the signal went with the link
    with store.transaction() as s:
        result = gs.capture_event_signal(s, ctx, ev.id, draft)
    assert result.changes.touches("signal") and result.changes.touches("session_event")
    after = _counts(store)
    assert after["signal"] == before["signal"] + 1
    with store.session() as s:
        linked = s.get(m.SessionEvent, ev.id)
        assert linked is not None and linked.signal_id == result.value.id
    with store.transaction() as s:  # the form's "board says / shop floor shows" pair: the first
        ev2 = gs.add_event(s, ctx, meeting.conv, "EV-SIG", None, "Crisisopnames", _at(7)).value
        pair = gs.capture_event_signal(s, ctx, ev2.id, draft, replace(draft, observation="Vloer")).value
        assert s.get(m.SessionEvent, ev2.id).signal_id == pair[0].id
    assert _refused(store, lambda s: gs.capture_event_signal(s, ctx, NO_ID, draft)) == {
        "event_id:invalid_reference"
    }


def test_bad_events_refused(shared: Shared) -> None:
    store, ctx, mt = shared.store, shared.ctx, shared.mt
    with store.transaction() as s:
        draft = SignalDraft(mt.subject, SignalKind.SOFT, Valence.NEGATIVE, "x", conversation_id=mt.other_conv)
        foreign = signals.capture_signal(s, ctx, draft).value
        ev = gs.add_event(s, ctx, mt.conv, "EV-SIG", None, "x", _at(1)).value
    add = gs.add_event
    assert _refused(
        store, lambda s: add(s, ctx, mt.conv, "EV-XYZ", mt.stranger, "x" * 100_001, "gisteren")
    ) == {
        "event_code:unknown_code",
        "participant_id:not_in_conversation",
        "text:too_long",
        "occurred_at:invalid_date",
    }
    link = gs.link_event_signal
    assert _refused(store, lambda s: link(s, ctx, ev.id, foreign.id)) == {"signal_id:not_in_conversation"}
    assert _refused(store, lambda s: link(s, ctx, NO_ID, "x")) == {
        "event_id:invalid_reference",
        "signal_id:invalid_reference",
    }


# The timeline and the board ---------------------------------------------------------


def test_timeline_merges_notes_events_and_turns_in_time_order(store: Store, ctx, meeting: Meeting) -> None:
    conv = meeting.conv
    with store.transaction() as s:
        for minute in (2.0, 2.2, 2.9, 3.5):
            gs.count_turn(s, ctx, conv, meeting.chair, _at(minute))
        gs.count_turn(s, ctx, conv, meeting.gp_person, _at(2.5))
        gs.add_event(s, ctx, conv, "EV-UIT", meeting.alderman, "Terug naar het college", _at(4))
        notes.add_paragraph(s, ctx, conv, ParagraphDraft(text="Later getypt", occurred_at=_at(5)))
        notes.add_paragraph(s, ctx, conv, ParagraphDraft(text="Opening", occurred_at=_at(1)))
        notes.add_paragraph(
            s, ctx, conv, ParagraphDraft(text="Besluit", occurred_at=_at(4), speaker_role="WETHOUDER")
        )
    with store.session() as s:
        items = gs.timeline(s, conv)
        quiet = gs.timeline(s, conv, with_turns=False)
    assert [(i.at, i.kind) for i in items] == [
        (_at(1), "note"),
        (_at(2), "turns"),
        (_at(3), "turns"),
        (_at(4), "note"),  # the same moment: notes before events
        (_at(4), "event"),
        (_at(5), "note"),
    ]
    minute2 = items[1]
    assert [(t.label, t.count) for t in minute2.turns] == [("Bestuurder VVT", 3), ("Huisarts", 1)]
    assert minute2.participant_label is None and minute2.text == "Bestuurder VVT ×3, Huisarts ×1"
    assert (items[2].participant_id, items[2].participant_label) == (meeting.chair, "Bestuurder VVT")
    assert (items[3].participant_label, items[4].participant_label) == ("Wethouder", "Wethouder")
    assert (items[4].code, items[4].code_label.nl) == ("EV-UIT", "Uitgesteld / terug naar achterban")
    assert [i.kind for i in quiet] == ["note", "note", "event", "note"]


def test_board_state_takes_a_fixed_number_of_queries(store: Store, ctx, meeting: Meeting) -> None:
    """No N+1: a three-hour session with 1000 turns costs the queries of a tiny one."""
    statements: list[str] = []
    people = [meeting.chair, meeting.gp_person, meeting.alderman]

    def fill(turns: range, events: range) -> None:
        with store.transaction() as s:
            at = [T0 + timedelta(seconds=10 * n) for n in turns]
            s.add_all(
                m.SpeakingTurn(conversation_id=meeting.conv, participant_id=people[n % 7 % 3], occurred_at=t)
                for n, t in zip(turns, at, strict=True)
            )
            for n in events:
                gs.add_event(
                    s, ctx, meeting.conv, "EV-CON" if n % 2 else "EV-SIG", people[n % 3], "x", _at(n * 4)
                )

    def measure() -> tuple[int, float, Any]:
        statements.clear()
        with store.session() as s:
            start = time.perf_counter()
            board = gs.board_state(s, meeting.conv)
            return len(statements), time.perf_counter() - start, board

    def count(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        statements.append(statement)

    event.listen(store.engine, "before_cursor_execute", count)
    try:
        fill(range(1), range(2))
        small_queries, _, _ = measure()
        fill(range(1, 1000), range(2, 40))
        full_queries, seconds, board = measure()
    finally:
        event.remove(store.engine, "before_cursor_execute", count)
    assert full_queries == small_queries <= 8
    assert (board.total_turns, sum(t.turns for t in board.tiles), len(board.events)) == (1000, 1000, 40)
    assert board.last_turn_at == T0 + timedelta(seconds=9990)
    assert seconds < 1.0, seconds


# The synthesis ----------------------------------------------------------------------


def _score_args(shared: Shared, args: dict[str, Any]) -> dict[str, Any]:
    """Test shorthands: evidence "note1"/"event1"/... and value_code "chair"/"stranger"."""
    kwargs = dict(args)
    ev = kwargs.get("evidence")
    if isinstance(ev, str) and ev in shared.ev:
        kwargs["evidence"] = [("sessiegebeurtenis" if "event" in ev else "notitie", shared.ev[ev])]
    elif isinstance(ev, list):
        kwargs["evidence"] = [(p[0], shared.ev.get(p[1], p[1])) if isinstance(p, tuple) else p for p in ev]
    if kwargs.get("value_code") in ("chair", "stranger"):
        kwargs["value_code"] = getattr(shared.mt, kwargs["value_code"])
    return kwargs


@pytest.mark.parametrize(
    ("item", "args"),
    [
        ("B02", {"value": 0}),  # AANW, neutral: no evidence needed
        ("B02", {"value": 2, "evidence": "note1"}),
        ("E01", {"value": -2, "evidence": "event1"}),  # BIPOOL
        ("E01", {"value": 0}),
        ("A08", {"value": 29}),  # TELLING
        ("A10", {"value": 100}),  # PERCENT
        ("B03", {"value_code": "STUREND_HIERARCHISCH"}),  # ENUM
        ("F05", {"value": 1, "value_code": "FINANCIEEL", "evidence": "note2"}),  # AANW with options
        ("A09", {"value": 1}),  # BOOL
        ("A09", {"value": False}),
        ("A06", {"value_code": "chair"}),  # REF: a participant of this session
        ("A05", {"comment": "Geen professionals aan tafel"}),  # TEKST
        ("K1.1", {"value": 1, "discussed": False, "deliberate_choice": False, "evidence": "event1"}),
        ("K4.2", {"value": 0, "discussed": True}),
        ("C03", {"not_applicable": True, "comment": "Geen professionals aanwezig"}),
    ],
)
def test_scores_that_fit_the_scale(shared: Shared, item: str, args: dict[str, Any]) -> None:
    kwargs = _score_args(shared, args)
    with shared.store.transaction() as s:
        score = gs.save_score(s, shared.ctx, shared.mt.conv, item, ScoreDraft(**kwargs)).value
    value = int(args["value"]) if "value" in args else None
    assert (score.item_code, score.value, score.value_code) == (item, value, kwargs.get("value_code"))
    assert [(r.kind, r.id) for r in score.evidence] == kwargs.get("evidence", [])


@pytest.mark.parametrize(
    ("item", "args", "expected"),
    [
        ("B02", {"value": 3}, "value:out_of_range"),
        ("B02", {"value": -1}, "value:out_of_range"),
        ("B02", {"value": "1"}, "value:invalid_format"),
        ("B02", {"value": 1.5}, "value:invalid_format"),
        ("E01", {"value": 3, "evidence": "note1"}, "value:out_of_range"),
        ("K3.2", {"value": -3}, "value:out_of_range"),
        ("A08", {"value": -1}, "value:out_of_range"),
        ("A10", {"value": 101}, "value:out_of_range"),
        ("A09", {"value": 2}, "value:out_of_range"),
        ("B03", {"value_code": "ANARCHISTISCH"}, "value_code:unknown_code"),
        ("B03", {"value": 1}, "value:not_allowed"),
        ("A05", {"value": 1}, "value:not_allowed"),
        ("B02", {"value_code": "X"}, "value_code:not_allowed"),
        ("A06", {"value_code": "stranger"}, "value_code:not_in_conversation"),
        ("A06", {"value_code": "niet-een-id"}, "value_code:invalid_reference"),
        ("B", {"value": 1}, "item_code:unknown_code"),  # a section, not an item
        ("Z99", {"value": 1}, "item_code:unknown_code"),
        ("B02", {"value": 1, "discussed": True, "evidence": "note1"}, "discussed:not_allowed"),
        ("K1.1", {"value": 0, "deliberate_choice": "ja"}, "deliberate_choice:invalid_format"),
        ("B02", {"value": 1, "not_applicable": True}, "value:not_allowed"),
        ("B02", {"value": 1}, "evidence:evidence_required"),
        ("E01", {"value": -1}, "evidence:evidence_required"),
        ("K2.3", {"value": 2, "evidence": []}, "evidence:evidence_required"),
        ("B02", {"value": 1, "evidence": [("foto", "x")]}, "evidence[0]:invalid_choice"),
        ("B02", {"value": 1, "evidence": ["notitie"]}, "evidence[0]:invalid_format"),
        ("B02", {"value": 1, "evidence": "notitie"}, "evidence:invalid_format"),
        ("B02", {"value": 1, "evidence": [("notitie", NO_ID)]}, "evidence[0]:invalid_reference"),
        ("B02", {"value": 1, "evidence": [("notitie", "event1")]}, "evidence[0]:invalid_reference"),
        ("B02", {"value": 1, "evidence": "other_note"}, "evidence[0]:not_in_conversation"),
        ("B02", {"value": 1, "evidence": "other_event"}, "evidence[0]:not_in_conversation"),
    ],
)
def test_scores_that_do_not_fit_are_refused(
    shared: Shared, item: str, args: dict[str, Any], expected
) -> None:
    kwargs = _score_args(shared, args)
    save = gs.save_score
    assert _refused(shared.store, lambda s: save(s, shared.ctx, shared.mt.conv, item, ScoreDraft(**kwargs))) == {expected}


def test_score_upsert_replaces_the_evidence_set(store: Store, ctx, meeting: Meeting) -> None:
    ev = _evidence(store, ctx, meeting.conv)
    note, event_ = ("notitie", ev["note1"]), ("sessiegebeurtenis", ev["event1"])
    with store.transaction() as s:
        first = gs.save_score(s, ctx, meeting.conv, "B02", ScoreDraft(2, evidence=(note, event_, note))).value
    assert [(r.kind, r.text) for r in first.evidence] == [
        ("notitie", "Voorzitter spreekt 25 minuten"),
        ("sessiegebeurtenis", "Besluit op eigen begroting"),
    ]
    with store.transaction() as s:
        second = gs.save_score(
            s, ctx, meeting.conv, "B02", ScoreDraft(1, comment="Bij", evidence=((EvidenceKind.NOTE, ev["note2"]),))
        )
    assert (second.value.id, second.value.value, second.value.comment) == (first.id, 1, "Bij")
    assert [r.id for r in second.value.evidence] == [ev["note2"]]
    assert second.changes.touches("observation_evidence")
    with store.transaction() as s:  # back to the first note: its tombstoned link is revived
        third = gs.save_score(s, ctx, meeting.conv, "B02", ScoreDraft(2, evidence=(note,))).value
        neutral = gs.save_score(s, ctx, meeting.conv, "B02", ScoreDraft(0)).value
    assert [r.id for r in third.evidence] == [ev["note1"]] and neutral.evidence == ()
    with store.session() as s:
        evidence = s.scalars(select(m.ObservationEvidence)).all()
        assert s.scalar(select(func.count()).select_from(m.ObservationScore)) == 1
    assert len(evidence) == 3 and all(e.deleted_at is not None for e in evidence)


def test_synthesis_lists_the_scheme_with_scores(store: Store, ctx, meeting: Meeting) -> None:
    ev = _evidence(store, ctx, meeting.conv)
    with store.transaction() as s:
        gs.save_score(
            s, ctx, meeting.conv, "K1.1", ScoreDraft(-1, discussed=True, evidence=((EvidenceKind.NOTE, ev["note2"]),))
        )
    with store.session() as s:
        sections = gs.synthesis(s, meeting.conv)
    assert " ".join(x.code for x in sections) == "A B C D E F G H I J L K1 K2 K3 K4"
    items = {i.code: i for x in sections for i in x.items}
    assert len(items) == 100 + 12  # observation items (without the 11 headings) and the 12 dilemmas
    b02 = items["B02"]
    assert (b02.scale, b02.label.nl, b02.score) == ("AANW", "Feitelijke dominantie één persoon", None)
    assert [o.code for o in items["B03"].options][:2] == ["VERBINDEND_FACILITEREND", "STUREND_HIERARCHISCH"]
    assert [p.nl for p in items["B08"].poles] == ["Sturend (inhoud)", "Faciliterend (randvoorwaarden)"]
    dilemma = items["K1.1"]
    assert (dilemma.scale, dilemma.taxonomy) == ("BIPOOL", "dilemma")
    assert [p.en for p in dilemma.poles] == ["Inclusive", "Efficient"]
    assert (dilemma.score.value, dilemma.score.discussed, dilemma.score.deliberate_choice) == (-1, True, None)
    assert [r.text for r in dilemma.score.evidence] == ["Huisarts komt niet aan bod"]


# Participation ----------------------------------------------------------------------


def test_participation_matches_hand_computed_numbers(store: Store, ctx, meeting: Meeting) -> None:
    with store.transaction() as s:
        for n in range(8):
            gs.count_turn(s, ctx, meeting.conv, meeting.chair if n < 6 else meeting.gp_person, _at(n))
    with store.session() as s:
        summary = gs.participation(s, meeting.conv)
    assert summary.total_turns == 8
    assert {x.key: (x.turns, x.share, x.present) for x in summary.by_participant} == {
        meeting.chair: (6, 0.75, 1),
        meeting.gp_person: (2, 0.25, 1),
        meeting.alderman: (0, 0.0, 1),
        meeting.client: (0, 0.0, 0),  # absent, listed with 0
    }
    assert [x.label.nl for x in summary.absent] == ["Cliënt-/patiëntvertegenwoordiger"]
    assert [(x.key, x.turns, x.participants, x.present) for x in summary.by_category] == [
        ("CAT_BESTUURDER", 6, 1, 1),
        ("CAT_ZORGPROFESSIONAL", 2, 1, 1),
        ("CAT_BELEID_POLITIEK", 0, 1, 1),
        ("CAT_CLIENT_NAASTE", 0, 1, 0),
    ]
    assert [(x.label.nl, x.share) for x in summary.by_organisation] == [
        ("Zorggroep VVT", 0.75),
        ("Huisartsencoöperatie", 0.25),
        ("Gemeente", 0.0),
        ("Zonder organisatie", 0.0),
    ]
    for shares in (summary.by_participant, summary.by_category, summary.by_organisation):
        assert sum(x.share for x in shares) == pytest.approx(1.0)
    # Present speakers 6, 2, 0: Gini = sum|xi - xj| / (2 n^2 mean) = 24 / (2 * 9 * 8/3) = 0.5
    d = summary.dominance
    assert (d.top_participant_id, d.top_share, d.equal_share, d.gini) == (
        meeting.chair, 0.75, pytest.approx(1 / 3), pytest.approx(0.5),
    )  # fmt: skip


def test_dominance_indicators_on_their_own() -> None:
    def person(pid: str, turns: int, present: bool = True) -> rules.Attendee:
        return rules.Attendee(pid, pid, Label("CAT", "c", "c"), None, present, turns)

    assert rules.gini([3, 3, 3]) == 0.0
    assert rules.gini([0, 0, 0, 8]) == pytest.approx(0.75)  # one of n speaks: (n - 1) / n
    assert rules.gini([1, 2, 3, 4]) == pytest.approx(0.25)
    nobody = rules.summarise([person("a", 0), person("b", 0, present=False)])
    assert (nobody.total_turns, nobody.dominance.top_participant_id, nobody.dominance.gini) == (0, None, 0.0)
    assert all(x.share == 0.0 for x in nobody.by_participant)
    tie = rules.summarise([person("a", 4), person("b", 4), person("c", 2, present=False)]).dominance
    assert (tie.top_participant_id, tie.top_share, tie.gini) == (None, 0.4, 0.0)
    with pytest.raises(ValueError):
        rules.summarise([person("a", -1)])


def test_reads_of_an_unknown_conversation(shared: Shared) -> None:
    with shared.store.session() as s:
        reads = (gs.board_state, gs.timeline, gs.synthesis, gs.participation, participants.list_participants)
        for read in reads:
            with pytest.raises(NotFoundError):
                read(s, NO_ID)


# The demo network meeting -------------------------------------------------------------


def test_demo_dementia_network_meeting(store: Store, ctx) -> None:
    with store.transaction() as s:
        demo.load_demo(s, ctx)
    with store.session() as s:
        meetings = select(m.Conversation.id).where(m.Conversation.conversation_type == "NETWERKOVERLEG")
        conv = s.scalars(meetings.where(m.Conversation.title.contains("dementie"))).one()
        board, summary = gs.board_state(s, conv), gs.participation(s, conv)
        sections, items = gs.synthesis(s, conv), gs.timeline(s, conv)
        org_types = {i: t for i, t in s.execute(select(m.Organisation.id, m.Organisation.org_type))}
    assert (board.total_turns, len(board.tiles), len(board.events)) == (44, 12, 12)
    top = max(board.tiles, key=lambda t: t.turns)
    chair = top.participant
    assert (top.turns, chair.role.code, org_types[chair.organisation_id]) == (19, "BESTUURDER", "VVT")
    assert [e.event_code for e in board.events if e.signal_prefill] == ["EV-SIG"]
    # The VVT executive dominates: by far the most turns, over four times an even share.
    d = summary.dominance
    assert d.top_participant_id == chair.id and d.top_share == pytest.approx(19 / 44)
    assert d.top_share > 4 * d.equal_share and d.gini > 0.4
    assert summary.by_category[0].key == "CAT_BESTUURDER"
    assert summary.by_organisation[0].label.nl == chair.organisation_name == "Zorggroep Lindehof"
    assert sum(x.share for x in summary.by_organisation) == pytest.approx(1.0)
    absent = {x.label.nl for x in summary.absent}
    assert absent == {"Bestuurder De Wijkkracht", "Zorginkoper Zorgverzekeraar Noordwaard"}
    scored = {i.code: i.score for x in sections for i in x.items if i.score}
    assert scored["B02"].value == 2 and len(scored["B02"].evidence) == 3  # de facto single-person direction
    assert [i.kind for i in items].count("note") == 16 and [i.kind for i in items].count("event") == 12
    assert items == sorted(items, key=lambda i: i.at)
