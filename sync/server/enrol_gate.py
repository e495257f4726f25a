"""Enrolment over HTTP: throttled, with the password hashed outside any write transaction.

Order: is the user name or address blocked (a read, no hash)? Then the account is read,
the password checked in a hashing slot with no transaction open (on SQLite a transaction
holds the one write lock: the health check waited 2.4 s behind a burst of logins), and
only then is the outcome written: the new device, or the failure counted.
"""

from __future__ import annotations

from fastapi.concurrency import run_in_threadpool
from sqlalchemy import Engine

from sync.protocol import EnrolRequest

from . import accounts, throttle
from .db import reading


class Gate:
    def __init__(self, engine: Engine, slots: throttle.HashSlots | None = None) -> None:
        self.engine = engine
        self.slots = slots or throttle.HashSlots()

    async def enrol(self, req: EnrolRequest, address: str) -> tuple[str, str, str]:
        """(device id, token, account name); raises ``throttle.Throttled``/``Busy`` or
        ``accounts.AccountError`` (``AccountDisabled`` after a right password or code)."""
        if req.code:
            return await run_in_threadpool(self._with_code, req.code.strip(), req.device_name, address)
        if not (req.username and req.password):
            raise accounts.AccountError("give a user name and password, or an enrolment code")
        keys = [throttle.user_key(req.username), throttle.address_key(address)]
        login = await run_in_threadpool(self._look_up, req.username, keys)
        async with self.slots.slot():
            right = await run_in_threadpool(accounts.password_matches, login, req.password)
        return await run_in_threadpool(self._after_login, login, right, keys, req.device_name)

    def _look_up(self, username: str, keys: list[str]) -> accounts.Login:
        with reading(self.engine) as conn:
            throttle.check(conn, keys)
            return accounts.find_login(conn, username)

    def _after_login(
        self, login: accounts.Login, right: bool, keys: list[str], device_name: str
    ) -> tuple[str, str, str]:
        if not right or login.account_id is None:
            with self.engine.begin() as conn:
                throttle.failed(conn, keys)
            raise accounts.AccountError("unknown user or wrong password")
        with self.engine.begin() as conn:
            throttle.succeeded(conn, keys[0])
            return accounts.add_device(conn, login.account_id, device_name)

    def _with_code(self, code: str, device_name: str, address: str) -> tuple[str, str, str]:
        keys = [throttle.address_key(address)]
        with reading(self.engine) as conn:
            throttle.check(conn, keys)
        try:
            with self.engine.begin() as conn:
                return accounts.add_device(conn, accounts.redeem(conn, code), device_name)
        except accounts.AccountDisabled:
            raise
        except accounts.AccountError:
            with self.engine.begin() as conn:
                throttle.failed(conn, keys)
            raise
