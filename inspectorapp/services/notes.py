"""Note paragraphs: the autosave path. One edit = one small transaction."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from inspectorapp.clock import utc_now
from inspectorapp.domain import limits
from inspectorapp.domain.changes import ChangeSet
from inspectorapp.domain.drafts import ParagraphDraft, require
from inspectorapp.domain.enums import Confidentiality, NoteKind, PartialInterest
from inspectorapp.domain.snapshots import ActionContext, NoteAttrs, NoteSnapshot, OpResult
from inspectorapp.domain.textmerge import merge3
from inspectorapp.domain.validation import Checker
from inspectorapp.domain.visit_views import (
    CodeLabel,
    GuideQuestion,
    ParagraphEdit,
    ParagraphOptions,
    SavedEdits,
)
from inspectorapp.errors import FieldIssue, NotFoundError, ValidationError
from storage.models import Conversation, NoteParagraph
from sync import local_state as sync_state

from . import frameworks
from .refs import existing

POSITION_GAP = 1024  # room to insert between paragraphs without renumbering


def add_paragraph(
    session: Session, ctx: ActionContext, conversation_id: str, draft: ParagraphDraft
) -> OpResult[NoteSnapshot]:
    require(draft, ParagraphDraft)
    c = Checker()
    existing(session, c, "conversation_id", Conversation, conversation_id, required=True)
    kind = c.choice("kind", draft.kind or NoteKind.OBSERVATION, NoteKind)
    text = c.text("text", draft.text or "", limits.PARAGRAPH) or ""
    at = c.moment("occurred_at", draft.occurred_at) or utc_now()
    speaker = c.code("speaker_role", draft.speaker_role, frameworks.codes(session, "person_role"))
    themes = c.codes("theme_codes", draft.theme_codes, frameworks.codes(session, "meso_theme"))
    conf = c.choice("confidentiality", draft.confidentiality or Confidentiality.TEAM, Confidentiality)
    partial = c.choice("partial_interest", draft.partial_interest or PartialInterest.NONE, PartialInterest)
    absent = c.boolean("about_absent_party", draft.about_absent_party)
    c.done()
    last = session.scalar(
        select(func.max(NoteParagraph.position)).where(NoteParagraph.conversation_id == conversation_id)
    )
    note = NoteParagraph(
        conversation_id=conversation_id,
        position=(last or 0) + POSITION_GAP,
        occurred_at=at,
        kind=kind,
        speaker_role=speaker,
        text=text,
        theme_codes=themes,
        confidentiality=conf,
        partial_interest=partial,
        about_absent_party=absent,
    )
    session.add(note)
    session.flush()
    return OpResult(_snap(note), ChangeSet.of(note_paragraph=[note.id]))


def update_text(session: Session, ctx: ActionContext, note_id: str, text: str) -> OpResult[NoteSnapshot]:
    """The autosave of a paragraph being typed: validate, write, one outbox row, FTS updated
    by trigger, all in the caller's transaction."""
    c = Checker()
    clean = c.text("text", text, limits.PARAGRAPH)
    c.done()
    note = session.get(NoteParagraph, note_id)
    if note is None or note.deleted_at is not None:
        raise NotFoundError("note_paragraph", note_id)
    note.text = clean or ""
    session.flush()
    return OpResult(_snap(note), ChangeSet.of(note_paragraph=[note.id]))


def list_paragraphs(session: Session, conversation_id: str) -> list[NoteSnapshot]:
    rows = session.scalars(
        select(NoteParagraph)
        .where(NoteParagraph.conversation_id == conversation_id, NoteParagraph.deleted_at.is_(None))
        .order_by(NoteParagraph.position)
    )
    return [_snap(n) for n in rows]


def _attr_columns(p: ParagraphEdit) -> dict[str, Any]:
    a = p.attrs
    return {
        "speaker_role": a.speaker_role,
        "theme_codes": list(a.theme_codes),
        "confidentiality": Confidentiality(a.confidentiality),
        "about_absent_party": a.about_absent_party,
        "partial_interest": PartialInterest(a.partial_interest),
        "followed_up": a.followed_up,
    }


def _snap(n: NoteParagraph) -> NoteSnapshot:
    attrs = NoteAttrs(
        n.speaker_role,
        tuple(n.theme_codes or ()),
        n.confidentiality.value,
        n.about_absent_party,
        n.partial_interest.value,
        n.followed_up,
    )
    return NoteSnapshot(
        n.id, n.conversation_id, n.position, n.occurred_at, n.kind.value, n.text, n.updated_at, attrs
    )


