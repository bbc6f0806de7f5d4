"""Training the per-label CRFs and keeping them as weights the workspace stores.

CRFsuite trains; its binary model format is not what the workspace stores. A stored model is
untrusted input (a workspace travels between machines) and CRFsuite's C reader crashes the
process on a damaged model file, so the trained weights are read back through CRFsuite's own
dump and stored as JSON: every name, tag and number is checked when loaded, and tagging is a
Viterbi pass in Python over those weights (three tags, a few dozen features per token: as
fast as the rules). Nothing is pickled and no stored byte reaches C code.
"""

from __future__ import annotations

import json
import math
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import pycrfsuite

from annotator.arabic.learned.edges import (
    EDGE_CLASSES,
    KEEP_CLASSES,
    SIDES,
    Case,
    Instance,
    Maxent,
    cases,
)
from annotator.arabic.learned.features import (
    FEATURES_VERSION,
    RULE_LABELS,
    Featurized,
    bio,
    featurize,
)
from annotator.arabic.learned.gate import MIN_DOCUMENTS, MIN_NET, choose_threshold
from annotator.arabic.learned.tagging import MIN_ADD, TAGS, CompiledCrfs
from annotator.arabic.suggest import suggest_text
from annotator.core.errors import AnnotatorError
from annotator.core.suggestions import Proposal

FORMAT = "annotator-crf"
MAX_BLOB = 64 * 1024 * 1024
# L-BFGS with elastic net: c1 keeps the feature set small (a few thousand weights per label).
DEFAULT_PARAMS: dict[str, Any] = {
    "c1": 0.05,
    "c2": 0.05,
    "max_iterations": 150,
    "feature.possible_transitions": True,
}
# The boundary classifiers learn from a few dozen spans: L2 only, so that a convention seen
# a handful of times (a full stop taken in) is learned without singling out one feature.
EDGE_PARAMS: dict[str, Any] = {"c1": 0.0, "c2": 0.1, "max_iterations": 100}
# Whether a rule span is kept at all is learned from few, general features (the words around
# it, the kinds of word at its edges): weaker regularization lets a pattern the team rejected
# every time (a handful of rejected suggestions) reach the confidence a drop needs.
KEEP_PARAMS: dict[str, Any] = {**EDGE_PARAMS, "c2": 0.01}


class ModelError(AnnotatorError):
    """A stored model that cannot be used (damaged, foreign or from another version)."""


@dataclass(frozen=True)
class TrainingDocument:
    """One document to learn from: its text, date and the spans the team drew.

    ``scope`` limits, per label, what the spans say: ``None`` means the document is fully
    annotated for that label (gold); otherwise only the listed character ranges are (the
    paragraphs where suggestions were accepted or rejected), the rest of the text is unknown.
    """

    name: str
    text: str
    published: str | None
    spans: tuple[tuple[int, int, str], ...]
    scope: dict[str, tuple[tuple[int, int], ...]] | None = None


@dataclass
class Prepared:
    """A training document with the rules' spans and its features computed (once, for every
    label and fold)."""

    doc: TrainingDocument
    rules: list[Proposal] = field(repr=False)
    featurized: Featurized = field(repr=False)


def prepare(docs: Iterable[TrainingDocument]) -> list[Prepared]:
    items = []
    for doc in docs:
        rules = suggest_text(doc.text, doc.published).proposals
        items.append(Prepared(doc, rules, featurize(doc.text, rules)))
    return items


def _sequences(item: Prepared, label: str) -> Iterable[tuple[list[list[str]], list[str]]]:
    f = item.featurized
    gold = [(s, e) for s, e, lab in item.doc.spans if lab == label]
    ranges = None if item.doc.scope is None else item.doc.scope.get(label, ())
    for lo, hi in f.sequences:
        if ranges is not None:
            start, end = f.pieces[lo].start, f.pieces[hi - 1].end
            if not any(s < end and e > start for s, e in ranges):
                continue
        yield f.features[lo:hi], bio(f.pieces, lo, hi, gold)


def _fit(
    sequences: Iterable[tuple[list[list[str]], list[str]]], params: dict[str, Any], tmp: Path
) -> tuple[dict[str, dict[str, float]], dict[tuple[str, str], float]]:
    """CRFsuite's weights for the sequences: per attribute the weight of each tag, and the
    tag transitions. Read back through its own dump (the file is ours, just written)."""
    trainer = pycrfsuite.Trainer(verbose=False)
    trainer.set_params(params)
    for xseq, yseq in sequences:
        trainer.append(xseq, yseq)
    path = tmp / "model.crf"
    trainer.train(str(path))
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    info = tagger.info()
    tagger.close()
    state: dict[str, dict[str, float]] = {}
    for (attr, tag), w in info.state_features.items():
        state.setdefault(attr, {})[tag] = w
    return state, dict(info.transitions)


