"""Full-text search over notes, quotes, signals, session events and observations.

Ranking the whole corpus (ORDER BY bm25) scores every match: seconds over a
million paragraphs. We take the newest N matches unranked (FTS5 walks rowids
in descending order and stops) and rank only those (DESIGN.md traps).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import replace

from sqlalchemy import literal, select, text
from sqlalchemy.orm import Session

from inspectorapp.domain.snapshots import SearchFilters, SearchHit
from storage.models import (
    Conversation,
    Inspection,
    InspectionSubject,
    Network,
    NetworkMembership,
    NoteParagraph,
    ObservationScore,
    Organisation,
    SessionEvent,
    Signal,
    Visit,
)

CANDIDATES = 400
MIN_PREFIX = 4
_TOKEN = re.compile(r"[\w'-]+", re.UNICODE)
_WORD = re.compile(r"[^\W_]+", re.UNICODE)  # a token of the FTS tokenizer (unicode61)


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


def search(
    session: Session, query: str, limit: int = 50, filters: SearchFilters | None = None
) -> list[SearchHit]:
    match = fts_query(query)
    if match is None:
        return []
    filters = filters or SearchFilters()
    sources = filters.sources or frozenset(("note", "signal", "event", "observation"))
    candidates = session.execute(
        text(
            "SELECT r.source, r.ref_id, bm25(search_fts) AS score FROM search_fts "
            "JOIN search_ref r ON r.seq = search_fts.rowid "
            "WHERE search_fts MATCH :q ORDER BY search_fts.rowid DESC LIMIT :n"
        ),
        # Filters drop candidates after the match: look at more of them then.
        {"q": match, "n": CANDIDATES * (5 if filters.active() else 1)},
    ).all()
    candidates = [r for r in candidates if r.source in sources]
    by_source: dict[str, list[str]] = {}
    for row in candidates:
        by_source.setdefault(row.source, []).append(row.ref_id)
    details = _details(session, by_source)
    keep = _filter(session, details, filters)
    ranked = sorted((r for r in candidates if r.ref_id in keep), key=lambda r: r.score)[:limit]
    hits = [replace(keep[r.ref_id], score=float(r.score)) for r in ranked]  # bm25: lower is better
    return _with_context(session, hits)


def _with_context(session: Session, hits: list[SearchHit]) -> list[SearchHit]:
    """Name where each hit was written: the inspection's title and the organisation (the
    signal's own, else the inspection's subjects: organisations or networks)."""
    inspections = {h.inspection_id for h in hits if h.inspection_id}
    titles = dict(
        session.execute(select(Inspection.id, Inspection.title).where(Inspection.id.in_(inspections))).all()
    )
    subjects: dict[str, list[str]] = {}
    rows = session.execute(
        select(InspectionSubject.inspection_id, Organisation.name, Network.name)
        .outerjoin(Organisation, Organisation.id == InspectionSubject.organisation_id)
        .outerjoin(Network, Network.id == InspectionSubject.network_id)
        .where(InspectionSubject.inspection_id.in_(inspections))
        .order_by(Organisation.name, Network.name)
    )
    for insp, org_name, network_name in rows:
        subjects.setdefault(insp, []).extend(n for n in (org_name, network_name) if n)
    own = {h.organisation_id for h in hits if h.organisation_id}
    names = dict(
        session.execute(select(Organisation.id, Organisation.name).where(Organisation.id.in_(own))).all()
    )
    out = []
    for hit in hits:
        where = names.get(hit.organisation_id or "") or ", ".join(subjects.get(hit.inspection_id or "", []))
        out.append(replace(hit, inspection_title=titles.get(hit.inspection_id or "", ""), organisation=where))
    return out


def _fold(word: str) -> str:
    """Lower case without diacritics, as the FTS tokenizer compares (remove_diacritics)."""
    return "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(c))


def match_spans(query: str, text: str) -> list[tuple[int, int]]:
    """(start, end) of the words in ``text`` the query matched, by the rules of ``fts_query``:
    whole words, diacritics folded, a trailing ``*`` of at least ``MIN_PREFIX`` letters a prefix."""
    exact: set[str] = set()
    prefixes: set[str] = set()
    for chunk in query.split()[:16]:
        words = [w for w in _TOKEN.findall(chunk) if w.strip("'-")]
        for n, word in enumerate(words):
            prefix = chunk.endswith("*") and n == len(words) - 1 and len(word) >= MIN_PREFIX
            parts = [_fold(p) for p in _WORD.findall(word)]  # "VIM-map" is the phrase "vim map"
            exact.update(parts[:-1] if prefix else parts)
            if prefix and parts:
                prefixes.add(parts[-1])
    spans = []
    for found in _WORD.finditer(text):
        folded = _fold(found.group())
        if folded in exact or any(folded.startswith(p) for p in prefixes):
            spans.append(found.span())
    return spans


def snippet(text: str, spans: list[tuple[int, int]], width: int = 240) -> tuple[str, list[tuple[int, int]]]:
    """At most ``width`` characters of ``text`` around its first match, with the spans moved
    along; an ellipsis marks what was left out."""
    if len(text) <= width:
        return text, spans
    first = spans[0][0] if spans else 0
    start = max(0, min(first - width // 4, len(text) - width))
    end = start + width
    lead = "…" if start else ""
    tail = "…" if end < len(text) else ""
    shift = len(lead) - start
    moved = [(a + shift, b + shift) for a, b in spans if a >= start and b <= end]
    return lead + text[start:end] + tail, moved


def _details(session: Session, ids: dict[str, list[str]]) -> dict[str, tuple[SearchHit, tuple[str, ...]]]:
    """Hit per id, with the note's theme codes (for the theme filter)."""
    out: dict[str, tuple[SearchHit, tuple[str, ...]]] = {}
    if ids.get("signal"):
        for sig in session.scalars(select(Signal).where(Signal.id.in_(ids["signal"]))):
            hit = SearchHit(
                "signal",
                sig.id,
                sig.observation,
                sig.inspection_id,
                sig.organisation_id,
                sig.observed_at,
                0.0,
                sig.visit_id,
                sig.conversation_id,
                sig.valence.value,
            )
            out[sig.id] = (hit, ())
    for source, model, body_col, at_col in (
        ("note", NoteParagraph, NoteParagraph.text, NoteParagraph.occurred_at),
        ("event", SessionEvent, SessionEvent.text, SessionEvent.occurred_at),
        ("observation", ObservationScore, ObservationScore.comment, Conversation.starts_at),
    ):
        wanted: Sequence[str] = ids.get(source, [])
        if not wanted:
            continue
        themes = NoteParagraph.theme_codes if model is NoteParagraph else literal(None)
        rows = session.execute(
            select(model.id, body_col, at_col, Visit.inspection_id, Visit.id, Conversation.id, themes)
            .join(Conversation, model.conversation_id == Conversation.id)
            .join(Visit, Conversation.visit_id == Visit.id)
            .where(model.id.in_(wanted), model.deleted_at.is_(None))
        )
        for rid, body, at, insp, visit, conv, codes in rows:
            hit = SearchHit(source, rid, body or "", insp, None, at, 0.0, visit, conv)
            out[rid] = (hit, tuple(codes or ()))
    return out


