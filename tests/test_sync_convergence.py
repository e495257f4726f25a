"""Randomised convergence of the sync (DESIGN: "hypothesis state machine").

A Hypothesis state machine drives 2-6 laptops (real SQLCipher stores made by the real
migrations) against one office store running in process (``create_app`` on SQLite behind
Starlette's ``TestClient``). Steps, in any order Hypothesis likes:

* ``edit``: one user action through the app's services on one laptop: a note paragraph
  added, its text edited (or the same paragraph edited on two laptops), soft-deleted; an
  organisation added or renamed; an attachment added to a paragraph or the visit (real
  encrypted blob store; only the metadata syncs, the bytes do not yet) or removed;
* ``sync`` of one laptop, pulling in pages of 500 or of 1-3 changes, over a network that,
  request by request, drops the request before the server, drops the answer after the
  server handled it, resets the connection after it (the transport sends it again once),
  delivers the request twice, holds it back to deliver it later (after
  other laptops' requests: ``deliver_held_requests``), or lets the inspector type into a
  paragraph while the request is out; the laptop may die at one of the engine's database
  steps (that step's transaction is lost), the response-lost case included;
* ``crash_laptop``: ``kill -9`` at a step boundary, sometimes with an edit half-way through
  its transaction: the files as they were at that moment are reopened with ``open_store``;
* ``restart_office``: engine disposed, app recreated on the same database file.

Every laptop has a fixed clock skew of up to +-24 h. A laptop's hybrid logical clock is made
in ``sync.batches.freeze`` from the outbox ``created_at`` (SQLite's ``'now'``, written by the
trigger, read through ``batches._ms``) and from ``time.time()``; while a laptop's database
work runs, both are shifted by its skew, so the clocks that decide concurrent edits really
disagree by up to two days. (Timestamps in the rows themselves are not skewed.)

At the end of every example the network heals, held requests arrive, and every laptop
syncs until nothing is left to push and a whole round changes nothing (bounded). Then:

1. every laptop holds exactly the server's note paragraphs, organisations and attachments,
   field by field;
2. nothing acknowledged is lost: every field value of every acknowledged batch is on the
   server, applied (``change_history`` of that device's mutation, verbatim, or merged with
   another laptop's concurrent change for note text) or kept as the winner or loser of a
   ``sync_conflict``; and each batch carried the newest committed local value of each field
   the user edited (nothing coalesced away);
3. no outbox row, no batch in flight, no mutation applied twice, no record made twice or
   missing, nothing dead-lettered, no sync issue but conflicts;
4. "a sequential edit always applies" (``sync/hlc.py``): a laptop's value is never kept as
   a conflict with, or merged against, the same laptop's previous value, and a delete never
   flags an edit the deleting laptop made itself.

The bugs this found each have a plain test at the end of the file.

Speed: the world (an office database with six enrolled devices; six stores that share a
conversation with three paragraphs) is built once per module on a RAM disk and copied per
example; the stores are keyed with a raw 256-bit SQLCipher key, which skips only the
PBKDF2 derivation (~150 ms per open). ``VELDWERK_SYNC_EXAMPLES`` (default 30) and
``VELDWERK_SYNC_STEPS`` (default 30) set the size of the run.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from types import SimpleNamespace
from typing import Any, cast
from unittest import mock

import httpx
import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    precondition,
    rule,
    run_state_machine_as_test,
)
from sqlalchemy import JSON, Table, func, select, text
from sqlalchemy.orm import Session
from starlette.testclient import TestClient

from inspectorapp.domain.drafts import ParagraphDraft
from inspectorapp.domain.snapshots import ActionContext
from inspectorapp.services import attachments, notes
from inspectorapp.store_access import create_store, open_store
from storage import models as m
from storage.engine import Store
from sync import batches, enrolment
from sync import local_state as state
from sync.apply import stored_value
from sync.engine import SyncEngine, SyncReport
from sync.protocol import EnrolRequest, PullResponse
from sync.server import schema as t
from sync.server.app import create_app, dispose
from sync.transport import Offline, Transport

from . import helpers
from .team_office import team_office

EXAMPLES = int(os.environ.get("VELDWERK_SYNC_EXAMPLES", "30"))
STEPS = int(os.environ.get("VELDWERK_SYNC_STEPS", "30"))
MAX_LAPTOPS = 6
KEY = "x'" + "5a17" * 16 + "'"  # a raw SQLCipher key: real AES, no PBKDF2 on open
BASE_URL = "http://127.0.0.1"  # loopback: the laptop refuses plain http to any other host
DAY_MS = 24 * 3600 * 1000
TABLES = ("note_paragraph", "organisation", "attachment")
SILENT = {"updated_at"}
WORDS = ("de", "kerngroep", "besluit", "vandaag", "over", "wachtlijst", "niet", "zorg", "team", "map")
FAULTS = ("ok", "drop_request", "drop_response", "reset", "duplicate", "delay", "type_meanwhile")

_real_ms = batches._ms
STATS: Counter[str] = Counter()


def field_history(conn: Any) -> list[SimpleNamespace]:
    """The server's change history, one entry per field a mutation set (in revision order)."""
    h = t.change_history.c
    return [
        SimpleNamespace(
            seq=r.seq,
            tbl=r.tbl,
            record_id=r.record_id,
            field=f,
            value=v,
            hlc=r.hlc,
            device_id=r.device_id,
            client_seq=r.client_seq,
        )
        for r in conn.execute(select(t.change_history).order_by(h.seq, h.id))
        for f, v in r.fields.items()
    ]


