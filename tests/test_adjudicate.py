"""Auto-adjudication, the conflict list, its resolutions and the gold diff."""

from __future__ import annotations

import pytest

from annotator.core.errors import ValidationError
from annotator.core.model import GOLD_LAYER, Status
from annotator.review.adjudicate import auto_adjudicate
from annotator.review.conflicts import ConflictKind, find_conflicts
from annotator.review.diff import gold_diff
from annotator.review.resolve import (
    mark_adjudicated,
    merge_proposal,
    reject,
    take_merge,
    take_version,
)

from .review_helpers import build

TEXT = (
    "the minister said that the meeting will be held on the fourteenth of january, "
    "he said it again today"
)


def q(start, end, kind="direct"):
    return {"start": start, "end": end, "label": "QUOTE", "attrs": {"kind": kind}}


def sp(start, end, label="SPEAKER"):
    return {"start": start, "end": end, "label": label}


@pytest.fixture
def three(tmp_path):
    """Three annotators: one span all agree on, one two of three have, boundary, label and
    attribute disagreements."""
    ws = build(
        tmp_path / "w.db",
        [
            (
                TEXT,
                {
                    "amal": [sp(4, 12), q(18, 77), sp(79, 81), sp(51, 77, "DATE")],
                    "omar": [sp(4, 12), q(18, 77, "indirect"), sp(79, 81), sp(51, 77, "CLAIM")],
                    "rana": [sp(4, 12), q(18, 77), sp(82, 86), sp(51, 70, "DATE")],
                },
            )
        ],
        who="reviewer",
    )
    return ws


def gold_keys(ws):
    return sorted((s.start, s.end, s.label) for s in ws.spans("d0", GOLD_LAYER))


def test_unanimous_takes_only_what_everyone_has_and_a_rerun_adds_nothing(three):
    result = auto_adjudicate(three)
    assert gold_keys(three) == [(4, 12, "SPEAKER")]
    span = three.spans("d0", GOLD_LAYER)[0]
    assert span.provenance["layers"] == ["amal", "omar", "rana"]
    assert span.provenance["decided_by"] == "reviewer"
    assert span.provenance["method"] == "auto-unanimous"
    assert result.spans_added == 1 and three.status("d0", GOLD_LAYER) is Status.IN_PROGRESS
    events_before = len(three.events(1000))
    again = auto_adjudicate(three)
    assert again.spans_added == again.relations_added == 0
    assert len(three.events(1000)) == events_before  # nothing written, nothing logged


def test_majority_with_minimum_votes(three):
    auto_adjudicate(three, strategy="majority", min_votes=2)
    assert gold_keys(three) == [(4, 12, "SPEAKER"), (18, 77, "QUOTE"), (79, 81, "SPEAKER")]
    quote = next(s for s in three.spans("d0", GOLD_LAYER) if s.label == "QUOTE")
    assert quote.attrs == {"kind": "direct"} and quote.provenance["layers"] == ["amal", "rana"]
    assert quote.provenance["votes"] == [2, 3]


def test_majority_needs_min_votes(three):
    auto_adjudicate(three, strategy="majority", min_votes=3)
    assert gold_keys(three) == [(4, 12, "SPEAKER")]
    with pytest.raises(ValidationError, match="Unknown strategy"):
        auto_adjudicate(three, strategy="loudest")
    three.add_span("d0", "suggestions", 4, 12, "SPEAKER")
    with pytest.raises(ValidationError, match="not an annotator's layer"):
        auto_adjudicate(three, layers=["amal", "suggestions"])


def test_relations_follow_their_spans(tmp_path):
    ws = build(tmp_path / "w.db", [(TEXT, {})])
    for layer in ("amal", "omar"):
        quote = ws.add_span("d0", layer, 18, 77, "QUOTE", {"kind": "direct"})
        speaker = ws.add_span("d0", layer, 4, 12, "SPEAKER")
        ws.add_relation(quote.id, speaker.id, "said_by")
    auto_adjudicate(ws)
    (rel,) = ws.relations("d0", GOLD_LAYER)
    gold = {s.id: s for s in ws.spans("d0", GOLD_LAYER)}
    assert (gold[rel.head].label, gold[rel.child].label) == ("QUOTE", "SPEAKER")
    assert auto_adjudicate(ws).relations_added == 0


def test_conflicts_are_typed_with_every_version(three):
    conflicts = find_conflicts(three, "d0")
    kinds = sorted(c.kind.value for c in conflicts)
    assert kinds == sorted(["attribute_differs"] + 4 * ["missing_in_some_layers"])
    attribute = next(c for c in conflicts if c.kind is ConflictKind.ATTRIBUTE)
    assert attribute.versions["omar"][0].attrs == {"kind": "indirect"}
    # A DATE and a CLAIM over the same words are two units, decided one by one.
    date, claim = (next(c for c in conflicts if c.labels == [la]) for la in ("DATE", "CLAIM"))
    assert (date.start, date.end, claim.start, claim.end) == (51, 77, 51, 77)
    assert [len(date.versions[la]) for la in ("amal", "omar", "rana")] == [1, 0, 1]
    assert [len(claim.versions[la]) for la in ("amal", "omar", "rana")] == [0, 1, 0]
    missing = next(c for c in conflicts if c.start == 79)
    assert [len(missing.versions[la]) for la in ("amal", "omar", "rana")] == [1, 1, 0]
    assert {c.id for c in conflicts} == {c.id for c in find_conflicts(three, "d0")}  # stable
    assert not any(c.resolved for c in conflicts)


