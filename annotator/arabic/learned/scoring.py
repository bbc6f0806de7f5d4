"""Exact and overlap precision, recall and F1 of suggested spans against a team's spans.

Exact: same offsets and label. Overlap: one-to-one, largest overlap first, same label. The
benchmark and ``annotator train --evaluate`` count the same way.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

Place = tuple[int, int]


def match_overlap(pred: Sequence[Place], gold: Sequence[Place]) -> dict[int, int]:
    """One-to-one matching of overlapping spans, largest overlap first: pred index -> gold."""
    pairs = []
    for i, (ps, pe) in enumerate(pred):
        for j, (gs, ge) in enumerate(gold):
            overlap = min(pe, ge) - max(ps, gs)
            if overlap > 0:
                pairs.append((-overlap, i, j))
    matched: dict[int, int] = {}
    used: set[int] = set()
    for _, i, j in sorted(pairs):
        if i not in matched and j not in used:
            matched[i] = j
            used.add(j)
    return matched


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 3), "r": round(r, 3), "f1": round(f, 3)}


class Tally:
    """Counts per label over many documents: predicted, gold, exact and overlap matches."""

    def __init__(self) -> None:
        self.counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))

    def add(self, label: str, pred: Iterable[Place], gold: Iterable[Place]) -> dict[int, int]:
        p, g = list(pred), list(gold)
        c = self.counts[label]
        c["pred"] += len(p)
        c["gold"] += len(g)
        c["exact"] += len(set(p) & set(g))
        matched = match_overlap(p, g)
        c["overlap"] += len(matched)
        return matched

    def figures(self, label: str) -> dict[str, object]:
        c = self.counts[label]
        return {
            "pred": c["pred"],
            "gold": c["gold"],
            "exact": prf(c["exact"], c["pred"], c["gold"]),
            "overlap": prf(c["overlap"], c["pred"], c["gold"]),
        }
