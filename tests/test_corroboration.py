"""Corroboration counts: distinct sources by source key and dubbel_van links, never a score."""

from __future__ import annotations

from datetime import UTC, datetime

from inspectorapp.domain.corroboration import Corroboration, SignalFacts, corroboration, split


def fact(
    sid: str,
    key: str | None = None,
    entrance: str | None = None,
    by: str | None = None,
    day: int = 1,
) -> SignalFacts:
    return SignalFacts(sid, key, entrance, by, datetime(2026, 3, day, tzinfo=UTC))


def test_empty() -> None:
    assert corroboration([]) == Corroboration(0, 0, 0, 0, None, None)


def test_signals_without_key_are_each_their_own_source() -> None:
    result = corroboration([fact("a"), fact("b"), fact("c")])
    assert (result.signals, result.sources) == (3, 3)


def test_shared_key_is_one_source_trimmed_and_case_insensitive() -> None:
    result = corroboration([fact("a", "LMZ-2026-08812"), fact("b", "  lmz-2026-08812 "), fact("c", "LMZ-1")])
    assert (result.signals, result.sources) == (3, 2)


def test_blank_keys_do_not_join() -> None:
    result = corroboration([fact("a", ""), fact("b", "   "), fact("c", None)])
    assert result.sources == 3


def test_duplicates_join_transitively() -> None:
    signals = [fact("a"), fact("b"), fact("c"), fact("d")]
    assert corroboration(signals, [("a", "b"), ("b", "c")]).sources == 2
    assert corroboration(signals, [("a", "b"), ("c", "d"), ("d", "a")]).sources == 1


def test_duplicate_and_key_chain() -> None:
    # a and b share a key; c is a duplicate of b: all three are one source.
    signals = [fact("a", "K"), fact("b", "k"), fact("c"), fact("d")]
    assert corroboration(signals, [("c", "b")]).sources == 2


def test_duplicates_with_a_signal_outside_are_ignored() -> None:
    assert corroboration([fact("a"), fact("b")], [("a", "x"), ("x", "b")]).sources == 2


def test_entrances_observers_and_period() -> None:
    result = corroboration(
        [
            fact("a", entrance="MELDPUNT", by="jan", day=5),
            fact("b", entrance="MELDPUNT", by="piet", day=2),
            fact("c", entrance=None, by=None, day=9),
            fact("d", entrance="BEZOEK", by="jan", day=3),
        ]
    )
    assert (result.entrances, result.observers) == (2, 2)
    assert result.first == datetime(2026, 3, 2, tzinfo=UTC)
    assert result.last == datetime(2026, 3, 9, tzinfo=UTC)


def test_duplicate_signal_ids_count_once() -> None:
    assert corroboration([fact("a"), fact("a")]).signals == 1


def test_split_counts_contradicting_apart() -> None:
    signals = [fact("a", "K", "MELDPUNT", "jan"), fact("b", "K"), fact("c", by="piet"), fact("d", "K")]
    main, against = split(signals, [], {"c", "d"})
    assert (main.signals, main.sources, main.observers) == (2, 1, 1)
    assert (against.signals, against.sources, against.observers) == (2, 2, 1)


def test_split_without_contradictions() -> None:
    main, against = split([fact("a"), fact("b")], [("a", "b")], ())
    assert (main.signals, main.sources) == (2, 1)
    assert against == Corroboration(0, 0, 0, 0, None, None)
