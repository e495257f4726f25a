"""An office process applies at most ``PUSH_SLOTS`` pushes at once; the others wait in the event
loop, holding no thread (sync/server/app.py, decision 0024). Many laptops pushing at once are
all answered, the bound is reached (pushes do run side by side) and never passed."""

from __future__ import annotations

import threading
import time
import uuid
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from sync.server import app

from .team_office import team_office

LAPTOPS = 6


def _push(device_id: str) -> dict[str, Any]:
    """One mutation the office refuses (a field no table has): a whole push all the same."""
    mutation = {
        "client_seq": 1,
        "tbl": "organisation",
        "id": str(uuid.uuid4()),
        "op": "upsert",
        "hlc": "1765000000000000.00000",
        "fields": {"no_such_field": {"v": "x", "base": 0}},
    }
    return {"device_id": device_id, "epoch": 1, "first_client_seq": 1, "last_client_seq": 1, "mutations": [mutation]}


def test_pushes_are_applied_at_most_push_slots_at_a_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    url, codes = team_office(tmp_path, [f"user{n}" for n in range(LAPTOPS)])

    lock, running, most = threading.Lock(), [0], [0]
    real_apply = app._retried  # a push's work in its thread: its transaction, retried once

    def slow_apply(*args: Any) -> Any:  # long enough that every request arrives while others run
        with lock:
            running[0] += 1
            most[0] = max(most[0], running[0])
        try:
            time.sleep(0.3)
            return real_apply(*args)
        finally:
            with lock:
                running[0] -= 1

    monkeypatch.setattr(app, "_retried", slow_apply)
    office = app.create_app(url)
    answers: list[tuple[int, str]] = []
    with TestClient(office) as client:
        devices = []
        for n, code in enumerate(codes):
            enrolled = client.post("/v1/devices/enrol", json={"device_name": f"laptop{n}", "code": code})
            assert enrolled.status_code == 200, enrolled.text
            devices.append(enrolled.json())

        def push(device: dict[str, Any]) -> None:
            headers = {"Authorization": f"Bearer {device['token']}"}
            answer = client.post("/v1/sync/push", json=_push(device["device_id"]), headers=headers)
            answers.append((answer.status_code, answer.json()["results"][0]["status"]))

        threads = [threading.Thread(target=push, args=(d,)) for d in devices]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
    app.dispose(office)
    assert answers == [(200, "rejected")] * LAPTOPS  # checked here: a thread's assert fails no test
    assert most[0] == app.PUSH_SLOTS
