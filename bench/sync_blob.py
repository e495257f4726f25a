"""sync-blob: a large attachment uploaded with ``blob_sync.upload_one`` in 8 MiB chunks.

Floor: a raw loopback socket copy of the same bytes into a file, fsynced per 8 MiB, with the
hashes the protocol computes (``bench/sync_sink.py``), interleaved with the uploads after one
discarded warm-up of each. Budget (DESIGN.md): at least half the floor's throughput.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import time
from pathlib import Path

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from inspectorapp.blob_sync import CHUNK, upload_one
from sync.protocol import EnrolRequest
from sync.server import accounts
from sync.transport import Transport

from .common import Result, median, percentile
from .sync import BLOB_RUNS, DEFAULT_BLOB_MB, _load, _s
from .sync_env import Office
from .sync_sink import Sink


def _mbps(size: int, seconds: float) -> str:
    return f"{size / seconds / 1e6:,.0f} MB/s"


def _hash_seconds(data: bytes) -> float:
    started = time.perf_counter()
    hashlib.sha256(data).hexdigest()
    return time.perf_counter() - started


def _seal_seconds(data: bytes) -> float:
    """AES-256-GCM of ``data`` in 8 MiB segments: the server's encryption at rest, not in the floor."""
    aead = AESGCM(AESGCM.generate_key(bit_length=256))
    started = time.perf_counter()
    for offset in range(0, len(data), CHUNK):
        aead.encrypt(os.urandom(12), data[offset : offset + CHUNK], None)
    return time.perf_counter() - started


def run_blob(mb: int = DEFAULT_BLOB_MB, runs: int = BLOB_RUNS) -> Result:
    size = mb * 1_000_000
    body = os.urandom(size)
    with tempfile.TemporaryDirectory(prefix="veldwerk-bench-sync-") as tmp, Office(Path(tmp)) as office:
        office.team("Blob", ["anna"], password=None)
        code = office.admin(lambda c: accounts.enrolment_code(c, "anna"))
        answer = Transport(office.base).enrol(
            EnrolRequest(device_name="bench blob", username=None, password=None, code=code)
        )
        transport = Transport(office.base, answer.token)
        sink = Sink(office.blobs / "floor")
        uploads: list[float] = []
        floors: list[float] = []
        try:
            for run in range(runs + 1):  # run 0 warms up both
                data = run.to_bytes(8, "big") + body[8:]  # a new file each run (the same would be skipped)
                sha = hashlib.sha256(data).hexdigest()
                floor_s = sink.copy(data, sha)
                started = time.perf_counter()
                upload_one(transport, sha, data, CHUNK)
                upload_s = time.perf_counter() - started
                (stored,) = office.blobs.rglob("*.vwb")  # keyed name, encrypted per chunk (decision 0006)
                if stored.stat().st_size <= size:
                    raise AssertionError(f"stored {stored.stat().st_size} bytes of {size}")
                stored.unlink()
                if run:
                    uploads.append(upload_s)
                    floors.append(floor_s)
        finally:
            sink.close()
            transport.close()
        hash_s = _hash_seconds(body)
        seal_s = _seal_seconds(body)
        log_errors = office.server_errors()

    up, fl = median(uploads), median(floors)
    chunks = -(-size // CHUNK)
    print(
        f"  file: {size / 1e6:,.0f} MB, {chunks} chunks of {CHUNK // 2**20} MiB; "
        f"sha256 here {_mbps(size, hash_s)}, so the 3 hashes of an upload (client per chunk, server per "
        f"chunk, server whole file) take {_s(3 * hash_s)} of CPU (the floor does them too); AES-GCM here "
        f"{_mbps(size, seal_s)} (the server's encryption at rest, not in the floor)"
    )
    floor_label = "floor, socket → file + fsync per 8 MiB, hashed as the protocol hashes"
    for label, samples in (("upload_one", uploads), (floor_label, floors)):
        each = ", ".join(_mbps(size, s) for s in samples)
        slow = percentile(samples, 95)
        print(
            f"  {label}, {len(samples)} runs after a warm-up: {each} "
            f"(p50 {_mbps(size, median(samples))}, p95 {_mbps(size, slow)})"
        )
    print(f"  {_load()}")
    if log_errors:
        print(f"  server log: {len(log_errors)} error lines, first: {log_errors[0]}")
    return Result(
        name="sync-blob",
        measured=f"{_mbps(size, up)} ({size / 1e6:,.0f} MB in {_s(up)})",
        baseline=f"hashed socket copy {_mbps(size, fl)}",
        ratio=up / fl,
        budget="≥ 50 % of the socket copy's MB/s (time ≤ 2×)",
        passed=not log_errors and up <= 2 * fl,
    )
