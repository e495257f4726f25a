"""Anki's own sync server, measured beside Veldwerk's in the same run: the budget of ``python -m bench sync``.

Needs PyPI ``anki`` (``pip install anki``, or ``pip install -e '.[bench]'``); without it the
benchmark prints why and measures Veldwerk alone. What runs:

- the server: ``python -m anki.syncserver`` as a child process on 127.0.0.1 (Rust; one user
  from ``SYNC_USER1``, its collection in a temp ``SYNC_BASE``), as Anki documents self-hosting;
- the client: Anki's own Python library (``anki.collection.Collection``, the Rust backend the
  desktop app syncs with). A first collection is seeded with one note and uploaded whole, and
  a second one downloads it (Anki's first sync of a collection is always a full one); both
  then sync incrementally, which is what is timed:
- push: the first collection gains N new notes (note type "Basic", the Front field holding
  the same JSON payload as the Veldwerk change of the same index, so the bytes per change
  match; each note brings its card), added outside the timing, then ``sync_collection``;
- pull: the second collection's ``sync_collection`` brings the N notes (and cards) down.

Checked: both syncs were incremental (no full sync), and the second collection holds N + 1
notes afterwards.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import httpx

if TYPE_CHECKING:
    from anki.collection import Collection

USER, PASSWORD = "bench", "bench password"
ADD_BATCH = 5_000  # notes per add_notes call while filling (outside the timing)
PAYLOAD_MEGS = 4096


def missing() -> str | None:
    """Why the Anki peer cannot run here, or None when it can."""
    if importlib.util.find_spec("anki") is None:
        return "PyPI 'anki' is not installed (pip install anki, or pip install -e '.[bench]')"
    return None


@dataclass(frozen=True)
class AnkiRun:
    notes: int
    push_s: float
    pull_s: float
    version: str

    @property
    def push_rate(self) -> float:
        return self.notes / self.push_s

    @property
    def pull_rate(self) -> float:
        return self.notes / self.pull_s


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class AnkiServer:
    """``python -m anki.syncserver`` as a child process on 127.0.0.1, stopped by ``close``."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.port = _free_port()
        self.endpoint = f"http://127.0.0.1:{self.port}/"
        self.log = folder / "anki-server.log"
        env = {
            **os.environ,
            "SYNC_USER1": f"{USER}:{PASSWORD}",
            "SYNC_BASE": str(folder / "server"),
            "SYNC_HOST": "127.0.0.1",
            "SYNC_PORT": str(self.port),
            "RUST_LOG": "anki=warn",  # a log line per request would cost the server time
            # Anki's documented self-hosting limit (default 100 MB): past it a collection can
            # only sync whole, and 100,000 notes of Veldwerk's payloads are ~80 MB plus cards
            "MAX_SYNC_PAYLOAD_MEGS": str(PAYLOAD_MEGS),
        }
        with self.log.open("ab") as out:
            cmd = [sys.executable, "-m", "anki.syncserver"]
            self.proc = subprocess.Popen(cmd, env=env, stdout=out, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and self.proc.poll() is None:
            try:
                if httpx.get(self.endpoint + "health", timeout=1).status_code == 200:
                    return
            except httpx.TransportError:
                time.sleep(0.1)
        self.close()
        raise RuntimeError(f"Anki's sync server did not start: {self.log.read_text()[-2000:]}")

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)


def _sync(col: Collection, auth: object, full_ok: bool) -> None:
    """One ``sync_collection``; a full upload or download only where ``full_ok`` (the first sync)."""
    from anki.sync_pb2 import SyncAuth, SyncCollectionResponse

    assert isinstance(auth, SyncAuth)
    required = SyncCollectionResponse.ChangesRequired
    out = col.sync_collection(auth, False)
    full = {required.FULL_SYNC: True, required.FULL_UPLOAD: True, required.FULL_DOWNLOAD: False}
    if out.required in full:
        if not full_ok:
            raise AssertionError(
                f"Anki asked for a full sync ({required.Name(out.required)}): not incremental"
            )
        col.close_for_full_sync()
        col.full_upload_or_download(auth=auth, server_usn=None, upload=full[out.required])
        col.reopen(after_full_sync=True)


def run_peer(payloads: list[str], folder: Path) -> AnkiRun:
    """Push ``len(payloads)`` new notes through Anki's server and pull them into a second collection."""
    from anki.buildinfo import version
    from anki.collection import AddNoteRequest, Collection
    from anki.decks import DeckId

    server = AnkiServer(folder)
    pusher = puller = None
    try:
        pusher = Collection(str(folder / "push.anki2"))
        puller = Collection(str(folder / "pull.anki2"))
        push_auth = pusher.sync_login(USER, PASSWORD, server.endpoint)
        pull_auth = puller.sync_login(USER, PASSWORD, server.endpoint)
        basic = pusher.models.by_name("Basic")
        if basic is None:
            raise RuntimeError("Anki's collection has no 'Basic' note type")
        deck = DeckId(pusher.decks.id("Default") or 1)
        seed = pusher.new_note(basic)
        seed["Front"] = "seed"
        pusher.add_note(seed, deck)
        _sync(pusher, push_auth, full_ok=True)  # the first sync of a collection is a full upload
        _sync(puller, pull_auth, full_ok=True)  # and a full download
        basic = pusher.models.by_name("Basic")  # reopened after the full sync
        assert basic is not None
        for i in range(0, len(payloads), ADD_BATCH):
            requests = []
            for text in payloads[i : i + ADD_BATCH]:
                note = pusher.new_note(basic)
                note["Front"] = text
                requests.append(AddNoteRequest(note=note, deck_id=deck))
            pusher.add_notes(requests)
        started = time.perf_counter()
        _sync(pusher, push_auth, full_ok=False)
        push_s = time.perf_counter() - started
        started = time.perf_counter()
        _sync(puller, pull_auth, full_ok=False)
        pull_s = time.perf_counter() - started
        if puller.note_count() != len(payloads) + 1:
            raise AssertionError(f"Anki pulled {puller.note_count() - 1} of {len(payloads)} notes")
    finally:
        for col in (pusher, puller):
            if col is not None:
                col.close()
        server.close()
    return AnkiRun(len(payloads), push_s, pull_s, str(version))