# -- the world every example starts from ---------------------------------------------------


@dataclass(frozen=True)
class World:
    root: Path
    tokens: tuple[str, ...]
    devices: tuple[str, ...]
    conversation: str
    visit: str


def _copy_sqlite(src: Path, dst: Path) -> None:
    dst.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{src}{suffix}").exists():
            shutil.copyfile(f"{src}{suffix}", f"{dst}{suffix}")


def _no_keyring() -> contextlib.AbstractContextManager[Any]:
    """Tokens stay in the (encrypted) store: a test never writes to the user's keyring."""
    stack = contextlib.ExitStack()
    stack.enter_context(mock.patch.object(enrolment, "_keyring_set", return_value=False))
    stack.enter_context(mock.patch.object(enrolment, "_keyring_get", return_value=None))
    return stack


def build_world(root: Path) -> World:
    url, codes = team_office(root, [f"user{n}" for n in range(MAX_LAPTOPS)])
    first = create_store(root / "template.db", KEY)
    first.close()
    app = create_app(url)
    tokens, devices = [], []
    conversation = visit = ""
    with _no_keyring(), TestClient(app) as client:
        for n in range(MAX_LAPTOPS):
            path = root / f"laptop{n}.db"
            _copy_sqlite(root / "template.db", path)
            store = open_store(path, KEY)
            with store.transaction() as s:  # each copy its own local device id
                s.get(m.StoreMeta, "device_id").value = str(uuid.uuid4())  # type: ignore[union-attr]
            transport = Transport(BASE_URL, client=cast(httpx.Client, client))
            answer = transport.enrol(EnrolRequest(device_name=f"laptop{n}", code=codes[n]))
            with store.transaction() as s:
                enrolment.record_enrolment(s, BASE_URL, answer)
            tokens.append(answer.token)
            devices.append(answer.device_id)
            transport.token = answer.token
            run = _runner(store)
            if n == 0:
                ctx = ActionContext("user0", "laptop0")
                _org, conversation = run(partial(helpers.conversation, ctx=ctx))
                visit = run(partial(_visit_of, conversation=conversation))
                for words in ("de kerngroep besluit vandaag", "de wachtlijst", "zorg team map"):
                    run(partial(_add_note, ctx=ctx, conversation=conversation, words=words))
            SyncEngine(run, transport).run()
            store.close()
        for n in range(MAX_LAPTOPS):  # everyone has the shared conversation
            store = open_store(root / f"laptop{n}.db", KEY)
            SyncEngine(_runner(store), Transport(BASE_URL, tokens[n], cast(httpx.Client, client))).run()
            store.close()
    dispose(app)
    return World(root, tuple(tokens), tuple(devices), conversation, visit)


def _add_note(s: Session, ctx: ActionContext, conversation: str, words: str) -> None:
    notes.add_paragraph(s, ctx, conversation, ParagraphDraft(text=words))


def _visit_of(s: Session, conversation: str) -> str:
    conv = s.get(m.Conversation, conversation)
    assert conv is not None
    return conv.visit_id


def _runner(store: Store) -> Callable[[Callable[[Session], Any]], Any]:
    def run(fn: Callable[[Session], Any]) -> Any:
        with store.transaction() as s:
            return fn(s)

    return run


# -- the network -------------------------------------------------------------------------