def test_boundary_and_relation_conflicts(tmp_path):
    ws = build(tmp_path / "w.db", [(TEXT, {"amal": [q(18, 77)], "omar": [q(18, 70)]})])
    (conflict,) = find_conflicts(ws, "d0")
    assert conflict.kind is ConflictKind.BOUNDARY
    ws2 = build(tmp_path / "w2.db", [(TEXT, {})])
    for layer, speaker in (("amal", (4, 12)), ("omar", (82, 84))):
        quote = ws2.add_span("d0", layer, 18, 77, "QUOTE")
        a = ws2.add_span("d0", layer, 4, 12, "SPEAKER")
        b = ws2.add_span("d0", layer, 82, 84, "SPEAKER")
        ws2.add_relation(quote.id, a.id if speaker == (4, 12) else b.id, "said_by")
    (rel,) = find_conflicts(ws2, "d0")
    assert rel.kind is ConflictKind.RELATION and set(rel.relations) == {"amal", "omar"}
    take_version(ws2, rel, "omar", reason="he said it at the end")
    (gold_rel,) = ws2.relations("d0", GOLD_LAYER)
    gold = {s.id: s for s in ws2.spans("d0", GOLD_LAYER)}
    assert (gold[gold_rel.child].start, gold[gold_rel.child].end) == (82, 84)
    assert find_conflicts(ws2, "d0")[0].resolution == "take:omar"


def test_take_merge_reject_and_mark(three):
    conflicts = {c.kind: c for c in find_conflicts(three, "d0")}
    added = take_version(three, conflicts[ConflictKind.ATTRIBUTE], "omar", reason="reported")
    assert added[0].attrs == {"kind": "indirect"} and added[0].provenance["layers"] == ["omar"]
    assert added[0].provenance["reason"] == "reported"
    missing = next(c for c in find_conflicts(three, "d0") if c.start == 79)
    proposal = merge_proposal(missing, "union")
    assert (proposal["start"], proposal["end"], proposal["label"]) == (79, 81, "SPEAKER")
    merged = take_merge(three, missing, 79, 81, "SPEAKER", {"entity": "minister"}, "the pronoun")
    assert merged.provenance["method"] == "merge"
    (date,) = [c for c in find_conflicts(three, "d0") if c.labels == ["DATE"]]
    reject(three, date, reason="not a date")
    after = sorted(
        (c.kind.value, c.start, c.labels[0], c.resolution or "open")
        for c in find_conflicts(three, "d0")
    )
    assert after == [
        ("attribute_differs", 18, "QUOTE", "take:omar"),
        ("missing_in_some_layers", 51, "CLAIM", "open"),  # not part of the DATE's decision
        ("missing_in_some_layers", 51, "DATE", "reject"),
        ("missing_in_some_layers", 79, "SPEAKER", "merge"),
        ("missing_in_some_layers", 82, "SPEAKER", "open"),
    ]
    auto_adjudicate(three, strategy="majority", min_votes=1)
    assert (51, 77, "DATE") not in gold_keys(three)  # rejected stays out
    mark_adjudicated(three, "d0")
    assert three.status("d0", GOLD_LAYER) is Status.ADJUDICATED
    assert three.adjudicators_by_document() == {"d0": "reviewer"}
    assert auto_adjudicate(three, min_votes=1).skipped_adjudicated == 1


def test_take_merge_validates(three):
    conflict = find_conflicts(three, "d0")[0]
    before = gold_keys(three)
    with pytest.raises(ValidationError):
        take_merge(three, conflict, 5, 500, "QUOTE")
    assert gold_keys(three) == before
    assert not find_conflicts(three, "d0")[0].resolved


def test_gold_diff_tells_an_annotator_what_changed(three):
    auto_adjudicate(three, strategy="majority")
    three.add_span("d0", GOLD_LAYER, 51, 77, "CLAIM")
    diff = gold_diff(three, "d0", "rana")
    assert [(s.start, s.end) for s in diff.removed] == [(82, 86)]
    assert [(s.start, s.end) for s in diff.missed] == [(79, 81)]
    assert [(c.mine.label, c.gold.label, c.what) for c in diff.changed] == [
        ("DATE", "CLAIM", ("boundaries", "label"))
    ]
    assert diff.unchanged == 2 and not diff.identical
    assert gold_diff(three, "d0", "amal").changed[0].what == ("label",)


