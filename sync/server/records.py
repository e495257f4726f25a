"""Push and pull: the server side of the protocol (one database transaction per request).

Push applies a frozen batch field by field. A field whose server revision is not newer
than the ``base`` the client saw, or that holds what the same device last wrote there, is
a sequential edit and always applies; otherwise the edit is concurrent and the larger
``(hlc, device)`` wins, the other value is kept in ``sync_conflict`` (note text is merged
three-way first). A delete wins over an edit; the edit is applied to the deleted record
and flagged for review. Refused mutations are dead-lettered and never block the batch. A
retried batch (same hash) gets its stored results back with the records as they are now;
a different batch for used sequence numbers is a rewound device (409).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, insert, or_, select, update

from storage.models import Base
from sync.protocol import (
    Mutation,
    MutationResult,
    PullResponse,
    PushRequest,
    PushResponse,
    RecordState,
)

from . import accounts
from . import schema as t
from .accounts import Caller
from .scopes import SCOPE_PATHS, UnknownParentError, scope_of
from .textmerge import merge3

# Fields whose concurrent loss an inspector must see (the rest resolve silently, logged).
REVIEW_FIELDS = {
    "finding": {"what_we_see", "what_we_think", "what_next", "movement", "traffic_light", "addressed_to"},
    "signal": {"observation", "quote", "interpretation", "kind", "valence", "confidentiality", "report_use"},
    "note_paragraph": {"text", "kind", "confidentiality", "for_report"},
    "observation_score": {"value", "value_code", "comment"},
    "report_draft": {"summary", "context", "recommendations", "role_statement", "appreciation"},
    "inspection": {"title", "purpose", "status", "judgement_mode"},
    "intervention": {"status", "assessment", "outcome"},
}
SILENT = {"updated_at"}  # changes with every edit: last writer wins without a conflict record
MERGED_TEXT = {("note_paragraph", "text")}


class Refused(Exception):
    """The whole request is refused (HTTP status and error body)."""

    def __init__(self, status: int, error: str, **extra: Any) -> None:
        super().__init__(error)
        self.status = status
        self.body = {"error": error, **extra}


def _own(meta: dict[str, Any], device_id: str) -> bool:
    """The field holds exactly what this device last wrote there, so the device's next edit of
    it was made after it (a device's mutations arrive in the order they were made): sequential,
    whatever base the laptop sent. (Its base lags when it typed again before the previous
    batch was acknowledged: the fields with pending edits keep their old revision.)"""
    return meta.get("dev") == device_id and not meta.get("merged")


def _columns(tbl: str) -> set[str]:
    return {c.name for c in Base.metadata.tables[tbl].columns} - {"id"}


@dataclass
class _Push:
    conn: Connection
    caller: Caller
    seq: int

    def parent_scope(self, tbl: str, record_id: str) -> str | bool | None:
        row = self.conn.execute(
            select(t.record.c.scope).where(t.record.c.tbl == tbl, t.record.c.id == record_id)
        ).first()
        return False if row is None else row.scope

    def conflict(
        self, m: Mutation, field: str, kind: str, winner: tuple[Any, str, str], loser: tuple[Any, str, str]
    ) -> None:
        self.conn.execute(
            insert(t.sync_conflict).values(
                id=str(uuid.uuid4()),
                seq=self.seq,
                tbl=m.tbl,
                record_id=m.id,
                field=field,
                kind=kind,
                winner=winner[0],
                winner_hlc=winner[1],
                winner_device=winner[2],
                loser=loser[0],
                loser_hlc=loser[1],
                loser_device=loser[2],
                review=field in REVIEW_FIELDS.get(m.tbl, set()),
                status="open",
                created_at=accounts.now(),
            )
        )

    def reject(self, req: PushRequest, m: Mutation, reason: str) -> MutationResult:
        self.conn.execute(
            insert(t.sync_rejection).values(
                id=str(uuid.uuid4()),
                device_id=self.caller.device_id,
                epoch=req.epoch,
                client_seq=m.client_seq,
                mutation=m.model_dump(),
                reason=reason,
                status="open",
                created_at=accounts.now(),
            )
        )
        return MutationResult(client_seq=m.client_seq, status="rejected", reason=reason)

    def base_value(self, m: Mutation, field: str, base: int) -> Any:
        row = self.conn.execute(
            select(t.field_history.c.value)
            .where(
                t.field_history.c.tbl == m.tbl,
                t.field_history.c.record_id == m.id,
                t.field_history.c.field == field,
                t.field_history.c.seq <= base,
            )
            .order_by(t.field_history.c.seq.desc(), t.field_history.c.id.desc())
            .limit(1)
        ).first()
        return None if row is None else row.value

    def authorise(self, m: Mutation, existing: Any, scope: str | None) -> str | None:
        """None when the caller may write the record; else the reason for refusing."""
        account = self.caller.account_id
        moved_from = existing.scope if existing is not None and existing.scope not in (None, scope) else None
        if moved_from is not None and not accounts.can_write(self.conn, account, moved_from):
            return "forbidden"
        if scope is None:
            return None
        if m.tbl == "inspection" and existing is None and not accounts.has_access_rules(self.conn, scope):
            accounts.grant_creator(self.conn, scope, account)  # a new inspection: its creator's teams
        return None if accounts.can_write(self.conn, account, scope) else "forbidden"

    def apply(self, req: PushRequest, m: Mutation, ord_: int) -> MutationResult:
        if m.tbl not in SCOPE_PATHS:
            return self.reject(req, m, "unknown_table")
        changes = {f: c for f, c in m.fields.items() if f != "id"}
        unknown = set(changes) - _columns(m.tbl)
        if unknown:
            return self.reject(req, m, "unknown_field:" + ",".join(sorted(unknown)))
        existing = self.conn.execute(
            select(t.record).where(t.record.c.tbl == m.tbl, t.record.c.id == m.id)
        ).first()
        fields: dict[str, Any] = dict(existing.fields) if existing else {}
        meta: dict[str, dict[str, Any]] = dict(existing.field_meta) if existing else {}
        try:
            scope = scope_of(
                m.tbl, m.id, {**fields, **{f: c.v for f, c in changes.items()}}, self.parent_scope
            )
        except UnknownParentError:
            return self.reject(req, m, "unknown_parent")
        reason = self.authorise(m, existing, scope)
        if reason:
            return self.reject(req, m, reason)
        was_deleted = bool(existing and existing.deleted)
        mine = (m.hlc, self.caller.device_id)
        status = "applied"
        applied: list[str] = []
        for f, change in changes.items():
            old = meta.get(f)
            value = change.v
            if old is not None and old["rev"] > change.base and not _own(old, self.caller.device_id):
                # concurrent with a change this client never saw
                theirs = (old["hlc"], old["dev"])
                merged = None
                if (m.tbl, f) in MERGED_TEXT and isinstance(value, str) and isinstance(fields.get(f), str):
                    merged = merge3(self.base_value(m, f, change.base) or "", value, fields[f])
                if merged is not None:
                    value = merged
                elif mine < theirs:
                    if f not in SILENT:
                        self.conflict(m, f, "concurrent_update", (fields.get(f), *theirs), (value, *mine))
                        status = "superseded"
                    continue
                elif f not in SILENT:
                    self.conflict(m, f, "concurrent_update", (value, *mine), (fields.get(f), *theirs))
                    status = "conflict" if status == "applied" else status
            fields[f] = value
            meta[f] = {"rev": self.seq, "hlc": m.hlc, "dev": self.caller.device_id}
            if value != change.v:  # merged: not what the client holds, so not a base it typed on
                meta[f]["merged"] = True
            applied.append(f)
        deleted = fields.get("deleted_at") is not None
        if deleted and not was_deleted and "deleted_at" in applied:
            # the newest revision of the record the deleting laptop had: every edit changes
            # updated_at, so its base is that revision, not deleted_at's (set once, at creation)
            seen = max(c.base for c in changes.values())
            for f, before in meta.items():  # edits the deleting laptop never saw: kept for review
                if (
                    before["rev"] > seen
                    and before["rev"] != self.seq
                    and f not in SILENT
                    and not _own(before, self.caller.device_id)
                ):
                    self.conflict(
                        m,
                        f,
                        "update_after_delete",
                        (None, *mine),
                        (fields.get(f), before["hlc"], before["dev"]),
                    )
        if was_deleted and deleted:
            for f in applied:
                if f not in SILENT and f != "deleted_at":  # the delete wins; the edit is kept for review
                    self.conflict(m, f, "update_after_delete", (None, *mine), (fields[f], *mine))
                    status = "conflict"
        if applied:
            self.store(m, existing, scope, ord_, deleted, fields, meta, applied, changes)
        return MutationResult(client_seq=m.client_seq, status=status)  # type: ignore[arg-type]

    def store(
        self,
        m: Mutation,
        existing: Any,
        scope: str | None,
        ord_: int,
        deleted: bool,
        fields: dict[str, Any],
        meta: dict[str, Any],
        applied: list[str],
        changes: dict[str, Any],
    ) -> None:
        values = {
            "scope": scope,
            "rev": self.seq,
            "ord": ord_,
            "deleted": deleted,
            "fields": fields,
            "field_meta": meta,
        }
        if existing is None:
            self.conn.execute(insert(t.record).values(tbl=m.tbl, id=m.id, **values))
        else:
            self.conn.execute(
                update(t.record).where(t.record.c.tbl == m.tbl, t.record.c.id == m.id).values(**values)
            )
        self.conn.execute(
            insert(t.field_history),
            [
                {
                    "seq": self.seq,
                    "tbl": m.tbl,
                    "record_id": m.id,
                    "field": f,
                    "value": fields[f],
                    "hlc": m.hlc,
                    "device_id": self.caller.device_id,
                    "client_seq": m.client_seq,
                }
                for f in applied
            ],
        )


def _next_seq(conn: Connection) -> int:
    """Taken inside the push transaction: the counter row stays locked until commit."""
    return int(
        conn.execute(
            update(t.sync_counter)
            .where(t.sync_counter.c.id == 1)
            .values(last_seq=t.sync_counter.c.last_seq + 1)
            .returning(t.sync_counter.c.last_seq)
        ).scalar_one()
    )


def _states(conn: Connection, account_id: str, keys: list[tuple[str, str]]) -> list[RecordState]:
    readable = set(accounts.readable_scopes(conn, account_id))
    out = []
    for tbl, record_id in dict.fromkeys(keys):
        row = conn.execute(select(t.record).where(t.record.c.tbl == tbl, t.record.c.id == record_id)).first()
        if row is not None and (row.scope is None or row.scope in readable):
            out.append(state(row))
    return out


def state(row: Any) -> RecordState:
    return RecordState(
        tbl=row.tbl,
        id=row.id,
        rev=row.rev,
        deleted=row.deleted,
        fields=row.fields,
        field_revs={f: int(m["rev"]) for f, m in row.field_meta.items()},
    )


def push(conn: Connection, caller: Caller, req: PushRequest, batch_hash: str) -> PushResponse:
    dev = conn.execute(select(t.device).where(t.device.c.id == caller.device_id).with_for_update()).one()
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
        return PushResponse(
            results=[MutationResult(**r) for r in prev.results],
            records=_states(conn, caller.account_id, [(k[0], k[1]) for k in prev.records]),
            hwm=dev.hwm,
            server_time=accounts.now(),
        )
    if req.first_client_seq != dev.hwm + 1:
        raise Refused(409, "gap", expected_hwm=dev.hwm)
    work = _Push(conn, caller, _next_seq(conn))
    results = [work.apply(req, m, n) for n, m in enumerate(req.mutations)]
    keys = [(m.tbl, m.id) for m in req.mutations]
    conn.execute(
        insert(t.applied_batch).values(
            device_id=dev.id,
            epoch=dev.epoch,
            last_client_seq=req.last_client_seq,
            first_client_seq=req.first_client_seq,
            payload_hash=batch_hash,
            results=[r.model_dump() for r in results],
            records=[list(k) for k in dict.fromkeys(keys)],
            seq=work.seq,
            created_at=accounts.now(),
        )
    )
    conn.execute(
        update(t.device)
        .where(t.device.c.id == dev.id)
        .values(hwm=req.last_client_seq, last_seen_at=accounts.now())
    )
    return PushResponse(
        results=results,
        records=_states(conn, caller.account_id, keys),
        hwm=req.last_client_seq,
        server_time=accounts.now(),
    )


def _parents(conn: Connection, rows: list[Any], after: int, visible: Any) -> list[Any]:
    """Records the rows point at (foreign keys) that changed after revision ``after``: only a
    later page would bring them, but the laptop's foreign keys must hold when it commits this
    one. Sent along (and again on their own page, harmlessly); their parents too."""
    have = {(r.tbl, r.id) for r in rows}
    found: list[Any] = []
    todo = rows
    while todo:
        wanted: dict[str, set[str]] = {}
        for row in todo:
            table = Base.metadata.tables.get(row.tbl)
            for fk in table.foreign_keys if table is not None else ():
                ref = row.fields.get(fk.parent.name)
                if isinstance(ref, str) and (fk.column.table.name, ref) not in have:
                    wanted.setdefault(fk.column.table.name, set()).add(ref)
        todo = []
        for tbl, ids in sorted(wanted.items()):
            todo.extend(
                conn.execute(
                    select(t.record).where(
                        t.record.c.tbl == tbl, t.record.c.id.in_(sorted(ids)), t.record.c.rev > after, visible
                    )
                )
            )
        have.update((r.tbl, r.id) for r in todo)
        found.extend(todo)
    return found


def pull(conn: Connection, caller: Caller, since: int, limit: int) -> PullResponse:
    """Changes after ``since`` the caller may read, with the parents they need that changed
    later; a page never splits one push."""
    scopes = accounts.readable_scopes(conn, caller.account_id)
    visible = or_(t.record.c.scope.is_(None), t.record.c.scope.in_(scopes))
    q = select(t.record).where(t.record.c.rev > since, visible).order_by(t.record.c.rev, t.record.c.ord)
    rows = list(conn.execute(q.limit(limit + 1)))
    has_more = len(rows) > limit
    if has_more:
        last = rows[limit - 1].rev
        if rows[limit].rev == last:  # the next row belongs to the same push
            whole = [r for r in rows[:limit] if r.rev != last]
            rows = whole or list(conn.execute(q.where(t.record.c.rev <= last)))
        else:
            rows = rows[:limit]
    next_cursor = rows[-1].rev if rows else since
    rows = _parents(conn, rows, next_cursor, visible) + rows
    conn.execute(
        update(t.device).where(t.device.c.id == caller.device_id).values(last_seen_at=accounts.now())
    )
    return PullResponse(
        changes=[state(r) for r in rows], next=next_cursor, has_more=has_more, server_time=accounts.now()
    )
