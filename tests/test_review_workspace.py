"""What the review work added to the core: the v2 migration and two Workspace methods."""

from __future__ import annotations

import sqlite3

import pytest

from annotator.core.changes import ChangeKind
from annotator.core.errors import WorkspaceError
from annotator.core.model import GOLD_LAYER
from annotator.core.records import DocumentRecord
from annotator.core.store import SCHEMA_VERSION
from annotator.core.workspace import Workspace

from .review_helpers import schema_1_file


@pytest.fixture
def ws(workspace: Workspace) -> Workspace:
    workspace.import_records([DocumentRecord(text="some words to annotate", path="t", id="t")])
    return workspace


def test_deletions_leave_tombstones_and_undo_removes_them(ws):
    quote = ws.add_span("t", "amal", 0, 4, "QUOTE")
    speaker = ws.add_span("t", "amal", 5, 10, "SPEAKER")
    rel = ws.add_relation(quote.id, speaker.id, "said_by")
    span, rels = ws.delete_span(speaker.id)
    dead = dict(ws._db.execute("SELECT id, kind FROM tombstones").fetchall())
    assert dead == {speaker.id: "span", rel.id: "relation"}  # the cascade is recorded too
    ws.restore_span(span, rels)
    assert ws._db.execute("SELECT count(*) FROM tombstones").fetchone()[0] == 0


def test_a_version_1_file_is_migrated(tmp_path):
    path = tmp_path / "old.db"
    schema_1_file(path).close()
    ws = Workspace(path)
    assert ws._db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert {"tombstones", "assignments", "resolutions"} <= set(ws._db.table_names())
    ws.close()


def test_writing_is_one_transaction_with_an_event_per_document(ws):
    with ws.writing("bulk", ChangeKind.ASSIGNMENTS, payload={"n": 1}) as w:
        w.add_assignments([("t", "amal", "primary", "now")])
        w.log("bulk", "t", GOLD_LAYER, {"x": 1})
    actions = [(e["action"], e["doc_id"]) for e in ws.events(2)]
    assert actions == [("bulk", None), ("bulk", "t")]  # newest first: the summary closes it

    with pytest.raises(WorkspaceError), ws.writing("bulk", ChangeKind.ASSIGNMENTS) as w:
        w.add_assignments([("t", "omar", "primary", "now")])
        w.log("bulk", "t", None, {})
        raise sqlite3.OperationalError("disk full")
    assert ws._db.execute("SELECT count(*) FROM assignments").fetchone()[0] == 1
    assert len(ws.events(100)) == 3  # import + the two of the first call


def test_adjudicator_is_who_marked_it_or_last_changed_gold(ws, db_path):
    ws.add_span("t", GOLD_LAYER, 0, 4, "CLAIM")
    assert ws.adjudicators_by_document() == {"t": "amal"}
    boss = Workspace(db_path, who="boss")
    boss.set_status("t", GOLD_LAYER, "adjudicated")
    ws.add_span("t", GOLD_LAYER, 5, 10, "CLAIM")  # a later touch-up does not take it over
    assert ws.adjudicators_by_document() == {"t": "boss"}
    boss.close()
