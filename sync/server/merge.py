"""Merging one mutation into a record, field by field, in memory.

A field whose server revision is not newer than the ``base`` the client saw, or that holds
what the same device last wrote there, is a sequential edit and always applies; otherwise
the edit is concurrent and the larger ``(hlc, device)`` wins, the other value is kept as a
conflict (note text is merged three-way first). A delete wins over an edit; the edit is
applied to the deleted record and flagged for review.

The push holds every record of its batch here and writes them once at the end, after it
has taken its revision: until then a field changed by this push carries ``PENDING``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from inspectorapp.domain.textmerge import merge3
from sync.protocol import Mutation

# Fields whose concurrent loss an inspector must see (the rest resolve silently, logged).
REVIEW_FIELDS = {
    "finding": {"what_we_see", "what_we_think", "what_next", "movement", "traffic_light", "addressed_to"},
    "signal": {"observation", "quote", "interpretation", "kind", "valence", "confidentiality", "report_use"},
    "note_paragraph": {"text", "kind", "confidentiality", "for_report"},
    "observation_score": {"value", "value_code", "comment"},
    "report_draft": {"summary", "context", "recommendations", "role_statement", "appreciation"},
    "inspection": {"title", "purpose", "status", "judgement_mode"},
    "intervention": {"status", "assessment", "outcome"},
    "decision": {"action_type", "return_on", "rationale"},
    "trajectory": {"kind", "ended_on", "rationale", "end_rationale", "conditions", "board_informed"},
}
SILENT = {"updated_at"}  # changes with every edit: last writer wins without a conflict record
# Texts merged three-way, line by line (one condition or participant per line: two
# colleagues' additions are both kept).
MERGED_TEXT = {
    ("note_paragraph", "text"),
    ("deliberation", "participants"),
    ("deliberation", "notes"),
    ("trajectory", "conditions"),
}
PENDING = 2**62  # the revision of this push, not taken yet: newer than any base a client sends

Stamp = tuple[Any, str, str]  # (value, hlc, device)
BaseValue = Callable[[str, str, str, int], Any]  # (tbl, id, field, base revision) -> value then


@dataclass
class Held:
    """A record as the push holds it: loaded from the database (``stored``) or new."""

    tbl: str
    id: str
    scope: str | None = None
    deleted: bool = False
    fields: dict[str, Any] = field(default_factory=dict)
    meta: dict[str, dict[str, Any]] = field(default_factory=dict)
    stored: bool = False
    changed: bool = False
    rev: int = 0
    ord: int = 0

    @property
    def exists(self) -> bool:
        return self.stored or self.changed


def own(meta: dict[str, Any], device_id: str) -> bool:
    """The field holds exactly what this device last wrote there, so the device's next edit of
    it was made after it (a device's mutations arrive in the order they were made): sequential,
    whatever base the laptop sent. (Its base lags when it typed again before the previous
    batch was acknowledged: the fields with pending edits keep their old revision.)"""
    return meta.get("dev") == device_id and not meta.get("merged")


@dataclass
class Merge:
    """Merges mutations of one device into held records; collects conflicts and history."""

    device_id: str
    base_value: BaseValue
    conflicts: list[dict[str, Any]] = field(default_factory=list)
    history: list[dict[str, Any]] = field(default_factory=list)  # one row per applied mutation
    lost: list[str] = field(default_factory=list)  # the last mutation's fields that lost (not merged ones)

    def conflict(self, rec: Held, f: str, kind: str, winner: Stamp, loser: Stamp) -> None:
        self.conflicts.append(
            {
                "tbl": rec.tbl,
                "record_id": rec.id,
                "field": f,
                "kind": kind,
                "winner": winner[0],
                "winner_hlc": winner[1],
                "winner_device": winner[2],
                "loser": loser[0],
                "loser_hlc": loser[1],
                "loser_device": loser[2],
                "review": f in REVIEW_FIELDS.get(rec.tbl, set()),
            }
        )

    def apply(self, rec: Held, m: Mutation, values: dict[str, Any], bases: dict[str, int]) -> str:
        """Merge the mutation's ``values`` (field -> value; ``bases``: field -> the revision the
        client saw) into ``rec``; returns the mutation's status."""
        fields, meta, device = rec.fields, rec.meta, self.device_id
        was_deleted = rec.deleted
        mine = (m.hlc, device)
        self.lost = []
        status = "applied"
        applied: list[str] = []
        for f, sent in values.items():
            old = meta.get(f)
            value = sent
            if old is not None and old["rev"] > bases[f] and fields.get(f) == sent and f in fields:
                continue  # the same value (a batch sent again after a re-enrolment): nothing to decide
            if old is not None and old["rev"] > bases[f] and not own(old, device):
                # concurrent with a change this client never saw
                theirs = (old["hlc"], old["dev"])
                merged = None
                if (rec.tbl, f) in MERGED_TEXT and isinstance(value, str) and isinstance(fields.get(f), str):
                    merged = merge3(self.base_value(rec.tbl, rec.id, f, bases[f]) or "", value, fields[f])
                if merged is not None:
                    value = merged
                elif mine < theirs:
                    if f not in SILENT:
                        self.conflict(rec, f, "concurrent_update", (fields.get(f), *theirs), (value, *mine))
                        status = "superseded"
                        self.lost.append(f)
                    continue
                elif f not in SILENT:
                    self.conflict(rec, f, "concurrent_update", (value, *mine), (fields.get(f), *theirs))
                    status = "conflict" if status == "applied" else status
            fields[f] = value
            meta[f] = {"rev": PENDING, "hlc": m.hlc, "dev": device}
            if value != sent:  # merged: not what the client holds, so not a base it typed on
                meta[f]["merged"] = True
            applied.append(f)
        deleted = fields.get("deleted_at") is not None
        if deleted and not was_deleted and "deleted_at" in applied:
            # the newest revision of the record the deleting laptop had: every edit changes
            # updated_at, so its base is that revision, not deleted_at's (set once, at creation)
            seen = max(bases.values())
            for f, before in meta.items():  # edits the deleting laptop never saw: kept for review
                if (
                    before["rev"] > seen
                    and before["rev"] != PENDING
                    and f not in SILENT
                    and not own(before, device)
                ):
                    self.conflict(
                        rec,
                        f,
                        "update_after_delete",
                        (None, *mine),
                        (fields.get(f), before["hlc"], before["dev"]),
                    )
        if was_deleted and deleted:
            for f in applied:
                if f not in SILENT and f != "deleted_at":  # the delete wins; the edit is kept for review
                    self.conflict(rec, f, "update_after_delete", (None, *mine), (fields[f], *mine))
                    status = "conflict"
        if applied:
            rec.deleted = deleted
            rec.changed = True
            self.history.append(
                {
                    "tbl": rec.tbl,
                    "record_id": rec.id,
                    "fields": {f: fields[f] for f in applied},
                    "hlc": m.hlc,
                    "device_id": device,
                    "client_seq": m.client_seq,
                }
            )
        return status
