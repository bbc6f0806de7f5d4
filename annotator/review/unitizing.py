"""Krippendorff's unitizing alpha (alpha-U) for one category over a continuum.

The formula implemented is the one in Krippendorff, *Content Analysis: An Introduction to Its
Methodology*, 2nd ed. (2004), section 12.4 ("unitizing"), which restates Krippendorff (1995),
"On the reliability of unitizing continuous data", *Sociological Methodology* 25: 47-76.

Each of ``m`` coders cuts a continuum of length ``L`` into sections: units of the category
(``w = 1``) and the gaps between them (``w = 0``), with begin ``b`` and length ``l``. The
distance between a section ``g`` of coder ``i`` and a section ``h`` of coder ``j`` is

- ``(b_ig - b_jh)^2 + (b_ig + l_ig - b_jh - l_jh)^2`` when both are units and they overlap,
- ``l_ig^2`` when ``g`` is a unit lying wholly inside the gap ``h`` (and symmetrically),
- ``0`` otherwise.

Observed disagreement ``uDo = sum_{i != j} sum_g sum_h delta^2 / (m (m - 1) L^2)``.
Expected disagreement, with ``N`` the number of units of all coders::

    uDe = (2 / L) * sum_units [ (N - 1) (2 l^3 - 3 l^2 + l) / 3
                                + l^2 * sum_{gaps G of any coder, G >= l} (G - l + 1) ]
          / ( m L (m L - 1) - sum_units l (l - 1) )

and ``alpha_U = 1 - uDo / uDe``. For several categories Krippendorff pools the disagreements:
``1 - sum_c uDo_c / sum_c uDe_c``.

A corpus is one continuum made of its documents laid end to end, with a section boundary at
every document boundary (a unit never spans two documents, and neither does a gap). A coder's
overlapping units of the same category are merged first, as the measure assumes a coder's
units of one category never overlap.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations

Section = tuple[int, int, bool]  # begin, end, is a unit


@dataclass(frozen=True)
class Unitizing:
    """Observed and expected disagreement of one category; ``alpha`` is None when undefined."""

    observed: float
    expected: float

    @property
    def alpha(self) -> float | None:
        return None if self.expected == 0 else 1.0 - self.observed / self.expected

    def __add__(self, other: Unitizing) -> Unitizing:
        return Unitizing(self.observed + other.observed, self.expected + other.expected)


def merged_units(units: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """A coder's units sorted, with overlapping ones merged (touching ones stay apart)."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(units):
        if out and start < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def sections(length: int, units: Sequence[tuple[int, int]]) -> list[Section]:
    """The coder's whole continuum [0, length) as alternating gaps and units."""
    out: list[Section] = []
    pos = 0
    for start, end in units:
        if start > pos:
            out.append((pos, start, False))
        out.append((start, end, True))
        pos = end
    if pos < length:
        out.append((pos, length, False))
    return out


def _pair_disagreement(first: list[Section], second: list[Section]) -> int:
    """Sum of distances over the overlapping section pairs of two coders (a merge walk)."""
    total = i = j = 0
    while i < len(first) and j < len(second):
        b1, e1, unit1 = first[i]
        b2, e2, unit2 = second[j]
        if unit1 and unit2:
            total += (b1 - b2) ** 2 + (e1 - e2) ** 2
        elif unit1 and b2 <= b1 and e1 <= e2:  # a unit wholly inside the other's gap
            total += (e1 - b1) ** 2
        elif unit2 and b1 <= b2 and e2 <= e1:
            total += (e2 - b2) ** 2
        i += e1 <= e2
        j += e2 <= e1
    return total


@dataclass
class Continua:
    """What alpha-U needs to know about continua coded by the same number of coders.

    Distances add up over continua and the expected disagreement needs only the lengths of
    all units and gaps, so the figures of a document can be pooled into the corpus's without
    walking its sections again. The lengths are kept as counts per length (a histogram): a
    corpus of 100,000 documents has a few thousand distinct lengths, so memory stays flat
    however many documents are pooled.
    """

    coders: int = 0
    length: int = 0
    distances: int = 0
    units: dict[int, int] = field(default_factory=dict)
    gaps: dict[int, int] = field(default_factory=dict)

    def add(self, length: int, per_coder: Sequence[Sequence[tuple[int, int]]]) -> Continua:
        """Add one continuum of ``length`` with the units each coder marked on it."""
        self.coders = len(per_coder)
        self.length += length
        cut = [sections(length, merged_units(units)) for units in per_coder]
        for first, second in combinations(cut, 2):
            self.distances += 2 * _pair_disagreement(first, second)
        units, gaps = self.units, self.gaps
        for coder in cut:
            for begin, end, is_unit in coder:
                counts = units if is_unit else gaps
                counts[end - begin] = counts.get(end - begin, 0) + 1
        return self

    def pool(self, other: Continua) -> None:
        self.coders = other.coders or self.coders
        self.length += other.length
        self.distances += other.distances
        for mine, theirs in ((self.units, other.units), (self.gaps, other.gaps)):
            for size, many in theirs.items():
                mine[size] = mine.get(size, 0) + many

    def result(self) -> Unitizing:
        m, big_l = self.coders, self.length
        if m < 2 or big_l == 0:
            return Unitizing(0.0, 0.0)
        gaps = sorted(self.gaps)  # distinct gap lengths
        # Over the gaps of length >= gaps[k]: suffix_sum[k] their total length, suffix_count[k]
        # how many there are.
        suffix_sum = [0] * (len(gaps) + 1)
        suffix_count = [0] * (len(gaps) + 1)
        for k in range(len(gaps) - 1, -1, -1):
            many = self.gaps[gaps[k]]
            suffix_sum[k] = suffix_sum[k + 1] + many * gaps[k]
            suffix_count[k] = suffix_count[k + 1] + many
        n_units = sum(self.units.values())
        numerator3 = 0  # three times the bracketed sum, kept in integers
        for length, many in self.units.items():
            k = bisect_left(gaps, length)
            within = suffix_sum[k] - suffix_count[k] * (length - 1)
            numerator3 += many * (n_units - 1) * (2 * length**3 - 3 * length**2 + length)
            numerator3 += many * 3 * length * length * within
        denominator = m * big_l * (m * big_l - 1) - sum(
            many * n * (n - 1) for n, many in self.units.items()
        )
        expected = 0.0 if denominator == 0 else 2 * numerator3 / (3 * big_l * denominator)
        return Unitizing(self.distances / (m * (m - 1) * big_l * big_l), expected)


def unitizing(continua: Iterable[tuple[int, Sequence[Sequence[tuple[int, int]]]]]) -> Unitizing:
    """alpha-U figures of one category over continua given as (length, units of each coder).

    Every continuum must have the same number of coders (at least two).
    """
    pooled = Continua()
    for length, per_coder in continua:
        pooled.add(length, per_coder)
    return pooled.result()
