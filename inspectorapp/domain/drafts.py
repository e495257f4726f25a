"""Typed drafts: what a form (or a test, the CLI, an import) hands a service to write.

Each draft is a frozen dataclass whose fields are the service's input, named as the
validation issues name them, so a refused value points at the same field as before.
The types say what the GUI should send; the services still check every value (a draft
can be built from untrusted data, and Python does not enforce annotations), so a bad
value is refused with the same ``ValidationError`` as ever. Empty is ``None``; a variation
of a prefill is ``dataclasses.replace(draft, ...)``.

Outcome drafts (findings, follow-up, report, synthesis scores) are in ``outcome_drafts``.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, datetime
from enum import Enum
from typing import TypeVar

from inspectorapp.errors import FieldIssue, ValidationError

from .enums import (
    Certainty,
    Confidentiality,
    InspectionStatus,
    InspectionType,
    InspectorateRole,
    InvitationStatus,
    NoteKind,
    PartialInterest,
    Presence,
    PublicSensitivity,
    ReportUse,
    Severity,
    SignalKind,
    SignalLinkType,
    SourceType,
    SupervisionLevel,
    TeamRole,
    Valence,
)
from .framework_codes import SignalStatusCode

D = TypeVar("D")


def require(draft: object, kind: type[D], field: str = "draft") -> None:
    """Refuse a draft of another type (a dict of an old caller, a hostile value) before any
    of its fields is read, with the same error as any other refused input."""
    if not isinstance(draft, kind):
        raise ValidationError([FieldIssue(field, "invalid_format")])


@dataclass(frozen=True, slots=True)
class SignalDraft:
    """A signal for ``signals.capture_signal``. Organisation, kind, valence and observation
    are required when saved; a prefill may leave them empty for the inspector to fill.
    ``entrance``, ``channel``, ``status``, ``quote_speaker_role`` and ``categories`` are
    codes of the loaded framework."""

    organisation_id: str | None = None
    kind: SignalKind | None = None
    valence: Valence | None = None
    observation: str | None = None
    unit_id: str | None = None
    network_id: str | None = None
    inspection_id: str | None = None
    visit_id: str | None = None
    conversation_id: str | None = None
    note_paragraph_id: str | None = None
    entrance: str | None = None
    channel: str | None = None
    status: str = SignalStatusCode.NEW
    source_type: SourceType | None = None
    quote: str | None = None
    quote_speaker_role: str | None = None
    interpretation: str | None = None
    alternative_explanation: str | None = None
    hook: str | None = None
    source_key: str | None = None
    observed_by: str | None = None  # None: the one capturing it
    observed_at: datetime | None = None  # None: now
    review_by: date | None = None
    strength: int | None = None  # 1..3
    certainty: Certainty | None = None
    possible_severity: Severity | None = None
    public_sensitivity: PublicSensitivity | None = None
    report_use: ReportUse = ReportUse.INTERNAL
    confidentiality: Confidentiality = Confidentiality.TEAM
    categories: tuple[str, ...] = ()
    # Earlier signals this one is linked to when saved (from the suggestions), same write.
    links: tuple[tuple[str, SignalLinkType], ...] = ()


@dataclass(frozen=True, slots=True)
class SignalPrefill:
    """What the signal form opens with. ``session_event_id``: the board event the signal
    answers; saving then links the event in the same write (``capture_event_signal``)."""

    draft: SignalDraft = SignalDraft()
    session_event_id: str | None = None


@dataclass(frozen=True, slots=True)
class SubjectDraft:
    """One subject of an inspection: set exactly one of the four. ``new_organisation``
    names a provider prepared on site, not yet in the store; ``description`` is a client
    network (the providers around one client)."""

    organisation_id: str | None = None
    network_id: str | None = None
    new_organisation: str | None = None
    description: str | None = None


@dataclass(frozen=True, slots=True)
class TeamMemberDraft:
    display_name: str
    team_role: TeamRole = TeamRole.INSPECTOR


@dataclass(frozen=True, slots=True)
class InspectionDraft:
    """A new inspection for ``inspections.create_inspection``; at least one subject.
    ``framework_version_id`` None: the newest loaded framework."""

    title: str | None = None
    inspection_type: InspectionType | None = None
    declared_role: InspectorateRole | None = None
    subjects: tuple[SubjectDraft, ...] = ()
    purpose: str | None = None
    level: SupervisionLevel = SupervisionLevel.MESO
    status: InspectionStatus = InspectionStatus.PREPARATION
    framework_version_id: str | None = None
    theme_codes: tuple[str, ...] = ()
    started_on: date | None = None
    ended_on: date | None = None
    open_questions: str | None = None
    team: tuple[TeamMemberDraft, ...] = ()


@dataclass(frozen=True, slots=True)
class VisitDraft:
    visit_date: date | None = None
    location: str | None = None
    announced: bool = True
    description: str | None = None


@dataclass(frozen=True, slots=True)
class ConversationDraft:
    """``conversation_type`` is a code of the inspection's framework."""

    conversation_type: str | None = None
    title: str | None = None
    starts_at: datetime | None = None
    ends_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class InvitationDraft:
    """Who is invited (an organisation, a role or both) and why; the reason is required,
    also for someone deliberately not invited."""

    reason: str | None = None
    organisation_id: str | None = None
    role_code: str | None = None
    status: InvitationStatus = InvitationStatus.PLANNED


@dataclass(frozen=True, slots=True)
class OrganisationDraft:
    """``org_type`` and ``sector`` are framework codes."""

    name: str | None = None
    org_type: str | None = None
    sector: str | None = None
    region: str | None = None
    description: str | None = None


@dataclass(frozen=True, slots=True)
class ParagraphDraft:
    """A new note paragraph for ``notes.add_paragraph``; ``speaker_role`` and
    ``theme_codes`` are framework codes."""

    text: str = ""
    kind: NoteKind = NoteKind.OBSERVATION
    occurred_at: datetime | None = None  # None: now
    speaker_role: str | None = None
    theme_codes: tuple[str, ...] = ()
    confidentiality: Confidentiality = Confidentiality.TEAM
    partial_interest: PartialInterest = PartialInterest.NONE
    about_absent_party: bool = False


class Keep(Enum):
    """A field of a change left as it is (``None`` clears an optional field)."""

    KEEP = "keep"


KEEP = Keep.KEEP


@dataclass(frozen=True, slots=True)
class ParticipantChanges:
    """Changes to a participant for ``participants.update_participant``: the fields given;
    ``role_code`` is a code of the framework, ``position`` the place in the grid."""

    role_code: str | Keep = KEEP
    organisation_id: str | Keep | None = KEEP
    label: str | Keep | None = KEEP
    presence: Presence | Keep = KEEP
    has_mandate: bool | Keep | None = KEEP
    mandate_note: str | Keep | None = KEEP
    position: int | Keep = KEEP

    def given(self) -> dict[str, object]:
        """The changed fields by name."""
        return {f.name: value for f in fields(self) if (value := getattr(self, f.name)) is not KEEP}
