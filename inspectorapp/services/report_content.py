"""From the store to `ReportContent`: the one place that decides what a report may say.

Findings are printed whole (they are written for the report). Their evidence passes
`domain.report_rules`: confidential items never, notes only when marked for the report,
soft signals only after explicit conversion. What stays out is counted, not shown.
Quotes carry the speaker's role; organisation names in evidence can become placeholders.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from inspectorapp.domain.enums import (
    AddressedTo,
    EvidenceKind,
    JudgementMode,
    NoteKind,
    Presence,
    Valence,
)
from inspectorapp.domain.findings_views import EvidenceItem
from inspectorapp.domain.placeholders import Anonymiser, OrganisationName
from inspectorapp.domain.report import (
    EvidenceRef,
    ParticipantLine,
    ReportContent,
    ReportFinding,
    ReportSection,
    ReportType,
    SessionShares,
    ShareBar,
    TimelinePoint,
    VisitLine,
)
from inspectorapp.domain.report_rules import participant_printed, printable_role
from inspectorapp.errors import NotFoundError
from inspectorapp.reports.labels import labels_for, long_date
from storage.models import (
    Conversation,
    Inspection,
    InspectionMember,
    NoteParagraph,
    ObservationScore,
    Organisation,
    Participant,
    Person,
    SessionEvent,
    Signal,
    SpeakingTurn,
    Visit,
)

from . import findings as findings_service
from . import frameworks, group_sessions, report_drafts
from .evidence import EvidenceKey
from .refs import live_inspection
from .report_wording import word


class _Labels:
    """Framework labels in the report's language."""

    def __init__(self, session: Session, framework_version_id: str, language: str) -> None:
        self.language = language
        self._maps: dict[str, dict[str, str]] = {}
        for taxonomy in (
            "meso_theme",
            "person_role",
            "session_event",
            "observation_item",
            "dilemma",
            "conversation_type",
        ):
            self._maps[taxonomy] = {
                lab.code: lab.text(language)
                for lab in frameworks.labels(session, taxonomy, framework_version_id)
            }
        self._maps["organisation_type"] = {
            lab.code: lab.text(language) for lab in frameworks.labels(session, "organisation_type")
        }

    def known(self, taxonomy: str) -> frozenset[str]:
        return frozenset(self._maps[taxonomy])

    def get(self, taxonomy: str, code: str | None) -> str:
        """The label of a framework code; an unknown code (free text from an import) is
        never printed in its place."""
        if not code:
            return ""
        return self._maps[taxonomy].get(code, "")

    def item(self, code: str) -> str:
        return self._maps["observation_item"].get(code) or self._maps["dilemma"].get(code, "")

    def role(self, code: str | None) -> str | None:
        """A speaker's role label; free text (an import, an unknown code) never prints."""
        known = printable_role(code, self._maps["person_role"].keys())
        return self._maps["person_role"][known] if known else None


def _conversation_labels(session: Session, insp: Inspection, labels: _Labels) -> dict[str, str]:
    """A neutral name for each conversation: its type, numbered within the visit when the
    type recurs ("Interview 2"). Titles are free text and often name people: never printed."""
    rows = session.execute(
        select(Conversation.id, Conversation.visit_id, Conversation.conversation_type)
        .join(Visit, Visit.id == Conversation.visit_id)
        .where(Visit.inspection_id == insp.id, Visit.deleted_at.is_(None), Conversation.deleted_at.is_(None))
        .order_by(Conversation.starts_at, Conversation.created_at, Conversation.id)
    ).all()
    fallback = word(labels.language, "conversation")
    known = labels.known("conversation_type")
    kinds = {cid: labels.get("conversation_type", c) if c in known else fallback for cid, _v, c in rows}
    totals = Counter((visit, kinds[cid]) for cid, visit, _c in rows)
    seen: Counter[tuple[str, str]] = Counter()
    out = {}
    for cid, visit, _code in rows:
        seen[(visit, kinds[cid])] += 1
        many = totals[(visit, kinds[cid])] > 1
        out[cid] = f"{kinds[cid]} {seen[(visit, kinds[cid])]}" if many else kinds[cid]
    return out


