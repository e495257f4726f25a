"""What every adversary test asks of an office at the end of its attacks (issue #12): the
honest laptops still sync and converge, and the server never answered with a 5xx.

A laptop here is either a ``sync_harness.Laptop`` (the sync engine alone) or a ``Workspace``
(the app's ``sync_runner``, which also hands over attachment files and fetches conflicts).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from inspectorapp import sync_runner
from inspectorapp.workspace import Workspace
from storage import models as m
from storage.models import synced_tables

from .sync_harness import Laptop, ServerProcess

Honest = Laptop | Workspace
T = TypeVar("T")

# What uvicorn writes when a route raised: every 5xx the office sends is one of these, also
# those answered to laptops whose statuses no test looked at.
SERVER_ERROR_MARKS = ("Exception in ASGI application", "Traceback (most recent call last)")


def read(who: Honest, action: Callable[[Session], T]) -> T:
    if isinstance(who, Laptop):
        return who.db(action)
    return who.call(action)


def name(who: Honest) -> str:
    return who.name if isinstance(who, Laptop) else who.ctx.actor


def sync(who: Honest) -> None:
    """One sync as the laptop runs it; anything but a full sync fails the test (a 5xx is
    ``Offline`` to the engine)."""
    if isinstance(who, Laptop):
        who.sync()
        return
    outcome = sync_runner.run_sync(who)
    assert outcome.kind == "done", (name(who), outcome.kind, outcome.detail)


def synced_rows(who: Honest, tbl: str) -> dict[str, dict[str, Any]]:
    """A synced table of a laptop, row by id, without the laptop's own framework row id."""

    def rows(s: Session) -> dict[str, dict[str, Any]]:
        found = s.connection().exec_driver_sql(f'SELECT * FROM "{tbl}"').mappings().all()
        return {r["id"]: {k: v for k, v in r.items() if k != "framework_version_id"} for r in found}

    return dict(read(who, rows))


def set_aside_count(who: Honest) -> int:
    """Records from the office this laptop's store refused (kept in ``sync_set_aside``)."""

    def count(s: Session) -> int:
        tables = {
            r[0] for r in s.connection().exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'")
        }
        if "sync_set_aside" not in tables:
            return 0
        return int(s.connection().exec_driver_sql("SELECT count(*) FROM sync_set_aside").scalar_one())

    return int(read(who, count))


def left_behind(who: Honest) -> dict[str, int]:
    """What a laptop that synced fully has none of: records set aside, work not yet sent (the
    outbox, a frozen batch) and work held back for lack of access."""

    def count(s: Session) -> dict[str, int]:
        def n(model: type) -> int:
            return int(s.scalar(select(func.count()).select_from(model)) or 0)

        return {"outbox": n(m.Outbox), "inflight": n(m.SyncInflight), "held": n(m.SyncHeld)}

    return {"set aside": set_aside_count(who), **read(who, count)}


def server_errors(server: ServerProcess) -> list[str]:
    """The lines of the office's log that tell of a 5xx."""
    if not server.log.exists():
        return []
    lines = server.log.read_text("utf-8", errors="replace").splitlines()
    return [line for line in lines if any(mark in line for mark in SERVER_ERROR_MARKS)]


def assert_converged(server: ServerProcess, teams: Mapping[str, Sequence[Honest]], rounds: int = 2) -> None:
    """Every laptop syncs ``rounds`` times (the second pulls what the others pushed in the
    first); then each synced table is the same on every laptop of a team, every laptop of
    every team has the same (shared) organisations, nothing is set aside or left to send,
    and the office's log shows no 5xx."""
    everyone = [who for members in teams.values() for who in members]
    for _ in range(rounds):
        for who in everyone:
            sync(who)
    for team, members in teams.items():
        first, *others = members
        assert others, f"team {team}: one laptop converges with nothing"
        for tbl in synced_tables():
            expected = synced_rows(first, tbl)
            for other in others:
                assert synced_rows(other, tbl) == expected, (team, tbl, name(first), name(other))
    shared = synced_rows(everyone[0], "organisation")
    assert shared, "no organisations to share"
    for who in everyone:
        assert synced_rows(who, "organisation") == shared, (name(everyone[0]), name(who))
    for who in everyone:
        assert left_behind(who) == {"set aside": 0, "outbox": 0, "inflight": 0, "held": 0}, name(who)
    assert not server_errors(server), server_errors(server)
