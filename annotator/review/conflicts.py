"""Where the annotators of a document disagree: the reviewer's conflict list.

Spans are compared by extent and label first. An extent+label that every compared layer has is
agreed, unless the attributes differ (``attribute_differs``). The remaining spans are grouped
into regions of overlapping spans (whatever their label); a region is ``label_differs`` when it
holds more than one label, else ``missing_in_some_layers`` when some layer has nothing there,
else ``boundary_differs``. Relations are grouped by their head span (extent and label) and their
label; a group on which the layers do not all link the same children is ``relation_differs``.

Each conflict carries every layer's version (an empty list where the layer has none) and a
stable id, so a review screen can list them, jump between them and resolve them
(:mod:`annotator.review.resolve`). A conflict counts as resolved once a reviewer decided it, or
once gold already holds something for it (a span of one of its labels over its region, or for a
relation conflict, a relation of its label from its head), or once a decision made it moot (a
relation conflict whose head span a decision on its region left out of gold).
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from annotator.core.model import GOLD_LAYER, Relation, Span
from annotator.core.workspace import Workspace
from annotator.review.data import annotating, resolve_layers
from annotator.review.gold import key_text
from annotator.review.matching import SpanKey, span_key


class ConflictKind(StrEnum):
    MISSING = "missing_in_some_layers"
    BOUNDARY = "boundary_differs"
    LABEL = "label_differs"
    ATTRIBUTE = "attribute_differs"
    RELATION = "relation_differs"


@dataclass(frozen=True)
class RelationVersion:
    """A relation with its two ends, as one layer has it."""

    relation: Relation
    head: Span
    child: Span


@dataclass
class Conflict:
    id: str
    doc_id: str
    kind: ConflictKind
    start: int
    end: int
    labels: list[str]
    versions: dict[str, list[Span]]
    relations: dict[str, list[RelationVersion]] = field(default_factory=dict)
    resolution: str | None = None

    @property
    def resolved(self) -> bool:
        return self.resolution is not None

    def keys(self) -> list[str]:
        """The extents and labels of every version (how a rejection remembers them)."""
        spans = [s for v in self.versions.values() for s in v]
        spans += [rv.head for v in self.relations.values() for rv in v]
        return sorted({key_text(s) for s in spans})

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "doc_id": self.doc_id,
            "kind": self.kind.value,
            "start": self.start,
            "end": self.end,
            "labels": self.labels,
            "resolution": self.resolution,
            "versions": {
                layer: [
                    {"id": s.id, "start": s.start, "end": s.end, "label": s.label, "attrs": s.attrs}
                    for s in spans
                ]
                for layer, spans in self.versions.items()
            },
            "relations": {
                layer: [
                    {
                        "label": rv.relation.label,
                        "head": key_text(rv.head),
                        "child": key_text(rv.child),
                    }
                    for rv in rels
                ]
                for layer, rels in self.relations.items()
            },
        }


def _conflict_id(doc_id: str, kind: ConflictKind, ids: Sequence[str]) -> str:
    digest = hashlib.sha1("|".join([doc_id, kind.value, *sorted(ids)]).encode("utf-8"))
    return digest.hexdigest()[:16]


def _span_conflict(
    doc_id: str, kind: ConflictKind, layers: Sequence[str], spans: Sequence[Span]
) -> Conflict:
    versions: dict[str, list[Span]] = {layer: [] for layer in layers}
    for s in spans:
        versions[s.layer].append(s)
    return Conflict(
        id=_conflict_id(doc_id, kind, [s.id for s in spans]),
        doc_id=doc_id,
        kind=kind,
        start=min(s.start for s in spans),
        end=max(s.end for s in spans),
        labels=sorted({s.label for s in spans}),
        versions=versions,
    )


def _span_conflicts(
    doc_id: str, layers: list[str], by_layer: dict[str, list[Span]]
) -> list[Conflict]:
    by_key: dict[SpanKey, list[Span]] = defaultdict(list)
    for layer in layers:
        for s in by_layer[layer]:
            by_key[span_key(s)].append(s)
    out: list[Conflict] = []
    rest: list[Span] = []
    for spans in by_key.values():
        if {s.layer for s in spans} != set(layers):
            rest.extend(spans)
        elif len({tuple(sorted(s.attrs.items())) for s in spans}) > 1:
            out.append(_span_conflict(doc_id, ConflictKind.ATTRIBUTE, layers, spans))
    rest.sort(key=lambda s: (s.start, s.end, s.label, s.layer))
    groups: list[list[Span]] = []
    reach = -1
    for s in rest:
        if groups and s.start < reach:
            groups[-1].append(s)
            reach = max(reach, s.end)
        else:
            groups.append([s])
            reach = s.end
    for group in groups:
        if len({s.label for s in group}) > 1:
            kind = ConflictKind.LABEL
        elif {s.layer for s in group} != set(layers):
            kind = ConflictKind.MISSING
        else:
            kind = ConflictKind.BOUNDARY
        out.append(_span_conflict(doc_id, kind, layers, group))
    return out


def _relation_conflicts(
    doc_id: str, layers: list[str], by_layer: dict[str, list[Span]], rels: dict[str, list[Relation]]
) -> list[Conflict]:
    groups: dict[tuple[SpanKey, str], dict[str, list[RelationVersion]]] = defaultdict(
        lambda: {layer: [] for layer in layers}
    )
    for layer in layers:
        spans = {s.id: s for s in by_layer[layer]}
        for rel in rels[layer]:
            head, child = spans.get(rel.head), spans.get(rel.child)
            if head and child:
                groups[(span_key(head), rel.label)][layer].append(RelationVersion(rel, head, child))
    out = []
    for (head_key, label), versions in groups.items():
        children = {
            layer: sorted(span_key(rv.child) for rv in found) for layer, found in versions.items()
        }
        if len({tuple(c) for c in children.values()}) > 1:
            ids = [rv.relation.id for found in versions.values() for rv in found]
            out.append(
                Conflict(
                    id=_conflict_id(doc_id, ConflictKind.RELATION, ids),
                    doc_id=doc_id,
                    kind=ConflictKind.RELATION,
                    start=head_key[0],
                    end=head_key[1],
                    labels=[label],
                    versions={layer: [] for layer in layers},
                    relations=versions,
                )
            )
    return out


def find_conflicts(
    ws: Workspace, doc_id: str, layers: Sequence[str] | None = None
) -> list[Conflict]:
    """The conflicts of one document between ``layers`` (default: every annotator layer).

    Only the layers that have annotated the document are compared; with fewer than two there is
    nothing to compare and the list is empty. Sorted by position in the text.
    """
    chosen = resolve_layers(ws, layers, minimum=0)
    ws.document(doc_id)
    present = annotating(ws, doc_id, chosen)
    by_layer = {layer: ws.spans(doc_id, layer) for layer in present}
    if len(present) < 2:
        return []
    rels = {layer: ws.relations(doc_id, layer) for layer in present}
    conflicts = _span_conflicts(doc_id, present, by_layer)
    conflicts += _relation_conflicts(doc_id, present, by_layer, rels)
    _mark_resolved(ws, doc_id, conflicts)
    return sorted(conflicts, key=lambda c: (c.start, c.end, c.kind.value, c.id))


def _mark_resolved(ws: Workspace, doc_id: str, conflicts: list[Conflict]) -> None:
    decided = dict(ws.query("SELECT conflict, action FROM resolutions WHERE doc_id = ?", [doc_id]))
    gold = ws.spans(doc_id, GOLD_LAYER)
    gold_by_id = {s.id: s for s in gold}
    gold_heads = {
        (span_key(gold_by_id[r.head]), r.label)
        for r in ws.relations(doc_id, GOLD_LAYER)
        if r.head in gold_by_id
    }
    gold_keys = {span_key(g) for g in gold}
    decided_regions = [
        (c.start, c.end)
        for c in conflicts
        if c.id in decided and c.kind is not ConflictKind.RELATION
    ]
    for c in conflicts:
        if c.id in decided:
            c.resolution = decided[c.id]
        elif c.kind is ConflictKind.RELATION:
            if ((c.start, c.end, _head_label(c)), c.labels[0]) in gold_heads:
                c.resolution = "gold"
            elif (c.start, c.end, _head_label(c)) not in gold_keys and any(
                start < c.end and c.start < end for start, end in decided_regions
            ):
                # The head's own conflict was decided without it: no link is left to decide.
                c.resolution = "moot"
        elif any(g.label in c.labels and g.start < c.end and c.start < g.end for g in gold):
            c.resolution = "gold"


def _head_label(conflict: Conflict) -> str:
    heads = [rv.head.label for found in conflict.relations.values() for rv in found]
    return heads[0] if heads else ""
