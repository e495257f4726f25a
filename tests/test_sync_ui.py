"""The sync panel in the running app: connect a laptop, sync with F9, see the status, and
keep everything when the office disconnects the laptop (rescue export)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from inspectorapp.bootstrap import build_main_window
from inspectorapp.paths import app_paths
from inspectorapp.services import organisations
from inspectorapp.services.rescue_export import RescueFileError, open_rescue
from sync.server import accounts
from sync.server import schema as t
from ui.file_exports import rescue_export
from ui.main_window import MainWindow
from ui.sync_dialog import SyncDialog

from .sync_harness import PASSWORD, ServerProcess, team
from .test_app_window import _create, _shot


@pytest.fixture
def server(tmp_path: Path) -> Iterator[ServerProcess]:
    proc = ServerProcess(f"sqlite:///{tmp_path / 'office.db'}", tmp_path / "server.log")
    proc.start()
    team(proc, "Dementie", "anna")
    yield proc
    proc.kill()


@pytest.fixture
def window(qtbot, tmp_path: Path) -> Iterator[MainWindow]:
    w = build_main_window(QApplication.instance(), app_paths(tmp_path / "home").ensure())
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    _create(qtbot, w, demo=False)
    qtbot.waitUntil(lambda: w.sync is not None and w.sync.overview is not None, timeout=20000)
    yield w
    w.lock()


def _records(server: ServerProcess) -> int:
    return server.admin(lambda c: c.execute(select(func.count()).select_from(t.record)).scalar())


def test_connect_sync_and_survive_revocation(
    qtbot, window: MainWindow, server: ServerProcess, tmp_path: Path
) -> None:
    w = window
    assert w.status_text.text().startswith("Niet verbonden met kantoor")
    qtbot.mouseClick(w.sync_button, Qt.MouseButton.LeftButton)
    dialog = next(d for d in QApplication.topLevelWidgets() if isinstance(d, SyncDialog) and d.isVisible())
    assert dialog.enrol_box.isVisible()
    dialog.url.setText(server.base)
    dialog.username.setText("anna")
    dialog.password.setText("not the password")
    qtbot.mouseClick(dialog.enrol_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "weigerde" in dialog.error.text(), timeout=15000)  # refused, in Dutch
    dialog.password.setText(PASSWORD)
    qtbot.mouseClick(dialog.enrol_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: w.sync.overview is not None and w.sync.overview.enrolled, timeout=15000)
    qtbot.waitUntil(
        lambda: w.sync.last_outcome is not None and w.sync.last_outcome.kind == "done", timeout=15000
    )
    qtbot.waitUntil(lambda: "Gesynchroniseerd" in w.status_text.text(), timeout=5000)
    assert not dialog.enrol_box.isVisible()
    _shot(dialog, "sync-panel.png")
    # a local change goes out with F9
    ws = w.workspace
    ws.call(organisations.create_organisation, ws.ctx, {"name": "Zorggroep Nieuw", "sector": "MSZ"})
    before = _records(server)
    w.sync_action.trigger()
    qtbot.waitUntil(lambda: _records(server) == before + 1, timeout=15000)
    # the office disconnects the laptop: local data and outbox stay, the inspector is told
    device_id = w.sync.overview.device_id
    server.admin(lambda c: accounts.revoke_device(c, device_id))
    ws.call(organisations.create_organisation, ws.ctx, {"name": "Na intrekking", "sector": "MSZ"})
    w.sync_action.trigger()
    qtbot.waitUntil(lambda: w.sync.last_outcome.kind == "revoked", timeout=15000)
    qtbot.waitUntil(lambda: "losgekoppeld" in w.status_text.text(), timeout=5000)
    assert "losgekoppeld" in dialog.error.text()
    assert w.sync.overview.pending_changes > 0
    target = tmp_path / "rescue.vwrescue"
    written: list[str] = []
    rescue_export(dialog, ws, written.append, pytest.fail, str(target), "reddingswachtwoord 2026")
    qtbot.waitUntil(lambda: written == [str(target)], timeout=15000)
    document = open_rescue(target.read_bytes(), "reddingswachtwoord 2026")
    names = {row["name"] for row in document["tables"]["organisation"]}
    assert {"Zorggroep Nieuw", "Na intrekking"} <= names
    assert any(row["entity"] == "organisation" for row in document["tables"]["outbox"])  # unsent work
    assert b"Na intrekking" not in target.read_bytes()  # encrypted
    with pytest.raises(RescueFileError):
        open_rescue(target.read_bytes(), "verkeerd wachtwoord!!")
