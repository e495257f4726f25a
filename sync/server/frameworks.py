"""Frameworks (taxonomies) the office publishes: every laptop fetches the versions it lacks.

A published version is immutable, as on the laptop: publishing other content under a
key and version that exist is refused. The file is checked with the same strict parser
the app uses before it is accepted.
"""

from __future__ import annotations

import re

from sqlalchemy import Connection, insert, select

from inspectorapp.domain.framework_file import parse_framework

from . import accounts
from . import schema as t
from .records import Refused

# what parse_framework accepts as a key and a version (inspectorapp.domain.framework_file)
_KEY = re.compile(r"[a-z0-9][a-z0-9_.-]{0,39}")
_VERSION = re.compile(r"[A-Za-z0-9_.&-]{1,40}")


class PublishRefused(Exception):
    pass


def publish(conn: Connection, data: bytes, source: str) -> tuple[str, str]:
    doc = parse_framework(data, source)  # FrameworkFileError names the place and the reason
    row = conn.execute(
        select(t.framework.c.sha256).where(t.framework.c.key == doc.key, t.framework.c.version == doc.version)
    ).first()
    if row is not None:
        if row.sha256 != doc.sha256:
            raise PublishRefused(
                f"{doc.key} {doc.version} is published with other content; publish a new version"
            )
        return doc.key, doc.version
    conn.execute(
        insert(t.framework).values(
            key=doc.key,
            version=doc.version,
            sha256=doc.sha256,
            document=data.decode("utf-8"),
            published_at=accounts.now(),
        )
    )
    return doc.key, doc.version


def listing(conn: Connection) -> list[dict[str, str]]:
    rows = conn.execute(
        select(t.framework.c.key, t.framework.c.version, t.framework.c.sha256).order_by(
            t.framework.c.key, t.framework.c.version
        )
    )
    return [{"key": r.key, "version": r.version, "sha256": r.sha256} for r in rows]


def document(conn: Connection, key: str, version: str) -> str:
    # a key or version no framework file may have (NUL: PostgreSQL refuses the query) is unknown
    if not (_KEY.fullmatch(key) and _VERSION.fullmatch(version)):
        raise Refused(404, "unknown_framework")
    found = conn.execute(
        select(t.framework.c.document).where(t.framework.c.key == key, t.framework.c.version == version)
    ).scalar()
    if found is None:
        raise Refused(404, "unknown_framework")
    return str(found)
