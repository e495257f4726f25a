"""The organisations and networks pages with real widgets on a real demo store: the
navigation entry, search, an organisation's page, the editors, a new network with members."""

from __future__ import annotations

from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QDialog

from inspectorapp.bootstrap import build_main_window
from inspectorapp.domain.subject_ref import SubjectRefKind
from inspectorapp.paths import app_paths
from ui.main_window import MainWindow
from ui.organisation_dialogs import LifeEventDialog, MembershipDialog, NetworkDialog, UnitDialog
from ui.organisation_page import OrganisationPage

from .screen_checks import _dialog_of
from .test_app_window import _create, _shot, _wait_rows, laptop_size


@pytest.fixture
def window(qtbot, tmp_path: Path) -> MainWindow:
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


def _rows(w: MainWindow) -> list[str]:
    model = w.shell.organisation_list.model
    return [model.row_at(n).name for n in range(model.rowCount())]


def _save(qtbot, dialog: QDialog) -> None:
    dialog.save()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible(), timeout=10000)


def test_directory_and_organisation_page(qtbot, window: MainWindow) -> None:
    w = window
    shell = w.shell
    nav = shell.nav.item(shell.PAGES.index("organisations"))
    assert nav.text() in ("Organisaties en netwerken", "Organisations and networks")
    shell.nav.setCurrentItem(nav)
    listing = shell.organisation_list
    assert shell.pages.currentWidget() is shell.organisations_holder
    qtbot.waitUntil(lambda: listing.loaded and listing.model.rowCount() > 20, timeout=10000)
    qtbot.keyClicks(listing.field, "Ziekenhuis")
    qtbot.waitUntil(
        lambda: (
            set(_rows(w))
            == {
                "Ziekenhuis A",
                "Ziekenhuis B",
                "Ziekenhuis C",
                "Ziekenhuis D",
                "Ziekenhuiszorg Thuis Zuidwaard",
            }
        ),
        timeout=10000,
    )
    zha = _rows(w).index("Ziekenhuis A")
    row = listing.model.row_at(zha)
    assert row.soft.total > 0 and row.open_concerns > 0
    listing.table.selectRow(zha)
    qtbot.keyClick(listing.field, Qt.Key.Key_Return)

    page: OrganisationPage = shell.organisation_page
    qtbot.waitUntil(lambda: page.detail is not None and page.detail.name == "Ziekenhuis A", timeout=10000)
    assert shell.pages.currentWidget() is page and page.isVisible()
    assert page.tabs.tabText(0) in ("Details", QCoreApplication.translate("OrganisationPage", "Details"))
    units_before = page.units.table.rowCount()
    events_before = page.events.table.rowCount()
    assert units_before == 4 and events_before >= 4
    _shot(w, "organisations.png")  # the whole window at 1366x768

    page.units.add.click()
    unit_dialog = _dialog_of(qtbot, UnitDialog)
    qtbot.keyClicks(unit_dialog.name, "Verpleegafdeling 5 Noord")
    _save(qtbot, unit_dialog)
    qtbot.waitUntil(lambda: page.units.table.rowCount() == units_before + 1, timeout=10000)

    page.events.add.click()
    event_dialog = _dialog_of(qtbot, LifeEventDialog)
    event_dialog.description.setPlainText("Nieuwe raad van toezicht benoemd.")
    _save(qtbot, event_dialog)
    qtbot.waitUntil(lambda: page.events.table.rowCount() == events_before + 1, timeout=10000)

    # a refused save keeps the dialog open and says why
    page.events.add.click()
    empty = _dialog_of(qtbot, LifeEventDialog)
    empty.save()
    qtbot.waitUntil(lambda: empty.error.text() != "", timeout=10000)
    assert empty.isVisible()
    empty.reject()

    page.back.click()
    assert shell.pages.currentWidget() is shell.organisations_holder


