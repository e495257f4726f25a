"""``python -m bench`` runs every benchmark to its summary at a tiny size, so a benchmark that
no longer matches the schema, the services or the protocol fails the suite (timings are never
asserted here: see bench/README.md).

The sync benchmarks need PostgreSQL's server binaries (skipped without them, failed in CI, as
the sync-server tests are). Anki's sync server (PyPI ``anki``) is optional: without it the
``sync`` benchmark says so and measures Veldwerk alone.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from bench import anki_peer
from bench.__main__ import BENCHMARKS, main

from .postgres import find_pg_bin

SMOKE = ["--smoke", "--paragraphs", "300", "--changes", "1500", "--laptops", "2", "--blob-mb", "2"]


@pytest.mark.slow
def test_python_m_bench_runs_every_benchmark_to_its_summary(
    qapp: object, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if find_pg_bin() is None:
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL server binaries not found; CI must install them", pytrace=False)
        pytest.skip("PostgreSQL server binaries not found: the sync benchmarks need them")

    code = main([*SMOKE, "--results", str(tmp_path)])  # no names: all of them, as python -m bench

    out = capsys.readouterr().out
    assert code in (0, 1)  # 1: a budget is over, which says nothing at this size
    (written,) = tmp_path.glob("*.json")
    results = {r["name"]: r for r in json.loads(written.read_text("utf-8"))["results"]}
    assert list(results) == list(BENCHMARKS)  # every benchmark ran and reached the summary
    assert all(r["ratio"] > 0 for r in results.values())
    summary = out.split("\nbenchmark ", 1)[1]
    assert all(f"\n{name} " in summary for name in BENCHMARKS)
    assert "key derivation" in results["unlock"]["baseline"]
    assert "bare SQL" in results["sense_board"]["baseline"]
    if anki_peer.missing():
        assert "Anki peer SKIPPED: PyPI 'anki' is not installed" in out
    else:  # Anki's server ran beside Veldwerk's: its rates are the budget
        assert "Anki push" in results["sync"]["baseline"] and "Veldwerk / Anki: push" in out
