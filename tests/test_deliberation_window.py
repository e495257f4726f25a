"""#15 in the real main window on the demo data, the way an inspector walks it before a
periodic review: the Overleg page with the upcoming APK and Ziekenhuis B's agenda pack, the
decision log of Ziekenhuis A with the decision not to act, B's supervision tab with the
board-not-informed warning, and A's handover dossier. With VELDWERK_SCREENSHOTS the walk
also writes the docs screenshots (1366x768, Dutch)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import select

from inspectorapp.bootstrap import build_main_window
from inspectorapp.domain.framework_codes import ActionTypeCode
from inspectorapp.domain.subject_ref import SubjectRef
from inspectorapp.paths import app_paths
from storage import models as m
from ui.decision_log import DecisionLogView
from ui.handover_view import HandoverView
from ui.main_window import MainWindow
from ui.trajectory_view import SupervisionView

from .test_app_window import _create, _wait_rows, laptop_size
from .test_app_window import _shot as _grab


def _shot(qtbot, w: QWidget, name: str) -> None:
    qtbot.wait(250)  # the header's labels are laid out after their text arrives
    _grab(w, name)


@pytest.fixture
def window(qtbot, tmp_path: Path) -> Iterator[MainWindow]:
    paths = app_paths(tmp_path / "home").ensure()
    w = build_main_window(QApplication.instance(), paths)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    laptop_size(w)
    _create(qtbot, w)
    _wait_rows(qtbot, w, 4)
    yield w
    w.lock()


def _tab(qtbot, w: MainWindow, name: str, kind: type[QWidget]) -> QWidget:
    assert w.shell is not None
    org = w.workspace.call(
        lambda s: s.scalars(select(m.Organisation.id).where(m.Organisation.name == name)).one()
    )
    w.shell.open_subject(SubjectRef.organisation(org))
    page = w.shell.organisation_page
    tabs = page.tabs
    view = next(tabs.widget(n) for n in range(tabs.count()) if isinstance(tabs.widget(n), kind))
    tabs.setCurrentWidget(view)
    qtbot.waitUntil(lambda: getattr(view, "subject", None) == SubjectRef.organisation(org), timeout=20000)
    qtbot.waitUntil(lambda: page.title.text() == name, timeout=20000)  # the header follows
    return view


def test_before_the_periodic_review_an_inspector_walks_overleg_decisions_supervision_and_dossier(
    qtbot, window: MainWindow
) -> None:
    w = window
    assert w.shell is not None
    w.shell.nav.setCurrentRow(w.shell.PAGES.index("deliberations"))
    page = w.shell.deliberation_page
    qtbot.waitUntil(lambda: page.loads > 0 and bool(page.summaries), timeout=20000)
    apk = next(
        s for s in page.summaries if s.title.startswith("Periodieke bespreking") and s.held_on.year == 2026
    )
    page.select(apk.id)
    qtbot.waitUntil(lambda: page.view is not None and page.view.id == apk.id, timeout=20000)
    names = [page.agenda.item(n).text() for n in range(page.agenda.count())]
    assert any("Ziekenhuis B" in n for n in names), names
    page.agenda.setCurrentRow(next(n for n, text in enumerate(names) if "Ziekenhuis B" in text))
    qtbot.waitUntil(lambda: page.pack is not None and page.pack.name == "Ziekenhuis B", timeout=20000)
    assert page.pack is not None and page.pack.reports  # the October and November reports
    assert page.overdue.count() > 0  # A and B: last periodic review more than a year ago
    _shot(qtbot, w, "overleg.png")

    log = _tab(qtbot, w, "Ziekenhuis A", DecisionLogView)
    assert isinstance(log, DecisionLogView)
    qtbot.waitUntil(lambda: len(log.rows) >= 6, timeout=20000)
    no_action = [r for r in log.rows if r.action_type == ActionTypeCode.NO_ACTION]
    assert len(no_action) == 2 and all(len(r.rationale) > 40 for r in no_action)
    _shot(qtbot, w, "decision-log.png")

    supervision = _tab(qtbot, w, "Ziekenhuis B", SupervisionView)
    assert isinstance(supervision, SupervisionView)
    qtbot.waitUntil(lambda: bool(supervision.warnings.board), timeout=20000)
    assert supervision.banner.isVisible()
    page = w.shell.organisation_page
    qtbot.waitUntil(page.warning.isVisible, timeout=20000)  # also in the header, above every tab
    months = QCoreApplication.translate(
        "TrajectoryView",
        "The board has not been informed of this trajectory (since {since}, %n month(s))",
        "",
        12,
    )
    assert months.split("(")[0] in page.warning.text()
    _shot(qtbot, w, "supervision.png")

    dossier = _tab(qtbot, w, "Ziekenhuis A", HandoverView)
    assert isinstance(dossier, HandoverView)
    qtbot.waitUntil(lambda: dossier.data is not None and dossier.data.title == "Ziekenhuis A", timeout=20000)
    heading = QCoreApplication.translate("HandoverView", "Account holder")
    assert any(label.text() == heading for label in dossier.body.findChildren(type(supervision.banner)))
    assert w.width() <= 1366 and w.height() <= 768
    _shot(qtbot, w, "handover-dossier.png")
