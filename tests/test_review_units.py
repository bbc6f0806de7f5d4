"""A conflict is about one annotation unit: the reviewer decides each annotation, and taking a
version of one unit never drops another unit's span from gold. The reason typed with a decision
can be read again in ``conflicts --json``, the text table and the gold export."""

from __future__ import annotations

import json

import pytest

from annotator.core.model import GOLD_LAYER
from annotator.core.workspace import Workspace
from annotator.formats import jsonl
from annotator.review.conflicts import ConflictKind, find_conflicts
from annotator.review.resolve import reject, take_version

from .review_helpers import build
from .test_cli import run

# Words of five letters and a space: 420 characters, offsets 310, 345, 411, 413 all inside.
TEXT = ("alpha " * 70).rstrip() + " omega"

AMAL = [{"start": 310, "end": 413, "label": "QUOTE", "attrs": {"kind": "direct"}}]
OMAR = [
    {"start": 310, "end": 411, "label": "QUOTE", "attrs": {"kind": "direct"}},
    {"start": 310, "end": 411, "label": "CLAIM", "attrs": {"checkworthy": "yes"}},
    {"start": 345, "end": 350, "label": "DATE", "attrs": {"type": "DATE", "value": "2022-06"}},
]


@pytest.fixture
def quoted(db_path):
    """The reviewer's document: amal's QUOTE 310-413 against omar's QUOTE 310-411, his CLAIM
    310-411 and the DATE 345-350 inside them."""
    build(db_path, [(TEXT, {"amal": AMAL, "omar": OMAR})], who="rev").close()
    return db_path


def gold_keys(ws: Workspace) -> list[tuple[int, int, str]]:
    return sorted((s.start, s.end, s.label) for s in ws.spans("d0", GOLD_LAYER))


def open_conflicts(capsys, db_path) -> list[dict]:
    code, out, _ = run(capsys, "--db", db_path, "conflicts", "--open", "--json")
    assert code == 0
    return json.loads(out)


def test_each_label_is_its_own_unit_and_taking_a_quote_keeps_the_rest(capsys, quoted):
    found = open_conflicts(capsys, quoted)
    assert [(c["kind"], c["labels"], c["start"], c["end"]) for c in found] == [
        ("missing_in_some_layers", ["CLAIM"], 310, 411),
        ("boundary_differs", ["QUOTE"], 310, 413),
        ("missing_in_some_layers", ["DATE"], 345, 350),
    ]
    date = found[2]
    assert date["versions"]["amal"] == [] and len(date["versions"]["omar"]) == 1

    with Workspace(quoted, who="rev") as ws:
        (quote,) = [c for c in find_conflicts(ws, "d0") if c.labels == ["QUOTE"]]
        take_version(ws, quote, "amal", reason="the quote ends at the full stop")
        assert gold_keys(ws) == [(310, 413, "QUOTE")]
    # omar's DATE and CLAIM were not part of that decision: still open, each on its own.
    still = open_conflicts(capsys, quoted)
    assert [(c["labels"], c["start"], c["end"]) for c in still] == [
        (["CLAIM"], 310, 411),
        (["DATE"], 345, 350),
    ]
    with Workspace(quoted, who="rev") as ws:
        by_label = {c.labels[0]: c for c in find_conflicts(ws, "d0")}
        take_version(ws, by_label["DATE"], "omar")  # "only omar has this DATE": take it
        reject(ws, by_label["CLAIM"], reason="an attribution, not a claim")
        assert gold_keys(ws) == [(310, 413, "QUOTE"), (345, 350, "DATE")]
        assert all(c.resolved for c in find_conflicts(ws, "d0"))


def test_taking_a_quote_never_removes_a_gold_span_of_another_label(quoted):
    """The user's loss: gold already held omar's DATE and CLAIM; settling the quote boundary
    must leave them in gold."""
    with Workspace(quoted, who="rev") as ws:
        conflicts = {c.labels[0]: c for c in find_conflicts(ws, "d0")}
        take_version(ws, conflicts["DATE"], "omar")
        take_version(ws, conflicts["CLAIM"], "omar")
        take_version(ws, conflicts["QUOTE"], "amal")
        assert gold_keys(ws) == [(310, 411, "CLAIM"), (310, 413, "QUOTE"), (345, 350, "DATE")]
        # Changing one's mind on the quote swaps the quote only.
        take_version(ws, conflicts["QUOTE"], "omar")
        assert gold_keys(ws) == [(310, 411, "CLAIM"), (310, 411, "QUOTE"), (345, 350, "DATE")]


