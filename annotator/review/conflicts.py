"""Where the annotators of a document disagree: the reviewer's conflict list.

A conflict is about ONE annotation unit, so that the reviewer decides each annotation and no
decision drops a span it was not about. Spans are compared by extent and label first. An
extent+label that every compared layer has is agreed, unless the attributes differ
(``attribute_differs``). The remaining spans are grouped per label into units of overlapping
spans: a unit that every layer has a version of is ``boundary_differs``, one that some layer has
nothing for is ``missing_in_some_layers`` (a span with no same-label counterpart in another layer
is a unit of its own: take it or drop it). Spans of different labels over the same text are
separate units: the label schema declares no labels mutually exclusive, so a QUOTE and a CLAIM
on one sentence are two decisions (``label_differs`` names the kind for a schema that one day
declares exclusive labels; none is grouped so today). Relations are grouped by their head span
(extent and label) and their label; a group on which the layers do not all link the same
children is ``relation_differs``.

Each conflict carries every layer's version (an empty list where the layer has none) and a
stable id, so a review screen can list them, jump between them and resolve them
(:mod:`annotator.review.resolve`). A conflict counts as resolved once a reviewer decided it
(its :class:`Decision` says how, who, when and why), or once gold already holds something for it
(a span of its label over its extent, or for a relation conflict, a relation of its label from
its head), or once a decision made it moot (a relation conflict whose head span a decision on
that span's own unit left out of gold).
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


@dataclass(frozen=True)
class Decision:
    """What a reviewer decided on a conflict, as the ``resolutions`` table keeps it."""

    action: str
    who: str
    reason: str | None
    decided: str


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
    # The reviewer's recorded decision (None when open, or closed by gold or by another one).
    decision: Decision | None = None

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
            "reason": self.decision.reason if self.decision else None,
            "decided_by": self.decision.who if self.decision else None,
            "decided": self.decision.decided if self.decision else None,
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
    for group in _units(rest):
        everyone = {s.layer for s in group} == set(layers)
        kind = ConflictKind.BOUNDARY if everyone else ConflictKind.MISSING
        out.append(_span_conflict(doc_id, kind, layers, group))
    return out


def _units(spans: list[Span]) -> list[list[Span]]:
    """Annotation units: per label, the spans that overlap one another (chains included).

    Never across labels: deciding a QUOTE's boundary must not decide the DATE inside it.
    """
    ordered = sorted(spans, key=lambda s: (s.label, s.start, s.end, s.layer))
    units: list[list[Span]] = []
    reach = -1
    for s in ordered:
        if units and units[-1][0].label == s.label and s.start < reach:
            units[-1].append(s)
            reach = max(reach, s.end)
        else:
            units.append([s])
            reach = s.end
    return units


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
    nothing to compare and the list is empty. Sorted by position in the text, then kind and
    label (a CLAIM and a QUOTE on the same words always come in the same order).
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
    return sorted(conflicts, key=lambda c: (c.start, c.end, c.kind.value, c.labels, c.id))


def _mark_resolved(ws: Workspace, doc_id: str, conflicts: list[Conflict]) -> None:
    decided = {
        row[0]: Decision(*row[1:])
        for row in ws.query(
            "SELECT conflict, action, who, reason, decided FROM resolutions WHERE doc_id = ?",
            [doc_id],
        )
    }
    gold = ws.spans(doc_id, GOLD_LAYER)
    gold_by_id = {s.id: s for s in gold}
    gold_heads = {
        (span_key(gold_by_id[r.head]), r.label)
        for r in ws.relations(doc_id, GOLD_LAYER)
        if r.head in gold_by_id
    }
    gold_keys = {span_key(g) for g in gold}
    # The spans a reviewer's decision was about: a head left out of gold by one is moot.
    decided_keys = {
        span_key(s)
        for c in conflicts
        if c.id in decided and c.kind is not ConflictKind.RELATION
        for spans in c.versions.values()
        for s in spans
    }
    for c in conflicts:
        if c.id in decided:
            c.decision = decided[c.id]
            c.resolution = c.decision.action
        elif c.kind is ConflictKind.RELATION:
            head = (c.start, c.end, _head_label(c))
            if (head, c.labels[0]) in gold_heads:
                c.resolution = "gold"
            elif head not in gold_keys and head in decided_keys:
                # The head's own conflict was decided without it: no link is left to decide.
                c.resolution = "moot"
        elif any(g.label in c.labels and g.start < c.end and c.start < g.end for g in gold):
            c.resolution = "gold"


def _head_label(conflict: Conflict) -> str:
    heads = [rv.head.label for found in conflict.relations.values() for rv in found]
    return heads[0] if heads else ""
