"""Capturing signals. Only organisation, kind, valence and observation are required."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy import text as text_sql
from sqlalchemy.orm import Session

from inspectorapp.clock import utc_now
from inspectorapp.domain import limits
from inspectorapp.domain.changes import ChangeSet
from inspectorapp.domain.drafts import SignalDraft, require
from inspectorapp.domain.enums import (
    Certainty,
    Confidentiality,
    PublicSensitivity,
    ReportUse,
    Severity,
    SignalKind,
    SignalLinkType,
    SourceType,
    Valence,
)
from inspectorapp.domain.framework_codes import SignalStatusCode
from inspectorapp.domain.snapshots import ActionContext, OpResult, SignalSnapshot
from inspectorapp.domain.validation import Checker
from inspectorapp.domain.visit_views import SignalFormOptions
from storage.models import Organisation, Signal, SignalCategory, SignalInterpretation, SignalLink

from . import audit, frameworks
from .organisations import organisation_options
from .refs import existing

MAX_LINKS = 50  # links made while capturing; more is not a form's doing

_OPTIONAL_REFS = (
    "unit_id",
    "network_id",
    "inspection_id",
    "visit_id",
    "conversation_id",
    "note_paragraph_id",
)


def check_signal(session: Session, draft: SignalDraft) -> dict[str, Any]:
    """Validate a signal draft; returns the clean column values (and ``categories``) or
    raises ValidationError. The one place a draft becomes the columns of a row."""
    require(draft, SignalDraft)
    c = Checker()
    v: dict[str, Any] = {}
    v["organisation_id"] = existing(
        session, c, "organisation_id", Organisation, draft.organisation_id, required=True
    )
    for key in _OPTIONAL_REFS:
        v[key] = c.ref(key, getattr(draft, key))
    v["kind"] = c.choice("kind", draft.kind, SignalKind)
    v["valence"] = c.choice("valence", draft.valence, Valence)
    v["observation"] = c.text("observation", draft.observation, limits.PARAGRAPH, required=True)
    v["entrance"] = c.code("entrance", draft.entrance, frameworks.codes(session, "entrance"))
    v["channel"] = c.code("channel", draft.channel, frameworks.codes(session, "channel"))
    v["status"] = c.code(
        "status", draft.status or SignalStatusCode.NEW, frameworks.codes(session, "signal_status")
    )
    v["quote_speaker_role"] = c.code(
        "quote_speaker_role",
        draft.quote_speaker_role,
        frameworks.codes(session, "person_role"),
    )
    v["source_type"] = c.choice("source_type", draft.source_type, SourceType, required=False)
    v["certainty"] = c.choice("certainty", draft.certainty, Certainty, required=False)
    v["possible_severity"] = c.choice("possible_severity", draft.possible_severity, Severity, required=False)
    v["public_sensitivity"] = c.choice(
        "public_sensitivity", draft.public_sensitivity, PublicSensitivity, required=False
    )
    v["report_use"] = c.choice("report_use", draft.report_use or ReportUse.INTERNAL, ReportUse)
    v["confidentiality"] = c.choice(
        "confidentiality", draft.confidentiality or Confidentiality.TEAM, Confidentiality
    )
    v["strength"] = c.integer("strength", draft.strength, 1, 3)
    for key, limit in (
        ("quote", limits.PARAGRAPH),
        ("interpretation", limits.PARAGRAPH),
        ("alternative_explanation", limits.LONG_TEXT),
        ("hook", limits.SHORT_TEXT),
        ("source_key", limits.NAME),
        ("observed_by", limits.NAME),
    ):
        v[key] = c.text(key, getattr(draft, key), limit)
    v["observed_at"] = c.moment("observed_at", draft.observed_at) or utc_now()
    v["review_by"] = c.date("review_by", draft.review_by)
    v["categories"] = c.codes("categories", draft.categories, frameworks.codes(session, "signal_category"))
    v["links"] = _check_links(session, c, draft.links)
    c.done()
    return v


def _check_links(session: Session, c: Checker, links: Any) -> list[tuple[str, SignalLinkType]]:
    """The earlier signals a new one links to (from the suggestions): live, each pair once."""
    out: dict[tuple[str, SignalLinkType], None] = {}
    if not isinstance(links, tuple | list) or len(links) > MAX_LINKS:
        c.add("links", "invalid_format")
        return []
    for n, pair in enumerate(links):
        field = f"links.{n}"
        if not isinstance(pair, tuple | list) or len(pair) != 2:
            c.add(field, "invalid_format")
            continue
        target = existing(session, c, field, Signal, pair[0], required=True)
        kind = c.choice(field, pair[1], SignalLinkType)
        if target and kind:
            out[(target, kind)] = None
    return list(out)


def capture_signal(session: Session, ctx: ActionContext, draft: SignalDraft) -> OpResult[SignalSnapshot]:
    v = check_signal(session, draft)
    # Who saw it counts on the board (independent observers): the one capturing it, unless named.
    v["observed_by"] = v["observed_by"] or ctx.actor[: limits.NAME] or None
    categories = v.pop("categories")
    links = v.pop("links")
    now = utc_now()
    signal = Signal(recorded_at=now, **v)
    session.add(signal)
    session.flush()
    for code in categories:
        session.add(SignalCategory(signal_id=signal.id, category_code=code))
    made = [
        SignalLink(from_signal_id=signal.id, to_signal_id=to, link_type=kind, created_by=ctx.actor)
        for to, kind in links
    ]
    session.add_all(made)
    if signal.interpretation:
        session.add(
            SignalInterpretation(
                signal_id=signal.id, text=signal.interpretation, author=ctx.actor, written_at=now
            )
        )
    audit.record(session, ctx, "signal.capture", "signal", signal.id)
    session.flush()
    for link in made:
        audit.record(session, ctx, "signal.link", "signal_link", link.id, link_type=link.link_type.value)
    changes = ChangeSet.of(signal=[signal.id, *(to for to, _ in links)], signal_link=[k.id for k in made])
    return OpResult(snapshot(session, signal), changes if made else ChangeSet.of(signal=[signal.id]))


def reinterpret(session: Session, ctx: ActionContext, signal_id: str, text: str) -> OpResult[SignalSnapshot]:
    """Change the interpretation; the old one stays in the history."""
    c = Checker()
    clean = c.text("interpretation", text, limits.PARAGRAPH, required=True)
    signal = session.get(Signal, signal_id)
    if signal is None:
        c.add("signal_id", "invalid_reference")
    c.done()
    assert signal is not None
    signal.interpretation = clean
    session.add(SignalInterpretation(signal_id=signal.id, text=clean, author=ctx.actor, written_at=utc_now()))
    audit.record(session, ctx, "signal.reinterpret", "signal", signal.id)
    session.flush()
    return OpResult(snapshot(session, signal), ChangeSet.of(signal=[signal.id]))


def snapshot(session: Session, s: Signal) -> SignalSnapshot:
    cats = tuple(
        session.scalars(
            select(SignalCategory.category_code)
            .where(SignalCategory.signal_id == s.id, SignalCategory.deleted_at.is_(None))
            .order_by(SignalCategory.category_code)
        )
    )
    return SignalSnapshot(
        s.id,
        s.organisation_id,
        s.kind.value,
        s.valence.value,
        s.observation,
        s.status,
        s.observed_at,
        cats,
    )


def related(
    session: Session, organisation_id: str, text: str = "", exclude_id: str | None = None, limit: int = 5
) -> list[SignalSnapshot]:
    """Earlier signals about the same organisation, those sharing words with ``text``
    first ("didn't we already think something was going on there?"). Signals that
    stayed soft are included on purpose."""
    from .search import fts_words

    base = select(Signal).where(Signal.organisation_id == organisation_id, Signal.deleted_at.is_(None))
    if exclude_id:
        base = base.where(Signal.id != exclude_id)
    picked: list[Signal] = []
    words = fts_words(text)
    if words:
        match = " OR ".join(f'"{w}"' for w in words[:12])
        ids = session.execute(
            text_sql(
                "SELECT r.ref_id FROM search_fts JOIN search_ref r ON r.seq = search_fts.rowid "
                "WHERE search_fts MATCH :q AND r.source = 'signal' ORDER BY rank LIMIT 50"
            ),
            {"q": match},
        ).scalars()
        wanted = list(ids)
        if wanted:
            rows = {s.id: s for s in session.scalars(base.where(Signal.id.in_(wanted)))}
            picked = [rows[i] for i in wanted if i in rows][:limit]
    if len(picked) < limit:
        recent = session.scalars(
            base.where(Signal.id.not_in([s.id for s in picked]))
            .order_by(Signal.observed_at.desc())
            .limit(limit)
        )
        picked += list(recent)[: limit - len(picked)]
    return [snapshot(session, s) for s in picked]


def form_options(session: Session) -> SignalFormOptions:
    """Everything the signal form offers, from the loaded frameworks (newest labels)."""

    orgs = organisation_options(session)
    return SignalFormOptions(
        orgs,
        frameworks.code_labels(session, "entrance"),
        frameworks.code_labels(session, "channel"),
        frameworks.code_labels(session, "signal_category"),
        frameworks.code_labels(session, "person_role"),
    )
