"""Auto-adjudication: what enough annotators agree on goes into gold in one step.

A span *votes* with its full content (start, end, label and attributes): two annotators agree on
a span only when all four are the same, so gold never receives a span whose attributes are
still disputed. A relation votes with its label and the content of both its ends. Among the
selected layers that have annotated a document (see :mod:`annotator.review.data`):

- ``unanimous``: every one of them has it (and there are at least ``min_votes``);
- ``majority``: more than half of them have it, and at least ``min_votes`` do.

A relation is accepted only when both its ends are in gold. What gold already holds (same start,
end and label), what a reviewer rejected, and documents already marked ``adjudicated`` are left
alone, so a second run adds nothing. The rest is the reviewer's conflict list
(:mod:`annotator.review.conflicts`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from annotator.core.changes import ChangeKind
from annotator.core.counted import counted
from annotator.core.errors import ValidationError
from annotator.core.model import GOLD_LAYER, RESERVED_LAYERS, Relation, Span, Status
from annotator.core.tables import Writer
from annotator.core.workspace import Workspace
from annotator.review.data import ReviewData, load, relations_of, resolve_layers, spans_of
from annotator.review.gold import gold_copy, gold_relation, key_text, rejected_keys, write_gold

ContentKey = tuple[int, int, str, tuple[tuple[str, str], ...]]


class Strategy(StrEnum):
    UNANIMOUS = "unanimous"
    MAJORITY = "majority"


BATCH = 1000  # documents decided at a time


def content_key(span: Span) -> ContentKey:
    """Extent, label and attributes: what two annotators must share to agree on a span."""
    return (span.start, span.end, span.label, tuple(sorted(span.attrs.items())))


@dataclass
class AutoResult:
    """What one auto-adjudication run did, per document and in total."""

    strategy: str
    min_votes: int
    layers: list[str]
    documents: int = 0
    spans_added: int = 0
    relations_added: int = 0
    skipped_adjudicated: int = 0
    per_document: dict[str, dict[str, int]] = field(default_factory=dict)

    def summary(self) -> str:
        return (
            f"{counted(self.spans_added, 'span')} and {counted(self.relations_added, 'relation')} "
            f"accepted into gold on {counted(self.documents, 'document')} ({self.strategy}, "
            f"at least {counted(self.min_votes, 'vote')}; "
            f"{counted(self.skipped_adjudicated, 'document')} already adjudicated left alone)"
        )


def accepted(votes: int, voters: int, strategy: Strategy, min_votes: int) -> bool:
    if votes < min_votes:
        return False
    if strategy is Strategy.UNANIMOUS:
        return votes == voters
    return 2 * votes > voters


def _parse_strategy(strategy: Strategy | str) -> Strategy:
    try:
        return Strategy(strategy)
    except ValueError as exc:
        raise ValidationError(
            f"Unknown strategy {strategy!r} (use unanimous or majority)."
        ) from exc


class _Document:
    """The votes on one document and the gold rows they lead to."""

    def __init__(self, data: ReviewData, gold: list[Span], gold_rels: list[Relation]) -> None:
        self.data = data
        self.gold_by_key = {(s.start, s.end, s.label): s.id for s in gold}
        self.gold_rels = {(r.head, r.child, r.label) for r in gold_rels}
        self.spans: list[Span] = []
        self.relations: list[Relation] = []

    def decide(
        self,
        doc_id: str,
        voters: list[str],
        rule: tuple[Strategy, int],
        who: str,
        rejected: set[str],
    ) -> None:
        strategy, min_votes = rule
        method = f"auto-{strategy.value}"
        votes: dict[ContentKey, dict[str, Span]] = defaultdict(dict)
        for layer in voters:
            for span in self.data.doc_spans(layer, doc_id):
                votes[content_key(span)].setdefault(layer, span)
        for key, by_layer in votes.items():
            if key[:3] in self.gold_by_key or key_text(next(iter(by_layer.values()))) in rejected:
                continue
            if accepted(len(by_layer), len(voters), strategy, min_votes):
                span = gold_copy(next(iter(by_layer.values())), list(by_layer), method, who, None)
                span.provenance["votes"] = [len(by_layer), len(voters)]
                self.spans.append(span)
                self.gold_by_key[key[:3]] = span.id
        self._relations(doc_id, voters, strategy, min_votes)

    def _relations(
        self, doc_id: str, voters: list[str], strategy: Strategy, min_votes: int
    ) -> None:
        votes: dict[tuple[ContentKey, ContentKey, str], set[str]] = defaultdict(set)
        for layer in voters:
            by_id = {s.id: s for s in self.data.doc_spans(layer, doc_id)}
            for rel in self.data.doc_relations(layer, doc_id):
                head, child = by_id.get(rel.head), by_id.get(rel.child)
                if head and child:
                    votes[(content_key(head), content_key(child), rel.label)].add(layer)
        for (head_key, child_key, label), layers in votes.items():
            head_id = self.gold_by_key.get(head_key[:3])
            child_id = self.gold_by_key.get(child_key[:3])
            if head_id is None or child_id is None or (head_id, child_id, label) in self.gold_rels:
                continue
            if accepted(len(layers), len(voters), strategy, min_votes):
                self.relations.append(gold_relation(doc_id, head_id, child_id, label))
                self.gold_rels.add((head_id, child_id, label))


def auto_adjudicate(
    ws: Workspace,
    strategy: Strategy | str = Strategy.UNANIMOUS,
    min_votes: int = 2,
    layers: Sequence[str] | None = None,
    doc_ids: Sequence[str] | None = None,
    on_document: Callable[[str, dict[str, int]], None] | None = None,
) -> AutoResult:
    """Accept agreed spans and relations into gold for the corpus (or ``doc_ids``).

    One transaction for the whole run, logged as one ``adjudicate_auto`` event plus one per
    document that received something. The gold of each batch of documents is written as soon
    as it is decided (the transaction holds it, not Python), so memory stays flat however
    large the corpus. What each document received goes to ``on_document`` when given (the CLI
    streams it out) instead of ``AutoResult.per_document``, which would grow with the corpus.
    """
    rule = (_parse_strategy(strategy), min_votes)
    if min_votes < 1:
        raise ValidationError(f"--min-votes must be at least 1, not {min_votes}.")
    chosen = resolve_layers(ws, layers, minimum=1)
    reserved = sorted(set(chosen) & RESERVED_LAYERS)
    if reserved:
        raise ValidationError(
            f"Only annotators vote for gold; '{reserved[0]}' is not an annotator's layer."
        )
    # Gold is read inside the write transaction: two runs at once must not both see it
    # without the other's spans and add every span and relation twice. A run over the whole
    # corpus tells views to re-read everything rather than list every span it wrote.
    corpus = doc_ids is None
    with ws.writing(
        "adjudicate_auto", ChangeKind.REVIEW, layer=GOLD_LAYER, whole_workspace=corpus
    ) as w:
        return _adjudicate(ws, w, rule, chosen, doc_ids, on_document)


def _adjudicate(
    ws: Workspace,
    w: Writer,
    rule: tuple[Strategy, int],
    chosen: list[str],
    doc_ids: Sequence[str] | None,
    on_document: Callable[[str, dict[str, int]], None] | None,
) -> AutoResult:
    min_votes = rule[1]
    # What reviewers rejected by hand: as many rows as decisions a person made, not documents.
    rejected = rejected_keys(ws)
    result = AutoResult(rule[0].value, min_votes, chosen)
    if doc_ids is None:
        batches: Iterable[list[str]] = ws.doc_id_batches(BATCH)
    else:
        wanted = list(dict.fromkeys(doc_ids))
        batches = (wanted[i : i + BATCH] for i in range(0, len(wanted), BATCH))
    # A batch of documents at a time with just their layers' spans; what is decided is written
    # before the next batch is read, so nothing is kept across batches but counts.
    for batch in batches:
        spans, relations = _decide_batch(ws, batch, rule, chosen, rejected, result, on_document)
        if spans or relations:
            _write_batch(w, spans, relations)
            if doc_ids is None:
                w.forget_touched()
    if result.spans_added or result.relations_added:
        w.payload.update(
            {
                "strategy": result.strategy,
                "min_votes": min_votes,
                "layers": chosen,
                "spans": result.spans_added,
                "relations": result.relations_added,
                "documents": result.documents,
            }
        )
    else:
        w.log_event = False
    return result


def _decide_batch(
    ws: Workspace,
    batch: list[str],
    rule: tuple[Strategy, int],
    chosen: list[str],
    rejected: dict[str, set[str]],
    result: AutoResult,
    on_document: Callable[[str, dict[str, int]], None] | None,
) -> tuple[list[Span], list[Relation]]:
    """The gold rows agreed on in one batch of documents; ``result`` counts them."""
    data = load(ws, chosen, batch)
    gold_spans = spans_of(ws, GOLD_LAYER, batch)
    gold_rels = relations_of(ws, GOLD_LAYER, batch)
    statuses = ws.statuses_of_documents(GOLD_LAYER, batch)
    done = {d for d, s in statuses.items() if s == Status.ADJUDICATED}
    spans: list[Span] = []
    relations: list[Relation] = []
    for doc_id in data.order:
        voters = data.layers_of(doc_id)
        if doc_id in done:
            result.skipped_adjudicated += bool(voters)
            continue
        if len(voters) < rule[1]:
            continue
        doc = _Document(data, gold_spans.get(doc_id, []), gold_rels.get(doc_id, []))
        doc.decide(doc_id, voters, rule, ws.who, rejected.get(doc_id, set()))
        if doc.spans or doc.relations:
            counts = {"spans": len(doc.spans), "relations": len(doc.relations)}
            result.documents += 1
            result.spans_added += len(doc.spans)
            result.relations_added += len(doc.relations)
            if on_document is not None:
                on_document(doc_id, counts)
            else:
                result.per_document[doc_id] = counts
            spans.extend(doc.spans)
            relations.extend(doc.relations)
    return spans, relations


def _write_batch(w: Writer, spans: list[Span], relations: list[Relation]) -> None:
    """One batch's gold rows, and one ``adjudicate_auto`` event per document that got some."""
    per_doc: dict[str, dict[str, list[str]]] = defaultdict(lambda: {"spans": [], "relations": []})
    for span in spans:
        per_doc[span.doc_id]["spans"].append(span.id)
    for rel in relations:
        per_doc[rel.doc_id]["relations"].append(rel.id)
    write_gold(w, spans, relations)
    w.log_many(("adjudicate_auto", d, GOLD_LAYER, ids, None) for d, ids in per_doc.items())
