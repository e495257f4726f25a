"""Note paragraphs: the autosave path. One edit = one small transaction."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from inspectorapp.clock import utc_now
from inspectorapp.domain import limits
from inspectorapp.domain.changes import ChangeSet
from inspectorapp.domain.enums import Confidentiality, NoteKind, PartialInterest
from inspectorapp.domain.snapshots import ActionContext, NoteSnapshot, OpResult
from inspectorapp.domain.validation import Checker
from inspectorapp.errors import NotFoundError
from storage.models import Conversation, NoteParagraph

from . import frameworks
from .refs import existing

POSITION_GAP = 1024  # room to insert between paragraphs without renumbering


def add_paragraph(
    session: Session, ctx: ActionContext, conversation_id: str, draft: dict[str, Any]
) -> OpResult[NoteSnapshot]:
    c = Checker()
    existing(session, c, "conversation_id", Conversation, conversation_id, required=True)
    kind = c.choice("kind", draft.get("kind") or "waarneming", NoteKind)
    text = c.text("text", draft.get("text") or "", limits.PARAGRAPH) or ""
    at = c.moment("occurred_at", draft.get("occurred_at")) or utc_now()
    speaker = c.code("speaker_role", draft.get("speaker_role"), frameworks.codes(session, "person_role"))
    themes = c.codes("theme_codes", draft.get("theme_codes"), frameworks.codes(session, "meso_theme"))
    conf = c.choice("confidentiality", draft.get("confidentiality") or "TEAM", Confidentiality)
    partial = c.choice("partial_interest", draft.get("partial_interest") or "geen", PartialInterest)
    absent = c.boolean("about_absent_party", draft.get("about_absent_party"))
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


def _snap(n: NoteParagraph) -> NoteSnapshot:
    return NoteSnapshot(
        n.id, n.conversation_id, n.position, n.occurred_at, n.kind.value, n.text, n.updated_at
    )