class Office:
    """The office store in process; ``restart`` disposes it and starts it again on the same file."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.held: list[tuple[str, str, dict[str, Any]]] = []
        self._start()

    def _start(self) -> None:
        self.app = create_app(self.url)
        self.client = TestClient(self.app, base_url=BASE_URL)
        self.client.__enter__()

    def restart(self) -> None:
        self.stop()
        self._start()

    def stop(self) -> None:
        self.client.__exit__(None, None, None)
        dispose(self.app)

    def deliver(self, method: str, url: str, kwargs: dict[str, Any]) -> httpx.Response:
        return self.client.request(method, url, **kwargs)

    def deliver_held(self, order: list[int]) -> None:
        """Requests held back in the network arrive now (their answers go nowhere)."""
        held, self.held = self.held, []
        for n in order + [n for n in range(len(held)) if n not in order]:
            if n < len(held):
                method, url, kwargs = held[n]
                self.deliver(method, url, kwargs)


class FaultyClient:
    """What ``Transport`` sees as its ``httpx.Client``: each request meets the next planned fault."""

    def __init__(self, office: Office) -> None:
        self.office = office
        self.plan: list[str] = []
        self.meanwhile: Callable[[], None] | None = None  # the inspector types while a request is out

    def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        fault = self.plan.pop(0) if self.plan else "ok"
        STATS[f"{method} {url.rsplit('/', 1)[-1]} {fault}"] += 1
        if fault == "type_meanwhile" and self.meanwhile is not None:
            self.meanwhile()
        if fault == "drop_request":
            raise httpx.ConnectError("dropped before it reached the server")
        if fault == "delay":
            self.office.held.append((method, url, kwargs))
            raise httpx.ReadTimeout("held back in the network")
        response = self.office.deliver(method, url, kwargs)
        if fault == "duplicate":
            response = self.office.deliver(method, url, kwargs)
        if fault == "drop_response":
            raise httpx.ReadTimeout("the answer was lost")
        if fault == "reset":  # delivered, then the connection broke: the transport sends it again
            raise httpx.ReadError("connection reset by peer")
        return response

    def get(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("GET", url, **kwargs)

    def close(self) -> None:
        pass


# -- laptops -------------------------------------------------------------------------------


class PagedTransport(Transport):
    """Pulls in pages of ``page`` changes (the app asks for 500): many pages from few records."""

    page = 500

    def pull(self, since: int, limit: int = 500, baseline: str | None = None) -> PullResponse:
        return super().pull(since, min(limit, self.page), baseline)


class Crash(Exception):
    """The laptop's process dies (raised inside a database step: that step never commits)."""


@dataclass
class Edit:
    seq: int  # the last outbox row of the edit's transaction
    tbl: str
    id: str
    field: str
    value: Any  # for deleted_at: True (any timestamp)


@dataclass
class Laptop:
    n: int
    path: Path
    store: Store
    device_id: str
    skew_ms: int
    client: FaultyClient
    transport: PagedTransport
    ctx: ActionContext
    edits: list[Edit] = field(default_factory=list)  # committed, not yet acknowledged
    acked: list[dict[str, Any]] = field(default_factory=list)  # mutations of acknowledged batches
    crash_at: int | None = None  # the database step of the running sync that dies
    # one database step at a time, as the app's database thread runs them: the sync sends a
    # batch on a thread of its own while it reads the next, and the inspector types meanwhile
    lock: threading.RLock = field(default_factory=threading.RLock)

    def db(self, fn: Callable[[Session], Any]) -> Any:
        """The app's database thread, with this laptop's clock skew on the sync clock."""
        skewed = mock.patch.multiple(
            batches,
            _ms=lambda created: _real_ms(created) + self.skew_ms,
            time=_SkewedTime(self.skew_ms),
        )
        with self.lock:
            return self._db_step(fn, skewed)

    def _db_step(self, fn: Callable[[Session], Any], skewed: Any) -> Any:
        ack = isinstance(fn, partial) and fn.func in (batches.acknowledge, batches.settle)
        sent: dict[str, Any] | None = None
        with skewed, self.store.transaction() as s:
            if ack:
                inflight = s.get(m.SyncInflight, 1)
                if inflight is not None:
                    sent = {
                        "batch": json.loads(inflight.payload),
                        "last_outbox_seq": inflight.last_outbox_seq,
                    }
            result = fn(s)
            if self.crash_at is not None:
                self.crash_at -= 1
                if self.crash_at < 0:
                    self.crash_at = None
                    raise Crash
        if sent is not None:
            self._acknowledged(sent["batch"], sent["last_outbox_seq"])
        return result

    def _acknowledged(self, batch: dict[str, Any], last_outbox_seq: int) -> None:
        """The batch was acknowledged: it must carry the newest committed value of each edit it covers."""
        covered = [e for e in self.edits if e.seq <= last_outbox_seq]
        self.edits = [e for e in self.edits if e.seq > last_outbox_seq]
        newest = {(e.tbl, e.id, e.field): e.value for e in covered}
        by_record = {(mu["tbl"], mu["id"]): mu for mu in batch["mutations"]}
        for (tbl, rid, f), value in newest.items():
            mu = by_record.get((tbl, rid))
            assert mu is not None, f"edit of {tbl} {rid} left out of its batch"
            if f == "id":
                continue
            assert f in mu["fields"], f"edit of {tbl}.{f} {rid} left out of its batch"
            sent = mu["fields"][f]["v"]
            if f == "deleted_at":
                assert (sent is not None) == value, f"delete of {tbl} {rid} sent as {sent!r}"
            else:
                assert sent == value, f"{tbl}.{f} of {rid}: sent {sent!r}, the user's newest is {value!r}"
        for mu in batch["mutations"]:
            self.acked.append({**mu, "device": self.device_id})

    def edit(self, fn: Callable[[Session], list[tuple[str, str, str, Any]]]) -> None:
        """A user action in one transaction; remembers what it changed once it committed."""
        with self.lock:
            with self.store.transaction() as s:
                before = s.scalar(select(func.max(m.Outbox.seq))) or 0
                touched = fn(s)
                rows = list(s.scalars(select(m.Outbox).where(m.Outbox.seq > before)))
            for tbl, rid, f, value in touched:
                mine = [r.seq for r in rows if r.entity == tbl and r.entity_id == rid and f in r.changed]
                if mine:
                    self.edits.append(Edit(max(mine), tbl, rid, f, value))

    def sync(self) -> SyncReport:
        return SyncEngine(self.db, self.transport).run()

    def crash(self, half_done: Callable[[Session], Any] | None = None) -> None:
        """``kill -9`` between two steps of the app, optionally with an edit half-way through its
        transaction: the next start finds the files as they were at that moment (database, WAL
        and all; no commit, no checkpoint), and reopens them with ``open_store``."""
        session = None
        if half_done is not None:
            session = self.store.session()
            session.begin()
            half_done(session)
            session.flush()
        at_crash = self.path.with_name("at-crash.db")
        _copy_sqlite(self.path, at_crash)
        self.store.raw.close()  # (a clean close would checkpoint: the copy is what counts)
        with contextlib.suppress(Exception):
            if session is not None:
                session.close()
        with contextlib.suppress(Exception):
            self.store.engine.dispose()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)
            if Path(f"{at_crash}{suffix}").exists():
                os.replace(f"{at_crash}{suffix}", f"{self.path}{suffix}")
        self.store = open_store(self.path, KEY)

    def rows(self, tbl: str) -> dict[str, dict[str, Any]]:
        with self.store.session() as s:
            result = s.execute(text(f'SELECT * FROM "{tbl}"'))
            return {r.id: dict(r._mapping) for r in result}

    def live(self, tbl: str) -> list[str]:
        """Ids of the live rows, newest first (ids are UUIDv7): picks lean to fresh, unsynced work."""
        with self.store.session() as s:
            return sorted(s.scalars(text(f'SELECT id FROM "{tbl}" WHERE deleted_at IS NULL')), reverse=True)


