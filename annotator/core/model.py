"""Plain dataclasses for what the workspace holds; the store turns rows into these."""

from __future__ import annotations

import os
import threading
import time
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
    """A new id for a span, relation or note: 32 hex digits laid out as a UUIDv7 (RFC 9562:
    the time in milliseconds, then 74 random bits).

    As unique as a random id across machines (workspaces from different machines merge
    without collisions), but ids made one after another sort together: new rows append to
    the primary-key indexes instead of writing into a random page of them for every row,
    which made each insert cost more as the corpus grew (a B-tree larger than SQLite's cache
    is read back page by page from the WAL).
    """
    global _last_id, _pool, _pool_at
    with _id_lock:  # within a millisecond, the next id follows the last (RFC 9562, method 2)
        if _pool_at + 10 > len(_pool):
            # The OS's random bytes, drawn for a few hundred ids at a time (a system call each).
            _pool, _pool_at = os.urandom(4000), 0
        rand = int.from_bytes(_pool[_pool_at : _pool_at + 10], "big")
        _pool_at += 10
        value = (
            (time.time_ns() // 1_000_000) << 80
            | 0x7 << 76
            | (rand >> 68) << 64
            | 0b10 << 62
            | rand & (2**62 - 1)
        )
        if value <= _last_id:
            value = _last_id + 1
        _last_id = value
    return f"{value:032x}"


def _forget_random_bytes() -> None:
    """A forked child must not hand out the ids its parent's drawn bytes would."""
    global _pool, _pool_at, _last_id, _id_lock
    _pool, _pool_at, _last_id, _id_lock = b"", 0, 0, threading.Lock()


_last_id = 0
_pool = b""
_pool_at = 0
_id_lock = threading.Lock()
os.register_at_fork(after_in_child=_forget_random_bytes)


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
