"""The signal board's cards as painted (issue #14): valence is the fill colour, a hard signal
has a solid edge and a soft one a dashed edge, a selected card's edge is thicker, and status,
date, observer and the hook marker are drawn.

Real cards painted by the real ``CardDelegate`` (its cached shapes from ``_background``
included) into a ``QImage``, and once through a real board column's ``QListView``. The checks
read pixels of the shape, and for text only whether the pixels change where that text goes:
no glyph is matched, so any font passes.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QItemSelectionModel, QRect
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from inspectorapp.domain.board_views import BoardCard
from inspectorapp.domain.enums import Confidentiality, SignalKind, Valence
from ui.signal_board import BoardColumn
from ui.signal_cards import CARD_H, CARD_W, EDGE, FILL, CardDelegate, CardModel

WHITE = QColor("#ffffff")
INSET = 3  # the delegate draws the card 3 px inside its row (option.rect.adjusted(3, 3, -3, -3))


def _card(
    kind: str = SignalKind.HARD,
    valence: str = Valence.NEGATIVE,
    *,
    has_hook: bool = False,
    observed_by: str | None = "Inspecteur Jansen",
    observed_at: datetime = datetime(2026, 3, 4, 12, tzinfo=UTC),
    status: str = "NIEUW",
) -> BoardCard:
    return BoardCard(
        id=f"sig-{kind}-{valence}",
        observation="Nachtdienst op 3 Oost meldt dat incidenten niet worden gemeld.",
        kind=kind,
        valence=valence,
        status=status,
        entrance="LMZ_KLACHT",
        channel=None,
        observed_by=observed_by,
        observed_at=observed_at,
        unit_id=None,
        unit_name=None,
        categories=(),
        has_hook=has_hook,
        confidentiality=Confidentiality.TEAM,
        source_key=None,
        organisation_id="org-1",
        member_name=None,
    )


class Describe:
    """The board's label lookup, recording what the delegate asks for."""

    def __init__(self, labels: dict[str, str] | None = None) -> None:
        self.asked: list[tuple[str, str | None]] = []
        self.labels = labels or {}

    def __call__(self, field: str, code: str | None) -> str:
        self.asked.append((field, code))
        return self.labels.get(f"{field}:{code}", f"label {code}")


def _paint(card: BoardCard, *, selected: bool = False, describe: Describe | None = None) -> QImage:
    """One card as the board's view paints a row: the delegate over a white row."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    delegate = CardDelegate(describe or Describe())
    model = CardModel([card])
    image = QImage(CARD_W, CARD_H, QImage.Format.Format_ARGB32)
    image.fill(WHITE)
    option = QStyleOptionViewItem()
    option.rect = QRect(0, 0, CARD_W, CARD_H)
    option.font = app.font()
    option.state = QStyle.StateFlag.State_Enabled
    if selected:
        option.state |= QStyle.StateFlag.State_Selected
    painter = QPainter(image)
    delegate.paint(painter, option, model.index(0))
    painter.end()
    return image


def _rgb(image: QImage, x: int, y: int) -> QColor:
    return QColor(image.pixel(x, y))


def _distance(a: QColor, b: QColor) -> int:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue())


def _is_edge(pixel: QColor, valence: str) -> bool:
    """Nearer the valence's edge colour than to its fill (or the white around the card)."""
    edge = _distance(pixel, EDGE[valence])
    return edge < _distance(pixel, FILL[valence]) and edge < _distance(pixel, WHITE)


def _edge_runs(image: QImage, valence: str, y: int, x0: int, x1: int) -> list[int]:
    """Lengths of the runs of edge-coloured pixels along row ``y`` from x0 to x1."""
    runs: list[int] = []
    length = 0
    for x in range(x0, x1):
        if _is_edge(_rgb(image, x, y), valence):
            length += 1
        elif length:
            runs.append(length)
            length = 0
    if length:
        runs.append(length)
    return runs


