"""An unlocked store with its database thread: what the GUI holds while unlocked.

The GUI never sees a Session or an engine; it submits service functions here
and gets snapshots back.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from typing import Any, Concatenate, ParamSpec, TypeVar

from sqlalchemy.orm import Session

from .domain.changes import ChangeSet
from .domain.snapshots import ActionContext, OpResult
from .executor import DbExecutor
from .paths import AppPaths
from .store_access import create_store, device_id, open_store

P = ParamSpec("P")
T = TypeVar("T")
# The first parameter of every service, named for ui/ (which may not import sqlalchemy).
DbSession = Session
Listener = Callable[[ChangeSet], None]


class Workspace:
    def __init__(self, executor: DbExecutor, ctx: ActionContext, paths: AppPaths) -> None:
        self._executor = executor
        self.ctx = ctx
        self.paths = paths
        self._listeners: list[Listener] = []

    @classmethod
    def exists(cls, paths: AppPaths) -> bool:
        return paths.store_file.exists()

    @classmethod
    def create(cls, paths: AppPaths, passphrase: str, repeated: str, actor: str) -> Workspace:
        store = create_store(paths.ensure().store_file, passphrase, repeated)
        return cls(DbExecutor(store), ActionContext(actor or "inspecteur", device_id(store)), paths)

    @classmethod
    def unlock(cls, paths: AppPaths, passphrase: str, actor: str) -> Workspace:
        store = open_store(paths.store_file, passphrase)
        return cls(DbExecutor(store), ActionContext(actor or "inspecteur", device_id(store)), paths)

    def watch(self, listener: Listener) -> None:
        """Call ``listener(changes)`` after every committed action that changed something
        (any ``OpResult``), on the database thread. The one path every local write takes:
        the GUI refreshes its views and schedules the sync from here, not per page."""
        self._listeners.append(listener)

    def submit(
        self, fn: Callable[Concatenate[Session, P], T], *args: P.args, **kwargs: P.kwargs
    ) -> Future[T]:
        """Run ``fn(session, *args)`` as one transaction on the database thread (typed: mypy
        checks the arguments against the service's parameters)."""
        future = self._executor.submit(fn, *args, **kwargs)
        future.add_done_callback(self._announce)  # before the caller's callbacks: views learn first
        return future

    def call(self, fn: Callable[Concatenate[Session, P], T], *args: P.args, **kwargs: P.kwargs) -> T:
        return self.submit(fn, *args, **kwargs).result()

    def _announce(self, future: Future[Any]) -> None:
        if future.cancelled() or future.exception() is not None:
            return
        result = future.result()
        if isinstance(result, OpResult) and result.changes:
            for listener in list(self._listeners):
                listener(result.changes)

    def close(self) -> None:
        self._executor.close()
