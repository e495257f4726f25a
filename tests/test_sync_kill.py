"""``kill -9`` during sync, in real processes: the laptop killed mid-sync (and restarted until done),
the office server killed mid-sync (and restarted on the same database). Afterwards nothing is lost,
nothing is applied twice, and a second laptop that pulls everything holds what the first holds.

Kills aim at a step the laptop announces (a push or pull request going out, its answer coming in)
plus a random delay, so that over the runs they land with a request in flight or on the server, in
the acknowledgement of a batch and in a half-applied pull page. ``VELDWERK_KILL_RUNS`` raises the number of kills, ``VELDWERK_KILL_SEED``
changes them.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import JSON, func, select
from sqlalchemy.orm import Session

from inspectorapp.domain.drafts import OrganisationDraft, ParagraphDraft
from inspectorapp.services import notes, organisations
from inspectorapp.store_access import open_store
from storage import models as m
from storage.engine import Store
from sync import enrolment, portable
from sync import local_state as local_sync
from sync.protocol import MAX_PUSH_MUTATIONS
from sync.server import schema as t
from sync.transport import Offline

from . import helpers
from .conftest import PASSPHRASE, ROOT
from .postgres import TempPostgres, postgres_server, postgres_url
from .procs.sync_laptop import Reporting, edit, edit_round, new_note, sync
from .sync_harness import Laptop, ServerProcess, laptops, office_url, team

__all__ = ["postgres_server", "postgres_url"]  # fixtures, found by pytest in this namespace

pytestmark = pytest.mark.slow

RUNS = int(os.environ.get("VELDWERK_KILL_RUNS", "4"))
SEED = int(os.environ.get("VELDWERK_KILL_SEED", "11"))
NOTES = 2 * MAX_PUSH_MUTATIONS + 250  # three push batches before the first kill
OTHER_NOTES = 60  # written by the second laptop before each run
# Where the kills aim, in turn: the step announced, then a random delay of at most this many seconds
# (about as long as that step takes here, so most kills land inside it; shorter once sync got faster).
TARGETS = (("push send", 0.12), ("push recv", 0.1), ("pull send", 0.08), ("pull recv", 0.1))
ANY = object()  # an earlier value nobody confirmed: the edit that set it may have died uncommitted


@pytest.fixture(params=["sqlite", "postgresql"])
def server(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[ServerProcess]:
    url = office_url(request, tmp_path)
    proc = ServerProcess(url, tmp_path / "server.log")
    proc.start()
    yield proc
    proc.kill()


class Confirmed:
    """The edits a laptop confirmed (EDIT lines, then OK after their commit): (tbl, id) -> field -> the
    values it may hold. An unconfirmed transaction at a kill may or may not have committed."""

    def __init__(self) -> None:
        self.want: dict[tuple[str, str], dict[str, list[Any]]] = {}
        self.pending: list[dict[str, Any]] = []

    def feed(self, line: str) -> None:
        if line.startswith("EDIT "):
            self.pending.append(json.loads(line[len("EDIT ") :]))
        elif line == "OK":
            self._take(certain=True)

    def killed(self) -> None:
        self._take(certain=False)

    def _take(self, certain: bool) -> None:
        for change in self.pending:
            fields = self.want.setdefault((change["tbl"], change["id"]), {})
            for name, value in change["set"].items():
                fields[name] = [value] if certain else [*fields.get(name, [ANY]), value]
        self.pending = []

    def check(self, local: dict[str, dict[str, dict[str, Any]]]) -> None:
        for (tbl, record_id), fields in self.want.items():
            row = local[tbl].get(record_id)
            if row is None:
                assert all(ANY in values for values in fields.values()), f"confirmed {tbl} {record_id} lost"
                continue
            for name, values in fields.items():
                value = row["deleted_at"] is not None if name == "deleted" else row[name]
                assert ANY in values or value in values, (
                    f"{tbl} {record_id}.{name}: {value!r} not in {values}"
                )


def seed(laptop: Laptop, confirmed: Confirmed) -> str:
    """An inspection with a conversation of NOTES paragraphs (one transaction: the setup is not under
    test); returns the conversation's id."""
    _org, conv = laptop.db(lambda s: helpers.conversation(s, laptop.ctx))
    text = "Alinea {}: de VIM-map is leeg, één cliënt."
    edit(laptop.db, confirmed.feed, [new_note(laptop.ctx, conv, text.format(n)) for n in range(NOTES)])
    return conv