def _straight_top(image: QImage) -> tuple[int, int]:
    """The top edge's straight part: clear of the rounded corners (radius 6)."""
    return INSET + 10, image.width() - INSET - 10


def _edge_thickness(image: QImage, valence: str, x0: int, x1: int, top: int = INSET) -> float:
    """How many pixels' worth of edge colour the top edge is at its widest: per column, the
    antialiased pen's coverage measured from the fill towards the edge colour, summed down
    from the card's top (a dashed edge's columns in a gap count nothing)."""
    fill, edge = FILL[valence], EDGE[valence]
    full = _distance(fill, edge)
    return max(
        sum(max(0.0, 1 - _distance(_rgb(image, x, y), edge) / full) for y in range(top, top + 6))
        for x in range(x0, x1)
    )


def _fill_strip(image: QImage, row: QRect | None = None) -> set[str]:
    """The colours of a strip inside the card's left edge, left of where any text starts."""
    row = row or image.rect()
    mid = row.center().y()
    return {
        _rgb(image, x, y).name()
        for x in range(row.left() + INSET + 4, row.left() + INSET + 7)
        for y in range(mid - 15, mid + 15)
    }


def _diff_box(a: QImage, b: QImage) -> QRect:
    """The bounding box of the pixels in which two paintings differ (empty if none)."""
    box = QRect()
    for y in range(a.height()):
        for x in range(a.width()):
            if a.pixel(x, y) != b.pixel(x, y):
                box = box.united(QRect(x, y, 1, 1))
    return box


@pytest.mark.parametrize("valence", list(Valence))
@pytest.mark.parametrize("kind", list(SignalKind))
def test_the_fill_is_the_valence_colour(qtbot: QtBot, valence: Valence, kind: SignalKind) -> None:
    for selected in (False, True):
        image = _paint(_card(kind, valence), selected=selected)
        assert _fill_strip(image) == {FILL[valence].name()}
        # The edge is drawn in the valence's edge colour: its darkest pixels are exactly it.
        x0, x1 = _straight_top(image)
        top_row = {_rgb(image, x, INSET).name() for x in range(x0, x1)}
        assert EDGE[valence].name() in top_row
    # Three different looks, not one default.
    assert len({FILL[v].name() for v in Valence}) == len({EDGE[v].name() for v in Valence}) == 3


@pytest.mark.parametrize("valence", list(Valence))
@pytest.mark.parametrize("selected", [False, True])
def test_a_hard_card_has_a_solid_edge_and_a_soft_one_a_dashed_edge(
    qtbot: QtBot, valence: Valence, selected: bool
) -> None:
    hard = _paint(_card(SignalKind.HARD, valence), selected=selected)
    soft = _paint(_card(SignalKind.SOFT, valence), selected=selected)
    x0, x1 = _straight_top(hard)
    # Along the row just inside the top border (its first row of pen): one unbroken run for
    # the hard card, many short dashes with gaps between them for the soft one.
    assert _edge_runs(hard, valence, INSET, x0, x1) == [x1 - x0]
    dashes = _edge_runs(soft, valence, INSET, x0, x1)
    assert len(dashes) >= 10, dashes
    assert max(dashes) < 20 and sum(dashes) < 0.9 * (x1 - x0), dashes
    # The bottom edge too: the whole outline is solid or dashed, not just its top.
    bottom = hard.height() - INSET - 1
    assert _edge_runs(hard, valence, bottom, x0, x1) == [x1 - x0]
    assert len(_edge_runs(soft, valence, bottom, x0, x1)) >= 10


@pytest.mark.parametrize("valence", list(Valence))
def test_a_selected_card_has_a_thicker_edge(qtbot: QtBot, valence: Valence) -> None:
    for kind in SignalKind:
        plain = _paint(_card(kind, valence))
        chosen = _paint(_card(kind, valence), selected=True)
        x0, x1 = _straight_top(plain)
        thin = _edge_thickness(plain, valence, x0, x1)
        thick = _edge_thickness(chosen, valence, x0, x1)
        assert thin >= 1.0, (kind, thin)
        assert thick >= thin + 0.6, (kind, thin, thick)


