"""The sync's progress on the command line: a bar on a terminal, plain lines without one.

Words and numbers as the sync panel shows them (``ui.sync_dialog.progress_text``), in the
command line's Dutch; no Qt here, the command line runs without it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from sync.engine import Progress


def count(n: int, one: str, many: str) -> str:
    return f"{number(n)} {one if n == 1 else many}"


def number(n: int) -> str:
    return f"{n:,}".replace(",", ".")  # Dutch: 1.200


def _size(n: int) -> str:
    for unit, factor in (("GB", 1 << 30), ("MB", 1 << 20), ("kB", 1 << 10)):
        if n >= factor:
            return f"{n / factor:.1f} {unit}".replace(".", ",")
    return f"{n} B"


def progress_text(step: Progress) -> str:
    """What the sync panel's bar says, in the command line's Dutch."""
    if step.stage == "push":
        return f"Wijzigingen versturen: {number(step.done)} van {number(step.total)}"
    if step.stage == "files":
        return f"Bestanden versturen: {_size(step.done)} van {_size(step.total)}"
    received = count(step.items, "wijziging", "wijzigingen")
    if step.total > 0:
        return f"Ontvangen: {received}, {min(100, step.done * 100 // step.total)} %"
    return f"Ontvangen: {received}"


def bar_line(step: Progress, width: int) -> str:
    """One line of the terminal's progress bar, at most ``width`` characters."""
    text = progress_text(step)
    room = width - len(text) - 3
    if step.total > 0 and room >= 10:
        cells = min(40, room)
        filled = min(cells, step.done * cells // step.total)
        return f"[{'#' * filled}{'.' * (cells - filled)}] {text}"[:width]
    return text[:width]


class ProgressPrinter:
    """The sync's progress on ``stream``: a bar redrawn in place on a terminal; without one,
    plain lines a log keeps (a stage's start, every tenth of it, its end; at most one line
    per ``quiet`` seconds while the total is unknown)."""

    def __init__(
        self,
        stream: TextIO,
        bar: bool,
        width: int | None = None,
        clock: Callable[[], float] = time.monotonic,
        quiet: float = 5.0,
    ) -> None:
        import shutil

        self.stream = stream
        self.bar = bar
        self.width = width or max(20, shutil.get_terminal_size().columns - 1)
        self.clock = clock
        self.quiet = quiet
        self._last: Progress | None = None
        self._printed: Progress | None = None
        self._bucket = -1
        self._at = 0.0
        self._drawn = 0

    def __call__(self, step: Progress) -> None:
        new_stage = self._last is None or self._last.stage != step.stage
        if new_stage and self._last is not None:
            self._end_stage()
        self._last = step
        if self.bar:
            self._draw(step, force=new_stage)
            return
        bucket = step.done * 10 // step.total if step.total > 0 else -1
        now = self.clock()
        if new_stage or bucket > self._bucket or (step.total <= 0 and now - self._at >= self.quiet):
            self._line(step)
        self._bucket = max(bucket, self._bucket)  # _end_stage set it back for a new stage

    def _line(self, step: Progress) -> None:
        self.stream.write(progress_text(step) + "\n")
        self.stream.flush()
        self._printed = step
        self._at = self.clock()

    def _draw(self, step: Progress, force: bool) -> None:
        now = self.clock()
        if not force and now - self._at < 0.1 and step.done < step.total:
            return  # at most ten redraws a second
        line = bar_line(step, self.width)
        self.stream.write("\r" + line + " " * max(0, self._drawn - len(line)))
        self.stream.flush()
        self._drawn = len(line)
        self._at = now

    def _end_stage(self) -> None:
        last = self._last
        if last is None:
            return
        if self.bar:
            self._draw(last, force=True)
            self.stream.write("\n")
            self._drawn = 0
        elif self._printed is not last:
            self._line(last)
        self._bucket = -1

    def finish(self) -> None:
        """The last stage's final state (a finished bar stays on screen)."""
        self._end_stage()
        self._last = None
        self.stream.flush()
