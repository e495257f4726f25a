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


def test_change_the_passphrase_in_settings(qtbot, tmp_path: Path) -> None:
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from inspectorapp.bootstrap import build_main_window
    from inspectorapp.paths import app_paths
    from ui.passphrase_dialog import PassphraseDialog
    from ui.settings_dialog import SettingsDialog

    from .test_app_window import _create, _wait_rows

    paths = app_paths(tmp_path / "home").ensure()
    w = build_main_window(QApplication.instance(), paths)
    qtbot.addWidget(w)
    w.show()
    seen: dict[str, object] = {}

    def modal(kind: type) -> object:
        qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), kind), timeout=5000)
        return QApplication.activeModalWidget()

    def in_passphrase_dialog() -> None:
        dialog = modal(PassphraseDialog)
        assert isinstance(dialog, PassphraseDialog)
        dialog.grab().save("/tmp/h5-passphrase-dialog.png")
        qtbot.keyClicks(dialog.current, PASSPHRASE)
        qtbot.keyClicks(dialog.new, "kort")
        qtbot.keyClicks(dialog.repeat, "kort")
        dialog.submit()  # too short: refused at once, the dialog stays
        assert dialog.error.text() and dialog.isVisible()
        for field, text in ((dialog.current, "niet de goede"), (dialog.new, NEW), (dialog.repeat, NEW)):
            field.clear()
            qtbot.keyClicks(field, text)
        dialog.submit()  # the current passphrase is checked against the store
        qtbot.waitUntil(lambda: dialog.buttons.isEnabled() and bool(dialog.error.text()), timeout=10000)
        seen["wrong"] = dialog.error.text()
        dialog.current.clear()
        qtbot.keyClicks(dialog.current, PASSPHRASE)
        dialog.submit()

    def in_settings() -> None:
        settings = modal(SettingsDialog)
        assert isinstance(settings, SettingsDialog)
        QTimer.singleShot(0, in_passphrase_dialog)
        settings.passphrase_button.click()

    try:
        _create(qtbot, w)
        _wait_rows(qtbot, w, 4)
        QTimer.singleShot(0, in_settings)
        w.open_settings()
        wrong = "The current passphrase is not right. Nothing was changed."
        assert seen["wrong"] in (wrong, QApplication.translate("PassphraseDialog", wrong))
        changed = (
            QApplication.translate("PassphraseDialog", "Passphrase changed. Use the new one from now on."),
            "Passphrase changed. Use the new one from now on.",
        )
        qtbot.waitUntil(lambda: w.statusBar().currentMessage() in changed, timeout=30000)
        assert w.workspace is not None
        w.lock()
        with pytest.raises(WrongPassphraseError):
            verify_passphrase(paths.store_file, PASSPHRASE)
        qtbot.keyClicks(w.unlock_page.passphrase, NEW)
        qtbot.keyClick(w.unlock_page.passphrase, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: w.workspace is not None, timeout=20000)
        _wait_rows(qtbot, w, 4)
    finally:
        w.lock()
