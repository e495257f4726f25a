"""Account holders: a change is a new record (the history stays), the current one is the latest
by date, then by recording, then by id, the same on two laptops that changed it at once, and
bad input is refused with a typed error and a translated message."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from inspectorapp.clock import utc_now
from inspectorapp.domain.enums import NetworkFocus
from inspectorapp.domain.org_drafts import NetworkDraft
from inspectorapp.domain.snapshots import ActionContext
from inspectorapp.domain.subject_ref import SubjectRef
from inspectorapp.errors import ValidationError
from inspectorapp.ids import new_id
from inspectorapp.services import account_holders, networks
from storage import models as m
from storage.engine import Store

from . import helpers
from .sync_harness import Laptop, ServerProcess, laptops, table_rows, team


def _org(store: Store, ctx: ActionContext) -> SubjectRef:
    with store.transaction() as s:
        return SubjectRef.organisation(helpers.organisation(s, ctx, "Ziekenhuis A"))


def test_a_change_is_appended_and_the_latest_date_is_current(store: Store, ctx: ActionContext) -> None:
    org = _org(store, ctx)
    with store.transaction() as s:
        account_holders.change_holder(s, ctx, org, "  Anna de Vries ", date(2025, 2, 1), "Nieuw portfolio")
        account_holders.change_holder(s, ctx, org, "Bram Jansen", date(2026, 9, 1), "Verlof Anna")
        # recorded later, but from an earlier date: history, not the current holder
        account_holders.change_holder(s, ctx, org, "Carla Smit", date(2024, 1, 1), None)
    with store.session() as s:
        current = account_holders.current_holder(s, org)
        rows = account_holders.history(s, org)
        stored = s.scalars(select(m.AccountHolder)).all()
    assert current is not None and current.holder == "Bram Jansen"
    assert current.recorded_by == ctx.actor and current.reason == "Verlof Anna"
    assert [r.holder for r in rows] == ["Bram Jansen", "Anna de Vries", "Carla Smit"]
    assert len(stored) == 3  # nothing overwritten


def test_a_handover_recorded_ahead_starts_on_its_day(store: Store, ctx: ActionContext) -> None:
    org = _org(store, ctx)
    today = utc_now().date()
    with store.transaction() as s:
        account_holders.change_holder(s, ctx, org, "Anna", today - timedelta(days=30))
        account_holders.change_holder(s, ctx, org, "Bram", today + timedelta(days=30), "Anna met verlof")
    with store.session() as s:
        current = account_holders.current_holder(s, org)
        assert current is not None and current.holder == "Anna"
        assert account_holders.history(s, org)[0].holder == "Bram"


def test_same_date_and_moment_the_id_decides(store: Store, ctx: ActionContext) -> None:
    org = _org(store, ctx)
    with store.transaction() as s:
        a = account_holders.change_holder(s, ctx, org, "Anna", date(2026, 1, 1)).value
        b = account_holders.change_holder(s, ctx, org, "Bram", date(2026, 1, 1)).value
        for row in s.scalars(select(m.AccountHolder)):
            row.created_at = a.recorded_at  # recorded at the same moment on two laptops
    with store.session() as s:
        current = account_holders.current_holder(s, org)
    assert current is not None and current.id == max(a.id, b.id)


def test_a_network_has_its_own_holders(store: Store, ctx: ActionContext) -> None:
    org = _org(store, ctx)
    with store.transaction() as s:
        draft = NetworkDraft(name="Netwerk Lindeveen", focus=NetworkFocus.CONDITION)
        net = SubjectRef.network(networks.create_network(s, ctx, draft).value.id)
        account_holders.change_holder(s, ctx, net, "Projectleider", date(2026, 1, 1))
    with store.session() as s:
        assert account_holders.current_holder(s, org) is None
        held = account_holders.current_holder(s, net)
        assert held is not None and held.holder == "Projectleider"


@pytest.mark.parametrize(
    ("holder", "since", "field", "problem"),
    [
        ("   ", date(2026, 1, 1), "holder", "required"),
        ("x" * 201, date(2026, 1, 1), "holder", "too_long"),
        ("Anna", "2026-02-30", "since", "invalid_date"),
        ("Anna", date(2062, 1, 1), "since", "far_future"),
    ],
)
def test_bad_input_is_refused(
    store: Store, ctx: ActionContext, holder: str, since: date, field: str, problem: str
) -> None:
    org = _org(store, ctx)
    with store.transaction() as s, pytest.raises(ValidationError) as caught:
        account_holders.change_holder(s, ctx, org, holder, since)
    assert [(i.field, i.problem) for i in caught.value.issues] == [(field, problem)]
    with store.session() as s:
        assert account_holders.history(s, org) == ()


def test_an_unknown_subject_is_refused(store: Store, ctx: ActionContext) -> None:
    with store.transaction() as s, pytest.raises(ValidationError) as caught:
        account_holders.change_holder(s, ctx, SubjectRef.organisation(new_id()), "Anna", date(2026, 1, 1))
    assert [(i.field, i.problem) for i in caught.value.issues] == [("subject", "invalid_reference")]


def test_the_messages_are_translated(qapp: object) -> None:
    from PySide6.QtCore import QCoreApplication

    from inspectorapp.errors import FieldIssue
    from ui.messages import message_for

    def tr(text: str) -> str:
        return QCoreApplication.translate("messages", text)

    far = message_for(ValidationError([FieldIssue("since", "far_future", {"latest": "2027-12-07"})]))
    blank = message_for(ValidationError([FieldIssue("holder", "required")]))
    assert far == tr("{field} lies too far ahead (at most {latest}).").format(
        field=tr("Since"), latest="2027-12-07"
    )
    assert blank == tr("{field} is required.").format(field=tr("Account holder"))


# ----- two laptops ------------------------------------------------------------------------


@pytest.fixture
def server(tmp_path: Path) -> Iterator[ServerProcess]:
    proc = ServerProcess(f"sqlite:///{tmp_path / 'office.db'}", tmp_path / "server.log")
    proc.start()
    team(proc, "Ziekenhuizen", "anna", "bram")
    yield proc
    proc.kill()


@pytest.fixture
def pair(server: ServerProcess, tmp_path: Path) -> Iterator[tuple[Laptop, Laptop]]:
    a, b = laptops(server, tmp_path, "anna", "bram")
    a.enrol("anna")
    b.enrol("bram")
    yield a, b
    a.close()
    b.close()


def test_two_laptops_change_the_holder_at_once(pair: tuple[Laptop, Laptop]) -> None:
    a, b = pair
    org = SubjectRef.organisation(a.db(lambda s: helpers.organisation(s, a.ctx, "Ziekenhuis A")))
    a.db(lambda s: account_holders.change_holder(s, a.ctx, org, "Anna", date(2025, 1, 1)))
    a.sync()
    b.sync()
    day = date(2026, 6, 1)
    # Both take the account over from the same date, neither having seen the other's change.
    from_a = a.db(lambda s: account_holders.change_holder(s, a.ctx, org, "Carla", day, "Anna weg").value)
    from_b = b.db(lambda s: account_holders.change_holder(s, b.ctx, org, "Bram", day, "Herverdeling").value)
    for laptop in (a, b, a):
        laptop.sync()
    assert table_rows(a, m.AccountHolder).keys() == table_rows(b, m.AccountHolder).keys()
    assert len(table_rows(a, m.AccountHolder)) == 3
    with a.store.session() as s:
        on_a = account_holders.current_holder(s, org), account_holders.history(s, org)
    with b.store.session() as s:
        on_b = account_holders.current_holder(s, org), account_holders.history(s, org)
    assert on_a == on_b
    later = max((from_a, from_b), key=lambda r: (r.recorded_at, r.id))
    assert on_a[0] is not None and on_a[0].id == later.id
    assert {r.holder for r in on_a[1]} == {"Anna", "Bram", "Carla"}
