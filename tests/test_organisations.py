"""Organisations, units, life events, networks and members through the real services on a
real store; the directory's counts on the demo data."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from inspectorapp.domain.drafts import OrganisationDraft
from inspectorapp.domain.enums import NetworkFocus, NetworkLayer, SignalKind, UnitType, Valence
from inspectorapp.domain.framework_codes import SignalStatusCode
from inspectorapp.domain.org_drafts import LifeEventDraft, MembershipDraft, NetworkDraft, UnitDraft
from inspectorapp.domain.subject_ref import SubjectRef, SubjectRefKind
from inspectorapp.errors import NotFoundError, ValidationError
from inspectorapp.services import demo, directory, networks, organisations
from storage import models as m
from storage.engine import Store

TODAY = date(2026, 12, 6)


def _problems(exc: pytest.ExceptionInfo[ValidationError]) -> set[tuple[str, str]]:
    return {(i.field, i.problem) for i in exc.value.issues}


def test_organisation_edit_and_refusals(store: Store, ctx) -> None:
    with store.session() as s:
        org = organisations.create_organisation(
            s, ctx, OrganisationDraft(name="Zorggroep Reüma", sector="VV", region="Regio Noord")
        ).value
        organisations.update_organisation(
            s, ctx, org.id, OrganisationDraft(name="Zorggroep Reüma Oost", org_type="VVT", sector="VV")
        )
        with pytest.raises(ValidationError) as refused:
            organisations.update_organisation(
                s, ctx, org.id, OrganisationDraft(name=" ", sector="GEEN_SECTOR")
            )
        assert _problems(refused) == {("name", "required"), ("sector", "unknown_code")}
        s.commit()
    with store.session() as s:
        detail = organisations.organisation_detail(s, org.id)
        assert (detail.name, detail.org_type and detail.org_type.code, detail.region) == (
            "Zorggroep Reüma Oost",
            "VVT",
            None,
        )
        actions = set(s.scalars(select(m.AuditLog.action).where(m.AuditLog.entity_id == org.id)))
        assert {"organisation.create", "organisation.update"} <= actions


def test_units_and_life_events(store: Store, ctx) -> None:
    with store.session() as s:
        org = organisations.create_organisation(s, ctx, OrganisationDraft(name="Ziekenhuis Test")).value.id
        unit = organisations.create_unit(s, ctx, org, UnitDraft("Afdeling 4 West", UnitType.WARD)).value
        organisations.update_unit(s, ctx, unit.id, UnitDraft("Afdeling 4 Oost", UnitType.WARD))
        with pytest.raises(ValidationError) as refused:
            organisations.create_unit(s, ctx, org, UnitDraft(None, "kelder"))  # type: ignore[arg-type]
        assert _problems(refused) == {("name", "required"), ("unit_type", "invalid_choice")}
        subject = SubjectRef.organisation(org)
        event = organisations.create_life_event(
            s, ctx, LifeEventDraft(subject, "FUSIE", date(2026, 3, 1), "Fusie aangekondigd", "Persbericht")
        ).value
        with pytest.raises(ValidationError) as refused:
            organisations.create_life_event(s, ctx, LifeEventDraft(subject, "VERZONNEN", None, ""))
        assert _problems(refused) == {
            ("event_type", "unknown_code"),
            ("occurred_on", "required"),
            ("description", "required"),
        }
        organisations.delete_unit(s, ctx, unit.id)
        s.commit()
    with store.session() as s:
        detail = organisations.organisation_detail(s, org)
        assert detail.units == ()
        assert [(e.id, e.event_type.code, e.source) for e in detail.life_events] == [
            (event, "FUSIE", "Persbericht")
        ]
        with pytest.raises(NotFoundError):
            organisations.update_unit(s, ctx, unit.id, UnitDraft("Weg", UnitType.WARD))


def test_network_with_members(store: Store, ctx) -> None:
    with store.session() as s:
        a = organisations.create_organisation(s, ctx, OrganisationDraft(name="Thuiszorg Een")).value.id
        b = organisations.create_organisation(s, ctx, OrganisationDraft(name="Huisartsen Twee")).value.id
        with pytest.raises(ValidationError) as refused:
            networks.create_network(s, ctx, NetworkDraft("Netwerk", "overal", financing_domains=("GEEN",)))  # type: ignore[arg-type]
        assert _problems(refused) == {("focus", "invalid_choice"), ("financing_domains", "unknown_code")}
        net = networks.create_network(
            s,
            ctx,
            NetworkDraft("Netwerk Dementie Noord", NetworkFocus.CONDITION, "Noord", None, ("WMO", "ZVW")),
        ).value.id
        networks.add_member(s, ctx, MembershipDraft(net, a, NetworkLayer.INNER, ("KERNSPELER",)))
        member_b = networks.add_member(s, ctx, MembershipDraft(net, b, NetworkLayer.OUTER, ())).value
        with pytest.raises(ValidationError) as refused:
            networks.add_member(s, ctx, MembershipDraft(net, a, NetworkLayer.OUTER, ("ONBEKEND",)))
        assert _problems(refused) == {("roles", "unknown_code"), ("organisation_id", "duplicate")}
        with pytest.raises(ValidationError) as refused:
            networks.update_member(
                s,
                ctx,
                member_b,
                MembershipDraft(
                    layer=NetworkLayer.OUTER, joined_on=date(2026, 5, 1), left_on=date(2026, 1, 1)
                ),
            )
        assert _problems(refused) == {("left_on", "before_start")}
        networks.update_member(
            s, ctx, member_b, MembershipDraft(layer=NetworkLayer.INNER, roles=("FINANCIER",))
        )
        s.commit()
    with store.session() as s:
        detail = networks.network_detail(s, net)
        assert [(x.other_name, x.layer, [r.code for r in x.roles]) for x in detail.members] == [
            ("Huisartsen Twee", NetworkLayer.INNER, ["FINANCIER"]),
            ("Thuiszorg Een", NetworkLayer.INNER, ["KERNSPELER"]),
        ]
        assert [d.code for d in detail.financing_domains] == ["WMO", "ZVW"]
        assert [x.other_name for x in organisations.organisation_detail(s, a).networks] == [
            "Netwerk Dementie Noord"
        ]


def test_delete_refused_while_signals_refer(store: Store, ctx) -> None:
    with store.session() as s:
        demo.load_demo(s, ctx)
        s.commit()
    with store.session() as s:
        zha = next(r for r in directory.directory(s, "Ziekenhuis A", today=TODAY)).subject.id
        with pytest.raises(ValidationError) as refused:
            organisations.delete_organisation(s, ctx, zha)
        assert _problems(refused) == {("organisation_id", "in_use")}
        lone = organisations.create_organisation(s, ctx, OrganisationDraft(name="Tijdelijk")).value.id
        organisations.create_unit(s, ctx, lone, UnitDraft("Team", UnitType.TEAM))
        changes = organisations.delete_organisation(s, ctx, lone).changes
        assert changes.touches("unit") and changes.touches("organisation")
        s.commit()
        assert [r.name for r in directory.directory(s, "tijdelijk", today=TODAY)] == []


def _live_signals(s, org_ids: set[str], kind: SignalKind, valence: Valence) -> int:
    return s.scalar(
        select(func.count()).where(
            m.Signal.organisation_id.in_(org_ids),
            m.Signal.kind == kind,
            m.Signal.valence == valence,
            m.Signal.deleted_at.is_(None),
        )
    )


def test_directory_counts_on_the_demo(store: Store, ctx) -> None:
    with store.session() as s:
        demo.load_demo(s, ctx)
        s.commit()
    with store.session() as s:
        rows = directory.directory(s, today=TODAY)
        assert {r.subject.kind for r in rows} == {SubjectRefKind.ORGANISATION, SubjectRefKind.NETWORK}
        # searchable by name and region, without case or accents
        assert [r.name for r in directory.directory(s, "ZIEKENHUIS rijnvliet", today=TODAY)] == [
            "Ziekenhuis A",
            "Ziekenhuis C",
        ]
        assert "Huisartsencoöperatie Lindeveen" in [
            r.name for r in directory.directory(s, "cooperatie", today=TODAY)
        ]
        zha = next(r for r in rows if r.name == "Ziekenhuis A")
        ids = {zha.subject.id}
        assert zha.hard.negative == _live_signals(s, ids, SignalKind.HARD, Valence.NEGATIVE)
        assert zha.soft.negative == _live_signals(s, ids, SignalKind.SOFT, Valence.NEGATIVE)
        assert zha.soft.total > 0
        concerns = s.scalar(
            select(func.count()).where(
                m.Concern.organisation_id == zha.subject.id,
                m.Concern.closed_on.is_(None),
                m.Concern.deleted_at.is_(None),
            )
        )
        assert zha.open_concerns == concerns > 0

        # a network counts its members' signals (each once) besides its own
        net = next(r for r in rows if r.name == "Dementienetwerk Lindeveen")
        members = set(
            s.scalars(
                select(m.NetworkMembership.organisation_id).where(
                    m.NetworkMembership.network_id == net.subject.id, m.NetworkMembership.deleted_at.is_(None)
                )
            )
        )
        own = s.scalar(
            select(func.count()).where(
                m.Signal.network_id == net.subject.id,
                m.Signal.organisation_id.not_in(members),
                m.Signal.deleted_at.is_(None),
            )
        )
        of_members = s.scalar(
            select(func.count()).where(m.Signal.organisation_id.in_(members), m.Signal.deleted_at.is_(None))
        )
        assert net.hard.total + net.soft.total == own + of_members
        member_rows = [r for r in rows if r.subject.id in members]
        assert net.soft.total >= sum(r.soft.total for r in member_rows) > 0


def test_items_due(store: Store, ctx) -> None:
    with store.session() as s:
        demo.load_demo(s, ctx)
        s.commit()
    with store.session() as s:
        zha = next(r for r in directory.directory(s, "Ziekenhuis A", today=TODAY))
        signal = s.scalars(
            select(m.Signal).where(m.Signal.organisation_id == zha.subject.id, m.Signal.review_by.is_(None))
        ).first()
        assert signal is not None
        signal.review_by = date(2026, 12, 1)
        s.flush()
        after = next(r for r in directory.directory(s, "Ziekenhuis A", today=TODAY))
        assert after.items_due == zha.items_due + 1
        signal.status = SignalStatusCode.CLOSED  # a closed signal is not due
        s.flush()
        assert next(r for r in directory.directory(s, "Ziekenhuis A", today=TODAY)).items_due == zha.items_due
