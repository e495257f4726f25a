"""The capture form: earlier signals beside it while typing (link in one key, dismiss in one
key) and the source fields suggested from the entrance, keeping what was typed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QWidget
from sqlalchemy import select

from inspectorapp.domain.drafts import SignalDraft, SignalPrefill
from inspectorapp.domain.enums import SignalKind, SignalLinkType, SourceType, Valence
from inspectorapp.domain.snapshots import ActionContext
from inspectorapp.executor import DbExecutor
from inspectorapp.paths import app_paths
from inspectorapp.services import demo
from inspectorapp.store_access import create_store
from inspectorapp.workspace import Workspace
from storage import models as m
from ui.signal_capture import SignalCapture

from . import helpers
from .conftest import PASSPHRASE
from .test_resurfacing import SOFT_TEXT

# A dismissal is remembered per inspector; each test is its own inspector on its own store.


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    paths = app_paths(tmp_path / "home").ensure()
    store = create_store(paths.store_file, PASSPHRASE)
    ws = Workspace(DbExecutor(store), ActionContext("Inspecteur De Vries", "device-1"), paths)
    ws.call(lambda s: demo.load_demo(s, ws.ctx))
    yield ws
    ws.close()


def _form(qtbot, ws: Workspace) -> tuple[SignalCapture, str]:
    def ids(s):
        org = s.scalar(select(m.Organisation.id).where(m.Organisation.name == "Ziekenhuis A"))
        unit = s.scalar(select(m.Unit.id).where(m.Unit.organisation_id == org, m.Unit.name.like("%3 Oost%")))
        soft = s.scalar(select(m.Signal.id).where(m.Signal.observation.contains(SOFT_TEXT)))
        return org, unit, soft

    org, unit, soft = ws.call(ids)
    dialog = SignalCapture(ws, SignalPrefill(SignalDraft(organisation_id=org, unit_id=unit)))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.organisation.count() > 0 and dialog.related.count() > 0, timeout=10000)
    return dialog, soft


def _answered(qtbot, dialog: SignalCapture) -> None:
    """The typing pause is over, the suggestions were asked again and the answer is shown."""
    qtbot.waitUntil(lambda: not dialog._related_timer.isActive(), timeout=10000)
    helpers.drain(qtbot, dialog.workspace)


def _check(dialog: SignalCapture, code: str) -> None:
    for i in range(dialog.categories.count()):
        item = dialog.categories.item(i)
        if item.data(Qt.ItemDataRole.UserRole) == code:
            item.setCheckState(Qt.CheckState.Checked)


def test_link_the_soft_signal_from_the_suggestions_while_typing(qtbot, workspace: Workspace) -> None:
    dialog, soft = _form(qtbot, workspace)
    _check(dialog, "CUL.SPEAKUP")
    qtbot.keyClicks(dialog.observation, "Niemand durft kritiek te uiten op de afdeling")
    qtbot.waitUntil(lambda: dialog.related.current_id() == soft, timeout=10000)  # ranked first
    first = dialog.related.item(0).text()
    stays_soft = QCoreApplication.translate("SuggestionList", "stays soft")
    assert stays_soft in first and "CUL.SPEAKUP" in first  # says why
    dialog.grab().save("/tmp/signal-capture-suggestions.png")
    # Ctrl+L while typing links it; again: the next link type.
    qtbot.keyClick(dialog.observation, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(dialog.observation, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert dialog.related.links() == ((soft, SignalLinkType.CORROBORATES),)
    assert dialog.observation.toPlainText() == "Niemand durft kritiek te uiten op de afdeling"
    # Typing on asks again; what was linked stays in the list and stays linked.
    asked = dialog._asked
    qtbot.keyClicks(dialog.observation, " meer")
    _answered(qtbot, dialog)
    assert dialog._asked > asked and soft in dialog.related.shown
    assert dialog.related.links() == ((soft, SignalLinkType.CORROBORATES),)
    dialog.kind_buttons[SignalKind.SOFT].setChecked(True)
    dialog.valence_buttons[Valence.NEGATIVE].setChecked(True)
    with qtbot.waitSignal(dialog.captured, timeout=10000) as saved:
        qtbot.keyClick(dialog.observation, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    new = saved.args[0].id
    links = workspace.call(
        lambda s: s.execute(
            select(m.SignalLink.to_signal_id, m.SignalLink.link_type).where(
                m.SignalLink.from_signal_id == new
            )
        ).all()
    )
    assert links == [(soft, SignalLinkType.CORROBORATES)]


def test_dismiss_in_one_key_and_it_stays_dismissed(qtbot, workspace: Workspace) -> None:
    dialog, _soft = _form(qtbot, workspace)
    qtbot.keyClick(dialog.observation, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    gone = dialog.related.current_id()
    assert gone and gone == dialog.related.item(1).data(Qt.ItemDataRole.UserRole)
    qtbot.keyClick(dialog.observation, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert gone not in dialog.related.shown

    def dismissed(s) -> list[str]:
        return list(s.scalars(select(m.SuggestionDismissal.signal_id)))

    qtbot.waitUntil(lambda: workspace.call(dismissed) == [gone], timeout=5000)
    dialog.close()
    again, _soft = _form(qtbot, workspace)  # a new form: not suggested again
    _answered(qtbot, again)  # and not in a later answer either
    assert gone not in again.related.shown


def test_source_fields_follow_the_entrance_but_keep_what_was_typed(qtbot, workspace: Workspace) -> None:
    dialog, _soft = _form(qtbot, workspace)
    src = dialog.source

    def entrance(code: str) -> None:
        dialog.entrance.setCurrentIndex(dialog.entrance.findData(code))

    entrance("LMZ_KLACHT")
    assert src.source_type() == SourceType.REPORTER
    assert "LMZ-" in src.key.placeholderText() and src.key.text() == ""
    qtbot.keyClicks(src.key, "LMZ-2026-08812")
    entrance("CALAMITEITENRAPPORTAGE")
    assert src.source_type() == SourceType.DOCUMENT  # not chosen by hand: follows the entrance
    assert src.key.text() == "LMZ-2026-08812"  # typed: kept
    src.kind.setCurrentIndex(src.kind.findData(SourceType.ORAL_STAFF.value))
    src.kind.activated.emit(src.kind.currentIndex())  # as a user's pick
    entrance("BEZOEK_ONAANGEKONDIGD")
    assert src.source_type() == SourceType.ORAL_STAFF  # chosen: a suggestion leaves it
    draft = dialog.draft()
    assert (draft.source_type, draft.source_key) == (SourceType.ORAL_STAFF, "LMZ-2026-08812")


def test_the_source_fields_come_after_the_existing_fields_in_the_tab_order(qtbot, workspace) -> None:
    dialog, _soft = _form(qtbot, workspace)
    chain: list[QWidget] = []
    w: QWidget = dialog.observation
    for _ in range(1000):  # the chain holds every child; the ones Tab stops at are among them
        w = w.nextInFocusChain()
        if w is dialog.observation:
            break
        if w.focusPolicy() & Qt.FocusPolicy.TabFocus:
            chain.append(w)
    order = [dialog.quote, dialog.entrance, dialog.observer, dialog.confidentiality, dialog.source.kind]
    positions = [chain.index(x) for x in order]
    assert positions == sorted(positions)
    assert chain.index(dialog.source.key) > chain.index(dialog.source.kind)
