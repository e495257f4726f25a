"""A concern as both internal documents print it (agenda pack, handover dossier): the words
they share, the concern's opening (title, status line, hypotheses H1…Hn) and its evidence
matrix. Each document keeps its own matrix layout (the pack rates with + − 0 and a legend, the
dossier in words with a role column), so the matrix takes its lead columns, ratings and
widths from the caller; the rows and the H1…Hn columns are built here once.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from inspectorapp.domain.enums import ConcernRating, ConcernSignalRole, SignalKind, Valence

from .internal_doc import InternalDoc


@dataclass(frozen=True, slots=True)
class ConcernWords:
    none: str  # an empty section
    concern_meta: str  # "{status}", "{owner}", "{opened}"
    matrix_signal: str
    roles: dict[ConcernSignalRole, str]
    kinds: dict[SignalKind, str]
    valences: dict[Valence, str]


DUTCH = ConcernWords(
    none="Geen.",
    concern_meta="Status: {status} · eigenaar: {owner} · geopend {opened}",
    matrix_signal="Signaal",
    roles={
        ConcernSignalRole.SUPPORTING: "steunend",
        ConcernSignalRole.CONTRADICTING: "tegensprekend",
        ConcernSignalRole.CONTEXT: "context",
    },
    kinds={SignalKind.HARD: "hard", SignalKind.SOFT: "zacht"},
    valences={Valence.POSITIVE: "positief", Valence.NEGATIVE: "negatief", Valence.AMBIGUOUS: "ambigu"},
)

ENGLISH = ConcernWords(
    none="None.",
    concern_meta="Status: {status} · owner: {owner} · opened {opened}",
    matrix_signal="Signal",
    roles={
        ConcernSignalRole.SUPPORTING: "supporting",
        ConcernSignalRole.CONTRADICTING: "contradicting",
        ConcernSignalRole.CONTEXT: "context",
    },
    kinds={SignalKind.HARD: "hard", SignalKind.SOFT: "soft"},
    valences={Valence.POSITIVE: "positive", Valence.NEGATIVE: "negative", Valence.AMBIGUOUS: "ambiguous"},
)


def words_for(language: str) -> ConcernWords:
    return ENGLISH if language == "en" else DUTCH


def hypothesis_names(count: int) -> list[str]:
    """The matrix's column names, H1…Hn, the same in both languages."""
    return [f"H{n}" for n in range(1, count + 1)]


def concern_heading(
    doc: InternalDoc, words: ConcernWords, title: str, *, status: str, owner: str, opened: str
) -> None:
    doc.heading(title, level=2)
    doc.note(words.concern_meta.format(status=status, owner=owner, opened=opened))


def hypothesis_bullets(doc: InternalDoc, statements: Sequence[str]) -> None:
    names = hypothesis_names(len(statements))
    doc.bullets([f"{name}: {statement}" for name, statement in zip(names, statements, strict=True)])


@dataclass(frozen=True, slots=True)
class MatrixLayout:
    """How one document prints the matrix: its lead columns before H1…Hn and the widths."""

    lead: tuple[str, ...]  # the lead columns' heads
    lead_weights: tuple[float, ...]
    hypothesis_weight: float  # each H column's width
    ratings: Mapping[ConcernRating, str]


def evidence_matrix(
    doc: InternalDoc,
    layout: MatrixLayout,
    hypotheses: int,
    rows: Sequence[tuple[Sequence[str], Sequence[ConcernRating | None]]],
) -> None:
    """One row per signal: its lead cells, then its rating under each hypothesis (blank: not rated)."""
    head = (*layout.lead, *hypothesis_names(hypotheses))
    cells = [
        (*lead, *(layout.ratings[cell] if cell is not None else "" for cell in ratings))
        for lead, ratings in rows
    ]
    doc.table(head, cells, weights=(*layout.lead_weights, *([layout.hypothesis_weight] * hypotheses)))
