"""``veldwerk-server``'s commands for looking after the office (docs/operators.md).

    list-users / list-teams / list-members TEAM / list-devices / list-grants / list-inspections
    remove-member TEAM NAME / ungrant INSPECTION_ID TEAM / reset-password NAME
    revoke-device DEVICE_ID | --user NAME | --name DEVICE_NAME [--user NAME]
    list-conflicts [--open] / close-conflict ID [--note TEXT]
    list-dead-letters [--open] / close-dead-letter ID [--note TEXT]

Listings print an aligned table (``--json``: a JSON array, for scripts). Every change says
what it did on stdout; a name or id that is not there is one line on stderr and exit 2.
Nothing asks for a terminal except ``reset-password`` on one (else VELDWERK_NEW_PASSWORD).
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection

from . import admin, conflicts, dead_letters
from .accounts import AccountError
from .db import make_engine

NEW_PASSWORD_ENV = "VELDWERK_NEW_PASSWORD"
BACKLOG_HELP = (
    "every device: name, user, status, last seen and its backlog as far as the office knows it."
    " The office cannot see changes a laptop has not sent, nor how far it has pulled; it shows"
    " PUSHED (epoch:client sequence of the last change it applied from the device), LAST_PUSH_AT,"
    " and REFUSED_OPEN (its open dead letters: refused changes; those refused for lack of access"
    " the laptop holds and sends again every sync)"
)
LISTINGS: dict[str, tuple[str, Callable[..., list[dict[str, Any]]]]] = {
    "list-users": ("every user: teams, admin, disabled, active devices", admin.users),
    "list-teams": ("every team with its number of members and inspections", admin.teams),
    "list-devices": (BACKLOG_HELP, admin.devices),
    "list-grants": ("which team may read (or write) which inspection", admin.grants),
    "list-inspections": ("every inspection the office holds or has a grant for", admin.inspections),
}


def add_commands(sub: Any) -> None:
    """Add the admin subcommands to ``veldwerk-server``'s parser (``sub``: its subparsers)."""
    for name, (text, _fn) in LISTINGS.items():
        _json_flag(sub.add_parser(name, help=text, description=text))
    members = sub.add_parser("list-members", help="the members of one team")
    members.add_argument("team")
    _json_flag(members)
    remove = sub.add_parser("remove-member", help="take a user out of a team")
    remove.add_argument("team")
    remove.add_argument("name")
    ungrant = sub.add_parser("ungrant", help="take a team's access to an inspection away")
    ungrant.add_argument("inspection_id")
    ungrant.add_argument("team")
    reset = sub.add_parser(
        "reset-password",
        help="a new password (prompted twice, or VELDWERK_NEW_PASSWORD); enrolled devices keep working",
    )
    reset.add_argument("name")
    revoke = sub.add_parser(
        "revoke-device", help="stop laptops: one by id, all of a user (--user), or by name (--name)"
    )
    revoke.add_argument("device_id", nargs="?")
    revoke.add_argument("--user", help="every device of this user (with --name: only that user's)")
    revoke.add_argument("--name", help="the device(s) with this name, as list-devices shows it")
    for what in ("conflicts", "dead-letters"):
        listing = sub.add_parser(f"list-{what}", help=f"the {what.replace('-', ' ')}, oldest first")
        listing.add_argument("--open", action="store_true", help="only the open ones")
        listing.add_argument("--limit", type=int, default=500)
        _json_flag(listing)
        close = sub.add_parser(f"close-{what[:-1]}", help=f"close one of the {what.replace('-', ' ')}")
        close.add_argument("id")
        close.add_argument("--note", help="why (kept with who closed it and when)")
        close.add_argument("--by", default=None, help="who closes it (default: the system user)")


def _json_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="a JSON array instead of a table")


def handles(command: str) -> bool:
    return command in LISTINGS or command in {
        "list-members",
        "remove-member",
        "ungrant",
        "reset-password",
        "revoke-device",
        "list-conflicts",
        "close-conflict",
        "list-dead-letters",
        "close-dead-letter",
    }


def in_transaction(url: str, action: Callable[[Connection], Any]) -> Any:
    """Run one admin action in its own transaction on a short-lived engine."""
    engine = make_engine(url)
    try:
        with engine.begin() as conn:
            return action(conn)
    finally:
        engine.dispose()


