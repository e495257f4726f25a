"""Alembic environment. The caller supplies an open, keyed connection
(``config.attributes['connection']``): migrations never see the passphrase."""

from __future__ import annotations

from typing import Any

from alembic import context

from storage.models import Base

config = context.config

# Made by raw SQL, not models: the virtual FTS5 tables with their shadow tables, and the
# counters kept by triggers (0010).
_UNMANAGED_PREFIXES = ("search_fts", "tally_")


def include_name(name: str | None, type_: str, parent_names: Any) -> bool:
    return not (type_ == "table" and name is not None and name.startswith(_UNMANAGED_PREFIXES))


def run_migrations() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("open the store through storage.migrate; no URL-based migrations")
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,
        include_name=include_name,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
