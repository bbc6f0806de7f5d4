"""Boundary adjustments of the rules' spans: where a team draws an edge a few tokens away.

Teams agree with the rules on most spans and differ on their edges by a token or two: the
final full stop, the complementizer (أن/إن), the title before a name, a preposition. Learning
those few decisions needs far less gold than tagging every token from scratch. For each rule
span, a classifier per edge (start, end) scores each place the edge could go, up to ``REACH``
clitic-split pieces outward (+) or inward (-), by the pieces the move takes in or leaves out
and the pieces either side of where it lands (form, kind of word, clitic, a space between,
the rules' other spans); the edge moves to the best place when it clearly beats staying. A
third classifier decides whether the span is kept at all, from the words around it.

How clearly is learned too (gate.py): each classifier carries the threshold that did best when
the training documents were held out in turn, and a classifier that did not beat the rules'
own edges there is not kept at all, so that the rules' boundary stays where the team's gold
gives no evidence against it.

The classifiers are maximum-entropy models trained by CRFsuite on one-item sequences (a
linear-chain CRF over a single item is multinomial logistic regression), so no library is
added; their weights are stored and checked like the CRFs'.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from annotator.arabic.actors import INSTITUTION_WORDS, TITLE_WORDS
from annotator.arabic.clitics import strip_prefix
from annotator.arabic.learned.features import Featurized, rule_tag_features
from annotator.arabic.learned.pieces import Piece
from annotator.arabic.learned.scoring import match_overlap
from annotator.arabic.normalize import fold
from annotator.arabic.reporting import ATTRIBUTION_PREPS, COMPLEMENTIZERS, FINITE_VERBS
from annotator.core.suggestions import Proposal

REACH = 3
YES, NO = "yes", "no"
EDGE_CLASSES = (YES, NO)
KEEP, DROP = "keep", "drop"
KEEP_CLASSES = (KEEP, DROP)
SIDES = ("start", "end", "keep")
# The default thresholds, for a classifier trained on too few documents to check itself
# (gate.py). A rule span is dropped only when the classifier is this sure: with a handful of
# documents a wrong drop costs a whole span, a wrong keep only what the rules cost already.
MIN_DROP = 0.8
# An edge moves only when its new place is this much more likely than where the rules put it
# (0.25 against 0 gained 0.02-0.03 exact F1 in the learning curve on dev).
MARGIN = 0.25
DEFAULT_THRESHOLDS = {"start": MARGIN, "end": MARGIN, "keep": MIN_DROP}
_PREPOSITIONS = frozenset(
    fold(w) for w in ("في", "من", "على", "إلى", "الى", "عن", "مع", "لدى", "عبر", "منذ", "خلال")
)
_ACCORDING = frozenset(fold(w) for w in ATTRIBUTION_PREPS)
_QUOTE_MARKS = frozenset("\"«»'“”")
_STOPS = frozenset(".!?؟")
_COMMAS = frozenset("،,؛;:")


@dataclass(frozen=True)
class Maxent:
    """One classifier: per feature, a weight for each class it speaks for, and the threshold
    its decisions must clear (an edge's margin over staying, a drop's probability)."""

    classes: tuple[str, ...]
    state: dict[str, dict[str, float]]
    threshold: float

    def probabilities(self, features: Iterable[str]) -> dict[str, float]:
        scores = dict.fromkeys(self.classes, 0.0)
        for attr in features:
            for cls, w in self.state.get(attr, {}).items():
                scores[cls] += w
        top = max(scores.values())
        exp = {cls: math.exp(s - top) for cls, s in scores.items()}
        total = sum(exp.values())
        return {cls: v / total for cls, v in exp.items()}

    def best(self, features: Iterable[str]) -> tuple[str, float]:
        probs = self.probabilities(features)
        cls = max(probs, key=lambda c: probs[c])
        return cls, probs[cls]


@dataclass(frozen=True)
class Instance:
    """One example to learn from: the features and the class the team's spans give it."""

    features: list[str]
    cls: str


@dataclass(frozen=True)
class Case:
    """One decision about one rule span and what the team's spans say it should be: for an
    edge, the candidate moves (shift, features) and the shift that reaches the team's edge;
    for keeping, one candidate (0, features) and KEEP or DROP."""

    candidates: tuple[tuple[int, list[str]], ...]
    target: int | str

    def instances(self) -> list[Instance]:
        if isinstance(self.target, str):
            return [Instance(self.candidates[0][1], self.target)]
        return [
            Instance(feats, YES if shift == self.target else NO) for shift, feats in self.candidates
        ]


