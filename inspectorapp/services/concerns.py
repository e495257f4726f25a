"""Concerns (aandachtspunten) as competing hypotheses: the statement with its alternatives,
open questions and next verification step, a status with a rationale and its history, the
signals attached as supporting, contradicting or context, and the evidence matrix (Heuer's
Analysis of Competing Hypotheses). Reads are in ``concern_views``."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspectorapp.clock import utc_now
from inspectorapp.domain import limits
from inspectorapp.domain.changes import ChangeSet
from inspectorapp.domain.concern_drafts import (
    DATES,
    EDITABLE,
    ConcernDraft,
    FieldValue,
    SavedConcern,
    draft_of,
    normal,
    reconcile,
)
from inspectorapp.domain.drafts import require
from inspectorapp.domain.enums import ConcernRating, ConcernSignalRole
from inspectorapp.domain.framework_codes import CONCERN_CLOSING, ConcernStatusCode
from inspectorapp.domain.snapshots import ActionContext, OpResult
from inspectorapp.domain.validation import Checker
from inspectorapp.errors import FieldIssue, ValidationError
from storage.models import (
    Concern,
    ConcernHypothesis,
    ConcernSignal,
    ConcernStatusChange,
    EvidenceRating,
    Network,
    Organisation,
    Signal,
    Unit,
)
from sync import local_state as sync_state

from . import audit, frameworks
from .refs import existing, live

# A closed concern keeps the day and the reason it was closed.
CLOSING = CONCERN_CLOSING
_RATING_IDS = uuid.UUID("5b0c6a62-2f57-4d52-9a34-4c1d1e0a1e14")
_ATTACHMENT_IDS = uuid.UUID("10e02d33-bcbd-426a-b64e-b999baa7b194")


# The text fields' limits; the dates have none.
_TEXT_LIMITS = {
    "title": limits.NAME,
    "hypothesis": limits.LONG_TEXT,
    "alternatives": limits.LONG_TEXT,
    "open_questions": limits.LONG_TEXT,
    "next_step": limits.SHORT_TEXT,
    "next_step_owner": limits.NAME,
    "owner": limits.NAME,
}


def save_concern(
    session: Session, ctx: ActionContext, draft: ConcernDraft, concern_id: str | None = None
) -> OpResult[str]:
    """Create (status VERMOEDEN, opened today, the statement as hypothesis 0) or edit. An edit
    writes only the fields that differ from what is stored, as they are: this is for callers
    without a form (scripts, tests). An open editor saves with ``edit_concern`` and its base,
    so that a change that arrived underneath it is not overwritten."""
    require(draft, ConcernDraft)
    concern = live(session, Concern, concern_id) if concern_id is not None else None
    values = _checked(session, draft, concern)
    if concern is None:
        concern = Concern(status=ConcernStatusCode.SUSPICION, opened_on=utc_now().date(), **values)
        session.add(concern)
        session.flush()
        statement = ConcernHypothesis(concern_id=concern.id, position=0, statement=values["title"])
        session.add(statement)
        session.flush()
        audit.record(session, ctx, "concern.create", "concern", concern.id)
        return OpResult(concern.id, ChangeSet.of(concern_hypothesis=[statement.id], concern=[concern.id]))
    changes = _write(session, ctx, concern, values)
    return OpResult(concern.id, changes | ChangeSet.of(concern=[concern.id]))


def edit_concern(
    session: Session, ctx: ActionContext, concern_id: str, draft: ConcernDraft, base: ConcernDraft
) -> OpResult[SavedConcern]:
    """The concern editor's save. ``base`` is what the store held when the editor loaded its
    fields. A field the editor did not change is not written (a colleague's value that came
    in since stays); one it changed is written when the store still holds the base, merged
    word by word when both changed a text, and otherwise left as stored with the editor's
    value kept as a local conflict for the sync panel (decision 0017): nothing is
    overwritten silently, and nothing typed is lost."""
    require(draft, ConcernDraft)
    require(base, ConcernDraft)
    concern = live(session, Concern, concern_id)
    values = _checked(session, draft, concern)
    write: dict[str, FieldValue] = {}
    clashes: dict[str, FieldValue] = {}
    for key, mine in values.items():
        before = normal(getattr(base, key))
        if normal(mine) == before:
            continue
        value, fits = reconcile(key, before, mine, getattr(concern, key))
        if fits and _storable(key, value):
            write[key] = value
        else:
            clashes[key] = mine
    changes = _write(session, ctx, concern, write, clashes=sorted(clashes))
    if clashes:
        _keep_conflict(session, concern.id, clashes)
    return OpResult(
        SavedConcern(concern.id, draft_of(concern), tuple(k for k in EDITABLE if k in clashes)),
        changes | ChangeSet.of(concern=[concern.id]),
    )


def _checked(session: Session, draft: ConcernDraft, concern: Concern | None) -> dict[str, FieldValue]:
    """The draft's values as they are stored, or a ValidationError naming every problem."""
    c = Checker()
    org = existing(session, c, "organisation_id", Organisation, draft.organisation_id)
    net = existing(session, c, "network_id", Network, draft.network_id)
    if (draft.organisation_id is None) == (draft.network_id is None):
        c.add("organisation_id", "one_subject")
    unit = existing(session, c, "unit_id", Unit, draft.unit_id)
    unit_row = session.get(Unit, unit) if unit is not None else None
    if unit_row is not None and unit_row.organisation_id != org:  # a unit of another organisation
        c.add("unit_id", "not_allowed")
    values: dict[str, FieldValue] = {"organisation_id": org, "network_id": net, "unit_id": unit}
    for key in EDITABLE:
        if key in DATES:
            values[key] = c.date(key, draft.get(key))
        else:
            values[key] = _strip(c.text(key, draft.get(key), _TEXT_LIMITS[key], required=key == "title"))
    if (
        concern is not None
        and concern.status == ConcernStatusCode.STAYS_SOFT
        and values["next_review_on"] is None
    ):
        c.add("next_review_on", "required")
    c.done()
    return values


