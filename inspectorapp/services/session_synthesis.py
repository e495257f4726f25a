"""The synthesis of a group session on the observation scheme: the scheme with its scores,
and scoring one item with its evidence from the session (notes, events, signals)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import case, select
from sqlalchemy.orm import Session

from inspectorapp.domain import limits
from inspectorapp.domain import participation as rules
from inspectorapp.domain import snapshots as views
from inspectorapp.domain.changes import ChangeSet
from inspectorapp.domain.drafts import require
from inspectorapp.domain.enums import EvidenceKind
from inspectorapp.domain.framework_codes import Scale
from inspectorapp.domain.outcome_drafts import ScoreDraft
from inspectorapp.domain.snapshots import ActionContext, Label, OpResult
from inspectorapp.domain.validation import Checker
from storage import models as m

from . import audit
from . import participants as pp
from .natural_ids import natural_id


def save_score(
    session: Session,
    ctx: ActionContext,
    conversation_id: str,
    item_code: str,
    draft: ScoreDraft,
) -> OpResult[views.ScoreSnapshot]:
    """Score one item of the scheme (or place a dilemma): insert, or replace the score and
    its evidence set. ``draft.evidence``: ``(kind, id)`` pairs, kind a note, session event or
    signal of this conversation."""
    require(draft, ScoreDraft)
    value, value_code, not_applicable = draft.value, draft.value_code, draft.not_applicable
    discussed, deliberate_choice = draft.discussed, draft.deliberate_choice
    comment, evidence = draft.comment, draft.evidence
    c = Checker()
    scope = pp.check_scope(session, c, conversation_id)
    item = pp.scheme_item(session, scope, item_code) if scope else None
    if scope is not None and item is None:
        c.add("item_code", "unknown_code", value=str(item_code)[:60])
    na = c.boolean("not_applicable", not_applicable)
    scale = rules.scale_of(item.taxonomy, item.parent_code, item.attributes) if item else None
    v, code = (
        rules.check_value(c, scale, rules.options_of(item.attributes), value, value_code, na)
        if item and scale
        else (None, None)
    )
    if scale == Scale.REF and code is not None:
        code = pp.participant_in(session, c, "value_code", scope, code)
    flags: dict[str, bool | None] = {}
    for field, flag in (("discussed", discussed), ("deliberate_choice", deliberate_choice)):
        if flag is not None and not isinstance(flag, bool):
            c.add(field, "invalid_format")
        elif flag is not None and item is not None and item.taxonomy != "dilemma":
            c.add(field, "not_allowed")
        flags[field] = flag if isinstance(flag, bool) else None
    text = c.text("comment", comment, limits.PARAGRAPH)
    refs = _check_evidence(session, c, scope, evidence)
    if (
        rules.needs_evidence(scale, v)
        and not refs
        and not any(i.field.startswith("evidence") for i in c.issues)
    ):
        c.add("evidence", "evidence_required")
    c.done()
    assert scope is not None and item is not None
    conv_id = scope.conversation.id
    score = session.scalar(
        select(m.ObservationScore).where(
            m.ObservationScore.conversation_id == conv_id, m.ObservationScore.item_code == item.code
        )
    ) or m.ObservationScore(
        id=natural_id("observation_score", conv_id, item.code), conversation_id=conv_id, item_code=item.code
    )
    session.add(score)
    score.value, score.value_code, score.not_applicable, score.comment = v, code, na, text
    score.discussed, score.deliberate_choice = flags["discussed"], flags["deliberate_choice"]
    score.deleted_at = None
    session.flush()
    touched = pp.replace_evidence(session, score.id, refs)
    audit.record(session, ctx, "observation.score", "observation_score", score.id, item_code=item.code)
    snap = pp.scores(session, conv_id)[item.code]
    return OpResult(snap, ChangeSet.of(observation_score=[score.id], observation_evidence=touched))


def _check_evidence(
    session: Session, c: Checker, scope: pp.SessionScope | None, raw: Any
) -> list[tuple[EvidenceKind, str]]:
    """Evidence pairs that name live rows of this conversation; one query per kind."""
    if isinstance(raw, str | bytes) or not isinstance(raw, Sequence):
        c.add("evidence", "invalid_format")
        return []
    allowed = [k.value for k in pp.EVIDENCE]
    wanted: dict[EvidenceKind, list[tuple[str, str]]] = {k: [] for k in pp.EVIDENCE}
    for n, pair in enumerate(raw):
        field = f"evidence[{n}]"
        if isinstance(pair, str) or not isinstance(pair, Sequence) or len(pair) != 2:
            c.add(field, "invalid_format")
        elif pair[0] not in allowed:
            c.add(field, "invalid_choice", value=str(pair[0])[:60], allowed=allowed)
        elif (ref := c.ref(field, pair[1], required=True)) is not None:
            wanted[EvidenceKind(pair[0])].append((field, ref))
    out: list[tuple[EvidenceKind, str]] = []
    for kind, pairs in wanted.items():
        for ref in pp.in_conversation(session, c, scope, pp.EVIDENCE[kind], pairs) if pairs else ():
            if ref is not None and (kind, ref) not in out:
                out.append((kind, ref))
    return out


def synthesis(session: Session, conversation_id: str) -> list[views.SchemeSection]:
    """The scheme of the inspection's framework version, section by section (observation
    items A..L, then the dilemmas K1..K4), each item with its scale and current score."""
    scope = pp.scope_of(session, conversation_id)
    scores = pp.scores(session, scope.conversation.id)
    rows = session.scalars(
        select(m.TaxonomyItem)
        .where(
            m.TaxonomyItem.framework_version_id == scope.framework_version_id,
            m.TaxonomyItem.taxonomy.in_(pp.SCHEME),
        )
        .order_by(case((m.TaxonomyItem.taxonomy == pp.SCHEME[0], 0), else_=1), m.TaxonomyItem.position)
    )
    sections: dict[str, tuple[m.TaxonomyItem, list[views.SchemeItem]]] = {}
    for t in rows:
        scale = rules.scale_of(t.taxonomy, t.parent_code, t.attributes)
        if t.parent_code is None:
            sections[t.code] = (t, [])
        elif scale and t.parent_code in sections:
            desc = (
                Label(t.code, t.description_nl, t.description_en or t.description_nl)
                if t.description_nl
                else None
            )
            sections[t.parent_code][1].append(
                views.SchemeItem(
                    t.code,
                    t.taxonomy,
                    Label(t.code, t.label_nl, t.label_en),
                    desc,
                    scale,
                    rules.options_of(t.attributes),
                    rules.poles_of(t.attributes),
                    t.attributes.get("evidence_text") is True,
                    scores.get(t.code),
                )
            )
    return [
        views.SchemeSection(s.code, s.taxonomy, Label(s.code, s.label_nl, s.label_en), tuple(items))
        for s, items in sections.values()
    ]
