"""What an office admin reads and changes about people, teams, devices and access.

Every function takes the caller's transaction and raises ``AccountError`` with a message for
the operator for a name or id that is not there (``veldwerk-server`` exits 2 with it). The
listings are plain dicts, one per row, so the CLI prints them as a table or as JSON.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Connection, delete, func, select, update

from . import accounts, throttle
from . import schema as t
from .accounts import AccountError


def _counts(conn: Connection, q: Any) -> dict[str, int]:
    """A ``(key, count)`` query as a dict."""
    return {str(k): int(n) for k, n in conn.execute(q)}


def uuid_of(value: str, what: str) -> str:
    """``value`` as a canonical UUID (every id of the office is one), or an ``AccountError``."""
    try:
        return str(uuid.UUID(value.strip()))
    except ValueError:
        raise AccountError(f"{value!r} is not a valid {what} id (a UUID)") from None


def users(conn: Connection) -> list[dict[str, Any]]:
    a, m, d = t.account.c, t.team_member.c, t.device.c
    teams: dict[str, list[str]] = {}
    for account_id, team_name in conn.execute(
        select(m.account_id, t.team.c.name).join(t.team, t.team.c.id == m.team_id).order_by(t.team.c.name)
    ):
        teams.setdefault(str(account_id), []).append(str(team_name))
    active = _counts(
        conn, select(d.account_id, func.count()).where(d.status == "active").group_by(d.account_id)
    )
    return [
        {
            "name": r.username,
            "display_name": r.display_name,
            "admin": bool(r.is_admin),
            "disabled_at": r.disabled_at,
            "teams": ", ".join(teams.get(r.id, [])),
            "active_devices": int(active.get(r.id, 0)),
            "created_at": r.created_at,
        }
        for r in conn.execute(select(t.account).order_by(a.username))
    ]


def teams(conn: Connection) -> list[dict[str, Any]]:
    members = _counts(conn, select(t.team_member.c.team_id, func.count()).group_by(t.team_member.c.team_id))
    grants = _counts(
        conn, select(t.inspection_access.c.team_id, func.count()).group_by(t.inspection_access.c.team_id)
    )
    return [
        {"team": r.name, "members": int(members.get(r.id, 0)), "inspections": int(grants.get(r.id, 0))}
        for r in conn.execute(select(t.team).order_by(t.team.c.name))
    ]


def members(conn: Connection, team: str) -> list[dict[str, Any]]:
    team_id = accounts.team_id_of(conn, team)
    a = t.account.c
    q = (
        select(a.username, a.display_name, a.is_admin, a.disabled_at)
        .join(t.team_member, t.team_member.c.account_id == a.id)
        .where(t.team_member.c.team_id == team_id)
        .order_by(a.username)
    )
    return [
        {"name": r.username, "display_name": r.display_name, "admin": bool(r.is_admin)}
        | {"disabled_at": r.disabled_at}
        for r in conn.execute(q)
    ]


def devices(conn: Connection) -> list[dict[str, Any]]:
    """Each device with what the office knows of its backlog. The office cannot see a laptop's
    unsent changes nor how far it has pulled (a pull leaves no cursor here); it knows the last
    change it applied from the device (``pushed``: epoch and client sequence number), when
    that push came, and its open dead letters (refused changes; what was refused for lack of
    access the laptop holds and sends again every sync)."""
    d, b, r = t.device.c, t.applied_batch.c, t.sync_rejection.c
    last_push = {
        (str(dev), int(epoch)): str(at)
        for dev, epoch, at in conn.execute(
            select(b.device_id, b.epoch, func.max(b.created_at)).group_by(b.device_id, b.epoch)
        )
    }
    held = _counts(conn, select(r.device_id, func.count()).where(r.status == "open").group_by(r.device_id))
    q = select(t.device, t.account.c.username).join(t.account, t.account.c.id == d.account_id)
    return [
        {
            "id": row.id,
            "name": row.name,
            "user": row.username,
            "status": row.status,
            "last_seen_at": row.last_seen_at,
            "pushed": f"{row.epoch}:{row.hwm}",
            "last_push_at": last_push.get((row.id, int(row.epoch))),
            "refused_open": int(held.get(row.id, 0)),
            "enrolled_at": row.enrolled_at,
        }
        for row in conn.execute(q.order_by(t.account.c.username, d.name, d.enrolled_at))
    ]


def _titles(conn: Connection) -> dict[str, Any]:
    """Inspection id -> its record (title, status, deleted) as the office holds it."""
    q = select(t.record.c.id, t.record.c.fields, t.record.c.deleted).where(t.record.c.tbl == "inspection")
    return {str(r.id): r for r in conn.execute(q)}


def _title(found: Any) -> str | None:
    if found is None or not isinstance(found.fields, dict):
        return None
    return str(found.fields.get("title") or "")


def grants(conn: Connection) -> list[dict[str, Any]]:
    titles = _titles(conn)
    g = t.inspection_access.c
    q = select(g.inspection_id, g.can_write, t.team.c.name).join(t.team, t.team.c.id == g.team_id)
    return [
        {
            "inspection_id": r.inspection_id,
            "title": _title(titles.get(r.inspection_id)),
            "team": r.name,
            "access": "write" if r.can_write else "read-only",
        }
        for r in conn.execute(q.order_by(g.inspection_id, t.team.c.name))
    ]


def inspections(conn: Connection) -> list[dict[str, Any]]:
    """Every inspection the office holds records of or has a grant for (a grant may come
    before the inspection's first push), with its records and the teams that may read it."""
    titles = _titles(conn)
    counts = _counts(
        conn,
        select(t.record.c.scope, func.count())
        .where(t.record.c.scope.is_not(None))
        .group_by(t.record.c.scope),
    )
    teams_of: dict[str, list[str]] = {}
    for g in grants(conn):
        teams_of.setdefault(g["inspection_id"], []).append(
            g["team"] + ("" if g["access"] == "write" else " (read)")
        )
    out = []
    for inspection_id in sorted(set(titles) | set(counts) | set(teams_of)):
        found = titles.get(inspection_id)
        state = "not at the office yet" if found is None else ("deleted" if found.deleted else "")
        if found is not None and not found.deleted and isinstance(found.fields, dict):
            state = str(found.fields.get("status") or "")
        out.append(
            {
                "id": inspection_id,
                "title": _title(found),
                "status": state,
                "records": int(counts.get(inspection_id, 0)),
                "teams": ", ".join(teams_of.get(inspection_id, [])),
            }
        )
    return out


def _forget_unreadable(conn: Connection, account_ids: list[str]) -> None:
    """After access is taken away: the devices of these accounts forget which inspections they
    were given whole, for those they can no longer read, so access given again later sends
    the inspection whole again (changes made in between would otherwise be skipped)."""
    for account_id in account_ids:
        readable = accounts.readable_scopes(conn, account_id)
        ids = select(t.device.c.id).where(t.device.c.account_id == account_id)
        conn.execute(
            delete(t.device_scope).where(
                t.device_scope.c.device_id.in_(ids), t.device_scope.c.scope.not_in(readable)
            )
        )


def remove_member(conn: Connection, team: str, username: str) -> None:
    team_id, account_id = accounts.team_id_of(conn, team), accounts.account_id_of(conn, username)
    m = t.team_member.c
    done = conn.execute(delete(t.team_member).where(m.team_id == team_id, m.account_id == account_id))
    if done.rowcount == 0:
        raise AccountError(f"{username!r} is not a member of team {team!r}")
    _forget_unreadable(conn, [account_id])
    accounts.access_changed(conn)


def ungrant(conn: Connection, inspection_id: str, team: str) -> None:
    inspection_id = uuid_of(inspection_id, "inspection")
    team_id = accounts.team_id_of(conn, team)
    g = t.inspection_access.c
    done = conn.execute(
        delete(t.inspection_access).where(g.inspection_id == inspection_id, g.team_id == team_id)
    )
    if done.rowcount == 0:
        raise AccountError(
            f"team {team!r} has no grant for inspection {inspection_id} (list-grants shows them)"
        )
    members_of = select(t.team_member.c.account_id).where(t.team_member.c.team_id == team_id)
    _forget_unreadable(conn, [str(a) for (a,) in conn.execute(members_of)])
    accounts.access_changed(conn)


def reset_password(conn: Connection, username: str, password: str) -> None:
    """A new password for logins and enrolments. The user's enrolled devices keep working:
    their tokens were never the password (revoke-device or disable-user stops them)."""
    if len(password) < 12:
        raise AccountError("password too short (at least 12 characters)")
    account_id = accounts.account_id_of(conn, username)
    conn.execute(
        update(t.account)
        .where(t.account.c.id == account_id)
        .values(password_hash=accounts.hash_password(password))
    )
    throttle.succeeded(conn, throttle.user_key(username))  # a name blocked by wrong tries may log in


def revoke(
    conn: Connection,
    device_id: str | None = None,
    username: str | None = None,
    device_name: str | None = None,
) -> list[dict[str, Any]]:
    """Revoke one device by id, or every device of a user, or the device(s) of that name
    (with ``username``: that user's); returns each device found and whether it was active. A
    name that more than one user's devices carry must be narrowed with ``username``."""
    if device_id is None and username is None and device_name is None:
        raise AccountError("name a device id, a user or a device name")
    d = t.device.c
    q = select(d.id, d.name, d.status, t.account.c.username).join(t.account, t.account.c.id == d.account_id)
    if device_id is not None:
        q = q.where(d.id == uuid_of(device_id, "device"))
    if username is not None:
        q = q.where(d.account_id == accounts.account_id_of(conn, username))
    if device_name is not None:
        q = q.where(d.name == device_name)
    found = conn.execute(q.order_by(d.enrolled_at)).all()
    if not found:
        what = f"device {device_id}" if device_id else f"device named {device_name!r}" if device_name else ""
        if not what:
            return []  # a user without devices: nothing to do, said by the caller
        raise AccountError(
            f"no {what}" + (f" of {username!r}" if username else "") + " (list-devices shows them)"
        )
    if device_name is not None and username is None and len({r.username for r in found}) > 1:
        users_named = ", ".join(sorted({str(r.username) for r in found}))
        raise AccountError(
            f"devices named {device_name!r} belong to {users_named}: add --user NAME, or give the id"
        )
    active = [r.id for r in found if r.status == "active"]
    if active:
        conn.execute(update(t.device).where(d.id.in_(active)).values(status="revoked"))
    return [
        {"id": r.id, "name": r.name, "user": r.username, "was_active": r.status == "active"} for r in found
    ]
