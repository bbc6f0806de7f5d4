"""The recently opened workspaces, kept per user outside any workspace (a small JSON file).

Plain Python so that it is the same list however the window was started, and tested without Qt.
A missing or unreadable file is an empty list: a convenience must never stop the program.
"""

from __future__ import annotations

import json
from pathlib import Path

import platformdirs

from annotator.core.paths import APP_NAME

KEEP = 8


def recent_file() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "recent.json"


def recent_workspaces() -> list[Path]:
    """Newest first, only files that still exist."""
    try:
        names = json.loads(recent_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    if not isinstance(names, list):
        return []
    return [Path(n) for n in names if isinstance(n, str) and Path(n).is_file()][:KEEP]


def remember_workspace(path: Path) -> None:
    """Put ``path`` first in the list (an unwritable config folder is ignored)."""
    resolved = path.resolve()
    names = [str(resolved)] + [str(p) for p in recent_workspaces() if p.resolve() != resolved]
    target = recent_file()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(names[:KEEP], ensure_ascii=False), encoding="utf-8")
    except OSError:
        pass
