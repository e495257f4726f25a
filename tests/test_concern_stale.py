"""No stale concern editor overwrites a colleague (issue #12 B, #14; decision 0017).

The real ``ConcernEditor`` on a real demo store. A colleague's change reaches the store the
way a second window of the app writes it (a service call whose change-set goes out on the
workspace's bus) or the way a sync run applies a pulled record before its broadcast comes
(written, not yet announced: the user may press Save in between). The UI tests drive the
widget and write with ``save_concern`` and the raw store only, so they run against the editor
and service from before the fix too (they fail there).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QListWidgetItem
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from inspectorapp.bootstrap import Translations
from inspectorapp.domain.changes import ChangeSet
from inspectorapp.domain.concern_drafts import ConcernDraft, draft_of
from inspectorapp.domain.snapshots import ActionContext
from inspectorapp.errors import ValidationError
from inspectorapp.services import concern_views, concerns, sync_status
from inspectorapp.workspace import Workspace
from storage import models as m
from storage.engine import Store
from ui.change_bus import ChangeOrigin, bus_of
from ui.concern_editor import ConcernEditor
from ui.concern_fields import field_name
from ui.sync_controller import SyncController
from ui.sync_dialog import SyncDialog, _item_text

from . import helpers
from .test_concern_ui import _editor, _meld, workspace

__all__ = ["workspace"]  # the fixture, found by pytest in this namespace

COLLEAGUE = ActionContext("Inspecteur Bakker", "device-2")
TITLE = "Mogelijk onveilig meldklimaat op 3 Oost"


def _stored(ws: Workspace, cid: str) -> ConcernDraft:
    return ws.call(lambda s: draft_of(concern_views.concern_view(s, cid)))


def _second_window(ws: Workspace, cid: str, **values: Any) -> None:
    """A colleague's edit as another window of the app saves it: the bus announces it."""
    current = _stored(ws, cid)
    ws.call(concerns.save_concern, COLLEAGUE, current.but(values), cid)


def _arrived_unseen(ws: Workspace, cid: str, **values: Any) -> None:
    """A pulled change applied by a sync run still going: in the store, not yet announced."""

    def write(s: Session) -> None:
        row = s.get(m.Concern, cid)
        for key, value in values.items():
            setattr(row, key, value)

    ws.call(write)


def _save(qtbot: QtBot, ws: Workspace, editor: ConcernEditor) -> None:
    """Save pressed, and written: the audit log has one edit more (the old editor too)."""

    def edits() -> int:
        return ws.call(
            lambda s: s.scalar(
                select(func.count()).select_from(m.AuditLog).where(m.AuditLog.action == "concern.edit")
            )
        )

    before = edits()
    editor.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: edits() > before, timeout=10000)


def _local_conflicts(ws: Workspace) -> list[sync_status.IssueView]:
    issues = ws.call(sync_status.sync_overview).issues
    return [i for i in issues if i.kind == "local_conflict"]


# ----- through the real widget ---------------------------------------------------------------
def test_a_change_to_the_open_concern_shows_in_the_editor(qtbot: QtBot, workspace: Workspace) -> None:
    cid = _meld(workspace)
    editor = _editor(qtbot, workspace, cid)
    qtbot.keyClicks(editor.owner, " en Bakker")  # the user is editing another field
    step = "Roosters van 3 Oost over het laatste half jaar opvragen."
    _second_window(workspace, cid, title=TITLE + " en 4 West", next_step=step)
    qtbot.waitUntil(lambda: editor.title.text() == TITLE + " en 4 West", timeout=10000)
    assert editor.next_step.text() == step
    assert editor.owner.text() == "Accounthouder Ziekenhuis A en Bakker"  # the typing stays
    # a sync's broadcast: what it applied fills the fields not being edited
    _arrived_unseen(workspace, cid, next_step_owner="Inspecteur Bakker")
    bus_of(workspace).publish(ChangeSet.of(concern=[cid]), ChangeOrigin.SYNC)
    qtbot.waitUntil(lambda: editor.next_step_owner.text() == "Inspecteur Bakker", timeout=10000)
    assert not editor.notice.isVisible()


