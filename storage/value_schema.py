"""What a synced table accepts, in wire form, derived from the models (``Base.metadata``).

One definition used wherever a record arrives from outside this store's own services: the
office server checks every pushed mutation, a laptop checks every pulled record, and
``import-json`` checks every row. Values are in wire form, as the outbox triggers send
them (``sync.apply.stored_value`` maps them to columns): dates ``YYYY-MM-DD``, timestamps
ISO-8601 text with a zone, booleans as JSON booleans or 0/1, JSON columns nested.

Column types, NOT NULL, ``String(n)`` lengths, enums and JSON shapes come from the columns
and their annotations; CHECK constraints are evaluated by SQLite itself (an in-memory
connection, no tables), so the answer is the laptop store's own. References to synced
tables are checked by the caller, who knows which records exist
(``TableRule.references``); references to local tables (framework versions) travel as
``key@version`` and are only shape-checked here.
"""

from __future__ import annotations

import functools
import json
import math
import re
import sqlite3
import threading
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, CheckConstraint, Integer, String, Table
from sqlalchemy import Enum as SAEnum
from sqlalchemy.dialects import sqlite

from inspectorapp.errors import FieldIssue

from .models import Base, synced_tables
from .models.base import IsoDate, UtcDateTime

INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1
MAX_JSON_DEPTH = 32
_BAD_CHARS = re.compile("[\x00\ud800-\udfff]")  # NUL, and lone surrogates (not encodable as UTF-8)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$")


@dataclass(frozen=True)
class ColumnRule:
    """``kind``: text, int, bool, date, timestamp, json, enum, local_ref.
    ``required``: NOT NULL without a server default, so a new record must carry it."""

    name: str
    kind: str
    nullable: bool
    required: bool
    max_length: int | None = None
    choices: tuple[str, ...] = ()
    json_shape: str = "any"  # any | list_of_text | object
    references: str | None = None  # a synced table the value must name a record of
    taxonomies: tuple[str, ...] = ()  # framework taxonomies whose codes the value must be


@dataclass(frozen=True)
class Check:
    name: str
    sql: str
    columns: frozenset[str]
    # the two shapes most CHECKs take, judged in Python: ("in", column, allowed texts) or
    # ("max_len", column, n); None: SQLite judges it (``_failed_checks``)
    fast: tuple[str, str, Any] | None = None


@dataclass(frozen=True)
class TableRule:
    name: str
    columns: Mapping[str, ColumnRule]
    checks: tuple[Check, ...]

    @property
    def references(self) -> dict[str, str]:
        """Column -> the synced table whose record it must name."""
        return {c.name: c.references for c in self.columns.values() if c.references}


def bad_characters(text: str) -> bool:
    """NUL or a lone surrogate: neither survives a UTF-8 database (PostgreSQL refuses both)."""
    return ("\x00" in text) if text.isascii() else _BAD_CHARS.search(text) is not None


@functools.cache
def table_rule(tbl: str) -> TableRule | None:
    """The rule of a synced table; None for any other name."""
    if tbl not in _synced():
        return None
    table = Base.metadata.tables[tbl]
    hints = _json_hints(tbl)
    columns = {c.name: _column_rule(c, hints.get(c.name, "any")) for c in table.columns}
    return TableRule(tbl, columns, _checks(table))


@functools.cache
def _synced() -> frozenset[str]:
    return frozenset(synced_tables())


def _column_rule(column: Any, json_shape: str) -> ColumnRule:
    t = column.type
    nullable = bool(column.nullable)
    required = not nullable and column.server_default is None and not column.primary_key
    taxonomies = tuple(str(column.info.get("taxonomy", "")).split())
    common = {"name": column.name, "nullable": nullable, "required": required, "taxonomies": taxonomies}
    refs = [fk.column.table.name for fk in column.foreign_keys]
    if refs and refs[0] not in _synced():  # a local id: travels as key@version (sync/portable.py)
        limit = getattr(t, "length", None)
        return ColumnRule(kind="local_ref", max_length=2 * limit + 1 if limit else None, **common)
    reference = refs[0] if refs else None
    if isinstance(t, UtcDateTime):
        return ColumnRule(kind="timestamp", max_length=t.impl.length, **common)
    if isinstance(t, IsoDate):
        return ColumnRule(kind="date", **common)
    if isinstance(t, SAEnum):
        return ColumnRule(kind="enum", choices=tuple(t.enums), **common)
    if isinstance(t, Boolean):
        return ColumnRule(kind="bool", **common)
    if isinstance(t, Integer):
        return ColumnRule(kind="int", **common)
    if isinstance(t, JSON):
        return ColumnRule(kind="json", json_shape=json_shape, **common)
    if isinstance(t, String):  # Text too (no length)
        return ColumnRule(kind="text", max_length=t.length, references=reference, **common)
    raise TypeError(f"{column.table.name}.{column.name}: no wire rule for {t!r}")


