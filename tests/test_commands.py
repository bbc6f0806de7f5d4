"""Edit commands (do/undo on the Workspace), done-checks and workflow rules, without Qt."""

import pytest

from annotator.core.checks import (
    link_targets,
    missing_before_done,
    nesting_depths,
    pick_at,
    relation_between,
    spans_at,
)
from annotator.core.commands import (
    AddSpan,
    DeleteSpan,
    LinkSpeaker,
    MoveSpan,
    SetAttribute,
    SetPublished,
    SetStatus,
)
from annotator.core.errors import ValidationError
from annotator.core.model import Span, Status
from annotator.core.records import DocumentRecord
from annotator.core.workflow import DocumentClock, annotator_layer, next_unfinished, progress

TEXT = "قال الرئيس إن القوات ستعود في 14 يناير"


@pytest.fixture
def ws(workspace):
    workspace.import_records([DocumentRecord(text=TEXT, path="a.txt", id="d")])
    return workspace


def test_add_span_undo_and_redo_keep_the_same_id(ws):
    cmd = AddSpan(ws, "d", "amal", 4, 10, "SPEAKER")
    cmd.do()
    assert cmd.span is not None
    first_id = cmd.span.id
    cmd.undo()
    assert ws.spans("d", "amal") == []
    cmd.do()
    assert [s.id for s in ws.spans("d", "amal")] == [first_id]


def test_delete_span_undo_restores_its_relations(ws):
    quote = ws.add_span("d", "amal", 11, 26, "QUOTE")
    speaker = ws.add_span("d", "amal", 4, 10, "SPEAKER")
    rel = ws.add_relation(quote.id, speaker.id, "said_by")
    cmd = DeleteSpan(ws, "d", speaker.id)
    cmd.do()
    assert ws.relations("d", "amal") == []
    cmd.undo()
    assert ws.relations("d", "amal") == [rel]


def test_move_and_attribute_commands_round_trip(ws):
    span = ws.add_span("d", "amal", 30, 38, "DATE")
    move = MoveSpan(ws, "d", span.id, 30, 32)
    move.do()
    assert (ws.span(span.id).start, ws.span(span.id).end) == (30, 32)
    move.undo()
    assert (ws.span(span.id).start, ws.span(span.id).end) == (30, 38)
    attr = SetAttribute(ws, "d", span.id, "value", "2022-01-14")
    attr.do()
    assert ws.span(span.id).attrs == {"value": "2022-01-14"}
    clear = SetAttribute(ws, "d", span.id, "value", "")
    clear.do()
    assert ws.span(span.id).attrs == {}
    clear.undo()
    attr.undo()
    assert ws.span(span.id).attrs == {}
    with pytest.raises(ValidationError):
        SetAttribute(ws, "d", span.id, "value", "next week").do()


def test_link_speaker_replaces_the_previous_link_and_undo_puts_it_back(ws):
    quote = ws.add_span("d", "amal", 11, 26, "QUOTE")
    first = ws.add_span("d", "amal", 0, 3, "SPEAKER")
    second = ws.add_span("d", "amal", 4, 10, "SPEAKER")
    link1 = LinkSpeaker(ws, "d", quote.id, first.id, "said_by")
    link1.do()
    link2 = LinkSpeaker(ws, "d", quote.id, second.id, "said_by")
    link2.do()
    assert [(r.head, r.child) for r in ws.relations("d", "amal")] == [(quote.id, second.id)]
    link2.undo()
    assert [(r.head, r.child) for r in ws.relations("d", "amal")] == [(quote.id, first.id)]
    link2.do()
    unlink = LinkSpeaker(ws, "d", quote.id, None, "said_by")
    unlink.do()
    assert ws.relations("d", "amal") == []
    unlink.undo()
    assert len(ws.relations("d", "amal")) == 1
    with pytest.raises(ValidationError):
        LinkSpeaker(ws, "d", first.id, second.id, "said_by").do()
    with pytest.raises(ValidationError):
        LinkSpeaker(ws, "d", quote.id, second.id, "said_by").do()


