"""The inspector's texts and choices for a report: one draft per inspection and report type."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from inspectorapp.clock import utc_now
from inspectorapp.domain import limits
from inspectorapp.domain.changes import ChangeSet
from inspectorapp.domain.drafts import require
from inspectorapp.domain.enums import SubjectKind
from inspectorapp.domain.outcome_drafts import ReportDraftChanges
from inspectorapp.domain.report import SECTIONS_BY_TYPE, ReportSection, ReportType
from inspectorapp.domain.snapshots import ActionContext, OpResult
from inspectorapp.domain.validation import Checker
from storage.models import (
    Conversation,
    Inspection,
    InspectionSubject,
    Network,
    Organisation,
    ReportDraft,
    Visit,
)

from . import audit
from .natural_ids import natural_id
from .refs import live_inspection
from .report_wording import word

TEXT_FIELDS = (
    "addressees",
    "summary",
    "role_statement",
    "context",
    "recommendations",
    "appreciation",
    "method",
)


@dataclass(frozen=True)
class DraftView:
    id: str
    inspection_id: str
    report_type: str
    report_date: date
    language: str
    addressees: str
    summary: str
    role_statement: str
    context: str
    recommendations: str
    appreciation: str
    method: str
    sections: tuple[str, ...]
    offered_sections: tuple[str, ...]
    placeholders: bool


def subject_names(session: Session, inspection_id: str) -> list[str]:
    names = []
    for subj, org, net in session.execute(
        select(InspectionSubject, Organisation.name, Network.name)
        .outerjoin(Organisation, Organisation.id == InspectionSubject.organisation_id)
        .outerjoin(Network, Network.id == InspectionSubject.network_id)
        .where(InspectionSubject.inspection_id == inspection_id, InspectionSubject.deleted_at.is_(None))
        .order_by(InspectionSubject.created_at)
    ):
        name = net if subj.subject_kind is SubjectKind.NETWORK else org
        names.append(name or subj.description or "")
    return [n for n in names if n]


def _defaults(session: Session, insp: Inspection, report_type: ReportType, language: str) -> dict[str, Any]:
    visits = session.scalar(
        select(func.count()).where(Visit.inspection_id == insp.id, Visit.deleted_at.is_(None))
    )
    conversations = session.scalar(
        select(func.count())
        .select_from(Conversation)
        .join(Visit, Visit.id == Conversation.visit_id)
        .where(Visit.inspection_id == insp.id, Visit.deleted_at.is_(None), Conversation.deleted_at.is_(None))
    )
    return {
        "report_date": utc_now().date(),
        "language": language,
        "addressees": "\n".join(subject_names(session, insp.id)),
        "summary": "",
        "role_statement": word(language, insp.declared_role),
        "context": "",
        "recommendations": "",
        "appreciation": "",
        "method": word(language, "method").format(visits=visits or 0, conversations=conversations or 0),
        "sections": [s.value for s in SECTIONS_BY_TYPE[report_type]],
        "placeholders": True,
    }


def find_draft(session: Session, inspection_id: str, report_type: ReportType) -> ReportDraft | None:
    return session.scalar(
        select(ReportDraft).where(
            ReportDraft.inspection_id == inspection_id,
            ReportDraft.report_type == report_type,
            ReportDraft.deleted_at.is_(None),
        )
    )


def _view(d: ReportDraft) -> DraftView:
    return DraftView(
        d.id,
        d.inspection_id,
        d.report_type.value,
        d.report_date,
        d.language,
        d.addressees,
        d.summary,
        d.role_statement,
        d.context,
        d.recommendations,
        d.appreciation,
        d.method,
        tuple(d.sections),
        tuple(s.value for s in SECTIONS_BY_TYPE[d.report_type]),
        d.placeholders,
    )


def _report_type(value: Any) -> ReportType:
    c = Checker()
    kind = c.choice("report_type", value, ReportType)
    c.done()
    assert kind is not None
    return kind


def ensure_draft(
    session: Session, ctx: ActionContext, inspection_id: str, report_type: str, language: str = "nl"
) -> OpResult[DraftView]:
    """The draft, made with defaults the first time the report screen opens it."""
    insp = live_inspection(session, inspection_id)
    kind = _report_type(report_type)
    draft = find_draft(session, inspection_id, kind)
    if draft is not None:
        return OpResult(_view(draft), ChangeSet())
    draft = ReportDraft(
        id=natural_id("report_draft", insp.id, kind.value),
        inspection_id=insp.id,
        report_type=kind,
        **_defaults(session, insp, kind, language),
    )
    session.add(draft)
    session.flush()
    audit.record(session, ctx, "report.draft", "report_draft", draft.id, report_type=kind.value)
    return OpResult(_view(draft), ChangeSet.of(report_draft=[draft.id]))


def save_draft(
    session: Session, ctx: ActionContext, inspection_id: str, report_type: str, fields: ReportDraftChanges
) -> OpResult[DraftView]:
    """Change the draft's fields that ``fields`` sets; those left None keep their value."""
    require(fields, ReportDraftChanges, "fields")
    kind = _report_type(report_type)
    draft = find_draft(session, inspection_id, kind) or ensure_draft(session, ctx, inspection_id, kind).value
    row = session.get(ReportDraft, draft.id)
    assert row is not None
    c = Checker()
    v: dict[str, Any] = {}
    for name in TEXT_FIELDS:
        if (text := getattr(fields, name)) is not None:
            v[name] = c.text(name, text, limits.LONG_TEXT) or ""
    if fields.report_date is not None:
        v["report_date"] = c.date("report_date", fields.report_date, required=True)
    if fields.language is not None:
        if fields.language not in ("nl", "en"):
            c.add("language", "invalid_choice", value=str(fields.language)[:60])
        v["language"] = fields.language
    if fields.placeholders is not None:
        v["placeholders"] = c.boolean("placeholders", fields.placeholders)
    if fields.sections is not None:
        offered = {s.value for s in SECTIONS_BY_TYPE[kind]}
        wanted = [str(s) for s in fields.sections]
        for s in wanted:
            if s not in offered:
                c.add("sections", "invalid_choice", value=s[:60])
        v["sections"] = [s.value for s in ReportSection if s.value in wanted]  # document order
    c.done()
    for name, value in v.items():
        setattr(row, name, value)
    session.flush()
    audit.record(session, ctx, "report.draft", "report_draft", row.id, fields=sorted(v))
    return OpResult(_view(row), ChangeSet.of(report_draft=[row.id]))