def run(args: argparse.Namespace, url: str) -> None:
    """Run one admin command; raises ``AccountError`` for what the operator must correct."""
    command = args.command
    if command in LISTINGS:
        _show(in_transaction(url, LISTINGS[command][1]), args.json, command.removeprefix("list-"))
    elif command == "list-members":
        _show(in_transaction(url, lambda c: admin.members(c, args.team)), args.json, "members")
    elif command == "list-conflicts":
        rows = in_transaction(url, lambda c: conflicts.listing(c, args.open, _limit(args.limit)))
        _show(rows if args.json else [_short_conflict(r) for r in rows], args.json, "conflicts")
    elif command == "list-dead-letters":
        rows = in_transaction(url, lambda c: dead_letters.listing(c, args.open, _limit(args.limit)))
        _show(rows if args.json else [_short_letter(r) for r in rows], args.json, "dead letters")
    elif command in ("close-conflict", "close-dead-letter"):
        module: Any = conflicts if command == "close-conflict" else dead_letters
        by = args.by or _system_user()
        done = in_transaction(url, lambda c: module.close(c, args.id, by, args.note))
        what = command.removeprefix("close-").replace("-", " ")
        print(f"closed {what} {done['id']} (by {done['closed_by']} at {done['closed_at']})")
    elif command == "remove-member":
        in_transaction(url, lambda c: admin.remove_member(c, args.team, args.name))
        print(f"removed {args.name} from team {args.team}")
    elif command == "ungrant":
        in_transaction(url, lambda c: admin.ungrant(c, args.inspection_id, args.team))
        print(f"team {args.team} no longer has access to inspection {args.inspection_id.strip()}")
    elif command == "reset-password":
        password = new_password(NEW_PASSWORD_ENV)
        in_transaction(url, lambda c: admin.reset_password(c, args.name, password))
        print(f"new password set for {args.name}; their enrolled devices keep working")
    elif command == "revoke-device":
        _revoke(args, url)


def _revoke(args: argparse.Namespace, url: str) -> None:
    if args.device_id is not None and (args.user or args.name):
        raise AccountError("give a device id, or --user and/or --name, not both")
    if args.device_id is None and not (args.user or args.name):
        raise AccountError("give a device id, --user NAME or --name DEVICE_NAME")
    found = in_transaction(url, lambda c: admin.revoke(c, args.device_id, args.user, args.name))
    if not found:
        print(f"{args.user} has no devices: nothing revoked")
    for d in found:
        state = "revoked" if d["was_active"] else "already revoked"
        print(f"{state}: device {d['id']} ({d['name']!r} of {d['user']})")


def new_password(env: str) -> str:
    """From ``env`` without a terminal, else asked twice; never waits on a pipe."""
    if os.environ.get(env):
        return os.environ[env]
    if not sys.stdin.isatty():
        raise AccountError(f"no terminal to ask the password on: set {env}")
    first = getpass.getpass("Password: ")
    if getpass.getpass("Again: ") != first:
        raise AccountError("the passwords differ")
    return first


def _system_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in the environment or passwd (a container)
        return "veldwerk-server"


def _limit(limit: int) -> int:
    if not 1 <= limit <= 100_000:
        raise AccountError("--limit is 1 to 100000")
    return limit


def _short_conflict(r: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": r["id"],
        "created_at": r["created_at"],
        "record": f"{r['tbl']}/{r['record_id']}",
        "field": r["field"],
        "kind": r["kind"],
        "kept": _value(r["winner"]) + f" ({r['winner_device_name'] or r['winner_device']})",
        "lost": _value(r["loser"]) + f" ({r['loser_device_name'] or r['loser_device']})",
        "status": _status(r),
    }


def _short_letter(r: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": r["id"],
        "last_seen_at": r["last_seen_at"] or r["created_at"],
        "device": f"{r['device_name'] or r['device_id']} ({r['user'] or '?'})",
        "record": f"{r['tbl']}/{r['record_id']}" if r["tbl"] else "-",
        "reason": r["reason"],
        "times": r["times"],
        "status": _status(r),
    }


def _status(r: dict[str, Any]) -> str:
    if r["status"] != "closed":
        return str(r["status"])
    return f"closed by {r['closed_by']} at {r['closed_at']}" + (f": {r['note']}" if r["note"] else "")


def _value(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:39] + "…"


def _show(rows: list[dict[str, Any]], as_json: bool, what: str) -> None:
    if as_json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    if not rows:
        print(f"no {what}")
        return
    heads = list(rows[0])
    cells = [[_cell(row[h]) for h in heads] for row in rows]
    widths = [max(len(h), *(len(c[i]) for c in cells)) for i, h in enumerate(heads)]
    for line in [[h.upper() for h in heads], *cells]:
        print("  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip())


def _cell(value: Any) -> str:
    if value is None or value == "":
        return "-"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value).replace("\n", " ")