def _storable(key: str, value: FieldValue) -> bool:
    """A merged text can outgrow its limit, or a merge can empty the statement."""
    if key == "title" and value is None:
        return False
    return not isinstance(value, str) or len(value) <= _TEXT_LIMITS.get(key, len(value))


def _write(
    session: Session, ctx: ActionContext, concern: Concern, values: dict[str, FieldValue], **audited: object
) -> ChangeSet:
    changes = ChangeSet()
    changed = [k for k, v in values.items() if getattr(concern, k) != v]
    first = _statement(session, concern.id)
    if "title" in changed and first is not None and first.statement == concern.title:
        first.statement = str(values["title"])  # hypothesis 0 follows the statement it was made from
        changes = ChangeSet.of(concern_hypothesis=[first.id])
    for key in changed:
        setattr(concern, key, values[key])
    session.flush()
    audit.record(session, ctx, "concern.edit", "concern", concern.id, fields=changed, **audited)
    return changes


def _keep_conflict(session: Session, concern_id: str, clashes: dict[str, FieldValue]) -> None:
    """The editor's values that clashed, kept in the shape the sync panel reads for note
    paragraphs (values as they travel: a date as ISO text)."""
    fields = {k: {"v": v.isoformat() if isinstance(v, date) else v} for k, v in clashes.items()}
    sync_state.keep_local_conflict(session, "concern", concern_id, fields)


def change_concern_status(
    session: Session,
    ctx: ActionContext,
    concern_id: str,
    to_status: str,
    rationale: str,
    next_review_on: date | None = None,
    *,
    decision_id: str | None = None,
) -> OpResult[str]:
    """Set the status with a rationale ("geen actie" is a valid one); the value is the new
    history row's id; ``decision_id`` names the decision that made the change. Closing
    (AFGESLOTEN, NIET_ONDERBOUWD) records the day and the rationale;
    BLIJFT_ZACHT needs a review date (given here or already on the concern); leaving a closed
    status reopens the concern."""
    concern = live(session, Concern, concern_id)
    c = Checker()
    status = c.code("to_status", to_status, frameworks.codes(session, "concern_status"), required=True)
    reason = _strip(c.text("rationale", rationale, limits.SHORT_TEXT, required=True))
    review = c.date("next_review_on", next_review_on)
    if status == ConcernStatusCode.STAYS_SOFT and review is None and concern.next_review_on is None:
        c.add("next_review_on", "required")
    if status is not None and status == concern.status:
        c.add("to_status", "unchanged")
    c.done()
    assert status is not None and reason is not None
    row = ConcernStatusChange(
        decision_id=decision_id,
        concern_id=concern.id,
        from_status=concern.status,
        to_status=status,
        rationale=reason,
        changed_by=ctx.actor,
        changed_at=utc_now(),
    )
    session.add(row)
    concern.status = status
    if status in CLOSING:
        concern.closed_on = utc_now().date()
        concern.closing_rationale = reason
    elif concern.closed_on is not None:
        concern.closed_on = None
        concern.closing_rationale = None
    if review is not None:
        concern.next_review_on = review
    session.flush()
    audit.record(
        session, ctx, "concern.status", "concern", concern.id, from_status=row.from_status, to_status=status
    )
    return OpResult(row.id, ChangeSet.of(concern=[concern.id], concern_status_change=[row.id]))


