"""The OpenAPI document states what the API really answers: the bearer scheme on every route
that needs a token, and every refusal (status, ``error`` code, Retry-After on 429) a route
gives. Every route of a real server process is walked with bad tokens, bodies past its limit,
bad bodies, queries and ids, and the refusals that need a state (a gap, a rewound device, a
wrong offset, a throttled login, a closed dead letter ...): each refusal must be documented
for its route, and each documented status is seen at least once (none is promised idly).
"""

from __future__ import annotations

import hashlib
import json
import re
import socket
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import Connection

from inspectorapp.services import notes
from sync.server import accounts, limits
from sync.server.app import create_app
from sync.server.cli import main as server_main
from sync.server.db import migrate

from . import helpers
from .sync_harness import PASSWORD, ServerProcess, add_note, laptops, team

SERVER = Path(__file__).resolve().parent.parent / "sync" / "server"
LITERAL_REFUSALS = (  # (status, error) written as literals in the server's modules
    re.compile(r'Refused\(\s*(?P<status>\d{3}),\s*"(?P<error>[a-z_]+)"'),
    re.compile(r'\{"error":\s*"(?P<error>[a-z_]+)"[^}]*\},\s*status_code=(?P<status>\d{3})'),
    re.compile(r'_retry_later\("(?P<error>[a-z_]+)",\s*(?P<status>\d{3})'),
)
NOT_IN_THE_API = {"metrics.py"}  # GET /metrics is for Prometheus, not laptops: README documents it


