"""The Supervision tab with real widgets on a demo store: start a trajectory with the board not
informed (the banner, and the organisation page's header, warn), add a monthly reporting duty,
see its late reports, capture a signal from one (the capture form opens with entrance
TRAJECT_RAPPORTAGE for this organisation), record the report linked to that signal, and
inform the board (the warning goes)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from inspectorapp.domain.enums import ReportFrequency, TrajectoryKind
from inspectorapp.domain.framework_codes import EntranceCode
from inspectorapp.domain.snapshots import ActionContext
from inspectorapp.domain.subject_ref import SubjectRef
from inspectorapp.executor import DbExecutor
from inspectorapp.paths import app_paths
from inspectorapp.services import demo
from inspectorapp.store_access import create_store
from inspectorapp.workspace import Workspace
from storage import models as m
from ui.organisation_page import OrganisationPage
from ui.signal_capture import SignalCapture
from ui.trajectory_dialog import DutyDialog, ReportDialog, TrajectoryDialog
from ui.trajectory_view import SupervisionView

from .conftest import PASSPHRASE

TODAY = date(2026, 12, 6)


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    paths = app_paths(tmp_path / "home").ensure()
    store = create_store(paths.store_file, PASSPHRASE)
    ws = Workspace(DbExecutor(store), ActionContext("Inspecteur De Vries", "device-1"), paths)
    ws.call(lambda s: demo.load_demo(s, ws.ctx))
    yield ws
    ws.close()


def _new_org(ws: Workspace) -> str:
    def add(s: object) -> str:
        org = m.Organisation(name="Ziekenhuis Toezicht")
        s.add(org)  # type: ignore[attr-defined]
        s.flush()  # type: ignore[attr-defined]
        return org.id

    return ws.call(add)


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _dialog(qtbot: QtBot, view: SupervisionView, kind: type) -> object:
    found: list[object] = []
    qtbot.waitUntil(lambda: bool(found.extend(c for c in view.findChildren(kind) if c.isVisible()) or found))
    return found[-1]


def test_start_a_trajectory_add_a_duty_capture_a_signal_for_a_late_report_and_record_it(
    qtbot: QtBot, workspace: Workspace
) -> None:
    org = _new_org(workspace)
    subject = SubjectRef.organisation(org)
    view = SupervisionView(workspace, today=lambda: TODAY)
    qtbot.addWidget(view)
    view.resize(1300, 700)
    view.show()
    view.show_subject(subject)
    qtbot.waitUntil(lambda: view.empty.isVisible())

    # Start: intensified, since 1 Feb, the board not informed.
    view.buttons["newTrajectory"].click()
    start = _dialog(qtbot, view, TrajectoryDialog)
    assert isinstance(start, TrajectoryDialog)
    start.kind.setCurrentIndex(start.kind.findData(TrajectoryKind.INTENSIFIED))
    start.started_on.setDate(_qdate(date(2026, 2, 1)))
    start.save()  # without a rationale: refused, in the form
    qtbot.waitUntil(lambda: start.error.text() != "")
    assert not view.views
    start.rationale.setPlainText("Herhaalde signalen over het meldklimaat")
    start.conditions.setPlainText("Maandelijkse rapportage voortgang\nExterne audit voor 1 juli")
    start.buttons.button(start.buttons.StandardButton.Save).click()
    qtbot.waitUntil(lambda: len(view.views) == 1 and view.banner.isVisible())
    assert "01-02-2026" in view.banner.text() and "10" in view.banner.text()
    assert "Externe audit voor 1 juli" in view.detail.text()

    # The organisation page's header shows the warning without opening the tab.
    page = OrganisationPage(workspace)
    qtbot.addWidget(page)
    page.show()
    page.show_subject(subject)
    qtbot.waitUntil(lambda: page.warning.isVisible())
    assert "01-02-2026" in page.warning.text()

    # A monthly duty from 30 September: 30 Oct and 30 Nov are late on 6 December.
    view.buttons["newDuty"].click()
    duty_form = _dialog(qtbot, view, DutyDialog)
    assert isinstance(duty_form, DutyDialog)
    duty_form.subject.setText("Voortgang verbeterplan")
    duty_form.frequency.setCurrentIndex(duty_form.frequency.findData(ReportFrequency.MONTHLY))
    duty_form.first_due_on.setDate(_qdate(date(2026, 9, 30)))
    duty_form.save()
    qtbot.waitUntil(lambda: len(view.findChildren(QPushButton, "captureLateReport")) == 3)
    assert [r.due_on for r in view.warnings.late] == [
        date(2026, 9, 30),
        date(2026, 10, 30),
        date(2026, 11, 30),
    ]
    late_rows = [i for i in view.tree_items if i.text(1) == "30-10-2026"]
    assert late_rows and late_rows[0].foreground(2).color().name() == "#b3261e"

    # Capture a signal for the report of 30 October.
    buttons = [b for b in view.findChildren(QPushButton, "captureLateReport") if b.isVisible()]
    qtbot.mouseClick(buttons[1], Qt.MouseButton.LeftButton)
    capture = view.capture_dialog
    assert isinstance(capture, SignalCapture)
    qtbot.waitUntil(lambda: capture.entrance.count() > 1 and capture.organisation.count() > 0)
    assert capture.entrance.currentData() == EntranceCode.TRAJECTORY_REPORT == "TRAJECT_RAPPORTAGE"
    assert capture.organisation.currentData() == org
    assert "30-10-2026" in capture.observation.toPlainText()
    capture.save()
    qtbot.waitUntil(lambda: (view.warnings.late[1].duty_id, date(2026, 10, 30)) in view.captured)
    signal_id = view.captured[(view.warnings.late[1].duty_id, date(2026, 10, 30))]

    # The report of 30 October arrives: recorded, linked to the signal captured from it, even
    # when the inspector is quicker than the reload the capture set off (seen once in CI: the
    # dialog then offered no signal to link).
    view.signals.clear()
    item = next(i for i in view.tree_items if i.text(1) == "30-10-2026")
    view.tree.setCurrentItem(item)
    view.buttons["recordReport"].click()
    report = _dialog(qtbot, view, ReportDialog)
    assert isinstance(report, ReportDialog)
    assert report.due_on.currentData() == date(2026, 10, 30)
    assert report.signal.currentData() == signal_id
    report.received_on.setDate(_qdate(date(2026, 11, 3)))
    report.summary.setPlainText("Verbeterplan deels uitgevoerd")
    report.save()
    qtbot.waitUntil(lambda: len(view.findChildren(QPushButton, "captureLateReport")) == 2)
    stored = workspace.call(
        lambda s: s.execute(
            select(m.TrajectoryReport.due_on, m.TrajectoryReport.signal_id).where(
                m.TrajectoryReport.duty_id == view.views[0].duties[0].id
            )
        ).one()
    )
    assert tuple(stored) == (date(2026, 10, 30), signal_id)
    signal_entrance = workspace.call(lambda s: s.get(m.Signal, signal_id).entrance)
    assert signal_entrance == "TRAJECT_RAPPORTAGE"

    # Informing the board clears the warning, on the tab and in the header.
    view.tree.setCurrentItem(view.tree_items[0])
    view.buttons["editTrajectory"].click()
    edit = _dialog(qtbot, view, TrajectoryDialog)
    assert isinstance(edit, TrajectoryDialog)
    edit.board.setChecked(True)
    edit.board_on.setDate(_qdate(date(2026, 12, 1)))
    edit.save()
    qtbot.waitUntil(lambda: not view.banner.isVisible())
    qtbot.waitUntil(lambda: not page.warning.isVisible())
    assert view.views[0].board_informed_on == date(2026, 12, 1)

    # Another organisation shown: its first trajectory is chosen, so its buttons work at once.
    zhb = workspace.call(
        lambda s: s.scalars(select(m.Organisation.id).where(m.Organisation.name == "Ziekenhuis B")).one()
    )
    view.show_subject(SubjectRef.organisation(zhb))
    qtbot.waitUntil(lambda: bool(view.views) and view.views[0].organisation_id == zhb)
    assert view.buttons["editTrajectory"].isEnabled() and view.current_trajectory() == view.views[0]
