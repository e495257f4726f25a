"""Freezing outbox rows into a push batch, and taking the server's answer in.

A batch is the contiguous head of the outbox, coalesced per record (the newest value
of each field, the base the user saw first), at most ``MAX_PUSH_MUTATIONS`` records and
``MAX_PUSH_BYTES`` of JSON (a paragraph may hold 100,000 characters: 200 of them passed the
office's body limit, and the refused batch was sent again forever). It is serialised once and stored in
``sync_inflight`` before it is sent: until the server acknowledges it, every retry
sends exactly these bytes, and edits made meanwhile wait for the next batch.
"""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import orjson
from sqlalchemy import delete
from sqlalchemy.orm import Session

from storage.models import Outbox, SyncInflight
from sync.hlc import Hlc
from sync.protocol import MAX_PUSH_BYTES, MAX_PUSH_MUTATIONS, PushResponse, RecordState

from . import held, json_text, portable
from . import local_state as state
from .apply import apply_records, known_revisions

READ_ROWS = 500  # outbox rows read at a time until the batch is full
ENVELOPE = 256  # bytes of a mutation besides its fields (seq, table, id, op, clock), generously
FIELD_ENVELOPE = 48  # a field's name quotes, {"base":…,"v":…} and a framework's key@version


@dataclass(frozen=True)
class Frozen:
    payload: bytes
    mutations: int
    last_client_seq: int
    outbox_rows: int  # the local edits it carries (the outbox rows it acknowledges)
    last_outbox_seq: int = 0

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.payload).hexdigest()


@dataclass(frozen=True)
class Prepared:
    """The batch after the one in flight, worked out while that one travels (``prepare``) and
    stored when it is acknowledged (``acknowledge(..., then=...)``): the same bytes ``freeze``
    would have made then. The fields it carries are still in the outbox while the batch before
    is answered, so that answer leaves their revisions (the bases) alone either way."""

    text: str
    mutations: int
    first: int
    last: int
    after_outbox_seq: int
    last_outbox_seq: int
    outbox_rows: int  # those in (after_outbox_seq, last_outbox_seq] when it was made
    clock_before: str | None
    clock: str


def _ms(created_at: str) -> int:
    return int(datetime.fromisoformat(created_at.replace("Z", "+00:00")).timestamp() * 1000)


def _size(column: str, value: Any) -> int:
    """Bytes a field takes in the batch, at most (the value as orjson writes it)."""
    try:
        return len(column) + FIELD_ENVELOPE + len(orjson.dumps(value))
    except TypeError:  # an integer beyond 64 bits: the standard library writes it
        return len(column) + FIELD_ENVELOPE + len(json.dumps(value, ensure_ascii=False))


def _coalesce(
    session: Session, limit: int, max_bytes: int = MAX_PUSH_BYTES, after: int = 0
) -> tuple[dict[tuple[str, str], dict[str, Any]], int]:
    """Mutations per record (insertion order) from the outbox head, for at most ``limit``
    records and about ``max_bytes`` of JSON (an outbox row that would pass it waits for the
    next batch, unless it is the first), and the last outbox seq they cover. Rows are read a
    few hundred at a time and decoded only when used: a long offline period leaves a large outbox."""
    conn = session.connection()
    grouped: dict[tuple[str, str], dict[str, Any]] = {}
    last_seq = after
    total = 0
    while True:
        rows = conn.exec_driver_sql(
            "SELECT seq, entity, entity_id, op, changed, payload, created_at FROM outbox"
            " WHERE seq > ? ORDER BY seq LIMIT ?",
            (last_seq, READ_ROWS),
        ).all()
        for seq, entity, entity_id, op, changed, payload, created_at in rows:
            key = (entity, entity_id)
            if key not in grouped and len(grouped) >= limit:
                return grouped, last_seq
            entry = grouped.get(key) or {"op": "upsert", "fields": {}, "created": [], "sizes": {}}
            values = orjson.loads(payload) if payload else {}
            columns = [c for c in (orjson.loads(changed) if changed else ()) if c != "id"]
            sizes = {c: _size(c, values.get(c)) for c in columns}
            grows = sum(n - entry["sizes"].get(c, 0) for c, n in sizes.items())
            grows += 0 if key in grouped else ENVELOPE
            if grouped and total + grows > max_bytes:
                return grouped, last_seq
            total += grows
            grouped[key] = entry
            entry["sizes"].update(sizes)
            for column in columns:
                entry["fields"][column] = values.get(column)
            if op == "delete":
                entry["op"] = "delete"
            entry["created"].append(created_at)
            last_seq = seq
        if len(rows) < READ_ROWS:
            return grouped, last_seq


# One record's values past this would pass the office's body limit (twice MAX_PUSH_BYTES). The
# store's own limits keep every text with a length CHECK far below it (a paragraph: 100,000
# characters, at most 600 KB as JSON); only the unbounded Text columns could, written around
# the services.
OVERSIZED = 2 * MAX_PUSH_BYTES - 64 * 1024


