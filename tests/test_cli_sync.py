"""``veldwerk enrol``, ``veldwerk sync`` and ``veldwerk sync-status`` as a script runs them: the
installed entry point as a subprocess with no terminal (stdin from /dev/null), secrets from
the environment, against a real office store in its own process (SQLite and PostgreSQL).
Every outcome is its documented exit code and a sentence, never a traceback."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspectorapp import cli_sync
from inspectorapp.cli_progress import ProgressPrinter, bar_line, progress_text
from inspectorapp.domain.drafts import ParagraphDraft
from inspectorapp.domain.snapshots import ActionContext
from inspectorapp.paths import app_paths
from inspectorapp.services import notes
from inspectorapp.store_access import device_id, open_store
from sync import gc_tuning
from sync.engine import Progress
from sync.server import accounts
from sync.server import schema as t

from . import helpers
from .conftest import PASSPHRASE
from .postgres import postgres_server, postgres_url
from .sync_harness import PASSWORD, ServerProcess, free_port, laptops, office_server, team

__all__ = ["office_server", "postgres_server", "postgres_url"]  # fixtures, found by pytest in this namespace

VELDWERK = str(Path(sys.executable).with_name("veldwerk"))


def _env(home: Path, **extra: str) -> dict[str, str]:
    env = {
        **os.environ,
        "VELDWERK_HOME": str(home),
        "VELDWERK_PASSPHRASE": PASSPHRASE,
        # the token stays in the (encrypted) store: a test never writes to the user's keyring
        "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
    }
    for name in ("VELDWERK_SYNC_PASSWORD", "VELDWERK_ENROLMENT_CODE"):
        env.pop(name, None)
    env.update(extra)
    return env


def _run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    run = subprocess.run(
        [VELDWERK, *args], env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=180
    )
    assert "Traceback" not in run.stderr + run.stdout, run.stderr
    return run


def _enrol(env: dict[str, str], server: ServerProcess, user: str = "anna") -> None:
    run = _run({**env, "VELDWERK_SYNC_PASSWORD": PASSWORD}, "enrol", server.base, "--user", user, "--create")
    assert run.returncode == cli_sync.OK, run.stderr
    assert f"Verbonden met {server.base} als {user}" in run.stdout


def _in_store(home: Path, work: Callable[[Session, ActionContext], Any]) -> Any:
    """An edit on the laptop's store in-process, as the app would make it (the CLI is not running)."""
    store = open_store(app_paths(home).store_file, PASSPHRASE)
    try:
        ctx = ActionContext("anna", device_id(store))
        with store.transaction() as session:
            return work(session, ctx)
    finally:
        store.close()


def _office_record(server: ServerProcess, tbl: str, record_id: str) -> dict[str, Any] | None:
    def read(conn: Any) -> dict[str, Any] | None:
        row = conn.execute(select(t.record).where(t.record.c.tbl == tbl, t.record.c.id == record_id)).first()
        return dict(row._mapping) if row is not None else None

    found: dict[str, Any] | None = server.admin(read)
    return found


def _status(env: dict[str, str]) -> tuple[int, dict[str, Any]]:
    run = _run(env, "sync-status", "--json")
    return run.returncode, json.loads(run.stdout)


def test_enrol_sync_and_status_without_a_terminal(server: ServerProcess, tmp_path: Path) -> None:
    team(server, "Dementie", "anna")
    home = tmp_path / "anna"
    env = _env(home)
    _enrol(env, server)
    code, status = _status(env)
    assert code == cli_sync.OK and status["enrolled"] and status["account"] == "anna"
    assert status["server_url"] == server.base and status["last_sync_at"] is None

    org = _in_store(home, lambda s, ctx: helpers.organisation(s, ctx, "Zorggroep Noorderlicht"))
    code, status = _status(env)
    assert code == cli_sync.WAITING and status["pending_changes"] > 0

    run = _run(env, "sync")
    assert run.returncode == cli_sync.OK, run.stderr
    assert f"Gesynchroniseerd met {server.base}" in run.stdout
    assert "Wijzigingen versturen" in run.stderr and "\r" not in run.stderr  # plain lines, no bar
    office = _office_record(server, "organisation", org)
    assert office is not None and office["fields"]["name"] == "Zorggroep Noorderlicht"

    code, status = _status(env)
    assert code == cli_sync.OK
    assert (
        status["pending_changes"],
        status["waiting_for_access"],
        status["set_aside"],
        status["conflicts"],
    ) == (
        0,
        0,
        0,
        0,
    )
    assert status["last_sync_at"] and status["device_id"]
    text = _run(env, "sync-status")
    assert text.returncode == 0 and "Wijzigingen wachten:" in text.stdout and "verbonden" in text.stdout


