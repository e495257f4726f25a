"""An office store on SQLite, made by the real migrations: one team, its members each with an
enrolment code. For tests that run the office's app in their own process (``TestClient``)."""

from __future__ import annotations

from pathlib import Path

from sync.server import accounts
from sync.server.db import make_engine, migrate


def team_office(folder: Path, users: list[str], team: str = "Dementie") -> tuple[str, list[str]]:
    """(the store's URL, each user's enrolment code in the order given)."""
    url = f"sqlite:///{folder / 'office.db'}"
    migrate(url)
    engine = make_engine(url)
    codes = []
    with engine.begin() as conn:
        accounts.create_team(conn, team)
        for user in users:
            accounts.create_account(conn, user, user.capitalize(), None)
            accounts.add_member(conn, team, user)
            codes.append(accounts.enrolment_code(conn, user))
    engine.dispose()
    return url, codes