def _item_conversations(session: Session, items: dict[EvidenceKey, EvidenceItem]) -> dict[EvidenceKey, str]:
    """The conversation each note, event and score belongs to (its printed source)."""
    out: dict[EvidenceKey, str] = {}
    for kind, model in (
        (EvidenceKind.NOTE, NoteParagraph),
        (EvidenceKind.SESSION_EVENT, SessionEvent),
        (EvidenceKind.OBSERVATION, ObservationScore),
    ):
        ids = [i for k, i in items if k == kind.value]
        for start in range(0, len(ids), 500):
            for row_id, conv_id in session.execute(
                select(model.id, model.conversation_id).where(model.id.in_(ids[start : start + 500]))
            ):
                out[(kind.value, row_id)] = conv_id
    return out


def _evidence_ref(
    ref: str, item: EvidenceItem, labels: _Labels, anon: Anonymiser | None, conversation: str | None
) -> EvidenceRef:
    lang = labels.language
    kind = EvidenceKind(item.kind)
    attribution = labels.role(item.speaker_role)
    if kind is EvidenceKind.NOTE:
        kind_text = word(lang, NoteKind(item.subkind))
    elif kind is EvidenceKind.SIGNAL:
        kind_text = word(lang, "converted_signal" if item.converted else "hard_signal")
    elif kind is EvidenceKind.SESSION_EVENT:
        kind_text = ": ".join(p for p in (word(lang, kind), labels.get("session_event", item.subkind)) if p)
    elif kind is EvidenceKind.OBSERVATION:
        kind_text = ": ".join(p for p in (word(lang, kind), labels.item(item.subkind)) if p)
    else:
        kind_text = word(lang, kind)
    when = long_date(item.on.isoformat(), labels_for(lang)) if item.on else ""
    where = conversation if conversation is not None else item.source
    source = ", ".join(p for p in (where, when) if p)
    text = item.text
    if anon is not None:
        source, text = anon.replace(source), anon.replace(text)
    return EvidenceRef(ref, kind_text, source, text, attribution)


def _anonymiser(session: Session, labels: _Labels) -> Anonymiser:
    orgs = session.execute(
        select(Organisation.name, Organisation.org_type)
        .where(Organisation.deleted_at.is_(None))
        .order_by(Organisation.name)
    ).all()
    default = word(labels.language, "organisation")
    names = [
        OrganisationName(name, labels.get("organisation_type", org_type) or default)
        for name, org_type in orgs
    ]
    return Anonymiser(names, default)


def _findings(
    session: Session,
    insp: Inspection,
    labels: _Labels,
    anon: Anonymiser | None,
    conversations: dict[str, str],
) -> tuple[tuple[ReportFinding, ...], tuple[EvidenceRef, ...], dict[EvidenceKey, EvidenceItem]]:
    rows = findings_service.live_findings(session, insp.id)
    per_finding, items = findings_service.resolve(session, insp.id, rows)
    conv_of = _item_conversations(session, items)
    org_names = dict(session.execute(select(Organisation.id, Organisation.name)).all())
    refs: dict[EvidenceKey, str] = {}
    sources: list[EvidenceRef] = []
    out = []
    for f in rows:
        codes, internal = [], 0
        for item in per_finding[f.id]:
            if item.exclusion is not None:
                internal += 1
                continue
            key = (item.kind, item.id)
            if key not in refs:
                refs[key] = f"B{len(refs) + 1}"
                conv = (
                    conversations.get(conv_of[key], word(labels.language, "conversation"))
                    if key in conv_of
                    else None
                )
                sources.append(_evidence_ref(refs[key], item, labels, anon, conv))
            codes.append(refs[key])
        party = org_names.get(f.organisation_id or "") if f.addressed_to is AddressedTo.PARTY else None
        out.append(
            ReportFinding(
                f.theme_code,
                labels.get("meso_theme", f.theme_code),
                f.what_we_see,
                f.what_we_think,
                f.what_next,
                word(labels.language, f.movement),
                f.traffic_light.value
                if f.traffic_light and insp.judgement_mode is JudgementMode.SUMMATIVE
                else None,
                party or word(labels.language, "network"),
                f.context_factors,
                f.national_points,
                tuple(codes),
                internal,
            )
        )
    return tuple(out), tuple(sources), items


