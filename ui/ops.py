"""Background operations with results posted to the GUI thread (the Picard/Anki way).

Database work goes to the workspace's single database thread; slow one-off
work (key derivation, migrations) to a short-lived worker thread. Either way
the callbacks run on the GUI thread, in order.
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future
from typing import TYPE_CHECKING, Any, TypeVar, overload

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot

if TYPE_CHECKING:
    from inspectorapp.workspace import DbSession as Session
    from inspectorapp.workspace import Workspace

log = logging.getLogger(__name__)
T = TypeVar("T")
A1 = TypeVar("A1")
A2 = TypeVar("A2")
A3 = TypeVar("A3")
A4 = TypeVar("A4")
A5 = TypeVar("A5")
A6 = TypeVar("A6")
# How PySide6 words "the C++ object behind this Python wrapper is gone".
_DELETED = ("already deleted", "Signal source has been deleted")


class _Relay(QObject):
    """Carries results to the GUI thread. The callbacks and payloads stay on a Python
    queue; only an argument-less signal crosses threads. (PySide6 6.12 corrupts the
    reference counts of Python objects passed through a queued ``Signal(object)``:
    ``True`` reached zero and the process aborted.)"""

    wake = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._queue: deque[tuple[Callable[[Any], None], Any]] = deque()
        self.wake.connect(self._drain, Qt.ConnectionType.QueuedConnection)

    def post(self, callback: Callable[[Any], None], payload: Any) -> None:
        self._queue.append((callback, payload))  # deque.append is thread-safe
        self.wake.emit()

    @Slot()
    def _drain(self) -> None:
        while self._queue:
            callback, payload = self._queue.popleft()
            self._run(callback, payload)

    def _run(self, callback: Callable[[Any], None], payload: Any) -> None:
        owner = getattr(callback, "__self__", None)
        if isinstance(owner, QObject) and not shiboken6.isValid(owner):
            log.debug("result for a deleted %s dropped", type(owner).__name__)
            return
        try:
            callback(payload)
        except RuntimeError as exc:  # the widget that asked was closed meanwhile (lock)
            if not any(m in str(exc) for m in _DELETED):
                raise
            log.debug("result for a closed widget dropped: %s", exc)


_relay: _Relay | None = None


def _get_relay() -> _Relay:
    global _relay
    if _relay is None:
        _relay = _Relay()
        app = QCoreApplication.instance()
        if app is not None:
            _relay.moveToThread(app.thread())
    return _relay


def _route(
    future: Future[T], on_done: Callable[[T], None], on_error: Callable[[BaseException], None]
) -> None:
    relay = _get_relay()

    def finished(f: Future[T]) -> None:
        exc = f.exception()
        if exc is not None:
            log.debug("operation failed", exc_info=exc)
            relay.post(on_error, exc)
        else:
            relay.post(on_done, f.result())

    future.add_done_callback(finished)


def post(callback: Callable[[T], None], payload: T) -> None:
    """Call ``callback(payload)`` on the GUI thread, from any thread (progress reports)."""
    _get_relay().post(callback, payload)


@overload
def submit(
    workspace: Workspace,
    fn: Callable[[Session], T],
    /,
    *,
    on_done: Callable[[T], None],
    on_error: Callable[[BaseException], None],
) -> Future[T]: ...


@overload
def submit(
    workspace: Workspace,
    fn: Callable[[Session, A1], T],
    a1: A1,
    /,
    *,
    on_done: Callable[[T], None],
    on_error: Callable[[BaseException], None],
) -> Future[T]: ...


@overload
def submit(
    workspace: Workspace,
    fn: Callable[[Session, A1, A2], T],
    a1: A1,
    a2: A2,
    /,
    *,
    on_done: Callable[[T], None],
    on_error: Callable[[BaseException], None],
) -> Future[T]: ...


@overload
def submit(
    workspace: Workspace,
    fn: Callable[[Session, A1, A2, A3], T],
    a1: A1,
    a2: A2,
    a3: A3,
    /,
    *,
    on_done: Callable[[T], None],
    on_error: Callable[[BaseException], None],
) -> Future[T]: ...


@overload
def submit(
    workspace: Workspace,
    fn: Callable[[Session, A1, A2, A3, A4], T],
    a1: A1,
    a2: A2,
    a3: A3,
    a4: A4,
    /,
    *,
    on_done: Callable[[T], None],
    on_error: Callable[[BaseException], None],
) -> Future[T]: ...


@overload
def submit(
    workspace: Workspace,
    fn: Callable[[Session, A1, A2, A3, A4, A5], T],
    a1: A1,
    a2: A2,
    a3: A3,
    a4: A4,
    a5: A5,
    /,
    *,
    on_done: Callable[[T], None],
    on_error: Callable[[BaseException], None],
) -> Future[T]: ...


@overload
def submit(
    workspace: Workspace,
    fn: Callable[[Session, A1, A2, A3, A4, A5, A6], T],
    a1: A1,
    a2: A2,
    a3: A3,
    a4: A4,
    a5: A5,
    a6: A6,
    /,
    *,
    on_done: Callable[[T], None],
    on_error: Callable[[BaseException], None],
) -> Future[T]: ...


@overload
def submit(  # seven and more arguments: the result is still checked, the arguments not
    workspace: Workspace,
    fn: Callable[..., T],
    a1: Any,
    a2: Any,
    a3: Any,
    a4: Any,
    a5: Any,
    a6: Any,
    a7: Any,
    /,
    *args: Any,
    on_done: Callable[[T], None],
    on_error: Callable[[BaseException], None],
) -> Future[T]: ...


def submit(
    workspace: Workspace,
    fn: Callable[..., T],
    *args: Any,
    on_done: Callable[[T], None],
    on_error: Callable[[BaseException], None],
) -> Future[T]:
    """Run a service function on the database thread; callbacks on the GUI thread.
    After a lock the store is closed: late requests of views being torn down are dropped.

    The overloads keep the service's signature for mypy: the arguments must fit the
    function's parameters after the session, and ``on_done`` must take what it returns.
    (A ParamSpec cannot be used here: no keyword-only parameter may follow ``P.args``.)"""
    try:
        future = workspace.submit(fn, *args)
    except RuntimeError as exc:
        log.debug("request after lock dropped: %s", exc)
        dropped: Future[T] = Future()
        dropped.cancel()
        return dropped
    _route(future, on_done, on_error)
    return future


def in_thread(
    fn: Callable[[], T],
    on_done: Callable[[T], None],
    on_error: Callable[[BaseException], None],
) -> Future[T]:
    """Run ``fn`` on a fresh daemon thread (unlocking: key derivation, migrations)."""
    future: Future[T] = Future()

    def work() -> None:
        try:
            future.set_result(fn())
        except BaseException as exc:  # delivered to on_error, never lost
            future.set_exception(exc)

    _get_relay()  # created on the GUI thread before the worker starts
    _route(future, on_done, on_error)
    threading.Thread(target=work, name="veldwerk-unlock", daemon=True).start()
    return future


if TYPE_CHECKING:  # a typed call site: `mypy ui/` fails if submit lost the service's signature

    def _seam_keeps_types(workspace: Workspace) -> None:
        from typing import assert_type

        from inspectorapp.domain.snapshots import InspectionRow
        from inspectorapp.services import inspections, visits

        rows = submit(workspace, inspections.list_inspections, on_done=print, on_error=print)
        assert_type(rows, Future[list[InspectionRow]])
        on_ws = workspace.submit(visits.inspection_detail, "inspection id")
        assert_type(on_ws.result().id, str)
