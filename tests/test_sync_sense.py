"""Sense-making records through a real office store (own process, on SQLite and on a real
PostgreSQL the tests start): a concern edited on two laptops merges field by field, status
changes travel with their history, the same matrix cell rated on two laptops is one record,
and a hostile push is refused."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from inspectorapp.domain.concern_drafts import ConcernDraft
from inspectorapp.domain.drafts import SignalDraft
from inspectorapp.domain.enums import ConcernRating, ConcernSignalRole, SignalKind, Valence
from inspectorapp.domain.framework_codes import ConcernStatusCode, SignalStatusCode
from inspectorapp.domain.sense_views import ConcernView
from inspectorapp.services import concern_views, concerns, signal_status, signals
from storage import models as m

from . import helpers
from .postgres import postgres_server, postgres_url
from .sync_harness import Laptop, ServerProcess, laptops, office_server, table_rows, team
from .test_adversary_push import Mallory, mutation, results

__all__ = ["office_server", "postgres_server", "postgres_url"]  # fixtures, found by pytest in this namespace



@pytest.fixture
def pair(server: ServerProcess, tmp_path: Path) -> Iterator[tuple[Laptop, Laptop]]:
    team(server, "Ziekenhuizen", "anna", "bram", "mallory")
    team(server, "Dementie", "carla")
    a, b = laptops(server, tmp_path, "anna", "bram")
    a.enrol("anna")
    b.enrol("bram")
    yield a, b
    a.close()
    b.close()


def _signal(laptop: Laptop, org: str, text: str, inspection_id: str | None = None) -> str:
    draft = SignalDraft(
        organisation_id=org,
        kind=SignalKind.SOFT,
        valence=Valence.NEGATIVE,
        observation=text,
        inspection_id=inspection_id,
        observed_at=datetime(2026, 3, 12, 9, tzinfo=UTC),
    )
    return str(laptop.db(lambda s: signals.capture_signal(s, laptop.ctx, draft).value.id))


def _concern_with_signal(a: Laptop) -> tuple[str, str, str]:
    org = a.db(lambda s: helpers.organisation(s, a.ctx, "Ziekenhuis Oost"))
    sid = _signal(a, org, "Bellen worden 's nachts minutenlang niet beantwoord.")
    draft = ConcernDraft(organisation_id=org, title="Nachtbezetting 3 Oost")
    cid = a.db(lambda s: concerns.save_concern(s, a.ctx, draft).value)
    a.db(lambda s: concerns.attach_signal(s, a.ctx, cid, sid, ConcernSignalRole.SUPPORTING))
    return org, cid, sid


def _view(laptop: Laptop, cid: str) -> ConcernView:
    with laptop.store.session() as s:
        return concern_views.concern_view(s, cid)


def test_a_concern_edited_on_two_laptops_merges_field_by_field(pair: tuple[Laptop, Laptop]) -> None:
    a, b = pair
    org, cid, sid = _concern_with_signal(a)
    a.sync()
    b.sync()
    base = ConcernDraft(organisation_id=org, title="Nachtbezetting 3 Oost")
    a.db(lambda s: concerns.save_concern(s, a.ctx, replace(base, alternatives="Griepgolf"), cid))
    step = replace(base, next_step="Roosters opvragen", next_step_due=date(2027, 1, 8))
    b.db(lambda s: concerns.save_concern(s, b.ctx, step, cid))
    # the same matrix cell rated on both laptops: one record (its id is derived), the later value wins
    h0 = _view(a, cid).hypotheses[0].id
    assert _view(b, cid).hypotheses[0].id == h0
    a.db(lambda s: concerns.rate(s, a.ctx, h0, sid, ConcernRating.CONSISTENT))
    b.db(lambda s: concerns.rate(s, b.ctx, h0, sid, ConcernRating.NEUTRAL))
    a.sync()
    b.sync()
    a.sync()
    for laptop in (a, b):
        view = _view(laptop, cid)
        assert (view.alternatives, view.next_step, view.next_step_due) == (
            "Griepgolf",
            "Roosters opvragen",
            date(2027, 1, 8),
        ), laptop.name
        assert view.matrix[0].cells[0] is ConcernRating.NEUTRAL
    assert table_rows(a, m.EvidenceRating) == table_rows(b, m.EvidenceRating)
    assert len(table_rows(a, m.EvidenceRating)) == 1
    assert table_rows(a, m.Concern) == table_rows(b, m.Concern)


def test_a_status_change_shows_with_its_history_on_the_other_laptop(pair: tuple[Laptop, Laptop]) -> None:
    a, b = pair
    _org, cid, sid = _concern_with_signal(a)
    a.db(
        lambda s: signal_status.change_signal_status(
            s, a.ctx, sid, SignalStatusCode.STAYS_SOFT, "Eén bron", date(2027, 2, 1)
        )
    )
    a.db(lambda s: concerns.change_concern_status(s, a.ctx, cid, ConcernStatusCode.CLOSED, "Geen actie"))
    a.sync()
    b.sync()
    with b.store.session() as s:
        row = s.get(m.Signal, sid)
        assert row is not None and (row.status, row.review_by) == (
            SignalStatusCode.STAYS_SOFT,
            date(2027, 2, 1),
        )
        history = signal_status.signal_status_history(s, sid)
    assert [(h.from_status, h.to_status, h.rationale, h.changed_by) for h in history] == [
        (SignalStatusCode.NEW, SignalStatusCode.STAYS_SOFT, "Eén bron", "anna")
    ]
    view = _view(b, cid)
    assert (view.status, view.closing_rationale) == (ConcernStatusCode.CLOSED, "Geen actie")
    assert [(h.to_status, h.rationale) for h in view.history] == [(ConcernStatusCode.CLOSED, "Geen actie")]


def test_hostile_pushes_of_sense_making_records_are_refused(
    pair: tuple[Laptop, Laptop], server: ServerProcess, tmp_path: Path
) -> None:
    a, _b = pair
    org, cid, sid = _concern_with_signal(a)
    _org, conv = a.db(lambda s: helpers.conversation(s, a.ctx))
    inspection = a.db(
        lambda s: s.scalars(select(m.Conversation.visit_id).where(m.Conversation.id == conv)).one()
    )
    inspection = a.db(lambda s: s.get(m.Visit, inspection).inspection_id)
    private = _signal(a, org, "Signaal van een inspectie van team Ziekenhuizen.", inspection)
    a.sync()
    h0 = _view(a, cid).hypotheses[0].id
    mallory = Mallory(server.base)  # team Ziekenhuizen: may write, but not an unknown rating
    bad = {"hypothesis_id": h0, "signal_id": sid, "rating": "zeker"}
    (res,) = results(mallory.push([mutation("concern_rating", str(uuid.uuid4()), bad)]))
    assert (res["status"], res["reason"]) == ("rejected", "invalid_value:rating:invalid_choice")
    carla = Mallory(server.base, "carla")  # team Dementie cannot see that inspection
    change = {
        "signal_id": private,
        "from_status": "NIEUW",
        "to_status": "AFGESLOTEN",
        "rationale": "Weg ermee",
        "changed_at": "2026-03-12T09:00:00.000Z",
        "created_at": "2026-03-12T09:00:00.000Z",
        "updated_at": "2026-03-12T09:00:00.000Z",
    }
    (res,) = results(carla.push([mutation("signal_status_change", str(uuid.uuid4()), change)]))
    assert (res["status"], res["reason"]) == ("rejected", "forbidden")
    (res,) = results(mallory.push([mutation("signal_status_change", str(uuid.uuid4()), change)]))
    assert res["status"] == "applied"  # the same record from the inspection's own team lands
