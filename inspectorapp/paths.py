"""Where things live on disk (platformdirs), overridable for tests and portable use."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "Veldwerk"
APP_AUTHOR = "Veldwerk"
HOME_ENV = "VELDWERK_HOME"  # one folder for everything: tests, portable installs


@dataclass(frozen=True)
class AppPaths:
    data_dir: Path
    config_dir: Path
    log_dir: Path

    @property
    def store_file(self) -> Path:
        return self.data_dir / "veldwerk.db"

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.json"

    @property
    def attachments_dir(self) -> Path:
        return self.data_dir / "attachments"

    def ensure(self) -> AppPaths:
        for d in (self.data_dir, self.config_dir, self.log_dir):
            d.mkdir(parents=True, exist_ok=True)
        return self


def app_paths(home: str | os.PathLike[str] | None = None) -> AppPaths:
    """The user's folders, or all under ``home`` / $VELDWERK_HOME when given."""
    root = home if home is not None else os.environ.get(HOME_ENV)
    if root:
        base = Path(root)
        return AppPaths(base / "data", base / "config", base / "logs")
    return AppPaths(
        Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR)),
        Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR)),
        Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR)),
    )
