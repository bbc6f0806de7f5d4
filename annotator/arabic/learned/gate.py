"""How sure a boundary classifier must be before it overrides the rules, learned by holding
out the training decisions in turn.

Ten documents teach a convention the rules do not follow (a final full stop taken in) clearly,
and teach noise where the team agrees with the rules: a classifier fitted to a few odd spans
moves edges the rules had right. So each classifier is checked before it is kept: trained on
all folds but one, it decides the held-out fold's edges, and each threshold is scored by the
edges it puts right minus those it puts wrong. The best threshold is kept; when none puts
right clearly more than it puts wrong (``MIN_NET``), the classifier is not kept and the rules'
boundary stays. The folds interleave the decisions (spans), not the documents: with five
documents a convention may show in one of them only, and holding that one out would leave
nothing to learn it from (0.78 against 0.86 exact F1 for QUOTEs taking in the complementizer,
five dev documents). A classifier trained on fewer than ``MIN_DOCUMENTS`` documents gets the
default threshold.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from annotator.arabic.learned.edges import (
    DEFAULT_THRESHOLDS,
    DROP,
    KEEP,
    Case,
    Instance,
    Maxent,
    drop_probability,
    pick_shift,
    shift_scores,
)

# Candidate thresholds: an edge's margin over staying, a drop's probability.
EDGE_THRESHOLDS = (0.0, 0.1, 0.25, 0.5, 0.75)
DROP_THRESHOLDS = (0.6, 0.7, 0.8, 0.9, 0.95)
MIN_DOCUMENTS = 3
FOLDS = 5
# A classifier is kept when, held out, it puts at least this many more decisions right
# than wrong: one lucky span among ten documents is no evidence.
MIN_NET = 2

Fit = Callable[[list[Instance]], Maxent | None]
Outcome = tuple[dict[int, float] | float, int | str]


def _outcome(side: str, model: Maxent, case: Case) -> Outcome:
    if side == "keep":
        return drop_probability(model, case.candidates[0][1]), case.target
    return shift_scores(model, case.candidates), case.target


def _net(outcome: Outcome, threshold: float) -> int:
    """+1 where the decision at ``threshold`` puts right what the rules had wrong, -1 where
    it puts wrong what they had right."""
    scored, target = outcome
    if isinstance(scored, float):
        if scored < threshold:
            return 0
        return 1 if target == DROP else -1 if target == KEEP else 0
    chosen = pick_shift(scored, threshold)
    return int(chosen == target) - int(target == 0)


def choose_threshold(side: str, per_document: Sequence[list[Case]], fit: Fit) -> float | None:
    """The threshold for one classifier (``side``: start, end or keep), or None when held out
    it did no better than the rules."""
    documents = [cases for cases in per_document if cases]
    if len(documents) < MIN_DOCUMENTS:
        return DEFAULT_THRESHOLDS[side]
    flat = [case for cases in documents for case in cases]
    k = min(FOLDS, len(flat))
    outcomes: list[Outcome] = []
    for fold in range(k):
        rows = [row for i, case in enumerate(flat) if i % k != fold for row in case.instances()]
        model = fit(rows)
        if model is None:  # one class only: it would leave every held-out edge alone
            continue
        outcomes += [_outcome(side, model, case) for case in flat[fold::k]]
    candidates = DROP_THRESHOLDS if side == "keep" else EDGE_THRESHOLDS
    best, best_net = None, MIN_NET - 1
    for threshold in sorted(candidates, reverse=True):  # the most cautious wins a tie
        net = sum(_net(outcome, threshold) for outcome in outcomes)
        if net > best_net:
            best, best_net = threshold, net
    return best
