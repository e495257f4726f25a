"""Attachment bytes on the server: content-addressed, uploaded in chunks, resumable, encrypted.

A laptop starts (or resumes) an upload for a SHA-256 and sends chunks of about 8 MiB
at the offset the server confirms, each with its own SHA-256. The server stores the chunk
durably (fsync, or the bucket's answer) before it answers, so the confirmed offset survives
a crash; it lives in the database, the bytes in the store (``blob_store``: a folder or an
S3-compatible bucket), so any server process may take the next chunk. The whole file's hash
grows chunk by chunk (kept in memory, rebuilt from the confirmed bytes in a process that
lacks it); only a file whose hash is its name is moved into the store. A chunk's two
hashes and its write run side by side (hashlib lets go of the GIL). Everything else (a
tampered chunk, a wrong offset, a wrong whole) is refused and the upload keeps or resets
its offset; no broken file is ever served.

Files are named by a keyed hash and encrypted per chunk (``blob_crypto``); reading a blob
requires read access to an attachment record that names it and whose pusher proved it held
the bytes (``blob_access``). Decision 0006.
"""

from __future__ import annotations

import hashlib
import re
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, insert, select, text, update

from . import accounts, blob_access, blob_legacy
from . import schema as t
from .accounts import Caller
from .blob_crypto import BlobCipher, BlobDamagedError, BlobKeyError, load_or_create_key
from .blob_store import LocalFolder, Slot, is_bucket, open_backend
from .records import Refused

CHUNK_MAX = 32 * 1024 * 1024
BLOB_MAX = 2 * 1024 * 1024 * 1024
_SHA = re.compile(r"^[0-9a-f]{64}$")
KEPT_HASHES = 64  # uploads whose running file hash stays in memory (an abandoned one is dropped)


def _hexdigest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _check_sha(sha: str) -> None:
    if not _SHA.fullmatch(sha):  # match() would let a trailing newline through
        raise Refused(422, "invalid_sha256")


