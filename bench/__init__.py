"""Benchmarks against the budgets of DESIGN.md (run: python -m bench)."""
