"""An inspection as one JSON document, and back.

The export holds every row the inspection owns, the rows it refers to (organisations,
networks, units ...) and the framework version by key. Values are the stored ones
(ISO timestamps, enum values, JSON columns nested), so importing into another store
restores the inspection exactly: same ids, same texts, same times. Imported rows go
through the same triggers as typed ones (outbox, search index).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import JSON, Table
from sqlalchemy.orm import Session

from inspectorapp.clock import utc_now
from inspectorapp.domain.changes import ChangeSet
from inspectorapp.domain.enums import EvidenceKind
from inspectorapp.domain.snapshots import ActionContext, OpResult
from inspectorapp.errors import NotFoundError, VeldwerkError
from inspectorapp.ids import is_uuid
from storage.models import Base, FrameworkVersion, Inspection
from storage.value_schema import table_rule

from . import audit, frameworks
from .export_filter import audit_export, leave_out_confidential
from .json_import_checks import check_tables

FORMAT = "veldwerk-inspection-export"
FORMAT_VERSION = 1
# Rows other inspections may share: kept when already present in the target store.
SHARED = ("organisation", "unit", "network", "network_membership", "network_body", "person", "life_event")


class ImportRefusedError(VeldwerkError):
    code = "import_refused"

    def __init__(self, reason: str) -> None:
        super().__init__(reason, reason=reason)


def _rows(session: Session, table: str, column: str, values: Iterable[str | None]) -> list[dict[str, Any]]:
    wanted = sorted({v for v in values if v})
    if not wanted:
        return []
    out: list[dict[str, Any]] = []
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        cursor = session.connection().exec_driver_sql(
            f'SELECT * FROM "{table}" WHERE "{column}" IN ({marks}) ORDER BY id', tuple(chunk)
        )
        names = list(cursor.keys())
        out.extend(dict(zip(names, row, strict=True)) for row in cursor.fetchall())
    return out


def _ids(rows: Sequence[dict[str, Any]], column: str = "id") -> list[str]:
    return [r[column] for r in rows if r.get(column)]


def export_inspection(
    session: Session, ctx: ActionContext, inspection_id: str, include_confidential: bool = False
) -> dict[str, Any]:
    """The document; restricted and reporter-confidential items only when asked for (the
    document then says so in ``confidential``, and what was left out otherwise)."""
    framework, tables = collect_rows(session, inspection_id)
    left_out: dict[str, int] = {}
    if not include_confidential:
        tables, left_out = leave_out_confidential(tables)
    audit_export(session, ctx, inspection_id, "json", include_confidential)
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "exported_at": utc_now().isoformat(),
        "confidential": {"included": include_confidential, "left_out": left_out},
        "framework": framework,
        "tables": tables,
    }


def collect_rows(
    session: Session, inspection_id: str
) -> tuple[dict[str, str] | None, dict[str, list[dict[str, Any]]]]:
    """The framework reference and every row of the inspection, per table in dependency order."""
    insp = session.get(Inspection, inspection_id)
    if insp is None or insp.deleted_at is not None:
        raise NotFoundError("inspection", inspection_id)
    fv = session.get(FrameworkVersion, insp.framework_version_id)
    t: dict[str, list[dict[str, Any]]] = {}
    # The framework travels by key and version: its row id is local to each store.
    t["inspection"] = [
        {k: v for k, v in r.items() if k != "framework_version_id"}
        for r in _rows(session, "inspection", "id", [inspection_id])
    ]
    for name in (
        "inspection_subject",
        "inspection_member",
        "invitation",
        "visit",
        "finding",
        "intervention",
        "reflection",
        "report_draft",
    ):
        t[name] = _rows(session, name, "inspection_id", [inspection_id])
    t["finding_evidence"] = _rows(session, "finding_evidence", "finding_id", _ids(t["finding"]))
    t["conversation"] = _rows(session, "conversation", "visit_id", _ids(t["visit"]))
    convs = _ids(t["conversation"])
    for name in ("participant", "note_paragraph", "speaking_turn", "session_event", "observation_score"):
        t[name] = _rows(session, name, "conversation_id", convs)
    t["observation_evidence"] = _rows(
        session, "observation_evidence", "score_id", _ids(t["observation_score"])
    )
    signals = {r["id"]: r for r in _rows(session, "signal", "inspection_id", [inspection_id])}
    signals |= {r["id"]: r for r in _rows(session, "signal", "visit_id", _ids(t["visit"]))}
    signals |= {r["id"]: r for r in _rows(session, "signal", "conversation_id", convs)}
    # Findings may rest on (or convert) a signal captured outside this inspection.
    cited = _ids(t["finding"], "converted_signal_id") + [
        r["evidence_id"] for r in t["finding_evidence"] if r["evidence_kind"] == EvidenceKind.SIGNAL.value
    ]
    signals |= {r["id"]: r for r in _rows(session, "signal", "id", cited)}
    t["signal"] = sorted(signals.values(), key=lambda r: r["id"])
    signal_ids = set(signals)
    for name in ("signal_category", "signal_interpretation", "signal_status_change"):
        t[name] = _rows(session, name, "signal_id", signal_ids)
    t["signal_link"] = [
        r
        for r in _rows(session, "signal_link", "from_signal_id", signal_ids)
        if r["to_signal_id"] in signal_ids
    ]
    t["concern_signal"] = _rows(session, "concern_signal", "signal_id", signal_ids)
    t["concern"] = _rows(session, "concern", "id", _ids(t["concern_signal"], "concern_id"))
    for name in ("concern_status_change", "concern_hypothesis"):
        t[name] = _rows(session, name, "concern_id", _ids(t["concern"]))
    # only the matrix cells of exported signals: a cell of another signal would dangle
    t["concern_rating"] = [
        r
        for r in _rows(session, "concern_rating", "hypothesis_id", _ids(t["concern_hypothesis"]))
        if r["signal_id"] in signal_ids
    ]
    # The decisions that made exported status changes travel with them (a history row names
    # its decision), with the overleg they were taken in and what they were about here.
    decided = set(_ids(t["signal_status_change"], "decision_id")) | set(
        _ids(t["concern_status_change"], "decision_id")
    )
    t["decision"] = _rows(session, "decision", "id", decided)
    t["deliberation"] = _rows(session, "deliberation", "id", _ids(t["decision"], "deliberation_id"))
    concern_ids = set(_ids(t["concern"]))
    t["decision_subject"] = [
        r
        for r in _rows(session, "decision_subject", "decision_id", _ids(t["decision"]))
        if r["signal_id"] in signal_ids or r["concern_id"] in concern_ids
    ]
    attachments = {r["id"]: r for r in _rows(session, "attachment", "visit_id", _ids(t["visit"]))}
    attachments |= {r["id"]: r for r in _rows(session, "attachment", "signal_id", signal_ids)}
    attachments |= {
        r["id"]: r for r in _rows(session, "attachment", "note_paragraph_id", _ids(t["note_paragraph"]))
    }
    t["attachment"] = sorted(attachments.values(), key=lambda r: r["id"])
    networks = set(_ids(t["inspection_subject"], "network_id")) | set(_ids(t["signal"], "network_id"))
    networks |= set(_ids(t["concern"], "network_id")) | set(_ids(t["intervention"], "network_id"))
    networks |= set(_ids(t["decision"], "network_id"))
    t["network"] = _rows(session, "network", "id", networks)
    t["network_membership"] = _rows(session, "network_membership", "network_id", networks)
    t["network_body"] = _rows(session, "network_body", "network_id", networks)
    orgs: set[str] = set()
    for name in (
        "inspection_subject",
        "invitation",
        "participant",
        "signal",
        "finding",
        "intervention",
        "concern",
        "decision",
        "network_membership",
    ):
        orgs |= set(_ids(t[name], "organisation_id"))
    t["organisation"] = _rows(session, "organisation", "id", orgs)
    t["unit"] = _rows(
        session, "unit", "id", set(_ids(t["signal"], "unit_id")) | set(_ids(t["concern"], "unit_id"))
    )
    t["person"] = _rows(session, "person", "id", _ids(t["participant"], "person_id"))
    t["life_event"] = _rows(session, "life_event", "organisation_id", orgs) + [
        r for r in _rows(session, "life_event", "network_id", networks) if r["organisation_id"] is None
    ]
    tables = {name: [_jsonable(Base.metadata.tables[name], r) for r in rows] for name, rows in t.items()}
    framework = {"key": fv.key, "version": fv.version} if fv else None
    return framework, {name: tables[name] for name in _order() if name in tables}


def _jsonable(table: Table, row: dict[str, Any]) -> dict[str, Any]:
    out = dict(row)
    for column in table.columns:
        if isinstance(column.type, JSON) and isinstance(out.get(column.name), str):
            out[column.name] = json.loads(out[column.name])
    return out


def _order() -> list[str]:
    return [t.name for t in Base.metadata.sorted_tables]


def import_inspection(session: Session, ctx: ActionContext, document: Any) -> OpResult[str]:
    """Restore an exported inspection (one transaction: all or nothing)."""
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ImportRefusedError("not a Veldwerk inspection export")
    if document.get("format_version") != FORMAT_VERSION:
        raise ImportRefusedError(f"unsupported export version {document.get('format_version')!r}")
    fw = document.get("framework") or {}
    fv_id = (
        session.connection()
        .exec_driver_sql(
            "SELECT id FROM framework_version WHERE key = ? AND version = ?",
            (fw.get("key"), fw.get("version")),
        )
        .scalar()
    )
    if fv_id is None:
        raise ImportRefusedError(f"framework {fw.get('key')} {fw.get('version')} is not loaded in this store")
    tables = document.get("tables")
    if not isinstance(tables, dict):
        raise ImportRefusedError("the export holds no tables")
    # Only synced tables: the framework comes by its "framework" key, and the store's own
    # bookkeeping (outbox, sync state, audit, search) is never taken from a file.
    foreign = sorted(str(name) for name in tables if table_rule(str(name)) is None)
    if foreign:
        raise ImportRefusedError(f"tables that are not part of an inspection: {', '.join(foreign)[:200]}")
    inspections = tables.get("inspection") or []
    if len(inspections) != 1:
        raise ImportRefusedError("an export holds exactly one inspection")
    # every value (and code) as the office checks pushed ones, before any row is written
    check_tables(tables, frameworks.all_codes(session))
    conn = session.connection()
    for name in _order():
        rows = tables.get(name) or []
        if not isinstance(rows, list):
            raise ImportRefusedError(f"{name}: rows must be a list")
        table = Base.metadata.tables[name]
        columns = {c.name: c for c in table.columns}
        for n, row in enumerate(rows):
            if not isinstance(row, dict) or set(row) - set(columns) or not is_uuid(str(row.get("id"))):
                raise ImportRefusedError(f"{name}[{n}]: unknown columns or no valid id")
            if name == "inspection":
                row = {**row, "framework_version_id": fv_id}
            exists = conn.exec_driver_sql(f'SELECT 1 FROM "{name}" WHERE id = ?', (row["id"],)).scalar()
            if exists:
                if name in SHARED:
                    continue  # the same organisation (network, ...) already known here
                raise ImportRefusedError(f"{name} {row['id']} already exists in this store")
            values = [json.dumps(v) if isinstance(columns[k].type, JSON) else v for k, v in row.items()]
            names = ", ".join(f'"{k}"' for k in row)
            marks = ", ".join("?" for _ in row)
            try:
                conn.exec_driver_sql(f'INSERT INTO "{name}" ({names}) VALUES ({marks})', tuple(values))
            except Exception as exc:  # constraint violations name the row
                raise ImportRefusedError(f"{name}[{n}]: {exc.__class__.__name__}: {str(exc)[:200]}") from exc
    inspection_id = inspections[0]["id"]
    audit.record(session, ctx, "inspection.import", "inspection", inspection_id)
    return OpResult(inspection_id, ChangeSet.all())


def dumps(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True)
