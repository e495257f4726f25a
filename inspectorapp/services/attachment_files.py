"""Attachments from files on disk and back to the screen: the GUI's entry points.

Reading the file happens here, on the database thread, not in the GUI. Thumbnails
get the verified bytes in memory only; opening an attachment in full is audited
by ``attachments.read_attachment``.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from inspectorapp.domain.snapshots import ActionContext, AttachmentSnapshot, OpResult
from inspectorapp.errors import AttachmentTooLargeError, FieldIssue, ValidationError
from storage.models import Attachment

from . import attachments


def add_file(
    session: Session,
    ctx: ActionContext,
    folder: Path,
    path: Path,
    *,
    visit_id: str | None = None,
    note_paragraph_id: str | None = None,
    signal_id: str | None = None,
) -> OpResult[AttachmentSnapshot]:
    blobs = attachments.blob_store(session, folder)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ValidationError([FieldIssue("file", "unreadable_file", {"value": path.name})]) from exc
    if size > blobs.max_bytes:
        raise AttachmentTooLargeError(
            f"{path.name}: {size} bytes", filename=path.name, size=size, max=blobs.max_bytes
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ValidationError([FieldIssue("file", "unreadable_file", {"value": path.name})]) from exc
    return attachments.add_attachment(
        session,
        ctx,
        blobs,
        data,
        path.name,
        visit_id=visit_id,
        note_paragraph_id=note_paragraph_id,
        signal_id=signal_id,
    )


def preview_bytes(session: Session, folder: Path, attachment_id: str) -> tuple[AttachmentSnapshot, bytes]:
    """Metadata and verified bytes of an image for a thumbnail (memory only)."""
    row = session.get(Attachment, attachment_id)
    if row is None or row.deleted_at is not None:
        raise ValidationError([FieldIssue("attachment_id", "invalid_reference")])
    snapshot = attachments.list_attachments(
        session, visit_id=row.visit_id, note_paragraph_id=row.note_paragraph_id, signal_id=row.signal_id
    )
    snap = next(s for s in snapshot if s.id == attachment_id)
    return snap, attachments.blob_store(session, folder).get(row.sha256)


def open_bytes(session: Session, ctx: ActionContext, folder: Path, attachment_id: str) -> bytes:
    """The whole file to show or save (audited: who saw what)."""
    return attachments.read_attachment(session, ctx, attachments.blob_store(session, folder), attachment_id)
