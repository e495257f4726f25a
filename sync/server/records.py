"""Push: the server side of the protocol (one database transaction per request; pull: ``pull``).

A push is applied as one batch: the records it names and the parents their scopes
depend on are read with one query each (locked on PostgreSQL, in key order), merged in
memory (``merge``), and written with one statement per table after the push has taken
its revision, so the revision counter stays locked only for the writing and revisions
still become visible in commit order. Refused mutations are dead-lettered and never
block the batch. A retried batch (same hash) gets its stored results back with the
records as they are now; a different batch for used sequence numbers is a rewound
device (409).
"""

from __future__ import annotations

import functools
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import orjson
from sqlalchemy import ARRAY, Connection, String, any_, bindparam, insert, literal, select, update

from storage import value_schema
from storage.models import Base
from sync.protocol import (
    Mutation,
    PushRequest,
    change_base,
    change_value,
)

from . import accounts, blob_access, dead_letters, office_codes
from . import schema as t
from .accounts import Caller
from .bulk_insert import insert_many
from .db import dumps, dumps_bytes, next_revision
from .merge import PENDING, Held, Merge
from .scopes import SCOPE_PATHS, UnknownParentError, scope_of

Key = tuple[str, str]
IN_CHUNK = 400  # keys per IN (...) list
# a mutation's outcome as the wire carries it (a ``MutationResult``): a plain dict, as a model
# built for each of a thousand mutations cost about as much as merging it
Result = dict[str, Any]
_IDS = ARRAY(String)


class Refused(Exception):
    """The whole request is refused (HTTP status and error body)."""

    def __init__(self, status: int, error: str, **extra: Any) -> None:
        super().__init__(error)
        self.status = status
        self.body = {"error": error, **extra}


@functools.cache
def _columns(tbl: str) -> frozenset[str]:
    return frozenset(c.name for c in Base.metadata.tables[tbl].columns) - {"id"}


def _rows(conn: Connection, columns: list[Any], keys: Iterable[Key], lock: bool = False) -> list[Any]:
    """Rows of ``record`` for (tbl, id) keys, in key order (locked in that order: no deadlock
    between two pushes that share records). One ``tbl = ? AND id IN (...)`` per table: a
    row-value IN list is not matched against the primary key index by PostgreSQL."""
    by_table: dict[str, list[str]] = {}
    for tbl, record_id in sorted(set(keys)):
        by_table.setdefault(tbl, []).append(record_id)
    out: list[Any] = []
    # on PostgreSQL the ids go as one array: a push names a thousand, and an IN list of a
    # thousand parameters is compiled and planned anew for every push
    pg = conn.dialect.name == "postgresql"
    for tbl, ids in by_table.items():
        for part in [ids] if pg else [ids[i : i + IN_CHUNK] for i in range(0, len(ids), IN_CHUNK)]:
            named = t.record.c.id == any_(literal(part, _IDS)) if pg else t.record.c.id.in_(part)
            q = select(*columns).where(t.record.c.tbl == tbl, named).order_by(t.record.c.id)
            out.extend(conn.execute(q.with_for_update() if lock else q))
    return out


def _parent_refs(m: Mutation, held: Held | None) -> list[Key]:
    """The records whose scope could decide this record's scope."""
    path = SCOPE_PATHS.get(m.tbl)
    if not isinstance(path, list):
        return []
    refs = []
    for column, parent in path:
        ref = (
            change_value(m.fields[column])
            if column in m.fields
            else (held.fields.get(column) if held else None)
        )
        if isinstance(ref, str) and parent != "inspection":
            refs.append((parent, ref))
    return refs


def _references(m: Mutation) -> list[Key]:
    """The records the mutation's values name (foreign keys to synced tables)."""
    rule = value_schema.table_rule(m.tbl)
    refs = []
    for column, target in rule.references.items() if rule is not None else ():
        ref = change_value(m.fields[column]) if column in m.fields else None
        if isinstance(ref, str):
            refs.append((target, ref))
    return refs


