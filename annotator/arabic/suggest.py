"""Arabic pre-annotation: one call turns a document's text into suggested spans and links.

The rule modules work on the folded text (normalize) and report folded offsets; this module
maps them back to the stored text, gives SPEAKER mentions their grouped ``entity``, and links
quotes (said_by) and claims (claimed_by) to the speaker mentions they came with.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

import regex

from annotator.arabic.claims import find_claims
from annotator.arabic.collector import collector_paused
from annotator.arabic.dates import find_dates
from annotator.arabic.labels import LABELS as LABELS  # re-exported: callers import it from here
from annotator.arabic.labels import parse_labels
from annotator.arabic.normalize import Folded
from annotator.arabic.quotes import find_attributions
from annotator.arabic.speakers import Mention, group_mentions
from annotator.arabic.tokens import DocumentView
from annotator.core import suggestions
from annotator.core.suggestions import Proposal, ProposedLink, RunReport
from annotator.core.workspace import Workspace

_ENTITY_NOISE = regex.compile(r'[،,"«»“”]')
ENGINE = "arabic-rules/1"


@dataclass(frozen=True)
class SuggestionSet:
    proposals: list[Proposal]
    links: list[ProposedLink]


def in_schema(ws: Workspace, labels: Iterable[str]) -> tuple[str, ...]:
    """The labels this engine knows that the workspace's schema has too."""
    return tuple(label for label in labels if label in ws.schema.labels)


def _anchor(published: str | date | None) -> date | None:
    if published is None or isinstance(published, date):
        return published
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


class _Builder:
    """Collects proposals in source offsets, one per distinct span."""

    def __init__(self, folded: Folded) -> None:
        self.folded = folded
        self.proposals: list[Proposal] = []
        self.links: list[ProposedLink] = []
        self._index: dict[tuple[int, int, str], int] = {}
        self._linked: set[ProposedLink] = set()

    def add(
        self, start: int, end: int, label: str, attrs: dict[str, str], conf: float, rule: str
    ) -> int:
        s, e = _whole_clusters(self.folded.source, *self.folded.to_source(start, end))
        key = (s, e, label)
        if key not in self._index:
            self._index[key] = len(self.proposals)
            self.proposals.append(Proposal(s, e, label, attrs, round(conf, 2), rule))
        return self._index[key]

    def link(self, head: int, child: int, label: str) -> None:
        link = ProposedLink(head, child, label)
        if link not in self._linked:
            self._linked.add(link)
            self.links.append(link)