class _SkewedTime:
    def __init__(self, skew_ms: int) -> None:
        self.skew = skew_ms / 1000

    def time(self) -> float:
        return time.time() + self.skew


def open_scene(world: World, folder: Path, skews: list[int]) -> tuple[Office, list[Laptop]]:
    """The world's office store and its first ``len(skews)`` laptops, copied into ``folder``."""
    _copy_sqlite(world.root / "office.db", folder / "office.db")
    office = Office(f"sqlite:///{folder / 'office.db'}")
    laptops = []
    for n, skew in enumerate(skews):
        path = folder / f"laptop{n}" / "veldwerk.db"
        _copy_sqlite(world.root / f"laptop{n}.db", path)
        client = FaultyClient(office)
        transport = PagedTransport(BASE_URL, world.tokens[n], cast(httpx.Client, client))
        ctx = ActionContext(f"user{n}", f"laptop{n}")
        laptops.append(Laptop(n, path, open_store(path, KEY), world.devices[n], skew, client, transport, ctx))
    return office, laptops


def _edit_text(old: str, op: tuple[str, int, str, list[str]]) -> str:
    kind, at, word, words = op
    tokens = old.split()
    if kind == "replace" or not tokens:
        return " ".join(words)
    i = at % len(tokens)
    if kind == "append":
        tokens.append(word)
    elif kind == "insert":
        tokens.insert(i, word)
    elif kind == "change":
        tokens[i] = word
    elif kind == "remove" and len(tokens) > 1:
        del tokens[i]
    return " ".join(tokens)


TEXT_OPS = st.tuples(
    st.sampled_from(["replace", "append", "insert", "change", "remove"]),
    st.integers(0, 12),
    st.sampled_from(WORDS),
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=6),
)
PICK = st.integers(0, 7)  # a laptop (modulo their number) or one of the newest live records


# -- the state machine ------------------------------------------------------------------


