"""The sync benchmarks' surroundings: an office server on PostgreSQL, laptops, their data.

``Office`` is a throwaway PostgreSQL cluster (``tests.postgres.TempPostgres``: fsync off,
synchronous_commit on, shared_buffers 32 MB) with the office store's schema, served by
``python -m sync.server serve`` as a child process on loopback, as in production (one
uvicorn process). ``Laptop`` is a real encrypted store that enrols over HTTP and syncs
with ``SyncEngine``; ``fill_outbox`` gives it N outbox rows written by the real triggers.
"""

from __future__ import annotations

import os

# Tokens go to the store's own store_meta, never to the keyring of whoever runs the bench.
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"

import random
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar

import httpx
import orjson
import psycopg
from sqlalchemy import Connection
from sqlalchemy.orm import Session

from inspectorapp.ids import new_id
from inspectorapp.services import frameworks
from inspectorapp.store_access import create_store
from storage.engine import Store
from storage.models import Base
from sync import enrolment
from sync.engine import SyncEngine
from sync.hlc import Hlc
from sync.protocol import (
    MAX_PULL_CHANGES,
    MAX_PUSH_MUTATIONS,
    EnrolRequest,
    FieldChange,
    Mutation,
    PushRequest,
)
from sync.server import accounts
from sync.server.db import make_engine, migrate
from sync.transport import TIMEOUT, Transport, send
from tests.postgres import TempPostgres

from .common import BENCH_DIR, PASSPHRASE, Size
from .dataset import NOTE_KINDS, NOTE_SQL, NOTE_WEIGHTS, Codes, iso, rows_for, structure
from .words import PLACES, TextMaker

T = TypeVar("T")
PASSWORD = "bench password, long enough"
ROOT = BENCH_DIR.parent
CHUNK_ROWS = 20_000


def framework_codes() -> Codes:
    """The codes of the newest bundled framework: the office checks every pushed code against
    the frameworks it knows (``sync.server.office_codes``), as it does the app's."""
    taxonomies = frameworks.bundled_framework_docs()[-1].taxonomies

    def codes(key: str) -> tuple[str, ...]:
        return tuple(item.code for item in taxonomies[key].items)

    return Codes(
        codes("organisation_type"), codes("sector"), codes("conversation_type"), codes("person_role")
    )


CODES = framework_codes()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Office:
    """PostgreSQL + the sync server process on 127.0.0.1; everything removed on exit."""

    def __init__(self, root: Path, workers: int = 1) -> None:
        self.root = root
        self.workers = workers
        self.pg = TempPostgres()
        self.url = ""
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = root / "server.log"
        self.blobs = root / "server-blobs"
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def dsn(self) -> str:
        """The office database for plain psycopg."""
        return self.url.replace("postgresql+psycopg://", "postgresql://")

    def __enter__(self) -> Office:
        self.pg.__enter__()
        try:
            self.url = self.pg.new_database("office")
            migrate(self.url)
            self._start()
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def _start(self) -> None:
        cmd = [sys.executable, "-m", "sync.server", "--db", self.url, "serve", "--port", str(self.port)]
        profile = os.environ.get("VELDWERK_BENCH_PROFILE")  # a folder: the server runs under cProfile
        if profile:  # in every thread: the handlers run on worker threads (bench/profiled.py)
            cmd[1:1] = ["-m", "bench.profiled", str(Path(profile) / f"server-{self.port}.prof")]
        cmd += ["--blobs", str(self.blobs)]
        if self.workers > 1:  # uvicorn workers, as docs/deploy.md runs an office
            cmd += ["--workers", str(self.workers)]
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        with self.log.open("ab") as out:
            self.proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=ROOT)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and self.proc.poll() is None:
            try:
                if httpx.get(self.base + "/v1/health", timeout=1).status_code == 200:
                    return
            except httpx.TransportError:
                time.sleep(0.1)
        raise RuntimeError(f"sync server did not start: {self.log.read_text()[-2000:]}")

    def __exit__(
        self, _t: type[BaseException] | None, _e: BaseException | None, _tb: TracebackType | None
    ) -> None:
        try:
            if self.proc is not None and self.proc.poll() is None:
                # SIGINT: uvicorn re-raises SIGTERM after shutting down, which would lose a profile
                profiled = os.environ.get("VELDWERK_BENCH_PROFILE")
                self.proc.send_signal(signal.SIGINT if profiled else signal.SIGTERM)
                try:
                    self.proc.wait(15)
                except subprocess.TimeoutExpired:
                    self.proc.kill()
                    self.proc.wait(5)
        finally:
            self.pg.__exit__()

    def admin(self, action: Callable[[Connection], T]) -> T:
        engine = make_engine(self.url)
        try:
            with engine.begin() as conn:
                return action(conn)
        finally:
            engine.dispose()

    def team(self, name: str, users: list[str], password: str | None = PASSWORD) -> None:
        """A team of new accounts (password None: enrolment codes only, no argon2 hashing)."""

        def setup(conn: Connection) -> None:
            accounts.create_team(conn, name)
            for user in users:
                accounts.create_account(conn, user, user.title(), password)
                accounts.add_member(conn, name, user)

        self.admin(setup)

    def wait_idle(self, quiet: float = 3.0, limit: float = 900.0) -> float:
        """Seconds until no push has committed for ``quiet`` seconds: a server still working
        through requests whose clients gave up (a timeout does not stop it)."""
        started = time.monotonic()
        with psycopg.connect(self.dsn, autocommit=True) as conn:
            last, since = None, time.monotonic()
            while time.monotonic() - started < limit:
                row = conn.execute("SELECT last_seq FROM sync_counter WHERE id = 1").fetchone()
                if row != last:
                    last, since = row, time.monotonic()
                elif time.monotonic() - since >= quiet:
                    break
                time.sleep(0.5)
        return time.monotonic() - started - quiet

    def count_records(self, tbl: str) -> int:
        with psycopg.connect(self.dsn) as conn:
            row = conn.execute("SELECT count(*) FROM record WHERE tbl = %s", (tbl,)).fetchone()
        return int(row[0]) if row else 0

    def server_errors(self) -> list[str]:
        """Lines of the server's log (uvicorn at level warning) that report an error or a traceback."""
        text = self.log.read_text(errors="replace") if self.log.exists() else ""
        return [line for line in text.splitlines() if "traceback" in line.lower() or "error" in line.lower()]