def _oversized(grouped: dict[tuple[str, str], dict[str, Any]]) -> bool:
    """The batch is one record too large to travel."""
    return len(grouped) == 1 and sum(next(iter(grouped.values()))["sizes"].values()) > OVERSIZED


def _refuse_oversized(session: Session, grouped: dict[tuple[str, str], dict[str, Any]], last: int) -> None:
    """A record too large to travel becomes a problem (its values stay here), not a batch sent
    again forever; its outbox rows are done."""
    (((tbl, record_id), entry),) = grouped.items()
    size = sum(entry["sizes"].values())
    state.add_issue(session, "rejected", tbl, record_id, reason=f"too_large:{size}", fields={})
    session.execute(delete(Outbox).where(Outbox.seq <= last))
    session.flush()


def waiting(session: Session) -> int:
    """Outbox rows (local edits) not yet acknowledged by the office, as the triggers of
    migration 0010 count them (``count(*)`` reads every row's JSON copy: ~120 ms at 1M)."""
    n = session.connection().exec_driver_sql("SELECT n FROM tally_outbox").scalar()
    return int(n or 0)


def _outbox_rows(session: Session, last_outbox_seq: int, after: int = 0) -> int:
    """Outbox rows with a seq in (``after``, ``last_outbox_seq``]."""
    sql = "SELECT count(*) FROM outbox WHERE seq > ? AND seq <= ?"
    return int(session.connection().exec_driver_sql(sql, (after, last_outbox_seq)).scalar_one())


def freeze(session: Session) -> Frozen | None:
    """The batch to send: the one already in flight, or a new one from the outbox head."""
    inflight = session.get(SyncInflight, 1)
    if inflight is not None:
        rows = _outbox_rows(session, inflight.last_outbox_seq)
        return Frozen(
            inflight.payload.encode("utf-8"),
            inflight.mutations,
            inflight.last_client_seq,
            rows,
            inflight.last_outbox_seq,
        )
    grouped, last_outbox_seq = _coalesce(session, MAX_PUSH_MUTATIONS)
    while _oversized(grouped):
        _refuse_oversized(session, grouped, last_outbox_seq)  # the office would refuse it forever
        grouped, last_outbox_seq = _coalesce(session, MAX_PUSH_MUTATIONS)
    if not grouped:
        return None
    return _store(session, _build(session, grouped, 0, last_outbox_seq))


def prepare(session: Session, after: int) -> Prepared | None:
    """The batch that follows the one in flight (whose outbox rows end at ``after``), read
    only: nothing is stored, so it is simply lost if the process dies. None when there is
    nothing, or when the next record is too large to travel (``freeze`` deals with that)."""
    grouped, last_outbox_seq = _coalesce(session, MAX_PUSH_MUTATIONS, after=after)
    if not grouped or _oversized(grouped):
        return None
    return _build(session, grouped, after, last_outbox_seq)


def _build(
    session: Session, grouped: dict[tuple[str, str], dict[str, Any]], after: int, last_outbox_seq: int
) -> Prepared:
    bases = {key: revs for key, (_rev, revs) in known_revisions(session.connection(), list(grouped)).items()}
    clock_before = state.get(session, "hlc")
    clock = Hlc.decode(clock_before or Hlc(0).encode())
    first = state.get_int(session, "next_client_seq", 1)
    mutations = []
    for n, ((tbl, record_id), entry) in enumerate(grouped.items()):
        for created in entry["created"]:
            clock = clock.tick(max(_ms(created), 0))
        known = bases.get((tbl, record_id), {})
        entry["fields"] = portable.outgoing(session, tbl, entry["fields"])
        mutations.append(
            {
                "client_seq": first + n,
                "tbl": tbl,
                "id": record_id,
                "op": entry["op"],
                "hlc": clock.encode(),
                "fields": {f: {"v": v, "base": int(known.get(f, 0))} for f, v in entry["fields"].items()},
            }
        )
    last = first + len(mutations) - 1
    body = {
        "device_id": state.get(session, "device_id"),
        "epoch": state.get_int(session, "epoch", 1),
        "first_client_seq": first,
        "last_client_seq": last,
        "mutations": mutations,
    }
    return Prepared(
        json_text.dumps(body, sort_keys=True),
        len(mutations),
        first,
        last,
        after,
        last_outbox_seq,
        _outbox_rows(session, last_outbox_seq, after),
        clock_before,
        clock.tick(int(time.time() * 1000)).encode(),
    )


def _store(session: Session, batch: Prepared) -> Frozen:
    """The batch in flight from now on: every retry sends exactly these bytes."""
    session.add(
        SyncInflight(
            id=1,
            payload=batch.text,
            last_outbox_seq=batch.last_outbox_seq,
            first_client_seq=batch.first,
            last_client_seq=batch.last,
            mutations=batch.mutations,
            created_at=state.now(),
        )
    )
    state.put(session, "next_client_seq", batch.last + 1)
    state.put(session, "hlc", batch.clock)
    session.flush()
    rows = _outbox_rows(session, batch.last_outbox_seq)
    return Frozen(batch.text.encode("utf-8"), batch.mutations, batch.last, rows, batch.last_outbox_seq)


