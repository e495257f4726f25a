"""Where the office keeps attachment bytes: a local folder (the embedded default) or an
S3-compatible bucket (``blob_store_s3``), behind one small interface.

Both keep exactly what ``blob_crypto`` makes: segments sealed per uploaded chunk, under names
keyed by the blob key. They differ only in layout. The folder keeps a file per blob (header
and segments, renamed into place when complete); the bucket keeps an object per segment
(decision 0023). What an upload has confirmed is the ``blob_upload`` row's offset in the
database; a store holds the segments up to it and drops what lies beyond (a write whose
answer never arrived).

``Slot.mark`` names the last confirmed segment by something new with every write (the folder:
its GCM tag; the bucket: its ETag). A server process that kept the running hash of an upload
keeps using it only while offset and mark both match: another process may have continued the
upload, or it may have started over and come back to the same offset with other bytes.
"""

from __future__ import annotations

import os
import uuid
from abc import ABC, abstractmethod
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .blob_crypto import (
    HEADER_BYTES,
    BlobCipher,
    BlobDamagedError,
    BlobKeyError,
    create_private,
    fsync_dir,
    private_dir,
    write_once,
)

_TAG = 16  # the GCM tag closing every segment: random per write (its nonce is)


class BlobStoreError(Exception):
    """The store cannot be reached or used (a bucket that is not there, no credentials)."""


@dataclass(frozen=True)
class Slot:
    """Where an upload's next chunk goes: the plaintext offset the store holds, the next
    segment's index, the mark of the last segment (``""`` at 0), and the store's own position."""

    offset: int
    index: int
    mark: str
    at: Any = None


class BlobBackend(ABC):
    """The bytes of finished blobs (by keyed name) and of uploads in progress (by upload id)."""

    cipher: BlobCipher

    @abstractmethod
    def check_key_id(self) -> None:
        """Refuse to start with another key than the one the stored bytes were sealed with."""

    @abstractmethod
    def new_upload(self, upload_id: str) -> None: ...

    @abstractmethod
    def resume(self, upload_id: str, offset: int) -> Slot:
        """The upload's confirmed part (``offset``), with what lies beyond it dropped; started
        over (offset 0) when the store does not hold that much or holds it damaged."""

    @abstractmethod
    def write(self, upload_id: str, slot: Slot, sealed: bytes) -> str:
        """The sealed segment stored at ``slot`` (durable when this returns); its mark."""

    @abstractmethod
    def drop(self, upload_id: str, slot: Slot) -> None:
        """Take back the segment just written at ``slot`` (its chunk failed its digest)."""

    @abstractmethod
    def upload_plaintext(self, upload_id: str, sha: str, stop: int) -> Iterator[bytes]:
        """The first ``stop`` bytes of an upload, decrypted (to rebuild its running hash)."""

    @abstractmethod
    def restart(self, upload_id: str) -> None:
        """The upload holds nothing again (its chunks did not make the file they claimed)."""

    @abstractmethod
    def has(self, name: str) -> bool: ...

    @abstractmethod
    def publish(self, upload_id: str, name: str) -> None:
        """The complete upload becomes the blob ``name`` (replacing any leftover of it)."""

    @abstractmethod
    def forget_upload(self, upload_id: str) -> None: ...

    @abstractmethod
    def read(self, name: str, sha: str) -> Iterator[bytes]:
        """The plaintext of a finished blob, segment by segment."""


class LocalFolder(BlobBackend):
    """Files under ``root/<name[:2]>/<name>.vwb``; uploads in progress under ``root/uploads``
    as ``<upload id>.part`` (header and segments, appended and fsynced)."""

    SUFFIX = ".vwb"

    def __init__(self, root: Path, cipher: BlobCipher) -> None:
        self.root = private_dir(root)
        self.cipher = cipher

    def check_key_id(self) -> None:
        """A new key over an old folder would make every file unreadable: refuse to start."""
        marker = self.root / "key-id"
        if not marker.exists():  # whole or absent: another process starting may read it at once
            write_once(marker, self.cipher.key_id.hex().encode("ascii"))
        if marker.read_text("ascii").strip() != self.cipher.key_id.hex():
            raise BlobKeyError(f"the blob key does not belong to the files in {self.root}")
        private_dir(self.root / "uploads")

    def file(self, name: str) -> Path:
        return self.root / name[:2] / (name + self.SUFFIX)

    def partial(self, upload_id: str) -> Path:
        return self.root / "uploads" / f"{uuid.UUID(upload_id)}.part"  # never a path of a caller's

    def new_upload(self, upload_id: str) -> None:
        with create_private(self.partial(upload_id)) as fh:
            fh.write(self.cipher.header)

    def resume(self, upload_id: str, offset: int) -> Slot:
        part = self.partial(upload_id)
        if not part.exists():  # lost with its folder: the offset check starts it over
            self.new_upload(upload_id)
        with part.open("r+b") as f:
            try:
                self.cipher.check_header(f, part)
                pos, index = self.cipher.position_of(f, offset, part)
            except BlobDamagedError:
                f.seek(0)
                f.truncate(0)
                f.write(self.cipher.header)
                return Slot(0, 0, "", HEADER_BYTES)
            mark = ""
            if index:
                f.seek(pos - _TAG)
                mark = f.read(_TAG).hex()
        return Slot(offset, index, mark, pos)

    def write(self, upload_id: str, slot: Slot, sealed: bytes) -> str:
        with self.partial(upload_id).open("r+b") as f:
            f.truncate(slot.at)  # bytes past the confirmed offset are from a write that never answered
            f.seek(slot.at)
            f.write(sealed)
            f.flush()
            os.fsync(f.fileno())
        return sealed[-_TAG:].hex()

    def drop(self, upload_id: str, slot: Slot) -> None:
        with self.partial(upload_id).open("r+b") as f:
            f.truncate(slot.at)

    def upload_plaintext(self, upload_id: str, sha: str, stop: int) -> Iterator[bytes]:
        part = self.partial(upload_id)
        with part.open("rb") as f:
            f.seek(HEADER_BYTES)
            yield from self.cipher.segments(f, sha, part, stop=stop)

    def restart(self, upload_id: str) -> None:
        with self.partial(upload_id).open("r+b") as f:
            f.truncate(HEADER_BYTES)

    def has(self, name: str) -> bool:
        return self.file(name).is_file()

    def publish(self, upload_id: str, name: str) -> None:
        final = self.file(name)
        private_dir(final.parent)
        os.replace(self.partial(upload_id), final)
        fsync_dir(final.parent)

    def forget_upload(self, upload_id: str) -> None:
        self.partial(upload_id).unlink(missing_ok=True)

    def read(self, name: str, sha: str) -> Iterator[bytes]:
        path = self.file(name)
        with path.open("rb") as f:
            self.cipher.check_header(f, path)
            yield from self.cipher.segments(f, sha, path)


def open_backend(place: Path | str, cipher: BlobCipher, endpoint: str | None = None) -> BlobBackend:
    """``s3://bucket/prefix`` (an S3-compatible bucket; ``endpoint`` for one not at AWS) or a folder."""
    if isinstance(place, str) and place.startswith("s3://"):
        try:  # boto3 is needed only by offices that use a bucket
            from .blob_store_s3 import S3Bucket
        except ImportError as exc:
            raise BlobStoreError(f"a bucket needs boto3: pip install 'veldwerk[s3]' ({exc})") from exc

        return S3Bucket(place, cipher, endpoint)
    return LocalFolder(Path(place), cipher)


def is_bucket(place: Path | str | None) -> bool:
    return isinstance(place, str) and place.startswith("s3://")
