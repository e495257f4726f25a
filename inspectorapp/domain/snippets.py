"""Texts cut to fit a row, a tile or a title: one rule, so every screen and file cuts alike."""

from __future__ import annotations

ELLIPSIS = "…"


def clipped(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters, an ellipsis marking the cut (no space
    left before it)."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + ELLIPSIS


def one_line(text: str, limit: int) -> str:
    """``text`` on one line (each run of white space, line breaks included, one space), then
    ``clipped``."""
    return clipped(" ".join(text.split()), limit)
