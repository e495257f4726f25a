"""Every page and dialog fits a 1366x768 laptop (issue #13).

The real main window with the demo data in a real store, sized 1366x768 (offscreen: the
virtual screen may be larger, so the limit is checked explicitly). The walk opens every page
and tab, and every dialog the user can open from them (``DIALOGS``: add a new dialog there).
For each it checks: the window is not larger than the screen, the main buttons are shown and
inside the window, and no window grows when a tab or page changes. All problems are
collected and reported together; a dialog that cannot be opened fails at once.

The docs screenshots are taken on a virtual 1366x768 screen, so dialogs open as on a laptop:
    QT_QPA_PLATFORM=offscreen:configfile=tests/laptop_screen.json VELDWERK_SCREENSHOTS=docs \
        .venv/bin/python -m pytest tests/test_app_window.py tests/test_outcomes_ui.py \
        tests/test_visit_workspace.py tests/test_session_board.py tests/test_screen_fit.py
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QTabWidget,
    QWidget,
)

from inspectorapp.bootstrap import build_main_window
from inspectorapp.domain.enums import InspectionType
from inspectorapp.paths import app_paths
from ui.main_window import MainWindow

from .screen_checks import SETTLE_MS, Checks, _close_dialogs, _shot, _visible_of
from .test_app_window import _create, _wait_rows, laptop_size


@pytest.fixture
def window(qtbot, tmp_path: Path) -> MainWindow:
    paths = app_paths(tmp_path / "home").ensure()
    w = build_main_window(QApplication.instance(), paths)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    laptop_size(w)  # the window's frame counts on a real screen
    _create(qtbot, w)
    _wait_rows(qtbot, w, 4)
    yield w
    w.lock()


# ----- the pages ------------------------------------------------------------------------


def _inspection_id(w: MainWindow, part: str) -> str:
    model = w.shell.inspections
    return next(model.row_at(r).id for r in range(model.rowCount()) if part in model.row_at(r).title)


def _go_inspection(qtbot, w: MainWindow, part: str) -> None:
    shell = w.shell
    shell.inspection_activated.emit(_inspection_id(w, part))
    page = shell.inspection_page
    qtbot.waitUntil(
        lambda: shell.pages.currentWidget() is page and page.detail is not None and part in page.detail.title,
        timeout=10000,
    )


def _go_visit(qtbot, w: MainWindow, part: str, conversation_type: str | None = None) -> None:
    """The first visit of the inspection (or the first with a conversation of that type)."""
    _go_inspection(qtbot, w, part)
    shell, page = w.shell, w.shell.inspection_page
    visit_page = shell.visit_page
    for visit_id in [page.visits.item(n).data(Qt.ItemDataRole.UserRole) for n in range(page.visits.count())]:
        shell.open_visit(visit_id)
        qtbot.waitUntil(
            lambda v=visit_id: visit_page.data is not None and visit_page.data.visit_id == v, timeout=10000
        )
        rows = visit_page.data.conversations
        wanted = [c for c in rows if conversation_type is None or c.conversation_type == conversation_type]
        if not wanted:
            continue
        first = wanted[0]
        visit_page.conversations.setCurrentRow([c.id for c in rows].index(first.id))
        if first.group_session:
            qtbot.waitUntil(
                lambda: visit_page.board is not None and visit_page.board.state is not None, timeout=10000
            )
        else:
            qtbot.waitUntil(lambda c=first.id: visit_page.editor.conversation_id == c, timeout=10000)
        return
    raise AssertionError(f"no visit of '{part}' with a {conversation_type or 'any'} conversation")


@dataclass(frozen=True)
class Page:
    name: str
    go: Callable[[object, MainWindow], None]
    buttons: Callable[[MainWindow], list[QAbstractButton]]
    shot: str | None = None  # a docs screenshot no story test takes (those are taken at 1366x768 too)


def _tab(name: str) -> Callable[[object, MainWindow], None]:
    def go(qtbot, w: MainWindow) -> None:
        _go_inspection(qtbot, w, "dementiezorg")
        w.shell.inspection_page.show_tab(name)

    return go


def _board_buttons(w: MainWindow) -> list[QAbstractButton]:
    board = w.shell.visit_page.board
    assert board is not None
    return [b for b in (getattr(board, "finish", None), getattr(board, "pause", None)) if b is not None]


PAGES: tuple[Page, ...] = (
    Page(
        "inspections list",
        lambda qtbot, w: w.shell.show_page("inspections"),
        lambda w: [w.shell.new_inspection, w.lock_button, w.sync_button, w.settings_button],
    ),
    Page(
        "inspection overview",
        _tab("overview"),
        lambda w: [
            w.shell.inspection_page.add_visit,
            w.shell.inspection_page.add_invitation,
            w.shell.inspection_page.export_button,
        ],
    ),
    Page(
        "findings tab",
        _tab("findings"),
        lambda w: [
            w.shell.inspection_page.findings.new_button,
            w.shell.inspection_page.findings.convert_button,
            w.shell.inspection_page.findings.delete_button,
            w.shell.inspection_page.findings.editor.add_evidence,
        ],
    ),
    Page(
        "follow-up tab",
        _tab("follow_up"),
        lambda w: [
            w.shell.inspection_page.follow_up.add_button,
            w.shell.inspection_page.follow_up.add_reflection,
        ],
    ),
    Page(
        "report tab",
        _tab("report"),
        lambda w: [w.shell.inspection_page.report.generate_button],
    ),
    Page(
        "visit with note editor",
        lambda qtbot, w: _go_visit(qtbot, w, "Ziekenhuis A", "INDIVIDUEEL_GESPREK"),
        lambda w: [
            w.shell.visit_page.add_conversation,
            w.shell.visit_page.participants_button,
            w.shell.visit_page.new_signal,
        ],
    ),
    Page(
        "group-session board",
        lambda qtbot, w: _go_visit(qtbot, w, "dementiezorg", "NETWERKOVERLEG"),
        _board_buttons,
    ),
    Page(
        "search",
        lambda qtbot, w: w.shell.show_page("search"),
        lambda w: [],
    ),
    Page(
        "organisations list",
        lambda qtbot, w: _go_directory(qtbot, w),
        lambda w: [w.shell.organisation_list.new_organisation, w.shell.organisation_list.new_network],
    ),
    Page(
        "organisation page",
        lambda qtbot, w: _go_subject(qtbot, w, "Ziekenhuis A"),
        lambda w: [
            w.shell.organisation_page.edit_button,
            w.shell.organisation_page.units.add,
            w.shell.organisation_page.events.add,
            w.shell.organisation_page.members.add,
            w.shell.organisation_page.holder_button,
        ],
    ),
    Page(
        "handover tab",
        lambda qtbot, w: _go_handover(qtbot, w, "Ziekenhuis A"),
        lambda w: [_subject_view(w, "HandoverView").holder_button, _subject_view(w, "HandoverView").pdf_button],
    ),
    Page(
        "network page",
        lambda qtbot, w: _go_subject(qtbot, w, "Dementienetwerk Lindeveen"),
        lambda w: [
            w.shell.organisation_page.edit_button,
            w.shell.organisation_page.events.add,
            w.shell.organisation_page.members.add,
        ],
    ),
    Page(
        "signal board tab",
        lambda qtbot, w: _go_subject_view(qtbot, w, "Ziekenhuis A", "SignalBoardView"),
        lambda w: [_subject_view(w, "SignalBoardView").reset],
    ),
    Page(
        "network signal board tab",
        lambda qtbot, w: _go_subject_view(qtbot, w, "Dementienetwerk Lindeveen", "SignalBoardView"),
        lambda w: [_subject_view(w, "SignalBoardView").reset],
    ),
    Page(
        "concerns tab",
        lambda qtbot, w: _go_subject_view(qtbot, w, "Ziekenhuis A", "ConcernListView"),
        lambda w: [_subject_view(w, "ConcernListView").add],
    ),
    Page(
        "decisions tab",
        lambda qtbot, w: _go_subject_view(qtbot, w, "Ziekenhuis A", "DecisionLogView"),
        lambda w: [_subject_view(w, "DecisionLogView").add],
    ),
    Page(
        "supervision tab",
        lambda qtbot, w: _go_subject_view(qtbot, w, "Ziekenhuis B", "SupervisionView"),
        lambda w: list(_subject_view(w, "SupervisionView").buttons.values()),
    ),
    Page(
        "review list",
        lambda qtbot, w: _go_review(qtbot, w),
        lambda w: [],
    ),
    Page(
        "meetings",
        lambda qtbot, w: _go_meetings(qtbot, w),
        lambda w: [
            w.shell.deliberation_page.new_button,
            w.shell.deliberation_page.edit_button,
            w.shell.deliberation_page.delete_button,
            w.shell.deliberation_page.decision_button,
            w.shell.deliberation_page.pdf_button,
        ],
    ),
)


def _subject_view(w: MainWindow, kind: str) -> Any:
    tabs = w.shell.organisation_page.tabs
    return next(tabs.widget(n) for n in range(tabs.count()) if type(tabs.widget(n)).__name__ == kind)


def _go_subject_view(qtbot, w: MainWindow, name: str, kind: str) -> None:
    _go_subject(qtbot, w, name)
    tabs = w.shell.organisation_page.tabs
    tabs.setCurrentWidget(_subject_view(w, kind))
    if kind == "SupervisionView":  # the demo's trajectory of Ziekenhuis B, with its duties
        supervision = _subject_view(w, kind)
        qtbot.waitUntil(lambda: bool(supervision.views), timeout=10000)
    if kind in ("ConcernListView", "DecisionLogView"):
        view = _subject_view(w, kind)
        qtbot.waitUntil(lambda: view.table.rowCount() > 0, timeout=10000)


def _go_review(qtbot, w: MainWindow) -> None:
    w.shell.show_page("review")
    page = w.shell.review_list
    qtbot.waitUntil(lambda: page.table.rowCount() > 0, timeout=10000)


def _go_meetings(qtbot, w: MainWindow) -> None:
    w.shell.show_page("deliberations")
    page = w.shell.deliberation_page
    qtbot.waitUntil(lambda: page.pack is not None, timeout=10000)


def _go_handover(qtbot, w: MainWindow, name: str) -> None:
    _go_subject(qtbot, w, name)
    view = _subject_view(w, "HandoverView")
    w.shell.organisation_page.tabs.setCurrentWidget(view)
    qtbot.waitUntil(lambda: view.data is not None and view.data.title == name, timeout=20000)


def _go_directory(qtbot, w: MainWindow) -> None:
    w.shell.show_page("organisations")
    listing = w.shell.organisation_list
    listing.field.clear()
    qtbot.waitUntil(lambda: listing.loaded and listing.model.rowCount() > 0, timeout=10000)


def _go_subject(qtbot, w: MainWindow, name: str) -> None:
    _go_directory(qtbot, w)
    model = w.shell.organisation_list.model
    subject = next(model.row_at(r).subject for r in range(model.rowCount()) if model.row_at(r).name == name)
    w.shell.open_subject(subject)
    page = w.shell.organisation_page
    qtbot.waitUntil(lambda: page.detail is not None and page.detail.name == name, timeout=10000)


# ----- the dialogs ----------------------------------------------------------------------


@dataclass(frozen=True)
class Dialog:
    name: str
    page: str  # the page (PAGES) it is opened from
    kind: type[QWidget]
    open: Callable[[MainWindow], object]
    shot: str | None = None  # a docs screenshot no story test takes (those are taken at 1366x768 too)
    buttons: Callable[[QWidget], list[QAbstractButton]] | None = None  # besides its button box


def _kind(module: str, name: str) -> type[QWidget]:
    import importlib

    return getattr(importlib.import_module(module), name)


def _first_soft_signal(w: MainWindow) -> None:
    from ui.convert_signal_dialog import convertible

    panel = w.shell.inspection_page.findings
    assert convertible(panel.evidence_pool), "the demo inspection has no soft signal to convert"
    panel.convert_signal()


def _edit_first_intervention(w: MainWindow) -> None:
    panel = w.shell.inspection_page.follow_up
    assert panel.table.rowCount() > 0, "the demo inspection has no intervention"
    panel._edit(0)


def _open_first_signal(w: MainWindow) -> None:
    page = w.shell.visit_page
    assert page.signals.count() > 0, "the demo visit has no signal"
    page.open_signal(page.signals.item(0))


def _edit_paragraph(w: MainWindow) -> None:
    editor = w.shell.visit_page.editor
    cursor = editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.Start)
    editor.setTextCursor(cursor)
    w.shell.visit_page.edit_paragraph()


def _synthesis(w: MainWindow) -> None:
    board = w.shell.visit_page.board
    assert board is not None and board.conversation_id is not None
    w.open_synthesis(board.conversation_id)


def _inspection_of_page(w: MainWindow) -> str:
    detail = w.shell.inspection_page.detail
    assert detail is not None
    return detail.id


DIALOGS: tuple[Dialog, ...] = (
    Dialog(
        "new meeting",
        "meetings",
        _kind("ui.deliberation_dialog", "DeliberationDialog"),
        lambda w: w.shell.deliberation_page.new_deliberation(),
        buttons=lambda d: [d.add_button, d.up_button, d.down_button, d.remove_button],  # type: ignore[attr-defined]
    ),
    Dialog(
        "edit a meeting",
        "meetings",
        _kind("ui.deliberation_dialog", "DeliberationDialog"),
        lambda w: w.shell.deliberation_page.edit_deliberation(),
    ),
    Dialog(
        "new decision in a meeting",
        "meetings",
        _kind("ui.decision_dialog", "DecisionDialog"),
        lambda w: w.shell.deliberation_page.new_decision(),
    ),
    Dialog(
        "new inspection",
        "inspections list",
        _kind("ui.inspection_form", "InspectionForm"),
        lambda w: w.new_inspection(),
    ),
    Dialog(
        "settings",
        "inspections list",
        _kind("ui.settings_dialog", "SettingsDialog"),
        lambda w: w.open_settings(),
    ),
    Dialog(
        "sync panel",
        "inspections list",
        _kind("ui.sync_dialog", "SyncDialog"),
        lambda w: w.open_sync(),
        buttons=lambda d: [d.sync_button, d.enrol_button, d.rescue_button],
    ),
    Dialog(
        "capture a signal",
        "inspections list",
        _kind("ui.signal_capture", "SignalCapture"),
        lambda w: w.capture_signal(),
        buttons=lambda d: [d.save_button],
    ),
    Dialog(
        "new visit",
        "inspection overview",
        _kind("ui.visit_forms", "VisitForm"),
        lambda w: w.new_visit(_inspection_of_page(w)),
    ),
    Dialog(
        "new invitation",
        "inspection overview",
        _kind("ui.visit_forms", "InvitationForm"),
        lambda w: w.new_invitation(_inspection_of_page(w)),
    ),
    Dialog(
        "evidence for a finding",
        "findings tab",
        _kind("ui.evidence_picker", "EvidencePicker"),
        lambda w: w.shell.inspection_page.findings.editor.add_evidence.click(),
    ),
    Dialog(
        "convert a soft signal",
        "findings tab",
        _kind("ui.convert_signal_dialog", "ConvertSignalDialog"),
        _first_soft_signal,
    ),
    Dialog(
        "new intervention",
        "follow-up tab",
        _kind("ui.intervention_dialog", "InterventionDialog"),
        lambda w: w.shell.inspection_page.follow_up.add_button.click(),
    ),
    Dialog(
        "edit an intervention",
        "follow-up tab",
        _kind("ui.intervention_dialog", "InterventionDialog"),
        _edit_first_intervention,
    ),
    Dialog(
        "new conversation",
        "visit with note editor",
        _kind("ui.visit_forms", "ConversationForm"),
        lambda w: w.shell.visit_page.new_conversation(),
    ),
    Dialog(
        "participants",
        "visit with note editor",
        _kind("ui.participants_dialog", "ParticipantsDialog"),
        lambda w: w.shell.visit_page.edit_participants(),
    ),
    Dialog(
        "paragraph details",
        "visit with note editor",
        _kind("ui.paragraph_dialog", "ParagraphDialog"),
        _edit_paragraph,
    ),
    Dialog(
        "signal details",
        "visit with note editor",
        _kind("ui.signal_detail", "SignalDetailDialog"),
        _open_first_signal,
    ),
    Dialog(
        "signal from the notes",
        "visit with note editor",
        _kind("ui.signal_capture", "SignalCapture"),
        lambda w: w.shell.visit_page.request_signal(),
        buttons=lambda d: [d.save_button],
    ),
    Dialog(
        "synthesis",
        "group-session board",
        _kind("ui.synthesis_form", "SynthesisForm"),
        _synthesis,
    ),
    Dialog(
        "new organisation",
        "organisations list",
        _kind("ui.organisation_dialogs", "OrganisationDialog"),
        lambda w: w.shell.organisation_list.new_organisation.click(),
    ),
    Dialog(
        "new network",
        "organisations list",
        _kind("ui.organisation_dialogs", "NetworkDialog"),
        lambda w: w.shell.organisation_list.new_network.click(),
    ),
    Dialog(
        "edit an organisation",
        "organisation page",
        _kind("ui.organisation_dialogs", "OrganisationDialog"),
        lambda w: w.shell.organisation_page.edit_subject(),
    ),
    Dialog(
        "new unit",
        "organisation page",
        _kind("ui.organisation_dialogs", "UnitDialog"),
        lambda w: w.shell.organisation_page.units.add.click(),
    ),
    Dialog(
        "new life event",
        "organisation page",
        _kind("ui.organisation_dialogs", "LifeEventDialog"),
        lambda w: w.shell.organisation_page.events.add.click(),
    ),
    Dialog(
        "new network membership",
        "organisation page",
        _kind("ui.organisation_dialogs", "MembershipDialog"),
        lambda w: w.shell.organisation_page.members.add.click(),
    ),
    Dialog(
        "change account holder",
        "organisation page",
        _kind("ui.account_holder_dialog", "AccountHolderDialog"),
        lambda w: w.shell.organisation_page.holder_button.click(),
    ),
    Dialog(
        "change account holder from the dossier",
        "handover tab",
        _kind("ui.account_holder_dialog", "AccountHolderDialog"),
        lambda w: _subject_view(w, "HandoverView").holder_button.click(),
    ),
    Dialog(
        "edit a network",
        "network page",
        _kind("ui.organisation_dialogs", "NetworkDialog"),
        lambda w: w.shell.organisation_page.edit_subject(),
    ),
    Dialog(
        "new member",
        "network page",
        _kind("ui.organisation_dialogs", "MembershipDialog"),
        lambda w: w.shell.organisation_page.members.add.click(),
    ),
    Dialog(
        "a concern with its matrix",
        "concerns tab",
        _kind("ui.concern_editor", "ConcernEditor"),
        lambda w: _open_first_concern(w),
    ),
    Dialog(
        "new concern",
        "concerns tab",
        _kind("ui.concern_editor", "ConcernEditor"),
        lambda w: _subject_view(w, "ConcernListView").add.click(),
    ),
    Dialog(
        "new supervision trajectory",
        "supervision tab",
        _kind("ui.trajectory_dialog", "TrajectoryDialog"),
        lambda w: _subject_view(w, "SupervisionView").buttons["newTrajectory"].click(),
    ),
    Dialog(
        "edit a supervision trajectory",
        "supervision tab",
        _kind("ui.trajectory_dialog", "TrajectoryDialog"),
        lambda w: _subject_view(w, "SupervisionView").buttons["editTrajectory"].click(),
    ),
    Dialog(
        "end a supervision trajectory",
        "supervision tab",
        _kind("ui.trajectory_dialog", "EndTrajectoryDialog"),
        lambda w: _subject_view(w, "SupervisionView").buttons["endTrajectory"].click(),
    ),
    Dialog(
        "new reporting duty",
        "supervision tab",
        _kind("ui.trajectory_dialog", "DutyDialog"),
        lambda w: _subject_view(w, "SupervisionView").buttons["newDuty"].click(),
    ),
    Dialog(
        "report received",
        "supervision tab",
        _kind("ui.trajectory_dialog", "ReportDialog"),
        lambda w: _record_first_report(w),
    ),
    Dialog(
        "new decision",
        "decisions tab",
        _kind("ui.decision_dialog", "DecisionDialog"),
        lambda w: _subject_view(w, "DecisionLogView").add.click(),
    ),
    Dialog(
        "edit a decision",
        "decisions tab",
        _kind("ui.decision_dialog", "DecisionDialog"),
        lambda w: _open_first_decision(w),
        buttons=lambda d: [d.delete],  # type: ignore[attr-defined]
    ),
)


def _open_first_decision(w: MainWindow) -> None:
    view = _subject_view(w, "DecisionLogView")
    view.table.selectRow(0)
    view.open_current()


def _record_first_report(w: MainWindow) -> None:
    view = _subject_view(w, "SupervisionView")
    duty = next(i for i in view.tree_items if i.data(0, Qt.ItemDataRole.UserRole)[0] == "d")
    view.tree.setCurrentItem(duty)
    view.record_report()


def _open_first_concern(w: MainWindow) -> None:
    view = _subject_view(w, "ConcernListView")
    view.table.selectRow(0)
    view.open_current()


def _from_settings(button: str) -> Callable[[MainWindow], object]:
    """Open Settings (a modal exec) and, once it shows, press one of its buttons."""

    def open_(w: MainWindow) -> None:
        def press() -> None:
            settings = _visible_of(_kind("ui.settings_dialog", "SettingsDialog"))
            assert settings is not None, "Settings did not open"
            getattr(settings, button).click()

        QTimer.singleShot(SETTLE_MS, press)
        w.open_settings()

    return open_


# Opened from another dialog; the one they were opened from is closed after them.
NESTED: tuple[Dialog, ...] = (
    Dialog(
        "change passphrase",
        "inspections list",
        _kind("ui.passphrase_dialog", "PassphraseDialog"),
        _from_settings("passphrase_button"),
    ),
    Dialog(
        "about Veldwerk",
        "inspections list",
        _kind("ui.about_dialog", "AboutDialog"),
        _from_settings("about_button"),
    ),
    Dialog(
        "evidence for a synthesis score",
        "group-session board",
        _kind("ui.synthesis_form", "EvidencePicker"),
        lambda w: _synthesis_evidence(w),
    ),
)


def _synthesis_evidence(w: MainWindow) -> None:
    """Open the synthesis and, once it shows, the evidence picker of its first score."""

    def press() -> None:
        form = _visible_of(_kind("ui.synthesis_form", "SynthesisForm"))
        assert form is not None, "the synthesis did not open"
        next(iter(form.rows.values())).evidence_button.click()  # type: ignore[attr-defined]

    QTimer.singleShot(SETTLE_MS, press)
    _synthesis(w)


def _check_dialog(qtbot, w: MainWindow, checks: Checks, case: Dialog) -> None:
    """Open it the way the app does (window-modal or exec), measure it once it settled, close it."""
    measured: list[bool] = []
    shown_at: list[QWidget] = []

    def poll() -> None:
        dialog = _visible_of(case.kind)
        if dialog is None or measured:
            return
        if not shown_at:
            shown_at.append(dialog)
            QTimer.singleShot(SETTLE_MS, lambda: measure(dialog))

    def measure(dialog: QWidget) -> None:
        if measured or not shiboken6.isValid(dialog):
            return
        name = f"dialog '{case.name}'"
        checks.window_fits(name, dialog)
        buttons: list[QAbstractButton] = list(case.buttons(dialog)) if case.buttons else []
        for box in dialog.findChildren(QDialogButtonBox):
            buttons.extend(b for b in box.buttons() if not b.isHidden())
        if not buttons:
            checks.problems.append(f"{name}: no main button to check (add them to its DIALOGS entry)")
        checks.buttons_shown(name, dialog, buttons)
        checks.texts_readable(name, dialog)
        before = dialog.size()
        for tabs in dialog.findChildren(QTabWidget):
            for index in range(tabs.count()):
                tabs.setCurrentIndex(index)
                QApplication.processEvents()
                checks.same_size(f"{name} / tab '{tabs.tabText(index)}'", dialog, before)
        _shot(dialog, case.shot)
        measured.append(True)
        if isinstance(dialog, QDialog):
            dialog.reject()
        else:
            dialog.close()
        QTimer.singleShot(0, _close_dialogs)  # a dialog it was opened from

    timer = QTimer()
    timer.setInterval(50)
    timer.timeout.connect(poll)
    timer.start()
    QTimer.singleShot(0, lambda: case.open(w))
    try:
        qtbot.waitUntil(lambda: bool(measured), timeout=10000)
    except AssertionError:
        raise AssertionError(f"dialog '{case.name}' ({case.kind.__name__}) could not be opened") from None
    finally:
        timer.stop()
    qtbot.waitUntil(lambda: _visible_of(case.kind) is None, timeout=5000)


def test_every_page_and_dialog_fits_1366x768(qtbot, window: MainWindow) -> None:
    w = window
    checks = Checks()
    checks.window_fits("main window after unlock", w)
    size = w.size()
    dialogs = (*DIALOGS, *NESTED)
    assert {d.page for d in dialogs} <= {p.name for p in PAGES}
    for page in PAGES:
        page.go(qtbot, w)
        qtbot.wait(SETTLE_MS)
        checks.window_fits(f"page '{page.name}'", w)
        checks.same_size(f"page '{page.name}'", w, size)
        checks.buttons_shown(f"page '{page.name}'", w, page.buttons(w))
        checks.texts_readable(f"page '{page.name}'", w)
        checks.tabs_keep_size(f"page '{page.name}'", w, qtbot)
        _shot(w, page.shot)
        for case in dialogs:
            if case.page == page.name:
                _check_dialog(qtbot, w, checks, case)
                checks.same_size(f"page '{page.name}' after dialog '{case.name}'", w, size)
    unseen = [d.name for d in dialogs if f"dialog '{d.name}'" not in checks.seen]
    assert not unseen, f"dialogs not checked: {unseen}"
    assert not checks.problems, "Does not fit 1366x768:\n" + "\n".join(checks.problems)


def test_demo_has_a_network_inspection_for_the_walk(qtbot, window: MainWindow) -> None:
    """The walk relies on the demo's network inspection (findings, follow-up, a board)."""
    rows = [window.shell.inspections.row_at(r) for r in range(window.shell.inspections.rowCount())]
    assert any(r.inspection_type == InspectionType.NETWORK and "dementiezorg" in r.title for r in rows)


