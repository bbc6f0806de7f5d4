"""Noticing that another program (the CLI, a second window) changed the workspace file.

SQLite's ``PRAGMA data_version`` changes on a connection exactly when *another* connection has
committed since it last looked; this connection's own commits leave it alone. Reading it is one
cheap statement that touches no table, so the window can ask every second, on regaining focus
and on F5 without cost, and re-read the store only when something really changed.

What changed is then read from the event log (every write logs its document and layer): the
window is told a ``Change`` naming those documents and layers, and only a change the log cannot
narrow down (an import's new documents, a restore, settings) concerns the whole workspace.
"""

from __future__ import annotations

from annotator.core.changes import Change, ChangeKind
from annotator.core.workspace import Workspace

# The action of a Change another program committed.
EXTERNAL_CHANGE = "external_change"
# Summary events whose documents are also logged one event each: they need no full re-read.
_SUMMARIES = frozenset({"adjudicate_auto"})


class ExternalChanges:
    """Answers "what has anyone else committed since I last asked?" for one open Workspace."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self._seen = workspace.data_version()
        self._last_event = workspace.last_event_id()

    def changed(self) -> Change | None:
        """Once per batch of other connections' commits since the previous call: what they
        changed (None when nothing)."""
        version = self.workspace.data_version()
        if version == self._seen:
            return None
        self._seen = version
        return self.since_last_seen()

    def since_last_seen(self) -> Change:
        """The documents and layers of the events logged since the last one seen."""
        events = self.workspace.events_since(self._last_event)
        newest = self.workspace.last_event_id()
        whole = not events or newest < self._last_event  # nothing logged, or a restored file
        self._last_event = newest
        doc_ids: set[str] = set()
        layers: set[str | None] = set()
        for _, action, doc_id, layer in events:
            if doc_id is None and action not in _SUMMARIES:
                whole = True
            if doc_id is not None:
                doc_ids.add(doc_id)
            layers.add(layer)
        if whole:  # the schema may be another one now (``annotator schema set``, a restore)
            self.workspace.reload_schema()
        return Change(
            ChangeKind.WORKSPACE,
            EXTERNAL_CHANGE,
            frozenset(doc_ids),
            next(iter(layers)) if len(layers) == 1 else None,
            whole_workspace=whole,
        )
