"""The running app says how many changes wait for access (#12 B): Dirk connects his laptop in
the sync panel and works before the administrator adds him to a team. The office refuses the
inspection and what hangs under it; the status bar and the panel count what waits, nothing is
lost, and after ``add-member`` and F9 the count is gone and his work is at the office."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import Connection, select

from inspectorapp.domain.drafts import ParagraphDraft
from inspectorapp.services import notes, sync_status
from storage import models as m
from sync.server import accounts
from sync.server import schema as t

from . import helpers
from .sync_harness import PASSWORD, ServerProcess
from .sync_window import f9, open_panel, open_window


@pytest.fixture
def server(tmp_path: Path) -> Iterator[ServerProcess]:
    proc = ServerProcess(f"sqlite:///{tmp_path / 'office.db'}", tmp_path / "server.log")
    proc.start()

    def setup(conn: Connection) -> None:  # an account in no team yet
        accounts.create_team(conn, "Dementie")
        accounts.create_account(conn, "dirk", "Dirk", PASSWORD)

    proc.admin(setup)
    yield proc
    proc.kill()


def _waiting(n: int) -> str:
    """The status bar's part, in Dutch (the window starts in Dutch)."""
    return f"{n} onderdeel wacht op toegang" if n == 1 else f"{n} onderdelen wachten op toegang"


def _panel_lines(panel) -> list[str]:
    return [panel.issues.item(n).text() for n in range(panel.issues.count())]


def test_the_window_counts_work_waiting_for_access_until_the_grant(
    qtbot, tmp_path: Path, server: ServerProcess
) -> None:
    w = open_window(qtbot, tmp_path / "home")
    try:
        ws, sync = w.workspace, w.sync
        assert ws is not None and sync is not None
        panel = open_panel(qtbot, w)
        panel.url.setText(server.base)
        panel.username.setText("dirk")
        panel.password.setText(PASSWORD)
        qtbot.mouseClick(panel.enrol_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: sync.overview is not None and sync.overview.enrolled, timeout=15000)
        qtbot.waitUntil(lambda: sync.last_outcome is not None and not sync.running, timeout=15000)
        panel.close()

        _org, conv = ws.call(helpers.conversation, ws.ctx)
        nid: str = ws.call(
            lambda s: (
                notes.add_paragraph(s, ws.ctx, conv, ParagraphDraft(text="Voor de toekenning.")).value.id
            )
        )
        f9(qtbot, w)
        waiting = ws.call(sync_status.sync_overview).waiting_for_access
        assert waiting >= 4  # the inspection, its visit, conversation and paragraph at least
        assert _waiting(waiting) in w.status_text.text()
        assert "probleem" not in w.status_text.text()  # waiting, not refused for good
        panel = open_panel(qtbot, w)
        (line,) = [t for t in _panel_lines(panel) if "wacht" in t and "toegang" in t]
        assert line.startswith(f"{waiting} onderdelen wachten op toegang: ")
        panel.close()

        f9(qtbot, w)  # still no access: asked again, still waiting, still counted
        assert _waiting(waiting) in w.status_text.text()

        server.admin(lambda conn: accounts.add_member(conn, "Dementie", "dirk"))
        f9(qtbot, w)
        assert ws.call(sync_status.sync_overview).waiting_for_access == 0
        assert "toegang" not in w.status_text.text()
        assert "Gesynchroniseerd" in w.status_text.text()
        panel = open_panel(qtbot, w)
        assert not [t for t in _panel_lines(panel) if "toegang" in t]
        panel.close()
        on_server = server.admin(lambda c: {(r.tbl, r.id): r.fields for r in c.execute(select(t.record))})
        assert on_server[("note_paragraph", nid)]["text"] == "Voor de toekenning."
        for model in (m.Inspection, m.Visit, m.Conversation):
            mine = ws.call(lambda s, model=model: set(s.scalars(select(model.id))))
            assert mine and {(model.__tablename__, i) for i in mine} <= set(on_server), model
    finally:
        w.lock()
