"""Values that mean something only in one store, made portable on the wire.

A framework version's row id is local (each laptop loads the frameworks itself), so an
inspection travels with ``key@version`` instead and each laptop maps it back to its own
row. A laptop without that framework version keeps the record out and lists an issue.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models import FrameworkVersion

LOCAL_REFS = {("inspection", "framework_version_id")}


class UnknownFramework(Exception):
    pass


def outgoing(session: Session, tbl: str, fields: dict[str, Any]) -> dict[str, Any]:
    if (tbl, "framework_version_id") in LOCAL_REFS and fields.get("framework_version_id"):
        fv = session.get(FrameworkVersion, fields["framework_version_id"])
        if fv is not None:
            return {**fields, "framework_version_id": f"{fv.key}@{fv.version}"}
    return fields


def incoming(session: Session, tbl: str, fields: dict[str, Any]) -> dict[str, Any]:
    value = fields.get("framework_version_id")
    if (tbl, "framework_version_id") not in LOCAL_REFS or not isinstance(value, str) or "@" not in value:
        return fields
    key, _, version = value.partition("@")
    local = session.scalar(
        select(FrameworkVersion.id).where(FrameworkVersion.key == key, FrameworkVersion.version == version)
    )
    if local is None:
        raise UnknownFramework(value)
    return {**fields, "framework_version_id": local}
