"""When to sync and what the status bar says about it.

Sync runs in the background: every few minutes, a little while after a burst of edits,
when the network comes back, and on "Sync now" (F9). One run at a time; a request
during a run queues one more. Problems never interrupt the inspector: they show in the
status text and in the sync panel.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from inspectorapp import sync_runner
from inspectorapp.services import sync_status

from . import ops

if TYPE_CHECKING:
    from inspectorapp.workspace import Workspace

PERIOD_MS = 5 * 60 * 1000
AFTER_EDITS_MS = 10 * 1000


class SyncController(QObject):
    overview_changed = Signal()
    progress = Signal(object)  # sync.engine.Progress
    finished = Signal(str)  # outcome kind

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.overview: sync_status.SyncOverview | None = None
        self.last_outcome: sync_runner.SyncOutcome | None = None
        self.running = False
        self._again = False
        self.periodic = QTimer(self)
        self.periodic.setInterval(PERIOD_MS)
        self.periodic.timeout.connect(self.sync_now)
        self.after_edits = QTimer(self)
        self.after_edits.setSingleShot(True)
        self.after_edits.setInterval(AFTER_EDITS_MS)
        self.after_edits.timeout.connect(self.sync_now)
        self._watch_network()
        self.refresh()

    def _watch_network(self) -> None:
        try:
            from PySide6.QtNetwork import QNetworkInformation
        except ImportError:  # pragma: no cover - QtNetwork ships with PySide6-Essentials
            return
        if QNetworkInformation.loadDefaultBackend() and QNetworkInformation.instance() is not None:
            info = QNetworkInformation.instance()
            info.reachabilityChanged.connect(self._reachability)

    def _reachability(self, reachability: object) -> None:
        from PySide6.QtNetwork import QNetworkInformation

        if reachability == QNetworkInformation.Reachability.Online:
            self.sync_now()

    def stop(self) -> None:
        self.periodic.stop()
        self.after_edits.stop()

    def refresh(self) -> None:
        ops.submit(self.workspace, sync_status.sync_overview, on_done=self._show, on_error=lambda _e: None)

    def _show(self, overview: sync_status.SyncOverview) -> None:
        self.overview = overview
        if overview.enrolled and not self.periodic.isActive():
            self.periodic.start()
        self.overview_changed.emit()

    def connected(self, overview: sync_status.SyncOverview) -> None:
        """Just enrolled: show it and run the first sync."""
        self._show(overview)
        self.sync_now()

    def edited(self) -> None:
        """Local changes were saved: sync a little later, once the burst is over."""
        if self.overview is not None and self.overview.enrolled:
            self.after_edits.start()

    def sync_now(self) -> None:
        if self.overview is not None and not self.overview.enrolled:
            return
        if self.running:
            self._again = True
            return
        self.running = True
        self.after_edits.stop()
        self.overview_changed.emit()
        ws = self.workspace

        def report(step: sync_runner.Progress) -> None:
            ops.post(self.progress.emit, step)

        ops.in_thread(lambda: sync_runner.run_sync(ws, report), on_done=self._done, on_error=self._failed)

    def _done(self, outcome: sync_runner.SyncOutcome) -> None:
        self.running = False
        self.last_outcome = outcome
        if outcome.kind == "revoked":
            self.stop()
        self.finished.emit(outcome.kind)
        self.refresh()
        if self._again and outcome.kind == "done":
            self._again = False
            self.sync_now()

    def _failed(self, exc: BaseException) -> None:
        self._done(sync_runner.SyncOutcome("failed", detail=type(exc).__name__))

    def status_text(self) -> str:
        o = self.overview
        if o is None:
            return ""
        if o.demo_store:
            return self.tr("Demo data: stays on this laptop")
        if not o.enrolled and self.last_outcome is not None and self.last_outcome.kind == "revoked":
            # disconnected (sync_runner): it may connect again and send what is waiting
            waiting = self.tr("%n change(s) waiting", "", o.pending_changes)
            return f"{self.tr('This laptop was disconnected by the office')} · {waiting}"
        if not o.enrolled:
            return self.tr("Not connected to the office · %n change(s) waiting", "", o.pending_changes)
        if self.running:
            return self.tr("Syncing…")
        parts = []
        kind = self.last_outcome.kind if self.last_outcome else None
        if kind == "offline":
            parts.append(self.tr("Offline"))
        elif kind == "revoked":
            parts.append(self.tr("This laptop was disconnected by the office"))
        elif o.last_sync_at:
            parts.append(self.tr("Synced {0}").format(_clock(o.last_sync_at)))
        else:
            parts.append(self.tr("Not synced yet"))
        parts.append(self.tr("%n change(s) waiting", "", o.pending_changes))
        if o.waiting_for_access:
            parts.append(self.tr("%n record(s) waiting for access", "", o.waiting_for_access))
        if o.set_aside:
            parts.append(self.tr("%n record(s) from the office set aside", "", len(o.set_aside)))
        if o.issues:
            parts.append(self.tr("%n problem(s)", "", len(o.issues)))
        return " · ".join(parts)


def _clock(iso: str) -> str:
    from datetime import datetime

    moment = datetime.fromisoformat(iso.replace("Z", "+00:00")).astimezone()
    return f"{moment:%d-%m %H:%M}"
