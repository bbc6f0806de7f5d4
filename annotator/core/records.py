"""What a file format hands to the workspace for import: one document with its annotations.

Formats only parse; the workspace validates every record against the offsets contract and the
schema before it writes anything, so an import is all or nothing whatever the format.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from annotator.core.counted import counted

# The longest document (one .txt file or one JSONL line) an import accepts, in bytes. Readers
# never hold more than this of a file at once, so memory stays bounded whatever the input;
# news articles are a few kilobytes, so anything near this size is a mistake, not an article.
MAX_DOCUMENT_BYTES = 16 * 1024 * 1024


@dataclass
class DocumentRecord:
    text: str
    path: str
    line: int | None = None
    id: str | None = None
    id_is_explicit: bool = False
    title: str | None = None
    source: str = ""
    published: str | None = None
    sha256: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    layer: str | None = None
    status: str | None = None
    adjudicator: str | None = None
    spans: list[dict[str, Any]] = field(default_factory=list)
    relations: list[dict[str, Any]] = field(default_factory=list)
    # Document-level notes as JSONL carries them (span notes stay inside ``spans``).
    notes: Any = None


@dataclass
class ImportReport:
    documents_added: int = 0
    documents_existing: int = 0
    spans_added: int = 0
    spans_updated: int = 0
    spans_existing: int = 0
    relations_added: int = 0
    relations_existing: int = 0
    notes_added: int = 0
    layers: set[str] = field(default_factory=set)

    def summary(self) -> str:
        return (
            f"{counted(self.documents_added, 'document')} added "
            f"({self.documents_existing} already there), "
            f"{counted(self.spans_added, 'span')} added, {self.spans_updated} updated "
            f"({self.spans_existing} unchanged), {counted(self.relations_added, 'relation')} added "
            f"({self.relations_existing} already there)"
        )
