"""Many new rows into one table: ``COPY`` on PostgreSQL, one executemany elsewhere.

A push of 1,000 new notes writes 1,000 ``record`` and 1,000 ``change_history`` rows. As an
INSERT executemany, SQLAlchemy builds every row's parameters and psycopg sends a statement
per row (pipelined); ``COPY ... FROM STDIN`` streams the rows as text in one statement, on the
same connection and in the same transaction (decision 0024). JSON columns are written as
the text ``db.dumps`` makes, as their bind processor would; small writes keep the INSERT.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, Connection, Table, insert

from .db import dumps

COPY_FROM = 20  # rows: below this an INSERT costs no more


def insert_many(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert ``rows`` (dicts with the same keys, in the same order) into ``table``."""
    if not rows:
        return
    if conn.dialect.name != "postgresql" or len(rows) < COPY_FROM:
        conn.execute(insert(table), rows)
        return
    names = list(rows[0])
    json_columns = {n for n in names if isinstance(table.c[n].type, JSON)}
    columns = ", ".join(f'"{n}"' for n in names)
    driver = conn.connection.driver_connection
    assert driver is not None
    with driver.cursor() as cursor, cursor.copy(f'COPY "{table.name}" ({columns}) FROM STDIN') as copy:
        for row in rows:
            copy.write_row(
                [dumps(row[n]) if n in json_columns and row[n] is not None else row[n] for n in names]
            )
