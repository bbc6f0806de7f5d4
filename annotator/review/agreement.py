"""Inter-annotator agreement for any set of layers, per label and overall, per document and corpus.

What is computed (each definition is also stated in the README):

- span precision, recall and F1 between each pair of layers, with exact matching (same start,
  end and label) and overlap matching (same label, at least one shared character), both
  one-to-one (:mod:`annotator.review.matching`); pairs of layers are compared on the documents
  both have annotated, counts are summed over those documents, and the figures are averaged
  over the pairs. In a pair the first layer (in the selection's order) is the reference:
  precision = matches / spans of the second layer, recall = matches / spans of the first;
- Cohen's kappa (exactly two layers, else None) and Krippendorff's alpha (nominal, any number of
  layers, documents a layer has not annotated are missing values) over character positions
  (:mod:`annotator.review.coding`), per label as a yes/no question and jointly with the set of
  labels covering a character as its category;
- Krippendorff's unitizing alpha per label (:mod:`annotator.review.unitizing`) over the
  documents every selected layer has annotated;
- attribute agreement on overlap-matched spans, and relation F1, a relation of one layer
  matching one of the other when its label is the same and both its ends are matched spans.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from annotator.core.model import Relation, Span
from annotator.core.workspace import Workspace
from annotator.review import coding
from annotator.review.data import ReviewData, active_annotator_layers, load, resolve_layers
from annotator.review.matching import match_exact, match_overlap
from annotator.review.unitizing import Continua, Unitizing

BATCH = 1000  # documents compared at a time
Figures = dict[str, float | None]
Pair = tuple[str, str]
OVERALL = "overall"


@dataclass
class _Tally:
    """Counts behind one comparison: sizes of both sides and matches (exact, overlap)."""

    first: int = 0
    second: int = 0
    exact: int = 0
    overlap: int = 0

    def add(self, other: _Tally) -> None:
        self.first += other.first
        self.second += other.second
        self.exact += other.exact
        self.overlap += other.overlap

    def figures(self) -> Figures:
        out: Figures = {}
        for mode, matched in (("exact", self.exact), ("overlap", self.overlap)):
            out[f"precision_{mode}"] = _ratio(matched, self.second)
            out[f"recall_{mode}"] = _ratio(matched, self.first)
            out[f"f1_{mode}"] = _ratio(2 * matched, self.first + self.second)
        return out


def _ratio(num: float, den: float) -> float | None:
    return None if den == 0 else num / den


def _mean(values: Sequence[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return sum(known) / len(known) if known else None


def _average(tallies: dict[Pair, _Tally]) -> Figures:
    """Figures computed per pair of layers, then averaged over the pairs."""
    if len(tallies) == 1:  # the mean of one figure is that figure (and this is most calls)
        return next(iter(tallies.values())).figures()
    per_pair = [t.figures() for t in tallies.values()]
    keys = per_pair[0].keys() if per_pair else _Tally().figures().keys()
    return {key: _mean([f[key] for f in per_pair]) for key in keys}


@dataclass
class _Comparison:
    """Everything counted for a set of documents (one document, or the corpus)."""

    spans: dict[str, dict[Pair, _Tally]] = field(default_factory=lambda: defaultdict(dict))
    relations: dict[str, dict[Pair, _Tally]] = field(default_factory=lambda: defaultdict(dict))
    attributes: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    profile: coding.Profile = field(default_factory=Counter)

    def tally(self, kind: str, label: str, pair: Pair) -> _Tally:
        table = self.spans if kind == "spans" else self.relations
        return table[label].setdefault(pair, _Tally())

    def add(self, other: _Comparison) -> None:
        for mine, theirs in ((self.spans, other.spans), (self.relations, other.relations)):
            for label, by_pair in theirs.items():
                for pair, t in by_pair.items():
                    mine[label].setdefault(pair, _Tally()).add(t)
        for key, (agree, total) in other.attributes.items():
            self.attributes[key][0] += agree
            self.attributes[key][1] += total
        self.profile.update(other.profile)


@dataclass
class DocumentAgreement:
    """Agreement on one document, for finding the documents that most need review."""

    id: str
    layers: list[str]
    labels: dict[str, Figures]
    overall: Figures
    attributes: dict[str, dict[str, float | int | None]] = field(default_factory=dict)
    relations: dict[str, Figures] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "layers": self.layers,
            "overall": self.overall,
            "labels": self.labels,
            "attributes": self.attributes,
            "relations": self.relations,
        }


@dataclass
class AgreementReport:
    layers: list[str]
    documents: int
    labels: dict[str, Figures]
    overall: Figures
    attributes: dict[str, dict[str, float | int | None]]
    relations: dict[str, Figures]
    pairs: dict[str, Figures]
    per_document: list[DocumentAgreement]

    def to_json(self, per_document: bool = True) -> dict[str, Any]:
        """The shape ``annotator agreement --json`` prints."""
        out: dict[str, Any] = {
            "layers": self.layers,
            "documents": self.documents,
            "labels": self.labels,
            "overall": self.overall,
            "attributes": self.attributes,
            "relations": self.relations,
            "pairs": self.pairs,
        }
        if per_document:
            out["per_document"] = [d.to_json() for d in self.per_document]
        return out

    def lowest(self, key: str = "f1_overlap", count: int = 10) -> list[DocumentAgreement]:
        """The documents with the lowest figure ``key`` overall (undefined ones last)."""
        return lowest_of(self.per_document, key, count)


def lowest_of(
    docs: Sequence[DocumentAgreement], key: str = "f1_overlap", count: int = 10
) -> list[DocumentAgreement]:
    return sorted(docs, key=lambda d: (d.overall.get(key) is None, d.overall.get(key) or 0.0))[
        :count
    ]


def labels_compared(ws: Workspace, layers: Sequence[str]) -> list[str]:
    """The schema's labels, then any other label the layers used: one query, no spans loaded."""
    marks = ",".join("?" * len(layers))
    found = {
        label
        for (label,) in ws.query(
            f"SELECT DISTINCT label FROM spans WHERE layer IN ({marks})", list(layers)
        )
    }
    return list(ws.schema.labels) + sorted(found - set(ws.schema.labels))


