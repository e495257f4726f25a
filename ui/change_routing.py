"""The main window's side of change and sync: every committed write, and every sync's
received records, reach the open pages and the sync status through here.

A mixin of ``MainWindow`` (split out to keep the window small): it holds no state of its
own beyond what the window declares below.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QWidget

from inspectorapp.domain.changes import ChangeSet

from . import ops
from .dialogs import open_dialog

if TYPE_CHECKING:
    from inspectorapp.domain.snapshots import InspectionRow
    from inspectorapp.workspace import Workspace

    from .shell import Shell
    from .sync_controller import SyncController


def _inspections():  # type: ignore[no-untyped-def]
    from inspectorapp.services import inspections

    return inspections


class ChangeRouting(QWidget if TYPE_CHECKING else object):  # type: ignore[misc]
    """Change broadcast and sync scheduling of the main window."""

    workspace: Workspace | None
    shell: Shell | None
    sync: SyncController | None
    status_text: QLabel
    _local_changes: ChangeSet | None

    def _error(self, exc: BaseException) -> None:
        raise NotImplementedError

    def _committed(self, ws: Workspace, changes: ChangeSet) -> None:
        """Every local write lands here (``Workspace.watch``): a burst of them (a pasted
        paragraph, 450 organisations) is shown once, on the next turn of the event loop."""
        if ws is not self.workspace:
            return  # a write of a store since locked
        if self._local_changes is None:
            self._local_changes = changes
            QTimer.singleShot(0, self._show_committed)
        else:
            self._local_changes = self._local_changes | changes

    def _show_committed(self) -> None:
        changes, self._local_changes = self._local_changes, None
        if changes is not None:
            self.refresh(changes)

    def refresh(self, changes: ChangeSet, local: bool = True) -> None:
        """Show what changed; ``local`` edits also schedule a sync a little later. Local
        writes arrive here by themselves (``_committed``); a sync brings what it received."""
        ws = self.workspace
        if ws is None:
            return
        if self.shell is not None:
            self.shell.visit_page.changes_arrived(changes, local)
        inspections = _inspections()
        if changes.touches("inspection") or changes.touches("visit") or changes.touches("signal"):
            ops.submit(
                ws,
                inspections.list_inspections,
                on_done=self._show_inspections,
                on_error=self._error,
            )
        if self.sync is not None:
            self.sync.refresh()
            if local:
                self.sync.edited()

    def _show_inspections(self, rows: list[InspectionRow]) -> None:
        if self.workspace is not None and self.shell is not None:
            self.shell.set_inspections(rows)

    def _show_sync_status(self) -> None:
        if self.workspace is not None and self.sync is not None:
            self.status_text.setText(self.sync.status_text())

    def _start_sync(self, ws: Workspace) -> None:
        from .sync_controller import SyncController

        self.sync = SyncController(ws, self)
        self.sync.overview_changed.connect(self._show_sync_status)
        self.sync.finished.connect(lambda _kind: self._synced())

    def _synced(self) -> None:
        outcome = self.sync.last_outcome if self.sync is not None else None
        report = outcome.report if outcome is not None else None
        # a run cut short may have applied pages before it stopped: refresh everything then
        self.refresh(
            ChangeSet.of_keys(report.changed) if report is not None else ChangeSet.all(), local=False
        )

    def open_sync(self) -> None:
        if self.sync is None:
            return
        from .sync_dialog import SyncDialog

        open_dialog(SyncDialog(self.sync, self))

