"""A throwaway PostgreSQL server for tests: initdb in a temp dir, pg_ctl on a free port, gone afterwards.

The sync-server tests need a real PostgreSQL without Docker. Fixtures: ``postgres_server`` (one
TempPostgres per session) and ``postgres_url`` (a fresh database per test). In a test module::

    from .postgres import postgres_server, postgres_url

    __all__ = ["postgres_server", "postgres_url"]  # else ruff flags F401 here and F811 on each test
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from psycopg import sql

DB_NAME = "veldwerk_test"
_TOOLS = ("initdb", "pg_ctl", "postgres")
_NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}")  # goes unquoted into URLs
_INITDB = ("-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync")
# Test-only speed: fsync/full_page_writes off only risk data on an OS crash. synchronous_commit stays ON:
# off, a row committed just before kill_hard() is lost (measured: every time), which breaks crash tests.
_CONF = (
    "listen_addresses = '127.0.0.1'\nport = {port}\nunix_socket_directories = '{dir}'\n"
    "fsync = off\nfull_page_writes = off\nsynchronous_commit = on\nshared_buffers = 32MB\n"
)


def find_pg_bin() -> Path | None:
    """The directory holding initdb, pg_ctl and postgres: PATH first, then /usr/lib/postgresql newest first."""
    on_path = shutil.which("initdb")
    # resolve(): /usr/local/bin/initdb may be a lone symlink; the other tools sit next to its target.
    candidates = [Path(on_path).resolve().parent] if on_path else []
    versions = Path("/usr/lib/postgresql").glob("*/bin")
    candidates += sorted(versions, key=lambda p: [int(n) for n in re.findall(r"\d+", p.parent.name)])[::-1]
    return next((d for d in candidates if all(os.access(d / t, os.X_OK) for t in _TOOLS)), None)


def _proc(pid: int | str) -> list[str]:
    """/proc/PID/stat fields after the command name ([state, ppid, ...]); [] if gone."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return []


def _alive(pid: int) -> bool:
    """Whether pid runs; a zombie counts as dead (this machine's init never reaps orphans)."""
    if Path("/proc/self").exists():
        return _proc(pid)[:1] not in ([], ["Z"])
    try:
        os.kill(pid, 0)  # no /proc (macOS), where launchd reaps orphans
    except ProcessLookupError:
        return False
    return True


