"""The sync panel in the running app: connect a laptop, sync with F9, see the status, and
keep everything when the office disconnects the laptop (rescue export)."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from inspectorapp import sync_runner
from inspectorapp.bootstrap import build_main_window
from inspectorapp.domain.drafts import OrganisationDraft
from inspectorapp.paths import app_paths
from inspectorapp.services import attachments, organisations
from inspectorapp.services.rescue_export import RescueFileError, open_rescue
from storage import models as m
from sync.protocol import MAX_PUSH_MUTATIONS
from sync.server import accounts
from sync.server import schema as t
from ui.file_exports import rescue_export
from ui.main_window import MainWindow
from ui.sync_dialog import SyncDialog

from . import helpers
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
    ws.call(organisations.create_organisation, ws.ctx, OrganisationDraft(name="Zorggroep Nieuw", sector="MSZ"))
    before = _records(server)
    w.sync_action.trigger()
    qtbot.waitUntil(lambda: _records(server) == before + 1, timeout=15000)
    # the office disconnects the laptop: local data and outbox stay, the inspector is told
    device_id = w.sync.overview.device_id
    server.admin(lambda c: accounts.revoke_device(c, device_id))
    ws.call(organisations.create_organisation, ws.ctx, OrganisationDraft(name="Na intrekking", sector="MSZ"))
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


def test_the_sync_bar_counts_changes_and_file_bytes(qtbot, window: MainWindow, server: ServerProcess) -> None:
    """The bar is determinate: edits sent of those waiting, bytes of files sent (per 8 MiB
    chunk), revisions received; its text says so in Dutch."""
    w, ws = window, window.workspace
    overview = sync_runner.enrol(ws, server.base, "laptop van Anna", "anna", PASSWORD, "")
    w.sync.connected(overview)
    qtbot.waitUntil(
        lambda: w.sync.last_outcome is not None and w.sync.last_outcome.kind == "done", timeout=20000
    )
    edits = 2 * MAX_PUSH_MUTATIONS + 250  # three push batches

    def create_many(s: Session) -> None:
        for n in range(edits):
            organisations.create_organisation(s, ws.ctx, OrganisationDraft(name=f"Zorgaanbieder {n}", sector="MSZ"))

    ws.call(create_many)
    _org, conv = ws.call(helpers.conversation, ws.ctx)
    visit = ws.call(lambda s: s.get(m.Conversation, conv).visit_id)
    data = b"%PDF-1.7\n" + random.Random(7).randbytes(17 * 1024 * 1024)  # three chunks
    ws.call(
        lambda s: attachments.add_attachment(
            s,
            ws.ctx,
            attachments.blob_store(s, ws.paths.attachments_dir),
            data,
            "plattegrond.pdf",
            visit_id=visit,
        )
    )
    steps: list[sync_runner.Progress] = []
    dialog = SyncDialog(w.sync, w)
    qtbot.addWidget(dialog)
    w.sync.progress.connect(steps.append)
    w.sync_action.trigger()
    qtbot.waitUntil(lambda: not w.sync.running, timeout=30000)
    assert w.sync.last_outcome.kind == "done"
    by_stage = {stage: [s for s in steps if s.stage == stage] for stage in ("push", "pull", "files")}
    push, pull, files = by_stage["push"], by_stage["pull"], by_stage["files"]
    assert len(push) >= 3 and push[-1].done == push[-1].total >= edits
    assert [s.done for s in push] == sorted(s.done for s in push)
    assert len(files) >= 4 and files[-1].done == files[-1].total == len(data) and files[-1].items == 1
    assert files[0].done == 8 * 1024 * 1024  # after the first chunk
    assert pull and pull[-1].done == pull[-1].total
    assert dialog.progress_text(push[0]).startswith("Wijzigingen versturen: ")
    assert dialog.progress_text(files[-1]) == "Bestanden versturen: 17,00 MiB van 17,00 MiB"
    dialog._progress(push[1])
    assert dialog.bar.maximum() == 1000 and 0 < dialog.bar.value() < 1000
    dialog.show()
    dialog._progress(files[1])
    dialog.error.clear()  # the finished run's message: the picture shows the upload under way
    _shot(dialog, "sync-progress.png")
