"""What the sync indicator and panel show, and what the inspector decides about a problem.

A problem is a field where this laptop's value lost (or won) against a concurrent
edit, or a change the office refused. "Keep mine" writes my value again as a new local
edit: it has now seen the other value, so on the next sync it is a sequential edit and
wins everywhere. "Keep theirs" closes the problem; nothing is changed. Where my value won,
the two swap: "Keep mine" closes it and "Keep theirs" writes the colleague's value that lost.
Either write is refused (``changed_since``) once the value here is no longer the one the
problem was about (a third edit arrived since): the inspector looks at it first.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspectorapp.clock import utc_now
from inspectorapp.domain.changes import ChangeSet
from inspectorapp.domain.snapshots import ActionContext, OpResult
from inspectorapp.errors import FieldIssue, NotFoundError, ValidationError
from storage.models import Base, StoreMeta, SyncIssue
from sync import enrolment, held, portable, set_aside
from sync import local_state as sync_state
from sync.apply import same_stored, stored_value
from sync.protocol import EnrolResponse

from . import audit
from .status import outbox_size

SYNC_FIELDS_HIDDEN = {"updated_at", "created_at"}


@dataclass(frozen=True)
class IssueField:
    field: str
    mine: Any
    current: Any
    theirs: Any = None  # the colleague's value as the office kept it (else what is here now)
    changed: bool = False  # what is here now is no longer the value the problem was about


@dataclass(frozen=True)
class IssueView:
    id: str
    kind: str  # superseded | conflict | rejected | refused | unknown_framework ...
    tbl: str | None
    record_id: str | None
    reason: str | None
    fields: tuple[IssueField, ...]
    created_at: str
    won: bool = False  # my value won: ``theirs`` is the colleague's value that lost
    title: str | None = None  # what the panel calls the record by: a concern's statement


@dataclass(frozen=True)
class SetAsideView:
    """A record from the office this laptop's store refused; kept, tried again each sync."""

    tbl: str
    record_id: str
    reason: str
    set_aside_at: str
    tries: int


@dataclass(frozen=True)
class SyncOverview:
    enrolled: bool
    demo_store: bool
    server_url: str | None
    account: str | None
    device_id: str | None
    last_sync_at: str | None
    pending_changes: int
    issues: tuple[IssueView, ...]
    waiting_for_access: int = 0  # records whose changes the office refused for lack of access
    set_aside: tuple[SetAsideView, ...] = ()


def _current(session: Session, tbl: str | None, record_id: str | None) -> dict[str, Any]:
    if not tbl or not record_id or tbl not in Base.metadata.tables:
        return {}
    table = Base.metadata.tables[tbl]
    row = session.execute(select(table).where(table.c.id == record_id)).first()
    return dict(row._mapping) if row is not None else {}


def _raw(session: Session, tbl: str | None, record_id: str | None) -> dict[str, Any] | None:
    """The row's column values as stored (JSON as text, booleans as 0/1), to compare with
    wire values the way ``sync.apply`` writes them."""
    if not tbl or not record_id or tbl not in Base.metadata.tables:
        return None
    row = session.connection().exec_driver_sql(f'SELECT * FROM "{tbl}" WHERE id = ?', (record_id,)).first()
    return dict(row._mapping) if row is not None else None


def _changed(session: Session, tbl: str, raw: dict[str, Any] | None, field: str, about: Any) -> bool:
    """Is the stored value no longer ``about`` (a wire value)? A row gone counts as changed."""
    if raw is None or field not in raw:
        return True
    try:
        value = portable.incoming(session, tbl, {field: about})[field]
    except portable.UnknownFramework:
        return True
    return not same_stored(Base.metadata.tables[tbl].columns[field], raw[field], value)


def _issue_view(session: Session, issue: SyncIssue) -> IssueView:
    detail = issue.detail or {}
    current = _current(session, issue.tbl, issue.record_id)
    mine = detail.get("fields") or {}
    won = issue.kind == "conflict" and all(isinstance(c, dict) and "other" in c for c in mine.values())
    # the value the problem was about, here when it was recorded: mine where it won, the
    # winner's where mine lost (``other``); a refused change has none to compare with
    raw = _raw(session, issue.tbl, issue.record_id)
    fields = []
    for f, change in mine.items():
        if f in SYNC_FIELDS_HIDDEN:
            continue
        if not isinstance(change, dict):
            fields.append(IssueField(f, change, current.get(f), current.get(f)))
            continue
        key = "v" if won else "other" if "other" in change else None
        changed = key is not None and _changed(session, issue.tbl or "", raw, f, change[key])
        theirs = change.get("other", current.get(f))
        fields.append(IssueField(f, change.get("v"), current.get(f), theirs, changed))
    return IssueView(
        issue.id,
        issue.kind,
        issue.tbl,
        issue.record_id,
        detail.get("reason") or detail.get("error"),
        tuple(fields),
        issue.created_at,
        won and bool(fields),
        # a concern's clash is named by its statement (the panel's words for it); other
        # records are named by table and id as before
        current.get("title") if issue.tbl == "concern" else None,
    )


