"""The status dialog with real widgets on a demo store: a refusal keeps what was typed, a
change with a rationale lands in the history, "made hard" is offered only with a reason, and
the signal detail shows the history newest first."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QStandardItemModel
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from inspectorapp.domain.framework_codes import ConcernStatusCode, SignalStatusCode
from inspectorapp.domain.snapshots import ActionContext
from inspectorapp.executor import DbExecutor
from inspectorapp.paths import app_paths
from inspectorapp.services import demo, signal_status
from inspectorapp.store_access import create_store
from inspectorapp.workspace import Workspace
from storage import models as m
from ui.signal_detail import SignalDetailDialog
from ui.status_dialog import StatusDialog, StatusOf

from .conftest import PASSPHRASE

FORMAL = "Het bestuur weet na tien maanden niet"  # b_s11, NIEUW, soft, nothing hardens it


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    paths = app_paths(tmp_path / "home").ensure()
    store = create_store(paths.store_file, PASSPHRASE)
    ws = Workspace(DbExecutor(store), ActionContext("Inspecteur De Vries", "device-1"), paths)
    ws.call(lambda s: demo.load_demo(s, ws.ctx))
    yield ws
    ws.close()


def _signal(ws: Workspace, start: str) -> str:
    return ws.call(
        lambda s: s.scalars(select(m.Signal.id).where(m.Signal.observation.startswith(start))).one()
    )


def _dialog(qtbot: QtBot, ws: Workspace, of: StatusOf, entity_id: str) -> StatusDialog:
    dialog = StatusDialog(ws, of, entity_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.options is not None, timeout=10000)
    return dialog


def _choose(dialog: StatusDialog, code: str) -> None:
    dialog.status.setCurrentIndex(dialog.status.findData(code))


def test_a_change_without_rationale_is_refused_and_keeps_what_was_typed(
    qtbot: QtBot, workspace: Workspace
) -> None:
    sid = _signal(workspace, FORMAL)
    dialog = _dialog(qtbot, workspace, StatusOf.SIGNAL, sid)
    _choose(dialog, SignalStatusCode.STAYS_SOFT)
    assert dialog.review.isVisibleTo(dialog)  # staying soft asks for a date
    _choose(dialog, "IN_DUIDING")
    assert not dialog.review.isVisibleTo(dialog)
    dialog.save()
    required = QCoreApplication.translate("messages", "{field} is required.").format(
        field=QCoreApplication.translate("messages", "Rationale")
    )
    qtbot.waitUntil(lambda: dialog.error.text() != "", timeout=10000)
    assert required in dialog.error.text() and dialog.isVisible() and not dialog.saved
    assert dialog.chosen() == "IN_DUIDING"
    qtbot.keyClicks(dialog.rationale, "Besproken in het teamoverleg")
    _choose(dialog, SignalStatusCode.HARDENED)  # disabled in the list; forced here, the service refuses
    dialog.save()
    qtbot.waitUntil(lambda: "hard" in dialog.error.text().lower(), timeout=10000)
    assert dialog.rationale.toPlainText() == "Besproken in het teamoverleg" and dialog.isVisible()
    assert workspace.call(lambda s: s.scalars(select(m.Signal.status).where(m.Signal.id == sid)).one()) == (
        SignalStatusCode.NEW
    )

    _choose(dialog, "IN_DUIDING")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.saved, timeout=10000)
    history = workspace.call(lambda s: signal_status.signal_status_history(s, sid))
    h = history[0]
    assert (h.from_status, h.to_status, h.rationale) == (
        SignalStatusCode.NEW,
        "IN_DUIDING",
        "Besproken in het teamoverleg",
    )


def test_made_hard_is_not_offered_without_a_reason(qtbot: QtBot, workspace: Workspace) -> None:
    dialog = _dialog(qtbot, workspace, StatusOf.SIGNAL, _signal(workspace, FORMAL))
    model = dialog.status.model()
    assert isinstance(model, QStandardItemModel)
    item = model.item(dialog.status.findData(SignalStatusCode.HARDENED))
    assert item is not None and not item.isEnabled()
    assert dialog.hard_reason.isVisibleTo(dialog)
    assert dialog.chosen() != SignalStatusCode.HARDENED


def test_the_signal_detail_shows_the_history_newest_first(qtbot: QtBot, workspace: Workspace) -> None:
    sid = _signal(workspace, FORMAL)
    detail = SignalDetailDialog(workspace, sid)
    qtbot.addWidget(detail)
    detail.show()
    qtbot.waitUntil(lambda: detail.status_label.text() != "", timeout=10000)
    assert detail.status_history.count() == 0
    for code, why in (("IN_DUIDING", "Eerste duiding"), (SignalStatusCode.STAYS_SOFT, "Een bron")):
        detail.change_status.click()
        dialog = detail.status_dialog
        assert dialog is not None
        qtbot.waitUntil(lambda d=dialog: d.options is not None, timeout=10000)  # type: ignore[misc]
        _choose(dialog, code)
        qtbot.keyClicks(dialog.rationale, why)
        dialog.save()
        qtbot.waitUntil(lambda d=dialog: not shiboken6.isValid(d) or not d.isVisible(), timeout=10000)  # type: ignore[misc]
    qtbot.waitUntil(lambda: detail.status_history.count() == 2, timeout=10000)
    assert detail.status_history.item(0).text().endswith(": Een bron")
    assert detail.status_history.item(1).text().endswith(": Eerste duiding")
    assert "Inspecteur De Vries" in detail.status_history.item(0).text()


def test_a_concern_closes_with_its_rationale(qtbot: QtBot, workspace: Workspace) -> None:
    cid = workspace.call(
        lambda s: s.scalars(select(m.Concern.id).where(m.Concern.title.startswith("Mogelijk onveilig"))).one()
    )
    dialog = _dialog(qtbot, workspace, StatusOf.CONCERN, cid)
    _choose(dialog, ConcernStatusCode.CLOSED)
    assert dialog.rule.text() != "" and not dialog.review.isVisibleTo(dialog)
    qtbot.keyClicks(dialog.rationale, "Geen actie: tweede bron ontbreekt")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.saved, timeout=10000)
    concern = workspace.call(lambda s: s.get(m.Concern, cid))
    assert concern is not None
    assert concern.closing_rationale == "Geen actie: tweede bron ontbreekt" and concern.closed_on is not None