def attach_signal(
    session: Session, ctx: ActionContext, concern_id: str, signal_id: str, role: ConcernSignalRole | str
) -> OpResult[str]:
    """Attach a signal in a role, or change the role of an attached one."""
    concern = live(session, Concern, concern_id)
    c = Checker()
    sid = existing(session, c, "signal_id", Signal, signal_id, required=True)
    kind = c.choice("role", role, ConcernSignalRole)
    c.done()
    link = session.scalar(
        select(ConcernSignal).where(ConcernSignal.concern_id == concern.id, ConcernSignal.signal_id == sid)
    )
    if link is None:
        assert sid is not None  # required: c.done() passed
        # A derived id: the same signal attached on two laptops is one record the server merges
        # (the later role wins); with two ids each laptop refused the other's (unique pair).
        link = ConcernSignal(
            id=attachment_id(concern.id, sid), concern_id=concern.id, signal_id=sid, role=kind
        )
        session.add(link)
    else:
        link.deleted_at = None
        link.role = ConcernSignalRole(str(kind))
    session.flush()
    audit.record(session, ctx, "concern.attach", "concern_signal", link.id, role=link.role.value)
    return OpResult(link.id, ChangeSet.of(concern_signal=[link.id], concern=[concern.id]))


def detach_signal(session: Session, ctx: ActionContext, concern_id: str, signal_id: str) -> OpResult[str]:
    """Detach a signal; its ratings in the matrix go with it."""
    concern = live(session, Concern, concern_id)
    link = _attached(session, concern.id, signal_id)
    now = utc_now()
    link.deleted_at = now
    gone = []
    for rating in session.scalars(
        select(EvidenceRating).where(
            EvidenceRating.hypothesis_id.in_(_hypothesis_ids(session, concern.id)),
            EvidenceRating.signal_id == signal_id,
            EvidenceRating.deleted_at.is_(None),
        )
    ):
        rating.deleted_at = now
        gone.append(rating.id)
    session.flush()
    audit.record(session, ctx, "concern.detach", "concern_signal", link.id)
    return OpResult(
        link.id, ChangeSet.of(concern_signal=[link.id], concern_rating=gone, concern=[concern.id])
    )


def save_hypothesis(
    session: Session, ctx: ActionContext, concern_id: str, statement: str, hypothesis_id: str | None = None
) -> OpResult[str]:
    """Add a competing hypothesis (after the last) or reword one."""
    concern = live(session, Concern, concern_id)
    c = Checker()
    text = _strip(c.text("statement", statement, limits.LONG_TEXT, required=True))
    c.done()
    assert text is not None
    if hypothesis_id is None:
        last = max((h.position for h in _hypotheses(session, concern.id)), default=-1)
        row = ConcernHypothesis(concern_id=concern.id, position=last + 1, statement=text)
        session.add(row)
    else:
        row = _hypothesis(session, concern.id, hypothesis_id)
        row.statement = text
    session.flush()
    audit.record(session, ctx, "concern.hypothesis", "concern_hypothesis", row.id)
    return OpResult(row.id, ChangeSet.of(concern_hypothesis=[row.id], concern=[concern.id]))