def test_the_user_edits_one_field_and_a_colleague_another_save_keeps_both(
    qtbot: QtBot, workspace: Workspace
) -> None:
    cid = _meld(workspace)
    editor = _editor(qtbot, workspace, cid)
    editor.alternatives.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor.alternatives, " Of een nieuwe teamleider.")
    step = "Twee verpleegkundigen van de nachtdienst apart spreken."
    _arrived_unseen(workspace, cid, next_step=step, next_step_due=date(2027, 1, 8))
    _save(qtbot, workspace, editor)
    qtbot.waitUntil(lambda: _stored(workspace, cid).alternatives.endswith("teamleider."), timeout=10000)  # type: ignore[union-attr]
    stored = _stored(workspace, cid)
    assert (stored.next_step, stored.next_step_due) == (step, date(2027, 1, 8))  # the colleague's stays
    qtbot.waitUntil(lambda: editor.next_step.text() == step, timeout=10000)  # and shows
    assert editor.next_step_due.date().toPython() == date(2027, 1, 8)
    assert editor.alternatives.toPlainText() == stored.alternatives
    assert not editor.notice.isVisible() and _local_conflicts(workspace) == []


def test_both_changed_the_statement_the_colleagues_stays_and_the_users_waits(
    qtbot: QtBot, workspace: Workspace
) -> None:
    cid = _meld(workspace)
    editor = _editor(qtbot, workspace, cid)
    editor.title.end(False)
    qtbot.keyClicks(editor.title, " en 4 West")
    _arrived_unseen(workspace, cid, title=TITLE + " en 3 West")
    _save(qtbot, workspace, editor)
    assert _stored(workspace, cid).title == TITLE + " en 3 West"  # not overwritten
    qtbot.waitUntil(lambda: editor.notice.isVisible(), timeout=10000)
    assert editor.title.text() == TITLE + " en 3 West"  # what the user sees is what is stored
    assert field_name("title") in editor.notice.text() and "en 3 West" in editor.notice.text()
    [issue] = _local_conflicts(workspace)
    assert (issue.tbl, issue.record_id) == ("concern", cid)
    assert [(f.field, f.mine, f.current) for f in issue.fields] == [
        ("title", TITLE + " en 4 West", TITLE + " en 3 West")
    ]
    # "keep mine" in the sync panel writes it; the form, untouched since, follows
    workspace.call(sync_status.resolve_issue, workspace.ctx, issue.id, "mine")
    qtbot.waitUntil(lambda: editor.title.text() == TITLE + " en 4 West", timeout=10000)
    assert _stored(workspace, cid).title == TITLE + " en 4 West"


def test_both_changed_the_hypothesis_in_different_words_merged(qtbot: QtBot, workspace: Workspace) -> None:
    cid = _meld(workspace)
    editor = _editor(qtbot, workspace, cid)
    before = editor.hypothesis.toPlainText()
    editor.hypothesis.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor.hypothesis, " Navragen bij de OR.")
    _arrived_unseen(workspace, cid, hypothesis=before.replace("één bron", "twee bronnen"))
    _save(qtbot, workspace, editor)
    merged = before.replace("één bron", "twee bronnen") + " Navragen bij de OR."
    qtbot.waitUntil(lambda: _stored(workspace, cid).hypothesis == merged, timeout=10000)
    qtbot.waitUntil(lambda: editor.hypothesis.toPlainText() == merged, timeout=10000)
    assert not editor.notice.isVisible() and _local_conflicts(workspace) == []


def test_a_clash_seen_while_typing_keeps_the_typing_and_says_so(qtbot: QtBot, workspace: Workspace) -> None:
    cid = _meld(workspace)
    editor = _editor(qtbot, workspace, cid)
    editor.next_step.end(False)
    qtbot.keyClicks(editor.next_step, " Ook de teamleider.")
    mine = editor.next_step.text()
    theirs = "Het rooster van 3 Oost opvragen."
    _second_window(workspace, cid, next_step=theirs)
    qtbot.waitUntil(lambda: editor.notice.isVisible(), timeout=10000)
    assert editor.next_step.text() == mine and theirs in editor.notice.text()
    _save(qtbot, workspace, editor)  # the colleague's stays; the user's goes to the sync panel
    qtbot.waitUntil(lambda: editor.next_step.text() == theirs, timeout=10000)
    assert _stored(workspace, cid).next_step == theirs
    [issue] = _local_conflicts(workspace)
    assert [(f.field, f.mine) for f in issue.fields] == [("next_step", mine)]