def colleague(b: Laptop, conv: str | None, rng: random.Random) -> str:
    """Bram works in his own inspection and syncs, so that the next pull of the laptop under test
    brings rows it has never seen (new and changed). Returns his conversation's id."""
    if conv is None:
        _org, conv = b.db(lambda s: helpers.conversation(s, b.ctx))

    def work(s: Session) -> None:
        old = list(s.scalars(select(m.NoteParagraph.id).where(m.NoteParagraph.conversation_id == conv)))
        for nid in rng.sample(old, min(20, len(old))):
            notes.update_text(s, b.ctx, nid, f"Bram vult aan: {rng.random()}")
        for n in range(OTHER_NOTES):
            notes.add_paragraph(s, b.ctx, conv, ParagraphDraft(text=f"Bram {n}: wachtlijst"))
        organisations.create_organisation(s, b.ctx, OrganisationDraft(name=f"Instelling {rng.random()}"))

    b.db(work)
    b.sync()
    return conv


def local_state(store: Store) -> dict[str, dict[str, dict[str, Any]]]:
    """Every synced row as the server should hold it: raw column values, JSON decoded, the framework
    version as key@version (the one local reference)."""
    out: dict[str, dict[str, dict[str, Any]]] = {}
    with store.session() as s:
        for name in m.synced_tables():
            json_columns = {c.name for c in m.Base.metadata.tables[name].columns if isinstance(c.type, JSON)}
            out[name] = {}
            for row in s.connection().exec_driver_sql(f'SELECT * FROM "{name}"').mappings():
                fields = {
                    k: json.loads(v) if k in json_columns and v is not None else v for k, v in row.items()
                }
                record_id = fields.pop("id")
                out[name][record_id] = portable.outgoing(s, name, fields)
    return out


def count(store: Store, model: type) -> int:
    with store.session() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


def assert_converged(server: ServerProcess, a: Laptop, b: Laptop, confirmed: Confirmed) -> None:
    """No loss, no duplicate, no leftover; the second laptop pulls the same."""
    assert a.store.integrity_check() == "ok"
    assert count(a.store, m.Outbox) == 0 and count(a.store, m.SyncInflight) == 0
    with a.store.session() as s:
        issues = Counter(i.kind for i in s.scalars(select(m.SyncIssue)))
        device_id = local_sync.get(s, "device_id")
        next_seq = local_sync.get_int(s, "next_client_seq")
    assert not issues, issues  # one laptop alone: nothing refused, no conflict with itself
    local = local_state(a.store)
    confirmed.check(local)

    def server_side(c: Any) -> tuple[Any, ...]:
        records = c.execute(
            select(t.record.c.tbl, t.record.c.id, t.record.c.fields, t.record.c.deleted)
        ).all()
        ch = t.change_history.c
        twice = c.execute(
            select(ch.client_seq, ch.tbl, ch.record_id, func.count())
            .where(ch.device_id == device_id)
            .group_by(ch.client_seq, ch.tbl, ch.record_id)
            .having(func.count() > 1)
        ).all()
        ab = t.applied_batch.c
        spans = c.execute(
            select(ab.first_client_seq, ab.last_client_seq).where(ab.device_id == device_id).order_by(ab.seq)
        ).all()
        hwm = c.execute(select(t.device.c.hwm).where(t.device.c.id == device_id)).scalar_one()
        revs = c.execute(select(t.sync_counter.c.last_seq)).scalar_one()
        batches = c.execute(select(func.count()).select_from(t.applied_batch)).scalar_one()
        rejected = c.execute(select(func.count()).select_from(t.sync_rejection)).scalar_one()
        return records, twice, spans, hwm, revs, batches, rejected

    records, twice, spans, hwm, revs, batches, rejected = server.admin(server_side)
    assert rejected == 0
    assert twice == [], f"mutations applied twice: {twice[:5]}"
    follows = 1  # the batches cover client_seq 1..hwm exactly once, in order
    for first, last in spans:
        assert first == follows, spans
        follows = last + 1
    assert hwm == follows - 1 == next_seq - 1  # everything the laptop numbered arrived
    # one revision per applied batch (none burnt twice, no replay re-applied), and one per
    # access change of the set-up (two users added to the team: ``accounts.access_changed``)
    assert revs == batches + 2
    held: dict[str, dict[str, dict[str, Any]]] = {}
    for tbl, record_id, fields, deleted in records:
        assert deleted == (fields.get("deleted_at") is not None), (tbl, record_id)
        held.setdefault(tbl, {})[record_id] = fields
    assert set(held) <= set(local), set(held) - set(local)
    for tbl, rows in local.items():
        there = held.get(tbl, {})  # one record per (tbl, id) on the server: same ids, same count
        assert set(there) == set(rows), (
            f"{tbl}: {len(rows)} local, {len(there)} on the server; "
            f"missing {sorted(set(rows) - set(there))[:3]}, extra {sorted(set(there) - set(rows))[:3]}"
        )
        wrong = [rid for rid, fields in rows.items() if there[rid] != fields]
        assert not wrong, f"{tbl} {wrong[0]}: local {rows[wrong[0]]} != server {there[wrong[0]]}"
    b.sync()
    assert local_state(b.store) == local