def test_new_network_with_two_members(qtbot, window: MainWindow) -> None:
    w = window
    shell = w.shell
    shell.show_page("organisations")
    listing = shell.organisation_list
    qtbot.waitUntil(lambda: listing.loaded, timeout=10000)
    before = listing.model.rowCount()
    listing.new_network.click()
    dialog = _dialog_of(qtbot, NetworkDialog)
    qtbot.keyClicks(dialog.name, "Netwerk Acute Zorg Rijnvliet")
    qtbot.keyClicks(dialog.region, "Regio Rijnvliet")
    _save(qtbot, dialog)
    page = shell.organisation_page
    qtbot.waitUntil(
        lambda: page.detail is not None and page.detail.name == "Netwerk Acute Zorg Rijnvliet", timeout=10000
    )
    assert page.subject is not None and page.subject.kind == SubjectRefKind.NETWORK

    for name in ("Ziekenhuis A", "Hospice De Overkant"):
        page.members.add.click()
        member = _dialog_of(qtbot, MembershipDialog)
        member.other.setCurrentIndex(member.other.findText(name))
        member.roles.item(0).setCheckState(Qt.CheckState.Checked)
        _save(qtbot, member)
    qtbot.waitUntil(lambda: page.members.table.rowCount() == 2, timeout=10000)
    assert {page.members.table.item(r, 0).text() for r in range(2)} == {"Ziekenhuis A", "Hospice De Overkant"}

    # the directory counts the members' signals for the network now
    shell.show_page("organisations")
    qtbot.waitUntil(lambda: listing.model.rowCount() == before + 1, timeout=10000)
    qtbot.keyClicks(listing.field, "acute zorg")

    def network_row():  # type: ignore[no-untyped-def]
        rows = [listing.model.row_at(n) for n in range(listing.model.rowCount())]
        return next((r for r in rows if r.name == "Netwerk Acute Zorg Rijnvliet"), None)

    qtbot.waitUntil(lambda: (r := network_row()) is not None and r.soft.total > 0, timeout=10000)


def test_f1_on_each_sense_making_tab_lists_its_keys(qtbot, window: MainWindow) -> None:
    """F1 shows the focused view's own keys beside the general ones: the board, the concern
    list and the timeline (whose keys are read from its actions, so they stay true)."""
    from PySide6.QtWidgets import QLabel

    from ui.concern_list import ConcernListView
    from ui.decision_log import DecisionLogView
    from ui.handover_view import HandoverView
    from ui.help_overlay import HelpOverlay
    from ui.signal_board import SignalBoardView
    from ui.timeline_view import TimelineView
    from ui.trajectory_view import SupervisionView

    w = window
    shell = w.shell
    shell.nav.setCurrentRow(shell.PAGES.index("organisations"))
    listing = shell.organisation_list
    qtbot.waitUntil(lambda: listing.loaded and "Ziekenhuis A" in _rows(w), timeout=10000)
    listing.table.selectRow(_rows(w).index("Ziekenhuis A"))
    qtbot.keyClick(listing.field, Qt.Key.Key_Return)
    page: OrganisationPage = shell.organisation_page
    qtbot.waitUntil(lambda: page.detail is not None and page.detail.name == "Ziekenhuis A", timeout=10000)
    for n in range(1, page.tabs.count()):
        page.tabs.setCurrentIndex(n)
        view = page.tabs.widget(n)
        view.setFocus()
        qtbot.waitUntil(view.hasFocus, timeout=5000)
        assert isinstance(
            view,
            SignalBoardView
            | ConcernListView
            | TimelineView
            | DecisionLogView
            | SupervisionView
            | HandoverView,
        )
        title, keys = view.help_keys()
        qtbot.keyClick(view, Qt.Key.Key_F1)
        qtbot.waitUntil(lambda: w.findChild(HelpOverlay) is not None and w.findChild(HelpOverlay).isVisible())
        overlay = w.findChild(HelpOverlay)
        texts = {label.text() for label in overlay.findChildren(QLabel) if label.isVisible()}
        assert title in texts and all(k in texts and t in texts for k, t in keys), (title, keys)
        if isinstance(view, TimelineView):  # the keys its actions really have
            shortcuts = {
                a.shortcut().toString(QKeySequence.SequenceFormat.NativeText) for a in view.actions()
            }
            assert {k for k, _ in keys} == shortcuts - {""}
        qtbot.keyClick(overlay, Qt.Key.Key_Escape)
        assert not overlay.isVisible()