class SyncConvergence(RuleBasedStateMachine):
    world: World  # set by the test before it runs

    def __init__(self) -> None:
        super().__init__()
        self.dir = Path(tempfile.mkdtemp(prefix="veldwerk-sync-", dir=self.world.root))
        self.office: Office | None = None
        self.laptops: list[Laptop] = []
        self.created: dict[str, set[str]] = {tbl: set() for tbl in TABLES}
        self.counter = 0
        self.final_page = PagedTransport.page

    @initialize(
        skews=st.lists(st.integers(-DAY_MS, DAY_MS), min_size=2, max_size=MAX_LAPTOPS),
        final_page=st.sampled_from([500, 1, 2]),
    )
    def start(self, skews: list[int], final_page: int) -> None:
        self.final_page = final_page  # the page size of the final syncs
        self.office, self.laptops = open_scene(self.world, self.dir, skews)
        for tbl in TABLES:
            self.created[tbl] = set(self.laptops[0].rows(tbl))

    def laptop(self, pick: int) -> Laptop:
        return self.laptops[pick % len(self.laptops)]

    # -- edits --

    @rule(
        who=PICK,
        kind=st.sampled_from(
            [
                "add_paragraph",
                "edit_paragraph",
                "edit_paragraph_on_two",
                "delete_paragraph",
                "add_organisation",
                "rename_organisation",
                "attach_to_paragraph",
                "attach_to_visit",
                "remove_attachment",
            ]
        ),
        which=PICK,
        op=TEXT_OPS,
        name=st.sampled_from(["Zorggroep Noord", "Ziekenhuis Oost", "Thuiszorg West", "GGZ Zuid"]),
        other=PICK,
        other_op=TEXT_OPS,
    )
    def edit(
        self,
        who: int,
        kind: str,
        which: int,
        op: tuple[str, int, str, list[str]],
        name: str,
        other: int,
        other_op: tuple[str, int, str, list[str]],
    ) -> None:
        """One user action on one laptop; or, for ``edit_paragraph_on_two``, the same paragraph
        edited on two laptops (``who`` and ``other``) before either syncs. One rule for all, so
        that syncs are not outnumbered by edits."""
        lap = self.laptop(who)
        table = {"paragraph": "note_paragraph", "organisation": "organisation", "attachment": "attachment"}
        live = lap.live(table.get(kind.rsplit("_", 1)[-1], "note_paragraph"))
        pick = live[which % len(live)] if live else None
        if kind == "add_paragraph":
            lap.edit(partial(self._add_paragraph, lap=lap, words=op[3]))
        elif kind == "edit_paragraph" and pick:
            self._edit_paragraph(lap, pick, op)
        elif kind == "edit_paragraph_on_two":
            second = self.laptop(other)
            shared = [p for p in live if p in set(second.live("note_paragraph"))]
            if shared and second is not lap:
                self._edit_paragraph(lap, shared[which % len(shared)], op)
                self._edit_paragraph(second, shared[which % len(shared)], other_op)
        elif kind == "delete_paragraph" and pick:
            lap.edit(partial(self._delete_paragraph, lap=lap, note_id=pick))
        elif kind == "add_organisation":
            lap.edit(partial(self._add_organisation, lap=lap, name=name))
        elif kind == "rename_organisation" and pick:
            lap.edit(partial(self._rename_organisation, org_id=pick, name=name))
        elif kind == "attach_to_visit" or (kind == "attach_to_paragraph" and pick):
            target = (
                {"note_paragraph_id": pick}
                if kind == "attach_to_paragraph"
                else {"visit_id": self.world.visit}
            )
            lap.edit(partial(self._attach, lap=lap, target=target))
        elif kind == "remove_attachment" and pick:
            lap.edit(partial(self._remove_attachment, lap=lap, attachment_id=pick))

    # Each returns what it changed: (table, id, field, value); the laptop keeps those once committed.

    def _add_paragraph(self, s: Session, lap: Laptop, words: list[str]) -> list[tuple[str, str, str, Any]]:
        note = notes.add_paragraph(s, lap.ctx, self.world.conversation, ParagraphDraft(text=" ".join(words))).value
        self.created["note_paragraph"].add(note.id)
        return [("note_paragraph", note.id, "id", note.id), ("note_paragraph", note.id, "text", note.text)]

    def _edit_paragraph(self, lap: Laptop, note_id: str, op: tuple[str, int, str, list[str]]) -> None:
        def act(s: Session) -> list[tuple[str, str, str, Any]]:
            note = s.get(m.NoteParagraph, note_id)
            assert note is not None
            if note.deleted_at is not None:  # removed by a pull while a request was out
                return []
            new = _edit_text(note.text, op)
            notes.update_text(s, lap.ctx, note_id, new)
            return [("note_paragraph", note_id, "text", new)]

        lap.edit(act)

    def _delete_paragraph(self, s: Session, lap: Laptop, note_id: str) -> list[tuple[str, str, str, Any]]:
        notes.save_edits(s, lap.ctx, self.world.conversation, [], [note_id])
        return [("note_paragraph", note_id, "deleted_at", True)]

    def _add_organisation(self, s: Session, lap: Laptop, name: str) -> list[tuple[str, str, str, Any]]:
        org = helpers.organisation(s, lap.ctx, name)
        self.created["organisation"].add(org)
        return [("organisation", org, "id", org), ("organisation", org, "name", name)]

    def _rename_organisation(self, s: Session, org_id: str, name: str) -> list[tuple[str, str, str, Any]]:
        org = s.get(m.Organisation, org_id)  # (no service renames one yet)
        assert org is not None
        org.name = name
        return [("organisation", org_id, "name", name)]

    def _attach(self, s: Session, lap: Laptop, target: dict[str, str]) -> list[tuple[str, str, str, Any]]:
        """Attachment metadata syncs; the (encrypted) bytes stay in the laptop's blob folder."""
        self.counter += 1
        data = f"%PDF-1.4 bijlage {self.counter} {uuid.uuid4()}".encode()
        blobs = attachments.blob_store(s, lap.path.parent / "attachments")
        row = attachments.add_attachment(s, lap.ctx, blobs, data, "verslag.pdf", **target).value
        self.created["attachment"].add(row.id)
        return [("attachment", row.id, "id", row.id)]

    def _remove_attachment(
        self, s: Session, lap: Laptop, attachment_id: str
    ) -> list[tuple[str, str, str, Any]]:
        attachments.remove_attachment(s, lap.ctx, attachment_id)
        return [("attachment", attachment_id, "deleted_at", True)]

    # -- sync, crashes, restarts --

    @rule(
        who=PICK,
        faults=st.lists(st.sampled_from(FAULTS), max_size=4),
        crash_at=st.sampled_from([None, None, None, 0, 1, 2, 3, 4, 5]),
        which=PICK,
        op=TEXT_OPS,
        page=st.sampled_from([500, 500, 1, 2, 3]),
    )
    def sync(
        self,
        who: int,
        faults: list[str],
        crash_at: int | None,
        which: int,
        op: tuple[str, int, str, list[str]],
        page: int,
    ) -> None:
        lap = self.laptop(who)
        lap.transport.page = page
        lap.client.plan = list(faults)
        lap.crash_at = crash_at
        live = lap.live("note_paragraph")
        if live:
            lap.client.meanwhile = partial(self._edit_paragraph, lap, live[which % len(live)], op)
        try:
            lap.sync()
        except Offline:
            pass
        except Crash:
            STATS["crash in sync"] += 1
            lap.crash()
        finally:
            lap.client.plan = []
            lap.client.meanwhile = None
            lap.crash_at = None
            lap.transport.page = PagedTransport.page

    @precondition(lambda self: self.office is not None and bool(self.office.held))
    @rule(order=st.lists(st.integers(0, 8), unique=True, max_size=8))
    def deliver_held_requests(self, order: list[int]) -> None:
        assert self.office is not None
        self.office.deliver_held(order)

    @rule(who=PICK, which=PICK, half_done=st.booleans(), op=TEXT_OPS, odds=st.integers(0, 2))
    def crash_laptop(
        self, who: int, which: int, half_done: bool, op: tuple[str, int, str, list[str]], odds: int
    ) -> None:
        if odds:  # (reopening a store costs; a crash in every third of these steps)
            return
        lap = self.laptop(who)
        live = lap.live("note_paragraph")
        if half_done and live:
            note_id = live[which % len(live)]
            before = lap.rows("note_paragraph")[note_id]["text"]
            lap.crash(
                lambda s: notes.update_text(s, lap.ctx, note_id, _edit_text(before, op) + " ongespaard")
            )
            assert lap.rows("note_paragraph")[note_id]["text"] == before  # the uncommitted edit is gone
        else:
            lap.crash()

    @rule(odds=st.integers(0, 3))
    def restart_office(self, odds: int) -> None:
        if odds:  # (recreating the app costs ~90 ms; a restart in every fourth of these steps)
            return
        assert self.office is not None
        self.office.restart()

    # -- the end of every example --

    def teardown(self) -> None:
        try:
            if self.office is not None and self.laptops:
                self.quiesce()
                self.check()
        finally:
            for lap in self.laptops:
                with contextlib.suppress(Exception):
                    lap.store.close()
            if self.office is not None:
                with contextlib.suppress(Exception):
                    self.office.stop()
            shutil.rmtree(self.dir, ignore_errors=True)

    def quiesce(self) -> None:
        assert self.office is not None
        self.office.deliver_held([])
        for _round in range(len(self.laptops) + 3):
            quiet = True
            for lap in self.laptops:
                lap.transport.page = self.final_page
                report = lap.sync()
                quiet = quiet and report.pushed == 0 and report.applied == 0
            if quiet:
                return
        raise AssertionError("the laptops did not settle")

    def server(self, fn: Callable[[Any], Any]) -> Any:
        assert self.office is not None
        with self.office.app.state.engine.connect() as conn:
            return fn(conn)

    def check(self) -> None:
        records = self.server(
            lambda c: {
                (r.tbl, r.id): r for r in c.execute(select(t.record).where(t.record.c.tbl.in_(TABLES)))
            }
        )
        history = self.server(field_history)
        conflicts = self.server(lambda c: list(c.execute(select(t.sync_conflict))))
        rejections = self.server(lambda c: list(c.execute(select(t.sync_rejection))))
        STATS["examples"] += 1
        STATS["laptops"] += len(self.laptops)
        STATS["conflicts kept"] += len(conflicts)
        STATS["acknowledged mutations"] += sum(len(lap.acked) for lap in self.laptops)
        # 3. nothing left behind, nothing twice, nothing missing, nothing refused
        assert rejections == [], [(r.reason, r.mutation) for r in rejections]
        for tbl in TABLES:
            on_server = {rid for (tb, rid) in records if tb == tbl}
            assert on_server == self.created[tbl], (
                f"{tbl}: made {len(self.created[tbl])}, server {len(on_server)}"
            )
        applied = [(h.device_id, h.client_seq, h.tbl, h.record_id, h.field) for h in history]
        assert len(applied) == len(set(applied)), "a mutation was applied twice"
        for lap in self.laptops:
            with lap.store.session() as s:
                assert s.scalar(select(func.count()).select_from(m.Outbox)) == 0, f"laptop{lap.n}: outbox"
                assert s.get(m.SyncInflight, 1) is None, f"laptop{lap.n}: a batch still in flight"
                bad = [i.kind for i in state.open_issues(s) if i.kind not in ("superseded", "conflict")]
                assert bad == [], f"laptop{lap.n}: {bad}"
            assert lap.edits == [], f"laptop{lap.n}: committed edits never acknowledged"
        # 1. every laptop equals the server, field by field
        tables: dict[str, Table] = {tbl: m.Base.metadata.tables[tbl] for tbl in TABLES}
        for lap in self.laptops:
            for tbl in TABLES:
                local = lap.rows(tbl)
                assert set(local) == self.created[tbl], f"laptop{lap.n}: {tbl} rows differ"
                for rid, row in local.items():
                    fields = records[(tbl, rid)].fields
                    for column in tables[tbl].columns:
                        if column.name == "id":
                            continue
                        want = stored_value(column, fields.get(column.name))
                        got = row[column.name]
                        if isinstance(column.type, JSON):
                            got, want = json.loads(got or "null"), json.loads(want or "null")
                        assert got == want, (
                            f"laptop{lap.n} {tbl}.{column.name} {rid}: {got!r} != server {want!r}"
                        )
        # 2. nothing acknowledged is silently lost
        by_mutation = {(h.device_id, h.client_seq, h.tbl, h.record_id, h.field): h for h in history}
        kept: dict[tuple[str, str, str, str, str], list[Any]] = {}
        for c in conflicts:
            for value, dev, hlc in (
                (c.winner, c.winner_device, c.winner_hlc),
                (c.loser, c.loser_device, c.loser_hlc),
            ):
                kept.setdefault((c.tbl, c.record_id, c.field, dev, hlc), []).append(value)
        sent_verbatim: set[tuple[str, int, str, str, str]] = set()
        # a value sent again while the office already held it (concurrently, or the laptop's own
        # earlier edit) is nothing to decide (sync/server/merge.py): it is on the office already,
        # in the history of whoever wrote it first
        recorded: dict[tuple[str, str, str], list[Any]] = {}
        for h in history:
            recorded.setdefault((h.tbl, h.record_id, h.field), []).append(h.value)
        for lap in self.laptops:
            for mu in lap.acked:
                for f, change in mu["fields"].items():
                    if f in SILENT or f == "id":
                        continue
                    key = (mu["device"], mu["client_seq"], mu["tbl"], mu["id"], f)
                    row = by_mutation.get(key)
                    if row is not None and row.value == change["v"]:
                        sent_verbatim.add(key)
                        continue
                    if row is not None and (mu["tbl"], f) == ("note_paragraph", "text"):
                        continue  # merged with a concurrent change: checked below
                    if row is None and change["v"] in recorded.get((mu["tbl"], mu["id"], f), []):
                        continue
                    assert change["v"] in kept.get((mu["tbl"], mu["id"], f, mu["device"], mu["hlc"]), []), (
                        f"laptop{lap.n}: {mu['tbl']}.{f} of {mu['id']} = {change['v']!r} acknowledged, "
                        "then found nowhere on the server"
                    )
        # 4. a laptop never conflicts with itself
        previous: dict[tuple[str, str, str], Any] = {}
        for h in history:
            key = (h.tbl, h.record_id, h.field)
            before = previous.get(key)
            mine = (h.device_id, h.client_seq, h.tbl, h.record_id, h.field)
            if before is not None and mine not in sent_verbatim and h.field not in SILENT:
                own = (before.device_id, before.client_seq, before.tbl, before.record_id, before.field)
                assert not (before.device_id == h.device_id and own in sent_verbatim), (
                    f"{h.tbl}.{h.field} of {h.record_id}: a laptop's edit merged against its own earlier edit"
                )
            previous[key] = h
        sent = {
            (mu["device"], mu["hlc"], mu["tbl"], mu["id"], f): change["v"]
            for lap in self.laptops
            for mu in lap.acked
            for f, change in mu["fields"].items()
        }
        for c in conflicts:
            if c.kind == "concurrent_update":  # (its own earlier value merged with another's may lose)
                own = sent.get((c.loser_device, c.loser_hlc, c.tbl, c.record_id, c.field), object())
                assert c.winner_device != c.loser_device or c.loser != own, (
                    f"{c.tbl}.{c.field} of {c.record_id}: a laptop's two consecutive edits kept as a conflict"
                )
            elif c.winner_hlc != c.loser_hlc:  # raised by a delete against edits it had not seen
                assert c.winner_device != c.loser_device, (
                    f"{c.tbl}.{c.field} of {c.record_id}: a delete flags the deleting laptop's own edit"
                )


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    """Built once; on a RAM disk where there is one (every commit is fsynced: FULL sync)."""
    shm = Path("/dev/shm")
    if shm.is_dir() and os.access(shm, os.W_OK):
        root = Path(tempfile.mkdtemp(prefix="veldwerk-sync-world-", dir=shm))
    else:
        root = tmp_path_factory.mktemp("sync-world")
    try:
        yield build_world(root)
    finally:
        shutil.rmtree(root, ignore_errors=True)