def test_relation_of_a_dropped_quote_closes_itself(db_path):
    """A link from a quote the reviewer decided to leave out has nothing left to decide."""
    ws = build(db_path, [(TEXT, {})], who="rev")
    for layer, end in (("amal", 413), ("omar", 411)):
        quote = ws.add_span("d0", layer, 310, end, "QUOTE", {"kind": "direct"})
        speaker = ws.add_span("d0", layer, 0, 5, "SPEAKER")
        ws.add_relation(quote.id, speaker.id, "said_by")
    kinds = [c.kind for c in find_conflicts(ws, "d0")]
    assert kinds.count(ConflictKind.RELATION) == 2 and ConflictKind.BOUNDARY in kinds
    (quote,) = [c for c in find_conflicts(ws, "d0") if c.kind is ConflictKind.BOUNDARY]
    take_version(ws, quote, "amal")
    relations = [c for c in find_conflicts(ws, "d0") if c.kind is ConflictKind.RELATION]
    assert sorted(c.resolution or "open" for c in relations) == ["moot", "open"]
    ws.close()


def test_the_reason_round_trips_to_conflicts_json_and_the_gold_export(capsys, db_path, tmp_path):
    reason = "ينتهي الاقتباس عند النقطة"
    quoted = db_path
    date = {"start": 0, "end": 5, "label": "DATE", "attrs": {}}
    with build(quoted, [(TEXT, {"amal": AMAL, "omar": [OMAR[0], date]})], who="rev") as ws:
        (quote,) = [c for c in find_conflicts(ws, "d0") if c.labels == ["QUOTE"]]
        take_version(ws, quote, "amal", reason=reason)
    code, out, _ = run(capsys, "--db", quoted, "conflicts", "--json")
    assert code == 0
    (decided,) = [c for c in json.loads(out) if c["resolution"]]
    assert (decided["resolution"], decided["reason"], decided["decided_by"]) == (
        "take:amal",
        reason,
        "rev",
    )
    assert decided["decided"]  # when, as the resolutions table keeps it
    undecided = [c for c in json.loads(out) if not c["resolution"]]
    assert [c["labels"] for c in undecided] == [["DATE"]]
    assert {(c["reason"], c["decided_by"], c["decided"]) for c in undecided} == {(None, None, None)}
    code, out, _ = run(capsys, "--db", quoted, "conflicts")
    assert code == 0 and reason in out and "take:amal by rev" in out
    # A reason is typed text: printed as the characters it is, never as terminal markup.
    with Workspace(quoted, who="rev") as ws:
        (date,) = [c for c in find_conflicts(ws, "d0") if not c.resolved]
        reject(ws, date, reason="[bold]no[/bold] \x1b[31mdate")
    code, out, _ = run(capsys, "--db", quoted, "conflicts")
    assert code == 0 and "[bold]no[/bold] \u241b[31mdate" in out and "\x1b" not in out

    export = tmp_path / "gold.jsonl"
    code, _, _ = run(capsys, "--db", quoted, "export", "-o", export, "--layer", "gold")
    assert code == 0
    (line,) = [json.loads(x) for x in export.read_text(encoding="utf-8").splitlines()]
    (span,) = line["spans"]
    assert (span["start"], span["end"], span["label"], span["reason"]) == (
        310,
        413,
        "QUOTE",
        reason,
    )
    # The additive field reads back: a gold export imported and exported again has the same
    # spans (the fresh workspace has no annotator layers to name in "annotators").
    fresh = Workspace(tmp_path / "fresh.db", who="rev")
    fresh.import_records(jsonl.read(export))
    again = tmp_path / "again.jsonl"
    jsonl.write(fresh, again, GOLD_LAYER)
    fresh.close()
    (line_again,) = [json.loads(x) for x in again.read_text(encoding="utf-8").splitlines()]
    assert line_again["spans"] == line["spans"]


def test_a_bad_reason_in_a_gold_file_is_refused(workspace, tmp_path):
    line = {
        "id": "g",
        "text": "قال الرئيس",
        "layer": "gold",
        "spans": [{"start": 4, "end": 10, "label": "SPEAKER", "reason": 7}],
    }
    source = tmp_path / "gold.jsonl"
    source.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    with pytest.raises(Exception, match="reason must be a string"):
        workspace.import_records(jsonl.read(source))
    assert workspace.documents() == []
