"""Frozen views of stored data. They cross threads; ORM objects never do."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Generic, TypeVar

from .changes import ChangeSet
from .drafts import SignalDraft

T = TypeVar("T")


@dataclass(frozen=True)
class OpResult(Generic[T]):
    """What every service action returns: a snapshot and what it changed."""

    value: T
    changes: ChangeSet


@dataclass(frozen=True)
class ActionContext:
    """Who acts, from which device. Goes into the audit log."""

    actor: str
    device_id: str


@dataclass(frozen=True)
class Label:
    code: str
    nl: str
    en: str

    def text(self, language: str) -> str:
        return self.en if language == "en" else self.nl


@dataclass(frozen=True)
class FrameworkSummary:
    id: str
    key: str
    version: str
    title_nl: str
    title_en: str
    published_on: date
    item_count: int


@dataclass(frozen=True)
class InspectionRow:
    id: str
    title: str
    subjects: tuple[str, ...]
    inspection_type: str
    status: str
    declared_role: str
    next_visit: date | None
    last_visit: date | None
    signal_count: int
    framework: str


@dataclass(frozen=True)
class OrganisationRow:
    id: str
    name: str
    org_type: str | None
    sector: str | None
    region: str | None


@dataclass(frozen=True)
class SignalSnapshot:
    id: str
    organisation_id: str
    kind: str
    valence: str
    observation: str
    status: str
    observed_at: datetime
    categories: tuple[str, ...]


@dataclass(frozen=True)
class NoteAttrs:
    """What a note paragraph carries besides its text and kind."""

    speaker_role: str | None = None
    theme_codes: tuple[str, ...] = ()
    confidentiality: str = "TEAM"
    about_absent_party: bool = False
    partial_interest: str = "geen"  # geen | impliciet | expliciet
    followed_up: bool = False


@dataclass(frozen=True)
class NoteSnapshot:
    id: str
    conversation_id: str
    position: int
    occurred_at: datetime
    kind: str
    text: str
    updated_at: datetime
    attrs: NoteAttrs = field(default_factory=NoteAttrs)


@dataclass(frozen=True)
class SearchHit:
    source: str  # note | signal | event | observation
    ref_id: str
    text: str
    inspection_id: str | None
    organisation_id: str | None
    at: datetime | None
    score: float
    visit_id: str | None = None
    conversation_id: str | None = None
    valence: str | None = None
    inspection_title: str = ""  # where it was written, shown with the hit
    organisation: str = ""  # the signal's organisation, else the inspection's subjects


@dataclass(frozen=True)
class SearchFilters:
    """Narrowing of a search. Empty fields do not filter."""

    organisation_id: str | None = None
    since: date | None = None
    until: date | None = None
    sources: frozenset[str] = frozenset()  # note | signal | event | observation
    valence: str | None = None  # signals only
    theme_code: str | None = None  # notes tagged with the theme

    def active(self) -> bool:
        return bool(
            self.organisation_id
            or self.since
            or self.until
            or self.sources
            or self.valence
            or self.theme_code
        )


# Group sessions: participants, the live board, the timeline and the synthesis.


@dataclass(frozen=True)
class ParticipantSnapshot:
    id: str
    conversation_id: str
    position: int
    role: Label  # taxonomy person_role
    category: Label  # the role's parent in person_role (a CAT_* code), or the role itself
    organisation_id: str | None
    organisation_name: str | None
    label: str | None  # tile caption typed by the inspector
    presence: str  # aanwezig | afwezig | deels
    has_mandate: bool | None
    mandate_note: str | None

    @property
    def caption(self) -> str:
        return self.label or self.role.nl


@dataclass(frozen=True)
class TurnSnapshot:
    id: str
    conversation_id: str
    participant_id: str
    occurred_at: datetime


@dataclass(frozen=True)
class TurnTally:
    """A counted (or undone) speaking turn and the counts the tiles show after it."""

    turn: TurnSnapshot
    participant_total: int
    conversation_total: int


@dataclass(frozen=True)
class EventType:
    """One button of the board (taxonomy session_event)."""

    code: str
    label: Label
    hotkey: str | None
    creates_signal: bool


@dataclass(frozen=True)
class SessionEventSnapshot:
    id: str
    conversation_id: str
    event_code: str
    label: Label
    participant_id: str | None
    participant_label: str | None
    occurred_at: datetime
    text: str | None
    signal_id: str | None
    # For events that create a signal and have none linked yet: a draft for the
    # signal form (services.signals.capture_signal).
    signal_prefill: SignalDraft | None = None
    # Released for the report (group_sessions.set_report_release, decision 0009), and how
    # confidential: a Confidentiality value.
    for_report: bool = False
    confidentiality: str = "TEAM"


@dataclass(frozen=True)
class BoardTile:
    participant: ParticipantSnapshot
    turns: int


@dataclass(frozen=True)
class BoardState:
    conversation_id: str
    title: str
    conversation_type: str
    starts_at: datetime | None
    ends_at: datetime | None
    tiles: tuple[BoardTile, ...]  # in participant order, absent ones included
    event_types: tuple[EventType, ...]
    events: tuple[SessionEventSnapshot, ...]  # in time order
    total_turns: int
    last_turn_at: datetime | None


@dataclass(frozen=True)
class TurnCount:
    participant_id: str
    label: str
    count: int


@dataclass(frozen=True)
class TimelineItem:
    at: datetime
    kind: str  # note | event | turns
    ref_id: str | None  # the note or event (what a score's evidence points to); None for turns
    code: str | None  # note kind or event code
    code_label: Label | None  # the event's label
    text: str
    participant_id: str | None
    participant_label: str | None
    turns: tuple[TurnCount, ...] = ()  # kind "turns": the turns of that minute per participant


@dataclass(frozen=True)
class EvidenceRef:
    kind: str  # EvidenceKind value: notitie | sessiegebeurtenis | signaal
    id: str
    text: str
    at: datetime | None


@dataclass(frozen=True)
class ScoreSnapshot:
    id: str
    conversation_id: str
    item_code: str
    value: int | None
    value_code: str | None
    not_applicable: bool
    discussed: bool | None
    deliberate_choice: bool | None
    comment: str | None
    evidence: tuple[EvidenceRef, ...]
    updated_at: datetime
    for_report: bool = False  # as on SessionEventSnapshot
    confidentiality: str = "TEAM"


@dataclass(frozen=True)
class SchemeItem:
    code: str
    taxonomy: str  # observation_item | dilemma
    label: Label
    description: Label | None
    scale: str  # AANW | BIPOOL | TELLING | PERCENT | ENUM | BOOL | REF | TEKST (dilemmas: BIPOOL)
    options: tuple[Label, ...]
    poles: tuple[Label, Label] | None  # (-2 end, +2 end)
    evidence_text: bool
    score: ScoreSnapshot | None


@dataclass(frozen=True)
class SchemeSection:
    code: str
    taxonomy: str
    label: Label
    items: tuple[SchemeItem, ...]


@dataclass(frozen=True)
class AttachmentSnapshot:
    """A photo or document's metadata; the bytes stay encrypted in the blob store."""

    id: str
    sha256: str
    filename: str
    media_type: str
    size_bytes: int
    visit_id: str | None
    note_paragraph_id: str | None
    signal_id: str | None
    caption: str | None
    taken_at: datetime | None
    confidentiality: str
    created_at: datetime
