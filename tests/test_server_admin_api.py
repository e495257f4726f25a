"""The admin API: conflicts and dead letters listed and closed with an admin's device token,
against a real server process on SQLite and PostgreSQL (403 for anyone else, 404 for an id
that is not there, 409 for closing twice)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import httpx
import pytest

from .admin_office import Office, populate, push
from .postgres import postgres_server, postgres_url
from .sync_harness import ServerProcess, office_server

__all__ = ["office_server", "postgres_server", "postgres_url"]  # fixtures, found by pytest here


@pytest.fixture
def office(server: ServerProcess) -> Office:
    return server.admin(populate)


@pytest.fixture
def client(server: ServerProcess) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.base, timeout=30) as c:
        yield c


def _as(office: Office, user: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {office.tokens[user]}"}


def test_an_admin_lists_and_closes_a_conflict_and_the_devices_no_longer_see_it(
    client: httpx.Client, office: Office
) -> None:
    admin = _as(office, "beheer")
    seen = client.get("/v1/sync/conflicts", headers=_as(office, "anna")).json()["conflicts"]
    assert [c["id"] for c in seen] == [office.conflict_id]  # a device involved sees it while open
    listed = client.get("/v1/admin/conflicts", headers=admin)
    assert listed.status_code == 200
    [conflict] = listed.json()["conflicts"]
    assert conflict["id"] == office.conflict_id and conflict["status"] == "open"
    assert (conflict["winner"], conflict["loser"]) == ("Zorggroep De Berk", "Zorggroep De Linde")
    assert conflict["loser_device_name"] == "laptop van Anna"

    closed = client.post(
        f"/v1/admin/conflicts/{office.conflict_id}/close",
        headers=admin,
        json={"note": "Bram's name is right"},
    )
    assert closed.status_code == 200, closed.text
    assert closed.json()["closed_by"] == "beheer" and closed.json()["close_note"] == "Bram's name is right"
    [after] = client.get("/v1/admin/conflicts", headers=admin).json()["conflicts"]
    assert (after["status"], after["closed_by"], after["note"]) == (
        "closed",
        "beheer",
        "Bram's name is right",
    )
    assert after["closed_at"] is not None
    assert client.get("/v1/admin/conflicts?open=true", headers=admin).json()["conflicts"] == []
    for user in ("anna", "bram"):  # closed: no longer listed to the devices involved
        answer = client.get("/v1/sync/conflicts", headers=_as(office, user)).json()
        assert answer["conflicts"] == []
    again = client.post(f"/v1/admin/conflicts/{office.conflict_id}/close", headers=admin)
    assert again.status_code == 409 and again.json()["error"] == "already_closed"
    [kept] = client.get("/v1/admin/conflicts", headers=admin).json()["conflicts"]
    assert kept["note"] == "Bram's name is right"  # the first closer's note stays


def test_an_admin_closes_a_dead_letter_and_a_new_refusal_opens_a_new_one(
    server: ServerProcess, client: httpx.Client, office: Office
) -> None:
    admin = _as(office, "beheer")
    [letter] = client.get("/v1/admin/dead-letters?open=true", headers=admin).json()["dead_letters"]
    assert (letter["id"], letter["reason"], letter["user"]) == (
        office.dead_letter_id,
        "unknown_table",
        "anna",
    )
    closed = client.post(f"/v1/admin/dead-letters/{office.dead_letter_id}/close", headers=admin)  # no body
    assert closed.status_code == 200 and closed.json()["status"] == "closed"
    assert client.get("/v1/admin/dead-letters?open=true", headers=admin).json()["dead_letters"] == []
    # the laptop sends that work again: refused again, as a new open dead letter
    mutation = {
        "tbl": "no_such_table",
        "id": str(uuid.uuid4()),
        "op": "upsert",
        "hlc": "1773306000000009.00000",
    }
    server.admin(lambda c: push(c, office.tokens["anna"], 3, mutation | {"fields": {}}))
    listed = client.get("/v1/admin/dead-letters", headers=admin).json()["dead_letters"]
    assert [d["status"] for d in listed] == ["closed", "open"]


def test_a_normal_user_is_refused_403(client: httpx.Client, office: Office) -> None:
    anna = _as(office, "anna")
    answers = [
        client.get("/v1/admin/conflicts", headers=anna),
        client.get("/v1/admin/dead-letters", headers=anna),
        client.post(f"/v1/admin/conflicts/{office.conflict_id}/close", headers=anna, json={"note": "mine"}),
        client.post(f"/v1/admin/dead-letters/{office.dead_letter_id}/close", headers=anna),
    ]
    assert [a.status_code for a in answers] == [403] * 4
    assert {a.json()["error"] for a in answers} == {"forbidden"}
    admin = _as(office, "beheer")  # nothing was closed
    assert len(client.get("/v1/admin/conflicts?open=true", headers=admin).json()["conflicts"]) == 1
    assert len(client.get("/v1/admin/dead-letters?open=true", headers=admin).json()["dead_letters"]) == 1
    assert client.get("/v1/admin/conflicts").status_code == 401  # and no token at all: 401


def test_an_unknown_or_malformed_id_is_404(client: httpx.Client, office: Office) -> None:
    admin = _as(office, "beheer")
    for kind in ("conflicts", "dead-letters"):
        for bad in (str(uuid.uuid4()), "not-an-id", office.devices["anna"]):
            answer = client.post(f"/v1/admin/{kind}/{bad}/close", headers=admin, json={"note": None})
            assert answer.status_code == 404, (kind, bad, answer.text)
            assert answer.json()["error"] == "not_found"
    too_long = client.post(
        f"/v1/admin/conflicts/{office.conflict_id}/close", headers=admin, json={"note": "x" * 5000}
    )
    assert too_long.status_code == 422
    assert client.get("/v1/admin/conflicts?limit=0", headers=admin).status_code == 422
