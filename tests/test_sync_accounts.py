"""Accounts and devices on the office store: what is stored, and what each credential allows."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import select, update

from sync.protocol import Mutation, PushRequest
from sync.server import accounts, records, throttle
from sync.server import schema as t
from sync.server.db import make_engine, migrate

from .postgres import postgres_server, postgres_url

__all__ = ["postgres_server", "postgres_url"]  # fixtures, found by pytest in this namespace

PASSWORD = "correct horse battery staple"


@pytest.fixture
def conn(tmp_path: Path):
    url = f"sqlite:///{tmp_path / 'office.db'}"
    migrate(url)
    engine = make_engine(url)
    with engine.begin() as connection:
        accounts.create_team(connection, "Dementie")
        accounts.create_account(connection, "anna", "Anna", PASSWORD)
        accounts.add_member(connection, "Dementie", "anna")
        yield connection
    engine.dispose()


def test_passwords_and_tokens_are_stored_only_as_hashes(conn) -> None:
    stored = conn.execute(select(t.account.c.password_hash)).scalar_one()
    assert stored.startswith("$argon2id$") and PASSWORD not in stored
    device_id, token, name = accounts.enrol(conn, "laptop", "anna", PASSWORD, None)
    assert name == "anna"
    token_hash = conn.execute(select(t.device.c.token_hash).where(t.device.c.id == device_id)).scalar_one()
    assert token_hash == accounts.token_hash(token) and token not in token_hash
    assert len(token) >= 40  # 256 bits, URL-safe
    assert accounts.authenticate(conn, token) is not None


def test_wrong_login_does_not_say_which_part_was_wrong(conn) -> None:
    with pytest.raises(accounts.AccountError) as unknown_user:
        accounts.enrol(conn, "laptop", "nobody", PASSWORD, None)
    with pytest.raises(accounts.AccountError) as wrong_password:
        accounts.enrol(conn, "laptop", "anna", "wrong wrong wrong", None)
    assert str(unknown_user.value) == str(wrong_password.value)
    with pytest.raises(accounts.AccountError):
        accounts.create_account(conn, "bram", "Bram", "short")  # at least 12 characters


def test_enrolment_codes_work_once_and_expire(conn) -> None:
    code = accounts.enrolment_code(conn, "anna", hours=1)
    device_id, token, _name = accounts.enrol(conn, "laptop", None, None, code)
    assert accounts.authenticate(conn, token).device_id == device_id
    with pytest.raises(accounts.AccountError):
        accounts.enrol(conn, "second laptop", None, None, code)  # used
    stale = accounts.enrolment_code(conn, "anna", hours=1)
    conn.execute(
        update(t.enrolment_code)
        .where(t.enrolment_code.c.used_at.is_(None))
        .values(expires_at="2000-01-01T00:00:00Z")
    )
    with pytest.raises(accounts.AccountError):
        accounts.enrol(conn, "third laptop", None, None, stale)


def test_revoked_devices_and_access_per_team(conn) -> None:
    device_id, token, _name = accounts.enrol(conn, "laptop", "anna", PASSWORD, None)
    anna = accounts.authenticate(conn, token)
    assert anna is not None
    accounts.grant(conn, "0" * 8 + "-0000-7000-8000-" + "0" * 12, "Dementie", can_write=False)
    assert accounts.readable_scopes(conn, anna.account_id) == ["00000000-0000-7000-8000-000000000000"]
    assert accounts.writable_scopes(conn, anna.account_id) == set()  # read-only access
    accounts.revoke_device(conn, device_id)
    assert accounts.authenticate(conn, token) is None
    with pytest.raises(accounts.AccountError):
        accounts.revoke_device(conn, "no-such-device")


def test_a_disabled_account_refuses_its_devices_until_enabled(conn) -> None:
    _device_id, token, _name = accounts.enrol(conn, "laptop", "anna", PASSWORD, None)
    accounts.set_disabled(conn, "anna", True)
    assert accounts.authenticate(conn, token) is None
    assert accounts.refusal(conn, token) == "account_disabled"
    with pytest.raises(accounts.AccountDisabled):
        accounts.enrol(conn, "second laptop", "anna", PASSWORD, None)
    accounts.set_disabled(conn, "anna", False)
    assert accounts.authenticate(conn, token) is not None
    assert accounts.refusal(conn, "no such token") == "unauthenticated"


def test_failures_block_a_name_for_a_doubling_period(conn) -> None:
    keys = [throttle.user_key("Anna"), throttle.address_key("203.0.113.1")]
    for n in range(throttle.USER_FREE):
        throttle.check(conn, keys, now=1000.0 + n)
        throttle.failed(conn, keys, now=1000.0 + n)
    with pytest.raises(throttle.Throttled) as blocked:
        throttle.check(conn, [throttle.user_key("anna")], now=1004.5)
    assert blocked.value.retry_after == 2
    throttle.failed(conn, keys, now=1010.0)
    with pytest.raises(throttle.Throttled) as longer:
        throttle.check(conn, keys, now=1010.0)
    assert longer.value.retry_after == 4
    throttle.succeeded(conn, keys[0])
    throttle.check(conn, keys, now=1010.0)  # the address has not reached its own limit


@pytest.mark.parametrize("how", ["revoke", "disable"])
def test_a_push_authenticated_before_revocation_does_not_land(conn, how: str) -> None:
    """The request guard let the push in; the device is revoked (or its account disabled)
    before the push takes its device row: refused 401 as the guard would, nothing written."""
    device_id, token, _name = accounts.enrol(conn, "laptop", "anna", PASSWORD, None)
    caller = accounts.authenticate(conn, token)
    assert caller is not None
    if how == "revoke":
        accounts.revoke_device(conn, device_id)
    else:
        accounts.set_disabled(conn, "anna", True)
    hlc = "1773306000000000.00000"
    org = "00000000-0000-7000-8000-000000000001"
    mutation = Mutation.model_validate(
        {"tbl": "organisation", "id": org, "op": "upsert", "hlc": hlc, "client_seq": 1}
        | {"fields": {"name": {"v": "Zorggroep"}}}
    )
    req = PushRequest(device_id=device_id, epoch=1, first_client_seq=1, last_client_seq=1, mutations=[mutation])
    with pytest.raises(records.Refused) as refused:
        records.push(conn, caller, req, "0" * 64)
    assert refused.value.status == 401
    assert refused.value.body["error"] == ("device_revoked" if how == "revoke" else "account_disabled")
    assert conn.execute(select(t.record)).first() is None


def test_an_enrolment_code_redeemed_twice_at_once_works_once(postgres_url: str) -> None:
    """PostgreSQL reads the code unused in both transactions; only one update may use it."""
    migrate(postgres_url)
    engine = make_engine(postgres_url)
    try:
        with engine.begin() as setup:
            accounts.create_account(setup, "anna", "Anna", PASSWORD)
            code = accounts.enrolment_code(setup, "anna", hours=1)
        outcome: list[str] = []

        def second() -> None:
            with engine.connect() as other:
                try:
                    with other.begin():
                        accounts.redeem(other, code)  # waits for the first one's lock
                    outcome.append("redeemed")
                except accounts.AccountError:
                    outcome.append("refused")

        with engine.connect() as first, first.begin():
            accounts.redeem(first, code)
            thread = threading.Thread(target=second)
            thread.start()
            time.sleep(1.0)  # the second one has read the code unused and waits on its row
        thread.join(30)
        assert outcome == ["refused"]
    finally:
        engine.dispose()
