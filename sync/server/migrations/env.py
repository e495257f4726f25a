"""Alembic environment of the sync server (its own migrations, separate from the laptop's)."""

from __future__ import annotations

from alembic import context

from sync.server.db import make_engine
from sync.server.schema import metadata

config = context.config


def run_migrations() -> None:
    url = config.get_main_option("sqlalchemy.url")
    assert url, "the server's migrations need a database URL"
    engine = make_engine(url)
    with engine.connect() as connection:
        context.configure(
            connection=connection, target_metadata=metadata, render_as_batch=True, compare_type=True
        )
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


run_migrations()