def test_laptops_converge_whatever_the_network_does(world: World) -> None:
    SyncConvergence.world = world
    run_state_machine_as_test(
        SyncConvergence,
        settings=settings(
            max_examples=EXAMPLES,
            stateful_step_count=STEPS,
            deadline=None,
            database=None,
            print_blob=True,  # a failure prints @reproduce_failure(...) to replay it exactly
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        ),
    )
    print(dict(STATS))


# -- bugs the state machine found, one plain test each -----------------------------------------


@pytest.fixture
def scene(world: World, tmp_path: Path) -> Iterator[tuple[Office, list[Laptop]]]:
    office, laptops = open_scene(world, tmp_path, [0, 0])
    yield office, laptops
    for lap in laptops:
        lap.store.close()
    office.stop()


def _paragraph(lap: Laptop, conversation: str, words: str) -> str:
    return cast(
        str,
        lap.db(lambda s: notes.add_paragraph(s, lap.ctx, conversation, ParagraphDraft(text=words)).value.id),
    )


def _type(lap: Laptop, note_id: str, words: str) -> None:
    lap.db(lambda s: notes.update_text(s, lap.ctx, note_id, words))


def _conflicts(office: Office) -> list[tuple[str, str, Any, Any]]:
    with office.app.state.engine.connect() as c:
        return [(r.kind, r.field, r.winner, r.loser) for r in c.execute(select(t.sync_conflict))]