def test_a_link_move_the_disk_refuses_half_way_changes_nothing_and_tells_nobody(ws, monkeypatch):
    """Moving a link deletes one relation and adds another in one batch: the add failing
    (SQLite's disk-full error) rolls the delete back, and listeners hear of neither."""
    import sqlite3

    from annotator.core.errors import WorkspaceError
    from annotator.core.tables import Writer

    quote = ws.add_span("d", "amal", 11, 26, "QUOTE")
    first = ws.add_span("d", "amal", 0, 3, "SPEAKER")
    second = ws.add_span("d", "amal", 4, 10, "SPEAKER")
    LinkSpeaker(ws, "d", quote.id, first.id, "said_by").do()
    before = ws.relations("d", "amal")
    heard: list[str] = []
    ws.subscribe(lambda change: heard.append(change.action))
    log_many = Writer.log_many

    def full_at_the_add(writer, entries):
        entries = list(entries)
        if any(entry[0] == "add_relation" for entry in entries):
            raise sqlite3.OperationalError("database or disk is full")
        log_many(writer, entries)

    monkeypatch.setattr(Writer, "log_many", full_at_the_add)
    move = LinkSpeaker(ws, "d", quote.id, second.id, "said_by")
    with pytest.raises(WorkspaceError, match="disk is full"):
        move.do()
    assert ws.relations("d", "amal") == before and heard == []
    monkeypatch.undo()
    move.do()
    assert [r.child for r in ws.relations("d", "amal")] == [second.id]
    assert heard == ["delete_relation", "add_relation"]


def test_status_and_published_commands_undo(ws):
    done = SetStatus(ws, "d", "amal", Status.DONE)
    done.do()
    assert ws.status("d", "amal") == Status.DONE
    done.undo()
    assert ws.status("d", "amal") == Status.NEW
    pub = SetPublished(ws, "d", "2022-01-13")
    pub.do()
    assert ws.document("d").published == "2022-01-13"
    pub.undo()
    assert ws.document("d").published is None


def test_missing_before_done_lists_unlinked_quotes_and_dates_without_value(ws):
    quote = ws.add_span("d", "amal", 11, 26, "QUOTE")
    speaker = ws.add_span("d", "amal", 4, 10, "SPEAKER")
    date = ws.add_span("d", "amal", 30, 38, "DATE")
    missing = missing_before_done(ws.schema, ws.spans("d", "amal"), ws.relations("d", "amal"))
    assert {(m.span.id, m.kind, m.name) for m in missing} == {
        (quote.id, "relation", "said_by"),
        (date.id, "attribute", "value"),
    }
    ws.add_relation(quote.id, speaker.id, "said_by")
    ws.update_span(date.id, attrs={"value": "2022-01-14"})
    assert missing_before_done(ws.schema, ws.spans("d", "amal"), ws.relations("d", "amal")) == []


def test_relation_lookup_from_the_schema(ws):
    assert relation_between(ws.schema, "QUOTE", "SPEAKER") == "said_by"
    assert relation_between(ws.schema, "CLAIM", "SPEAKER") == "claimed_by"
    assert relation_between(ws.schema, "DATE", "SPEAKER") is None
    assert link_targets(ws.schema, "CLAIM") == {"SPEAKER"}
    assert link_targets(ws.schema, "SPEAKER") == frozenset()


def _span(sid, start, end, label="QUOTE"):
    return Span(sid, "d", "amal", start, end, label)


def test_clicks_pick_the_innermost_span_then_walk_outwards():
    spans = [_span("q", 0, 20), _span("s", 4, 10, "SPEAKER"), _span("x", 30, 32)]
    assert [s.id for s in spans_at(spans, 5)] == ["s", "q"]
    assert pick_at(spans, 5, None).id == "s"
    assert pick_at(spans, 5, "s").id == "q"
    assert pick_at(spans, 5, "q").id == "s"
    assert pick_at(spans, 25, "q") is None


def test_nesting_depths_mark_inner_and_overlapping_spans():
    spans = [_span("q", 0, 20), _span("s", 4, 10), _span("t", 5, 8), _span("o", 15, 25)]
    assert nesting_depths(spans) == {"q": 0, "s": 1, "t": 2, "o": 1}


def test_next_unfinished_wraps_and_skips_done():
    order = ["a", "b", "c"]
    statuses = {"a": Status.DONE, "b": Status.DONE}
    assert next_unfinished(order, statuses, "a") == "c"
    assert next_unfinished(order, statuses, "c") is None
    assert next_unfinished(order, {"c": Status.DONE}, "c") == "a"
    assert progress(order, statuses) == progress(["a", "b", "c"], statuses)
    assert progress(order, statuses).done == 2


def test_document_clock_hands_back_each_stint():
    ticks = iter([100.0, 130.5, 131.0])
    clock = DocumentClock(lambda: next(ticks))
    assert clock.switch("a") == (None, 0.0)
    assert clock.switch("b") == ("a", 30.5)
    assert clock.switch(None) == ("b", 0.5)
    assert clock.switch(None) == (None, 0.0)  # stopping a stopped clock reads no time