def _base_value(conn: Connection, tbl: str, record_id: str, field: str, base: int) -> Any:
    """The field's value at revision ``base`` (the text a concurrent edit started from)."""
    h = t.change_history.c
    q = (
        select(h.fields)
        .where(h.tbl == tbl, h.record_id == record_id, h.seq <= base)
        .order_by(h.seq.desc(), h.id.desc())
    )
    with conn.execute(q, execution_options={"yield_per": 50}) as rows:
        for (fields,) in rows:
            if field in fields:
                return fields[field]
    return None


class _Batch:
    """One push: the records it touches held in memory, written once at the end."""

    def __init__(self, conn: Connection, caller: Caller, req: PushRequest) -> None:
        self.conn, self.caller, self.req = conn, caller, req
        self.held: dict[Key, Held] = {}
        self.parents: dict[Key, str | None] = {}  # scopes of parents outside the batch
        self.writable: set[str] | None = None  # the caller's writable scopes, read when first needed
        self.ruled: dict[str, bool] = {}
        self.readable: set[str] | None = None  # the caller's readable scopes, read when first needed
        self.rejections: list[dict[str, Any]] = []
        self.sent: dict[Key, dict[str, Any]] = {}  # values this device sent, per record merged
        self.hashes: dict[str, tuple[Any, bool]] = {}  # attachment id -> (sha256 sent, stored before)
        self.revs_text: dict[Key, str] = {}  # field revisions as written (a pull page embeds them)
        # a function of the connection, not a bound method: a batch referring to itself
        # through its merge lived on, every record and mutation of it, until the collector
        # swept an older generation (sync/gc_tuning.py; tests/test_push_garbage.py)
        self.merge = Merge(caller.device_id, functools.partial(_base_value, conn))
        self._codes: Callable[[str], frozenset[str]] | None = None

    def load(self) -> None:
        keys = [(m.tbl, m.id) for m in self.req.mutations if m.tbl in SCOPE_PATHS]
        for row in _rows(self.conn, [t.record], keys, lock=True):
            self.held[(row.tbl, row.id)] = Held(
                row.tbl,
                row.id,
                row.scope,
                row.deleted,
                dict(row.fields),
                dict(row.field_meta),
                stored=True,
                rev=row.rev,
            )
        refs = {r for m in self.req.mutations for r in _parent_refs(m, self.held.get((m.tbl, m.id)))}
        refs |= {r for m in self.req.mutations for r in _references(m)}
        outside = [r for r in refs if r not in self.held]
        cols = [t.record.c.tbl, t.record.c.id, t.record.c.scope]
        self.parents = {(r.tbl, r.id): r.scope for r in _rows(self.conn, cols, outside)}

    def known_codes(self, taxonomy: str) -> frozenset[str]:
        """The codes of every framework known here, read when a push first carries a code
        (most pushes are note text and carry none)."""
        if self._codes is None:
            self._codes = office_codes.known_codes(self.conn)
        return self._codes(taxonomy)

    def parent_scope(self, tbl: str, record_id: str) -> str | bool | None:
        """The parent's scope; False when it is not on the server (nor earlier in this push)."""
        rec = self.held.get((tbl, record_id))
        if rec is not None:
            return rec.scope if rec.exists else False
        if (tbl, record_id) in self.parents:
            return self.parents[(tbl, record_id)]
        # a parent the look-ahead did not foresee (its record moved)
        rows = _rows(self.conn, [t.record.c.scope], [(tbl, record_id)])
        return rows[0].scope if rows else False

    def can_write(self, scope: str) -> bool:
        if self.writable is None:  # one query per push, not one per inspection it names
            self.writable = accounts.writable_scopes(self.conn, self.caller.account_id)
        return scope in self.writable

    def authorise(self, m: Mutation, rec: Held | None, scope: str | None) -> str | bool | None:
        """None when the caller may write the record, True when it may because the record
        is a new inspection nobody has rules for (granted once its values pass: ``grant``);
        else the reason for refusing."""
        moved_from = rec.scope if rec is not None and rec.exists and rec.scope not in (None, scope) else None
        if moved_from is not None and not self.can_write(moved_from):
            return "forbidden"
        if scope is None:
            return None
        if m.tbl == "inspection" and (rec is None or not rec.exists):
            if scope not in self.ruled:
                self.ruled[scope] = accounts.has_access_rules(self.conn, scope)
            if not self.ruled[scope]:  # a new inspection: its creator's teams, if any
                return True if accounts.in_a_team(self.conn, self.caller.account_id) else "forbidden"
        return None if self.can_write(scope) else "forbidden"

    def grant(self, scope: str) -> None:
        accounts.grant_creator(self.conn, scope, self.caller.account_id)
        self.ruled[scope] = True
        if self.writable is not None:  # the creator's teams may write it now
            self.writable.add(scope)

    def may_name(self, tbl: str, record_id: str) -> bool:
        """The record exists (on the server or earlier in this push) and the caller may read it:
        a reference to anything else would break every laptop's pull (its foreign key), and
        the answer must not tell the caller whether a record it may not read exists."""
        scope = self.parent_scope(tbl, record_id)
        if scope is False:
            return False
        if scope is None or scope is True:
            return True
        if self.readable is None:
            self.readable = set(accounts.readable_scopes(self.conn, self.caller.account_id))
        return scope in self.readable or self.can_write(scope)

    def reject(self, m: Mutation, reason: str) -> Result:
        self.rejections.append({"client_seq": m.client_seq, "mutation": m.model_dump(), "reason": reason})
        return {"client_seq": m.client_seq, "status": "rejected", "reason": reason}

    def apply(self, m: Mutation, ord_: int) -> Result:
        if m.tbl not in SCOPE_PATHS:
            return self.reject(m, "unknown_table")
        values = {f: c.get("v") for f, c in m.fields.items() if f != "id"}  # change_value, inlined
        unknown = values.keys() - _columns(m.tbl)
        if unknown:
            return self.reject(m, "unknown_field:" + ",".join(sorted(unknown)))
        rec = self.held.get((m.tbl, m.id))
        exists = rec is not None and rec.exists
        current = rec.fields if rec is not None else {}
        # every value must be one every laptop's store accepts (storage.value_schema); first
        # the caller's own values alone: no answer before ``authorise`` may depend on values
        # of a record the caller may not read (it could bisect them through the CHECKs)
        issues = value_schema.check_record(m.tbl, values, new=False) or value_schema.unknown_codes(
            m.tbl, values, self.known_codes
        )
        if issues:
            return self.reject(m, value_schema.reason(issues))
        try:
            scope = scope_of(m.tbl, m.id, {**current, **values}, self.parent_scope)
        except UnknownParentError:
            return self.reject(m, "unknown_parent")
        allowed = self.authorise(m, rec, scope)
        if isinstance(allowed, str):
            return self.reject(m, allowed)
        # then the merged state (CHECKs over current values), or a new record whole (NOT NULL):
        # after the scope, so work waiting for access is refused as forbidden / unknown_parent,
        # which the laptop keeps to send again
        issues = value_schema.check_record(
            m.tbl, values, new=not exists, current=current if exists else None, values_checked=True
        )
        if issues:
            return self.reject(m, value_schema.reason(issues))
        for ref in _references(m):
            if not self.may_name(*ref):
                return self.reject(m, "unknown_parent")
        if allowed is True and scope is not None:
            self.grant(scope)
        if rec is None:
            rec = self.held[(m.tbl, m.id)] = Held(m.tbl, m.id)
        if m.tbl == "attachment" and "sha256" in values:  # decision 0006: only the pusher's own hash
            self.hashes[m.id] = (values["sha256"], rec.stored)
        before = len(self.merge.history)
        bases = {f: change_base(c) for f, c in m.fields.items()}
        status = self.merge.apply(rec, m, values, bases)
        self.sent.setdefault((m.tbl, m.id), {}).update(values)
        if len(self.merge.history) > before:
            rec.scope, rec.ord = scope, ord_
        # which fields lost (merged text did not): the laptop lists and "Keep mine" rewrites only those
        lost = "lost:" + ",".join(self.merge.lost) if status == "superseded" and self.merge.lost else None
        return {"client_seq": m.client_seq, "status": status, "reason": lost}

    def write(self, seq: int) -> None:
        """Everything this push changed, stamped with its revision ``seq``."""
        now, device = accounts.now(), self.caller.device_id
        new, old = [], []
        for rec in self.held.values():
            if not rec.changed:
                continue
            rec.rev = seq
            for meta in rec.meta.values():
                if meta["rev"] == PENDING:
                    meta["rev"] = seq
            revs = self.revs_text[(rec.tbl, rec.id)] = dumps(_field_revs(rec.meta))
            values = {
                "scope": rec.scope,
                "rev": seq,
                "ord": rec.ord,
                "deleted": rec.deleted,
                "fields": rec.fields,
                "field_meta": rec.meta,
                "field_revs": revs,  # what a pull page embeds (migration 0010), and this answer
            }
            if rec.stored:
                old.append({"b_tbl": rec.tbl, "b_id": rec.id, **values})
            else:
                new.append({"tbl": rec.tbl, "id": rec.id, **values})
        r = t.record.c
        insert_many(self.conn, t.record, new)
        if old:
            self.conn.execute(
                update(t.record).where(r.tbl == bindparam("b_tbl"), r.id == bindparam("b_id")),
                old,
            )
        insert_many(self.conn, t.change_history, [{**h, "seq": seq} for h in self.merge.history])
        if self.merge.conflicts:
            self.conn.execute(
                insert(t.sync_conflict),
                [
                    {**c, "id": str(uuid.uuid4()), "seq": seq, "status": "open", "created_at": now}
                    for c in self.merge.conflicts
                ],
            )
        if self.rejections:
            dead_letters.record(self.conn, device, self.req.epoch, now, self.rejections)

    def vouched(self) -> list[tuple[str, Any]]:
        """(attachment id, hash) this push set and kept, on records new in it or created by
        the caller's account: someone else's edit never turns a record into a link."""
        out = []
        for record_id, (sha, stored) in self.hashes.items():
            rec = self.held[("attachment", record_id)]
            if rec.fields.get("sha256") != sha:
                continue  # lost to a concurrent value
            if stored and blob_access.created_by(self.conn, record_id) != self.caller.account_id:
                continue
            out.append((record_id, sha))
        return out

    def states(self, keys: list[Key], readable: set[str]) -> list[dict[str, Any]]:
        """The records as they are now (this push's included), those the caller may read
        (``readable``: read after this push's grants); of the values this device sent only
        those the server holds differently."""
        out = []
        for key in dict.fromkeys(keys):
            rec = self.held.get(key)
            if rec is None or not rec.exists or (rec.scope is not None and rec.scope not in readable):
                continue
            sent = self.sent.get(key)
            fields = rec.fields
            if sent is not None:
                fields = {f: v for f, v in fields.items() if f not in sent or sent[f] != v}
            revs = self.revs_text.get(key)
            out.append(
                wire_record(
                    rec,
                    fields,
                    orjson.Fragment(revs) if revs is not None else _field_revs(rec.meta),
                    partial=sent is not None,
                )
            )
        return out


