"""A deleted span, relation or note that comes back loses its tombstone, on every path.

The Writer clears the tombstones of the ids it inserts (once per batch, and not at all while
nothing was ever deleted); a trigger per insert did it before. Each test here deletes a row,
brings it back through one of the paths that insert rows (undo and redo, a reviewer's undo,
an import, a merge, a package), and asserts that no tombstone of it remains: a tombstone left
behind would make the next merge delete the row again in the other copy.
"""

from __future__ import annotations

import ast
import json
import shutil
import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from annotator.core import commands, store
from annotator.core.changes import ChangeKind
from annotator.core.model import GOLD_LAYER, SUGGESTIONS_LAYER, Relation
from annotator.core.records import DocumentRecord
from annotator.core.text import text_sha256
from annotator.core.workspace import Workspace
from annotator.formats import expand_paths, read_paths
from annotator.review.assign import assign, make_package
from annotator.review.merge import merge_workspaces

TEXT = "the minister said that the talks will resume next week in the capital"


def tombstones(ws: Workspace) -> dict[str, str]:
    return dict(ws.query("SELECT id, kind FROM tombstones").fetchall())


def backdate_tombstone(ws: Workspace, row_id: str) -> None:
    """Make a deletion look older than anything the test does next."""
    ws._db.execute(
        "UPDATE tombstones SET deleted = '2000-01-01T00:00:00.000+00:00' WHERE id = ?", [row_id]
    )


@pytest.fixture
def ws(workspace: Workspace) -> Workspace:
    workspace.import_records([DocumentRecord(text=TEXT, path="t.txt", id="t")])
    return workspace


def quote_and_speaker(ws: Workspace, layer: str = "amal") -> tuple[str, str, str]:
    quote = ws.add_span("t", layer, 23, 69, "QUOTE", {"kind": "indirect"})
    speaker = ws.add_span("t", layer, 4, 12, "SPEAKER")
    rel = ws.add_relation(quote.id, speaker.id, "said_by")
    return quote.id, speaker.id, rel.id


def test_undo_and_redo_of_a_deletion(ws):
    _quote, speaker, rel = quote_and_speaker(ws)
    delete = commands.DeleteSpan(ws, "t", speaker)
    delete.do()
    assert tombstones(ws) == {speaker: "span", rel: "relation"}
    delete.undo()
    assert tombstones(ws) == {}
    assert ws.span(speaker) and ws.has_relation(rel)
    delete.do()
    assert tombstones(ws) == {speaker: "span", rel: "relation"}


def test_undo_of_an_added_span_and_its_redo(ws):
    add = commands.AddSpan(ws, "t", "amal", 4, 12, "SPEAKER")
    add.do()
    assert add.span is not None
    add.undo()
    assert tombstones(ws) == {add.span.id: "span"}
    add.do()  # the redo brings back the same id
    assert ws.span(add.span.id) and tombstones(ws) == {}


def test_undo_of_a_moved_link(ws):
    quote, speaker, rel = quote_and_speaker(ws)
    other = ws.add_span("t", "amal", 27, 35, "SPEAKER")
    move = commands.LinkSpeaker(ws, "t", quote, other.id, "said_by")
    move.do()
    assert rel in tombstones(ws)
    move.undo()
    assert rel not in tombstones(ws) and ws.has_relation(rel)
    assert move.added is not None and tombstones(ws) == {move.added.id: "relation"}
    move.do()  # redo: the new link comes back with its id, the old one goes again
    assert tombstones(ws) == {rel: "relation"}
    assert speaker


def test_undo_of_a_deleted_note(ws):
    note = ws.add_note("t", "amal", "check the date")
    delete = commands.DeleteNote(ws, "t", note.id)
    delete.do()
    assert tombstones(ws) == {note.id: "note"}
    delete.undo()
    assert tombstones(ws) == {} and ws.note(note.id)


