"""Loading what review needs from a workspace in a few queries, and checking layer names.

Agreement and adjudication look at every document of several layers at once; reading them
layer by layer (one query each) instead of document by document keeps a corpus of thousands of
documents well under a second.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import chain
from typing import Any

from annotator.core.errors import ValidationError
from annotator.core.model import Relation, Span, Status
from annotator.core.rows import SPAN_SELECT, loads
from annotator.core.workspace import Workspace

CHUNK = 500  # document ids per query (SQLite limits the parameters of one statement)
# The contract's order of a document's spans: (start, end, label), then id for ties.
_SPAN_ORDER = 'ORDER BY doc_id, start, "end", label, id'


@dataclass
class ReviewData:
    """Spans, relations and who-annotated-what for a set of layers, grouped by document."""

    layers: list[str]
    order: list[str]
    lengths: dict[str, int]
    spans: dict[str, dict[str, list[Span]]]
    relations: dict[str, dict[str, list[Relation]]]
    annotated: dict[str, set[str]] = field(default_factory=dict)

    def layers_of(self, doc_id: str) -> list[str]:
        """The selected layers that have annotated ``doc_id``, in the selection's order."""
        return [layer for layer in self.layers if doc_id in self.annotated[layer]]

    def doc_spans(self, layer: str, doc_id: str) -> list[Span]:
        return self.spans[layer].get(doc_id, [])

    def doc_relations(self, layer: str, doc_id: str) -> list[Relation]:
        return self.relations[layer].get(doc_id, [])


def active_annotator_layers(ws: Workspace) -> list[str]:
    """Annotator layers that have annotated at least one document (the rule of :func:`load`).

    A layer can exist with nothing in it (a reviewer's name whose window recorded a second of
    reading time); counting it would turn every default comparison into one with a silent
    third party, and kappa into null.
    """
    rows = ws.query(
        "SELECT name FROM layers l WHERE kind = 'annotator' AND ("
        "EXISTS (SELECT 1 FROM spans s WHERE s.layer = l.name) OR "
        "EXISTS (SELECT 1 FROM doc_status d WHERE d.layer = l.name AND d.status != 'new')) "
        "ORDER BY name"
    )
    return [name for (name,) in rows]


def resolve_layers(ws: Workspace, layers: Sequence[str] | None, minimum: int = 2) -> list[str]:
    """The layers to review: the given ones (checked to exist) or every annotator layer.

    An unknown name is an error rather than an empty result, so a typo never reads as "no
    disagreement".
    """
    known = ws.layers()
    chosen = list(dict.fromkeys(layers)) if layers else active_annotator_layers(ws)
    unknown = [name for name in chosen if name not in known]
    if unknown:
        raise ValidationError(
            f"{ws.path}: no layer named {', '.join(repr(u) for u in unknown)} "
            f"(layers: {', '.join(known) or 'none yet'})."
        )
    if len(chosen) < minimum:
        raise ValidationError(
            f"{ws.path}: review needs at least {minimum} layer{'s' * (minimum > 1)}, and "
            f"{'only ' + ', '.join(chosen) + ' was' if chosen else 'none were'} found or given."
        )
    return chosen


def annotating(ws: Workspace, doc_id: str, layers: Sequence[str]) -> list[str]:
    """The ``layers`` that have annotated ``doc_id`` (the rule :func:`load` states), in order:
    what the review screen compares and shows for one document."""
    return [
        layer
        for layer in layers
        if ws.status(doc_id, layer) != Status.NEW or ws.spans(doc_id, layer)
    ]


