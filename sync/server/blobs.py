"""Attachment bytes on the server: content-addressed, uploaded in chunks, resumable, encrypted.

A laptop starts (or resumes) an upload for a SHA-256 and sends chunks of about 8 MiB
at the offset the server confirms, each with its own SHA-256. The server appends and
fsyncs before it answers, so the confirmed offset survives a crash. The whole file's
hash grows chunk by chunk (kept in memory, rebuilt from the confirmed bytes after a
restart); only a file whose hash is its name is renamed into the store. A chunk's two
hashes and its write run side by side (hashlib lets go of the GIL). Everything else (a
tampered chunk, a wrong offset, a wrong whole) is refused and the upload keeps or resets
its offset; no broken file is ever served.

Files are named by a keyed hash and encrypted per chunk (``blob_crypto``); reading a blob
requires read access to an attachment record that names it and whose pusher proved it held
the bytes (``blob_access``). Decision 0006.
"""

from __future__ import annotations

import hashlib
import os
import re
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, BinaryIO

from sqlalchemy import Connection, insert, select, text, update

from . import accounts, blob_access, blob_legacy
from . import schema as t
from .accounts import Caller
from .blob_crypto import (
    HEADER_BYTES,
    BlobCipher,
    BlobDamagedError,
    BlobKeyError,
    create_private,
    fsync_dir,
    load_or_create_key,
    private_dir,
    write_once,
)
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
    """Files under ``root/<name[:2]>/<name>.vwb`` (``name``: the keyed hash of the SHA-256);
    uploads in progress under ``root/uploads``. The key file lives outside ``root``."""

    SUFFIX = ".vwb"

    def __init__(self, root: Path, key_file: Path) -> None:
        if key_file.resolve().is_relative_to(root.resolve()):
            raise BlobKeyError(f"the blob key {key_file} must be kept outside the blob folder {root}")
        self.root = private_dir(root)
        self.cipher = BlobCipher(load_or_create_key(key_file))
        self._check_key_id()
        private_dir(root / "uploads")
        blob_legacy.upgrade_folder(self)
        self._hashing = ThreadPoolExecutor(3, thread_name_prefix="blob-hash")
        self._file_hashes: dict[str, tuple[int, Any]] = {}  # upload id -> (offset, sha256 so far)

    def _check_key_id(self) -> None:
        """A new key over an old folder would make every file unreadable: refuse to start."""
        marker = self.root / "key-id"
        if not marker.exists():  # whole or absent: another process starting may read it at once
            write_once(marker, self.cipher.key_id.hex().encode("ascii"))
        if marker.read_text("ascii").strip() != self.cipher.key_id.hex():
            raise BlobKeyError(f"the blob key does not belong to the files in {self.root}")

    def _file_hash(self, upload_id: str, sha: str, offset: int, f: BinaryIO, part: Path) -> Any:
        """The running hash of an upload's confirmed bytes, taken out of the cache (it goes back
        only after the next chunk is on disk, so a failed chunk never leaves it ahead)."""
        kept = self._file_hashes.pop(upload_id, None)
        if kept is not None and kept[0] == offset:
            return kept[1]
        h = hashlib.sha256()  # after a restart, or an answer whose commit failed: decrypt and hash
        f.seek(HEADER_BYTES)
        for plain in self.cipher.segments(f, sha, part, stop=offset):
            h.update(plain)
        return h

    def _keep_file_hash(self, upload_id: str, offset: int, h: Any) -> None:
        while len(self._file_hashes) >= KEPT_HASHES:
            self._file_hashes.pop(next(iter(self._file_hashes)))
        self._file_hashes[upload_id] = (offset, h)

    def path(self, sha: str) -> Path:
        _check_sha(sha)
        name = self.cipher.name(sha)
        return self.root / name[:2] / (name + self.SUFFIX)

    def partial(self, upload_id: str) -> Path:
        return self.root / "uploads" / f"{uuid.UUID(upload_id)}.part"

    def _new_partial(self, upload_id: str) -> None:
        with create_private(self.partial(upload_id)) as fh:
            fh.write(self.cipher.header)

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
        self._new_partial(upload_id)
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

    def _confirmed(self, f: BinaryIO, offset: int, part: Path) -> tuple[int, int, int]:
        """(offset, file position, segment index) the partial file holds: the row's offset,
        or 0 when the file does not hold it (started over after a wrong whole, or damaged)."""
        try:
            f.seek(0)
            self.cipher.check_header(f, part)
            pos, index = self.cipher.position_of(f, offset, part)
            return offset, pos, index
        except BlobDamagedError:
            f.seek(0)
            f.truncate(0)
            f.write(self.cipher.header)
            return 0, HEADER_BYTES, 0

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
        part = self.partial(upload_id)
        if not part.exists():  # lost with its folder: the offset check below starts it over
            self._new_partial(upload_id)
        with part.open("r+b") as f:
            confirmed, pos, index = self._confirmed(f, row.offset, part)
            if offset != confirmed:
                raise Refused(409, "offset_mismatch", expected_hwm=confirmed)
            if not chunk or len(chunk) > CHUNK_MAX or confirmed + len(chunk) > row.size:
                raise Refused(422, "invalid_chunk")
            new_offset = confirmed + len(chunk)
            file_hash = self._file_hash(upload_id, sha, confirmed, f, part)
            chunk_digest = self._hashing.submit(_hexdigest, chunk)
            grown = self._hashing.submit(file_hash.update, chunk)
            sealed = self._hashing.submit(self.cipher.seal, sha, index, chunk, new_offset == row.size)
            f.truncate(pos)  # bytes past the confirmed offset are from a write that never answered
            f.seek(pos)
            f.write(sealed.result())
            f.flush()
            grown.result()
            if chunk_digest.result() != digest.lower():
                f.truncate(pos)
                raise Refused(422, "chunk_digest_mismatch")  # tampered or damaged on the way: not kept
            os.fsync(f.fileno())
        conn.execute(update(t.blob_upload).where(t.blob_upload.c.id == upload_id).values(offset=new_offset))
        if new_offset < row.size:
            self._keep_file_hash(upload_id, new_offset, file_hash)
            return {"offset": new_offset, "complete": False}
        return self._finish(conn, caller, row, part, file_hash.hexdigest())

    def _finish(
        self, conn: Connection, caller: Caller, row: Any, part: Path, digest: str
    ) -> dict[str, object]:
        sha, upload_id, size = row.sha256, row.id, row.size
        if digest != sha:
            with part.open("r+b") as f:  # start over: the parts do not make the file they claim
                f.truncate(HEADER_BYTES)
            raise Refused(422, "file_digest_mismatch", expected_hwm=0)
        final = self.path(sha)
        _lock_hash(conn, sha)  # two devices finishing one file: the second sees the first's row
        stored = conn.execute(select(t.blob.c.sha256).where(t.blob.c.sha256 == sha)).first()
        if stored and final.is_file():
            part.unlink()  # sent again by someone proving they hold it: the stored file stays
        else:
            private_dir(final.parent)
            os.replace(part, final)
            fsync_dir(final.parent)
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
        path = self.path(sha)
        sent = 0
        with path.open("rb") as f:
            self.cipher.check_header(f, path)
            for plain in self.cipher.segments(f, sha, path):
                sent += len(plain)
                yield plain
        if sent != size:
            raise BlobDamagedError(f"{path}: {sent} bytes, {size} expected")


def _lock_hash(conn: Connection, sha: str) -> None:
    """Hold a per-hash lock until the transaction ends (PostgreSQL; SQLite's ``BEGIN
    IMMEDIATE`` already lets one writer in at a time)."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))"), {"key": "blob:" + sha})

