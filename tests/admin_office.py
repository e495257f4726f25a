"""An office store with something to administer: an admin and two inspectors in a team, a
laptop each, one real conflict (two laptops set one organisation's name at once) and one
dead letter (a refused mutation), all made by the real push."""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select

from sync.protocol import Mutation, PushRequest
from sync.server import accounts, records
from sync.server import schema as t

PASSWORD = "correct horse battery staple"
INSPECTION = "0190a1b2-0000-7000-8000-00000000abcd"


@dataclass
class Office:
    tokens: dict[str, str]  # user -> its laptop's bearer token
    devices: dict[str, str]  # user -> its laptop's device id
    organisation: str
    conflict_id: str
    dead_letter_id: str


def push(conn: Connection, token: str, seq: int, mutation: dict[str, Any]) -> None:
    caller = accounts.authenticate(conn, token)
    assert caller is not None
    m = Mutation.model_validate({"client_seq": seq, **mutation})
    req = PushRequest(
        device_id=caller.device_id,
        epoch=caller.epoch,
        first_client_seq=seq,
        last_client_seq=seq,
        mutations=[m],
    )
    digest = hashlib.sha256(json.dumps(req.model_dump(), sort_keys=True).encode()).hexdigest()
    records.push(conn, caller, req, digest)


def populate(conn: Connection) -> Office:
    accounts.create_team(conn, "Dementie")
    for name, is_admin in (("beheer", True), ("anna", False), ("bram", False)):
        accounts.create_account(conn, name, name.title(), PASSWORD, is_admin)
        accounts.add_member(conn, "Dementie", name)
    accounts.grant(conn, INSPECTION, "Dementie")
    tokens, devices = {}, {}
    for name in ("beheer", "anna", "bram"):
        device_id, token, _ = accounts.enrol(conn, f"laptop van {name.title()}", name, PASSWORD, None)
        tokens[name], devices[name] = token, device_id
    org = str(uuid.uuid4())
    # both from base 0: bram's edit is concurrent with anna's, and wins on its later clock
    for user, value, hlc in (
        ("anna", "Zorggroep De Linde", "1773306000000000.00000"),
        ("bram", "Zorggroep De Berk", "1773306000000001.00000"),
    ):
        upsert = {"tbl": "organisation", "id": org, "op": "upsert", "hlc": hlc}
        stamps = {"created_at": {"v": "2026-03-12T09:00:00Z"}, "updated_at": {"v": "2026-03-12T09:00:00Z"}}
        push(conn, tokens[user], 1, upsert | {"fields": {"name": {"v": value}} | stamps})
    refused = {
        "tbl": "no_such_table",
        "id": str(uuid.uuid4()),
        "op": "upsert",
        "hlc": "1773306000000002.00000",
    }
    push(conn, tokens["anna"], 2, refused | {"fields": {}})
    conflict_id = conn.execute(select(t.sync_conflict.c.id)).scalar_one()
    dead_letter_id = conn.execute(select(t.sync_rejection.c.id)).scalar_one()
    return Office(tokens, devices, org, str(conflict_id), str(dead_letter_id))
