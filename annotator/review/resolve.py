"""Resolving a conflict: take one annotator's version, take a merge, or reject it.

Each operation makes gold say what the reviewer decided *for that conflict*, which is about one
annotation unit (one label; see :mod:`annotator.review.conflicts`): gold spans that are one of
the conflict's versions (same extent and label) and are not the decided one are removed (no
other span ever is: no other unit's span is a version of this one), their relations moved
to the decided span of the same label, a kept span gets the decided attributes (and the
reason, when one is given), and the decided spans are added with provenance (which layers, who
decided, the optional reason). Gold spans the reviewer drew by hand elsewhere are left alone.
It is one logged transaction that also records the decision, so the conflict shows as
resolved and auto-adjudication never brings back what was rejected. Editing gold by hand
needs nothing here: ``Workspace.add_span``/``update_span`` on ``gold`` resolve a conflict too.
Taking a version also brings that layer's links from or to the taken spans whose other end is in
gold, so a quote taken from an annotator keeps the speaker they linked.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import Any

from annotator.core.changes import ChangeKind
from annotator.core.errors import ValidationError
from annotator.core.model import GOLD_LAYER, Relation, Span, Status, new_id
from annotator.core.tables import Writer
from annotator.core.text import normalize_fragment
from annotator.core.workspace import Workspace
from annotator.review.adjudicate import content_key
from annotator.review.conflicts import Conflict, ConflictKind
from annotator.review.gold import (
    gold_copy,
    gold_relation,
    provenance,
    record_resolution,
    write_gold,
)
from annotator.review.matching import SpanKey, span_key


@dataclass
class _Plan:
    """What a decision changes in gold."""

    add: list[Span] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    update: list[Span] = field(default_factory=list)
    remove: list[Span] = field(default_factory=list)
    remove_relations: list[str] = field(default_factory=list)
    moves: dict[str, str] = field(default_factory=dict)


def _agreeing_layers(conflict: Conflict, span: Span) -> list[str]:
    """The layers whose version holds exactly this span (extent, label and attributes)."""
    return [
        layer
        for layer, spans in conflict.versions.items()
        if any(content_key(s) == content_key(span) for s in spans)
    ] or [span.layer]


def _plan_spans(
    ws: Workspace, conflict: Conflict, decided: list[Span]
) -> tuple[_Plan, dict[SpanKey, Span]]:
    """Gold after the decision: ``decided`` in, the conflict's other versions out."""
    plan = _Plan()
    gold = {span_key(s): s for s in ws.spans(conflict.doc_id, GOLD_LAYER)}
    versions = {span_key(s) for spans in conflict.versions.values() for s in spans}
    final: dict[SpanKey, Span] = dict(gold)
    for span in decided:
        there = gold.get(span_key(span))
        if there is None:
            plan.add.append(span)
            final[span_key(span)] = span
        elif there.attrs != span.attrs or _new_reason(there, span):
            updated = replace(there, attrs=span.attrs, provenance=span.provenance)
            plan.update.append(updated)
            final[span_key(span)] = updated
    keep = {span_key(s) for s in decided}
    for key in versions - keep:
        stale = gold.get(key)
        if stale is not None:
            plan.remove.append(stale)
            final.pop(key)
            heir = next((s for s in decided if s.label == stale.label), None)
            if heir is not None:
                plan.moves[stale.id] = final[span_key(heir)].id
    return plan, final


def _new_reason(there: Span, decided: Span) -> bool:
    """A decision with a reason on a span gold already holds: the reason goes on the span, so
    that the gold export says why it is there."""
    reason = decided.provenance.get("reason")
    return bool(reason) and there.provenance.get("reason") != reason


def _clean_reason(reason: str | None) -> str | None:
    """The reason as the ``resolutions`` table keeps it (NFC, no blank one), so the gold span's
    provenance and the recorded decision say the same words."""
    if reason is None:
        return None
    return normalize_fragment(reason).strip() or None


