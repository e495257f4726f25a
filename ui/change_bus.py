"""One broadcast of what changed in the store (the Anki way).

Every committed write (``Workspace.watch``, any ``OpResult`` with changes) and every
record a sync received reach the GUI as one ``ChangeBus.changed(ChangeSet, origin)``.
Pages and panels subscribe with ``follow(...)`` and refresh only what the change-set
touches; a view the user cannot see marks itself stale and refreshes when shown again.
Nothing refreshes itself after its own write by hand.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable
from enum import StrEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from inspectorapp.domain.changes import ChangeSet

from . import ops

if TYPE_CHECKING:
    from inspectorapp.workspace import Workspace


class ChangeOrigin(StrEnum):
    LOCAL = "local"  # a write on this laptop (schedules a sync)
    SYNC = "sync"  # records a sync run received
    OPENED = "opened"  # the store was just unlocked: every view reads it afresh


class ChangeBus(QObject):
    """Per unlocked workspace. Emitted on the GUI thread only, through direct connections
    (a queued ``Signal(object)`` is unsafe in PySide6 6.12, see ``ops._Relay``)."""

    changed = Signal(object, object)  # ChangeSet, ChangeOrigin

    def __init__(self) -> None:
        super().__init__()
        self._pending: ChangeSet | None = None
        self.emitted = 0  # how many broadcasts went out (tests count refreshes with it)

    def committed(self, changes: ChangeSet) -> None:
        """A local write committed. A burst of them (a pasted paragraph, 450 organisations)
        goes out once, on the next turn of the event loop."""
        if self._pending is None:
            self._pending = changes
            QTimer.singleShot(0, self, self._flush)  # context: dropped once the bus is gone
        else:
            self._pending = self._pending | changes

    def _flush(self) -> None:
        changes, self._pending = self._pending, None
        if changes:
            self.publish(changes, ChangeOrigin.LOCAL)

    def publish(self, changes: ChangeSet, origin: ChangeOrigin) -> None:
        if changes:
            self.emitted += 1
            self.changed.emit(changes, origin)


# The bus lives exactly as long as its workspace: widgets that only hold the workspace
# find it here, and no bus outlives a lock (the workspace is dropped then).
_buses: weakref.WeakKeyDictionary[Workspace, ChangeBus] = weakref.WeakKeyDictionary()


def bus_of(workspace: Workspace) -> ChangeBus:
    """The workspace's bus, made (and hooked to its committed writes) on first use."""
    bus = _buses.get(workspace)
    if bus is None:
        bus = ChangeBus()
        _buses[workspace] = bus
        ref = weakref.ref(bus)

        def committed(changes: ChangeSet) -> None:  # on the database thread
            live = ref()
            if live is not None:
                ops.post(live.committed, changes)

        workspace.watch(committed)
    return bus


def touches(changes: ChangeSet, entities: Iterable[str]) -> bool:
    return any(changes.touches(e) for e in entities)


class Follow(QObject):
    """A view's subscription: ``refresh(changes, origin)`` when a change touches one of
    ``entities``. While the view is hidden in a window that is shown (another page, another
    tab) the changes gather and are refreshed once, when it is shown again. A child of the
    view: the subscription ends with it."""

    def __init__(
        self,
        workspace: Workspace,
        view: QWidget,
        entities: Iterable[str],
        refresh: Callable[[ChangeSet, ChangeOrigin], None],
    ) -> None:
        super().__init__(view)
        self._view = view
        self._entities = tuple(entities)
        self._refresh = refresh
        self._stale: tuple[ChangeSet, ChangeOrigin] | None = None
        bus_of(workspace).changed.connect(self._changed)
        view.installEventFilter(self)

    def _changed(self, changes: ChangeSet, origin: ChangeOrigin) -> None:
        if not touches(changes, self._entities):
            return
        if self._view.window().isVisible() and not self._view.isVisible():
            if self._stale is not None:  # a local edit among them still schedules as local
                changes = self._stale[0] | changes
                origin = ChangeOrigin.LOCAL if ChangeOrigin.LOCAL in (origin, self._stale[1]) else origin
            self._stale = (changes, origin)
            return
        self._refresh(changes, origin)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and self._stale is not None:
            changes, origin = self._stale
            self._stale = None
            self._refresh(changes, origin)
        return False

    @property
    def stale(self) -> bool:
        return self._stale is not None

    def clear(self) -> None:
        """The view was just filled from a fresh read: what it waited for is in it."""
        self._stale = None


def follow(
    workspace: Workspace,
    view: QWidget,
    entities: Iterable[str],
    refresh: Callable[[ChangeSet, ChangeOrigin], None],
) -> Follow:
    return Follow(workspace, view, entities, refresh)
