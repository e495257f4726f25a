"""Users, teams, inspection access, enrolment and device tokens.

A device enrols once (user name and password, or a one-time code an admin made) and
gets a random 256-bit bearer token. The server keeps only its SHA-256, so a copy of
the database cannot be used to sync; revoking the device ends its access at once.
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Connection, Select, insert, select, update

from . import schema as t
from .db import next_revision

_hasher = PasswordHasher()


class AccountError(Exception):
    """Refused with a reason the caller may show (never which of user or password was wrong)."""


@dataclass(frozen=True)
class Caller:
    device_id: str
    account_id: str
    epoch: int
    hwm: int


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def create_account(
    conn: Connection, username: str, display_name: str, password: str | None, is_admin: bool = False
) -> str:
    if password is not None and len(password) < 12:
        raise AccountError("password too short (at least 12 characters)")
    if conn.execute(select(t.account.c.id).where(t.account.c.username == username)).first():
        raise AccountError(f"user {username!r} exists")
    account_id = str(uuid.uuid4())
    conn.execute(
        insert(t.account).values(
            id=account_id,
            username=username,
            display_name=display_name,
            password_hash=_hasher.hash(password) if password else None,
            is_admin=is_admin,
            created_at=now(),
        )
    )
    return account_id


def account_id_of(conn: Connection, username: str) -> str:
    found = conn.execute(select(t.account.c.id).where(t.account.c.username == username)).scalar()
    if found is None:
        raise AccountError(f"no user {username!r} (list-users shows them)")
    return str(found)


def team_id_of(conn: Connection, name: str) -> str:
    found = conn.execute(select(t.team.c.id).where(t.team.c.name == name)).scalar()
    if found is None:
        raise AccountError(f"no team {name!r} (list-teams shows them)")
    return str(found)


def create_team(conn: Connection, name: str) -> str:
    if conn.execute(select(t.team.c.id).where(t.team.c.name == name)).first():
        raise AccountError(f"team {name!r} exists")
    team_id = str(uuid.uuid4())
    conn.execute(insert(t.team).values(id=team_id, name=name))
    return team_id


def add_member(conn: Connection, team: str, username: str) -> None:
    team_id, account_id = team_id_of(conn, team), account_id_of(conn, username)
    exists = conn.execute(
        select(t.team_member.c.team_id).where(
            t.team_member.c.team_id == team_id, t.team_member.c.account_id == account_id
        )
    ).first()
    if not exists:
        conn.execute(insert(t.team_member).values(team_id=team_id, account_id=account_id))
        access_changed(conn)


def access_changed(conn: Connection) -> None:
    """Who may read what changed: a revision of its own, so a device that is up to date moves
    its cursor past the pull that gave it the newly readable inspections (``device_scope``)."""
    next_revision(conn)


def grant(conn: Connection, inspection_id: str, team: str, can_write: bool = True) -> None:
    team_id = team_id_of(conn, team)
    conn.execute(
        t.inspection_access.delete().where(
            t.inspection_access.c.inspection_id == inspection_id, t.inspection_access.c.team_id == team_id
        )
    )
    conn.execute(
        insert(t.inspection_access).values(inspection_id=inspection_id, team_id=team_id, can_write=can_write)
    )
    access_changed(conn)


def in_a_team(conn: Connection, account_id: str) -> bool:
    """The account belongs to a team (else a new inspection it pushes would have no readers)."""
    q = select(t.team_member.c.team_id).where(t.team_member.c.account_id == account_id).limit(1)
    return conn.execute(q).first() is not None


def grant_creator(conn: Connection, inspection_id: str, account_id: str) -> None:
    """A new inspection pushed by a device belongs to its user's teams."""
    for (team_id,) in conn.execute(
        select(t.team_member.c.team_id).where(t.team_member.c.account_id == account_id)
    ):
        conn.execute(
            insert(t.inspection_access).values(inspection_id=inspection_id, team_id=team_id, can_write=True)
        )


def enrolment_code(conn: Connection, username: str, hours: int = 24) -> str:
    """A one-time code (shown once) with which the user's laptop can enrol."""
    code = "-".join(secrets.token_hex(3) for _ in range(3))
    expires = (
        (datetime.now(UTC) + timedelta(hours=hours)).isoformat(timespec="seconds").replace("+00:00", "Z")
    )
    conn.execute(
        insert(t.enrolment_code).values(
            code_hash=token_hash(code), account_id=account_id_of(conn, username), expires_at=expires
        )
    )
    return code


class AccountDisabled(AccountError):
    """The account is disabled: none of its devices, logins or codes are accepted."""

    def __init__(self) -> None:
        super().__init__("account disabled")


@dataclass(frozen=True)
class Login:
    """What a password login needs, read before the (slow) hash, outside any write."""

    account_id: str | None
    password_hash: str | None


def find_login(conn: Connection, username: str) -> Login:
    row = conn.execute(
        select(t.account.c.id, t.account.c.password_hash).where(t.account.c.username == username)
    ).first()
    return Login(None, None) if row is None else Login(str(row.id), row.password_hash)