def _server_text(office: Office, note_id: str) -> Any:
    with office.app.state.engine.connect() as c:
        row = c.execute(select(t.record).where(t.record.c.id == note_id)).one()
        return row.fields["text"]


def test_an_edit_typed_while_the_previous_one_was_in_flight_is_sequential(
    world: World, scene: tuple[Office, list[Laptop]]
) -> None:
    """Bug: acknowledging a batch left the base of a field with a newer pending edit behind, so
    the laptop's next edit of that field counted as concurrent with its own previous one: a
    conflict "for review" between one inspector's two saves, or worse, a three-way merge
    against the stale base that brought back words the inspector had just removed."""
    office, (anna, _bram) = scene
    nid = _paragraph(anna, world.conversation, "a b c d")
    anna.sync()
    _type(anna, nid, "a b c d e")
    anna.client.plan = ["drop_response"]  # the server applies it; the laptop never hears
    with pytest.raises(Offline):
        anna.sync()
    _type(anna, nid, "z b c d")  # typed meanwhile: "e" removed, "a" changed
    anna.sync()
    anna.sync()
    assert _server_text(office, nid) == "z b c d"
    assert _conflicts(office) == []


def test_a_delete_does_not_flag_edits_the_deleting_laptop_made_or_saw(
    world: World, scene: tuple[Office, list[Laptop]]
) -> None:
    """Bug: the server took the revision of ``deleted_at`` (unchanged since the paragraph was
    made) as what the deleting laptop had seen, so every later edit, its own included, was
    kept as an "update after delete" for review."""
    office, (anna, bram) = scene
    own = _paragraph(anna, world.conversation, "eigen tekst")
    seen = _paragraph(anna, world.conversation, "gezien")
    anna.sync()
    bram.sync()
    _type(anna, own, "eigen tekst aangevuld")
    _type(bram, seen, "gezien en aangevuld door Bram")
    anna.sync()
    bram.sync()
    anna.sync()  # Anna now has Bram's edit
    anna.db(lambda s: notes.save_edits(s, anna.ctx, world.conversation, [], [own, seen]))
    anna.sync()
    assert _conflicts(office) == []
    # an edit Anna never saw is still kept for review
    unseen = _paragraph(anna, world.conversation, "nog niet gezien")
    anna.sync()
    bram.sync()
    _type(bram, unseen, "Bram vult aan")
    bram.sync()
    anna.db(lambda s: notes.save_edits(s, anna.ctx, world.conversation, [], [unseen]))
    anna.sync()
    assert [(k, f, lo) for k, f, _w, lo in _conflicts(office)] == [
        ("update_after_delete", "text", "Bram vult aan")
    ]


def test_a_pull_page_may_hold_a_child_whose_parent_changed_later(
    world: World, scene: tuple[Office, list[Laptop]], tmp_path: Path
) -> None:
    """Bug: a page holds the records changed in a range of revisions, so an attachment can come
    a page before the paragraph it hangs on (edited later, so at a later revision); the
    page's transaction then fails on the foreign key, and the laptop could never pull again."""
    _office, (anna, bram) = scene
    nid = _paragraph(anna, world.conversation, "met bijlage")
    anna.db(
        lambda s: attachments.add_attachment(
            s,
            anna.ctx,
            attachments.blob_store(s, tmp_path / "blobs"),
            b"%PDF-1.4 bijlage",
            "verslag.pdf",
            note_paragraph_id=nid,
        )
    )
    anna.sync()
    _type(anna, nid, "met bijlage, aangevuld")
    anna.sync()
    bram.transport.page = 1
    bram.sync()
    assert set(bram.rows("attachment")) == set(anna.rows("attachment"))
    assert bram.rows("note_paragraph")[nid]["text"] == "met bijlage, aangevuld"