def _whole_clusters(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a span so it neither starts nor ends inside a character cluster (the offsets
    contract): a combining mark the folding kept (a Latin accent, say) joins its letter."""
    while start > 0 and unicodedata.category(text[start])[0] == "M":
        start -= 1
    while end < len(text) and (unicodedata.category(text[end])[0] == "M" or text[end] == "\u200d"):
        end += 1
    return start, end


# Longer documents are read in blocks of whole paragraphs of at most this many characters.
# Speakers are resolved against every earlier mention of the text they are read in, which
# costs time in proportion to the square of its length; in blocks, a 15 MB document takes
# 300 times as long as a 50 kB one, not 90,000 times. News articles are far shorter (a long
# report is 10-20 kB), so for them nothing changes; in a longer text a speaker named in one
# block is not carried into the next.
BLOCK_CHARS = 50_000


def suggest_text(
    text: str, published: str | date | None = None, labels: Iterable[str] | None = None
) -> SuggestionSet:
    """Suggestions for one text, with relative dates anchored on ``published`` (ISO date)."""
    chosen = parse_labels(labels if labels is None else list(labels))
    if len(text) <= BLOCK_CHARS:
        return _suggest_block(text, published, chosen)
    proposals: list[Proposal] = []
    links: list[ProposedLink] = []
    with collector_paused():
        for start, end in text_blocks(text, BLOCK_CHARS):
            found = _suggest_block(text[start:end], published, chosen)
            base = len(proposals)
            proposals.extend(
                replace(p, start=p.start + start, end=p.end + start) for p in found.proposals
            )
            links.extend(ProposedLink(k.head + base, k.child + base, k.label) for k in found.links)
    return SuggestionSet(proposals, links)


_BREAKS = ("\n", ". ", "، ", " ")


def text_blocks(text: str, size: int) -> list[tuple[int, int]]:
    """Consecutive ranges covering ``text``, each at most ``size`` characters where the text
    allows, cut after a line end, else after a sentence, a clause or a word."""
    blocks: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > size:
        limit = start + size
        cut = -1
        for mark in _BREAKS:
            at = text.rfind(mark, start + size // 2, limit)
            if at >= 0:
                cut = at + len(mark)
                break
        if cut < 0:
            cut = limit
            while cut < len(text) and _joins_previous(text[cut]):
                cut += 1
        blocks.append((start, cut))
        start = cut
    blocks.append((start, len(text)))
    return blocks


def _joins_previous(ch: str) -> bool:
    """A character that may not begin a block: a combining mark or a joiner."""
    return unicodedata.category(ch)[0] == "M" or ch in "\u200c\u200d"


def _suggest_block(
    text: str, published: str | date | None, chosen: tuple[str, ...]
) -> SuggestionSet:
    wanted = set(chosen)
    folded = Folded.of(text)
    build = _Builder(folded)
    dates = find_dates(folded.text, _anchor(published))
    if "DATE" in wanted:
        for d in dates:
            attrs = {"type": d.type, "value": d.value}
            build.add(d.start, d.end, "DATE", attrs, d.confidence, f"date:{d.kind}")
    if not wanted & {"QUOTE", "SPEAKER", "CLAIM"}:
        return SuggestionSet(build.proposals, build.links)
    view = DocumentView.of(folded)
    found = find_attributions(view)
    entities = _entities(folded, found.mentions)

    def speaker(mention: Mention | None) -> int | None:
        if mention is None or "SPEAKER" not in wanted:
            return None
        attrs = {"entity": entities.get(mention, "")}
        return build.add(mention.start, mention.end, "SPEAKER", attrs, 0.75, "speaker")

    if "QUOTE" in wanted or "SPEAKER" in wanted:
        for q in found.quotes:
            who = speaker(q.speaker)
            if "QUOTE" in wanted:
                head = build.add(q.start, q.end, "QUOTE", {"kind": q.kind}, q.confidence, "quote")
                if who is not None:
                    build.link(head, who, "said_by")
    if "CLAIM" in wanted:
        for c in find_claims(view, found, dates):
            attrs = {"checkworthy": "yes" if c.checkworthy else "no"}
            head = build.add(c.start, c.end, "CLAIM", attrs, c.confidence, "claim")
            who = speaker(c.speaker)
            if who is not None:
                build.link(head, who, "claimed_by")
    return SuggestionSet(build.proposals, build.links)


def _entities(folded: Folded, mentions: list[Mention]) -> dict[Mention, str]:
    """Each mention's entity: the fullest mention of its source, a named one if there is one
    (title and full name, "وزير الدفاع الروسي سيرغي شويغو"), commas and quote marks dropped."""
    groups = group_mentions(mentions)
    best: dict[int, tuple[bool, int, str]] = {}
    for mention, group in zip(mentions, groups, strict=True):
        s, e = folded.to_source(mention.start, mention.end)
        words = _ENTITY_NOISE.sub(" ", folded.source[s:e]).split()
        rank = (bool(mention.name), len(words), " ".join(words))
        if group not in best or rank[:2] > best[group][:2]:
            best[group] = rank
    return {m: best[g][2] for m, g in zip(mentions, groups, strict=True)}


def suggest_document(
    ws: Workspace,
    doc_id: str,
    labels: Iterable[str] | None = None,
    layer: str | None = None,
) -> RunReport:
    """Run the suggester on one stored document and store the result (one transaction).

    ``layer`` is the annotator's layer: suggestions it already holds are not proposed again.
    """
    chosen = in_schema(ws, parse_labels(labels if labels is None else list(labels)))
    doc = ws.document(doc_id)
    return store_suggestions(
        ws, doc_id, suggest_text(doc.text, doc.published, chosen), chosen, layer
    )


def store_suggestions(
    ws: Workspace,
    doc_id: str,
    found: SuggestionSet,
    labels: Iterable[str] | None = None,
    layer: str | None = None,
) -> RunReport:
    """Store suggestions computed earlier by ``suggest_text`` (one transaction).

    Split from the computing so that the window can compute in a worker thread, away from
    the workspace's connection, and write on the thread that owns it.
    """
    chosen = parse_labels(labels if labels is None else list(labels))
    return suggestions.store_run(
        ws, doc_id, found.proposals, found.links, layer=layer, labels=chosen, engine=ENGINE
    )
