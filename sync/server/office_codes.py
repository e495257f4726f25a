"""The framework codes this office knows: those of the frameworks shipped with Veldwerk and
of every framework published here (``publish-framework``).

A pushed code must be one of them (``storage.value_schema.unknown_codes``), so a laptop
cannot put a code into the team's memory that no framework defines: every laptop shows
codes by their framework labels, and a report prints a label, never a laptop's free text.
Any known version counts, as on the laptop: a signal of last year keeps its code when a
new framework version drops it.

Parsed documents are cached per process, keyed by what the ``framework`` table holds, so a
version published by another process (the admin command) counts from the next push on.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Callable

from sqlalchemy import Connection, select

from inspectorapp.domain.framework_file import FrameworkDoc, parse_framework
from resources import path as resource_path

from . import schema as t

_lock = threading.Lock()
_cache: dict[tuple[tuple[str, str, str], ...], dict[str, frozenset[str]]] = {}


def _shipped() -> list[FrameworkDoc]:
    folder = resource_path("frameworks")
    return [parse_framework(f.read_bytes(), f"frameworks/{f.name}") for f in sorted(folder.glob("*.json"))]


def known_codes(conn: Connection) -> Callable[[str], frozenset[str]]:
    """taxonomy -> the codes any known framework version has for it."""
    fw = t.framework.c
    published = tuple(
        (r.key, r.version, r.sha256)
        for r in conn.execute(select(fw.key, fw.version, fw.sha256).order_by(fw.key, fw.version))
    )
    with _lock:
        table = _cache.get(published)
    if table is None:
        docs = _shipped()
        if published:
            rows = conn.execute(select(fw.key, fw.document).order_by(fw.key, fw.version))
            docs += [parse_framework(r.document.encode("utf-8"), f"published {r.key}") for r in rows]
        codes: dict[str, set[str]] = defaultdict(set)
        for doc in docs:
            for key, taxonomy in doc.taxonomies.items():
                codes[key].update(item.code for item in taxonomy.items)
        table = {key: frozenset(found) for key, found in codes.items()}
        with _lock:
            _cache.clear()  # only the newest state is asked for again
            _cache[published] = table
    return lambda taxonomy: table.get(taxonomy, frozenset())
