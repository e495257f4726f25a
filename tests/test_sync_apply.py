"""Records from the office written into a real laptop store (``sync.apply``): they land in the
ordinary tables without making outbox rows, and a record naming anything but a synced table is
set aside as a problem, never written."""

from __future__ import annotations

import json

from sqlalchemy import func, select, text

from storage import models as m
from storage.engine import Store
from sync.apply import apply_records
from sync.protocol import RecordState

NOW = "2026-12-05T10:00:00.000Z"
ORG = "01900000-0000-7000-8000-0000000000a1"


def _record(tbl: str, record_id: str, **fields: object) -> RecordState:
    return RecordState(
        tbl=tbl,
        id=record_id,
        rev=7,
        deleted=False,
        fields=fields,
        field_revs={f: 7 for f in fields},
        partial=False,
    )


def test_pulled_records_are_written_without_echo_and_bookkeeping_is_refused(store: Store) -> None:
    with store.transaction() as s:
        outbox_before = s.scalar(select(func.count()).select_from(m.Outbox))
        meta_before = {k: v for k, v in s.execute(select(m.StoreMeta.key, m.StoreMeta.value))}
    hostile = [
        _record("store_meta", "sync.server_url", value="http://evil.example"),
        _record("outbox", "1", entity="organisation"),
        _record("sync_applying", "1"),
        _record("no_such_table", ORG, name="x"),
    ]
    good = _record("organisation", ORG, name="Zorggroep De Linde", created_at=NOW, updated_at=NOW)
    with store.transaction() as s:
        assert apply_records(s, [*hostile, good]) == 1
    with store.transaction() as s:
        assert s.get(m.Organisation, ORG).name == "Zorggroep De Linde"  # type: ignore[union-attr]
        assert s.scalar(select(func.count()).select_from(m.Outbox)) == outbox_before  # no echo
        assert {k: v for k, v in s.execute(select(m.StoreMeta.key, m.StoreMeta.value))} == meta_before
        issues = [(k, t) for k, t in s.execute(select(m.SyncIssue.kind, m.SyncIssue.tbl))]
        assert sorted(issues) == sorted(("unknown_table", r.tbl) for r in hostile)
        assert s.execute(text("SELECT count(*) FROM sync_applying")).scalar_one() == 0
        rev = s.execute(text("SELECT rev FROM sync_record WHERE id = :id"), {"id": ORG}).scalar_one()
        assert rev == 7


ORG2 = "01900000-0000-7000-8000-0000000000a2"
SIGNAL = "01900000-0000-7000-8000-0000000000b1"


def _signal(organisation_id: str) -> RecordState:
    return _record(
        "signal",
        SIGNAL,
        organisation_id=organisation_id,
        kind="zacht",
        valence="negatief",
        observed_at=NOW,
        recorded_at=NOW,
        observation="Sfeer op de afdeling",
        status="NIEUW",
        report_use="intern",
        confidentiality="TEAM",
        shared_with_institution="nee",
        created_at=NOW,
        updated_at=NOW,
    )


def test_records_the_store_refuses_are_set_aside_and_the_rest_applies(store: Store) -> None:
    """A record without its NOT NULL name, a dict in a text column and a child whose parent
    never came: each is kept whole with a reason; the good records of the page apply."""
    good = _record("organisation", ORG, name="Zorggroep De Linde", created_at=NOW, updated_at=NOW)
    nameless = _record("organisation", ORG2, sector="MSZ", created_at=NOW, updated_at=NOW)
    orphan = _signal("01900000-0000-7000-8000-0000000000ff")
    with store.transaction() as s:
        assert apply_records(s, [nameless, orphan, good]) == 1
    with store.transaction() as s:
        assert s.get(m.Organisation, ORG) is not None and s.get(m.Organisation, ORG2) is None
        aside = {(r.tbl, r.id): r for r in s.scalars(select(m.SyncSetAside))}
        assert set(aside) == {("organisation", ORG2), ("signal", SIGNAL)}
        assert aside[("signal", SIGNAL)].reason.startswith("unknown_parent")
        assert aside[("organisation", ORG2)].record["fields"]["sector"] == "MSZ"  # kept whole
    # SQLite's own refusal (bypassing the value check): a page written one record at a time
    bad = _record("organisation", ORG2, name={"nl": "geen tekst"}, created_at=NOW, updated_at=NOW)
    with store.transaction() as s:
        from sync import apply as apply_module

        conn = s.connection()
        conn.exec_driver_sql("INSERT INTO sync_applying (id) VALUES (1)")
        try:
            refused: dict[int, str] = {}
            apply_module._apply_each(s, [(0, bad)], refused)
        finally:
            conn.exec_driver_sql("DELETE FROM sync_applying")
        assert refused[0].startswith("refused_by_store:")
    # the parent arrives later: the set-aside child applies on the next try and leaves the list
    with store.transaction() as s:
        parent = _record("organisation", orphan.fields["organisation_id"], name="Later", created_at=NOW, updated_at=NOW)
        assert apply_records(s, [parent]) == 1
        from sync import set_aside

        assert apply_records(s, set_aside.records(s)) == 1
    with store.transaction() as s:
        assert s.get(m.Signal, SIGNAL) is not None
        assert [(r.tbl, r.id) for r in s.scalars(select(m.SyncSetAside))] == [("organisation", ORG2)]


ORG3 = "01900000-0000-7000-8000-0000000000a3"


def _state(record: RecordState, rev: int, partial: bool = False, **fields: object) -> RecordState:
    """``record`` at revision ``rev``: ``fields`` changed there, the rest as before."""
    revs = {**record.field_revs, **{f: rev for f in fields}}
    return record.model_copy(
        update={"rev": rev, "fields": fields if partial else {**record.fields, **fields}, "field_revs": revs,
                "partial": partial}
    )