@contextmanager
def _deciding(ws: Workspace, conflict: Conflict, action: str) -> Iterator[Writer]:
    """One transaction for a decision: gold is read (planned) and written under one lock."""
    with ws.writing(
        f"resolve_{action.split(':')[0]}",
        ChangeKind.REVIEW,
        doc_id=conflict.doc_id,
        layer=GOLD_LAYER,
    ) as w:
        yield w


def _apply(w: Writer, conflict: Conflict, action: str, plan: _Plan, reason: str | None) -> None:
    write_gold(w, plan.add, plan.relations)
    for span in plan.update:
        w.update_span(span)
    for old, new in plan.moves.items():
        w.move_relation_ends(old, new)
    w.delete_relation_ids(plan.remove_relations)
    w.delete_spans(plan.remove)
    record_resolution(w, conflict.id, conflict.doc_id, action, conflict.keys(), reason)
    w.payload.update(
        {
            "conflict": conflict.id,
            "kind": conflict.kind.value,
            "action": action,
            "reason": reason,
            "added": [s.id for s in plan.add],
            "updated": [s.id for s in plan.update],
            "removed": [s.id for s in plan.remove],
            "relations_added": [r.id for r in plan.relations],
            "relations_removed": plan.remove_relations,
        }
    )


def _relation_plan(
    ws: Workspace, conflict: Conflict, layer: str | None, reason: str | None
) -> _Plan:
    """For a relation conflict: gold's links from the head become ``layer``'s (none: reject)."""
    chosen = conflict.relations.get(layer, []) if layer else []
    decided = [
        gold_copy(s, _agreeing_layers(conflict, s), "take", ws.who, reason)
        for rv in chosen
        for s in (rv.head, rv.child)
    ]
    plan, final = _plan_spans(ws, conflict, decided)
    label = conflict.labels[0]
    wanted = {(final[span_key(rv.head)].id, final[span_key(rv.child)].id, label) for rv in chosen}
    gold_by_id = {s.id: s for s in ws.spans(conflict.doc_id, GOLD_LAYER)}
    for rel in ws.relations(conflict.doc_id, GOLD_LAYER):
        head = gold_by_id.get(rel.head)
        if rel.label == label and head and (head.start, head.end) == (conflict.start, conflict.end):
            if (rel.head, rel.child, rel.label) in wanted:
                wanted.discard((rel.head, rel.child, rel.label))
            else:
                plan.remove_relations.append(rel.id)
    plan.relations = [gold_relation(conflict.doc_id, h, c, lab) for h, c, lab in sorted(wanted)]
    return plan


def _check_layer(conflict: Conflict, layer: str) -> None:
    if layer not in conflict.versions:
        raise ValidationError(
            f"Layer '{layer}' is not part of this conflict "
            f"(layers: {', '.join(conflict.versions)})."
        )


def take_version(
    ws: Workspace, conflict: Conflict, layer: str, reason: str | None = None
) -> list[Span]:
    """Make gold hold ``layer``'s version of the conflict; returns the gold spans added.

    Taking a layer that has nothing there means the reviewer agrees nothing belongs there.
    For a relation conflict, the relation's ends come into gold too when missing.
    """
    _check_layer(conflict, layer)
    reason = _clean_reason(reason)
    with _deciding(ws, conflict, f"take:{layer}") as w:
        if conflict.kind is ConflictKind.RELATION:
            plan = _relation_plan(ws, conflict, layer, reason)
        else:
            decided = [
                gold_copy(s, _agreeing_layers(conflict, s), "take", ws.who, reason)
                for s in conflict.versions[layer]
            ]
            plan, final = _plan_spans(ws, conflict, decided)
            plan.relations = _links_taken(ws, conflict, layer, final, plan)
        _apply(w, conflict, f"take:{layer}", plan, reason)
    return plan.add


