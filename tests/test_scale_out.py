"""Scale out (issue #16): two office server processes on one PostgreSQL and one S3-compatible
bucket (moto's standalone server, a real HTTP server in its own process). Laptops (real
stores, real HTTP) alternate between the processes; their work converges, an attachment
upload started on one process resumes and completes on the other, and what the bucket holds
is ciphertext under keyed names (decision 0023)."""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from inspectorapp import blob_sync, sync_runner
from inspectorapp.domain.drafts import ParagraphDraft
from inspectorapp.services import attachments, notes
from inspectorapp.workspace import Workspace
from storage import models as m
from sync import local_state
from sync.transport import ServerRefused, Transport

from . import helpers
from .adversary_checks import assert_converged, server_errors
from .postgres import postgres_server, postgres_url
from .s3_server import Bucket, S3Server, s3_bucket, s3_server
from .sync_harness import ServerProcess, team
from .test_attachments import png
from .test_sync_blobs import _transport, _workspace

__all__ = ["postgres_server", "postgres_url", "s3_bucket", "s3_server"]

MARKER = b"Vertrouwelijk: bezoekverslag De Linde, gang 3 Oost. "
SEGMENT_KEY = re.compile(r"^office/(uploads/[0-9a-f-]{36}|blobs/[0-9a-f]{2}/[0-9a-f]{64})/\d{20}$")


def _serve_args(bucket: Bucket, s3: S3Server, key: Path) -> tuple[str, ...]:
    return ("--blobs", bucket.url, "--blob-key", str(key), "--s3-endpoint", s3.endpoint)


@pytest.fixture
def offices(
    postgres_url: str, s3_bucket: Bucket, s3_server: S3Server, tmp_path: Path
) -> Iterator[tuple[ServerProcess, ServerProcess]]:
    """Processes A and B: one database, one bucket, one blob key file."""
    args = _serve_args(s3_bucket, s3_server, tmp_path / "config" / "blob.key")
    a = ServerProcess(postgres_url, tmp_path / "a.log", *args)
    b = ServerProcess(postgres_url, tmp_path / "b.log", *args)
    a.start()
    b.start()
    team(a, "Dementie", "anna", "bram")
    team(a, "Ziekenhuizen", "carla", "dave")
    yield a, b
    a.kill()
    b.kill()


def _via(ws: Workspace, server: ServerProcess) -> Workspace:
    """The laptop's next sync goes to ``server`` (as behind a proxy or DNS round robin)."""
    ws.call(lambda s: local_state.put(s, "server_url", server.base))
    return ws


def _plaintext_in_bucket(bucket: Bucket, *secrets: bytes) -> list[str]:
    return [key for key, body in bucket.objects().items() if any(s in body for s in secrets)]