def load(ws: Workspace, layers: Sequence[str], doc_ids: Sequence[str] | None = None) -> ReviewData:
    """Read the layers' spans, relations and statuses, and decide who annotated what.

    A layer has annotated a document when its status there is not ``new`` or it holds at least
    one span on it: an annotator who looked and found nothing still counts (an empty layer is
    an answer), while a document nobody opened counts as missing, not as "nothing here".
    ``doc_ids`` limits the reading to those documents (the review panel's one document must not
    cost a read of the whole corpus).
    """
    data = ReviewData(
        layers=list(layers),
        order=[],
        lengths={},
        spans={layer: spans_of(ws, layer, doc_ids) for layer in layers},
        relations={layer: relations_of(ws, layer, doc_ids) for layer in layers},
    )
    for doc_id, length in _lengths(ws, doc_ids):
        data.order.append(doc_id)
        data.lengths[doc_id] = length
    for layer in layers:
        statuses = (
            ws.statuses(layer) if doc_ids is None else ws.statuses_of_documents(layer, doc_ids)
        )
        touched = {d for d, status in statuses.items() if status != Status.NEW}
        data.annotated[layer] = touched | {d for d, spans in data.spans[layer].items() if spans}
    return data


def _lengths(ws: Workspace, doc_ids: Sequence[str] | None) -> list[tuple[str, int]]:
    """(id, text length) of every document, or of ``doc_ids``, in the workspace's order."""
    if doc_ids is None:
        return [(doc.id, doc.length) for doc in ws.documents()]
    wanted = list(dict.fromkeys(doc_ids))
    marks = ",".join("?" * len(wanted))
    return list(
        ws.query(
            f"SELECT id, length(text) FROM documents WHERE id IN ({marks}) ORDER BY rowid", wanted
        )
    )


def spans_of(ws: Workspace, layer: str, doc_ids: Sequence[str] | None) -> dict[str, list[Span]]:
    """A layer's spans by document: the whole corpus in one query, or just ``doc_ids``."""
    if doc_ids is None:
        return spans_by_document(ws, layer)
    wanted = list(dict.fromkeys(doc_ids))
    chunks = (wanted[at : at + CHUNK] for at in range(0, len(wanted), CHUNK))
    return _grouped(
        chain.from_iterable(
            ws.query(
                f"{SPAN_SELECT} WHERE layer = ? AND doc_id IN ({','.join('?' * len(chunk))}) "
                + _SPAN_ORDER,
                [layer, *chunk],
            )
            for chunk in chunks
        )
    )


def relations_of(
    ws: Workspace, layer: str, doc_ids: Sequence[str] | None
) -> dict[str, list[Relation]]:
    """A layer's relations by document: the whole corpus, or just ``doc_ids``."""
    if doc_ids is None:
        return ws.relations_by_document(layer)
    return ws.relations_of_documents(layer, list(dict.fromkeys(doc_ids)))


def spans_by_document(ws: Workspace, layer: str) -> dict[str, list[Span]]:
    """A layer's spans grouped by document, sorted as the contract says."""
    return _grouped(ws.query(f"{SPAN_SELECT} WHERE layer = ? {_SPAN_ORDER}", [layer]))


def _grouped(rows: Iterable[tuple[Any, ...]]) -> dict[str, list[Span]]:
    """Rows of ``SPAN_SELECT`` as spans grouped by document, in the rows' order.

    The same spans as ``Workspace.spans_of_documents`` at about twice its speed: rows come as
    tuples, and the few distinct attribute and provenance strings of a corpus are parsed once
    (each span still gets its own dict).
    """
    parsed: dict[str, dict[str, Any]] = {}
    grouped: dict[str, list[Span]] = {}
    for row in rows:
        attrs, prov = row[6], row[9]
        if attrs not in parsed:
            parsed[attrs] = loads(attrs)
        if prov not in parsed:
            parsed[prov] = loads(prov)
        span_id, doc_id, span_layer, start, end, label = row[:6]
        span = Span(
            span_id,
            doc_id,
            span_layer,
            start,
            end,
            label,
            dict(parsed[attrs]),
            row[7],
            row[8],
            dict(parsed[prov]),
        )
        grouped.setdefault(doc_id, []).append(span)
    return grouped