def test_annotators_cannot_write_reserved_layers():
    assert annotator_layer("amal") == "amal"
    for bad in ("gold", "suggestions", "a b"):
        with pytest.raises(ValidationError):
            annotator_layer(bad)


def _state(spans, relations=(), doc="d"):
    from annotator.core.document_state import DocumentState

    return DocumentState(doc, "amal", "x" * 50, list(spans), list(relations))


def test_row_changes_find_the_one_inserted_or_removed_row_and_changed_rows():
    from annotator.core.document_state import row_changes
    from annotator.core.model import Relation

    a, b, c = _span("a", 0, 5), _span("b", 6, 9, "SPEAKER"), _span("c", 10, 12)
    old = _state([a, c])
    added = row_changes(old, _state([a, b, c]))
    assert (added.inserted, added.removed, added.changed) == (1, None, [])
    removed = row_changes(_state([a, b, c]), old)
    assert (removed.inserted, removed.removed, removed.changed) == (None, 1, [])
    linked = row_changes(
        _state([a, b, c]), _state([a, b, c], [Relation("r", "d", "amal", "a", "b", "said_by")])
    )
    assert (linked.inserted, linked.removed, linked.changed) == (None, None, [0])
    assert row_changes(old, _state([c, a])) is None
    assert row_changes(old, _state([a, c], doc="other")) is None
    assert row_changes(old, _state([a])).removed == 1
    assert row_changes(old, _state([b])) is None


def test_applying_reported_changes_gives_exactly_what_a_reload_reads(ws):
    """Random edits, undos and redos on two layers: the state kept up to date from the
    Workspace's reports never differs from reading the store afresh."""
    import random

    from annotator.core.document_state import DocumentState

    ws.import_records([DocumentRecord(text="نص آخر", path="b.txt", id="other")])
    rng = random.Random(7)
    states = {"state": DocumentState.load(ws, "d", "amal", TEXT)}

    def listener(change):
        applied = states["state"].apply(ws, change.action, change.payload)
        states["state"] = applied or DocumentState.load(ws, "d", "amal", TEXT)

    ws.subscribe(listener)
    done = []
    bounds = [0, 3, 4, 10, 11, 13, 14, 20, 21, 26, 27, 29, 30, 32, 33, 38]
    for _ in range(300):
        roll = rng.random()
        spans = ws.spans("d", "amal")
        try:
            if roll < 0.3 or not spans:
                start, end = sorted(rng.sample(bounds, 2))
                layer = rng.choice(["amal", "amal", "omar"])
                doc = rng.choice(["d", "d", "d", "other"])
                if doc == "other":
                    start, end = 0, 2
                label = rng.choice(["QUOTE", "SPEAKER", "DATE", "CLAIM"])
                command = AddSpan(ws, doc, layer, start, end, label)
            elif roll < 0.45:
                command = DeleteSpan(ws, "d", rng.choice(spans).id)
            elif roll < 0.6:
                start, end = sorted(rng.sample(bounds, 2))
                command = MoveSpan(ws, "d", rng.choice(spans).id, start, end)
            elif roll < 0.7:
                command = SetAttribute(ws, "d", rng.choice(spans).id, "kind", "direct")
            elif roll < 0.85:
                heads = [s for s in spans if s.label in ("QUOTE", "CLAIM")]
                speakers = [s for s in spans if s.label == "SPEAKER"]
                if not heads or not speakers:
                    continue
                head = rng.choice(heads)
                label = "said_by" if head.label == "QUOTE" else "claimed_by"
                command = LinkSpeaker(ws, "d", head.id, rng.choice(speakers).id, label)
            else:
                if done:
                    done.pop().undo()
                continue
            command.do()
            done.append(command)
        except ValidationError:
            continue
        fresh = DocumentState.load(ws, "d", "amal", TEXT)
        assert states["state"].spans == fresh.spans
        assert sorted(states["state"].relations, key=lambda r: r.id) == sorted(
            fresh.relations, key=lambda r: r.id
        )
    assert len(done) > 50


def test_neighbour_walks_spans_in_text_order_and_wraps():
    from annotator.core.checks import neighbour

    spans = [_span("a", 0, 5), _span("b", 2, 4), _span("c", 9, 12)]
    assert neighbour(spans, None, True).id == "a"
    assert neighbour(spans, None, False).id == "c"
    assert neighbour(spans, "a", True).id == "b"
    assert neighbour(spans, "c", True).id == "a"
    assert neighbour(spans, "a", False).id == "c"
    assert neighbour([], None, True) is None
