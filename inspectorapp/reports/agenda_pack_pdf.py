"""The agenda pack as an internal PDF (issue #15), on the shared internal document: every page
says "Intern – niet voor verzending". Every text from the store goes through InternalDoc,
which escapes it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from inspectorapp.domain.agenda_pack_views import AgendaPack, PackConcern
from inspectorapp.domain.enums import ConcernRating, DeliberationKind, SignalLinkType

from .concern_section import DUTCH as WORDS_NL
from .concern_section import ENGLISH as WORDS_EN
from .concern_section import (
    ConcernWords,
    MatrixLayout,
    concern_heading,
    evidence_matrix,
    hypothesis_bullets,
)
from .internal_doc import InternalDoc


@dataclass(frozen=True)
class PackLabels:
    title: str  # "{name}"
    subtitle: str  # "{kind}", "{date}", "{title}"
    kinds: dict[DeliberationKind, str]
    new_since: str  # "{date}", "{n}"
    new_never: str  # "{n}"
    concerns: str
    pairs: str
    overdue: str
    interventions: str
    reports: str
    decisions: str
    words: ConcernWords  # none, the concern's status line, signal kinds, roles
    left_out: str  # "{n}"
    signal_columns: tuple[str, str, str, str]
    ratings: dict[ConcernRating, str]
    legend: str
    pair_columns: tuple[str, str, str]
    link_types: dict[SignalLinkType, str]
    due_columns: tuple[str, str, str]
    due_fields: dict[str, str]
    entities: dict[str, str]
    intervention_columns: tuple[str, str, str]
    late: str
    no_date: str
    report_columns: tuple[str, str]
    decision_columns: tuple[str, str, str]
    return_on: str  # "{date}"


_RATINGS = {
    ConcernRating.CONSISTENT: "+",
    ConcernRating.INCONSISTENT: "−",
    ConcernRating.NEUTRAL: "0",
}

DUTCH = PackLabels(
    title="Agendapakket {name}",
    subtitle="{kind} van {date}{title}",
    kinds={
        DeliberationKind.MDO: "MDO",
        DeliberationKind.PERIODIC: "Periodieke bespreking (APK)",
        DeliberationKind.LMO: "LMO",
        DeliberationKind.TEAM: "Teamoverleg",
        DeliberationKind.PEER: "Intercollegiale consultatie",
    },
    new_since="Nieuwe signalen sinds de vorige bespreking op {date} ({n})",
    new_never="Nooit eerder besproken: alle signalen ({n})",
    concerns="Open aandachtspunten ({n})",
    pairs="Tegenspraak en incongruentie ({n})",
    overdue="Herbeoordeling verlopen ({n})",
    interventions="Geplande interventies ({n})",
    reports="Verwachte trajectrapportages ({n})",
    decisions="Besluiten in dit overleg ({n})",
    words=WORDS_NL,
    left_out="+ {n} interne signalen niet opgenomen (beperkt, melder vertrouwelijk)",
    signal_columns=("Waargenomen", "Soort", "Status", "Observatie"),
    ratings=_RATINGS | {ConcernRating.NOT_APPLICABLE: "nvt"},
    legend="+ past bij de hypothese · − past er niet bij · 0 neutraal · nvt niet van toepassing",
    pair_columns=("Verband", "Eerste signaal", "Tweede signaal"),
    link_types={SignalLinkType.CONTRADICTS: "weerspreekt", SignalLinkType.INCONGRUENT_WITH: "incongruent"},
    due_columns=("Sinds", "Wat", "Omschrijving"),
    due_fields={
        "review_by": "herbeoordelen",
        "next_review_on": "volgende bespreking",
        "next_step_due": "volgende stap",
    },
    entities={"signal": "Signaal", "concern": "Aandachtspunt"},
    intervention_columns=("Gepland", "Interventie", "Omschrijving"),
    late="te laat",
    no_date="geen datum",
    report_columns=("Rapportage", "Verwacht op"),
    decision_columns=("Besluit", "Motivering", "Genomen door"),
    return_on="Terugkomen op {date}",
)

ENGLISH = PackLabels(
    title="Agenda pack {name}",
    subtitle="{kind} of {date}{title}",
    kinds={
        DeliberationKind.MDO: "MDO",
        DeliberationKind.PERIODIC: "Periodic review (APK)",
        DeliberationKind.LMO: "LMO",
        DeliberationKind.TEAM: "Team meeting",
        DeliberationKind.PEER: "Peer consultation",
    },
    new_since="New signals since the previous review on {date} ({n})",
    new_never="Never reviewed before: all signals ({n})",
    concerns="Open concerns ({n})",
    pairs="Contradictions and incongruences ({n})",
    overdue="Past their review date ({n})",
    interventions="Planned interventions ({n})",
    reports="Trajectory reports due ({n})",
    decisions="Decisions in this meeting ({n})",
    words=WORDS_EN,
    left_out="+ {n} internal signals left out (restricted, reporter confidential)",
    signal_columns=("Observed", "Kind", "Status", "Observation"),
    ratings=_RATINGS | {ConcernRating.NOT_APPLICABLE: "n/a"},
    legend="+ consistent with the hypothesis · − inconsistent · 0 neutral · n/a not applicable",
    pair_columns=("Link", "First signal", "Second signal"),
    link_types={SignalLinkType.CONTRADICTS: "contradicts", SignalLinkType.INCONGRUENT_WITH: "incongruent"},
    due_columns=("Since", "What", "Description"),
    due_fields={"review_by": "review", "next_review_on": "next review", "next_step_due": "next step"},
    entities={"signal": "Signal", "concern": "Concern"},
    intervention_columns=("Planned", "Intervention", "Description"),
    late="late",
    no_date="no date",
    report_columns=("Report", "Due on"),
    decision_columns=("Decision", "Rationale", "Taken by"),
    return_on="Come back on {date}",
)


def _d(day: date) -> str:
    return day.strftime("%d-%m-%Y")


def agenda_pack_pdf(pack: AgendaPack, language: str = "nl", generated_on: date | None = None) -> bytes:
    labels = ENGLISH if language == "en" else DUTCH
    none = labels.words.none
    title = f" · {pack.deliberation_title}" if pack.deliberation_title.strip() else ""
    doc = InternalDoc(
        labels.title.format(name=pack.name),
        labels.subtitle.format(kind=labels.kinds[pack.deliberation_kind], date=_d(pack.held_on), title=title),
        language=language,
        generated_on=generated_on or pack.held_on,
    )
    if pack.left_out:
        doc.note(labels.left_out.format(n=pack.left_out))

    n = len(pack.new_signals)
    doc.heading(
        labels.new_never.format(n=n)
        if pack.since is None
        else labels.new_since.format(date=_d(pack.since), n=n)
    )
    rows: list[tuple[str, ...]] = [
        (
            _d(s.observed_on),
            f"{labels.words.kinds[s.kind]}, {labels.words.valences[s.valence]}",
            s.status.text(language),
            f"{s.member}: {s.text}" if s.member else s.text,
        )
        for s in pack.new_signals
    ]
    doc.table_or_note(labels.signal_columns, rows, (1.35, 1.35, 1.7, 4.2), none)

    doc.heading(labels.concerns.format(n=len(pack.concerns)))
    if not pack.concerns:
        doc.note(none)
    for concern in pack.concerns:
        _concern(doc, labels, concern, language)

    doc.heading(labels.pairs.format(n=len(pack.pairs)))
    rows = [(labels.link_types.get(p.link_type, p.link_type), p.first, p.second) for p in pack.pairs]
    doc.table_or_note(labels.pair_columns, rows, (1.2, 3, 3), none)

    doc.heading(labels.overdue.format(n=len(pack.overdue)))
    rows = [
        (
            _d(i.due_since),
            f"{labels.entities.get(i.entity, i.entity)}: {labels.due_fields.get(i.due, i.due)}",
            i.title,
        )
        for i in pack.overdue
    ]
    doc.table_or_note(labels.due_columns, rows, (1.1, 1.8, 4.5), none)

    doc.heading(labels.interventions.format(n=len(pack.interventions)))
    rows = [
        (
            (_d(i.planned_on) if i.planned_on else labels.no_date) + (f" ({labels.late})" if i.late else ""),
            i.action.text(language),
            i.text,
        )
        for i in pack.interventions
    ]
    doc.table_or_note(labels.intervention_columns, rows, (1.4, 2, 4), none)

    doc.heading(labels.reports.format(n=len(pack.reports)))
    # one row per duty: a trajectory with monthly reports would otherwise fill pages
    by_duty: dict[str, list[str]] = {}
    for r in pack.reports:
        by_duty.setdefault(r.duty, []).append(_d(r.due_on) + (f" ({labels.late})" if r.late else ""))
    rows = [(duty, ", ".join(days)) for duty, days in by_duty.items()]
    doc.table_or_note(labels.report_columns, rows, (3, 4), none)

    doc.heading(labels.decisions.format(n=len(pack.decisions)))
    rows = [
        (
            d.action.text(language)
            if d.action
            else labels.return_on.format(date=_d(d.return_on or d.decided_on)),
            d.rationale,
            f"{d.decided_by or ''} {_d(d.decided_on)}".strip(),
        )
        for d in pack.decisions
    ]
    doc.table_or_note(labels.decision_columns, rows, (1.8, 4, 1.6), none)
    return doc.build()


def _concern(doc: InternalDoc, labels: PackLabels, c: PackConcern, language: str) -> None:
    words = labels.words
    concern_heading(
        doc, words, c.title, status=c.status.text(language), owner=c.owner or "–", opened=_d(c.opened_on)
    )
    hypothesis_bullets(doc, c.hypotheses)
    if not c.rows:
        return
    # the hypotheses' columns stay narrow; a long matrix keeps the signal column readable
    layout = MatrixLayout((words.matrix_signal,), (6.0,), 0.7, labels.ratings)
    rows = [((f"{r.text} ({words.roles.get(r.role, r.role)})",), r.cells) for r in c.rows]
    evidence_matrix(doc, layout, len(c.hypotheses), rows)
    doc.note(labels.legend)
