"""Attachment bytes at rest on the office: keyed names, AES-256-GCM per segment (decision 0006).

One random 32-byte key in a key file (mode 0600) kept apart from the blob folder; two keys
are derived from it: one names the files (``HMAC(key, sha)``, so nobody can confirm a known
document is stored by hashing it), one encrypts them. A file is a header and segments, one
per uploaded chunk, so an upload is encrypted as it arrives and a download decrypted as it
streams::

    b"VWS" | version 0x01 | key id (8)    then per segment:
    plaintext length (4, big-endian) | nonce (12) | ciphertext + tag (16)

A segment's associated data is the header, the blob's SHA-256, its index, its length and
whether it is the last one: segments cannot be reordered, swapped between blobs, cut off at
the end or moved to another name without failing the tag check.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
import os
import secrets
import struct
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

MAGIC = b"VWS"
VERSION = 1
KEY_BYTES = 32
_KEY_ID = 8
HEADER_BYTES = len(MAGIC) + 1 + _KEY_ID
_LENGTH = struct.Struct(">I")
_NONCE = 12
_TAG = 16
SEGMENT_OVERHEAD = _LENGTH.size + _NONCE + _TAG


class BlobKeyError(Exception):
    """The key file is unreadable, malformed, or not the key the blob folder was written with."""


class BlobDamagedError(Exception):
    """A stored file fails its tag check, is cut off, or is not the file it is named for."""


def private_dir(folder: Path) -> Path:
    """``folder`` (and missing parents) made with mode 0700 whatever the umask."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(folder, 0o700)
    return folder


def create_private(path: Path) -> BinaryIO:
    """A new file only its owner can read (0600 whatever the umask); fails if it exists."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    os.fchmod(fd, 0o600)
    return os.fdopen(fd, "wb")


def write_once(path: Path, data: bytes) -> None:
    """``path`` holding ``data`` (private, fsynced), unless another process made it first:
    written under a temp name and linked into place, so a reader never sees half a file and two
    processes starting at once agree on one content."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    try:
        with create_private(tmp) as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        with contextlib.suppress(FileExistsError):
            os.link(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    fsync_dir(path.parent)


def fsync_dir(folder: Path) -> None:
    """The folder's entries on disk (a rename or link survives a power cut); best effort."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def load_or_create_key(path: Path) -> bytes:
    """The key in ``path``; made on first start. Written under a temp name and linked into
    place, so two processes starting at once agree on one key and a crash leaves none half-written."""
    if not path.exists():
        private_dir(path.parent)
        write_once(path, base64.b64encode(os.urandom(KEY_BYTES)) + b"\n")
    try:
        os.chmod(path, 0o600)
        key = base64.b64decode(path.read_bytes().strip(), validate=True)
    except (OSError, ValueError) as exc:
        raise BlobKeyError(f"cannot read the blob key {path}: {exc}") from exc
    if len(key) != KEY_BYTES:
        raise BlobKeyError(f"the blob key {path} is not {KEY_BYTES} bytes")
    return key


def _derive(key: bytes, label: bytes) -> bytes:
    return hmac.new(key, label, hashlib.sha256).digest()


class BlobCipher:
    """Names and seals the files of one blob folder."""

    def __init__(self, key: bytes) -> None:
        self._names = _derive(key, b"veldwerk office blob names")
        self._aead = AESGCM(_derive(key, b"veldwerk office blob encryption"))
        self.key_id = _derive(key, b"veldwerk office blob key id")[:_KEY_ID]
        self.header = MAGIC + bytes([VERSION]) + self.key_id

    def name(self, sha: str) -> str:
        return hmac.new(self._names, sha.encode("ascii"), hashlib.sha256).hexdigest()

    def _aad(self, sha: str, index: int, length: int, final: bool) -> bytes:
        return self.header + sha.encode("ascii") + struct.pack(">QI?", index, length, final)

    def seal(self, sha: str, index: int, plaintext: bytes, final: bool) -> bytes:
        """One segment (length, nonce, ciphertext and tag) of ``plaintext``."""
        nonce = os.urandom(_NONCE)
        sealed = self._aead.encrypt(nonce, plaintext, self._aad(sha, index, len(plaintext), final))
        return _LENGTH.pack(len(plaintext)) + nonce + sealed

    def open_segment(self, sha: str, index: int, segment: bytes, final: bool, where: str) -> bytes:
        """The plaintext of one whole segment kept on its own (an object of the S3 store):
        the same checks as ``segments``; ``final`` says whether the file ends with it."""
        if len(segment) < SEGMENT_OVERHEAD:
            raise BlobDamagedError(f"{where}: cut off")
        (length,) = _LENGTH.unpack_from(segment)
        if len(segment) != length + SEGMENT_OVERHEAD:
            raise BlobDamagedError(f"{where}: cut off")
        nonce, sealed = segment[_LENGTH.size : _LENGTH.size + _NONCE], segment[_LENGTH.size + _NONCE :]
        try:
            return self._aead.decrypt(nonce, sealed, self._aad(sha, index, length, final))
        except InvalidTag:
            raise BlobDamagedError(f"{where}: segment {index} fails its check") from None

    def check_header(self, f: BinaryIO, where: Path) -> None:
        if f.read(HEADER_BYTES) != self.header:
            raise BlobDamagedError(f"{where}: not a blob file of this key")

    def segments(self, f: BinaryIO, sha: str, where: Path, stop: int | None = None) -> Iterator[bytes]:
        """The plaintext, segment by segment, from a file positioned after its header. With
        ``stop`` (bytes of plaintext): that much of an upload in progress, which has no last
        segment yet; without: the whole of a finished file, whose last segment says so."""
        end = os.fstat(f.fileno()).st_size
        index = done = 0
        while stop is None or done < stop:
            head = f.read(_LENGTH.size + _NONCE)
            if not head and stop is None:
                if index == 0:
                    raise BlobDamagedError(f"{where}: no segments")
                return
            if len(head) < _LENGTH.size + _NONCE:
                raise BlobDamagedError(f"{where}: cut off")
            (length,) = _LENGTH.unpack_from(head)
            sealed = f.read(length + _TAG)
            if len(sealed) != length + _TAG:
                raise BlobDamagedError(f"{where}: cut off")
            final = stop is None and f.tell() == end
            try:
                plain = self._aead.decrypt(head[_LENGTH.size :], sealed, self._aad(sha, index, length, final))
            except InvalidTag:
                raise BlobDamagedError(f"{where}: segment {index} fails its check") from None
            index, done = index + 1, done + length
            yield plain
        if done != stop:
            raise BlobDamagedError(f"{where}: segments do not end at the confirmed offset")

    @staticmethod
    def position_of(f: BinaryIO, offset: int, where: Path) -> tuple[int, int]:
        """(file position, segment index) where the plaintext offset ``offset`` ends: after
        the confirmed segments of an upload (a confirmed offset is always a segment's end)."""
        pos, index, done = HEADER_BYTES, 0, 0
        while done < offset:
            f.seek(pos)
            head = f.read(_LENGTH.size)
            if len(head) < _LENGTH.size:
                raise BlobDamagedError(f"{where}: shorter than its confirmed offset")
            (length,) = _LENGTH.unpack(head)
            pos, index, done = pos + SEGMENT_OVERHEAD + length, index + 1, done + length
        if done != offset or pos > os.fstat(f.fileno()).st_size:
            raise BlobDamagedError(f"{where}: shorter than its confirmed offset")
        return pos, index
