"""Attachment bytes on the server: content-addressed, uploaded in chunks, resumable.

A laptop starts (or resumes) an upload for a SHA-256 and sends chunks of about 8 MiB
at the offset the server confirms, each with its own SHA-256. The server appends and
fsyncs before it answers, so the confirmed offset survives a crash. The whole file's
hash grows chunk by chunk (kept in memory, rebuilt from the confirmed bytes after a
restart); only a file whose hash is its name is renamed into the store. A chunk's two
hashes and its write run side by side (hashlib lets go of the GIL). Everything else (a
tampered chunk, a wrong offset, a wrong whole) is refused and the upload keeps or resets
its offset; no broken file is ever served.

Reading a blob requires read access to an attachment record that names it.
"""

from __future__ import annotations

import hashlib
import os
import re
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, and_, insert, or_, select, update

from . import accounts
from . import schema as t
from .accounts import Caller
from .records import Refused

CHUNK_MAX = 32 * 1024 * 1024
BLOB_MAX = 2 * 1024 * 1024 * 1024
_SHA = re.compile(r"^[0-9a-f]{64}$")
KEPT_HASHES = 64  # uploads whose running file hash stays in memory (an abandoned one is dropped)


def _hexdigest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _hash_of_start(part: Path, size: int) -> Any:
    """The hash of the first ``size`` bytes of ``part`` (bytes past them were never confirmed)."""
    h = hashlib.sha256()
    with part.open("rb") as f:
        while size > 0:
            block = f.read(min(size, 1024 * 1024))
            if not block:
                raise OSError(f"{part} is shorter than its confirmed offset")
            h.update(block)
            size -= len(block)
    return h


def _check_sha(sha: str) -> None:
    if not _SHA.match(sha):
        raise Refused(422, "invalid_sha256")