class BlobStore:
    """Attachment files in a ``blob_store`` backend: a folder (``root/<name[:2]>/<name>.vwb``,
    uploads in progress under ``root/uploads``; the key file lives outside it) or a bucket
    (``s3://bucket/prefix``, ``blob_store_s3``)."""

    def __init__(self, place: Path | str, key_file: Path, s3_endpoint: str | None = None) -> None:
        folder = None if is_bucket(place) else Path(place)
        if folder is not None and key_file.resolve().is_relative_to(folder.resolve()):
            raise BlobKeyError(f"the blob key {key_file} must be kept outside the blob folder {folder}")
        cipher = BlobCipher(load_or_create_key(key_file))
        self.backend = open_backend(place if folder is None else folder, cipher, s3_endpoint)
        self.cipher = cipher
        self.backend.check_key_id()
        if isinstance(self.backend, LocalFolder):
            blob_legacy.upgrade_folder(self.backend)
        self._hashing = ThreadPoolExecutor(3, thread_name_prefix="blob-hash")
        # upload id -> (offset, mark, sha256 so far): a cache, never the truth (see _file_hash)
        self._file_hashes: dict[str, tuple[int, str, Any]] = {}

    def _folder(self) -> LocalFolder:
        if not isinstance(self.backend, LocalFolder):
            raise TypeError("this blob store keeps its files in a bucket")
        return self.backend

    @property
    def root(self) -> Path:
        """The folder of a store kept in one (the embedded default)."""
        return self._folder().root

    def _file_hash(self, upload_id: str, sha: str, slot: Slot) -> Any:
        """The running hash of an upload's confirmed bytes, taken out of the cache (it goes back
        only after the next chunk is stored, so a failed chunk never leaves it ahead).

        The cache is this process's alone: with several server processes the chunks of one
        upload may reach different ones. A kept hash counts only for the same offset and the
        same last segment (``Slot.mark``); otherwise (another process went on, the upload
        started over, a restart, an answer whose commit failed) it is rebuilt by decrypting
        and hashing the confirmed bytes from the store. That costs a read of the upload so
        far whenever it moves to another process; hashlib's state cannot be stored in the
        database to spare it (decision 0023)."""
        kept = self._file_hashes.pop(upload_id, None)
        if kept is not None and kept[:2] == (slot.offset, slot.mark):
            return kept[2]
        h = hashlib.sha256()
        if slot.offset:
            for plain in self.backend.upload_plaintext(upload_id, sha, slot.offset):
                h.update(plain)
        return h

    def _keep_file_hash(self, upload_id: str, offset: int, mark: str, h: Any) -> None:
        while len(self._file_hashes) >= KEPT_HASHES:
            self._file_hashes.pop(next(iter(self._file_hashes)))
        self._file_hashes[upload_id] = (offset, mark, h)

    def path(self, sha: str) -> Path:
        """The file of a blob in a folder store."""
        _check_sha(sha)
        return self._folder().file(self.cipher.name(sha))

    def start(self, conn: Connection, caller: Caller, sha: str, size: int) -> dict[str, object]:
        """Resume or begin an upload. "exists" only for a caller who may read the file already:
        to anyone else a stored hash looks like an unknown one (both queries run either way)."""
        _check_sha(sha)
        if not 0 < size <= BLOB_MAX:
            raise Refused(422, "invalid_size")
        stored = conn.execute(select(t.blob.c.sha256).where(t.blob.c.sha256 == sha)).first()
        held = blob_access.holds(conn, caller.account_id, sha)
        if stored and held:
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
        self.backend.new_upload(upload_id)
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
        slot = self.backend.resume(upload_id, row.offset)
        if offset != slot.offset:
            raise Refused(409, "offset_mismatch", expected_hwm=slot.offset)
        if not chunk or len(chunk) > CHUNK_MAX or slot.offset + len(chunk) > row.size:
            raise Refused(422, "invalid_chunk")
        new_offset = slot.offset + len(chunk)
        file_hash = self._file_hash(upload_id, sha, slot)
        chunk_digest = self._hashing.submit(_hexdigest, chunk)
        grown = self._hashing.submit(file_hash.update, chunk)
        sealed = self._hashing.submit(self.cipher.seal, sha, slot.index, chunk, new_offset == row.size)
        mark = self.backend.write(upload_id, slot, sealed.result())  # while the chunk's digest runs
        grown.result()
        if chunk_digest.result() != digest.lower():
            self.backend.drop(upload_id, slot)
            raise Refused(422, "chunk_digest_mismatch")  # tampered or damaged on the way: not kept
        conn.execute(update(t.blob_upload).where(t.blob_upload.c.id == upload_id).values(offset=new_offset))
        if new_offset < row.size:
            self._keep_file_hash(upload_id, new_offset, mark, file_hash)
            return {"offset": new_offset, "complete": False}
        return self._finish(conn, caller, row, file_hash.hexdigest())

    def _finish(self, conn: Connection, caller: Caller, row: Any, digest: str) -> dict[str, object]:
        sha, upload_id, size = row.sha256, row.id, row.size
        if digest != sha:
            self.backend.restart(upload_id)  # start over: the parts do not make the file they claim
            raise Refused(422, "file_digest_mismatch", expected_hwm=0)
        name = self.cipher.name(sha)
        _lock_hash(conn, sha)  # two devices finishing one file: the second sees the first's row
        stored = conn.execute(select(t.blob.c.sha256).where(t.blob.c.sha256 == sha)).first()
        if stored and self.backend.has(name):
            self.backend.forget_upload(upload_id)  # sent again by someone proving they hold it
        else:
            self.backend.publish(upload_id, name)
        conn.execute(t.blob_upload.delete().where(t.blob_upload.c.id == upload_id))
        if not stored:
            blob_access.add(conn, t.blob, [{"sha256": sha, "size": size, "stored_at": accounts.now()}])
        blob_access.uploaded(conn, caller, sha)
        return {"offset": size, "complete": True}

    def readable(self, conn: Connection, caller: Caller, sha: str) -> int:
        """The stored file's size, if the caller may read a linked attachment that names it.
        An unknown file and one the caller may not read get the same answer."""
        _check_sha(sha)
        row = conn.execute(select(t.blob.c.size).where(t.blob.c.sha256 == sha)).first()
        allowed = blob_access.readable_through_record(conn, caller.account_id, sha)
        if row is None or not allowed:
            raise Refused(404, "unknown_blob")
        return int(row.size)

    def stream(self, sha: str, size: int) -> Iterator[bytes]:
        """The plaintext, decrypted segment by segment (a damaged file stops the stream: the
        laptop's hash check then refuses what it got)."""
        _check_sha(sha)
        name = self.cipher.name(sha)
        sent = 0
        for plain in self.backend.read(name, sha):
            sent += len(plain)
            yield plain
        if sent != size:
            raise BlobDamagedError(f"blob {name}: {sent} bytes, {size} expected")


def _lock_hash(conn: Connection, sha: str) -> None:
    """Hold a per-hash lock until the transaction ends (PostgreSQL; SQLite's ``BEGIN
    IMMEDIATE`` already lets one writer in at a time)."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))"), {"key": "blob:" + sha})