def test_a_decision_replaces_the_versions_already_in_gold(tmp_path):
    """Majority put amal's and rana's quote in gold; the reviewer then takes omar's shorter
    quote: gold keeps one quote, the said_by link moves to it, and a rejection removes it."""
    ws = build(tmp_path / "w.db", [(TEXT, {})], who="reviewer")
    for layer, end in (("amal", 77), ("rana", 77), ("omar", 60)):
        quote = ws.add_span("d0", layer, 18, end, "QUOTE", {"kind": "direct"})
        speaker = ws.add_span("d0", layer, 4, 12, "SPEAKER")
        ws.add_relation(quote.id, speaker.id, "said_by")
    auto_adjudicate(ws, strategy="majority")
    assert gold_keys(ws) == [(4, 12, "SPEAKER"), (18, 77, "QUOTE")]
    (boundary,) = [c for c in find_conflicts(ws, "d0") if c.kind is ConflictKind.BOUNDARY]
    take_version(ws, boundary, "omar")
    assert gold_keys(ws) == [(4, 12, "SPEAKER"), (18, 60, "QUOTE")]
    (link,) = ws.relations("d0", GOLD_LAYER)
    assert ws.span(link.head).end == 60
    take_merge(ws, boundary, 18, 77, "QUOTE", {"kind": "mixed"}, reason="whole sentence")
    assert gold_keys(ws) == [(4, 12, "SPEAKER"), (18, 77, "QUOTE")]
    assert ws.span(ws.relations("d0", GOLD_LAYER)[0].head).attrs == {"kind": "mixed"}
    reject(ws, boundary)
    assert gold_keys(ws) == [(4, 12, "SPEAKER")] and ws.relations("d0", GOLD_LAYER) == []
    assert auto_adjudicate(ws, strategy="majority").spans_added == 0


def test_taking_another_attribute_updates_the_gold_span(three):
    auto_adjudicate(three, strategy="majority")
    conflict = next(c for c in find_conflicts(three, "d0") if c.kind is ConflictKind.ATTRIBUTE)
    assert take_version(three, conflict, "omar") == []  # nothing added: the span is updated
    quote = next(s for s in three.spans("d0", GOLD_LAYER) if s.label == "QUOTE")
    assert quote.attrs == {"kind": "indirect"} and quote.provenance["layers"] == ["omar"]


@pytest.mark.parametrize("seed", range(8))
def test_every_disagreement_is_in_exactly_one_conflict(tmp_path, seed):
    """Random layers: a span is either agreed by every layer or in one conflict; unanimous
    gold holds exactly the agreed spans; resolving every conflict leaves none open."""
    import random

    from .review_helpers import random_spans, random_text

    rng = random.Random(seed)
    text = random_text(rng, 80)
    base = random_spans(rng, 80, 6)
    layers = {
        name: [dict(s) for s in base if rng.random() > 0.2] + random_spans(rng, 80, 2)
        for name in ("amal", "omar", "rana")
    }
    ws = build(tmp_path / "w.db", [(text, layers)])
    conflicts = find_conflicts(ws, "d0")
    seen = [s.id for c in conflicts for v in c.versions.values() for s in v]
    assert len(seen) == len(set(seen))
    keys = {name: {(s.start, s.end, s.label) for s in ws.spans("d0", name)} for name in layers}
    agreed = keys["amal"] & keys["omar"] & keys["rana"]
    for name in layers:
        for span in ws.spans("d0", name):
            assert ((span.start, span.end, span.label) in agreed) != (span.id in seen)
    auto_adjudicate(ws)
    assert set(gold_keys(ws)) == agreed
    for conflict in conflicts:
        take_version(ws, conflict, rng.choice(["amal", "omar", "rana"]))
    assert not [c for c in find_conflicts(ws, "d0") if not c.resolved]


@pytest.mark.parametrize("strategy", ["unanimous", "majority"])
def test_one_document_at_a_time_gives_the_corpus_runs_gold(tmp_path, strategy):
    """The review panel accepts per document, reading only that document: document by
    document, gold ends up the same as one run over the corpus (random layers, relations)."""
    import random

    from .review_helpers import random_spans, random_text

    rng = random.Random(5)
    docs = []
    for _ in range(6):
        text = random_text(rng, 80)
        base = random_spans(rng, 80, 6)
        layers = {
            name: [dict(s) for s in base if rng.random() > 0.3] + random_spans(rng, 80, 1)
            for name in ("amal", "omar", "rana")
            if rng.random() > 0.2
        }
        docs.append((text, layers))

    def gold_by_doc(ws):
        return {
            f"d{n}": sorted((s.start, s.end, s.label, s.provenance["votes"][0]) for s in spans)
            for n in range(len(docs))
            for spans in [ws.spans(f"d{n}", GOLD_LAYER)]
        }

    whole = build(tmp_path / "whole.db", docs)
    auto_adjudicate(whole, strategy)
    single = build(tmp_path / "single.db", docs)
    for n in range(len(docs)):
        auto_adjudicate(single, strategy, doc_ids=[f"d{n}"])
    assert gold_by_doc(single) == gold_by_doc(whole)
    assert any(gold_by_doc(whole).values())