def remove_hypothesis(
    session: Session, ctx: ActionContext, concern_id: str, hypothesis_id: str
) -> OpResult[str]:
    """Remove a competing hypothesis with its ratings. The concern's own statement stays."""
    concern = live(session, Concern, concern_id)
    row = _hypothesis(session, concern.id, hypothesis_id)
    if row.position == 0:
        raise ValidationError([FieldIssue("hypothesis_id", "not_allowed")])
    now = utc_now()
    row.deleted_at = now
    gone = []
    for rating in session.scalars(
        select(EvidenceRating).where(
            EvidenceRating.hypothesis_id == row.id, EvidenceRating.deleted_at.is_(None)
        )
    ):
        rating.deleted_at = now
        gone.append(rating.id)
    session.flush()
    audit.record(session, ctx, "concern.hypothesis.remove", "concern_hypothesis", row.id)
    return OpResult(
        row.id, ChangeSet.of(concern_hypothesis=[row.id], concern_rating=gone, concern=[concern.id])
    )


def rate(
    session: Session,
    ctx: ActionContext,
    hypothesis_id: str,
    signal_id: str,
    rating: ConcernRating | str | None,
) -> OpResult[str]:
    """Rate how a signal attached to the concern fits a hypothesis; None clears the cell.
    The cell's id is derived from (hypothesis, signal): the same cell rated on two laptops
    is one record, merged by the server, never two that clash."""
    c = Checker()
    hid = existing(session, c, "hypothesis_id", ConcernHypothesis, hypothesis_id, required=True)
    sid = c.ref("signal_id", signal_id, required=True)
    value = c.choice("rating", rating, ConcernRating, required=False)
    c.done()
    hypothesis = session.get(ConcernHypothesis, hid)
    assert hypothesis is not None and sid is not None
    _attached(session, hypothesis.concern_id, sid)
    cell_id = rating_id(hypothesis.id, sid)
    cell = session.get(EvidenceRating, cell_id)
    if value is None:
        if cell is None or cell.deleted_at is not None:
            return OpResult(cell_id, ChangeSet())
        cell.deleted_at = utc_now()
    elif cell is None:
        cell = EvidenceRating(id=cell_id, hypothesis_id=hypothesis.id, signal_id=sid, rating=value)
        session.add(cell)
    else:
        cell.rating = value
        cell.deleted_at = None
    session.flush()
    audit.record(
        session, ctx, "concern.rate", "concern_rating", cell_id, rating=value.value if value else None
    )
    return OpResult(cell_id, ChangeSet.of(concern_rating=[cell_id], concern=[hypothesis.concern_id]))


def rating_id(hypothesis_id: str, signal_id: str) -> str:
    return str(uuid.uuid5(_RATING_IDS, f"{hypothesis_id}:{signal_id}"))


def attachment_id(concern_id: str, signal_id: str) -> str:
    return str(uuid.uuid5(_ATTACHMENT_IDS, f"{concern_id}:{signal_id}"))


def _attached(session: Session, concern_id: str, signal_id: str) -> ConcernSignal:
    link = session.scalar(
        select(ConcernSignal).where(
            ConcernSignal.concern_id == concern_id,
            ConcernSignal.signal_id == signal_id,
            ConcernSignal.deleted_at.is_(None),
        )
    )
    if link is None:
        raise ValidationError([FieldIssue("signal_id", "not_attached")])
    return link


def _hypotheses(session: Session, concern_id: str) -> list[ConcernHypothesis]:
    return list(
        session.scalars(
            select(ConcernHypothesis)
            .where(ConcernHypothesis.concern_id == concern_id, ConcernHypothesis.deleted_at.is_(None))
            .order_by(ConcernHypothesis.position, ConcernHypothesis.id)
        )
    )


def _statement(session: Session, concern_id: str) -> ConcernHypothesis | None:
    return next((h for h in _hypotheses(session, concern_id) if h.position == 0), None)


def _hypothesis_ids(session: Session, concern_id: str) -> list[str]:
    return [h.id for h in _hypotheses(session, concern_id)]


def _hypothesis(session: Session, concern_id: str, hypothesis_id: str) -> ConcernHypothesis:
    row = live(session, ConcernHypothesis, hypothesis_id)
    if row.concern_id != concern_id:
        raise ValidationError([FieldIssue("hypothesis_id", "invalid_reference")])
    return row


def _strip(value: str | None) -> str | None:
    return value.strip() if value is not None else None