class BlobStore:
    """Files under ``root/<sha[:2]>/<sha>``; uploads in progress under ``root/uploads``."""

    def __init__(self, root: Path) -> None:
        self.root = root
        (root / "uploads").mkdir(parents=True, exist_ok=True)
        self._hashing = ThreadPoolExecutor(2, thread_name_prefix="blob-hash")
        self._file_hashes: dict[str, tuple[int, Any]] = {}  # upload id -> (offset, sha256 so far)

    def _file_hash(self, upload_id: str, offset: int, part: Path) -> Any:
        """The running hash of an upload's confirmed bytes, taken out of the cache (it goes back
        only after the next chunk is on disk, so a failed chunk never leaves it ahead)."""
        kept = self._file_hashes.pop(upload_id, None)
        if kept is not None and kept[0] == offset:
            return kept[1]
        return _hash_of_start(part, offset)  # after a restart, or an answer whose commit failed

    def _keep_file_hash(self, upload_id: str, offset: int, h: Any) -> None:
        while len(self._file_hashes) >= KEPT_HASHES:
            self._file_hashes.pop(next(iter(self._file_hashes)))
        self._file_hashes[upload_id] = (offset, h)

    def path(self, sha: str) -> Path:
        _check_sha(sha)
        return self.root / sha[:2] / sha

    def partial(self, upload_id: str) -> Path:
        return self.root / "uploads" / str(uuid.UUID(upload_id))

    def start(self, conn: Connection, caller: Caller, sha: str, size: int) -> dict[str, object]:
        _check_sha(sha)
        if not 0 < size <= BLOB_MAX:
            raise Refused(422, "invalid_size")
        if conn.execute(select(t.blob.c.sha256).where(t.blob.c.sha256 == sha)).first():
            return {"exists": True, "upload_id": None, "offset": size}
        row = conn.execute(
            select(t.blob_upload).where(
                t.blob_upload.c.sha256 == sha,
                t.blob_upload.c.device_id == caller.device_id,
                t.blob_upload.c.size == size,
            )
        ).first()
        if row is not None:  # resume where the server's disk says it is
            return {"exists": False, "upload_id": row.id, "offset": row.offset}
        upload_id = str(uuid.uuid4())
        self.partial(upload_id).write_bytes(b"")
        conn.execute(
            insert(t.blob_upload).values(
                id=upload_id,
                sha256=sha,
                device_id=caller.device_id,
                size=size,
                offset=0,
                created_at=accounts.now(),
            )
        )
        return {"exists": False, "upload_id": upload_id, "offset": 0}

    def append(
        self,
        conn: Connection,
        caller: Caller,
        sha: str,
        upload_id: str,
        offset: int,
        digest: str,
        chunk: bytes,
    ) -> dict[str, object]:
        _check_sha(sha)
        row = conn.execute(
            select(t.blob_upload)
            .where(t.blob_upload.c.id == upload_id, t.blob_upload.c.device_id == caller.device_id)
            .with_for_update()
        ).first()
        if row is None or row.sha256 != sha:
            raise Refused(404, "unknown_upload")
        if offset != row.offset:
            raise Refused(409, "offset_mismatch", expected_hwm=row.offset)
        if not chunk or len(chunk) > CHUNK_MAX or row.offset + len(chunk) > row.size:
            raise Refused(422, "invalid_chunk")
        part = self.partial(upload_id)
        file_hash = self._file_hash(upload_id, row.offset, part)
        chunk_digest = self._hashing.submit(_hexdigest, chunk)
        grown = self._hashing.submit(file_hash.update, chunk)
        with part.open("r+b") as f:
            f.truncate(row.offset)  # bytes past the confirmed offset are from a write that never answered
            f.seek(row.offset)
            f.write(chunk)
            f.flush()
            grown.result()
            if chunk_digest.result() != digest.lower():
                f.truncate(row.offset)
                raise Refused(422, "chunk_digest_mismatch")  # tampered or damaged on the way: not kept
            os.fsync(f.fileno())
        new_offset = row.offset + len(chunk)
        conn.execute(update(t.blob_upload).where(t.blob_upload.c.id == upload_id).values(offset=new_offset))
        if new_offset < row.size:
            self._keep_file_hash(upload_id, new_offset, file_hash)
            return {"offset": new_offset, "complete": False}
        return self._finish(conn, row, part, file_hash.hexdigest())

    def _finish(self, conn: Connection, row: object, part: Path, digest: str) -> dict[str, object]:
        sha, upload_id, size = row.sha256, row.id, row.size  # type: ignore[attr-defined]
        if digest != sha:
            part.write_bytes(b"")  # start over: the parts do not make the file they claim
            conn.execute(update(t.blob_upload).where(t.blob_upload.c.id == upload_id).values(offset=0))
            raise Refused(422, "file_digest_mismatch", expected_hwm=0)
        final = self.path(sha)
        final.parent.mkdir(parents=True, exist_ok=True)
        os.replace(part, final)
        conn.execute(t.blob_upload.delete().where(t.blob_upload.c.id == upload_id))
        if not conn.execute(select(t.blob.c.sha256).where(t.blob.c.sha256 == sha)).first():
            conn.execute(insert(t.blob).values(sha256=sha, size=size, stored_at=accounts.now()))
        return {"offset": size, "complete": True}

    def readable_path(self, conn: Connection, caller: Caller, sha: str) -> Path:
        """The stored file, if the caller may read an attachment that names it."""
        _check_sha(sha)
        if not conn.execute(select(t.blob.c.sha256).where(t.blob.c.sha256 == sha)).first():
            raise Refused(404, "unknown_blob")
        scopes = accounts.readable_scopes(conn, caller.account_id)
        names_it = conn.execute(
            select(t.record.c.id).where(
                and_(
                    t.record.c.tbl == "attachment",
                    or_(t.record.c.scope.is_(None), t.record.c.scope.in_(scopes)),
                )
            )
        )
        ids = [r.id for r in names_it]
        for start in range(0, len(ids), 500):
            for (fields,) in conn.execute(
                select(t.record.c.fields).where(
                    t.record.c.tbl == "attachment", t.record.c.id.in_(ids[start : start + 500])
                )
            ):
                if fields.get("sha256") == sha:
                    return self.path(sha)
        raise Refused(403, "forbidden")
