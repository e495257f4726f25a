"""A push leaves nothing for the garbage collector: its batch (every record and mutation it held)
is freed when the push returns, by reference counting alone.

A batch that referred to itself (its merge held one of its bound methods) lived on until the
next collection of an older generation, and every collection before that swept its
thousands of objects again: 12 µs of the office's CPU per pushed change (sync/gc_tuning.py).
"""

from __future__ import annotations

import gc
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from sync.server import app, merge, records

from .team_office import team_office
from .test_adversary_push import valid_fields

RECORDS = 20


@pytest.fixture()
def no_collection() -> Iterator[None]:
    """Automatic collection off: what a push leaves behind stays where ``gc`` can see it."""
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _batch(first: int, ids: list[str], fields: dict[str, Any], base: int) -> dict[str, Any]:
    hlc = f"{int(time.time() * 1000):016d}.00000"
    mutations = [
        {
            "client_seq": first + n,
            "tbl": "organisation",
            "id": record_id,
            "op": "upsert",
            "hlc": hlc,
            "fields": {f: {"v": v, "base": base} for f, v in fields.items()},
        }
        for n, record_id in enumerate(ids)
    ]
    last = first + len(ids) - 1
    return {"epoch": 1, "first_client_seq": first, "last_client_seq": last, "mutations": mutations}


def _left(kind: type) -> list[Any]:
    return [o for o in gc.get_objects() if isinstance(o, kind)]


def test_a_push_frees_its_batch_without_the_collector(tmp_path: Path, no_collection: None) -> None:
    url, (code,) = team_office(tmp_path, ["anna"])

    ids = [str(uuid.uuid4()) for _ in range(RECORDS)]
    whole = {**valid_fields("organisation", {}, 0, ""), "deleted_at": None}
    with TestClient(app.create_app(url)) as client:
        device = client.post("/v1/devices/enrol", json={"device_name": "laptop", "code": code}).json()
        headers = {"Authorization": f"Bearer {device['token']}"}
        made = client.post(
            "/v1/sync/push",
            json={"device_id": device["device_id"], **_batch(1, ids, whole, 0)},
            headers=headers,
        )
        assert made.status_code == 200, made.text
        assert {r["status"] for r in made.json()["results"]} == {"applied"}
        assert _left(records._Batch) == [] and _left(merge.Held) == []

        # an edit of stored records (loaded, merged against their revisions) frees them too
        rev = made.json()["records"][0]["rev"]
        edit = _batch(RECORDS + 1, ids, {"name": "De Linde, locatie Noord"}, rev)
        edited = client.post(
            "/v1/sync/push", json={"device_id": device["device_id"], **edit}, headers=headers
        )
        assert edited.status_code == 200, edited.text
        assert {r["status"] for r in edited.json()["results"]} == {"applied"}
        assert _left(records._Batch) == [] and _left(merge.Held) == []
