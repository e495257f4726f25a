"""A real office store in its own process on loopback, and laptops (real encrypted stores)
that enrol with it and sync over real HTTP."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import Connection, func, select
from sqlalchemy.orm import Session

from inspectorapp.domain.drafts import ParagraphDraft
from inspectorapp.domain.snapshots import ActionContext
from inspectorapp.services import notes
from inspectorapp.store_access import create_store
from storage import models as m
from storage.engine import Store
from sync import enrolment
from sync.engine import SyncEngine, SyncReport
from sync.protocol import EnrolRequest
from sync.server import accounts
from sync.server.db import make_engine, migrate
from sync.transport import Transport

from .conftest import PASSPHRASE, ROOT

PASSWORD = "correct horse battery staple"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class ServerProcess:
    """``veldwerk-server serve`` as a child process; ``kill()`` is ``kill -9``."""

    def __init__(self, url: str, log: Path, *serve_args: str) -> None:
        self.url = url
        self.log = log
        self.serve_args = serve_args  # e.g. --blobs DIR --blob-key FILE
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen[bytes] | None = None
        migrate(url)

    def start(self) -> None:
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        command = [sys.executable, "-m", "sync.server", "--db", self.url, "serve", "--port", str(self.port)]
        with self.log.open("ab") as out:
            self.proc = subprocess.Popen(
                [*command, *self.serve_args],
                stdout=out,
                stderr=subprocess.STDOUT,
                env=env,
            )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if httpx.get(self.base + "/v1/health", timeout=1).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            if self.proc.poll() is not None:
                break
            time.sleep(0.1)
        raise RuntimeError(f"server did not start: {self.log.read_text()[-2000:]}")

    def kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(10)

    def admin(self, action: Callable[[Connection], Any]) -> Any:
        engine = make_engine(self.url)
        try:
            with engine.begin() as conn:
                return action(conn)
        finally:
            engine.dispose()


@dataclass
class Laptop:
    name: str
    store: Store
    ctx: ActionContext
    server: ServerProcess
    transport: Transport | None = None

    def db(self, fn: Callable[[Session], Any]) -> Any:
        with self.store.transaction() as session:
            return fn(session)

    def enrol(self, username: str) -> None:
        answer = enrolment.request_enrolment(
            self.server.base, EnrolRequest(device_name=self.name, username=username, password=PASSWORD)
        )
        self.db(lambda s: enrolment.record_enrolment(s, self.server.base, answer))

    def sync(self) -> SyncReport:
        token = self.db(enrolment.token)
        if self.transport is None:
            self.transport = Transport(self.server.base, token)
        return SyncEngine(self.db, self.transport).run()

    def close(self) -> None:
        if self.transport is not None:
            self.transport.close()
        self.store.close()


def team(server: ServerProcess, team_name: str, *users: str) -> None:
    def setup(conn: Connection) -> None:
        accounts.create_team(conn, team_name)
        for user in users:
            accounts.create_account(conn, user, user.title(), PASSWORD)
            accounts.add_member(conn, team_name, user)

    server.admin(setup)


def laptops(server: ServerProcess, root: Path, *names: str) -> Iterator[Laptop]:
    for name in names:
        store = create_store(root / name / "veldwerk.db", PASSPHRASE)
        yield Laptop(name, store, ActionContext(name, f"device-{name}"), server)


@contextmanager
def enrolled(server: ServerProcess, root: Path, team_name: str, *users: str) -> Iterator[list[Laptop]]:
    """Laptops of ``users``, all in team ``team_name``, each enrolled as its user; closed after."""
    team(server, team_name, *users)
    made = list(laptops(server, root, *users))
    for laptop, user in zip(made, users, strict=True):
        laptop.enrol(user)
    try:
        yield made
    finally:
        for laptop in made:
            laptop.close()


def office_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The office store of a test parametrised over ``["sqlite", "postgresql"]``: the embedded
    default in ``tmp_path``, or a database on the PostgreSQL the tests start themselves."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'office.db'}"
    return str(request.getfixturevalue("postgres_url"))


@pytest.fixture(params=["sqlite", "postgresql"], name="server")
def office_server(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[ServerProcess]:
    """The office store on its embedded default and on a real PostgreSQL the tests start. A
    test module imports it (and ``postgres_server``/``postgres_url``) and names it in ``__all__``."""
    proc = ServerProcess(office_url(request, tmp_path), tmp_path / "server.log")
    proc.start()
    yield proc
    proc.kill()


def table_rows(laptop: Laptop, model: type) -> dict[str, dict[str, Any]]:
    """A synced table of a laptop's store, row by id."""
    table = model.__table__  # type: ignore[attr-defined]
    with laptop.store.session() as s:
        return {r.id: dict(r._mapping) for r in s.execute(select(table))}


def outbox_size(laptop: Laptop) -> int:
    with laptop.store.session() as s:
        return s.scalar(select(func.count()).select_from(m.Outbox)) or 0


def add_note(laptop: Laptop, conversation_id: str, text: str) -> str:
    return laptop.db(
        lambda s: (
            notes.add_paragraph(s, laptop.ctx, conversation_id, ParagraphDraft(text=text)).value.id
        )
    )
