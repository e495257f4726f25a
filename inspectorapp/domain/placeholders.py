"""Organisation names in quotes replaced by placeholders ("[organisatie A]").

A quote in a report is attributed by role; the organisations people name in it can
be replaced too, so a quote cannot point at a competitor. Letters are handed out in
order of first appearance, so the same texts always give the same placeholders.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

# Words that say what kind of organisation it is, not which one: never a short form.
_GENERIC = frozenset(
    [
        "zorggroep",
        "ziekenhuis",
        "stichting",
        "gemeente",
        "zorgverzekeraar",
        "huisartsen",
        "huisartsenpraktijk",
        "huisartsenzorg",
        "thuiszorg",
        "wijkverpleging",
        "regio",
        "netwerk",
        "zorg",
        "centrum",
        "groep",
        "medisch",
        "apotheek",
        "verpleeghuis",
        "zorgcentrum",
        "ggz",
        "jeugdzorg",
        "vereniging",
        "coöperatie",
        "cooperatie",
        "zorgkantoor",
        "praktijk",
        "instelling",
    ]
)


@dataclass(frozen=True)
class OrganisationName:
    name: str
    kind: str  # what the reader may know: "VVT-aanbieder", "gemeente" ...


@dataclass(frozen=True)
class Replacement:
    placeholder: str
    kind: str


_ARTICLES = frozenset({"De", "Het", "'t"})


def _short_forms(name: str) -> list[str]:
    """'Zorggroep Lindehof' -> ['Lindehof']; 'Thuiszorg De Wijkkracht' -> ['De Wijkkracht', 'Wijkkracht']."""
    words = name.split()
    if len(words) < 2:
        return []
    last = words[-1]
    if len(last) < 5 or not last[0].isupper() or last.lower() in _GENERIC:
        return []
    forms = [last]
    if len(words) >= 3 and words[-2] in _ARTICLES:
        forms.insert(0, f"{words[-2]} {last}")
    return forms


def _forms(names: Sequence[OrganisationName]) -> tuple[dict[str, int], dict[str, int]]:
    """Full names (matched in any case) and short forms (proper nouns: matched as written),
    each mapped to the index of its organisation. A short form two organisations share
    ('Lindeveen') is a place, not a name, and stays."""
    full = {org.name.lower(): i for i, org in enumerate(names)}
    owners: dict[str, set[int]] = {}
    for i, org in enumerate(names):
        for form in _short_forms(org.name):
            owners.setdefault(form, set()).add(i)
    short = {f: next(iter(o)) for f, o in owners.items() if len(o) == 1 and f.lower() not in full}
    return full, short


class Anonymiser:
    """Replace the names of ``names`` in texts; ``legend`` lists what was replaced."""

    def __init__(self, names: Sequence[OrganisationName], label: str = "organisatie") -> None:
        self._names = list(names)
        self._label = label
        self._full, self._short = _forms(self._names)
        self._assigned: dict[int, str] = {}
        # Longest spelling first, so "Zorggroep Lindehof" wins over "Lindehof".
        parts = [(f, True) for f in self._full] + [(f, False) for f in self._short]
        parts.sort(key=lambda p: len(p[0]), reverse=True)
        alternatives = [("(?i:" + re.escape(f) + ")") if folded else re.escape(f) for f, folded in parts]
        self._pattern = (
            re.compile("(?<!\\w)(" + "|".join(alternatives) + ")(?!\\w)") if alternatives else None
        )

    def _index(self, found: str) -> int:
        return self._short[found] if found in self._short else self._full[found.lower()]

    def _placeholder(self, index: int) -> str:
        if index not in self._assigned:
            n = len(self._assigned)
            letters = ""
            while True:  # A..Z, then AA, AB ...
                letters = chr(ord("A") + n % 26) + letters
                n = n // 26 - 1
                if n < 0:
                    break
            self._assigned[index] = f"[{self._label} {letters}]"
        return self._assigned[index]

    def replace(self, text: str) -> str:
        if self._pattern is None or not text:
            return text
        return self._pattern.sub(lambda m: self._placeholder(self._index(m.group(1))), text)

    def legend(self) -> tuple[Replacement, ...]:
        return tuple(Replacement(p, self._names[i].kind) for i, p in self._assigned.items())
