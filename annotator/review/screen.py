"""What the review screens show, worked out without Qt so it is the same wherever it is asked.

The reviewer's panel lists conflicts with their versions, gold spans say where they came from,
an annotator reads how gold differs from their layer, and the agreement report shows figures per
label. Each of those is turned into plain strings and rows here (tested without a display); the
Qt widgets only put them on screen.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from annotator.core.model import Span
from annotator.review.agreement import OVERALL, AgreementReport, DocumentAgreement
from annotator.review.conflicts import Conflict, ConflictKind
from annotator.review.diff import GoldDiff

# The per-label figures of the report table and chart, in column order.
MEASURES = ("f1_exact", "f1_overlap", "kappa", "alpha", "alpha_u")
KIND_NAMES = {
    ConflictKind.MISSING: "missing in some layers",
    ConflictKind.BOUNDARY: "boundary differs",
    ConflictKind.LABEL: "label differs",
    ConflictKind.ATTRIBUTE: "attribute differs",
    ConflictKind.RELATION: "relation differs",
}


@dataclass(frozen=True)
class ReviewWords:
    """The words review lines are built from. English by default (the command line, the
    tests); the window passes its translation, so no English word is left in an Arabic line.
    Each template names its fields; ``resolutions`` and ``methods`` word the stored decision
    (``take``, ``merge``, ``reject``, ``gold``, ``moot``) and how a gold span was made
    (``take``, ``merge``, ``auto-unanimous``, ``auto-majority``); unknown ones stay as stored."""

    kinds: Mapping[ConflictKind, str] = field(default_factory=lambda: dict(KIND_NAMES))
    version: str = "{layer}: {line}"
    nothing: str = "nothing"
    decided: str = "decided: {resolution}"
    gold: str = "gold: {line} — {provenance}"
    resolutions: Mapping[str, str] = field(default_factory=dict)
    methods: Mapping[str, str] = field(default_factory=dict)
    drawn_by: str = "drawn in gold by {author}"
    drawn_by_hand: str = "drawn in gold by hand"
    from_layers: str = "from {layers}"
    no_layer: str = "no layer"
    made_by: str = "by {method}"
    votes: str = "votes {agreeing}/{total}"
    decided_by: str = "decided by {who}"
    reason: str = "reason: {reason}"
    separator: str = "; "


ENGLISH = ReviewWords()


def isolated(name: str) -> str:
    """A name (a layer, an annotator) inside a line of another direction: a first-strong
    isolate, so an Arabic name keeps its order beside Latin words and punctuation."""
    return f"\u2068{name}\u2069"


def one_line(text: str, limit: int = 60) -> str:
    """Span text on one line, cut to ``limit`` characters (a list row, not the article)."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def quoted(text: str, limit: int = 60) -> str:
    """Article text inside a line of another direction, in «…» (see :func:`in_guillemets`)."""
    return in_guillemets(one_line(text, limit))


def in_guillemets(inner: str) -> str:
    """«inner», marks included in one first-strong isolate (invisible marks).

    Guillemets are mirrored characters that take the direction around them: outside the
    isolate, in a right-to-left line next to a Latin word, they can be laid out left to right
    while the line runs right to left, and show as »…«. Inside an isolate that takes the quoted
    text's direction (its first strong letter: the marks are neutral) they open and close it
    in reading order, and the phrase keeps its own order next to Latin labels and digits.
    """
    return f"\u2068«{inner}»\u2069"


def figure(value: float | int | None) -> str:
    """A figure for a table cell: three decimals, an em dash when undefined."""
    if value is None:
        return "—"
    if isinstance(value, int):
        return str(value)
    return f"{value:.3f}"


def _attrs(attrs: dict[str, str]) -> str:
    return ", ".join(f"{k}={v}" for k, v in sorted(attrs.items()))


DIFF_OPEN, DIFF_CLOSE = "⟦", "⟧"