class Laptop:
    """A real encrypted store enrolled with the office; ``run_db`` is what the app's DB thread does."""

    def __init__(self, office: Office, folder: Path, user: str) -> None:
        self.store: Store = create_store(folder / "veldwerk.db", PASSPHRASE)
        answer = enrolment.request_enrolment(
            office.base,
            EnrolRequest(device_name=f"bench {user}", username=user, password=PASSWORD, code=None),
        )
        self.run_db(lambda s: enrolment.record_enrolment(s, office.base, answer))
        self.transport = Transport(office.base, self.run_db(enrolment.token))

    def run_db(self, fn: Callable[[Session], T]) -> T:
        with self.store.transaction() as session:
            return fn(session)

    def engine(self, run_db: Callable[[Callable[[Session], Any]], Any] | None = None) -> SyncEngine:
        return SyncEngine(run_db or self.run_db, self.transport)

    def close(self) -> None:
        self.transport.close()
        self.store.close()


class SyncFailed(Exception):
    """A simulated laptop's request got no 200 answer (or no answer)."""


def _row(table: str, values: dict[str, Any]) -> dict[str, Any]:
    """Every column but id, as the outbox trigger sends a new row (None where not given)."""
    return {c.name: values.get(c.name) for c in Base.metadata.tables[table].columns if c.name != "id"}


