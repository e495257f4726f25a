"""Attachment bytes against an adversary, on a real server process (SQLite and PostgreSQL).

A laptop of another team knows the SHA-256 of a team's document (it was mailed around, or
guessed) and pushes an attachment record in the shared scope naming it: the office must not
hand the bytes over, nor say whether it has them; once that laptop really uploads the same
bytes (it holds them after all) its record counts. On disk the office keeps no plaintext, no
file named by the document's hash, and nothing anyone but its owner may read (decision 0006).
After the attacks of each test the honest laptops of both teams (and one enrolled afterwards)
still sync and converge, and the office answered no 5xx (``adversary_checks``).
"""

from __future__ import annotations

import hashlib
import os
import stat
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from inspectorapp import sync_runner
from inspectorapp.domain.drafts import SignalDraft
from inspectorapp.domain.enums import SignalKind, Valence
from inspectorapp.services import attachments, signals
from inspectorapp.workspace import Workspace
from storage import models as m
from sync import enrolment
from sync.server import schema as t

from . import helpers
from .adversary_checks import Honest, assert_converged
from .adversary_tally import TALLY
from .postgres import postgres_server, postgres_url
from .sync_harness import PASSWORD, ServerProcess, team
from .test_sync_blobs import _workspace

__all__ = ["postgres_server", "postgres_url"]  # fixtures, found by pytest in this namespace

DOCUMENT = b"Vertrouwelijk verslag over zorgaanbieder De Linde, alleen voor team Dementie.\n" * 40
ATTACKS: list[str] = []
counted = [0]  # of ATTACKS, already added to the suite's tally


@pytest.fixture(params=["sqlite", "postgresql"])
def office(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[ServerProcess, Path, Path]]:
    """The office with its blobs and key in folders of the test, started under a permissive
    umask (0000 on SQLite, 0022 on PostgreSQL): what it writes must be private regardless."""
    url = (
        f"sqlite:///{tmp_path / 'office' / 'office.db'}"
        if request.param == "sqlite"
        else request.getfixturevalue("postgres_url")
    )
    blobs, key = tmp_path / "office" / "blobs", tmp_path / "config" / "blob.key"
    previous = os.umask(0o000 if request.param == "sqlite" else 0o022)
    try:
        proc = ServerProcess(url, tmp_path / "server.log", "--blobs", str(blobs), "--blob-key", str(key))
        proc.start()
    finally:
        os.umask(previous)
    team(proc, "Dementie", "anna", "bram")
    team(proc, "Ziekenhuizen", "carla", "dave")
    yield proc, blobs, key
    proc.kill()
    TALLY["attacks"] += len(ATTACKS) - counted[0]
    counted[0] = len(ATTACKS)
    print(f"\nblob attacks tried so far: {len(ATTACKS)} (kinds: {', '.join(dict.fromkeys(ATTACKS))})")


def _still_converge(server: ServerProcess, root: Path, teams: dict[str, list[Honest]]) -> None:
    """The honest laptops, and one of dave's (team Ziekenhuizen) enrolled now, converge."""
    dave = _workspace(server, root, "dave")
    try:
        assert_converged(server, {**teams, "Ziekenhuizen": [*teams["Ziekenhuizen"], dave]})
    finally:
        dave.close()


def _client(ws: Workspace) -> httpx.Client:
    url = ws.call(lambda s: s.get(m.StoreMeta, "sync.server_url").value)
    return httpx.Client(base_url=url, headers={"Authorization": f"Bearer {ws.call(enrolment.token)}"})


def _answer(response: httpx.Response) -> tuple[int, object]:
    return response.status_code, response.json()


def _attach_to_shared_signal(ws: Workspace, data: bytes, name: str) -> str:
    """An attachment on a signal of no inspection: the shared scope every user reads."""

    def add(session: Session) -> str:
        org = helpers.organisation(session, ws.ctx, f"Organisatie van {ws.ctx.actor}")
        draft = SignalDraft(org, SignalKind.HARD, Valence.NEGATIVE, "Gedeeld")
        sig = signals.capture_signal(session, ws.ctx, draft).value.id
        blobs = attachments.blob_store(session, ws.paths.attachments_dir)
        return attachments.add_attachment(session, ws.ctx, blobs, data, name, signal_id=sig).value.id

    return str(ws.call(add))