def test_a_headless_sync_runs_with_the_collector_set_for_syncing(server: ServerProcess, tmp_path: Path) -> None:
    """``veldwerk sync`` freezes its start-up objects and collects the youngest generation less
    often (sync/gc_tuning.py); ``sync-status`` only reads and keeps Python's defaults."""
    team(server, "Dementie", "anna")
    env = _env(tmp_path / "anna")
    _enrol(env, server)
    _in_store(tmp_path / "anna", lambda s, ctx: helpers.organisation(s, ctx, "Zorggroep Noorderlicht"))
    probe = (
        "import gc, sys; from inspectorapp.cli import main; code = main(sys.argv[1:]); "
        "print('gc', gc.get_freeze_count() > 0, gc.get_threshold()[0]); sys.exit(code)"
    )
    for command, tuned in (("sync-status", False), ("sync", True)):
        run = subprocess.run(
            [sys.executable, "-c", probe, command],
            env=env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=180,
        )
        assert run.returncode in (cli_sync.OK, cli_sync.WAITING), run.stderr
        _, frozen, young = run.stdout.splitlines()[-1].split()
        assert (frozen == "True", int(young) == gc_tuning.YOUNG) == (tuned, tuned), (command, run.stdout)


def test_refusals_each_with_their_code_and_message(server: ServerProcess, tmp_path: Path) -> None:
    team(server, "Dementie", "anna")
    home = tmp_path / "anna"
    env = _env(home)
    # not enrolled yet, no database yet
    run = _run(env, "sync")
    assert run.returncode == cli_sync.USAGE and "geen database gevonden" in run.stderr
    wrong = _run(
        {**env, "VELDWERK_SYNC_PASSWORD": "fout"}, "enrol", server.base, "--user", "anna", "--create"
    )
    assert wrong.returncode == cli_sync.NOT_CONNECTED and "verkeerd wachtwoord" in wrong.stderr
    dead = f"http://127.0.0.1:{free_port()}"
    unreachable = _run({**env, "VELDWERK_SYNC_PASSWORD": PASSWORD}, "enrol", dead, "--user", "anna")
    assert unreachable.returncode == cli_sync.UNREACHABLE and "niet bereikbaar" in unreachable.stderr
    run = _run(env, "sync")
    assert run.returncode == cli_sync.NOT_CONNECTED and "veldwerk enrol" in run.stderr
    assert _status(env)[0] == cli_sync.NOT_CONNECTED
    # bad use
    cases: list[tuple[tuple[str, ...], dict[str, str], str]] = [
        (("sync", "--bogus"), {}, "unrecognized arguments"),
        (("enrol",), {}, "required"),
        (("enrol", "ftp://kantoor"), {}, "geen serveradres"),
        (("enrol", "https://kantoor:poort"), {}, "geen serveradres"),
        (("enrol", server.base), {}, "--user"),  # no terminal to ask the user name on
        (("enrol", server.base, "--user", "anna"), {}, "VELDWERK_SYNC_PASSWORD"),
        (("enrol", server.base, "--code"), {}, "VELDWERK_ENROLMENT_CODE"),
        (("enrol", server.base, "--code", "--user", "anna"), {}, "niet allebei"),
        (("sync",), {"VELDWERK_PASSPHRASE": ""}, "VELDWERK_PASSPHRASE"),
        (("sync-status",), {"VELDWERK_PASSPHRASE": "fout fout fout"}, "wachtwoordzin"),
    ]
    for args, extra, message in cases:
        run = _run({**env, **extra}, *args)
        assert run.returncode == cli_sync.USAGE, (args, run.stderr)
        assert message in run.stderr, (args, run.stderr)
    # an enrolment code instead of a password; enrolling twice is bad use
    code = server.admin(lambda c: accounts.enrolment_code(c, "anna"))
    run = _run({**env, "VELDWERK_ENROLMENT_CODE": code}, "enrol", server.base, "--code")
    assert run.returncode == cli_sync.OK and "als anna" in run.stdout, run.stderr
    again = _run({**env, "VELDWERK_SYNC_PASSWORD": PASSWORD}, "enrol", server.base, "--user", "anna")
    assert again.returncode == cli_sync.USAGE and "al verbonden" in again.stderr