def marked(text: str, start: int, end: int, core: tuple[int, int], limit: int = 60) -> str:
    """``text[start:end]`` quoted like :func:`quoted`, with the characters outside ``core``
    (the part every version shares) between ⟦ ⟧, and a long shared part shortened in its
    middle: the reviewer sees exactly where versions differ, never an ellipsis there."""
    core_start, core_end = max(start, core[0]), min(end, core[1])
    if core_start >= core_end:
        return quoted(text[start:end], limit)
    before = " ".join(text[start:core_start].split(" "))
    after = " ".join(text[core_end:end].split(" "))
    edge = max(8, limit // 3)  # long differing parts keep the characters next to the core
    before = before if len(before) <= edge else "…" + before[-edge:]
    after = after if len(after) <= edge else after[:edge] + "…"
    middle = " ".join(text[core_start:core_end].split())
    if len(middle) > limit:
        half = (limit - 1) // 2
        middle = middle[:half] + "…" + middle[-half:]
    parts = [
        f"{DIFF_OPEN}{before}{DIFF_CLOSE}" if before else "",
        middle,
        f"{DIFF_OPEN}{after}{DIFF_CLOSE}" if after else "",
    ]
    return in_guillemets("".join(parts))


def shared_extent(conflict: Conflict) -> tuple[int, int] | None:
    """What every version of a boundary conflict covers, when they all cover something."""
    spans = [s for v in conflict.versions.values() for s in v]
    if conflict.kind is not ConflictKind.BOUNDARY or not spans:
        return None
    start, end = max(s.start for s in spans), min(s.end for s in spans)
    return (start, end) if start < end else None


def span_line(span: Span, text: str, core: tuple[int, int] | None = None) -> str:
    """One span as the reviewer compares it: label, offsets, text and attributes; with
    ``core``, the characters it has beyond the shared part are marked."""
    shown = (
        quoted(text[span.start : span.end])
        if core is None
        else marked(text, span.start, span.end, core)
    )
    line = f"{span.label} {span.start}–{span.end} {shown}"
    return f"{line} [{_attrs(span.attrs)}]" if span.attrs else line


def conflict_title(conflict: Conflict, text: str, words: ReviewWords = ENGLISH) -> str:
    """The conflict list's row: status, kind, labels and the text of the region."""
    mark = "✓" if conflict.resolved else "•"
    region = quoted(text[conflict.start : conflict.end], 40)
    return f"{mark} {words.kinds[conflict.kind]} · {'/'.join(conflict.labels)} · {region}"


def resolution_text(resolution: str, words: ReviewWords = ENGLISH) -> str:
    """A stored decision in words: ``take:amal`` reads "take" and the layer, isolated."""
    action, _, layer = resolution.partition(":")
    name = words.resolutions.get(action, action)
    return f"{name} {isolated(layer)}" if layer else name


def version_lines(conflict: Conflict, text: str, words: ReviewWords = ENGLISH) -> list[str]:
    """Every layer's version of a conflict, one line per span or relation ("nothing" if none)."""
    lines: list[str] = []
    core = shared_extent(conflict)
    for layer in conflict.versions:
        if conflict.kind is ConflictKind.RELATION:
            found = [
                f"{rv.relation.label}: {span_line(rv.head, text)} → {span_line(rv.child, text)}"
                for rv in conflict.relations.get(layer, [])
            ]
        else:
            found = [span_line(s, text, core) for s in conflict.versions[layer]]
        lines.extend(
            words.version.format(layer=isolated(layer), line=line)
            for line in found or [words.nothing]
        )
    if conflict.resolution:
        lines.append(decision_line(conflict, words))
    return lines


def decision_line(conflict: Conflict, words: ReviewWords = ENGLISH) -> str:
    """How a decided conflict was decided, by whom and why (the reason the reviewer typed
    stays readable after the decision, not only in the table that records it)."""
    parts = [words.decided.format(resolution=resolution_text(conflict.resolution or "", words))]
    decision = conflict.decision
    if decision is not None:
        parts.append(words.decided_by.format(who=isolated(decision.who)))
        if decision.reason:
            parts.append(words.reason.format(reason=isolated(one_line(decision.reason, 200))))
    return words.separator.join(parts)


def gold_line(span: Span, text: str, words: ReviewWords = ENGLISH) -> str:
    """A gold span over a conflict's region, with where it came from."""
    return words.gold.format(
        line=span_line(span, text), provenance=provenance_text(span, words=words)
    )


def version_layers(conflict: Conflict) -> list[str]:
    """The layers a reviewer can take a version from (all compared layers, even empty ones:
    taking an empty version says nothing belongs there)."""
    return list(conflict.versions)


def can_merge(conflict: Conflict) -> bool:
    """A merge composes one span from the span versions; relation conflicts have none."""
    return any(conflict.versions.values())


def provenance_text(span: Span, author: str | None = None, words: ReviewWords = ENGLISH) -> str:
    """Where a gold span came from: which layers, how, who decided and why."""
    prov: dict[str, Any] = span.provenance
    if not prov:
        return words.drawn_by.format(author=isolated(author)) if author else words.drawn_by_hand
    layers = ", ".join(isolated(layer) for layer in prov.get("layers", []))
    parts = [words.from_layers.format(layers=layers or words.no_layer)]
    if prov.get("method"):
        method = str(prov["method"])
        parts.append(words.made_by.format(method=words.methods.get(method, method)))
    if prov.get("votes"):
        agreeing, total = prov["votes"][0], prov["votes"][1]
        parts.append(words.votes.format(agreeing=agreeing, total=total))
    if prov.get("decided_by"):
        parts.append(words.decided_by.format(who=isolated(str(prov["decided_by"]))))
    if prov.get("reason"):
        parts.append(words.reason.format(reason=isolated(str(prov["reason"]))))
    return words.separator.join(parts)


@dataclass(frozen=True)
class DiffEntry:
    """One difference between gold and an annotator's layer, with the span to show for it."""

    kind: str  # "missed", "extra" or "changed"
    span: Span
    description: str


def diff_entries(diff: GoldDiff, text: str, spans: dict[str, Span]) -> list[DiffEntry]:
    """The differences an annotator reads, in text order: spans gold has and they missed,
    their spans gold left out, spans gold kept with other boundaries, label or attributes, and
    the links that differ. ``spans`` finds a link's ends by id (both layers' spans)."""
    entries = [DiffEntry("missed", s, f"missed: {span_line(s, text)}") for s in diff.missed]
    entries += [DiffEntry("extra", s, f"not in gold: {span_line(s, text)}") for s in diff.removed]
    entries += [
        DiffEntry(
            "changed",
            c.gold,
            f"changed ({', '.join(c.what)}): {span_line(c.mine, text)} → {span_line(c.gold, text)}",
        )
        for c in diff.changed
    ]
    for kind, title, relations in (
        ("missed", "missed link", diff.relations_missed),
        ("extra", "link not in gold", diff.relations_removed),
    ):
        for rel in relations:
            head, child = spans.get(rel.head), spans.get(rel.child)
            if head is not None and child is not None:
                line = f"{title} {rel.label}: {span_line(head, text)} → {span_line(child, text)}"
                entries.append(DiffEntry(kind, head, line))
    entries.sort(key=lambda e: (e.span.start, e.span.end, e.kind, e.description))
    return entries


def label_rows(report: AgreementReport) -> list[tuple[str, list[float | None]]]:
    """Per-label figures and the overall row, in :data:`MEASURES` order."""
    rows = [(label, [figs.get(m) for m in MEASURES]) for label, figs in report.labels.items()]
    rows.append((OVERALL, [report.overall.get(m) for m in MEASURES]))
    return rows


def extra_rows(report: AgreementReport) -> list[tuple[str, str]]:
    """Attribute agreement and relation F1 as (what, figure) rows for the report."""
    rows = [
        (f"attribute {key}", f"{figure(v.get('agreement'))} on {figure(v.get('pairs'))} pairs")
        for key, v in report.attributes.items()
    ]
    rows += [
        (f"relation {label}", f"F1 {figure(v.get('f1'))}") for label, v in report.relations.items()
    ]
    return rows


def lowest_line(doc: DocumentAgreement, title: str, key: str = "f1_overlap") -> str:
    """A row of the lowest-agreement list: the figure it is sorted by, then the title."""
    return f"{figure(doc.overall.get(key))}  {quoted(title, 50)}  ({', '.join(doc.layers)})"