def test_a_shared_record_naming_another_teams_hash_unlocks_nothing(
    office: tuple[ServerProcess, Path, Path], tmp_path: Path
) -> None:
    server, blob_dir, key_file = office
    anna, bram, carla = (_workspace(server, tmp_path, u) for u in ("anna", "bram", "carla"))
    try:
        _org, conv = anna.call(helpers.conversation, anna.ctx)
        visit_id = anna.call(lambda s: s.get(m.Conversation, conv).visit_id)

        def attach(session: Session) -> str:
            blobs = attachments.blob_store(session, anna.paths.attachments_dir)
            added = attachments.add_attachment(session, anna.ctx, blobs, DOCUMENT, "verslag.txt", visit_id=visit_id)
            return added.value.sha256

        sha = anna.call(attach)
        assert sync_runner.run_sync(anna).report.files == 1
        assert sync_runner.run_sync(carla).kind == "done"
        unknown = hashlib.sha256(uuid.uuid4().bytes).hexdigest()
        with _client(carla) as thief:
            # knowing the hash: the download looks exactly like one of a file the office lacks
            ATTACKS.append("download by hash")
            assert _answer(thief.get(f"/v1/blobs/{sha}")) == _answer(thief.get(f"/v1/blobs/{unknown}"))
            assert thief.get(f"/v1/blobs/{sha}").status_code == 404
            # starting an upload says nothing either: carla is asked for the bytes, as for any file
            ATTACKS.append("upload start probe")
            probe = thief.post(f"/v1/blobs/{sha}/uploads", json={"size": len(DOCUMENT)}).json()
            fresh = thief.post(f"/v1/blobs/{unknown}/uploads", json={"size": len(DOCUMENT)}).json()
            assert probe.keys() == fresh.keys() and (probe["exists"], probe["offset"]) == (False, 0)
            assert (fresh["exists"], fresh["offset"]) == (False, 0)
            # the attack of issue #12: carla's (modified) laptop pushes a shared-scope attachment
            # record naming anna's hash; the record is accepted, its hash unlocks nothing
            ATTACKS.append("shared record naming another team's hash")
            decoy = _attach_to_shared_signal(carla, b"Carla's eigen notitie.\n", "notitie.txt")
            forged = text("UPDATE attachment SET sha256 = :sha WHERE id = :id")
            carla.call(lambda s: s.execute(forged, {"sha": sha, "id": decoy}))
            assert sync_runner.run_sync(carla).kind == "done"
            stored = server.admin(lambda c: c.execute(select(t.record.c.fields).where(t.record.c.id == decoy)).one())
            assert stored.fields["sha256"] == sha
            assert _answer(thief.get(f"/v1/blobs/{sha}")) == _answer(thief.get(f"/v1/blobs/{unknown}"))
            # anna's team still reads its document
            with _client(anna) as owner:
                assert owner.get(f"/v1/blobs/{sha}").content == DOCUMENT
            # carla really holds the document (it was mailed to both teams): her laptop stores
            # the bytes, uploads them whole, and from then on her record counts
            ATTACKS.append("upload of the bytes by the other team")
            carla.call(lambda s: attachments.blob_store(s, carla.paths.attachments_dir).put(DOCUMENT))
            assert sync_runner.run_sync(carla).report.files == 1
            got = thief.get(f"/v1/blobs/{sha}")
            assert (got.status_code, got.content) == (200, DOCUMENT)
        _check_disk(blob_dir, key_file, sha, server)
        _still_converge(server, tmp_path, {"Dementie": [anna, bram], "Ziekenhuizen": [carla]})
        sync_runner.fetch_file(bram, sha)  # and anna's colleague still gets the document
        assert bram.call(lambda s: attachments.blob_store(s, bram.paths.attachments_dir).get(sha)) == DOCUMENT
        for ws in (anna, bram, carla):  # the laptops keep keyed names too
            files = [p for p in ws.paths.attachments_dir.rglob("*") if p.is_file()]
            assert files and not [p for p in files if sha in p.name or DOCUMENT[:40] in p.read_bytes()]
    finally:
        for ws in (anna, bram, carla):
            ws.close()


def _check_disk(blob_dir: Path, key_file: Path, sha: str, server: ServerProcess) -> None:
    ATTACKS.append("disk read")
    files = [p for p in blob_dir.rglob("*") if p.is_file()]
    assert any(p.suffix == ".vwb" for p in files)
    for path in files:
        assert DOCUMENT[:40] not in path.read_bytes(), f"plaintext in {path}"
        assert sha not in path.name and sha[:16] not in str(path), path  # no name confirms the document
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    for folder in [blob_dir, *(p for p in blob_dir.rglob("*") if p.is_dir())]:
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    assert not key_file.resolve().is_relative_to(blob_dir.resolve())
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    if server.url.startswith("sqlite:///"):
        database = Path(server.url.removeprefix("sqlite:///"))
        stored = [p for p in database.parent.iterdir() if p.name.startswith(database.name)]
        assert len(stored) >= 2  # the database and its WAL
        assert {stat.S_IMODE(p.stat().st_mode) for p in stored} == {0o600}


