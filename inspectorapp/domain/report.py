"""What a report says, already filtered: the boundary between the store and the PDF.

`services.report_content` builds a `ReportContent` from the store, applying the
rules that decide what may leave the inspectorate (soft stays internal, confidential
never, quotes by role, organisation names replaced in quotes). The renderer only
lays it out; it never sees anything that may not be printed. The content hash is
taken over this structure, so the same content always carries the same hash.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from enum import StrEnum


class ReportType(StrEnum):
    AREA = "gebiedsrapportage"  # area report: to all core players and visit participants
    LETTER = "briefrapport"  # letter report: core players only, short


class ReportSection(StrEnum):
    """Sections an inspector can switch on or off, in document order."""

    SUMMARY = "samenvatting"
    ROLE = "rol"
    CONTEXT = "context"
    FINDINGS = "bevindingen"
    RECOMMENDATIONS = "aanbevelingen"
    APPRECIATION = "waardering"
    CHARTS = "grafieken"
    PARTICIPANTS = "deelnemers"
    METHOD = "werkwijze"
    SOURCES = "bronnen"


# Which sections each report type offers (and includes unless switched off).
SECTIONS_BY_TYPE: dict[ReportType, tuple[ReportSection, ...]] = {
    ReportType.AREA: tuple(ReportSection),
    ReportType.LETTER: (
        ReportSection.SUMMARY,
        ReportSection.ROLE,
        ReportSection.FINDINGS,
        ReportSection.RECOMMENDATIONS,
        ReportSection.APPRECIATION,
        ReportSection.PARTICIPANTS,
        ReportSection.SOURCES,
    ),
}


@dataclass(frozen=True)
class EvidenceRef:
    """One piece of evidence as it may be printed, with its reference code (B1, B2, ...)."""

    ref: str
    kind: str  # translated kind: "Citaat", "Waarneming", "Signaal", "Bijlage", ...
    source: str  # where it comes from: "Gesprek met de kerngroep, 12 mei 2026"
    text: str  # quote or observation, organisation names already replaced if asked
    attribution: str | None = None  # role of the speaker for quotes, never a name


@dataclass(frozen=True)
class ReportFinding:
    theme_code: str
    theme_label: str
    what_we_see: str
    what_we_think: str
    what_next: str
    movement: str  # translated judgement of movement
    traffic_light: str | None  # "groen" / "oranje" / "rood", only for summative frameworks
    addressed_to: str  # "Het netwerk" or the organisation (or its placeholder)
    context_factors: str | None
    national_points: str | None
    evidence: tuple[str, ...]  # reference codes into ReportContent.sources
    internal_evidence: int  # evidence that stays internal: counted, never shown


@dataclass(frozen=True)
class ParticipantLine:
    role: str
    organisation: str
    conversations: int  # in how many conversations this role of this organisation took part


@dataclass(frozen=True)
class VisitLine:
    date: str  # ISO date
    location: str
    announced: bool
    conversations: tuple[str, ...]  # conversation titles


@dataclass(frozen=True)
class TimelinePoint:
    """Report-eligible signals per month, by valence."""

    month: str  # "2026-03"
    positive: int
    negative: int
    ambiguous: int


@dataclass(frozen=True)
class ShareBar:
    """Speaking share in an observed group session."""

    label: str
    turns: int
    share: float  # 0..1


@dataclass(frozen=True)
class SessionShares:
    title: str
    by_role: tuple[ShareBar, ...]
    by_organisation: tuple[ShareBar, ...]


@dataclass(frozen=True)
class ReportContent:
    report_type: ReportType
    language: str  # "nl" or "en": fixed headings of the document
    title: str
    subtitle: str
    report_date: str  # ISO date chosen in the draft; never the clock, so output is repeatable
    subjects: tuple[str, ...]
    addressees: tuple[str, ...]
    team: tuple[str, ...]
    sections: tuple[ReportSection, ...]
    summary: str
    role_statement: str
    context: str
    recommendations: tuple[str, ...]
    appreciation: str
    method: str
    summative: bool
    findings: tuple[ReportFinding, ...]
    sources: tuple[EvidenceRef, ...]
    participants: tuple[ParticipantLine, ...]
    visits: tuple[VisitLine, ...]
    timeline: tuple[TimelinePoint, ...] = ()
    sessions: tuple[SessionShares, ...] = ()
    placeholders: tuple[tuple[str, str], ...] = field(default=())  # (placeholder, kind) legend

    def canonical_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True, separators=(",", ":"))

    def content_hash(self) -> str:
        return hashlib.sha256(self.canonical_json().encode("utf-8")).hexdigest()

    def includes(self, section: ReportSection) -> bool:
        return section in self.sections
