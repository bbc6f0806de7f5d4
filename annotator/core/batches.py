"""Reads for corpus-wide streaming: documents a batch at a time, and one layer's annotations for
just those documents.

Exports must not hold the whole corpus: at 100,000 documents memory stays flat because only one
batch of texts, spans and relations is in memory at once. Every query here uses an index
(documents by rowid, spans/relations by (doc_id, layer), doc_status by its primary key).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from annotator.core.model import Document, Note, Relation, Span, Status
from annotator.core.notes import NOTE_SELECT, note_from_row
from annotator.core.rows import SPAN_SELECT, loads, relation_from_row, span_from_row

if TYPE_CHECKING:
    from annotator.core.workspace import Workspace

BATCH_SIZE = 500


@dataclass
class LayerBatch:
    """One layer's annotations of one batch of documents, grouped by document id."""

    spans: dict[str, list[Span]]
    relations: dict[str, list[Relation]]
    statuses: dict[str, Status]
    contributors: dict[str, list[str]]
    notes: dict[str, list[Note]]


def document_batches(ws: Workspace, size: int = BATCH_SIZE) -> Iterator[list[Document]]:
    """Documents with their text in import order, ``size`` at a time (keyset paging by rowid,
    so no cursor stays open while the caller writes)."""
    last = 0
    while True:
        rows = ws.query(
            "SELECT rowid, id, title, text, sha256, source, published, meta FROM documents "
            "WHERE rowid > ? ORDER BY rowid LIMIT ?",
            [last, size],
        ).fetchall()
        if not rows:
            return
        last = rows[-1][0]
        yield [
            Document(row[1], row[2], row[3], row[4], row[5], row[6], loads(row[7])) for row in rows
        ]


def layer_batch(ws: Workspace, layer: str, doc_ids: Sequence[str]) -> LayerBatch:
    """The layer's spans (sorted as the export contract wants), relations (in creation order),
    statuses, and per document the annotator layers that worked on it."""
    marks = ",".join("?" * len(doc_ids))
    ids = list(doc_ids)
    spans: dict[str, list[Span]] = {}
    for row in ws.query(
        f"{SPAN_SELECT} WHERE layer = ? AND doc_id IN ({marks}) "
        'ORDER BY doc_id, start, "end", label, id',
        [layer, *ids],
    ):
        spans.setdefault(row[1], []).append(span_from_row(row))
    relations: dict[str, list[Relation]] = {}
    for row in ws.query_dicts(
        "SELECT id, doc_id, layer, head, child, label FROM relations "
        f"WHERE layer = ? AND doc_id IN ({marks}) ORDER BY doc_id, rowid",
        [layer, *ids],
    ):
        relations.setdefault(row["doc_id"], []).append(relation_from_row(row))
    statuses = {
        doc_id: Status(status)
        for doc_id, status in ws.query(
            f"SELECT doc_id, status FROM doc_status WHERE layer = ? AND doc_id IN ({marks})",
            [layer, *ids],
        )
    }
    contributors: dict[str, list[str]] = {}
    for doc_id, name in ws.query(
        "SELECT DISTINCT s.doc_id, s.layer FROM spans s JOIN layers l ON l.name = s.layer "
        f"WHERE l.kind = 'annotator' AND s.doc_id IN ({marks}) UNION "
        "SELECT d.doc_id, d.layer FROM doc_status d JOIN layers l ON l.name = d.layer "
        f"WHERE l.kind = 'annotator' AND d.status != 'new' AND d.doc_id IN ({marks}) "
        "ORDER BY 1, 2",
        [*ids, *ids],
    ):
        contributors.setdefault(doc_id, []).append(name)
    notes: dict[str, list[Note]] = {}
    for row in ws.query(
        f"{NOTE_SELECT} WHERE layer = ? AND doc_id IN ({marks}) ORDER BY doc_id, created, id",
        [layer, *ids],
    ):
        notes.setdefault(row[1], []).append(note_from_row(row))
    return LayerBatch(spans, relations, statuses, contributors, notes)