def last_step(lines: list[str]) -> str:
    """The step a kill interrupted: the last sync step announced (or 'edits' between syncs)."""
    for line in reversed(lines):
        if line.startswith(("push ", "pull ")):
            return " ".join(line.split()[:2])
        if line.startswith(("SYNCED", "EDIT", "READY")):
            return "edits"
    return "start"


class Child:
    """tests/procs/sync_laptop.py in its own process, its complete output lines collected by a thread."""

    def __init__(self, store_path: Path, seed: int, mode: str, conv: str, log: Path) -> None:
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        args = [
            sys.executable,
            "-m",
            "tests.procs.sync_laptop",
            str(store_path),
            PASSPHRASE,
            str(seed),
            mode,
            conv,
        ]
        self.log = log
        with log.open("ab") as err:
            self.proc = subprocess.Popen(
                args, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=err, text=True, encoding="utf-8"
            )
        self.raw: list[str] = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        self.raw.extend(self.proc.stdout)

    @property
    def lines(self) -> list[str]:
        return [ln[:-1] for ln in list(self.raw) if ln.endswith("\n")]  # a line cut by the kill never counts

    def wait_for(self, prefix: str, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        seen = 0
        while time.monotonic() < deadline:
            lines = self.lines
            if any(ln.startswith(prefix) for ln in lines[seen:]):
                return
            seen = len(lines)
            if self.proc.poll() is not None and not self.reader.is_alive():
                break
            time.sleep(0.005)
        self.kill()
        pytest.fail(f"sync_laptop never said {prefix!r}: {self.lines[-3:]}\n{self.log.read_text()[-3000:]}")

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(10)
        self.reader.join(10)

    def finish(self, timeout: float = 120) -> int:
        code = self.proc.wait(timeout)
        self.reader.join(10)
        return code


@pytest.mark.parametrize("server", ["sqlite"], indirect=True)  # time: both backends under the next test
def test_laptop_killed_during_sync_loses_and_duplicates_nothing(
    server: ServerProcess, tmp_path: Path
) -> None:
    team(server, "Dementie", "anna", "bram")
    a, b = laptops(server, tmp_path, "anna", "bram")
    a.enrol("anna")
    b.enrol("bram")
    confirmed = Confirmed()
    conv = seed(a, confirmed)
    a.store.close()  # the child processes own the store now
    store_path = a.store.path
    rng = random.Random(SEED)
    landed = []
    children: list[Child] = []
    bram: str | None = None
    try:
        for run in range(RUNS):
            bram = colleague(b, bram, rng)
            target, window = TARGETS[run % len(TARGETS)]
            child = Child(store_path, SEED * 1000 + run, "loop", conv, tmp_path / "laptop.log")
            children.append(child)
            child.wait_for(target)
            time.sleep(rng.uniform(0, window))
            child.kill()
            for line in child.lines:
                confirmed.feed(line)
            confirmed.killed()
            landed.append(last_step(child.lines))
        final = Child(store_path, 0, "final", conv, tmp_path / "laptop.log")
        children.append(final)
        assert final.finish() == 0, (tmp_path / "laptop.log").read_text()[-3000:]
        assert final.lines[-1].startswith("SYNCED ")
        print(f"kills landed after: {landed}; final run: {final.lines[-1]}")
        a.store = open_store(store_path, PASSPHRASE)
        if len(TARGETS) <= RUNS:
            assert {step.split()[0] for step in landed} >= {"push", "pull"}, landed
        assert_converged(server, a, b, confirmed)
    finally:
        for child in children:
            if child.proc.poll() is None:  # a failure above left it running
                child.kill()
        a.close()
        b.close()


class Killer(threading.Thread):
    """Kills a server ``delay`` seconds after the laptop announced ``target``, unless the sync is over."""

    def __init__(self, target: str, delay: float, kill: Callable[[], None]) -> None:
        super().__init__(daemon=True)
        self.target, self.delay, self.kill = target, delay, kill
        self.seen = threading.Event()
        self.over = threading.Event()
        self.last = "start"
        self.landed: str | None = None

    def see(self, line: str) -> None:
        self.last = " ".join(line.split()[:2])
        if line.startswith(self.target):
            self.seen.set()

    def run(self) -> None:
        while not self.seen.wait(0.01):
            if self.over.is_set():
                return
        if not self.over.wait(self.delay):
            self.landed = self.last
            self.kill()


def test_server_killed_during_sync_loses_and_duplicates_nothing(
    server: ServerProcess, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    pg: TempPostgres | None = (
        request.getfixturevalue("postgres_server") if server.url.startswith("postgresql") else None
    )
    team(server, "Dementie", "anna", "bram")
    a, b = laptops(server, tmp_path, "anna", "bram")
    a.enrol("anna")
    b.enrol("bram")
    confirmed = Confirmed()
    conv = seed(a, confirmed)
    transport = Reporting(server.base, a.db(enrolment.token), lambda _line: None)
    rng = random.Random(SEED)
    outcomes = []
    bram: str | None = None
    try:
        for run in range(RUNS):
            bram = colleague(b, bram, rng)
            if run:  # the seed is the first run's work
                edit_round(a.db, a.ctx, conv, rng, confirmed.feed)
            target, window = TARGETS[run % len(TARGETS)]
            # once on PostgreSQL: the database itself crashes under the running server
            database_crash = pg is not None and run == 1
            killer = Killer(
                target, rng.uniform(0, window), pg.kill_hard if pg and database_crash else server.kill
            )
            transport.emit = killer.see
            killer.start()
            try:
                sync(a.db, transport)
                outcome = "finished"
            except Offline:
                outcome = "offline"
            finally:
                killer.over.set()
                killer.join(30)
            outcomes.append((killer.landed, outcome))
            if pg is not None and not pg.running:
                pg.restart()  # crash recovery
            if server.proc is not None and server.proc.poll() is not None:
                server.start()  # same port, same database
        sync(a.db, transport)  # every server is up again: this run must get through
        print(f"server kills (step interrupted, laptop saw): {outcomes}")
        assert sum(outcome == "offline" for _landed, outcome in outcomes) >= RUNS // 2, outcomes
        assert_converged(server, a, b, confirmed)
    finally:
        transport.close()
        a.close()
        b.close()
