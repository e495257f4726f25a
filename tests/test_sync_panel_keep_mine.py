"""The sync panel's "Keep mine", clicked for real, rewrites only the fields that lost (#12 B).

Bram (the running app) and Anna (a second laptop) both change a paragraph's kind and its
words. The words merge; only Bram's kind loses. In the panel of Bram's window the problem
lists only the kind; "Keep mine" (Mijn versie houden) writes only the kind, and after both
laptops sync Anna's merged words are still there on both."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select
from sqlalchemy.orm import Session

from inspectorapp import sync_runner
from inspectorapp.domain.drafts import ParagraphDraft
from inspectorapp.services import notes, sync_status
from inspectorapp.services.sync_status import IssueView
from inspectorapp.workspace import Workspace
from storage import models as m
from ui.main_window import MainWindow

from . import helpers
from .sync_harness import PASSWORD, ServerProcess, team
from .sync_window import f9, open_panel, open_window
from .test_sync_blobs import _workspace


@pytest.fixture
def server(tmp_path: Path) -> Iterator[ServerProcess]:
    proc = ServerProcess(f"sqlite:///{tmp_path / 'office.db'}", tmp_path / "server.log")
    proc.start()
    team(proc, "Dementie", "anna", "bram")
    yield proc
    proc.kill()


def _paragraph(ws: Workspace, nid: str) -> tuple[str, str]:
    def read(s: Session) -> tuple[str, str]:
        row = s.get(m.NoteParagraph, nid)
        assert row is not None
        return row.text, str(row.kind)

    return ws.call(read)


def _outbox(ws: Workspace, nid: str) -> list[list[str]]:
    """The columns each waiting change of the paragraph touched."""
    return ws.call(
        lambda s: [list(o.changed) for o in s.scalars(select(m.Outbox).where(m.Outbox.entity_id == nid))]
    )


def test_keep_mine_in_the_panel_leaves_the_colleagues_merged_words(
    qtbot, tmp_path: Path, server: ServerProcess
) -> None:
    anna = _workspace(server, tmp_path, "anna")
    w: MainWindow | None = None
    try:
        w = open_window(qtbot, tmp_path / "home")
        bram = w.workspace
        assert bram is not None and w.sync is not None
        w.sync.connected(sync_runner.enrol(bram, server.base, "laptop van Bram", "bram", PASSWORD, ""))
        qtbot.waitUntil(lambda: w.sync.last_outcome is not None and not w.sync.running, timeout=20000)

        _org, conv = anna.call(helpers.conversation, anna.ctx)
        text = "De kerngroep besluit vandaag over de wachtlijst."
        nid: str = anna.call(
            lambda s: notes.add_paragraph(s, anna.ctx, conv, ParagraphDraft(text=text)).value.id
        )
        assert sync_runner.run_sync(anna).kind == "done"
        f9(qtbot, w)
        assert _paragraph(bram, nid)[0] == text

        bram.call(helpers.paragraph_edit(nid, "citaat", "De kerngroep besluit vandaag over de wachtlijst casemanagement."))
        time.sleep(0.05)  # Anna's edit is the later one: her kind wins
        anna.call(helpers.paragraph_edit(nid, "vraag", "De kerngroep besluit vandaag niet over de wachtlijst."))
        assert sync_runner.run_sync(anna).kind == "done"
        f9(qtbot, w)  # Bram's kind loses, his words merge with Anna's
        merged = "De kerngroep besluit vandaag niet over de wachtlijst casemanagement."
        assert _paragraph(bram, nid) == (merged, "vraag")

        panel = open_panel(qtbot, w)
        rows = [panel.issues.item(n) for n in range(panel.issues.count())]
        issues: list[IssueView | None] = [r.data(Qt.ItemDataRole.UserRole) for r in rows]
        (row,) = [r for r, i in zip(rows, issues, strict=True) if i is not None and i.record_id == nid]
        issue: IssueView = row.data(Qt.ItemDataRole.UserRole)
        assert issue.kind == "superseded" and [f.field for f in issue.fields] == ["kind"]  # only what lost
        panel.issues.setCurrentItem(row)
        assert panel.mine.toPlainText() == "kind: citaat"  # the side that lost: the kind alone
        assert panel.theirs.toPlainText() == "kind: vraag"
        assert panel.keep_mine.isEnabled()
        assert panel.keep_mine.text() == "Mijn versie houden"
        assert _outbox(bram, nid) == []

        qtbot.mouseClick(panel.keep_mine, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not bram.call(sync_status.sync_overview).issues, timeout=10000)
        assert _paragraph(bram, nid) == (merged, "citaat")  # the merged words untouched here
        (changed,) = _outbox(bram, nid)
        assert set(changed) - {"updated_at"} == {"kind"}  # the one new edit rewrites the kind only
        qtbot.waitUntil(lambda: panel.issues.count() == 0, timeout=10000)
        panel.close()

        f9(qtbot, w)
        assert sync_runner.run_sync(anna).kind == "done"
        f9(qtbot, w)
        for ws in (anna, bram):
            assert _paragraph(ws, nid) == (merged, "citaat"), ws.ctx.actor
        assert not bram.call(sync_status.sync_overview).issues
        # Anna's side of the conflict names the kind alone, hers that won beside Bram's that lost
        (won,) = anna.call(sync_status.sync_overview).issues
        assert won.kind == "conflict" and won.won
        assert [(f.field, f.mine, f.theirs) for f in won.fields] == [("kind", "vraag", "citaat")]
    finally:
        if w is not None:
            w.lock()
        anna.close()
