"""Cold start to the unlock screen vs a bare PySide6 window (DESIGN.md: ≤ 1.5×).

    python -m bench.cold_start [--runs 7]

Each start is a fresh Python process (offscreen Qt), timed from spawn to exit; the
app is ``python -m inspectorapp --home <fresh tmp> --quit-after 0`` (it shows the
unlock/create screen and quits as soon as the event loop runs). The baseline does the
same with a bare QWidget. Runs alternate app/baseline so machine noise hits both; one
discarded warm-up of each first, so both read Python and Qt from a warm page cache.
Afterwards one ``-X importtime`` run of the app lists the heaviest imports that are
not PySide6: that is what stands between the app and the baseline.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .common import BENCH_DIR, Result, median, ms, print_result

BUDGET = 1.5
BASELINE_CODE = (
    "import sys\n"
    "from PySide6.QtCore import QTimer\n"
    "from PySide6.QtWidgets import QApplication, QWidget\n"
    "app = QApplication(sys.argv)\n"
    "w = QWidget()\n"
    "w.show()\n"
    "QTimer.singleShot(0, app.quit)\n"
    "sys.exit(app.exec())\n"
)


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.pop("VELDWERK_HOME", None)
    env.pop("PYTHONPROFILEIMPORTTIME", None)
    return env


def _app_cmd(home: Path, *extra: str) -> list[str]:
    return [sys.executable, *extra, "-m", "inspectorapp", "--home", str(home), "--quit-after", "0"]


def _timed(cmd: list[str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(cmd, env=_env(), capture_output=True, text=True, timeout=120, cwd=BENCH_DIR.parent)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"{cmd} exited {done.returncode}:\n{done.stderr[-2000:]}")
    return elapsed


QT_ROOTS = {"PySide6", "shiboken6", "shibokensupport"}  # the baseline pays for these too

# The app's start to its first painted frame in steps, timed inside one fresh process. Last, after
# the frame, the ``Qt`` namespace is imported: PySide builds its ~100 Python enums (15-20 ms) the
# first time any module imports ``Qt`` or calls e.g. ``QAction.setShortcut``; ~0 ms there means
# the start path had already paid for them before the first frame (the bare window never does).
PHASES_CODE = """
import sys, tempfile, time
from pathlib import Path
marks = [("start", time.perf_counter())]
def mark(name): marks.append((name, time.perf_counter()))
from PySide6.QtWidgets import QApplication, QWidget; mark("PySide6.QtWidgets (the bare window too)")
from PySide6.QtGui import QAction, QKeySequence; mark("QtGui classes the window uses")
import inspectorapp.cli; mark("inspectorapp.cli (argparse, paths)")
from inspectorapp import bootstrap; mark("inspectorapp.bootstrap (settings, logging)")
import ui.main_window; mark("ui.main_window and the unlock page")
from inspectorapp.paths import app_paths
app = bootstrap.create_app(sys.argv[:1]); mark("QApplication")
window = bootstrap.build_main_window(app, app_paths(Path(tempfile.mkdtemp())).ensure())
mark("build_main_window (style, translator, widgets)")
window.show()
window.grab(); mark("show and first paint")
from PySide6.QtCore import Qt; mark("(after the frame) Qt enums: 0 = built before it")
prev = marks[0][1]
for name, t in marks[1:]:
    print(f"{name}\t{t - prev}")
    prev = t
"""


def phases(runs: int = 5) -> list[tuple[str, float]]:
    """Median time of each step of ``PHASES_CODE`` over ``runs`` fresh processes."""
    samples: dict[str, list[float]] = {}
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "-c", PHASES_CODE],
            env=_env(),
            capture_output=True,
            text=True,
            timeout=120,
            cwd=BENCH_DIR.parent,
            check=True,
        )
        for line in done.stdout.splitlines():
            name, seconds = line.split("\t")
            samples.setdefault(name, []).append(float(seconds))
    return [(name, median(values)) for name, values in samples.items()]


def heaviest_imports(top: int = 6) -> list[tuple[str, float, str]]:
    """Root packages the app imports beyond Qt, by summed self import time, each with the
    chain of imports that first pulled it in (one ``-X importtime`` run, which inflates)."""
    with tempfile.TemporaryDirectory(prefix="veldwerk-bench-") as home:
        done = subprocess.run(
            _app_cmd(Path(home), "-X", "importtime"),
            env=_env(),
            capture_output=True,
            text=True,
            timeout=120,
            cwd=BENCH_DIR.parent,
        )
    line_re = re.compile(r"import time:\s+(\d+) \|\s+\d+ \|( *)(\S+)")
    entries = [
        (len(m.group(2)), m.group(3), int(m.group(1)))
        for m in map(line_re.match, done.stderr.splitlines())
        if m is not None
    ]
    totals: dict[str, float] = {}
    first: dict[str, int] = {}
    for i, (_, name, self_us) in enumerate(entries):
        root = name.split(".")[0]
        totals[root] = totals.get(root, 0.0) + self_us / 1e6
        first.setdefault(root, i)

    def chain(i: int) -> str:  # importtime lists children before their parent, indented deeper
        depth, path = entries[i][0], [entries[i][1]]
        for d, name, _ in entries[i + 1 :]:
            if d < depth:
                depth = d
                path.insert(0, name)
        root = entries[i][1].split(".")[0]
        path = path[: next(n for n, name in enumerate(path) if name.split(".")[0] == root) + 1]
        if len(path) > 5:
            path = [*path[:3], "…", *path[-2:]]
        return " → ".join(path)

    ranked = sorted(
        (kv for kv in totals.items() if kv[0] not in QT_ROOTS), key=lambda kv: kv[1], reverse=True
    )
    return [(root, seconds, chain(first[root])) for root, seconds in ranked[:top]]


def run(runs: int = 7) -> Result:
    app_s: list[float] = []
    base_s: list[float] = []
    baseline = [sys.executable, "-c", BASELINE_CODE]
    with tempfile.TemporaryDirectory(prefix="veldwerk-bench-") as tmp:
        homes = iter(Path(tmp) / f"home{i}" for i in range(runs + 1))
        _timed(baseline)  # warm-up: page cache and .pyc files
        _timed(_app_cmd(next(homes)))
        for _ in range(runs):
            base_s.append(_timed(baseline))
            app_s.append(_timed(_app_cmd(next(homes))))  # fresh home: first start, no store
    app_m, base_m = median(app_s), median(base_s)
    ratio = app_m / base_m
    print(f"  bare window: median {ms(base_m)}  runs {', '.join(f'{s * 1000:.0f}' for s in base_s)} ms")
    print(f"  app unlock : median {ms(app_m)}  runs {', '.join(f'{s * 1000:.0f}' for s in app_s)} ms")
    print("  where the time goes, in one fresh process (median of 5):")
    for name, seconds in phases():
        print(f"    {name:<48} {ms(seconds):>10}")
    print("  heaviest non-Qt imports before the unlock screen (self time, one -X importtime run):")
    for name, seconds, via in heaviest_imports():
        print(f"    {name:<14} {ms(seconds):>10}  {via}")
    return Result(
        name="cold_start",
        measured=f"median {ms(app_m)} (app to unlock screen, {runs} runs)",
        baseline=f"bare PySide6 window median {ms(base_m)}",
        ratio=ratio,
        budget=f"≤ {BUDGET}× bare window",
        passed=ratio <= BUDGET,
    )


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.cold_start", description=__doc__.splitlines()[0])
    p.add_argument("--runs", type=int, default=7)
    args = p.parse_args(argv)
    print_result(run(args.runs))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
