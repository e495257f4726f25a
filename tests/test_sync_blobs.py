"""Attachment files through the office store: chunked, resumable, verified, on demand,
and only for people who may read the attachment."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from inspectorapp import blob_sync, sync_runner
from inspectorapp.domain.drafts import ParagraphDraft
from inspectorapp.domain.snapshots import ActionContext
from inspectorapp.executor import DbExecutor
from inspectorapp.paths import app_paths
from inspectorapp.services import attachment_files, attachments
from inspectorapp.store_access import create_store
from inspectorapp.workspace import Workspace
from storage import models as m
from sync import enrolment
from sync.protocol import EnrolRequest
from sync.server.blob_crypto import HEADER_BYTES, SEGMENT_OVERHEAD
from sync.transport import ServerRefused, Transport

from . import helpers
from .conftest import PASSPHRASE
from .sync_harness import PASSWORD, ServerProcess, team
from .test_attachments import png

PNG = png(b"gang 3 Oost, foto 1")


@pytest.fixture
def server(tmp_path: Path) -> Iterator[ServerProcess]:
    proc = ServerProcess(f"sqlite:///{tmp_path / 'office.db'}", tmp_path / "server.log")
    proc.start()
    team(proc, "Dementie", "anna", "bram")
    team(proc, "Ziekenhuizen", "carla")
    yield proc
    proc.kill()


def _workspace(server: ServerProcess, root: Path, user: str) -> Workspace:
    paths = app_paths(root / user).ensure()
    store = create_store(paths.store_file, PASSPHRASE)
    ws = Workspace(DbExecutor(store), ActionContext(user, f"device-{user}"), paths)
    answer = enrolment.request_enrolment(
        server.base, EnrolRequest(device_name=user, username=user, password=PASSWORD)
    )
    ws.call(enrolment.record_enrolment, server.base, answer)
    return ws


def _transport(ws: Workspace) -> Transport:
    url = ws.call(lambda s: s.get(m.StoreMeta, "sync.server_url").value)
    return Transport(url, ws.call(enrolment.token))


def test_a_photo_reaches_a_colleague_on_demand(server: ServerProcess, tmp_path: Path) -> None:
    anna, bram, carla = (_workspace(server, tmp_path, u) for u in ("anna", "bram", "carla"))
    try:
        photo = tmp_path / "gang.png"
        photo.write_bytes(PNG)
        _org, conv = anna.call(helpers.conversation, anna.ctx)
        visit_id = anna.call(lambda s: s.get(m.Conversation, conv).visit_id)
        anna.call(attachment_files.add_file, anna.ctx, anna.paths.attachments_dir, photo, visit_id=visit_id)
        outcome = sync_runner.run_sync(anna)
        assert outcome.kind == "done" and outcome.report is not None and outcome.report.files == 1
        assert sync_runner.run_sync(anna).report.files == 0  # sent once
        assert sync_runner.run_sync(bram).kind == "done"
        sha = bram.call(lambda s: s.scalars(select(m.Attachment.sha256)).one())
        folder = bram.paths.attachments_dir
        assert not bram.call(lambda s: attachments.blob_store(s, folder).exists(sha))  # on demand
        sync_runner.fetch_file(bram, sha)
        assert bram.call(lambda s: attachments.blob_store(s, folder).get(sha)) == PNG
        assert PNG not in b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file())  # encrypted here
        # another team may not fetch it, even knowing the hash (the answer of an unknown file)
        assert sync_runner.run_sync(carla).kind == "done"
        with pytest.raises(ServerRefused) as refused:
            _transport(carla).download(sha)
        assert refused.value.status == 404
    finally:
        for ws in (anna, bram, carla):
            ws.close()


def resume_after_a_kill_then_tamper(server: ServerProcess, ws: Workspace, data: bytes) -> tuple[Transport, str, str]:
    """A first chunk confirmed; the server killed (its running hash of the file is gone) and the
    connection dropped; a new start resumes at the confirmed offset; a chunk whose bytes do not
    match its digest is refused. Returns the new transport, the file's hash and the upload id."""
    transport = _transport(ws)
    sha = hashlib.sha256(data).hexdigest()
    upload_id = str(transport.start_upload(sha, len(data))["upload_id"])
    assert transport.send_chunk(sha, upload_id, 0, data[:100_000])["offset"] == 100_000
    server.kill()
    server.start()
    transport.close()
    transport = _transport(ws)
    again = transport.start_upload(sha, len(data))
    assert (again["upload_id"], again["offset"]) == (upload_id, 100_000)
    response = httpx.patch(
        f"{server.base}/v1/blobs/{sha}/uploads/{upload_id}",
        content=data[100_000:200_000],
        headers={
            "Authorization": f"Bearer {transport.token}",
            "Upload-Offset": "100000",
            "Chunk-SHA256": hashlib.sha256(b"something else").hexdigest(),
        },
    )
    assert response.status_code == 422 and response.json()["error"] == "chunk_digest_mismatch"
    return transport, sha, upload_id


