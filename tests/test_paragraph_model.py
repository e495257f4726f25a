"""Paragraph identity through edits (pure logic, no Qt)."""

from __future__ import annotations

from datetime import UTC, datetime
from itertools import count

from ui.paragraph_model import POSITION_GAP, Para, ParagraphList

_ids = count(1)


def _new() -> Para:
    return Para(f"new-{next(_ids)}", "waarneming", datetime(2026, 3, 12, 9, tzinfo=UTC))


def _loaded(*texts: str) -> ParagraphList:
    paras = [
        Para(
            f"p{n}",
            "waarneming",
            datetime(2026, 3, 12, 9, tzinfo=UTC),
            position=(n + 1) * POSITION_GAP,
            text=t,
        )
        for n, t in enumerate(texts)
    ]
    for p in paras:
        p.saved = p.state()
    return ParagraphList(_new, paras)


def test_typing_in_a_paragraph_keeps_its_id() -> None:
    m = _loaded("eerste", "tweede")
    m.align(["eerste!", "tweede"])
    assert [p.id for p in m.paras] == ["p0", "p1"]
    upserts, deletes = m.pending()
    assert [p.id for p in upserts] == ["p0"] and deletes == []


def test_split_merge_and_undo() -> None:
    m = _loaded("eerste alinea", "tweede")
    m.align(["eerste", " alinea", "tweede"])  # Enter in the middle
    assert m.paras[0].id == "p0" and m.paras[1].id.startswith("new-") and m.paras[2].id == "p1"
    m.align(["eerste alinea", "tweede"])  # Backspace: merged again
    assert [p.id for p in m.paras] == ["p0", "p1"]
    m.align(["eerste alinea"])  # second paragraph deleted
    _, deletes = m.pending()
    assert [p.id for p in deletes] == ["p1"]
    m.align(["eerste alinea", "tweede"])  # undo brings it back with its own id
    assert [p.id for p in m.paras] == ["p0", "p1"]
    assert m.pending() == ([], [])


def test_positions_stay_increasing_with_few_moves() -> None:
    m = _loaded("a", "b", "c")
    m.align(["a", "x", "b", "c"])
    upserts, _ = m.pending()
    assert [p.text for p in upserts] == ["x"]  # only the new one gets a position
    positions = [p.position for p in m.paras]
    assert positions == sorted(positions) and len(set(positions)) == 4
    for _ in range(12):  # squeeze until renumbering is needed
        texts = [p.text for p in m.paras]
        m.align([*texts[:1], f"n{len(texts)}", *texts[1:]])
        m.pending()
        for p in m.paras:
            p.saved = p.state()
    positions = [p.position for p in m.paras]
    assert positions == sorted(positions) and len(set(positions)) == len(positions)


def test_empty_new_paragraphs_are_not_saved() -> None:
    m = _loaded("a")
    m.align(["a", "", ""])
    assert m.pending() == ([], [])
