"""Veldwerk application core: domain, services, settings, bootstrap."""

from __future__ import annotations

UNKNOWN_VERSION = "0+unknown"


def _version() -> str:
    """The version in pyproject.toml, the one source of truth.

    Installed (also editable) and frozen, it comes from the package metadata: build.spec copies
    that into the bundle. A source tree that was never installed reads pyproject.toml itself."""
    from importlib import metadata

    try:
        return metadata.version("veldwerk")
    except metadata.PackageNotFoundError:
        pass
    import tomllib
    from pathlib import Path

    try:
        pyproject = (Path(__file__).resolve().parent.parent / "pyproject.toml").read_text(encoding="utf-8")
        return str(tomllib.loads(pyproject)["project"]["version"])
    except (OSError, KeyError, tomllib.TOMLDecodeError):
        return UNKNOWN_VERSION


def __getattr__(name: str) -> str:
    # Looked up on first use, not at import: the metadata search costs cold start time.
    if name == "__version__":
        value = _version()
        globals()["__version__"] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