def _maxent(rows: list[Instance], side: str, tmp: Path) -> Maxent | None:
    """A classifier fitted to ``rows`` (threshold still to choose), or None when the rows
    teach one class only."""
    classes = sorted({row.cls for row in rows})
    if len(classes) < 2:
        return None
    params = KEEP_PARAMS if side == "keep" else EDGE_PARAMS
    state, _ = _fit((([row.features], [row.cls]) for row in rows), params, tmp)
    return Maxent(tuple(classes), state, 0.0)


def _edge_weights(items: Sequence[Prepared], label: str, tmp: Path) -> dict[str, dict[str, Any]]:
    """The boundary classifiers of one label (start, end, keep), each only when the team's
    spans taught it more than one class and, held out, it beat the rules (gate.py)."""
    per_document: list[dict[str, list[Case]]] = []
    for item in items:
        scope = None if item.doc.scope is None else item.doc.scope.get(label, ())
        per_document.append(cases(item.featurized, item.rules, item.doc.spans, label, scope))
    models: dict[str, dict[str, Any]] = {}
    for side in SIDES:
        side_cases = [found[side] for found in per_document]
        model = _maxent(
            [row for c in side_cases for case in c for row in case.instances()], side, tmp
        )
        if model is None:
            continue
        threshold = choose_threshold(side, side_cases, partial(_maxent, side=side, tmp=tmp))
        if threshold is not None:
            models[side] = {
                "classes": list(model.classes),
                "state": model.state,
                "threshold": threshold,
            }
    return models


def _additions_help(
    items: Sequence[Prepared], label: str, params: dict[str, Any], tmp: Path
) -> bool:
    """Whether the spans the CRF adds where no rule span is were right (exactly a gold span)
    clearly more often than wrong, each half of the gold documents tagged by a CRF trained
    on the other half. On the real-news dev split they seldom are: a label whose check fails
    is not tagged by the CRF at all, which also spares `suggest` most of its cost."""
    gold = [item for item in items if item.doc.scope is None]
    if len(gold) < MIN_DOCUMENTS:
        return False
    net = 0
    for half in (0, 1):
        teach, tagged = gold[half::2], gold[1 - half :: 2]
        sequences = (seq for item in teach for seq in _sequences(item, label))
        state, transitions = _fit(sequences, params, tmp)
        crf = CompiledCrfs({label: (state, transitions)})
        for item in tagged:
            taken = [(p.start, p.end) for p in item.rules if p.label == label]
            wanted = {(s, e) for s, e, lab in item.doc.spans if lab == label}
            for s, e, confidence in crf.spans(item.featurized, label, taken):
                if confidence >= MIN_ADD:
                    net += 1 if (s, e) in wanted else -1
    return net >= MIN_NET


def train(
    items: Sequence[Prepared],
    labels: Sequence[str] = RULE_LABELS,
    params: dict[str, Any] | None = None,
    step: Callable[[], None] | None = None,
) -> bytes:
    """Train one CRF and the boundary classifiers per label on prepared documents; the JSON
    blob of their weights. ``step()`` before each label: a caller's progress report, which may
    raise to stop the training."""
    chosen = {**DEFAULT_PARAMS, **(params or {})}
    weights: dict[str, Any] = {}
    edges: dict[str, Any] = {}
    adds: list[str] = []
    with tempfile.TemporaryDirectory(prefix="annotator-crf-") as tmp:
        for label in labels:
            if step is not None:
                step()
            edges[label] = _edge_weights(items, label, Path(tmp))
            if not _additions_help(items, label, chosen, Path(tmp)):
                continue  # no CRF for this label: the rules' spans, their edges learned
            sequences = (seq for item in items for seq in _sequences(item, label))
            state, transitions = _fit(sequences, chosen, Path(tmp))
            weights[label] = {
                "transitions": [[a, b, w] for (a, b), w in sorted(transitions.items())],
                "state": state,
            }
            adds.append(label)
    blob = {
        "format": FORMAT,
        "features": FEATURES_VERSION,
        "params": chosen,
        "labels": weights,
        "edges": edges,
        "adds": adds,
    }
    return json.dumps(blob, ensure_ascii=False, sort_keys=True).encode()