class _Agreement:
    def __init__(self, ws: Workspace, data: ReviewData, labels: list[str]) -> None:
        self.data = data
        self.schema = ws.schema
        self.labels = labels
        self.bits = {label: 1 << i for i, label in enumerate(self.labels)}
        self.relation_labels = list(ws.schema.relations)
        # Each label as a yes/no question, then the joint label set (the overall figures).
        self.scorer = coding.Scorer(
            [*(coding.binary(self.bits[label]) for label in self.labels), coding.joint]
        )

    def document(self, doc_id: str, present: list[str]) -> _Comparison:
        data, comp = self.data, _Comparison()
        for pair in combinations(present, 2):
            first = data.doc_spans(pair[0], doc_id)
            second = data.doc_spans(pair[1], doc_id)
            pairs = match_overlap(first, second)
            self._spans(comp, pair, first, second, pairs)
            for i, j in pairs:
                self._attributes(comp, first[i], second[j])
            matched = {first[i].id: second[j].id for i, j in pairs}
            self._relations(
                comp,
                pair,
                data.doc_relations(pair[0], doc_id),
                data.doc_relations(pair[1], doc_id),
                matched,
            )
        columns = [
            data.doc_spans(layer, doc_id) if layer in present else None for layer in data.layers
        ]
        comp.profile = coding.profile(data.lengths[doc_id], columns, self.bits)
        return comp

    def _spans(
        self,
        comp: _Comparison,
        pair: Pair,
        first: list[Span],
        second: list[Span],
        overlapping: list[tuple[int, int]],
    ) -> None:
        firsts = Counter(s.label for s in first)
        seconds = Counter(s.label for s in second)
        exact = Counter(first[i].label for i, _ in match_exact(first, second))
        overlaps = Counter(first[i].label for i, _ in overlapping)
        for label in self.labels:
            t = comp.tally("spans", label, pair)
            t.first += firsts[label]
            t.second += seconds[label]
            t.exact += exact[label]
            t.overlap += overlaps[label]

    def _attributes(self, comp: _Comparison, a: Span, b: Span) -> None:
        spec = self.schema.labels.get(a.label)
        for name in spec.attributes if spec else ():
            va, vb = a.attrs.get(name, ""), b.attrs.get(name, "")
            if va or vb:
                counts = comp.attributes[f"{a.label}.{name}"]
                counts[0] += va == vb
                counts[1] += 1

    def _relations(
        self,
        comp: _Comparison,
        pair: Pair,
        first: list[Relation],
        second: list[Relation],
        matched: dict[str, str],
    ) -> None:
        for label in self.relation_labels:
            comp.tally("relations", label, pair)
        theirs = {(r.head, r.child, r.label) for r in second}
        for r in first:
            t = comp.tally("relations", r.label, pair)
            t.first += 1
            if (matched.get(r.head), matched.get(r.child), r.label) in theirs:
                t.exact += 1
                t.overlap += 1
        for r in second:
            comp.tally("relations", r.label, pair).second += 1

    def continua(self, doc_id: str, layers: Sequence[str]) -> dict[str, Continua]:
        """alpha-U statistics per label of one document coded by ``layers``."""
        units: dict[str, list[list[tuple[int, int]]]] = {
            label: [[] for _ in layers] for label in self.labels
        }
        for n, layer in enumerate(layers):
            for s in self.data.doc_spans(layer, doc_id):
                units[s.label][n].append((s.start, s.end))
        length = self.data.lengths[doc_id]
        return {label: Continua().add(length, per_coder) for label, per_coder in units.items()}

    def figures(
        self, comp: _Comparison, continua: dict[str, Continua], two_layers: bool
    ) -> tuple[dict[str, Figures], Figures]:
        units = {label: c.result() for label, c in continua.items()}
        *scores, (kappa, alpha) = self.scorer.scores(comp.profile, two_layers)
        labels: dict[str, Figures] = {}
        for label, (label_kappa, label_alpha) in zip(self.labels, scores, strict=True):
            labels[label] = {
                **_average(comp.spans.get(label, {})),
                "kappa": label_kappa,
                "alpha": label_alpha,
                "alpha_u": units[label].alpha,
            }
        pooled = sum(units.values(), Unitizing(0.0, 0.0))
        overall = {
            **_average(_sum_pairs(comp.spans)),
            "kappa": kappa,
            "alpha": alpha,
            "alpha_u": pooled.alpha,
        }
        return labels, overall

    def extras(
        self, comp: _Comparison
    ) -> tuple[dict[str, dict[str, float | int | None]], dict[str, Figures]]:
        """Attribute agreement and relation F1 of what ``comp`` counted."""
        attributes: dict[str, dict[str, float | int | None]] = {
            key: {"agreement": _ratio(agree, total), "pairs": total}
            for key, (agree, total) in sorted(comp.attributes.items())
        }
        relations = {
            label: _relation_figures(comp.relations.get(label, {}))
            for label in self.relation_labels
        }
        relations[OVERALL] = _relation_figures(_sum_pairs(comp.relations))
        return attributes, relations