def _take(session: Session, batch: Prepared) -> Frozen | None:
    """Store a prepared batch, if nothing it was made from moved meanwhile (it never does in one
    sync run; a re-enrolment or a second engine would): else None, and ``freeze`` starts over."""
    unchanged = (
        session.get(SyncInflight, 1) is None
        and state.get_int(session, "next_client_seq", 1) == batch.first
        and state.get(session, "hlc") == batch.clock_before
        and _outbox_rows(session, batch.after_outbox_seq) == 0
        and _outbox_rows(session, batch.last_outbox_seq, batch.after_outbox_seq) == batch.outbox_rows
    )
    return _store(session, batch) if unchanged else None


def _key(m: dict[str, Any]) -> tuple[Any, Any]:
    return m.get("tbl"), m.get("id")


def _lost(fields: dict[str, Any], reason: str | None, winner: dict[str, Any]) -> dict[str, Any]:
    """Of a superseded mutation, only the fields that lost (the office names them: ``lost:a,b``);
    a field merged with a colleague's edit did not lose, and "Keep mine" must not rewrite it.
    Each keeps the value that won (``other``, from the answer's record): "Keep mine" is refused
    once a later edit replaced that one too (``inspectorapp.services.sync_status``)."""
    if not reason or not reason.startswith("lost:"):
        return fields
    lost = set(reason.removeprefix("lost:").split(","))
    return {
        f: {**change, "other": winner[f]} if isinstance(change, dict) and f in winner else change
        for f, change in fields.items()
        if f in lost
    }


@dataclass(frozen=True)
class Settled:
    """A batch's answer taken in (``settle``). ``records``: the answer's records still to be
    written (``apply_records``), in a transaction of their own once the next batch is on its
    way; empty when ``settle`` wrote them itself."""

    counts: dict[str, int]
    following: Frozen | None
    records: list[RecordState]


def acknowledge(
    session: Session, response: PushResponse, then: Prepared | None = None
) -> tuple[dict[str, int], Frozen | None]:
    """The server applied the batch in flight: drop its outbox rows, take the records in, in
    one transaction. ``then``: the next batch, prepared meanwhile, put in flight (returned)."""
    settled = settle(session, response, then)
    apply_records(session, settled.records)
    return settled.counts, settled.following


def settle(session: Session, response: PushResponse, then: Prepared | None = None) -> Settled:
    """The server applied the batch in flight: drop its outbox rows, note what it refused or
    superseded, and put ``then`` (the next batch, prepared meanwhile) in flight. The answer's
    records are left to the caller (``Settled.records``): the next batch can travel while they
    are written. Should the laptop stop in between, the next pull brings them (its cursor is
    behind this batch's revision), and until then the outbox holds nothing of theirs. Work
    refused for lack of access is held to be sent again (``sync.held``): deciding that needs
    the records first, so such an answer is written whole here."""
    inflight = session.get(SyncInflight, 1)
    if inflight is None:
        return Settled({}, None, [])
    session.execute(delete(Outbox).where(Outbox.seq <= inflight.last_outbox_seq))
    by_seq: dict[int, dict[str, Any]] | None = None  # the batch's mutations, read when one needs a look
    counts: dict[str, int] = {}
    holding = held.waiting_for_access(session) > 0
    refused: list[tuple[dict[str, Any], str]] = []  # for lack of access: held while its parents wait
    winners = {(r.tbl, r.id): r.fields for r in response.records}  # what a superseded field lost to
    for result in response.results:
        counts[result.status] = counts.get(result.status, 0) + 1
        # "conflict" (my value won) makes no problem here: the answer lacks the value that lost,
        # so it is listed from the office's conflicts (sync_runner.record_conflicts) with both
        if holding or result.status in ("superseded", "rejected"):
            if by_seq is None:
                by_seq = {m["client_seq"]: m for m in orjson.loads(inflight.payload)["mutations"]}
            m = by_seq.get(result.client_seq, {})
            if result.status == "rejected" and result.reason in held.ACCESS_REASONS:
                refused.append((m, result.reason))
                continue
            if holding:
                held.settle(session, m)
            if result.status in ("applied", "conflict"):
                continue
            state.add_issue(
                session,
                result.status,
                m.get("tbl"),
                m.get("id"),
                reason=result.reason,
                fields=_lost(m.get("fields") or {}, result.reason, winners.get(_key(m), {})),
            )
    session.delete(inflight)
    session.flush()
    records = response.records
    if refused:
        apply_records(session, records)  # first: parents accepted in this batch are known then
        records = []
    for m, reason in refused:  # in batch order: a parent held earlier in the batch holds its children
        if held.parent_waits(session, m):
            held.hold(session, m, reason)
        else:  # a parent refused for another reason, or never sent: the inspector decides
            held.settle(session, m)
            fields = m.get("fields") or {}
            state.add_issue(session, "rejected", m.get("tbl"), m.get("id"), reason=reason, fields=fields)
    state.put(session, "hwm", response.hwm)
    return Settled(counts, _take(session, then) if then is not None else None, records)