def test_redo_of_an_accepted_suggestion(ws):
    suggestion = ws.add_span(
        "t", SUGGESTIONS_LAYER, 4, 12, "SPEAKER", provenance={"state": "pending"}
    )
    accept = commands.AcceptSuggestions(ws, "t", "amal", [suggestion.id])
    accept.do()
    copy = accept.copy_ids[suggestion.id]
    accept.undo()
    assert tombstones(ws) == {copy: "span"}
    accept.do()
    assert tombstones(ws) == {} and ws.span(copy).layer == "amal"


def test_undo_and_redo_of_a_review_decision(ws):
    decision = commands.GoldDecision(
        ws, "t", lambda w: w.add_span("t", GOLD_LAYER, 4, 12, "SPEAKER")
    )
    decision.do()
    (gold,) = ws.spans("t", GOLD_LAYER)
    decision.undo()
    assert tombstones(ws) == {gold.id: "span"}
    decision.do()
    assert tombstones(ws) == {} and ws.span(gold.id).layer == GOLD_LAYER


def test_a_review_undo_that_replaces_a_changed_span_keeps_no_tombstone(ws):
    """restore_gold deletes the changed row and inserts it again in one transaction."""
    gold = ws.add_span("t", GOLD_LAYER, 4, 12, "SPEAKER")
    before = ws.gold_state("t")
    ws.update_span(gold.id, end=16)
    ws.restore_gold(before)
    assert ws.span(gold.id).end == 12 and tombstones(ws) == {}


def test_an_import_that_brings_back_deleted_ids(ws, tmp_path):
    quote, speaker, rel = quote_and_speaker(ws)
    exported = {
        "text": TEXT,
        "spans": [_span_object(ws, quote), _span_object(ws, speaker)],
        "relations": [{"id": rel, "head": quote, "child": speaker, "label": "said_by"}],
    }
    ws.delete_span(speaker)
    ws.delete_span(quote)
    assert set(tombstones(ws)) == {quote, speaker, rel}
    source = tmp_path / "back.jsonl"
    source.write_text(json.dumps(exported, ensure_ascii=False) + "\n", encoding="utf-8")
    report = ws.import_records(read_paths(expand_paths([source])), layer="amal")
    assert report.spans_added == 2 and report.relations_added == 1
    assert tombstones(ws) == {}


def _span_object(ws: Workspace, span_id: str) -> dict[str, object]:
    span = ws.span(span_id)
    return {"id": span.id, "start": span.start, "end": span.end, "label": span.label}


def laptop(tmp_path: Path, ws: Workspace, name: str = "laptop") -> Workspace:
    """A copy of the workspace, as an annotator takes it home."""
    ws._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    path = tmp_path / f"{name}.db"
    shutil.copy(ws.path, path)
    return Workspace(path, who="amal")


def test_a_merge_that_brings_back_a_deleted_span_and_link(ws, tmp_path):
    quote, speaker, rel = quote_and_speaker(ws)
    other = laptop(tmp_path, ws)
    ws.delete_span(speaker)
    backdate_tombstone(ws, speaker)
    backdate_tombstone(ws, rel)
    other.update_span(speaker, end=16)  # edited there after the deletion here
    other.close()
    (report,) = merge_workspaces(ws, [tmp_path / "laptop.db"])
    assert report.counts["spans_restored"] == 1 and ws.span(speaker).end == 16
    assert ws.has_relation(rel)
    assert tombstones(ws) == {}
    # Merging the copies again either way changes nothing and deletes nothing.
    (again,) = merge_workspaces(ws, [tmp_path / "laptop.db"])
    assert not again.changed
    back = Workspace(tmp_path / "laptop.db", who="amal")
    merge_workspaces(back, [ws.path])
    assert back.span(speaker).end == 16 and back.has_relation(rel) and quote
    assert tombstones(back) == {}
    back.close()


def test_a_merge_that_brings_back_a_deleted_note(ws, tmp_path):
    note = ws.add_note("t", "amal", "is this a quote?")
    other = laptop(tmp_path, ws)
    ws.delete_note(note.id)
    backdate_tombstone(ws, note.id)
    other.set_note_flagged(note.id, True)  # changed there after the deletion here
    other.close()
    merge_workspaces(ws, [tmp_path / "laptop.db"])
    assert ws.note(note.id).flagged and tombstones(ws) == {}


