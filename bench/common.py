"""Shared pieces of the benchmarks: sizes, cache paths, percentiles, result lines."""

from __future__ import annotations

import argparse
import math
import os
import shutil
import statistics
from dataclasses import dataclass
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
CACHE = BENCH_DIR / ".cache"
RESULTS = BENCH_DIR / "results"
PASSPHRASE = "bench passphrase"
DEFAULT_PARAGRAPHS = 100_000
DEFAULT_SIGNALS = 10_000
SIGNALS_PER_PARAGRAPH = DEFAULT_SIGNALS / DEFAULT_PARAGRAPHS  # 1M paragraphs -> 100k signals


@dataclass(frozen=True)
class Size:
    paragraphs: int = DEFAULT_PARAGRAPHS
    signals: int = DEFAULT_SIGNALS

    @property
    def key(self) -> str:
        return f"p{self.paragraphs}-s{self.signals}"


def add_size_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--paragraphs", type=int, default=DEFAULT_PARAGRAPHS)
    parser.add_argument(
        "--signals",
        type=int,
        default=None,
        help=f"default: {SIGNALS_PER_PARAGRAPH:g} per paragraph (10k for 100k, 100k for 1M)",
    )


def size_from(args: argparse.Namespace) -> Size:
    """The store size of ``add_size_args``' options: --paragraphs 1000000 alone means
    the full size of the budgets (100k signals), whose store may already be cached."""
    signals = args.signals if args.signals is not None else round(args.paragraphs * SIGNALS_PER_PARAGRAPH)
    return Size(args.paragraphs, signals)


@dataclass(frozen=True)
class Result:
    """One benchmark's verdict, as printed in the summary table."""

    name: str
    measured: str  # e.g. "p99 4.10 ms (p50 1.20 ms)"
    baseline: str  # e.g. "floor p99 1.90 ms"
    ratio: float  # measured / baseline, same statistic
    budget: str  # e.g. "p99 ≤ 3× floor"
    passed: bool

    @property
    def verdict(self) -> str:
        return "PASS" if self.passed else "OVER"


def percentile(samples: list[float], p: float) -> float:
    """Nearest-rank percentile (no interpolation): p99 of 500 samples is the 495th value."""
    if not samples:
        raise ValueError("no samples")
    ordered = sorted(samples)
    rank = max(1, math.ceil(p / 100 * len(ordered)))
    return ordered[rank - 1]


def median(samples: list[float]) -> float:
    return statistics.median(samples)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def print_result(result: Result) -> None:
    print(
        f"[{result.name}] {result.measured} | baseline {result.baseline} | "
        f"ratio {result.ratio:.2f}× | budget {result.budget} | {result.verdict}"
    )


def fresh_copy(source: Path, name: str) -> Path:
    """Copy a (closed, checkpointed) cached store to a scratch file on the same disk, so a
    benchmark that writes never changes the cache and commits hit the same file system.
    The copy is fsynced: otherwise the first commit's fsync pays for flushing the whole
    freshly written file (seconds for 1M paragraphs) inside the measurement."""
    work = CACHE / "work"
    work.mkdir(parents=True, exist_ok=True)
    target = work / name
    for leftover in (target, Path(f"{target}-wal"), Path(f"{target}-shm")):
        leftover.unlink(missing_ok=True)
    shutil.copyfile(source, target)
    with open(target, "rb+") as fh:
        os.fsync(fh.fileno())
    return target


def remove_db(path: Path) -> None:
    for f in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        f.unlink(missing_ok=True)