def _states(conn: Connection, account_id: str, keys: list[Key]) -> list[dict[str, Any]]:
    """The records as they are now, those the caller may read (a retried push's answer)."""
    readable = set(accounts.readable_scopes(conn, account_id))
    rows = {(r.tbl, r.id): r for r in _rows(conn, [t.record], keys)}
    return [
        wire_record(row, row.fields, _field_revs(row.field_meta))
        for row in (rows.get(k) for k in dict.fromkeys(keys))
        if row is not None and (row.scope is None or row.scope in readable)
    ]


def _field_revs(meta: dict[str, dict[str, Any]]) -> dict[str, int]:
    return {f: int(m["rev"]) for f, m in meta.items()}


def wire_record(row: Any, fields: Any, field_revs: Any, partial: bool = False) -> dict[str, Any]:
    """A record as the wire carries it (a ``RecordState``); ``fields`` and ``field_revs`` as
    the caller has them (dicts, or ``orjson.Fragment``: JSON text the database holds)."""
    return {
        "tbl": row.tbl,
        "id": row.id,
        "rev": row.rev,
        "deleted": row.deleted,
        "fields": fields,
        "field_revs": field_revs,
        "partial": partial,
    }


@dataclass(frozen=True)
class PushAnswer:
    """A push's answer (a ``PushResponse``), its records kept as the wire carries them and
    serialised once (``json``): model objects for a thousand records cost more than the rest
    of the answer."""

    results: list[Result]
    records: list[dict[str, Any]]
    hwm: int
    server_time: str

    def json(self) -> bytes:
        return dumps_bytes(
            {
                "results": self.results,
                "records": self.records,
                "hwm": self.hwm,
                "server_time": self.server_time,
            }
        )


