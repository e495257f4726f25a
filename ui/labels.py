"""Display labels for the closed vocabularies (domain enums). Framework codes carry
their own nl/en labels in the data."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from inspectorapp.domain.enums import (
    EvidenceKind,
    InspectionStatus,
    InspectionType,
    InspectorateRole,
    InterventionStatus,
    InvitationStatus,
    Movement,
    NetworkFocus,
    NetworkLayer,
    NoteKind,
    PlanAssessment,
    ReflectionMoment,
    SourceType,
    TrafficLight,
    UnitType,
)
from inspectorapp.domain.framework_codes import LadderRung
from inspectorapp.domain.report import ReportSection, ReportType
from inspectorapp.domain.report_rules import Exclusion


def _pick(value: str | None, table: dict[str, object], context: str = "labels") -> str:
    """The label of ``value`` (an enum member's value) in the interface language; an unknown
    value is shown as it is."""
    return QCoreApplication.translate(context, str(table.get(value or "", value or "")))


class Bilingual(Protocol):
    @property
    def nl(self) -> str: ...
    @property
    def en(self) -> str: ...


def english() -> bool:
    return QLocale().language() == QLocale.Language.English


def code_text(label: Bilingual) -> str:
    """A framework label in the interface language."""
    return label.en if english() else label.nl


def status(value: str) -> str:
    return _pick(
        value,
        {
            InspectionStatus.PREPARATION: QT_TRANSLATE_NOOP("labels", "preparation"),
            InspectionStatus.FIELDWORK: QT_TRANSLATE_NOOP("labels", "fieldwork"),
            InspectionStatus.ANALYSIS: QT_TRANSLATE_NOOP("labels", "analysis"),
            InspectionStatus.REPORTING: QT_TRANSLATE_NOOP("labels", "reporting"),
            InspectionStatus.FOLLOW_UP: QT_TRANSLATE_NOOP("labels", "follow-up"),
            InspectionStatus.CLOSED: QT_TRANSLATE_NOOP("labels", "closed"),
        },
    )


def inspection_type(value: str) -> str:
    return _pick(
        value,
        {
            InspectionType.RISK: QT_TRANSLATE_NOOP("labels", "risk-based"),
            InspectionType.THEMATIC: QT_TRANSLATE_NOOP("labels", "thematic"),
            InspectionType.NETWORK: QT_TRANSLATE_NOOP("labels", "network"),
            InspectionType.INCIDENT: QT_TRANSLATE_NOOP("labels", "incident"),
            InspectionType.FOLLOW_UP: QT_TRANSLATE_NOOP("labels", "follow-up"),
        },
    )


def declared_role(value: str) -> str:
    return _pick(
        value,
        {
            InspectorateRole.AGENDA_SETTING: QT_TRANSLATE_NOOP("labels", "agenda-setting"),
            InspectorateRole.SPARRING_PARTNER: QT_TRANSLATE_NOOP("labels", "sparring partner"),
            InspectorateRole.COMPLIANCE: QT_TRANSLATE_NOOP("labels", "compliance"),
            InspectorateRole.ENFORCEMENT: QT_TRANSLATE_NOOP("labels", "enforcement"),
        },
    )


def invitation_status(value: str) -> str:
    return _pick(
        value,
        {
            InvitationStatus.PLANNED: QT_TRANSLATE_NOOP("labels", "planned"),
            InvitationStatus.INVITED: QT_TRANSLATE_NOOP("labels", "invited"),
            InvitationStatus.CONFIRMED: QT_TRANSLATE_NOOP("labels", "confirmed"),
            InvitationStatus.DECLINED: QT_TRANSLATE_NOOP("labels", "declined"),
            InvitationStatus.NOT_INVITED: QT_TRANSLATE_NOOP("labels", "deliberately not invited"),
        },
    )


def search_source(value: str) -> str:
    return _pick(
        value,
        {
            "note": QT_TRANSLATE_NOOP("labels", "note"),
            "signal": QT_TRANSLATE_NOOP("labels", "signal"),
            "event": QT_TRANSLATE_NOOP("labels", "session event"),
            "observation": QT_TRANSLATE_NOOP("labels", "observation"),
        },
    )


def movement(value: str) -> str:
    return _pick(
        value,
        {
            Movement.PROGRESS: QT_TRANSLATE_NOOP("labels", "progress"),
            Movement.STABLE: QT_TRANSLATE_NOOP("labels", "stable"),
            Movement.DECLINE: QT_TRANSLATE_NOOP("labels", "decline"),
            Movement.NOT_ASSESSED: QT_TRANSLATE_NOOP("labels", "not assessed"),
        },
    )


def traffic_light(value: str | None) -> str:
    return _pick(
        value,
        {
            TrafficLight.GREEN: QT_TRANSLATE_NOOP("labels", "green"),
            TrafficLight.AMBER: QT_TRANSLATE_NOOP("labels", "amber"),
            TrafficLight.RED: QT_TRANSLATE_NOOP("labels", "red"),
        },
    )


def evidence_kind(value: str) -> str:
    return _pick(
        value,
        {
            EvidenceKind.NOTE: QT_TRANSLATE_NOOP("labels", "note"),
            EvidenceKind.SIGNAL: QT_TRANSLATE_NOOP("labels", "signal"),
            EvidenceKind.SESSION_EVENT: QT_TRANSLATE_NOOP("labels", "session event"),
            EvidenceKind.OBSERVATION: QT_TRANSLATE_NOOP("labels", "observation"),
            EvidenceKind.ATTACHMENT: QT_TRANSLATE_NOOP("labels", "attachment"),
        },
    )


def exclusion(value: str | None) -> str:
    """Why an evidence item stays out of reports ("" when it may appear)."""
    return _pick(
        value,
        {
            Exclusion.CONFIDENTIAL: QT_TRANSLATE_NOOP("labels", "stays internal: confidential"),
            Exclusion.NOT_MARKED: QT_TRANSLATE_NOOP("labels", "stays internal: not marked for the report"),
            Exclusion.SOFT_NOT_CONVERTED: QT_TRANSLATE_NOOP(
                "labels", "stays internal: soft signal, not converted"
            ),
        },
    )


def intervention_status(value: str) -> str:
    return _pick(
        value,
        {
            InterventionStatus.PLANNED: QT_TRANSLATE_NOOP("labels", "planned"),
            InterventionStatus.DONE: QT_TRANSLATE_NOOP("labels", "done"),
            InterventionStatus.CANCELLED: QT_TRANSLATE_NOOP("labels", "cancelled"),
        },
    )


def plan_assessment(value: str | None) -> str:
    return _pick(
        value,
        {
            PlanAssessment.PENDING: QT_TRANSLATE_NOOP("labels", "plan under assessment"),
            PlanAssessment.APPROVED: QT_TRANSLATE_NOOP("labels", "plan approved"),
            PlanAssessment.REJECTED: QT_TRANSLATE_NOOP("labels", "plan rejected"),
        },
    )


def reflection_moment(value: str) -> str:
    return _pick(
        value,
        {
            ReflectionMoment.BEFORE: QT_TRANSLATE_NOOP("labels", "before"),
            ReflectionMoment.MIDWAY: QT_TRANSLATE_NOOP("labels", "midway"),
            ReflectionMoment.AFTER: QT_TRANSLATE_NOOP("labels", "afterwards"),
        },
    )


def ladder_rung(value: str | None) -> str:
    return _pick(
        value,
        {
            LadderRung.INTERNAL: QT_TRANSLATE_NOOP("labels", "internal"),
            LadderRung.INFORMAL: QT_TRANSLATE_NOOP("labels", "informal"),
            LadderRung.RECURRING: QT_TRANSLATE_NOOP("labels", "recurring"),
            LadderRung.INDIVIDUAL: QT_TRANSLATE_NOOP("labels", "individual address"),
            LadderRung.ENFORCEMENT: QT_TRANSLATE_NOOP("labels", "enforcement"),
        },
    )


def report_type(value: str) -> str:
    return _pick(
        value,
        {
            ReportType.AREA: QT_TRANSLATE_NOOP("labels", "area report (gebiedsrapportage)"),
            ReportType.LETTER: QT_TRANSLATE_NOOP("labels", "letter report (briefrapport)"),
        },
    )


def report_section(value: str) -> str:
    return _pick(
        value,
        {
            ReportSection.SUMMARY: QT_TRANSLATE_NOOP("labels", "Summary"),
            ReportSection.ROLE: QT_TRANSLATE_NOOP("labels", "Role of the inspectorate"),
            ReportSection.CONTEXT: QT_TRANSLATE_NOOP("labels", "Context"),
            ReportSection.FINDINGS: QT_TRANSLATE_NOOP("labels", "Findings per theme"),
            ReportSection.RECOMMENDATIONS: QT_TRANSLATE_NOOP("labels", "Recommendations"),
            ReportSection.APPRECIATION: QT_TRANSLATE_NOOP("labels", "Appreciation"),
            ReportSection.CHARTS: QT_TRANSLATE_NOOP("labels", "Charts"),
            ReportSection.PARTICIPANTS: QT_TRANSLATE_NOOP("labels", "Annex: participants by role"),
            ReportSection.METHOD: QT_TRANSLATE_NOOP("labels", "Annex: method"),
            ReportSection.SOURCES: QT_TRANSLATE_NOOP("labels", "Annex: sources"),
        },
    )


def note_kind(value: str) -> str:
    """Its own context: a note's "observation" is a *waarneming*, while the "observation" of
    ``evidence_kind`` and ``search_source`` is a group-session score (*observatie*)."""
    return _pick(
        value,
        {
            NoteKind.OBSERVATION: QT_TRANSLATE_NOOP("note_kind", "observation"),
            NoteKind.QUOTE: QT_TRANSLATE_NOOP("note_kind", "quote"),
            NoteKind.INTERPRETATION: QT_TRANSLATE_NOOP("note_kind", "interpretation"),
            NoteKind.QUESTION: QT_TRANSLATE_NOOP("note_kind", "question"),
            NoteKind.ACTION: QT_TRANSLATE_NOOP("note_kind", "action"),
        },
        "note_kind",
    )


def unit_type(value: str) -> str:
    return _pick(
        value,
        {
            UnitType.WARD: QT_TRANSLATE_NOOP("labels", "ward"),
            UnitType.SPECIALIST_GROUP: QT_TRANSLATE_NOOP("labels", "specialist group"),
            UnitType.SITE: QT_TRANSLATE_NOOP("labels", "site"),
            UnitType.CARE_AXIS: QT_TRANSLATE_NOOP("labels", "care axis"),
            UnitType.TEAM: QT_TRANSLATE_NOOP("labels", "team"),
        },
    )


def network_focus(value: str) -> str:
    return _pick(
        value,
        {
            NetworkFocus.PERSON: QT_TRANSLATE_NOOP("labels", "around a person"),
            NetworkFocus.CONDITION: QT_TRANSLATE_NOOP("labels", "around a condition"),
            NetworkFocus.AREA: QT_TRANSLATE_NOOP("labels", "around an area"),
        },
    )


def network_layer(value: str) -> str:
    return _pick(
        value,
        {
            NetworkLayer.INNER: QT_TRANSLATE_NOOP("labels", "inner circle"),
            NetworkLayer.OUTER: QT_TRANSLATE_NOOP("labels", "outer circle"),
        },
    )


def source_type(value: str) -> str:
    """Where a signal comes from (independent sources are counted by their key)."""
    return _pick(
        value,
        {
            SourceType.OWN_OBSERVATION: QT_TRANSLATE_NOOP("labels", "own observation"),
            SourceType.ORAL_BOARD: QT_TRANSLATE_NOOP("labels", "spoken: board"),
            SourceType.ORAL_STAFF: QT_TRANSLATE_NOOP("labels", "spoken: staff member"),
            SourceType.ORAL_PATIENT: QT_TRANSLATE_NOOP("labels", "spoken: patient or relative"),
            SourceType.DOCUMENT: QT_TRANSLATE_NOOP("labels", "document"),
            SourceType.REPORTER: QT_TRANSLATE_NOOP("labels", "reporter (complaint or report)"),
            SourceType.COLLEAGUE: QT_TRANSLATE_NOOP("labels", "fellow inspector"),
            SourceType.SYSTEM: QT_TRANSLATE_NOOP("labels", "system or data"),
        },
    )