def _json_hints(tbl: str) -> dict[str, str]:
    """JSON columns' shapes from the model's annotations (``Mapped[list[str]]`` ...)."""
    for mapper in Base.registry.mappers:
        if getattr(mapper.local_table, "name", None) != tbl:
            continue
        try:
            hints = typing.get_type_hints(mapper.class_)
        except Exception:  # an annotation that cannot be resolved: any JSON then
            return {}
        out = {}
        for name, hint in hints.items():
            inner = typing.get_args(hint)[0] if typing.get_args(hint) else hint
            origin, args = typing.get_origin(inner), typing.get_args(inner)
            if origin is list and args == (str,):
                out[name] = "list_of_text"
            elif origin is dict:
                out[name] = "object"
        return out
    return {}


def _checks(table: Table) -> tuple[Check, ...]:
    names = {c.name for c in table.columns}
    out = []
    for c in sorted(table.constraints, key=lambda c: str(c.name)):
        if not isinstance(c, CheckConstraint):
            continue
        sql = str(c.sqltext.compile(dialect=sqlite.dialect(), compile_kwargs={"literal_binds": True}))
        words = set(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", re.sub(r"'[^']*'", "", sql)))
        short = str(c.name).removeprefix(f"ck_{table.name}_")
        out.append(Check(short, sql, frozenset(words & names), _fast(table.name, sql, names)))
    return tuple(out)


_IN = re.compile(r"(\w+)\.(\w+) IN \(((?:'[^']*'(?:, )?)+)\)")
_MAX_LEN = re.compile(r"length\((\w+)\) <= (\d+)")


def _fast(tbl: str, sql: str, names: set[str]) -> tuple[str, str, Any] | None:
    """A CHECK of the form ``tbl.col IN ('a', 'b')`` or ``length(col) <= n``, as data."""
    if (m := _IN.fullmatch(sql)) and m[1] == tbl and m[2] in names:
        allowed = re.findall(r"'([^']*)'", m[3])
        if ", ".join(f"'{a}'" for a in allowed) == m[3]:  # nothing else hides in the list
            return ("in", m[2], frozenset(allowed))
    if (m := _MAX_LEN.fullmatch(sql)) and m[1] in names:
        return ("max_len", m[1], int(m[2]))
    return None


def _fast_verdict(check: Check, state: Mapping[str, Any]) -> bool | None:
    """The fast CHECK's verdict on a wire state (NULL passes, as in SQL); None: not a value
    it judges (only texts are, so SQLite's typing rules never come in)."""
    assert check.fast is not None
    kind, column, arg = check.fast
    value = state.get(column)
    if value is None:
        return True
    if type(value) is not str:
        return None
    return value in arg if kind == "in" else len(value) <= arg


def check_record(
    tbl: str,
    fields: Mapping[str, Any],
    *,
    new: bool,
    current: Mapping[str, Any] | None = None,
    values_checked: bool = False,
) -> list[FieldIssue]:
    """What is wrong with these wire values for a record of ``tbl`` (empty: acceptable).

    ``new``: the record does not exist yet, so every required column must be there.
    ``current``: the values the record already holds (an update merges into them); CHECK
    constraints are judged on the merged state, on those whose columns it holds.
    References to synced tables are not looked up here (see ``TableRule.references``).
    ``values_checked``: the caller had these values checked alone already (the office does
    that before it knows who may read the record); only the record as a whole is judged.
    """
    rule = table_rule(tbl)
    if rule is None:
        return [FieldIssue("tbl", "unknown_table")]
    issues: list[FieldIssue] = []
    for name, value in () if values_checked else fields.items():
        column = rule.columns.get(name) if isinstance(name, str) else None
        if column is None:
            issues.append(FieldIssue(_safe(name), "unknown_field"))
            continue
        problem = check_value(column, value)
        if problem is not None:
            issues.append(problem)
    # stored values are the office's or this store's own, but one from before these rules
    # may be anything (a dict in a text column): judged as absent, its CHECKs skipped
    kept, unreadable = _readable(rule, current)
    state = {**kept, **fields}
    if new:
        issues += [
            FieldIssue(c.name, "required")
            for c in rule.columns.values()
            if c.required and c.name not in fields and state.get(c.name) is None
        ]
    if issues:
        return issues
    return _failed_checks(rule, state, complete=new, skip=unreadable)