def _participants(session: Session, insp: Inspection, labels: _Labels) -> tuple[ParticipantLine, ...]:
    """Who took part, by role and organisation: never names (a tile caption may be one), never
    free-text roles, and nobody linked to a reporter-confidential person."""
    rows = session.execute(
        select(
            Participant.role_code,
            Organisation.name,
            Person.confidentiality,
            func.count(func.distinct(Participant.conversation_id)),
        )
        .join(Conversation, Conversation.id == Participant.conversation_id)
        .join(Visit, Visit.id == Conversation.visit_id)
        .outerjoin(Organisation, Organisation.id == Participant.organisation_id)
        .outerjoin(Person, Person.id == Participant.person_id)
        .where(
            Visit.inspection_id == insp.id,
            Visit.deleted_at.is_(None),
            Conversation.deleted_at.is_(None),
            Participant.deleted_at.is_(None),
            Participant.presence != Presence.ABSENT,
        )
        .group_by(Participant.role_code, Organisation.name, Person.confidentiality)
    ).all()
    counts: Counter[tuple[str, str]] = Counter()
    for role, org, person_confidentiality, n in rows:
        if participant_printed(person_confidentiality):
            role_text = labels.role(role) or word(labels.language, "participant")
            counts[(role_text, org or word(labels.language, "no_organisation"))] += int(n)
    lines = [ParticipantLine(role, org, n) for (role, org), n in counts.items()]
    return tuple(sorted(lines, key=lambda p: (p.role.lower(), p.organisation.lower())))


def _visits(session: Session, insp: Inspection, conversations: dict[str, str]) -> tuple[VisitLine, ...]:
    visits = list(
        session.scalars(
            select(Visit)
            .where(Visit.inspection_id == insp.id, Visit.deleted_at.is_(None))
            .order_by(Visit.visit_date)
        )
    )
    titles: dict[str, list[str]] = {}
    for visit_id, conv_id in session.execute(
        select(Conversation.visit_id, Conversation.id)
        .where(Conversation.visit_id.in_([v.id for v in visits]), Conversation.deleted_at.is_(None))
        .order_by(Conversation.starts_at, Conversation.created_at)
    ):
        titles.setdefault(visit_id, []).append(conversations[conv_id])
    return tuple(
        VisitLine(v.visit_date.isoformat(), v.location, v.announced, tuple(titles.get(v.id, ())))
        for v in visits
    )


def _timeline(session: Session, items: dict[EvidenceKey, EvidenceItem]) -> tuple[TimelinePoint, ...]:
    """Report-eligible signals of the inspection per month (soft ones only when converted)."""
    ids = [i.id for i in items.values() if i.kind == EvidenceKind.SIGNAL.value and i.exclusion is None]
    counts: Counter[tuple[str, Valence]] = Counter()
    for observed_at, valence in session.execute(
        select(Signal.observed_at, Signal.valence).where(Signal.id.in_(ids))
    ):
        counts[(observed_at.strftime("%Y-%m"), valence)] += 1
    months = sorted({m for m, _ in counts})
    return tuple(
        TimelinePoint(
            m, counts[(m, Valence.POSITIVE)], counts[(m, Valence.NEGATIVE)], counts[(m, Valence.AMBIGUOUS)]
        )
        for m in months
    )


