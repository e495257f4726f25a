"""The full-text index fed for many rows at once (records written from the office).

A row inserted by the user is indexed by its table's search trigger. While the laptop
writes pulled records (``sync_applying`` holds a row) those insert triggers stay quiet
(migration 0014) and the writer indexes its new rows here, one statement per table: in
a trigger every row opens a statement savepoint, and FTS5 writes its pending terms to
disk at every savepoint, so every note of a page made its own tiny index segment, to be
merged again (two thirds of the cost of inserting a pulled note). The update
triggers still run per row; pulled edits of existing rows are few.

``BODIES`` is the live twin of the search sources frozen in migrations 0002 and 0009;
tests/test_search_index.py checks it against the triggers a migrated store holds.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from sqlalchemy import Connection

from .ddl import FTS_TABLE

# table -> (source, the searchable text as an SQL expression over the row alias X)
BODIES: dict[str, tuple[str, str]] = {
    "note_paragraph": ("note", "coalesce(X.text, '')"),
    "signal": (
        "signal",
        "trim(coalesce(X.observation, '') || ' ' || coalesce(X.quote, '') || ' '"
        " || coalesce(X.interpretation, '') || ' ' || coalesce(X.alternative_explanation, ''))",
    ),
    "session_event": ("event", "coalesce(X.text, '')"),
    "observation_score": ("observation", "coalesce(X.comment, '')"),
}


def searchable(table: str) -> bool:
    return table in BODIES


def index_inserted(conn: Connection, table: str, ids: Sequence[str]) -> None:
    """Index rows of ``table`` just inserted with the insert trigger quiet, as that trigger
    would have: a ``search_ref`` row for each (in ``ids`` order), an index entry for each
    live row with text. An id already in ``search_ref`` is refused as the trigger's insert
    would be (IntegrityError)."""
    if not ids:
        return
    source, body_sql = BODIES[table]
    body = body_sql.replace("X.", "t.")
    listed = json.dumps(list(ids))
    conn.exec_driver_sql(
        "INSERT INTO search_ref (source, ref_id) SELECT ?, value FROM json_each(?) ORDER BY key",
        (source, listed),
    )
    conn.exec_driver_sql(
        f"INSERT INTO {FTS_TABLE} (rowid, body)"
        f" SELECT r.seq, {body} FROM json_each(?) j"
        f' JOIN search_ref r ON r.ref_id = j.value JOIN "{table}" t ON t.id = j.value'
        f" WHERE t.deleted_at IS NULL AND {body} <> '' ORDER BY r.seq",
        (listed,),
    )
