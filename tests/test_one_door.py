"""The one door: every write is a ``Workspace.writing()`` transaction whose Writer checks each
row like the importer does, and subscribers get one typed ``Change`` per committed transaction."""

from __future__ import annotations

import math
import sqlite3

import pytest

from annotator.core.changes import Change, ChangeKind
from annotator.core.errors import ValidationError, WorkspaceError
from annotator.core.model import Relation, Span
from annotator.core.records import DocumentRecord
from annotator.core.watch import ExternalChanges
from annotator.core.workspace import Workspace

TEXT = "قال الرئيس إن الاجتماع سيعقد غدا"


@pytest.fixture
def ws(tmp_path) -> Workspace:
    workspace = Workspace(tmp_path / "ws.db", who="amal")
    workspace.import_records(
        [
            DocumentRecord(text=TEXT, path="a.txt", id="a"),
            DocumentRecord(text="نص ثان", path="b.txt", id="b"),
        ]
    )
    yield workspace
    workspace.close()


def heard(ws: Workspace) -> list[Change]:
    changes: list[Change] = []
    ws.subscribe(changes.append)
    return changes


def test_each_committed_write_is_one_typed_change(ws):
    changes = heard(ws)
    quote = ws.add_span("a", "amal", 11, 32, "QUOTE")
    speaker = ws.add_span("a", "amal", 4, 10, "SPEAKER")
    rel = ws.add_relation(quote.id, speaker.id, "said_by")
    ws.set_status("a", "amal", "done")
    assert [(c.kind, c.action) for c in changes] == [
        (ChangeKind.SPANS, "add_span"),
        (ChangeKind.SPANS, "add_span"),
        (ChangeKind.RELATIONS, "add_relation"),
        (ChangeKind.STATUS, "set_status"),
    ]
    first = changes[0]
    assert first.doc_ids == {"a"} and first.doc_id == "a" and first.layer == "amal"
    assert first.span_ids == {quote.id} and not first.whole_workspace
    assert changes[2].relation_ids == {rel.id}
    assert first.touches("a") and not first.touches("b")


def test_a_rolled_back_write_tells_nobody_and_leaves_nothing(ws):
    changes = heard(ws)
    events = len(ws.events(1000))
    with pytest.raises(WorkspaceError), ws.writing("bulk", ChangeKind.SPANS) as w:
        w.insert_spans([Span("s1", "a", "amal", 0, 3, "SPEAKER")])
        raise sqlite3.OperationalError("database or disk is full")
    assert changes == [] and ws.spans("a", "amal") == [] and len(ws.events(1000)) == events


def test_a_batch_tells_each_write_after_the_commit(ws):
    changes = heard(ws)
    with ws.batch():
        ws.add_span("a", "amal", 0, 3, "SPEAKER")
        ws.add_span("b", "omar", 0, 2, "SPEAKER")
        assert changes == []  # nothing is told before the commit
    assert [c.doc_ids for c in changes] == [{"a"}, {"b"}]


def test_the_import_is_one_change_naming_the_new_documents(ws):
    changes = heard(ws)
    ws.import_records([DocumentRecord(text="نص ثالث", path="c.txt", id="c")])
    (change,) = changes
    assert change.kind is ChangeKind.DOCUMENTS_ADDED and change.doc_ids == {"c"}


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (Span("s\n", "a", "amal", 0, 3, "SPEAKER"), "id"),
        (Span("s1", "a", "amal\n", 0, 3, "SPEAKER"), "Layer name"),
        (Span("s1", "a", "amal", 0, 3, "SPEAKER", confidence=math.nan), "finite"),
        (Span("s1", "a", "amal", 0, 3, "SPEAKER", provenance=[1]), "JSON object"),  # type: ignore[arg-type]
        (Span("s1", "a", "amal", 0, 3, "SPEAKER", origin="x\x00"), "control"),
        (Span("s1", "a", "amal", 0, 99, "SPEAKER"), "out of range"),
        (Span("s1", "a", "amal", 0, 3, "NOPE"), "NOPE"),
    ],
)
def test_the_writer_refuses_a_span_the_importer_would_refuse(ws, row, message):
    with pytest.raises(ValidationError, match=message), ws.writing("x", ChangeKind.SPANS) as w:
        w.insert_spans([row])
    assert ws.spans("a", "amal") == []


def test_the_writer_refuses_relations_across_layers_and_labels_the_schema_forbids(ws):
    quote = ws.add_span("a", "amal", 11, 32, "QUOTE")
    speaker = ws.add_span("a", "omar", 4, 10, "SPEAKER")
    date = ws.add_span("a", "amal", 0, 3, "DATE")
    with (
        pytest.raises(ValidationError, match="own document and layer"),
        ws.writing("x", ChangeKind.RELATIONS) as w,
    ):
        w.insert_relations([Relation("r1", "a", "amal", quote.id, speaker.id, "said_by")])
    with pytest.raises(ValidationError), ws.writing("x", ChangeKind.RELATIONS) as w:
        w.insert_relations([Relation("r1", "a", "amal", quote.id, date.id, "said_by")])
    assert ws.relations("a", "amal") == []


def test_the_writer_refuses_documents_that_are_not_normalised_or_not_hashed(ws):
    from annotator.core.text import text_sha256

    raw = "e\u0301"  # not NFC
    with (
        pytest.raises(ValidationError, match="normalised"),
        ws.writing("x", ChangeKind.DOCUMENT) as w,
    ):
        w.insert_documents([("n", "", raw, text_sha256(raw), "", None, "{}", None)])
    with pytest.raises(ValidationError, match="hash"), ws.writing("x", ChangeKind.DOCUMENT) as w:
        w.insert_documents([("n", "", "é", "0" * 64, "", None, "{}", None)])
    with pytest.raises(ValidationError, match="JSON"), ws.writing("x", ChangeKind.DOCUMENT) as w:
        w.insert_documents([("n", "", "é", text_sha256("é"), "", None, "[1]", None)])
    assert [d.id for d in ws.documents()] == ["a", "b"]


def test_ids_and_layer_names_must_match_whole(ws):
    """``$`` also matches before a final newline: names are checked with fullmatch."""
    with pytest.raises(ValidationError):
        ws.add_span("a", "amal\n", 0, 3, "SPEAKER")
    with pytest.raises(Exception, match="not usable as an id"):
        ws.import_records([DocumentRecord(text="نص", path="c.jsonl", id="c\n")])


def test_query_is_read_only(ws):
    assert ws.query("SELECT count(*) FROM documents").fetchone()[0] == 2
    for sql in ("DELETE FROM spans", "UPDATE documents SET title = 'x'", "PRAGMA user_version = 9"):
        with pytest.raises(WorkspaceError, match="read-only"):
            ws.query(sql)
    assert ws.query("PRAGMA user_version").fetchone()[0] > 0


def test_another_programs_edits_are_a_change_naming_their_documents(ws):
    watch = ExternalChanges(ws)
    with Workspace(ws.path, who="omar") as other:
        other.add_span("b", "omar", 0, 2, "SPEAKER")
        other.set_status("b", "omar", "done")
    change = watch.changed()
    assert change is not None and change.doc_ids == {"b"} and change.layer == "omar"
    assert not change.whole_workspace and change.touches("b") and not change.touches("a")
    assert watch.changed() is None
    with Workspace(ws.path, who="omar") as other:
        other.import_records([DocumentRecord(text="نص ثالث", path="c.txt", id="c")])
    change = watch.changed()
    assert change is not None and change.whole_workspace  # an import: new documents