def test_revoked_then_enrolled_again_then_unreachable(server: ServerProcess, tmp_path: Path) -> None:
    team(server, "Dementie", "anna")
    home = tmp_path / "anna"
    env = _env(home)
    _enrol(env, server)
    _code, status = _status(env)
    server.admin(lambda c: accounts.revoke_device(c, status["device_id"]))
    org = _in_store(home, lambda s, ctx: helpers.organisation(s, ctx, "Na intrekking vastgelegd"))
    run = _run(env, "sync")
    assert run.returncode == cli_sync.NOT_CONNECTED and "losgekoppeld" in run.stderr
    assert "wachten op verzending" in run.stderr or "wacht op verzending" in run.stderr
    code, status = _status(env)
    assert code == cli_sync.NOT_CONNECTED and status["disconnected"] and status["pending_changes"] > 0
    again = _run(env, "sync")  # now disconnected: said so without asking the office
    assert again.returncode == cli_sync.NOT_CONNECTED and "losgekoppeld" in again.stderr
    # the same account connects again and hands over what waited
    _enrol(env, server)
    assert _run(env, "sync").returncode == cli_sync.OK
    assert _office_record(server, "organisation", org) is not None
    _in_store(home, lambda s, ctx: helpers.organisation(s, ctx, "Terwijl kantoor plat lag"))
    server.kill()
    run = _run(env, "sync")
    assert run.returncode == cli_sync.UNREACHABLE and "niet bereikbaar" in run.stderr
    assert _status(env)[0] == cli_sync.WAITING  # kept, sent next time


def test_a_conflict_to_review_is_exit_4(server: ServerProcess, tmp_path: Path) -> None:
    team(server, "Dementie", "anna", "bram")
    home = tmp_path / "anna"
    env = _env(home)
    _enrol(env, server)
    _org, conv = _in_store(home, lambda s, ctx: helpers.conversation(s, ctx))
    nid = _in_store(
        home,
        lambda s, ctx: (
            notes.add_paragraph(s, ctx, conv, ParagraphDraft(text="Wachtlijst besproken.")).value.id
        ),
    )
    assert _run(env, "sync").returncode == cli_sync.OK
    (bram,) = laptops(server, tmp_path, "bram")
    try:
        bram.enrol("bram")
        bram.sync()
        bram.db(lambda s: notes.update_text(s, bram.ctx, nid, "Versie van Bram."))
        bram.sync()
    finally:
        bram.close()
    _in_store(home, lambda s, ctx: notes.update_text(s, ctx, nid, "Versie van Anna."))
    run = _run(env, "sync")
    assert run.returncode == cli_sync.CONFLICTS, run.stderr
    assert "te beoordelen" in run.stdout
    code, status = _status(env)
    assert code == cli_sync.CONFLICTS and status["conflicts"] >= 1


