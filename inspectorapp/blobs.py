"""Encrypted, content-addressed blob store on the filesystem (no SQL, no Qt).

A blob is stored at ``<folder>/<name[:2]>/<name>.vwb``, where ``name`` is a keyed hash
(HMAC-SHA256 under a key derived from the store's attachments key) of ``sha``, the SHA-256
of the plaintext: nobody holding the disk can confirm a known document is on it by hashing
it. Files of older versions, named by the plain ``sha``, are renamed the first time a
folder is opened in a process (each rename is atomic, so a crash leaves nothing to mend).
The file holds a small header and the AES-256-GCM ciphertext::

    magic b"VWB" | version 0x01 | key id (8 bytes) | nonce (12 bytes) | ciphertext + tag (16)

The associated data is the header (magic, version, key id) plus the sha as ASCII, so a
file renamed to another blob's name, a header edited, or a byte flipped anywhere fails
the tag check. After decryption the SHA-256 of the plaintext is checked as well.

Writes are crash-safe: the ciphertext goes to a temp file in the same shard folder
(never a plaintext temp file anywhere), is fsynced, renamed over the final name and the
folder is fsynced. A crash leaves at most a ``.tmp`` file, which ``sweep_temp_files``
removes; a blob under its final name is always complete.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import re
import secrets
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from inspectorapp.errors import (
    AttachmentTooLargeError,
    BlobMissingError,
    BlobNameError,
    BlobTamperedError,
)

MAX_BLOB_BYTES = 200 * 1024 * 1024  # read in one go; chunked streaming comes with sync
KEY_BYTES = 32

MAGIC = b"VWB"
VERSION = 1
_KEY_ID_BYTES = 8
_NONCE_BYTES = 12
_TAG_BYTES = 16
_PREFIX_BYTES = len(MAGIC) + 1 + _KEY_ID_BYTES  # the authenticated header part
HEADER_BYTES = _PREFIX_BYTES + _NONCE_BYTES
OVERHEAD = HEADER_BYTES + _TAG_BYTES

_SHA = re.compile(r"[0-9a-f]{64}")
_SHARD = re.compile(r"[0-9a-f]{2}")
TEMP_SUFFIX = ".tmp"
SUFFIX = ".vwb"
_renamed: set[tuple[Path, bytes]] = set()  # folders (and keys) whose plain-hash names are renamed
_renaming = threading.Lock()


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def key_id(key: bytes) -> bytes:
    """A short, non-secret fingerprint of a key, so a blob written under another key
    is recognised as such (and rewritten by ``put``) instead of looking tampered."""
    return hmac.new(key, b"veldwerk attachment key id", hashlib.sha256).digest()[:_KEY_ID_BYTES]


class BlobStore:
    """``BlobStore(folder, key)``: ``put`` bytes, ``get`` them back verified."""

    def __init__(self, folder: Path, key: bytes, *, max_bytes: int = MAX_BLOB_BYTES) -> None:
        if len(key) != KEY_BYTES:
            raise ValueError(f"the attachments key must be {KEY_BYTES} bytes")
        self.folder = Path(folder)
        self.max_bytes = max_bytes
        self._aead = AESGCM(key)
        self._prefix = MAGIC + bytes([VERSION]) + key_id(key)
        self._names = hmac.new(key, b"veldwerk attachment file names", hashlib.sha256).digest()
        self._rename_plain_names()

    @property
    def key_id(self) -> bytes:
        return self._prefix[len(MAGIC) + 1 :]

    # -- paths ---------------------------------------------------------------------

    def path_for(self, sha: str) -> Path:
        """The final file name of a blob (keyed). Refuses anything but a lowercase hex
        SHA-256, so a name coming from a synced row can never point outside the folder."""
        if not isinstance(sha, str) or not _SHA.fullmatch(sha):
            raise BlobNameError(f"not a SHA-256 hex digest: {str(sha)[:80]!r}", sha=str(sha)[:80])
        name = hmac.new(self._names, sha.encode("ascii"), hashlib.sha256).hexdigest()
        return self.folder / name[:2] / (name + SUFFIX)

    def _rename_plain_names(self) -> None:
        """Files named by their plain SHA-256 (before keyed names) get their keyed name, once
        per folder and key in a process; the folder is made private on the way.

        Another process (the GUI and the command line) may do the same pass at the same time:
        a file or shard that is gone is one it already moved, so nothing here may fail on it.
        Folders this user does not own keep their mode (chmod would be refused)."""
        done = (self.folder.resolve(), self._names)
        with _renaming:
            if done in _renamed or not self.folder.is_dir():
                return
            _make_private(self.folder)
            for shard in list(self.folder.iterdir()):
                if not (_SHARD.fullmatch(shard.name) and shard.is_dir()):
                    continue
                _make_private(shard)
                try:
                    entries = list(shard.iterdir())
                except FileNotFoundError:  # emptied and removed by the other process
                    continue
                moved = False
                for entry in entries:
                    if _SHA.fullmatch(entry.name) and entry.name.startswith(shard.name) and entry.is_file():
                        moved = self._move_plain(entry) or moved
                if moved:
                    _fsync_dir(shard)  # the old names' removal is durable too
                with contextlib.suppress(OSError):  # empty now (its files moved to keyed shards)
                    shard.rmdir()
            _renamed.add(done)

    def _move_plain(self, entry: Path) -> bool:
        """Give one plain-named file its keyed name; False when it was already gone."""
        target = self.path_for(entry.name)
        for _attempt in range(5):
            target.parent.mkdir(mode=0o700, exist_ok=True)
            try:
                if target.is_file():
                    entry.unlink()  # an earlier rename got as far as the new name
                else:
                    os.replace(entry, target)
            except FileNotFoundError:
                if not entry.exists():
                    return False  # moved by the other process
                continue  # the shard was removed between mkdir and rename (it was empty)
            _fsync_dir(target.parent)
            return True
        return False  # still there: the next process start tries again

    def exists(self, sha: str) -> bool:
        return self.path_for(sha).is_file()

    def size_on_disk(self, sha: str) -> int:
        """Bytes the encrypted blob takes (plaintext size + ``OVERHEAD``)."""
        try:
            return self.path_for(sha).stat().st_size
        except FileNotFoundError:
            raise BlobMissingError(f"blob {sha} is not on this device", sha=sha) from None

    def iter_files(self) -> Iterator[Path]:
        """The blobs present under their final names (temp files are skipped)."""
        if not self.folder.is_dir():
            return
        for shard in sorted(self.folder.iterdir()):
            if not (shard.is_dir() and _SHARD.fullmatch(shard.name)):
                continue
            for entry in sorted(shard.iterdir()):
                name = entry.name.removesuffix(SUFFIX)
                if entry.name.endswith(SUFFIX) and _SHA.fullmatch(name) and name.startswith(shard.name):
                    yield entry

    def total_size_on_disk(self) -> int:
        return sum(path.stat().st_size for path in self.iter_files())

    # -- writing -------------------------------------------------------------------

    def put(self, data: bytes) -> str:
        """Store ``data`` encrypted; returns its SHA-256. Idempotent: a blob that is
        already there and decrypts to the same bytes is left untouched; a damaged one,
        or one written under another key, is replaced."""
        if len(data) > self.max_bytes:
            raise AttachmentTooLargeError(
                f"{len(data)} bytes; at most {self.max_bytes}", size=len(data), max=self.max_bytes
            )
        sha = sha256_hex(data)
        path = self.path_for(sha)
        if path.is_file() and self._intact(path, sha, len(data)):
            return sha
        nonce = os.urandom(_NONCE_BYTES)
        sealed = self._aead.encrypt(nonce, data, self._prefix + sha.encode("ascii"))
        self._write_atomic(path, self._prefix + nonce, sealed)
        return sha

    def put_file(self, source: Path) -> str:
        """``put`` the contents of a file, read in one go (files up to ``max_bytes``)."""
        size = os.stat(source).st_size
        if size > self.max_bytes:
            raise AttachmentTooLargeError(
                f"{source.name}: {size} bytes; at most {self.max_bytes}", size=size, max=self.max_bytes
            )
        with open(source, "rb") as fh:
            data = fh.read(self.max_bytes + 1)  # the file may have grown since stat
        return self.put(data)

    def _intact(self, path: Path, sha: str, size: int) -> bool:
        try:
            if path.stat().st_size != size + OVERHEAD:
                return False
            self.get(sha)
        except (BlobTamperedError, OSError):
            return False
        return True

    def _write_atomic(self, path: Path, header: bytes, sealed: bytes) -> None:
        shard = path.parent
        new_shard = not shard.is_dir()
        if not self.folder.is_dir():
            self.folder.mkdir(mode=0o700, parents=True)
        shard.mkdir(mode=0o700, parents=True, exist_ok=True)
        tmp = shard / f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}{TEMP_SUFFIX}"
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
        fd = os.open(tmp, flags, 0o600)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(header)
                fh.write(sealed)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise
        _fsync_dir(shard)
        if new_shard:
            _fsync_dir(shard.parent)

    def sweep_temp_files(self, older_than_seconds: float = 3600.0) -> int:
        """Remove temp files a crash left behind (only ciphertext, never plaintext).
        Recent ones are kept: another writer may still be busy with them."""
        if not self.folder.is_dir():
            return 0
        cutoff = time.time() - older_than_seconds
        removed = 0
        for shard in self.folder.iterdir():
            if not (shard.is_dir() and _SHARD.fullmatch(shard.name)):
                continue
            for entry in shard.iterdir():
                if entry.name.startswith(".") and entry.name.endswith(TEMP_SUFFIX):
                    with contextlib.suppress(FileNotFoundError):
                        if entry.stat().st_mtime <= cutoff:
                            entry.unlink()
                            removed += 1
        return removed

    # -- reading -------------------------------------------------------------------

    def get(self, sha: str) -> bytes:
        """The plaintext of a blob, verified (GCM tag and SHA-256 of the plaintext)."""
        path = self.path_for(sha)
        try:
            size = path.stat().st_size
        except FileNotFoundError:
            raise BlobMissingError(f"blob {sha} is not on this device", sha=sha) from None
        if size < OVERHEAD or size > self.max_bytes + OVERHEAD:
            raise BlobTamperedError(f"blob {sha}: impossible size {size}", sha=sha)
        blob = memoryview(path.read_bytes())  # slices without copying the ciphertext
        if len(blob) < OVERHEAD:  # shrank since stat
            raise BlobTamperedError(f"blob {sha}: truncated", sha=sha)
        prefix, nonce, sealed = (
            bytes(blob[:_PREFIX_BYTES]),
            blob[_PREFIX_BYTES:HEADER_BYTES],
            blob[HEADER_BYTES:],
        )
        if prefix[: len(MAGIC) + 1] != self._prefix[: len(MAGIC) + 1]:
            raise BlobTamperedError(f"blob {sha}: unknown format or version", sha=sha)
        if not hmac.compare_digest(prefix, self._prefix):
            raise BlobTamperedError(f"blob {sha}: encrypted under another key", sha=sha)
        try:
            data = self._aead.decrypt(nonce, sealed, prefix + sha.encode("ascii"))
        except InvalidTag:
            raise BlobTamperedError(f"blob {sha}: authentication failed", sha=sha) from None
        if not hmac.compare_digest(sha256_hex(data), sha):
            raise BlobTamperedError(f"blob {sha}: content does not match its name", sha=sha)
        return data


def _make_private(folder: Path) -> None:
    with contextlib.suppress(FileNotFoundError, PermissionError):  # gone, or not ours
        os.chmod(folder, 0o700)


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not every platform can open a directory
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
