"""The fixed words of a report in its two languages, and dates written the way readers expect."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from inspectorapp.domain.report import ReportType


@dataclass(frozen=True)
class Labels:
    report_types: dict[ReportType, str]
    contents: str
    summary: str
    role: str
    context: str
    findings: str
    no_findings: str
    what_we_see: str
    what_we_think: str
    what_next: str
    addressed_to: str
    movement: str
    context_factors: str
    national_points: str
    evidence: str
    internal_one: str  # "+ 1 internal source (not included)"
    internal_many: str  # "+ {n} internal sources (not included)", n > 1
    traffic_lights: dict[str, str]  # keyed by the content's codes: groen / oranje / rood
    recommendations: str
    appreciation: str
    charts: str
    signals_per_month: str
    positive: str
    negative: str
    ambiguous: str
    share_by_role: str
    share_by_organisation: str
    annex: str  # "Bijlage {n} {title}"
    participants: str
    role_column: str
    organisation_column: str
    conversations_column: str
    method: str
    visits: str
    date_column: str
    location_column: str
    announced_column: str
    yes: str
    no: str
    sources: str
    placeholders: str
    placeholder_column: str
    kind_column: str
    subjects: str
    report_date: str
    team: str
    content_hash: str
    page: str  # "Pagina {page} van {total}"
    months: tuple[str, ...]
    short_months: tuple[str, ...]


DUTCH = Labels(
    report_types={ReportType.AREA: "Gebiedsrapportage", ReportType.LETTER: "Briefrapport"},
    contents="Inhoud",
    summary="Samenvatting",
    role="Rol van de inspectie",
    context="Context",
    findings="Bevindingen per thema",
    no_findings="Er zijn (nog) geen bevindingen vastgelegd.",
    what_we_see="Wat zien we",
    what_we_think="Wat vinden we ervan",
    what_next="Hoe nu verder",
    addressed_to="Gericht aan",
    movement="Beweging",
    context_factors="Contextfactoren",
    national_points="Landelijk agenderen",
    evidence="Onderbouwing",
    internal_one="+ 1 interne bron (niet opgenomen)",
    internal_many="+ {n} interne bronnen (niet opgenomen)",
    traffic_lights={"groen": "Groen", "oranje": "Oranje", "rood": "Rood"},
    recommendations="Aanbevelingen",
    appreciation="Waardering",
    charts="Grafieken",
    signals_per_month="Signalen per maand",
    positive="Positief",
    negative="Negatief",
    ambiguous="Ambigu",
    share_by_role="Spreekaandeel per rol",
    share_by_organisation="Spreekaandeel per organisatie",
    annex="Bijlage {n} {title}",
    participants="Deelnemers naar rol",
    role_column="Rol",
    organisation_column="Organisatie",
    conversations_column="Gesprekken",
    method="Werkwijze",
    visits="Bezoeken",
    date_column="Datum",
    location_column="Locatie",
    announced_column="Aangekondigd",
    yes="ja",
    no="nee",
    sources="Bronnen",
    placeholders="Gebruikte aanduidingen",
    placeholder_column="Aanduiding",
    kind_column="Staat voor",
    subjects="Onderwerpen",
    report_date="Datum",
    team="Team",
    content_hash="Inhoudshash (SHA-256)",
    page="Pagina {page} van {total}",
    months=(
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ),
    short_months=("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"),
)

ENGLISH = Labels(
    report_types={ReportType.AREA: "Area report", ReportType.LETTER: "Letter report"},
    contents="Contents",
    summary="Summary",
    role="Role of the inspectorate",
    context="Context",
    findings="Findings per theme",
    no_findings="No findings have been recorded (yet).",
    what_we_see="What we see",
    what_we_think="What we think of it",
    what_next="What next",
    addressed_to="Addressed to",
    movement="Movement",
    context_factors="Context factors",
    national_points="Raise nationally",
    evidence="Evidence",
    internal_one="+ 1 internal source (not included)",
    internal_many="+ {n} internal sources (not included)",
    traffic_lights={"groen": "Green", "oranje": "Orange", "rood": "Red"},
    recommendations="Recommendations",
    appreciation="Appreciation",
    charts="Charts",
    signals_per_month="Signals per month",
    positive="Positive",
    negative="Negative",
    ambiguous="Ambiguous",
    share_by_role="Speaking share by role",
    share_by_organisation="Speaking share by organisation",
    annex="Annex {n} {title}",
    participants="Participants by role",
    role_column="Role",
    organisation_column="Organisation",
    conversations_column="Conversations",
    method="Method",
    visits="Visits",
    date_column="Date",
    location_column="Location",
    announced_column="Announced",
    yes="yes",
    no="no",
    sources="Sources",
    placeholders="Placeholders used",
    placeholder_column="Placeholder",
    kind_column="Stands for",
    subjects="Subjects",
    report_date="Date",
    team="Team",
    content_hash="Content hash (SHA-256)",
    page="Page {page} of {total}",
    months=(
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    short_months=("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
)

_BY_LANGUAGE = {"nl": DUTCH, "en": ENGLISH}


def labels_for(language: str) -> Labels:
    try:
        return _BY_LANGUAGE[language]
    except KeyError:
        raise ValueError(f"no report labels for language {language!r}") from None


def long_date(iso: str, labels: Labels) -> str:
    """'2026-05-12' as '12 mei 2026' / '12 May 2026'; anything else is printed as given."""
    try:
        day = date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{day.day} {labels.months[day.month - 1]} {day.year}"


def short_month(month: str, labels: Labels) -> str:
    """'2026-03' as 'mrt 2026' / 'Mar 2026'; anything else is printed as given."""
    try:
        day = date.fromisoformat(f"{month}-01")
    except ValueError:
        return month
    return f"{labels.short_months[day.month - 1]} {day.year}"


def internal_sources(count: int, labels: Labels) -> str:
    return labels.internal_one if count == 1 else labels.internal_many.format(n=count)
