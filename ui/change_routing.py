"""The main window's side of change and sync: every committed write, and every sync's
received records, go out on the workspace's ``ChangeBus``; the window follows it for the
inspections list and the sync schedule (pages and panels follow it themselves).

A mixin of ``MainWindow`` (split out to keep the window small): it holds no state of its
own beyond what the window declares below. ``ops``, the change bus and ``dialogs`` are
imported in the methods that use them: each imports ``Qt``, whose enums cost 15-20 ms that
the cold start cannot spare before the first frame (bench/README.md, "Cold start").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QWidget

from inspectorapp.domain.changes import ChangeSet

if TYPE_CHECKING:
    from inspectorapp.domain.snapshots import InspectionRow
    from inspectorapp.workspace import Workspace

    from .change_bus import ChangeBus, ChangeOrigin
    from .shell import Shell
    from .sync_controller import SyncController

# What the inspections list shows (InspectionRow), as entity names of the change-sets.
LIST_SHOWS = (
    "inspection",
    "inspection_subject",
    "organisation",
    "network",
    "visit",
    "signal",
    "framework_version",
)


class ChangeRouting(QWidget if TYPE_CHECKING else object):  # type: ignore[misc]
    """Change broadcast and sync scheduling of the main window."""

    workspace: Workspace | None
    shell: Shell | None
    sync: SyncController | None
    status_text: QLabel
    bus: ChangeBus | None

    def _error(self, exc: BaseException) -> None:
        raise NotImplementedError

    def _follow_changes(self, ws: Workspace, shell: Shell) -> None:
        """At unlock: this workspace's bus drives the list and the sync schedule."""
        from .change_bus import bus_of, follow

        self.bus = bus_of(ws)
        self.bus.changed.connect(self._changes_arrived)
        follow(ws, shell.table, LIST_SHOWS, lambda _c, _o: self._list_inspections())

    def _unfollow_changes(self) -> None:
        bus, self.bus = self.bus, None
        if bus is not None:
            bus.changed.disconnect(self._changes_arrived)

    def _changes_arrived(self, _changes: ChangeSet, origin: ChangeOrigin) -> None:
        from .change_bus import ChangeOrigin

        if self.sync is not None:
            self.sync.refresh()
            if origin is ChangeOrigin.LOCAL:
                self.sync.edited()  # local edits schedule a sync a little later

    def _list_inspections(self) -> None:
        ws = self.workspace
        if ws is None:
            return
        from inspectorapp.services import inspections

        from . import ops

        ops.submit(ws, inspections.list_inspections, on_done=self._show_inspections, on_error=self._error)

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
        from .change_bus import ChangeOrigin

        outcome = self.sync.last_outcome if self.sync is not None else None
        report = outcome.report if outcome is not None else None
        if self.bus is None:
            return
        # a run cut short may have applied pages before it stopped: refresh everything then
        received = ChangeSet.of_keys(report.changed) if report is not None else ChangeSet.all()
        if received:
            self.bus.publish(received, ChangeOrigin.SYNC)
        elif self.sync is not None:
            self.sync.refresh()  # nothing came in; the status (last run, problems) did change

    def open_sync(self) -> None:
        if self.sync is None:
            return
        from .dialogs import open_dialog
        from .sync_dialog import SyncDialog

        open_dialog(SyncDialog(self.sync, self))