def save_edits(
    session: Session,
    ctx: ActionContext,
    conversation_id: str,
    upserts: Sequence[ParagraphEdit],
    deletes: Sequence[str] = (),
) -> OpResult[SavedEdits]:
    """The note editor's autosave: paragraphs upserted by their client-made id, removed
    ones soft-deleted, all in one transaction. Unchanged paragraphs write nothing (the
    outbox trigger fires only on a real change), so re-sending is harmless."""
    c = Checker()
    live = session.scalar(
        select(Conversation.id).where(Conversation.id == conversation_id, Conversation.deleted_at.is_(None))
    )
    if live is None:
        c.add("conversation_id", "invalid_reference")
    roles = frameworks.known_codes(session, "person_role", (p.attrs.speaker_role for p in upserts))
    themes = frameworks.known_codes(session, "meso_theme", (t for p in upserts for t in p.attrs.theme_codes))
    clean: list[tuple[ParagraphEdit, NoteKind | None, str | None, datetime | None]] = []
    for n, p in enumerate(upserts):
        f = f"paragraphs[{n}]"
        c.ref(f"{f}.id", p.id, required=True)
        kind = c.choice(f"{f}.kind", p.kind, NoteKind)
        text = c.text(f"{f}.text", p.text, limits.PARAGRAPH)
        at = c.moment(f"{f}.occurred_at", p.occurred_at, required=True)
        c.code(f"{f}.speaker_role", p.attrs.speaker_role, roles)
        c.codes(f"{f}.theme_codes", p.attrs.theme_codes, themes)
        c.choice(f"{f}.confidentiality", p.attrs.confidentiality, Confidentiality)
        c.choice(f"{f}.partial_interest", p.attrs.partial_interest, PartialInterest)
        c.integer(f"{f}.position", p.position, 0, 2**62, required=True)
        clean.append((p, kind, text, at))
    for n, note_id in enumerate(deletes):
        c.ref(f"deletes[{n}]", note_id, required=True)
    c.done()
    ids = [p.id for p in upserts] + list(deletes)
    rows = {n.id: n for n in session.scalars(select(NoteParagraph).where(NoteParagraph.id.in_(ids)))}
    foreign = [i for i, n in rows.items() if n.conversation_id != conversation_id]
    if foreign:
        raise ValidationError([FieldIssue("paragraphs", "invalid_reference", {"value": foreign[0]})])
    conflicts: list[str] = []
    for p, kind, text, at in clean:
        row = rows.get(p.id)
        if row is None:
            session.add(
                NoteParagraph(
                    id=p.id,
                    conversation_id=conversation_id,
                    position=p.position,
                    occurred_at=at,
                    kind=kind,
                    text=text or "",
                    **_attr_columns(p),
                )
            )
            continue
        deleted_elsewhere = _deleted_elsewhere(row, p)
        if deleted_elsewhere and not _changed_since_base(p, kind, text or ""):
            continue  # a colleague removed it and nothing was typed in it here: it stays removed
        if not _write_onto(session, row, p, kind, text or ""):
            conflicts.append(p.id)
        elif deleted_elsewhere:  # typed into while a colleague removed it: kept, for review
            _keep_conflict(session, row.id, row.text, reason="deleted_elsewhere")
            conflicts.append(p.id)
        if p.base is None or p.base.position is None or p.position != p.base.position:
            row.position = p.position  # moved here; otherwise a colleague's reordering stays
        if p.base is None or p.base.deleted or deleted_elsewhere:
            row.deleted_at = None  # an undo brings a removed paragraph back
    now = utc_now()
    for note_id in deletes:
        row = rows.get(note_id)
        if row is not None and row.deleted_at is None:
            row.deleted_at = now
    session.flush()
    stored = tuple(_snap(row) for p in upserts if (row := rows.get(p.id)) is not None and _differs(row, p))
    return OpResult(
        SavedEdits(conversation_id, tuple(p.id for p in upserts), tuple(deletes), stored, tuple(conflicts)),
        ChangeSet.of(note_paragraph=ids),
    )


def _write_onto(
    session: Session, row: NoteParagraph, p: ParagraphEdit, kind: NoteKind | None, text: str
) -> bool:
    """Write an edit onto the stored row. Without a base (or with the base still stored)
    the edit is written as it is. Otherwise something else (a sync pull, "keep mine")
    changed the row since the editor loaded it: the text is merged three-way, and of the
    other fields only those the editor changed are written. Overlapping text changes keep
    the stored text and the editor's as a local conflict for the sync panel (False)."""
    base = p.base
    mine = _attr_columns(p)
    if base is None:
        row.text, row.kind = text, kind  # type: ignore[assignment]
        for column, value in mine.items():
            setattr(row, column, value)
        return True
    before = _attr_columns(replace(p, attrs=base.attrs))
    for column, value in mine.items():
        if value != before[column]:
            setattr(row, column, value)
    if kind is not None and kind.value != base.kind:
        row.kind = kind
    merged = merge3(base.text, text, row.text)
    if merged is None:
        _keep_conflict(session, row.id, text)
        return False
    row.text = merged
    return True


