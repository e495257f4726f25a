"""The office store: a FastAPI server that keeps the team's records and hands them out.

Runs on SQLite by default (one command, no setup) and on PostgreSQL with a database URL.
"""