def test_two_processes_one_database_one_bucket(
    offices: tuple[ServerProcess, ServerProcess], s3_bucket: Bucket, tmp_path: Path
) -> None:
    a, b = offices
    servers = (a, b)
    names = ("anna", "bram", "carla", "dave")
    anna, bram, carla, dave = (_workspace(servers[i % 2], tmp_path, n) for i, n in enumerate(names))
    everyone = (anna, bram, carla, dave)
    try:
        _org, conv = anna.call(helpers.conversation, anna.ctx)
        nid = anna.call(lambda s: notes.add_paragraph(s, anna.ctx, conv, ParagraphDraft(text="Begin.")).value.id)
        for n in range(3):  # rounds of edits, each laptop syncing with the other process than before
            for i, ws in enumerate(everyone):
                assert sync_runner.run_sync(_via(ws, servers[(i + n) % 2])).kind == "done"
            anna.call(notes.update_text, anna.ctx, nid, f"Anna, ronde {n}.")
            if n:  # bram edits the same paragraph concurrently: merged or kept, on either process
                bram.call(lambda s, n=n: notes.add_paragraph(s, bram.ctx, conv, ParagraphDraft(text=f"Bram {n}.")))
            carla.call(lambda s, n=n: helpers.organisation(s, carla.ctx, f"Zorginstelling {n}"))

        # an attachment upload started on A resumes and completes on B
        data = png(MARKER + os.urandom(150_000).hex().encode())  # a photo of some 300 kB
        visit_id = anna.call(lambda s: s.get(m.Conversation, conv).visit_id)

        def attach(session: Session) -> str:
            blobs = attachments.blob_store(session, anna.paths.attachments_dir)
            added = attachments.add_attachment(session, anna.ctx, blobs, data, "gang.png", visit_id=visit_id)
            return str(added.value.sha256)

        sha = anna.call(attach)
        on_a = _transport(_via(anna, a))
        started = on_a.start_upload(sha, len(data))
        assert on_a.send_chunk(sha, started["upload_id"], 0, data[:100_000])["offset"] == 100_000
        on_a.close()
        assert _plaintext_in_bucket(s3_bucket, MARKER) == []  # the part kept so far is sealed too
        on_b = _transport(_via(anna, b))
        resumed = on_b.start_upload(sha, len(data))
        assert (resumed["upload_id"], resumed["offset"]) == (started["upload_id"], 100_000)
        offsets: list[int] = []
        blob_sync.upload_one(on_b, sha, data, chunk=64 * 1024, sent=offsets.append)
        assert offsets[0] == 100_000 + 64 * 1024 and offsets[-1] == len(data)  # never started over
        on_b.close()
        outcome = sync_runner.run_sync(anna)  # pushes the record; the office has the file already
        assert outcome.kind == "done" and outcome.report is not None and outcome.report.files == 1

        # a colleague downloads it through A, and through B; another team gets the unknown answer
        assert sync_runner.run_sync(_via(bram, b)).kind == "done"
        assert bram.call(lambda s: s.scalars(select(m.Attachment.sha256)).one()) == sha
        for server in (a, b):
            colleague = _transport(_via(bram, server))
            assert colleague.download(sha) == data
            colleague.close()
            assert sync_runner.run_sync(_via(carla, server)).kind == "done"
            outsider = _transport(carla)
            with pytest.raises(ServerRefused) as refused:
                outsider.download(sha)
            assert refused.value.status == 404
            outsider.close()

        # convergence, laptops alternating once more (assert_converged syncs where each points)
        for i, ws in enumerate(everyone):
            _via(ws, servers[i % 2])
        assert_converged(a, {"Dementie": [anna, bram], "Ziekenhuizen": [carla, dave]})
        texts = {
            tuple(sorted(p.text for p in ws.call(lambda s: list(s.scalars(select(m.NoteParagraph))))))
            for ws in (anna, bram)
        }
        assert len(texts) == 1 and any("Bram 2." in t for t in next(iter(texts)))
        assert not server_errors(b), server_errors(b)

        # the bucket: ciphertext under keyed names (no plaintext, no object named by the hash)
        objects = s3_bucket.objects()
        assert _plaintext_in_bucket(s3_bucket, MARKER, data[200:264]) == []
        assert not [key for key in objects if sha in key]
        segments = [key for key in objects if key != "office/key-id"]
        assert segments and all(SEGMENT_KEY.fullmatch(key) and "/blobs/" in key for key in segments), segments
    finally:
        for ws in everyone:
            ws.close()


def test_a_running_hash_kept_by_one_process_is_not_trusted_after_another_started_over(
    offices: tuple[ServerProcess, ServerProcess], tmp_path: Path
) -> None:
    """A keeps the running hash of the first 100,000 bytes it took; B takes the rest, the
    whole is wrong and the upload starts over, and B takes 100,000 other bytes: same offset
    as A's kept hash, other bytes. A, taking the rest, must not go on from its own hash (the
    file would be refused as not what it claims, every time it went this way)."""
    a, b = offices
    anna = _workspace(a, tmp_path, "anna")
    try:
        data = os.urandom(300_000)
        wrong = os.urandom(300_000)
        sha = hashlib.sha256(data).hexdigest()
        on_a, on_b = _transport(anna), Transport(b.base, _transport(anna).token)
        upload_id = on_a.start_upload(sha, len(data))["upload_id"]
        assert on_a.send_chunk(sha, upload_id, 0, wrong[:100_000])["offset"] == 100_000
        with pytest.raises(ServerRefused) as whole:
            on_b.send_chunk(sha, upload_id, 100_000, wrong[100_000:])
        assert whole.value.body == {"error": "file_digest_mismatch", "expected_hwm": 0}
        assert on_b.send_chunk(sha, upload_id, 0, data[:100_000])["offset"] == 100_000
        assert on_a.send_chunk(sha, upload_id, 100_000, data[100_000:200_000])["offset"] == 200_000
        assert on_a.send_chunk(sha, upload_id, 200_000, data[200_000:]) == {"offset": 300_000, "complete": True}
        assert on_a.start_upload(sha, len(data))["exists"] and on_b.start_upload(sha, len(data))["exists"]
        on_a.close()
        on_b.close()
    finally:
        anna.close()
