"""The laptop's HTTP client against a server that drops a kept-alive connection: idempotent
calls are sent again once on a fresh connection; enrolment is not (it could make a second
device)."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator

import pytest

from sync.protocol import MAX_PULL_CHANGES, EnrolRequest
from sync.transport import Offline, Transport

PAGE = json.dumps({"changes": [], "next": 7, "has_more": False, "server_time": "2026-11-23T10:00:00Z"})


class DroppingServer:
    """Answers every request; on each connection, the request after the first is read and
    then the connection is closed without an answer (a keep-alive timeout racing a reuse)."""

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.requests: list[str] = []
        self.connections = 0
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.connections += 1
            threading.Thread(target=self._talk, args=(conn,), daemon=True).start()

    def _read(self, conn: socket.socket) -> str | None:
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = conn.recv(65536)
            if not chunk:
                return None
            data += chunk
        head, _, body = data.partition(b"\r\n\r\n")
        length = next(
            (
                int(line.split(b":")[1])
                for line in head.split(b"\r\n")
                if line.lower().startswith(b"content-length")
            ),
            0,
        )
        while len(body) < length:
            body += conn.recv(65536)
        line = head.split(b"\r\n")[0].decode()
        self.requests.append(line)
        return line

    def _talk(self, conn: socket.socket) -> None:
        with conn:
            if self._read(conn) is None:
                return
            body = PAGE.encode()
            head = f"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
            conn.sendall(head.encode() + body)
            self._read(conn)  # the next request on this connection: dropped unanswered

    def close(self) -> None:
        self.sock.close()


@pytest.fixture
def server() -> Iterator[DroppingServer]:
    s = DroppingServer()
    yield s
    s.close()


def test_a_dropped_keep_alive_connection_is_retried_once(server: DroppingServer) -> None:
    transport = Transport(f"http://127.0.0.1:{server.port}", "token")
    try:
        assert transport.pull(0).next == 7
        assert transport.pull(7).next == 7  # reused connection dropped, sent again on a new one
    finally:
        transport.close()
    assert [r.split("?")[0] for r in server.requests] == ["GET /v1/sync/pull"] * 3
    assert server.connections == 2


def test_enrolment_is_not_sent_twice(server: DroppingServer) -> None:
    transport = Transport(f"http://127.0.0.1:{server.port}")
    request = EnrolRequest(device_name="laptop", username="anna", password="een lang wachtwoord", code=None)
    try:
        transport.pull(0)  # opens the connection the enrolment will reuse
        with pytest.raises(Offline):
            transport.enrol(request)
    finally:
        transport.close()
    assert [r.split(" ")[1] for r in server.requests] == [
        f"/v1/sync/pull?since=0&limit={MAX_PULL_CHANGES}",
        "/v1/devices/enrol",
    ]
