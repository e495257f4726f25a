"""Who holds the account of an organisation or network (accounthouder).

A change of account holder is a new row, never an edit of the last one: the history is the
handover's own record (who held it when, and why it changed). Two laptops may record a change
at the same time; both rows sync, and every laptop then takes the same one as current: the
latest ``since``, then the latest ``created_at``, then the highest id.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import InstrumentedAttribute, Session

from inspectorapp.clock import utc_now
from inspectorapp.domain import limits
from inspectorapp.domain.changes import ChangeSet
from inspectorapp.domain.handover_views import AccountHolderRow
from inspectorapp.domain.snapshots import ActionContext, OpResult
from inspectorapp.domain.subject_ref import SubjectRef, SubjectRefKind
from inspectorapp.domain.validation import Checker
from storage.models import AccountHolder, Network, Organisation

from . import audit
from .refs import existing

# A handover is planned ahead a little, not years: a far date is a typing error (2062 for 2026).
AHEAD = timedelta(days=366)


def _entity(subject: SubjectRef) -> str:
    return "network" if subject.kind == SubjectRefKind.NETWORK else "organisation"


def _column(subject: SubjectRef) -> InstrumentedAttribute[str | None]:
    if subject.kind == SubjectRefKind.NETWORK:
        return AccountHolder.network_id
    return AccountHolder.organisation_id


def change_holder(
    session: Session,
    ctx: ActionContext,
    subject: SubjectRef,
    holder: str,
    since: date,
    reason: str | None = None,
) -> OpResult[AccountHolderRow]:
    """Record ``holder`` as the account holder from ``since``. Refused (ValidationError): a
    blank or too long name, a date that is not one or lies more than a year ahead, an unknown
    or deleted subject."""
    c = Checker()
    model = Network if subject.kind == SubjectRefKind.NETWORK else Organisation
    subject_id = existing(session, c, "subject", model, subject.id, required=True)
    name = c.text("holder", holder.strip() if isinstance(holder, str) else holder, limits.NAME, required=True)
    day = c.date("since", since, required=True)
    latest = utc_now().date() + AHEAD
    if day is not None and day > latest:
        c.add("since", "far_future", latest=latest.isoformat())
    why = c.text("reason", reason.strip() if isinstance(reason, str) else reason, limits.SHORT_TEXT)
    c.done()
    assert subject_id is not None and name is not None and day is not None
    row = AccountHolder(
        organisation_id=subject_id if model is Organisation else None,
        network_id=subject_id if model is Network else None,
        holder=name,
        since=day,
        reason=why,
        recorded_by=ctx.actor,
    )
    session.add(row)
    session.flush()
    audit.record(session, ctx, "account_holder.change", _entity(subject), subject_id, holder_row=row.id)
    changes = ChangeSet.of(account_holder=[row.id], **{_entity(subject): [subject_id]})
    return OpResult(_row(row), changes)


def history(session: Session, subject: SubjectRef) -> tuple[AccountHolderRow, ...]:
    """Every recorded holder, the current one first (the order ``current_holder`` decides by)."""
    rows = session.scalars(
        select(AccountHolder)
        .where(_column(subject) == subject.id, AccountHolder.deleted_at.is_(None))
        .order_by(AccountHolder.since.desc(), AccountHolder.created_at.desc(), AccountHolder.id.desc())
    )
    return tuple(_row(r) for r in rows)


def current_holder(session: Session, subject: SubjectRef) -> AccountHolderRow | None:
    """The holder today: of the rows whose ``since`` has come (a handover recorded ahead
    starts on its day), the latest ``since``, then the latest recorded, then the highest id."""
    today = utc_now().date()
    return next((r for r in history(session, subject) if r.since <= today), None)


def _row(r: AccountHolder) -> AccountHolderRow:
    return AccountHolderRow(r.id, r.holder, r.since, r.reason, r.recorded_by, r.created_at)