def push(conn: Connection, caller: Caller, req: PushRequest, batch_hash: str) -> PushAnswer:
    d = t.device.c
    dev = conn.execute(
        select(d.id, d.epoch, d.hwm, d.status, t.account.c.disabled_at)
        .join(t.account, t.account.c.id == d.account_id)
        .where(d.id == caller.device_id)
        .with_for_update(of=t.device)
    ).one()
    # revoked or disabled after the request guard let this push in: refused as the guard does
    if dev.disabled_at is not None:
        raise Refused(401, "account_disabled")
    if dev.status != "active":
        raise Refused(401, "device_revoked")
    if req.device_id != dev.id:
        raise Refused(403, "device_mismatch")
    if req.epoch != dev.epoch:
        raise Refused(409, "epoch_mismatch", expected_hwm=dev.hwm)
    seqs = [m.client_seq for m in req.mutations]
    if seqs != sorted(set(seqs)) or seqs[0] < req.first_client_seq or seqs[-1] > req.last_client_seq:
        raise Refused(422, "bad_batch", detail="client_seq must rise within first..last")
    if req.last_client_seq <= dev.hwm:
        prev = conn.execute(
            select(t.applied_batch).where(
                t.applied_batch.c.device_id == dev.id,
                t.applied_batch.c.epoch == dev.epoch,
                t.applied_batch.c.last_client_seq == req.last_client_seq,
            )
        ).first()
        if prev is None or prev.payload_hash != batch_hash:
            raise Refused(409, "device_rewound", expected_hwm=dev.hwm)
        return PushAnswer(
            results=prev.results,
            records=_states(conn, caller.account_id, [(k[0], k[1]) for k in prev.records]),
            hwm=dev.hwm,
            server_time=accounts.now(),
        )
    if req.first_client_seq != dev.hwm + 1:
        raise Refused(409, "gap", expected_hwm=dev.hwm)
    batch = _Batch(conn, caller, req)
    batch.load()
    results = [batch.apply(m, n) for n, m in enumerate(req.mutations)]
    keys = [(m.tbl, m.id) for m in req.mutations]
    # what needs no revision is done before it is taken: every other push waits for the
    # counter until this one commits (the fleet's pushes queue there)
    conn.execute(
        update(t.device)
        .where(t.device.c.id == dev.id)
        .values(hwm=req.last_client_seq, last_seen_at=accounts.now())
    )
    applied = {
        "device_id": dev.id,
        "epoch": dev.epoch,
        "last_client_seq": req.last_client_seq,
        "first_client_seq": req.first_client_seq,
        "payload_hash": batch_hash,
        "results": results,
        "records": [list(k) for k in dict.fromkeys(keys)],
        "created_at": accounts.now(),
    }
    readable = set(accounts.readable_scopes(conn, caller.account_id))
    seq = next_revision(conn)  # at the end: the counter is locked only for the writing
    batch.write(seq)
    # an attachment's hash unlocks bytes only if its pusher set it and holds them (decision 0006)
    blob_access.vouch(conn, caller, batch.vouched())
    conn.execute(insert(t.applied_batch).values(**applied, seq=seq))
    return PushAnswer(results, batch.states(keys, readable), req.last_client_seq, accounts.now())