def _word_class(piece: Piece) -> str:
    form = piece.form
    if form in _QUOTE_MARKS:
        return "quote"
    if form in _STOPS:
        return "stop"
    if form in _COMMAS:
        return "comma"
    if piece.clitic:
        return piece.clitic
    if form in COMPLEMENTIZERS:
        return "complementizer"
    if form in _ACCORDING:
        return "according"
    if form in _PREPOSITIONS:
        return "preposition"
    if piece.word in FINITE_VERBS:
        return "reporting"
    stem = strip_prefix(form)
    if form in TITLE_WORDS or stem in TITLE_WORDS:
        return "title"
    if form in INSTITUTION_WORDS or stem in INSTITUTION_WORDS:
        return "institution"
    if form[:1].isdigit():
        return "number"
    if not form[:1].isalnum():
        return "punct"
    return "article" if stem != form else "word"


def _describe(prefix: str, piece: Piece | None) -> list[str]:
    if piece is None:
        return [f"{prefix}=none"]
    kind = _word_class(piece)
    return [f"{prefix}={piece.form}", f"{prefix}c={kind}"]


@dataclass(frozen=True)
class Located:
    """A rule span's first and last piece and the paragraph (piece range) it lies in."""

    first: int
    last: int
    lo: int
    hi: int


def locate(f: Featurized, span: Proposal | tuple[int, int]) -> Located | None:
    start, end = (span.start, span.end) if isinstance(span, Proposal) else span
    starts = [p.start for p in f.pieces]
    first = max(bisect_right(starts, start) - 1, 0)
    last = bisect_left(starts, end) - 1
    if not f.pieces or last < first:
        return None
    bounds = [lo for lo, _ in f.sequences]
    k = bisect_right(bounds, first) - 1
    lo, hi = f.sequences[k]
    return Located(first, min(last, hi - 1), lo, hi)


def _span_features(span: Proposal, at: Located) -> list[str]:
    feats = ["bias", f"rule={span.rule.split(':')[0]}", f"rulefull={span.rule}"]
    feats += [f"attr={v}" for k, v in sorted(span.attrs.items()) if k in ("kind", "type")]
    length = at.last - at.first + 1
    feats.append(f"len={min(length, 6) if length < 12 else 'long'}")
    return feats


def keep_features(f: Featurized, span: Proposal, at: Located) -> list[str]:
    """What decides whether the team would have the span at all: the words right outside it
    (the verb before a speaker) and the kinds of word at its edges. The span's own words are
    left out: names are rare, and a classifier that can tell the examples apart by their names
    learns little about the next one."""
    feats = _span_features(span, at)
    for name, edge, outward in (("s", at.first, -1), ("e", at.last, 1)):
        inside, outside = edge, edge + outward
        feats.append(f"{name}in1c={_word_class(f.pieces[inside])}")
        feats += _describe(f"{name}out1", f.pieces[outside] if at.lo <= outside < at.hi else None)
    return feats


def shift_features(f: Featurized, span: Proposal, at: Located, side: str, shift: int) -> list[str]:
    """One candidate place for an edge: ``shift`` pieces outward (negative: inward). Its
    features are the pieces the move takes in or leaves out, and the pieces on both sides of
    the edge where it lands."""
    outward = -1 if side == "start" else 1
    edge = at.first if side == "start" else at.last
    feats = [f"shift={shift}", f"shift={shift}|rule={span.rule.split(':')[0]}"]
    if shift > 0:
        crossed = [f.pieces[edge + outward * k] for k in range(1, shift + 1)]
        gap = _gap(f.pieces, edge, edge + outward)
        kinds = "+".join(_word_class(p) for p in crossed)
        feats.append(f"takegap={gap}")
        feats += [f"take={p.form}" for p in crossed]
        feats += [f"takec={_word_class(p)}" for p in crossed]
        # a team may take in "قال." and not "قال ." : what is taken, with or without a space
        feats += [f"takes={kinds}", f"takes={kinds}|gap={gap}"]
    elif shift < 0:
        crossed = [f.pieces[edge - outward * k] for k in range(0, -shift)]
        gap = _gap(f.pieces, edge + outward * (shift + 1), edge + outward * shift)
        kinds = "+".join(_word_class(p) for p in crossed)
        feats.append(f"dropgap={gap}")
        feats += [f"drop={p.form}" for p in crossed]
        feats += [f"dropc={_word_class(p)}" for p in crossed]
        feats += [f"drops={kinds}", f"drops={kinds}|gap={gap}"]
    else:
        feats.append("stay")
    new_edge = edge + outward * shift
    beyond = new_edge + outward
    feats += _describe("edge_in", f.pieces[new_edge])
    feats += _describe("edge_out", f.pieces[beyond] if at.lo <= beyond < at.hi else None)
    if at.lo <= beyond < at.hi:
        feats += [f"edge_out_{t}" for t in rule_tag_features(f, beyond)]
    return feats


