"""Veldwerk application core: domain, services, settings, bootstrap."""

__version__ = "0.1.0"
