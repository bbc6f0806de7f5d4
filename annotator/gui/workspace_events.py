"""Turns the Workspace's change callbacks into a Qt signal, so views refresh from the store."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from annotator.core.event_feed import change_of_write
from annotator.core.workspace import Workspace

# Not a Workspace action: the window noticed that another program (the CLI, a second window)
# committed something, so every view re-reads what it shows from the store.
EXTERNAL_CHANGE = "external_change"


class WorkspaceEvents(QObject):
    """Emits ``changed(action, payload)`` after every committed change to the workspace, this
    program's own (one per Workspace call) or other programs' (``EXTERNAL_CHANGE``)."""

    changed = Signal(str, object)
    # The same write as a typed annotator.core.changes.Change (kind, documents, layer, span
    # ids): views that repaint only what changed (the document list) listen to this one.
    change_committed = Signal(object)

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        workspace.subscribe(self._on_workspace_changed)

    def _on_workspace_changed(self, action: str, payload: dict[str, Any]) -> None:
        self.changed.emit(action, payload)
        self.change_committed.emit(change_of_write(self.workspace.db.conn, action, payload))

    def announce_external_change(self) -> None:
        self.changed.emit(EXTERNAL_CHANGE, {})