def _deleted_elsewhere(row: NoteParagraph, p: ParagraphEdit) -> bool:
    """Removed in the store (a sync pull) while the editor still showed it as live."""
    return row.deleted_at is not None and p.base is not None and not p.base.deleted


def _changed_since_base(p: ParagraphEdit, kind: NoteKind | None, text: str) -> bool:
    base = p.base
    if base is None:
        return True
    return text != base.text or (kind is not None and kind.value != base.kind) or p.attrs != base.attrs


def _keep_conflict(session: Session, note_id: str, text: str, **extra: Any) -> None:
    """One open local conflict per paragraph: typing on after a refused merge updates it
    (the later text grew from the earlier one). ``reason="deleted_elsewhere"``: a colleague
    removed the paragraph while it was typed into here, so it was brought back."""
    sync_state.keep_local_conflict(session, "note_paragraph", note_id, {"text": {"v": text}}, **extra)


def _differs(row: NoteParagraph, p: ParagraphEdit) -> bool:
    snap = _snap(row)
    return (snap.text, snap.kind, snap.attrs) != (p.text, p.kind, p.attrs)


def paragraph_options(session: Session, conversation_id: str) -> ParagraphOptions:
    """Speakers of this conversation first, then every role; the inspection's themes first."""
    from storage.models import Inspection, Participant, Visit

    conv = session.get(Conversation, conversation_id)
    if conv is None:
        raise NotFoundError("conversation", conversation_id)
    insp = session.scalar(
        select(Inspection).join(Visit, Visit.inspection_id == Inspection.id).where(Visit.id == conv.visit_id)
    )
    fv = insp.framework_version_id if insp else None

    speakers = tuple(
        CodeLabel(p.role_code, p.label or p.role_code, p.label or p.role_code)
        for p in session.scalars(
            select(Participant)
            .where(Participant.conversation_id == conversation_id, Participant.deleted_at.is_(None))
            .order_by(Participant.position)
        )
    )
    roles = tuple(  # roles, not the role categories above them
        r
        for r in frameworks.code_labels(session, "person_role", fv)
        if r.parent is not None or not r.code.startswith("CAT_")
    )
    chosen = set(insp.theme_codes) if insp else set()
    themes = sorted(frameworks.code_labels(session, "meso_theme", fv), key=lambda t: t.code not in chosen)
    return ParagraphOptions(speakers, roles, themes=tuple(themes))


def question_guide(session: Session, conversation_id: str) -> list[GuideQuestion]:
    """The open questions of the inspection's themes (framework data), each marked asked
    when a question paragraph with its text is in this conversation's notes, and answered
    when a paragraph follows it."""
    from storage.models import Inspection, TaxonomyItem, Visit

    conv = session.get(Conversation, conversation_id)
    if conv is None:
        raise NotFoundError("conversation", conversation_id)
    insp = session.scalar(
        select(Inspection).join(Visit, Visit.inspection_id == Inspection.id).where(Visit.id == conv.visit_id)
    )
    if insp is None or not insp.theme_codes:
        return []
    themes = {
        i.code: i
        for i in session.scalars(
            select(TaxonomyItem).where(
                TaxonomyItem.framework_version_id == insp.framework_version_id,
                TaxonomyItem.taxonomy == "meso_theme",
                TaxonomyItem.code.in_(insp.theme_codes),
            )
        )
    }
    paras = list(
        session.scalars(
            select(NoteParagraph)
            .where(NoteParagraph.conversation_id == conversation_id, NoteParagraph.deleted_at.is_(None))
            .order_by(NoteParagraph.position)
        )
    )
    asked: dict[str, tuple[datetime, bool]] = {}
    for n, p in enumerate(paras):
        if p.kind is NoteKind.QUESTION:
            answered = any(q.kind is not NoteKind.QUESTION and q.text.strip() for q in paras[n + 1 : n + 3])
            asked.setdefault(p.text.strip(), (p.occurred_at, answered))
    out = []
    for code in insp.theme_codes:
        theme = themes.get(code)
        if theme is None:
            continue
        for q in theme.attributes.get("questions", []):
            if not isinstance(q, dict):
                continue
            nl, en = str(q.get("nl", "")), str(q.get("en", ""))
            when, answered = asked.get(nl.strip()) or asked.get(en.strip()) or (None, False)
            out.append(GuideQuestion(code, theme.label_nl, theme.label_en, nl, en, when, answered))
    return out
