"""Machine suggestions in a workspace: store a run, list what is pending, accept or reject.

Suggestions are spans (and relations) of the reserved ``suggestions`` layer. Each carries its
review state in ``provenance["state"]``: ``pending``, ``accepted`` or ``rejected``. Accepted
and rejected suggestions are kept, not deleted, so that a later run can tell it must not
propose them again; a run replaces only the pending ones. Accepting copies the suggestion into
the annotator's layer with origin ``suggested`` and links it to spans already there that the
suggestion was linked to (a quote to its accepted speaker). No schema change is needed: the
state lives in the provenance column every span already has.

The suggester itself lives above the core (annotator.arabic); it hands over plain Proposals.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from annotator.core.changes import ChangeKind
from annotator.core.errors import ValidationError
from annotator.core.model import RESERVED_LAYERS, SUGGESTIONS_LAYER, Relation, Span, new_id
from annotator.core.rows import check_layer_name, dumps
from annotator.core.tables import Writer
from annotator.core.workspace import Workspace, sort_spans

PENDING, ACCEPTED, REJECTED = "pending", "accepted", "rejected"
ORIGIN = "suggested"


@dataclass(frozen=True)
class Proposal:
    """One suggested span, as the suggester produces it (offsets into the document text)."""

    start: int
    end: int
    label: str
    attrs: dict[str, str] = field(default_factory=dict)
    confidence: float = 0.5
    rule: str = ""


@dataclass(frozen=True)
class ProposedLink:
    """A relation between two proposals, by their index in the proposal list."""

    head: int
    child: int
    label: str


@dataclass(frozen=True)
class RunReport:
    doc_id: str
    added: int
    kept: int
    skipped: int
    relations: int
    invalid: int = 0


def state(span: Span) -> str:
    return str(span.provenance.get("state", PENDING))


def _identity(start: int, end: int, label: str, attrs: dict[str, str]) -> tuple[Any, ...]:
    return (start, end, label, dumps(attrs))


def store_run(
    ws: Workspace,
    doc_id: str,
    proposals: Sequence[Proposal],
    links: Iterable[ProposedLink] = (),
    *,
    layer: str | None = None,
    labels: Iterable[str] | None = None,
    engine: str = "",
) -> RunReport:
    """Replace the pending suggestions of ``labels`` in one document with a new run.

    A proposal identical (offsets, label, attributes) to an accepted or rejected suggestion is
    not re-created, nor one whose offsets and label a span of ``layer`` (the annotator's)
    already has. Every proposal is validated like a manual span before anything is written;
    one that fails is left out (and counted) rather than losing the whole run. The run is one
    transaction.
    """
    # Read inside the write transaction: two runs at once must not both replace the same
    # pending suggestions and leave both sets behind.
    with ws.writing("suggest", ChangeKind.SPANS, doc_id=doc_id, layer=SUGGESTIONS_LAYER) as w:
        return _store_run(ws, w, doc_id, proposals, links, layer, labels, engine)


def _store_run(
    ws: Workspace,
    w: Writer,
    doc_id: str,
    proposals: Sequence[Proposal],
    links: Iterable[ProposedLink],
    layer: str | None,
    labels: Iterable[str] | None,
    engine: str,
) -> RunReport:
    text = ws.text(doc_id)
    # Only labels the workspace's schema has are proposed (an engine may know more); a
    # proposal of another label is left out silently, not counted as invalid.
    known = ws.schema.labels
    wanted = (set(labels) if labels is not None else {p.label for p in proposals}) & set(known)
    existing = ws.spans(doc_id, SUGGESTIONS_LAYER)
    stale = [s for s in existing if state(s) == PENDING and s.label in wanted]
    reviewed = {
        _identity(s.start, s.end, s.label, s.attrs): s.id for s in existing if state(s) != PENDING
    }
    present = {(s.start, s.end, s.label) for s in ws.spans(doc_id, layer)} if layer else set()
    spans = [
        Span(
            new_id(),
            doc_id,
            SUGGESTIONS_LAYER,
            p.start,
            p.end,
            p.label,
            dict(p.attrs),
            ORIGIN,
            p.confidence,
            {"state": PENDING, "rule": p.rule, "engine": engine},
        )
        if p.label in known
        else None
        for p in proposals
    ]
    # Checked together by the writer that inserts them, which then does not check them again.
    refused = {span.id for span, _ in w.check_spans((s for s in spans if s), text)}
    ids: list[str | None] = []
    rows: list[Span] = []
    skipped = kept = invalid = 0
    for p, span in zip(proposals, spans, strict=True):
        if span is None:
            ids.append(None)
            continue
        if span.id in refused:
            ids.append(None)
            invalid += 1
            continue
        # The identity (attributes as JSON) is only worth computing when something was reviewed.
        if reviewed and (key := _identity(p.start, p.end, p.label, p.attrs)) in reviewed:
            ids.append(reviewed[key])
            kept += 1
        elif (p.start, p.end, p.label) in present:
            ids.append(None)
            skipped += 1
        else:
            ids.append(span.id)
            rows.append(span)
    relation_rows = _relation_rows(ws, doc_id, ids, links)

    report = RunReport(doc_id, len(rows), kept, skipped, len(relation_rows), invalid)
    payload = {
        "labels": sorted(wanted),
        "added": report.added,
        "removed": len(stale),
        "kept": kept,
        "skipped": skipped,
        "invalid": report.invalid,
        "engine": engine,
    }
    w.ensure_layer(SUGGESTIONS_LAYER)
    w.delete_spans(stale)
    w.insert_spans(rows)
    w.insert_relations(relation_rows, if_absent=True)
    w.payload.update(payload)
    return report


def _relation_rows(
    ws: Workspace, doc_id: str, ids: list[str | None], links: Iterable[ProposedLink]
) -> list[Relation]:
    rows = []
    for link in links:
        head, child = ids[link.head], ids[link.child]
        if head and child and link.label in ws.schema.relations:
            rows.append(_relation(doc_id, SUGGESTIONS_LAYER, head, child, link.label))
    return rows


def _relation(doc_id: str, layer: str, head: str, child: str, label: str) -> Relation:
    return Relation(new_id(), doc_id, layer, head, child, label)


def pending(ws: Workspace, doc_id: str, label: str | None = None) -> list[Span]:
    """Pending suggestions of a document in reading order (start, end, label)."""
    spans = [s for s in ws.spans(doc_id, SUGGESTIONS_LAYER) if state(s) == PENDING]
    return sort_spans(s for s in spans if label is None or s.label == label)


def overlapping_own(
    ws: Workspace, suggestion: Span, layer: str, among: Sequence[Span] | None = None
) -> list[Span]:
    """Spans of ``layer`` with the suggestion's label whose extent overlaps it.

    Accepting such a suggestion as it is would nest a second span of the same label inside
    (or around) the annotator's own: the window asks instead whether to replace theirs, keep
    theirs or keep both. ``among`` is the layer's spans when the caller has read them already.
    """
    return [
        s
        for s in (ws.spans(suggestion.doc_id, layer) if among is None else among)
        if s.label == suggestion.label and s.start < suggestion.end and suggestion.start < s.end
    ]


def _suggestion(ws: Workspace, suggestion_id: str) -> Span:
    span = ws.span(suggestion_id)
    if span.layer != SUGGESTIONS_LAYER:
        raise ValidationError(f"Span '{suggestion_id}' is not a suggestion.")
    if state(span) != PENDING:
        raise ValidationError(f"Suggestion '{suggestion_id}' was already {state(span)}.")
    return span


def _target_layer(layer: str) -> None:
    check_layer_name(layer)
    if layer in RESERVED_LAYERS:
        raise ValidationError(f"Suggestions are accepted into an annotator's layer, not '{layer}'.")


def accept(ws: Workspace, suggestion_id: str, layer: str, copy_id: str | None = None) -> Span:
    """Copy a pending suggestion into ``layer`` (origin "suggested") and mark it accepted."""
    copy_ids = {suggestion_id: copy_id} if copy_id else None
    return accept_many(ws, [suggestion_id], layer, copy_ids)[0]


def accept_label(ws: Workspace, doc_id: str, label: str, layer: str) -> list[Span]:
    """Accept every pending suggestion of one label in a document, in one transaction."""
    return accept_many(ws, [s.id for s in pending(ws, doc_id, label)], layer)


def accept_many(
    ws: Workspace,
    suggestion_ids: Sequence[str],
    layer: str,
    copy_ids: Mapping[str, str] | None = None,
) -> list[Span]:
    """Accept several pending suggestions of one document at once (one event, one undo step).

    ``copy_ids`` names the copies to create (suggestion id -> span id): an undo command that
    reopens and accepts again (redo) gets back the very same span, so later edits that refer
    to it (a link, an attribute) still apply. Unnamed copies get fresh ids.
    """
    _target_layer(layer)
    if not suggestion_ids:
        return []
    doc_id = ws.span(suggestion_ids[0]).doc_id  # a span never moves to another document
    # Their state is read inside the transaction: accepting twice at once copies once.
    with ws.writing("accept_suggestions", ChangeKind.SPANS, doc_id=doc_id, layer=layer) as w:
        return _accept_many(ws, w, doc_id, suggestion_ids, layer, copy_ids)


def _accept_many(
    ws: Workspace,
    w: Writer,
    doc_id: str,
    suggestion_ids: Sequence[str],
    layer: str,
    copy_ids: Mapping[str, str] | None,
) -> list[Span]:
    suggestions = [_suggestion(ws, sid) for sid in suggestion_ids]
    if any(s.doc_id != doc_id for s in suggestions):
        raise ValidationError("Suggestions are accepted one document at a time.")
    chosen = copy_ids or {}
    accepted_now = {s.id: chosen.get(s.id) or new_id() for s in suggestions}
    created = [
        Span(
            accepted_now[s.id],
            doc_id,
            layer,
            s.start,
            s.end,
            s.label,
            dict(s.attrs),
            ORIGIN,
            s.confidence,
            {"suggestion": s.id, **{k: v for k, v in s.provenance.items() if k != "state"}},
        )
        for s in suggestions
    ]
    links = _links_into_layer(ws, doc_id, layer, accepted_now)

    w.ensure_layer(layer)
    w.insert_spans(created)
    for s in suggestions:
        provenance = {**s.provenance, "state": ACCEPTED, "accepted_as": accepted_now[s.id]}
        w.update_span(replace(s, provenance=provenance), keep_author=True)
    w.insert_relations(
        (_relation(doc_id, layer, head, child, label) for head, child, label in links),
        if_absent=True,
    )
    w.touch_status([doc_id], layer)
    w.payload.update(
        {
            "accepted": [{"suggestion": sid, "span": sp} for sid, sp in accepted_now.items()],
            "relations": len(links),
        }
    )
    return created


def _links_into_layer(
    ws: Workspace, doc_id: str, layer: str, accepted_now: dict[str, str]
) -> list[tuple[str, str, str]]:
    """Relations to create in ``layer``: suggested links whose both ends are now there.

    An end is "there" if it is accepted in this call, or was accepted earlier and its copy
    still exists in the layer, or a span of the layer has the same offsets and label.
    """
    suggestions = {s.id: s for s in ws.spans(doc_id, SUGGESTIONS_LAYER)}
    layer_spans = ws.spans(doc_id, layer)
    layer_ids = {s.id for s in layer_spans}
    by_place = {(s.start, s.end, s.label): s.id for s in layer_spans}

    def copy_of(suggestion_id: str) -> str | None:
        if suggestion_id in accepted_now:
            return accepted_now[suggestion_id]
        s = suggestions.get(suggestion_id)
        if s is None:
            return None
        earlier = s.provenance.get("accepted_as")
        if earlier in layer_ids:
            return str(earlier)
        return by_place.get((s.start, s.end, s.label))

    existing = {(r.head, r.child, r.label) for r in ws.relations(doc_id, layer)}
    links = []
    for rel in ws.relations(doc_id, SUGGESTIONS_LAYER):
        if rel.head not in accepted_now and rel.child not in accepted_now:
            continue
        head, child = copy_of(rel.head), copy_of(rel.child)
        if head and child and (head, child, rel.label) not in existing:
            links.append((head, child, rel.label))
            existing.add((head, child, rel.label))
    return links


def reject(ws: Workspace, suggestion_id: str) -> Span:
    """Mark a pending suggestion rejected; later runs will not propose it again."""
    doc_id = ws.span(suggestion_id).doc_id
    payload = {"suggestion": suggestion_id}
    with ws.writing(
        "reject_suggestion",
        ChangeKind.SPANS,
        doc_id=doc_id,
        layer=SUGGESTIONS_LAYER,
        payload=payload,
    ) as w:
        span = _suggestion(ws, suggestion_id)
        w.update_span(
            replace(span, provenance={**span.provenance, "state": REJECTED}), keep_author=True
        )
    return ws.span(span.id)


def _reviewed(ws: Workspace, suggestion_id: str) -> Span:
    span = ws.span(suggestion_id)
    if span.layer != SUGGESTIONS_LAYER or state(span) == PENDING:
        raise ValidationError(f"Suggestion '{suggestion_id}' is not accepted or rejected.")
    return span


def _pending_again(span: Span) -> dict[str, Any]:
    provenance = {k: v for k, v in span.provenance.items() if k != "accepted_as"}
    provenance["state"] = PENDING
    return provenance


def reopen(ws: Workspace, suggestion_id: str) -> Span:
    """Undo a reject or an accept: the suggestion is pending again, an accepted copy removed."""
    doc_id = ws.span(suggestion_id).doc_id
    with ws.writing(
        "reopen_suggestion", ChangeKind.SPANS, doc_id=doc_id, layer=SUGGESTIONS_LAYER
    ) as w:
        span = _reviewed(ws, suggestion_id)
        copy = span.provenance.get("accepted_as")
        if copy:
            w.delete_span_ids([str(copy)])
        w.update_span(replace(span, provenance=_pending_again(span)), keep_author=True)
        w.payload.update({"suggestion": span.id, "removed": copy})
    return ws.span(span.id)


def reopen_many(ws: Workspace, suggestion_ids: Sequence[str]) -> list[Span]:
    """Reopen several suggestions of one document in one transaction (the undo of
    ``accept_many``): one event, so a window repaints once, not once per suggestion."""
    if not suggestion_ids:
        return []
    doc_id = ws.span(suggestion_ids[0]).doc_id
    with ws.writing(
        "reopen_suggestions", ChangeKind.SPANS, doc_id=doc_id, layer=SUGGESTIONS_LAYER
    ) as w:
        spans = [_reviewed(ws, sid) for sid in suggestion_ids]
        if any(s.doc_id != doc_id for s in spans):
            raise ValidationError("Suggestions are reopened one document at a time.")
        copies = [
            str(s.provenance["accepted_as"]) for s in spans if s.provenance.get("accepted_as")
        ]
        w.delete_span_ids(copies)
        for span in spans:
            w.update_span(replace(span, provenance=_pending_again(span)), keep_author=True)
        w.payload.update({"suggestions": [s.id for s in spans], "removed": copies})
    return [ws.span(s.id) for s in spans]
