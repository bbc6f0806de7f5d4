"""Which documents go out: one layer of every document (or of those with a status), streamed.

Writers only decide how a document is written; they consume the ``ExportDocument`` objects made
here, so every format exports exactly the same selection. Documents are read a batch at a time,
so memory stays flat however large the corpus (only gold's adjudicator names are held for the
whole corpus: the event log has no per-document index).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace

from annotator.core.batches import BATCH_SIZE, LayerBatch, document_batches, layer_batch
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
        notes = _gold_notes(ws, ids, batch) if layer == GOLD_LAYER else batch.notes
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
                    notes=notes.get(doc.id, []),
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


def _gold_notes(ws: Workspace, ids: Sequence[str], batch: LayerBatch) -> dict[str, list[Note]]:
    """Gold's notes, and the annotators' notes a reviewer expects beside gold: their notes on
    the document, and their notes on the spans a gold span was decided from (a span of one of
    its provenance layers, same label, overlapping it), written on that gold span. Notes on
    spans gold has nothing for stay out; a note gold already holds (same place, author, time
    and text: imported from an earlier gold export) is not repeated."""
    marks = ",".join("?" * len(ids))
    rows = ws.query(
        "SELECT n.id, n.doc_id, n.layer, n.span_id, n.text, n.author, n.flagged, n.created, "
        's.start, s."end", s.label FROM notes n JOIN layers l ON l.name = n.layer '
        "LEFT JOIN spans s ON s.id = n.span_id "
        f"WHERE l.kind = 'annotator' AND n.doc_id IN ({marks}) ORDER BY n.doc_id, n.created, n.id",
        list(ids),
    ).fetchall()
    found = {doc_id: list(notes) for doc_id, notes in batch.notes.items()}
    seen = {(n.doc_id, n.span_id, n.author, n.created, n.text) for ns in found.values() for n in ns}
    for row in rows:
        note = Note(row[0], row[1], row[2], row[3], row[4], row[5], bool(row[6]), row[7])
        if note.span_id is None:
            places: list[str | None] = [None]
        elif row[8] is None:
            continue  # its span is gone
        else:
            places = [
                g.id
                for g in batch.spans.get(note.doc_id, [])
                if g.label == row[10]
                and note.layer in g.provenance.get("layers", [])
                and g.start < row[9]
                and row[8] < g.end
            ]
        for place in places:
            key = (note.doc_id, place, note.author, note.created, note.text)
            if key not in seen:
                seen.add(key)
                found.setdefault(note.doc_id, []).append(replace(note, span_id=place))
    for notes in found.values():
        notes.sort(key=lambda n: (n.created, n.id))
    return found
