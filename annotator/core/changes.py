"""What a committed write changed, as a typed value that views refresh from.

Every write through the Workspace ends in exactly one ``Change`` told to subscribers after the
commit (never for a write that was rolled back). A view looks at ``kind``, ``doc_ids``,
``layer`` and the span/relation ids and refreshes only those rows, the way Anki's operations
report ``OpChanges``; nothing re-reads the corpus after an edit. A change that concerns the
whole workspace (a restore, another program's edits that could not be narrowed down) says so
with ``whole_workspace``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any


class ChangeKind(Enum):
    """What sort of write happened: views decide from this which of their parts to refresh."""

    SPANS = "spans"  # spans (and possibly their relations) added, changed or deleted
    RELATIONS = "relations"  # relations only
    STATUS = "status"  # a document's status (or time spent) in a layer
    DOCUMENT = "document"  # document fields: publication date, title, meta
    DOCUMENTS_ADDED = "documents_added"  # an import brought new documents
    NOTES = "notes"  # notes on spans or documents
    REVIEW = "review"  # gold written by adjudication, resolutions recorded
    ASSIGNMENTS = "assignments"
    SCHEMA = "schema"  # the workspace's label schema
    MODEL = "model"  # a trained pre-annotation model stored in the workspace
    SETTINGS = "settings"
    WORKSPACE = "workspace"  # anything, anywhere: restore, merge, external edits


@dataclass(frozen=True)
class Change:
    """One committed write: its kind, where it happened and which rows it touched.

    ``doc_ids`` holds the documents touched (one for an edit in the window, many for an import
    or an adjudication run); ``layer`` is set when the whole change lies in one layer.
    ``action`` is the event-log action of the write (``add_span``, ``import``, ...) and
    ``payload`` its logged details, kept for views that show them (undo texts, the status bar).
    """

    kind: ChangeKind
    action: str
    doc_ids: frozenset[str] = frozenset()
    layer: str | None = None
    span_ids: frozenset[str] = frozenset()
    relation_ids: frozenset[str] = frozenset()
    whole_workspace: bool = False
    payload: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def doc_id(self) -> str | None:
        """The one document changed, when exactly one was."""
        if len(self.doc_ids) == 1:
            return next(iter(self.doc_ids))
        return None

    def touches(self, doc_id: str) -> bool:
        """Whether a view showing ``doc_id`` must refresh."""
        return self.whole_workspace or doc_id in self.doc_ids
