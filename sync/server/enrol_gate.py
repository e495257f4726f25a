"""Enrolment over HTTP: throttled, with the password hashed outside any write transaction.

Order: is the user name or address blocked? If not, the attempt is counted as a failure
at once (a short write: parallel guesses cannot all pass a check made before any of them
was counted) and the account read. Then the password is checked in a hashing slot with
no transaction open (on SQLite a transaction holds the one write lock: the health check
waited 2.4 s behind a burst of logins), and only a right one is written: the new device,
and the failure taken back.
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
        with reading(self.engine) as conn:  # a blocked key costs no write
            throttle.check(conn, keys)
        with self.engine.begin() as conn:
            throttle.attempt(conn, keys)
            return accounts.find_login(conn, username)

    def _after_login(
        self, login: accounts.Login, right: bool, keys: list[str], device_name: str
    ) -> tuple[str, str, str]:
        if not right or login.account_id is None:
            raise accounts.AccountError("unknown user or wrong password")  # counted already
        try:
            with self.engine.begin() as conn:
                throttle.succeeded(conn, keys[0])
                throttle.forgive(conn, keys[1:])
                return accounts.add_device(conn, login.account_id, device_name)
        except accounts.AccountDisabled:
            with self.engine.begin() as conn:
                throttle.forgive(conn, keys)  # a right password: not a guess
            raise

    def _with_code(self, code: str, device_name: str, address: str) -> tuple[str, str, str]:
        keys = [throttle.address_key(address)]
        with reading(self.engine) as conn:
            throttle.check(conn, keys)
        with self.engine.begin() as conn:
            throttle.attempt(conn, keys)
        try:
            with self.engine.begin() as conn:
                found = accounts.add_device(conn, accounts.redeem(conn, code), device_name)
                throttle.forgive(conn, keys)
                return found
        except accounts.AccountDisabled:
            with self.engine.begin() as conn:
                throttle.forgive(conn, keys)  # a right code: not a guess
            raise
