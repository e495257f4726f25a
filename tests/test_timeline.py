"""The timeline per organisation and network (issue #14, part 7): its contents on the demo
stories, the month axis, compress mode, the widget and the PDF drawn from the same layout."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from datetime import UTC, date, datetime
from itertools import pairwise
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from inspectorapp.domain.enums import Confidentiality
from inspectorapp.domain.snapshots import ActionContext
from inspectorapp.domain.subject_ref import SubjectRef
from inspectorapp.domain.timeline import (
    NOT_FOR_PDF,
    ItemKind,
    Lane,
    Period,
    TimelineData,
    TimelineItem,
    layout,
    month_number,
)
from inspectorapp.paths import app_paths
from inspectorapp.reports.timeline_flowable import DUTCH, timeline_pdf
from inspectorapp.services import demo
from inspectorapp.services import timeline as tl
from inspectorapp.store_access import create_store
from inspectorapp.workspace import Workspace
from storage import models as m
from storage.engine import Store

from .conftest import PASSPHRASE

TODAY = date(2026, 12, 6)


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    s = create_store(Path(tmp_path_factory.mktemp("timeline")) / "veldwerk.db", PASSPHRASE)
    with s.transaction() as session:
        demo.load_demo(session, ActionContext("test", "dev"))
    yield s
    s.close()


def _org(store: Store, name: str) -> str:
    with store.session() as s:
        return s.scalars(select(m.Organisation.id).where(m.Organisation.name == name)).one()


def _network(store: Store, start: str) -> str:
    with store.session() as s:
        return s.scalars(select(m.Network.id).where(m.Network.name.startswith(start))).one()


def _timeline(store: Store, subject: SubjectRef) -> TimelineData:
    with store.session() as s:
        return tl.timeline(s, subject, TODAY)


# ----- contents ------------------------------------------------------------------------


def test_ziekenhuis_a_in_date_order_with_merger_board_change_inspection_and_intensified_period(
    demo_store: Store,
) -> None:
    data = _timeline(demo_store, SubjectRef.organisation(_org(demo_store, "Ziekenhuis A")))
    starts = [i.start for i in data.items]
    assert starts == sorted(starts)
    events = {i.code.code: i.start for i in data.items if i.kind == ItemKind.LIFE_EVENT and i.code}
    assert events["FUSIE"] == date(2025, 4, 15)
    assert events["BESTUURSWISSEL"] == date(2025, 12, 1)
    assert events["FUSIE"] < events["BESTUURSWISSEL"]
    inspections = [i for i in data.items if i.kind == ItemKind.INSPECTION]
    assert [i.start for i in inspections] == [date(2025, 1, 13)] and inspections[0].open_end
    (intensified,) = [i for i in data.items if i.kind == ItemKind.INTENSIFIED]
    assert (intensified.start, intensified.end) == (date(2025, 3, 20), date(2026, 9, 29))
    kinds = {i.kind for i in data.items}
    assert {ItemKind.SIGNAL, ItemKind.VISIT, ItemKind.CONVERSATION, ItemKind.INTERVENTION} <= kinds
    assert ItemKind.CONCERN_STATUS in kinds
    # Hard and soft signals of both valences are told apart.
    signals = {(i.valence, i.signal_kind) for i in data.items if i.kind == ItemKind.SIGNAL}
    assert len(signals) >= 4
    # Only Ziekenhuis A's own items: nothing of Ziekenhuis B.
    assert all(i.member is None for i in data.items)
    assert not any("Ziekenhuis B" in i.text for i in data.items if i.kind == ItemKind.INSPECTION)


def test_a_networks_timeline_includes_its_members_items_marked_by_member(demo_store: Store) -> None:
    data = _timeline(demo_store, SubjectRef.network(_network(demo_store, "Netwerk Palliatieve")))
    members = {i.member for i in data.items}
    assert "Ziekenhuis A" in members  # a member: its merger and its own inspection
    zha = [i for i in data.items if i.member == "Ziekenhuis A"]
    assert any(i.kind == ItemKind.LIFE_EVENT and i.code and i.code.code == "FUSIE" for i in zha)
    assert any(i.kind == ItemKind.INSPECTION for i in zha)
    assert all(i.caption("nl").startswith("Ziekenhuis A: ") for i in zha)  # flags and bands say whose
    # The network's own items (its inspection, its life events) carry no member.
    own = [i for i in data.items if i.member is None]
    assert any(i.kind == ItemKind.INSPECTION for i in own)
    assert any(i.kind == ItemKind.LIFE_EVENT for i in own)


def test_a_concern_status_change_is_on_the_timeline_with_its_rationale(
    store: Store, ctx: ActionContext
) -> None:
    with store.transaction() as s:
        demo.load_demo(s, ctx)
        concern = s.scalars(
            select(m.Concern).where(m.Concern.title == "Bestuur onvoldoende in control")
        ).one()
        s.add(
            m.ConcernStatusChange(
                concern_id=concern.id,
                from_status="VERMOEDEN",
                to_status="IN_ONDERZOEK",
                rationale="Tweede bron bevestigt het beeld.",
                changed_by="test",
                changed_at=datetime(2025, 3, 5, 10, tzinfo=UTC),
            )
        )
    data = _timeline(store, SubjectRef.organisation(_org(store, "Ziekenhuis A")))
    changes = [i for i in data.items if i.kind == ItemKind.CONCERN_STATUS and i.start == date(2025, 3, 5)]
    assert len(changes) == 1 and changes[0].code is not None and changes[0].code.code == "IN_ONDERZOEK"
    assert "Tweede bron" in changes[0].text
    assert changes[0].lane == Lane.CONCERNS


# ----- the axis and compress mode -------------------------------------------------------


def _item(day: date, n: int) -> TimelineItem:
    return TimelineItem(ItemKind.VISIT, f"v{n}", day, "")


def _sparse() -> TimelineData:
    """Visits in January and February, nothing March to August, visits in September."""
    days = [date(2025, 1, 10), date(2025, 2, 3), date(2025, 9, 1), date(2025, 9, 20)]
    return TimelineData(
        SubjectRef.organisation("o"), "O", date(2025, 10, 15), tuple(_item(d, n) for n, d in enumerate(days))
    )


def test_months_without_data_keep_their_slot() -> None:
    data = _sparse()
    lay = layout(data, Period(date(2025, 1, 1), date(2025, 10, 31)), 50)
    slots = lay.axis.slots
    assert [s.month for s in slots] == list(
        range(month_number(date(2025, 1, 1)), month_number(date(2025, 10, 1)) + 1)
    )
    xs = [s.x for s in slots]
    assert all(b > a for a, b in pairwise(xs))
    assert {s.width for s in slots} == {50} and not lay.axis.gaps
    assert lay.axis.x(date(2025, 9, 1)) == 8 * 50  # September stays eight months after January
    marks = sorted(lay.marks, key=lambda mk: mk.item.start)
    assert [mk.x for mk in marks] == sorted(mk.x for mk in marks)


def test_compress_mode_shrinks_the_quiet_run_and_keeps_the_order() -> None:
    data = _sparse()
    period = Period(date(2025, 1, 1), date(2025, 10, 31))
    plain = layout(data, period, 50)
    compressed = layout(data, period, 50, compress=True, min_quiet=3, gap_width=20)
    (gap,) = compressed.axis.gaps
    assert (gap.first, gap.last) == (month_number(date(2025, 3, 1)), month_number(date(2025, 8, 1)))
    assert compressed.axis.width == plain.axis.width - 6 * 50 + 20
    assert len(compressed.axis.slots) == len(plain.axis.slots)  # the months stay on the axis
    assert [s.compressed for s in compressed.axis.slots].count(True) == 6
    order = [mk.item.id for mk in sorted(compressed.marks, key=lambda mk: mk.x)]
    assert (
        order == [mk.item.id for mk in sorted(plain.marks, key=lambda mk: mk.x)] == ["v0", "v1", "v2", "v3"]
    )
    xs = [s.x for s in compressed.axis.slots]
    assert all(b > a for a, b in pairwise(xs))
    # A run shorter than the minimum stays as it is.
    assert not layout(data, period, 50, compress=True, min_quiet=7).axis.gaps


def test_a_long_span_does_not_keep_the_months_it_runs_through_busy() -> None:
    data = _sparse()
    span = TimelineItem(ItemKind.INTENSIFIED, "p", date(2025, 2, 20), "", end=date(2025, 9, 10))
    data = TimelineData(data.subject, data.title, data.today, (*data.items, span))
    lay = layout(data, Period(date(2025, 1, 1), date(2025, 10, 31)), 50, compress=True)
    assert lay.axis.gaps and lay.spans[0].x1 > lay.spans[0].x0


# ----- the widget -----------------------------------------------------------------------


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    ws = Workspace.create(app_paths(tmp_path / "home").ensure(), PASSPHRASE, PASSPHRASE, "Tester")
    ws.call(demo.load_demo, ws.ctx)
    yield ws
    ws.close()


def _view(qtbot: QtBot, workspace: Workspace):  # type: ignore[no-untyped-def]
    from ui.timeline_view import TimelineView

    view = TimelineView(workspace)
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    qtbot.waitExposed(view)
    org = workspace.call(
        lambda s: s.scalars(select(m.Organisation.id).where(m.Organisation.name == "Ziekenhuis A")).one()
    )
    view.show_subject(SubjectRef.organisation(org))
    qtbot.waitUntil(lambda: view.loads >= 1, timeout=10000)
    return view


def _open_dialogs() -> list[QDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]


def test_the_widget_paints_zooms_and_opens_a_signal_but_nothing_on_empty_space(
    qtbot: QtBot, workspace: Workspace
) -> None:
    view = _view(qtbot, workspace)
    canvas = view.canvas
    assert canvas.lay is not None and canvas.lay.marks
    image = canvas.grab()
    assert not image.isNull() and image.width() > 1000
    if shot := __import__("os").environ.get("VELDWERK_SCREENSHOTS"):
        view.grab().save(str(Path(shot) / "timeline.png"))
    # Zoom: fewer months per screen make months wider; Ctrl+- undoes it.
    wide = view.month_width()
    qtbot.keyClick(view.from_month, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert view.month_width() > wide
    assert canvas.width() > image.width()
    qtbot.keyClick(view.from_month, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert view.month_width() == pytest.approx(wide)
    # Compress mode: a narrower canvas, the same marks.
    marks = len(canvas.lay.marks)
    width = canvas.width()
    view.compress.setChecked(True)
    assert canvas.lay.axis.gaps and canvas.width() < width and len(canvas.lay.marks) == marks
    # A click on empty space opens nothing; a click on a signal opens its detail.
    view.scroller.horizontalScrollBar().setValue(0)
    # Empty space in the lane of negative signals, well away from every mark, and below the lanes.
    lane = canvas.lay.lane_box(Lane.SIGNALS_NEGATIVE)
    xs = [mk.x for mk in canvas.lay.marks if mk.item.lane == Lane.SIGNALS_NEGATIVE]
    free = next(x for x in range(0, int(canvas.lay.axis.width), 5) if all(abs(x - mx) > 30 for mx in xs))
    y = int(canvas.row_top(lane.row) + canvas.row / 2)
    for empty in (QPoint(int(canvas.x_of(free)), y), QPoint(canvas.width() - 5, canvas.height() - 3)):
        assert canvas.item_at(empty.x(), empty.y()) is None
        qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=empty)
    qtbot.wait(100)
    assert not _open_dialogs()
    mark = next(mk for mk in canvas.lay.marks if mk.item.kind == ItemKind.SIGNAL)
    box = canvas.lay.lane_box(mark.item.lane)
    pos = QPoint(int(canvas.x_of(mark.x)), int(canvas.row_top(box.row + mark.row) + canvas.row / 2))
    assert canvas.item_at(pos.x(), pos.y()) is not None
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=pos)
    from ui.signal_detail import SignalDetailDialog

    qtbot.waitUntil(lambda: any(isinstance(d, SignalDetailDialog) for d in _open_dialogs()), timeout=5000)
    for dialog in _open_dialogs():
        dialog.reject()


def test_the_widget_follows_a_new_life_event(qtbot: QtBot, workspace: Workspace) -> None:
    view = _view(qtbot, workspace)
    before = view.data.items if view.data else ()
    org = view.subject.id if view.subject else ""

    def add(session):  # type: ignore[no-untyped-def]
        from inspectorapp.domain.changes import ChangeSet
        from inspectorapp.domain.snapshots import OpResult

        event = m.LifeEvent(
            organisation_id=org, event_type="MEDIA_AANDACHT", occurred_on=date(2026, 3, 1), description="x"
        )
        session.add(event)
        session.flush()
        return OpResult(event.id, ChangeSet.of(life_event=[event.id]))

    loads = view.loads
    workspace.call(add)
    qtbot.waitUntil(lambda: view.loads > loads, timeout=10000)
    assert view.data is not None and len(view.data.items) == len(before) + 1


# ----- the PDF --------------------------------------------------------------------------


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_the_pdf_shows_the_lanes_and_the_merger_and_leaves_confidential_signals_out(
    demo_store: Store, tmp_path: Path
) -> None:
    data = _timeline(demo_store, SubjectRef.organisation(_org(demo_store, "Ziekenhuis A")))
    assert any(i.confidentiality == Confidentiality.RESTRICTED for i in data.items)
    pdf = tmp_path / "tijdlijn.pdf"
    pdf.write_bytes(timeline_pdf(data, compress=True))
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    for lane in DUTCH.lanes.values():
        assert lane in text, lane
    assert "Fusie" in text and "Bestuurswissel" in text
    assert "intern – niet voor verzending" in text
    # Page 1 holds the whole picture; the list of what it shows follows.
    first = subprocess.run(
        ["pdftotext", "-layout", "-f", "1", "-l", "1", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert all(lane in first for lane in DUTCH.lanes.values()) and DUTCH.listing not in first
    assert DUTCH.listing in text
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "DejaVuSans" in fonts and "Helvetica" not in fonts  # only the embedded face
    # Marks carry no text: what is left out shows in the note that counts it.
    left_out = sum(1 for i in data.items if i.confidentiality in NOT_FOR_PDF)
    assert " ".join(DUTCH.left_out.format(n=left_out).split()[:3]) in " ".join(text.split())
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(tmp_path / "page")], check=True)
    assert (tmp_path / "page-1.png").stat().st_size > 10_000


def test_the_keyboard_steps_through_the_signals_and_opens_one(qtbot: QtBot, workspace: Workspace) -> None:
    view = _view(qtbot, workspace)
    canvas = view.canvas
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_Right)
    first = canvas.selected
    qtbot.keyClick(canvas, Qt.Key.Key_Right)
    assert first is not None and canvas.selected not in (None, first)
    assert [mk.item.id for mk in canvas.signal_marks()][:2] == [first, canvas.selected]
    qtbot.keyClick(canvas, Qt.Key.Key_Return)
    from ui.signal_detail import SignalDetailDialog

    qtbot.waitUntil(lambda: any(isinstance(d, SignalDetailDialog) for d in _open_dialogs()), timeout=5000)
    for dialog in _open_dialogs():
        dialog.reject()
