"""The signal board on the demo: independent sources, incongruences, network members,
every filter, grouping, and the widget (header counts, Enter opens the detail)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select, update

from inspectorapp.domain.board_views import BoardFilter, BoardView, HookFilter
from inspectorapp.domain.enums import Confidentiality, SignalKind, Valence
from inspectorapp.domain.snapshots import ActionContext
from inspectorapp.domain.subject_ref import SubjectRef
from inspectorapp.executor import DbExecutor
from inspectorapp.paths import app_paths
from inspectorapp.services import demo, signal_board
from inspectorapp.store_access import create_store
from inspectorapp.workspace import Workspace
from storage import models as m
from storage.engine import Store
from ui.signal_board import SignalBoardView

from .conftest import PASSPHRASE
from .test_app_window import _shot, dutch_for_shots

LMZ = "LMZ-2026-08812"  # the case number: Ziekenhuis A's complaint, filed twice


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    s = create_store(Path(tmp_path_factory.mktemp("board")) / "veldwerk.db", PASSPHRASE)
    with s.transaction() as session:
        demo.load_demo(session, ActionContext("test", "dev"))
    yield s
    s.close()


def _org(store: Store, name: str) -> str:
    with store.session() as s:
        return s.scalars(select(m.Organisation.id).where(m.Organisation.name == name)).one()


def _board(store: Store, subject: SubjectRef, filters: BoardFilter | None = None) -> BoardView:
    with store.session() as s:
        return signal_board.board(s, subject, filters)


def _starts(view: BoardView, text: str) -> str:
    return next(c.id for c in view.cards if c.observation.startswith(text))


def test_a_shared_case_number_is_one_source(demo_store: Store) -> None:
    zha = SubjectRef.organisation(_org(demo_store, "Ziekenhuis A"))
    both = BoardFilter(entrances=frozenset({"LMZ_KLACHT"}))
    view = _board(demo_store, zha, both)
    assert [c.source_key for c in view.cards] == [LMZ, LMZ]
    c = view.corroboration
    assert (c.signals, c.sources, c.entrances, c.observers) == (2, 1, 1, 2)
    # Without the shared key the same two signals are two sources.
    with demo_store.session() as s:
        s.execute(
            update(m.Signal)
            .where(m.Signal.source_key == LMZ, m.Signal.channel == "DOCUMENT")
            .values(source_key=None)
        )
        apart = signal_board.board(s, zha, both)
        s.rollback()
    assert (apart.corroboration.signals, apart.corroboration.sources) == (2, 2)


def test_whole_board_of_ziekenhuis_a(demo_store: Store) -> None:
    view = _board(demo_store, SubjectRef.organisation(_org(demo_store, "Ziekenhuis A")))
    assert view.title == "Ziekenhuis A" and view.total == len(view.cards) == 18
    # Two later signals contradict earlier ones: counted apart, never in the main tally.
    assert view.contradicting.signals == 2
    assert view.corroboration.signals + view.contradicting.signals == 18
    assert view.corroboration.sources < view.corroboration.signals  # shared keys
    assert [c.observed_at for c in view.cards] == sorted(c.observed_at for c in view.cards)
    a_s2 = _starts(view, "De raad van bestuur presenteert")
    a_s3 = _starts(view, "Kwaliteitssysteem niet op orde")
    pairs = {(p.first_id, p.second_id) for p in view.incongruences}
    assert (a_s2, a_s3) in pairs
    pair = next(p for p in view.incongruences if p.second_id == a_s3)
    assert pair.first_text.startswith("De raad van bestuur") and pair.second_text.startswith(
        "Kwaliteitssysteem"
    )
    card = next(c for c in view.cards if c.id == a_s2)
    assert {(b.link_type, b.other_id) for b in card.badges} >= {("incongruent_met", a_s3)}
    assert card.member_name is None


def test_a_network_board_marks_each_card_with_its_member(demo_store: Store) -> None:
    with demo_store.session() as s:
        net = s.scalars(select(m.Network.id).where(m.Network.name == "Dementienetwerk Lindeveen")).one()
    view = _board(demo_store, SubjectRef.network(net))
    members = {c.member_name for c in view.cards}
    assert {"Zorggroep Lindehof", "Cliëntenplatform Dementie Lindeveen", "Gemeente Lindeveen"} <= members
    assert None not in members
    # A member's own signals (not filed on the network) are on it too.
    lindehof = _org(demo_store, "Zorggroep Lindehof")
    assert all(c.organisation_id for c in view.cards)
    assert any(c.organisation_id == lindehof for c in view.cards)


def test_every_filter_narrows(demo_store: Store) -> None:
    zha = SubjectRef.organisation(_org(demo_store, "Ziekenhuis A"))
    everything = _board(demo_store, zha)
    cards = everything.cards
    unit = next(c.unit_id for c in cards if c.unit_id)
    observer = "Senior-inspecteur MSZ"
    checks = [
        (BoardFilter(statuses=frozenset({"IN_DUIDING"})), lambda c: c.status == "IN_DUIDING"),
        (BoardFilter(kinds=frozenset({SignalKind.HARD.value})), lambda c: c.kind == SignalKind.HARD),
        (BoardFilter(valences=frozenset({Valence.POSITIVE.value})), lambda c: c.valence == Valence.POSITIVE),
        (BoardFilter(entrances=frozenset({"LMZ_KLACHT"})), lambda c: c.entrance == "LMZ_KLACHT"),
        (BoardFilter(categories=frozenset({"PER.BEZETTING"})), lambda c: "PER.BEZETTING" in c.categories),
        (BoardFilter(units=frozenset({unit})), lambda c: c.unit_id == unit),
        (BoardFilter(observers=frozenset({observer})), lambda c: c.observed_by == observer),
        (BoardFilter(hook=HookFilter.WITH), lambda c: c.has_hook),
        (BoardFilter(hook=HookFilter.WITHOUT), lambda c: not c.has_hook),
        (
            BoardFilter(confidentialities=frozenset({Confidentiality.REPORTER_CONFIDENTIAL.value})),
            lambda c: c.confidentiality == Confidentiality.REPORTER_CONFIDENTIAL,
        ),
        (
            BoardFilter(period_from=date(2026, 1, 1)),
            lambda c: c.observed_at.astimezone().date() >= date(2026, 1, 1),
        ),
        (
            BoardFilter(period_to=date(2025, 3, 31)),
            lambda c: c.observed_at.astimezone().date() <= date(2025, 3, 31),
        ),
    ]
    for filters, wanted in checks:
        view = _board(demo_store, zha, filters)
        expected = [c.id for c in cards if wanted(c)]
        assert [c.id for c in view.cards] == expected, filters
        assert 0 < len(expected) < len(cards), filters
        assert view.total == len(cards) and view.corroboration.signals + view.contradicting.signals == len(
            expected
        )
    # Filters combine (and): a filter that removes one side of a link removes its badge.
    hard_2025 = _board(
        demo_store, zha, replace(BoardFilter(kinds=frozenset({"hard"})), period_to=date(2025, 12, 31))
    )
    assert all(c.kind == "hard" and c.observed_at.year == 2025 for c in hard_2025.cards)
    shown = {c.id for c in hard_2025.cards}
    assert all(b.other_id in shown for c in hard_2025.cards for b in c.badges)
    assert not hard_2025.incongruences  # a_s2 is soft


# ----- the widget -----------------------------------------------------------------------


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    paths = app_paths(tmp_path / "home").ensure()
    store = create_store(paths.store_file, PASSPHRASE)
    ws = Workspace(DbExecutor(store), ActionContext("Inspecteur De Vries", "device-1"), paths)
    ws.call(lambda s: demo.load_demo(s, ws.ctx))
    yield ws
    ws.close()


def _shown(qtbot: QtBot, workspace: Workspace, name: str = "Ziekenhuis A") -> SignalBoardView:
    org = workspace.call(
        lambda s: s.scalars(select(m.Organisation.id).where(m.Organisation.name == name)).one()
    )
    board = SignalBoardView(workspace)
    qtbot.addWidget(board)
    board.resize(1366, 768)
    board.show()
    board.show_subject(SubjectRef.organisation(org))
    qtbot.waitUntil(lambda: board.view is not None, timeout=10000)
    return board


def test_the_widget_shows_the_counts_and_opens_the_detail_on_enter(
    qtbot: QtBot, workspace: Workspace
) -> None:
    from ui.signal_detail import SignalDetailDialog

    board = _shown(qtbot, workspace)
    view = board.view
    assert view is not None
    c = view.corroboration
    sources = QCoreApplication.translate("SignalBoardView", "from %n independent source(s)", "", c.sources)
    contradicting = QCoreApplication.translate(
        "SignalBoardView", "%n contradicting", "", view.contradicting.signals
    )
    text = board.header.text()
    assert sources in text and contradicting in text and str(c.signals) in text
    assert "score" not in text.lower()
    assert sum(col.model.rowCount() for col in board.columns if col.isVisible()) == 18
    column = next(col for col in board.columns if col.isVisible())
    column.list.setFocus()
    column.list.setCurrentIndex(column.model.index(0))
    qtbot.keyClick(column.list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(board.detail, SignalDetailDialog) and board.detail.isVisible())
    assert board.detail.signal_id == column.model.cards[0].id  # type: ignore[union-attr]
    board.detail.close()  # type: ignore[union-attr]


def test_grouping_by_month_keeps_order_and_filters_reload(qtbot: QtBot, workspace: Workspace) -> None:
    board = _shown(qtbot, workspace)
    board.group.setCurrentIndex(board.group.findData("month"))
    shown = [col for col in board.columns if col.isVisible()]
    titles = [col.title.text().split(" ")[0] for col in shown]
    months = [(int(t[3:]), int(t[:2])) for t in titles]
    assert months == sorted(months)
    for col in shown:
        moments = [card.observed_at for card in col.model.cards]
        assert moments == sorted(moments)
    before = board.view
    board.f_entrance.select({"LMZ_KLACHT"})
    qtbot.waitUntil(lambda: board.view is not before)
    assert board.view is not None and len(board.view.cards) == 2
    assert board.view.corroboration.sources == 1
    assert "(2 " in board.header.text() or "2" in board.header.text()


def test_categories_are_read_when_the_board_groups_by_them(qtbot: QtBot, workspace: Workspace) -> None:
    """The first paint (by status) leaves the cards' categories unread; grouping by category
    asks for them and shows a column per category, every card under each of its categories."""
    board = _shown(qtbot, workspace)
    assert board.view is not None and not board.view.with_categories
    assert board.request() == (board.filters(), False)
    board.group.setCurrentIndex(board.group.findData("category"))
    qtbot.waitUntil(lambda: board.view is not None and board.view.with_categories, timeout=10000)
    cards = board.view.cards
    assert any(c.categories for c in cards)
    shown = [col for col in board.columns if col.isVisible()]
    placed = sum(col.model.rowCount() for col in shown)
    assert placed == sum(max(1, len(c.categories)) for c in cards)  # a card under each of its categories
    labels = {code: board._describe("signal_category", code) for c in cards for code in c.categories}
    titles = {col.title.text().rsplit(" (", 1)[0] for col in shown}
    assert set(labels.values()) <= titles
    # back to status: no new request is needed, the categories stay
    view = board.view
    board.group.setCurrentIndex(board.group.findData("status"))
    assert board.view is view


def test_the_board_follows_new_signals(qtbot: QtBot, workspace: Workspace) -> None:
    from inspectorapp.domain.drafts import SignalDraft
    from inspectorapp.services import signals

    board = _shown(qtbot, workspace)
    assert board.view is not None
    org = board.view.subject.id
    before = board.view
    workspace.call(
        lambda s: signals.capture_signal(
            s,
            workspace.ctx,
            SignalDraft(
                organisation_id=org, kind=SignalKind.SOFT, valence=Valence.AMBIGUOUS, observation="Nieuw"
            ),
        )
    )
    qtbot.waitUntil(lambda: board.view is not before and len(board.view.cards) == 19, timeout=10000)  # type: ignore[union-attr]


def test_board_screenshot_at_1366x768(qtbot: QtBot, workspace: Workspace) -> None:
    dutch_for_shots()
    board = _shown(qtbot, workspace)
    QApplication.processEvents()
    assert board.minimumSizeHint().width() <= 1366 and board.minimumSizeHint().height() <= 768
    image = board.grab()
    assert (image.width(), image.height()) == (1366, 768)
    _shot(board, "signal-board.png")  # only with VELDWERK_SCREENSHOTS: a test run leaves docs/ alone


def test_a_findings_evidence_counts_independent_sources(store: Store, ctx: ActionContext) -> None:
    """Two signals of one complaint (same case number, linked dubbel_van) and a third: three
    pieces of evidence from two independent sources."""
    from inspectorapp.domain.enums import EvidenceKind, Movement
    from inspectorapp.domain.outcome_drafts import FindingDraft
    from inspectorapp.services import findings

    with store.transaction() as s:
        demo.load_demo(s, ctx)
    with store.session() as s:
        rows = s.execute(
            select(m.Signal.id, m.Signal.inspection_id, m.Signal.source_key).where(
                m.Signal.observation.startswith("Klacht van een naaste")
                | m.Signal.observation.startswith("Doorgestuurd door collega van het Meldpunt")
                | m.Signal.observation.startswith("De projectleider bevestigt")
            )
        ).all()
    assert len(rows) == 3 and len({r.source_key for r in rows}) == 2
    iid = rows[0].inspection_id
    draft = FindingDraft(
        theme_code="T05",
        what_we_see="Onduidelijke bereikbaarheid in de nacht.",
        what_we_think="Zorgen.",
        what_next="Afspraken vastleggen.",
        movement=Movement.STABLE,
        evidence=tuple((EvidenceKind.SIGNAL, r.id) for r in rows),
    )
    with store.transaction() as s:
        fid = findings.save_finding(s, ctx, iid, draft).value
    with store.session() as s:
        f = next(f for f in findings.findings_overview(s, iid).findings if f.id == fid)
    assert len(f.evidence) == 3 and f.independent_sources == 2