def test_the_first_window_fits_a_laptop_screen_with_its_frame(tmp_path: Path) -> None:
    """On a 1366x768 screen the window opens small enough for its title bar and frame."""
    import json
    import subprocess
    import sys

    from .conftest import ROOT

    probe = (
        "import json, sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from inspectorapp.bootstrap import build_main_window\n"
        "from inspectorapp.paths import app_paths\n"
        "app = QApplication([])\n"
        "w = build_main_window(app, app_paths(sys.argv[1]).ensure())\n"
        "w.show(); app.processEvents()\n"
        "f = w.frameGeometry()\n"
        "print(json.dumps([f.width(), f.height()]))\n"
    )
    env = {
        **__import__("os").environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={ROOT / 'tests' / 'laptop_screen.json'}",
    }
    out = subprocess.run(
        [sys.executable, "-c", probe, str(tmp_path / "home")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    width, height = json.loads(out.stdout.strip().splitlines()[-1])
    assert width <= 1366 and height <= 768, (width, height)


def test_the_signal_board_fits_1366x768(qtbot, window: MainWindow) -> None:
    """The organisation page will host the board; until it does, it is measured on its own
    at laptop size, in every grouping (the widest: by month)."""
    from sqlalchemy import select

    from inspectorapp.domain.subject_ref import SubjectRef
    from storage.models import Organisation
    from ui.signal_board import SignalBoardView

    ws = window.workspace
    assert ws is not None
    org = ws.call(
        lambda s: s.scalars(select(Organisation.id).where(Organisation.name == "Ziekenhuis A")).one()
    )
    board = SignalBoardView(ws)
    qtbot.addWidget(board)
    board.show()
    laptop_size(board)
    size = board.size()
    board.show_subject(SubjectRef.organisation(org))
    qtbot.waitUntil(lambda: board.view is not None, timeout=10000)
    checks = Checks()
    for index in range(board.group.count()):
        board.group.setCurrentIndex(index)
        qtbot.wait(SETTLE_MS)
        name = f"signal board / {board.group.currentText()}"
        checks.window_fits(name, board)
        checks.same_size(name, board, size)
        checks.buttons_shown(name, board, [board.reset, *board.multi])
        checks.texts_readable(name, board)
    assert not checks.problems, "Does not fit 1366x768:\n" + "\n".join(checks.problems)


def test_the_timeline_fits_1366x768(qtbot, window: MainWindow) -> None:
    """The organisation page will host the timeline; until it does, it is measured on its own
    at laptop size, plain and compressed (docs/timeline.png: Ziekenhuis A)."""
    from sqlalchemy import select

    from inspectorapp.domain.subject_ref import SubjectRef
    from storage.models import Organisation
    from ui.timeline_view import TimelineView

    ws = window.workspace
    assert ws is not None
    org = ws.call(
        lambda s: s.scalars(select(Organisation.id).where(Organisation.name == "Ziekenhuis A")).one()
    )
    view = TimelineView(ws)
    qtbot.addWidget(view)
    view.show()
    laptop_size(view)
    size = view.size()
    view.show_subject(SubjectRef.organisation(org))
    qtbot.waitUntil(lambda: view.loads >= 1, timeout=10000)
    checks = Checks()
    for compressed in (False, True):
        view.compress.setChecked(compressed)
        qtbot.wait(SETTLE_MS)
        name = f"timeline{' / compressed' if compressed else ''}"
        checks.window_fits(name, view)
        checks.same_size(name, view, size)
        checks.buttons_shown(
            name, view, [view.zoom_in_button, view.zoom_out_button, view.compress, view.pdf_button]
        )
        checks.texts_readable(name, view)
    view.scroller.setFocus()  # not the period field, whose text would show selected
    _shot(view, "timeline.png")
    assert not checks.problems, "Does not fit 1366x768:\n" + "\n".join(checks.problems)


def test_the_concern_editor_and_review_list_fit_1366x768(qtbot, window: MainWindow) -> None:
    """The review page from the navigation, and a concern's editor on each tab with its status
    dialog (con_a_meld, three hypotheses), at laptop size."""
    from sqlalchemy import select

    from storage.models import Concern
    from ui.concern_editor import ConcernEditor
    from ui.dialogs import open_dialog
    from ui.status_dialog import StatusDialog, StatusOf

    w = window
    checks = Checks()
    w.shell.show_page("review")
    page = w.shell.review_list
    qtbot.waitUntil(lambda: page.loads >= 1, timeout=10000)
    checks.window_fits("page 'review list'", w)
    checks.texts_readable("page 'review list'", w)
    ws = w.workspace
    assert ws is not None
    cid = ws.call(
        lambda s: s.scalars(select(Concern.id).where(Concern.title.startswith("Mogelijk onveilig"))).one()
    )
    editor = open_dialog(ConcernEditor(ws, cid, parent=w))
    qtbot.waitUntil(lambda: editor.data is not None, timeout=10000)
    qtbot.wait(SETTLE_MS)
    size = editor.size()
    buttons = [
        editor.change_status,
        editor.attach,
        editor.detach,
        editor.add_hypothesis,
        editor.remove_hypothesis,
    ]
    for index in range(editor.tabs.count()):
        editor.tabs.setCurrentIndex(index)
        qtbot.wait(SETTLE_MS)
        name = f"concern editor / {editor.tabs.tabText(index)}"
        checks.window_fits(name, editor)
        checks.same_size(name, editor, size)
        checks.buttons_shown(name, editor, [b for b in buttons if b.isVisibleTo(editor)])
        checks.texts_readable(name, editor)
    status = open_dialog(StatusDialog(ws, StatusOf.CONCERN, cid, editor))
    qtbot.waitUntil(lambda: status.options is not None, timeout=10000)
    checks.window_fits("concern status", status)
    checks.buttons_shown("concern status", status, list(status.buttons.buttons()))
    status.reject()
    editor.reject()
    assert not checks.problems, "Does not fit 1366x768:\n" + "\n".join(checks.problems)


def test_a_long_conversation_title_shows_whole_in_the_new_conversation_form(qtbot, window: MainWindow) -> None:
    """Issue #13: titles were clipped in the "+ Gesprek" title field. The demo's longest
    conversation title, typed into the form at 1366x768, fits the field without scrolling."""
    from PySide6.QtWidgets import QStyle, QStyleOptionFrame

    w = window
    _go_visit(qtbot, w, "dementiezorg")
    longest = max(_demo_conversation_titles(), key=len)
    w.shell.visit_page.new_conversation()
    qtbot.waitUntil(lambda: _visible_of(_kind("ui.visit_forms", "ConversationForm")) is not None, timeout=5000)
    form = _visible_of(_kind("ui.visit_forms", "ConversationForm"))
    form.title.setText(longest)  # type: ignore[attr-defined]
    field = form.title  # type: ignore[attr-defined]
    option = QStyleOptionFrame()
    field.initStyleOption(option)
    inner = field.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, field)
    assert field.fontMetrics().horizontalAdvance(longest) <= inner.width(), (longest, inner.width())
    assert form.frameGeometry().width() <= 1366  # type: ignore[attr-defined]
    form.reject()  # type: ignore[attr-defined]


def _demo_conversation_titles() -> list[str]:
    import json

    from .conftest import ROOT

    titles: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if "conversation_type" in node and isinstance(node.get("title"), str):
                titles.append(node["title"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads((ROOT / "resources" / "demo" / "demo-nl.json").read_text("utf-8")))
    assert len(titles) > 20
    return titles