def sync_overview(session: Session) -> SyncOverview:
    return SyncOverview(
        enrolled=sync_state.enrolled(session),
        demo_store=session.get(StoreMeta, enrolment.DEMO_MARKER) is not None,
        server_url=sync_state.get(session, "server_url"),
        account=sync_state.get(session, "account"),
        device_id=sync_state.get(session, "device_id"),
        last_sync_at=sync_state.get(session, "last_sync_at"),
        pending_changes=outbox_size(session),
        issues=tuple(_issue_view(session, i) for i in sync_state.open_issues(session)),
        waiting_for_access=held.waiting_for_access(session),
        set_aside=tuple(
            SetAsideView(r.tbl, r.id, r.reason, r.set_aside_at, r.tries) for r in set_aside.listing(session)
        ),
    )


def record_enrolment(
    session: Session, ctx: ActionContext, server_url: str, answer: EnrolResponse
) -> OpResult[SyncOverview]:
    try:
        enrolment.record_enrolment(session, server_url, answer)
    except enrolment.EnrolmentRefused as exc:
        raise ValidationError([FieldIssue("server_url", str(exc))]) from exc
    audit.record(session, ctx, "sync.enrol", None, None, server=server_url, device=answer.device_id)
    return OpResult(sync_overview(session), ChangeSet.of(sync=["enrolment"]))


def resolve_issue(
    session: Session, ctx: ActionContext, issue_id: str, choice: str, edited: dict[str, Any] | None = None
) -> OpResult[SyncOverview]:
    """``mine`` writes my values again, ``edit`` writes ``edited``, ``theirs`` keeps what is there;
    where my value won, ``mine`` keeps what is there and ``theirs`` writes the value that lost."""
    issue = session.get(SyncIssue, issue_id)
    if issue is None or issue.status != "open":
        raise NotFoundError("sync_issue", issue_id)
    if choice not in ("mine", "theirs", "edit"):
        raise ValidationError([FieldIssue("choice", "invalid_choice", {"value": choice})])
    changed = ChangeSet()
    tbl, record_id = issue.tbl or "", issue.record_id or ""
    view = _issue_view(session, issue)
    # the value not there now is written: mine after losing, the colleague's after winning
    writes = choice == "edit" or (choice == "theirs") == view.won
    moved = next((f.field for f in view.fields if f.changed), None)
    if writes and choice != "edit" and moved is not None:  # a third value would go unseen
        raise ValidationError([FieldIssue(moved, "changed_since")])
    if writes and tbl in Base.metadata.tables and record_id:
        if choice == "edit":
            values = dict(edited or {})
        else:
            values = {f.field: f.mine if choice == "mine" else f.theirs for f in view.fields}
        table = Base.metadata.tables[tbl]
        unknown = set(values) - {c.name for c in table.columns} - {"id"}
        if unknown:
            raise ValidationError(
                [FieldIssue("fields", "invalid_choice", {"value": ",".join(sorted(unknown))})]
            )
        if values:
            _write_wire_values(session, table, record_id, values)
            changed = ChangeSet.of(**{tbl: [record_id]})
    issue.status = f"resolved_{choice}"
    session.flush()
    audit.record(session, ctx, "sync.resolve", issue.tbl, issue.record_id, choice=choice, kind=issue.kind)
    return OpResult(sync_overview(session), changed | ChangeSet.of(sync=[issue_id]))


def _write_wire_values(session: Session, table: Any, record_id: str, values: dict[str, Any]) -> None:
    """Values as they travel (ISO text, 0/1, nested JSON, a framework as ``key@version``) written
    as the columns store them; the outbox trigger turns the write into a new local edit."""
    stamp = utc_now().isoformat(timespec="milliseconds").replace("+00:00", "Z")
    columns = {c.name: c for c in table.columns}
    try:
        values = portable.incoming(session, table.name, values)
    except portable.UnknownFramework as exc:
        raise ValidationError([FieldIssue("framework_version_id", "invalid_reference")]) from exc
    stored = {k: stored_value(columns[k], v) for k, v in values.items()}
    stored["updated_at"] = stamp
    assignments = ", ".join(f'"{k}" = ?' for k in stored)
    session.connection().exec_driver_sql(
        f'UPDATE "{table.name}" SET {assignments} WHERE id = ?', (*stored.values(), record_id)
    )