def test_a_package_merged_back_brings_back_what_was_deleted(ws, tmp_path):
    quote, _speaker, _rel = quote_and_speaker(ws)
    package = tmp_path / "package.db"
    assign(ws, ["amal"], overlap=0)
    assert make_package(ws, "amal", package) == 1
    ws.delete_span(quote)
    backdate_tombstone(ws, quote)
    with Workspace(package, who="amal") as away:
        away.update_span(quote, attrs={"kind": "direct"})
    merge_workspaces(ws, [package])
    assert ws.span(quote).attrs == {"kind": "direct"}
    assert quote not in tombstones(ws)


def test_a_skipped_insert_keeps_its_tombstone(ws):
    """An insert that leaves a row out (the same link already there under another id) does
    not bring that id back, so its tombstone stays, as the trigger did."""
    quote, speaker, rel = quote_and_speaker(ws)
    ws.delete_relation(rel)
    again = ws.add_relation(quote, speaker, "said_by")
    with ws.writing("test", ChangeKind.SPANS, doc_id="t", layer="amal") as w:
        w.insert_relations([Relation(rel, "t", "amal", quote, speaker, "said_by")], if_absent=True)
    assert not ws.has_relation(rel) and ws.has_relation(again.id)
    assert tombstones(ws) == {rel: "relation"}


def test_every_insert_of_these_rows_clears_tombstones():
    """The Writer's three inserts of spans, relations and notes are the only ones, and each
    clears tombstones: a new insert elsewhere must do the same (then list it here)."""
    source = Path(store.__file__).with_name("tables.py").read_text(encoding="utf-8")
    inserting: dict[str, str] = {}
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef):
            text = ast.get_source_segment(source, node) or ""
            for table in ("spans", "relations", "notes"):
                if f"INTO {table} " in text:
                    inserting[node.name] = text
    assert set(inserting) == {"put_spans", "put_relations", "insert_notes"}
    for name, text in inserting.items():
        assert "_insert_unburying(" in text or "_unbury(" in text, name


def test_the_migration_drops_the_triggers_and_keeps_the_tombstones(tmp_path):
    """A workspace file as the version before this migration wrote it: its tombstones stay,
    and a row that comes back after the upgrade loses its own."""
    path = tmp_path / "old.db"
    before = store.MIGRATIONS.index(store._v_drop_untombstone_triggers)
    db = sqlite_utils.Database(sqlite3.connect(path))
    for migration in store.MIGRATIONS[:before]:
        migration(db)
    db.conn.executescript(
        f"""
        PRAGMA application_id = {store.APPLICATION_ID};
        PRAGMA user_version = {before};
        INSERT INTO documents (id, title, text, sha256, created)
            VALUES ('t', 't', '{TEXT}', '{text_sha256(TEXT)}', '2026-01-01');
        INSERT INTO layers (name, kind, created) VALUES ('amal', 'annotator', '2026-01-01');
        INSERT INTO spans (id, doc_id, layer, start, "end", label, updated)
            VALUES ('kept', 't', 'amal', 4, 12, 'SPEAKER', '2026-01-01'),
                   ('back', 't', 'amal', 27, 35, 'SPEAKER', '2026-01-01');
        DELETE FROM spans;
        """
    )
    db.conn.close()
    with Workspace(path, who="amal") as ws:
        triggers = ws.query("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        names = {row[0] for row in triggers}
        assert not {n for n in names if n.endswith("_untombstone")}
        assert {"spans_tombstone", "relations_tombstone", "notes_tombstone"} <= names
        assert tombstones(ws) == {"kept": "span", "back": "span"}
        ws.add_span("t", "amal", 27, 35, "SPEAKER", span_id="back")
        assert tombstones(ws) == {"kept": "span"}
