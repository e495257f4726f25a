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


def _forms(names: Sequence[OrganisationName]) -> dict[str, int]:
    """Every spelling to look for (lower case) -> index of its organisation."""
    forms: dict[str, int] = {}
    short: dict[str, set[int]] = {}
    for i, org in enumerate(names):
        forms[org.name.lower()] = i
        words = org.name.split()
        for word in words[1:] if len(words) > 1 else ():
            w = word.lower()
            if len(w) >= 5 and word[0].isupper() and w not in _GENERIC:
                short.setdefault(w, set()).add(i)
    for w, owners in short.items():
        if len(owners) == 1 and w not in forms:  # ambiguous short forms stay as they are
            forms[w] = next(iter(owners))
    return forms


class Anonymiser:
    """Replace the names of ``names`` in texts; ``legend`` lists what was replaced."""

    def __init__(self, names: Sequence[OrganisationName], label: str = "organisatie") -> None:
        self._names = list(names)
        self._label = label
        self._forms = _forms(self._names)
        self._assigned: dict[int, str] = {}
        alternatives = sorted(self._forms, key=len, reverse=True)  # longest spelling wins
        self._pattern = (
            re.compile("(?<!\\w)(" + "|".join(re.escape(f) for f in alternatives) + ")(?!\\w)", re.IGNORECASE)
            if alternatives
            else None
        )

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
        return self._pattern.sub(lambda m: self._placeholder(self._forms[m.group(1).lower()]), text)

    def legend(self) -> tuple[Replacement, ...]:
        return tuple(Replacement(p, self._names[i].kind) for i, p in self._assigned.items())