def test_status_entrance_date_observer_and_hook_are_drawn(qtbot: QtBot) -> None:
    describe = Describe()
    base = _card()
    plain = _paint(base, describe=describe)
    # The status and entrance are written in the labels the board knows, not as codes.
    assert ("signal_status", "NIEUW") in describe.asked
    assert ("entrance", "LMZ_KLACHT") in describe.asked
    half_w, half_h = CARD_W // 2, CARD_H // 2

    # Another status label changes the top line's left part only.
    other_status = _paint(base, describe=Describe({"signal_status:NIEUW": "blijft zacht"}))
    box = _diff_box(plain, other_status)
    assert not box.isEmpty() and box.bottom() < half_h and box.left() < half_w, box

    # The hook marker is written before the status on the top line.
    hooked = _paint(base._replace(has_hook=True))
    box = _diff_box(plain, hooked)
    assert not box.isEmpty() and box.bottom() < half_h and box.left() < half_w, box

    # The date sits at the top on the right.
    later = _paint(base._replace(observed_at=datetime(2025, 11, 28, 12, tzinfo=UTC)))
    box = _diff_box(plain, later)
    assert not box.isEmpty() and box.bottom() < half_h and box.right() > half_w, box

    # The observer is on the line above the badges, at the bottom.
    other = _paint(base._replace(observed_by="Inspecteur Bakker-de Vries"))
    box = _diff_box(plain, other)
    assert not box.isEmpty() and box.top() > half_h, box
    nobody = _paint(base._replace(observed_by=None))
    assert not _diff_box(plain, nobody).isEmpty()

    # None of these touches the card's shape: the fill strip and the edge stay as they were.
    for image in (other_status, hooked, later, other):
        assert _fill_strip(image) == {FILL[Valence.NEGATIVE].name()}
        x0, x1 = _straight_top(image)
        assert _edge_runs(image, Valence.NEGATIVE, INSET, x0, x1) == [x1 - x0]


def test_a_board_column_paints_its_cards_and_the_selected_one_thicker(qtbot: QtBot) -> None:
    """The real path: a board column's list view with its model and the delegate, grabbed."""
    column = BoardColumn(CardDelegate(Describe()))
    qtbot.addWidget(column)
    cards = [
        _card(SignalKind.HARD, Valence.NEGATIVE),
        _card(SignalKind.SOFT, Valence.POSITIVE),
        _card(SignalKind.SOFT, Valence.AMBIGUOUS),
    ]
    column.fill("Nieuw", cards)
    column.resize(CARD_W + 40, 3 * CARD_H + 80)
    column.show()
    qtbot.waitExposed(column)
    view = column.list
    view.selectionModel().select(column.model.index(1), QItemSelectionModel.SelectionFlag.ClearAndSelect)
    image = view.viewport().grab().toImage().convertToFormat(QImage.Format.Format_ARGB32)
    assert image.devicePixelRatio() == 1.0  # offscreen: one pixel per pixel
    thickness: list[float] = []
    for row, card in enumerate(cards):
        rect = view.visualRect(column.model.index(row))
        valence = card.valence
        y = rect.top() + INSET
        x0, x1 = rect.left() + INSET + 10, rect.right() - INSET - 10
        assert _fill_strip(image, rect) == {FILL[valence].name()}
        runs = _edge_runs(image, valence, y, x0, x1)
        if card.kind == SignalKind.HARD:
            assert runs == [x1 - x0]
        else:
            assert len(runs) >= 10, runs
        thickness.append(_edge_thickness(image, valence, x0, x1, y))
    # The selected card (the middle one) has the thickest edge; the others are alike.
    assert thickness[1] >= max(thickness[0], thickness[2]) + 0.6, thickness
    assert abs(thickness[0] - thickness[2]) < 0.3, thickness