class Terminal:
    """``veldwerk`` on a pseudo-terminal: what a person at the keyboard sees and types."""

    def __init__(self, env: dict[str, str], *args: str) -> None:
        import pty

        self.main, secondary = pty.openpty()
        self.proc = subprocess.Popen(
            [VELDWERK, *args], env=env, stdin=secondary, stdout=secondary, stderr=secondary, close_fds=True
        )
        os.close(secondary)
        self.seen = b""
        self.closed = False

    def read(self, until: bytes | None = None, timeout: float = 60) -> str:
        """Output up to ``until`` (or to the end, when the child closes the terminal)."""
        import select
        import time

        deadline = time.monotonic() + timeout
        while not self.closed and (until is None or until not in self.seen):
            ready, _w, _x = select.select([self.main], [], [], max(0.0, deadline - time.monotonic()))
            if not ready:
                raise AssertionError(f"waited for {until!r}; saw {self.seen!r}")
            try:
                chunk = os.read(self.main, 4096)
            except OSError:  # EIO: the child closed the terminal
                break
            if not chunk:
                break
            self.seen += chunk
        return self.seen.decode("utf-8", "replace")

    def type(self, text: str) -> None:
        os.write(self.main, text.encode() + b"\n")

    def close(self) -> int:
        self.read()
        os.close(self.main)
        self.closed = True
        return self.proc.wait(60)


def test_on_a_terminal_it_asks_and_draws_a_bar(server: ServerProcess, tmp_path: Path) -> None:
    team(server, "Dementie", "anna")
    home = tmp_path / "anna"
    env = _env(home, COLUMNS="100")
    asked = Terminal(env, "enrol", server.base, "--create", "--device-name", "veldlaptop")
    asked.read(until=b"Gebruikersnaam: ")
    asked.type("anna")
    asked.read(until=b"Wachtwoord: ")
    asked.type(PASSWORD)
    assert asked.close() == cli_sync.OK
    assert "Verbonden met" in asked.read() and PASSWORD not in asked.read()  # not echoed
    _in_store(home, lambda s, ctx: helpers.organisation(s, ctx, "Op het scherm"))
    shown = Terminal(env, "sync")
    assert shown.close() == cli_sync.OK
    text = shown.read()
    assert "\r[" in text and "#" in text and "Wijzigingen versturen: 1 van 1" in text, text
    assert "Gesynchroniseerd met" in text and "Traceback" not in text


def _steps(*steps: tuple[str, int, int, int]) -> list[Progress]:
    return [Progress(*s) for s in steps]


def test_plain_progress_lines_are_few_and_say_the_end() -> None:
    out = io.StringIO()
    printer = ProgressPrinter(out, bar=False, clock=lambda: 0.0)
    for done in range(0, 5001, 100):
        printer(Progress("push", done, 5000, done))
    for done in range(0, 301, 30):
        printer(Progress("pull", done, 0, done))  # total unknown: quiet within 5 s
    printer.finish()
    lines = out.getvalue().splitlines()
    assert lines[0] == "Wijzigingen versturen: 0 van 5.000"
    assert "Wijzigingen versturen: 5.000 van 5.000" in lines
    assert len([line for line in lines if line.startswith("Wijzigingen")]) == 11  # each tenth
    assert lines[-2:] == ["Ontvangen: 0 wijzigingen", "Ontvangen: 300 wijzigingen"]


def test_the_bar_redraws_in_place_and_fits_the_width() -> None:
    out = io.StringIO()
    ticks = iter(range(100))
    printer = ProgressPrinter(out, bar=True, width=60, clock=lambda: float(next(ticks)))
    printer(Progress("push", 0, 4, 0))
    printer(Progress("push", 4, 4, 4))
    printer(Progress("files", 1536, 3 * 1024 * 1024, 1))
    printer.finish()
    drawn = out.getvalue()
    assert drawn.count("\n") == 2  # one finished line per stage
    assert all(len(line) <= 60 for part in drawn.split("\n") for line in part.split("\r"))
    text = "Wijzigingen versturen: 4 van 4"
    assert "\r[" + "#" * (60 - len(text) - 3) + "] " + text in drawn
    assert "Bestanden versturen: 1,5 kB van 3,0 MB" in drawn
    assert bar_line(Progress("pull", 50, 100, 7), 20) == progress_text(Progress("pull", 50, 100, 7))[:20]
    assert progress_text(Progress("pull", 50, 100, 1)) == "Ontvangen: 1 wijziging, 50 %"


def test_help_lists_the_exit_codes() -> None:
    run = subprocess.run([VELDWERK, "sync", "--help"], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0
    for code in range(8):
        assert f"\n  {code}  " in run.stdout, code
