"""Views that stay true: one change broadcast (ui/change_bus.py), every view follows it.

The reported case: a conversation added on the visit page is counted on the inspection
page after "← Inspection", without reopening. And a write from elsewhere (another service
call on the workspace, or what a sync received) refreshes the open pages, each touched
view once per burst, untouched views not at all.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication

from inspectorapp.bootstrap import build_main_window
from inspectorapp.domain.changes import ChangeSet
from inspectorapp.domain.drafts import ConversationDraft, SignalDraft
from inspectorapp.domain.enums import SignalKind, Valence
from inspectorapp.paths import app_paths
from inspectorapp.services import preparation, signals
from ui import ops
from ui.change_bus import ChangeOrigin, bus_of
from ui.main_window import MainWindow
from ui.visit_forms import ConversationForm

from .test_app_window import _create, _wait_rows
from .test_visit_workspace import _open_first_visit_of


@pytest.fixture
def window(qtbot, tmp_path: Path) -> MainWindow:
    paths = app_paths(tmp_path / "home").ensure()
    w = build_main_window(QApplication.instance(), paths)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    _create(qtbot, w)
    _wait_rows(qtbot, w, 4)
    yield w
    w.lock()


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """Every service function the GUI submits, by name: a refresh is one read."""
    seen: Counter[str] = Counter()
    real = ops.submit

    def counting(workspace, fn, *args, **kwargs):  # type: ignore[no-untyped-def]
        seen[getattr(fn, "__name__", "?")] += 1
        return real(workspace, fn, *args, **kwargs)

    monkeypatch.setattr(ops, "submit", counting)
    return seen


def _conversations_of_first_visit(w: MainWindow) -> int:
    assert w.shell is not None and w.shell.inspection_page.detail is not None
    return w.shell.inspection_page.detail.visits[0].conversation_count


def _settle(qtbot, w: MainWindow) -> None:
    """Queued writes done, their broadcast out, the reads it caused shown."""
    assert w.workspace is not None
    w.workspace.call(lambda _s: None)  # behind every write already queued
    qtbot.wait(50)
    w.workspace.call(lambda _s: None)  # behind the reads those caused
    qtbot.wait(50)


def test_a_conversation_added_on_the_visit_page_is_counted_after_going_back(
    qtbot, window: MainWindow, reads: Counter[str]
) -> None:
    w = window
    _open_first_visit_of(qtbot, w, "Ziekenhuis A")
    shell = w.shell
    assert shell is not None
    page, inspection = shell.visit_page, shell.inspection_page
    before = _conversations_of_first_visit(w)
    shown = page.conversations.count()
    _settle(qtbot, w)
    reads.clear()

    page.new_conversation()
    form = w.findChild(ConversationForm)
    assert form is not None
    qtbot.waitUntil(lambda: form.kind.count() > 0, timeout=5000)
    form.title.setText("Gesprek met de cliëntenraad")
    form.save()
    qtbot.waitUntil(lambda: page.conversations.count() == shown + 1, timeout=10000)
    _settle(qtbot, w)
    # Hidden pages wait: nothing re-read the inspection or the list while on the visit.
    assert reads["inspection_detail"] == 0 and reads["list_inspections"] == 0
    assert reads["visit_workspace"] == 1  # the visit page once, not once per listener

    qtbot.mouseClick(page.back, Qt.MouseButton.LeftButton)  # "← Inspection"
    assert shell.pages.currentWidget() is inspection
    qtbot.waitUntil(lambda: _conversations_of_first_visit(w) == before + 1, timeout=10000)
    assert str(before + 1) in inspection.visits.item(0).text()
    _settle(qtbot, w)
    assert reads["inspection_detail"] == 1 and reads["list_inspections"] == 0

    shell.show_page("inspections")  # the list shows no conversations: not read again
    _settle(qtbot, w)
    assert reads["list_inspections"] == 0


def test_a_write_elsewhere_refreshes_the_open_pages_once(
    qtbot, window: MainWindow, reads: Counter[str]
) -> None:
    w = window
    _open_first_visit_of(qtbot, w, "Ziekenhuis A")
    shell, ws = w.shell, w.workspace
    assert shell is not None and ws is not None
    page = shell.visit_page
    assert page.data is not None
    visit_id, signals_before = page.data.visit_id, page.signals.count()
    org = page.data.organisations[0].id
    _settle(qtbot, w)
    reads.clear()
    bus = bus_of(ws)
    broadcasts = bus.emitted

    # Three signals from "elsewhere" (a second caller on the workspace), one burst.
    for n in range(3):
        draft = SignalDraft(
            inspection_id=page.data.inspection_id,
            visit_id=visit_id,
            organisation_id=org,
            kind=SignalKind.SOFT,
            valence=Valence.NEGATIVE,
            observation=f"Melding van elders {n}",
        )
        ws.submit(signals.capture_signal, ws.ctx, draft)
    ws.call(lambda _s: None)  # all three committed before the GUI turns: one burst
    qtbot.waitUntil(lambda: page.signals.count() == signals_before + 3, timeout=10000)
    _settle(qtbot, w)
    assert bus.emitted == broadcasts + 1  # one broadcast for the burst
    assert reads["visit_workspace"] == 1  # the open visit re-read once, not three times
    assert reads["list_inspections"] == 0 and reads["inspection_detail"] == 0  # hidden: later

    # Untouched views stay: a change to paragraph notes of another conversation reads no lists.
    reads.clear()
    bus.publish(ChangeSet.of(report_draft=["elders"]), ChangeOrigin.SYNC)
    _settle(qtbot, w)
    assert reads["visit_workspace"] == 0 and reads["list_inspections"] == 0

    # What a sync received reaches the open page the same way.
    ws.call(
        preparation.add_conversation,
        ws.ctx,
        visit_id,
        ConversationDraft(conversation_type="INDIVIDUEEL_GESPREK", title="Van de laptop van een collega"),
    )
    _settle(qtbot, w)
    reads.clear()
    bus.publish(ChangeSet.of(conversation=["van-elders"]), ChangeOrigin.SYNC)
    _settle(qtbot, w)
    assert reads["visit_workspace"] == 1
    titles = [page.conversations.item(i).text() for i in range(page.conversations.count())]
    assert any("Van de laptop van een collega" in t for t in titles)


def test_the_back_button_text_is_the_translated_one(window: MainWindow) -> None:
    assert window.shell is not None
    back = window.shell.visit_page.back.text()
    assert back in (
        "← Inspection",
        QCoreApplication.translate("VisitPage", "← Inspection"),
    )