def finish_the_resumed_upload(transport: Transport, sha: str, upload_id: str, data: bytes) -> None:
    """A chunk at a wrong offset is refused; the upload goes on from 100,000, never restarted;
    the file is then stored once; parts that do not add up to the file they claim are refused."""
    with pytest.raises(ServerRefused) as wrong_offset:
        transport.send_chunk(sha, upload_id, 0, data[:10])
    assert wrong_offset.value.body == {"error": "offset_mismatch", "expected_hwm": 100_000}
    offsets: list[int] = []
    blob_sync.upload_one(transport, sha, data, chunk=64 * 1024, sent=offsets.append)
    assert offsets == sorted(offsets) and offsets[0] == 100_000 + 64 * 1024
    assert transport.start_upload(sha, len(data))["exists"]  # content-addressed: stored once
    bogus = os.urandom(50_000)
    claimed = hashlib.sha256(b"another file").hexdigest()
    upload = transport.start_upload(claimed, len(bogus))
    with pytest.raises(ServerRefused) as whole:
        transport.send_chunk(claimed, upload["upload_id"], 0, bogus)
    assert whole.value.body["error"] == "file_digest_mismatch"
    with pytest.raises(ServerRefused) as missing:
        transport.download(claimed)
    assert missing.value.status == 404


def test_chunks_resume_and_tampering_is_refused(server: ServerProcess, tmp_path: Path) -> None:
    anna = _workspace(server, tmp_path, "anna")
    try:
        data = os.urandom(300_000)
        transport, sha, upload_id = resume_after_a_kill_then_tamper(server, anna, data)
        stored = Path(server.url.removeprefix("sqlite:///").replace(".db", ".blobs"))
        part = stored / "uploads" / f"{upload_id}.part"
        assert part.stat().st_size == HEADER_BYTES + SEGMENT_OVERHEAD + 100_000  # its bytes are not kept
        finish_the_resumed_upload(transport, sha, upload_id, data)
        (kept,) = stored.rglob("*.vwb")  # under a keyed name, encrypted
        assert not (stored / sha[:2] / sha).exists() and data[:64] not in kept.read_bytes()
        with pytest.raises(ServerRefused) as unnamed:  # no attachment names it: nobody may read it
            transport.download(sha)
        assert unnamed.value.status == 404
        transport.close()
    finally:
        anna.close()


def test_a_framework_published_by_the_office_reaches_every_laptop(
    server: ServerProcess, tmp_path: Path
) -> None:
    import json

    from inspectorapp.services import frameworks
    from sync.server.frameworks import PublishRefused, publish

    source = json.loads(frameworks.resource_path("frameworks", "igj-starter-2026.1.json").read_bytes())
    source["version"] = "2027.1"
    source["title"] = {"nl": "IGJ startkader 2027", "en": "IGJ starter framework 2027"}
    data = json.dumps(source, ensure_ascii=False).encode("utf-8")
    assert server.admin(lambda c: publish(c, data, "2027.json")) == ("igj-starter", "2027.1")
    with pytest.raises(PublishRefused):  # a published version is immutable
        server.admin(lambda c: publish(c, data.replace(b"startkader 2027", b"startkader 2027b"), "x.json"))
    anna = _workspace(server, tmp_path, "anna")
    try:
        assert sync_runner.run_sync(anna).kind == "done"
        versions = anna.call(lambda s: sorted(fv.version for fv in s.scalars(select(m.FrameworkVersion))))
        assert versions == ["2026.1", "2026.2", "2027.1"]
        assert sync_runner.run_sync(anna).kind == "done"  # loaded once
    finally:
        anna.close()


