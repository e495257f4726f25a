"""The floor of sync-blob: bytes over a loopback socket into a file, fsynced per 8 MiB.

    python -m bench.sync_sink FOLDER    (prints its port; a zero-length send stops it)

Each connection sends an 8-byte big-endian length and then the bytes; the sink writes
them to ``FOLDER/sink.part`` in 8 MiB pieces, each followed by ``fsync`` (the server
fsyncs every chunk before answering), removes the file and answers one byte.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

PIECE = 8 * 1024 * 1024


def _fill(conn: socket.socket, view: memoryview) -> None:
    got = 0
    while got < len(view):
        n = conn.recv_into(view[got:])
        if n == 0:
            raise ConnectionError("sender went away")
        got += n


def serve(folder: Path) -> None:
    buffer = memoryview(bytearray(PIECE))
    with socket.create_server(("127.0.0.1", 0)) as server:
        print(server.getsockname()[1], flush=True)
        while True:
            conn, _ = server.accept()
            with conn:
                header = memoryview(bytearray(8))
                _fill(conn, header)
                left = int.from_bytes(header, "big")
                if left == 0:
                    return
                part = folder / "sink.part"
                with part.open("wb") as f:
                    while left:
                        piece = buffer[: min(PIECE, left)]
                        _fill(conn, piece)
                        f.write(piece)
                        f.flush()
                        os.fsync(f.fileno())
                        left -= len(piece)
                part.unlink()
                conn.sendall(b"k")


class Sink:
    """The sink as a child process (like the server under test, another process)."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        cmd = [sys.executable, "-m", "bench.sync_sink", str(folder)]
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, cwd=Path(__file__).resolve().parent.parent)
        assert self.proc.stdout is not None
        self.port = int(self.proc.stdout.readline())

    def copy(self, data: bytes) -> float:
        """Seconds from connecting until the sink has every byte on disk."""
        started = time.perf_counter()
        with socket.create_connection(("127.0.0.1", self.port)) as conn:
            conn.sendall(len(data).to_bytes(8, "big"))
            conn.sendall(data)
            if conn.recv(1) != b"k":
                raise ConnectionError("sink did not confirm")
        return time.perf_counter() - started

    def close(self) -> None:
        try:
            with socket.create_connection(("127.0.0.1", self.port)) as conn:
                conn.sendall(bytes(8))
            self.proc.wait(10)
        except (OSError, subprocess.TimeoutExpired):
            self.proc.kill()
            self.proc.wait(5)


if __name__ == "__main__":
    serve(Path(sys.argv[1]))
