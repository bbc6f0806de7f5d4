"""Review decisions that carry their consequences: taking a version brings its links when both
ends are in gold, and conflicts a decision made moot close themselves."""

from __future__ import annotations

import pytest

from annotator.core.model import GOLD_LAYER
from annotator.review.adjudicate import auto_adjudicate
from annotator.review.conflicts import ConflictKind, find_conflicts
from annotator.review.resolve import reject, take_version
from tests.review_helpers import build

TEXT = "alpha said beta gamma delta and then epsilon"


def at(needle: str) -> tuple[int, int]:
    start = TEXT.index(needle)
    return start, start + len(needle)


@pytest.fixture
def ws(db_path):
    ws = build(db_path, [(TEXT, {"amal": [], "omar": []})])
    for layer, quote in (("amal", "beta gamma"), ("omar", "beta gamma delta")):
        speaker = ws.add_span("d0", layer, *at("alpha"), "SPEAKER")
        head = ws.add_span("d0", layer, *at(quote), "QUOTE")
        ws.add_relation(head.id, speaker.id, "said_by")
    auto_adjudicate(ws, "unanimous", 2, None, ["d0"])  # the agreed speaker goes to gold
    yield ws
    ws.close()


def boundary(ws):
    return next(c for c in find_conflicts(ws, "d0") if c.kind is ConflictKind.BOUNDARY)


def test_taking_a_version_brings_its_link_to_the_gold_speaker(ws):
    take_version(ws, boundary(ws), "amal")
    spans = {s.id: s for s in ws.spans("d0", GOLD_LAYER)}
    [relation] = ws.relations("d0", GOLD_LAYER)
    head, child = spans[relation.head], spans[relation.child]
    assert (head.start, head.end, head.label) == (*at("beta gamma"), "QUOTE")
    assert (child.start, child.end, child.label) == (*at("alpha"), "SPEAKER")
    assert relation.label == "said_by"


def test_conflicts_a_decision_made_moot_close_themselves(ws):
    before = find_conflicts(ws, "d0")
    assert sum(c.kind is ConflictKind.RELATION and not c.resolved for c in before) == 2
    take_version(ws, boundary(ws), "amal")
    after = {c.id: c.resolution for c in find_conflicts(ws, "d0")}
    assert all(after.values()), after
    assert sorted(after.values()) == ["gold", "moot", "take:amal"]


def test_rejecting_the_quote_makes_both_link_conflicts_moot(ws):
    reject(ws, boundary(ws))
    relation_conflicts = [c for c in find_conflicts(ws, "d0") if c.kind is ConflictKind.RELATION]
    assert [c.resolution for c in relation_conflicts] == ["moot", "moot"]