def _number(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ValueError("a weight is not a finite number")
    return float(value)


@dataclass(frozen=True)
class _Weights:
    transitions: dict[tuple[str, str], float]
    state: dict[str, dict[str, float]]


def _check_weights(label: str, value: object) -> _Weights:
    if not isinstance(value, dict) or set(value) != {"transitions", "state"}:
        raise ValueError(f"its {label} weights are damaged")
    transitions: dict[tuple[str, str], float] = {}
    rows = value["transitions"]
    if not isinstance(rows, list):
        raise ValueError(f"its {label} weights are damaged")
    for row in rows:
        if not isinstance(row, list) or len(row) != 3 or row[0] not in TAGS or row[1] not in TAGS:
            raise ValueError(f"its {label} transitions are damaged")
        transitions[(row[0], row[1])] = _number(row[2])
    state: dict[str, dict[str, float]] = {}
    table = value["state"]
    if not isinstance(table, dict):
        raise ValueError(f"its {label} weights are damaged")
    for attr, per_tag in table.items():
        if not isinstance(per_tag, dict) or not set(per_tag) <= set(TAGS):
            raise ValueError(f"its {label} feature weights are damaged")
        state[attr] = {tag: _number(w) for tag, w in per_tag.items()}
    return _Weights(transitions, state)


def _check_maxent(label: str, side: object, value: object) -> Maxent:
    allowed = KEEP_CLASSES if side == "keep" else EDGE_CLASSES
    if (
        side not in SIDES
        or not isinstance(value, dict)
        or set(value) != {"classes", "state", "threshold"}
    ):
        raise ValueError(f"its {label} boundary weights are damaged")
    classes, table = value["classes"], value["state"]
    threshold = _number(value["threshold"])
    if not 0.0 <= threshold <= 1.0:
        raise ValueError(f"its {label} boundary thresholds are damaged")
    if (
        not isinstance(classes, list)
        or len(classes) < 2
        or not set(classes) <= set(allowed)
        or not isinstance(table, dict)
    ):
        raise ValueError(f"its {label} boundary weights are damaged")
    state: dict[str, dict[str, float]] = {}
    for attr, per_class in table.items():
        if not isinstance(per_class, dict) or not set(per_class) <= set(classes):
            raise ValueError(f"its {label} boundary weights are damaged")
        state[attr] = {cls: _number(w) for cls, w in per_class.items()}
    return Maxent(tuple(classes), state, threshold)


def _check_edges(value: object) -> dict[str, dict[str, Maxent]]:
    if not isinstance(value, dict) or not set(value) <= set(RULE_LABELS):
        raise ValueError("its boundary weights are damaged")
    found: dict[str, dict[str, Maxent]] = {}
    for label, sides in value.items():
        if not isinstance(sides, dict):
            raise ValueError(f"its {label} boundary weights are damaged")
        found[label] = {side: _check_maxent(label, side, m) for side, m in sides.items()}
    return found


def _unpack(
    blob: bytes,
) -> tuple[dict[str, _Weights], dict[str, dict[str, Maxent]], tuple[str, ...]]:
    if not isinstance(blob, bytes) or len(blob) > MAX_BLOB:
        raise ValueError("it is not a model this annotator wrote")
    try:
        data = json.loads(blob.decode("utf-8"), parse_constant=_refuse)
    except (UnicodeDecodeError, ValueError) as exc:
        raise ValueError("it is not a model this annotator wrote") from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValueError("it is not a model this annotator wrote")
    if data.get("features") != FEATURES_VERSION:
        raise ValueError(
            f"it was trained by another version of the learned layer (format "
            f"{data.get('features')}, this one reads {FEATURES_VERSION})"
        )
    labels = data.get("labels")
    if not isinstance(labels, dict) or not set(labels) <= set(RULE_LABELS):
        raise ValueError("its labels are damaged")
    weights = {label: _check_weights(label, value) for label, value in labels.items()}
    adds = data.get("adds")
    if not isinstance(adds, list) or not set(adds) <= set(weights):
        raise ValueError("its list of labels the CRF adds spans to is damaged")
    return weights, _check_edges(data.get("edges", {})), tuple(adds)


def _refuse(name: str) -> float:
    raise ValueError(f"{name} is not a weight")


class LearnedModel:
    """The CRFs of a stored model, ready to tag."""

    def __init__(
        self,
        weights: dict[str, _Weights],
        edges: dict[str, dict[str, Maxent]] | None = None,
        adds: tuple[str, ...] = (),
    ) -> None:
        self._weights = weights
        # the labels whose CRF adds spans where the rules have none (checked in training)
        self.adds = adds
        self._compiled: CompiledCrfs | None = None
        self.edges = edges or {}

    @property
    def labels(self) -> tuple[str, ...]:
        """The labels it was trained for: boundary classifiers, a CRF, or both."""
        return tuple(
            label for label in RULE_LABELS if label in self._weights or label in self.edges
        )

    @classmethod
    def load(cls, blob: bytes, where: str = "the stored model") -> LearnedModel:
        """Read a stored blob, refusing anything damaged or foreign in one sentence."""
        try:
            return cls(*_unpack(blob))
        except (ValueError, RecursionError) as exc:
            raise ModelError(
                f"{where} cannot be used ({exc}); run `annotator train` again."
            ) from exc

    def tag(
        self, featurized: Featurized, label: str, taken: Sequence[tuple[int, int]] = ()
    ) -> list[tuple[int, int, float]]:
        """The spans of ``label`` the CRF finds where none of ``taken`` lies, with their
        confidence (the mean marginal probability of their tags)."""
        if self._compiled is None:
            self._compiled = CompiledCrfs(
                {name: (w.state, w.transitions) for name, w in self._weights.items()}
            )
        return self._compiled.spans(featurized, label, taken)