def compute_agreement(
    ws: Workspace,
    layers: Sequence[str] | None = None,
    per_document: bool = True,
    progress: Callable[[int], None] | None = None,
    on_document: Callable[[DocumentAgreement], None] | None = None,
    keep_lowest: int | None = None,
) -> AgreementReport:
    """Agreement between ``layers`` (default: every annotator layer) over the whole workspace.

    Only documents that at least two of the layers have annotated are compared; the report's
    ``documents`` counts them. ``progress`` is told how many documents have been read so far
    (a GUI runs this off its UI thread and shows that).

    Per-document figures of 100,000 documents would fill gigabytes: ``on_document`` receives
    each one as it is computed instead of the report keeping it (the CLI streams them out), and
    ``keep_lowest`` keeps only that many lowest-agreement documents (what the window lists).
    """
    chosen = resolve_layers(ws, layers)
    label_names = labels_compared(ws, chosen)
    two = len(chosen) == 2
    corpus = _Comparison()
    docs: list[DocumentAgreement] = []
    complete = {label: Continua() for label in label_names}
    count = compared = 0
    # A batch of documents at a time with just their spans: memory stays flat with the corpus.
    for batch in ws.doc_id_batches(BATCH):
        data = load(ws, chosen, batch)
        engine = _Agreement(ws, data, label_names)
        for doc_id in data.order:
            count += 1
            if progress is not None:
                progress(count)
            present = data.layers_of(doc_id)
            if len(present) < 2:
                continue
            compared += 1
            comp = engine.document(doc_id, present)
            corpus.add(comp)
            everyone = len(present) == len(chosen)
            continua = engine.continua(doc_id, present) if everyone or per_document else {}
            if everyone:
                for label, c in continua.items():
                    complete[label].pool(c)
            if per_document:
                labels, overall = engine.figures(comp, continua, two)
                attributes, relations = engine.extras(comp)
                found = DocumentAgreement(doc_id, present, labels, overall, attributes, relations)
                if on_document is not None:
                    on_document(found)
                    continue
                docs.append(found)
                if keep_lowest is not None and len(docs) > 4 * keep_lowest + 100:
                    docs = lowest_of(docs, count=keep_lowest)
    engine = _Agreement(ws, ReviewData(chosen, [], {}, {}, {}), label_names)
    labels, overall = engine.figures(corpus, complete, two)
    attributes, relations = engine.extras(corpus)
    return AgreementReport(
        layers=chosen,
        documents=compared,
        labels=labels,
        overall=overall,
        attributes=attributes,
        relations=relations,
        pairs={
            f"{a}/{b}": {k: v for k, v in t.figures().items() if k.startswith("f1")}
            for (a, b), t in _sum_pairs(corpus.spans).items()
        },
        per_document=docs if keep_lowest is None else lowest_of(docs, count=keep_lowest),
    )


def _sum_pairs(table: dict[str, dict[Pair, _Tally]]) -> dict[Pair, _Tally]:
    summed: dict[Pair, _Tally] = defaultdict(_Tally)
    for by_pair in table.values():
        for pair, t in by_pair.items():
            summed[pair].add(t)
    return dict(summed)


def _relation_figures(tallies: dict[Pair, _Tally]) -> Figures:
    avg = _average(tallies)
    return {
        "precision": avg["precision_exact"],
        "recall": avg["recall_exact"],
        "f1": avg["f1_exact"],
    }


def manifest_figures(ws: Workspace) -> dict[str, Any] | None:
    """Corpus agreement between every annotator layer, for a gold export's manifest.

    None when there are fewer than two annotator layers (nothing to agree on).
    """
    if len(active_annotator_layers(ws)) < 2:
        return None
    return compute_agreement(ws, per_document=False).to_json(per_document=False)
