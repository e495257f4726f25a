"""``GET /metrics`` of a real office store process (SQLite and PostgreSQL) while real laptops
sync: each device's last sync, its upload backlog and open dead letters, refused mutations
counted by reason, open conflicts, request latency histograms per route template; and who
may read it (only a request bearing the metrics token; off without one)."""

from __future__ import annotations

import hashlib
import json
import os
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import Connection, select, update

from inspectorapp.services import notes
from sync import gc_tuning
from sync.server import schema as t
from sync.server.cli import main as server_main

from . import helpers
from .postgres import postgres_server, postgres_url
from .sync_harness import PASSWORD, ServerProcess, add_note, laptops, office_url, team

__all__ = ["postgres_server", "postgres_url"]

TOKEN = "metrics-" + "k" * 32
Samples = dict[tuple[str, frozenset[tuple[str, str]]], float]


def scrape(server: ServerProcess, token: str | None = TOKEN) -> Samples:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    answer = httpx.get(server.base + "/metrics", headers=headers, timeout=30)
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"].startswith("text/plain; version=0.0.4")
    samples: Samples = {}
    for family in text_string_to_metric_families(answer.text):  # refuses a malformed exposition
        for s in family.samples:
            samples[(s.name, frozenset(s.labels.items()))] = s.value
    return samples


def value(samples: Samples, name: str, **labels: str) -> float | None:
    return samples.get((name, frozenset(labels.items())))


def series(samples: Samples, name: str) -> dict[frozenset[tuple[str, str]], float]:
    return {labels: v for (n, labels), v in samples.items() if n == name}


