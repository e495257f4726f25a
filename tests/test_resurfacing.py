"""Resurfacing on the demo: a year-old signal that stayed soft comes back in "Wat weten we al"
and first among the suggestions for a new related signal; dismissals are remembered; links
chosen from the suggestions are made with the signal, in one transaction."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from inspectorapp.domain.drafts import InspectionDraft, SignalDraft, SubjectDraft
from inspectorapp.domain.enums import (
    InspectionType,
    InspectorateRole,
    NetworkFocus,
    NetworkLayer,
    SignalKind,
    SignalLinkType,
    Valence,
)
from inspectorapp.domain.framework_codes import SignalStatusCode
from inspectorapp.domain.resurfacing import ENTRANCE_SOURCES, SuggestionQuery, SuggestionReason
from inspectorapp.domain.snapshots import ActionContext
from inspectorapp.errors import ValidationError
from inspectorapp.services import demo, inspections, resurfacing, signals, visits
from storage import models as m
from storage.engine import Store

from . import helpers

SOFT_TEXT = "kritiek op de leidinggevende"  # demo a_s12: 3 Oost, stayed soft since February 2025
TODAY = date(2026, 12, 6)


@pytest.fixture
def demo_store(store: Store, ctx: ActionContext) -> Store:
    with store.transaction() as s:
        demo.load_demo(s, ctx)
    return store


def _zha(s: Session) -> tuple[str, str]:
    org = s.scalar(select(m.Organisation.id).where(m.Organisation.name == "Ziekenhuis A"))
    unit = s.scalar(select(m.Unit.id).where(m.Unit.organisation_id == org, m.Unit.name.like("%3 Oost%")))
    assert org and unit
    return org, unit


def _soft_signal(s: Session) -> m.Signal:
    found = s.scalar(select(m.Signal).where(m.Signal.observation.contains(SOFT_TEXT)))
    assert found is not None
    return found


def _fresh(s: Session, ctx: ActionContext, org: str, unit: str | None, n: int, cats: tuple[str, ...]) -> None:
    """``n`` recent signals that did not stay soft, newer than everything in the demo."""
    for i in range(n):
        draft = SignalDraft(
            org,
            SignalKind.HARD,
            Valence.NEGATIVE,
            f"Nieuwe waarneming {i} over de dienstroosters",
            unit_id=unit,
            categories=cats,
            observed_at=datetime(2026, 12, 1, 9, i, tzinfo=UTC),
        )
        signals.capture_signal(s, ctx, draft)


def test_the_demo_has_a_year_old_signal_that_stayed_soft(demo_store: Store) -> None:
    with demo_store.session() as s:
        sig = _soft_signal(s)
        assert sig.status == SignalStatusCode.STAYS_SOFT
        assert TODAY - sig.observed_at.date() > timedelta(days=365)


def test_what_we_know_always_holds_what_stayed_soft_open_concerns_and_life_events(
    demo_store: Store, ctx: ActionContext
) -> None:
    with demo_store.transaction() as s:
        org, unit = _zha(s)
        _fresh(s, ctx, org, unit, 15, ())  # more than the 12 recent ones: age must not push it out
        insp = inspections.create_inspection(
            s,
            ctx,
            InspectionDraft(
                title="Vervolgbezoek Ziekenhuis A",
                inspection_type=InspectionType.RISK,
                declared_role=InspectorateRole.COMPLIANCE,
                subjects=(SubjectDraft(organisation_id=org),),
            ),
        ).value
    with demo_store.session() as s:
        d = visits.inspection_detail(s, insp.id)
        soft = _soft_signal(s)
    assert soft.id in {c.id for c in d.stays_soft}
    assert all(c.status == SignalStatusCode.STAYS_SOFT for c in d.stays_soft)
    assert soft.id not in {c.id for c in d.earlier_signals}  # shown once, in its own group
    assert len(d.earlier_signals) == visits.RECENT_SIGNALS
    assert all("Nieuwe waarneming" in c.observation for c in d.earlier_signals)  # the newest
    assert "Mogelijk onveilig meldklimaat op 3 Oost" in d.concern_titles  # stays soft: open
    assert "Bestuur onvoldoende in control" not in d.concern_titles  # closed
    kinds = [e.event_type for e in d.life_events]
    assert {"FUSIE", "BESTUURSWISSEL", "CALAMITEIT"} <= set(kinds)
    assert [e.occurred_on for e in d.life_events] == sorted(
        (e.occurred_on for e in d.life_events), reverse=True
    )
    assert next(e for e in d.life_events if e.event_type == "FUSIE").label_nl == "Fusie"


def test_the_soft_signal_is_suggested_first_for_a_new_related_signal(demo_store: Store, ctx) -> None:
    with demo_store.transaction() as s:
        org, unit = _zha(s)
        # Newer signals in the same unit and category that did not stay soft come after it.
        _fresh(s, ctx, org, unit, 10, ("CUL.SPEAKUP",))
    with demo_store.session() as s:
        soft = _soft_signal(s)
        query = SuggestionQuery(
            org, unit, ("CUL.SPEAKUP",), "Verpleegkundigen durven geen kritiek te geven", today=TODAY
        )
        found = resurfacing.suggestions(s, query)
    assert found[0].signal_id == soft.id
    first = found[0]
    assert {
        SuggestionReason.STAYS_SOFT,
        SuggestionReason.SAME_UNIT,
        SuggestionReason.SAME_CATEGORY,
    } <= set(first.reasons)
    assert first.shared_categories == ("CUL.SPEAKUP",)
    assert len(found) == query.limit
    assert all(s.reasons for s in found)  # every suggestion says why


def test_age_never_drops_what_stayed_soft_but_drops_the_rest(demo_store: Store) -> None:
    with demo_store.session() as s:
        org, _unit = _zha(s)
        soft = _soft_signal(s)
        later = resurfacing.suggestions(s, SuggestionQuery(org, limit=50, today=date(2031, 1, 1)))
    assert soft.id in {x.signal_id for x in later}
    assert all(x.pinned for x in later)  # five years on only the memory is left


def test_a_dismissed_suggestion_does_not_come_back_for_that_inspector(demo_store: Store, ctx) -> None:
    with demo_store.session() as s:
        org, unit = _zha(s)
        soft = _soft_signal(s).id
    query = SuggestionQuery(org, unit, ("CUL.SPEAKUP",), viewer=ctx.actor, today=TODAY)
    with demo_store.transaction() as s:
        assert soft in {x.signal_id for x in resurfacing.suggestions(s, query)}
        result = resurfacing.dismiss_suggestion(s, ctx, org, soft)
        assert result.changes.touches("suggestion_dismissal")
        resurfacing.dismiss_suggestion(s, ctx, org, soft)  # twice is fine
    with demo_store.session() as s:
        assert soft not in {x.signal_id for x in resurfacing.suggestions(s, query)}
        colleague = replace(query, viewer="Collega Bakker")
        assert soft in {x.signal_id for x in resurfacing.suggestions(s, colleague)}
        assert s.scalar(select(func.count()).select_from(m.SuggestionDismissal)) == 1
    with pytest.raises(ValidationError), demo_store.transaction() as s:
        resurfacing.dismiss_suggestion(s, ctx, org, "01a00000-0000-7000-8000-000000000000")


def test_links_from_the_suggestions_are_made_with_the_signal(demo_store: Store, ctx) -> None:
    with demo_store.session() as s:
        org, unit = _zha(s)
        soft = _soft_signal(s).id
    draft = SignalDraft(
        org,
        SignalKind.SOFT,
        Valence.NEGATIVE,
        "Weer een verpleegkundige die niets durft te zeggen",
        unit_id=unit,
        links=((soft, SignalLinkType.RELATED), (soft, SignalLinkType.CORROBORATES)),
    )
    with demo_store.transaction() as s:
        before = s.scalar(select(func.count()).select_from(m.SignalLink))
        result = signals.capture_signal(s, ctx, draft)
    new = result.value.id
    assert result.changes.touches("signal_link") and soft in result.changes.entities["signal"]
    with demo_store.session() as s:
        made = s.execute(
            select(m.SignalLink.to_signal_id, m.SignalLink.link_type).where(
                m.SignalLink.from_signal_id == new
            )
        ).all()
        assert sorted(made) == sorted([(soft, SignalLinkType.RELATED), (soft, SignalLinkType.CORROBORATES)])
        assert s.scalar(select(func.count()).select_from(m.SignalLink)) == before + 2
    # A link to a signal that does not exist refuses the whole capture: no signal without it.
    bad = replace(
        draft, links=((soft, SignalLinkType.RELATED), ("01a00000-0000-7000-8000-000000000000", "x"))
    )
    with pytest.raises(ValidationError) as err, demo_store.transaction() as s:
        signals.capture_signal(s, ctx, bad)
    assert {i.field for i in err.value.issues} == {"links.1"}
    with demo_store.session() as s:
        assert s.scalar(select(func.count()).where(m.Signal.observation == draft.observation)) == 1


def test_network_partners_are_suggested_only_with_something_in_common(store: Store, ctx) -> None:
    with store.transaction() as s:
        own = helpers.organisation(s, ctx, "Ziekenhuis Eigen")
        partner = helpers.organisation(s, ctx, "Hospice Partner")
        stranger = helpers.organisation(s, ctx, "Ziekenhuis Elders")
        net = m.Network(name="Netwerk palliatief", focus=NetworkFocus.CONDITION)
        s.add(net)
        s.flush()
        for org in (own, partner):
            s.add(m.NetworkMembership(network_id=net.id, organisation_id=org, layer=NetworkLayer.INNER))
        at = datetime(2026, 11, 1, tzinfo=UTC)
        for org, text, cats in (
            (partner, "Consultteam 's nachts niet bereikbaar", ("PER.BEZETTING",)),
            (partner, "Nieuwe website gelanceerd", ()),
            (stranger, "Consultteam 's nachts niet bereikbaar", ("PER.BEZETTING",)),
        ):
            draft = SignalDraft(org, SignalKind.SOFT, Valence.NEGATIVE, text, categories=cats, observed_at=at)
            signals.capture_signal(s, ctx, draft)
    with store.session() as s:
        found = resurfacing.suggestions(s, SuggestionQuery(own, categories=("PER.BEZETTING",), today=TODAY))
    assert [(x.organisation, x.observation) for x in found] == [
        ("Hospice Partner", "Consultteam 's nachts niet bereikbaar")
    ]
    assert set(found[0].reasons) == {SuggestionReason.SAME_CATEGORY, SuggestionReason.NETWORK_PARTNER}


def test_every_entrance_with_a_source_suggestion_is_a_framework_code() -> None:
    root = Path(__file__).resolve().parents[1] / "resources" / "frameworks"
    for path in root.glob("igj-starter-*.json"):
        items = json.loads(path.read_text(encoding="utf-8"))["taxonomies"]["entrance"]["items"]
        assert set(ENTRANCE_SOURCES) <= {i["code"] for i in items}, path.name
    lmz = ENTRANCE_SOURCES["LMZ_KLACHT"]
    assert lmz.source_type == "melder" and lmz.example(2026) == "LMZ-2026-…"
    assert ENTRANCE_SOURCES["CALAMITEITENRAPPORTAGE"].source_type == "document"
    assert ENTRANCE_SOURCES["BEZOEK_ONAANGEKONDIGD"].source_type == "eigen_waarneming"
