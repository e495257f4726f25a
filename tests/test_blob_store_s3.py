"""The office's attachment store in an S3-compatible bucket (moto's standalone server, a real
HTTP server in its own process): chunked uploads that resume after the server is killed,
tampered chunks refused, tampered or cut-off objects never served as the file, another key
refused, and ``serve --workers 2`` on one bucket (decision 0023)."""

from __future__ import annotations

import contextlib
import hashlib
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from sync.server.blob_crypto import BlobDamagedError, BlobKeyError
from sync.server.blob_store import BlobStoreError
from sync.server.blobs import BlobStore

from .conftest import ROOT
from .postgres import postgres_server, postgres_url
from .s3_server import Bucket, S3Server, s3_bucket, s3_server
from .sync_harness import ServerProcess, team
from .test_sync_blobs import (
    _transport,
    _workspace,
    finish_the_resumed_upload,
    resume_after_a_kill_then_tamper,
)

__all__ = ["postgres_server", "postgres_url", "s3_bucket", "s3_server"]


def _office(url: str, bucket: Bucket, s3: S3Server, key: Path, log: Path, *more: str) -> ServerProcess:
    proc = ServerProcess(
        url, log, "--blobs", bucket.url, "--blob-key", str(key), "--s3-endpoint", s3.endpoint, *more
    )
    proc.start()
    team(proc, "Dementie", "anna", "bram")
    return proc


def test_chunks_resume_on_a_bucket_after_a_kill_and_tampering_is_refused(
    s3_bucket: Bucket, s3_server: S3Server, tmp_path: Path
) -> None:
    key = tmp_path / "blob.key"
    server = _office(f"sqlite:///{tmp_path / 'office.db'}", s3_bucket, s3_server, key, tmp_path / "server.log")
    anna = _workspace(server, tmp_path, "anna")
    try:
        data = b"PLAINTEXT-MARKER " + os.urandom(300_000)
        transport, sha, upload_id = resume_after_a_kill_then_tamper(server, anna, data)
        parts = [k for k in s3_bucket.objects() if f"/uploads/{upload_id}/" in k]
        assert parts == [f"office/uploads/{upload_id}/{0:020d}"]  # the tampered chunk is not kept
        finish_the_resumed_upload(transport, sha, upload_id, data)
        transport.close()
    finally:
        anna.close()
        server.kill()

    objects = s3_bucket.objects()
    segments = sorted(k for k in objects if "/blobs/" in k)
    assert len(segments) == 5 and not [k for k in objects if "/uploads/" in k]  # 100,000, 3 x 64 KiB, rest
    assert not [k for k, body in objects.items() if b"PLAINTEXT-MARKER" in body or sha in k]
    store = BlobStore(s3_bucket.url, key, s3_server.endpoint)
    assert b"".join(store.stream(sha, len(data))) == data
    client = s3_server.client()
    first = objects[segments[0]]
    client.put_object(Bucket=s3_bucket.name, Key=segments[0], Body=first[:-1] + bytes([first[-1] ^ 1]))
    with pytest.raises(BlobDamagedError):  # one bit flipped
        b"".join(store.stream(sha, len(data)))
    client.put_object(Bucket=s3_bucket.name, Key=segments[0], Body=first)
    client.put_object(Bucket=s3_bucket.name, Key=segments[1], Body=objects[segments[2]])
    with pytest.raises(BlobDamagedError):  # a segment in another one's place
        b"".join(store.stream(sha, len(data)))
    client.put_object(Bucket=s3_bucket.name, Key=segments[1], Body=objects[segments[1]])
    client.delete_object(Bucket=s3_bucket.name, Key=segments[-1])
    with pytest.raises(BlobDamagedError):  # cut off at the end: the last one left is not the last
        b"".join(store.stream(sha, len(data)))
    with pytest.raises(BlobKeyError):  # another key over this bucket would make every object noise
        BlobStore(s3_bucket.url, tmp_path / "other.key", s3_server.endpoint)
    with pytest.raises(BlobStoreError):
        BlobStore("s3://no-such-bucket-here/office", key, s3_server.endpoint)


def test_serve_refuses_a_bucket_it_cannot_use_in_one_line(s3_server: S3Server, tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "AWS_ACCESS_KEY_ID": "x", "AWS_SECRET_ACCESS_KEY": "y"}
    base = [sys.executable, "-m", "sync.server", "--db", f"sqlite:///{tmp_path / 'o.db'}", "serve"]
    for extra, says in (
        (["--blobs", "s3://missing-bucket/x", "--blob-key", str(tmp_path / "k"), "--s3-endpoint", s3_server.endpoint], "cannot use the bucket"),
        (["--blobs", "s3://missing-bucket/x"], "--blob-key"),
    ):
        done = subprocess.run([*base, *extra], env=env, capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
        assert done.returncode == 2, done.stderr
        assert says in done.stderr and "Traceback" not in done.stderr and len(done.stderr.splitlines()) == 1


def _stop(server: ServerProcess) -> None:
    """SIGTERM: uvicorn's supervisor stops its workers; SIGKILL would orphan them."""
    proc = server.proc
    if proc is None or proc.poll() is not None:
        return
    children = Path(f"/proc/{proc.pid}/task/{proc.pid}/children")
    workers = [int(p) for p in children.read_text().split()] if children.exists() else []
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(10)
    for pid in workers:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)


def test_serve_with_two_workers_on_one_bucket(
    postgres_url: str, s3_bucket: Bucket, s3_server: S3Server, tmp_path: Path
) -> None:
    """``serve --workers 2``: each worker builds the app from the environment; every chunk of
    an upload on a new connection (either worker may answer), and the file is whole."""
    key = tmp_path / "blob.key"
    server = _office(postgres_url, s3_bucket, s3_server, key, tmp_path / "server.log", "--workers", "2")
    anna = None
    try:
        children = Path(f"/proc/{server.proc.pid}/task/{server.proc.pid}/children") if server.proc else None
        if children is not None and children.exists():
            assert len(children.read_text().split()) >= 2  # the supervisor and its workers
        anna = _workspace(server, tmp_path, "anna")
        data = os.urandom(400_000)
        sha = hashlib.sha256(data).hexdigest()
        upload_id = _transport(anna).start_upload(sha, len(data))["upload_id"]
        for offset in range(0, len(data), 50_000):
            transport = _transport(anna)  # a new connection per chunk
            answer = transport.send_chunk(sha, upload_id, offset, data[offset : offset + 50_000])
            transport.close()
            assert answer["offset"] == offset + 50_000
        assert answer["complete"] is True
        assert _transport(anna).start_upload(sha, len(data))["exists"]
        assert "Traceback" not in server.log.read_text()
    finally:
        if anna is not None:
            anna.close()
        _stop(server)