# ----- the service: a save carries its base ------------------------------------------------
def _view(store: Store, cid: str) -> ConcernDraft:
    with store.session() as s:
        return draft_of(concern_views.concern_view(s, cid))


def test_an_edit_is_checked_against_its_base_per_field(store: Store, ctx: ActionContext) -> None:
    with store.transaction() as s:
        org = helpers.organisation(s, ctx)
        draft = ConcernDraft(
            organisation_id=org,
            title="Nachtbezetting 3 Oost",
            hypothesis="Te weinig vaste krachten op de nacht.",
            next_step="Roosters opvragen",
            next_step_due=date(2027, 1, 8),
        )
        cid = concerns.save_concern(s, ctx, draft).value
    base = _view(store, cid)
    with store.transaction() as s:  # underneath: a colleague's change comes in
        theirs = base.but(
            {
                "next_step": "Roosters en verzuim opvragen",
                "hypothesis": base.hypothesis.replace("nacht.", "late dienst."),
            }
        )  # type: ignore[union-attr]
        concerns.save_concern(s, COLLEAGUE, theirs, cid)
    with store.transaction() as s:  # the editor, on the old base: one other field, other words
        mine = base.but(
            {"alternatives": "Griepgolf", "hypothesis": "Veel te weinig vaste krachten op de nacht."}
        )
        saved = concerns.edit_concern(s, ctx, cid, mine, base).value
    stored = _view(store, cid)
    assert saved.clashes == () and saved.stored == stored
    assert (stored.alternatives, stored.next_step) == ("Griepgolf", "Roosters en verzuim opvragen")
    assert stored.hypothesis == "Veel te weinig vaste krachten op de late dienst."
    with store.session() as s:
        assert sync_status.sync_overview(s).issues == ()

    base = stored
    with store.transaction() as s:
        concerns.save_concern(
            s,
            COLLEAGUE,
            base.but({"title": "Nachtbezetting 3 Oost en 3 West", "next_step_due": date(2027, 2, 1)}),
            cid,
        )
    with store.transaction() as s:
        mine = base.but(
            {
                "title": "Nachtbezetting 3 Oost en 4 West",
                "next_step_due": date(2027, 1, 15),
                "owner": "Bakker",
            }
        )
        saved = concerns.edit_concern(s, ctx, cid, mine, base).value
    stored = _view(store, cid)
    assert saved.clashes == ("title", "next_step_due")
    assert (stored.title, stored.next_step_due, stored.owner) == (
        "Nachtbezetting 3 Oost en 3 West",  # the colleague's, not overwritten
        date(2027, 2, 1),
        "Bakker",  # no clash: written
    )
    with store.transaction() as s:  # typing on over the clash: the same issue, the later text
        concerns.edit_concern(s, ctx, cid, mine.but({"title": "Nachtbezetting 3 Oost en 4 West!"}), base)
    with store.session() as s:
        [issue] = sync_status.sync_overview(s).issues
    assert (issue.kind, issue.tbl, issue.record_id) == ("local_conflict", "concern", cid)
    assert {f.field: f.mine for f in issue.fields} == {
        "title": "Nachtbezetting 3 Oost en 4 West!",
        "next_step_due": "2027-01-15",
    }
    with store.transaction() as s:  # "keep mine" in the sync panel writes the user's values
        sync_status.resolve_issue(s, ctx, issue.id, "mine")
    stored = _view(store, cid)
    assert (stored.title, stored.next_step_due) == ("Nachtbezetting 3 Oost en 4 West!", date(2027, 1, 15))


def test_an_edit_still_checks_every_value(store: Store, ctx: ActionContext) -> None:
    with store.transaction() as s:
        org = helpers.organisation(s, ctx)
        cid = concerns.save_concern(s, ctx, ConcernDraft(organisation_id=org, title="Iets")).value
    base = _view(store, cid)
    with pytest.raises(ValidationError) as err, store.transaction() as s:
        concerns.edit_concern(s, ctx, cid, base.but({"title": None, "owner": "x" * 5000}), base)
    assert {i.field for i in err.value.issues} == {"title", "owner"}


