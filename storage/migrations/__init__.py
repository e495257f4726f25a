"""Alembic migrations of the local store (batch mode for SQLite)."""
