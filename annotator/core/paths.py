"""Where bundled resources, the seed articles and the default workspace live.

From a source checkout (or an editable install) resources/ and seeds/ sit beside the package;
a wheel carries them inside the package as _resources/ and _seeds/.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

_PACKAGE = Path(__file__).resolve().parent.parent
_CHECKOUT = _PACKAGE.parent

APP_NAME = "arabic-news-annotator"
DB_ENV = "ANNOTATOR_DB"


def _bundled(folder: str) -> Path:
    inside = _PACKAGE / f"_{folder}"
    return inside if inside.is_dir() else _CHECKOUT / folder


def resources_dir() -> Path:
    return _bundled("resources")


def seeds_dir() -> Path:
    return _bundled("seeds")


def default_workspace_path() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "workspace.db"


def resolve_workspace_path(explicit: str | os.PathLike[str] | None) -> tuple[Path, bool]:
    """The workspace to open and whether it is the default one (which gets the seeds)."""
    if explicit:
        return Path(explicit), False
    from_env = os.environ.get(DB_ENV)
    if from_env:
        return Path(from_env), False
    return default_workspace_path(), True
