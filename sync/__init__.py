"""Sync with the office store. Client side (outbox push/pull, blobs) and server
(FastAPI) arrive with the sync issue; the outbox they consume is in storage."""
