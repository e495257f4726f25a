"""Shared fixtures: real encrypted stores made by the real migrations, in temp dirs."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# Offscreen Qt for every test; set before any Qt import.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")

from inspectorapp.domain.snapshots import ActionContext
from inspectorapp.store_access import create_store
from storage.engine import Store

PASSPHRASE = "correct horse battery staple"
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def ctx() -> ActionContext:
    return ActionContext(actor="inspecteur-test", device_id="test-device")


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "veldwerk.db"


@pytest.fixture
def store(store_path: Path) -> Iterator[Store]:
    s = create_store(store_path, PASSPHRASE)
    yield s
    s.close()


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test touches the real user folders."""
    monkeypatch.setenv("VELDWERK_HOME", str(tmp_path / "home"))


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """The adversary suite's totals (tests/adversary_tally.py), when any of it ran."""
    from .adversary_tally import TALLY, summary

    if TALLY:
        terminalreporter.write_line(summary())

