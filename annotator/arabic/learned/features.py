"""Features of each piece for the CRFs: its form, shape and clitics, the quotation marks and
reporting verbs around it, and the rules' own spans (B/I/O per label) at and near it.

The rules' output is what the CRF mostly learns to adjust: where a team's boundary differs
from the rules' (one token more, one less), the rule tags of the neighbours and the token's
form carry that convention. Bump ``FEATURES_VERSION`` whenever a feature changes: a model
trained on other features is refused rather than tagging garbage.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from annotator.arabic.clitics import strip_prefix
from annotator.arabic.learned.pieces import Piece, paragraphs, pieces_of
from annotator.arabic.normalize import Folded, fold
from annotator.arabic.reporting import (
    ATTRIBUTION_PREPS,
    COMPLEMENTIZERS,
    FINITE_VERBS,
    PARTICIPLES,
    SAYING_NOUNS,
)
from annotator.arabic.tokens import DocumentView, pair_quotes
from annotator.core.suggestions import Proposal

FEATURES_VERSION = 4
RULE_LABELS = ("DATE", "QUOTE", "SPEAKER", "CLAIM")
_REPORTING = FINITE_VERBS | PARTICIPLES | frozenset(fold(w) for w in SAYING_NOUNS)
_ACCORDING = frozenset(fold(w) for w in ATTRIBUTION_PREPS)
_QUOTE_MARKS = frozenset('"«»')
_SENTENCE_END = frozenset(".!?؟")
_COMMAS = frozenset("،,؛;:")


@dataclass
class Featurized:
    """A document ready for the CRFs: its pieces, paragraph bounds and features per piece."""

    pieces: list[Piece]
    sequences: list[tuple[int, int]]
    features: list[list[str]]
    rule_tags: dict[str, list[str]]
    # what a model computed once for the whole document (its CRF scores for every label)
    cache: dict[object, object] = field(default_factory=dict, repr=False)


def _shape(form: str) -> str:
    if form.isdigit():
        return "digits" if len(form) <= 2 else "number"
    if form[0].isdigit():
        return "numeric"
    if form in _QUOTE_MARKS:
        return "quote"
    if form in _SENTENCE_END:
        return "stop"
    if form in _COMMAS:
        return "comma"
    if not form[0].isalnum():
        return "punct"
    if form.isascii():
        return "latin"
    return "word"


def _rule_tags(pieces: list[Piece], spans: Sequence[Proposal]) -> dict[str, list[str]]:
    """Per label, each piece's tag among the rules' spans: B (a span starts in it), I
    (covered), O; "E" is appended where a span ends (its last piece)."""
    starts = [p.start for p in pieces]
    tags: dict[str, list[str]] = {}
    for label in RULE_LABELS:
        row = ["O"] * len(pieces)
        ends: set[int] = set()
        for span in spans:
            if span.label != label:
                continue
            first = max(bisect_right(starts, span.start) - 1, 0)
            last = bisect_left(starts, span.end) - 1
            if last < first:
                continue
            for i in range(first + 1, last + 1):
                if row[i] == "O":
                    row[i] = "I"
            row[first] = "B"
            ends.add(last)
        tags[label] = [tag + "E" if i in ends else tag for i, tag in enumerate(row)]
    return tags


def _distance(bucket: int | None) -> str:
    if bucket is None:
        return "none"
    if bucket <= 3:
        return str(bucket)
    return "near" if bucket <= 8 else "far"


def _reporting_distances(pieces: list[Piece], lo: int, hi: int) -> list[tuple[str, str]]:
    """For each piece of a paragraph: how far back the last reporting verb is and how far
    ahead the next one is (in pieces, bucketed)."""
    marks = [pieces[i].word in _REPORTING and not pieces[i].clitic for i in range(lo, hi)]
    before: list[int | None] = []
    last: int | None = None
    for k, mark in enumerate(marks):
        before.append(None if last is None else k - last)
        if mark:
            last = k
    after: list[int | None] = [None] * len(marks)
    nxt: int | None = None
    for k in range(len(marks) - 1, -1, -1):
        after[k] = None if nxt is None else nxt - k
        if marks[k]:
            nxt = k
    return [(_distance(b), _distance(a)) for b, a in zip(before, after, strict=True)]


def _own(piece: Piece, quoted: bool, tags: dict[str, str]) -> list[str]:
    form = piece.form
    stem = strip_prefix(form) if not piece.clitic else form
    shape = _shape(form)
    feats = [
        f"w={form}",
        f"stem={stem}",
        f"shape={shape}",
        f"p1={form[:1]}",
        f"p2={form[:2]}",
        f"s1={form[-1:]}",
        f"s2={form[-2:]}",
        f"s3={form[-3:]}",
        f"clitic={piece.clitic or 'no'}",
        f"quoted={quoted}",
    ]
    if form != stem:
        feats.append("article")
    if piece.word in _REPORTING and not piece.clitic:
        feats.append("reporting")
    if form in COMPLEMENTIZERS:
        feats.append("complementizer")
    if form in _ACCORDING:
        feats.append("according")
    feats.extend(f"r{label}={tag}" for label, tag in tags.items())
    return feats


def featurize(text: str, rule_spans: Sequence[Proposal], crf: bool = True) -> Featurized:
    """Pieces and features of one text, given the rules' suggestions for it. Without ``crf``
    only the pieces and the rules' tags (all the boundary classifiers read), not the CRF's
    features per piece, the costliest part."""
    folded = Folded.of(text)
    pieces = pieces_of(folded)
    sequences = paragraphs(pieces)
    tags = _rule_tags(pieces, rule_spans)
    if not crf:
        return Featurized(pieces, sequences, [], tags)
    view = DocumentView(folded, [], pair_quotes(folded), [])
    own = []
    for i, piece in enumerate(pieces):
        quoted = view.quoted(piece.fstart)
        own.append(_own(piece, quoted, {label: tags[label][i] for label in RULE_LABELS}))
    features: list[list[str]] = [[] for _ in pieces]
    for lo, hi in sequences:
        distances = _reporting_distances(pieces, lo, hi)
        for i in range(lo, hi):
            feats = list(own[i])
            before, after = distances[i - lo]
            feats += [f"verb_before={before}", f"verb_after={after}"]
            if i == lo:
                feats.append("first")
            if i == hi - 1:
                feats.append("last")
            for k in (-2, -1, 1, 2):
                j = i + k
                if lo <= j < hi:
                    other = pieces[j]
                    feats += [f"{k}:w={other.form}", f"{k}:shape={_shape(other.form)}"]
                    if abs(k) == 1:
                        feats += [f"{k}:r{label}={tags[label][j]}" for label in RULE_LABELS]
                        feats.append(f"{k}:quoted={view.quoted(other.fstart)}")
                        # the boundary conventions: this token next to a rule span's edge
                        feats += [
                            f"{k}:r{label}={tags[label][j]}|w={piece.form}"
                            for label in RULE_LABELS
                            if tags[label][j] != "O" or tags[label][i] != "O"
                        ]
                else:
                    feats.append(f"{k}:edge")
            features[i] = feats
    return Featurized(pieces, sequences, features, tags)


def rule_tag_features(f: Featurized, i: int) -> list[str]:
    """The rules' spans at piece ``i``, one "LABEL=tag" per label with a span there."""
    return [f"{label}={tags[i]}" for label, tags in f.rule_tags.items() if tags[i] != "O"]


