"""Frozen views for the inspection and visit screens."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from .snapshots import NoteAttrs, NoteSnapshot, SignalSnapshot


@dataclass(frozen=True)
class VisitRow:
    id: str
    visit_date: date
    location: str
    announced: bool
    conversation_count: int


@dataclass(frozen=True)
class SubjectRow:
    kind: str
    name: str
    organisation_id: str | None
    network_id: str | None


@dataclass(frozen=True)
class SignalCard:
    id: str
    organisation: str
    kind: str
    valence: str
    observation: str
    status: str
    observed_at: datetime


@dataclass(frozen=True)
class LifeEventRow:
    """A merger, a change of board ...: ``label_nl``/``label_en`` of the framework's code."""

    occurred_on: date
    event_type: str
    label_nl: str
    label_en: str
    subject: str  # organisation or network name
    description: str


@dataclass(frozen=True)
class InvitationRow:
    id: str
    party: str  # organisation name, or "" when by role only
    role_code: str | None
    reason: str
    status: str


@dataclass(frozen=True)
class InspectionDetail:
    id: str
    title: str
    purpose: str
    inspection_type: str
    status: str
    declared_role: str
    framework: str
    theme_labels: tuple[str, ...]
    subjects: tuple[SubjectRow, ...]
    visits: tuple[VisitRow, ...]
    team: tuple[str, ...]
    known_signals: int
    open_concerns: int
    open_questions: str = ""
    # "Wat weten we al": what stayed soft, open concerns and life events whatever their age;
    # then the newest other signals up to a limit.
    earlier_signals: tuple[SignalCard, ...] = ()  # newest first, what stayed soft left out
    concern_titles: tuple[str, ...] = ()
    stays_soft: tuple[SignalCard, ...] = ()  # newest first
    life_events: tuple[LifeEventRow, ...] = ()  # newest first
    invitations: tuple[InvitationRow, ...] = ()


@dataclass(frozen=True)
class ConversationRow:
    id: str
    conversation_type: str
    type_nl: str
    type_en: str
    title: str
    starts_at: datetime | None
    group_session: bool
    participants: tuple[str, ...]


@dataclass(frozen=True)
class OrganisationOption:
    id: str
    name: str


@dataclass(frozen=True)
class VisitWorkspace:
    visit_id: str
    inspection_id: str
    inspection_title: str
    visit_date: date
    location: str
    conversations: tuple[ConversationRow, ...]
    signals: tuple[SignalCard, ...]
    organisations: tuple[OrganisationOption, ...]


@dataclass(frozen=True)
class ParagraphBase:
    """What the editor last knew the store held for a paragraph (decision 0007): a save
    whose base differs from the stored row is merged with it, never written over it."""

    text: str
    kind: str
    attrs: NoteAttrs = field(default_factory=NoteAttrs)
    position: int | None = None  # None: not known, the edit's position is written
    deleted: bool = False  # the editor knew it deleted (an undo of one's own removal)


@dataclass(frozen=True)
class ParagraphEdit:
    """One paragraph as the editor holds it; the service upserts by id. ``base``: None for
    a paragraph the store has never had from this editor (written as it is)."""

    id: str
    position: int
    kind: str
    text: str
    occurred_at: datetime
    attrs: NoteAttrs = field(default_factory=NoteAttrs)
    base: ParagraphBase | None = None


@dataclass(frozen=True)
class SavedEdits:
    """``stored``: the upserted paragraphs the store now holds differently from what was
    sent (merged with a change underneath, or kept as the colleague wrote them when the
    changes overlapped: ``conflicts``, the sent text kept as a local conflict)."""

    conversation_id: str
    upserted: tuple[str, ...]
    deleted: tuple[str, ...]
    stored: tuple[NoteSnapshot, ...] = ()
    conflicts: tuple[str, ...] = ()


@dataclass(frozen=True)
class CodeLabel:
    code: str
    nl: str
    en: str
    parent: str | None = None


@dataclass(frozen=True)
class SignalFormOptions:
    organisations: tuple[OrganisationOption, ...]
    entrances: tuple[CodeLabel, ...]
    channels: tuple[CodeLabel, ...]
    categories: tuple[CodeLabel, ...]
    roles: tuple[CodeLabel, ...]


@dataclass(frozen=True)
class InspectionFormOptions:
    framework_version_id: str
    organisations: tuple[OrganisationOption, ...]
    networks: tuple[OrganisationOption, ...]
    themes: tuple[CodeLabel, ...]
    conversation_types: tuple[CodeLabel, ...]


@dataclass(frozen=True)
class ParagraphOptions:
    speakers: tuple[CodeLabel, ...]  # role code with the participant's caption
    roles: tuple[CodeLabel, ...]
    themes: tuple[CodeLabel, ...]  # the inspection's themes first


@dataclass(frozen=True)
class SignalLinkRow:
    id: str
    link_type: str
    outgoing: bool  # this signal is the "from" side
    other_id: str
    other_observation: str


@dataclass(frozen=True)
class SignalDetail:
    signal: SignalSnapshot
    quote: str | None
    interpretation: str | None
    history: tuple[tuple[datetime, str, str], ...]  # when, who, text
    links: tuple[SignalLinkRow, ...]


@dataclass(frozen=True)
class GuideQuestion:
    theme_code: str
    theme_nl: str
    theme_en: str
    text_nl: str
    text_en: str
    asked_at: datetime | None
    answered: bool
