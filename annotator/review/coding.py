"""Agreement over character positions: Krippendorff's alpha (nominal) and Cohen's kappa.

Every character of a document is a unit; a layer's value for it is the set of labels of the
spans covering it (empty when none). Runs of characters on which every layer's value is
constant are counted once with their length as weight, which gives exactly the per-character
figures at a fraction of the cost.

Label sets are bit masks (bit i for the i-th label), and a document's *profile* maps a tuple of
masks, one per selected layer (``MISSING`` where the layer has not annotated the document), to
the number of characters with those values.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Sequence
from functools import lru_cache
from itertools import pairwise

from annotator.core.model import Span

MISSING = -1
Profile = Counter[tuple[int, ...]]


def profile(length: int, layers: Sequence[Sequence[Span] | None], bits: dict[str, int]) -> Profile:
    """Characters of one document counted by the tuple of label masks the layers give them."""
    bounds = sorted(
        {0, length}
        | {s.start for spans in layers if spans for s in spans}
        | {s.end for spans in layers if spans for s in spans}
    )
    widths = [b - a for a, b in pairwise(bounds)]
    columns: list[Sequence[int]] = []
    for spans in layers:
        if spans is None:
            columns.append([MISSING] * len(widths))
            continue
        masks = [0] * len(widths)
        for s in spans:
            bit = bits.get(s.label, 0)
            for i in range(bisect_left(bounds, s.start), bisect_left(bounds, s.end)):
                masks[i] |= bit
        columns.append(masks)
    counts: Profile = Counter()
    for width, key in zip(widths, zip(*columns, strict=True), strict=True):
        counts[key] = counts.get(key, 0) + width
    return counts


def binary(mask: int) -> Callable[[int], int]:
    """Per-label values: 1 where the label covers the character, 0 where not."""
    return lambda value: value if value == MISSING else (value & mask) and 1


def joint(value: int) -> int:
    """Joint values: the whole label set is the category (see the README)."""
    return value


def alpha(units: Iterable[tuple[tuple[int, ...], int]]) -> float | None:
    """Krippendorff's alpha, nominal, from (values of one unit, how many such units).

    Units with fewer than two values are not pairable and are left out. ``None`` when the
    pairable values use a single category (expected disagreement is zero: alpha undefined).
    """
    disagreement = 0.0
    totals: dict[int, int] = {}
    n = 0
    for values, weight in units:
        m, unlike, counts = _unit(values)
        if m < 2:
            continue
        disagreement += weight * unlike / (m - 1)
        for value, c in counts:
            totals[value] = totals.get(value, 0) + weight * c
        n += weight * m
    expected = n * n - sum(c * c for c in totals.values())
    if n < 2 or expected == 0:
        return None
    return 1.0 - (n - 1) * disagreement / expected


@lru_cache(maxsize=4096)
def _unit(values: tuple[int, ...]) -> tuple[int, int, tuple[tuple[int, int], ...]]:
    """What alpha needs of a unit's values: how many, the number of ordered pairs of unlike
    values (``m * m - sum(c * c)``), and how often each value occurs. A corpus has a handful
    of distinct units, so each is counted once."""
    counts = Counter(values)
    return (
        len(values),
        len(values) ** 2 - sum(c * c for c in counts.values()),
        tuple(counts.items()),
    )


def kappa(pairs: Iterable[tuple[Hashable, Hashable, int]]) -> float | None:
    """Cohen's kappa from (value of rater 1, value of rater 2, how many such units).

    ``None`` when chance agreement is 1 (both raters always gave one and the same value).
    """
    total = 0
    agree = 0
    first: dict[Hashable, int] = {}
    second: dict[Hashable, int] = {}
    for a, b, weight in pairs:
        total += weight
        agree += weight if a == b else 0
        first[a] = first.get(a, 0) + weight
        second[b] = second.get(b, 0) + weight
    if total == 0:
        return None
    chance = sum(first[v] * second.get(v, 0) for v in first) / (total * total)
    if chance == 1:
        return None
    return (agree / total - chance) / (1 - chance)


Meaning = tuple[tuple[tuple[int, ...], tuple[int, int] | None], ...]


class Scorer:
    """Kappa and alpha of a profile under several categorisations at once (each label as a
    yes/no question, and the joint label set).

    A corpus has few distinct profile keys, so what a key means under each categorisation
    (its unit of sorted values for alpha, its pair of values for kappa) is worked out once per
    key and kept; a document then only adds up weights. Units are pooled in the order the
    profile gives them, and alpha and kappa do their arithmetic as before, step for step: the
    figures are the same to the last bit as computing each categorisation on its own.
    """

    def __init__(self, values: Sequence[Callable[[int], int]]) -> None:
        self.values = list(values)
        self._meanings: dict[tuple[int, ...], Meaning] = {}

    def _meaning(self, key: tuple[int, ...]) -> Meaning:
        found = self._meanings.get(key)
        if found is None:
            paired = len(key) == 2 and MISSING not in key
            found = self._meanings[key] = tuple(
                (
                    tuple(sorted(value(m) for m in key if m != MISSING)),
                    (value(key[0]), value(key[1])) if paired else None,
                )
                for value in self.values
            )
        return found

    def scores(self, counts: Profile, two_layers: bool) -> list[tuple[float | None, float | None]]:
        """(kappa, alpha) per categorisation; kappa is None unless exactly two layers were
        selected, and counts the characters both layers annotated."""
        units: list[dict[tuple[int, ...], int]] = [{} for _ in self.values]
        pairs: list[dict[tuple[int, int], int]] = [{} for _ in self.values]
        for key, weight in counts.items():
            for (unit, pair), pooled, paired in zip(self._meaning(key), units, pairs, strict=True):
                pooled[unit] = pooled.get(unit, 0) + weight
                if pair is not None:
                    paired[pair] = paired.get(pair, 0) + weight
        return [
            (
                kappa((a, b, weight) for (a, b), weight in paired.items()) if two_layers else None,
                alpha(pooled.items()),
            )
            for pooled, paired in zip(units, pairs, strict=True)
        ]