def _gap(pieces: list[Piece], i: int, j: int) -> bool:
    """Whether something (a space) separates two neighbouring pieces: "قال ." or "قال."."""
    a, b = sorted((i, j))
    return pieces[a].end != pieces[b].start


def shifts(at: Located, side: str) -> list[int]:
    """The candidate moves of one edge that keep the span inside its paragraph, non-empty."""
    found = []
    for shift in range(-REACH, REACH + 1):
        if side == "start":
            first = at.first - shift
            ok = at.lo <= first <= at.last
        else:
            last = at.last + shift
            ok = at.first <= last < at.hi
        if ok:
            found.append(shift)
    return found


def _target(pieces: list[Piece], at: Located, gold: tuple[int, int], side: str) -> int | None:
    """The class of one edge: how many pieces outward the team's edge lies, if it lies on a
    piece boundary within reach."""
    if side == "start":
        edge, table = gold[0], [p.start for p in pieces]
        j = bisect_left(table, edge)
        if j >= len(pieces) or table[j] != edge:
            return None
        delta = at.first - j
    else:
        edge, table = gold[1], [p.end for p in pieces]
        j = bisect_left(table, edge)
        if j >= len(pieces) or table[j] != edge:
            return None
        delta = j - at.last
    return delta if abs(delta) <= REACH else None


def cases(
    f: Featurized,
    rules: Sequence[Proposal],
    spans: Sequence[tuple[int, int, str]],
    label: str,
    scope: Sequence[tuple[int, int]] | None,
) -> dict[str, list[Case]]:
    """The decisions one document teaches about one label's rule spans. With ``scope`` only
    the rule spans inside the reviewed ranges teach (elsewhere the team said nothing)."""
    own = [p for p in rules if p.label == label]
    if scope is not None:
        own = [p for p in own if any(s < p.end and e > p.start for s, e in scope)]
    gold = [(s, e) for s, e, lab in spans if lab == label]
    matched = match_overlap([(p.start, p.end) for p in own], gold)
    found: dict[str, list[Case]] = {side: [] for side in SIDES}
    for i, p in enumerate(own):
        at = locate(f, p)
        if at is None:
            continue
        j = matched.get(i)
        found["keep"].append(Case(((0, keep_features(f, p, at)),), DROP if j is None else KEEP))
        if j is None:
            continue
        for side in ("start", "end"):
            target = _target(f.pieces, at, gold[j], side)
            if target is not None:
                candidates = tuple(
                    (shift, shift_features(f, p, at, side, shift)) for shift in shifts(at, side)
                )
                found[side].append(Case(candidates, target))
    return found


def shift_scores(model: Maxent, candidates: Iterable[tuple[int, list[str]]]) -> dict[int, float]:
    """Each candidate move's probability of being where the team draws the edge."""
    return {shift: model.probabilities(feats).get(YES, 0.0) for shift, feats in candidates}


def pick_shift(scored: dict[int, float], margin: float) -> int:
    """The most likely move, taken only when it beats staying by ``margin``."""
    if not scored:
        return 0
    best = max(scored, key=lambda shift: (scored[shift], -abs(shift)))
    return best if scored[best] - scored.get(0, 0.0) > margin else 0


def drop_probability(model: Maxent, features: list[str]) -> float:
    return model.probabilities(features).get(DROP, 0.0)


def _best_shift(f: Featurized, span: Proposal, at: Located, side: str, model: Maxent) -> int:
    candidates = ((shift, shift_features(f, span, at, side, shift)) for shift in shifts(at, side))
    return pick_shift(shift_scores(model, candidates), model.threshold)


def adjust(
    f: Featurized, span: Proposal, models: dict[str, Maxent]
) -> tuple[int, int, float] | None:
    """The span's new extent and confidence, or None when the team would not have it."""
    at = locate(f, span)
    if at is None:
        return span.start, span.end, span.confidence
    keep = models.get("keep")
    if keep is not None and drop_probability(keep, keep_features(f, span, at)) >= keep.threshold:
        return None
    start, end = span.start, span.end
    first, last = at.first, at.last
    if "start" in models:
        shift = _best_shift(f, span, at, "start", models["start"])
        if shift:
            first = at.first - shift
            start = f.pieces[first].start
    if "end" in models:
        shift = _best_shift(f, span, at, "end", models["end"])
        if shift:
            last = at.last + shift
            end = f.pieces[last].end
    if start >= end or first > last:
        return span.start, span.end, span.confidence
    return start, end, span.confidence
