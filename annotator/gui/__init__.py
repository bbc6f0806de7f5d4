"""The Qt layer: the only package that imports Qt."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMainWindow


def create_window(
    db_path: str | Path | None, annotator_name: str, review: bool = False
) -> QMainWindow:
    """Create (not show, not exec) the main window on a workspace, for the app and for tests.

    The window comes with its session (File menu, drops, language), as the app starts it.
    """
    from annotator.app import open_workspace
    from annotator.gui.app import ensure_application
    from annotator.gui.session import Session

    app = ensure_application()
    workspace = open_workspace(db_path, annotator_name)
    return Session(app).show(workspace, annotator_name, review)