class SimLaptop:
    """A laptop reduced to its protocol messages: push batches built with ``sync.protocol``
    models (as ``batches.freeze`` would send them), pull pages read to the end with the cursor
    kept. No local store: nothing is frozen, acknowledged or applied, and pages are only
    parsed (orjson; many laptops share this process and its CPU here)."""

    def __init__(self, base: str, code: str, name: str, rng: random.Random) -> None:
        answer = Transport(base).enrol(
            EnrolRequest(device_name=name, username=None, password=None, code=code)
        )
        self.device_id = answer.device_id
        headers = {"Authorization": f"Bearer {answer.token}"}
        self.client = httpx.Client(base_url=base, timeout=TIMEOUT, headers=headers)
        self.t = TextMaker(rng)
        self.next_seq = 1
        self.cursor = 0
        self.clock = Hlc(0)
        self.inspection = ""  # its own inspection, the scope of its notes (sync-fleet's floor)
        self.conversation = ""

    def close(self) -> None:
        self.client.close()

    def tree(self) -> list[tuple[str, str, dict[str, Any]]]:
        """A new inspection with one visit and one conversation (what the notes hang on)."""
        t, now, today = self.t, iso(datetime.now(UTC)), date.today().isoformat()
        inspection, visit, self.conversation = new_id(), new_id(), new_id()
        self.inspection = inspection
        made = {"created_at": now, "updated_at": now}
        inspection_row = {
            "title": t.title(),
            "inspection_type": "risico",
            "purpose": t.text(20, 60),
            "declared_role": "naleving",
            "level": "meso",
            "framework_version_id": "igj-starter@2026.1",  # portable key@version, as on the wire
            "status": "veldwerk",
            "theme_codes": [],
            "judgement_mode": "formatief",
            "started_on": today,
        }
        visit_row = {"inspection_id": inspection, "visit_date": today, "location": t.rng.choice(PLACES)}
        conversation_row = {
            "visit_id": visit,
            "conversation_type": t.rng.choice(CODES.conversation_types),
            "title": t.title(),
            "starts_at": now,
        }
        return [
            ("inspection", inspection, _row("inspection", {**inspection_row, **made})),
            ("visit", visit, _row("visit", {**visit_row, "announced": 1, **made})),
            ("conversation", self.conversation, _row("conversation", {**conversation_row, **made})),
        ]

    def notes(self, n: int) -> list[tuple[str, str, dict[str, Any]]]:
        """``n`` new note paragraphs of 10-120 words in this laptop's conversation."""
        t, out = self.t, []
        for i in range(n):
            at = iso(datetime.now(UTC))
            values = {
                "conversation_id": self.conversation,
                "position": (i + 1) * 1024,
                "occurred_at": at,
                "kind": t.rng.choices(NOTE_KINDS, NOTE_WEIGHTS)[0],
                "speaker_role": t.rng.choice(CODES.speaker_roles),
                "text": t.text(10, 120),
                "theme_codes": [],
                "confidentiality": "TEAM",
                "about_absent_party": 0,
                "partial_interest": "geen",
                "followed_up": 0,
                "for_report": 0,
                "created_at": at,
                "updated_at": at,
            }
            out.append(("note_paragraph", new_id(), _row("note_paragraph", values)))
        return out

    def payloads(self, mutations: list[tuple[str, str, dict[str, Any]]]) -> list[bytes]:
        """Push bodies of up to MAX_PUSH_MUTATIONS mutations each, numbered on from the last."""
        out = []
        for i in range(0, len(mutations), MAX_PUSH_MUTATIONS):
            batch = []
            for tbl, record_id, fields in mutations[i : i + MAX_PUSH_MUTATIONS]:
                self.clock = self.clock.tick(int(time.time() * 1000))
                changes = {f: FieldChange(v=v, base=0) for f, v in fields.items()}
                seq, hlc = self.next_seq, self.clock.encode()
                batch.append(
                    Mutation(client_seq=seq, tbl=tbl, id=record_id, op="upsert", hlc=hlc, fields=changes)
                )
                self.next_seq += 1
            req = PushRequest(
                device_id=self.device_id,
                epoch=1,
                first_client_seq=batch[0].client_seq,
                last_client_seq=batch[-1].client_seq,
                mutations=batch,
            )
            out.append(req.model_dump_json().encode("utf-8"))
        return out

    def _call(self, what: str, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        try:
            response = send(self.client, method, path, **kwargs)  # as the app: a stale connection once
        except httpx.TransportError as exc:
            raise SyncFailed(f"{what} {type(exc).__name__}: {exc}") from exc
        if response.status_code != 200:
            raise SyncFailed(f"{what} HTTP {response.status_code}: {response.text[:200]}")
        # orjson, as the office writes its pages: the 200 simulated laptops share this process
        # with the office's CPUs, and the standard library's parser was ~90 % of their work
        body: dict[str, Any] = orjson.loads(response.content)
        return body

    def push(self, payload: bytes) -> list[str]:
        """The statuses of the batch's mutations."""
        headers = {"Content-Type": "application/json"}
        body = self._call("push", "POST", "/v1/sync/push", content=payload, headers=headers)
        return [str(r["status"]) for r in body["results"]]

    def pull_all(self) -> int:
        """Pages after the cursor until up to date; the number of changes read."""
        pulled = 0
        while True:
            params = {"since": self.cursor, "limit": MAX_PULL_CHANGES}
            page = self._call("pull", "GET", "/v1/sync/pull", params=params)
            pulled += len(page["changes"])
            self.cursor = int(page["next"])
            if not page["has_more"]:
                return pulled


def fill_outbox(store: Store, changes: int, seed: int = 20261124) -> dict[str, int]:
    """Exactly ``changes`` outbox rows from the real triggers: the generator's tree (60
    organisations, 120 inspections with subjects, 480 visits, conversations of 20-140
    paragraphs), then note paragraphs of 10-120 Dutch-looking words until the outbox
    holds ``changes`` rows. Returns the rows per table."""
    conn = store.raw
    t = TextMaker(random.Random(seed))
    framework_id = str(conn.execute("SELECT id FROM framework_version ORDER BY key LIMIT 1").fetchone()[0])
    convs = structure(conn, Size(paragraphs=changes, signals=0), framework_id, t, CODES)
    left = changes - int(conn.execute("SELECT count(*) FROM outbox").fetchone()[0])
    if left < 0:
        raise ValueError(f"--changes must be at least the generated tree ({changes - left} rows)")
    pending: list[tuple[Any, ...]] = []
    for c in convs:
        if left <= 0:
            break
        notes, _signals = rows_for(c, 0, t, CODES)
        pending += notes[:left]
        left -= len(notes[:left])
        if len(pending) >= CHUNK_ROWS or left <= 0:
            conn.execute("BEGIN")
            conn.executemany(NOTE_SQL, pending)
            conn.execute("COMMIT")
            pending = []
    rows = conn.execute("SELECT entity, count(*) FROM outbox GROUP BY entity ORDER BY 2 DESC").fetchall()
    return {str(entity): int(n) for entity, n in rows}
