"""The agenda pack as an internal PDF (issue #15), on the shared internal document: every page
says "Intern – niet voor verzending". Every text from the store goes through InternalDoc,
which escapes it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from inspectorapp.domain.agenda_pack_views import AgendaPack, PackConcern
from inspectorapp.domain.enums import (
    ConcernRating,
    ConcernSignalRole,
    DeliberationKind,
    SignalKind,
    SignalLinkType,
    Valence,
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
    none: str
    left_out: str  # "{n}"
    signal_columns: tuple[str, str, str, str]
    signal_kinds: dict[SignalKind, str]
    valences: dict[Valence, str]
    concern_meta: str  # "{status}", "{owner}", "{opened}"
    hypothesis: str  # "{n}"
    matrix_signal: str
    roles: dict[ConcernSignalRole, str]
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
    none="Geen.",
    left_out="+ {n} interne signalen niet opgenomen (beperkt, melder vertrouwelijk)",
    signal_columns=("Waargenomen", "Soort", "Status", "Observatie"),
    signal_kinds={SignalKind.HARD: "hard", SignalKind.SOFT: "zacht"},
    valences={Valence.NEGATIVE: "negatief", Valence.AMBIGUOUS: "ambigu", Valence.POSITIVE: "positief"},
    concern_meta="Status: {status} · eigenaar: {owner} · geopend {opened}",
    hypothesis="H{n}",
    matrix_signal="Signaal",
    roles={
        ConcernSignalRole.SUPPORTING: "steunend",
        ConcernSignalRole.CONTRADICTING: "tegensprekend",
        ConcernSignalRole.CONTEXT: "context",
    },
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
    none="None.",
    left_out="+ {n} internal signals left out (restricted, reporter confidential)",
    signal_columns=("Observed", "Kind", "Status", "Observation"),
    signal_kinds={SignalKind.HARD: "hard", SignalKind.SOFT: "soft"},
    valences={Valence.NEGATIVE: "negative", Valence.AMBIGUOUS: "ambiguous", Valence.POSITIVE: "positive"},
    concern_meta="Status: {status} · owner: {owner} · opened {opened}",
    hypothesis="H{n}",
    matrix_signal="Signal",
    roles={
        ConcernSignalRole.SUPPORTING: "supporting",
        ConcernSignalRole.CONTRADICTING: "contradicting",
        ConcernSignalRole.CONTEXT: "context",
    },
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
            f"{labels.signal_kinds[s.kind]}, {labels.valences[s.valence]}",
            s.status.text(language),
            f"{s.member}: {s.text}" if s.member else s.text,
        )
        for s in pack.new_signals
    ]
    _table_or_none(doc, labels, labels.signal_columns, rows, (1.35, 1.35, 1.7, 4.2))

    doc.heading(labels.concerns.format(n=len(pack.concerns)))
    if not pack.concerns:
        doc.note(labels.none)
    for concern in pack.concerns:
        _concern(doc, labels, concern, language)

    doc.heading(labels.pairs.format(n=len(pack.pairs)))
    rows = [(labels.link_types.get(p.link_type, p.link_type), p.first, p.second) for p in pack.pairs]
    _table_or_none(doc, labels, labels.pair_columns, rows, (1.2, 3, 3))

    doc.heading(labels.overdue.format(n=len(pack.overdue)))
    rows = [
        (
            _d(i.due_since),
            f"{labels.entities.get(i.entity, i.entity)}: {labels.due_fields.get(i.due, i.due)}",
            i.title,
        )
        for i in pack.overdue
    ]
    _table_or_none(doc, labels, labels.due_columns, rows, (1.1, 1.8, 4.5))

    doc.heading(labels.interventions.format(n=len(pack.interventions)))
    rows = [
        (
            (_d(i.planned_on) if i.planned_on else labels.no_date) + (f" ({labels.late})" if i.late else ""),
            i.action.text(language),
            i.text,
        )
        for i in pack.interventions
    ]
    _table_or_none(doc, labels, labels.intervention_columns, rows, (1.4, 2, 4))

    doc.heading(labels.reports.format(n=len(pack.reports)))
    # one row per duty: a trajectory with monthly reports would otherwise fill pages
    by_duty: dict[str, list[str]] = {}
    for r in pack.reports:
        by_duty.setdefault(r.duty, []).append(_d(r.due_on) + (f" ({labels.late})" if r.late else ""))
    rows = [(duty, ", ".join(days)) for duty, days in by_duty.items()]
    _table_or_none(doc, labels, labels.report_columns, rows, (3, 4))

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
    _table_or_none(doc, labels, labels.decision_columns, rows, (1.8, 4, 1.6))
    return doc.build()


def _table_or_none(
    doc: InternalDoc,
    labels: PackLabels,
    head: tuple[str, ...],
    rows: Sequence[tuple[str, ...]],
    weights: tuple[float, ...],
) -> None:
    if rows:
        doc.table(head, rows, weights)
    else:
        doc.note(labels.none)


def _concern(doc: InternalDoc, labels: PackLabels, c: PackConcern, language: str) -> None:
    doc.heading(c.title, level=2)
    doc.note(
        labels.concern_meta.format(
            status=c.status.text(language), owner=c.owner or "–", opened=_d(c.opened_on)
        )
    )
    names = [labels.hypothesis.format(n=i + 1) for i in range(len(c.hypotheses))]
    doc.bullets([f"{name}: {statement}" for name, statement in zip(names, c.hypotheses, strict=True)])
    if not c.rows:
        return
    head = (labels.matrix_signal, *names)
    rows = [
        (
            f"{r.text} ({labels.roles.get(r.role, r.role)})",
            *(labels.ratings.get(cell, cell) if cell else "" for cell in r.cells),
        )
        for r in c.rows
    ]
    # the hypotheses' columns stay narrow; a long matrix keeps the signal column readable
    doc.table(head, rows, (6.0, *([0.7] * len(names))))
    doc.note(labels.legend)
