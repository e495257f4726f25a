"""SIGKILL the real app while it types: every paragraph confirmed saved is there."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from inspectorapp.paths import app_paths
from inspectorapp.services import demo
from inspectorapp.store_access import create_store, open_store
from storage import models as m

from .conftest import PASSPHRASE, ROOT

pytestmark = pytest.mark.slow


def test_kill_during_typing_loses_nothing_confirmed(tmp_path: Path, ctx) -> None:
    home = tmp_path / "home"
    paths = app_paths(home).ensure()
    store = create_store(paths.store_file, PASSPHRASE)
    with store.transaction() as s:
        demo.load_demo(s, ctx)
    with store.session() as s:
        visit_id = s.scalar(select(m.Visit.id).order_by(m.Visit.visit_date).limit(1))
    store.close()
    runs = int(os.environ.get("VELDWERK_KILL_RUNS", "6"))
    rng = random.Random(int(os.environ.get("VELDWERK_KILL_SEED", "7")))
    confirmed: dict[str, str] = {}
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    for run in range(runs):
        proc = subprocess.Popen(
            [sys.executable, "-m", "tests.procs.typing_app", str(home), PASSPHRASE, visit_id, str(run)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            encoding="utf-8",
        )
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "READY"
        lines: list[str] = []
        reader = threading.Thread(target=lines.extend, args=(proc.stdout,), daemon=True)
        reader.start()
        deadline = time.monotonic() + 20
        while not any(ln.startswith("SAVED ") for ln in list(lines)) and time.monotonic() < deadline:
            time.sleep(0.02)  # typing has produced at least one confirmed save ...
        time.sleep(rng.uniform(0.0, 1.5))  # ... then kill at a random moment
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
        reader.join(10)
        lines = [ln for ln in lines if ln.startswith("SAVED ") and ln.endswith("\n")]  # complete lines only
        assert lines, f"run {run}: no save confirmed within 20 s"
        for line in lines:
            entry = json.loads(line[len("SAVED ") :])
            confirmed[entry["id"]] = entry["text"]
        reopened = open_store(paths.store_file, PASSPHRASE)
        assert reopened.integrity_check() == "ok"
        with reopened.session() as s:
            stored = dict(
                s.execute(
                    select(m.NoteParagraph.id, m.NoteParagraph.text).where(
                        m.NoteParagraph.id.in_(list(confirmed))
                    )
                ).all()
            )
        reopened.close()
        for pid, text in confirmed.items():
            assert pid in stored, f"run {run}: confirmed paragraph {pid} missing"
            assert stored[pid].startswith(text), f"run {run}: {pid} lost typed text"
    assert len(confirmed) >= 2