class _Device:
    """A device of ``user`` that pushes by hand (its own envelope, next client_seq)."""

    def __init__(self, server: ServerProcess, user: str) -> None:
        self.http = httpx.Client(base_url=server.base, timeout=30)
        body = {"device_name": f"{user}-by-hand", "username": user, "password": PASSWORD}
        answer = self.http.post("/v1/devices/enrol", json=body).json()
        self.device, self.epoch, self.hwm = answer["device_id"], answer["epoch"], 0
        self.http.headers["Authorization"] = f"Bearer {answer['token']}"

    def push(self, tbl: str, record_id: str, fields: dict[str, object], op: str = "upsert") -> dict[str, object]:
        self.hwm += 1
        hlc = f"{time.time_ns() // 1_000_000:016d}.00000"
        mutation = {"tbl": tbl, "id": record_id, "op": op, "hlc": hlc, "client_seq": self.hwm}
        mutation["fields"] = {f: {"v": v} for f, v in fields.items()}
        body = {"device_id": self.device, "epoch": self.epoch, "first_client_seq": self.hwm}
        body |= {"last_client_seq": self.hwm, "mutations": [mutation]}
        answer = self.http.post("/v1/sync/push", json=body)
        assert answer.status_code == 200, answer.text[:300]
        return dict(answer.json()["results"][0])


def test_an_edit_by_the_owning_team_does_not_unlock_a_stranger_s_record(
    office: tuple[ServerProcess, Path, Path], tmp_path: Path
) -> None:
    """Review of issue #12: bob's parentless record names alice's hash (404, good); alice
    edits its caption, then deletes it; bob's download must stay a 404 throughout."""
    server = office[0]
    anna, bram, carla = (_workspace(server, tmp_path, u) for u in ("anna", "bram", "carla"))
    try:
        _org, conv = anna.call(helpers.conversation, anna.ctx)
        visit_id = anna.call(lambda s: s.get(m.Conversation, conv).visit_id)

        def attach(session: Session) -> str:
            blobs = attachments.blob_store(session, anna.paths.attachments_dir)
            return attachments.add_attachment(
                session, anna.ctx, blobs, DOCUMENT, "verslag.txt", visit_id=visit_id
            ).value.sha256

        sha = anna.call(attach)
        assert sync_runner.run_sync(anna).report.files == 1
        _by_hand(server, sha)
        _still_converge(server, tmp_path, {"Dementie": [anna, bram], "Ziekenhuizen": [carla]})
    finally:
        for ws in (anna, bram, carla):
            ws.close()


def _by_hand(server: ServerProcess, sha: str) -> None:
    """Carla's device pushes a record naming anna's hash; anna's device edits it, then deletes it."""
    alice, bob = _Device(server, "anna"), _Device(server, "carla")
    forged = str(uuid.uuid4())
    now = "2026-03-12T09:00:00.000Z"
    fields = {"sha256": sha, "filename": "x.txt", "media_type": "text/plain", "size_bytes": len(DOCUMENT)}
    fields |= {"confidentiality": "TEAM", "created_at": now, "updated_at": now}
    assert bob.push("attachment", forged, fields)["status"] == "applied"
    ATTACKS.append("another team's edit of a record naming its hash")
    assert bob.http.get(f"/v1/blobs/{sha}").status_code == 404
    assert alice.push("attachment", forged, {"caption": "Gezien", "updated_at": now})["status"] == "applied"
    assert bob.http.get(f"/v1/blobs/{sha}").status_code == 404
    # alice even sets the same hash on bob's record: still bob's record, not her link
    assert alice.push("attachment", forged, {"sha256": sha})["status"] != "rejected"
    assert bob.http.get(f"/v1/blobs/{sha}").status_code == 404
    assert alice.push("attachment", forged, {"deleted_at": now}, op="delete")["status"] == "applied"
    assert bob.http.get(f"/v1/blobs/{sha}").status_code == 404
    assert alice.http.get(f"/v1/blobs/{sha}").content == DOCUMENT
