"""Login and enrolment throttling, and a bound on concurrent password hashing.

Failures are counted per user name (whether or not the account exists, so a refusal says
nothing about which accounts exist) and per client address, in the database
(``login_throttle``), so every server process sharing it sees the same count. After a few
failures the key is blocked for a period that doubles with each further failure; while it
is blocked every attempt, the right password too, is refused with 429 and costs no hash.

A password hash (argon2id, 64 MiB) runs in at most ``HASH_SLOTS`` threads per process; a
request that cannot get a slot soon is refused with 429 ``busy`` (decision 0010).
"""

from __future__ import annotations

import asyncio
import math
import time
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager

from sqlalchemy import Connection, delete, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from . import schema as t

USER_FREE, ADDRESS_FREE = 5, 20  # failures before a key is blocked
FIRST_BLOCK = 2.0  # seconds; doubles with each failure after that
LONGEST_BLOCK = 15 * 60.0
FORGET_AFTER = 24 * 3600.0  # a key quiet this long starts again from nothing
HASH_SLOTS = 2
HASH_WAIT = 10.0  # seconds a request may wait for a hashing slot
HASH_QUEUE = 32  # requests waiting for a slot beyond this are refused at once


class Throttled(Exception):
    """Too many failures for this user name or address: try again after ``retry_after``."""

    def __init__(self, retry_after: float) -> None:
        super().__init__(f"retry after {retry_after:.0f} s")
        self.retry_after = max(1, math.ceil(retry_after))


class Busy(Exception):
    """No hashing slot free soon enough: the server is busy; try again shortly."""

    retry_after = 2


def user_key(username: str) -> str:
    return "user:" + username.strip().casefold()[:200]


def address_key(address: str) -> str:
    return "addr:" + address[:100]


def _free(key: str) -> int:
    return USER_FREE if key.startswith("user:") else ADDRESS_FREE


def _block(key: str, failures: int) -> float:
    over = failures - _free(key)
    return 0.0 if over < 0 else min(FIRST_BLOCK * 2 ** min(over, 30), LONGEST_BLOCK)


def check(conn: Connection, keys: Iterable[str], now: float | None = None) -> None:
    """Raises ``Throttled`` while any of the keys is blocked (a read: no lock taken)."""
    moment = time.time() if now is None else now
    c = t.login_throttle.c
    until = conn.execute(
        select(c.blocked_until).where(c.key.in_(list(keys)), c.blocked_until > moment)
    ).scalars()
    latest = max(until, default=None)
    if latest is not None:
        raise Throttled(latest - moment)


def failed(conn: Connection, keys: Iterable[str], now: float | None = None) -> None:
    """Count a failure against each key (and forget keys that have been quiet for a day)."""
    moment = time.time() if now is None else now
    table, c = t.login_throttle, t.login_throttle.c
    conn.execute(delete(table).where(c.last_failure < moment - FORGET_AFTER))
    make = pg_insert if conn.dialect.name == "postgresql" else sqlite_insert
    for key in keys:
        conn.execute(
            make(table)
            .values(key=key, failures=0, last_failure=moment, blocked_until=0.0)
            .on_conflict_do_nothing()
        )
        failures, last = conn.execute(
            select(c.failures, c.last_failure).where(c.key == key).with_for_update()
        ).one()
        failures = (0 if last < moment - FORGET_AFTER else failures) + 1
        conn.execute(
            update(table)
            .where(c.key == key)
            .values(failures=failures, last_failure=moment, blocked_until=moment + _block(key, failures))
        )


def attempt(conn: Connection, keys: Iterable[str], now: float | None = None) -> None:
    """Count an attempt as a failure before its password is hashed, refusing it (uncounted)
    while a key is blocked: the keys' rows are locked first, so parallel guesses cannot all
    pass a check made before any of them was counted (``forgive`` takes a right one back)."""
    moment = time.time() if now is None else now
    c = t.login_throttle.c
    make = pg_insert if conn.dialect.name == "postgresql" else sqlite_insert
    ordered = sorted(set(keys))  # one lock order: no deadlock between two attempts
    for key in ordered:
        conn.execute(
            make(t.login_throttle)
            .values(key=key, failures=0, last_failure=moment, blocked_until=0.0)
            .on_conflict_do_nothing()
        )
    until = conn.execute(
        select(c.blocked_until).where(c.key.in_(ordered)).order_by(c.key).with_for_update()
    ).scalars()
    latest = max(until, default=0.0)
    if latest > moment:
        raise Throttled(latest - moment)
    failed(conn, ordered, moment)


def forgive(conn: Connection, keys: Iterable[str]) -> None:
    """Take back the failure ``attempt`` counted for a login that turned out right."""
    c = t.login_throttle.c
    for key in keys:
        row = conn.execute(select(c.failures, c.last_failure).where(c.key == key).with_for_update()).first()
        if row is None:
            continue
        failures = max(0, row.failures - 1)
        blocked = row.last_failure + _block(key, failures) if failures else 0.0
        conn.execute(
            update(t.login_throttle).where(c.key == key).values(failures=failures, blocked_until=blocked)
        )


def succeeded(conn: Connection, key: str) -> None:
    """A right password clears its user name's count (an address's count only fades)."""
    conn.execute(delete(t.login_throttle).where(t.login_throttle.c.key == key))


class HashSlots:
    """At most ``slots`` password hashes at once in this process; the rest wait in the event
    loop (not in worker threads, which the health check and syncs need) for a while."""

    def __init__(self, slots: int = HASH_SLOTS, wait: float = HASH_WAIT, queue: int = HASH_QUEUE) -> None:
        self._free = asyncio.Semaphore(slots)
        self._wait = wait
        self._queue = queue
        self._waiting = 0

    @asynccontextmanager
    async def slot(self) -> AsyncIterator[None]:
        if self._waiting >= self._queue:
            raise Busy
        self._waiting += 1
        try:
            async with asyncio.timeout(self._wait):
                await self._free.acquire()
        except TimeoutError:
            raise Busy from None
        finally:
            self._waiting -= 1
        try:
            yield
        finally:
            self._free.release()
