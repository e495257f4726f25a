"""Hybrid logical clock (Kulkarni et al.): wall-clock milliseconds plus a counter.

Encoded as a fixed-width string that sorts like the clock: ``0001763900000000.00003``.
The device id is not part of the string; ties between devices are broken by the
pair ``(hlc, device_id)``. Only truly concurrent edits compare clocks (a sequential
edit always applies), so skew decides nothing but the order of simultaneous edits.
"""

from __future__ import annotations

from dataclasses import dataclass

WIDTH_MS = 16
WIDTH_COUNTER = 5


@dataclass(frozen=True, order=True)
class Hlc:
    ms: int
    counter: int = 0

    def encode(self) -> str:
        return f"{self.ms:0{WIDTH_MS}d}.{self.counter:0{WIDTH_COUNTER}d}"

    @staticmethod
    def decode(text: str) -> Hlc:
        ms, _, counter = text.partition(".")
        if len(ms) != WIDTH_MS or len(counter) != WIDTH_COUNTER or not (ms.isdigit() and counter.isdigit()):
            raise ValueError(f"not a hybrid logical clock: {text!r}")
        return Hlc(int(ms), int(counter))

    def tick(self, wall_ms: int) -> Hlc:
        """The next local event: never behind the wall clock, never behind the last event."""
        if wall_ms > self.ms:
            return Hlc(wall_ms, 0)
        return Hlc(self.ms, self.counter + 1)

    def observe(self, other: Hlc, wall_ms: int) -> Hlc:
        """After receiving ``other``: later than both it and everything seen here."""
        top = max(self.ms, other.ms, wall_ms)
        if top == self.ms == other.ms:
            return Hlc(top, max(self.counter, other.counter) + 1)
        if top == self.ms:
            return Hlc(top, self.counter + 1)
        if top == other.ms:
            return Hlc(top, other.counter + 1)
        return Hlc(top, 0)


def is_hlc(text: object) -> bool:
    try:
        Hlc.decode(str(text))
    except ValueError:
        return False
    return isinstance(text, str)