def _links_taken(
    ws: Workspace, conflict: Conflict, layer: str, final: dict[SpanKey, Span], plan: _Plan
) -> list[Relation]:
    """The taken layer's links from or to the taken spans whose other end gold holds (same
    extent and label) after the decision: a quote taken from an annotator keeps the speaker
    they linked it to, when that speaker is in gold."""
    taken = {s.id for s in conflict.versions[layer]}
    if not taken:
        return []
    spans = {s.id: s for s in ws.spans(conflict.doc_id, layer)}
    moved = plan.moves
    existing = {
        (moved.get(r.head, r.head), moved.get(r.child, r.child), r.label)
        for r in ws.relations(conflict.doc_id, GOLD_LAYER)
    }
    links = []
    for rel in ws.relations(conflict.doc_id, layer):
        if rel.head not in taken and rel.child not in taken:
            continue
        head, child = spans.get(rel.head), spans.get(rel.child)
        gold_head = final.get(span_key(head)) if head else None
        gold_child = final.get(span_key(child)) if child else None
        if gold_head is None or gold_child is None:
            continue
        key = (gold_head.id, gold_child.id, rel.label)
        if key not in existing:
            existing.add(key)
            links.append(gold_relation(conflict.doc_id, *key))
    return links


def merge_proposal(
    conflict: Conflict, boundaries: str = "union", attrs_from: str | None = None
) -> dict[str, Any]:
    """A merged span for a review screen to offer: union or intersection of the versions'
    extents, the most common label, and the attributes of ``attrs_from`` (or the first layer
    that has some)."""
    spans = [s for v in conflict.versions.values() for s in v]
    if not spans:
        raise ValidationError("This conflict has no span versions to merge.")
    if boundaries == "union":
        start, end = min(s.start for s in spans), max(s.end for s in spans)
    elif boundaries == "intersection":
        start, end = max(s.start for s in spans), min(s.end for s in spans)
        if start >= end:
            raise ValidationError("The versions share no character; use the union instead.")
    else:
        raise ValidationError(f"Unknown boundaries {boundaries!r} (union or intersection).")
    labels = [s.label for s in spans]
    label = max(sorted(set(labels)), key=labels.count)
    chosen = conflict.versions.get(attrs_from or "", []) or [s for s in spans if s.attrs]
    attrs = dict(chosen[0].attrs) if chosen and chosen[0].label == label else {}
    return {"start": start, "end": end, "label": label, "attrs": attrs}


def take_merge(
    ws: Workspace,
    conflict: Conflict,
    start: int,
    end: int,
    label: str,
    attrs: dict[str, str] | None = None,
    reason: str | None = None,
) -> Span:
    """Make gold hold a span the reviewer composed from the versions (:func:`merge_proposal`)."""
    reason = _clean_reason(reason)
    layers = [layer for layer, spans in conflict.versions.items() if spans]
    span = Span(
        new_id(),
        conflict.doc_id,
        GOLD_LAYER,
        start,
        end,
        label,
        dict(attrs or {}),
        "adjudicated",
        None,
        provenance(layers, "merge", ws.who, reason),
    )
    with _deciding(ws, conflict, "merge") as w:
        plan, final = _plan_spans(ws, conflict, [span])
        _apply(w, conflict, "merge", plan, reason)
    return final[span_key(span)]


def reject(ws: Workspace, conflict: Conflict, reason: str | None = None) -> None:
    """Decide that none of the versions belongs in gold (removing any that is there);
    auto-adjudication will not add them again."""
    reason = _clean_reason(reason)
    with _deciding(ws, conflict, "reject") as w:
        if conflict.kind is ConflictKind.RELATION:
            plan = _relation_plan(ws, conflict, None, reason)
        else:
            plan, _ = _plan_spans(ws, conflict, [])
        _apply(w, conflict, "reject", plan, reason)


def mark_adjudicated(ws: Workspace, doc_id: str) -> None:
    """The document's gold is final; its adjudicator is whoever does this."""
    ws.set_status(doc_id, GOLD_LAYER, Status.ADJUDICATED)
