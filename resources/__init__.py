"""Data files shipped with the app: frameworks, demo data, translations, icons."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent


def path(*parts: str) -> Path:
    """Absolute path of a resource file (works from source, wheel and PyInstaller bundle)."""
    return ROOT.joinpath(*parts)