def password_matches(login: Login, password: str) -> bool:
    """The argon2id check (~64 MiB, tens of ms): called without a database transaction."""
    try:
        if login.password_hash is None:
            _hasher.hash(password)  # same work either way: no timing hint about which users exist
            return False
        return bool(_hasher.verify(login.password_hash, password))
    except (VerificationError, InvalidHashError):
        return False


def _check_login(conn: Connection, username: str, password: str) -> str:
    login = find_login(conn, username)
    if login.account_id is None or not password_matches(login, password):
        raise AccountError("unknown user or wrong password")
    return login.account_id


def redeem(conn: Connection, code: str) -> str:
    """The account a one-time enrolment code belongs to; the code is used up."""
    row = conn.execute(
        select(t.enrolment_code).where(t.enrolment_code.c.code_hash == token_hash(code))
    ).first()
    if row is None or row.used_at is not None or row.expires_at < now():
        raise AccountError("unknown, used or expired enrolment code")
    c = t.enrolment_code.c
    used = conn.execute(  # only one of two redemptions at once finds it unused (PostgreSQL)
        update(t.enrolment_code)
        .where(c.code_hash == row.code_hash, c.used_at.is_(None))
        .values(used_at=now())
    )
    if used.rowcount != 1:
        raise AccountError("unknown, used or expired enrolment code")
    return str(row.account_id)


def add_device(conn: Connection, account_id: str, device_name: str) -> tuple[str, str, str]:
    """(device id, bearer token, account name) for a new device of an enabled account."""
    account = conn.execute(
        select(t.account.c.username, t.account.c.disabled_at).where(t.account.c.id == account_id)
    ).one()
    if account.disabled_at is not None:
        raise AccountDisabled
    token = secrets.token_urlsafe(32)
    device_id = str(uuid.uuid4())
    conn.execute(
        insert(t.device).values(
            id=device_id,
            account_id=account_id,
            name=device_name,
            token_hash=token_hash(token),
            epoch=1,
            hwm=0,
            status="active",
            enrolled_at=now(),
        )
    )
    return device_id, token, str(account.username)


def enrol(
    conn: Connection, device_name: str, username: str | None, password: str | None, code: str | None
) -> tuple[str, str, str]:
    """(device id, bearer token, account name) for a new device, in one transaction (the
    administration and tests; the HTTP route hashes outside the transaction: ``login``)."""
    if code:
        account_id = redeem(conn, code.strip())
    elif username and password:
        account_id = _check_login(conn, username, password)
    else:
        raise AccountError("give a user name and password, or an enrolment code")
    return add_device(conn, account_id, device_name)


def authenticate(conn: Connection, token: str) -> Caller | None:
    found = _device(conn, token)
    if found is None or found.status != "active" or found.disabled_at is not None:
        return None
    return Caller(found.id, found.account_id, found.epoch, found.hwm)


def refusal(conn: Connection, token: str) -> str:
    """Why a token is not accepted: device_revoked, account_disabled or unauthenticated."""
    found = _device(conn, token)
    if found is None:
        return "unauthenticated"
    return "account_disabled" if found.disabled_at is not None else "device_revoked"


def _device(conn: Connection, token: str) -> Any:
    d = t.device.c
    return conn.execute(
        select(d.id, d.account_id, d.epoch, d.hwm, d.status, t.account.c.disabled_at)
        .join(t.account, t.account.c.id == d.account_id)
        .where(d.token_hash == token_hash(token))
    ).first()


def set_disabled(conn: Connection, username: str, disabled: bool) -> None:
    """Disable (or enable again) a person's account: its devices, logins and codes are
    refused while it is disabled; its devices work again once it is enabled."""
    conn.execute(
        update(t.account)
        .where(t.account.c.id == account_id_of(conn, username))
        .values(disabled_at=now() if disabled else None)
    )


def revoke_device(conn: Connection, device_id: str) -> None:
    done = conn.execute(update(t.device).where(t.device.c.id == device_id).values(status="revoked"))
    if done.rowcount == 0:
        raise AccountError(f"no device {device_id!r}")


def readable_scopes_query(account_id: str) -> Select[tuple[str]]:
    """The inspections the account may read (through its teams), as a subquery."""
    return (
        select(t.inspection_access.c.inspection_id)
        .join(t.team_member, t.team_member.c.team_id == t.inspection_access.c.team_id)
        .where(t.team_member.c.account_id == account_id)
        .distinct()
    )


def readable_scopes(conn: Connection, account_id: str) -> list[str]:
    return [str(r[0]) for r in conn.execute(readable_scopes_query(account_id))]


def writable_scopes(conn: Connection, account_id: str) -> set[str]:
    """The inspections the account may write (through any of its teams): one query for a push,
    instead of one per inspection it names."""
    q = (
        select(t.inspection_access.c.inspection_id)
        .join(t.team_member, t.team_member.c.team_id == t.inspection_access.c.team_id)
        .where(t.team_member.c.account_id == account_id, t.inspection_access.c.can_write.is_(True))
        .distinct()
    )
    return {str(r[0]) for r in conn.execute(q)}


def has_access_rules(conn: Connection, inspection_id: str) -> bool:
    return (
        conn.execute(
            select(t.inspection_access.c.team_id).where(t.inspection_access.c.inspection_id == inspection_id)
        ).first()
        is not None
    )
