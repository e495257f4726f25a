"""``veldwerk-server``: run the office store and administer it.

    veldwerk-server serve [--host 127.0.0.1] [--port 8750] [--ssl-certfile F --ssl-keyfile F]
                          [--blobs DIR] [--blob-key FILE]  (the key is made on first start, mode 0600)
    veldwerk-server create-user NAME [--admin]        (password from VELDWERK_SERVER_PASSWORD or a prompt)
    veldwerk-server create-team TEAM / add-member TEAM NAME / grant INSPECTION_ID TEAM [--read-only]
    veldwerk-server enrolment-code NAME [--hours 24] / revoke-device DEVICE_ID
    veldwerk-server disable-user NAME / enable-user NAME   (a person: all devices, logins, codes)
    veldwerk-server openapi FILE

The database is ``--db URL`` or ``VELDWERK_SERVER_DB``; by default a SQLite file in the
user data folder, so one command starts a working server. Every command migrates first.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

import platformdirs
from sqlalchemy import Connection

from inspectorapp.errors import FrameworkFileError

from . import accounts
from .db import make_engine, migrate
from .frameworks import PublishRefused

DEFAULT_PORT = 8750


def default_url() -> str:
    folder = Path(platformdirs.user_data_dir("veldwerk-server", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'office.db'}"


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="veldwerk-server", description="Veldwerk office store")
    p.add_argument("--db", default=os.environ.get("VELDWERK_SERVER_DB"), help="SQLAlchemy database URL")
    sub = p.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="run the HTTP API")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=DEFAULT_PORT)
    serve.add_argument("--ssl-certfile")
    serve.add_argument("--ssl-keyfile")
    serve.add_argument("--server-id", default="veldwerk")
    serve.add_argument("--blobs", type=Path, help="folder for attachment files (default beside the database)")
    serve.add_argument(
        "--blob-key", type=Path, help="key file for attachment files (default beside their folder)"
    )
    sub.add_parser("migrate", help="create or upgrade the database")
    user = sub.add_parser("create-user")
    user.add_argument("name")
    user.add_argument("--display-name")
    user.add_argument("--admin", action="store_true")
    team = sub.add_parser("create-team")
    team.add_argument("team")
    member = sub.add_parser("add-member")
    member.add_argument("team")
    member.add_argument("name")
    grant = sub.add_parser("grant", help="give a team access to an inspection")
    grant.add_argument("inspection_id")
    grant.add_argument("team")
    grant.add_argument("--read-only", action="store_true")
    code = sub.add_parser("enrolment-code", help="a one-time code with which a laptop enrols")
    code.add_argument("name")
    code.add_argument("--hours", type=int, default=24)
    revoke = sub.add_parser("revoke-device", help="stop one laptop (its user may enrol again)")
    revoke.add_argument("device_id")
    for verb, what in (("disable-user", "refuse"), ("enable-user", "accept again")):
        switch = sub.add_parser(verb, help=f"{what} every device, login and code of a user")
        switch.add_argument("name")
    framework = sub.add_parser("publish-framework", help="publish a framework file to every laptop")
    framework.add_argument("file", type=Path)
    spec = sub.add_parser("openapi", help="write the OpenAPI schema")
    spec.add_argument("file", type=Path)
    return p


def _password() -> str:
    if os.environ.get("VELDWERK_SERVER_PASSWORD"):
        return os.environ["VELDWERK_SERVER_PASSWORD"]
    first = getpass.getpass("Password: ")
    if getpass.getpass("Again: ") != first:
        raise SystemExit("The passwords differ.")
    return first


def _admin(url: str, action: Callable[[Connection], object]) -> object:
    engine = make_engine(url)
    try:
        with engine.begin() as conn:
            return action(conn)
    finally:
        engine.dispose()


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    url = args.db or default_url()
    migrate(url)
    try:
        if args.command == "serve":
            import uvicorn

            from .app import create_app

            uvicorn.run(
                create_app(url, args.server_id, args.blobs, args.blob_key),
                host=args.host,
                port=args.port,
                ssl_certfile=args.ssl_certfile,
                ssl_keyfile=args.ssl_keyfile,
                log_level="warning",
            )
        elif args.command == "openapi":
            from .app import create_app

            args.file.write_text(json.dumps(create_app(url).openapi(), indent=1), "utf-8")
        elif args.command == "create-user":
            password = _password()
            _admin(
                url,
                lambda c: accounts.create_account(
                    c, args.name, args.display_name or args.name, password, args.admin
                ),
            )
        elif args.command == "create-team":
            _admin(url, lambda c: accounts.create_team(c, args.team))
        elif args.command == "add-member":
            _admin(url, lambda c: accounts.add_member(c, args.team, args.name))
        elif args.command == "grant":
            _admin(url, lambda c: accounts.grant(c, args.inspection_id, args.team, not args.read_only))
        elif args.command == "enrolment-code":
            print(_admin(url, lambda c: accounts.enrolment_code(c, args.name, args.hours)))
        elif args.command == "publish-framework":
            from .frameworks import publish

            published = _admin(url, lambda c: publish(c, args.file.read_bytes(), str(args.file)))
            print(f"published {published}")
        elif args.command == "revoke-device":
            _admin(url, lambda c: accounts.revoke_device(c, args.device_id))
        elif args.command in ("disable-user", "enable-user"):
            disable = args.command == "disable-user"
            _admin(url, lambda c: accounts.set_disabled(c, args.name, disable))
    except (accounts.AccountError, PublishRefused, FrameworkFileError) as exc:
        print(f"veldwerk-server: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
