"""Full-text search over notes, quotes, signals, session events and observations.

Ranking the whole corpus (ORDER BY bm25) scores every match: seconds over a
million paragraphs. We take the newest N matches unranked (FTS5 walks rowids
in descending order and stops) and rank only those (DESIGN.md traps).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from inspectorapp.domain.snapshots import SearchHit
from storage.models import (
    Conversation,
    NoteParagraph,
    ObservationScore,
    SessionEvent,
    Signal,
    Visit,
)

CANDIDATES = 400
MIN_PREFIX = 4
_TOKEN = re.compile(r"[\w'-]+", re.UNICODE)


def fts_query(user_text: str) -> str | None:
    """User words to a safe FTS5 query: every word must occur (diacritics folded).

    A word typed with a trailing ``*`` of at least ``MIN_PREFIX`` letters matches as
    a prefix. Prefixes are opt-in: an automatic prefix on a common stem ("zorg*")
    merges hundreds of thousands of doclists and costs ~170 ms on a million
    paragraphs, an exact word ~6 ms (bench/fts.py). Operators and quotes typed by
    the user are treated as text, never as syntax.
    """
    parts: list[str] = []
    for chunk in user_text.split()[:16]:
        words = [w.replace('"', "") for w in _TOKEN.findall(chunk)]
        words = [w for w in words if w.strip("'-")]
        for n, word in enumerate(words):
            prefix = chunk.endswith("*") and n == len(words) - 1 and len(word) >= MIN_PREFIX
            parts.append(f'"{word}"*' if prefix else f'"{word}"')
    return " ".join(parts) if parts else None


_STOPWORD_TEXT = (
    "de het een en van in op te dat die is met voor niet zijn er aan ook als bij om maar dan door "
    "naar wordt worden was wij we ze zij hij ik je u hun dit deze nog wel geen al over uit tot"
)
STOPWORDS = frozenset(_STOPWORD_TEXT.split())


def fts_words(text: str) -> list[str]:
    """Distinct content words of a text (for "related" look-ups), longest first."""
    words = {w.lower() for w in _TOKEN.findall(text) if len(w) > 3 and w.lower() not in STOPWORDS}
    return sorted(words, key=len, reverse=True)


def search(session: Session, query: str, limit: int = 50) -> list[SearchHit]:
    match = fts_query(query)
    if match is None:
        return []
    candidates = session.execute(
        text(
            "SELECT r.source, r.ref_id, bm25(search_fts) AS score FROM search_fts "
            "JOIN search_ref r ON r.seq = search_fts.rowid "
            "WHERE search_fts MATCH :q ORDER BY search_fts.rowid DESC LIMIT :n"
        ),
        {"q": match, "n": CANDIDATES},
    ).all()
    best = sorted(candidates, key=lambda r: r.score)[:limit]  # bm25: lower is better
    by_source: dict[str, list[str]] = {}
    for row in best:
        by_source.setdefault(row.source, []).append(row.ref_id)
    details = _details(session, by_source)
    hits = []
    for row in best:
        d = details.get(row.ref_id)
        if d is not None:
            body, insp, org, at = d
            hits.append(SearchHit(row.source, row.ref_id, body, insp, org, at, float(row.score)))
    return hits


Detail = tuple[str, str | None, str | None, datetime | None]


def _details(session: Session, ids: dict[str, list[str]]) -> dict[str, Detail]:
    out: dict[str, Detail] = {}
    if ids.get("signal"):
        for s in session.scalars(select(Signal).where(Signal.id.in_(ids["signal"]))):
            out[s.id] = (s.observation, s.inspection_id, s.organisation_id, s.observed_at)
    for source, model, body_col, at_col in (
        ("note", NoteParagraph, NoteParagraph.text, NoteParagraph.occurred_at),
        ("event", SessionEvent, SessionEvent.text, SessionEvent.occurred_at),
        ("observation", ObservationScore, ObservationScore.comment, Conversation.starts_at),
    ):
        wanted: Sequence[str] = ids.get(source, [])
        if not wanted:
            continue
        rows = session.execute(
            select(model.id, body_col, at_col, Visit.inspection_id)
            .join(Conversation, model.conversation_id == Conversation.id)
            .join(Visit, Conversation.visit_id == Visit.id)
            .where(model.id.in_(wanted))
        )
        for rid, body, at, insp in rows:
            out[rid] = (body or "", insp, None, at)
    return out
