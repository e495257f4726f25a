"""The floor of sync-blob: bytes over a loopback socket into a file, fsynced per 8 MiB, hashed
as the upload protocol hashes them.

    python -m bench.sync_sink FOLDER    (prints its port; a zero-length send stops it)

What ``blob_sync.upload_one`` and the server's ``BlobStore.append`` hash, the floor hashes too,
so the ratio compares like with like: the sender computes each 8 MiB piece's SHA-256 (the
next piece's while the current one is on its way, as ``upload_one`` does) and sends it ahead
of the piece; the sink computes the piece's SHA-256 and checks it, grows the whole file's
SHA-256 (the two side by side on two threads, as the server does), writes the piece and
fsyncs (the server fsyncs every chunk before answering), and at the end checks the whole
file's hash against the one announced. The server's encryption at rest (AES-256-GCM per
chunk) and its PostgreSQL transaction per chunk are not in the floor: they are the product's
own work, and the benchmark prints their share.

Each connection sends an 8-byte big-endian length and the file's 32-byte SHA-256, then per
piece its 32-byte SHA-256 and its bytes; the sink writes them to ``FOLDER/sink.part``,
removes the file and answers ``k`` (or ``x`` when a hash did not match).
"""

from __future__ import annotations

import hashlib
import os
import socket
import subprocess
import sys
import time
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

PIECE = 8 * 1024 * 1024


def _fill(conn: socket.socket, view: memoryview) -> None:
    got = 0
    while got < len(view):
        n = conn.recv_into(view[got:])
        if n == 0:
            raise ConnectionError("sender went away")
        got += n


def _digest(piece: memoryview) -> bytes:
    return hashlib.sha256(piece).digest()


def _receive(
    conn: socket.socket, folder: Path, hashing: ThreadPoolExecutor, buffer: memoryview
) -> bool | None:
    """One file; None for the stop message, else whether every hash matched."""
    header = memoryview(bytearray(8 + 32))
    _fill(conn, header)
    left = int.from_bytes(header[:8], "big")
    if left == 0:
        return None
    whole, ok = hashlib.sha256(), True
    claimed = memoryview(bytearray(32))
    part = folder / "sink.part"
    with part.open("wb") as f:
        while left:
            _fill(conn, claimed)
            piece = buffer[: min(PIECE, left)]
            _fill(conn, piece)
            digest = hashing.submit(_digest, piece)  # hashlib lets go of the GIL: both at once
            grown = hashing.submit(whole.update, piece)
            ok = digest.result() == bytes(claimed) and ok
            grown.result()
            f.write(piece)
            f.flush()
            os.fsync(f.fileno())
            left -= len(piece)
    part.unlink()
    return ok and whole.digest() == bytes(header[8:])


def serve(folder: Path) -> None:
    buffer = memoryview(bytearray(PIECE))
    with socket.create_server(("127.0.0.1", 0)) as server, ThreadPoolExecutor(2) as hashing:
        print(server.getsockname()[1], flush=True)
        while True:
            conn, _ = server.accept()
            with conn:
                ok = _receive(conn, folder, hashing, buffer)
                if ok is None:
                    return
                conn.sendall(b"k" if ok else b"x")


class Sink:
    """The sink as a child process (like the server under test, another process)."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        cmd = [sys.executable, "-m", "bench.sync_sink", str(folder)]
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, cwd=Path(__file__).resolve().parent.parent)
        assert self.proc.stdout is not None
        self.port = int(self.proc.stdout.readline())

    def copy(self, data: bytes, sha: str) -> float:
        """Seconds from connecting until the sink has every byte on disk with its hashes checked.
        ``sha`` is the file's SHA-256, known beforehand as in the app (the store is content-addressed)."""
        view = memoryview(data)
        with ThreadPoolExecutor(1) as hashing:
            started = time.perf_counter()
            with socket.create_connection(("127.0.0.1", self.port)) as conn:
                conn.sendall(len(data).to_bytes(8, "big") + bytes.fromhex(sha))
                offsets = range(0, len(data), PIECE)
                nxt: Future[bytes] | None = hashing.submit(_digest, view[:PIECE])
                for offset in offsets:
                    assert nxt is not None
                    digest = nxt.result()
                    after = offset + PIECE
                    nxt = hashing.submit(_digest, view[after : after + PIECE]) if after < len(data) else None
                    conn.sendall(digest)
                    conn.sendall(view[offset:after])
                answer = conn.recv(1)
            seconds = time.perf_counter() - started
        if answer != b"k":
            raise ConnectionError(f"sink answered {answer!r}: a hash did not match")
        return seconds

    def close(self) -> None:
        try:
            with socket.create_connection(("127.0.0.1", self.port)) as conn:
                conn.sendall(bytes(8 + 32))
            self.proc.wait(10)
        except (OSError, subprocess.TimeoutExpired):
            self.proc.kill()
            self.proc.wait(5)


if __name__ == "__main__":
    serve(Path(sys.argv[1]))
