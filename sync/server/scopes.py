"""Which inspection a record belongs to: what decides who may read and write it.

Records of an inspection (its visits, notes, findings ...) carry its scope; the
shared memory of the team (organisations, networks, signals not tied to an
inspection) has none and is readable by every enrolled user. A child's scope is its
parent's, looked up on the server, so a record never needs to repeat the inspection id.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

SELF = "self"
_BY_INSPECTION = [("inspection_id", "inspection")]
_BY_CONVERSATION = [("conversation_id", "conversation")]

# table -> parents to try in order: (column, parent table). [] = shared, SELF = the inspection.
SCOPE_PATHS: dict[str, list[tuple[str, str]] | str] = {
    "inspection": SELF,
    "inspection_subject": _BY_INSPECTION,
    "inspection_member": _BY_INSPECTION,
    "invitation": _BY_INSPECTION,
    "visit": _BY_INSPECTION,
    "finding": _BY_INSPECTION,
    "reflection": _BY_INSPECTION,
    "report_draft": _BY_INSPECTION,
    "intervention": _BY_INSPECTION,  # without an inspection: about an organisation, shared
    "signal": [("inspection_id", "inspection"), ("visit_id", "visit"), ("conversation_id", "conversation")],
    "conversation": [("visit_id", "visit")],
    "participant": _BY_CONVERSATION,
    "note_paragraph": _BY_CONVERSATION,
    "speaking_turn": _BY_CONVERSATION,
    "session_event": _BY_CONVERSATION,
    "observation_score": _BY_CONVERSATION,
    "observation_evidence": [("score_id", "observation_score")],
    "finding_evidence": [("finding_id", "finding")],
    "signal_category": [("signal_id", "signal")],
    "signal_interpretation": [("signal_id", "signal")],
    "signal_link": [("from_signal_id", "signal")],
    "concern_signal": [("signal_id", "signal")],
    "signal_status_change": [("signal_id", "signal")],
    "concern_rating": [("signal_id", "signal")],
    "suggestion_dismissal": [("signal_id", "signal")],
    "attachment": [("visit_id", "visit"), ("signal_id", "signal"), ("note_paragraph_id", "note_paragraph")],
    "organisation": [],
    "unit": [],
    "network": [],
    "network_membership": [],
    "network_body": [],
    "person": [],
    "life_event": [],
    "concern": [],
    "concern_status_change": [],
    "concern_hypothesis": [],
    "deliberation": [],
    "deliberation_item": [],
    "decision": [],
    "decision_subject": [("signal_id", "signal")],  # about a concern only: shared
    "trajectory": [],
    "reporting_duty": [],
    "trajectory_report": [("signal_id", "signal")],  # a link to an inspection's signal: its scope
    "account_holder": [],
}


class UnknownParentError(Exception):
    """The parent a record points to is not on the server (yet): the mutation is refused."""


def scope_of(
    tbl: str, record_id: str, fields: Mapping[str, Any], parent_scope: Callable[[str, str], str | bool | None]
) -> str | None:
    """The inspection id the record belongs to, or None for shared records.

    ``parent_scope(tbl, id)`` returns the parent's scope, or False when the parent is unknown.
    """
    path = SCOPE_PATHS[tbl]
    if isinstance(path, str):  # SELF
        return record_id
    for column, parent in path:
        ref = fields.get(column)
        if ref is None:
            continue
        if parent == "inspection":
            return str(ref)
        found = parent_scope(parent, str(ref))
        if found is False:
            raise UnknownParentError(f"{parent} {ref}")
        return found if isinstance(found, str) else None
    return None