def test_a_set_aside_copy_never_writes_an_older_value_over_a_newer_one(store: Store) -> None:
    """A signal moves to an organisation this laptop lacks (rev 5: set aside); a partial rev 6
    changes its observation; the organisation arrives. The retry applies the move but leaves
    rev 6's observation (it wrote rev 5's back while sync_record said rev 6); a copy with
    nothing newer than what the store holds is dropped, not tried forever."""
    from sync import engine, set_aside

    org = _record("organisation", ORG, name="Zorggroep De Linde", created_at=NOW, updated_at=NOW)
    signal = _signal(ORG)
    with store.transaction() as s:
        assert apply_records(s, [org, signal]) == 2
    moved = _state(signal, 8, organisation_id=ORG3, observation="Tweede lezing")
    with store.transaction() as s:
        apply_records(s, [moved])
        assert [(r.tbl, r.id) for r in s.scalars(select(m.SyncSetAside))] == [("signal", SIGNAL)]
    with store.transaction() as s:
        apply_records(s, [_state(moved, 9, partial=True, observation="Derde lezing")])
        parent = _record("organisation", ORG3, name="Nieuwe eigenaar", created_at=NOW, updated_at=NOW)
        apply_records(s, [parent.model_copy(update={"rev": 10})])
    with store.transaction() as s:
        changed, applied = engine._retry_set_aside(s)
        assert changed == 1
        assert applied == {("signal", SIGNAL)}  # open views refresh the records the retry applied
    with store.transaction() as s:
        row = s.get(m.Signal, SIGNAL)
        assert row is not None and (row.organisation_id, row.observation) == (ORG3, "Derde lezing")
        assert s.scalar(select(func.count()).select_from(m.SyncSetAside)) == 0
    # a copy older in every field (a replayed page): dropped on the retry, nothing written
    old = signal.model_copy(update={"rev": 6, "field_revs": {f: 6 for f in signal.fields}})
    with store.transaction() as s:
        set_aside.put(s, [(_state(old, 6, observation="Eerste lezing"), "x")])
    with store.transaction() as s:
        assert engine._retry_set_aside(s) == (0, set())
        assert s.scalar(select(func.count()).select_from(m.SyncSetAside)) == 0
        assert s.get(m.Signal, SIGNAL).observation == "Derde lezing"  # type: ignore[union-attr]


def test_a_bug_in_apply_is_raised_not_hidden_as_a_set_aside_record(store: Store, monkeypatch) -> None:
    """Only a value the driver cannot bind sets a record aside; a TypeError or ValueError of
    the code around it surfaces (it set every record of the page aside quietly)."""
    import pytest

    from sync import apply as apply_module
    from sync import portable

    huge = _state(_signal(ORG), 7, strength=2**70)
    with store.transaction() as s:
        apply_records(s, [_record("organisation", ORG, name="De Linde", created_at=NOW, updated_at=NOW)])
        conn = s.connection()
        conn.exec_driver_sql("INSERT INTO sync_applying (id) VALUES (1)")
        try:
            refused: dict[int, str] = {}
            apply_module._apply_each(s, [(0, huge)], refused)  # past the value check: the driver refuses
            assert refused[0].startswith("refused_by_store:ValueRefused")
        finally:
            conn.exec_driver_sql("DELETE FROM sync_applying")

    def broken(*_args: object) -> dict[str, object]:
        raise TypeError("a bug in the apply code")

    monkeypatch.setattr(portable, "incoming", broken)
    with store.transaction() as s, pytest.raises(TypeError):
        apply_records(s, [_signal(ORG)])
    with store.transaction() as s:
        assert s.scalar(select(func.count()).select_from(m.SyncSetAside)) == 0


def test_an_answer_of_revisions_only_moves_them_but_never_past_an_unsent_edit(store: Store) -> None:
    """A push's answer mostly names records whose sent values all won: revisions and no value.
    They take a short way (``_revisions_only``); it must move revisions exactly as the whole
    way does: not for a field edited since (still in the outbox), not for a row this laptop
    lacks, and a record that is no synced table's still goes the whole way and is refused."""
    with store.transaction() as s:
        apply_records(s, [_record("organisation", ORG, name="De Linde", created_at=NOW, updated_at=NOW)])
    with store.transaction() as s:  # an edit made here, waiting in the outbox
        s.execute(text("UPDATE organisation SET name = 'De Linde (Noord)' WHERE id = :id"), {"id": ORG})

    def answer(tbl: str, record_id: str) -> RecordState:
        revs = {"name": 9, "created_at": 7, "updated_at": 9}
        return RecordState(
            tbl=tbl, id=record_id, rev=9, deleted=False, fields={}, field_revs=revs, partial=True
        )

    with store.transaction() as s:
        records = [answer("organisation", ORG), answer("organisation", ORG2), answer("store_meta", "x")]
        changed = apply_records(s, records)
    assert changed == 0
    with store.transaction() as s:
        held = {r.id: (r.rev, json.loads(r.field_revs)) for r in s.execute(text("SELECT * FROM sync_record"))}
        assert held == {ORG: (9, {"name": 7, "created_at": 7, "updated_at": 9})}  # name: edited here since
        assert s.get(m.Organisation, ORG).name == "De Linde (Noord)"  # type: ignore[union-attr]
        assert s.get(m.Organisation, ORG2) is None
        assert [k for (k,) in s.execute(select(m.SyncIssue.kind))] == ["unknown_table"]
