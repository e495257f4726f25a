"""Attachment files to and from the office, in chunks, resumable, verified.

Uploads run after the records are pushed (the server only serves a file to users who
may read an attachment naming it). A file goes out in 8 MiB chunks from the offset
the server confirms, so a dropped connection costs at most one chunk. Downloads happen
on demand: the bytes are checked against their SHA-256 and then stored encrypted
under this laptop's own key, like a file attached here.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models import Attachment, SyncBlob
from sync import local_state
from sync.engine import OnProgress, Progress
from sync.transport import ServerRefused, Transport

from .services import attachments
from .workspace import Workspace

CHUNK = 8 * 1024 * 1024


def _waiting(session: Session, folder: Path) -> dict[str, int]:
    """Files not sent yet: sha256 -> size in bytes."""
    sent = set(session.scalars(select(SyncBlob.sha256)))
    store = attachments.blob_store(session, folder)
    rows = session.execute(
        select(Attachment.sha256, Attachment.size_bytes).where(Attachment.deleted_at.is_(None))
    )
    return {sha: size for sha, size in rows if sha not in sent and store.exists(sha)}


def _read(session: Session, folder: Path, sha: str) -> bytes:
    return attachments.blob_store(session, folder).get(sha)


def _sent(session: Session, sha: str) -> None:
    if session.get(SyncBlob, sha) is None:
        session.add(SyncBlob(sha256=sha, uploaded_at=local_state.now()))


def _chunk_digest(data: memoryview, offset: int, size: int) -> str:
    return hashlib.sha256(data[offset : offset + size]).hexdigest()


class _ChunkDigests:
    """Each chunk's SHA-256, the next one worked out while this one is on its way (hashlib lets
    go of the GIL): the upload never waits for a hash but the first."""

    def __init__(self, pool: ThreadPoolExecutor, data: bytes, size: int) -> None:
        self._pool, self._data, self._size = pool, memoryview(data), size
        self._next: tuple[int, Future[str]] | None = None

    def _start(self, offset: int) -> Future[str]:
        return self._pool.submit(_chunk_digest, self._data, offset, self._size)

    def at(self, offset: int) -> str:
        ahead = self._next if self._next is not None and self._next[0] == offset else None
        current = ahead[1] if ahead else self._start(offset)  # else: the first, or another offset asked
        following = offset + self._size
        self._next = (following, self._start(following)) if following < len(self._data) else None
        return current.result()


def upload_one(
    transport: Transport,
    sha: str,
    data: bytes,
    chunk: int = CHUNK,
    sent: Callable[[int], None] | None = None,
) -> None:
    """Send ``data`` from the offset the server has; ``sent(offset)`` after each chunk."""
    started = transport.start_upload(sha, len(data))
    if started.get("exists"):
        return
    upload_id, offset = str(started["upload_id"]), int(started["offset"])
    restarts = 0
    with ThreadPoolExecutor(1, thread_name_prefix="chunk-hash") as hashing:
        digests = _ChunkDigests(hashing, data, chunk)
        while offset < len(data):
            piece = data[offset : offset + chunk]
            try:
                answer = transport.send_chunk(sha, upload_id, offset, piece, digests.at(offset))
            except ServerRefused as exc:
                if exc.body.get("error") == "offset_mismatch":  # an answer got lost: the server knows best
                    offset = int(exc.body.get("expected_hwm") or 0)
                    continue
                if exc.body.get("error") == "file_digest_mismatch" and restarts == 0:
                    restarts, offset = 1, 0
                    continue
                raise
            offset = int(answer["offset"])
            if sent is not None:
                sent(offset)


def upload_pending(ws: Workspace, transport: Transport, progress: OnProgress | None = None) -> int:
    """Upload the files this laptop holds that the office has not got; returns how many."""
    folder = ws.paths.attachments_dir
    waiting = ws.call(_waiting, folder)
    total, before, done = sum(waiting.values()), 0, 0
    report = progress or (lambda _progress: None)
    for sha, size in waiting.items():
        data = ws.call(_read, folder, sha)

        def sent(offset: int, before: int = before, done: int = done) -> None:
            report(Progress("files", before + offset, max(total, before + offset), done))

        upload_one(transport, sha, data, sent=sent)
        ws.call(_sent, sha)
        done, before = done + 1, before + size
        report(Progress("files", before, max(total, before), done))
    return done


def _store_downloaded(session: Session, folder: Path, sha: str, data: bytes) -> None:
    stored = attachments.blob_store(session, folder).put(data)
    if stored != sha:  # cannot happen after the transport's check; never store under a wrong name
        raise ValueError("downloaded file does not match its name")
    _sent(session, sha)  # the office has it: nothing to upload


def fetch(ws: Workspace, transport: Transport, sha: str) -> None:
    ws.call(_store_downloaded, ws.paths.attachments_dir, sha, transport.download(sha))
