"""An inspection as CSV files (one per table, zipped) for spreadsheets and statistics.

Columns are the stored ones; their meaning is documented in docs/export-columns.md,
generated from the models (``columns_markdown``) and checked by a test. Files are
UTF-8 with a byte-order mark so spreadsheet programs read the Dutch characters.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from enum import Enum as PyEnum
from typing import Any

from sqlalchemy import JSON, Enum
from sqlalchemy.orm import Session

from inspectorapp.domain.snapshots import ActionContext
from storage.models import Base

from . import audit
from .json_export import collect_rows

FIXED_TIME = (2026, 1, 1, 0, 0, 0)  # zip entries carry no wall-clock time: same data, same bytes


def export_csv(session: Session, ctx: ActionContext, inspection_id: str) -> bytes:
    framework, tables = collect_rows(session, inspection_id)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, rows in tables.items():
            columns = [c.name for c in Base.metadata.tables[name].columns]
            text = io.StringIO()
            writer = csv.writer(text, lineterminator="\r\n")
            writer.writerow(columns)
            for row in rows:
                writer.writerow([_cell(row.get(c)) for c in columns])
            info = zipfile.ZipInfo(f"{name}.csv", FIXED_TIME)
            archive.writestr(info, "\ufeff" + text.getvalue(), zipfile.ZIP_DEFLATED)
        about = json.dumps({"inspection_id": inspection_id, "framework": framework}, ensure_ascii=False)
        archive.writestr(zipfile.ZipInfo("about.json", FIXED_TIME), about)
    audit.record(session, ctx, "inspection.export", "inspection", inspection_id, format="csv")
    return buffer.getvalue()


def _cell(value: Any) -> Any:
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return "" if value is None else value


# Bookkeeping of this laptop that an export never contains (the framework travels by key).
LOCAL_ONLY = frozenset(
    {
        "audit_log",
        "outbox",
        "search_ref",
        "store_meta",
        "framework_version",
        "taxonomy_item",
        "sync_record",
        "sync_inflight",
        "sync_issue",
        "sync_blob",
        "sync_applying",
        "sync_held",
        "sync_set_aside",
    }
)


def columns_markdown() -> str:
    """Documentation of every exported column, from the models themselves."""
    lines = [
        "# Export columns",
        "",
        "Generated from the models (`inspectorapp.services.csv_export.columns_markdown`). Timestamps are "
        "UTC ISO-8601 (`2026-03-12T10:05:00.000Z`), dates `YYYY-MM-DD`, lists and objects JSON, "
        "booleans 0/1. Codes refer to the framework named in `about.json`.",
        "",
    ]
    for table in Base.metadata.sorted_tables:
        if table.name in LOCAL_ONLY:
            continue
        model = next((m.class_ for m in Base.registry.mappers if m.local_table is table), None)
        doc = " ".join((model.__doc__ or "").split()) if model is not None else ""
        lines += [
            f"## {table.name}",
            "",
            doc,
            "",
            "| column | type | required | values |",
            "|---|---|---|---|",
        ]
        for column in table.columns:
            values = ""
            if isinstance(column.type, Enum) and column.type.enum_class is not None:
                values = ", ".join(str(e.value) for e in column.type.enum_class if isinstance(e, PyEnum))
            elif isinstance(column.type, JSON):
                values = "JSON"
            type_name = type(column.type).__name__
            lines.append(
                f"| {column.name} | {type_name} | {'yes' if not column.nullable else 'no'} | {values} |"
            )
        lines.append("")
    return "\n".join(lines)
