"""A captured signal records who observed it: the inspector capturing it, unless named."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from inspectorapp.domain.drafts import SignalDraft, SignalPrefill
from inspectorapp.domain.enums import SignalKind, Valence
from inspectorapp.domain.snapshots import ActionContext
from inspectorapp.executor import DbExecutor
from inspectorapp.paths import app_paths
from inspectorapp.services import signals
from inspectorapp.store_access import create_store
from inspectorapp.workspace import Workspace
from storage import models as m
from ui.signal_capture import SignalCapture

from . import helpers
from .conftest import PASSPHRASE


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    paths = app_paths(tmp_path / "home").ensure()
    store = create_store(paths.store_file, PASSPHRASE)
    ws = Workspace(DbExecutor(store), ActionContext("Inspecteur De Vries", "device-1"), paths)
    yield ws
    ws.close()


def _observers(ws: Workspace) -> list[str | None]:
    return ws.call(lambda s: list(s.scalars(select(m.Signal.observed_by).order_by(m.Signal.recorded_at))))


def test_the_capture_form_records_the_inspector_as_observer(qtbot, workspace: Workspace) -> None:
    org = workspace.call(lambda s: helpers.organisation(s, workspace.ctx))
    dialog = SignalCapture(workspace, SignalPrefill(SignalDraft(organisation_id=org)))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.organisation.count() > 0, timeout=10000)
    assert dialog.observer.text() == "Inspecteur De Vries"
    dialog.kind_buttons[SignalKind.SOFT].setChecked(True)
    dialog.valence_buttons[Valence.NEGATIVE].setChecked(True)
    qtbot.keyClicks(dialog.observation, "Bel ging twintig minuten zonder reactie")
    with qtbot.waitSignal(dialog.captured, timeout=10000):
        qtbot.keyClick(dialog.observation, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert _observers(workspace) == ["Inspecteur De Vries"]


def test_a_named_observer_is_kept_and_none_given_is_the_capturer(workspace: Workspace) -> None:
    org = workspace.call(lambda s: helpers.organisation(s, workspace.ctx))
    base = SignalDraft(org, SignalKind.HARD, Valence.POSITIVE)
    ctx = workspace.ctx
    workspace.call(signals.capture_signal, ctx, replace(base, observation="a", observed_by="Collega Bakker"))
    workspace.call(signals.capture_signal, ctx, replace(base, observation="b", observed_by="  "))
    workspace.call(signals.capture_signal, ctx, replace(base, observation="c"))
    assert _observers(workspace) == ["Collega Bakker", "Inspecteur De Vries", "Inspecteur De Vries"]


def test_a_name_changed_in_settings_is_the_next_observer(qtbot, tmp_path: Path) -> None:
    from dataclasses import replace

    from PySide6.QtWidgets import QApplication

    from inspectorapp.bootstrap import build_main_window

    from .test_app_window import _create, _wait_rows

    w = build_main_window(QApplication.instance(), app_paths(tmp_path / "home").ensure())
    qtbot.addWidget(w)
    w.show()
    try:
        _create(qtbot, w)
        _wait_rows(qtbot, w, 4)
        w.apply_settings(replace(w.settings, inspector_name="Inspecteur Bakker"))
        assert w.workspace is not None and w.workspace.ctx.actor == "Inspecteur Bakker"
        dialog = SignalCapture(w.workspace, SignalPrefill())
        qtbot.addWidget(dialog)
        assert dialog.observer.text() == "Inspecteur Bakker"
    finally:
        w.lock()