def bio(pieces: list[Piece], lo: int, hi: int, spans: Sequence[tuple[int, int]]) -> list[str]:
    """B/I/O tags of the pieces lo..hi for gold spans (start, end) of one label.

    A piece belongs to a span when it overlaps it; overlapping spans of one label are tagged
    as the first one (a CRF tags one span at a time)."""
    tags = ["O"] * (hi - lo)
    for start, end in sorted(spans):
        inside = [i for i in range(lo, hi) if pieces[i].start < end and pieces[i].end > start]
        if not inside or any(tags[i - lo] != "O" for i in inside):
            continue
        tags[inside[0] - lo] = "B"
        for i in inside[1:]:
            tags[i - lo] = "I"
    return tags


def spans_of(pieces: list[Piece], lo: int, tags: Sequence[str]) -> list[tuple[int, int, int, int]]:
    """(start, end, first piece, last piece + 1) of the spans a B/I/O tag sequence marks."""
    found: list[tuple[int, int, int, int]] = []
    begin: int | None = None
    for k, tag in enumerate([*tags, "O"]):
        if begin is not None and tag != "I":
            first, last = lo + begin, lo + k
            found.append((pieces[first].start, pieces[last - 1].end, first, last))
            begin = None
        if tag == "B" or (tag == "I" and begin is None):
            begin = k
    return found
