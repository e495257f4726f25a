"""Typed drafts of what comes out of an inspection: findings, follow-up, the report draft and
the scores of a group session's synthesis (see ``drafts`` for the rules they follow)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .enums import (
    AddressedTo,
    EvidenceKind,
    InterventionStatus,
    Movement,
    PlanAssessment,
    ReflectionMoment,
    TrafficLight,
)
from .report import ReportSection

EvidencePair = tuple[EvidenceKind, str]  # (kind, id of the note, signal, event ...)


@dataclass(frozen=True, slots=True)
class FindingDraft:
    """A finding for ``findings.save_finding`` / ``convert_signal``: ``theme_code`` (a meso
    theme of the inspection's framework) and ``what_we_see`` are required; a traffic light
    only in a summative inspection; an organisation only when addressed to a party.
    ``evidence``: the whole evidence set, replacing the stored one."""

    theme_code: str | None = None
    what_we_see: str = ""
    what_we_think: str = ""
    what_next: str = ""
    movement: Movement = Movement.NOT_ASSESSED
    traffic_light: TrafficLight | None = None
    addressed_to: AddressedTo = AddressedTo.NETWORK
    organisation_id: str | None = None
    context_factors: str | None = None
    national_points: str | None = None
    evidence: tuple[EvidencePair, ...] = ()


@dataclass(frozen=True, slots=True)
class InterventionDraft:
    """An intervention for ``follow_up.save_intervention``; ``action_type`` (required) is a
    code of the framework. Done needs ``done_on``; a rejected plan needs an ``outcome``."""

    action_type: str | None = None
    organisation_id: str | None = None
    finding_id: str | None = None
    visit_id: str | None = None
    intended_message: str | None = None
    rationale: str | None = None
    owner: str | None = None
    planned_on: date | None = None
    done_on: date | None = None
    status: InterventionStatus = InterventionStatus.PLANNED
    assessment: PlanAssessment | None = None
    outcome: str | None = None
    institution_response: str | None = None


@dataclass(frozen=True, slots=True)
class ReflectionDraft:
    moment: ReflectionMoment | None = None
    text: str | None = None
    author: str | None = None  # None: the one writing it


@dataclass(frozen=True, slots=True)
class ReportDraftChanges:
    """Changes to a report draft for ``report_drafts.save_draft``: a field left ``None``
    keeps its value (an empty text clears one). ``language``: "nl" or "en"; ``sections``:
    the sections to print (document order is the report's, not this one's)."""

    addressees: str | None = None
    summary: str | None = None
    role_statement: str | None = None
    context: str | None = None
    recommendations: str | None = None
    appreciation: str | None = None
    method: str | None = None
    report_date: date | None = None
    language: str | None = None
    placeholders: bool | None = None
    sections: tuple[ReportSection, ...] | None = None


@dataclass(frozen=True, slots=True)
class ScoreDraft:
    """One item of a group session's observation scheme scored (``save_score``): a number
    or an option code as the item's scale asks, or not applicable. ``discussed`` and
    ``deliberate_choice`` only for a dilemma. A non-neutral score needs ``evidence`` of
    this conversation (notes, events, signals)."""

    value: int | None = None
    value_code: str | None = None
    not_applicable: bool = False
    discussed: bool | None = None
    deliberate_choice: bool | None = None
    comment: str | None = None
    evidence: tuple[EvidencePair, ...] = ()
