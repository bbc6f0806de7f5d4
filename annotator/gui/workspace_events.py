"""Turns the Workspace's typed changes into a Qt signal, so views refresh from the store."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from annotator.core.changes import Change
from annotator.core.watch import EXTERNAL_CHANGE
from annotator.core.workspace import Workspace

__all__ = ["EXTERNAL_CHANGE", "WorkspaceEvents"]


class WorkspaceEvents(QObject):
    """Emits ``changed(Change)`` after every committed change to the workspace, this program's
    own (one per write transaction) or other programs' (action ``EXTERNAL_CHANGE``)."""

    changed = Signal(object)

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        workspace.subscribe(self._on_workspace_changed)

    def _on_workspace_changed(self, change: Change) -> None:
        self.changed.emit(change)

    def announce_external_change(self, change: Change) -> None:
        self.changed.emit(change)