def operations(schema: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, ops in schema["paths"].items():
        for method, op in ops.items():
            yield method.upper(), path, op


@pytest.fixture(scope="module")
def app_schema(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, dict[str, Any]]:
    url = f"sqlite:///{tmp_path_factory.mktemp('openapi') / 'office.db'}"
    migrate(url)
    app = create_app(url)
    return app, app.openapi()


def test_bearer_scheme_on_every_route_that_needs_a_token(app_schema: tuple[Any, dict[str, Any]]) -> None:
    _app, schema = app_schema
    assert schema["components"]["securitySchemes"]["HTTPBearer"] == {
        "type": "http",
        "scheme": "bearer",
        "description": "the device token from enrolment",
    }
    for method, path, op in operations(schema):
        expected = [{"HTTPBearer": []}] if limits.needs_token(path) else None
        assert op.get("security") == expected, (method, path)
        assert not any(p["name"].lower() == "authorization" for p in op.get("parameters", [])), (method, path)


def test_every_route_has_its_refusals_documented(app_schema: tuple[Any, dict[str, Any]]) -> None:
    app, schema = app_schema
    documented = {(method, path) for method, path, _op in operations(schema)}
    assert documented == set(app.state.refusals), "a route without its refusals in openapi_docs (or gone)"
    for method, path, op in operations(schema):
        answers = op["responses"]
        assert "413" in answers, (method, path)
        assert ("401" in answers) == limits.needs_token(path) or path == "/v1/devices/enrol", (method, path)
        for status, answer in answers.items():
            if not status.startswith("4"):
                continue
            assert int(status) in app.state.refusals[(method, path)], (method, path, status)
            assert error_codes(answer), (method, path, status)
            assert ("Retry-After" in answer.get("headers", {})) == (status == "429")
    too_large = schema["components"]["schemas"]["RequestTooLarge"]
    assert too_large["required"] == ["error", "limit"]


def test_every_refusal_in_the_code_is_documented(app_schema: tuple[Any, dict[str, Any]]) -> None:
    """A refusal written anywhere in the server (a new ``Refused(...)``) must be in the document
    for some route: a new one fails here until openapi_docs (or admin_api) names it."""
    app, _schema = app_schema
    known = {(status, error) for refusals in app.state.refusals.values() for status, errors in refusals.items() for error in errors}
    found = set()
    for source in SERVER.glob("*.py"):
        if source.name in NOT_IN_THE_API:
            continue
        text = source.read_text("utf-8")
        for pattern in LITERAL_REFUSALS:
            found |= {(int(m["status"]), m["error"]) for m in pattern.finditer(text)}
    assert len(found) >= 20  # the patterns still find the refusals
    assert found - known == set()


def test_the_cli_writes_the_same_document(app_schema: tuple[Any, dict[str, Any]], tmp_path: Path) -> None:
    _app, schema = app_schema
    out = tmp_path / "openapi.json"
    assert server_main(["--db", f"sqlite:///{tmp_path / 'cli.db'}", "openapi", str(out)]) == 0
    assert json.loads(out.read_text("utf-8")) == json.loads(json.dumps(schema))


def error_codes(answer: dict[str, Any]) -> list[str]:
    schema = answer["content"]["application/json"]["schema"]
    if schema.get("$ref", "").endswith("/RequestTooLarge"):
        return ["request_too_large"]
    assert schema["allOf"][0] == {"$ref": "#/components/schemas/ErrorBody"}
    return list(schema["allOf"][1]["properties"]["error"]["enum"])


class Walker:
    """Every request through ``call``: a refusal must be documented for its route."""

    def __init__(self, server: ServerProcess) -> None:
        self.server = server
        self.schema = httpx.get(server.base + "/openapi.json", timeout=30).json()
        self.http = httpx.Client(base_url=server.base, timeout=30)
        self.seen: set[tuple[str, str, int]] = set()

    def enrol(self, username: str) -> dict[str, Any]:
        body = {"device_name": f"{username}-walk", "username": username, "password": PASSWORD}
        answer = self.call("POST", "/v1/devices/enrol", json=body)
        assert answer.status_code == 200, answer.text
        return dict(answer.json())

    def call(self, method: str, template: str, path: str | None = None, **kw: Any) -> httpx.Response:
        answer = self.http.request(method, path or template, **kw)
        self.check(method, template, answer.status_code, answer.content, answer.headers)
        return answer

    def check(self, method: str, template: str, status: int, body: bytes, headers: Any) -> None:
        assert status < 500, (method, template, body[:300])
        self.seen.add((method, template, status))
        if status < 400:
            return
        documented = self.schema["paths"][template][method.lower()]["responses"]
        assert str(status) in documented, f"{method} {template}: {status} {body[:200]!r} not documented"
        error = json.loads(body)["error"]
        assert error in error_codes(documented[str(status)]), f"{method} {template}: {status} {error}"
        if status == 429:
            assert int(headers["retry-after"]) >= 1

    def declared_too_large(self, method: str, template: str, path: str) -> None:
        """A Content-Length past every limit, no body sent: refused before any body is read."""
        with socket.create_connection(("127.0.0.1", self.server.port), timeout=20) as sock:
            head = f"{method} {path} HTTP/1.1\r\nHost: x\r\nContent-Length: {10**12}\r\n"
            sock.sendall((head + f"Authorization: Bearer {self.token}\r\nConnection: close\r\n\r\n").encode())
            answer = b""
            while chunk := sock.recv(65536):
                answer += chunk
        head_bytes, _, body = answer.partition(b"\r\n\r\n")
        status = int(head_bytes.split()[1])
        self.check(method, template, status, body, {})
        assert status == 413

    token = ""


def concrete(path: str, value: str) -> str:
    return re.sub(r"\{[a-z_0-9]+\}", value, path)


def push_body(device: str, first: int, last: int, seqs: list[int], epoch: int = 1) -> dict[str, Any]:
    hlc = f"{int(time.time() * 1000):016d}.00000"
    mutations = [{"client_seq": s, "tbl": "no_such_table", "id": str(uuid.uuid4()), "op": "upsert", "hlc": hlc, "fields": {}} for s in seqs]
    return {"device_id": device, "epoch": epoch, "first_client_seq": first, "last_client_seq": last, "mutations": mutations}


def test_every_answer_of_a_real_server_is_documented(tmp_path: Path) -> None:
    server = ServerProcess(f"sqlite:///{tmp_path / 'office.db'}", tmp_path / "server.log")
    server.start()
    try:
        team(server, "Dementie", "anna", "bram", "bram2", "gone", "locked")

        def admin(conn: Connection) -> None:
            accounts.create_account(conn, "root", "Root", PASSWORD, True)

        server.admin(admin)
        w = Walker(server)
        root = w.enrol("root")
        anna = w.enrol("anna")
        gone = w.enrol("gone")
        locked = w.enrol("locked")
        w.token = root["token"]
        as_root = {"Authorization": f"Bearer {root['token']}"}
        as_anna = {"Authorization": f"Bearer {anna['token']}"}

        # every route: no token, a wrong one, a body past any limit, bad JSON, bad ids and queries
        for method, template, _op in list(operations(w.schema)):
            for value in ("nope", "0" * 64, str(uuid.uuid4())):
                path = concrete(template, value)
                w.call(method, template, path)
                w.call(method, template, path, headers={"Authorization": "Bearer wrong"})
                w.call(method, template, path, headers=as_anna, params={"since": -1, "limit": 0})
                w.call(method, template, path, headers=as_anna, json={})
                w.call(method, template, path, headers={**as_root, "Content-Type": "application/json"}, content=b"{")
                w.call(method, template, path, headers=as_root, json={})
                w.call(method, template, path, headers=as_root, params={"since": 0, "limit": 5000})
            w.declared_too_large(method, template, concrete(template, "0" * 64))

        # push: each way a batch can be out of step with the office
        push = "/v1/sync/push"
        dev = root["device_id"]
        assert w.call("POST", push, headers=as_root, json=push_body(dev, 1, 1, [1])).status_code == 200
        assert w.call("POST", push, headers=as_root, json=push_body(anna["device_id"], 2, 2, [2])).status_code == 403
        assert w.call("POST", push, headers=as_root, json=push_body(dev, 2, 2, [2], epoch=9)).status_code == 409
        assert w.call("POST", push, headers=as_root, json=push_body(dev, 5, 5, [5])).status_code == 409  # gap
        assert w.call("POST", push, headers=as_root, json=push_body(dev, 1, 1, [1])).status_code == 409  # rewound
        assert w.call("POST", push, headers=as_root, json=push_body(dev, 2, 3, [3, 2])).status_code == 422

        # uploads: unknown, wrong offset, empty chunk, damaged chunk, a whole that is not its name
        data = b"the bytes of an attachment"
        sha = hashlib.sha256(data).hexdigest()
        start = w.call("POST", "/v1/blobs/{sha256}/uploads", f"/v1/blobs/{sha}/uploads", headers=as_root, json={"size": len(data)})
        upload = start.json()["upload_id"]
        chunk = "/v1/blobs/{sha256}/uploads/{upload_id}"

        def send(upload_id: str, offset: int, piece: bytes, digest: str | None = None) -> int:
            headers = {**as_root, "Upload-Offset": str(offset), "Chunk-Sha256": digest or hashlib.sha256(piece).hexdigest()}
            return w.call("PATCH", chunk, f"/v1/blobs/{sha}/uploads/{upload_id}", headers=headers, content=piece).status_code

        assert send(str(uuid.uuid4()), 0, data) == 404
        assert send(upload, 5, data) == 409
        assert send(upload, 0, b"") == 422
        assert send(upload, 0, data, "0" * 64) == 422
        assert send(upload, 0, data[::-1]) == 422  # file_digest_mismatch
        w.call("POST", "/v1/blobs/{sha256}/uploads", "/v1/blobs/nothex/uploads", headers=as_root, json={"size": 0})
        w.call("GET", "/v1/blobs/{sha256}", f"/v1/blobs/{sha}", headers=as_root)
        w.call("GET", "/v1/frameworks/{key}/{version}", "/v1/frameworks/nope/1", headers=as_root)

        # enrolment: a wrong password until the user name is throttled; a disabled account
        server.admin(lambda c: accounts.set_disabled(c, "locked", True))
        w.call("GET", "/v1/sync/hello", headers={"Authorization": f"Bearer {locked['token']}"})
        body = {"device_name": "x", "username": "locked", "password": PASSWORD}
        assert w.call("POST", "/v1/devices/enrol", json=body).status_code == 403
        server.admin(lambda c: accounts.revoke_device(c, gone["device_id"]))
        w.call("GET", "/v1/sync/hello", headers={"Authorization": f"Bearer {gone['token']}"})
        wrong = {"device_name": "x", "username": "bram", "password": "not the password at all"}
        statuses = [w.call("POST", "/v1/devices/enrol", json=wrong).status_code for _ in range(8)]
        assert statuses[0] == 401 and 429 in statuses

        # admin: a dead letter (the first push above left one) and a real conflict, each closed twice
        a, b = laptops(server, tmp_path, "anna", "bram")
        try:
            a.enrol("anna")
            b.enrol("bram2")
            _org, conv = a.db(lambda s: helpers.conversation(s, a.ctx))
            nid = add_note(a, conv, "De kerngroep besluit vandaag.")
            a.sync()
            b.sync()
            a.db(lambda s: notes.update_text(s, a.ctx, nid, "Versie van Anna."))
            b.db(lambda s: notes.update_text(s, b.ctx, nid, "Versie van Bram."))
            a.sync()
            b.sync()
        finally:
            a.close()
            b.close()
        for kind, key in (("dead-letters", "dead_letter_id"), ("conflicts", "conflict_id")):
            rows = w.call("GET", f"/v1/admin/{kind}", headers=as_root).json()[kind.replace("-", "_")]
            close = f"/v1/admin/{kind}/{{{key}}}/close"
            for expected in (200, 409):
                path = concrete(close, rows[0]["id"])
                assert w.call("POST", close, path, headers=as_root, json={"note": "seen"}).status_code == expected

        missing = {
            (method, template, int(status))
            for method, template, op in operations(w.schema)
            for status in op["responses"]
            if status.startswith("4")
        } - w.seen
        assert missing == set(), "documented but never seen: a refusal the walk lacks, or one promised idly"
    finally:
        server.kill()
