"""Use cases: one function per user action. Each takes an open Session (the caller
owns the transaction: one action, one transaction) and returns snapshots, never
ORM objects, plus a change-set."""
