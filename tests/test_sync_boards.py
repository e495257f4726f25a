"""Two laptops, one organisation, the real office store (own process, on SQLite and on a real
PostgreSQL the tests start) over real HTTP: what both inspectors captured shows on both
laptops' signal boards (the function the board widget calls), with two observers and the
independent sources counted as the issue's story has them: the complaint-desk case that
reached both inspectors by different entrances is one source, the same newspaper article
captured twice becomes one once a ``dubbel_van`` link made on one laptop arrives, and a
contradicting signal from the other laptop is counted apart. A network's board shows both
laptops' signals marked by member, and a concern fed from both laptops converges."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session

from inspectorapp.domain.board_views import BoardFilter, BoardView
from inspectorapp.domain.concern_drafts import ConcernDraft
from inspectorapp.domain.corroboration import Corroboration
from inspectorapp.domain.drafts import OrganisationDraft, SignalDraft
from inspectorapp.domain.enums import (
    ConcernSignalRole,
    NetworkFocus,
    NetworkLayer,
    SignalKind,
    SignalLinkType,
    SourceType,
    Valence,
)
from inspectorapp.domain.org_drafts import MembershipDraft, NetworkDraft
from inspectorapp.domain.sense_views import ConcernView
from inspectorapp.domain.subject_ref import SubjectRef
from inspectorapp.services import (
    concern_views,
    concerns,
    directory,
    networks,
    organisations,
    signal_board,
    signal_links,
    signals,
)
from storage import models as m

from .postgres import postgres_server, postgres_url
from .sync_harness import Laptop, ServerProcess, enrolled, office_server, table_rows

__all__ = ["office_server", "postgres_server", "postgres_url"]  # fixtures, found by pytest in this namespace

CASE = "LMZ-2026-08812"  # the complaint-desk case number of the demo story



@pytest.fixture
def pair(server: ServerProcess, tmp_path: Path) -> Iterator[tuple[Laptop, Laptop]]:
    with enrolled(server, tmp_path, "Ziekenhuizen", "anna", "bram") as (a, b):
        yield a, b


def _at(day: int, hour: int = 9) -> datetime:
    return datetime(2026, 9, day, hour, tzinfo=UTC)


def _capture(laptop: Laptop, draft: SignalDraft) -> str:
    return str(laptop.db(lambda s: signals.capture_signal(s, laptop.ctx, draft).value.id))


def _draft(org: str, text: str, day: int, entrance: str, **more: Any) -> SignalDraft:
    """A soft negative signal observed on ``day`` of September 2026, unless ``more`` says otherwise."""
    return replace(
        SignalDraft(
            organisation_id=org,
            kind=SignalKind.SOFT,
            valence=Valence.NEGATIVE,
            observation=text,
            entrance=entrance,
            observed_at=_at(day),
        ),
        **more,
    )


def _link(laptop: Laptop, from_id: str, to_id: str, kind: SignalLinkType, note: str) -> None:
    laptop.db(lambda s: signal_links.link_signals(s, laptop.ctx, from_id, to_id, kind, note))


def _attach(laptop: Laptop, concern_id: str, signal_id: str, role: ConcernSignalRole) -> None:
    laptop.db(lambda s: concerns.attach_signal(s, laptop.ctx, concern_id, signal_id, role))


def _board(laptop: Laptop, subject: SubjectRef, filters: BoardFilter | None = None) -> BoardView:
    with laptop.store.session() as s:
        return signal_board.board(s, subject, filters)


def _organisation(laptop: Laptop, name: str) -> str:
    draft = OrganisationDraft(name=name, sector="MSZ", region="Regio Zuidwaard")
    return str(laptop.db(lambda s: organisations.create_organisation(s, laptop.ctx, draft).value.id))


def _both_sync(a: Laptop, b: Laptop) -> None:
    """Anna, Bram, Anna: each laptop has pushed and pulled everything."""
    a.sync()
    b.sync()
    a.sync()


def _shared_organisation(a: Laptop, b: Laptop) -> str:
    """Made on Anna's laptop and synced to Bram's before either captures anything."""
    org = _organisation(a, "Ziekenhuis A")
    a.sync()
    b.sync()
    return org


def test_both_boards_show_both_laptops_signals_with_two_observers(pair: tuple[Laptop, Laptop]) -> None:
    a, b = pair
    org = _shared_organisation(a, b)
    subject = SubjectRef.organisation(org)
    # Offline, each on their own laptop. The complaint reached Anna from the complaint desk and
    # Bram forwarded by a colleague: two entrances, one case number, so one source.
    complaint = _capture(
        a,
        _draft(
            org,
            "Klacht van een naaste: 's nachts wist niemand wie bij een ontstoken infuus te bellen.",
            8,
            "LMZ_KLACHT",
            source_type=SourceType.REPORTER,
            source_key=CASE,
        ),
    )
    visit = _capture(
        a,
        _draft(org, "Nachtdienst 3 Oost: twee verpleegkundigen voor 32 bedden.", 10, "BEZOEK_ONAANGEKONDIGD"),
    )
    forwarded = _capture(
        b,
        _draft(
            org,
            "Doorgestuurd door een collega: dezelfde klacht over het infuus en de bereikbaarheid 's nachts.",
            15,
            "COLLEGA",
            source_type=SourceType.COLLEAGUE,
            source_key=CASE,
        ),
    )
    calamity = _capture(
        b,
        _draft(
            org,
            "Calamiteitenrapportage: een gemiste verslechtering in de nacht.",
            20,
            "CALAMITEITENRAPPORTAGE",
            kind=SignalKind.HARD,
            source_type=SourceType.DOCUMENT,
            source_key="CAL-2026-0142",
        ),
    )
    before = _board(a, subject)  # Anna sees only her own until the sync
    assert [c.id for c in before.cards] == [complaint, visit]
    assert (before.corroboration.sources, before.corroboration.observers) == (2, 1)

    _both_sync(a, b)
    expected = Corroboration(
        signals=4, sources=3, entrances=4, observers=2, first=_at(8), last=_at(20)
    )  # the case number once, the visit and the calamity report each once
    boards = {laptop.name: _board(laptop, subject) for laptop in (a, b)}
    for name, board in boards.items():
        assert [c.id for c in board.cards] == [complaint, visit, forwarded, calamity], name
        assert [c.observed_by for c in board.cards] == ["anna", "anna", "bram", "bram"], name
        assert board.options.observers == ("anna", "bram"), name
        assert (board.total, board.corroboration, board.contradicting.signals) == (4, expected, 0), name
    assert boards["anna"].cards == boards["bram"].cards  # the same cards, field for field
    # Filtered to Bram's signals on Anna's laptop: his two, from two sources, one observer.
    mine = _board(a, subject, BoardFilter(observers=frozenset({"bram"})))
    assert [c.id for c in mine.cards] == [forwarded, calamity]
    assert (mine.corroboration.sources, mine.corroboration.observers) == (2, 1)
    # The organisation list counts the same on both laptops.
    for laptop in (a, b):
        with laptop.store.session() as s:
            (row,) = directory.directory(s, "Ziekenhuis A", today=_at(30).date())
        assert (row.soft.negative, row.hard.negative, row.soft.positive) == (3, 1, 0), laptop.name


def test_a_duplicate_and_a_contradiction_made_on_different_laptops_count_on_both(
    pair: tuple[Laptop, Laptop],
) -> None:
    a, b = pair
    org = _shared_organisation(a, b)
    subject = SubjectRef.organisation(org)
    article = "Regionale krant: wachtende patiënten op de gang van de spoedeisende hulp."
    # Both read the same newspaper article and captured it, without a key: two sources for now.
    a_paper = _capture(a, _draft(org, article, 3, "MEDIA", source_type=SourceType.DOCUMENT))
    b_paper = _capture(b, _draft(org, article + " (gezien door Bram)", 4, "MEDIA"))
    shift = _capture(
        a, _draft(org, "Roosters tonen onderbezetting in de avonddienst.", 6, "BEZOEK_AANGEKONDIGD")
    )
    _both_sync(a, b)
    assert _board(b, subject).corroboration.sources == 3
    # Both see the two articles are one and say so, each with a note; Anna, meanwhile, also
    # captures a signal that contradicts the roster one (linked from the suggestions).
    for laptop in (a, b):
        _link(laptop, b_paper, a_paper, SignalLinkType.DUPLICATE_OF, f"Zelfde artikel ({laptop.name})")
    against = _capture(
        a,
        _draft(
            org,
            "Bestuurder toont extra inhuur in de avonddienst sinds augustus.",
            9,
            "CONTACT_BESTUURDER",
            valence=Valence.POSITIVE,
            links=((shift, SignalLinkType.CONTRADICTS),),
        ),
    )
    _both_sync(a, b)
    for laptop in (a, b):
        board = _board(laptop, subject)
        assert {c.id for c in board.cards} == {a_paper, b_paper, shift, against}, laptop.name
        # the two articles are one source, the contradiction is counted apart
        assert board.corroboration == Corroboration(3, 2, 2, 2, _at(3), _at(6)), laptop.name
        assert board.contradicting == Corroboration(1, 1, 1, 1, _at(9), _at(9)), laptop.name
        (badge,) = next(c for c in board.cards if c.id == against).badges
        assert (badge.link_type, badge.other_id) == (SignalLinkType.CONTRADICTS.value, shift), laptop.name
    links = table_rows(a, m.SignalLink)
    assert links == table_rows(b, m.SignalLink)
    (duplicate,) = [k for k in links.values() if k["link_type"] is SignalLinkType.DUPLICATE_OF]
    assert duplicate["note"] == "Zelfde artikel (bram)"  # one link, the later note


def test_a_network_board_shows_both_laptops_signals_marked_by_member(pair: tuple[Laptop, Laptop]) -> None:
    a, b = pair
    hospital = _organisation(a, "Ziekenhuis A")
    homecare = _organisation(a, "Thuiszorg Zuidwaard")

    def network(s: Session) -> str:
        net = networks.create_network(
            s, a.ctx, NetworkDraft("Ziekenhuiszorg thuis", NetworkFocus.AREA)
        ).value.id
        for org in (hospital, homecare):
            networks.add_member(s, a.ctx, MembershipDraft(net, org, NetworkLayer.INNER, ("KERNSPELER",)))
        return net

    net = a.db(network)
    a.sync()
    b.sync()
    ward = _capture(
        a,
        _draft(
            hospital,
            "Ontslag met iv-antibiotica zonder overdracht naar de thuiszorg.",
            8,
            "BEZOEK_AANGEKONDIGD",
        ),
    )
    night = _capture(
        b,
        _draft(homecare, "Thuiszorg weet 's nachts niet wie in het ziekenhuis te bellen.", 9, "JAARGESPREK"),
    )
    _both_sync(a, b)
    for laptop in (a, b):
        board = _board(laptop, SubjectRef.network(net))
        assert [(c.id, c.member_name, c.observed_by) for c in board.cards] == [
            (ward, "Ziekenhuis A", "anna"),
            (night, "Thuiszorg Zuidwaard", "bram"),
        ], laptop.name
        assert (board.corroboration.sources, board.corroboration.observers) == (2, 2), laptop.name
        # each member's own board has its own signal only
        assert [c.id for c in _board(laptop, SubjectRef.organisation(homecare)).cards] == [night]


def _concern(laptop: Laptop, cid: str) -> ConcernView:
    with laptop.store.session() as s:
        return concern_views.concern_view(s, cid)


def test_a_concern_fed_from_both_laptops_converges(pair: tuple[Laptop, Laptop]) -> None:
    a, b = pair
    org = _shared_organisation(a, b)
    base = ConcernDraft(organisation_id=org, title="Bereikbaarheid in de nacht")
    cid = a.db(lambda s: concerns.save_concern(s, a.ctx, base).value)
    shared = _capture(
        a, _draft(org, "Melding over de nachtelijke bereikbaarheid.", 8, "LMZ_KLACHT", source_key=CASE)
    )
    a.sync()
    b.sync()
    # Offline: each attaches their own signal and edits another field; both attach the shared
    # signal, Anna as context and Bram, later, as supporting: one attachment, the later role.
    a_sig = _capture(
        a, _draft(org, "Geen bereikbaarheidsdienst op het rooster van 3 Oost.", 10, "BEZOEK_ONAANGEKONDIGD")
    )
    b_sig = _capture(b, _draft(org, "Collega hoorde dezelfde melding.", 12, "COLLEGA", source_key=CASE))
    for laptop, own, role in (
        (a, a_sig, ConcernSignalRole.CONTEXT),
        (b, b_sig, ConcernSignalRole.SUPPORTING),
    ):
        _attach(laptop, cid, own, ConcernSignalRole.SUPPORTING)
        _attach(laptop, cid, shared, role)
    a.db(
        lambda s: concerns.save_concern(
            s, a.ctx, replace(base, open_questions="Wie heeft 's nachts dienst?"), cid
        )
    )
    b.db(lambda s: concerns.save_concern(s, b.ctx, replace(base, owner="bram"), cid))
    _both_sync(a, b)
    for laptop in (a, b):
        view = _concern(laptop, cid)
        assert (view.open_questions, view.owner) == ("Wie heeft 's nachts dienst?", "bram"), laptop.name
        assert [(r.signal_id, r.role) for r in view.signals] == [
            (shared, ConcernSignalRole.SUPPORTING),
            (a_sig, ConcernSignalRole.SUPPORTING),
            (b_sig, ConcernSignalRole.SUPPORTING),
        ], laptop.name
        # the case number once, the visit once; two observers
        assert view.supporting == Corroboration(3, 2, 3, 2, _at(8), _at(12)), laptop.name
    assert _concern(a, cid) == _concern(b, cid)
    assert table_rows(a, m.ConcernSignal) == table_rows(b, m.ConcernSignal)
    assert table_rows(a, m.Concern) == table_rows(b, m.Concern)
