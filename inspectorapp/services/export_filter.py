"""What an inspection export leaves out unless the user chooses to include it.

Restricted and reporter-confidential items (notes, signals, attachments, persons, session
events, observation scores: every table with a ``confidentiality`` column) stay in the
store. Rows that only exist for a left-out item go with it (a signal's categories, links
and attachments; evidence rows pointing at it) and references to it become empty, so a
filtered JSON export still imports without a dangling key. The counts go into the file.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from inspectorapp.domain.enums import EvidenceKind
from inspectorapp.domain.report_rules import CONFIDENTIAL
from inspectorapp.domain.snapshots import ActionContext
from storage.models import Base

from . import audit

Rows = dict[str, list[dict[str, Any]]]

_LEVELS = frozenset(c.value for c in CONFIDENTIAL)
# Rows that belong to another row: (table, column, table referred to). Gone with it.
_OWNED = (
    ("signal_category", "signal_id", "signal"),
    ("signal_interpretation", "signal_id", "signal"),
    ("concern_signal", "signal_id", "signal"),
    ("signal_status_change", "signal_id", "signal"),
    ("concern_rating", "signal_id", "signal"),
    ("suggestion_dismissal", "signal_id", "signal"),
    ("decision_subject", "signal_id", "signal"),
    ("signal_link", "from_signal_id", "signal"),
    ("signal_link", "to_signal_id", "signal"),
    ("attachment", "signal_id", "signal"),
    ("attachment", "note_paragraph_id", "note_paragraph"),
    ("observation_evidence", "score_id", "observation_score"),
)
# Optional references: emptied when the row referred to is left out, together with the
# columns that may name it (a participant's tile caption and mandate note can hold the
# confidential person's name).
_CLEARED: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("participant", "person_id", "person", ("label", "mandate_note")),
    ("signal", "note_paragraph_id", "note_paragraph", ()),
    ("session_event", "signal_id", "signal", ()),
    ("finding", "converted_signal_id", "signal", ()),
)
_EVIDENCE_TABLE = {
    EvidenceKind.NOTE.value: "note_paragraph",
    EvidenceKind.SIGNAL.value: "signal",
    EvidenceKind.SESSION_EVENT.value: "session_event",
    EvidenceKind.OBSERVATION.value: "observation_score",
    EvidenceKind.ATTACHMENT.value: "attachment",
}


def confidential_tables() -> tuple[str, ...]:
    return tuple(t.name for t in Base.metadata.sorted_tables if "confidentiality" in t.columns)


def leave_out_confidential(tables: Rows) -> tuple[Rows, dict[str, int]]:
    """The tables without restricted items and what hangs on them; counts per table."""
    gone: dict[str, set[str]] = {name: set() for name in tables}
    for name in confidential_tables():
        gone.setdefault(name, set()).update(
            r["id"] for r in tables.get(name, []) if r.get("confidentiality") in _LEVELS
        )
    changed = True
    while changed:  # an attachment of a left-out signal takes its evidence rows along, ...
        changed = False
        for name, column, target in _OWNED:
            for r in tables.get(name, []):
                if r.get(column) in gone.get(target, ()) and r["id"] not in gone[name]:
                    gone[name].add(r["id"])
                    changed = True
        for name in ("finding_evidence", "observation_evidence"):
            for r in tables.get(name, []):
                kind = _EVIDENCE_TABLE.get(r.get("evidence_kind") or "", "")
                if r.get("evidence_id") in gone.get(kind, ()) and r["id"] not in gone[name]:
                    gone[name].add(r["id"])
                    changed = True
    out: Rows = {}
    for name, rows in tables.items():
        kept = [dict(r) for r in rows if r["id"] not in gone[name]]
        for table, column, target, naming in _CLEARED:
            if table == name:
                for r in kept:
                    if r.get(column) in gone.get(target, ()):
                        r.update(dict.fromkeys((column, *naming)))
        out[name] = kept
    return out, {name: len(ids) for name, ids in gone.items() if ids}


def audit_export(
    session: Session, ctx: ActionContext, inspection_id: str, fmt: str, include_confidential: bool
) -> None:
    """The audit row of every inspection export: which format, and whether restricted items
    went along."""
    audit.record(
        session, ctx, "inspection.export", "inspection", inspection_id,
        format=fmt, confidential=include_confidential,
    )
