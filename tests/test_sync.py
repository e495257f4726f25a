"""Laptops and a real office store over real HTTP: convergence, conflicts kept, retries
without duplicates, and who may see what."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from inspectorapp import sync_runner
from inspectorapp.services import notes, search
from storage import models as m
from sync import batches, enrolment
from sync import local_state as local_sync
from sync.protocol import EnrolRequest, PullResponse
from sync.server import accounts
from sync.server import schema as t
from sync.transport import DeviceRevoked, NotEnrolled, ServerRefused, Transport

from . import helpers
from .postgres import postgres_server, postgres_url
from .sync_harness import (
    Laptop,
    ServerProcess,
    add_note,
    enrolled,
    laptops,
    office_server,
    outbox_size,
    table_rows,
    team,
)

__all__ = ["office_server", "postgres_server", "postgres_url"]  # fixtures, found by pytest in this namespace



@pytest.fixture
def pair(server: ServerProcess, tmp_path: Path) -> Iterator[tuple[Laptop, Laptop]]:
    with enrolled(server, tmp_path, "Dementie", "anna", "bram") as (a, b):
        yield a, b


@pytest.fixture
def two_teams(server: ServerProcess, tmp_path: Path) -> Iterator[tuple[Laptop, Laptop]]:
    """Anna (team Dementie) and Carla (team Ziekenhuizen), both enrolled."""
    team(server, "Dementie", "anna")
    team(server, "Ziekenhuizen", "carla")
    a, c = laptops(server, tmp_path, "anna", "carla")
    a.enrol("anna")
    c.enrol("carla")
    yield a, c
    a.close()
    c.close()


def test_work_of_one_laptop_reaches_the_other_and_is_searchable(pair: tuple[Laptop, Laptop]) -> None:
    a, b = pair
    _org, conv = a.db(lambda s: helpers.conversation(s, a.ctx))
    add_note(a, conv, "De teamleider zegt dat de VIM-map leeg is.")
    report = a.sync()
    assert report.pushed > 5 and report.statuses == {"applied": report.pushed}
    assert outbox_size(a) == 0
    b.sync()
    for model in (m.Organisation, m.Visit, m.Conversation, m.NoteParagraph, m.InspectionSubject):
        assert table_rows(b, model) == table_rows(a, model), model.__tablename__
    # the framework travels by key and version; each laptop points at its own row of it
    (ins_a,), (ins_b,) = table_rows(a, m.Inspection).values(), table_rows(b, m.Inspection).values()
    fw_a, fw_b = ins_a.pop("framework_version_id"), ins_b.pop("framework_version_id")
    assert ins_a == ins_b
    with a.store.session() as sa, b.store.session() as sb:
        fa, fb = sa.get(m.FrameworkVersion, fw_a), sb.get(m.FrameworkVersion, fw_b)
        assert fa is not None and fb is not None and (fa.key, fa.version) == (fb.key, fb.version)
    assert outbox_size(b) == 0  # pulled rows are not local edits
    with b.store.session() as s:
        hits = search.search(s, "VIM-map", 10)
    assert [h.text for h in hits] == ["De teamleider zegt dat de VIM-map leeg is."]
    assert a.sync().pushed == 0  # nothing echoes back


def test_concurrent_edits_merge_text_or_keep_the_loser(
    pair: tuple[Laptop, Laptop], server: ServerProcess
) -> None:
    a, b = pair
    _org, conv = a.db(lambda s: helpers.conversation(s, a.ctx))
    nid = add_note(a, conv, "De kerngroep besluit vandaag over de wachtlijst.")
    a.sync()
    b.sync()
    # different words: both edits survive in one text
    a.db(lambda s: notes.update_text(s, a.ctx, nid, "De kerngroep besluit vandaag niet over de wachtlijst."))
    b.db(
        lambda s: notes.update_text(
            s, b.ctx, nid, "De kerngroep besluit vandaag over de wachtlijst casemanagement."
        )
    )
    a.sync()
    b.sync()
    a.sync()
    merged = "De kerngroep besluit vandaag niet over de wachtlijst casemanagement."
    assert table_rows(a, m.NoteParagraph)[nid]["text"] == merged == table_rows(b, m.NoteParagraph)[nid]["text"]
    # the same words: one wins everywhere, the other is kept for review
    a.db(lambda s: notes.update_text(s, a.ctx, nid, "Versie van Anna."))
    b.db(lambda s: notes.update_text(s, b.ctx, nid, "Versie van Bram."))
    a.sync()
    b.sync()
    a.sync()
    final = table_rows(a, m.NoteParagraph)[nid]["text"]
    assert final == table_rows(b, m.NoteParagraph)[nid]["text"] and final in (
        "Versie van Anna.",
        "Versie van Bram.",
    )
    kept = server.admin(
        lambda c: [
            (r.winner, r.loser, r.review)
            for r in c.execute(select(t.sync_conflict).where(t.sync_conflict.c.field == "text"))
        ]
    )
    assert {kept[-1][0], kept[-1][1]} == {"Versie van Anna.", "Versie van Bram."} and kept[-1][2]
    assert b.transport is not None  # the app also fetches the conflicts (a won one is listed from there)
    b.db(lambda s: sync_runner.record_conflicts(s, b.transport.lost_conflicts(0)))
    with b.store.session() as s:  # Bram pushed second: his laptop lists the clash
        issues = s.scalars(select(m.SyncIssue)).all()
    assert any(i.kind in ("superseded", "conflict") and i.record_id == nid for i in issues)


def test_delete_wins_over_edit_and_the_edit_is_kept(
    pair: tuple[Laptop, Laptop], server: ServerProcess
) -> None:
    a, b = pair
    _org, conv = a.db(lambda s: helpers.conversation(s, a.ctx))
    nid = add_note(a, conv, "Oorspronkelijke tekst.")
    a.sync()
    b.sync()
    a.db(lambda s: notes.save_edits(s, a.ctx, conv, [], [nid]))
    b.db(lambda s: notes.update_text(s, b.ctx, nid, "Bram vulde aan terwijl Anna verwijderde."))
    a.sync()
    b.sync()
    a.sync()
    for laptop in (a, b):
        assert table_rows(laptop, m.NoteParagraph)[nid]["deleted_at"] is not None
    kinds = server.admin(lambda c: [r.kind for r in c.execute(select(t.sync_conflict))])
    assert "update_after_delete" in kinds


def test_a_lost_response_is_replayed_and_a_rewound_laptop_refused(
    pair: tuple[Laptop, Laptop], server: ServerProcess
) -> None:
    a, _b = pair
    a.db(lambda s: helpers.conversation(s, a.ctx))
    token = a.db(enrolment.token)
    transport = Transport(server.base, token)
    frozen = a.db(batches.freeze)
    first = transport.push(frozen.payload)  # the answer "never arrived"
    assert a.db(batches.freeze).payload == frozen.payload  # the retry sends the same bytes
    again = transport.push(frozen.payload)
    assert again.results == first.results and again.hwm == first.hwm
    assert server.admin(lambda c: c.execute(select(func.count()).select_from(t.record)).scalar()) == len(
        {(r.tbl, r.id) for r in first.records}
    )
    a.db(lambda s: batches.acknowledge(s, again))
    forged = frozen.payload.replace(b"Testinspectie", b"Andere titel!")
    with pytest.raises(ServerRefused) as refused:
        transport.push(forged)
    assert refused.value.status == 409 and refused.value.body["error"] == "device_rewound"
    transport.close()


def test_other_teams_see_nothing_and_cannot_write(
    server: ServerProcess, two_teams: tuple[Laptop, Laptop]
) -> None:
    a, c = two_teams
    _org, conv = a.db(lambda s: helpers.conversation(s, a.ctx))
    nid = add_note(a, conv, "Alleen voor team Dementie.")
    a.sync()
    c.sync()
    assert nid not in table_rows(c, m.NoteParagraph) and table_rows(c, m.Inspection) == {}
    assert table_rows(c, m.Organisation) == table_rows(a, m.Organisation)  # shared memory
    # Carla forges an edit to Anna's note (as if she had it): refused and dead-lettered,
    # while her other change in the same batch applies
    c.db(lambda s: helpers.organisation(s, c.ctx, "Nieuwe zorgaanbieder"))
    c.db(
        lambda s: s.add(
            m.Outbox(
                entity="note_paragraph",
                entity_id=nid,
                op="update",
                changed=["text"],
                payload={"text": "overschreven"},
                created_at="2026-11-23T10:00:00.000Z",
            )
        )
    )
    report = c.sync()
    assert report.statuses.get("rejected") == 1 and report.statuses.get("applied", 0) >= 1
    reasons = server.admin(lambda conn: [r.reason for r in conn.execute(select(t.sync_rejection))])
    assert reasons == ["forbidden"]
    a.sync()
    assert table_rows(a, m.NoteParagraph)[nid]["text"] == "Alleen voor team Dementie."


def test_access_granted_later_brings_the_earlier_work(
    server: ServerProcess, two_teams: tuple[Laptop, Laptop]
) -> None:
    """Carla's laptop had pulled past Anna's inspection before her team was given it: the
    next sync brings the inspection whole, once (again only if that answer was lost)."""
    a, c = two_teams
    _org, conv = a.db(lambda s: helpers.conversation(s, a.ctx))
    nid = add_note(a, conv, "Wachtlijst besproken met de kerngroep.")
    a.sync()
    c.sync()
    later = add_note(a, conv, "Na de toekenning geschreven.")
    a.sync()
    c.sync()
    assert table_rows(c, m.Inspection) == {} and nid not in table_rows(c, m.NoteParagraph)
    (inspection_id,) = table_rows(a, m.Inspection)
    server.admin(lambda conn: accounts.grant(conn, inspection_id, "Ziekenhuizen"))

    cursor = c.db(lambda s: local_sync.get_int(s, "cursor", 0))
    transport = Transport(server.base, c.db(enrolment.token))
    try:
        lost = transport.pull(cursor)  # an answer that never arrived: the same cursor again
        again = transport.pull(cursor)
        assert {r.id for r in lost.changes} == {r.id for r in again.changes} >= {nid, later, inspection_id}
    finally:
        transport.close()
    c.sync()
    assert set(table_rows(c, m.Inspection)) == {inspection_id}  # its framework id is local to each laptop
    for model in (m.Visit, m.Conversation, m.NoteParagraph):
        assert table_rows(c, model) == table_rows(a, model), model.__tablename__
    with c.store.session() as s:
        assert [h.text for h in search.search(s, "wachtlijst", 10)] == [
            "Wachtlijst besproken met de kerngroep."
        ]
    # given once: a later pull from a later cursor does not send it again
    cursor = c.db(lambda s: local_sync.get_int(s, "cursor", 0))
    transport = Transport(server.base, c.db(enrolment.token))
    try:
        assert transport.pull(cursor).changes == []
    finally:
        transport.close()


def _baseline_pages(transport: Transport, cursor: int, limit: int, first: str | None) -> list[PullResponse]:
    """Pull pages from ``cursor`` as the engine does (token kept) until the baseline is sent."""
    pages, token = [], first
    for _ in range(50):
        page = transport.pull(cursor, limit, baseline=token)
        pages.append(page)
        assert page.next == cursor and page.has_more  # the cursor waits until the baseline is in
        token = page.baseline
        if token is not None and token.endswith(":done"):
            return pages
    raise AssertionError("the baseline never ended")


def test_a_large_inspection_granted_later_comes_in_pages(
    server: ServerProcess, two_teams: tuple[Laptop, Laptop]
) -> None:
    """Access to a large inspection (or a whole team's work) granted later arrives in pages of
    bounded size: a lost answer is answered again, and access changing halfway starts over."""
    a, c = two_teams
    _org, conv = a.db(lambda s: helpers.conversation(s, a.ctx))
    ids = []
    for n in range(6):  # six pushes: a page never splits one
        ids.append(add_note(a, conv, f"Notitie {n} over de overdracht."))
        a.sync()
    c.sync()
    (first,) = table_rows(a, m.Inspection)
    server.admin(lambda conn: accounts.grant(conn, first, "Ziekenhuizen"))
    cursor = c.db(lambda s: local_sync.get_int(s, "cursor", 0))
    transport = Transport(server.base, c.db(enrolment.token))
    try:
        page = transport.pull(cursor, 2)
        assert transport.pull(cursor, 2).changes == page.changes  # the answer was lost: again
        # halfway, the team is given a second inspection: the baseline starts over for both
        _org2, conv2 = a.db(lambda s: helpers.conversation(s, a.ctx))
        other = add_note(a, conv2, "Tweede inspectie.")
        a.sync()
        (second,) = set(table_rows(a, m.Inspection)) - {first}
        server.admin(lambda conn: accounts.grant(conn, second, "Ziekenhuizen"))
        pages = _baseline_pages(transport, cursor, 2, page.baseline)
    finally:
        transport.close()
    assert len(pages) >= 4
    assert all(len(p.changes) <= 2 + 4 for p in pages)  # two records and the parents they need
    sent = {r.id for p in pages for r in p.changes}
    assert sent >= {*ids, first} and other not in sent  # written after the cursor: a normal page
    c.sync()
    assert set(table_rows(c, m.Inspection)) == {first, second}
    assert set(table_rows(c, m.NoteParagraph)) == {*ids, other}
    transport = Transport(server.base, c.db(enrolment.token))
    try:  # past that cursor nothing is sent again, and no token is needed any more
        later = transport.pull(c.db(lambda s: local_sync.get_int(s, "cursor", 0)))
        assert later.changes == [] and later.baseline is None
    finally:
        transport.close()


def test_unauthenticated_and_revoked_devices_are_refused(
    pair: tuple[Laptop, Laptop], server: ServerProcess
) -> None:
    a, _b = pair
    with pytest.raises(NotEnrolled):
        Transport(server.base, "not-a-token").pull(0)
    with pytest.raises(NotEnrolled):
        Transport(server.base).pull(0)
    device_id = a.db(lambda s: s.get(m.StoreMeta, "sync.device_id").value)
    server.admin(lambda c: accounts.revoke_device(c, device_id))
    a.db(lambda s: helpers.organisation(s, a.ctx, "Na intrekking vastgelegd"))
    with pytest.raises(DeviceRevoked):
        a.sync()
    assert outbox_size(a) > 0  # local data and outbox are kept


def test_a_demo_store_never_enrols(server: ServerProcess, tmp_path: Path) -> None:
    from inspectorapp.services import demo

    team(server, "Demo", "dora")
    (laptop,) = laptops(server, tmp_path, "dora")
    try:
        laptop.db(lambda s: demo.load_demo(s, laptop.ctx))
        answer = enrolment.request_enrolment(
            server.base,
            EnrolRequest(device_name="demo", username="dora", password="correct horse battery staple"),
        )
        with pytest.raises(enrolment.EnrolmentRefused):
            laptop.db(lambda s: enrolment.record_enrolment(s, server.base, answer))
    finally:
        laptop.close()


def test_keep_mine_after_losing_wins_on_the_next_sync(pair: tuple[Laptop, Laptop]) -> None:
    from inspectorapp.services import sync_status

    a, b = pair
    _org, conv = a.db(lambda s: helpers.conversation(s, a.ctx))
    nid = add_note(a, conv, "Eerste versie.")
    a.sync()
    b.sync()
    b.db(lambda s: notes.update_text(s, b.ctx, nid, "Bram schreef dit eerder, maar synchroniseerde later."))
    a.db(lambda s: notes.update_text(s, a.ctx, nid, "Anna schreef dit later en synchroniseerde eerst."))
    a.sync()
    b.sync()  # Bram's older edit loses: his laptop shows Anna's text and lists the problem
    assert table_rows(b, m.NoteParagraph)[nid]["text"].startswith("Anna")
    overview = b.db(sync_status.sync_overview)
    (issue,) = [i for i in overview.issues if i.record_id == nid]
    assert issue.kind == "superseded"
    (field,) = [f for f in issue.fields if f.field == "text"]
    assert field.mine.startswith("Bram") and field.current.startswith("Anna")  # side by side
    b.db(lambda s: sync_status.resolve_issue(s, b.ctx, issue.id, "mine"))
    b.sync()
    a.sync()
    assert table_rows(a, m.NoteParagraph)[nid]["text"].startswith("Bram") and table_rows(b, m.NoteParagraph)[nid][
        "text"
    ].startswith("Bram")
    assert b.db(sync_status.sync_overview).issues == ()
