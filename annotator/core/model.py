"""Plain dataclasses for what the workspace holds; the store turns rows into these."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

GOLD_LAYER = "gold"
SUGGESTIONS_LAYER = "suggestions"
RESERVED_LAYERS = frozenset({GOLD_LAYER, SUGGESTIONS_LAYER})
# Where annotations of a JSONL without a layer go: another tool's work, not an annotator's, so
# agreement and adjudication leave it out (its kind is "imported", not "annotator").
IMPORTED_LAYER = "imported"


class Status(StrEnum):
    """Per-layer progress of a document. ``adjudicated`` is only meaningful on gold."""

    NEW = "new"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    ADJUDICATED = "adjudicated"


def new_id() -> str:
    """Random ids, so workspaces from different machines merge without collisions."""
    return uuid.uuid4().hex


@dataclass(frozen=True)
class Document:
    id: str
    title: str
    text: str
    sha256: str
    source: str = ""
    published: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Span:
    id: str
    doc_id: str
    layer: str
    start: int
    end: int
    label: str
    attrs: dict[str, str] = field(default_factory=dict)
    origin: str = "manual"
    confidence: float | None = None
    provenance: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Relation:
    id: str
    doc_id: str
    layer: str
    head: str
    child: str
    label: str


@dataclass(frozen=True)
class Note:
    """An annotator's remark on a span (``span_id``) or on a whole document (``span_id`` None),
    possibly ``flagged`` for the reviewer. It lives in the layer of the work it comments on."""

    id: str
    doc_id: str
    layer: str
    span_id: str | None
    text: str
    author: str
    flagged: bool = False
    created: str = ""


@dataclass(frozen=True)
class GoldState:
    """A document's gold as a reviewer's decision found or left it: its spans and relations,
    its gold status and the decisions recorded on its conflicts (what undo puts back)."""

    doc_id: str
    spans: tuple[Span, ...]
    relations: tuple[Relation, ...]
    status: Status
    resolutions: tuple[tuple[str, str, str, str, str | None, str], ...]


@dataclass(frozen=True)
class StoredModel:
    """A trained model as the workspace keeps it; ``blob`` is untrusted until its loader
    has checked it (a workspace file comes from anywhere)."""

    name: str
    created: str
    trained_on: tuple[str, ...]
    params: dict[str, Any]
    blob: bytes


@dataclass(frozen=True)
class DocumentSummary:
    """A document without its text: what lists and tables need, cheap to load for thousands."""

    id: str
    title: str
    source: str
    published: str | None
    length: int