class TempPostgres:
    """A PostgreSQL cluster in a temp dir on 127.0.0.1:<free port>, trust auth, superuser ``postgres``.

    As root, initdb/pg_ctl run as the ``postgres`` system user via runuser (PostgreSQL refuses root).
    """

    def __init__(self, bin_dir: Path | None = None) -> None:
        found = bin_dir or find_pg_bin()
        if found is None:
            raise RuntimeError("PostgreSQL server binaries (initdb, pg_ctl, postgres) not found")
        self.bin_dir = found
        self.dir = Path()
        self.port = 0
        self._as_postgres = os.name == "posix" and os.geteuid() == 0

    @property
    def data_dir(self) -> Path:
        return self.dir / "data"

    @property
    def url(self) -> str:
        """SQLAlchemy URL of the ``veldwerk_test`` database."""
        return self.url_for(DB_NAME)

    def url_for(self, database: str) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def __enter__(self) -> TempPostgres:
        self.dir = Path(tempfile.mkdtemp(prefix="veldwerk-pg-"))
        try:
            if self._as_postgres:
                shutil.chown(self.dir, "postgres", "postgres")
            self._pg("initdb", "-D", self.data_dir, *_INITDB)
            with socket.socket() as s:  # the kernel picks a free port; tiny race until the server binds it
                s.bind(("127.0.0.1", 0))
                self.port = s.getsockname()[1]
            # In postgresql.conf rather than -c flags, so restart() needs nothing but the data dir.
            with (self.data_dir / "postgresql.conf").open("a") as conf:
                conf.write(_CONF.format(port=self.port, dir=self.dir))
            self._start()
            self.new_database(DB_NAME)
        except BaseException:
            self.__exit__()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            if self.running:
                self._pg("pg_ctl", "stop", "-D", self.data_dir, "-m", "immediate", "-w", check=False)
                if self.running:
                    self.kill_hard()
        finally:
            if self.dir.name.startswith("veldwerk-pg-"):  # never Path(), the cwd, before __enter__
                shutil.rmtree(self.dir, ignore_errors=True)

    @property
    def postmaster_pid(self) -> int | None:
        with contextlib.suppress(FileNotFoundError, ValueError, IndexError):
            return int((self.data_dir / "postmaster.pid").read_text().split()[0])
        return None

    @property
    def running(self) -> bool:
        pid = self.postmaster_pid
        return pid is not None and _alive(pid)

    def new_database(self, name: str) -> str:
        """CREATE DATABASE (a copy of template1, some 30 ms); returns its SQLAlchemy URL."""
        if not _NAME.fullmatch(name):
            raise ValueError(f"database name must match {_NAME.pattern}: {name!r}")
        self._admin(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        return self.url_for(name)

    def drop_database(self, name: str) -> None:
        """DROP DATABASE, disconnecting whoever is still connected."""
        self._admin(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))

    def kill_hard(self) -> None:
        """SIGKILL the postmaster and its children at once: a server crash (what was written stays in the OS)."""
        pid = self.postmaster_pid
        if pid is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGSTOP)  # no new children while we list them
        pids = [pid]
        if Path("/proc/self").exists():  # elsewhere the children exit by themselves on postmaster death
            pids += [
                int(d.name)
                for d in Path("/proc").iterdir()
                if d.name.isdigit() and _proc(d.name)[1:2] == [str(pid)]
            ]
        for p in pids:
            with contextlib.suppress(ProcessLookupError):
                os.kill(p, signal.SIGKILL)
        deadline = time.monotonic() + 10
        while any(_alive(p) for p in pids) and time.monotonic() < deadline:
            time.sleep(0.01)

    def restart(self) -> None:
        """Start again on the same data dir and port; after kill_hard() this runs crash recovery."""
        if self.running:
            self._pg("pg_ctl", "stop", "-D", self.data_dir, "-m", "fast", "-w")
        # A killed postmaster leaves lock files naming its pid, and its zombie keeps that pid "in use".
        for lock in (self.data_dir / "postmaster.pid", self.dir / f".s.PGSQL.{self.port}.lock"):
            lock.unlink(missing_ok=True)
        self._start()

    def _start(self) -> None:
        self._pg("pg_ctl", "start", "-D", self.data_dir, "-l", self.dir / "server.log", "-w", "-t", "30")
        deadline = time.monotonic() + 30
        while True:  # pg_ctl saw the server "ready"; make sure TCP connections work
            try:
                psycopg.connect(self._dsn, connect_timeout=5).close()
                return
            except psycopg.OperationalError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    @property
    def _dsn(self) -> str:
        return f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres"

    def _admin(self, statement: sql.Composed) -> None:
        with psycopg.connect(self._dsn, autocommit=True) as conn:
            conn.execute(statement)

    def _pg(self, tool: str, *args: object, check: bool = True) -> None:
        cmd = [str(self.bin_dir / tool), *map(str, args)]
        if self._as_postgres:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        # cwd: the postgres user may not enter ours. Output pipes are safe: the postmaster logs to a file.
        done = subprocess.run(cmd, cwd=self.dir, capture_output=True, text=True, timeout=60)
        if check and done.returncode:
            log = self.dir / "server.log"
            tail = log.read_text(errors="replace")[-3000:] if log.exists() else ""
            raise RuntimeError(f"{' '.join(cmd)} exited {done.returncode}:\n{done.stdout}{done.stderr}{tail}")


# Every module importing the fixture gets its own copy (pytest keys fixtures by defining module);
# they share one server, stopped when the last copy is torn down at the end of the session.
_server: TempPostgres | None = None
_users = 0


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[TempPostgres]:
    """The session's server; skips without PostgreSQL, except in CI (env CI set), where that fails."""
    global _server, _users
    if find_pg_bin() is None:
        missing = "PostgreSQL server binaries (initdb, pg_ctl, postgres) not on PATH nor in /usr/lib/postgresql/*/bin"
        if os.environ.get("CI"):
            pytest.fail(f"{missing}; CI must install them (.ci/run installs 'postgresql')", pytrace=False)
        pytest.skip(f"{missing}; install PostgreSQL to run these tests")
    if _server is None:
        _server = TempPostgres().__enter__()
    _users += 1
    try:
        yield _server
    finally:
        _users -= 1
        if _users == 0:
            server, _server = _server, None
            server.__exit__()


@pytest.fixture
def postgres_url(postgres_server: TempPostgres) -> Iterator[str]:
    """SQLAlchemy URL of a fresh database for this test alone, dropped (WITH FORCE) afterwards."""
    if not postgres_server.running:  # an earlier crash test failed before its restart()
        postgres_server.restart()
    name = f"t_{uuid.uuid4().hex[:16]}"
    yield postgres_server.new_database(name)
    if not postgres_server.running:
        postgres_server.restart()
    postgres_server.drop_database(name)