def _filter(
    session: Session, details: dict[str, tuple[SearchHit, tuple[str, ...]]], f: SearchFilters
) -> dict[str, SearchHit]:
    orgs_of = _inspection_organisations(
        session, {h.inspection_id for h, _ in details.values() if h.inspection_id}
    )
    keep: dict[str, SearchHit] = {}
    for ref, (hit, themes) in details.items():
        day = hit.at.date() if hit.at else None
        if f.since and (day is None or day < f.since):
            continue
        if f.until and (day is None or day > f.until):
            continue
        if f.valence and hit.valence != f.valence:
            continue
        if f.theme_code and f.theme_code not in themes:
            continue
        if f.organisation_id:
            involved = (
                {hit.organisation_id} if hit.organisation_id else orgs_of.get(hit.inspection_id or "", set())
            )
            if f.organisation_id not in involved:
                continue
        keep[ref] = hit
    return keep


def _inspection_organisations(session: Session, inspection_ids: set[str]) -> dict[str, set[str]]:
    """Organisations an inspection is about: subjects, and members of subject networks."""
    out: dict[str, set[str]] = {}
    if not inspection_ids:
        return out
    rows = session.execute(
        select(
            InspectionSubject.inspection_id,
            InspectionSubject.organisation_id,
            NetworkMembership.organisation_id,
        )
        .outerjoin(NetworkMembership, NetworkMembership.network_id == InspectionSubject.network_id)
        .where(InspectionSubject.inspection_id.in_(inspection_ids))
    )
    for insp, org, member in rows:
        out.setdefault(insp, set()).update(o for o in (org, member) if o)
    return out
