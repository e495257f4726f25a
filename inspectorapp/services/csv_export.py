"""An inspection as CSV files (one per table, zipped) for spreadsheets and statistics.

Columns are the stored ones; their meaning is documented in docs/export-columns.md,
generated from the models (``columns_markdown``) and checked by a test. Files are
UTF-8 with a byte-order mark so spreadsheet programs read the Dutch characters.
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
import zipfile
from enum import Enum as PyEnum
from typing import Any

from sqlalchemy import JSON, Enum
from sqlalchemy.orm import Session

from inspectorapp.domain.snapshots import ActionContext
from storage.models import Base

from .export_filter import audit_export, leave_out_confidential
from .json_export import collect_rows

FIXED_TIME = (2026, 1, 1, 0, 0, 0)  # zip entries carry no wall-clock time: same data, same bytes


def export_csv(
    session: Session, ctx: ActionContext, inspection_id: str, include_confidential: bool = False
) -> bytes:
    """The zip; restricted and reporter-confidential items only when asked for, and then
    README.txt and about.json say so."""
    framework, tables = collect_rows(session, inspection_id)
    left_out: dict[str, int] = {}
    if not include_confidential:
        tables, left_out = leave_out_confidential(tables)
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
        about = json.dumps(
            {
                "inspection_id": inspection_id,
                "framework": framework,
                "confidential": {"included": include_confidential, "left_out": left_out},
            },
            ensure_ascii=False,
        )
        archive.writestr(zipfile.ZipInfo("about.json", FIXED_TIME), about)
        archive.writestr(zipfile.ZipInfo("README.txt", FIXED_TIME), _readme(include_confidential, left_out))
    audit_export(session, ctx, inspection_id, "csv", include_confidential)
    return buffer.getvalue()


def _readme(included: bool, left_out: dict[str, int]) -> str:
    """Whoever opens the zip sees first whether it holds restricted items (in Dutch: the
    readers are the inspectorate's analysts)."""
    if included:
        head = (
            "LET OP: deze export bevat ook beperkt toegankelijke en melder-vertrouwelijke gegevens.\r\n"
            "Deel dit bestand niet buiten de inspectie.\r\n"
        )
    else:
        counts = ", ".join(f"{name}: {n}" for name, n in sorted(left_out.items())) or "geen"
        head = (
            "Beperkt toegankelijke en melder-vertrouwelijke gegevens zijn weggelaten.\r\n"
            f"Weggelaten rijen per tabel: {counts}.\r\n"
        )
    return head + "Kolommen: zie docs/export-columns.md van Veldwerk.\r\n"


# A text cell whose first visible character is one of these is read as a formula by
# spreadsheet programs (CSV injection), also after leading spaces, line breaks, zero-width
# characters or a BOM, and in the fullwidth forms (NFKC folds those): such cells get a leading
# apostrophe, which spreadsheets show as text. Numbers stay numbers (a negative count too).
_FORMULA_START = frozenset("=+-@")


def _cell(value: Any) -> Any:
    if isinstance(value, list | dict):
        value = json.dumps(value, ensure_ascii=False)
    if isinstance(value, str) and _starts_formula(value):
        return "'" + value
    return "" if value is None else value


def _starts_formula(text: str) -> bool:
    if text.startswith(("\t", "\r")):
        return True
    for char in text:
        if char.isspace() or unicodedata.category(char) == "Cf":  # Cf: zero-width, BOM, bidi marks
            continue
        return unicodedata.normalize("NFKC", char)[:1] in _FORMULA_START
    return False


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