def test_the_laptop_whose_value_was_overwritten_is_told(server: ServerProcess, tmp_path: Path) -> None:
    from inspectorapp.services import notes, sync_status

    anna, bram = (_workspace(server, tmp_path, u) for u in ("anna", "bram"))
    try:
        _org, conv = anna.call(helpers.conversation, anna.ctx)
        nid = anna.call(lambda s: notes.add_paragraph(s, anna.ctx, conv, ParagraphDraft(text="Begin.")).value.id)
        assert sync_runner.run_sync(anna).kind == "done" and sync_runner.run_sync(bram).kind == "done"
        anna.call(notes.update_text, anna.ctx, nid, "Anna: eerst gesynchroniseerd.")
        assert sync_runner.run_sync(anna).kind == "done"  # accepted on the server
        bram.call(notes.update_text, bram.ctx, nid, "Bram: later geschreven, wint.")
        assert sync_runner.run_sync(bram).kind == "done"
        assert sync_runner.run_sync(anna).kind == "done"
        overview = anna.call(sync_status.sync_overview)
        (issue,) = [i for i in overview.issues if i.kind == "overwritten"]
        (field,) = issue.fields
        assert (field.mine, field.current) == (
            "Anna: eerst gesynchroniseerd.",
            "Bram: later geschreven, wint.",
        )
        assert sync_runner.run_sync(anna).kind == "done"
        assert len(anna.call(sync_status.sync_overview).issues) == len(overview.issues)  # listed once
    finally:
        anna.close()
        bram.close()


def test_an_office_folder_of_plaintext_files_is_encrypted_at_start_and_a_wrong_key_refused(
    tmp_path: Path,
) -> None:
    from sync.server.blob_crypto import BlobKeyError
    from sync.server.blobs import BlobStore

    root, key = tmp_path / "office.blobs", tmp_path / "office.blobs.key"
    data = os.urandom(20 * 1024 * 1024 + 5)  # three segments of the conversion
    sha = hashlib.sha256(data).hexdigest()
    (root / sha[:2]).mkdir(parents=True)
    (root / sha[:2] / sha).write_bytes(data)  # as an older version stored it
    (root / "uploads").mkdir()
    (root / "uploads" / "3f0c1c8e-6a52-4d0e-9a57-3f1f0e3f9c11").write_bytes(data[:1000])  # a plaintext part
    store = BlobStore(root, key)
    files = [p for p in root.rglob("*") if p.is_file()]
    assert {p.name for p in files} == {store.path(sha).name, "key-id"}
    assert all(data[:64] not in p.read_bytes() for p in files)
    assert b"".join(store.stream(sha, len(data))) == data
    with pytest.raises(BlobKeyError):  # another key over these files would make them noise
        BlobStore(root, tmp_path / "other.key")
    with pytest.raises(BlobKeyError):
        BlobStore(root, root / "inside.key")


_START = """
import sys
from pathlib import Path
from sync.server.blobs import BlobStore
sys.stdin.readline()  # all processes start converting at once
BlobStore(Path(sys.argv[1]), Path(sys.argv[2]))
"""


def test_server_processes_starting_at_once_convert_one_folder_together(tmp_path: Path) -> None:
    """Review of issue #12: two processes converting one legacy folder (and writing the
    key-id marker) at once: FileNotFoundError for files the other one had converted."""
    import subprocess
    import sys

    from sync.server.blobs import BlobStore

    from .conftest import ROOT

    root, key = tmp_path / "office.blobs", tmp_path / "office.blobs.key"
    blobs = [os.urandom(64 * 1024 + n) for n in range(300)]
    for data in blobs:
        sha = hashlib.sha256(data).hexdigest()
        (root / sha[:2]).mkdir(parents=True, exist_ok=True)
        (root / sha[:2] / sha).write_bytes(data)
    (root / "uploads").mkdir()
    for n in range(50):
        (root / "uploads" / f"stale-{n}").write_bytes(b"x")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-c", _START, str(root), str(key)]
    # four processes at once (they share the key: its creation is already safe)
    procs = [
        subprocess.Popen(command, stdin=subprocess.PIPE, stderr=subprocess.PIPE, env=env) for _ in range(4)
    ]
    for proc in procs:
        assert proc.stdin is not None
        proc.stdin.write(b"\n")
        proc.stdin.flush()
    errors = [proc.communicate(timeout=120)[1].decode() for proc in procs]
    assert [proc.returncode for proc in procs] == [0] * 4, errors
    store = BlobStore(root, key)
    for data in blobs:
        sha = hashlib.sha256(data).hexdigest()
        assert b"".join(store.stream(sha, len(data))) == data
    assert (root / "key-id").read_text() == store.cipher.key_id.hex()
