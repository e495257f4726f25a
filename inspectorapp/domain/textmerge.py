"""Three-way merge of a text field: a note paragraph edited on two laptops (the office
merges concurrent pushes) or changed underneath an open editor (the laptop merges a save
whose base is no longer what is stored, ``services.notes``).

Both sides' changes against the common base are applied when they touch different
words; when they overlap the merge fails and the caller keeps both versions as a
conflict for review. Either way no keystroke is lost.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

_TOKEN = re.compile(r"\s+|[^\s]+")

Edit = tuple[int, int, list[str]]  # replace base[i:j] by tokens


def _edits(base: list[str], other: list[str]) -> list[Edit]:
    matcher = SequenceMatcher(a=base, b=other, autojunk=False)
    return [(i1, i2, other[j1:j2]) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"]


def merge3(base: str, mine: str, theirs: str) -> str | None:
    """The merged text, or None when both sides changed the same words."""
    if mine == theirs or theirs == base:
        return mine
    if mine == base:
        return theirs
    b = _TOKEN.findall(base)
    edits = sorted(
        _edits(b, _TOKEN.findall(mine)) + _edits(b, _TOKEN.findall(theirs)), key=lambda e: (e[0], e[1])
    )
    out: list[str] = []
    pos = 0
    prev: tuple[int, int] | None = None
    for start, end, tokens in edits:
        if prev is not None and (
            start < prev[1] or (start == prev[1] and (start == end or prev[0] == prev[1]))
        ):
            return None  # overlapping or touching changes: a person decides
        out.extend(b[pos:start])
        out.extend(tokens)
        pos, prev = end, (start, end)
    out.extend(b[pos:])
    return "".join(out)
