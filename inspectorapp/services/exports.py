"""One entry point for the GUI's export button: the file for a format."""

from __future__ import annotations

from sqlalchemy.orm import Session

from inspectorapp.domain.snapshots import ActionContext

from . import csv_export, json_export, qdpx_export


def export_bytes(session: Session, ctx: ActionContext, inspection_id: str, kind: str) -> bytes:
    if kind == "json":
        return json_export.dumps(json_export.export_inspection(session, ctx, inspection_id)).encode("utf-8")
    if kind == "csv":
        return csv_export.export_csv(session, ctx, inspection_id)
    if kind == "qdpx":
        return qdpx_export.export_qdpx(session, ctx, inspection_id)[0]
    raise ValueError(f"unknown export format {kind!r}")
