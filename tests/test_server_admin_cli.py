"""``veldwerk-server``'s admin commands, run as the operator runs them: the installed script in
its own process, stdin not a terminal (and no controlling terminal at all), against a real
office store on SQLite and on PostgreSQL. Every command says what it did; a bad name or id
is one line on stderr and exit 2, never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from sync.server import accounts, pages
from sync.server import schema as t
from sync.server.db import make_engine, migrate

from .admin_office import INSPECTION, PASSWORD, Office, populate
from .conftest import ROOT
from .postgres import postgres_server, postgres_url
from .sync_harness import office_url

__all__ = ["postgres_server", "postgres_url"]  # fixtures, found by pytest in this namespace

SCRIPT = ROOT / ".venv" / "bin" / "veldwerk-server"
NEW_PASSWORD = "a brand new long password"


@dataclass
class Site:
    url: str
    office: Office

    def run(self, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
        clean = {k: v for k, v in os.environ.items() if not k.startswith("VELDWERK_")}
        done = subprocess.run(
            [str(SCRIPT), "--db", self.url, *args],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=120,
            env=clean | (env or {}),
            start_new_session=True,  # no controlling terminal: getpass could not ask anyway
        )
        assert "Traceback" not in done.stderr, done.stderr
        return done

    def ok(self, *args: str, env: dict[str, str] | None = None) -> str:
        done = self.run(*args, env=env)
        assert done.returncode == 0, (args, done.stderr)
        return done.stdout

    def refused(self, *args: str, env: dict[str, str] | None = None) -> str:
        done = self.run(*args, env=env)
        assert done.returncode == 2, (args, done.returncode, done.stdout, done.stderr)
        assert done.stdout == "" and len(done.stderr.strip().splitlines()) == 1, (args, done.stderr)
        return done.stderr

    def rows(self, *args: str) -> list[dict[str, Any]]:
        return list(json.loads(self.ok(*args, "--json")))

    def db(self, fn: Any) -> Any:
        engine = make_engine(self.url)
        try:
            with engine.begin() as conn:
                return fn(conn)
        finally:
            engine.dispose()


def _site(url: str) -> Site:
    migrate(url)
    engine = make_engine(url)
    try:
        with engine.begin() as conn:
            office = populate(conn)
    finally:
        engine.dispose()
    return Site(url, office)


@pytest.fixture(params=["sqlite", "postgresql"])
def site(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Site]:
    yield _site(office_url(request, tmp_path))


@pytest.fixture
def sqlite_site(tmp_path: Path) -> Site:
    return _site(f"sqlite:///{tmp_path / 'office.db'}")


def test_the_listings(site: Site) -> None:
    users = site.ok("list-users").splitlines()
    assert users[0].split()[:3] == ["NAME", "DISPLAY_NAME", "ADMIN"]
    assert [line.split()[0] for line in users[1:]] == ["anna", "beheer", "bram"]
    assert {u["name"]: u["admin"] for u in site.rows("list-users")} == {
        "anna": False,
        "beheer": True,
        "bram": False,
    }
    assert site.rows("list-teams") == [{"team": "Dementie", "members": 3, "inspections": 1}]
    assert [m["name"] for m in site.rows("list-members", "Dementie")] == ["anna", "beheer", "bram"]
    devices = {d["user"]: d for d in site.rows("list-devices")}
    anna = devices["anna"]
    assert (anna["name"], anna["status"], anna["pushed"], anna["refused_open"]) == (
        "laptop van Anna",
        "active",
        "1:2",
        1,
    )
    assert anna["last_seen_at"] and anna["last_push_at"]
    assert (devices["beheer"]["pushed"], devices["beheer"]["last_push_at"]) == ("1:0", None)
    assert "laptop van Bram" in site.ok("list-devices")
    assert site.rows("list-grants") == [
        {"inspection_id": INSPECTION, "title": None, "team": "Dementie", "access": "write"}
    ]
    [inspection] = site.rows("list-inspections")
    assert (inspection["id"], inspection["status"], inspection["teams"]) == (
        INSPECTION,
        "not at the office yet",
        "Dementie",
    )
    [conflict] = site.rows("list-conflicts", "--open")
    assert conflict["id"] == site.office.conflict_id and conflict["loser"] == "Zorggroep De Linde"
    table = site.ok("list-conflicts")
    assert site.office.conflict_id in table and '"Zorggroep De Berk" (laptop van Bram)' in table
    [letter] = site.rows("list-dead-letters")
    assert (letter["id"], letter["reason"], letter["status"]) == (
        site.office.dead_letter_id,
        "unknown_table",
        "open",
    )
    assert "unknown_table" in site.ok("list-dead-letters", "--open")
    assert "--user" in site.ok("revoke-device", "--help") and "cannot see" in site.ok(
        "list-devices", "--help"
    )


def test_the_changes_say_what_they_did(site: Site) -> None:
    office = site.office
    # close a conflict and a dead letter, with who, when and a note
    said = site.ok("close-conflict", office.conflict_id, "--note", "De Berk is right", "--by", "Carla")
    assert said.startswith(f"closed conflict {office.conflict_id} (by Carla at ")
    [conflict] = site.rows("list-conflicts")
    assert (conflict["status"], conflict["closed_by"], conflict["note"]) == (
        "closed",
        "Carla",
        "De Berk is right",
    )
    assert site.rows("list-conflicts", "--open") == [] and "no conflicts" in site.ok(
        "list-conflicts", "--open"
    )
    assert "already closed (by Carla" in site.refused("close-conflict", office.conflict_id)
    assert site.ok("close-dead-letter", office.dead_letter_id).startswith("closed dead letter")
    assert site.rows("list-dead-letters", "--open") == []
    # a member removed, a grant taken away
    assert site.ok("remove-member", "Dementie", "bram") == "removed bram from team Dementie\n"
    assert [m["name"] for m in site.rows("list-members", "Dementie")] == ["anna", "beheer"]
    said = site.ok("ungrant", INSPECTION.upper(), "Dementie")  # any spelling of the UUID
    assert said == f"team Dementie no longer has access to inspection {INSPECTION.upper()}\n"
    assert site.rows("list-grants") == []
    # a new password: logins take it, the enrolled laptop keeps working
    said = site.ok("reset-password", "anna", env={"VELDWERK_NEW_PASSWORD": NEW_PASSWORD})
    assert said == "new password set for anna; their enrolled devices keep working\n"
    assert site.db(lambda c: accounts.authenticate(c, office.tokens["anna"])) is not None
    site.db(lambda c: accounts.enrol(c, "tweede laptop", "anna", NEW_PASSWORD, None))
    with pytest.raises(accounts.AccountError):
        site.db(lambda c: accounts.enrol(c, "derde laptop", "anna", PASSWORD, None))
    # revoke by id, by name, by user
    said = site.ok("revoke-device", office.devices["bram"])
    assert said == f"revoked: device {office.devices['bram']} ('laptop van Bram' of bram)\n"
    assert "already revoked" in site.ok("revoke-device", office.devices["bram"])
    assert site.ok("revoke-device", "--name", "laptop van Beheer").startswith("revoked: device")
    said = site.ok("revoke-device", "--user", "anna").splitlines()
    assert len(said) == 2 and all(line.startswith("revoked: ") for line in said)  # both of anna's
    assert {d["status"] for d in site.rows("list-devices")} == {"revoked"}
    for token in office.tokens.values():
        assert site.db(lambda c, token=token: accounts.authenticate(c, token)) is None
    # the commands that were there already say what they did too
    assert site.ok("create-team", "Jeugd") == "created team Jeugd\n"
    env = {"VELDWERK_SERVER_PASSWORD": PASSWORD}
    assert site.ok("create-user", "carla", "--admin", env=env) == "created admin carla\n"
    assert site.ok("add-member", "Jeugd", "carla") == "carla is a member of team Jeugd\n"
    assert (
        site.ok("grant", INSPECTION, "Jeugd", "--read-only")
        == f"team Jeugd may read inspection {INSPECTION}\n"
    )
    assert site.ok("disable-user", "carla") == "disabled carla\n"


BAD = [  # (command, what stderr says)
    (["list-members", "Nope"], "no team 'Nope'"),
    (["remove-member", "Nope", "anna"], "no team 'Nope'"),
    (["remove-member", "Dementie", "nobody"], "no user 'nobody'"),
    (["remove-member", "Jeugd", "anna"], "'anna' is not a member of team 'Jeugd'"),
    (["ungrant", "not-an-id", "Dementie"], "'not-an-id' is not a valid inspection id"),
    (["ungrant", str(uuid.UUID(int=7)), "Dementie"], "team 'Dementie' has no grant for inspection"),
    (["ungrant", INSPECTION, "Nope"], "no team 'Nope'"),
    (["grant", "12345", "Dementie"], "'12345' is not a valid inspection id"),
    (["revoke-device", "not-an-id"], "'not-an-id' is not a valid device id"),
    (["revoke-device", str(uuid.UUID(int=7))], f"no device {uuid.UUID(int=7)}"),
    (["revoke-device", "--user", "nobody"], "no user 'nobody'"),
    (["revoke-device", "--name", "no such laptop"], "no device named 'no such laptop'"),
    (
        ["revoke-device", "--user", "bram", "--name", "laptop van Anna"],
        "no device named 'laptop van Anna' of 'bram'",
    ),
    (["revoke-device"], "give a device id, --user NAME or --name DEVICE_NAME"),
    (["revoke-device", str(uuid.UUID(int=7)), "--user", "anna"], "not both"),
    (["close-conflict", "42"], "'42' is not a valid conflict id"),
    (["close-conflict", str(uuid.UUID(int=7))], f"no conflict {uuid.UUID(int=7)}"),
    (["close-dead-letter", "x"], "'x' is not a valid dead letter id"),
    (["close-dead-letter", str(uuid.UUID(int=7))], f"no dead letter {uuid.UUID(int=7)}"),
    (["list-conflicts", "--limit", "0"], "--limit is 1 to 100000"),
    (["create-team", "Dementie"], "team 'Dementie' exists"),
    (["add-member", "Dementie", "nobody"], "no user 'nobody'"),
    (["disable-user", "nobody"], "no user 'nobody'"),
]


def test_bad_names_and_ids_are_one_line_and_exit_2(sqlite_site: Site) -> None:
    sqlite_site.ok("create-team", "Jeugd")
    before = (
        sqlite_site.rows("list-devices"),
        sqlite_site.rows("list-grants"),
        sqlite_site.rows("list-conflicts"),
    )
    for args, message in BAD:
        said = sqlite_site.refused(*args)
        assert said.startswith("veldwerk-server: ") and message in said, (args, said)
    env = {"VELDWERK_NEW_PASSWORD": NEW_PASSWORD}
    assert "no user 'nobody'" in sqlite_site.refused("reset-password", "nobody", env=env)
    short = {"VELDWERK_NEW_PASSWORD": "short"}
    assert "too short" in sqlite_site.refused("reset-password", "anna", env=short)
    after = (
        sqlite_site.rows("list-devices"),
        sqlite_site.rows("list-grants"),
        sqlite_site.rows("list-conflicts"),
    )
    assert after == before  # nothing changed


def test_without_a_terminal_a_password_comes_from_the_environment_or_not_at_all(sqlite_site: Site) -> None:
    said = sqlite_site.refused("reset-password", "anna")
    assert "no terminal" in said and "VELDWERK_NEW_PASSWORD" in said
    said = sqlite_site.refused("create-user", "dirk")
    assert "no terminal" in said and "VELDWERK_SERVER_PASSWORD" in said
    assert "dirk" not in [u["name"] for u in sqlite_site.rows("list-users")]


def test_a_database_that_is_not_there_is_one_line_too(tmp_path: Path) -> None:
    site = Site("postgresql+psycopg://nobody@127.0.0.1:1/none", Office({}, {}, "", "", ""))
    done = site.run("list-users")
    assert done.returncode == 1 and done.stderr.startswith("veldwerk-server: database error:")


def test_a_device_name_two_users_share_must_be_narrowed(sqlite_site: Site) -> None:
    sqlite_site.db(lambda c: accounts.enrol(c, "laptop van Anna", "bram", PASSWORD, None))  # same name
    said = sqlite_site.refused("revoke-device", "--name", "laptop van Anna")
    assert "belong to anna, bram" in said and "--user" in said
    said = sqlite_site.ok("revoke-device", "--name", "laptop van Anna", "--user", "bram").splitlines()
    assert len(said) == 1 and said[0].endswith("('laptop van Anna' of bram)")
    statuses = {(d["user"], d["name"]): d["status"] for d in sqlite_site.rows("list-devices")}
    assert statuses[("anna", "laptop van Anna")] == "active"
    assert statuses[("bram", "laptop van Anna")] == "revoked"


def test_access_taken_away_and_given_again_sends_the_inspection_whole_again(sqlite_site: Site) -> None:
    """A pull noted that anna's laptop was given the inspection whole; once she is out of the
    team that note goes, so adding her again sends it whole again (changes made while she was
    out would otherwise never reach her laptop)."""
    token = sqlite_site.office.tokens["anna"]

    def pull(conn: Any) -> None:
        caller = accounts.authenticate(conn, token)
        assert caller is not None
        pages.pull(conn, caller, 0, 100)

    def given(conn: Any) -> list[str]:
        ds = t.device_scope.c
        return [
            str(s)
            for (s,) in conn.execute(
                select(ds.scope).where(ds.device_id == sqlite_site.office.devices["anna"])
            )
        ]

    sqlite_site.db(pull)
    assert sqlite_site.db(given) == [INSPECTION]
    sqlite_site.ok("remove-member", "Dementie", "anna")
    assert sqlite_site.db(given) == []
    sqlite_site.ok("add-member", "Dementie", "anna")
    sqlite_site.db(pull)
    assert sqlite_site.db(given) == [INSPECTION]
    sqlite_site.ok("ungrant", INSPECTION, "Dementie")
    assert sqlite_site.db(given) == []