# ----- the sync panel's words for a concern's clash ---------------------------------------------
def _panel(qtbot: QtBot, ws: Workspace) -> SyncDialog:
    controller = SyncController(ws)
    controller.refresh()
    qtbot.waitUntil(lambda: controller.overview is not None, timeout=10000)
    controller.stop()  # a demo store never syncs; no timer needed
    dialog = SyncDialog(controller)
    qtbot.addWidget(dialog)
    return dialog


def _clash_item(dialog: SyncDialog) -> QListWidgetItem:
    """The panel's line for the concern's clash, selected (the panes below show it)."""
    dialog.show_overview()  # the texts in the language now in use
    [item] = [
        item
        for item in (dialog.issues.item(row) for row in range(dialog.issues.count()))
        if (issue := item.data(Qt.ItemDataRole.UserRole)) is not None and issue.tbl == "concern"
    ]
    dialog.issues.setCurrentItem(item)
    return item


def test_the_sync_panel_names_a_concern_clash_by_field_with_both_values(
    qtbot: QtBot, workspace: Workspace
) -> None:
    """A date and a text both changed by the user in the editor and by a colleague: the panel
    says which concern, names each field by the form's label and shows both values (a date as
    the form shows it), not the notes' "typing overlapped ... the same words"."""
    cid = _meld(workspace)
    editor = _editor(qtbot, workspace, cid)
    editor.next_step.end(False)
    qtbot.keyClicks(editor.next_step, " Ook de teamleider.")
    mine = editor.next_step.text()
    editor.next_step_due.setDate(QDate(2026, 5, 12))  # picked in the calendar
    theirs = "Het rooster van 3 Oost opvragen."
    _arrived_unseen(workspace, cid, next_step=theirs, next_step_due=date(2026, 4, 30))
    _save(qtbot, workspace, editor)
    [issue] = _local_conflicts(workspace)
    assert {f.field for f in issue.fields} == {"next_step", "next_step_due"}
    assert issue.title == TITLE
    dialog = _panel(qtbot, workspace)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    language = "nl" if Translations.loaded_files() else "en"  # as an earlier test left it
    try:
        Translations(app).set_language("en")
        text = _clash_item(dialog).text()
        assert text.startswith(f"Concern ‘{TITLE}’: ")
        assert "overlapped" not in text and "same words" not in text
        date_line, step_line = sorted(text.split("\n"), key=lambda line: "Date of" not in line)
        assert (
            "your change to ‘Date of the next step’ (12-05-2026) and a colleague's (30-04-2026)" in date_line
        )
        # a long text is shortened in the list (it is whole in the panes below)
        assert len(mine) > 80 and f"your change to ‘Next verification step’ (“{mine[:60]}" in step_line
        assert f"…”) and a colleague's (“{theirs}”)" in step_line and mine not in step_line
        assert all("the colleague's value is there now" in line for line in (date_line, step_line))
        # the panes: the fields by their labels, the whole values, the date as the form shows it
        assert set(dialog.mine.toPlainText().split("\n")) == {
            "Date of the next step: 12-05-2026",
            f"Next verification step: {mine}",
        }
        assert set(dialog.theirs.toPlainText().split("\n")) == {
            "Date of the next step: 30-04-2026",
            f"Next verification step: {theirs}",
        }

        # a paragraph's clash keeps the notes' words: there, typing did overlap
        paragraph = replace(issue, tbl="note_paragraph", title=None)
        assert _item_text(dialog, paragraph).startswith("Your typing overlapped a colleague's change")

        Translations(app).set_language("nl")
        text = _clash_item(dialog).text()
        assert text.startswith(f"Aandachtspunt ‘{TITLE}’: ")
        assert (
            "uw wijziging van ‘Datum van de volgende stap’ (12-05-2026) en die van een collega (30-04-2026)"
            in text
        )
        assert f"uw wijziging van ‘Volgende verificatiestap’ (“{mine[:60]}" in text
        assert f"…”) en die van een collega (“{theirs}”)" in text
        assert text.count("de waarde van de collega staat er nu") == 2
        assert "Datum van de volgende stap: 30-04-2026" in dialog.theirs.toPlainText()
    finally:
        Translations(app).set_language(language)