def unknown_codes(
    tbl: str, fields: Mapping[str, Any], known: Callable[[str], frozenset[str]]
) -> list[FieldIssue]:
    """Framework codes among these wire values that ``known(taxonomy)`` does not hold.

    Codes are data (frameworks come in versions, published by the office), so the models can
    only name the taxonomy (``code_column``); the caller says which codes exist. Call it after
    ``check_record`` found the values well-formed. A column naming two taxonomies (an
    observation score's item: an item or a dilemma) accepts the codes of either."""
    rule = table_rule(tbl)
    if rule is None:
        return []
    issues = []
    for name, value in fields.items():
        column = rule.columns.get(name) if isinstance(name, str) else None
        if column is None or not column.taxonomies or value is None or value == []:
            continue
        taxonomies = column.taxonomies  # mostly one: its set as it is, not a union copied per value
        allowed = known(taxonomies[0]) if len(taxonomies) == 1 else frozenset().union(*map(known, taxonomies))
        values = value if isinstance(value, list) else [value]
        # "" in an optional code column is "none chosen", as a form saves it
        strange = [v for v in values if not (v in allowed or (v == "" and column.nullable))]
        if strange:
            issues.append(FieldIssue(name, "unknown_code", {"value": str(strange[0])[:60]}))
    return issues


def _readable(rule: TableRule, current: Any) -> tuple[dict[str, Any], frozenset[str]]:
    """The current values the rule accepts, and the names of those it does not."""
    if not isinstance(current, Mapping):
        return {}, frozenset()
    kept, bad = {}, set()
    for name, value in current.items():
        column = rule.columns.get(name) if isinstance(name, str) else None
        if column is None:
            continue
        if value is not None and check_value(column, value) is not None:
            bad.add(name)
        else:
            kept[name] = value
    return kept, frozenset(bad)


def check_value(column: ColumnRule, value: Any) -> FieldIssue | None:
    """The problem with one wire value for ``column``, or None."""
    name = column.name
    if value is None:
        return None if column.nullable else FieldIssue(name, "required")
    kind = column.kind
    if kind == "json":
        return _check_json(name, value, column.json_shape)
    if kind == "int":
        if type(value) is not int:
            return FieldIssue(name, "invalid_type", {"expected": "integer"})
        return None if INT64_MIN <= value <= INT64_MAX else FieldIssue(name, "out_of_range")
    if kind == "bool":
        ok = type(value) is bool or (type(value) is int and value in (0, 1))
        return None if ok else FieldIssue(name, "invalid_type", {"expected": "boolean"})
    if not isinstance(value, str):
        return FieldIssue(name, "invalid_type", {"expected": "text"})
    if bad_characters(value):
        return FieldIssue(name, "invalid_character")
    if column.max_length is not None and len(value) > column.max_length:
        return FieldIssue(name, "too_long", {"actual": len(value), "max": column.max_length})
    if kind == "enum" and value not in column.choices:
        return FieldIssue(name, "invalid_choice", {"value": value[:80]})
    if kind == "date" and not _is_date(value):
        return FieldIssue(name, "invalid_date", {"value": value[:80]})
    if kind == "timestamp" and not _is_timestamp(value):
        return FieldIssue(name, "invalid_date", {"value": value[:80]})
    if kind == "local_ref" and not value:
        return FieldIssue(name, "invalid_reference")
    return None


