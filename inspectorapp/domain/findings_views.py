"""Frozen views for the findings, follow-up and report screens."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from .enums import AddressedTo
from .report_rules import Exclusion
from .visit_views import CodeLabel, OrganisationOption


@dataclass(frozen=True)
class EvidenceItem:
    """Something a finding can rest on, as the evidence picker and the report see it."""

    kind: str  # EvidenceKind value
    id: str
    subkind: str  # note kind, signal kind (hard/zacht), event code, item code, media type
    source: str  # conversation title, signal's organisation, file name
    on: date | None
    text: str
    speaker_role: str | None
    exclusion: Exclusion | None  # None: may appear in a report
    converted: bool = False  # a soft signal converted into a finding


@dataclass(frozen=True)
class FindingView:
    id: str
    theme_code: str
    what_we_see: str
    what_we_think: str
    what_next: str
    movement: str
    traffic_light: str | None
    addressed_to: str
    organisation_id: str | None
    organisation_name: str | None
    context_factors: str | None
    national_points: str | None
    converted_signal_id: str | None
    evidence: tuple[EvidenceItem, ...]
    updated_at: datetime
    # Signals sharing a source key or linked dubbel_van are one source; anything else
    # (note, quote, event, attachment) is its own (domain.corroboration).
    independent_sources: int = 0


@dataclass(frozen=True)
class FindingsOverview:
    inspection_id: str
    inspection_title: str
    judgement_mode: str
    framework_version_id: str
    theme_codes: tuple[str, ...]  # the inspection's themes first in pickers
    findings: tuple[FindingView, ...]


@dataclass(frozen=True)
class InterventionView:
    id: str
    action_type: str
    ladder: str | None  # the action type's rung: intern, informeel, terugkerend, individueel, ...
    organisation_id: str | None
    organisation_name: str | None
    finding_id: str | None
    visit_id: str | None
    intended_message: str | None
    rationale: str | None
    owner: str | None
    planned_on: date | None
    done_on: date | None
    status: str
    assessment: str | None
    outcome: str | None
    institution_response: str | None


@dataclass(frozen=True)
class ReflectionView:
    id: str
    moment: str
    author: str | None
    text: str
    written_at: datetime


@dataclass(frozen=True)
class FollowUpView:
    inspection_id: str
    interventions: tuple[InterventionView, ...]
    reflections: tuple[ReflectionView, ...]


@dataclass(frozen=True)
class OutcomeFormOptions:
    """Pickers of the findings, follow-up and report screens for one inspection."""

    judgement_mode: str
    themes: tuple[CodeLabel, ...]
    organisations: tuple[OrganisationOption, ...]
    action_types: tuple[CodeLabel, ...]  # parent = ladder rung
    visits: tuple[tuple[str, date, str], ...]  # id, date, location
    code_texts: dict[str, CodeLabel]  # roles, session events, scheme items: for evidence lines
    # A new finding's defaults, from the inspection's subjects: a network (or the providers
    # around a client) is addressed as a whole, one organisation as that party.
    default_addressed_to: str = AddressedTo.NETWORK
    default_organisation_id: str | None = None
