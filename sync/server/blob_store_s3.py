"""Attachment bytes in an S3-compatible bucket (AWS S3, MinIO, Ceph, Garage, ...), via boto3.

Layout under ``s3://bucket/prefix`` (decision 0023), every object ciphertext::

    key-id                                  the blob key's id (refuse another key)
    uploads/<upload id>/<start:020d>        a sealed segment of an upload in progress
    blobs/<name[:2]>/<name>/<start:020d>    a sealed segment of a finished blob

``name`` is the keyed hash of the SHA-256 (``blob_crypto``), ``start`` the plaintext offset
where the segment begins, zero-padded so that the listing's order is the file's order. One
object per uploaded chunk keeps an upload resumable from any server process without S3
multipart uploads, whose parts must be 5 MiB but the last (a laptop's chunks may be smaller).
A listing says everything ``resume`` needs (each object's size and ETag), so a chunk costs a
LIST, a PUT and, only in a process that lacks the running hash, GETs of the confirmed part.
Publishing a finished upload copies its segments inside the bucket (no bytes through the
server) and deletes them.

Credentials and region come from boto3's usual sources (``AWS_ACCESS_KEY_ID``,
``AWS_SECRET_ACCESS_KEY``, ``AWS_DEFAULT_REGION``, a profile, an instance role); the endpoint
of a server not at AWS from ``--s3-endpoint`` or ``AWS_ENDPOINT_URL``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, NamedTuple
from urllib.parse import urlsplit

import boto3
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

from .blob_crypto import SEGMENT_OVERHEAD, BlobCipher, BlobDamagedError, BlobKeyError
from .blob_store import BlobBackend, BlobStoreError, Slot

_DIGITS = 20  # any int64 offset
_DELETE_MAX = 1000  # keys per DeleteObjects


class _Object(NamedTuple):
    key: str
    start: int
    size: int
    etag: str


class S3Bucket(BlobBackend):
    def __init__(self, url: str, cipher: BlobCipher, endpoint: str | None = None) -> None:
        parts = urlsplit(url)
        if parts.scheme != "s3" or not parts.netloc:
            raise BlobStoreError(f"not a bucket address: {url} (s3://bucket/prefix)")
        self.bucket = parts.netloc
        self.prefix = parts.path.strip("/")
        self.url = url
        self.cipher = cipher
        # path-style addressing: what MinIO and most S3-compatible servers on a host name or
        # address expect; AWS itself answers it too
        style = {"addressing_style": "path"} if endpoint else {}
        config = Config(s3=style, retries={"mode": "standard", "max_attempts": 5})
        self.s3: Any = boto3.client("s3", endpoint_url=endpoint or None, config=config)
        try:
            self.s3.head_bucket(Bucket=self.bucket)
        except (BotoCoreError, ClientError) as exc:
            raise BlobStoreError(f"cannot use the bucket {self.bucket}: {exc}") from exc

    def _key(self, *parts: str) -> str:
        return "/".join([self.prefix, *parts] if self.prefix else parts)

    def _upload(self, upload_id: str) -> str:
        return self._key("uploads", upload_id)

    def _blob(self, name: str) -> str:
        return self._key("blobs", name[:2], name)

    def _list(self, folder: str, limit: int | None = None) -> list[_Object]:
        found: list[_Object] = []
        pages = self.s3.get_paginator("list_objects_v2").paginate(
            Bucket=self.bucket, Prefix=folder + "/", PaginationConfig={"MaxItems": limit} if limit else {}
        )
        for page in pages:
            for obj in page.get("Contents", []):
                tail = obj["Key"][len(folder) + 1 :]
                start = int(tail) if tail.isdigit() and len(tail) == _DIGITS else -1  # -1: not ours
                found.append(_Object(obj["Key"], start, int(obj["Size"]), str(obj["ETag"])))
        found.sort(key=lambda o: o.key)
        return found

    def _delete(self, objects: list[_Object]) -> None:
        for i in range(0, len(objects), _DELETE_MAX):
            batch = [{"Key": o.key} for o in objects[i : i + _DELETE_MAX]]
            self.s3.delete_objects(Bucket=self.bucket, Delete={"Objects": batch, "Quiet": True})

    def _get(self, key: str) -> bytes:
        return bytes(self.s3.get_object(Bucket=self.bucket, Key=key)["Body"].read())

    def check_key_id(self) -> None:
        key, mine = self._key("key-id"), self.cipher.key_id.hex()
        try:
            found = self._get(key).decode("ascii").strip()
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") not in ("NoSuchKey", "404"):
                raise BlobStoreError(f"cannot read {self.url}/key-id: {exc}") from exc
            # first start: two processes starting at once write the same id; a conditional
            # put keeps a third with another key from overwriting it where the server has them
            body = mine.encode("ascii")
            try:
                self.s3.put_object(Bucket=self.bucket, Key=key, Body=body, IfNoneMatch="*")
            except ClientError as put_exc:
                code = put_exc.response.get("Error", {}).get("Code")
                if code == "NotImplemented":  # a store without conditional writes
                    self.s3.put_object(Bucket=self.bucket, Key=key, Body=body)
                elif code not in ("PreconditionFailed", "412"):
                    raise BlobStoreError(f"cannot write {self.url}/key-id: {put_exc}") from put_exc
            found = self._get(key).decode("ascii").strip()
        if found != mine:
            raise BlobKeyError(f"the blob key does not belong to the objects in {self.url}")

    def new_upload(self, upload_id: str) -> None:
        """Nothing to make: an upload is its segments, and it has none yet."""

    def _confirmed(self, objects: list[_Object], offset: int) -> tuple[int, int, str] | None:
        """(segments, plaintext bytes, mark) of the chain of segments from 0 up to ``offset``,
        or None when the objects do not make that chain."""
        done = index = 0
        mark = ""
        for obj in objects:
            if done == offset:
                break
            if obj.start != done or obj.size <= SEGMENT_OVERHEAD:
                return None
            done, index, mark = done + obj.size - SEGMENT_OVERHEAD, index + 1, obj.etag
        return (index, done, mark) if done == offset else None

    def resume(self, upload_id: str, offset: int) -> Slot:
        objects = self._list(self._upload(upload_id))
        chain = self._confirmed(objects, offset)
        if chain is None:
            self._delete(objects)  # damaged or lost: the offset check starts it over
            return Slot(0, 0, "")
        index, _done, mark = chain
        self._delete(objects[index:])  # from a write that never answered
        return Slot(offset, index, mark)

    def _segment(self, upload_id: str, slot: Slot) -> str:
        return f"{self._upload(upload_id)}/{slot.offset:0{_DIGITS}d}"

    def write(self, upload_id: str, slot: Slot, sealed: bytes) -> str:
        answer = self.s3.put_object(Bucket=self.bucket, Key=self._segment(upload_id, slot), Body=sealed)
        return str(answer["ETag"])

    def drop(self, upload_id: str, slot: Slot) -> None:
        self.s3.delete_object(Bucket=self.bucket, Key=self._segment(upload_id, slot))

    def upload_plaintext(self, upload_id: str, sha: str, stop: int) -> Iterator[bytes]:
        done = 0
        for index, obj in enumerate(self._list(self._upload(upload_id))):
            if done >= stop:
                break
            if obj.start != done:
                raise BlobDamagedError(f"{obj.key}: not where the previous segment ends")
            plain = self.cipher.open_segment(sha, index, self._get(obj.key), False, obj.key)
            done += len(plain)
            yield plain
        if done != stop:
            raise BlobDamagedError(f"{self._upload(upload_id)}: segments do not end at the confirmed offset")

    def restart(self, upload_id: str) -> None:
        self._delete(self._list(self._upload(upload_id)))

    def has(self, name: str) -> bool:
        return bool(self._list(self._blob(name), limit=1))

    def publish(self, upload_id: str, name: str) -> None:
        """Copied segment by segment inside the bucket; the caller holds the hash's lock and
        commits the ``blob`` row only afterwards, so nobody reads the blob half-copied, and a
        copy cut short by a crash is replaced whole by the next upload that completes."""
        target = self._blob(name)
        self._delete(self._list(target))
        parts = self._list(self._upload(upload_id))
        for obj in parts:
            self.s3.copy_object(
                Bucket=self.bucket,
                Key=f"{target}/{obj.start:0{_DIGITS}d}",
                CopySource={"Bucket": self.bucket, "Key": obj.key},
            )
        self._delete(parts)

    def forget_upload(self, upload_id: str) -> None:
        self._delete(self._list(self._upload(upload_id)))

    def read(self, name: str, sha: str) -> Iterator[bytes]:
        objects = self._list(self._blob(name))
        if not objects:
            raise BlobDamagedError(f"{self._blob(name)}: no segments")
        done = 0
        for index, obj in enumerate(objects):
            if obj.start != done:
                raise BlobDamagedError(f"{obj.key}: not where the previous segment ends")
            last = index == len(objects) - 1  # a segment cut off at the end fails as not final
            plain = self.cipher.open_segment(sha, index, self._get(obj.key), last, obj.key)
            done += len(plain)
            yield plain
