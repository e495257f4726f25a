"""Local store: SQLAlchemy models, the SQLCipher engine, migrations, search, outbox."""