def _sessions(
    session: Session, insp: Inspection, labels: _Labels, conversations: dict[str, str]
) -> tuple[SessionShares, ...]:
    language = labels.language
    roles, anyone = labels.known("person_role"), word(language, "participant")
    conv_ids = session.scalars(
        select(Conversation.id)
        .join(Visit, Visit.id == Conversation.visit_id)
        .where(
            Visit.inspection_id == insp.id,
            Visit.deleted_at.is_(None),
            Conversation.deleted_at.is_(None),
            select(SpeakingTurn.id)
            .where(SpeakingTurn.conversation_id == Conversation.id, SpeakingTurn.deleted_at.is_(None))
            .exists(),
        )
        .order_by(Visit.visit_date, Conversation.starts_at)
    ).all()
    out = []
    for conv_id in conv_ids:
        summary = group_sessions.participation(session, conv_id)
        visit_date = session.scalar(
            select(Visit.visit_date).join(Conversation, Conversation.visit_id == Visit.id).where(
                Conversation.id == conv_id
            )
        )
        when = long_date(visit_date.isoformat(), labels_for(language)) if visit_date else ""
        title = ", ".join(p for p in (conversations[conv_id], when) if p)
        out.append(
            SessionShares(
                title,
                tuple(
                    ShareBar(s.label.text(language) if s.label.code in roles else anyone, s.turns, s.share)
                    for s in summary.by_category
                ),
                tuple(ShareBar(s.label.text(language), s.turns, s.share) for s in summary.by_organisation),
            )
        )
    return tuple(out)


def _lines(text: str) -> tuple[str, ...]:
    return tuple(
        line.strip().lstrip("-•*").strip() for line in text.splitlines() if line.strip().lstrip("-•*").strip()
    )


def build_content(session: Session, inspection_id: str, report_type: str) -> ReportContent:
    insp = live_inspection(session, inspection_id)
    kind = ReportType(report_type)
    draft = report_drafts.find_draft(session, inspection_id, kind)
    if draft is None:
        raise NotFoundError("report_draft", f"{inspection_id}/{kind.value}")
    labels = _Labels(session, insp.framework_version_id, draft.language)
    anon = _anonymiser(session, labels) if draft.placeholders else None
    conversations = _conversation_labels(session, insp, labels)
    found, sources, items = _findings(session, insp, labels, anon, conversations)
    visits = _visits(session, insp, conversations)
    period = _period([date.fromisoformat(v.date) for v in visits], draft.language)
    team = tuple(
        f"{name} ({role.value.replace('_', ' ')})"
        for name, role in session.execute(
            select(InspectionMember.display_name, InspectionMember.team_role)
            .where(InspectionMember.inspection_id == insp.id, InspectionMember.deleted_at.is_(None))
            .order_by(InspectionMember.created_at)
        )
    )
    return ReportContent(
        report_type=kind,
        language=draft.language,
        title=insp.title,
        subtitle=period,
        report_date=draft.report_date.isoformat(),
        subjects=tuple(report_drafts.subject_names(session, insp.id)),
        addressees=_lines(draft.addressees),
        team=team,
        sections=tuple(ReportSection(s) for s in draft.sections),
        summary=draft.summary,
        role_statement=draft.role_statement,
        context=draft.context,
        recommendations=_lines(draft.recommendations),
        appreciation=draft.appreciation,
        method=draft.method,
        summative=insp.judgement_mode is JudgementMode.SUMMATIVE,
        findings=found,
        sources=sources,
        participants=_participants(session, insp, labels),
        visits=visits,
        timeline=_timeline(session, items),
        sessions=_sessions(session, insp, labels, conversations),
        placeholders=tuple((r.placeholder, r.kind) for r in anon.legend()) if anon else (),
    )


def _period(days: list[date], language: str) -> str:
    if not days:
        return ""
    names = labels_for(language)
    first, last = long_date(min(days).isoformat(), names), long_date(max(days).isoformat(), names)
    if first == last:
        return ("Bezoek op {0}" if language == "nl" else "Visit on {0}").format(first)
    return ("Bezoeken van {0} tot en met {1}" if language == "nl" else "Visits from {0} to {1}").format(
        first, last
    )
