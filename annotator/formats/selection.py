"""Which documents go out: one layer of every document (or of those with a status), streamed.

Writers only decide how a document is written; they consume the ``ExportDocument`` objects made
here, so every format exports exactly the same selection. Documents are read a batch at a time,
so memory stays flat however large the corpus (only gold's adjudicator names are held for the
whole corpus: the event log has no per-document index).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from annotator.core.batches import BATCH_SIZE, document_batches, layer_batch
from annotator.core.model import (
    GOLD_LAYER,
    SUGGESTIONS_LAYER,
    Document,
    Note,
    Relation,
    Span,
    Status,
)
from annotator.core.workspace import Workspace


@dataclass(frozen=True)
class ExportDocument:
    """One document as it goes out: its text and metadata with one layer's annotations."""

    document: Document
    layer: str
    status: str
    annotators: list[str]
    spans: list[Span] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    adjudicator: str | None = None
    # The layer's notes on this document and its spans (span_id None: on the document).
    notes: list[Note] = field(default_factory=list)


def select(
    ws: Workspace,
    layer: str,
    status: str | None = None,
    progress: Callable[[int], None] | None = None,
    batch_size: int = BATCH_SIZE,
) -> Iterator[ExportDocument]:
    """Every document in import order (or those whose status in ``layer`` is ``status``), each
    with the layer's spans and relations, possibly none. ``progress`` gets the number of
    documents looked at so far, chosen or not."""
    seen = 0
    for docs in document_batches(ws, batch_size):
        ids = [d.id for d in docs]
        batch = layer_batch(ws, layer, ids)
        # Who decided gold, for this batch only (the events index by layer and document).
        adjudicators = ws.adjudicators_by_document(ids) if layer == GOLD_LAYER else {}
        for doc in docs:
            seen += 1
            doc_status = str(batch.statuses.get(doc.id, Status.NEW))
            if status is None or doc_status == status:
                yield ExportDocument(
                    document=doc,
                    layer=layer,
                    status=doc_status,
                    annotators=_annotators(layer, batch.contributors.get(doc.id, [])),
                    spans=batch.spans.get(doc.id, []),
                    relations=batch.relations.get(doc.id, []),
                    adjudicator=adjudicators.get(doc.id),
                    notes=batch.notes.get(doc.id, []),
                )
            if progress:
                progress(seen)


def _annotators(layer: str, contributors: list[str]) -> list[str]:
    """Whose work a layer holds: gold names the annotator layers it was decided from."""
    if layer == GOLD_LAYER:
        return contributors
    if layer == SUGGESTIONS_LAYER:
        return []
    return [layer]
