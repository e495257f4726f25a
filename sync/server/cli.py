"""``veldwerk-server``: run the office store and administer it.

    veldwerk-server serve [--host 127.0.0.1] [--port 8750] [--ssl-certfile F --ssl-keyfile F]
                          [--blobs DIR|s3://BUCKET/PREFIX] [--s3-endpoint URL] [--blob-key FILE]
                          [--workers N]  (the key is made on first start, mode 0600; docs/deploy.md)
    veldwerk-server create-user NAME [--admin]        (password from VELDWERK_SERVER_PASSWORD or a prompt)
    veldwerk-server create-team TEAM / add-member TEAM NAME / grant INSPECTION_ID TEAM [--read-only]
    veldwerk-server enrolment-code NAME [--hours 24]
    veldwerk-server disable-user NAME / enable-user NAME   (a person: all devices, logins, codes)
    veldwerk-server openapi FILE
    listings, revoking, resetting and closing conflicts: sync/server/cli_admin.py

Every command says what it did; a name or id that is not there is one line and exit 2. No
command needs a terminal: passwords come from the environment when there is none.

The database is ``--db URL`` or ``VELDWERK_SERVER_DB``; by default a SQLite file in the
user data folder, so one command starts a working server. Every command migrates first.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

import platformdirs
from sqlalchemy.exc import SQLAlchemyError

from inspectorapp.errors import FrameworkFileError

from . import accounts, admin, cli_admin
from .blob_crypto import BlobKeyError
from .blob_store import BlobStoreError
from .db import migrate
from .frameworks import PublishRefused

_STORE_ERRORS = (BlobKeyError, BlobStoreError)  # a wrong key or an unusable bucket: one line, exit 2

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
    serve.add_argument(
        "--blobs",
        default=os.environ.get("VELDWERK_SERVER_BLOBS"),
        help="folder for attachment files (default beside the database), or s3://bucket/prefix",
    )
    serve.add_argument(  # boto3 reads AWS_ENDPOINT_URL too, but path-style addressing needs it named
        "--s3-endpoint",
        default=os.environ.get("AWS_ENDPOINT_URL_S3") or os.environ.get("AWS_ENDPOINT_URL"),
        help="URL of an S3-compatible server (MinIO, ...); credentials from the AWS_* variables",
    )
    serve.add_argument(
        "--workers", type=int, default=1, help="server processes on this host (uvicorn workers)"
    )
    serve.add_argument(
        "--blob-key", type=Path, help="key file for attachment files (default beside their folder)"
    )
    serve.add_argument(  # off without a token: the metrics name users and devices (sync/server/metrics.py)
        "--metrics-token-file", type=Path, help="serve GET /metrics to requests bearing this file's token"
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
    for verb, what in (("disable-user", "refuse"), ("enable-user", "accept again")):
        switch = sub.add_parser(verb, help=f"{what} every device, login and code of a user")
        switch.add_argument("name")
    framework = sub.add_parser("publish-framework", help="publish a framework file to every laptop")
    framework.add_argument("file", type=Path)
    spec = sub.add_parser("openapi", help="write the OpenAPI schema")
    spec.add_argument("file", type=Path)
    cli_admin.add_commands(sub)
    return p


def _serve(args: argparse.Namespace, url: str) -> None:
    """One process, or ``--workers N`` uvicorn workers that each build the app from the
    environment (``app.from_env``): the store is opened here first, so a wrong bucket or key
    is one line and exit 2 rather than workers failing over and over."""
    import uvicorn

    from sync import gc_tuning

    from .app import ENV, blob_store, create_app
    from .metrics import TOKEN_ENV, read_token

    token = read_token(args.metrics_token_file)
    common: dict[str, Any] = {
        "host": args.host,
        "port": args.port,
        "ssl_certfile": args.ssl_certfile,
        "ssl_keyfile": args.ssl_keyfile,
        "log_level": "warning",
    }
    if args.workers <= 1:
        app = create_app(url, args.server_id, args.blobs, args.blob_key, token, args.s3_endpoint)
        gc_tuning.tune()
        uvicorn.run(app, **common)
        return
    blob_store(url, args.blobs, args.blob_key, args.s3_endpoint)  # made (key, folder) and checked once
    given = {"db": url, "server_id": args.server_id, "blobs": args.blobs, "blob_key": args.blob_key}
    for name, value in {**given, "s3_endpoint": args.s3_endpoint}.items():
        if value is not None:
            os.environ[ENV[name]] = str(value)
    if token is not None:
        os.environ[TOKEN_ENV] = token
    uvicorn.run("sync.server.app:from_env", factory=True, workers=args.workers, **common)


def _password() -> str:
    return cli_admin.new_password("VELDWERK_SERVER_PASSWORD")


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    url = args.db or default_url()
    try:
        migrate(url)
        if cli_admin.handles(args.command):
            cli_admin.run(args, url)
        elif args.command == "serve":
            _serve(args, url)
        elif args.command == "migrate":
            print("the database schema is up to date")
        elif args.command == "openapi":
            from .app import create_app

            args.file.write_text(json.dumps(create_app(url).openapi(), indent=1), "utf-8")
        elif args.command == "create-user":
            password = _password()
            cli_admin.in_transaction(
                url,
                lambda c: accounts.create_account(
                    c, args.name, args.display_name or args.name, password, args.admin
                ),
            )
            print(f"created {'admin' if args.admin else 'user'} {args.name}")
        elif args.command == "create-team":
            cli_admin.in_transaction(url, lambda c: accounts.create_team(c, args.team))
            print(f"created team {args.team}")
        elif args.command == "add-member":
            cli_admin.in_transaction(url, lambda c: accounts.add_member(c, args.team, args.name))
            print(f"{args.name} is a member of team {args.team}")
        elif args.command == "grant":
            inspection_id = admin.uuid_of(args.inspection_id, "inspection")
            cli_admin.in_transaction(
                url, lambda c: accounts.grant(c, inspection_id, args.team, not args.read_only)
            )
            access = "read" if args.read_only else "read and write"
            print(f"team {args.team} may {access} inspection {inspection_id}")
        elif args.command == "enrolment-code":
            print(cli_admin.in_transaction(url, lambda c: accounts.enrolment_code(c, args.name, args.hours)))
        elif args.command == "publish-framework":
            from .frameworks import publish

            published = cli_admin.in_transaction(
                url, lambda c: publish(c, args.file.read_bytes(), str(args.file))
            )
            print(f"published {published}")
        elif args.command in ("disable-user", "enable-user"):
            disable = args.command == "disable-user"
            cli_admin.in_transaction(url, lambda c: accounts.set_disabled(c, args.name, disable))
            print(f"{'disabled' if disable else 'enabled'} {args.name}")
    except (accounts.AccountError, PublishRefused, FrameworkFileError, OSError, *_STORE_ERRORS) as exc:
        print(f"veldwerk-server: {exc}", file=sys.stderr)
        return 2
    except SQLAlchemyError as exc:  # the database is not there or refused: one line, no traceback
        print(f"veldwerk-server: database error: {str(exc).splitlines()[0]}", file=sys.stderr)
        return 1
    except (KeyboardInterrupt, EOFError):
        print("veldwerk-server: interrupted", file=sys.stderr)
        return 130
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
