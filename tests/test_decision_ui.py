"""Decisions with real widgets on a demo store: the dialog refuses GEEN_ACTIE and enforcement
without a rationale with their own message and keeps what was typed, records a decision that
changes a signal's and a concern's status (their histories name it), the log on the
organisation page (last periodic review, search, edit on double click, a colleague's decision
shown without reopening), and the intervention dialog's same rule."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from inspectorapp.domain.decision_rules import ENFORCEMENT_RATIONALE, NO_ACTION_RATIONALE
from inspectorapp.domain.decision_views import DecisionDraft, DecisionItemKind
from inspectorapp.domain.enums import DeliberationKind
from inspectorapp.domain.framework_codes import ActionTypeCode, ConcernStatusCode, SignalStatusCode
from inspectorapp.domain.snapshots import ActionContext
from inspectorapp.domain.subject_ref import SubjectRef
from inspectorapp.errors import FieldIssue
from inspectorapp.executor import DbExecutor
from inspectorapp.paths import app_paths
from inspectorapp.services import decisions, demo, findings, outcome_options
from inspectorapp.store_access import create_store
from inspectorapp.workspace import Workspace
from storage import models as m
from ui.decision_dialog import RETURN, DecisionDialog
from ui.decision_log import DecisionLogView
from ui.intervention_dialog import InterventionDialog
from ui.messages import issue_text
from ui.status_dialog import StatusDialog, StatusOf

from . import helpers
from .conftest import PASSPHRASE

SIGNAL_A = "Volgens de directeur van het hospice"  # Ziekenhuis A, NIEUW
CONCERN_A = "Mogelijk onveilig meldklimaat op 3 Oost"  # Ziekenhuis A, BLIJFT_ZACHT


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    paths = app_paths(tmp_path / "home").ensure()
    store = create_store(paths.store_file, PASSPHRASE)
    ws = Workspace(DbExecutor(store), ActionContext("Inspecteur De Vries", "device-1"), paths)
    ws.call(lambda s: demo.load_demo(s, ws.ctx))
    yield ws
    ws.close()


def _org(ws: Workspace, name: str) -> SubjectRef:
    return SubjectRef.organisation(
        ws.call(lambda s: s.scalars(select(m.Organisation.id).where(m.Organisation.name == name)).one())
    )


def _id(ws: Workspace, model: type, column: str, start: str) -> str:
    return str(
        ws.call(lambda s: s.scalars(select(model.id).where(getattr(model, column).startswith(start))).one())
    )


def _dialog(qtbot: QtBot, ws: Workspace, subject: SubjectRef, **kwargs: object) -> DecisionDialog:
    dialog = DecisionDialog(ws, subject, **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.options is not None or dialog.error.text() != "", timeout=10000)
    assert dialog.options is not None, dialog.error.text()
    return dialog


def _choose(combo: QComboBox, data: object) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def _row_of(dialog: DecisionDialog, item_id: str) -> int:
    for r in range(dialog.items.rowCount()):
        pick = dialog.items.item(r, 0)
        if pick is not None and pick.data(Qt.ItemDataRole.UserRole)[1] == item_id:
            return r
    raise AssertionError(item_id)


def _decisions(ws: Workspace) -> int:
    return len(ws.call(lambda s: s.scalars(select(m.Decision.id)).all()))


def test_no_action_and_enforcement_without_rationale_are_refused_in_the_dialog(
    qtbot: QtBot, workspace: Workspace
) -> None:
    before = _decisions(workspace)
    dialog = _dialog(qtbot, workspace, _org(workspace, "Ziekenhuis A"))
    _choose(dialog.kind, ActionTypeCode.NO_ACTION)
    no_action = issue_text(FieldIssue("rationale", NO_ACTION_RATIONALE))
    assert dialog.rule.text() == no_action and not dialog.rule.isHidden()  # said before saving
    dialog.decided_by.setText("MDO-team Noord")
    dialog.rationale.setPlainText("   \n  ")
    dialog.save_button.click()
    assert dialog.error.text() == no_action and dialog.save_button.toolTip() == no_action
    assert dialog.isVisible() and dialog.decided_by.text() == "MDO-team Noord"
    _choose(dialog.kind, ActionTypeCode.HEIGHTENED)
    dialog.save_button.click()
    assert dialog.error.text() == issue_text(FieldIssue("rationale", ENFORCEMENT_RATIONALE))
    _choose(dialog.kind, "BELLEN_BESTUURDER")  # any other type: the plain message
    assert dialog.rule.isHidden()
    dialog.save_button.click()
    assert dialog.error.text() == issue_text(FieldIssue("rationale", "required"))
    helpers.drain(qtbot, workspace)  # anything a click sent (nothing: refused here) has answered
    assert _decisions(workspace) == before and dialog.isVisible()
    # the service's refusal shows in the dialog too, and nothing typed is lost
    dialog.rationale.setPlainText("Bellen over de fusie.")
    dialog.decided_by.setText("x" * 201)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.error.text() != "", timeout=10000)
    assert dialog.error.text() == issue_text(
        FieldIssue("decided_by", "too_long", {"max": 200, "actual": 201})
    )
    assert dialog.rationale.toPlainText() == "Bellen over de fusie." and _decisions(workspace) == before


def test_a_decision_from_the_dialog_changes_statuses_and_the_histories_show_it(
    qtbot: QtBot, workspace: Workspace
) -> None:
    subject = _org(workspace, "Ziekenhuis A")
    sid = _id(workspace, m.Signal, "observation", SIGNAL_A)
    cid = _id(workspace, m.Concern, "title", CONCERN_A)

    def mdo(s: object) -> str:
        row = m.Deliberation(kind=DeliberationKind.MDO, held_on=date.today(), title="MDO acute as")
        s.add(row)  # type: ignore[attr-defined]
        s.flush()  # type: ignore[attr-defined]
        return row.id

    mdo_id = workspace.call(mdo)
    dialog = _dialog(qtbot, workspace, subject, deliberation_id=mdo_id)
    assert "MDO acute as" in dialog.overleg.text()
    _choose(dialog.kind, ActionTypeCode.NO_ACTION)
    dialog.rationale.setPlainText("Eén bron met een belang; niet handelen, wel volgen.")
    for item_id, status in ((sid, SignalStatusCode.CLOSED), (cid, ConcernStatusCode.NOT_SUBSTANTIATED)):
        row = _row_of(dialog, item_id)
        combo = dialog.items.cellWidget(row, 3)
        assert isinstance(combo, QComboBox)
        _choose(combo, status)
        assert dialog.items.item(row, 0).checkState() == Qt.CheckState.Checked  # a status ticks it
    with qtbot.waitSignal(dialog.saved, timeout=10000) as saved:
        dialog.save_button.click()
    did = saved.args[0]
    row = workspace.call(lambda s: decisions.decision_row(s, did))
    assert row.deliberation_id == mdo_id and row.decided_by == "Inspecteur De Vries"
    assert {(a.kind, a.id) for a in row.about} == {
        (DecisionItemKind.SIGNAL, sid),
        (DecisionItemKind.CONCERN, cid),
    }
    prefix = QCoreApplication.translate("decisions", "Decision ({overleg} {date})").format(
        overleg=QCoreApplication.translate("decisions", "MDO"), date=f"{date.today():%d-%m-%Y}"
    )
    for of, entity in ((StatusOf.SIGNAL, sid), (StatusOf.CONCERN, cid)):
        status = StatusDialog(workspace, of, entity)
        qtbot.addWidget(status)
        qtbot.waitUntil(lambda st=status: st.history.count() > 0, timeout=10000)  # type: ignore[misc]
        newest = status.history.item(0).text()
        assert f"{prefix}: Eén bron met een belang" in newest, newest


def test_the_log_searches_edits_and_follows_a_colleagues_decision(qtbot: QtBot, workspace: Workspace) -> None:
    subject = _org(workspace, "Ziekenhuis A")
    view = DecisionLogView(workspace)
    qtbot.addWidget(view)
    view.resize(1366, 700)
    view.show()
    view.show_subject(subject)
    qtbot.waitUntil(lambda: view.table.rowCount() > 0, timeout=10000)
    demo_rows = view.table.rowCount()
    assert view.last_review.text() != ""
    # a decision recorded elsewhere (here: through the workspace, as a sync's records would be announced)
    ctx = ActionContext("Bram", "device-2")
    draft = DecisionDraft(subject, return_on=date(2099, 5, 1), rationale="Na de fusie opnieuw bekijken")
    # (the OpResult itself, as a GUI call returns it: the workspace announces its changes)
    did = workspace.call(lambda s: decisions.record_decision(s, ctx, draft)).value
    qtbot.waitUntil(lambda: view.table.rowCount() == demo_rows + 1, timeout=10000)
    row = next(r for r in range(view.table.rowCount()) if view.rows[r].id == did)
    back = QCoreApplication.translate("decisions", "Come back on {date}").format(date="01-05-2099")
    assert view.table.item(row, 1).text() == back and view.table.item(row, 3).text() == "Bram"
    # search
    view.search.setText("fusie opnieuw")
    qtbot.waitUntil(lambda: view.table.rowCount() == 1, timeout=10000)
    assert view.rows[0].id == did
    view.search.setText("geen-woord-dat-voorkomt")
    qtbot.waitUntil(lambda: view.table.rowCount() == 0, timeout=10000)
    assert view.empty.isVisible()
    view.search.setText("fusie opnieuw")
    qtbot.waitUntil(lambda: view.table.rowCount() == 1, timeout=10000)
    # edit on double click (Enter)
    view.table.selectRow(0)
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    dialog = view.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.options is not None, timeout=10000)
    assert dialog.kind.currentData() == RETURN and dialog.rationale.toPlainText() == draft.rationale
    dialog.rationale.setPlainText("Na de fusie opnieuw bekijken, met de RvT.")
    with qtbot.waitSignal(dialog.saved, timeout=10000):
        dialog.save_button.click()
    qtbot.waitUntil(
        lambda: view.table.rowCount() == 1 and "RvT" in view.table.item(0, 2).text(), timeout=10000
    )
    assert workspace.call(lambda s: decisions.decision_row(s, did).decided_by) == "Bram"  # kept


def test_a_decision_is_deleted_with_two_clicks(qtbot: QtBot, workspace: Workspace) -> None:
    subject = _org(workspace, "Ziekenhuis A")
    draft = DecisionDraft(subject, "BELLEN_BESTUURDER", rationale="Bellen")
    ctx = workspace.ctx
    did = workspace.call(lambda s: decisions.record_decision(s, ctx, draft).value)
    dialog = _dialog(qtbot, workspace, subject, decision_id=did)
    dialog.delete.click()
    helpers.drain(qtbot, workspace)  # anything the first click sent (nothing: it only asks) has answered
    assert dialog.isVisible()
    with qtbot.waitSignal(dialog.saved, timeout=10000):
        dialog.delete.click()
    assert workspace.call(lambda s: s.get(m.Decision, did).deleted_at) is not None


def test_the_intervention_dialog_refuses_no_action_without_a_rationale(
    qtbot: QtBot, workspace: Workspace
) -> None:
    iid = _id(workspace, m.Inspection, "title", "Ziekenhuis A")
    options = workspace.call(lambda s: outcome_options.outcome_options(s, iid))
    found = workspace.call(lambda s: findings.findings_overview(s, iid)).findings
    before = len(workspace.call(lambda s: s.scalars(select(m.Intervention.id)).all()))
    dialog = InterventionDialog(workspace, iid, options, found)
    qtbot.addWidget(dialog)
    dialog.show()
    _choose(dialog.action, ActionTypeCode.NO_ACTION)
    no_action = issue_text(FieldIssue("rationale", NO_ACTION_RATIONALE))
    assert dialog.rule.text() == no_action
    dialog.message.setPlainText("Wij zien af van een interventie.")
    dialog._save()
    assert dialog.error.text() == no_action and dialog.isVisible()
    assert dialog.message.toPlainText() == "Wij zien af van een interventie."
    _choose(dialog.action, ActionTypeCode.HEIGHTENED)
    dialog._save()
    assert dialog.error.text() == issue_text(FieldIssue("rationale", ENFORCEMENT_RATIONALE))
    dialog.rationale.setPlainText("Aanhoudend risico op de acute as.")
    with qtbot.waitSignal(dialog.saved, timeout=10000):
        dialog._save()
    assert len(workspace.call(lambda s: s.scalars(select(m.Intervention.id)).all())) == before + 1
