"""Changing the passphrase: the old one stops working, the new one opens everything, and a
kill at any moment leaves a store that opens with the old or the new passphrase."""

from __future__ import annotations

import hashlib
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from inspectorapp.errors import ValidationError, WrongPassphraseError
from inspectorapp.services import demo, search
from inspectorapp.store_access import change_passphrase, create_store, open_store, verify_passphrase
from storage import models as m

from .conftest import PASSPHRASE, ROOT

NEW = "een nieuwe wachtzin voor het veld"


def _demo_store(path: Path, ctx) -> dict[str, int]:  # type: ignore[no-untyped-def]
    store = create_store(path, PASSPHRASE)
    with store.transaction() as s:
        demo.load_demo(s, ctx)
    counts = _counts(store)
    store.close()
    return counts


def _counts(store) -> dict[str, int]:  # type: ignore[no-untyped-def]
    with store.session() as s:
        return {
            "paragraphs": s.scalar(select(func.count()).select_from(m.NoteParagraph)),
            "signals": s.scalar(select(func.count()).select_from(m.Signal)),
            "hits": len(search.search(s, "bestuur", limit=500)),
        }


def _state(path: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in path.parent.iterdir() if p.is_file()}


def test_the_new_passphrase_opens_everything_and_the_old_one_nothing(store_path: Path, ctx) -> None:
    counts = _demo_store(store_path, ctx)
    salt = store_path.read_bytes()[:16]
    change_passphrase(store_path, PASSPHRASE, NEW, NEW)
    assert [p.name for p in store_path.parent.iterdir()] == [store_path.name]  # no copy left behind
    assert store_path.read_bytes()[:16] != salt  # a new key, not only a new name for it
    with pytest.raises(WrongPassphraseError):
        open_store(store_path, PASSPHRASE)
    store = open_store(store_path, NEW)
    try:
        assert store.integrity_check() == "ok"
        assert _counts(store) == counts  # search index included
    finally:
        store.close()


def test_a_wrong_current_or_weak_new_passphrase_changes_nothing(store_path: Path, ctx) -> None:
    _demo_store(store_path, ctx)
    before = _state(store_path)
    with pytest.raises(WrongPassphraseError):
        change_passphrase(store_path, "niet de goede wachtzin", NEW, NEW)
    with pytest.raises(ValidationError) as weak:
        change_passphrase(store_path, PASSPHRASE, "kort", "kort")
    assert weak.value.issues[0].problem == "too_short"
    with pytest.raises(ValidationError) as differ:
        change_passphrase(store_path, PASSPHRASE, NEW, NEW + "!")
    assert differ.value.issues[0].problem == "mismatch"
    assert _state(store_path) == before
    with pytest.raises(WrongPassphraseError):
        verify_passphrase(store_path, NEW)
    verify_passphrase(store_path, PASSPHRASE)
    assert _state(store_path) == before


@pytest.mark.slow
def test_a_kill_during_the_change_leaves_the_old_or_the_new_passphrase(store_path: Path, ctx) -> None:
    counts = _demo_store(store_path, ctx)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    rng = random.Random(int(os.environ.get("VELDWERK_KILL_SEED", "11")))
    runs = int(os.environ.get("VELDWERK_KILL_RUNS", "8"))
    current, other = PASSPHRASE, NEW
    took = 0.0
    outcomes = []
    for run in range(runs + 1):
        child = subprocess.Popen(
            [sys.executable, "-m", "tests.procs.passphrase_changer", str(store_path), current, other],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "START"
        started = time.monotonic()
        if run == 0:  # the first runs whole: how long a change takes here
            assert child.stdout.readline().strip() == "DONE"
            took = time.monotonic() - started
        else:
            time.sleep(rng.uniform(0.0, took * 1.1))
            child.send_signal(signal.SIGKILL)
        child.wait(30)
        opens = []
        for candidate in (current, other):
            try:
                store = open_store(store_path, candidate)
            except WrongPassphraseError:
                continue
            try:
                assert store.integrity_check() == "ok", f"run {run}"
                assert _counts(store) == counts, f"run {run}"
            finally:
                store.close()
            opens.append(candidate)
        assert len(opens) == 1, f"run {run}: opens with {len(opens)} of the two passphrases"
        changed = opens[0] == other
        outcomes.append(changed)
        if changed:
            current, other = other, current
        assert not Path(f"{store_path}.rekey").exists()  # the next unlock removes a half-made copy
    assert outcomes[0]  # the run that was not killed changed it
