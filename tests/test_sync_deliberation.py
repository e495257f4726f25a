"""Deliberation records through a real office store (own process, on SQLite and on a real
PostgreSQL the tests start): texts kept one item per line merge three-way, so two
colleagues' additions to a trajectory's conditions or an overleg's participants are both
kept; a concurrent change of account holder keeps both rows; a hostile deliberation record is
refused by the office with a reason."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from inspectorapp.domain.enums import DeliberationKind, TrajectoryKind
from storage import models as m

from . import helpers
from .postgres import postgres_server, postgres_url
from .sync_harness import Laptop, ServerProcess, laptops, office_server, table_rows, team
from .test_adversary_push import Mallory, mutation, results

__all__ = ["office_server", "postgres_server", "postgres_url"]  # fixtures, found by pytest in this namespace


@pytest.fixture
def pair(server: ServerProcess, tmp_path: Path) -> Iterator[tuple[Laptop, Laptop]]:
    team(server, "Ziekenhuizen", "anna", "bram", "mallory")
    a, b = laptops(server, tmp_path, "anna", "bram")
    a.enrol("anna")
    b.enrol("bram")
    yield a, b
    a.close()
    b.close()


def _edit(laptop: Laptop, model: type[m.Base], rid: str, **values: object) -> None:
    def change(s: Session) -> None:
        row = s.get(model, rid)
        assert row is not None
        for key, value in values.items():
            setattr(row, key, value)

    laptop.db(change)


def test_line_texts_of_trajectories_and_overleg_keep_both_colleagues_additions(
    pair: tuple[Laptop, Laptop],
) -> None:
    a, b = pair
    org = a.db(lambda s: helpers.organisation(s, a.ctx, "Ziekenhuis Oost"))
    first = "Teleconsult IC binnen 20 minuten"
    trajectory = m.Trajectory(
        organisation_id=org,
        kind=TrajectoryKind.INTENSIFIED,
        started_on=date(2026, 2, 1),
        rationale="Fusiefase maakt de governance kwetsbaar.",
        conditions=first,
    )
    overleg = m.Deliberation(
        kind=DeliberationKind.MDO, held_on=date(2026, 3, 1), title="MDO", participants="anna"
    )
    tid = a.db(lambda s: (s.add(trajectory), s.flush(), trajectory.id)[-1])
    did = a.db(lambda s: (s.add(overleg), s.flush(), overleg.id)[-1])
    a.sync()
    b.sync()
    _edit(a, m.Trajectory, tid, conditions=f"{first}\nGeen opname zonder intensivist in consult")
    _edit(b, m.Trajectory, tid, conditions=f"Omleidingen binnen een week geanalyseerd\n{first}")
    _edit(a, m.Deliberation, did, participants="anna\ncarla")
    _edit(b, m.Deliberation, did, participants="bram\nanna")
    a.sync()
    b.sync()
    a.sync()
    for laptop in (a, b):
        with laptop.store.session() as s:
            row = s.get(m.Trajectory, tid)
            meeting = s.get(m.Deliberation, did)
            assert row is not None and meeting is not None
            assert row.conditions.splitlines() == [
                "Omleidingen binnen een week geanalyseerd",
                first,
                "Geen opname zonder intensivist in consult",
            ], laptop.name
            assert sorted(meeting.participants.splitlines()) == ["anna", "bram", "carla"], laptop.name
    assert table_rows(a, m.Trajectory) == table_rows(b, m.Trajectory)


def test_a_change_of_account_holder_on_two_laptops_keeps_both(pair: tuple[Laptop, Laptop]) -> None:
    a, b = pair
    org = a.db(lambda s: helpers.organisation(s, a.ctx, "Ziekenhuis Oost"))
    a.sync()
    b.sync()
    a.db(
        lambda s: s.add(
            m.AccountHolder(organisation_id=org, holder="Inspecteur Jansen", since=date(2026, 5, 1))
        )
    )
    b.db(
        lambda s: s.add(
            m.AccountHolder(organisation_id=org, holder="Inspecteur de Wit", since=date(2026, 5, 1))
        )
    )
    a.sync()
    b.sync()
    a.sync()
    rows = table_rows(a, m.AccountHolder)
    assert rows == table_rows(b, m.AccountHolder) and len(rows) == 2


def test_hostile_deliberation_records_are_refused_with_a_reason(server: ServerProcess) -> None:
    team(server, "Ziekenhuizen", "mallory")
    mallory = Mallory(server.base)
    stamp = {"created_at": "2026-03-12T09:00:00.000Z", "updated_at": "2026-03-12T09:00:00.000Z"}
    org = str(uuid.uuid4())
    (res,) = results(mallory.push([mutation("organisation", org, {"name": "Ziekenhuis Oost", **stamp})]))
    assert res["status"] == "applied"
    decision = {"organisation_id": org, "rationale": "Geen risico", "decided_on": "2026-01-01"}
    trajectory = {
        "kind": "verscherpt",
        "started_on": "2026-01-01",
        "rationale": "x",
        "conditions": "",
        "board_informed": False,
    }
    bad = [
        ("network_id,organisation_id:out_of_range", ("decision", {**decision, "organisation_id": None})),
        ("action_type,return_on:out_of_range", ("decision", decision)),  # neither a type nor a date
        ("unknown_code", ("decision", {**decision, "action_type": "<script>"})),
        ("network_id,organisation_id:out_of_range", ("trajectory", trajectory)),  # about nothing
        ("kind:invalid_choice", ("deliberation", {"kind": "borrel", "held_on": "2026-01-01", "title": "x"})),
        (
            "holder:too_long",
            (
                "account_holder",
                {"organisation_id": org, "holder": "x" * 500, "since": "2026-01-01"},
            ),
        ),
    ]
    pushed = [mutation(tbl, str(uuid.uuid4()), {**fields, **stamp}) for _, (tbl, fields) in bad]
    answer = results(mallory.push(pushed))
    assert [r["status"] for r in answer] == ["rejected"] * len(bad), answer
    for (expected, _), res in zip(bad, answer, strict=True):
        assert res["reason"].endswith(expected), (expected, res["reason"])
