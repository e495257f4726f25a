"""The single database thread. SQLite has one writer; every user action runs here,
in order, as one transaction, and the GUI thread never waits on disk."""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Concatenate, ParamSpec, TypeVar

from sqlalchemy.orm import Session

from storage.engine import Store

P = ParamSpec("P")
T = TypeVar("T")


class DbExecutor:
    """Runs ``fn(session, *args)`` on one worker thread inside ``store.transaction()``."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="veldwerk-db")
        self._closed = threading.Event()

    def submit(
        self, fn: Callable[Concatenate[Session, P], T], *args: P.args, **kwargs: P.kwargs
    ) -> Future[T]:
        if self._closed.is_set():
            raise RuntimeError("store is locked")

        def run() -> T:
            with self.store.transaction() as session:
                return fn(session, *args, **kwargs)

        return self._pool.submit(run)

    def call(self, fn: Callable[Concatenate[Session, P], T], *args: P.args, **kwargs: P.kwargs) -> T:
        """Blocking variant for the command line and tests."""
        return self.submit(fn, *args, **kwargs).result()

    def close(self) -> None:
        """Finish queued work (autosaves included), then close the store."""
        if self._closed.is_set():
            return
        self._closed.set()
        self._pool.shutdown(wait=True)
        self.store.close()
