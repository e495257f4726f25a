"""Fuzzing the office store's API from its own OpenAPI schema (schemathesis on Hypothesis):
no input, with or without a valid token, gives a 500, and a refused request changes nothing."""

from __future__ import annotations

import hashlib
import json
import os
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, select

from sync.server import accounts
from sync.server import schema as t
from sync.server.app import create_app
from sync.server.db import make_engine, migrate

EXAMPLES = int(os.environ.get("VELDWERK_FUZZ_EXAMPLES", "60"))
STATE: dict[str, Any] = {}


def _digest(engine: Engine) -> str:
    """Everything the server keeps, except the time a device was last seen and the count of
    failed logins (a refused login is counted on purpose: sync/server/throttle.py)."""
    h = hashlib.sha256()
    with engine.connect() as conn:
        for table in t.metadata.sorted_tables:
            if table is t.login_throttle:
                continue
            rows = [
                {k: v for k, v in r._mapping.items() if k != "last_seen_at"}
                for r in conn.execute(select(table).order_by(*table.primary_key.columns))
            ]
            h.update(json.dumps([table.name, rows], sort_keys=True, default=str).encode())
    return h.hexdigest()


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """One server per module (examples share it: each checks its own before/after)."""
    root = tmp_path_factory.mktemp("fuzz")
    url = f"sqlite:///{root / 'office.db'}"
    migrate(url)
    engine = make_engine(url)
    with engine.begin() as conn:
        accounts.create_team(conn, "Dementie")
        accounts.create_account(conn, "anna", "Anna", "correct horse battery staple")
        accounts.add_member(conn, "Dementie", "anna")
        _device, token, _name = accounts.enrol(conn, "laptop", "anna", "correct horse battery staple", None)
    STATE.update(engine=engine, token=token)
    loaded = schemathesis.openapi.from_asgi("/openapi.json", create_app(url, blob_dir=root / "blobs"))
    yield {op.ok().label: op.ok() for op in loaded.get_all_operations()}
    engine.dispose()


OPERATIONS = [
    "GET /v1/health",
    "GET /v1/sync/hello",
    "POST /v1/devices/enrol",
    "POST /v1/sync/push",
    "GET /v1/sync/pull",
    "POST /v1/blobs/{sha256}/uploads",
    "PATCH /v1/blobs/{sha256}/uploads/{upload_id}",
    "GET /v1/blobs/{sha256}",
    "GET /v1/frameworks",
    "GET /v1/sync/conflicts",
    "GET /v1/frameworks/{key}/{version}",
    "GET /v1/admin/conflicts",
    "GET /v1/admin/dead-letters",
    "POST /v1/admin/conflicts/{conflict_id}/close",
    "POST /v1/admin/dead-letters/{dead_letter_id}/close",
]


def test_the_schema_lists_every_operation(api: dict[str, Any]) -> None:
    assert sorted(api) == sorted(OPERATIONS)


@pytest.mark.parametrize("label", OPERATIONS)
def test_no_server_error_and_refusals_change_nothing(api: dict[str, Any], label: str) -> None:
    operation = api[label]

    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(case=operation.as_strategy(), authorised=st.booleans())
    def check(case: Any, authorised: bool) -> None:
        engine: Engine = STATE["engine"]
        before = _digest(engine)
        headers = {"Authorization": f"Bearer {STATE['token']}"} if authorised else {}
        response = case.call(headers=headers)
        assert response.status_code < 500, f"{label}: {response.status_code} {response.text[:300]}"
        if response.status_code >= 400:
            assert _digest(engine) == before, f"{label} -> {response.status_code} changed state"

    check()


def test_numbers_beyond_the_database_are_refused_at_the_edge(api: dict[str, Any]) -> None:
    """Found by the fuzzer: since=2**63 overflowed SQLite's INTEGER inside the query (a 500)."""
    from starlette.testclient import TestClient

    app = next(iter(api.values())).schema.app
    with TestClient(app) as client:
        headers = {"Authorization": f"Bearer {STATE['token']}"}
        for path in (
            "/v1/sync/pull?since=9223372036854775808",
            "/v1/sync/conflicts?since=9223372036854775808",
        ):
            response = client.get(path, headers=headers)
            assert response.status_code == 422, path
