"""Tagging with a stored model's CRFs: Viterbi and forward-backward over three tags in plain
Python.

`suggest` with a model must keep up with the rules (1,000 articles in seconds), and a CRF runs
over every paragraph for every label. So the weights of all labels are compiled once into one
row per feature (O, B, I for each label in turn) and a piece's scores for every label are
summed in one pass; the marginals, which only give the confidence of a span the CRF adds, are
computed only for the paragraphs where the best path holds a span that is not there already.
Forward-backward runs in probability space, scaled at each step (three tags, no logarithms).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from operator import add

from annotator.arabic.learned.features import Featurized, spans_of

TAGS = ("O", "B", "I")
# The CRF adds a span where no rule span is only when this sure of it (mean marginal). The
# CRF drawing the extents itself (replacing the rule spans it overlaps) lost 0.01-0.04 exact
# F1 against the boundary classifiers in the learning curve on the real-news dev split.
MIN_ADD = 0.9
Weights = tuple[dict[str, dict[str, float]], dict[tuple[str, str], float]]


class CompiledCrfs:
    """The CRF weights of several labels laid out for tagging."""

    def __init__(self, crfs: dict[str, Weights]) -> None:
        self.labels = tuple(crfs)
        width = 3 * len(self.labels)
        rows: dict[str, list[float]] = {}
        self.trans: dict[str, list[list[float]]] = {}
        self.etrans: dict[str, list[list[float]]] = {}
        for k, (label, (state, transitions)) in enumerate(crfs.items()):
            for attr, per_tag in state.items():
                row = rows.setdefault(attr, [0.0] * width)
                for j, tag in enumerate(TAGS):
                    row[3 * k + j] = per_tag.get(tag, 0.0)
            trans = [[transitions.get((p, t), 0.0) for t in TAGS] for p in TAGS]
            top = max(max(row) for row in trans)
            self.trans[label] = trans
            self.etrans[label] = [[math.exp(w - top) for w in row] for row in trans]
        self.table = {attr: tuple(row) for attr, row in rows.items()}
        self.width = width

    def piece_scores(self, f: Featurized) -> list[list[float]]:
        """Per piece, the score of each tag of each label (label-major)."""
        get, zero = self.table.get, [0.0] * self.width
        result = []
        for features in f.features:
            acc = zero
            for attr in features:
                w = get(attr)
                if w is not None:
                    acc = list(map(add, acc, w))
            result.append(acc)
        return result

    def spans(
        self, f: Featurized, label: str, taken: Sequence[tuple[int, int]] = ()
    ) -> list[tuple[int, int, float]]:
        """The spans of ``label`` found where none of ``taken`` lies, with their confidence
        (the mean marginal probability of their tags)."""
        key = ("crf", id(self))
        if key not in f.cache:  # every label's scores at once, reused by the next label
            f.cache[key] = self.piece_scores(f)
        every = f.cache[key]
        assert isinstance(every, list)
        k = 3 * self.labels.index(label)
        trans, etrans = self.trans[label], self.etrans[label]
        found = []
        for lo, hi in f.sequences:
            scores = [every[i][k : k + 3] for i in range(lo, hi)]
            path = _viterbi(scores, trans)
            new = [
                span
                for span in spans_of(f.pieces, lo, [TAGS[t] for t in path])
                if not any(s < span[1] and e > span[0] for s, e in taken)
            ]
            if not new:
                continue
            marginals = _marginals(scores, etrans)
            for start, end, first, last in new:
                chosen = [marginals[i - lo][path[i - lo]] for i in range(first, last)]
                found.append((start, end, sum(chosen) / len(chosen)))
        return found


def _viterbi(scores: list[list[float]], trans: list[list[float]]) -> list[int]:
    (t00, t01, t02), (t10, t11, t12), (t20, t21, t22) = trans
    b0, b1, b2 = scores[0]
    back: list[tuple[int, int, int]] = []
    for s0, s1, s2 in scores[1:]:
        pointers = []
        step = []
        for c0, c1, c2, s in ((t00, t10, t20, s0), (t01, t11, t21, s1), (t02, t12, t22, s2)):
            v0, v1, v2 = b0 + c0, b1 + c1, b2 + c2
            if v0 >= v1 and v0 >= v2:
                pointers.append(0)
                step.append(v0 + s)
            elif v1 >= v2:
                pointers.append(1)
                step.append(v1 + s)
            else:
                pointers.append(2)
                step.append(v2 + s)
        b0, b1, b2 = step
        back.append((pointers[0], pointers[1], pointers[2]))
    tag = 0 if b0 >= b1 and b0 >= b2 else 1 if b1 >= b2 else 2
    path = [tag]
    for pointers in reversed(back):
        tag = pointers[tag]
        path.append(tag)
    return path[::-1]


def _marginals(scores: list[list[float]], e: list[list[float]]) -> list[list[float]]:
    """Per position, the probability of each tag (scaled forward-backward)."""
    emit = []
    for row in scores:
        top = max(row)
        emit.append([math.exp(s - top) for s in row])
    total = sum(emit[0])
    a = [x / total for x in emit[0]]
    alpha = [a]
    for x in emit[1:]:
        a = [x[t] * (a[0] * e[0][t] + a[1] * e[1][t] + a[2] * e[2][t]) for t in range(3)]
        total = sum(a)
        a = [v / total for v in a]
        alpha.append(a)
    n = len(emit)
    beta = [[1.0, 1.0, 1.0]] * n
    for k in range(n - 2, -1, -1):
        nxt, x = beta[k + 1], emit[k + 1]
        b = [
            e[t][0] * x[0] * nxt[0] + e[t][1] * x[1] * nxt[1] + e[t][2] * x[2] * nxt[2]
            for t in range(3)
        ]
        total = sum(b)
        beta[k] = [v / total for v in b]
    result = []
    for a, b in zip(alpha, beta, strict=True):
        m = [a[0] * b[0], a[1] * b[1], a[2] * b[2]]
        total = sum(m)
        result.append([v / total for v in m])
    return result
