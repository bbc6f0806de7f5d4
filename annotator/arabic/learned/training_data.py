"""What a workspace teaches: its gold documents and its reviewed suggestions.

A document with gold (adjudicated, or any gold span) is fully annotated: every label's spans
are its gold spans. A document without gold where an annotator accepted or rejected
suggestions teaches only around them: in each paragraph holding a reviewed suggestion of a
label, that label's spans are the annotator's spans there (an accepted suggestion counts at
its current extent, so an annotator who widened it to take in the final period teaches the
wider extent), and a rejected one is a place where nothing of that label belongs.
"""

from __future__ import annotations

from collections.abc import Iterator

from annotator.arabic.learned.features import RULE_LABELS
from annotator.arabic.learned.model import TrainingDocument
from annotator.core.errors import NotFoundError
from annotator.core.model import GOLD_LAYER, SUGGESTIONS_LAYER, Span, Status
from annotator.core.suggestions import ACCEPTED, REJECTED, state
from annotator.core.workspace import Workspace


def gold_document_ids(ws: Workspace) -> list[str]:
    """Documents whose gold is complete enough to learn from, in workspace order: one query
    on the status and span indexes, not a walk over every document."""
    rows = ws.query(
        "SELECT id FROM documents WHERE id IN "
        "(SELECT doc_id FROM doc_status WHERE layer = ? AND status = ?) "
        "OR id IN (SELECT doc_id FROM spans WHERE layer = ?) ORDER BY rowid",
        (GOLD_LAYER, Status.ADJUDICATED.value, GOLD_LAYER),
    )
    return [doc_id for (doc_id,) in rows]


def reviewed_document_ids(ws: Workspace) -> list[str]:
    """Documents where someone accepted or rejected a suggestion, by id."""
    rows = ws.query(
        "SELECT DISTINCT doc_id FROM spans WHERE layer = ? "
        "AND json_extract(provenance, '$.state') IN (?, ?) ORDER BY doc_id",
        (SUGGESTIONS_LAYER, ACCEPTED, REJECTED),
    )
    return [doc_id for (doc_id,) in rows]


def _paragraph(text: str, start: int, end: int) -> tuple[int, int]:
    begin = text.rfind("\n", 0, start) + 1
    stop = text.find("\n", end)
    return begin, len(text) if stop < 0 else stop


def _reviewed_document(ws: Workspace, doc_id: str, reviewed: list[Span]) -> TrainingDocument:
    doc = ws.document(doc_id)
    scope: dict[str, list[tuple[int, int]]] = {}
    targets: set[tuple[int, int, str]] = set()
    layers: set[str] = set()
    for s in reviewed:
        scope.setdefault(s.label, []).append(_paragraph(doc.text, s.start, s.end))
        copy = s.provenance.get("accepted_as")
        if state(s) == ACCEPTED and copy:
            try:
                kept = ws.span(str(copy))
            except NotFoundError:  # deleted since: the annotator changed their mind
                continue
            layers.add(kept.layer)
    for layer in sorted(layers):
        for span in ws.spans(doc_id, layer):
            ranges = scope.get(span.label, [])
            if any(s < span.end and e > span.start for s, e in ranges):
                targets.add((span.start, span.end, span.label))
    return TrainingDocument(
        doc_id,
        doc.text,
        doc.published,
        tuple(sorted(targets)),
        {label: tuple(ranges) for label, ranges in scope.items()},
    )


def training_documents(ws: Workspace) -> Iterator[TrainingDocument]:
    """Gold documents first, then documents known only through reviewed suggestions; each
    document's spans are read on its own (a corpus of suggestions is never held at once)."""
    gold_ids = gold_document_ids(ws)
    for doc_id in gold_ids:
        doc = ws.document(doc_id)
        spans = tuple(
            (s.start, s.end, s.label)
            for s in ws.spans(doc_id, GOLD_LAYER)
            if s.label in RULE_LABELS
        )
        yield TrainingDocument(doc_id, doc.text, doc.published, spans)
    taken = set(gold_ids)
    for doc_id in reviewed_document_ids(ws):
        if doc_id in taken:
            continue
        reviewed = [
            s for s in ws.spans(doc_id, SUGGESTIONS_LAYER) if state(s) in (ACCEPTED, REJECTED)
        ]
        yield _reviewed_document(ws, doc_id, reviewed)
