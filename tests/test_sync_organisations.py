"""An organisation made on one laptop, with a unit, a life event and a network membership,
reaches a teammate's laptop through the real office store over real HTTP (the office on
SQLite and on a real PostgreSQL the tests start)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from inspectorapp.domain.drafts import OrganisationDraft
from inspectorapp.domain.enums import NetworkFocus, NetworkLayer, UnitType
from inspectorapp.domain.org_drafts import LifeEventDraft, MembershipDraft, NetworkDraft, UnitDraft
from inspectorapp.domain.subject_ref import SubjectRef
from inspectorapp.services import networks, organisations
from storage import models as m

from .postgres import postgres_server, postgres_url
from .sync_harness import Laptop, ServerProcess, laptops, office_url, table_rows, team

__all__ = ["postgres_server", "postgres_url"]  # fixtures, found by pytest in this namespace


@pytest.fixture(params=["sqlite", "postgresql"])
def pair(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Laptop, Laptop]]:
    server = ServerProcess(office_url(request, tmp_path), tmp_path / "server.log")
    server.start()
    team(server, "Ziekenhuizen", "anna", "bram")
    a, b = laptops(server, tmp_path, "anna", "bram")
    a.enrol("anna")
    b.enrol("bram")
    yield a, b
    a.close()
    b.close()
    server.kill()


def _make(s, ctx) -> str:  # type: ignore[no-untyped-def]
    org = organisations.create_organisation(
        s, ctx, OrganisationDraft(name="Ziekenhuis Noordkust", sector="MSZ", region="Regio Noord")
    ).value.id
    organisations.create_unit(s, ctx, org, UnitDraft("Spoedeisende hulp", UnitType.WARD))
    organisations.create_life_event(
        s,
        ctx,
        LifeEventDraft(SubjectRef.organisation(org), "BESTUURSWISSEL", date(2026, 9, 1), "Nieuwe bestuurder"),
    )
    net = networks.create_network(s, ctx, NetworkDraft("Acute zorg Noord", NetworkFocus.AREA)).value.id
    networks.add_member(s, ctx, MembershipDraft(net, org, NetworkLayer.INNER, ("KERNSPELER",)))
    return org


def test_an_organisation_with_unit_life_event_and_network_reaches_the_other_laptop(
    pair: tuple[Laptop, Laptop],
) -> None:
    a, b = pair
    org = a.db(lambda s: _make(s, a.ctx))
    assert a.sync().pushed >= 5
    b.sync()
    for model in (m.Organisation, m.Unit, m.LifeEvent, m.Network, m.NetworkMembership):
        assert table_rows(b, model) == table_rows(a, model), model.__tablename__
    detail = b.db(lambda s: organisations.organisation_detail(s, org))
    assert [u.name for u in detail.units] == ["Spoedeisende hulp"]
    assert [e.event_type.code for e in detail.life_events] == ["BESTUURSWISSEL"]
    assert [(n.other_name, n.layer) for n in detail.networks] == [("Acute zorg Noord", NetworkLayer.INNER)]
