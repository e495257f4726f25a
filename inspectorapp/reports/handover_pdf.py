"""The handover dossier as an internal PDF (A4 portrait, "intern – niet voor verzending" on
every page through ``internal_doc``). Every text from the store goes through InternalDoc's
escaping: a title reading ``<b>`` prints as ``<b>``. The dossier it is given is already
filtered for its reader (services/handover.py); this module prints, it does not decide.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from reportlab.platypus import Spacer

from inspectorapp.domain.enums import ConcernRating, ReflectionMoment, TrajectoryKind
from inspectorapp.domain.handover_views import Dossier, DossierTrajectory
from inspectorapp.domain.sense_views import ConcernView
from inspectorapp.domain.timeline import ItemKind, Period

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
from .styles import FRAME_WIDTH
from .timeline_flowable import DUTCH as TIMELINE_NL
from .timeline_flowable import ENGLISH as TIMELINE_EN
from .timeline_flowable import TimelineFlowable, listing

LISTED = frozenset(
    {
        ItemKind.LIFE_EVENT,
        ItemKind.INSPECTION,
        ItemKind.VISIT,
        ItemKind.INTERVENTION,
        ItemKind.INTENSIFIED,
        ItemKind.HEIGHTENED,
    }
)
TIMELINE_MONTHS = 24  # the picture covers the last two years: what a successor takes over


@dataclass(frozen=True, slots=True)
class HandoverLabels:
    title: str  # "{name}"
    subtitle: str  # "{reader}"
    left_out: str  # "{n}"
    words: ConcernWords  # none, the concern's status line, signal kinds, roles
    holder: str
    current: str  # "{holder}", "{since}"
    no_holder: str
    holder_columns: tuple[str, str, str, str]
    concerns: str  # "{n}"
    hypothesis: str
    alternatives: str
    open_questions: str
    next_step: str  # "{step}", "{owner}", "{due}"
    matrix_role: str
    ratings: dict[ConcernRating, str]
    hypotheses: str
    closed_concerns: str  # "{n}"
    closed_columns: tuple[str, str, str, str]
    signals: str  # "{n}"
    signal_columns: tuple[str, str, str]
    interpretation: str
    timeline: str
    decisions: str  # "{n}"
    decision_columns: tuple[str, str, str, str]
    come_back: str  # "{date}"
    about: str  # "{items}"
    trajectories: str  # "{n}"
    trajectory_kinds: dict[TrajectoryKind, str]
    running: str
    ended: str
    rationale: str
    end_rationale: str
    conditions: str
    board: str  # "{date}"
    board_not: str
    contacts: str  # "{n}"
    contact_columns: tuple[str, str, str]
    name_left_out: str
    reflections: str  # "{n}"
    moments: dict[ReflectionMoment, str]


DUTCH = HandoverLabels(
    title="Overdrachtsdossier {name}",
    subtitle="Voor {reader}",
    left_out="+ {n} interne onderdelen niet opgenomen (vertrouwelijk, of van een inspectie buiten uw team)",
    words=WORDS_NL,
    holder="Accounthouder",
    current="Huidige accounthouder: {holder}, sinds {since}",
    no_holder="Geen accounthouder vastgelegd.",
    holder_columns=("Accounthouder", "Sinds", "Reden", "Vastgelegd door"),
    concerns="Open aandachtspunten ({n})",
    hypothesis="Hypothese",
    alternatives="Alternatieve verklaringen",
    open_questions="Open vragen",
    next_step="Volgende stap: {step} ({owner}, uiterlijk {due})",
    matrix_role="Rol",
    ratings={
        ConcernRating.CONSISTENT: "past",
        ConcernRating.INCONSISTENT: "past niet",
        ConcernRating.NEUTRAL: "neutraal",
        ConcernRating.NOT_APPLICABLE: "n.v.t.",
    },
    hypotheses="Hypothesen",
    closed_concerns="Afgesloten aandachtspunten ({n})",
    closed_columns=("Aandachtspunt", "Status", "Afgesloten", "Motivering"),
    signals="Signalen ({n})",
    signal_columns=("Datum", "Soort", "Waarneming"),
    interpretation="Duiding",
    timeline="Tijdlijn",
    decisions="Besluiten ({n})",
    decision_columns=("Datum", "Besluit", "Motivering", "Door, overleg"),
    come_back="terugkomen op {date}",
    about="Over: {items}",
    trajectories="Toezichtstrajecten ({n})",
    trajectory_kinds={
        TrajectoryKind.INTENSIFIED: "Geïntensiveerd toezicht",
        TrajectoryKind.HEIGHTENED: "Verscherpt toezicht",
    },
    running="loopt",
    ended="beëindigd",
    rationale="Motivering",
    end_rationale="Motivering van de beëindiging",
    conditions="Voorwaarden",
    board="Bestuur geïnformeerd op {date}",
    board_not="Bestuur niet geïnformeerd",
    contacts="Sleutelcontacten ({n})",
    contact_columns=("Rol", "Functie", "Naam"),
    name_left_out="(naam niet opgenomen)",
    reflections="Laatste reflecties ({n})",
    moments={
        ReflectionMoment.BEFORE: "vooraf",
        ReflectionMoment.MIDWAY: "halverwege",
        ReflectionMoment.AFTER: "achteraf",
    },
)

ENGLISH = HandoverLabels(
    title="Handover dossier {name}",
    subtitle="For {reader}",
    left_out="+ {n} internal items left out (confidential, or of an inspection outside your team)",
    words=WORDS_EN,
    holder="Account holder",
    current="Current account holder: {holder}, since {since}",
    no_holder="No account holder recorded.",
    holder_columns=("Account holder", "Since", "Reason", "Recorded by"),
    concerns="Open concerns ({n})",
    hypothesis="Hypothesis",
    alternatives="Alternative explanations",
    open_questions="Open questions",
    next_step="Next step: {step} ({owner}, due {due})",
    matrix_role="Role",
    ratings={
        ConcernRating.CONSISTENT: "fits",
        ConcernRating.INCONSISTENT: "does not fit",
        ConcernRating.NEUTRAL: "neutral",
        ConcernRating.NOT_APPLICABLE: "n/a",
    },
    hypotheses="Hypotheses",
    closed_concerns="Closed concerns ({n})",
    closed_columns=("Concern", "Status", "Closed", "Rationale"),
    signals="Signals ({n})",
    signal_columns=("Date", "Kind", "Observation"),
    interpretation="Interpretation",
    timeline="Timeline",
    decisions="Decisions ({n})",
    decision_columns=("Date", "Decision", "Rationale", "By, meeting"),
    come_back="come back to it on {date}",
    about="About: {items}",
    trajectories="Supervision trajectories ({n})",
    trajectory_kinds={
        TrajectoryKind.INTENSIFIED: "Intensified supervision",
        TrajectoryKind.HEIGHTENED: "Heightened supervision",
    },
    running="running",
    ended="ended",
    rationale="Rationale",
    end_rationale="Rationale for ending",
    conditions="Conditions",
    board="Board informed on {date}",
    board_not="Board not informed",
    contacts="Key contacts ({n})",
    contact_columns=("Role", "Function", "Name"),
    name_left_out="(name left out)",
    reflections="Latest reflections ({n})",
    moments={
        ReflectionMoment.BEFORE: "before",
        ReflectionMoment.MIDWAY: "midway",
        ReflectionMoment.AFTER: "afterwards",
    },
)


def _day(value: date | None) -> str:
    return value.strftime("%d-%m-%Y") if value is not None else "—"


def dossier_pdf(data: Dossier, language: str = "nl") -> bytes:
    t = ENGLISH if language == "en" else DUTCH
    doc = InternalDoc(
        t.title.format(name=data.title),
        t.subtitle.format(reader=data.reader),
        language=language,
        generated_on=data.today,
    )
    if data.left_out:
        doc.note(t.left_out.format(n=data.left_out))
    _holders(doc, data, t)
    _concerns(doc, data, t, language)
    _signals(doc, data, t, language)
    _timeline(doc, data, language)
    _decisions(doc, data, t, language)
    _trajectories(doc, data, t)
    _contacts(doc, data, t, language)
    _reflections(doc, data, t)
    return doc.build()


def _holders(doc: InternalDoc, data: Dossier, t: HandoverLabels) -> None:
    doc.heading(t.holder)
    if data.holder is None:
        doc.note(t.no_holder)
    else:
        doc.paragraph(t.current.format(holder=data.holder.holder, since=_day(data.holder.since)))
    if data.holders:
        rows = [(h.holder, _day(h.since), h.reason or "", h.recorded_by or "") for h in data.holders]
        doc.table(t.holder_columns, rows, weights=(2, 1.5, 4, 2))


def _concerns(doc: InternalDoc, data: Dossier, t: HandoverLabels, language: str) -> None:
    doc.heading(t.concerns.format(n=len(data.concerns)))
    if not data.concerns:
        doc.note(t.words.none)
    for c in data.concerns:
        label = data.concern_statuses.get(c.status)
        _concern(doc, c, label.text(language) if label else c.status, t)
    if data.closed_concerns:
        doc.heading(t.closed_concerns.format(n=len(data.closed_concerns)), level=2)
        rows = [
            (c.title, c.status.text(language), _day(c.closed_on), c.closing_rationale or "")
            for c in data.closed_concerns
        ]
        doc.table(t.closed_columns, rows, weights=(3, 2, 1.5, 5))


def _concern(doc: InternalDoc, c: ConcernView, status: str, t: HandoverLabels) -> None:
    concern_heading(doc, t.words, c.title, status=status, owner=c.owner or "—", opened=_day(c.opened_on))
    doc.labelled(t.hypothesis, c.hypothesis)
    doc.labelled(t.alternatives, c.alternatives)
    doc.labelled(t.open_questions, c.open_questions)
    if c.next_step:
        doc.paragraph(
            t.next_step.format(step=c.next_step, owner=c.next_step_owner or "—", due=_day(c.next_step_due))
        )
    if c.hypotheses:
        doc.note(t.hypotheses)
        hypothesis_bullets(doc, [h.statement for h in c.hypotheses])
    if c.signals:
        layout = MatrixLayout((t.words.matrix_signal, t.matrix_role), (6, 2.2), 1.4, t.ratings)
        rows = [
            ((f"{_day(s.observed_at.date())} {s.text}", t.words.roles[s.role]), m.cells)
            for s, m in zip(c.signals, c.matrix, strict=True)
        ]
        evidence_matrix(doc, layout, len(c.hypotheses), rows)


def _signals(doc: InternalDoc, data: Dossier, t: HandoverLabels, language: str) -> None:
    doc.heading(t.signals.format(n=data.signal_count))
    if not data.signals:
        doc.note(t.words.none)
    for group in data.signals:
        doc.heading(f"{group.status.text(language)} ({len(group.signals)})", level=2)
        rows = []
        for s in group.signals:
            text = f"{s.member}: {s.text}" if s.member else s.text
            if s.interpretation:
                text += f"\n{t.interpretation}: {s.interpretation}"
            rows.append(
                (_day(s.observed_on), f"{t.words.kinds[s.kind]}, {t.words.valences[s.valence]}", text)
            )
        doc.table(t.signal_columns, rows, weights=(1.5, 1.4, 7))


def _timeline(doc: InternalDoc, data: Dossier, language: str) -> None:
    labels = TIMELINE_EN if language == "en" else TIMELINE_NL
    doc.heading(labels.title.format(name=data.title))
    start = data.today - timedelta(days=TIMELINE_MONTHS * 31)
    period = Period(date(start.year, start.month, 1), data.today)
    doc.add(TimelineFlowable(data.timeline, labels, language, period, compress=True, max_height=330))
    doc.add(Spacer(1, 6))
    doc.note(labels.legend)
    # The list under the picture names what a mark cannot carry; signals, concerns and
    # conversations have their own sections (or are too many to list twice).
    listed = tuple(i for i in data.timeline.items if i.kind in LISTED)
    doc.add(*listing(replace(data.timeline, items=listed), labels, language, period, FRAME_WIDTH))


def _decisions(doc: InternalDoc, data: Dossier, t: HandoverLabels, language: str) -> None:
    doc.heading(t.decisions.format(n=len(data.decisions)))
    rows = []
    for d in data.decisions:
        what = d.action.text(language) if d.action is not None else ""
        if d.return_on is not None:
            back = t.come_back.format(date=_day(d.return_on))
            what = f"{what}; {back}" if what else back
        why = d.rationale
        if d.about:
            why += "\n" + t.about.format(items=" · ".join(d.about))
        who = "\n".join(x for x in (d.decided_by or "", d.deliberation or "") if x)
        rows.append((_day(d.decided_on), what, why, who))
    doc.table_or_note(t.decision_columns, rows, (1.75, 2.2, 5.0, 2.4), t.words.none)


def _trajectories(doc: InternalDoc, data: Dossier, t: HandoverLabels) -> None:
    doc.heading(t.trajectories.format(n=len(data.trajectories)))
    if not data.trajectories:
        doc.note(t.words.none)
    for tr in data.trajectories:
        doc.heading(_trajectory_title(tr, t), level=2)
        board = t.board.format(date=_day(tr.board_informed_on)) if tr.board_informed else t.board_not
        doc.note(" · ".join(x for x in (tr.owner or "", board) if x))
        doc.labelled(t.rationale, tr.rationale)
        doc.labelled(t.end_rationale, tr.end_rationale)
        if tr.conditions:
            doc.note(t.conditions)
            doc.bullets(list(tr.conditions))


def _trajectory_title(tr: DossierTrajectory, t: HandoverLabels) -> str:
    state = t.running if tr.active else t.ended
    end = _day(tr.ended_on) if tr.ended_on else "…"
    return f"{t.trajectory_kinds[tr.kind]}: {_day(tr.started_on)} – {end} ({state})"


def _contacts(doc: InternalDoc, data: Dossier, t: HandoverLabels, language: str) -> None:
    doc.heading(t.contacts.format(n=len(data.contacts)))
    rows = [(c.role.text(language), c.function_title or "", c.name or t.name_left_out) for c in data.contacts]
    doc.table_or_note(t.contact_columns, rows, (2, 2, 2), t.words.none)


def _reflections(doc: InternalDoc, data: Dossier, t: HandoverLabels) -> None:
    doc.heading(t.reflections.format(n=len(data.reflections)))
    if not data.reflections:
        doc.note(t.words.none)
    for r in data.reflections:
        doc.note(
            " · ".join(
                x
                for x in (
                    _day(r.written_at.date()),
                    t.moments.get(r.moment, r.moment),
                    r.author or "",
                    r.inspection_title,
                )
                if x
            )
        )
        doc.paragraph(r.text)