@pytest.fixture(params=["sqlite", "postgresql"], name="server")
def metered_server(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[ServerProcess]:
    token_file = tmp_path / "metrics.token"
    token_file.write_text(TOKEN + "\n", "utf-8")
    proc = ServerProcess(
        office_url(request, tmp_path), tmp_path / "server.log", "--metrics-token-file", str(token_file)
    )
    proc.start()
    yield proc
    proc.kill()


class ByHand:
    """An enrolled device that pushes what an honest laptop never would."""

    def __init__(self, base: str, username: str) -> None:
        self.http = httpx.Client(base_url=base, timeout=30)
        body = {"device_name": "by-hand", "username": username, "password": PASSWORD}
        answer = self.http.post("/v1/devices/enrol", json=body).json()
        self.device_id, self.hwm = answer["device_id"], 0
        self.http.headers["Authorization"] = f"Bearer {answer['token']}"

    def push(self, *mutations: dict[str, Any]) -> list[dict[str, Any]]:
        first = self.hwm + 1
        body = {
            "device_id": self.device_id,
            "epoch": 1,
            "first_client_seq": first,
            "last_client_seq": first + len(mutations) - 1,
            "mutations": [{**m, "client_seq": first + n} for n, m in enumerate(mutations)],
        }
        answer = self.http.post("/v1/sync/push", content=json.dumps(body), headers={"Content-Type": "application/json"})
        assert answer.status_code == 200, answer.text
        self.hwm = body["last_client_seq"]
        return list(answer.json()["results"])


def bad(tbl: str, record_id: str, fields: dict[str, Any]) -> dict[str, Any]:
    hlc = f"{int(time.time() * 1000):016d}.00000"
    return {"tbl": tbl, "id": record_id, "op": "upsert", "hlc": hlc, "fields": {f: {"v": v} for f, v in fields.items()}}


def device_ids(server: ServerProcess) -> dict[str, str]:
    def read(conn: Connection) -> dict[str, str]:
        return {r.name: r.id for r in conn.execute(select(t.device.c.name, t.device.c.id))}

    return dict(server.admin(read))


def test_metrics_follow_the_fleet(server: ServerProcess, tmp_path: Path) -> None:
    team(server, "Dementie", "anna", "bram")
    a, b = laptops(server, tmp_path, "anna", "bram")
    try:
        a.enrol("anna")
        b.enrol("bram")
        ids = device_ids(server)
        before = scrape(server)
        # enrolled, never synced: no last-sync sample (not 1970), but the device is listed
        assert value(before, "veldwerk_device_last_sync_timestamp_seconds", device=ids["anna"], user="anna") is None
        assert value(before, "veldwerk_device_upload_backlog_bytes", device=ids["anna"], user="anna") == 0

        started = time.time()
        _org, conv = a.db(lambda s: helpers.conversation(s, a.ctx))
        nid = add_note(a, conv, "De kerngroep besluit vandaag over de wachtlijst.")
        a.sync()
        b.sync()
        synced = time.time()
        # a real conflict: the same words edited on both laptops
        a.db(lambda s: notes.update_text(s, a.ctx, nid, "Versie van Anna."))
        b.db(lambda s: notes.update_text(s, b.ctx, nid, "Versie van Bram."))
        a.sync()
        b.sync()

        # a device that sends mutations the office refuses, twice, and starts an upload it never ends
        mallory = ByHand(server.base, "bram")
        wrong = [bad("no_such_table", str(uuid.uuid4()), {"x": 1}), bad("note_paragraph", nid, {"colour": "red"})]
        assert [r["reason"] for r in mallory.push(*wrong)] == ["unknown_table", "unknown_field:colour"]
        assert [r["status"] for r in mallory.push(*wrong)] == ["rejected", "rejected"]
        sha = hashlib.sha256(b"never sent").hexdigest()
        started_upload = mallory.http.post(f"/v1/blobs/{sha}/uploads", json={"size": 5000})
        assert started_upload.status_code == 200, started_upload.text
        assert mallory.http.get("/v1/sync/hello", headers={"Authorization": "Bearer nonsense"}).status_code == 401

        after = scrape(server)
        for laptop, user in ((a, "anna"), (b, "bram")):
            seen = value(after, "veldwerk_device_last_sync_timestamp_seconds", device=ids[laptop.name], user=user)
            assert seen is not None and started - 2 <= seen <= time.time() + 2, (user, seen, started)
        assert value(after, "veldwerk_device_last_sync_timestamp_seconds", device=ids["anna"], user="anna") >= (
            synced - 2
        )
        # pushed: the by-hand device's last sync too; its backlog is the upload it owes
        assert value(after, "veldwerk_device_last_sync_timestamp_seconds", device=mallory.device_id, user="bram")
        assert value(after, "veldwerk_device_upload_backlog_bytes", device=mallory.device_id, user="bram") == 5000
        assert value(after, "veldwerk_device_upload_backlog_bytes", device=ids["anna"], user="anna") == 0
        assert value(after, "veldwerk_device_dead_letters_open", device=mallory.device_id, user="bram") == 2
        assert value(after, "veldwerk_device_dead_letters_open", device=ids["anna"], user="anna") == 0
        # counted each time it came, by reason prefix; open: one row per device, record and reason
        assert value(after, "veldwerk_rejected_mutations_total", reason="unknown_table") == 2
        assert value(after, "veldwerk_rejected_mutations_total", reason="unknown_field") == 2
        assert value(after, "veldwerk_dead_letters_open", reason="unknown_table") == 1
        assert value(after, "veldwerk_conflicts_open", kind="concurrent_update", review="true") == 1
        assert value(after, "veldwerk_database_up") == 1
        assert (value(after, "veldwerk_last_revision") or 0) >= 3

        # a dead letter closed (as an admin does) is no longer open; the counter never goes down
        server.admin(
            lambda c: c.execute(
                update(t.sync_rejection).where(t.sync_rejection.c.reason == "unknown_table").values(status="closed")
            )
        )
        mallory.push(bad("no_such_table", str(uuid.uuid4()), {"x": 1}))
        later = scrape(server)
        assert value(later, "veldwerk_rejected_mutations_total", reason="unknown_table") == 3
        assert value(later, "veldwerk_dead_letters_open", reason="unknown_table") == 1
        assert value(later, "veldwerk_device_dead_letters_open", device=mallory.device_id, user="bram") == 2

        # latencies: per route template (one label for every blob), method and status class
        name = "veldwerk_http_request_duration_seconds"
        pushes = value(later, name + "_count", method="POST", route="/v1/sync/push", status="2xx")
        assert pushes is not None and pushes >= 6  # anna 2, bram 1 (its first sync had nothing), by hand 3
        buckets = {
            float(dict(labels)["le"]): v
            for labels, v in series(later, name + "_bucket").items()
            if dict(labels)["route"] == "/v1/sync/push" and dict(labels)["status"] == "2xx"
        }
        assert len(buckets) >= 10 and buckets[float("inf")] == pushes
        counts = [buckets[le] for le in sorted(buckets)]
        assert counts == sorted(counts)  # cumulative
        assert value(later, name + "_count", method="POST", route="/v1/blobs/{sha256}/uploads", status="2xx") == 1
        assert value(later, name + "_count", method="GET", route="/v1/sync/hello", status="4xx") == 1
        assert not any(sha in dict(labels)["route"] for labels in series(later, name + "_count"))
        httpx.get(server.base + "/wp-login.php", timeout=10)
        assert value(scrape(server), name + "_count", method="GET", route="unmatched", status="4xx") == 1
    finally:
        a.close()
        b.close()


def _collector_tuned(samples: Samples) -> None:
    """The serving process set its garbage collector up (sync/gc_tuning.py)."""
    assert (value(samples, "veldwerk_process_gc_frozen_objects") or 0) > 10_000  # start-up's heap
    assert value(samples, "veldwerk_process_gc_threshold", generation="0") == gc_tuning.YOUNG


def test_the_serving_process_has_its_garbage_collector_tuned(server: ServerProcess) -> None:
    _collector_tuned(scrape(server))


def test_metrics_only_with_the_token(server: ServerProcess) -> None:
    # loopback is no pass: a TLS proxy on the same host forwards the internet from loopback
    for headers in ({}, {"Authorization": "Bearer wrong-token-of-some-length"}, {"Authorization": TOKEN}):
        answer = httpx.get(server.base + "/metrics", headers=headers, timeout=10)
        assert answer.status_code == 401 and answer.json() == {"error": "unauthenticated"}
        assert "veldwerk_" not in answer.text
    assert scrape(server)[("veldwerk_database_up", frozenset())] == 1


def test_metrics_off_without_a_token(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("VELDWERK_SERVER_METRICS_TOKEN", raising=False)
    server = ServerProcess(f"sqlite:///{tmp_path / 'office.db'}", tmp_path / "server.log")
    server.start()
    try:
        answer = httpx.get(server.base + "/metrics", headers={"Authorization": f"Bearer {TOKEN}"}, timeout=10)
        assert answer.status_code == 404 and answer.json() == {"error": "metrics_disabled"}
    finally:
        server.kill()


def test_token_from_the_environment_and_several_workers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The token from VELDWERK_SERVER_METRICS_TOKEN; with PROMETHEUS_MULTIPROC_DIR the latencies
    are kept in that folder (prometheus_client's multiprocess mode) and still scraped."""
    folder = tmp_path / "prometheus"
    folder.mkdir()
    monkeypatch.setenv("VELDWERK_SERVER_METRICS_TOKEN", TOKEN)
    monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", str(folder))
    server = ServerProcess(f"sqlite:///{tmp_path / 'office.db'}", tmp_path / "server.log")
    server.start()
    try:
        samples = scrape(server)
        assert value(samples, "veldwerk_http_request_duration_seconds_count", method="GET", route="/v1/health", status="2xx")
        assert value(samples, "veldwerk_database_up") == 1
        assert any(p.name.startswith("histogram_") for p in folder.iterdir())
        _collector_tuned(samples)
    finally:
        server.kill()


@pytest.mark.parametrize("token", ["short", ""])
def test_a_weak_token_file_is_refused_at_start(tmp_path: Path, token: str, capsys: pytest.CaptureFixture[str]) -> None:
    token_file = tmp_path / "metrics.token"
    token_file.write_text(token, "utf-8")
    url = f"sqlite:///{tmp_path / 'office.db'}"
    with pytest.raises(SystemExit) as stopped:
        server_main(["--db", url, "serve", "--metrics-token-file", str(token_file)])
    assert "metrics token" in str(stopped.value.code)
    assert not os.environ.get("PROMETHEUS_MULTIPROC_DIR")
