"""Suggestions with a trained model: the rules find the spans, the learned layer moves their
edges to where the team draws them, and the CRF adds what it is sure the rules missed (for
the labels where training showed its additions right).

For each label the model knows, each rule span goes through the boundary classifiers
(edges.py): kept or dropped, each edge moved by a few pieces or left. Where no rule span is,
a CRF span the CRF is very sure of is added. A span takes its attributes (DATE value and
type, QUOTE kind, SPEAKER entity, CLAIM checkworthiness) from the rule span of its label it
overlaps most, and the rules' links (said_by, claimed_by) follow their ends to the spans that
took them over. A span no rule span overlaps gets the rules' logic applied to its own extent
(a DATE's value), or the plain default of its label.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import regex

from annotator.arabic.dates import find_dates
from annotator.arabic.learned.edges import adjust
from annotator.arabic.learned.features import Featurized, featurize
from annotator.arabic.learned.model import LearnedModel
from annotator.arabic.learned.tagging import MIN_ADD
from annotator.arabic.normalize import Folded
from annotator.arabic.suggest import LABELS, SuggestionSet, parse_labels, suggest_text
from annotator.core.suggestions import Proposal, ProposedLink

_ENTITY_NOISE = regex.compile(r'[،,"«»“”]')


def _best_overlap(start: int, end: int, candidates: list[tuple[int, Proposal]]) -> int | None:
    best, best_overlap = None, 0
    for index, p in candidates:
        overlap = min(end, p.end) - max(start, p.start)
        if overlap > best_overlap:
            best, best_overlap = index, overlap
    return best


def _anchor(published: str | None) -> date | None:
    try:
        return date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


def _default_attrs(
    label: str, text: str, start: int, end: int, published: str | None
) -> dict[str, str]:
    piece = text[start:end]
    if label == "DATE":
        found = find_dates(Folded.of(piece).text, _anchor(published))
        if found:
            longest = max(found, key=lambda d: d.end - d.start)
            return {"type": longest.type, "value": longest.value}
        return {}
    if label == "QUOTE":
        return {"kind": "direct" if piece[:1] in '"«“”»' else "indirect"}
    if label == "SPEAKER":
        return {"entity": " ".join(_ENTITY_NOISE.sub(" ", piece).split())}
    if label == "CLAIM":
        return {"checkworthy": "yes"}
    return {}


def _learned_spans(
    model: LearnedModel,
    featurized: Featurized,
    label: str,
    own: list[tuple[int, Proposal]],
) -> list[tuple[int, int, float]]:
    """The extents of one label: the rule spans moved by the boundary classifiers (those the
    team would not have dropped), then what the CRF finds where no rule span is."""
    edges = model.edges.get(label)
    spans: list[tuple[int, int, float]] = []
    for _, p in own:
        moved = adjust(featurized, p, edges) if edges else (p.start, p.end, p.confidence)
        if moved is not None:
            spans.append(moved)
    if label in model.adds:
        taken = [(s, e) for s, e, _ in spans]
        spans += [(s, e, c) for s, e, c in model.tag(featurized, label, taken) if c >= MIN_ADD]
    return sorted(set(spans))


def suggest_with_model(
    model: LearnedModel,
    text: str,
    published: str | None = None,
    labels: Iterable[str] | None = None,
) -> SuggestionSet:
    """Suggestions for one text: rules for the spans, values and links, the learned layer
    for where the team draws their edges."""
    wanted = parse_labels(labels if labels is None else list(labels))
    rules = suggest_text(text, published, LABELS)
    learned = [label for label in wanted if label in model.labels]
    crf = any(label in model.adds for label in learned)
    featurized = featurize(text, rules.proposals, crf) if learned else None
    proposals: list[Proposal] = []
    moved: dict[int, int] = {}  # rule proposal index -> new proposal index
    for label in wanted:
        own = [(i, p) for i, p in enumerate(rules.proposals) if p.label == label]
        if label not in learned or featurized is None:
            for i, p in own:
                moved[i] = len(proposals)
                proposals.append(p)
            continue
        for start, end, confidence in _learned_spans(model, featurized, label, own):
            source = _best_overlap(start, end, own)
            attrs = (
                dict(rules.proposals[source].attrs)
                if source is not None
                else _default_attrs(label, text, start, end, published)
            )
            rule = rules.proposals[source].rule if source is not None else "learned"
            proposals.append(Proposal(start, end, label, attrs, round(confidence, 2), rule))
        # each rule span hands its links to the learned span that overlaps it most
        placed = [(k, p) for k, p in enumerate(proposals) if p.label == label]
        for i, p in own:
            target = _best_overlap(p.start, p.end, placed)
            if target is not None:
                moved[i] = target
    links: list[ProposedLink] = []
    seen: set[ProposedLink] = set()
    for link in rules.links:
        head, child = moved.get(link.head), moved.get(link.child)
        if head is None or child is None:
            continue
        new = ProposedLink(head, child, link.label)
        if new not in seen:
            seen.add(new)
            links.append(new)
    return SuggestionSet(proposals, links)
