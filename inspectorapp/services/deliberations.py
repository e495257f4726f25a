"""Overleg (issue #15): an MDO, periodic review (APK), LMO, team meeting or peer consultation,
with its date, participants and the organisations and networks on its agenda.

The dialog sends the whole overleg (``DeliberationDraft``); the agenda can also be changed one
subject at a time (add, remove, move). Decisions taken in an overleg stay on record, so an
overleg with decisions is not deleted.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspectorapp.clock import utc_now
from inspectorapp.domain import limits
from inspectorapp.domain.changes import ChangeSet
from inspectorapp.domain.deliberation_views import (
    AgendaEntry,
    DeliberationDraft,
    DeliberationSummary,
    DeliberationView,
    SubjectOption,
)
from inspectorapp.domain.drafts import require
from inspectorapp.domain.enums import DeliberationKind
from inspectorapp.domain.snapshots import ActionContext, OpResult
from inspectorapp.domain.subject_ref import SubjectRef, SubjectRefKind
from inspectorapp.domain.validation import Checker
from inspectorapp.errors import FieldIssue, ValidationError
from storage.models import Decision, Deliberation, DeliberationItem, Network, Organisation

from . import audit
from .refs import live

MAX_PARTICIPANTS = 100


# ----- reading --------------------------------------------------------------------------


def list_deliberations(session: Session) -> list[DeliberationSummary]:
    """Every overleg, newest first (then the latest made first)."""
    counts: dict[str, int] = {}
    for (deliberation_id,) in session.execute(
        select(DeliberationItem.deliberation_id).where(DeliberationItem.deleted_at.is_(None))
    ):
        counts[deliberation_id] = counts.get(deliberation_id, 0) + 1
    rows = session.scalars(
        select(Deliberation)
        .where(Deliberation.deleted_at.is_(None))
        .order_by(Deliberation.held_on.desc(), Deliberation.created_at.desc(), Deliberation.id)
    )
    return [DeliberationSummary(d.id, d.kind, d.held_on, d.title, counts.get(d.id, 0)) for d in rows]


def view(session: Session, deliberation_id: str) -> DeliberationView:
    d = live(session, Deliberation, deliberation_id)
    return DeliberationView(
        d.id,
        d.kind,
        d.held_on,
        d.title,
        tuple(line for line in d.participants.splitlines() if line.strip()),
        d.chair,
        d.notes,
        tuple(agenda(session, d.id)),
    )


def agenda(session: Session, deliberation_id: str) -> list[AgendaEntry]:
    """The subjects on the agenda in their order (a deleted organisation or network drops off)."""
    items = session.scalars(
        select(DeliberationItem)
        .where(DeliberationItem.deliberation_id == deliberation_id, DeliberationItem.deleted_at.is_(None))
        .order_by(DeliberationItem.position, DeliberationItem.created_at, DeliberationItem.id)
    ).all()
    names = _names(session, items)
    out = []
    for item in items:
        subject = _subject_of(item)
        if subject.id in names:
            out.append(AgendaEntry(item.id, subject, names[subject.id], item.position))
    return out


def subject_options(session: Session) -> tuple[SubjectOption, ...]:
    """Every live organisation and network, by name (the agenda's choices)."""
    out = [
        SubjectOption(SubjectRef.organisation(str(i)), str(n))
        for i, n in session.execute(
            select(Organisation.id, Organisation.name).where(Organisation.deleted_at.is_(None))
        )
    ]
    out += [
        SubjectOption(SubjectRef.network(str(i)), str(n))
        for i, n in session.execute(select(Network.id, Network.name).where(Network.deleted_at.is_(None)))
    ]
    return tuple(sorted(out, key=lambda o: (o.name.casefold(), o.subject.id)))


# ----- writing --------------------------------------------------------------------------


def create_deliberation(
    session: Session, ctx: ActionContext, draft: DeliberationDraft
) -> OpResult[DeliberationView]:
    require(draft, DeliberationDraft)
    values, subjects = _checked(session, draft)
    d = Deliberation(**values)
    session.add(d)
    session.flush()
    made = [_add_item(session, d.id, subject, position) for position, subject in enumerate(subjects)]
    audit.record(session, ctx, "deliberation.create", "deliberation", d.id, agenda=len(made))
    return OpResult(view(session, d.id), ChangeSet.of(deliberation=[d.id], deliberation_item=made))


def update_deliberation(
    session: Session, ctx: ActionContext, deliberation_id: str, draft: DeliberationDraft
) -> OpResult[DeliberationView]:
    """Every field as the draft has it; the agenda becomes the draft's, in its order. A subject
    that stays keeps its agenda record (other laptops' edits to it merge)."""
    require(draft, DeliberationDraft)
    d = live(session, Deliberation, deliberation_id)
    values, subjects = _checked(session, draft)
    for key, value in values.items():
        setattr(d, key, value)
    current = {
        _subject_of(item): item
        for item in session.scalars(
            select(DeliberationItem).where(
                DeliberationItem.deliberation_id == d.id, DeliberationItem.deleted_at.is_(None)
            )
        )
    }
    touched: list[str] = []
    now = utc_now()
    for subject, item in current.items():
        if subject not in subjects:
            item.deleted_at = now
            touched.append(item.id)
    for position, subject in enumerate(subjects):
        existing = current.get(subject)
        if existing is None:
            touched.append(_add_item(session, d.id, subject, position))
        elif existing.position != position:
            existing.position = position
            touched.append(existing.id)
    session.flush()
    audit.record(session, ctx, "deliberation.update", "deliberation", d.id)
    return OpResult(view(session, d.id), ChangeSet.of(deliberation=[d.id], deliberation_item=touched))


def delete_deliberation(session: Session, ctx: ActionContext, deliberation_id: str) -> OpResult[None]:
    """Soft-delete the overleg and its agenda; refused while decisions point at it."""
    d = live(session, Deliberation, deliberation_id)
    decisions = session.scalar(
        select(Decision.id).where(Decision.deliberation_id == d.id, Decision.deleted_at.is_(None)).limit(1)
    )
    if decisions is not None:
        raise ValidationError([FieldIssue("deliberation", "has_decisions")])
    now = utc_now()
    d.deleted_at = now
    items = session.scalars(
        select(DeliberationItem).where(
            DeliberationItem.deliberation_id == d.id, DeliberationItem.deleted_at.is_(None)
        )
    ).all()
    for item in items:
        item.deleted_at = now
    session.flush()
    audit.record(session, ctx, "deliberation.delete", "deliberation", d.id)
    return OpResult(None, ChangeSet.of(deliberation=[d.id], deliberation_item=[i.id for i in items]))


def add_to_agenda(
    session: Session, ctx: ActionContext, deliberation_id: str, subject: SubjectRef
) -> OpResult[DeliberationView]:
    """Put an organisation or network at the end of the agenda."""
    d = live(session, Deliberation, deliberation_id)
    entries = agenda(session, d.id)
    c = Checker()
    _check_subject(session, c, "subject", subject)
    if any(e.subject == subject for e in entries):
        c.add("subject", "duplicate")
    c.done()
    position = max((e.position for e in entries), default=-1) + 1
    item_id = _add_item(session, d.id, subject, position)
    audit.record(session, ctx, "deliberation.agenda_add", "deliberation_item", item_id)
    return OpResult(view(session, d.id), ChangeSet.of(deliberation=[d.id], deliberation_item=[item_id]))


def remove_from_agenda(session: Session, ctx: ActionContext, item_id: str) -> OpResult[DeliberationView]:
    item = live(session, DeliberationItem, item_id)
    item.deleted_at = utc_now()
    session.flush()
    audit.record(session, ctx, "deliberation.agenda_remove", "deliberation_item", item.id)
    return OpResult(
        view(session, item.deliberation_id),
        ChangeSet.of(deliberation=[item.deliberation_id], deliberation_item=[item.id]),
    )


def move_on_agenda(
    session: Session, ctx: ActionContext, item_id: str, steps: int
) -> OpResult[DeliberationView]:
    """Move a subject ``steps`` places down (negative: up), clamped to the agenda; the agenda is
    renumbered 0..n-1 so positions stay distinct."""
    item = live(session, DeliberationItem, item_id)
    entries = agenda(session, item.deliberation_id)
    ids = [e.item_id for e in entries]
    if item.id not in ids:
        return OpResult(view(session, item.deliberation_id), ChangeSet())
    old = ids.index(item.id)
    new = min(max(old + steps, 0), len(ids) - 1)
    ids.insert(new, ids.pop(old))
    touched = []
    for position, entry_id in enumerate(ids):
        row = session.get(DeliberationItem, entry_id)
        if row is not None and row.position != position:
            row.position = position
            touched.append(entry_id)
    session.flush()
    if touched:
        audit.record(session, ctx, "deliberation.agenda_move", "deliberation_item", item.id, steps=steps)
    return OpResult(
        view(session, item.deliberation_id),
        ChangeSet.of(deliberation=[item.deliberation_id], deliberation_item=touched),
    )


# ----- helpers --------------------------------------------------------------------------


def _checked(session: Session, draft: DeliberationDraft) -> tuple[dict[str, object], list[SubjectRef]]:
    c = Checker()
    kind = c.choice("kind", draft.kind, DeliberationKind)
    held_on = c.date("held_on", draft.held_on, required=True)
    title = c.text("title", draft.title, limits.NAME) or ""
    chair = c.text("chair", draft.chair, limits.NAME)
    notes = c.text("notes", draft.notes, limits.LONG_TEXT) or ""
    names = [" ".join(str(p).split()) for p in draft.participants if str(p).strip()]
    if len(names) > MAX_PARTICIPANTS:
        c.add("participants", "out_of_range")
    participants = c.text("participants", "\n".join(dict.fromkeys(names)), limits.SHORT_TEXT) or ""
    subjects: list[SubjectRef] = []
    for n, subject in enumerate(draft.agenda):
        field = f"agenda[{n}]"
        if not isinstance(subject, SubjectRef):
            c.add(field, "invalid_type")
        elif subject in subjects:
            c.add(field, "duplicate")
        elif _check_subject(session, c, field, subject):
            subjects.append(subject)
    c.done()
    values: dict[str, object] = {
        "kind": kind,
        "held_on": held_on,
        "title": title.strip(),
        "chair": chair.strip() if chair else None,
        "notes": notes,
        "participants": participants,
    }
    return values, subjects


def _check_subject(session: Session, c: Checker, field: str, subject: SubjectRef) -> bool:
    row: Network | Organisation | None = None
    if isinstance(subject.id, str):
        if subject.kind == SubjectRefKind.NETWORK:
            row = session.get(Network, subject.id)
        else:
            row = session.get(Organisation, subject.id)
    if row is None or row.deleted_at is not None:
        c.add(field, "invalid_reference")
        return False
    return True


def _add_item(session: Session, deliberation_id: str, subject: SubjectRef, position: int) -> str:
    network = subject.kind == SubjectRefKind.NETWORK
    item = DeliberationItem(
        deliberation_id=deliberation_id,
        organisation_id=None if network else subject.id,
        network_id=subject.id if network else None,
        position=position,
    )
    session.add(item)
    session.flush()
    return item.id


def _subject_of(item: DeliberationItem) -> SubjectRef:
    if item.organisation_id is not None:
        return SubjectRef.organisation(item.organisation_id)
    return SubjectRef.network(str(item.network_id))


def _names(session: Session, items: Sequence[DeliberationItem]) -> dict[str, str]:
    orgs = [i.organisation_id for i in items if i.organisation_id]
    nets = [i.network_id for i in items if i.network_id and not i.organisation_id]
    out: dict[str, str] = {}
    if orgs:
        rows = session.execute(
            select(Organisation.id, Organisation.name).where(
                Organisation.id.in_(orgs), Organisation.deleted_at.is_(None)
            )
        )
        out.update((str(i), str(n)) for i, n in rows)
    if nets:
        rows = session.execute(
            select(Network.id, Network.name).where(Network.id.in_(nets), Network.deleted_at.is_(None))
        )
        out.update((str(i), str(n)) for i, n in rows)
    return out
