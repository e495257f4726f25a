"""The benchmarks of cold start and unlock run end to end at a tiny size (their timings are
never asserted here: see bench/README.md)."""

from __future__ import annotations

import pytest

from bench import cold_start, unlock
from bench.common import Size


def test_unlock_benchmark_runs_at_a_tiny_size(qapp: object) -> None:
    result = unlock.run(Size(paragraphs=300, signals=30), runs=1)
    assert result.name == "unlock" and result.ratio > 1  # unlocking costs more than the key derivation
    assert "key derivation" in result.baseline


@pytest.mark.slow
def test_cold_start_benchmark_runs() -> None:
    result = cold_start.run(runs=1)
    assert result.name == "cold_start" and result.ratio > 0


def test_sense_benchmarks_run_at_a_tiny_size(qapp: object) -> None:
    from bench import sense

    board = sense.run(total=600, board=120, observers=6, rounds=1)
    assert board.name == "sense_board" and board.ratio > 0 and "bare SQL" in board.baseline
    typing = sense.run_resurfacing(total=600, board=120, observers=6, rounds=1)
    assert typing.name == "resurfacing" and typing.ratio > 0


def test_deliberation_benchmarks_run_at_a_tiny_size() -> None:
    from bench import deliberation

    results = deliberation.run(total=600, board=120, observers=6, rounds=1)
    assert [r.name for r in results] == list(deliberation.NAMES)
    assert all(r.ratio > 0 and "bare SQL" in r.baseline for r in results)
