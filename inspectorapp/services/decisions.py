"""Decisions about an organisation or network (issue #15): what a team decided (an action type
of the framework, GEEN_ACTIE included, or to come back to it on a day), why, who took it and
when, optionally in an overleg, and which signals and concerns it is about. A decision may
change their statuses: through the status services, so the same rules apply, with the
decision named on each history row; all in the caller's one transaction.

The rationale is mandatory; GEEN_ACTIE and enforcement get their own refusal, saying why
(decision_rules). Reads for the log and the dialog are in ``decision_log``."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspectorapp.clock import utc_now
from inspectorapp.domain import limits
from inspectorapp.domain.changes import ChangeSet
from inspectorapp.domain.decision_rules import (
    IN_THE_FUTURE,
    accountable,
    rationale_missing,
    return_problem,
)
from inspectorapp.domain.decision_views import (
    DecisionDraft,
    DecisionItem,
    DecisionItemKind,
)
from inspectorapp.domain.drafts import require
from inspectorapp.domain.snapshots import ActionContext, OpResult
from inspectorapp.domain.snippets import clipped
from inspectorapp.domain.subject_ref import SubjectRef, SubjectRefKind
from inspectorapp.domain.validation import Checker
from inspectorapp.errors import FieldIssue, ValidationError
from storage.models import (
    Concern,
    Decision,
    DecisionSubject,
    Deliberation,
    Network,
    Organisation,
    Signal,
)

from . import audit, concerns, signal_status
from .decision_log import action_choices as action_choices
from .decision_log import action_rungs as action_rungs
from .decision_log import decision_log as decision_log
from .decision_log import decision_row as decision_row
from .decision_log import form_options as form_options
from .decision_log import members, stored_subject
from .refs import existing, live

_SUBJECT_IDS = uuid.UUID("8f6b0f0e-4d0a-4a57-9f3e-2b1c7d5e9a31")


@dataclass(frozen=True, slots=True)
class _Fields:
    action_type: str | None
    return_on: date | None
    rationale: str
    decided_by: str | None
    decided_on: date | None  # None: today (new), unchanged (edit)
    deliberation_id: str | None


# ----- writing --------------------------------------------------------------------------------
def record_decision(session: Session, ctx: ActionContext, draft: DecisionDraft) -> OpResult[str]:
    """Record a decision with what it is about and the status changes it makes."""
    require(draft, DecisionDraft)
    c = Checker()
    subject = _subject(session, c, draft.subject)
    rungs = action_rungs(session)
    fields = _checked(session, c, draft, rungs, None)
    items = _items(session, c, draft.items, subject)
    c.done()
    assert subject is not None and fields is not None
    row = Decision(
        organisation_id=subject.id if subject.kind is SubjectRefKind.ORGANISATION else None,
        network_id=subject.id if subject.kind is SubjectRefKind.NETWORK else None,
        action_type=fields.action_type,
        return_on=fields.return_on,
        rationale=fields.rationale,
        decided_by=fields.decided_by or ctx.actor,
        decided_on=fields.decided_on or date.today(),
        deliberation_id=fields.deliberation_id,
    )
    session.add(row)
    session.flush()
    audit.record(session, ctx, "decision.record", "decision", row.id, action_type=row.action_type)
    changes = ChangeSet.of(decision=[row.id], **_subject_entity(subject))
    changes = changes | _link(session, row, items) | _change_statuses(session, ctx, row, items)
    return OpResult(row.id, changes)


def edit_decision(
    session: Session,
    ctx: ActionContext,
    decision_id: str,
    draft: DecisionDraft,
    base: DecisionDraft | None = None,
) -> OpResult[str]:
    """Edit a decision. With ``base`` (what the editor loaded) a field the editor left as it
    was is not written, so a colleague's change that arrived underneath it stays (the
    server merges the fields each laptop wrote). The rationale rule holds for the result;
    the new status changes in ``draft.items`` are made as for a new decision."""
    require(draft, DecisionDraft)
    if base is not None:
        require(base, DecisionDraft, "base")
    row = live(session, Decision, decision_id)
    subject = stored_subject(row)
    c = Checker()
    if draft.subject is not None and draft.subject != subject:
        c.add("subject", "not_allowed")
    rungs = action_rungs(session)
    mine = _checked(session, c, draft, rungs, row, check_rule=False)
    items = _items(session, c, draft.items, subject)
    c.done()
    assert mine is not None
    write: dict[str, Any] = {}
    for key in _Fields.__slots__:
        value = getattr(mine, key)
        before = getattr(base, key) if base is not None else getattr(row, key)
        if key == "rationale" and isinstance(before, str):
            before = before.strip()
        if key in ("decided_by", "decided_on") and value is None:
            continue  # left empty: the stored value stays
        if value != before:
            write[key] = value
    # the type is one field to the user: an action type or a day to come back
    if "action_type" in write or "return_on" in write:
        write["action_type"], write["return_on"] = mine.action_type, mine.return_on
    result = {k: write.get(k, getattr(row, k)) for k in _Fields.__slots__}
    c = Checker()
    _rule(c, result["action_type"], rungs, result["rationale"])
    if "return_on" in write and result["return_on"] is not None:
        problem = return_problem(result["return_on"], date.today())
        if problem:
            c.add("return_on", problem)
    c.done()
    changed = [k for k, v in write.items() if getattr(row, k) != v]
    for key in changed:
        setattr(row, key, write[key])
    session.flush()
    audit.record(session, ctx, "decision.edit", "decision", row.id, fields=changed)
    if base is not None:  # only what the editor took away: a colleague's pick stays
        kept = {(i.kind, i.id) for i in items}
        drop = {subject_link_id(row.id, i) for i in base.items if (i.kind, i.id) not in kept}
    else:
        drop = _live_links(session, row.id) - {subject_link_id(row.id, i) for i in items}
    changes = ChangeSet.of(decision=[row.id], **_subject_entity(subject))
    changes = changes | _link(session, row, items, drop)
    return OpResult(row.id, changes | _change_statuses(session, ctx, row, items))


def delete_decision(session: Session, ctx: ActionContext, decision_id: str) -> OpResult[str]:
    """Soft delete with its links. The status changes it made stay in the histories: they
    happened; the history still names the decision."""
    row = live(session, Decision, decision_id)
    now = utc_now()
    row.deleted_at = now
    gone = []
    for link in session.scalars(
        select(DecisionSubject).where(
            DecisionSubject.decision_id == row.id, DecisionSubject.deleted_at.is_(None)
        )
    ):
        link.deleted_at = now
        gone.append(link.id)
    session.flush()
    audit.record(session, ctx, "decision.delete", "decision", row.id)
    return OpResult(
        row.id,
        ChangeSet.of(decision=[row.id], decision_subject=gone, **_subject_entity(stored_subject(row))),
    )


def subject_link_id(decision_id: str, item: DecisionItem) -> str:
    """Derived, so the same item picked again (here or on another laptop) is one record."""
    return str(uuid.uuid5(_SUBJECT_IDS, f"{decision_id}:{item.kind.value}:{item.id}"))


def _subject(session: Session, c: Checker, subject: object) -> SubjectRef | None:
    if not isinstance(subject, SubjectRef) or not isinstance(subject.kind, SubjectRefKind):
        c.add("subject", "required" if subject is None else "invalid_format")
        return None
    model = Organisation if subject.kind is SubjectRefKind.ORGANISATION else Network
    field = "organisation_id" if subject.kind is SubjectRefKind.ORGANISATION else "network_id"
    return subject if existing(session, c, field, model, subject.id, required=True) else None


def _subject_entity(subject: SubjectRef) -> dict[str, list[str]]:
    return {"organisation" if subject.kind is SubjectRefKind.ORGANISATION else "network": [subject.id]}


def _rule(c: Checker, action_type: str | None, rungs: dict[str, str | None], rationale: object) -> None:
    if rationale_missing(rationale):
        c.add("rationale", accountable(action_type, rungs.get(action_type or "")) or "required")


def _checked(
    session: Session,
    c: Checker,
    draft: DecisionDraft,
    rungs: dict[str, str | None],
    row: Decision | None,
    *,
    check_rule: bool = True,
) -> _Fields | None:
    """The draft's fields as stored. On an edit (``row``) the rationale rule and the return
    date are checked afterwards, on what will be stored."""
    action = c.code("action_type", draft.action_type, rungs.keys())
    bad_action = draft.action_type not in (None, "") and action is None
    back = c.date("return_on", draft.return_on)
    if action is not None and back is not None:
        c.add("return_on", "not_allowed")  # one type: an action, or coming back to it
    if action is None and back is None and not bad_action and row is None:
        c.add("return_on", "required")
    if row is None and back is not None and (problem := return_problem(back, date.today())):
        c.add("return_on", problem)
    if row is None or check_rule:
        _rule(c, action, rungs, draft.rationale)
    text = (
        c.text("rationale", draft.rationale, limits.LONG_TEXT)
        if not rationale_missing(draft.rationale)
        else None
    )
    by = c.text("decided_by", draft.decided_by, limits.NAME)
    on = c.date("decided_on", draft.decided_on)
    if on is not None and on > date.today():
        c.add("decided_on", IN_THE_FUTURE)
    if row is not None and draft.deliberation_id == row.deliberation_id:
        # kept as it was: a colleague may have deleted that overleg (before this decision in
        # it reached them); the edit must not fail on a field the editor did not touch
        deliberation = row.deliberation_id
    else:
        deliberation = existing(session, c, "deliberation_id", Deliberation, draft.deliberation_id)
    if c.issues:
        return None
    if row is not None and action is None and back is None:
        action, back = row.action_type, row.return_on  # neither given: the type stays
    return _Fields(
        action,
        back,
        (text or "").strip(),
        by.strip() if by else None,
        on,
        deliberation,
    )


def _items(session: Session, c: Checker, items: object, subject: SubjectRef | None) -> list[DecisionItem]:
    """The signals and concerns picked, each of the decision's organisation or network (a
    network's include its members'); a status code is checked by the status service."""
    if not isinstance(items, tuple | list):
        c.add("items", "invalid_format")
        return []
    out: dict[tuple[str, str], DecisionItem] = {}
    for n, item in enumerate(items):
        field = f"items[{n}]"
        if not isinstance(item, DecisionItem):
            c.add(field, "invalid_format")
            continue
        kind = c.choice(field, item.kind, DecisionItemKind)
        if kind is None:
            continue
        model = Signal if kind is DecisionItemKind.SIGNAL else Concern
        ref = existing(
            session, c, "signal_id" if model is Signal else "concern_id", model, item.id, required=True
        )
        if ref is None or subject is None:
            continue
        target = session.get(model, ref)
        if not _belongs(session, target, subject):
            c.add("signal_id" if model is Signal else "concern_id", "not_of_subject")
            continue
        if item.to_status is not None and not isinstance(item.to_status, str):
            c.add("to_status", "invalid_format")
            continue
        out[(kind.value, ref)] = DecisionItem(kind, ref, item.to_status or None, item.review_on)
    return list(out.values())


def _belongs(session: Session, target: Any, subject: SubjectRef) -> bool:
    if subject.kind is SubjectRefKind.ORGANISATION:
        return bool(target.organisation_id == subject.id)
    if target.network_id == subject.id:
        return True
    return target.organisation_id is not None and target.organisation_id in members(session, subject.id)


def _live_links(session: Session, decision_id: str) -> set[str]:
    return set(
        session.scalars(
            select(DecisionSubject.id).where(
                DecisionSubject.decision_id == decision_id, DecisionSubject.deleted_at.is_(None)
            )
        )
    )


def _link(
    session: Session, row: Decision, items: list[DecisionItem], drop: set[str] | None = None
) -> ChangeSet:
    """The decision's subject rows: the picked ones live (made, or revived), ``drop`` deleted."""
    touched: list[str] = []
    now = utc_now()
    for link_id in drop or ():
        link = session.get(DecisionSubject, link_id)
        if link is not None and link.deleted_at is None and link.decision_id == row.id:
            link.deleted_at = now
            touched.append(link_id)
    for item in items:
        link_id = subject_link_id(row.id, item)
        link = session.get(DecisionSubject, link_id)
        if link is None:
            is_signal = item.kind is DecisionItemKind.SIGNAL
            session.add(
                DecisionSubject(
                    id=link_id,
                    decision_id=row.id,
                    signal_id=item.id if is_signal else None,
                    concern_id=None if is_signal else item.id,
                )
            )
            touched.append(link_id)
        elif link.deleted_at is not None:
            link.deleted_at = None
            touched.append(link_id)
    session.flush()
    return ChangeSet.of(decision_subject=touched) if touched else ChangeSet()


def _change_statuses(
    session: Session, ctx: ActionContext, row: Decision, items: list[DecisionItem]
) -> ChangeSet:
    """Through the status services; every refusal is collected and raised together (the
    caller's transaction then writes nothing of the decision)."""
    reason = _status_rationale(row.rationale)
    changes = ChangeSet()
    issues: list[FieldIssue] = []
    for n, item in enumerate(items):
        if item.to_status is None:
            continue
        try:
            if item.kind is DecisionItemKind.SIGNAL:
                done = signal_status.change_signal_status(
                    session, ctx, item.id, item.to_status, reason, item.review_on, decision_id=row.id
                )
            else:
                done = concerns.change_concern_status(
                    session, ctx, item.id, item.to_status, reason, item.review_on, decision_id=row.id
                )
        except ValidationError as refused:
            issues += [FieldIssue(f"{i.field}[{n}]", i.problem, i.params) for i in refused.issues]
            continue
        changes = changes | done.changes
    if issues:
        raise ValidationError(issues)
    return changes


def _status_rationale(rationale: str) -> str:
    """The history row carries the decision's rationale (cut to what a status rationale
    holds; the whole one is the decision's)."""
    return clipped(rationale, limits.SHORT_TEXT)