def _is_date(value: str) -> bool:
    if not _DATE.match(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _is_timestamp(value: str) -> bool:
    if not _TIMESTAMP.match(value):
        return False
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


def _check_json(name: str, value: Any, shape: str) -> FieldIssue | None:
    if shape == "list_of_text" and not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
        return FieldIssue(name, "invalid_type", {"expected": "list of texts"})
    if shape == "object" and not isinstance(value, dict):
        return FieldIssue(name, "invalid_type", {"expected": "object"})
    problem = _json_problem(value, 0)
    return None if problem is None else FieldIssue(name, problem)


def _json_problem(value: Any, depth: int) -> str | None:
    """Anything a JSON column could not store or send on: bad characters (keys too), integers
    beyond 64 bits, NaN and infinities, nesting deeper than ``MAX_JSON_DEPTH``."""
    if depth > MAX_JSON_DEPTH:
        return "too_deep"
    if value is None or type(value) is bool:
        return None
    if type(value) is int:
        return None if INT64_MIN <= value <= INT64_MAX else "out_of_range"
    if type(value) is float:
        return None if math.isfinite(value) else "out_of_range"
    if isinstance(value, str):
        return "invalid_character" if bad_characters(value) else None
    if isinstance(value, list):
        return next((p for v in value if (p := _json_problem(v, depth + 1))), None)
    if isinstance(value, dict):
        for k, v in value.items():
            if not isinstance(k, str) or bad_characters(k):
                return "invalid_character"
            if (p := _json_problem(v, depth + 1)) is not None:
                return p
        return None
    return "invalid_type"


_local = threading.local()


def _sqlite() -> sqlite3.Connection:
    """A per-thread in-memory SQLite that evaluates CHECK expressions (no tables needed)."""
    conn: sqlite3.Connection | None = getattr(_local, "conn", None)
    if conn is None:
        conn = _local.conn = sqlite3.connect(":memory:", check_same_thread=False)
    return conn


def _failed_checks(
    rule: TableRule, state: Mapping[str, Any], *, complete: bool, skip: frozenset[str] = frozenset()
) -> list[FieldIssue]:
    """CHECK constraints the state breaks, as SQLite judges them on the stored values (a CHECK
    fails only when false; NULL passes). A partial state is judged only on the checks whose
    columns it holds; checks over a column in ``skip`` (unreadable stored values) not at all.
    The common shapes are judged in Python (``_fast``: ~3x faster, on every pushed and pulled
    record); ``tests/test_value_schema.py`` holds both judges to the same answers."""
    checks = [c for c in rule.checks if (complete or c.columns <= state.keys()) and not (c.columns & skip)]
    failed: set[str] = set()
    slow = []
    for c in checks:
        verdict = _fast_verdict(c, state) if c.fast is not None else None
        if verdict is None:
            slow.append(c)
        elif not verdict:
            failed.add(c.name)
    if slow:
        names = tuple(c for c in rule.columns if c in state or complete)
        values = tuple(_stored(rule.columns[c], state.get(c)) for c in names)
        sql = _check_sql(rule.name, names, tuple(c.sql for c in slow))
        try:
            row = _sqlite().execute(sql, values).fetchone()
        except (sqlite3.Error, OverflowError, ValueError):  # not expected: every value was checked
            return [FieldIssue(",".join(sorted(c.columns)) or c.name, "out_of_range") for c in slow[:1]]
        failed.update(c.name for c, ok in zip(slow, row, strict=True) if ok is not None and not ok)
    return [
        FieldIssue(",".join(sorted(c.columns)) or c.name, "out_of_range", {"check": c.name})
        for c in checks
        if c.name in failed
    ]


@functools.lru_cache(maxsize=1024)
def _check_sql(tbl: str, names: tuple[str, ...], tests: tuple[str, ...]) -> str:
    """The statement judging ``tests`` over one row of ``names`` (bound in that order)."""
    inner = ", ".join(f'? AS "{c}"' for c in names) or "NULL AS _none"
    return f'SELECT {", ".join(f"({t})" for t in tests)} FROM (SELECT {inner}) AS "{tbl}"'


def _stored(column: ColumnRule, value: Any) -> Any:
    if value is None:
        return None
    if column.kind == "json":
        return json.dumps(value)
    if column.kind == "bool":
        return 1 if value else 0
    return value


def _safe(name: Any) -> str:
    """A field name fit to store and show (the reason travels back and into the dead letters)."""
    text = name if isinstance(name, str) else repr(name)
    return _BAD_CHARS.sub("\ufffd", text)[:80]


def reason(issues: list[FieldIssue]) -> str:
    """A compact machine-readable reason: ``invalid_value:field:problem`` for the first issue."""
    first = issues[0]
    return f"invalid_value:{_safe(first.field)}:{first.problem}"
