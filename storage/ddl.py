"""SQL that SQLAlchemy models cannot express: the outbox triggers, the full-text
index and its triggers, the append-only guards.

Migrations call these generators with a frozen description of the tables at
that revision (never the live models), so an old migration keeps producing the
same SQL when the models move on.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

NOW_SQL = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"

FTS_TABLE = "search_fts"
# unicode61 with remove_diacritics 2 folds é/ë/ï to e/e/i in documents and queries alike.
FTS_TOKENIZER = "unicode61 remove_diacritics 2"


@dataclass(frozen=True)
class SyncedTable:
    name: str
    columns: Sequence[str]
    json_columns: frozenset[str] = frozenset()


def _row_json(t: SyncedTable, prefix: str) -> str:
    parts = []
    for c in t.columns:
        value = f"json({prefix}.{c})" if c in t.json_columns else f"{prefix}.{c}"
        parts.append(f"'{c}', {value}")
    return "json_object(" + ", ".join(parts) + ")"


QUIET = "NOT EXISTS (SELECT 1 FROM sync_applying)"  # no row: a local edit (see sync_applying)


def quiet_while_applying(sql: str) -> str:
    """An outbox trigger (as ``outbox_triggers`` writes it) that stays silent while the laptop
    writes records from the office: a pulled change is not a local edit and never travels back."""
    head, sep, body = sql.partition("\nBEGIN")
    if not sep or " ON " not in head:
        raise ValueError(f"not an outbox trigger: {sql[:80]!r}")
    on, when, condition = head.partition("\nWHEN ")
    guarded = f"{QUIET} AND ({condition})" if when else QUIET
    return f"{on}\nWHEN {guarded}{sep}{body}"


def outbox_triggers(t: SyncedTable) -> list[str]:
    """Three statements: insert and update write one outbox row each; a hard delete is refused
    (soft deletes only, so a delete can travel and be reviewed). As migrations 0002 and 0004
    made them; a table synced from 0007 on passes its insert and update triggers through
    ``quiet_while_applying``."""
    cols = ", ".join(f"'{c}'" for c in t.columns)
    changed_any = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in t.columns)
    changed_list = ", ".join(f"CASE WHEN OLD.{c} IS NOT NEW.{c} THEN '{c}' END" for c in t.columns)
    insert = f"""
CREATE TRIGGER outbox_{t.name}_insert AFTER INSERT ON {t.name}
BEGIN
  INSERT INTO outbox (entity, entity_id, op, changed, payload, created_at)
  VALUES ('{t.name}', NEW.id, 'insert', json_array({cols}), {_row_json(t, "NEW")}, {NOW_SQL});
END"""
    update = f"""
CREATE TRIGGER outbox_{t.name}_update AFTER UPDATE ON {t.name}
WHEN {changed_any}
BEGIN
  INSERT INTO outbox (entity, entity_id, op, changed, payload, created_at)
  VALUES ('{t.name}', NEW.id,
          CASE WHEN NEW.deleted_at IS NOT NULL AND OLD.deleted_at IS NULL THEN 'delete'
               ELSE 'update' END,
          (SELECT json_group_array(value) FROM json_each(json_array({changed_list}))
            WHERE type <> 'null'),
          {_row_json(t, "NEW")}, {NOW_SQL});
END"""
    delete = f"""
CREATE TRIGGER outbox_{t.name}_no_hard_delete BEFORE DELETE ON {t.name}
BEGIN
  SELECT RAISE(ABORT, 'soft delete only: set deleted_at on {t.name}');
END"""
    return [insert, update, delete]


def drop_outbox_triggers(table: str) -> list[str]:
    return [
        f"DROP TRIGGER IF EXISTS outbox_{table}_{suffix}" for suffix in ("insert", "update", "no_hard_delete")
    ]


def append_only_triggers(table: str) -> list[str]:
    return [
        f"""
CREATE TRIGGER {table}_append_only_{op.lower()} BEFORE {op} ON {table}
BEGIN
  SELECT RAISE(ABORT, '{table} is append-only');
END"""
        for op in ("UPDATE", "DELETE")
    ]


def create_fts_table() -> str:
    return (
        f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5("
        f"body, tokenize = '{FTS_TOKENIZER}', content = '', contentless_delete = 1)"
    )


@dataclass(frozen=True)
class SearchSource:
    """A table whose text is searchable. ``body_sql`` is an SQL expression over NEW/OLD (X)."""

    source: str
    table: str
    body_sql: str  # uses the placeholder X for the row alias


def search_triggers(s: SearchSource) -> list[str]:
    def body(alias: str) -> str:
        return s.body_sql.replace("X.", f"{alias}.")

    insert = f"""
CREATE TRIGGER search_{s.table}_insert AFTER INSERT ON {s.table}
BEGIN
  INSERT INTO search_ref (source, ref_id) VALUES ('{s.source}', NEW.id);
  INSERT INTO {FTS_TABLE} (rowid, body)
    SELECT seq, {body("NEW")} FROM search_ref
     WHERE ref_id = NEW.id AND NEW.deleted_at IS NULL AND {body("NEW")} <> '';
END"""
    update = f"""
CREATE TRIGGER search_{s.table}_update AFTER UPDATE ON {s.table}
WHEN {body("OLD")} IS NOT {body("NEW")} OR OLD.deleted_at IS NOT NEW.deleted_at
BEGIN
  DELETE FROM {FTS_TABLE} WHERE rowid = (SELECT seq FROM search_ref WHERE ref_id = OLD.id);
  INSERT INTO {FTS_TABLE} (rowid, body)
    SELECT seq, {body("NEW")} FROM search_ref
     WHERE ref_id = NEW.id AND NEW.deleted_at IS NULL AND {body("NEW")} <> '';
END"""
    return [insert, update]


def drop_search_triggers(table: str) -> list[str]:
    return [f"DROP TRIGGER IF EXISTS search_{table}_{op}" for op in ("insert", "update")]


def backfill_search(s: SearchSource) -> list[str]:
    """Index rows that existed before the index did (used by the migration that adds it)."""
    body = s.body_sql.replace("X.", "t.")
    return [
        f"INSERT OR IGNORE INTO search_ref (source, ref_id) SELECT '{s.source}', t.id FROM {s.table} t",
        f"""INSERT INTO {FTS_TABLE} (rowid, body)
  SELECT r.seq, {body} FROM {s.table} t JOIN search_ref r ON r.ref_id = t.id
   WHERE t.deleted_at IS NULL AND {body} <> ''""",
    ]


def describe(
    tables: Mapping[str, Sequence[str]], json_cols: Mapping[str, Sequence[str]]
) -> list[SyncedTable]:
    return [SyncedTable(n, cols, frozenset(json_cols.get(n, ()))) for n, cols in tables.items()]
