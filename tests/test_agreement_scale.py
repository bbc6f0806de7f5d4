"""Agreement over a corpus: its Python work per document does not grow with the corpus, and the
faster scoring gives the figures of the plain formulas to the last bit.

Counted, not timed: the lines of Python run (``sys.settrace``) for a stretch of documents early
in a corpus and for as many documents late in it. ``test_scale_commands`` counts SQLite's steps
and the memory of the command; this counts the Python between the queries, where a structure
that grows with the documents seen (a list or histogram walked for every document) would make
each document dearer than the one before. Loops inside C (``sorted``, ``dict.update``) are not
lines and go uncounted.
"""

from __future__ import annotations

import random
import sys
from collections import Counter
from collections.abc import Hashable, Iterable, Sequence

import pytest

from annotator.core.workspace import Workspace
from annotator.review import agreement, coding
from annotator.review.coding import MISSING
from tests.scale_helpers import build_corpus

CORPUS = 1000
EARLY, LATE = (100, 300), (700, 900)  # stretches of as many documents, early and late
GROWTH = 1.1  # the documents are alike; a walk over what was seen makes late ones dearer


def test_agreement_runs_the_same_python_for_a_late_document_as_for_an_early_one(
    tmp_path, monkeypatch
):
    monkeypatch.setattr(agreement, "BATCH", 10)
    db = build_corpus(tmp_path / "corpus.db", CORPUS)
    lines = 0
    at: dict[int, int] = {}

    def trace(frame, event, arg):
        nonlocal lines
        lines += event == "line"
        return trace

    def progress(done: int) -> None:
        at[done] = lines

    seen = []
    with Workspace(db, who="test", read_only=True) as ws:
        agreement.compute_agreement(ws)  # once untraced: imports and caches
        sys.settrace(trace)
        try:
            report = agreement.compute_agreement(
                ws, progress=progress, on_document=seen.append, keep_lowest=10
            )
        finally:
            sys.settrace(None)
    assert report.documents == CORPUS == len(seen)
    early = at[EARLY[1]] - at[EARLY[0]]
    late = at[LATE[1]] - at[LATE[0]]
    assert late < GROWTH * early, (early, late)


# -- the plain formulas, one categorisation at a time (what the scorer replaced) --------------


def plain_alpha(units: Iterable[tuple[Sequence[Hashable], int]]) -> float | None:
    disagreement = 0.0
    totals: Counter[Hashable] = Counter()
    n = 0
    for values, weight in units:
        m = len(values)
        if m < 2:
            continue
        counts = Counter(values)
        disagreement += weight * (m * m - sum(c * c for c in counts.values())) / (m - 1)
        for value, c in counts.items():
            totals[value] += weight * c
        n += weight * m
    expected = n * n - sum(c * c for c in totals.values())
    if n < 2 or expected == 0:
        return None
    return 1.0 - (n - 1) * disagreement / expected


def plain_kappa(pairs: Iterable[tuple[Hashable, Hashable, int]]) -> float | None:
    total = agree = 0
    first: Counter[Hashable] = Counter()
    second: Counter[Hashable] = Counter()
    for a, b, weight in pairs:
        total += weight
        agree += weight if a == b else 0
        first[a] += weight
        second[b] += weight
    if total == 0:
        return None
    chance = sum(first[v] * second[v] for v in first) / (total * total)
    if chance == 1:
        return None
    return (agree / total - chance) / (1 - chance)


def plain_scores(counts: coding.Profile, value, two: bool) -> tuple[float | None, float | None]:
    pooled: Counter[tuple[int, ...]] = Counter()
    for key, weight in counts.items():
        pooled[tuple(sorted(value(m) for m in key if m != MISSING))] += weight
    kappa = plain_kappa(
        (value(key[0]), value(key[1]), weight)
        for key, weight in counts.items()
        if MISSING not in key
    )
    return (kappa if two else None), plain_alpha(pooled.items())


@pytest.mark.parametrize("layers", [2, 3, 4, 5])
def test_scorer_gives_the_plain_formulas_figures_exactly(layers):
    """Many layers make alpha's disagreement a sum of fractions, where the order of adding
    matters: the scorer must add them in the profile's order, as the plain formula does."""
    rng = random.Random(layers)
    bits = [1, 2, 4, 8]
    values = [*(coding.binary(bit) for bit in bits), coding.joint]
    scorer = coding.Scorer(values)
    for _ in range(200):
        counts: coding.Profile = Counter()
        for _ in range(rng.randint(0, 12)):
            key = tuple(
                MISSING if rng.random() < 0.15 else rng.randrange(16) for _ in range(layers)
            )
            counts[key] += rng.randint(1, 10**6)
        expected = [plain_scores(counts, value, layers == 2) for value in values]
        assert scorer.scores(counts, layers == 2) == expected
